"""Run: discover inputs, process each paper (in worker processes), collect, write.

Results are assembled in path order whatever the number of workers, so two runs over the same
input give the same rows in the same order. A paper that crashes its worker, runs out of time
or memory costs only that paper: it is recorded as failed and the batch goes on.
"""

from __future__ import annotations

import copy
import gc
import logging
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.linking.confidence import rate_funding
from extractors.linking.date_checks import check_meeting_dates
from extractors.linking.identity import link_identities
from extractors.linking.links import (
    infer_authorities,
    link_budget_summaries,
    link_minutes_approvals,
)
from extractors.linking.meetings import link_meetings
from pipeline.cache import ResultCache
from pipeline.discover import InputFile, discover, not_a_paper, sha256_of
from pipeline.outdir import check_not_emptied, check_output
from pipeline.process import (
    PaperResult,
    PaperTimeout,
    lost_paper,
    process_paper,
    timeout_message,
)
from pipeline.terminal import printable
from pipeline.version import PIPELINE_VERSION
from pipeline.write import column_values, dataset_rows, is_up_to_date, write_dataset
from schemas.records import PER_PAPER_TABLES, Paper

log = logging.getLogger("minutebook")


@dataclass
class RunOptions:
    """How to run: workers, limits, cache."""

    workers: int = 1
    timeout_s: int = 300  # per paper
    memory_mb: int = 4096  # per worker (address space)
    cache_dir: Path | None = None
    force: bool = False
    progress: bool | None = None  # None: a bar on a terminal, log lines otherwise
    executor: str = "local"  # "local" worker processes or "dask"
    scheduler: str | None = None  # dask scheduler address; None starts a local cluster
    allow_empty: bool = False  # may a run that found no papers replace a dataset that has some


@dataclass
class RunSummary:
    """What a run did, for the closing summary and for callers."""

    out: Path
    papers: int = 0
    pages: int = 0
    seconds: float = 0.0
    by_status: Counter[str] = field(default_factory=Counter)
    rows: dict[str, int] = field(default_factory=dict)
    findings: Counter[str] = field(default_factory=Counter)
    cached: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_worker_rss_mb: float = 0.0

    def render(self) -> str:
        """Return the summary as the lines printed at the end of a run."""
        rate = self.pages / self.seconds if self.seconds else 0.0
        status = ", ".join(f"{k} {v}" for k, v in sorted(self.by_status.items()))
        rows = ", ".join(f"{k} {v}" for k, v in self.rows.items())
        findings = ", ".join(f"{k} {v}" for k, v in sorted(self.findings.items())) or "none"
        return (
            f"papers: {self.papers} ({status}); from cache: {self.cached}\n"
            f"rows: {rows}\nfindings: {findings}\n"
            f"pages: {self.pages} in {self.seconds:.1f} s ({rate:.1f} pages/s)\n"
            f"written to {printable(str(self.out))}"
        )


def _on_alarm(signum: int, frame: Any) -> None:
    raise PaperTimeout()


def _watch_parent(parent_pid: int) -> None:
    """Exit this worker when the process that started it is gone (killed, crashed)."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    previous = threading.stack_size(256 * 1024)  # a watcher needs little stack
    try:
        threading.Thread(target=watch, name="minutebook-parent-watch", daemon=True).start()
    finally:
        threading.stack_size(previous)


def _init_worker(memory_mb: int, parent_pid: int = 0) -> None:
    # A paper's objects are freed by reference counting; the cycle collector only walks the
    # imported modules again and again (about 3% of a worker's time at the default threshold).
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)
    if parent_pid:  # before the memory limit, which a new thread's stack could exceed
        _watch_parent(parent_pid)
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):
            pass
    signal.signal(signal.SIGALRM, _on_alarm)


def work_on(inp: InputFile, paper_id: str, timeout_s: int) -> PaperResult:
    """Process one input inside a worker, under a time limit. Never raises for a bad paper."""
    timeout_s = timeout_s if threading.current_thread() is threading.main_thread() else 0
    try:
        try:
            if timeout_s > 0:  # alarms only work on a process's main thread
                signal.signal(signal.SIGALRM, _on_alarm)
                signal.setitimer(signal.ITIMER_REAL, timeout_s)
            data = inp.read_bytes()
            result = process_paper(inp.path, inp.name, data, paper_id)
            result.worker_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            return result
        finally:
            if timeout_s > 0:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except PaperTimeout:
        return lost_paper(inp.path, paper_id, timeout_message(timeout_s))
    except MemoryError:
        return lost_paper(inp.path, paper_id, "ran out of memory (worker limit)")
    except Exception as exc:  # the file changed or vanished since it was hashed, ...
        return lost_paper(inp.path, paper_id, f"could not open the file: {exc}", "read")


def _hash_inputs(
    inputs: Iterable[InputFile],
) -> Iterator[tuple[InputFile, str | None, int, bytes, str]]:
    """Each input with its paper id (sha256), size, first bytes and why it could not be read."""
    for inp in inputs:
        try:
            data = inp.read_bytes()
        except Exception as exc:  # OSError, a bad zip member (encrypted, bad CRC, method), ...
            reason = str(exc) or type(exc).__name__
            yield inp, None, 0, b"", f"could not open the file: {reason}"
            continue
        yield inp, sha256_of(data), len(data), data[:4096], ""


def _progress(total: int, enabled: bool | None) -> Callable[[PaperResult], None]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if enabled:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="paper", file=sys.stderr)

        def tick(result: PaperResult) -> None:
            bar.update(1)
            name = printable(Path(result.paper.path).name)
            bar.set_postfix_str(f"{result.paper.status} {name}"[:50])
            if bar.n >= total:
                bar.close()

        return tick
    done = 0

    def line(result: PaperResult) -> None:
        nonlocal done
        done += 1
        p = result.paper
        extra = f": {p.error.splitlines()[0]}" if p.error else ""
        log.info(
            "[%d/%d] %s %s (%s pages)%s",
            done,
            total,
            p.status,
            printable(p.path),
            p.page_count or 0,
            printable(extra[:160]),
        )

    return line


def run_pool(
    todo: list[tuple[InputFile, str]],
    opts: RunOptions,
    done: Callable[[PaperResult], None],
    worker: Callable[[InputFile, str, int], PaperResult] = work_on,
) -> dict[str, PaperResult]:
    """Process inputs in worker processes, a bounded number in flight.

    When a worker dies (segfault, killed for memory), the papers in flight are retried one at
    a time in a fresh pool, so the paper that kills its worker is the only one lost.
    """
    results: dict[str, PaperResult] = {}
    queue = list(reversed(todo))
    suspects: list[tuple[InputFile, str]] = []
    while queue or suspects:
        isolate = bool(suspects)
        batch = [suspects.pop()] if isolate else []
        workers = 1 if isolate else max(1, opts.workers)
        # fork: workers start from the imported modules at once (the platform default may
        # change); each worker watches for its parent and exits with it
        with ProcessPoolExecutor(
            max_workers=workers,
            initializer=_init_worker,
            initargs=(opts.memory_mb, os.getpid()),
            mp_context=multiprocessing.get_context("fork"),
        ) as pool:
            inflight: dict[Future[PaperResult], tuple[InputFile, str]] = {}

            def submit(
                item: tuple[InputFile, str],
                pool: ProcessPoolExecutor = pool,
                inflight: dict[Future[PaperResult], tuple[InputFile, str]] = inflight,
            ) -> None:
                inflight[pool.submit(worker, item[0], item[1], opts.timeout_s)] = item

            for item in batch:
                submit(item)
            while not isolate and queue and len(inflight) < 2 * workers:
                submit(queue.pop())
            broken = False
            while inflight:
                finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
                for fut in finished:
                    item = inflight.pop(fut)
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        if isolate:
                            result = lost_paper(
                                item[0].path,
                                item[1],
                                "the worker processing this paper died (crash or out of memory)",
                            )
                        else:
                            broken = True
                            suspects.append(item)
                            continue
                    except Exception as exc:
                        result = lost_paper(item[0].path, item[1], f"worker error: {exc!r}")
                    results[item[0].path] = result
                    done(result)
                    if not broken and not isolate and queue:
                        submit(queue.pop())
                if broken:
                    suspects.extend(inflight.values())
                    inflight.clear()
    return results


def run(paths: Iterable[str | Path], out: Path, opts: RunOptions | None = None) -> RunSummary:
    """Run the pipeline over files, folders and zip archives; write the dataset to ``out``.

    Returns a RunSummary. Raises FileNotFoundError when an input path does not exist and
    ``pipeline.outdir.OutputRefused`` when ``out`` is not a folder minutebook may replace
    (checked before any work); bad papers never raise. Each paper's result is cached as soon
    as it finishes, so a stopped run loses only the papers in flight.
    """
    opts = opts or RunOptions()
    started = time.perf_counter()
    paths = list(paths)
    check_output(out, paths)
    inputs = discover(paths)
    check_not_emptied(out, len(inputs), opts.allow_empty)
    log.info("minutebook %s: %d input files", PIPELINE_VERSION, len(inputs))
    cache = ResultCache(opts.cache_dir)
    results: dict[str, PaperResult] = {}
    first_of: dict[str, str] = {}
    id_of: dict[str, str] = {}
    pending: list[tuple[InputFile, str]] = []
    tick = _progress(len(inputs), opts.progress)

    def finished(result: PaperResult) -> None:
        cache.put(result)
        tick(result)

    for inp, paper_id, size, head, error in _hash_inputs(inputs):
        if paper_id is None:
            results[inp.path] = lost_paper(
                inp.path, sha256_of(inp.path.encode()), inp.problem or error, "discover", size
            )
            tick(results[inp.path])
            continue
        id_of[inp.path] = paper_id
        if paper_id in first_of:
            continue  # a duplicate: filled in from its first copy below
        first_of[paper_id] = inp.path
        reason = not_a_paper(inp.name, head)
        if reason:
            results[inp.path] = _skipped(inp, paper_id, size, reason)
            tick(results[inp.path])
            continue
        pending.append((inp, paper_id))
    made_from = {
        "pipeline_version": PIPELINE_VERSION,
        "inputs": [
            [inp.path, id_of.get(inp.path) or results[inp.path].paper.paper_id] for inp in inputs
        ],
    }
    if (
        not opts.force
        and all(cache.has(pid) for _, pid in pending)
        and is_up_to_date(out, made_from)
    ):
        log.info("%s is up to date with these papers: nothing to write", printable(str(out)))
        return _unchanged_summary(out, len(pending), time.perf_counter() - started)
    todo: list[tuple[InputFile, str]] = []
    cached = 0
    for inp, paper_id in pending:
        hit = None if opts.force else cache.get(paper_id)
        if hit is not None:
            hit.paper.path = inp.path
            results[inp.path] = hit
            cached += 1
            tick(hit)
        else:
            todo.append((inp, paper_id))
    if todo:
        if opts.executor == "dask":
            from pipeline.dask_executor import run_on_dask

            results.update(run_on_dask(todo, opts, finished))
        elif opts.workers <= 1 and opts.memory_mb <= 0:
            signal.signal(signal.SIGALRM, _on_alarm)
            for inp, paper_id in todo:
                results[inp.path] = work_on(inp, paper_id, opts.timeout_s)
                finished(results[inp.path])
        else:
            results.update(run_pool(todo, opts, finished))
    tables = _assemble(inputs, results, id_of, first_of)
    link_started = time.perf_counter()
    infer_authorities(tables)
    link_budget_summaries(tables)
    link_meetings(tables)
    check_meeting_dates(tables)
    link_identities(tables)
    link_minutes_approvals(tables)
    rate_funding(tables)
    link_seconds = time.perf_counter() - link_started
    out = write_dataset(out, tables, made_from)
    summary = RunSummary(out=out, cached=cached, seconds=time.perf_counter() - started)
    for paper in tables["papers"]:
        summary.papers += 1
        summary.by_status[paper.status] += 1
    unique = {r.paper.paper_id: r for r in results.values()}
    summary.pages = sum(r.pages for r in unique.values())
    for r in unique.values():
        for stage, s in r.timings.items():
            summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + s
    summary.stage_seconds["link"] = link_seconds
    summary.peak_worker_rss_mb = max((r.worker_rss_mb for r in unique.values()), default=0.0)
    summary.rows = {t: len(v) for t, v in tables.items()}
    summary.findings = Counter(f.severity for f in tables["findings"])
    return summary


def _skipped(inp: InputFile, paper_id: str, size: int, reason: str) -> PaperResult:
    """The result of a file that is not a paper (a README, an image): recorded, not read."""
    paper = Paper(
        paper_id=paper_id,
        path=inp.path,
        format="unknown",
        status="skipped",
        error=reason,
        size_bytes=size,
        pipeline_version=PIPELINE_VERSION,
    )
    return PaperResult(paper, {})


def _unchanged_summary(out: Path, cached: int, seconds: float) -> RunSummary:
    """The summary of a run that found its dataset up to date, read from that dataset."""
    out = out.resolve()
    summary = RunSummary(out=out, cached=cached, seconds=seconds)
    statuses = column_values(out, "papers", "status")
    summary.papers = len(statuses)
    summary.by_status.update(statuses)
    seen: set[str] = set()
    for pid, dup, pages in zip(
        column_values(out, "papers", "paper_id"),
        column_values(out, "papers", "duplicate_of"),
        column_values(out, "papers", "page_count"),
        strict=True,
    ):
        if dup is None and pid not in seen:
            seen.add(pid)
            summary.pages += pages or 0
    summary.rows = dataset_rows(out)
    summary.findings = Counter(column_values(out, "findings", "severity"))
    return summary


def _assemble(
    inputs: list[InputFile],
    results: dict[str, PaperResult],
    id_of: dict[str, str],
    first_of: dict[str, str],
) -> dict[str, list[Any]]:
    """Collect every table in input order; a duplicate file gets a papers row of its own only."""
    tables: dict[str, list[Any]] = {"papers": [], **{t: [] for t in PER_PAPER_TABLES}}
    for inp in inputs:
        result = results.get(inp.path)
        if result is None:  # identical bytes to an earlier file
            first = first_of[id_of[inp.path]]
            row = copy.copy(results[first].paper)
            row.path, row.duplicate_of = inp.path, first
            tables["papers"].append(row)
            continue
        tables["papers"].append(result.paper)
        for table, recs in result.records.items():
            tables.setdefault(table, []).extend(recs)
    return tables


def default_workers() -> int:
    """Return the default worker count: the cores this process may use, at most 8."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:
        n = os.cpu_count() or 1
    return max(1, min(8, n))
