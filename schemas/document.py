"""The one document model every reader returns.

A ``Document`` is pages in order; each page holds its content items in reading order (blocks
and tables), the running header/footer lines that were set aside, and the page number printed
on it. No extractor asks which format a paper came from: format quirks end at the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item"]


@dataclass
class Block:
    """A run of text: a heading, a paragraph or a list item."""

    kind: BlockKind
    text: str
    page: int
    level: int = 0  # heading level (1 = top); list nesting level for list items
    bold: bool = False
    bullet: bool = False  # a list item marked by a bullet, not by a number
    lead: str = ""  # a bold run-in heading the text opens with ("Flooding:"), when not all bold


@dataclass
class Table:
    """A table as rows of cell strings; a table that runs over pages keeps its page range."""

    rows: list[list[str]]
    page: int
    page_to: int = 0
    header_rows: int = 0  # leading rows marked or recognised as a header
    row_pages: list[int] = field(default_factory=list)  # page each row starts on

    def __post_init__(self) -> None:
        if not self.page_to:
            self.page_to = self.page
        if not self.row_pages:
            self.row_pages = [self.page] * len(self.rows)

    @property
    def text(self) -> str:
        """All cell text, row by row, cells separated by tabs."""
        return "\n".join("\t".join(r) for r in self.rows)


Item = Block | Table


@dataclass
class Page:
    """One page: content in reading order plus what was set aside."""

    number: int  # physical page, 1-based
    items: list[Item] = field(default_factory=list)
    printed_number: str | None = None  # "7" from a "Page 7" footer
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)

    @property
    def blocks(self) -> list[Block]:
        """The text blocks of the page, in reading order."""
        return [i for i in self.items if isinstance(i, Block)]

    @property
    def tables(self) -> list[Table]:
        """The tables that start on this page."""
        return [i for i in self.items if isinstance(i, Table)]

    @property
    def text(self) -> str:
        """The page's body text (headers and footers excluded), items separated by newlines."""
        return "\n".join(i.text for i in self.items)


@dataclass
class OcrPageInfo:
    """A page whose text was read by OCR, and how well."""

    number: int  # physical page, 1-based
    confidence: float | None  # mean word confidence 0-1; None when no word was read
    words: int
    reason: str  # why it was read by OCR: "no_text_layer" or "junk_text_layer"


@dataclass
class DocumentMeta:
    """Facts about the document as a whole."""

    title: str | None = None
    page_count: int = 0
    has_text_layer: bool = True  # some page has a usable text layer (not only OCR)
    format: str = "unknown"
    encoding: str | None = None  # text exports only
    warnings: list[str] = field(default_factory=list)
    ocr_engine: str | None = None  # "tesseract 5.3.0" when some page was read by OCR
    ocr_pages: list[OcrPageInfo] = field(default_factory=list)
    #: pages that need OCR but were not read (no engine, or it failed on them), and why
    unread_pages: list[int] = field(default_factory=list)
    unread_reason: str | None = None


@dataclass
class Document:
    """A paper as read: pages in order and metadata."""

    pages: list[Page]
    meta: DocumentMeta

    @property
    def text(self) -> str:
        """Body text of the whole document, pages separated by form feeds."""
        return "\f".join(p.text for p in self.pages)

    def iter_items(self):
        """Yield every block and table in reading order across pages."""
        for p in self.pages:
            yield from p.items

    def page_range(self, first: int, last: int) -> Document:
        """Return a Document over physical pages first..last (inclusive), sharing page objects."""
        return Document([p for p in self.pages if first <= p.number <= last], self.meta)


class ReaderError(Exception):
    """A paper that cannot be read: the message says why, in words a user understands."""


class NeedsOCR(ReaderError):
    """A paper with no text layer: it needs OCR before it can be read."""

    def __init__(self, message: str, page_count: int = 0) -> None:
        super().__init__(message)
        self.page_count = page_count
