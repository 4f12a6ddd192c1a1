"""Discover: turn the paths a user gives into a sorted list of input files.

Folders are walked recursively; ``.zip`` archives that are not Word documents are opened and
each member becomes an input. Every file found is an input, whatever its type: an unsupported
file is still recorded (as failed) so nothing disappears from the run.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ZIP_MEMBER_SEP = "!"
_MAX_ZIP_MEMBER_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class InputFile:
    """One input: a file on disk or a member of a zip archive."""

    path: str  # as shown to users: "dir/a.pdf" or "dir/archive.zip!inner/b.docx"
    disk_path: Path  # the file on disk (the archive, for a zip member)
    member: str | None = None  # name inside the archive

    @property
    def name(self) -> str:
        """The file name (of the member, for a zip member)."""
        return Path(self.member or self.disk_path.name).name

    def read_bytes(self) -> bytes:
        """Return the file's bytes (a zip member is read from its archive)."""
        if self.member is None:
            return self.disk_path.read_bytes()
        with zipfile.ZipFile(self.disk_path) as zf:
            info = zf.getinfo(self.member)
            if info.file_size > _MAX_ZIP_MEMBER_BYTES:
                raise ValueError(f"zip member is {info.file_size} bytes, over the limit")
            return zf.read(self.member)


def _is_archive(path: Path) -> bool:
    """A .zip that is a plain archive (not a .docx, which is also a zip)."""
    if path.suffix.lower() != ".zip":
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            return "word/document.xml" not in zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False  # a broken .zip is an input of its own and fails with a clear error


def _skip(path: Path) -> bool:
    return any(part.startswith(".") for part in path.parts if part not in (".", ".."))


def discover(paths: Iterable[str | Path]) -> list[InputFile]:
    """Expand files, folders (recursively) and zip archives into inputs, sorted by path.

    Hidden files and folders (names starting with ".") are skipped. Raises FileNotFoundError
    for a path that does not exist, since then the run itself cannot do what was asked.
    """
    found: list[InputFile] = []
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            raise FileNotFoundError(f"no such file or folder: {root}")
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for f in files:
            rel = f.relative_to(root) if root.is_dir() else Path(f.name)
            if root.is_dir() and _skip(rel):
                continue
            if _is_archive(f):
                with zipfile.ZipFile(f) as zf:
                    for info in sorted(zf.infolist(), key=lambda i: i.filename):
                        if not info.is_dir() and not _skip(Path(info.filename)):
                            found.append(InputFile(f"{f}{ZIP_MEMBER_SEP}{info.filename}", f,
                                                   info.filename))
            else:
                found.append(InputFile(str(f), f))
    unique = {i.path: i for i in found}
    return [unique[k] for k in sorted(unique)]


def sha256_of(data: bytes) -> str:
    """Return the hex sha256 of some bytes: the paper_id."""
    return hashlib.sha256(data).hexdigest()
