"""Table cells read from pdfium's text rectangles give what one bounded-text call per cell gives.

The PDF reader reads the text of all cells of a page at once from pdfium's text rectangles
(``rect_cell_texts``), and calls ``_bounded_text`` (pdfium's GetBoundedText) per cell only
where that cannot settle a cell or looks cheaper. The per-cell call, made here through
pypdfium2's own ``get_text_bounded``, is the reference: on every ruled page of every sample
paper with ruled tables (``RULED_PDFS``), every cell of every table must come out the same after
``_cell_text``, with the rect path forced on every page. ``_cell_text`` itself is checked
against a plain restatement of its rules written without the reader's helpers, and the tables
``_fast_grids`` builds must not change when every cell falls back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest

from extractors.formats import pdf, pdf_cells
from extractors.formats.pdf_tables import find_tables
from tests.conftest import RULED_PDFS, SAMPLES

# papers with ruled tables: budget grids, nested tables in a decision form, a wide grid
RULED = [
    "real/kent-budget-templates-spending-savings-2025-28.pdf",
    "real/kent-record-of-decision-24-00093-family-hubs.pdf",
    "real/kent-budget-by-directorate-2025-26.pdf",
]


def ruled_pages(paper: str) -> Iterator[tuple[pdfium.PdfTextPage, float, float, list[dict]]]:
    """(text page, width, height, grid edges) of each page of ``paper`` that the reader's
    table gate sends to the table finder; each text page is closed once the next is asked."""
    doc = pdfium.PdfDocument(str(SAMPLES / paper))
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            try:
                height = page.get_height()
                edges = pdf._grid_edges(page.raw, height)
                if edges is not None:
                    yield tp, page.get_width(), height, edges
            finally:
                tp.close()
                page.close()
    finally:
        doc.close()


def cell_boxes(edges: list[dict], width: float, height: float) -> list[list[pdf._Rect]]:
    """The box (left, bottom, right, top) ``_fast_grids`` reads for each cell of each table
    that ``find_tables`` finds on the page, table by table, row by row."""
    return [
        [
            (c[0] + 0.5, height - c[3] + 0.5, c[2] - 0.5, height - c[1] - 0.5)
            for row in table.rows
            for c in row.cells
            if c is not None
        ]
        for table in find_tables(edges, width, height)
    ]


#: what the cell text drops: C0 controls other than tab and line breaks, BOM, soft hyphen
_DROPPED = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"} | {"\ufeff", "\u00ad"}


def reference_cell_text(text: str) -> str:
    """A cell's text by the reader's rules, restated without the reader's code: a soft hyphen
    that ends a line joins it to the next; pdfium's hyphen stand-in U+0002 prints as "-" and
    U+FFFE is marked (U+E000) for the document-wide choice between a hyphen and a broken
    word; the other control characters, BOMs and soft hyphens go; whitespace is folded
    within each line; empty lines go; a line ending in a letter or digit and "-" runs on into
    the next line."""
    text = re.sub("\u00ad\\s*\r?\n", "", text)
    text = text.replace("\u0002", "-").replace("\ufffe", "\ue000")
    text = "".join(ch for ch in text if ch not in _DROPPED)
    out: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if out and len(out[-1]) > 1 and out[-1][-1] == "-" and out[-1][-2].isalnum():
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("paper", RULED_PDFS)
def test_rect_cell_texts_match_bounded_text_on_every_cell(paper: str) -> None:
    compared = 0
    for tp, width, height, edges in ruled_pages(paper):
        boxes = cell_boxes(edges, width, height)
        fast = pdf_cells.rect_cell_texts(tp, boxes, choose=False)
        flat = [box for table in boxes for box in table]
        assert len(fast) == len(flat)
        assert None not in fast  # every cell of the papers is read from rectangles
        for text, box in zip(fast, flat, strict=True):
            bounded = tp.get_text_bounded(*box)
            assert pdf._bounded_text(tp, *box) == bounded
            want = reference_cell_text(bounded)
            assert pdf._cell_text(bounded) == want
            assert pdf._cell_text(text) == want, (box, text, bounded)
            compared += 1
    assert compared > 0


@pytest.mark.parametrize("paper", RULED)
def test_fast_grids_are_the_same_when_every_cell_falls_back(
    paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = False
    for tp, width, height, edges in ruled_pages(paper):
        grids = pdf._fast_grids(edges, tp, width, height)
        with monkeypatch.context() as m:
            m.setattr(
                pdf, "rect_cell_texts", lambda tp, tables: [None] * sum(len(t) for t in tables)
            )
            assert pdf._fast_grids(edges, tp, width, height) == grids
        found = found or bool(grids)
    assert found


def test_pages_with_few_cells_keep_one_call_per_cell() -> None:
    # a budget page with one wide table of 16 tall cells and 58 lines of text: reading the
    # rectangles of every line costs more than 16 scans of the page
    pages = ruled_pages("real/kent-budget-by-directorate-2025-26.pdf")
    tp, width, height, edges = next(pages)
    boxes = cell_boxes(edges, width, height)
    assert sum(len(t) for t in boxes) == 16
    assert set(pdf_cells.rect_cell_texts(tp, boxes)) == {None}
    assert None not in pdf_cells.rect_cell_texts(tp, boxes, choose=False)
    pages.close()


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "  ",
        "Total  2,136.2\r\n236.5 ",
        "multi-\r\nagency",
        "co\u00ad\r\n operation",
        "end\x02\r\nline",
        "Plaistead\ufffeKerr",
        "a\tb\x07c",
        "\r\n\r\nx\r\n",
        "é  à\r\nü",
        "2024-\r\n25",
        "snake_-\nx",
        "- \nlist",
        "x\x0by\x0cz\ufeff",
        "Total\r£5\n\n",
    ],
)
def test_cell_text_follows_its_rules(raw: str) -> None:
    assert pdf._cell_text(raw) == reference_cell_text(raw)
