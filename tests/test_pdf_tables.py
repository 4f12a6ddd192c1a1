"""The fast table finder of the PDF reader finds what pdfplumber's TableFinder finds.

Checked on the ruled pages of real papers (budget grids, a decision form, treasury tables);
pdfplumber stays the reference. Also: the regex trie of ``extractors.people`` matches like
the plain longest-first alternation it replaces.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest
from pdfplumber.table import TableFinder

from extractors.formats.pdf import _grid_edges
from extractors.formats.pdf_tables import find_tables
from extractors.people import word_trie

REAL = Path(__file__).resolve().parent.parent / "samples" / "real"
PAPERS = ["kent-budget-templates-spending-savings-2025-28.pdf",
          "kent-record-of-decision-24-00093-family-hubs.pdf",
          "kent-treasury-management-half-year-report-2024-25.pdf"]


def _ruled_pages(name: str, limit: int = 4):
    pdf = pdfium.PdfDocument(str(REAL / name))
    try:
        found = 0
        for i in range(len(pdf)):
            page = pdf[i]
            height, width = page.get_height(), page.get_width()
            edges = _grid_edges(page.raw, height)
            if edges is not None:
                yield edges, width, height
                found += 1
            page.close()
            if found >= limit:
                break
    finally:
        pdf.close()


@pytest.mark.parametrize("name", PAPERS)
def test_cells_match_pdfplumber(name: str) -> None:
    checked = 0
    for edges, width, height in _ruled_pages(name):
        reference = TableFinder(SimpleNamespace(edges=edges, bbox=(0, 0, width, height)), {})
        fast = find_tables(edges, width, height)
        assert [t.cells for t in fast] == [t.cells for t in reference.tables]
        assert [t.bbox for t in fast] == [t.bbox for t in reference.tables]
        checked += sum(len(t.cells) for t in fast)
    assert checked > 0


def test_word_trie_matches_like_longest_first_alternation() -> None:
    words = {"co", "contact", "contacting", "councillor", "cllr", "dr", "director"}
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    texts = ["Contacting Jo", "contact Ann", "Councillor Ben", "Dr. Who", "director X",
             "cont Sam", "co Z", "xdr Y", "Cllr  Bo and Dr Al"]
    for text in texts:
        for rx in (r"\b(?i:{})\.?\s+[A-Z]",):
            want = [m.span() for m in re.finditer(rx.format(plain), text)]
            got = [m.span() for m in re.finditer(rx.format(word_trie(words)), text)]
            assert got == want, text
