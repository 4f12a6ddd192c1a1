"""Ruled tables on a PDF page: pdfplumber's lattice table finder, re-implemented for speed.

``find_tables`` gives what ``pdfplumber.table.TableFinder`` gives with default settings
for edges read by pdfium (same tables, order, bboxes, cells and rows, float for float),
about three times faster: pdfplumber copies a dict per edge it snaps or joins and scans
every pair of edges, points and cells, which on a page with a grid cost as much as the
rest of reading the page. Here edges are tuples, searches use sorted lists and dicts, and
tables are light ``Table``/``Row`` objects. pdfplumber stays the reference in
tests/test_pdf_tables.py. The cells' text is read in ``extractors.formats.pdf``
(``_rect_cell_texts``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby

# pdfplumber's defaults (TableSettings.resolve({})).
_SNAP = 3  # snap_x_tolerance, snap_y_tolerance
_JOIN = 3  # join_x_tolerance, join_y_tolerance
_MIN_LENGTH = 3  # edge_min_length
_PREFILTER = 1  # edge_min_length_prefilter
_INTERSECT = 3  # intersection_x_tolerance, intersection_y_tolerance

# An edge is (x0, top, x1, bottom, length); length is pdfplumber's "width" of a horizontal
# edge and "height" of a vertical one, carried as pdfplumber updates it (it can differ from
# the coordinates' difference in the last bits after a join).
Edge = tuple[float, float, float, float, float]
Cell = tuple[float, float, float, float]
Point = tuple[float, float]


@dataclass(eq=False)
class Row:
    """One row of a table: a cell (x0, top, x1, bottom) or None for each of its columns."""

    cells: list[Cell | None]

    @property
    def bbox(self) -> Cell:
        """The row's bounding box (x0, top, x1, bottom) over its cells."""
        present = [c for c in self.cells if c is not None]
        return (
            min(c[0] for c in present),
            min(c[1] for c in present),
            max(c[2] for c in present),
            max(c[3] for c in present),
        )


@dataclass(eq=False)
class Table:
    """A ruled table: its cells in pdfplumber's order, its bbox, and its rows (``.rows``)."""

    cells: list[Cell]
    bbox: Cell = field(init=False)

    def __post_init__(self) -> None:
        x0s, tops, x1s, bottoms = zip(*self.cells, strict=True)
        self.bbox = (min(x0s), min(tops), max(x1s), max(bottoms))

    @cached_property
    def rows(self) -> list[Row]:
        """pdfplumber's ``Table.rows``: cells grouped by top, top to bottom, each row with
        one slot per distinct x0 of the table (left to right), None where it has no cell."""
        xs = sorted({c[0] for c in self.cells})
        ordered = sorted(self.cells, key=lambda c: (c[1], c[0]))
        rows = []
        for _, row_cells in groupby(ordered, key=lambda c: c[1]):
            by_x = {c[0]: c for c in row_cells}
            rows.append(Row([by_x.get(x) for x in xs]))
        return rows


def find_tables(edges: list[dict], width: float, height: float) -> list[Table]:
    """Return the ruled tables that pdfplumber's ``TableFinder`` finds with default settings.

    Takes pdfplumber-style edge dicts (``x0``, ``top``, ``x1``, ``bottom``, ``width``,
    ``height``, ``orientation`` "h" or "v") and the page size (the finder's page bbox, which
    the "lines" strategies do not use). Returns ``Table`` objects with the same ``cells``,
    ``bbox`` and ``rows`` (each with ``.cells``) as pdfplumber's tables, in the same order.
    """
    del width, height  # only explicit lines would use the page bbox
    v_raw = [
        (e["x0"], e["top"], e["x1"], e["bottom"], e["height"])
        for e in edges
        if e["orientation"] == "v" and e["height"] >= _PREFILTER
    ]
    h_raw = [
        (e["x0"], e["top"], e["x1"], e["bottom"], e["width"])
        for e in edges
        if e["orientation"] == "h" and e["width"] >= _PREFILTER
    ]
    h_edges = _merge(_snap(h_raw, 1), 1, 0, 2)
    v_edges = _merge(_snap(v_raw, 0), 0, 1, 3)
    points = _intersections(v_edges, h_edges)
    return [Table(group) for group in _tables(_cells(points))]


def _snap(edges: list[Edge], axis: int) -> list[Edge]:
    """pdfplumber's ``snap_objects``: cluster edges whose position (x0 for vertical edges,
    top for horizontal ones) lies within the tolerance of the next, and move each edge to
    its cluster's mean. Returns edges cluster by cluster, each cluster in input order."""
    values = sorted({e[axis] for e in edges})
    index: dict[float, int] = {}
    n = -1
    last = None
    for x in values:
        if last is None or x > last + _SNAP:
            n += 1
        index[x] = n
        last = x
    clusters: list[list[Edge]] = [[] for _ in range(n + 1)]
    for e in edges:
        clusters[index[e[axis]]].append(e)
    out = []
    for cluster in clusters:
        avg = sum(e[axis] for e in cluster) / len(cluster)
        # pdfplumber's move_object: both coordinates on the axis plus (mean - position)
        if axis == 0:
            out.extend(
                (x0 + (avg - x0), top, x1 + (avg - x0), bottom, length)
                for x0, top, x1, bottom, length in cluster
            )
        else:
            out.extend(
                (x0, top + (avg - top), x1, bottom + (avg - top), length)
                for x0, top, x1, bottom, length in cluster
            )
    return out


def _merge(edges: list[Edge], line: int, lo: int, hi: int) -> list[Edge]:
    """pdfplumber's ``merge_edges`` after snapping, for one orientation, and its minimum
    length filter: edges on the same line (``line``: index of top or x0) are joined where
    one starts (``lo``) within the tolerance of the last one's end (``hi``). Lines are
    returned in ascending order, each line's edges by start."""
    out = []
    for _, group in groupby(sorted(edges, key=lambda e: e[line]), key=lambda e: e[line]):
        joined: list[Edge] = []
        for e in sorted(group, key=lambda e: e[lo]):
            if joined and e[lo] <= joined[-1][hi] + _JOIN:
                last = joined[-1]
                if e[hi] > last[hi]:
                    if hi == 2:  # horizontal: x1 and width = x1 - x0
                        joined[-1] = (last[0], last[1], e[2], last[3], e[2] - last[0])
                    else:  # vertical: bottom and height + the change of bottom
                        joined[-1] = (last[0], last[1], last[2], e[3], last[4] + (e[3] - last[3]))
            else:
                joined.append(e)
        out.extend(e for e in joined if e[4] >= _MIN_LENGTH)
    return out


def _intersections(
    v_edges: list[Edge], h_edges: list[Edge]
) -> dict[Point, tuple[set[Cell], set[Cell]]]:
    """pdfplumber's ``edges_to_intersections``: each point (x of a vertical edge, top of a
    horizontal one) where the two meet within the tolerance, with the sets of vertical and
    horizontal edge boxes (x0, top, x1, bottom) that meet there."""
    h_sorted = sorted(h_edges, key=lambda e: e[1])
    tops = [e[1] for e in h_sorted]
    h_boxes = [e[:4] for e in h_sorted]
    tol = _INTERSECT
    points: dict[Point, tuple[set[Cell], set[Cell]]] = {}
    for v in v_edges:
        x, v_top, v_bottom = v[0], v[1], v[3]
        # candidates by top with a margin; pdfplumber's exact tests decide
        start = bisect_left(tops, v_top - tol - 1)
        stop = bisect_right(tops, v_bottom + tol + 1)
        v_box = v[:4]
        for k in range(start, stop):
            h_x0, top, h_x1, _ = h = h_boxes[k]
            if v_top <= top + tol and v_bottom >= top - tol and x >= h_x0 - tol and x <= h_x1 + tol:
                sets = points.get((x, top))
                if sets is None:
                    sets = points[(x, top)] = (set(), set())
                sets[0].add(v_box)
                sets[1].add(h)
    return points


def _cells(intersections: dict[Point, tuple[set[Cell], set[Cell]]]) -> list[Cell]:
    """pdfplumber's ``intersections_to_cells``: for each intersection (in sorted order) the
    smallest cell whose four corners are intersections joined by shared edges.

    pdfplumber scans every later point for the ones below and to the right and rebuilds edge
    sets on every test; here points are grouped by column and row once and each point's
    edges are sets already, which gives the same cells in the same order. (Two points in
    one column are joined when they share a vertical edge, two in one row when they share a
    horizontal one.)
    """
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    place: dict[Point, int] = {}  # a point's index in its row
    for p in sorted(intersections):
        columns.setdefault(p[0], []).append(p)
        row = rows.setdefault(p[1], [])
        place[p] = len(row)
        row.append(p)
    cells = []
    for col in columns.values():  # column by column, top to bottom: sorted order
        for i in range(len(col) - 1):
            pt = col[i]
            v, h = intersections[pt]
            row = rows[pt[1]]
            j = place[pt] + 1
            if j == len(row):
                continue
            cell = None
            for below in col[i + 1 :]:
                v_below, h_below = intersections[below]
                if v.isdisjoint(v_below):
                    continue
                for k in range(j, len(row)):
                    right = row[k]
                    v_right, h_right = intersections[right]
                    if h.isdisjoint(h_right):
                        continue
                    corner = intersections.get((right[0], below[1]))
                    if (
                        corner is not None
                        and not corner[0].isdisjoint(v_right)
                        and not corner[1].isdisjoint(h_below)
                    ):
                        cell = (pt[0], pt[1], right[0], below[1])
                        break
                if cell:
                    cells.append(cell)
                    break
    return cells


def _tables(cells: list[Cell]) -> list[list[Cell]]:
    """pdfplumber's ``cells_to_tables``: cells that share corners, directly or through
    other cells, form a table; tables are sorted by their top-left cell, and tables of one
    cell are dropped.

    pdfplumber grows a table from the first cell left by passes over the remaining cells,
    adding each cell that touches the table so far, and closes it when a pass adds none;
    its cells come in the order of those passes. ``_grow_by_passes`` does the same without
    pdfplumber's list removals; should its passes cost more than a few scans of the cells
    (many small tables, or many passes), ``_grow_by_search`` finds the same tables in one
    search. Cells must be distinct, as ``_cells`` gives them (one per top-left point): with
    duplicates pdfplumber's ``list.remove`` would reorder them.
    """
    corners = [((c[0], c[1]), (c[0], c[3]), (c[2], c[1]), (c[2], c[3])) for c in cells]
    groups = _grow_by_passes(corners, 8 * len(cells) + 1000)
    if groups is None:
        groups = _grow_by_search(corners)
    tables = [[cells[i] for i in group] for group in groups]
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _grow_by_passes(corners: list[tuple], budget: int) -> list[list[int]] | None:
    """pdfplumber's grouping of cells (given by their corners) into tables, as lists of cell
    indexes in pdfplumber's order; None once more than ``budget`` cells have been scanned."""
    remaining = list(range(len(corners)))
    groups = []
    while remaining:
        first = remaining[0]
        group = [first]
        seen = set(corners[first])
        rest = remaining[1:]
        while rest:
            budget -= len(rest)
            if budget < 0:
                return None
            left = []
            for i in rest:
                a, b, c, d = cs = corners[i]
                if a in seen or b in seen or c in seen or d in seen:
                    seen.update(cs)
                    group.append(i)
                else:
                    left.append(i)
            if len(left) == len(rest):
                break
            rest = left
        groups.append(group)
        remaining = rest
    return groups


def _grow_by_search(corners: list[tuple]) -> list[list[int]]:
    """The groups of ``_grow_by_passes`` in time linear in the cells.

    A table starts at its lowest-numbered cell (pass 0). A cell joins in pass k when it
    shares a corner with a cell that joined in an earlier pass, or earlier in pass k (a
    lower-numbered cell), so its pass is the least over its neighbours n of n's pass, plus
    one when n is numbered after it: a shortest path with weights 0 and 1, found with a
    deque. Each table's cells come by pass, then by number, as pdfplumber adds them.
    """
    by_corner: dict[Point, list[int]] = {}
    for i, cs in enumerate(corners):
        for p in cs:
            by_corner.setdefault(p, []).append(i)
    passes = [-1] * len(corners)
    groups = []
    for start in range(len(corners)):
        if passes[start] >= 0:
            continue
        passes[start] = 0
        group = [start]
        queue = deque([start])
        while queue:
            u = queue.popleft()
            k = passes[u]
            for p in corners[u]:
                for c in by_corner[p]:
                    if c == u:
                        continue
                    kc = k + (c < u)
                    if passes[c] < 0 or kc < passes[c]:
                        if passes[c] < 0:
                            group.append(c)
                        passes[c] = kc
                        if kc == k:
                            queue.appendleft(c)
                        else:
                            queue.append(c)
        group.sort(key=lambda i: (passes[i], i))
        groups.append(group)
    return groups
