"""Table cells read from pdfium's text rectangles give what one bounded-text call per cell gives.

The PDF reader reads the text of all cells of a page at once from pdfium's text rectangles
(``rect_cell_texts``), and calls ``_bounded_text`` (pdfium's GetBoundedText) per cell only
where that cannot settle a cell or looks cheaper. The per-cell call is the reference: on
every ruled page of every sample paper (samples/*.pdf and samples/real/*.pdf, not the scanned
ones), every cell of every table must come out the same after ``_cell_text``, with the rect
path forced on every page. ``_cell_text`` itself is checked against the version it replaced,
and the tables ``_fast_grids`` builds must not change when every cell falls back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest

from extractors.formats import pdf, pdf_cells
from extractors.formats.pdf_tables import find_tables
from tests.conftest import SAMPLES, TEXT_PDFS

PAPERS = TEXT_PDFS
# papers with ruled tables: budget grids, nested tables in a decision form, a wide grid
RULED = ["real/kent-budget-templates-spending-savings-2025-28.pdf",
         "real/kent-record-of-decision-24-00093-family-hubs.pdf",
         "real/kent-budget-by-directorate-2025-26.pdf"]


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
    return [[(c[0] + 0.5, height - c[3] + 0.5, c[2] - 0.5, height - c[1] - 0.5)
             for row in table.rows for c in row.cells if c is not None]
            for table in find_tables(edges, width, height)]


def old_cell_text(text: str) -> str:
    """``_cell_text`` as it was before its fast path for plain text, for comparison."""
    text = pdf._CONTROL.sub("", pdf._hyphens(re.sub(r"\u00ad\s*\r?\n", "", text)))
    lines = [" ".join(ln.split()) for ln in re.split(r"\r\n|\r|\n", text)]
    out: list[str] = []
    for ln in lines:
        if not ln:
            continue
        if out and pdf._HYPHEN_END.search(out[-1]):
            out[-1] += ln
        else:
            out.append(ln)
    return "\n".join(out)


@pytest.mark.parametrize("paper", PAPERS)
def test_rect_cell_texts_match_bounded_text_on_every_cell(paper: str) -> None:
    compared = 0
    for tp, width, height, edges in ruled_pages(paper):
        boxes = cell_boxes(edges, width, height)
        fast = pdf_cells.rect_cell_texts(tp, boxes, choose=False)
        flat = [box for table in boxes for box in table]
        assert len(fast) == len(flat)
        assert None not in fast  # every cell of the papers is read from rectangles
        for text, box in zip(fast, flat, strict=True):
            bounded = pdf._bounded_text(tp, *box)
            want = old_cell_text(bounded)
            assert pdf._cell_text(bounded) == want
            assert pdf._cell_text(text) == want, (box, text, bounded)
            compared += 1
    if paper in RULED:
        assert compared > 0


@pytest.mark.parametrize("paper", RULED)
def test_fast_grids_are_the_same_when_every_cell_falls_back(
        paper: str, monkeypatch: pytest.MonkeyPatch) -> None:
    found = False
    for tp, width, height, edges in ruled_pages(paper):
        grids = pdf._fast_grids(edges, tp, width, height)
        with monkeypatch.context() as m:
            m.setattr(pdf, "rect_cell_texts",
                      lambda tp, tables: [None] * sum(len(t) for t in tables))
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


@pytest.mark.parametrize("raw", [
    "", "  ", "Total  2,136.2\r\n236.5 ", "multi-\r\nagency", "co\u00ad\r\n operation",
    "end\x02\r\nline", "Plaistead\ufffeKerr", "a\tb\x07c", "\r\n\r\nx\r\n", "é  à\r\nü",
])
def test_cell_text_is_what_it_was(raw: str) -> None:
    assert pdf._cell_text(raw) == old_cell_text(raw)
