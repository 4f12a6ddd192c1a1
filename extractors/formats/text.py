"""Text reader: plain-text exports (with stray markup), and the line form shared with HTML.

Decoding (``decode``): a BOM, or the NUL pattern of UTF-16 without one; stray NUL bytes
dropped; strict UTF-8; otherwise charset-normalizer (cp1252 keeps "£"). Binary data (many NUL
or control bytes, or text charset-normalizer cannot place) is a ReaderError. Markup is
folded: block tags (p, li, br, div, tr, h1-h6, ul, ol) become line breaks, other tags are
dropped and entities unescaped (saved web pages are parsed by ``html_page``). In a text
export, a line with two or more tabs starts a table that runs while consecutive lines have the
same number of cells (a run that follows a table after only blank lines and is no wider
continues it: exports break tables at page breaks and drop empty columns; rows of only rules
are dropped); lines the HTML reader marks as table rows give the rows of its tables, and a
Markdown pipe table (``| a | b |`` rows under a ``| --- | --- |`` delimiter row, in a text
export or a web page's paragraphs) is rewritten to such rows first (``pipe_tables``).
"## Title" lines are headings, "- ", "* " and "• " lines are list items, a form feed starts a
new page, and lines of only dashes or underscores are rules and are dropped. Markdown's
backslash escapes ("2\\. Declarations") and strong-emphasis marks ("**3\\. To agree**") are
taken out (a line wholly in "**" stays a bold paragraph), and a table cell's tag in markup
leaves a space, so cells do not run together ("<td>Payee</td><td>Net</td>"). Paragraphs are
runs of lines separated by blank lines.
"""

from __future__ import annotations

import codecs
import html
import re
from pathlib import Path

from charset_normalizer import from_bytes

from extractors.formats.furniture import (
    PageEnds,
    find_furniture,
    split_bullet,
    strip_pasted_heads,
)
from extractors.formats.pipe_tables import pipe_table_lines
from schemas.document import Block, Document, DocumentMeta, Page, ReaderError, Table

# [^<>]* rather than [^>]*: an unclosed tag ends its match at the next "<" (linear time)
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|li|br|div|tr|h[1-6]|ul|ol|table|tbody|thead)\b[^<>]*>", re.I
)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")
#: a table cell's tag: its words are kept apart from the next cell's ("<td>Payee</td><td>Net")
_CELL_TAG = re.compile(r"<\s*/?\s*t[dh]\b[^<>]*>", re.I)
#: a Markdown backslash escape of a punctuation mark ("2\\. Declarations", "\\_\\_\\_")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_RULE = re.compile(r"^\s*[-_=–—]{3,}\s*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
#: a Markdown list item: "-" and "*" mark bullets, "+" an item of a numbered list (the HTML
#: reader writes an <ol>'s items so)
_LIST = re.compile(r"^\s*([-*+])\s+(\S.*)$")
_DROP_OPEN = re.compile(r"<\s*(script|style|head)\b", re.I)
_DROP_CLOSE = {
    name: re.compile(rf"<\s*/\s*{name}\s*>", re.I) for name in ("script", "style", "head")
}


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: NULs on one side of most byte pairs."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for nuls, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if nuls > 0.4 * half and nuls > 4 * min(even, odd):
            try:
                return data[: len(data) // 2 * 2].decode(enc)
            except UnicodeDecodeError:
                return None
    return None


_C0 = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) of text-file bytes; raise ReaderError if they are not text.

    A BOM says UTF-8, UTF-16 or UTF-32; UTF-16 without a BOM is recognised by its NUL bytes;
    a few stray NUL bytes (under 1%) are dropped; otherwise strict UTF-8, then
    charset-normalizer (cp1252 keeps "£"). Bytes that decode to many control characters are
    binary, not text.
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ReaderError(
                    f"text file has a {enc} byte-order mark but is not valid {enc}"
                ) from exc
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return _text_or_binary(wide), "utf-16 (no byte-order mark)"
        if data.count(0) > len(data) / 100:
            raise ReaderError(
                "file is binary, not text (it holds many NUL bytes); cannot decode it"
            )
        data = data.replace(b"\x00", b"")
    try:
        return _text_or_binary(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReaderError("file is binary, or text whose character encoding cannot be recognised")
    enc = best.encoding
    if enc in ("latin_1", "iso8859_15", "cp1250", "cp1252") or enc.startswith("iso8859"):
        enc = "cp1252"  # Windows exports: cp1252 is latin-1 plus quotes, dashes and the euro
    try:
        return _text_or_binary(data.decode(enc)), enc
    except UnicodeDecodeError:
        return _text_or_binary(str(best)), best.encoding


def _text_or_binary(text: str) -> str:
    """The text, unless control characters (not tab, line or page breaks) are over 1% of it."""
    if len(_C0.findall(text[:65536])) > len(text[:65536]) / 100 + 2:
        raise ReaderError(
            "file is binary, not text (it decodes to control characters); cannot decode it"
        )
    return text


def _drop_with_content(text: str) -> str:
    """Remove script, style and head elements with their content, in linear time (a tag
    that is never closed is left to be dropped as a tag; its closer is not searched again)."""
    if "<" not in text:
        return text
    kept: list[str] = []
    pos = 0
    unclosed: set[str] = set()
    for m in _DROP_OPEN.finditer(text):
        name = m.group(1).lower()
        if m.start() < pos or name in unclosed:
            continue
        close = _DROP_CLOSE[name].search(text, m.end())
        if close is None:
            unclosed.add(name)
            continue
        kept.append(text[pos : m.start()])
        pos = close.end()
    kept.append(text[pos:])
    return "".join(kept)


def fold_markup(text: str) -> str:
    """Fold markup to plain text: block tags to line breaks, other tags dropped, entities out."""
    text = _drop_with_content(text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _CELL_TAG.sub(" ", text)
    text = _ANY_TAG.sub("", text)
    return html.unescape(text).replace("\u00a0", " ")


def _fold_cell(cell: str) -> str:
    lines = [" ".join(ln.split()) for ln in fold_markup(cell).split("\n")]
    return "\n".join(ln for ln in lines if ln and not _RULE.match(ln))


def read_text(path: Path, data: bytes | None = None) -> Document:
    """Read a plain-text export at ``path`` (or its bytes ``data``) into a Document, markup
    folded."""
    text, enc = decode(data if data is not None else path.read_bytes())
    return _document(_split_pages(text), enc, "txt")


def document_from_lines(text: str, enc: str, fmt: str) -> Document:
    """Build a Document from reader lines (form feeds between pages; the HTML reader's rows)."""
    return _document(_split_pages(text), enc, fmt)


def _split_pages(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\f")


def _document(pages_text: list[str], enc: str, fmt: str) -> Document:
    raw_pages = [
        pipe_table_lines(_page_lines(strip_pasted_heads(t)), fold_markup) for t in pages_text
    ]
    ends = [PageEnds(_plain(lines[:3]), _plain(lines[-3:])) for lines in raw_pages]
    furniture = find_furniture(ends) if len(raw_pages) > 1 else [None] * len(raw_pages)
    pages = []
    for n, (lines, fur) in enumerate(zip(raw_pages, furniture, strict=True), 1):
        header, footer, printed = [], [], None
        if fur is not None:
            n_top, n_bottom = len(fur.top), len(fur.bottom)
            header = _plain(lines[:n_top])
            footer = _plain(lines[len(lines) - n_bottom :]) if n_bottom else []
            lines = lines[n_top : len(lines) - n_bottom]
            printed = fur.printed_number
        pages.append(Page(n, _items(lines, n), printed, header, footer))
    meta = DocumentMeta(page_count=len(pages), has_text_layer=True, format=fmt, encoding=enc)
    first = next((b for p in pages for b in p.blocks if b.kind == "heading"), None)
    meta.title = first.text if first is not None and first.level <= 1 else None
    return Document(pages, meta)


def _page_lines(text: str) -> list[str]:
    """The page's lines, trailing blanks removed (blank lines inside are kept)."""
    lines = [ln.rstrip(" \r") for ln in text.split("\n")]  # trailing tabs are empty cells
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return lines


def _plain(lines: list[str]) -> list[str]:
    return [ln for ln in (" ".join(fold_markup(x).split()) for x in lines) if ln]


def _cells(line: str) -> list[str] | None:
    if line.endswith("\t\u2063"):
        return [c.replace("\u2028", "\n") for c in line[:-2].split("\t\t")]
    if "\t" in line:
        return [_fold_cell(c) for c in line.split("\t")]
    return None


def _items(lines: list[str], page: int) -> list[Block | Table]:
    items: list[Block | Table] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            text = " ".join(para)
            items.append(Block("paragraph", text, page))
            para.clear()

    i = 0
    last_table: Table | None = None  # a table followed so far only by blank lines
    while i < len(lines):
        cells = _cells(lines[i])
        if cells is not None and lines[i].count("\t") < 2 and not lines[i].endswith("\u2063"):
            nxt = _cells(lines[i + 1]) if i + 1 < len(lines) else None
            if nxt is None or len(nxt) != len(cells):
                cells = None  # one tab on a lone line is spacing, not a table
        if cells is not None:
            flush()
            rows = [cells]
            j = i + 1
            while j < len(lines):
                nxt = _cells(lines[j])
                if nxt is None or len(nxt) != len(cells):
                    break
                rows.append(nxt)
                j += 1
            rows = [r for r in rows if any(c.strip() for c in r)]
            width = max(len(r) for r in rows) if rows else 0
            if last_table is not None and 0 < width <= len(last_table.rows[0]):
                # an export breaks a table at each page, sometimes dropping an empty column:
                # a narrower run after only blank lines continues it, padded on the right
                # (which column went is not known here)
                full = len(last_table.rows[0])
                last_table.rows.extend(r + [""] * (full - len(r)) for r in rows)
                last_table.row_pages.extend([page] * len(rows))
            elif rows:
                last_table = Table([r + [""] * (width - len(r)) for r in rows], page)
                items.append(last_table)
            i = j
            continue
        if lines[i].strip() and not _RULE.match(lines[i]):
            last_table = None
        for raw in fold_markup(lines[i]).split("\n"):
            _line_item(raw, page, items, para, flush)
        i += 1
    flush()
    return items


def _line_item(raw: str, page: int, items: list, para: list[str], flush) -> None:
    line = " ".join(_MD_ESCAPE.sub(r"\1", raw).split())
    if not line:
        flush()
        return
    if _RULE.match(line):
        flush()
        return
    m = _MD_HEADING.match(line)
    if m:
        flush()
        level = len(m.group(1))
        items.append(
            Block("heading", m.group(2).strip("* "), page, level, m.group(2).startswith("**"))
        )
        return
    bullet, rest = split_bullet(line)
    lm = _LIST.match(line)
    if bullet or lm:
        flush()
        level = 1 + (len(raw) - len(raw.lstrip())) // 2
        text = rest if bullet else lm.group(2)
        marked = bullet or lm.group(1) != "+"
        items.append(Block("list_item", text, page, level, bullet=marked))
        return
    bold = line.startswith("**") and line.endswith("**") and len(line) > 4
    line = " ".join(line.replace("**", "").split())  # Markdown strong emphasis, run in
    if not line:
        flush()
        return
    if bold:
        flush()
        items.append(Block("paragraph", line, page, 0, True))
        return
    para.append(line)
