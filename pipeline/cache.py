"""Per-paper result cache keyed by (paper sha256, pipeline version), stored as data.

Each entry is one JSON file (records by their declared columns, ``schemas.serial``) written to a
temporary name and renamed into place as soon as its paper finishes, so a run killed half-way
keeps every paper it finished. Entries are never executed: reading one parses JSON and checks
every record against the schemas, and an entry of the wrong shape, another version or another
paper is a miss. The folder is private to the user (0700); a folder owned by someone else is
not used at all. Results that another run could do better (timeouts, memory, crashed workers)
are not stored.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from pipeline.process import PaperResult
from pipeline.version import PIPELINE_VERSION
from schemas.records import PER_PAPER_TABLES, TABLES, Paper
from schemas.serial import from_json, to_json

log = logging.getLogger("minutebook")

ENTRY_KIND = "minutebook-paper-result"
_HEX = frozenset("0123456789abcdef")


def _private(folder: Path) -> bool:
    """Make ``folder`` (created if missing) private to this user; False if it cannot be."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.lstat()
    except OSError as exc:
        log.warning("cache folder %s cannot be used (%s): running without a cache", folder, exc)
        return False
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        log.warning("cache folder %s is not a folder owned by you: running without a cache", folder)
        return False
    if st.st_mode & 0o077:
        os.chmod(folder, 0o700)
    return True


def _valid_id(paper_id: str) -> bool:
    return len(paper_id) == 64 and set(paper_id) <= _HEX


def encode(result: PaperResult) -> dict[str, Any]:
    """Return a result as the JSON value of a cache entry."""
    return {
        "kind": ENTRY_KIND,
        "pipeline_version": PIPELINE_VERSION,
        "paper_id": result.paper.paper_id,
        "paper": to_json(result.paper),
        "records": {t: [to_json(r) for r in recs] for t, recs in result.records.items()},
        "timings": result.timings,
        "worker_rss_mb": result.worker_rss_mb,
    }


def decode(entry: Any, paper_id: str) -> PaperResult:
    """Return the result a cache entry holds for ``paper_id``; ValueError if it is not one."""
    if not isinstance(entry, dict) or entry.get("kind") != ENTRY_KIND:
        raise ValueError("not a minutebook cache entry")
    if entry.get("pipeline_version") != PIPELINE_VERSION or entry.get("paper_id") != paper_id:
        raise ValueError("entry of another pipeline version or another paper")
    paper = from_json(Paper, entry.get("paper"))
    if paper.paper_id != paper_id or paper.pipeline_version != PIPELINE_VERSION:
        raise ValueError("entry's papers row is of another paper")
    tables = entry.get("records")
    if not isinstance(tables, dict) or not set(tables) <= set(PER_PAPER_TABLES):
        raise ValueError("entry holds tables that are not per-paper tables")
    records: dict[str, list[Any]] = {}
    for table, rows in tables.items():
        if not isinstance(rows, list):
            raise ValueError(f"{table} is not a list of rows")
        recs = [from_json(TABLES[table], row) for row in rows]
        if any(getattr(r, "paper_id", paper_id) != paper_id for r in recs):
            raise ValueError(f"{table} holds rows of another paper")
        records[table] = recs
    timings = entry.get("timings") or {}
    rss = entry.get("worker_rss_mb") or 0.0
    if not isinstance(timings, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) for k, v in timings.items()
    ):
        raise ValueError("timings are not seconds by stage")
    if not isinstance(rss, int | float):
        raise ValueError("worker_rss_mb is not a number")
    return PaperResult(paper, records, dict(timings), float(rss))


class ResultCache:
    """A folder of cached PaperResults; ``None`` folder means caching is off."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder if folder is not None and _private(folder) else None

    def _path(self, paper_id: str) -> Path:
        assert self.folder is not None
        return self.folder / PIPELINE_VERSION / paper_id[:2] / f"{paper_id}.json"

    def has(self, paper_id: str) -> bool:
        """Whether an entry exists for the paper (it is not read or checked)."""
        return self.folder is not None and _valid_id(paper_id) and self._path(paper_id).is_file()

    def get(self, paper_id: str) -> PaperResult | None:
        """Return the cached result of a paper, or None when absent, unreadable or invalid."""
        if self.folder is None or not _valid_id(paper_id):
            return None
        path = self._path(paper_id)
        try:
            entry = json.loads(path.read_bytes())
            return decode(entry, paper_id)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, RecursionError) as exc:
            log.warning("cache entry %s ignored: %s", path.name, str(exc)[:200])
            return None

    def put(self, result: PaperResult) -> None:
        """Store a result (atomically: temp file then rename) unless it may differ next time."""
        if self.folder is None or not result.final or not _valid_id(result.paper.paper_id):
            return
        path = self._path(result.paper.paper_id)
        try:
            for d in (path.parent.parent, path.parent):
                d.mkdir(mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(encode(result), fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError as exc:  # a full disk costs the cache entry, not the run
            log.warning("could not write the cache entry of %s: %s", result.paper.path, exc)
