"""Next meeting: "the next meeting of the Partnership will be held on Wednesday 13 October 2021
at 2.00 pm" -> a NextMeeting record (date, start time), from any part of any paper.

Cue phrases live in ``data/next_meeting_cues.csv``. A sentence needs a cue and a date; a date
without a year is completed from the paper's date (the next meeting is after it) and flagged.
"""

from __future__ import annotations

import functools
import re

from extractors.base import Extraction, PaperContext
from extractors.datafiles import load_table
from extractors.text.literals import Cue
from extractors.values.dates import find_dates
from extractors.values.times import find_times
from schemas.document import Block, Document
from schemas.records import NextMeeting


@functools.cache
def _cue() -> Cue:
    """The cues as one pattern (a sentence needs any of them), with its pre-check."""
    patterns = [f"(?:{r['pattern']})" for r in load_table("next_meeting_cues.csv")]
    return Cue.compile("|".join(patterns), re.I)


def _sentences(text: str) -> list[str]:
    # "2.00 pm." and "10.30" hold dots that are not sentence ends: split only before a capital
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(text.split()))
    return [p for p in parts if p]


def _part_of(ctx: PaperContext, page: int) -> int | None:
    for p in ctx.parts:
        if p.page_from and p.page_to and p.page_from <= page <= p.page_to:
            return p.part_no
    return None


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Find announcements of a body's next meeting; returns ``next_meetings`` records."""
    out = Extraction()
    seen: set = set()
    for item in doc.iter_items():
        if not isinstance(item, Block):
            continue
        for sentence in _sentences(item.text):
            cue = _cue()
            if not (cue.may_match(sentence.lower()) and cue.pattern.search(sentence)):
                continue
            dates = find_dates(sentence, ctx.paper_date)
            if not dates:
                continue
            first = dates[0]
            if first.inferred_year and ctx.paper_date and first.date < ctx.paper_date:
                continue  # a past date is not the next meeting
            if first.date in seen:
                continue
            seen.add(first.date)
            times = find_times(sentence[first.end :]) or find_times(sentence)
            out.add(
                "next_meetings",
                NextMeeting(
                    paper_id=ctx.paper_id,
                    part_no=_part_of(ctx, item.page),
                    body=ctx.body,
                    date=first.date,
                    start_time=times[0].time if times else None,
                    date_inferred=first.inferred_year,
                    page=item.page,
                    evidence=sentence,
                ),
            )
            if first.inferred_year:
                out.finding(
                    ctx.paper_id,
                    "info",
                    "date_year_inferred",
                    f"next meeting date {first.date} had no year; completed from the paper's date",
                    item.page,
                )
    return out
