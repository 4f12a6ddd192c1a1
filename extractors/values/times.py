"""Clock times as councils print them: "2.00 pm", "2pm", "10.30am", "14:00", "12 noon".

Results are "HH:MM" on the 24-hour clock. "On the rising of Council" and other times that are
not on the clock give None. Times written as words come from ``extractors/data/time_words.csv``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.datafiles import load_table


@dataclass(frozen=True)
class TimeMention:
    """A clock time found in text: ``time`` is "HH:MM", ``text == source[start:end]``."""

    time: str
    start: int
    end: int
    text: str


@functools.cache
def _words() -> dict[str, str]:
    return {
        " ".join(r["phrase"].casefold().split()): r["time"] for r in load_table("time_words.csv")
    }


@functools.cache
def _pattern() -> re.Pattern[str]:
    words = sorted(_words(), key=len, reverse=True)
    word_alt = "|".join(r"\s*".join(re.escape(p) for p in w.split()) for w in words)
    return re.compile(
        r"(?<![\w.:£$])(?:"
        rf"(?P<word>{word_alt})(?![\w])"
        # 2.00 pm, 2pm, 2 p.m., 10.30am, 3.25 PM
        r"|(?P<h12>\d{1,2})(?:[.:](?P<m12>\d{2}))?\s*(?P<ampm>[ap])(?:\.\s?m\.?|\s?m\b)"
        # 14:00, 14.00 hrs, 1400 hrs
        r"|(?P<h24>\d{1,2}):(?P<m24>\d{2})(?![\d:.]\d|\d)(?:\s*(?:hrs|hours|h)\b)?"
        r"|(?P<h24b>\d{1,2})\.?(?P<m24b>\d{2})\s*(?:hrs|hours|h)\b"
        r")",
        re.IGNORECASE,
    )


def _clock(m: re.Match[str]) -> str | None:
    if m.group("word"):
        return _words()[
            " ".join(re.sub(r"(\d)([a-z])", r"\1 \2", m.group("word").casefold()).split())
        ]
    if m.group("h12"):
        hour, minute = int(m.group("h12")), int(m.group("m12") or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if m.group("ampm").casefold() == "p" else 0)
        return f"{hour:02d}:{minute:02d}"
    hour = int(m.group("h24") or m.group("h24b"))
    minute = int(m.group("m24") or m.group("m24b"))
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str) -> list[TimeMention]:
    """Every clock time in running text, in order, as :class:`TimeMention` records."""
    found = []
    for m in _pattern().finditer(text):
        clock = _clock(m)
        if clock is not None:
            found.append(TimeMention(clock, m.start(), m.end(), m.group(0)))
    return found


def parse_time(text: str) -> str | None:
    """Parse a string that is one clock time ("2.00 pm", "14:00", "12 noon") to "HH:MM".

    Takes the whole string (surrounding whitespace and punctuation allowed, and a leading
    "at"); returns None when it is not exactly one clock time ("on the rising of Council").
    """
    core = text.strip(" \t\r\n\u00a0.,;:()")
    if core.casefold().startswith("at "):
        core = core[3:].lstrip()
    found = find_times(core)
    if len(found) != 1 or found[0].start != 0 or found[0].end < len(core.rstrip(".")):
        return None
    return found[0].time
