"""Facts about a paper as a whole: title, authority, body, date, financial year."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter

from extractors.datafiles import load_table
from extractors.literals import Cue
from extractors.segment import Segment, is_title_like
from extractors.values.dates import find_dates
from extractors.values.years import find_financial_years
from schemas.document import Block, Document

_HEAD_ITEMS = 40
#: body-text evidence needed when no header, footer or own domain names the authority: three
#: mentions with its kind ("Kent County Council") or ten without
_MIN_BODY_SCORE = 9
_GOV_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)*?([a-z-]+)\.gov\.uk\b", re.I)
_MASTHEAD_BLOCKS = 8
#: agenda titles carry the meeting's date and summons wording around the body's name
_TITLE_NOISE = re.compile(
    r"^(?:(?:summons\s+to\s+and\s+)?agenda\s+(?:for|of)\s+(?:the\s+)?|notice\s+of\s+(?:the\s+)?)"
    r"|\s*[-–,]\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*$"
    r"|\s+meeting$", re.I)
_BODY_IN_MINUTES = re.compile(r"\bmeeting\s+of\s+(?:the\s+)?(.+?)\s+held\b", re.I | re.S)


@functools.cache
def _authority_patterns() -> tuple[Cue, ...]:
    return tuple(Cue.compile(r["pattern"]) for r in load_table("authority_patterns.csv"))


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


@functools.cache
def _after_words() -> frozenset[str]:
    return frozenset(r["word"].casefold() for r in load_table("after_council_words.csv"))


_QUALIFIED = re.compile(r"\b(County|Borough|District|City|Metropolitan)\s+Council$|^(London|Royal)"
                        r"\s+Borough\b")


def _authority_counts(lines: list[str]) -> Counter[str]:
    """Weighted mentions of authority names: a name with its kind (County, Borough, District,
    City) counts three times, since a bare "X Council" is more often something else."""
    counts: Counter[str] = Counter()
    for line in lines:
        lowered = line.lower()
        for cue in _authority_patterns():
            if not cue.may_match(lowered):
                continue
            for m in cue.pattern.finditer(line):
                name = " ".join(m.group(1).split())
                after = line[m.end():].split(maxsplit=1)
                if after and after[0].strip(".,;:").casefold() in _after_words():
                    continue
                if not any(bad.search(name) for bad in _not_authorities()):
                    counts[name] += 3 if _QUALIFIED.search(name) else 1
    return counts


def authority_of(doc: Document) -> str | None:
    """Return the local authority that published the paper.

    Running headers and footers are the best evidence (councils stamp their name there); failing
    that, the authority named most often in the text, if it is named often enough (a council's
    own gov.uk domain weighs heavily); otherwise None rather than a council named in passing.
    """
    furniture = [line for p in doc.pages for line in p.header + p.footer]
    counts = _authority_counts(furniture)
    furniture_named = bool(counts)
    if not counts:
        texts = [item.text for item in doc.iter_items()]
        counts = _authority_counts(texts)
        # a council's own web and e-mail domain (kent.gov.uk, milton-keynes.gov.uk) names it
        domains = Counter(m.group(1).replace("-", "") for t in texts
                          if ".gov.uk" in t.lower() for m in _GOV_DOMAIN.finditer(t))
        if domains:
            home = domains.most_common(1)[0][0]
            for name in counts:
                if re.sub(r"[^a-z]", "", name.casefold()).startswith(home):
                    counts[name] *= 10
    if not counts:
        return None
    name, score = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if not furniture_named and score < _MIN_BODY_SCORE:
        return None  # a council named in passing (a district in a county's capital programme)
    return name


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
            return _TITLE_NOISE.sub("", title).strip() or title
    return None


def paper_date_of(doc: Document, segments: list[Segment]) -> dt.date | None:
    """Return the date the paper carries or the meeting it serves.

    The meeting date of a first agenda or minutes part; otherwise a full date in the masthead
    (the first few blocks), never a date from the body text, which is usually some other
    event's.
    """
    if segments and segments[0].part.date and segments[0].part.type in ("agenda", "minutes"):
        return segments[0].part.date
    for block in _head_blocks(doc)[:_MASTHEAD_BLOCKS]:
        for d in find_dates(block.text):
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
