"""Incremental runs, interruption and the Dask executor."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.run import RunOptions, run
from tests.conftest import ROOT, SAMPLES, all_tables, copy_samples

SUBSET = (
    "000_1c07758f42038aae.docx",
    "001_ab61ad5f639b9e5f.pdf",
    "003_a2a4ea0d76e054f2.txt",
    "004_e7a5e62b3e5d6ec5.docx",
)


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
    forced = run(
        [src], tmp_path / "out", RunOptions(workers=1, cache_dir=cache, force=True, progress=False)
    )
    assert forced.cached == 0


def test_unchanged_rerun_writes_nothing_and_reports_the_dataset(tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    files = {f: f.stat().st_mtime_ns for f in out.rglob("*") if f.is_file()}
    again = run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    assert {f: f.stat().st_mtime_ns for f in out.rglob("*") if f.is_file()} == files
    assert (again.rows, again.by_status, again.findings, again.pages, again.papers) == (
        first.rows,
        first.by_status,
        first.findings,
        first.pages,
        first.papers,
    )
    other = run(
        [src], tmp_path / "elsewhere", RunOptions(workers=1, cache_dir=cache, progress=False)
    )
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


# a run that stops for good on its last paper (the one named zz-last.txt), once it has told
# the test so by creating the marker file: it cannot finish before the test kills it
_STOPPED_RUN = textwrap.dedent("""
    import sys, threading
    from pathlib import Path
    import pipeline.run as run_module
    from pipeline.run import RunOptions, run

    src, out, cache, marker = map(Path, sys.argv[1:5])
    real = run_module.process_paper

    def stops_on_last(path, name, data, paper_id):
        if name == "zz-last.txt":
            marker.write_text("")
            threading.Event().wait()  # until killed (or the paper's time limit, 300 s)
        return real(path, name, data, paper_id)

    run_module.process_paper = stops_on_last  # workers are forked: they inherit it
    run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
""")


def test_killed_run_leaves_previous_dataset_and_next_run_reuses_finished_papers(
    tmp_path: Path,
) -> None:
    src = _inputs(tmp_path, SUBSET[:2])
    out, cache, marker = tmp_path / "out", tmp_path / "cache", tmp_path / "stopped"
    run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    before = _tables(out)
    for name in (
        "002_ee5612cdad44ea4a.pdf",
        "004_e7a5e62b3e5d6ec5.pdf",
        "002_ee5612cdad44ea4a.docx",
    ):
        shutil.copy(SAMPLES / name, src / name)
    shutil.copy(SAMPLES / "004_e7a5e62b3e5d6ec5.txt", src / "zz-last.txt")  # last in order
    log = tmp_path / "stopped-run.log"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", _STOPPED_RUN, str(src), str(out), str(cache), str(marker)],
            cwd=ROOT,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        # wait until the run is stuck on its last paper and has cached the three before it
        while not (marker.exists() and len(list(cache.rglob("*.json"))) == 5):
            if proc.poll() is not None:
                pytest.fail(f"the run ended before it was killed: {log.read_text()[-2000:]}")
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert _tables(out) == before, "the killed run must not touch the previous dataset"
    after = run([src], out, RunOptions(workers=1, cache_dir=cache, progress=False))
    assert after.cached == 5  # the two of the first run and the three the killed run finished
    assert after.papers == 6 and after.by_status["ok"] == 6


def test_dask_executor_gives_the_same_tables_as_local(tmp_path: Path) -> None:
    src = _inputs(tmp_path, SUBSET[:3])
    run([src], tmp_path / "local", RunOptions(workers=1, progress=False))
    run([src], tmp_path / "dask", RunOptions(workers=2, executor="dask", progress=False))
    assert _tables(tmp_path / "local") == _tables(tmp_path / "dask")


class _Stop(Exception):
    pass


def test_worker_processes_start_by_a_stated_method(monkeypatch, tmp_path: Path) -> None:
    """Local workers fork (from the imported modules, whatever the platform default); a local
    Dask cluster spawns its workers, whatever Dask is configured to do."""
    import dask
    import dask.distributed

    import pipeline.run as run_module
    from pipeline.dask_executor import run_on_dask
    from pipeline.discover import discover

    seen = []

    def pool(*args, mp_context=None, **kwargs):
        seen.append(mp_context.get_start_method() if mp_context else None)
        raise _Stop

    def cluster(*args, **kwargs):
        seen.append(dask.config.get("distributed.worker.multiprocessing-method"))
        raise _Stop

    monkeypatch.setattr(run_module, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(dask.distributed, "LocalCluster", cluster)
    todo = [(inp, "0" * 64) for inp in discover([_inputs(tmp_path, SUBSET[:1])])]
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        with pytest.raises(_Stop):
            run_module.run_pool(todo, RunOptions(workers=2), lambda r: None)
        with pytest.raises(_Stop):
            run_on_dask(todo, RunOptions(workers=2), lambda r: None)
    assert seen == ["fork", "spawn"]
