"""The prose of minutes printed as a table (``No | Item | Action by | Action date``).

Some councils print their minutes as a Word table: each minute's number and title in a row,
its text in the rows under it, with the initials of whoever acts and a date in narrow columns
beside. Read as prose, a row's text is its widest cell (the action columns are left out); a
line of that cell after a sentence's end starts a paragraph, and so does an item of a list in
the cell (a bulleted line) and a capitalised line after one (a list item is one line of a
cell, a wrapped line of prose does not start with a capital after an item).
"""

from __future__ import annotations

from extractors.text.meeting_text import Line

_SENTENCE_END = (".", "!", "?", ":", ":-")


def row_paragraphs(rows: list[Line]) -> list[str]:
    """Return the paragraphs of table rows read as a minute's prose (see the module)."""
    paragraphs: list[str] = []
    for row in rows:
        cell = max(row.text.split("\t"), key=len)
        start, after_item = len(paragraphs), False
        for line in (ln.strip() for ln in cell.split("\n")):
            item = line.startswith("•")
            line = line.lstrip("• ")
            if not line:
                continue
            if (
                len(paragraphs) == start
                or item
                or (after_item and line[0].isupper())
                or paragraphs[-1].endswith(_SENTENCE_END)
            ):
                paragraphs.append(line)
                after_item = item
            else:
                paragraphs[-1] += " " + line
    return paragraphs
