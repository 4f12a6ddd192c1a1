"""The cache is data, time limits are limits, a stopped run keeps its work (issue 12, 2, 4, 5)."""

from __future__ import annotations

import json
import os
import pickle
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import pipeline.run as run_module
from pipeline.cache import ResultCache
from pipeline.dask_executor import process_bytes
from pipeline.discover import sha256_of
from pipeline.run import RunOptions, run
from pipeline.version import PIPELINE_VERSION
from tests.conftest import SAMPLES, all_tables, copy_samples, read_table

PAPERS = ("004_e7a5e62b3e5d6ec5.txt", "003_a2a4ea0d76e054f2.txt")


def _entry(cache: Path, paper: Path) -> Path:
    pid = sha256_of(paper.read_bytes())
    return cache / PIPELINE_VERSION / pid[:2] / f"{pid}.json"


class _Planted:
    ran = False

    def __reduce__(self):
        return (exec, ("import pathlib; pathlib.Path('PLANTED').write_text('ran')",))


def test_a_planted_cache_entry_cannot_run_code(tmp_path: Path, monkeypatch) -> None:
    src = copy_samples(tmp_path, PAPERS[:1])
    cache = tmp_path / "cache"
    monkeypatch.chdir(tmp_path)
    entry = _entry(cache, src / PAPERS[0])
    entry.parent.mkdir(parents=True)
    entry.with_suffix(".pickle").write_bytes(pickle.dumps(_Planted()))
    entry.write_bytes(pickle.dumps(_Planted()))  # the planted bytes where the entry goes
    summary = run([src], tmp_path / "out", RunOptions(workers=1, cache_dir=cache, progress=False))
    assert not (tmp_path / "PLANTED").exists()
    assert summary.cached == 0 and summary.by_status["ok"] == 1


def test_wrong_shape_and_other_papers_entries_are_misses(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, PAPERS)
    cache = tmp_path / "cache"
    run([src], tmp_path / "ref", RunOptions(workers=1, cache_dir=None, progress=False))
    run([src], tmp_path / "first", RunOptions(workers=1, cache_dir=cache, progress=False))
    a, b = (_entry(cache, src / name) for name in PAPERS)
    b.write_bytes(a.read_bytes())  # an entry for another paper under b's name
    entry = json.loads(a.read_text())
    entry["records"]["attendance"] = [{"no": "such columns"}]
    a.write_text(json.dumps(entry))
    again = run([src], tmp_path / "out", RunOptions(workers=1, cache_dir=cache, progress=False))
    assert again.cached == 0
    assert all_tables(tmp_path / "out") == all_tables(tmp_path / "ref")
    a.write_text("[1, 2, 3]")  # valid JSON of the wrong type
    b.write_bytes(b"\x80\x04garbage")
    run(
        [src], tmp_path / "out", RunOptions(workers=1, cache_dir=cache, progress=False, force=False)
    )
    assert all_tables(tmp_path / "out") == all_tables(tmp_path / "ref")


def test_cache_folder_is_private_to_the_user(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, PAPERS[:1])
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o777)
    os.chmod(cache, 0o777)
    run([src], tmp_path / "out", RunOptions(workers=1, cache_dir=cache, progress=False))
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    for folder in (p for p in cache.rglob("*") if p.is_dir()):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def _slow_extractor(doc, ctx):
    time.sleep(30)
    raise AssertionError("not reached")


@pytest.mark.parametrize("workers, memory_mb", [(1, 0), (2, 4096)])
def test_a_paper_over_its_time_limit_fails_whole_and_is_not_cached(
    tmp_path: Path, monkeypatch, workers: int, memory_mb: int
) -> None:
    src = copy_samples(tmp_path, PAPERS)
    cache = tmp_path / "cache"
    import extractors.registry as registry

    slow_on = sha256_of((src / PAPERS[0]).read_bytes())
    real = dict(registry.EXTRACTORS)

    def maybe_slow(doc, ctx):
        if ctx.paper_id == slow_on:
            _slow_extractor(doc, ctx)
        return real["minutes"](doc, ctx)

    monkeypatch.setitem(registry.EXTRACTORS, "minutes", maybe_slow)
    run(
        [src],
        tmp_path / "out",
        RunOptions(
            workers=workers, memory_mb=memory_mb, timeout_s=2, cache_dir=cache, progress=False
        ),
    )
    papers = read_table(tmp_path / "out", "papers").set_index("paper_id")
    assert papers.loc[slow_on, "status"] == "failed"
    assert papers.loc[slow_on, "error"].startswith("timeout")
    for table in ("meetings", "attendance", "minute_items", "funding"):
        assert slow_on not in set(read_table(tmp_path / "out", table)["paper_id"])
    assert not _entry(cache, src / PAPERS[0]).exists()
    assert _entry(cache, src / PAPERS[1]).exists()
    monkeypatch.setitem(registry.EXTRACTORS, "minutes", real["minutes"])
    later = run(
        [src],
        tmp_path / "out",
        RunOptions(workers=1, timeout_s=60, cache_dir=cache, progress=False),
    )
    assert later.by_status == {"ok": 2} and later.cached == 1


def test_the_dask_task_honours_the_time_limit(monkeypatch) -> None:
    import pipeline.dask_executor as dask_executor

    def busy(*args):
        while True:
            sum(range(1000))

    monkeypatch.setattr(dask_executor, "process_paper", busy)
    box = []
    worker = threading.Thread(
        target=lambda: box.append(process_bytes("p.txt", "p.txt", b"Minutes", "0" * 64, 1))
    )
    worker.start()
    worker.join(20)
    assert not worker.is_alive()
    assert box[0].paper.status == "failed" and box[0].paper.error.startswith("timeout")
    assert not box[0].final


def test_each_paper_is_cached_as_it_finishes(tmp_path: Path, monkeypatch) -> None:
    names = ("000_1c07758f42038aae.txt", "003_a2a4ea0d76e054f2.txt", "004_e7a5e62b3e5d6ec5.txt")
    src = copy_samples(tmp_path, names)
    cache = tmp_path / "cache"
    last = sha256_of((src / names[-1]).read_bytes())
    real = run_module.process_paper

    def stopped_on_last(path, name, data, paper_id):
        if paper_id == last:
            raise KeyboardInterrupt  # the user stops the run on its last paper
        return real(path, name, data, paper_id)

    monkeypatch.setattr(run_module, "process_paper", stopped_on_last)
    with pytest.raises(KeyboardInterrupt):
        run(
            [src],
            tmp_path / "out",
            RunOptions(workers=1, memory_mb=0, cache_dir=cache, progress=False),
        )
    assert len(list(cache.rglob("*.json"))) == 2
    assert not (tmp_path / "out").exists()


_PARENT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import pipeline.run as run_module
    from pipeline.discover import discover
    from pipeline.run import RunOptions, run_pool

    def stuck(path, name, data, paper_id):
        Path(sys.argv[2], str(os.getpid())).write_text("")
        time.sleep(120)

    run_module.process_paper = stuck
    todo = [(inp, str(i)) for i, inp in enumerate(discover([sys.argv[1]]))]
    run_pool(todo, RunOptions(workers=2, timeout_s=0), lambda r: None)
""")


def test_workers_exit_with_their_parent(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, PAPERS)
    pids = tmp_path / "pids"
    pids.mkdir()
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT, str(src), str(pids)], cwd=SAMPLES.parent
    )
    deadline = time.time() + 60
    while time.time() < deadline and len(list(pids.iterdir())) < 2:
        time.sleep(0.1)
    workers = [int(p.name) for p in pids.iterdir()]
    assert len(workers) == 2
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.time() + 10
    alive = workers
    while alive and time.time() < deadline:
        time.sleep(0.2)
        alive = [w for w in workers if _running(w)]
    assert alive == []


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_an_unwritable_cache_costs_the_cache_not_the_run(tmp_path: Path) -> None:
    src = copy_samples(tmp_path, PAPERS[:1])
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    summary = run([src], tmp_path / "out", RunOptions(workers=1, cache_dir=blocker, progress=False))
    assert summary.by_status["ok"] == 1
    assert ResultCache(blocker).folder is None
