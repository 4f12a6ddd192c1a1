"""PDF reader: pypdfium2 text layer -> lines -> blocks; ruled tables; running furniture aside.

Per page: the text page gives lines in pdfium's reading order (one line per ``\\r\\n``), each
with its box, font size and boldness. Tables are looked for only on pages whose vector graphics
look like a grid (``_grid_edges`` counts thin horizontal and vertical paths; cheap, no
pdfminer). On those pages the grid edges go to pdfplumber's lattice table finder
(``pdfplumber.table.TableFinder``) and each cell's text is read back from pdfium by its box;
``engine="pdfplumber"`` instead opens the paper with pdfplumber (once) and lets it parse the
gated pages, which is about twenty times slower. Lines inside a table are dropped from the
blocks and the table sits among the blocks by its top edge. After the last page, running
headers and footers are set aside (``furniture.find_furniture``), lines are joined into
paragraphs, headings are told by font size, and a table that runs on at the top of the next
page is merged into the one before.
"""

from __future__ import annotations

import ctypes
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.formats import ocr as ocr_engine
from extractors.formats import pdf_ocr
from extractors.formats import pdfium_calls as calls
from extractors.formats.furniture import PageEnds, find_furniture, split_bullet
from extractors.formats.pdf_cells import rect_cell_texts
from extractors.formats.pdf_columns import GAP_SIZES, Segment, find_column_tables
from extractors.formats.pdf_glyphs import GlyphRepair, expand_ligatures, has_ligature_marks
from extractors.formats.pdf_tables import find_tables
from schemas.document import (
    Block,
    Document,
    DocumentMeta,
    NeedsOCR,
    OcrPageInfo,
    Page,
    ReaderError,
    Table,
)

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff\ufffe\u00ad]")
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|\(?[ivx]+\)|[A-Z]{2,5}\s?\d+)\s+\S")
_HYPHEN_END = re.compile(r"[^\W_]-$")  # "multi-" / "agency": a word broken at its hyphen
_ZONE = 0.12  # top and bottom share of page height where running furniture may sit


@dataclass
class _Line:
    text: str
    x0: float
    y0: float  # PDF user space: y grows upwards
    x1: float
    y1: float
    size: float
    bold: bool
    hyphen: bool = False  # ends in a soft hyphen: joins the next line without a space
    font: str = ""  # the font of its first character
    segments: tuple[Segment, ...] = ()  # pieces between wide gaps, when there are two or more


@dataclass
class _Grid:
    bbox: tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF user space
    rows: list[list[str]]


@dataclass
class _Draft:
    """A page between its read and the document-wide passes."""

    number: int
    height: float
    lines: list[_Line] = field(default_factory=list)
    grids: list[_Grid] = field(default_factory=list)


@dataclass
class GateStats:
    """How the table gate did on one paper (for measuring the rule)."""

    pages: int = 0
    gated: int = 0  # pages sent to the table finder
    with_tables: int = 0  # gated pages where a table was found


def read_pdf(
    path: Path,
    data: bytes | None = None,
    engine: str = "fast",
    stats: GateStats | None = None,
    use_ocr: bool = True,
) -> Document:
    """Read the PDF at ``path`` (or its bytes ``data``, when given: no file is opened) into a
    Document.

    ``engine`` is "fast" (pdfplumber's table finder on pdfium geometry) or "pdfplumber" (full
    pdfplumber on the gated pages). ``stats``, if given, is filled with the table-gate counts.
    Pages with no text layer, or a junk one (fonts with no Unicode map), are read by OCR
    (``pdf_ocr``) unless ``use_ocr`` is False. Raises ReaderError for an encrypted or damaged
    file and NeedsOCR when no page could be read (no text layer and no OCR engine).
    """
    pdf = _open(path, data)
    stats = stats if stats is not None else GateStats()
    drafts: list[_Draft] = []
    drawn: list[bool] = []
    plumber = None
    ocr = _OcrRun()
    glyphs = GlyphRepair()
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            try:
                draft = _Draft(i + 1, page.get_height(), _reading_order(_lines(tp, glyphs)))
                drawn.append(pdf_ocr.has_content(page))
                edges = _grid_edges(page.raw, draft.height)
                stats.pages += 1
                if edges is not None:
                    stats.gated += 1
                    if engine == "pdfplumber":
                        if plumber is None:
                            import pdfplumber

                            plumber = pdfplumber.open(
                                io.BytesIO(data) if data is not None else path
                            )
                        draft.grids = _plumber_grids(plumber.pages[i], draft.height)
                    else:
                        draft.grids = _fast_grids(edges, tp, page.get_width(), draft.height)
                    stats.with_tables += bool(draft.grids)
                    _drop_table_lines(draft)
                _column_tables(draft)
                drafts.append(draft)
            finally:
                tp.close()
                page.close()
        title = _meta_title(pdf)
        if use_ocr:
            ocr = _ocr_where_needed(pdf, drafts, drawn)
    finally:
        pdf.close()
        if plumber is not None:
            plumber.close()
    readable = [d for d in drafts if (d.lines or d.grids) and d.number not in ocr.unread]
    if not readable:
        raise NeedsOCR(_needs_ocr_message(drafts, ocr), page_count=len(drafts))
    if not use_ocr and _garbled([ln.text for d in drafts for ln in d.lines]):
        raise NeedsOCR(
            f"PDF text layer on its {len(drafts)} pages is not readable text (its fonts map "
            "glyphs to no Unicode letters): it needs OCR before it can be read",
            page_count=len(drafts),
        )
    for d in drafts:
        if d.number in ocr.unread:  # a junk text layer is no text at all
            d.lines, d.grids = [], []
    doc = _assemble(drafts, title)
    _mend_soft_hyphens(doc)
    _note_ocr(doc, ocr, drafts)
    return doc


def _mend_soft_hyphens(doc: Document) -> None:
    """Decide each U+FFFE hyphen with the paper's own words: a word broken at a line's end
    ("City Coun\ufffecillor", Broomhill CC) is joined when the paper prints it whole
    elsewhere ("Community Councillor") and never hyphenates its first part; otherwise it is a
    hyphenated word ("Plaistead-Kerr"; Kent's "home-schooling", beside "home-schooled") and
    keeps its hyphen."""
    texts = [b.text for p in doc.pages for b in p.blocks]
    texts += [
        c for p in doc.pages for it in p.items if isinstance(it, Table) for r in it.rows for c in r
    ]
    if not any(_SOFT_MARK in t for t in texts):
        return
    words = {
        w.casefold() for t in texts for w in re.findall(r"[^\W\d_]+", t.replace(_SOFT_MARK, " "))
    }
    # a head the paper hyphenates elsewhere ("home-schooled") keeps its hyphen
    heads = {h.casefold() for t in texts for h in re.findall(r"([^\W\d_]+)-[^\W\d_]", t)}

    def broken(head: str, tail: str) -> bool:
        return (head + tail).casefold() in words and head.casefold() not in heads

    def mend(text: str) -> str:
        if _SOFT_MARK not in text:
            return text
        joined = _SOFT_BROKEN.sub(
            lambda m: m.group(1) + ("" if broken(m.group(1), m.group(2)) else "-") + m.group(2),
            text,
        )
        return joined.replace(_SOFT_MARK, "-")

    for page in doc.pages:
        page.header = [mend(t) for t in page.header]
        page.footer = [mend(t) for t in page.footer]
        for it in page.items:
            if isinstance(it, Table):
                it.rows = [[mend(c) for c in r] for r in it.rows]
            else:
                it.text, it.lead = mend(it.text), mend(it.lead)


@dataclass
class _OcrRun:
    """What OCR did on one paper."""

    pages: list[OcrPageInfo] = field(default_factory=list)
    unread: dict[int, str] = field(default_factory=dict)  # page -> why it needs OCR
    problem: str | None = None  # why those pages were not read
    engine: str | None = None


def _ocr_where_needed(pdf: pdfium.PdfDocument, drafts: list[_Draft], drawn: list[bool]) -> _OcrRun:
    """Read by OCR the pages with no text layer (or a junk one); their lines replace the text
    layer's. When the engine is missing, or fails on a page, the page is left ``unread``."""
    run = _OcrRun()
    paper_junk = _garbled([ln.text for d in drafts for ln in d.lines])
    todo = {}
    for d, has_drawing in zip(drafts, drawn, strict=True):
        # junk is judged on the whole paper (a font with no Unicode map garbles every page it
        # is used on): judged page by page, a contents page of dot leaders or a chart's
        # labels in a real Kent report would read as junk and lose a usable text layer
        why = pdf_ocr.needs_ocr(bool(d.lines or d.grids), has_drawing, False, paper_junk)
        if why:
            todo[d.number] = why
    if not todo:
        return run
    if ocr_engine.engine_path() is None:
        run.unread, run.problem = todo, ocr_engine.unavailable_message()
        return run
    run.engine = f"{ocr_engine.ENGINE} {ocr_engine.engine_version()}"
    read: list[_Line] = []
    for d in drafts:
        why = todo.get(d.number)
        if why is None:
            continue
        page = pdf[d.number - 1]
        try:
            lines, found = pdf_ocr.ocr_pdf_page(page)
        except (ocr_engine.OcrFailed, ocr_engine.OcrUnavailable, TimeoutError) as exc:
            run.unread[d.number], run.problem = why, str(exc)
            continue
        finally:
            page.close()
        d.lines = [_Line(ln.text, ln.x0, ln.y0, ln.x1, ln.y1, ln.size, False) for ln in lines]
        d.grids = []
        read.extend(d.lines)
        run.pages.append(OcrPageInfo(d.number, found.confidence, found.words, why))
    pdf_ocr.snap_sizes(read)
    return run


def _needs_ocr_message(drafts: list[_Draft], ocr: _OcrRun) -> str:
    n = len(drafts)
    if ocr.pages:  # OCR ran and found nothing to read
        return f"OCR found no text on any of the PDF's {n} pages"
    junk = any(why == pdf_ocr.JUNK_TEXT_LAYER for why in ocr.unread.values())
    if junk:
        said = (
            f"PDF text layer on its {n} pages is not readable text (its fonts map glyphs "
            "to no Unicode letters): it needs OCR before it can be read"
        )
    else:
        said = (
            f"PDF has no text layer on any of its {n} pages (scanned images?): it needs OCR "
            "before it can be read"
        )
    return f"{said}; {ocr.problem}" if ocr.problem else said


def _note_ocr(doc: Document, ocr: _OcrRun, drafts: list[_Draft]) -> None:
    """Record in the document's metadata which pages OCR read, and which it could not (the
    pipeline turns the latter into a finding and the paper's ``partial`` status)."""
    meta = doc.meta
    meta.ocr_engine, meta.ocr_pages = ocr.engine, ocr.pages
    meta.unread_pages = sorted(ocr.unread)
    meta.unread_reason = ocr.problem if ocr.unread else None
    ocr_read = {p.number for p in ocr.pages}
    meta.has_text_layer = any((d.lines or d.grids) and d.number not in ocr_read for d in drafts)


#: a text layer whose non-space characters are mostly not letters is a font with no Unicode
#: map (Horsley PC's Word-for-Mac minutes read "6',8 /398+7 4, 8.+"); real text, even a
#: budget table full of figures, has far more letters or digits than that
_MIN_WORD_CHARS = 0.5
_MIN_CHARS_TO_JUDGE = 200
_SAMPLE_LINES = 400
_SPACE = re.compile(r"\s+")
_NOT_WORD_CHAR = re.compile(r"[\W_]+")  # what is not a letter or digit in any script


def _garbled(texts: list[str]) -> bool:
    """Whether a PDF's text is junk symbols rather than words and figures, judged on lines
    spread over the whole paper (a font with no Unicode map garbles every page it is used on;
    a cover of ornaments or a page of rules alone does not make a paper junk)."""
    stride = max(1, len(texts) // _SAMPLE_LINES)
    chars = _SPACE.sub("", "".join(texts[::stride]))
    if len(chars) < _MIN_CHARS_TO_JUDGE:
        return False
    wordlike = len(_NOT_WORD_CHAR.sub("", chars))  # no list of every letter: a count
    return wordlike / len(chars) < _MIN_WORD_CHARS


def _open(path: Path, data: bytes | None) -> pdfium.PdfDocument:
    if data is None:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    else:
        head = data[:1024]
    if not head:
        raise ReaderError("empty file (0 bytes)")
    if b"%PDF-" not in head:
        raise ReaderError("file is named .pdf but is not a PDF (no %PDF header)")
    try:
        return pdfium.PdfDocument(data if data is not None else str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise ReaderError("PDF is encrypted (password protected)") from exc
        if "format" in msg.lower() or "file" in msg.lower():
            raise ReaderError(f"PDF is damaged or truncated and cannot be read ({msg})") from exc
        raise ReaderError(f"PDF cannot be read ({msg})") from exc


def _meta_title(pdf: pdfium.PdfDocument) -> str | None:
    try:
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
    except Exception:  # metadata is a nicety; a broken Info dict must not cost the paper
        return None
    return title or None


# --- lines -----------------------------------------------------------------------------------

_FONT_BUF = ctypes.create_string_buffer(128)
_FONT_BUF_LEN = ctypes.c_ulong(len(_FONT_BUF))
_FONT_FLAGS = ctypes.c_int()
_FONT_FLAGS_REF = ctypes.byref(_FONT_FLAGS)


_FONT_NAMES: dict[bytes, tuple[str, bool]] = {}  # raw name -> (name, bold by its name)
_MAX_FONT_NAMES = 4096  # emptied beyond this: a worker's memory stays flat over an archive


def _font(handle: ctypes.c_void_p, index: int) -> tuple[str, bool]:
    """The font of the character at ``index`` and whether it is bold (by name, else by weight)."""
    calls.FONT_INFO(handle, index, _FONT_BUF, _FONT_BUF_LEN, _FONT_FLAGS_REF)
    raw = _FONT_BUF.value
    known = _FONT_NAMES.get(raw)
    if known is None:
        if len(_FONT_NAMES) >= _MAX_FONT_NAMES:
            _FONT_NAMES.clear()
        name = raw.decode("latin-1", "replace")
        known = _FONT_NAMES[raw] = (name, _BOLD_FONT.search(name) is not None)
    name, bold = known
    if bold:
        return name, True
    return name, calls.FONT_WEIGHT(handle, index) >= 600


def _font_bold(handle: ctypes.c_void_p, index: int) -> bool:
    """Whether the character at ``index`` is set in a bold font."""
    return _font(handle, index)[1]


_LINE = re.compile(r"[^\r\n]+")
_RECT = tuple(ctypes.c_double() for _ in range(4))  # left, top, right, bottom
_RECT_REFS = tuple(ctypes.byref(v) for v in _RECT)


def _line_box(
    tp: pdfium.PdfTextPage, handle: ctypes.c_void_p, start: int, count: int
) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) around the characters ``start`` to ``start + count``: the union
    of pdfium's rectangles for them (unchecked calls: this runs once per line of every page)."""
    nrect = calls.COUNT_RECTS(handle, start, count)
    if nrect <= 0:
        left, bottom, right, top = tp.get_charbox(start)
        return left, bottom, right, top
    left_v, top_v, right_v, bottom_v = _RECT
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for j in range(nrect):
        calls.GET_RECT(handle, j, *_RECT_REFS)
        x0 = min(x0, left_v.value)
        y0 = min(y0, bottom_v.value)
        x1 = max(x1, right_v.value)
        y1 = max(y1, top_v.value)
    return x0, y0, x1, y1


_WIDE = 1.3  # a line this much wider per character than the page's median may hold gaps


def _segments(handle: ctypes.c_void_p, text: str, start: int, height: float) -> tuple[Segment, ...]:
    """The pieces of a line set apart by gaps wider than ``GAP_SIZES`` times its height
    between printed characters (spaces are not looked at: a space's box may span the gap), or
    () when it has no such gap."""
    left_v, top_v, right_v, bottom_v = _RECT
    d_left, d_top, d_right, d_bottom = _RECT_REFS
    limit = GAP_SIZES * max(height, 1.0)
    pieces: list[list] = []  # [x0, x1, first index, last index]
    for k, ch in enumerate(text):
        if ch.isspace():
            continue
        calls.CHAR_BOX(handle, start + k, d_left, d_right, d_bottom, d_top)
        x0, x1 = left_v.value, right_v.value
        if pieces and x0 < pieces[-1][0] - 1:
            return ()  # characters out of order along the line: no columns to tell
        if pieces and x0 - pieces[-1][1] <= limit:
            pieces[-1][1], pieces[-1][3] = max(pieces[-1][1], x1), k
        else:
            pieces.append([x0, x1, k, k])
    if len(pieces) < 2:
        return ()
    out = tuple(
        Segment(x0, x1, _CONTROL.sub("", _hyphens(text[i : j + 1])).strip())
        for x0, x1, i, j in pieces
    )
    return out if all(s.text for s in out) else ()


def _wide_lines(lines: list[_Line], starts: list[tuple[int, str]], handle) -> None:
    """Give the lines set wider per character than the page's median their pieces."""
    ratios = sorted((ln.x1 - ln.x0) / len(ln.text) for ln in lines if len(ln.text) >= 10)
    if not ratios:
        return
    median = ratios[len(ratios) // 2]
    for n, ln in enumerate(lines):
        if len(ln.text) >= 3 and (ln.x1 - ln.x0) / len(ln.text) > _WIDE * median:
            start, raw = starts[n]
            ln.segments = _segments(handle, raw, start, ln.y1 - ln.y0)


def _lines(tp: pdfium.PdfTextPage, glyphs: GlyphRepair | None = None) -> list[_Line]:
    n = tp.count_chars()
    if n <= 0:
        return []
    text = tp.get_text_range(0, n)
    if len(text) != n:  # surrogate pairs shift indices: rebuild one char per index
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp.raw, i) or 32) for i in range(n))
    if glyphs is not None:  # letters a font draws but its text layer names as a symbol
        text = glyphs.fix(tp.raw, text)
    handle = calls.handle(tp.raw)
    # on a page with no control character, pdfium hyphen or ligature mark (most pages) a
    # stripped line is already clean
    plain = _CONTROL.search(text) is None and not has_ligature_marks(text)
    out = []
    starts: list[tuple[int, str]] = []
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped) - 1
        hyphen = stripped[-1] == "\u00ad"
        clean = stripped if plain else _CONTROL.sub("", _hyphens(stripped)).strip()
        if not clean:
            continue
        font, bold = _font(handle, start)
        out.append(
            _Line(
                clean,
                *_line_box(tp, handle, start, len(stripped)),
                round(calls.FONT_SIZE(handle, start), 1),
                bold and _font_bold(handle, end),
                hyphen,
                font,
            )
        )
        starts.append((start, stripped))
    _wide_lines(out, starts, handle)
    return out


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """The lines with each run that pdfium gives after lines printed below it, in the same
    column, moved up to where it is printed.

    Text drawn out of stream order (Ayton CC's "PRESENT" table, drawn after the rest of page
    1) reads where it sits when three things hold: the run's lines are printed above every line
    it would jump back over, the line before those is printed above the run, and the run shares
    some width with the lines it jumps over (a second column, beside the first, does not).
    """
    out = list(lines)
    i = 1
    while i < len(out):
        if out[i].y0 <= out[i - 1].y1:  # not above the line before it
            i += 1
            continue
        j = i + 1
        while j < len(out) and out[j].y1 <= out[j - 1].y1:
            j += 1
        run = out[i:j]
        bottom, top = min(ln.y0 for ln in run), max(ln.y1 for ln in run)
        k = i
        while k > 0 and out[k - 1].y1 < bottom:
            k -= 1
        jumped = out[k:i]
        left, right = min(ln.x0 for ln in run), max(ln.x1 for ln in run)
        if (k == 0 or out[k - 1].y0 >= top) and any(
            ln.x0 < right and ln.x1 > left for ln in jumped
        ):
            out[k:j] = run + jumped
        i = j
    return out


# --- tables ----------------------------------------------------------------------------------

_L, _B, _R, _T = (ctypes.c_float() for _ in range(4))
_BOUNDS_REFS = tuple(ctypes.byref(v) for v in (_L, _B, _R, _T))


def _edge(x0: float, y0: float, x1: float, y1: float, height: float) -> dict:
    top, bottom = height - max(y0, y1), height - min(y0, y1)
    horizontal = bottom - top < 3
    if horizontal:
        top = bottom = (top + bottom) / 2
    else:
        x0 = x1 = (x0 + x1) / 2
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": "h" if horizontal else "v",
        "object_type": "line",
    }


def _path_edges(obj: ctypes.c_void_p, height: float, out: list[dict]) -> tuple[int, int, int]:
    """Append the straight axis-parallel edges of one path object; return (h, v, box) counts."""
    calls.OBJECT_BOUNDS(obj, *_BOUNDS_REFS)
    x0, y0, x1, y1 = _L.value, _B.value, _R.value, _T.value
    w, h = x1 - x0, y1 - y0
    if h < 3 and w > 8:
        out.append(_edge(x0, y0, x1, y1, height))
        return 1, 0, 0
    if w < 3 and h > 8:
        out.append(_edge(x0, y0, x1, y1, height))
        return 0, 1, 0
    if w <= 8 or h <= 8:
        return 0, 0, 0
    nseg = calls.PATH_COUNT_SEGMENTS(obj)
    if nseg <= 6:  # a rectangle (cell border or shading): its four sides
        for e in ((x0, y1, x1, y1), (x0, y0, x1, y0), (x0, y0, x0, y1), (x1, y0, x1, y1)):
            out.append(_edge(*e, height))
        return 0, 0, 1
    if nseg > 4000:  # a chart or drawing, not a grid
        return 0, 0, 0
    return _segment_edges(obj, nseg, height, out)


def _segment_edges(
    obj: ctypes.c_void_p, nseg: int, height: float, out: list[dict]
) -> tuple[int, int, int]:
    m = pdfium_c.FS_MATRIX()
    calls.OBJECT_MATRIX(obj, ctypes.byref(m))
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    pts: list[tuple[float, float]] = []
    start = None
    hcount = vcount = 0

    def add(p: tuple[float, float], q: tuple[float, float]) -> None:
        nonlocal hcount, vcount
        dx, dy = abs(p[0] - q[0]), abs(p[1] - q[1])
        if dy < 1 and dx > 3:
            out.append(_edge(min(p[0], q[0]), p[1], max(p[0], q[0]), q[1], height))
            hcount += 1
        elif dx < 1 and dy > 3:
            out.append(_edge(p[0], min(p[1], q[1]), q[0], max(p[1], q[1]), height))
            vcount += 1

    for i in range(nseg):
        seg = ctypes.c_void_p(calls.PATH_GET_SEGMENT(obj, i))
        calls.SEGMENT_POINT(seg, x_ref, y_ref)
        p = (m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
        kind = calls.SEGMENT_TYPE(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = p
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and pts:
            add(pts[-1], p)
        pts.append(p)
        if calls.SEGMENT_CLOSE(seg) and start is not None:
            add(p, start)
    return hcount, vcount, 0


def _grid_edges(page_raw, height: float) -> list[dict] | None:
    """Return the page's ruling edges when they look like a table grid, else None.

    The gate: at least two horizontal rules and three vertical ones (two columns need three
    sides), or four rectangles (cell borders or shading), or two of each kind with two
    rectangles. Measured on samples/ and samples/real/ it sends every page where pdfplumber
    finds a table of two or more rows and columns.
    """
    edges: list[dict] = []
    h = v = box = 0
    stack = [(calls.handle(page_raw), calls.PAGE_COUNT_OBJECTS, calls.PAGE_GET_OBJECT)]
    while stack:
        holder, count, get = stack.pop()
        for i in range(count(holder)):
            obj = ctypes.c_void_p(get(holder, i))
            kind = calls.OBJECT_TYPE(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                dh, dv, db = _path_edges(obj, height, edges)
                h, v, box = h + dh, v + dv, box + db
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                stack.append((obj, calls.FORM_COUNT_OBJECTS, calls.FORM_GET_OBJECT))
    if (h >= 2 and v >= 3) or box >= 4 or (h >= 2 and v >= 2 and box >= 2):
        return edges
    return None


def _fast_grids(
    edges: list[dict], tp: pdfium.PdfTextPage, width: float, height: float
) -> list[_Grid]:
    """The page's ruled tables (``find_tables`` on the grid edges) with their cells' text.

    A cell's text is ``_cell_text`` of what pdfium gives for the cell's box shrunk by half a
    point. ``pdf_cells.rect_cell_texts`` reads all cells of the page from pdfium's text
    rectangles at once; on a page where it cannot, or where few cells make that dearer, each
    cell gets its own ``_bounded_text`` call (pdfium scans every character of the page on each).
    """
    tables = find_tables(edges, width, height)
    boxes = [
        [
            [
                None
                if c is None
                else (c[0] + 0.5, height - c[3] + 0.5, c[2] - 0.5, height - c[1] - 0.5)
                for c in row.cells
            ]
            for row in table.rows
        ]
        for table in tables
    ]
    texts = iter(
        rect_cell_texts(tp, [[b for row in t for b in row if b is not None] for t in boxes])
    )
    grids: list[_Grid] = []
    for table, table_boxes in zip(tables, boxes, strict=True):
        rows = []
        for row in table_boxes:
            cells = []
            for box in row:
                if box is None:
                    cells.append("")
                    continue
                text = next(texts)
                cells.append(_cell_text(text if text is not None else _bounded_text(tp, *box)))
            rows.append(cells)
        _keep_grid(grids, table.bbox, rows, height)
    return grids


_BOUNDED = (ctypes.c_ushort * 8192)()


def _bounded_text(
    tp: pdfium.PdfTextPage, left: float, bottom: float, right: float, top: float
) -> str:
    """The text inside a box: pypdfium2's ``get_text_bounded`` with one pdfium call, not two.

    pdfium builds the box's text on every call; pypdfium2 calls it once for the length and
    again to copy, which was half the cost of reading a page with a grid. A shared buffer
    takes any cell; text that fills it is read again the usual way.
    """
    n = pdfium_c.FPDFText_GetBoundedText(tp.raw, left, top, right, bottom, _BOUNDED, len(_BOUNDED))
    if n <= 0:
        return ""
    if n >= len(_BOUNDED):
        return tp.get_text_bounded(left, bottom, right, top)
    return ctypes.string_at(_BOUNDED, 2 * n).decode("utf-16-le", "ignore").rstrip("\x00")


def _plumber_grids(page, height: float) -> list[_Grid]:
    grids: list[_Grid] = []
    try:
        for table in page.find_tables():
            rows = [[_cell_text(c or "") for c in row] for row in table.extract()]
            _keep_grid(grids, table.bbox, rows, height)
    finally:
        page.close()
    return grids


def _keep_grid(grids: list[_Grid], bbox: tuple, rows: list[list[str]], height: float) -> None:
    """Keep a found table if it has two columns and some text (one column is a text frame)."""
    if not rows or max(len(r) for r in rows) < 2 or not any(c for r in rows for c in r):
        return
    if _prose_in_boxes(rows):
        return
    x0, top, x1, bottom = bbox
    grids.append(_Grid((x0, height - bottom, x1, height - top), rows))


def _prose_in_boxes(rows: list[list[str]]) -> bool:
    """Whether a found grid is running prose with a box drawn round each word (a paragraph
    pasted with its word boxes): many columns, nearly every cell one word, most of the words
    lower-case. Its lines are the paragraph's text, not a table."""
    cells = [c for r in rows for c in r if c]
    if max(len(r) for r in rows) < 6 or len(cells) < 10:
        return False
    single = sum(len(c.split()) == 1 for c in cells)
    lower = sum(c[:1].islower() and c.isalpha() for c in cells)
    return single >= 0.8 * len(cells) and lower >= 0.5 * len(cells)


#: U+FFFE while a paper is read: which hyphen it is is decided once all its words are known
_SOFT_MARK = "\ue000"
_SOFT_BROKEN = re.compile(r"([^\W\d_]+)\ue000\s*([^\W\d_]+)")


def _hyphens(text: str) -> str:
    """Repair pdfium's hyphen artefacts: U+0002 (a hyphen ending a line) prints as "-" and is
    kept as one hyphenated word; U+FFFE (a hyphen whose glyph maps to the soft hyphen) is
    marked for ``_mend_soft_hyphens``; and a ligature glyph the text layer left unnamed,
    marked by ``pdf_glyphs``, is given its letters."""
    return expand_ligatures(text.replace("\u0002", "-").replace("\ufffe", _SOFT_MARK))


_SOFT_BREAK = re.compile(r"\u00ad\s*\r?\n")
_CELL_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _cell_text(text: str) -> str:
    """A cell's text from pdfium: soft hyphens at line ends and control characters dropped,
    whitespace folded within each line, empty lines dropped, and a line ending in a word and
    a hyphen joined to the next."""
    if text.isascii() and text.isprintable():  # no control, break or hyphen character
        return " ".join(text.split())
    if "\u00ad" in text:
        text = _SOFT_BREAK.sub("", text)
    text = _CONTROL.sub("", _hyphens(text))
    if "\r" not in text and "\n" not in text:
        return " ".join(text.split())
    lines = [" ".join(ln.split()) for ln in _CELL_LINE_BREAK.split(text)]
    out: list[str] = []
    for ln in lines:
        if not ln:
            continue
        if out and _HYPHEN_END.search(out[-1]):
            out[-1] += ln
        else:
            out.append(ln)
    return "\n".join(out)


def _drop_table_lines(draft: _Draft) -> None:
    def inside(line: _Line) -> bool:
        cx, cy = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
        return any(
            g.bbox[0] <= cx <= g.bbox[2] and g.bbox[1] <= cy <= g.bbox[3] for g in draft.grids
        )

    if draft.grids:
        draft.lines = [ln for ln in draft.lines if not inside(ln)]


def _column_tables(draft: _Draft) -> None:
    """Make each borderless table of left-aligned columns on the page a table (``pdf_columns``)
    and take its lines out of the text."""
    if not any(ln.segments for ln in draft.lines):
        return
    found = find_column_tables(draft.lines)
    if not found:
        return
    taken = {i for t in found for i in t.lines}
    draft.grids.extend(_Grid(t.bbox, t.rows) for t in found)
    draft.lines = [ln for i, ln in enumerate(draft.lines) if i not in taken]


# --- document-wide passes --------------------------------------------------------------------


def _zones(d: _Draft) -> tuple[list[_Line], list[_Line]]:
    """The lines in the page's top and bottom zones, top to bottom (by position: a footer can
    come first in the text layer's order)."""
    by_y = sorted(d.lines, key=lambda ln: -ln.y1)
    top = [ln for ln in by_y[:3] if ln.y0 >= d.height * (1 - _ZONE)]
    bottom = [ln for ln in by_y[-3:] if ln.y1 <= d.height * _ZONE and ln not in top]
    return top, bottom


def _assemble(drafts: list[_Draft], title: str | None) -> Document:
    zones = [_zones(d) for d in drafts]
    ends = [PageEnds([ln.text for ln in t], [ln.text for ln in b]) for t, b in zones]
    furniture = find_furniture(ends, contiguous=False)
    sized: list[tuple[Block, float]] = []
    pages = []
    for d, (top, bottom), fur in zip(drafts, zones, furniture, strict=True):
        head = [ln for i, ln in enumerate(top) if i in fur.top]
        foot = [ln for i, ln in enumerate(bottom) if i in fur.bottom]
        aside = {id(ln) for ln in head + foot}
        header, footer = [ln.text for ln in head], [ln.text for ln in foot]
        body = [ln for ln in d.lines if id(ln) not in aside]
        blocks = _blocks(body, d.number)
        sized.extend((b, size) for b, size, _ in blocks)
        items = _place_tables(blocks, d.grids, d.number)
        pages.append(Page(d.number, items, fur.printed_number, header, footer))
    _mark_headings(sized)
    _merge_continued_tables(pages)
    meta = DocumentMeta(title=title, page_count=len(drafts), has_text_layer=True, format="pdf")
    empty = [d.number for d in drafts if not d.lines and not d.grids]
    if empty:
        meta.warnings.append(f"no text on page(s) {', '.join(map(str, empty))}")
    return Document(pages, meta)


def _blocks(lines: list[_Line], page: int) -> list[tuple[Block, float, float]]:
    """Join lines into blocks; return (block, font size, top y) in reading order."""
    out: list[tuple[Block, float, float]] = []
    cur: list[_Line] = []
    lefts: list[float] = []
    is_list = False
    right = max((ln.x1 for ln in lines), default=0.0)

    def flush() -> None:
        if not cur:
            return
        text = cur[0].text
        for prev, ln in zip(cur, cur[1:], strict=False):
            joiner = (
                ""
                if prev.hyphen or _HYPHEN_END.search(prev.text) or _superscript_ordinal(prev, ln)
                else " "
            )
            text += joiner + ln.text
        bullet, body = split_bullet(text) if is_list else (False, text)
        kind = "list_item" if bullet else "paragraph"
        size = Counter(ln.size for ln in cur).most_common(1)[0][0]
        block = Block(kind, body.strip(), page, 0, all(ln.bold for ln in cur), bullet)
        out.append((block, size, cur[0].y1))
        lefts.append(cur[0].x0)

    for ln in lines:
        bullet, _ = split_bullet(ln.text)
        if cur and not bullet and not _breaks(cur, ln, right):
            cur.append(ln)
            continue
        flush()
        cur, is_list = [ln], bullet
    flush()
    _list_levels([(b, x) for (b, _, _), x in zip(out, lefts, strict=True)])
    return out


def _list_levels(blocks: list[tuple[Block, float]]) -> None:
    lefts = sorted({round(x / 9) for b, x in blocks if b.kind == "list_item"})
    for b, x in blocks:
        if b.kind == "list_item":
            b.level = lefts.index(round(x / 9)) + 1


#: an ordinal's letters set as a superscript, which the text layer gives as a line of their
#: own: "6" / "ED CHWEFROR 2019" (Welsh "6ed"), "17" / "th August 2021"
_ORDINAL_TAIL = re.compile(r"^(?:st|nd|rd|th|af|il|ydd|ed|fed|eg|ain)\b", re.I)


def _superscript_ordinal(prev: _Line, ln: _Line) -> bool:
    """Whether ``ln`` opens with the superscript letters of an ordinal ``prev`` ends with."""
    return prev.text[-1:].isdigit() and bool(_ORDINAL_TAIL.match(ln.text)) and ln.y0 >= prev.y0 - 2


def _breaks(cur: list[_Line], ln: _Line, right: float) -> bool:
    """Whether ``ln`` starts a new block after the lines ``cur``."""
    prev = cur[-1]
    size = max(prev.size, ln.size)
    if _superscript_ordinal(prev, ln):
        return False
    if abs(prev.size - ln.size) > 0.6 or prev.bold != ln.bold:
        return True
    if ln.y1 > prev.y1 + 2:  # moved up: a new column or table cell
        return True
    if (
        len(cur) == 1
        and _NUMBERED.match(prev.text)
        and (prev.font != ln.font or (prev.x1 < right - 60 and ln.text[:1].isupper()))
    ):
        # a numbered heading over its text: set in its own font ("11.25.03 To receive the
        # minutes ..." / "The minutes of the parish council meeting ... were", Souldern PC),
        # or a short line with a capital under it ("4. Previous Minute" / "The pervious
        # minute was approved online", Broomhill CC): a wrapped line fills the measure
        return True
    if prev.y0 - ln.y0 > 1.45 * size:  # a paragraph gap
        return True
    if len(cur) >= 2 and abs(ln.x0 - prev.x0) > 8:  # wrapped lines keep their left edge
        return True
    if _NUMBERED.match(ln.text) and (
        prev.text[-1:] in ".:;)" or ln.x0 < prev.x0 - 8 or prev.x1 < right - 60
    ):
        return True
    # a wrapped line fills the measure: a short line before a capital ends its paragraph
    if prev.x1 < right - 60 and ln.text[:1].isupper() and prev.text[-1:] in ".:;)!?":
        return True
    return False


def _mark_headings(sized: list[tuple[Block, float]]) -> None:
    """Make short blocks in a larger font headings; level by size (title size = level 0)."""
    weights: Counter[float] = Counter()
    for b, size in sized:
        weights[size] += len(b.text)
    if not weights:
        return
    body = weights.most_common(1)[0][0]
    heads = [
        (b, s)
        for b, s in sized
        if s >= body + 1.4
        and b.kind == "paragraph"
        and len(b.text) <= 200
        and b.text.count(" ") < 30
    ]
    ranks = sorted({s for _, s in heads if s < 1.5 * body}, reverse=True)
    for b, s in heads:
        b.kind = "heading"
        b.level = 0 if s >= 1.5 * body else ranks.index(s) + 1


def _place_tables(
    blocks: list[tuple[Block, float, float]], grids: list[_Grid], page: int
) -> list[Block | Table]:
    items: list[tuple[float, int, Block | Table]] = []
    for n, (b, _, top) in enumerate(blocks):
        items.append((top, n, b))
    order = [t for t, _, _ in items]
    for g in grids:
        # a table goes before the first block that starts below its top edge
        pos = next((i for i, t in enumerate(order) if t < g.bbox[3]), len(order))
        table = Table(g.rows, page)
        items.insert(pos, (g.bbox[3], -1, table))
        order.insert(pos, g.bbox[3])
    return [it for _, _, it in items]


def _join_cell(above: str, below: str) -> str:
    if not below or not above:
        return above or below
    return above + ("" if _HYPHEN_END.search(above) else "\n") + below


def _norm_row(row: list[str]) -> list[str]:
    return [" ".join(c.split()).casefold() for c in row]


def _merge_continued_tables(pages: list[Page]) -> None:
    """Merge a table that opens a page into the table that closed the page before.

    Same column count is required. A repeated header row is dropped; a first row whose first
    cell is empty is the rest of the row split by the page break and is joined onto it.
    """
    last: Table | None = None
    for page in pages:
        first = page.items[0] if page.items else None
        if (
            isinstance(first, Table)
            and last is not None
            and len(first.rows[0]) == len(last.rows[0])
        ):
            rows = first.rows
            if _norm_row(rows[0]) == _norm_row(last.rows[0]):
                rows = rows[1:]
                last.header_rows = max(last.header_rows, 1)
            if rows and not rows[0][0].strip() and last.rows:
                tail = last.rows[-1]
                last.rows[-1] = [_join_cell(a, b) for a, b in zip(tail, rows[0], strict=True)]
                rows = rows[1:]
            last.rows.extend(rows)
            last.row_pages.extend([page.number] * len(rows))
            last.page_to = page.number
            page.items.pop(0)
        if page.items:
            tail_item = page.items[-1]
            last = tail_item if isinstance(tail_item, Table) else None
        # an empty page (blank or all furniture) does not break the run
