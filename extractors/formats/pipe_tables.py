"""Markdown pipe tables in text: a Word table exported as ``| a | b |`` lines.

Any Markdown export of a Word table (pandoc, a converter pasted into a web page, a Jekyll or
Hugo post, a GitHub-hosted site) prints it as a header row, a delimiter row of three or more
dashes per column with optional colons (``| --- | :---: |``), then rows with the same number
of cells, each row opened and closed by a ``|``. The delimiter row gives the table's width, and
the rows are read by counting pipes, not lines: an export that breaks a cell's text over lines
or paragraphs (a long cell, a cell of several paragraphs; a web page that folds the line breaks
away) still gives whole rows. A cell's ``**bold**`` marks, Markdown escapes and markup are
taken out; a cell's line and paragraph breaks are kept as line breaks in the cell, and a
list in a cell (an item's "- " or "+ " mark in the reader line form) keeps each item on its
own line, marked with a bullet.

The table is handed on as the reader line form of table rows (cells joined by two tabs, the
row ended by a tab and U+2063; line breaks in a cell as U+2028), which the text reader turns
into a ``Table``. Text with pipes but no delimiter row is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: a delimiter row of two or more columns: "| --- | :---: | ---: |"
_DELIMITER = re.compile(r"\|(?:[ \t]*:?-{3,}:?[ \t]*\|){2,}")
_PIPE = re.compile(r"\|")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
#: a list item's mark in the reader line form ("- " a bullet, "+ " a numbered item)
_ITEM_MARK = re.compile(r"^[-+] (?=\S)")
ROW_END = "\t\u2063"  # the reader line form of a table row (see ``html_page``)
CELL_SEP = "\t\t"


def _cell(raw: str, fold: Callable[[str], str]) -> str:
    """A cell's text: markup, bold marks and escapes out, its line breaks kept (U+2028)."""
    pieces = []
    for line in fold(raw).split("\n"):
        text = " ".join(_MD_ESCAPE.sub(r"\1", line).replace("**", "").split())
        text = _ITEM_MARK.sub("• ", text)  # a list in a cell: each item a bulleted line
        if text:
            pieces.append(text)
    return "\u2028".join(pieces)


def _row_line(cells: list[str]) -> str:
    return CELL_SEP.join(cells) + ROW_END


def _pipes_before(text: str, end: int, n: int, floor: int) -> list[int] | None:
    """The last ``n`` pipe positions before ``end`` (not before ``floor``), the last of them
    followed only by white space up to ``end``; None if there are fewer."""
    found: list[int] = []
    k = end
    while len(found) < n:
        k = text.rfind("|", floor, k)
        if k < 0:
            return None
        if not found and text[k + 1 : end].strip():
            return None  # text between the header row and the delimiter row
        found.append(k)
    return found[::-1]


def _pipes_after(text: str, start: int, n: int) -> list[int] | None:
    """The next ``n`` pipe positions from ``start``, the first of them after only white space."""
    found: list[int] = []
    for m in _PIPE.finditer(text, start):
        if not found and text[start : m.start()].strip():
            return None  # the table has ended: text that does not open a row
        found.append(m.start())
        if len(found) == n:
            return found
    return None


def _cells_between(text: str, pipes: list[int], fold: Callable[[str], str]) -> list[str]:
    return [_cell(text[a + 1 : b], fold) for a, b in zip(pipes, pipes[1:], strict=False)]


def pipe_table_lines(lines: list[str], fold: Callable[[str], str]) -> list[str]:
    """Return reader lines with each Markdown pipe table in them rewritten as table-row lines
    (header row first; ``fold`` folds a cell's markup to text); lines with no delimiter row
    are returned unchanged."""
    if not any("|" in ln and "-" in ln for ln in lines):
        return lines
    text = "\n".join(lines)
    if not _DELIMITER.search(text):
        return lines
    out: list[str] = []
    pos = 0  # text before pos is written out
    for m in _DELIMITER.finditer(text):
        if m.start() < pos:
            continue
        width = m.group(0).count("|") - 1
        header = _pipes_before(text, m.start(), width + 1, pos)
        if header is None:
            continue
        rows = [_cells_between(text, header, fold)]
        end = m.end()
        while (pipes := _pipes_after(text, end, width + 1)) is not None:
            rows.append(_cells_between(text, pipes, fold))
            end = pipes[-1] + 1
        out.append(text[pos : header[0]])
        out.append("\n" + "\n".join(_row_line(r) for r in rows) + "\n")
        pos = end
    if not out:
        return lines
    out.append(text[pos:])
    return "".join(out).split("\n")
