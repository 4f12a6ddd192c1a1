"""English dates, always day first: "10/03/2021", "Wednesday, 10th March 2021", "30-September-24".

Month and weekday names come from ``extractors/data/months.csv`` and ``weekdays.csv``.

- :func:`find_dates` returns full dates. A day and month without a year ("on 10 March") is
  completed from a reference date (the year that puts it nearest) and flagged
  ``inferred_year``; without a reference it is left out.
- :func:`find_months` returns a month with its year and no day ("March 2021"), kept apart from
  full dates so no caller mistakes the 1st of the month for a printed day.

Invalid dates (31 February) are never returned and never raise.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from extractors.datafiles import load_table

MIN_YEAR = 1900
MAX_YEAR = 2100


@dataclass(frozen=True)
class DateMention:
    """A date found in text: ``text == source[start:end]``.

    ``inferred_year`` is True when the year was not printed. ``weekday_ok`` is False when a
    printed weekday does not fall on the date (a typo in the paper), None when none is printed.
    """

    date: dt.date
    start: int
    end: int
    text: str
    inferred_year: bool = False
    weekday_ok: bool | None = None


@dataclass(frozen=True)
class MonthMention:
    """A month and year without a day ("March 2021", "Sept 2016")."""

    year: int
    month: int
    start: int
    end: int
    text: str


@functools.cache
def _months() -> dict[str, int]:
    return {r["name"].casefold(): int(r["month"]) for r in load_table("months.csv")}


@functools.cache
def _weekdays() -> dict[str, int]:
    return {r["name"].casefold(): int(r["weekday"]) for r in load_table("weekdays.csv")}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    longest: dict[int, str] = {}
    for name, number in _months().items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    full = list(longest.values())
    short = [n for n in _months() if n not in full]  # abbreviations may carry a dot ("Sept.")
    month = rf"(?P<month>{_alt(full)}|(?:{_alt(short)})\.?)"
    # a superscript ordinal may come out on a line of its own ("Tuesday 17\nth August 2021")
    # ... and Welsh ordinals: "1af", "2il", "3ydd", "6ed", "7fed", "13eg", "21ain"
    day = r"(?P<day>\d{1,2})(?:\s?(?:st|nd|rd|th|af|il|ydd|ed|fed|eg|ain)\b)?"
    return {
        # 10/03/2021, 17/1/2025, 10-03-2021, 10.03.21 (dotted needs two-digit day and month)
        "numeric": re.compile(
            r"(?<![\w/.\-])"
            r"(?:(?P<d1>\d{1,2})(?P<sep>[/\-])(?P<m1>\d{1,2})(?P=sep)"
            r"|(?P<d2>\d{2})\.(?P<m2>\d{2})\.)"
            r"(?P<year>\d{4}|\d{2})(?![\w/]|[.\-]\d)",
            re.IGNORECASE,
        ),
        # 10 March 2021, Wednesday, 10th March 2021, the 10th day of March 2021, 30-September-24
        "day_month": re.compile(
            r"(?:(?<![\w])the\s+)?(?<![\w.,£/])"
            + day
            + r"(?:\s+day\s+of|\s*-)?\s*"
            + month
            + r"(?:(?:,?\s+|-)(?P<year>\d{4})(?!\d)|-(?P<yy>\d{2})(?!\d))?(?![\w])",
            re.IGNORECASE,
        ),
        # June 30, 2021 (needs the year)
        "month_day": re.compile(
            r"(?<![\w])" + month + r"\s+" + day + r",?\s+(?P<year>\d{4})(?!\d)", re.IGNORECASE
        ),
        # a weekday printed just before a date: "Wednesday, 10th"
        "weekday": re.compile(
            rf"(?<![\w])(?P<weekday>{_alt(list(_weekdays()))})\.?,?\s+$", re.IGNORECASE
        ),
        "month_year": re.compile(
            r"(?<![\w])" + month + r",?\s+(?P<year>\d{4})(?!\d)", re.IGNORECASE
        ),
    }


def _year(text: str) -> int | None:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y if MIN_YEAR <= y <= MAX_YEAR else None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, reference: dt.date) -> dt.date | None:
    options = [
        d
        for y in (reference.year - 1, reference.year, reference.year + 1)
        if (d := _make(y, month, day)) is not None
    ]
    return min(options, key=lambda d: abs((d - reference).days)) if options else None


def _mention(text: str, m: re.Match[str], date: dt.date, inferred: bool = False) -> DateMention:
    """A mention for a date match, widened to a weekday printed just before it."""
    start = m.start()
    wd = _patterns()["weekday"].search(text, max(0, start - 12), start)
    weekday_ok = None
    if wd is not None:
        start = wd.start()
        weekday_ok = _weekdays()[wd.group("weekday").casefold()] == date.weekday()
    return DateMention(
        date, start, m.end(), text[start : m.end()], inferred_year=inferred, weekday_ok=weekday_ok
    )


def _mentions(text: str, reference: dt.date | None, default_year: int | None) -> list[DateMention]:
    pats = _patterns()
    found: list[DateMention] = []
    for m in pats["numeric"].finditer(text):
        day = int(m.group("d1") or m.group("d2"))
        month = int(m.group("m1") or m.group("m2"))
        year = _year(m.group("year"))
        date = _make(year, month, day) if year else None
        if date:
            found.append(_mention(text, m, date))
    for key in ("day_month", "month_day"):
        for m in pats[key].finditer(text):
            month = _months()[m.group("month").rstrip(".").casefold()]
            day = int(m.group("day"))
            printed = m.group("year") or (m.groupdict().get("yy"))
            inferred = printed is None
            if printed:
                year = _year(printed)
                date = _make(year, month, day) if year else None
            elif default_year is not None:
                date = _make(default_year, month, day)
            elif reference is not None:
                date = _nearest_year(month, day, reference)
            else:
                date = None
            if date:
                found.append(_mention(text, m, date, inferred))
    found.sort(key=lambda d: (d.start, -d.end))
    kept: list[DateMention] = []
    for d in found:
        if not kept or d.start >= kept[-1].end:
            kept.append(d)
    return kept


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every full date in running text, in order.

    Takes any string and an optional reference date (the paper's date) used to complete a day
    and month printed without a year; returns :class:`DateMention` records.
    """
    return _mentions(text, reference, None)


_WRAPPING = " \t\r\n\u00a0.,;:()"


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """Parse a string that is one date ("10 March 2021", "10/03/21", "Wednesday 30 June 2021").

    Takes the whole string (surrounding whitespace and punctuation allowed) and, for a day and
    month printed without a year, the year to give it. Returns a date, or None when the string
    is not exactly one valid date.
    """
    core = text.strip(_WRAPPING)
    if core.casefold().startswith("on "):
        core = core[3:].lstrip()
    found = _mentions(core, None, default_year)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(core):
        return None
    return found[0].date


def find_months(text: str) -> list[MonthMention]:
    """Months printed with a year but no day ("March 2021"), not part of a full date.

    A month name must start with a capital letter here, so "may 2021" in a sentence is not one.
    """
    taken = [(d.start, d.end) for d in _mentions(text, None, None)]
    found = []
    for m in _patterns()["month_year"].finditer(text):
        if not m.group("month")[0].isupper():
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        year = _year(m.group("year"))
        if year is None:
            continue
        found.append(
            MonthMention(
                year,
                _months()[m.group("month").rstrip(".").casefold()],
                m.start(),
                m.end(),
                m.group(0),
            )
        )
    return found
