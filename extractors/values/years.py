"""UK financial years (1 April – 31 March), written "2019/20", "2019-2020", "FY19/20".

The canonical form is ``YYYY/YY`` ("2019/20"; "1999/00" across a century).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

MIN_YEAR = 1990
MAX_YEAR = 2100

_FY = re.compile(
    r"(?<![\w/.\u2013-])"
    r"(?:(?P<fy>FY)\s?)?"
    r"(?P<y1>\d{4}|\d{2})\s?[/\-\u2013\u2014]\s?(?P<y2>\d{4}|\d{2})"
    r"(?![\w/]|[.\-\u2013]\d)",
    re.IGNORECASE,
)

_FY_HINT = re.compile(r"\d\d\s?[/\-\u2013\u2014]")


class FinancialYearMention(NamedTuple):
    """A financial year found in text: ``fy`` canonical, ``text == source[start:end]``."""

    fy: str
    start: int
    end: int
    text: str


def _canonical(m: re.Match[str]) -> str | None:
    y1, y2 = m.group("y1"), m.group("y2")
    if len(y1) == 2:
        if not m.group("fy"):
            return None  # "19/20" alone is a fraction or a score, not a year
        first = 1900 + int(y1) if int(y1) >= 90 else 2000 + int(y1)
    else:
        first = int(y1)
    if not MIN_YEAR <= first <= MAX_YEAR:
        return None
    second = first + 1
    if len(y2) == 4 and int(y2) != second:
        return None
    if len(y2) == 2 and int(y2) != second % 100:
        return None
    return f"{first}/{second % 100:02d}"


def normalise_financial_year(text: str) -> str | None:
    """Return the canonical "YYYY/YY" of a string that is one financial year, else None.

    "2019/20", "2019-20", "2019/2020", "FY 19/20", "2019 / 20", "2019–20" -> "2019/20". The
    years must be consecutive and between 1990 and 2100; a two-digit first year needs "FY".
    """
    m = _FY.fullmatch(text.strip())
    return _canonical(m) if m else None


def find_financial_years(text: str) -> list[FinancialYearMention]:
    """Every financial year written in running text, in order, as (fy, start, end, text)."""
    found: list[FinancialYearMention] = []
    if not _FY_HINT.search(text):  # every match holds two digits and a separator
        return found
    for m in _FY.finditer(text):
        fy = _canonical(m)
        if fy is not None:
            found.append(FinancialYearMention(fy, m.start(), m.end(), m.group(0)))
    return found


def financial_year_of(date: dt.date) -> str:
    """The financial year a date falls in: 2019-03-31 -> "2018/19", 2019-04-01 -> "2019/20"."""
    first = date.year if date.month >= 4 else date.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


def financial_year_bounds(fy: str) -> tuple[dt.date, dt.date] | None:
    """First and last day (1 April, 31 March) of a financial year in any accepted form."""
    canonical = normalise_financial_year(fy)
    if canonical is None:
        return None
    first = int(canonical[:4])
    return dt.date(first, 4, 1), dt.date(first + 1, 3, 31)
