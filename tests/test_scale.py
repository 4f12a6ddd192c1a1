"""Incremental runs, interruption and the Dask executor."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.run import RunOptions, run
from tests.conftest import SAMPLES, all_tables, copy_samples

SUBSET = ("000_1c07758f42038aae.docx", "001_ab61ad5f639b9e5f.pdf", "003_a2a4ea0d76e054f2.txt",
          "004_e7a5e62b3e5d6ec5.docx")


def _inputs(tmp_path: Path, names=SUBSET) -> Path:
    return copy_samples(tmp_path, names)


_tables = all_tables


def test_rerun_reuses_unchanged_papers_and_drops_removed_ones(tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    cache = tmp_path / "cache"
    first = run([src], tmp_path / "out", RunOptions(workers=1, cache_dir=cache, progress=False))
    assert first.cached == 0
    before = _tables(tmp_path / "out")
    again = run([src], tmp_path / "out", RunOptions(workers=1, cache_dir=cache, progress=False))
    assert again.cached == len(SUBSET)
    assert _tables(tmp_path / "out") == before
    (src / SUBSET[0]).unlink()
    shutil.copy(SAMPLES / "002_ee5612cdad44ea4a.pdf", src / "002.pdf")
    third = run([src], tmp_path / "out", RunOptions(workers=1, cache_dir=cache, progress=False))
    assert third.cached == len(SUBSET) - 1
    paths = {Path(p).name for p in pq.read_table(tmp_path / "out" / "papers")["path"].to_pylist()}
    assert SUBSET[0] not in paths and "002.pdf" in paths
    forced = run([src], tmp_path / "out", RunOptions(workers=1, cache_dir=cache, force=True,
                                                     progress=False))
    assert forced.cached == 0


def test_unchanged_rerun_writes_nothing_and_reports_the_dataset(tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    files = {f: f.stat().st_mtime_ns for f in out.rglob("*") if f.is_file()}
    again = run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    assert {f: f.stat().st_mtime_ns for f in out.rglob("*") if f.is_file()} == files
    assert (again.rows, again.by_status, again.findings, again.pages, again.papers) == \
        (first.rows, first.by_status, first.findings, first.pages, first.papers)
    other = run([src], tmp_path / "elsewhere", RunOptions(workers=1, cache_dir=cache,
                                                          progress=False))
    assert other.cached == len(SUBSET) and (tmp_path / "elsewhere" / "papers").is_dir()
    shutil.copy(SAMPLES / "002_ee5612cdad44ea4a.pdf", src / "002.pdf")  # a new paper
    third = run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    assert third.papers == first.papers + 1 and third.rows["papers"] == first.rows["papers"] + 1
    written = _tables(out)
    (out / "minutebook.duckdb").unlink()  # a damaged dataset is written again
    run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    assert (out / "minutebook.duckdb").is_file() and _tables(out) == written
    (src / "002.pdf").unlink()
    run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    assert _tables(out) == _tables(tmp_path / "elsewhere")


def test_killed_run_leaves_previous_dataset_and_next_run_reuses_finished_papers(
        tmp_path: Path) -> None:
    src = _inputs(tmp_path, SUBSET[:2])
    out, cache = tmp_path / "out", tmp_path / "cache"
    run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    before = _tables(out)
    for name in ("002_ee5612cdad44ea4a.pdf", "004_e7a5e62b3e5d6ec5.pdf",
                 "002_ee5612cdad44ea4a.docx", "004_e7a5e62b3e5d6ec5.txt"):
        shutil.copy(SAMPLES / name, src / name)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(src), "--out",
                             str(out), "--cache", str(cache), "--workers", "1", "-q"],
                            start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if len(list(cache.rglob("*.json"))) >= 3:  # 2 old + at least 1 new paper finished
            break
        time.sleep(0.05)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:  # the run ended first: nothing left to stop
        pass
    proc.wait()
    assert _tables(out) == before, "the killed run must not touch the previous dataset"
    done = len(list(cache.rglob("*.json")))
    after = run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    assert after.cached >= min(done, 6) - 0 and after.cached >= 3
    assert after.papers == 6 and after.by_status["ok"] == 6


def test_dask_executor_gives_the_same_tables_as_local(tmp_path: Path) -> None:
    src = _inputs(tmp_path, SUBSET[:3])
    run([src], tmp_path / "local", RunOptions(workers=1, progress=False))
    run([src], tmp_path / "dask", RunOptions(workers=2, executor="dask", progress=False))
    assert _tables(tmp_path / "local") == _tables(tmp_path / "dask")
