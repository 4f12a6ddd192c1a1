"""Facts about a paper as a whole: title, authority, body, date, financial year."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter

from extractors.datafiles import load_table
from extractors.segment import Segment, is_title_like
from extractors.values.dates import find_dates
from extractors.values.years import find_financial_years
from schemas.document import Block, Document

_HEAD_ITEMS = 40
_BODY_IN_MINUTES = re.compile(r"\bmeeting\s+of\s+(?:the\s+)?(.+?)\s+held\b", re.I | re.S)


@functools.cache
def _authority_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"]) for r in load_table("authority_patterns.csv"))


@functools.cache
def _not_authorities() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"], re.I) for r in load_table("not_authorities.csv"))


def _head_blocks(doc: Document) -> list[Block]:
    out = []
    for item in doc.iter_items():
        if isinstance(item, Block):
            out.append(item)
        if len(out) >= _HEAD_ITEMS:
            break
    return out


def title_of(doc: Document) -> str | None:
    """Return the paper's title: the document's own title, else its first title-like block."""
    if doc.meta.title:
        return doc.meta.title
    for block in _head_blocks(doc):
        if is_title_like(block):
            return " ".join(block.text.split())
    return None


def _authority_counts(lines: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in lines:
        for pattern in _authority_patterns():
            for m in pattern.finditer(line):
                name = " ".join(m.group(1).split())
                if not any(bad.search(name) for bad in _not_authorities()):
                    counts[name] += 1
    return counts


def authority_of(doc: Document) -> str | None:
    """Return the local authority that published the paper.

    Running headers and footers are the best evidence (councils stamp their name there); failing
    that, the authority named most often in the text.
    """
    furniture = [line for p in doc.pages for line in p.header + p.footer]
    counts = _authority_counts(furniture)
    if not counts:
        counts = _authority_counts([item.text for item in doc.iter_items()])
    return counts.most_common(1)[0][0] if counts else None


def body_of(segments: list[Segment]) -> str | None:
    """Return the committee or partnership the paper belongs to.

    From a minutes heading ("meeting of the X held on") or an agenda's title; None otherwise.
    """
    for seg in segments:
        title = seg.part.title or ""
        if seg.part.type == "minutes":
            m = _BODY_IN_MINUTES.search(title)
            if m:
                return " ".join(m.group(1).split())
        if seg.part.type == "agenda" and title:
            return title
    return None


def paper_date_of(doc: Document, segments: list[Segment]) -> dt.date | None:
    """Return the date the paper carries or the meeting it serves.

    The first part's date when segmentation found one; otherwise the first full date on the
    first page.
    """
    if segments and segments[0].part.date:
        return segments[0].part.date
    if not doc.pages:
        return None
    for item in doc.pages[0].items[:_HEAD_ITEMS]:
        for d in find_dates(item.text):
            if not d.inferred_year:
                return d.date
    return None


def financial_year_in(doc: Document, title: str | None) -> str | None:
    """Return the financial year the paper is about: printed in its title or first page."""
    texts = [title or ""] + [b.text for b in _head_blocks(doc)]
    for text in texts:
        years = find_financial_years(text)
        if years:
            return years[0][0]
    return None
