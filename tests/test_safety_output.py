"""The output folder: --out never removes or hides a file the user wrote (issue 12: 1, 5, 6)."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import duckdb
import pytest

import pipeline.outdir as outdir_module
from pipeline.cli import main
from pipeline.outdir import OutputRefused
from pipeline.run import RunOptions, run
from tests.conftest import SAMPLES, copy_samples, read_table

PAPER = "004_e7a5e62b3e5d6ec5.txt"  # a small text paper: runs in well under a second


def _cli(*args: str | Path) -> int:
    return main(["run", *map(str, args), "--workers", "1", "--no-cache", "-q"])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_out_naming_a_folder_of_the_users_files_is_refused(tmp_path: Path, capsys) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    documents = tmp_path / "Documents"
    (documents / "letters").mkdir(parents=True)
    (documents / "tax-return.pdf").write_bytes(b"%PDF-1.4 mine")
    (documents / "letters" / "to-bank.docx").write_bytes(b"mine too")
    before = _snapshot(documents)
    assert _cli(src, "--out", documents) == 2
    assert _snapshot(documents) == before
    assert "did not write" in capsys.readouterr().err


def test_out_naming_a_regular_file_is_refused(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    report = tmp_path / "report.docx"
    report.write_bytes(b"the user's report")
    assert _cli(src, "--out", report) == 2
    assert report.read_bytes() == b"the user's report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


@pytest.mark.parametrize("where", ["input", "parent-of-input", "inside-input"])
def test_out_overlapping_an_input_is_refused(tmp_path: Path, where: str) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    out = {"input": src, "parent-of-input": tmp_path, "inside-input": src / "out"}[where]
    before = _snapshot(tmp_path)
    assert _cli(src, "--out", out) == 2
    assert _snapshot(tmp_path) == before


def test_out_dot_holding_the_inputs_is_refused(tmp_path: Path, monkeypatch) -> None:
    copy_samples(tmp_path, (PAPER,))
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    assert _cli("in", "--out", ".") == 2
    assert _snapshot(tmp_path) == before


def test_a_dataset_is_replaced_but_a_file_added_to_it_blocks_that(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    out = tmp_path / "out"
    assert _cli(src, "--out", out) == 0
    assert _cli(src, "--out", out) == 0  # a dataset minutebook wrote: replaced
    (out / "my-notes.txt").write_text("analysis notes")
    assert _cli(src, "--out", out) == 2
    assert (out / "my-notes.txt").read_text() == "analysis notes"


def test_replacing_a_dataset_removes_only_the_files_it_listed(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    out = tmp_path / "out"
    run([src], out, RunOptions(workers=1, progress=False))
    manifest = json.loads((out / outdir_module.MANIFEST).read_text())
    assert "papers/" + next((out / "papers").glob("*.parquet")).name in manifest["files"]
    old = tmp_path / "old"
    shutil.copytree(out, old)
    (old / "late-user-file.txt").write_text("written during the run")
    outdir_module.remove_dataset(old, manifest["files"] + [outdir_module.MANIFEST])
    assert [p.name for p in old.iterdir()] == ["late-user-file.txt"]


def test_a_run_that_finds_no_papers_does_not_replace_a_dataset(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    out = tmp_path / "out"
    assert _cli(src, "--out", out) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _cli(empty, "--out", out) == 2
    assert len(read_table(out, "papers")) == 1
    assert _cli(empty, "--out", out, "--allow-empty") == 0
    assert len(read_table(out, "papers")) == 0


def test_folders_keep_the_users_umask(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    old = os.umask(0o022)
    try:
        run([src], tmp_path / "out", RunOptions(workers=1, progress=False))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "out" / "papers").stat().st_mode) == 0o755


def test_the_swap_puts_a_complete_dataset_in_place(tmp_path: Path, monkeypatch) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    out = tmp_path / "out"
    run([src], out, RunOptions(workers=1, progress=False))
    seen: list[set[str]] = []
    real_swap = outdir_module.swap_in

    def watching_swap(build: Path, target: Path) -> None:
        seen.append({p.name for p in build.iterdir()})
        real_swap(build, target)
        seen.append({p.name for p in target.iterdir()})

    monkeypatch.setattr(outdir_module, "swap_in", watching_swap)
    run([src], out, RunOptions(workers=1, progress=False))
    for names in seen:  # before and after: the database and manifest are already there
        assert {"minutebook.duckdb", outdir_module.MANIFEST, "papers"} <= names
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name or ".previous" in p.name]


def test_build_folders_of_stopped_runs_are_cleaned_and_others_kept(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    stale = tmp_path / ".out.building-999999999-1"  # no such process
    (stale / "papers").mkdir(parents=True)
    (stale / outdir_module.BUILDING_MARKER).write_text("999999999")
    not_ours = tmp_path / ".out.building-notes"
    not_ours.mkdir()
    (not_ours / "draft.txt").write_text("the user's")
    run([src], tmp_path / "out", RunOptions(workers=1, progress=False))
    assert not stale.exists()
    assert (not_ours / "draft.txt").read_text() == "the user's"


def test_a_moved_dataset_opens_and_never_reads_a_sibling(tmp_path: Path) -> None:
    one = copy_samples(tmp_path / "one", (PAPER,))
    two = copy_samples(tmp_path / "two", (PAPER, "003_a2a4ea0d76e054f2.txt"))
    run([one], tmp_path / "out[1]", RunOptions(workers=1, progress=False))
    run([two], tmp_path / "out1", RunOptions(workers=1, progress=False))
    shutil.move(tmp_path / "out[1]", tmp_path / "moved?")
    con = duckdb.connect(str(tmp_path / "moved?" / "minutebook.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM papers").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM awards").fetchone() is not None


def test_an_unsafe_out_is_refused_before_any_work(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    with pytest.raises(OutputRefused):
        run([src], src, RunOptions(workers=1, progress=False))
    assert sorted(p.name for p in src.iterdir()) == [PAPER]
    assert (SAMPLES / PAPER).read_bytes() == (src / PAPER).read_bytes()


def test_a_folder_holding_only_minutebooks_readme_is_written_to(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, (PAPER,))
    out = tmp_path / "output"
    out.mkdir()
    shutil.copy(Path(__file__).parent.parent / "output" / "README.md", out / "README.md")
    assert _cli(src, "--out", out) == 0  # a fresh clone's output/ (only the committed README)
    (out / "README.md").write_text("# My own notes\n")
    (out / outdir_module.MANIFEST).unlink()
    assert _cli(src, "--out", out) == 2  # without the manifest, the README is not minutebook's
