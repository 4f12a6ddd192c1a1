"""Ruled tables on a PDF page: pdfplumber's lattice table finder with a faster cell search.

``find_tables`` runs the steps of ``pdfplumber.table.TableFinder`` on edges read by pdfium;
its cell search (``_cells``) finds pdfplumber's cells in the same order without pdfplumber's
quadratic scan, which was the largest cost of reading a page with a grid.
(Reading each cell's text from pdfium characters in Python instead of one
``get_text_bounded`` call per cell was tried and measured slower: the ctypes call per
character costs more than pdfium's scan per cell.)
"""

from __future__ import annotations

from types import SimpleNamespace


def find_tables(edges: list[dict], width: float, height: float) -> list:
    """Return pdfplumber ``Table`` objects for the ruling ``edges`` of a page.

    The same steps as ``pdfplumber.table.TableFinder`` with default settings (merge edges,
    intersect, build cells, group cells into tables), but cells come from ``_cells``, which
    gives pdfplumber's cells without its quadratic search.
    """
    from pdfplumber.table import Table as PlumberTable
    from pdfplumber.table import TableFinder, TableSettings, cells_to_tables, edges_to_intersections

    finder = TableFinder.__new__(TableFinder)
    finder.page = SimpleNamespace(edges=edges, bbox=(0, 0, width, height))
    finder.settings = settings = TableSettings.resolve({})
    merged = finder.get_edges()
    points = edges_to_intersections(merged, settings.intersection_x_tolerance,
                                    settings.intersection_y_tolerance)
    return [PlumberTable(finder.page, group) for group in cells_to_tables(_cells(points))]


def _cells(intersections: dict) -> list[tuple]:
    """pdfplumber's ``intersections_to_cells``: for each intersection (in sorted order) the
    smallest cell whose four corners are intersections joined by shared edges.

    pdfplumber scans every later point for the ones below and to the right and rebuilds edge
    sets on every test; here points are grouped by column and row once and each point's
    edges become a set once, which gives the same cells in the same order.
    """
    points = sorted(intersections)
    vsets = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in v["v"]}
             for p, v in intersections.items()}
    hsets = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in v["h"]}
             for p, v in intersections.items()}
    column: dict[float, list] = {}
    row: dict[float, list] = {}
    for p in points:
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)
    below: dict[tuple, list] = {}  # the points under each point, top to bottom
    for pts in column.values():
        for i, p in enumerate(pts):
            below[p] = pts[i + 1:]

    def connects(p1: tuple, p2: tuple) -> bool:
        if p1[0] == p2[0] and not vsets[p1].isdisjoint(vsets[p2]):
            return True
        return p1[1] == p2[1] and not hsets[p1].isdisjoint(hsets[p2])

    cells = []
    for pts in row.values():
        for i, pt in enumerate(pts):
            cell = _smallest_cell(pt, below[pt], pts[i + 1:], intersections, connects)
            if cell:
                cells.append(cell)
    order = {p: n for n, p in enumerate(points)}
    cells.sort(key=lambda c: order[(c[0], c[1])])
    return cells


def _smallest_cell(pt: tuple, below: list, right: list, intersections: dict,
                   connects) -> tuple | None:
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and connects(corner, right_pt) \
                    and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None
