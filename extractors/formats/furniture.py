"""Running headers and footers, page-number lines and list markers, shared by the readers.

A running header or footer is a line at the top or bottom of a page that comes back on many
pages once its digits are masked ("Page 7 of 14" and "Page 8 of 14" are the same line), or a
line that is only a printed page number. The readers hand over, for each page, the few lines
that sit in its top and bottom zones; ``find_furniture`` says which of them to set aside and
which page number is printed on the page. The patterns are data:
``extractors/data/page_number_patterns.csv`` and ``extractors/data/bullet_glyphs.csv``.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from extractors.datafiles import load_table

ZONE_LINES = 3  # at most this many lines at each end of a page can be furniture
_PREFIX = 24  # lines sharing this many leading characters (digits masked) count as repeats


@dataclass
class PageEnds:
    """The candidate lines of one page: its first lines (top zone) and last lines (bottom zone).

    ``bottom`` is in reading order too (the page's last line is ``bottom[-1]``).
    """

    top: list[str] = field(default_factory=list)
    bottom: list[str] = field(default_factory=list)


@dataclass
class PageFurniture:
    """What to set aside on one page: how many of its top and bottom lines, and the number."""

    top: set[int] = field(default_factory=set)  # indices into PageEnds.top that are header
    bottom: set[int] = field(default_factory=set)  # indices into PageEnds.bottom: footer
    printed_number: str | None = None


@functools.cache
def _page_number_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(row["pattern"], re.I) for row in load_table("page_number_patterns.csv"))


@functools.cache
def bullet_glyphs() -> frozenset[str]:
    """Return the characters that mark a list item at the start of a line."""
    return frozenset(chr(int(row["codepoint"], 16)) for row in load_table("bullet_glyphs.csv"))


def split_bullet(line: str) -> tuple[bool, str]:
    """Return (is a list item, text without its bullet glyph) for one line of text."""
    s = line.lstrip()
    if len(s) >= 2 and s[0] in bullet_glyphs() and s[1] in " \t\u00a0":
        return True, s[1:].strip()
    if s[:1] in bullet_glyphs() and len(s) == 1:
        return True, ""
    return False, line


def page_number_of(line: str) -> str | None:
    """Return the printed page number if ``line`` is a page-number line ("Page 7 of 14")."""
    text = " ".join(line.split())
    if not text or len(text) > 160:
        return None
    for pat in _page_number_res():
        m = pat.fullmatch(text)
        if m:
            return m.group("n")
    return None


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def find_furniture(pages: list[PageEnds], contiguous: bool = True) -> list[PageFurniture]:
    """Decide, for every page, which top and bottom lines are running header/footer.

    Takes each page's top-zone and bottom-zone lines; returns one PageFurniture per page. A
    line is furniture when it is a page-number line, or when (digits masked) the same line sits
    in the same zone on at least 30 % of the pages (and at least two; on a two-page paper,
    both), or one with the same first 24 characters on at least half of them (and three).
    Furniture is taken from the page edge inwards; with ``contiguous`` (the default, for
    readers that only know line order) it stops at the first line that is not. A reader that
    placed the zones by position passes False, since lines on one baseline (a footer title
    beside "Page 4") come in any order.
    """
    n = len(pages)
    need = n if n <= 2 else max(2, math.ceil(0.3 * n))
    # lines that only begin alike repeat more rarely by chance in a footer than in minutes'
    # formulae ("Resolved, proposed Cllr Atkins ..." at the foot of two pages of six)
    need_prefix = n if n <= 2 else max(3, math.ceil(0.5 * n))
    counts: dict[str, Counter[str]] = {"top": Counter(), "bottom": Counter()}
    for p in pages:
        for zone, lines in (("top", p.top), ("bottom", p.bottom)):
            keys = set()
            for line in lines[:ZONE_LINES] if zone == "top" else lines[-ZONE_LINES:]:
                k = _key(line)
                keys.update({("f", k), ("p", k[:_PREFIX])} if len(k) >= _PREFIX else {("f", k)})
            counts[zone].update(f"{a}:{b}" for a, b in keys)

    def repeated(zone: str, line: str) -> bool:
        if n < 2 or not line.strip():
            return False
        k = _key(line)
        if counts[zone][f"f:{k}"] >= need:
            return True
        return len(k) >= _PREFIX and counts[zone][f"p:{k[:_PREFIX]}"] >= need_prefix

    out = []
    for p in pages:
        fur = PageFurniture()
        top = p.top[:ZONE_LINES]
        for i, line in enumerate(top):
            num = page_number_of(line)
            if num is None and not repeated("top", line):
                if contiguous:
                    break
                continue
            fur.top.add(i)
            fur.printed_number = fur.printed_number or num
        first = max(0, len(p.bottom) - ZONE_LINES)
        for i in range(len(p.bottom) - 1, first - 1, -1):
            num = page_number_of(p.bottom[i])
            if num is None and not repeated("bottom", p.bottom[i]):
                if contiguous:
                    break
                continue
            fur.bottom.add(i)
            fur.printed_number = num or fur.printed_number
        out.append(fur)
    return out


#: "Page 2 of 5": the page mark a running head or foot prints
_PAGE_OF = re.compile(r"\bPage\s+\d{1,3}\s+of\s+(\d{1,3})\b")
_PASTED_HEAD_MARKS = 3  # page marks needed before a repeated head is taken as furniture
_PASTED_HEAD_WORDS = 4  # words every page mark must be followed by alike


def strip_pasted_heads(text: str) -> str:
    """Text of a paper whose printed page heads were pasted into its running text, line breaks
    and all lost ("... It was agreed that two Page 2 of 5 Linda Arthur Clerk to West Dereham
    Parish Council Email: ... Tel: 07391 101835 signs were required on the A134 ...", a web
    post of a five-page PDF): where three or more "Page n of m" marks of one m are each
    followed by the same words, the mark and those words are taken out."""
    marks = list(_PAGE_OF.finditer(text))
    if len(marks) < _PASTED_HEAD_MARKS or len({m.group(1) for m in marks}) != 1:
        return text
    tails = [text[m.end() : m.end() + 400].split() for m in marks]
    common = 0
    while all(len(t) > common for t in tails) and len({t[common] for t in tails}) == 1:
        common += 1
    if common < _PASTED_HEAD_WORDS:
        return text
    head = r"\s+".join(re.escape(w) for w in tails[0][:common])
    return re.sub(_PAGE_OF.pattern + r"\s+" + head + r"[ \t]*", "", text)
