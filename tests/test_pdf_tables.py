"""The fast table finder of the PDF reader finds what pdfplumber's TableFinder finds.

pdfplumber stays the reference: on every ruled page of every sample paper with ruled tables
(``RULED_PDFS``; the other text PDFs have no ruled page) ``find_tables`` must give the same
tables, bboxes, cells and rows, compared with ``==``; seeded random edges and cells cover
snapping, joining and table grouping beyond what the papers hold. Also: the regex trie of
``extractors.records.people`` matches like the plain longest-first alternation it replaces.
"""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest
from pdfplumber.table import TableFinder, cells_to_tables

from extractors.formats.pdf import _grid_edges
from extractors.formats.pdf_tables import (
    _grow_by_passes,
    _grow_by_search,
    _tables,
    find_tables,
)
from extractors.text.tries import word_trie
from tests.conftest import RULED_PDFS, SAMPLES, TEXT_PDFS


def _ruled_pages(name: str):
    pdf = pdfium.PdfDocument(str(SAMPLES / name))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            height, width = page.get_height(), page.get_width()
            edges = _grid_edges(page.raw, height)
            page.close()
            if edges is not None:
                yield edges, width, height
    finally:
        pdf.close()


def _same(edges: list[dict], width: float, height: float) -> tuple[int, int]:
    """Assert find_tables equals pdfplumber on these edges; return (tables, cells)."""
    reference = TableFinder(SimpleNamespace(edges=edges, bbox=(0, 0, width, height)), {})
    fast = find_tables(edges, width, height)
    assert len(fast) == len(reference.tables)
    assert [t.bbox for t in fast] == [t.bbox for t in reference.tables]
    assert [t.cells for t in fast] == [t.cells for t in reference.tables]
    assert [[r.cells for r in t.rows] for t in fast] == [
        [r.cells for r in t.rows] for t in reference.tables
    ]
    return len(fast), sum(len(t.cells) for t in fast)


def _compare_paper(name: str) -> tuple[int, int, int]:
    """Compare every ruled page of a paper; return (pages, tables, cells) compared."""
    pages = tables = cells = 0
    for edges, width, height in _ruled_pages(name):
        t, c = _same(edges, width, height)
        pages, tables, cells = pages + 1, tables + t, cells + c
    return pages, tables, cells


@pytest.mark.parametrize("name", RULED_PDFS)
def test_tables_match_pdfplumber_on_every_ruled_page(name: str) -> None:
    pages, tables, cells = _compare_paper(name)
    assert pages > 0 and tables > 0 and cells > 0


def test_the_other_papers_have_no_ruled_page() -> None:
    """The papers left out above have nothing to compare: the table gate passes none of their
    pages (pdfplumber's own finder agrees on all but one page of one of them)."""
    others = [name for name in TEXT_PDFS if name not in RULED_PDFS]
    assert len(others) == len(TEXT_PDFS) - len(RULED_PDFS) == 13
    assert {name: sum(1 for _ in _ruled_pages(name)) for name in others} == dict.fromkeys(others, 0)


def _edge(orientation: str, at: float, start: float, end: float) -> dict:
    if orientation == "h":
        return {
            "x0": start,
            "x1": end,
            "top": at,
            "bottom": at,
            "width": end - start,
            "height": 0.0,
            "orientation": "h",
            "object_type": "line",
        }
    return {
        "x0": at,
        "x1": at,
        "top": start,
        "bottom": end,
        "width": 0.0,
        "height": end - start,
        "orientation": "v",
        "object_type": "line",
    }


@pytest.mark.parametrize("step", [None, 0.5])
def test_tables_match_pdfplumber_on_random_edges(step: float | None) -> None:
    """Rules near each other (snapped or not), overlapping or split (joined or not), too
    short, and whole grids; with ``step``, positions on a coarse lattice so that ties
    happen."""
    rng = random.Random(7)

    def jitter(spread: float) -> float:
        d = rng.uniform(-spread, spread)
        return d if step is None else round(d / step) * step

    tables = 0
    for _ in range(250):
        xs = sorted(rng.uniform(0, 600) for _ in range(rng.randint(2, 8)))
        ys = sorted(rng.uniform(0, 800) for _ in range(rng.randint(2, 8)))
        if step is not None:
            xs, ys = [round(x, -1) for x in xs], [round(y, -1) for y in ys]
        edges = []
        for _ in range(rng.randint(1, 60)):
            spread = rng.choice([0, 0, 0.3, 1.5, 2.9, 3.1, 5])
            orientation, across, along = rng.choice([("h", ys, xs), ("v", xs, ys)])
            i = rng.randrange(len(along))
            j = rng.randrange(i, len(along))
            a, b = along[i] + jitter(spread), along[j] + jitter(spread)
            if rng.random() < 0.1:
                b = a + rng.uniform(0, 4)
            edges.append(
                _edge(orientation, rng.choice(across) + jitter(spread), min(a, b), max(a, b))
            )
        if rng.random() < 0.3:
            edges += [_edge("h", y, xs[0], xs[-1]) for y in ys]
            edges += [_edge("v", x, ys[0], ys[-1]) for x in xs]
            rng.shuffle(edges)
        tables += _same(edges, 600, 800)[0]
    assert tables > 50


def _random_cells(rng: random.Random) -> list[tuple]:
    size = rng.randint(2, 9)
    cells = []
    for _ in range(rng.randint(1, 60)):
        x, y = rng.randrange(size), rng.randrange(size)
        cells.append(
            (float(x), float(y), float(x + rng.randint(1, 3)), float(y + rng.randint(1, 3)))
        )
    return list(dict.fromkeys(cells))  # find_tables' cells are distinct (one per point)


def _groups(cells: list[tuple], groups: list[list[int]]) -> list[list[tuple]]:
    tables = [[cells[i] for i in group] for group in groups]
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def test_table_grouping_matches_pdfplumber_both_ways() -> None:
    """Cells in scrambled order need several passes; both groupings give pdfplumber's."""
    rng = random.Random(1)
    for _ in range(800):
        cells = _random_cells(rng)
        corners = [((c[0], c[1]), (c[0], c[3]), (c[2], c[1]), (c[2], c[3])) for c in cells]
        want = cells_to_tables(cells)
        assert _tables(cells) == want
        assert _groups(cells, _grow_by_search(corners)) == want
        assert _groups(cells, _grow_by_passes(corners, 10**9)) == want


def test_many_small_tables_take_the_linear_grouping() -> None:
    """Hundreds of two-cell tables would cost the passes a scan of all cells per table."""
    cells = []
    for n in range(300):
        x, y = float(n % 20 * 30), float(n // 20 * 30)
        cells += [(x, y, x + 10, y + 10), (x + 10, y, x + 20, y + 10)]
    corners = [((c[0], c[1]), (c[0], c[3]), (c[2], c[1]), (c[2], c[3])) for c in cells]
    assert _grow_by_passes(corners, 8 * len(cells) + 1000) is None
    assert _tables(cells) == cells_to_tables(cells)


def test_word_trie_matches_like_longest_first_alternation() -> None:
    words = {"co", "contact", "contacting", "councillor", "cllr", "dr", "director"}
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    texts = [
        "Contacting Jo",
        "contact Ann",
        "Councillor Ben",
        "Dr. Who",
        "director X",
        "cont Sam",
        "co Z",
        "xdr Y",
        "Cllr  Bo and Dr Al",
    ]
    for text in texts:
        for rx in (r"\b(?i:{})\.?\s+[A-Z]",):
            want = [m.span() for m in re.finditer(rx.format(plain), text)]
            got = [m.span() for m in re.finditer(rx.format(word_trie(words)), text)]
            assert got == want, text
