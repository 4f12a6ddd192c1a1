"""OCR for the PDF reader: which pages need it, and a page's OCR lines in PDF user space.

A page needs OCR when it has something drawn on it (a scanned image, text turned into
outlines) but no text layer, or when the paper's text layer is junk (fonts with no Unicode
map: judged on the whole paper, as a font garbles every page it is used on). A
paper with a text layer on its other pages keeps them: only the pages that need it are read
by OCR. A page is rendered in greyscale at ``OCR_DPI`` (at most ``_MAX_PIXELS``: a poster-sized
page is rendered smaller, not into gigabytes) and read by ``extractors.formats.ocr``.

Font sizes: the engine estimates each line's text height; ``_POINTS_PER_HEIGHT`` turns it
into a font size (measured on the scanned sample against its text-layer twin: a 12 pt line
reads 10.8-11.5 pt high, an 18 pt heading 17). The estimate wobbles by half a point from
line to line, so ``snap_sizes`` gives every line within 15% of the paper's body size that body
size: paragraphs are not broken by the wobble, and headings (larger by far) stand out as
they do in a text layer. Boldness cannot be read from the image and is left false.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.formats.ocr import OcrPage, ocr_image, pgm_image

OCR_DPI = 300
_MAX_PIXELS = 40_000_000  # about A3 at 300 dpi
_POINTS_PER_HEIGHT = 1.06
_BODY_BAND = 0.15
_DESCENDER = 0.2  # of the font size, below the baseline

NO_TEXT_LAYER = "no_text_layer"
JUNK_TEXT_LAYER = "junk_text_layer"


@dataclass
class PointLine:
    """A line read by OCR, in PDF user space (y grows upwards), with its font size."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


class _Sized(Protocol):
    text: str
    size: float


def has_content(page: pdfium.PdfPage) -> bool:
    """Whether anything is drawn on the page (a blank page needs no OCR)."""
    return pdfium_c.FPDFPage_CountObjects(page.raw) > 0


def needs_ocr(has_text: bool, has_drawing: bool, page_junk: bool, paper_junk: bool) -> str | None:
    """Why a page must be read by OCR (``NO_TEXT_LAYER`` or ``JUNK_TEXT_LAYER``), or None.

    ``has_text``: the text layer gave lines or tables; ``has_drawing``: the page draws
    something; ``page_junk`` / ``paper_junk``: the page's / the whole paper's text is junk.
    """
    if not has_text:
        return NO_TEXT_LAYER if has_drawing else None
    if page_junk or paper_junk:
        return JUNK_TEXT_LAYER
    return None


def render_scale(width_pt: float, height_pt: float) -> float:
    """The render scale for OCR: ``OCR_DPI``, less when the page would exceed ``_MAX_PIXELS``."""
    scale = OCR_DPI / 72
    area = max(1.0, width_pt * height_pt)
    return min(scale, math.sqrt(_MAX_PIXELS / area))


def ocr_pdf_page(page: pdfium.PdfPage) -> tuple[list[PointLine], OcrPage]:
    """Render one page and read it by OCR; return its lines in PDF user space and what the
    engine found (with its confidences). Raises what ``ocr.ocr_image`` raises."""
    width, height = page.get_width(), page.get_height()
    scale = render_scale(width, height)
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = pgm_image(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
    finally:
        bitmap.close()
    found = ocr_image(image)
    lines = []
    for ln in found.lines:
        size = ln.height / scale * _POINTS_PER_HEIGHT
        # the bottom from the baseline (less a descender), so the gap between two lines is
        # their pitch whatever letters they hold (a box's bottom moves with descenders)
        bottom = height - ln.baseline / scale - _DESCENDER * size
        lines.append(
            PointLine(ln.text, ln.x0 / scale, bottom, ln.x1 / scale, height - ln.top / scale, size)
        )
    return lines, found


def snap_sizes(lines: Sequence[_Sized]) -> None:
    """Give lines within 15% of the body size (the size most text is set in) that size, and
    round the others to half a point."""
    if not lines:
        return
    weights: Counter[float] = Counter()
    for ln in lines:
        weights[round(ln.size * 2) / 2] += len(ln.text)
    # the body size: the weighted median of the rounded sizes
    total, seen, body = sum(weights.values()), 0, 0.0
    for size in sorted(weights):
        seen += weights[size]
        if seen * 2 >= total:
            body = size
            break
    for ln in lines:
        ln.size = body if abs(ln.size - body) <= _BODY_BAND * body else round(ln.size * 2) / 2
