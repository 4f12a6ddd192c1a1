"""Run the per-paper stages on a Dask cluster (``--executor dask``).

Each paper's bytes travel with its task, so workers need no shared file system; results come
back to the client, which assembles and writes the dataset exactly as the local executor does.
A bounded number of papers is in flight so the client's memory stays flat on big archives.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.discover import InputFile
from pipeline.process import (
    PaperResult,
    PaperTimeout,
    lost_paper,
    process_paper,
    timeout_message,
)

if TYPE_CHECKING:
    from pipeline.run import RunOptions

_IN_FLIGHT_PER_WORKER = 4


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None
    )


def process_bytes(
    path: str, name: str, data: bytes, paper_id: str, timeout_s: int = 0
) -> PaperResult:
    """Process one paper's bytes on a Dask worker under a time limit; never raises for a bad
    paper.

    A Dask task runs on a worker thread, where no alarm signal reaches it, so the limit is a
    timer that raises PaperTimeout in that thread (at its next Python instruction).
    """
    thread_id = threading.get_ident()
    guard = threading.Lock()
    finished = False

    def expire() -> None:
        with guard:
            if not finished:
                _set_async_exc(thread_id, PaperTimeout)

    timer = threading.Timer(timeout_s, expire) if timeout_s > 0 else None
    try:
        try:
            if timer is not None:
                timer.daemon = True
                timer.start()
            return process_paper(path, name, data, paper_id)
        finally:
            if timer is not None:
                with guard:
                    finished = True
                timer.cancel()
                _set_async_exc(thread_id, None)  # one set but not yet raised is dropped
    except PaperTimeout:
        return lost_paper(path, paper_id, timeout_message(timeout_s), size=len(data))
    except MemoryError:
        return lost_paper(path, paper_id, "ran out of memory on the Dask worker", size=len(data))


def run_on_dask(
    todo: list[tuple[InputFile, str]], opts: RunOptions, done: Callable[[PaperResult], None]
) -> dict[str, PaperResult]:
    """Process inputs on a Dask cluster: ``opts.scheduler`` or a local cluster of processes.

    Returns results by input path. A task that errors or whose worker dies is recorded as a
    failed paper; the others go on. A local cluster's worker processes are spawned (said here,
    not left to the default, for as long as the cluster lives, restarts included): a fork of
    this client, which runs threads, could inherit a lock one of them holds.
    """
    import dask

    with dask.config.set({"distributed.worker.multiprocessing-method": "spawn"}):
        return _run_on_dask(todo, opts, done)


def _run_on_dask(
    todo: list[tuple[InputFile, str]], opts: RunOptions, done: Callable[[PaperResult], None]
) -> dict[str, PaperResult]:
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if opts.scheduler:
        client = Client(opts.scheduler)
    else:
        # the nanny restarts a worker that goes over the memory limit; its paper fails alone
        cluster = LocalCluster(
            n_workers=max(1, opts.workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            memory_limit=f"{opts.memory_mb}MiB" if opts.memory_mb > 0 else 0,
        )
        client = Client(cluster)
    results: dict[str, PaperResult] = {}
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or opts.workers)
        queue = list(reversed(todo))
        pending = as_completed()
        owner = {}

        def submit() -> None:
            """Send the next readable paper (one that cannot be read fails here)."""
            while queue:
                inp, paper_id = queue.pop()
                try:
                    data = inp.read_bytes()
                except Exception as exc:  # changed or gone since it was hashed
                    results[inp.path] = lost_paper(
                        inp.path, paper_id, f"could not open the file: {exc}"
                    )
                    done(results[inp.path])
                    continue
                fut = client.submit(
                    process_bytes,
                    inp.path,
                    inp.name,
                    data,
                    paper_id,
                    opts.timeout_s,
                    key=f"paper-{paper_id}",
                    pure=False,
                    retries=0,
                )
                owner[fut.key] = (inp, paper_id)
                pending.add(fut)
                return

        while queue and pending.count() < workers * _IN_FLIGHT_PER_WORKER:
            submit()
        for fut in pending:
            inp, paper_id = owner.pop(fut.key)
            try:
                result = fut.result()
            except Exception as exc:  # a task error or a lost worker costs only this paper
                result = lost_paper(inp.path, paper_id, f"Dask task failed: {exc!r}")
            results[inp.path] = result
            done(result)
            fut.release()
            if queue:
                submit()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return results
