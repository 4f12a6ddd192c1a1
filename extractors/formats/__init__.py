"""The readers: one per input format, each returning the same ``schemas.document.Document``.

``READERS`` maps a format name to its reader; ``format_of`` tells the format of a file from its
first bytes (magic numbers first, then the extension); ``read_document`` reads any supported
file, raising ``ReaderError`` (with a message for the user) or ``NeedsOCR``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from extractors.formats.docx import read_docx
from extractors.formats.html_page import read_html
from extractors.formats.pdf import read_pdf
from extractors.formats.text import read_text
from schemas.document import Document, ReaderError

READERS: dict[str, Callable[[Path, bytes | None], Document]] = {
    "pdf": read_pdf,
    "docx": read_docx,
    "txt": read_text,
    "html": read_html,
}

_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "txt",
    ".text": "txt",
    ".htm": "html",
    ".html": "html",
}


def format_of(path: Path, head: bytes, data: bytes | None = None) -> str:
    """Return the format name ("pdf", "docx", "txt", "html" or "unknown") of a file.

    Takes the file's path (for its extension and, for a zip, its members unless the whole
    file's bytes ``data`` are given) and its first bytes.
    Magic bytes win: ``%PDF`` is a PDF; a zip is a DOCX only if it holds
    ``word/document.xml`` (a zip that cannot be opened is judged by its extension).
    """
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-" or head[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    ext = _EXTENSIONS.get(path.suffix.lower(), "unknown")
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else "unknown"
        except (OSError, zipfile.BadZipFile):
            return "docx" if ext == "docx" else "unknown"
    if ext == "txt":
        sniff = head[:512].lstrip().lower()
        if sniff.startswith((b"<!doctype html", b"<html")):
            return "html"
    return ext


def read_document(path: Path, data: bytes | None = None) -> Document:
    """Read the paper at ``path`` with the reader for its format and return its Document.

    When ``data`` (the file's bytes) is given, the paper is read from it and ``path`` serves
    only for its name. Raises ReaderError with a message a user understands for empty,
    damaged, encrypted or unsupported files, and NeedsOCR for a PDF with no text layer.
    """
    path = Path(path)
    if data is not None:
        head = data[:4096]
    else:
        try:
            with path.open("rb") as fh:
                head = fh.read(4096)
        except OSError as exc:
            raise ReaderError(f"cannot open the file: {exc.strerror or exc}") from exc
    if not head:
        raise ReaderError("empty file (0 bytes)")
    fmt = format_of(path, head, data)
    if fmt == "unknown":
        if head[:4] == b"PK\x03\x04" and path.suffix.lower() == ".docx":
            raise ReaderError(
                "file is a zip archive but not a Word document (no word/document.xml)"
            )
        raise ReaderError(
            f"unsupported file type {path.suffix or '(no extension)'}: "
            "minutebook reads PDF, DOCX, TXT and HTML papers"
        )
    return READERS[fmt](path, data)
