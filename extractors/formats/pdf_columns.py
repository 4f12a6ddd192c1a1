"""Borderless tables of left-aligned columns: a header line of cells set apart by wide gaps,
with the lines under it starting at the header cells' left edges.

Minutes often print who attended as columns with no rules ("Present:  Members of the Public:
Apologies:" over one column of names each, Souldern PC); pdfium gives each printed line as one
line of text, so the columns would run together row by row ("Nick Oakhill (NO) CHAIR David
Carlisle Chris Rothero"). A line's pieces are told apart by the gaps between pdfium's character
rectangles (``Segment``); a run of lines whose pieces all start at the left edges of a header
line's pieces is a table, one cell per column. Right-aligned figures (money columns) start at no
shared edge, so a table of amounts is left to the lines it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

#: a gap between two character rectangles of a line wider than this many font sizes parts cells
GAP_SIZES = 3.0
_ALIGN = 4.0  # points a cell's left edge may stray from its column's
_MIN_ROWS = 2  # lines under the header with two or more cells
_LINE_GAP = 2.6  # a gap wider than this many font sizes between lines ends the table
_MAX_CELL = 60  # characters: a longer piece is running text with a note in the margin
# a numbered line ("05.18.01   Apologies", "iv) C.C.C. Footway Lighting ...   Noted") is a list
# with its titles hung off the numbers or a margin column of actions, not a table
_NUMBERED = re.compile(
    r"^(?:\(?[0-9]{1,4}(?:\.[0-9]+)*[.):]?|\(?[a-z]{1,4}[.)]|[A-Z]{1,5}\s?[0-9][0-9./]*)(?:\s|$)"
)
# a figure ("400.00", "£1,200"): a column of amounts is a money table, read as lines
_FIGURE = re.compile(r"^[£$€(]?-?[0-9][0-9,.]*[)%]?$")


@dataclass(frozen=True)
class Segment:
    """A piece of a line between wide gaps: its left and right edges and its text."""

    x0: float
    x1: float
    text: str


class ColumnLine(Protocol):
    """What the finder reads of a line (the PDF reader's lines have these)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    segments: tuple[Segment, ...]


def _pieces(line: ColumnLine) -> tuple[Segment, ...]:
    return line.segments or (Segment(line.x0, line.x1, line.text),)


@dataclass
class ColumnTable:
    """A table found among the lines: its rows of cells, box and the indices of its lines."""

    rows: list[list[str]]
    bbox: tuple[float, float, float, float]
    lines: list[int]


def _column_of(x0: float, cols: list[float]) -> int | None:
    for k, c in enumerate(cols):
        if abs(x0 - c) <= _ALIGN:
            return k
    return None


def _cells(line: ColumnLine, cols: list[float]) -> list[str] | None:
    """The line's text by column, or None when a piece starts at no column's edge or runs
    into the next column."""
    row = [""] * len(cols)
    for s in _pieces(line):
        k = _column_of(s.x0, cols)
        if k is None or row[k] or (k + 1 < len(cols) and s.x1 > cols[k + 1] - _ALIGN):
            return None
        row[k] = s.text
    return row


def _plain(rows: list[list[str]]) -> bool:
    """Whether the rows read as a table of short words: no numbered first cell, no figure and
    no cell of running text."""
    cells = [c for row in rows for c in row if c]
    return (
        not any(_NUMBERED.match(row[0]) for row in rows if row[0])
        and not any(_FIGURE.match(c) for c in cells)
        and all(len(c) <= _MAX_CELL for c in cells)
    )


def find_column_tables(lines: list[ColumnLine]) -> list[ColumnTable]:
    """Return the borderless column tables among ``lines`` (in reading order, top to bottom).

    A table opens at a line of two or more pieces; each following line belongs while every
    piece starts at a column's left edge, it sits under the line before it (no wider gap than
    ``_LINE_GAP`` font sizes) and a line starting in the first column alone follows the line
    before it closely. It is kept when at least ``_MIN_ROWS`` lines under the header have two
    or more pieces.
    """
    tables: list[ColumnTable] = []
    i = 0
    while i < len(lines):
        head = lines[i]
        if len(head.segments) < 2:
            i += 1
            continue
        cols = [s.x0 for s in head.segments]
        rows = [[s.text for s in head.segments]]
        taken = [i]
        multi = 0
        j = i + 1
        while j < len(lines):
            ln, prev = lines[j], lines[taken[-1]]
            gap = prev.y0 - ln.y1
            if ln.y1 > prev.y1 or gap > _LINE_GAP * max(ln.size, prev.size):
                break
            row = _cells(ln, cols)
            if row is None:
                break
            if len(ln.segments) < 2 and row[0] and gap > 0.8 * ln.size:
                break  # a paragraph after the table, at the margin
            rows.append(row)
            taken.append(j)
            multi += len(ln.segments) >= 2
            j += 1
        if multi >= _MIN_ROWS and _plain(rows):
            picked = [lines[t] for t in taken]
            x1 = max(s.x1 for ln in picked for s in _pieces(ln))
            bbox = (cols[0], min(ln.y0 for ln in picked), x1, max(ln.y1 for ln in picked))
            tables.append(ColumnTable(rows, bbox, taken))
            i = j
        else:
            i += 1
    return tables
