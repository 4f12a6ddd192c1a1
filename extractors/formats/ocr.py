"""OCR of one page image with Tesseract: lines of words with boxes, sizes and confidences.

The engine is the ``tesseract`` program (Debian's ``tesseract-ocr``, which ``make setup``
installs; its English model ships in ``tesseract-ocr-eng``, nothing is fetched at run time).
It is called once per page, on a greyscale image (PGM) written to a private temporary
folder, and its hOCR output is read back: each ``ocr_line`` with its box, its estimated text
height (``x_size``) and its words' confidences. A line's words are joined with single
spaces, and lines that sit on the same row (tesseract sometimes splits a label from its
value) are joined left to right, so a scanned page gives the reader the same kind of lines a
text layer does.

The program runs with one thread (``OMP_THREAD_LIMIT=1``: the pipeline already runs one
paper per core, and tesseract's own threads only fight over them) and inherits the worker's
memory limit. Waiting for it wakes up every quarter second, so a paper's time limit (an alarm
in a worker process, an exception raised into a Dask worker's thread) interrupts it, and the
program is killed whenever the wait ends early.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from extractors.datafiles import load_table

ENGINE = "tesseract"
#: ``MINUTEBOOK_TESSERACT`` names the program when it is not ``tesseract`` on the PATH
ENGINE_ENV = "MINUTEBOOK_TESSERACT"
LANGUAGE = "eng"
#: the program's page segmentation: one block of text, read row by row across the page (as a
#: text layer gives it); the automatic layout (3) dropped lone item numbers ("9.") as specks
_PSM = "6"
_POLL_S = 0.25
_XHTML = "{http://www.w3.org/1999/xhtml}"
_BBOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_X_SIZE = re.compile(r"x_size ([\d.]+)")
_BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_WCONF = re.compile(r"x_wconf (\d+)")
_LINE_CLASSES = frozenset({"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
INSTALL_HINT = (
    "install it with `make setup` (which runs `apt-get install tesseract-ocr "
    "tesseract-ocr-eng`) or your system's package manager, then run again"
)


class OcrUnavailable(Exception):
    """The OCR program is not installed or cannot be run; the message says how to get it."""


class OcrFailed(Exception):
    """The OCR program ran but could not read the page (its error message is kept)."""


@dataclass
class OcrLine:
    """One line of text found on a page image, in image pixels (y grows downwards)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    height: float  # the engine's estimate of the text's height (x_size), in pixels
    baseline: float  # where the letters sit (y, at the line's left end)
    confidences: list[float] = field(default_factory=list)  # per word, 0-1


@dataclass
class OcrPage:
    """What OCR found on one page image."""

    lines: list[OcrLine]

    @property
    def words(self) -> int:
        """Number of words read."""
        return sum(len(ln.confidences) for ln in self.lines)

    @property
    def confidence(self) -> float | None:
        """Mean word confidence, 0-1 (None when no word was read)."""
        confs = [c for ln in self.lines for c in ln.confidences]
        return sum(confs) / len(confs) if confs else None


def engine_path() -> str | None:
    """The OCR program to run: ``$MINUTEBOOK_TESSERACT`` when set, else ``tesseract`` on the
    PATH; None when it is not there."""
    named = os.environ.get(ENGINE_ENV)
    if named:
        return named if os.path.isfile(named) and os.access(named, os.X_OK) else None
    return shutil.which(ENGINE)


@functools.cache
def _version_of(program: str) -> str:
    try:
        done = subprocess.run(
            [program, "--version"], capture_output=True, timeout=30, env=_engine_env()
        )
    except (OSError, subprocess.SubprocessError):
        return "absent"
    text = (done.stdout + done.stderr).decode("utf-8", "replace")
    m = re.search(r"tesseract\s+v?(\d[\w.\-]*)", text)
    return m.group(1) if m else "unknown"


def engine_version() -> str:
    """The OCR program's version ("5.3.0"), "absent" when it is not installed (part of the
    pipeline version, so installing or upgrading it is never served from the cache)."""
    program = engine_path()
    return _version_of(program) if program else "absent"


def unavailable_message() -> str:
    """Why OCR cannot run here, and what to do about it."""
    named = os.environ.get(ENGINE_ENV)
    where = f"{named} (from ${ENGINE_ENV})" if named else f"`{ENGINE}` on the PATH"
    return f"the OCR engine {ENGINE} was not found ({where}): {INSTALL_HINT}"


def _engine_env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def pgm_image(pixels: bytes, width: int, height: int, stride: int) -> bytes:
    """A greyscale image as PGM bytes (one byte per pixel; ``stride`` bytes per row of
    ``pixels``, padding dropped), the simplest format the engine reads."""
    if stride != width:
        pixels = b"".join(pixels[r * stride : r * stride + width] for r in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + pixels


def ocr_image(image: bytes, timeout_s: float = 600.0) -> OcrPage:
    """Read the text of one page image (PGM or PNG bytes).

    Raises OcrUnavailable when the program is missing, OcrFailed when it cannot read the
    image, TimeoutError after ``timeout_s``, and MemoryError when the program is killed (as it
    is when it runs over the worker's memory limit).
    """
    program = engine_path()
    if program is None:
        raise OcrUnavailable(unavailable_message())
    with tempfile.TemporaryDirectory(prefix="minutebook-ocr-") as tmp:
        path = Path(tmp) / ("page.png" if image[:4] == b"\x89PNG" else "page.pgm")
        path.write_bytes(image)
        base = Path(tmp) / "page"
        err_path = Path(tmp) / "stderr.txt"
        with open(err_path, "wb") as err:
            try:
                proc = subprocess.Popen(
                    [program, str(path), str(base), "--psm", _PSM, "-l", LANGUAGE, "hocr"],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                    env=_engine_env(),
                )
            except OSError as exc:
                raise OcrUnavailable(f"{unavailable_message()} ({exc})") from exc
            try:
                waited = 0.0
                while True:
                    try:
                        code = proc.wait(timeout=_POLL_S)
                        break
                    except subprocess.TimeoutExpired:
                        waited += _POLL_S
                        if waited >= timeout_s:
                            raise TimeoutError(f"OCR of a page took over {timeout_s:g} s") from None
            finally:
                if proc.poll() is None:  # a time limit (or anything else) ended the wait
                    proc.kill()
                    proc.wait()
        if code < 0 and -code in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT):
            raise MemoryError(f"{ENGINE} was killed (signal {-code}): out of memory?")
        hocr = base.with_suffix(".hocr")
        if code != 0 or not hocr.is_file():
            message = err_path.read_bytes().decode("utf-8", "replace").strip()
            raise OcrFailed(f"{ENGINE} exited with {code}: {message[-300:]}")
        lines = merge_rows(parse_hocr(hocr.read_bytes()))
    for ln in lines:
        ln.text = correct(ln.text)
    return OcrPage(lines)


@functools.cache
def _corrections() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(row["pattern"]), row["replacement"])
        for row in load_table("ocr_corrections.csv")
    )


def correct(text: str) -> str:
    """Repair the engine's usual misreadings in one OCR'd line
    (``extractors/data/ocr_corrections.csv``)."""
    for pattern, replacement in _corrections():
        text = pattern.sub(replacement, text)
    return text


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_hocr(data: bytes) -> list[OcrLine]:
    """The lines of an hOCR page (tesseract's output), in the order the engine read them."""
    root = etree.fromstring(data, _PARSER)
    out = []
    for span in root.iter(f"{_XHTML}span"):
        if span.get("class") not in _LINE_CLASSES:
            continue
        title = span.get("title") or ""
        box, size = _BBOX.search(title), _X_SIZE.search(title)
        if box is None:
            continue
        words, confs = [], []
        for w in span.iter(f"{_XHTML}span"):
            if w.get("class") != "ocrx_word":
                continue
            text = "".join(w.itertext()).strip()
            if not text:
                continue
            words.append(text)
            conf = _WCONF.search(w.get("title") or "")
            confs.append(int(conf.group(1)) / 100 if conf else 0.0)
        if not words:
            continue
        x0, top, x1, bottom = (float(v) for v in box.groups())
        height = float(size.group(1)) if size else bottom - top
        base = _BASELINE.search(title)
        baseline = bottom + float(base.group(2)) if base else bottom
        out.append(OcrLine(" ".join(words), x0, top, x1, bottom, height, baseline, confs))
    return out


def merge_rows(lines: list[OcrLine]) -> list[OcrLine]:
    """Join lines that sit on one row (their boxes overlap by over half the smaller height)
    left to right, and order the result top to bottom."""
    rows: list[OcrLine] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        row = next((r for r in reversed(rows[-4:]) if _same_row(r, ln)), None)
        if row is None:
            rows.append(
                OcrLine(
                    ln.text, ln.x0, ln.top, ln.x1, ln.bottom, ln.height, ln.baseline, ln.confidences
                )
            )
            continue
        left, right = (row, ln) if row.x0 <= ln.x0 else (ln, row)
        row.text = f"{left.text} {right.text}"
        row.confidences = left.confidences + right.confidences
        row.height, row.baseline = max(row.height, ln.height), left.baseline
        row.x0, row.x1 = min(row.x0, ln.x0), max(row.x1, ln.x1)
        row.top, row.bottom = min(row.top, ln.top), max(row.bottom, ln.bottom)
    return rows


def _same_row(a: OcrLine, b: OcrLine) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    horizontal_gap = max(a.x0, b.x0) - min(a.x1, b.x1)
    return horizontal_gap > 0 and overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top)
