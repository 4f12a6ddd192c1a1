"""Links from the report to the papers: a relative URL a browser opens from a file:// page."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


class PaperLinks:
    """Make links from a report in ``report_dir`` to the papers of a run.

    A paper's path is as the run was given it (relative to the folder the run was started in,
    taken to be ``base``, or absolute). A paper found there gets a relative link (with
    ``#page=N`` for a PDF, which browsers' PDF viewers open at that page); a zip member links to
    its zip file; a paper not found gets no link.
    """

    def __init__(self, report_dir: Path, base: Path | None = None) -> None:
        self.report_dir = report_dir.resolve()
        self.base = (base or Path.cwd()).resolve()
        self._seen: dict[str, str | None] = {}

    def _file_url(self, path: str) -> str | None:
        if path not in self._seen:
            file_part = path.split("!", 1)[0]
            target = self.base / file_part
            url = None
            try:
                if target.is_file():
                    rel = os.path.relpath(target.resolve(), self.report_dir)
                    url = quote(Path(rel).as_posix())
            except (OSError, ValueError):
                url = None
            self._seen[path] = url
        return self._seen[path]

    def href(self, path: str | None, page: int | None = None) -> str | None:
        """The URL of ``path`` (at ``page`` for a PDF outside a zip), or None when not found."""
        if not path:
            return None
        url = self._file_url(path)
        if url and page and "!" not in path and path.lower().endswith(".pdf"):
            url += f"#page={page}"
        return url
