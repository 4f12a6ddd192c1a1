"""Discover: turn the paths a user gives into a sorted list of input files.

Folders are walked recursively; ``.zip`` archives that are not Word documents are opened and
each member becomes an input. Every file found is an input, whatever its type, and so is every
folder that could not be read: nothing disappears from the run. Hidden files and folders (names
starting with ".") are left out on purpose. Paths are shown as text: bytes of a file name that
are not UTF-8 are written as ``\\xNN``; two inputs that would show the same path (a zip member
named twice, a file named like a member) are told apart by a ``#2`` suffix.
"""

from __future__ import annotations

import hashlib
import os
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from extractors.formats import format_of

ZIP_MEMBER_SEP = "!"
_MAX_ZIP_MEMBER_BYTES = 512 * 1024 * 1024
_OPEN_ARCHIVES = 4


@dataclass(frozen=True)
class InputFile:
    """One input: a file on disk, a member of a zip archive, or a folder that could not be read."""

    path: str  # as shown to users: "dir/a.pdf" or "dir/archive.zip!inner/b.docx"
    disk_path: Path  # the file on disk (the archive, for a zip member)
    member: str | None = None  # name inside the archive
    member_index: int = -1  # position in the archive's directory (names may repeat)
    problem: str | None = None  # why this input could not even be listed (unreadable folder)

    @property
    def name(self) -> str:
        """The file name (of the member, for a zip member)."""
        return Path(self.member or self.disk_path.name).name

    def read_bytes(self) -> bytes:
        """Return the file's bytes (a zip member is read from its archive, opened once)."""
        if self.problem is not None:
            raise OSError(self.problem)
        if self.member is None:
            return self.disk_path.read_bytes()
        with _archive_lock:
            zf = _open_archive(self.disk_path)
            info = zf.infolist()[self.member_index]
            if info.file_size > _MAX_ZIP_MEMBER_BYTES:
                raise ValueError(f"zip member is {info.file_size} bytes, over the limit")
            return zf.read(info)


_archive_lock = threading.Lock()
_archives: OrderedDict[tuple[int, Path], zipfile.ZipFile] = OrderedDict()


def _open_archive(path: Path) -> zipfile.ZipFile:
    """An open archive, kept for the next member (reopening parses the directory each time).

    Keyed by process id: a forked worker must not share its parent's file offset.
    """
    key = (os.getpid(), path)
    zf = _archives.get(key)
    if zf is None:
        zf = zipfile.ZipFile(path)
        _archives[key] = zf
        while len(_archives) > _OPEN_ARCHIVES:
            _archives.popitem(last=False)[1].close()
    _archives.move_to_end(key)
    return zf


def shown(path: str | Path) -> str:
    """Return a path as text that can be stored and printed (undecodable bytes as \\xNN)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _is_archive(path: Path) -> bool:
    """A .zip that is a plain archive (not a .docx, which is also a zip)."""
    if path.suffix.lower() != ".zip":
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            return "word/document.xml" not in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False  # a broken .zip is an input of its own and fails with a clear error


def _hidden(name: str) -> bool:
    return any(
        part.startswith(".") and part not in (".", "..")
        for part in name.replace("\\", "/").split("/")
    )


def _walk(root: Path) -> tuple[list[Path], list[InputFile]]:
    """Files under a folder (hidden ones left out) and the folders that could not be read."""
    files: list[Path] = []
    unreadable: list[InputFile] = []

    def failed(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        unreadable.append(
            InputFile(
                shown(where), where, problem=f"could not read the folder: {exc.strerror or exc}"
            )
        )

    for folder, dirs, names in os.walk(root, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for n in sorted(names):
            p = Path(folder) / n
            if not n.startswith(".") and (p.is_file() or not p.exists()):
                files.append(p)  # a dangling link is an input that fails to open
    return files, unreadable


def _members(archive: Path) -> list[InputFile]:
    shown_archive = shown(archive)
    try:
        with _archive_lock:
            infos = _open_archive(archive).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [InputFile(shown_archive, archive, problem=f"could not open the archive: {exc}")]
    return [
        InputFile(
            f"{shown_archive}{ZIP_MEMBER_SEP}{shown(info.filename)}", archive, info.filename, i
        )
        for i, info in enumerate(infos)
        if not info.is_dir() and not _hidden(info.filename)
    ]


def discover(paths: Iterable[str | Path]) -> list[InputFile]:
    """Expand files, folders (recursively) and zip archives into inputs, sorted by path.

    Hidden files and folders (names starting with ".") are skipped. Raises FileNotFoundError
    for a path that does not exist, since then the run itself cannot do what was asked.
    """
    found: list[InputFile] = []
    for raw in paths:
        root = Path(raw)
        if not root.exists() and not root.is_symlink():
            raise FileNotFoundError(f"no such file or folder: {shown(root)}")
        if root.is_dir():
            files, unreadable = _walk(root)
            found.extend(unreadable)
        else:
            files = [root]
        for f in files:
            found.extend(_members(f) if _is_archive(f) else [InputFile(shown(f), f)])
    found.sort(key=lambda i: (i.path, i.member is not None, str(i.disk_path), i.member_index))
    return _distinct(found)


def _distinct(inputs: list[InputFile]) -> list[InputFile]:
    """Give every input its own path: a repeated path gets ``#2``, ``#3``, ... in order."""
    seen: set[str] = set()
    out: list[InputFile] = []
    last: tuple[str, Path, int] | None = None
    for inp in inputs:
        key = (inp.path, inp.disk_path, inp.member_index)
        if key == last:
            continue  # the same file given twice on the command line
        last = key
        path, n = inp.path, 1
        while path in seen:
            n += 1
            path = f"{inp.path}#{n}"
        seen.add(path)
        out.append(
            inp
            if path == inp.path
            else InputFile(path, inp.disk_path, inp.member, inp.member_index, inp.problem)
        )
    return out


#: Names of the files that travel with an archive of papers but are not papers themselves.
_NOT_PAPER_STEMS = frozenset(
    {
        "readme",
        "license",
        "licence",
        "changelog",
        "changes",
        "copying",
        "notice",
        "authors",
        "contributing",
    }
)
#: Extensions of papers minutebook cannot read yet: such a file fails with a reason (the user
#: expected it read); any other file of an unknown type is skipped as not a paper.
_PAPER_SUFFIXES = frozenset(
    {".pdf", ".docx", ".doc", ".odt", ".rtf", ".txt", ".text", ".htm", ".html", ".xhtml", ".zip"}
)


def not_a_paper(name: str, head: bytes) -> str | None:
    """Why a file is not a paper (a README, an image, a spreadsheet), or None if it may be one.

    Takes the file name and its first bytes; judged by the name and by the content's magic
    bytes, so a PDF without an extension is still a paper.
    """
    path = Path(name)
    if path.stem.casefold() in _NOT_PAPER_STEMS and path.suffix.lower() in ("", ".txt", ".md"):
        return f"not a paper: {shown(path.name)} describes the folder"
    if not head or path.suffix.lower() in _PAPER_SUFFIXES:
        return None
    if format_of(path, head, head if head[:4] == b"PK\x03\x04" else None) == "unknown":
        kind = path.suffix or "a file with no extension"
        return f"not a paper: minutebook reads PDF, DOCX, TXT and HTML, not {kind}"
    return None


def sha256_of(data: bytes) -> str:
    """Return the hex sha256 of some bytes: the paper_id."""
    return hashlib.sha256(data).hexdigest()
