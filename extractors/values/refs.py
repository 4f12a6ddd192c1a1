"""Minute references ("SMK10", "CAB 45", "45/21", "76.", "(Item 5)", "Minute 12") and decision
numbers ("Decision 24/00093").

Labels ("Item", "Minute") and capitals that are never a body prefix ("PAGE 7", "Q3") come from
``extractors/data/ref_words.csv``. A plain number is a valid reference on its own; whether a
numbered line is a minute heading is for the caller to judge from the layout.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.datafiles import load_table


@dataclass(frozen=True)
class MinuteRef:
    """A minute reference: ``text`` as printed without wrapping brackets or a closing dot.

    ``kind`` is "prefixed" (SMK10), "sequence" (45/21), "label" (Item 5) or "plain" (76).
    """

    text: str
    number: int
    prefix: str | None = None
    year: int | None = None
    kind: str = "plain"


@dataclass(frozen=True)
class MinuteHeading:
    """A minute heading line: its reference and the title printed after it (None if none)."""

    ref: MinuteRef
    title: str | None


@dataclass(frozen=True)
class DecisionNumber:
    """A decision number "24/00093": two-digit year and a serial number."""

    text: str
    year: int
    number: int


@functools.cache
def _words(kind: str) -> list[str]:
    return [r["word"] for r in load_table("ref_words.csv") if r["kind"] == kind]


def _alt(words: list[str]) -> str:
    return "|".join(
        r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True)
    )


@functools.cache
def _ref_pattern() -> str:
    return (
        rf"(?:(?P<label>{_alt(_words('label'))})\s*(?P<lnum>\d{{1,4}})(?P<lsub>[a-z])?(?!\w)"
        r"|(?P<snum>\d{1,4})/(?P<year>\d{4}|\d{2})(?![\w/])"
        r"|(?P<prefix>[A-Z]{1,6})\s?(?P<pnum>\d{1,4})(?![\w/])"
        r"|(?P<num>\d{1,4})(?![\w/]))"
    )


@functools.cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ref = _ref_pattern()
    whole = re.compile(rf"\(?\s*{ref}\s*\)?\.?", re.IGNORECASE)
    # a heading: the ref, then a dot, colon, dash or spaces, then the title
    heading = re.compile(
        rf"\s*\(?{ref}\)?(?:\.(?!\d)|:)?(?:\s*[-\u2013\u2014:]\s*|\s+|$)(?P<title>\S.*)?",
        re.IGNORECASE | re.DOTALL,
    )
    return whole, heading


def _year(text: str) -> int | None:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y if 1950 <= y <= 2100 else None


def _ref_from_match(m: re.Match[str]) -> MinuteRef | None:
    if m.group("label"):
        label = " ".join(m.group("label").split())
        text = f"{label} {m.group('lnum')}{m.group('lsub') or ''}"
        return MinuteRef(text=text, number=int(m.group("lnum")), kind="label")
    if m.group("snum"):
        year = _year(m.group("year"))
        if year is None:
            return None
        return MinuteRef(
            text=f"{m.group('snum')}/{m.group('year')}",
            number=int(m.group("snum")),
            year=year,
            kind="sequence",
        )
    if m.group("prefix"):
        prefix = m.group("prefix")
        if not prefix.isupper() or prefix in _words("not_prefix"):
            return None
        text = m.group(0)[m.start("prefix") - m.start() : m.end("pnum") - m.start()]
        return MinuteRef(text=text, number=int(m.group("pnum")), prefix=prefix, kind="prefixed")
    return MinuteRef(text=m.group("num"), number=int(m.group("num")), kind="plain")


def parse_minute_ref(text: str) -> MinuteRef | None:
    """Parse a string that is one minute reference ("SMK10", "45/21", "76.", "(Item 5)").

    Returns :class:`MinuteRef`, or None when the string is not a minute reference (a decision
    number such as "Decision 24/00093" is not; see :func:`parse_decision_number`).
    """
    whole, _heading = _compiled()
    m = whole.fullmatch(text.strip())
    if m is None:
        return None
    s = m.group(0)
    if s.startswith("(") != s.rstrip(".").endswith(")"):
        return None
    return _ref_from_match(m)


def match_minute_heading(line: str) -> MinuteHeading | None:
    """Read a minute reference at the start of a heading line and the title after it.

    "SMK12 REFRESHED COMMUNITY SAFETY STRATEGY", "86. Budget", "45/21 - Minutes", "SMK12"
    (title on the next line: ``title`` None). Returns None when the line does not start with a
    reference. A line that starts with a plain number is also a numbered paragraph: the caller
    decides from the layout.
    """
    _whole, heading = _compiled()
    m = heading.match(line)
    if m is None:
        return None
    ref = _ref_from_match(m)
    if ref is None:
        return None
    title = m.group("title")
    return MinuteHeading(ref=ref, title=title.strip() if title else None)


_DECISION = re.compile(
    r"\s*(?:decision(?:\s+(?:no\.?|number))?\s*:?\s*)?"
    r"(?P<text>(?P<yy>\d{2})[/\-](?P<num>\d{5}))\s*\.?",
    re.IGNORECASE,
)


def parse_decision_number(text: str) -> DecisionNumber | None:
    """Parse a decision number ("24/00093", "Decision No: 24/00093", "24-00093").

    Returns :class:`DecisionNumber` (year 2024, number 93, text "24/00093"), else None.
    """
    m = _DECISION.fullmatch(text.strip())
    if m is None:
        return None
    return DecisionNumber(
        text=m.group("text"), year=2000 + int(m.group("yy")), number=int(m.group("num"))
    )


def rising_run(numbers: list[int], max_step: int = 1) -> list[int]:
    """Positions of the longest run of ``numbers`` rising in order by 1 to ``max_step`` at a time
    (later numbers that do not continue the run are passed over): the item numbering of a paper
    among the other numbers that open its lines. Earliest run wins a tie."""
    best: list[int] = []
    for start in range(len(numbers)):
        run = [start]
        for k in range(start + 1, len(numbers)):
            if 0 < numbers[k] - numbers[run[-1]] <= max_step:
                run.append(k)
        if len(run) > len(best):
            best = run
    return best
