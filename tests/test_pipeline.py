"""End-to-end behaviour of a run: every file accounted for, typed tables, atomic writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.run import RunOptions, run
from schemas.arrow import arrow_schema
from schemas.records import TABLES
from tests.conftest import (
    BAD,
    FORMATS,
    RULED_PDFS,
    SAMPLE_STEMS,
    SAMPLES,
    TEXT_PDFS,
    all_tables,
    copy_samples,
    gold,
    read_table,
)


def test_the_sample_lists_the_tests_run_over_are_whole() -> None:
    # an empty list would turn every test parametrized over it into no test at all
    assert SAMPLE_STEMS == [
        f"{n:03d}_{h}"
        for n, h in enumerate(
            (
                "1c07758f42038aae",
                "ab61ad5f639b9e5f",
                "ee5612cdad44ea4a",
                "a2a4ea0d76e054f2",
                "e7a5e62b3e5d6ec5",
            )
        )
    ]
    assert len(TEXT_PDFS) == 30 and set(RULED_PDFS) < set(TEXT_PDFS)
    assert all((SAMPLES / name).is_file() for name in TEXT_PDFS)


def test_every_input_file_has_one_papers_row(samples_run: Path) -> None:
    papers = read_table(samples_run, "papers")
    names = sorted(Path(p).name for p in papers["path"])
    expected = sorted(
        [p.name for p in SAMPLES.iterdir() if p.is_file()] + [p.name for p in BAD.iterdir()]
    )
    assert names == expected
    assert set(papers["status"]) <= {"ok", "partial", "failed", "needs_ocr", "skipped"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_doc_type_matches_gold_in_every_format(samples_run: Path, stem: str, fmt: str) -> None:
    papers = read_table(samples_run, "papers")
    row = papers[papers["path"].str.endswith(f"/{stem}.{fmt}")].iloc[0]
    assert row["status"] == "ok", row["error"]
    assert row["doc_type"] == gold(stem)["doc_type"]


def test_scanned_pdf_is_read_by_ocr(samples_run: Path) -> None:
    papers = read_table(samples_run, "papers")
    row = papers[papers["path"].str.endswith(".scanned.pdf")].iloc[0]
    assert row["status"] == "ok", row["error"]
    assert row["ocr_page_count"] == 14 and not row["has_text_layer"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_agenda_pack_parts(samples_run: Path, fmt: str) -> None:
    stem = "004_e7a5e62b3e5d6ec5"
    papers = read_table(samples_run, "papers")
    paper_id = papers[papers["path"].str.endswith(f"/{stem}.{fmt}")]["paper_id"].iloc[0]
    parts = read_table(samples_run, "parts")
    parts = parts[parts["paper_id"] == paper_id].sort_values("part_no")
    want = gold(stem)["parts"]
    assert list(parts["type"]) == [p["type"] for p in want]
    assert [str(d) for d in parts["date"]] == [p["date"] for p in want]
    for got, exp in zip(parts["title"], want, strict=True):
        assert " ".join(got.split()).casefold() == exp["title"].casefold()
    if fmt == "pdf":  # the agenda's own page references: (Pages 6 to 9), (10 to 11), (12 to 14)
        ranges = list(zip(parts["page_from"], parts["page_to"], strict=True))
        assert ranges == [(1, 5), (6, 9), (10, 11), (12, 14)]


def test_all_tables_written_with_contract_types(samples_run: Path) -> None:
    for table in TABLES:
        schema = pq.read_schema(next((samples_run / table).glob("*.parquet")))
        # names, order, types and nullability as schemas/ declares them
        assert schema.equals(arrow_schema(table)), table
        assert schema.metadata[b"table"] == table.encode()
    funding = pq.read_schema(next((samples_run / "funding").glob("*.parquet")))
    assert funding.field("amount_gbp").type == pa.decimal128(14, 2)
    assert (
        pq.read_schema(next((samples_run / "papers").glob("*.parquet"))).field("paper_date").type
        == pa.date32()
    )
    assert pq.read_schema(next((samples_run / "people").glob("*.parquet"))).field(
        "variants"
    ).type == pa.list_(pa.string())


@pytest.mark.parametrize(
    "name, needle",
    [
        ("empty-file.pdf", "empty"),
        ("truncated.pdf", "pdf"),
        ("encrypted-with-user-password.pdf", "encrypted"),
        ("random-bytes.docx", "not a valid word document"),
        ("zip-that-is-not-a-docx.docx", "word document"),
        ("invalid-utf8-binary.txt", "encoding cannot be recognised"),
    ],
)
def test_bad_input_is_recorded_with_a_clear_error(
    samples_run: Path, name: str, needle: str
) -> None:
    papers = read_table(samples_run, "papers")
    row = papers[papers["path"].str.endswith(f"/{name}")].iloc[0]
    assert row["status"] == "failed"
    assert row["error"] and needle.casefold() in row["error"].casefold()
    findings = read_table(samples_run, "findings")
    assert (findings["paper_id"] == row["paper_id"]).any()


@pytest.mark.parametrize("name", ["cp1252-text.txt", "utf16-with-bom.txt"])
def test_odd_encodings_are_read(samples_run: Path, name: str) -> None:
    papers = read_table(samples_run, "papers")
    row = papers[papers["path"].str.endswith(f"/{name}")].iloc[0]
    assert row["status"] == "ok", row["error"]


def test_duckdb_views_read_every_table(samples_run: Path) -> None:
    con = duckdb.connect(str(samples_run / "minutebook.duckdb"), read_only=True)
    papers = read_table(samples_run, "papers")
    assert con.execute("SELECT count(*) FROM papers").fetchone()[0] == len(papers)
    for table in TABLES:
        con.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()


def _sample_subset(tmp_path: Path) -> Path:
    return copy_samples(
        tmp_path,
        ("001_ab61ad5f639b9e5f.pdf", "003_a2a4ea0d76e054f2.docx", "004_e7a5e62b3e5d6ec5.txt"),
    )


_tables = all_tables


def test_runs_are_deterministic_whatever_the_worker_count(tmp_path: Path) -> None:
    src = _sample_subset(tmp_path)
    run([src], tmp_path / "a", RunOptions(workers=1, progress=False))
    run([src], tmp_path / "b", RunOptions(workers=2, progress=False))
    assert _tables(tmp_path / "a") == _tables(tmp_path / "b")


def test_identical_files_share_a_paper_id(tmp_path: Path) -> None:
    src = _sample_subset(tmp_path)
    shutil.copy(src / "001_ab61ad5f639b9e5f.pdf", src / "copy of overview.pdf")
    run([src], tmp_path / "out", RunOptions(workers=1, progress=False))
    papers = read_table(tmp_path / "out", "papers")
    dup = papers[papers["path"].str.endswith("copy of overview.pdf")].iloc[0]
    orig = papers[papers["path"].str.endswith("001_ab61ad5f639b9e5f.pdf")].iloc[0]
    assert dup["paper_id"] == orig["paper_id"]
    assert dup["duplicate_of"] == orig["path"]
    recs = read_table(tmp_path / "out", "recommendations")
    n_recs = len(gold("001_ab61ad5f639b9e5f")["recommendations"])
    assert (recs["paper_id"] == orig["paper_id"]).sum() == n_recs  # records not repeated


def test_zip_archive_members_are_papers(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "papers.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SAMPLES / "001_ab61ad5f639b9e5f.docx", "2019/overview.docx")
        zf.writestr("notes.md", "# not a paper")
    run([archive], tmp_path / "out", RunOptions(workers=1, progress=False))
    papers = read_table(tmp_path / "out", "papers").set_index("path")
    assert papers.loc[f"{archive}!2019/overview.docx", "status"] == "ok"
    assert papers.loc[f"{archive}!notes.md", "status"] == "skipped"


def test_failed_write_leaves_previous_dataset(tmp_path: Path, monkeypatch) -> None:
    src = _sample_subset(tmp_path)
    out = tmp_path / "out"
    run([src], out, RunOptions(workers=1, progress=False))
    before = _tables(out)
    import pipeline.write as write

    calls = {"n": 0}
    real = write.pq.write_table

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(write.pq, "write_table", flaky)
    shutil.copy(SAMPLES / "002_ee5612cdad44ea4a.pdf", src / "new.pdf")
    with pytest.raises(OSError):
        run([src], out, RunOptions(workers=1, progress=False))
    assert _tables(out) == before
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]


def test_cli_reports_missing_path_with_exit_code_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "run",
            str(tmp_path / "nope"),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "no such file" in proc.stderr


def test_cli_says_the_dask_extra_is_missing(tmp_path: Path, monkeypatch, capsys) -> None:
    import importlib.util

    from pipeline import cli

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "distributed" else real(name, *a),
    )
    code = cli.main(
        [
            "run",
            str(SAMPLES / "001_ab61ad5f639b9e5f.txt"),
            "--out",
            str(tmp_path / "out"),
            "--executor",
            "dask",
        ]
    )
    assert code == 2
    assert "pip install 'minutebook[dask]'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cli_run_prints_summary_and_uses_cache(tmp_path: Path) -> None:
    src = _sample_subset(tmp_path)
    cmd = [
        sys.executable,
        "-m",
        "pipeline.cli",
        "run",
        str(src),
        "--out",
        str(tmp_path / "o"),
        "--workers",
        "1",
    ]
    first = subprocess.run(cmd, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "papers: 3 (ok 3)" in first.stdout and "pages/s" in first.stdout
    second = subprocess.run(cmd, capture_output=True, text=True)
    assert "from cache: 3" in second.stdout


def test_awards_view_counts_an_award_named_in_several_papers_once(samples_run: Path) -> None:
    """The £261,694 grant is printed in 000, 001 and 004, in three formats each: one award."""
    grant = gold("000_1c07758f42038aae")["grant_totals"][0]
    con = duckdb.connect(str(samples_run / "minutebook.duckdb"), read_only=True)
    rows = con.execute(
        "SELECT mentions, papers FROM awards WHERE amount_gbp = ? AND financial_year = ?",
        [grant["amount_gbp"], grant["financial_year"]],
    ).fetchall()
    funding = read_table(samples_run, "funding")
    mentions = funding[
        (funding["amount_gbp"] == grant["amount_gbp"])
        & (funding["financial_year"] == grant["financial_year"])
    ]
    assert len(mentions) >= 3  # one per format of 000 at least
    assert sum(r[0] for r in rows) == len(mentions)
    assert len(rows) < len(mentions)  # grouped, not one award per mention


def test_committed_output_readme_is_what_a_run_writes(samples_run: Path) -> None:
    from tests.conftest import ROOT

    assert (ROOT / "output" / "README.md").read_text() == (samples_run / "README.md").read_text()


@pytest.mark.parametrize(
    "name, doc_type",
    [  # from docs/real-papers.md's descriptions
        ("kent-cabinet-minutes-2025-01-30.pdf", "minutes"),
        ("kent-county-council-minutes-2024-12-19.pdf", "minutes"),
        ("kent-corporate-parenting-panel-minutes-2024-10-29.pdf", "minutes"),
        ("kent-treasury-management-group-note-2024-11-14.pdf", "minutes"),
        ("kent-cabinet-agenda-2025-03-04.pdf", "agenda"),
        ("kent-county-council-budget-agenda-2025-02-13.pdf", "agenda"),
        ("kent-record-of-decision-24-00093-family-hubs.pdf", "decision"),
        ("kent-proposed-record-of-decision-24-00096.pdf", "decision"),
        ("kent-quarterly-performance-report-q3-2024-25.pdf", "performance_update"),
        ("kent-capital-investment-summary-2025-26-to-2034-35.pdf", "spend_plan"),
    ],
)
def test_real_papers_are_classified(name: str, doc_type: str) -> None:
    from extractors.formats import read_document
    from extractors.stages.classify import classify

    assert classify(read_document(SAMPLES / "real" / name)).doc_type == doc_type
