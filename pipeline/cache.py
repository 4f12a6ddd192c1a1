"""Per-paper result cache keyed by (paper sha256, pipeline version).

Each entry is one pickle file written to a temporary name and renamed into place, so a run
killed half-way leaves only whole entries. A re-run reuses the entries of unchanged papers.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from pipeline.process import PaperResult
from pipeline.version import PIPELINE_VERSION


class ResultCache:
    """A folder of cached PaperResults; ``None`` folder means caching is off."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def _path(self, paper_id: str) -> Path:
        assert self.folder is not None
        return self.folder / PIPELINE_VERSION / paper_id[:2] / f"{paper_id}.pickle"

    def get(self, paper_id: str) -> PaperResult | None:
        """Return the cached result of a paper, or None when absent or unreadable."""
        if self.folder is None:
            return None
        path = self._path(paper_id)
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, result: PaperResult) -> None:
        """Store a result (atomically: temp file then rename)."""
        if self.folder is None:
            return
        path = self._path(result.paper.paper_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
