"""Table cells' text from pdfium's text rectangles: one pass over a page, not a scan per cell.

pdfium's FPDFText_GetBoundedText (``pdf._bounded_text``) goes through every character of the page
in text order. A character is chosen when its box overlaps the given box; a chosen one is
added, preceded by "\r\n" when a character not chosen (other than a space) came since the
last chosen one and its baseline differs from the one of the last such line start; a space
not chosen is added once after a chosen character. ``rect_cell_texts`` gives, for every
cell of a page, a text that ``pdf._cell_text`` turns into the same string, from a few calls per
line of the page instead of one scan of the page per cell:

- FPDFText_CountRects/GetRect on a range of characters give one rectangle per run of them
  from one text object: the union of their boxes, leaving out pdfium's generated
  characters (spaces and line breaks, whose boxes are points) and characters whose box is
  under 0.01 pt wide or high (mostly spaces). A rectangle that each of some cells holds
  whole and that touches no other cell means all its characters are chosen for those
  cells (one, or more where tables nest) and no other; one touching no cell, none of them.
- The page's text is cut at pdfium's line breaks and, within a line, at spaces into
  pieces that each lie in the same cells; a piece whose rectangles straddle a cell's edge
  is taken word by word and a word character by character (FPDFText_GetCharBox).
- A cell's text is then its pieces joined the way pdfium joins chosen characters, with the
  baseline (FPDFText_GetCharOrigin) of each piece that starts a new line.

Spaces are the one thing not looked at one by one (there are hundreds on a page): a space
inside a piece is taken as chosen for the piece's cells (chosen or not, it adds a space
after the character before it), one between pieces as chosen for none, except that the
spaces before a piece starting a new line are checked (a chosen one is where pdfium's new
line starts). Likewise a character other than a space whose box is under 0.01 pt goes with
the piece it is in.
"""

from __future__ import annotations

import ctypes
import re
from array import array
from bisect import bisect_left, bisect_right
from itertools import accumulate

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.formats import pdfium_calls as calls

_Rect = tuple[float, float, float, float]  # left, bottom, right, top
_RECT = tuple(ctypes.c_double() for _ in range(4))  # left, top, right, bottom
_RECT_REFS = tuple(ctypes.byref(v) for v in _RECT)
_Cells = tuple[int, ...]  # cells that each hold a rectangle whole (none: it touches no cell)
_TINY = 0.01  # pdfium's kSizeEpsilon: boxes thinner than this are left out of rectangles
# A ``_bounded_text`` call costs about 7 ns per character of the page, reading the page's
# rectangles 15 to 20 us per line of it (measured over samples/ and samples/real/): the
# rectangles pay when cells x characters exceeds this many times the lines.
_CHARS_PER_LINE = 2500
_ORIGIN_Y = ctypes.c_double()
_ORIGIN_Y_REF = ctypes.byref(_ORIGIN_Y)
_LINE_RUN = re.compile(r"[^\r\n]+")
_WORD = re.compile(r"[^ ]+")
_NOT_SPACE = re.compile(r"[^ ]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


_COUNT_RECTS, _GET_RECT, _CHAR_BOX = calls.COUNT_RECTS, calls.GET_RECT, calls.CHAR_BOX
_CHAR_ORIGIN, _IS_GENERATED, _UNICODE = calls.CHAR_ORIGIN, calls.IS_GENERATED, calls.UNICODE


class _CellIndex:
    """A page's cells as pdfium compares them with character boxes, and which of them hold a
    rectangle: per table, the cells on the grid of their distinct edges."""

    def __init__(self, tables: list[list[_Rect]]):
        # pdfium takes the box as floats: compare with the same values
        f = array("f", [v for table in tables for box in table for v in box])
        self.cells: list[_Rect] = [
            (x0, y0, x1, y1)
            if x0 <= x1 and y0 <= y1
            else (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))  # a cell under 1 pt
            for x0, y0, x1, y1 in zip(f[0::4], f[1::4], f[2::4], f[3::4], strict=True)
        ]
        # per table: bbox, xs, ys, the cells on each grid slot (slot ix * len(ys) + iy lies
        # between xs[ix] and xs[ix + 1], ys[iy] and ys[iy + 1]), and whether no slot has two
        self.grids: list[tuple[_Rect, list[float], list[float], dict[int, list[int]], bool]] = []
        first = 0
        for table in tables:
            if table:
                self._add_grid(self.cells[first : first + len(table)], first)
            first += len(table)
        boxes = [g[0] for g in self.grids]
        self.bbox: _Rect = (
            (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            if boxes
            else (0.0, 0.0, 0.0, 0.0)
        )

    def _add_grid(self, cells: list[_Rect], first: int) -> None:
        """Index one table's cells (numbered from ``first``)."""
        x0s, y0s, x1s, y1s = (list(v) for v in zip(*cells, strict=True))
        xs = sorted({*x0s, *x1s})
        ys = sorted({*y0s, *y1s})
        xi = {v: k for k, v in enumerate(xs)}
        yi = {v: k for k, v in enumerate(ys)}
        ny = len(ys)
        ix0s, iy0s = [xi[v] for v in x0s], [yi[v] for v in y0s]
        ix1s, iy1s = [xi[v] for v in x1s], [yi[v] for v in y1s]
        keys = [ix * ny + iy for ix, iy in zip(ix0s, iy0s, strict=True)]
        ids = range(first, first + len(cells))
        bbox = (xs[0], ys[0], xs[-1], ys[-1])
        if (
            [a + 1 for a in ix0s] == ix1s
            and [a + 1 for a in iy0s] == iy1s
            and len(set(keys)) == len(keys)
        ):
            # every cell on one slot of the grid, no two on one: the usual table
            slots = {k: [i] for k, i in zip(keys, ids, strict=True)}
            self.grids.append((bbox, xs, ys, slots, True))
            return
        slots = {}
        simple = True
        for i, ix0, iy0, ix1, iy1 in zip(ids, ix0s, iy0s, ix1s, iy1s, strict=True):
            for ix in range(ix0, ix1):
                for iy in range(iy0, iy1):
                    if ix * ny + iy in slots:
                        slots[ix * ny + iy].append(i)
                        simple = False
                    else:
                        slots[ix * ny + iy] = [i]
        self.grids.append((bbox, xs, ys, slots, simple))

    def quick(self, rect: _Rect) -> _Cells | None:
        """``find`` for a rectangle that each table it meets has either in one cell or in an
        empty grid slot (the slot at its lower left corner tells), else None."""
        left, bottom, right, top = rect
        holders: _Cells = ()
        for box, xs, ys, slots, simple in self.grids:
            if not (box[0] < right and left < box[2] and box[1] < top and bottom < box[3]):
                continue
            ix = bisect_right(xs, left) - 1
            iy = bisect_right(ys, bottom) - 1
            if not simple or ix < 0 or iy < 0 or ix >= len(xs) - 1 or iy >= len(ys) - 1:
                return None
            held = slots.get(ix * len(ys) + iy)
            if held is None:
                if right <= xs[ix + 1] and top <= ys[iy + 1]:
                    continue
                return None
            x0, y0, x1, y1 = self.cells[held[0]]
            if not (left >= x0 and right <= x1 and bottom >= y0 and top <= y1):
                return None
            holders += (held[0],)
        return holders

    def find(self, rect: _Rect) -> _Cells | None:
        """The cells that each hold all of ``rect`` when it touches no other (none when it
        touches no cell), None when it straddles a cell's edge."""
        cells = self.quick(rect)
        if cells is not None:
            return cells
        hits = self.touching(rect)
        if all(_inside(rect, self.cells[c]) for c in hits):
            return tuple(sorted(hits))
        return None

    def touching(self, rect: _Rect) -> list[int]:
        """The cells that ``rect`` overlaps with some area (pdfium's test for a character)."""
        left, bottom, right, top = rect
        hits: list[int] = []
        for box, xs, ys, slots, _ in self.grids:
            if not _overlap(box, rect):
                continue
            ix0 = max(bisect_right(xs, left) - 1, 0)
            ix1 = min(bisect_left(xs, right), len(xs) - 1)
            iy0 = max(bisect_right(ys, bottom) - 1, 0)
            iy1 = min(bisect_left(ys, top), len(ys) - 1)
            for ix in range(ix0, ix1):
                for iy in range(iy0, iy1):
                    for c in slots.get(ix * len(ys) + iy, ()):
                        if c not in hits and _overlap(self.cells[c], rect):
                            hits.append(c)
        return hits


def _overlap(a: _Rect, b: _Rect) -> bool:
    """Whether two rectangles with some area share some area (pdfium's IsRectIntersect)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(rect: _Rect, cell: _Rect) -> bool:
    """Whether ``cell`` holds all of ``rect``."""
    return rect[0] >= cell[0] and rect[2] <= cell[2] and rect[1] >= cell[1] and rect[3] <= cell[3]


class _CellPieces:
    """The pieces of one page's text that lie in the same cells: ``pieces[cell]`` is a list of
    (start, end) character ranges in text order, every character of which pdfium chooses
    for that cell (spaces aside, see above)."""

    def __init__(self, raw: ctypes.c_void_p, text: str, index: _CellIndex):
        self.raw = raw
        self.text = text
        self.index = index
        self.pieces: list[list[tuple[int, int]]] = [[] for _ in index.cells]

    def rects(self, start: int, end: int) -> tuple[list[_Rect], _Rect] | None:
        """pdfium's rectangles for the characters ``start`` to ``end`` and their union; None
        when those characters have none (every box a point or under 0.01 pt)."""
        raw = self.raw
        left_v, top_v, right_v, bottom_v = _RECT
        d_left, d_top, d_right, d_bottom = _RECT_REFS
        n = _COUNT_RECTS(raw, start, end - start)
        if n == 1:
            _GET_RECT(raw, 0, d_left, d_top, d_right, d_bottom)
            rect = (left_v.value, bottom_v.value, right_v.value, top_v.value)
            if rect[2] - rect[0] < _TINY or rect[3] - rect[1] < _TINY:
                return None  # pdfium's empty rectangle: no character had a box
            return [rect], rect
        out = []
        for j in range(n):
            _GET_RECT(raw, j, d_left, d_top, d_right, d_bottom)
            out.append((left_v.value, bottom_v.value, right_v.value, top_v.value))
        if not out:
            return None
        lefts, bottoms, rights, tops = zip(*out, strict=True)
        return out, (min(lefts), min(bottoms), max(rights), max(tops))

    def add(self, cells: _Cells, start: int, end: int) -> None:
        """Give the characters ``start`` to ``end`` to each of ``cells``."""
        for cell in cells:
            pieces = self.pieces[cell]
            if pieces and pieces[-1][1] == start:  # the next character of a piece
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((start, end))

    def line(self, start: int, end: int) -> None:
        """Place the characters of one line (pdfium's text between two line breaks)."""
        text = self.text
        got = self.rects(start, end)
        if got is not None:
            rects, (left, bottom, right, top) = got
            box = self.index.bbox
            if not (box[0] < right and left < box[2] and box[1] < top and bottom < box[3]):
                return  # away from every table
        line = text[start:end]
        body = line.strip(" ")
        if not body:
            return  # only spaces: chosen for no cell (see above)
        first = start + line.index(body[0])
        last = first + len(body)
        if got is None:
            self.words(_words(text, first, last))
            return
        cells = self.index.quick((left, bottom, right, top))
        if cells is not None:
            self.add(cells, first, last)
            return
        find = self.index.find
        # runs of rectangles in the same cells: [cells or None, rectangles, left, right]
        blocks: list[list] = []
        for rect in rects:
            cells = find(rect)
            if blocks and cells is not None and blocks[-1][0] == cells:
                block = blocks[-1]
                block[1].append(rect)
                block[2] = min(block[2], rect[0])
                block[3] = max(block[3], rect[2])
            else:
                blocks.append([cells, [rect], rect[0], rect[2]])
        if len(blocks) > 1:
            self.split(_words(text, first, last), blocks)
        elif blocks[0][0] is None:
            self.words(_words(text, first, last))
        else:
            self.add(blocks[0][0], first, last)

    def split(self, words: list[tuple[int, int]], blocks: list[list]) -> None:
        """Place a line's words, whose rectangles fall in different cells, in ``blocks``.

        A guess gives each block its share of the words by the width of its rectangles; a
        share whose own rectangles are the block's is placed whole, any other word by word.
        """
        nwords, nblocks = len(words), len(blocks)
        if nwords < nblocks:
            self.words(words)
            return
        ends = list(accumulate([end - start for start, end in words]))
        scale = ends[-1] / (sum(b[3] - b[2] for b in blocks) or 1.0)
        cut = 0
        share = 0.0
        for b, (cells, block_rects, left, right) in enumerate(blocks):
            if b == nblocks - 1:
                nxt = nwords
            else:
                share += (right - left) * scale
                # the count of words whose characters come nearest the share, leaving one
                # word for each block after this one
                nxt = cut + 1
                most = nwords - (nblocks - 1 - b)
                while nxt < most and abs(ends[nxt] - share) <= abs(ends[nxt - 1] - share):
                    nxt += 1
            start, end = words[cut][0], words[nxt - 1][1]
            got = self.rects(start, end)
            if got is not None and cells is not None and got[0] == block_rects:
                self.add(cells, start, end)
            elif got is not None and (common := self.common(*got)) is not None:
                self.add(common, start, end)
            else:
                self.words(words[cut:nxt])
            cut = nxt

    def common(self, rects: list[_Rect], union: _Rect) -> _Cells | None:
        """The cells that all ``rects`` lie in (``find``), None when they differ."""
        cells = self.index.quick(union)
        if cells is not None:
            return cells
        found = {self.index.find(r) for r in rects}
        return found.pop() if len(found) == 1 else None

    def words(self, words: list[tuple[int, int]]) -> None:
        """Place words one by one; a word across cells' edges character by character."""
        for start, end in words:
            got = self.rects(start, end)
            cells = None if got is None else self.common(*got)
            if cells is not None:
                self.add(cells, start, end)
            else:
                self.chars(start, end)

    def chars(self, start: int, end: int) -> None:
        """Place characters by their own boxes, each in every cell it overlaps."""
        index = self.index
        for i in range(start, end):
            box = self.char_box(i)
            if box is not None:
                cells = index.quick(box)
                self.add(tuple(index.touching(box)) if cells is None else cells, i, i + 1)

    def char_box(self, i: int) -> _Rect | None:
        """Character ``i``'s box, None when it has no area (then pdfium chooses it for no
        box: a generated character's box is a point)."""
        left_v, top_v, right_v, bottom_v = _RECT
        d_left, d_top, d_right, d_bottom = _RECT_REFS
        _CHAR_BOX(self.raw, i, d_left, d_right, d_bottom, d_top)
        x0, y0, x1, y1 = left_v.value, bottom_v.value, right_v.value, top_v.value
        if x0 > x1:
            x0, x1 = x1, x0
        if y0 > y1:
            y0, y1 = y1, y0
        return (x0, y0, x1, y1) if x0 < x1 and y0 < y1 else None

    def joined(self, cell: int) -> str:
        """The cell's pieces joined as pdfium joins chosen characters (see above)."""
        text = self.text
        pieces = self.pieces[cell]
        if len(pieces) <= 1:
            return self.piece(*pieces[0]) if pieces else ""
        box = self.index.cells[cell]
        parts: list[str] = []
        line_y = 0.0  # pdfium's baseline of the last line start
        after_chosen = new_line = False
        done = 0
        for start, end in pieces:
            if start > done:
                rest = done
                if after_chosen:
                    after_chosen = False
                    if text[done] == " ":
                        parts.append(" ")
                        rest += 1
                    else:
                        new_line = True
                if not new_line and _NOT_SPACE.search(text, rest, start):
                    new_line = True
            if new_line:
                at = self.first_chosen_space(box, done, start)
                _CHAR_ORIGIN(self.raw, start if at is None else at, _RECT_REFS[0], _ORIGIN_Y_REF)
                if _ORIGIN_Y.value != line_y:
                    line_y = _ORIGIN_Y.value
                    if parts:
                        parts.append("\r\n")
                if at is not None:
                    parts.append(" ")
            parts.append(self.piece(start, end))
            after_chosen, new_line = True, False
            done = end
        return "".join(parts)

    def first_chosen_space(self, box: _Rect, done: int, start: int) -> int | None:
        """The first of the spaces right before ``start`` (after ``done``) whose own box
        overlaps ``box``: where pdfium starts the line when one is chosen."""
        text = self.text
        i = start
        while i > done and text[i - 1] == " ":
            i -= 1
        for j in range(i, start):
            space = self.char_box(j)
            if space is not None and _overlap(box, space):
                return j
        return None

    def piece(self, start: int, end: int) -> str:
        """The text of characters ``start`` to ``end`` as pdfium adds chosen ones: U+FFFE in
        the page text stands for a hyphen pdfium holds as U+0002 or a character it holds as
        0, which it leaves out."""
        piece = self.text[start:end]
        if "\ufffe" not in piece:
            return piece
        return "".join(
            c if c != "\ufffe" else chr(u) if (u := _UNICODE(self.raw, start + k)) else ""
            for k, c in enumerate(piece)
        )


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each run of characters other than spaces in ``text[start:end]``."""
    return [m.span() for m in _WORD.finditer(text, start, end)]


def rect_cell_texts(
    tp: pdfium.PdfTextPage, tables: list[list[_Rect]], choose: bool = True
) -> list[str | None]:
    """The text of each cell box (left, bottom, right, top, as given to ``_bounded_text``) of
    the page's tables, table by table, for ``_cell_text``: the same string it makes of
    ``_bounded_text``'s. None for every cell when the page's text does not match its
    characters one for one or has a line break pdfium did not make, and, if ``choose``, when
    one ``_bounded_text`` call per cell looks cheaper (see ``_CHARS_PER_LINE``)."""
    ncells = sum(len(t) for t in tables)
    if not ncells:
        return []
    n = pdfium_c.FPDFText_CountChars(tp.raw)
    if n <= 0:
        return [""] * ncells
    text = tp.get_text_range(0, n)
    pairs = text.count("\r\n")
    if choose and ncells * n <= _CHARS_PER_LINE * (pairs + 1):
        return [None] * ncells
    if (
        len(text) != n
        or text.count("\r") != pairs
        or text.count("\n") != pairs
        or _SURROGATE.search(text)
    ):
        return [None] * ncells
    raw = calls.handle(tp.raw)
    i = text.find("\r")
    while i >= 0:
        if not _IS_GENERATED(raw, i):  # pdfium makes "\r\n" as one
            return [None] * ncells
        i = text.find("\r", i + 2)
    page = _CellPieces(raw, text, _CellIndex(tables))
    for m in _LINE_RUN.finditer(text):
        page.line(*m.span())
    return [page.joined(c) for c in range(ncells)]
