"""HTML reader: saved web pages ("Agenda and minutes", "Issue details") parsed with lxml.

libxml2's HTML parser reads any tag soup in linear time (unclosed tags cost nothing extra),
and the tree is walked without recursion. The page becomes the same lines the text reader
understands: headings as "## Title", list items as "- item", paragraphs separated by blank
lines, and each table row as one line of cells (``\\t\\t`` between cells, ``\\t\\u2063`` at the
end, line breaks inside a cell as U+2028), so headings, lists and tables reach the Document as
they do from a text export. Script, style and head content is dropped.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from lxml import etree

from extractors.formats.text import decode, document_from_lines
from schemas.document import Document, ReaderError

_SKIP = frozenset({"script", "style", "head", "noscript", "template", "title"})
_BREAK_BEFORE = frozenset(
    {
        "p",
        "div",
        "ul",
        "ol",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "dl",
        "dt",
        "dd",
        "pre",
        "address",
        "figure",
        "main",
        "nav",
        "form",
    }
)
_HEADING = re.compile(r"h([1-6])\Z")
_SPACE = re.compile(r"\s+")
_RULE = re.compile(r"^\s*[-_=–—]{3,}\s*$")
ROW_END = "\t\u2063"  # marks a line that is an HTML table row
CELL_SEP = "\t\t"


class _Page:
    """Collects the page's lines while the tree is walked."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.nested = 0  # table elements inside a cell are flattened into it
        self.item_open = False  # a list item's marker is out and no text has followed yet
        self.lists: list[str] = []  # the open "ul" and "ol" elements, innermost last

    def text(self, data: str | None) -> None:
        if not data:
            return
        data = _SPACE.sub(" ", data)
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.out.append(html.escape(data, quote=False))  # the line reader unescapes once
            self.item_open = self.item_open and not data.strip()

    def brk(self, mark: str = "\n") -> None:
        if self.cell is not None:
            self.cell.append("\n")
        elif self.row is None and not (self.item_open and not mark.strip()):
            self.out.append(mark)  # (a block opening inside a list item stays on its line)

    def start(self, tag: str) -> None:
        if self.cell is not None and tag in ("tr", "td", "th"):
            self.nested += 1
            self.cell.append("\n")
            return
        m = _HEADING.match(tag)
        if m and self.cell is None:
            self.brk("\n" + "#" * int(m.group(1)) + " ")
        elif tag == "li":
            # "+" marks an item of a numbered list for the text reader, "-" a bullet
            self.brk("\n+ " if self.lists[-1:] == ["ol"] else "\n- ")
            self.item_open = self.cell is None and self.row is None
        elif tag == "tr":
            self.row = []
            self.out.append("\n")
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in _BREAK_BEFORE:
            if tag in ("ul", "ol"):
                self.lists.append(tag)
            self.brk()

    def end(self, tag: str) -> None:
        if self.nested and tag in ("tr", "td", "th"):
            self.nested -= 1
            self.cell.append("\n")  # type: ignore[union-attr]
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(_cell_text("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if self.cell is not None:  # a cell left open by the page
                self.row.append(_cell_text("".join(self.cell)))
                self.cell = None
            self.out.append(CELL_SEP.join(self.row) + ROW_END + "\n")
            self.row = None
        elif tag == "br" or _HEADING.match(tag) or tag in ("p", "div", "li", "table"):
            self.brk("\n\n")
        elif tag in _BREAK_BEFORE:
            if tag in ("ul", "ol") and tag in self.lists:
                del self.lists[len(self.lists) - 1 - self.lists[::-1].index(tag) :]
            self.brk()


def _cell_text(raw: str) -> str:
    lines = (" ".join(ln.replace("\u00a0", " ").split()) for ln in raw.split("\n"))
    return "\u2028".join(ln for ln in lines if ln and not _RULE.match(ln))


def _tag(el: etree._Element) -> str | None:
    return el.tag.lower() if isinstance(el.tag, str) else None  # comments, PIs: no tag


def page_lines(markup: str) -> tuple[str, str | None]:
    """Return a page's text as reader lines, and its <title>; ReaderError if it cannot parse."""
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
    )
    try:
        root = etree.fromstring(markup.encode("utf-8", "replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReaderError(f"web page cannot be parsed: {exc}") from exc
    if root is None:
        return "", None
    page = _Page()
    skipping = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = _tag(el)
        if event == "start":
            if skipping or tag in _SKIP:
                skipping += 1
                continue
            if tag:
                page.start(tag)
            page.text(el.text)
        else:
            if skipping:
                skipping -= 1
            elif tag:
                page.end(tag)
            if not skipping:
                page.text(el.tail)
    title_el = root.find(".//title")
    title = " ".join((title_el.text or "").split()) if title_el is not None else None
    return "".join(page.out), title or None


def read_html(path: Path, data: bytes | None = None) -> Document:
    """Read a saved HTML page at ``path`` (or its bytes ``data``) into a Document (tables from
    table/tr/td)."""
    text, enc = decode(data if data is not None else path.read_bytes())
    lines, title = page_lines(text)
    doc = document_from_lines(lines, enc, "html")
    if title:
        doc.meta.title = title
    return doc
