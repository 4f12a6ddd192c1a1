"""Hostile input, dying workers, time limits: each costs only its own paper."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import pipeline.run as run_module
from pipeline.discover import InputFile, discover, sha256_of
from pipeline.run import RunOptions, run, run_pool, work_on
from tests.conftest import BAD, SAMPLES, read_table
from tests.crashing_worker import CRASH_ON, crash_on_marked_paper


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole hostile corpus plus two good papers, in one run; returns the output folder.
    (How long the corpus takes is measured by ``make bench``, not here.)"""
    base = tmp_path_factory.mktemp("bad")
    src = base / "in"
    shutil.copytree(BAD, src)
    shutil.copy(SAMPLES / "002_ee5612cdad44ea4a.pdf", src / "good.pdf")
    shutil.copy(SAMPLES / "004_e7a5e62b3e5d6ec5.docx", src / "good.docx")
    run([src], base / "out", RunOptions(workers=2, timeout_s=120, progress=False))
    return base / "out"


def _row(out: Path, name: str):
    papers = read_table(out, "papers")
    return papers[papers["path"].str.endswith("/" + name)].iloc[0]


def test_every_hostile_file_is_accounted_for(bad_run) -> None:
    out = bad_run
    papers = read_table(out, "papers")
    assert len(papers) == len(list(BAD.iterdir())) + 2
    assert papers["status"].notna().all()
    failed = papers[papers["status"] != "ok"]
    assert failed["error"].notna().all() and (failed["error"].str.len() > 10).all()
    assert _row(out, "good.pdf")["status"] == "ok"
    assert _row(out, "good.docx")["status"] == "ok"
    assert len(read_table(out, "attendance")) > 0  # the good pack's data was written


@pytest.mark.parametrize(
    "name, status, needle",
    [
        ("decompression-bomb.docx", "failed", "unzip"),
        ("html-saved-as.pdf", "failed", "not a PDF"),
        ("random-bytes-with-pdf-header.pdf", "failed", "damaged"),
        ("empty-file.txt", "failed", "empty"),
    ],
)
def test_hostile_file_outcome(bad_run, name: str, status: str, needle: str) -> None:
    row = _row(bad_run, name)
    assert row["status"] == status
    assert needle.casefold() in row["error"].casefold()


@pytest.mark.parametrize(
    "name",
    [
        "docx-with-30000-paragraphs.docx",
        "docx-with-huge-table.docx",
        "blank-pages-between-text.pdf",
        "name with spaces and n\u00f3n-\u00e4scii \u2013 minutes.txt",
    ],
)
def test_odd_but_valid_files_are_processed(bad_run, name: str) -> None:
    assert _row(bad_run, name)["status"] == "ok"


def test_an_image_only_pdf_is_read_by_ocr(bad_run) -> None:
    row = _row(bad_run, "image-only-two-pages.pdf")
    assert row["status"] == "ok" and row["ocr_page_count"] == 2


def test_blank_pages_are_counted(bad_run) -> None:
    assert _row(bad_run, "blank-pages-between-text.pdf")["page_count"] == 6


def test_same_file_twice_is_one_paper_two_rows(bad_run) -> None:
    a = _row(bad_run, "same-file-twice-a.pdf")
    b = _row(bad_run, "same-file-twice-b (copy).pdf")
    assert a["paper_id"] == b["paper_id"] == sha256_of((BAD / "same-file-twice-a.pdf").read_bytes())
    assert b["duplicate_of"] == a["path"]


def test_a_worker_that_dies_costs_only_its_paper(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.pdf", f"{CRASH_ON}.pdf", "c.pdf"):
        shutil.copy(SAMPLES / "001_ab61ad5f639b9e5f.pdf", src / name)
    (src / "c.pdf").write_bytes((src / "c.pdf").read_bytes() + b"\n% c\n")
    (src / f"{CRASH_ON}.pdf").write_bytes((src / "a.pdf").read_bytes() + b"\n% b\n")
    todo = [(inp, sha256_of(inp.read_bytes())) for inp in discover([src])]
    results = run_pool(todo, RunOptions(workers=2), lambda r: None, worker=crash_on_marked_paper)
    by_name = {Path(k).name: v.paper for k, v in results.items()}
    assert by_name[f"{CRASH_ON}.pdf"].status == "failed"
    assert "died" in by_name[f"{CRASH_ON}.pdf"].error
    assert by_name["a.pdf"].status == "ok" and by_name["c.pdf"].status == "ok"


def test_a_paper_over_its_time_limit_fails_alone(monkeypatch, tmp_path: Path) -> None:
    def slow(*args, **kwargs):
        time.sleep(5)  # then returns nothing: only the time limit makes a timeout result

    monkeypatch.setattr(run_module, "process_paper", slow)
    path = tmp_path / "slow.txt"
    path.write_text("Minutes")
    result = work_on(InputFile(str(path), path), "id", timeout_s=1)
    assert result.paper.status == "failed" and result.paper.error.startswith("timeout")


def _hog(*args, **kwargs):
    return bytearray(6 * 1024**3)  # 6 GB: over the worker's address-space limit


def test_a_paper_over_its_memory_limit_fails_alone(monkeypatch, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "hog.txt").write_text("Minutes of the meeting")
    monkeypatch.setattr(run_module, "process_paper", _hog)  # forked workers inherit it
    todo = [(inp, sha256_of(inp.read_bytes())) for inp in discover([src])]
    results = run_pool(todo, RunOptions(workers=1, memory_mb=1024), lambda r: None)
    paper = next(iter(results.values())).paper
    assert paper.status == "failed" and "memory" in paper.error
