"""Facts about a paper as a whole: title, authority, body, date, financial year."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter

from extractors.datafiles import load_table
from extractors.stages.segment import Segment, is_title_like
from extractors.text.literals import Cue
from extractors.text.meeting_text import EARLIER_MINUTES_APPROVED
from extractors.values.dates import find_dates
from extractors.values.years import find_financial_years
from schemas.document import Block, Document

_HEAD_ITEMS = 40
#: body-text evidence needed when no header, footer or own domain names the authority: three
#: mentions with its kind ("Kent County Council") or ten without
_MIN_BODY_SCORE = 9
_GOV_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)*?([a-z-]+)\.gov\.uk\b", re.I)
_MASTHEAD_BLOCKS = 8
_MENU_WORDS = 6  # a shorter list item at the top of a web page is a menu entry
#: a council's name printed in capitals: the words up to and including COUNCIL
_SHOUTED = re.compile(
    r"\b(?:[A-Z][A-Z'’-]+\s+(?:&\s+)?){1,6}COUNCIL\b"
    r"|\bCYNGOR\s+(?:CYMUNED|TREF|SIR|DINAS)\s+[A-Z]+(?:\s+(?:A|AC)\s+[A-Z]+)?\b"  # Welsh
)
_SMALL_WORDS = re.compile(r"\b(Of|The|And|On|Upon|In|Le|Cum|Under|By|With|A|Ac)\b")


def _unshout(m: re.Match[str]) -> str:
    """ "STOKE FERRY PARISH COUNCIL" -> "Stoke Ferry Parish Council" ("BURTON-CUM-WALDEN" ->
    "Burton-cum-Walden")."""
    return _SMALL_WORDS.sub(lambda w: w.group(1).lower(), m.group(0).title())


#: agenda titles carry the meeting's date and summons wording around the body's name
_TITLE_NOISE = re.compile(
    r"^(?:(?:summons\s+to\s+and\s+)?agenda\s+(?:for|of)\s+(?:the\s+)?|notice\s+of\s+(?:the\s+)?)"
    r"|\s*[-–,]\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*$"
    r"|\s+meeting$",
    re.I,
)
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


def _masthead(doc: Document) -> list[str]:
    """The first lines of a paper's own text (a web page's menu of short list items skipped)."""
    out: list[str] = []
    for item in doc.iter_items():
        if isinstance(item, Block) and not (
            item.kind == "list_item" and len(item.text.split()) < _MENU_WORDS
        ):
            out.append(item.text)
            if len(out) >= _MASTHEAD_BLOCKS:
                break
    return out


def _masthead_counts(doc: Document) -> Counter[str]:
    """Councils the masthead names with their kind, the first-named ahead on a tie.

    When the first line naming a council names others too ("Meeting between: Glasgow City
    Council (GCC) Officers, Broomhill Community Council (BCC), ...") the tie is broken by how
    often the whole paper names each.
    """
    lines = _masthead(doc)
    per_line = [
        Counter({k: v for k, v in _authority_counts([ln]).items() if _QUALIFIED.search(k)})
        for ln in lines
    ]
    counts: Counter[str] = Counter()
    for c in per_line:
        counts.update(c)
    if not counts:
        return counts
    top = [k for k, v in counts.items() if v == max(counts.values())]
    first_line = next(c for c in per_line if any(k in c for k in top))
    if len([k for k in top if k in first_line]) > 1:
        whole = _authority_counts([item.text for item in doc.iter_items()])
        return Counter({k: counts[k] + whole[k] for k in top})
    return Counter({k: counts[k] + (1 if k in first_line else 0) for k in counts})


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


_QUALIFIED = re.compile(
    r"\b(County|Borough|District|City|Metropolitan|Parish|Town|Community)"
    r"\s+Council$|^(London|Royal)\s+Borough\b"
    r"|\b(?:Combined|Fire\s+and\s+Rescue|National\s+Park)\s+Authority$"
    # Welsh: "Cyngor Cymuned Manordeilo a Salem", "Cyngor Sir Caerfyrddin"
    r"|^Cyngor\s+(?:Cymuned|Tref|Sir|Dinas|Bwrdeistref)\b"
)


def _authority_counts(lines: list[str]) -> Counter[str]:
    """Weighted mentions of authority names: a name with its kind (County, Borough, District,
    City) counts three times, since a bare "X Council" is more often something else."""
    counts: Counter[str] = Counter()
    for line in lines:
        if "COUNCIL" in line or "CYNGOR" in line:  # "MINUTES OF THE SOULDERN PARISH COUNCIL"
            line = _SHOUTED.sub(_unshout, line)
        lowered = line.lower()
        for cue in _authority_patterns():
            if not cue.may_match(lowered):
                continue
            for m in cue.pattern.finditer(line):
                name = " ".join(m.group(1).replace("&", "and").split())
                after = line[m.end() :].split(maxsplit=1)
                word = after[0].strip(".,;:").casefold() if after else ""
                if word in _after_words() and not (
                    word.startswith("meeting") and _QUALIFIED.search(name)
                ):
                    continue  # "Council Tax", "County Council meeting" (a body, not a council)
                if not any(bad.search(name) for bad in _not_authorities()):
                    counts[name] += 3 if _QUALIFIED.search(name) else 1
    return counts


def authority_of(doc: Document) -> str | None:
    """Return the local authority that published the paper.

    Running headers and footers are the best evidence (councils stamp their name there), then the
    masthead (a council named with its kind in the first lines); failing that, the authority
    named most often in the text, if it is named often enough (a council's own gov.uk domain
    weighs heavily); otherwise None rather than a council named in passing.
    """
    furniture = [line for p in doc.pages for line in p.header + p.footer]
    counts = _authority_counts(furniture)
    if not counts:
        # the masthead: the first lines of a paper name the council that issued it
        counts = _masthead_counts(doc)
    furniture_named = bool(counts)
    if not counts:
        texts = [item.text for item in doc.iter_items()]
        counts = _authority_counts(texts)
        # a council's own web and e-mail domain (kent.gov.uk, milton-keynes.gov.uk) names it
        domains = Counter(
            m.group(1).replace("-", "")
            for t in texts
            if ".gov.uk" in t.lower()
            for m in _GOV_DOMAIN.finditer(t)
        )
        if domains:
            home = domains.most_common(1)[0][0]
            for name in counts:
                if re.sub(r"[^a-z]", "", name.casefold()).startswith(home):
                    counts[name] *= 10
    if not counts:
        return None
    # on a tie the council named first wins (the masthead names its own council first)
    name, score = sorted(counts.items(), key=lambda kv: -kv[1])[0]
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
        if EARLIER_MINUTES_APPROVED.search(block.text):
            continue  # an earlier meeting's date
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
