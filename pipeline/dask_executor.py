"""Run the per-paper stages on a Dask cluster (``--executor dask``).

Each paper's bytes travel with its task, so workers need no shared file system; results come
back to the client, which assembles and writes the dataset exactly as the local executor does.
A bounded number of papers is in flight so the client's memory stays flat on big archives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.discover import InputFile
from pipeline.process import PaperResult, failed_result, process_paper
from pipeline.version import PIPELINE_VERSION
from schemas.records import Paper

if TYPE_CHECKING:
    from pipeline.run import RunOptions

_IN_FLIGHT_PER_WORKER = 4


def process_bytes(path: str, name: str, data: bytes, paper_id: str) -> PaperResult:
    """Process one paper's bytes on a Dask worker; never raises for a bad paper."""
    try:
        return process_paper(path, name, data, paper_id)
    except MemoryError:
        paper = Paper(paper_id=paper_id, path=path, format="unknown", status="failed",
                      size_bytes=len(data), pipeline_version=PIPELINE_VERSION)
        return failed_result(paper, "process", "ran out of memory on the Dask worker")


def run_on_dask(todo: list[tuple[InputFile, str]], opts: RunOptions,
                done: Callable[[PaperResult], None]) -> dict[str, PaperResult]:
    """Process inputs on a Dask cluster: ``opts.scheduler`` or a local cluster of processes.

    Returns results by input path. A task that errors or whose worker dies is recorded as a
    failed paper; the others go on.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if opts.scheduler:
        client = Client(opts.scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, opts.workers), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    results: dict[str, PaperResult] = {}
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or opts.workers)
        queue = list(reversed(todo))
        pending = as_completed()
        owner = {}

        def submit() -> None:
            inp, paper_id = queue.pop()
            fut = client.submit(process_bytes, inp.path, inp.name, inp.read_bytes(), paper_id,
                                key=f"paper-{paper_id}-{len(owner)}", pure=False, retries=0)
            owner[fut.key] = (inp, paper_id)
            pending.add(fut)

        while queue and pending.count() < workers * _IN_FLIGHT_PER_WORKER:
            submit()
        for fut in pending:
            inp, paper_id = owner.pop(fut.key)
            try:
                result = fut.result()
            except Exception as exc:  # a task error or a lost worker costs only this paper
                paper = Paper(paper_id=paper_id, path=inp.path, format="unknown",
                              status="failed", pipeline_version=PIPELINE_VERSION)
                result = failed_result(paper, "process", f"Dask task failed: {exc!r}")
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
