"""Segment a paper into its component documents (parts) with page ranges.

An agenda pack is the agenda followed by each item's paper (previous minutes, reports,
appendices). A part starts where a block announces one (``data/part_starts.csv``): a minutes
heading, or a report's header cue (Report Author, Purpose of Report, Report of...) whose title
is the nearest title-like block before it. Boundaries are exact to the block, so the same
segmentation works for text exports that carry no page breaks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.datafiles import load_table
from extractors.stages.classify import Classification, classify
from extractors.text.meeting_text import EARLIER_MINUTES_APPROVED, PART_TYPE_OF_DOC_TYPE
from extractors.values.dates import find_dates
from schemas.document import Block, Document, Item, Page, Table
from schemas.records import Part

_TITLE_LOOKBACK = 4  # blocks before a report cue that may hold its title
_MIN_LEADING_BLOCKS = 6  # fewer blocks before the first part are a cover, not a part
_NAV_WORDS = 6  # a shorter list item before the first part is a menu entry, not text
_MAX_TITLE_CHARS = 200
_PAGE_REF = re.compile(r"\bpages?\s+\d+\s*(-|–|to)\s*\d+", re.I)
#: "(Item 3)" right under a heading marks the heading as a minute's title (an item that
#: approves earlier minutes is titled "Minutes of the meeting held on ..."), not a new part
_ITEM_MARK = re.compile(r"^\(?\s*item\s+\d+[a-z]?\s*\)?$", re.I)
#: "The minutes of the previous meeting in May were approved": a sentence about earlier
#: minutes inside minutes, not the heading of a new part
_MINUTES_REPORTED = re.compile(
    r"\b(?:were|was|are|is|be|been|being)\s+(?:\w+\s+){0,2}?(?:approved|agreed|confirmed|"
    r"signed|accepted|adopted|received|noted|circulated|amended|checked|read|reviewed|"
    r"considered|presented|tabled)\b",
    re.I,
)


@dataclass(frozen=True)
class _Pos:
    page_idx: int
    item_idx: int
    flat: int


@dataclass
class Segment:
    """A part record and the slice of the document it covers."""

    part: Part
    doc: Document


@functools.cache
def _start_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((r["kind"], re.compile(r["pattern"], re.I)) for r in load_table("part_starts.csv"))


@functools.cache
def _boilerplate() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"], re.I) for r in load_table("boilerplate_titles.csv"))


def _item_text(item: Item) -> str:
    if isinstance(item, Table):
        return item.rows[0][0] if item.rows and item.rows[0] else ""
    return item.text


def is_title_like(block: Block) -> bool:
    """Whether a block could be a title: a heading, bold, or mostly capitals, and short."""
    text = block.text.strip()
    if not text or len(text) > _MAX_TITLE_CHARS or any(p.search(text) for p in _boilerplate()):
        return False
    letters = [c for c in text if c.isalpha()]
    caps = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
    return block.kind == "heading" or block.bold or caps


def _date_only(text: str) -> bool:
    """Whether a line is a date (or times) and little else: "24 SEPTEMBER 2009"."""
    text = text.strip()
    dates = find_dates(text)
    rest = text[: dates[0].start] + text[dates[0].end :] if dates else text
    return (
        bool(dates)
        and len(rest.strip(" ,.()")) < 12
        or bool(re.fullmatch(r"\(?[\d:.apm\s]+(?:to|-|–|and)[\d:.apm\s()toand–-]+\)?", text, re.I))
    )


def _start_kind(item: Item) -> str | None:
    text = _item_text(item).strip()
    if not text or len(text) > 400 or _PAGE_REF.search(text):
        return None
    for kind, pattern in _start_patterns():
        if pattern.search(text):
            return kind
    return None


def _flatten(doc: Document) -> list[tuple[_Pos, Item]]:
    out = []
    for pi, page in enumerate(doc.pages):
        for ii, item in enumerate(page.items):
            out.append((_Pos(pi, ii, len(out)), item))
    return out


def _find_starts(
    flat: list[tuple[_Pos, Item]], headers: list[list[str]] | None = None
) -> list[tuple[int, str, int]]:
    """Return (start index, kind, title index) of each part announced in the document.

    ``headers`` are the running header lines set aside on each page: minutes under the same
    running header as the minutes part before them continue that part.
    """
    headers = headers or []
    starts: list[tuple[int, str, int]] = []

    def header_of(idx: int) -> list[str]:
        page = flat[idx][0].page_idx
        return headers[page] if page < len(headers) else []

    summonses = 0
    for idx, (_, item) in enumerate(flat):
        kind = _start_kind(item)
        if kind is None:
            continue
        if kind == "agenda":
            summonses += 1
            if summonses == 1:
                continue  # the paper's own summons opens it: no part of its own
        if kind == "minutes":
            if starts and starts[-1][1] == "minutes" and idx - starts[-1][0] < 3:
                continue
            following = flat[idx + 1][1] if idx + 1 < len(flat) else None
            if isinstance(following, Block) and _ITEM_MARK.match(following.text.strip()):
                continue
            if _MINUTES_REPORTED.search(_item_text(item)):
                continue
            starts.append((idx, kind, idx))
            continue
        if kind == "minutes_present":
            # attendance under a title and a date opens minutes with no "Minutes of" heading;
            # under a heading that already started minutes it is that part's own block
            if (
                starts
                and starts[-1][1] == "minutes"
                and (
                    idx - starts[-1][0] <= 8
                    or header_of(idx)
                    and header_of(idx) == header_of(starts[-1][0])
                )
            ):
                continue
            top = idx
            for back in range(idx - 1, max(-1, idx - 1 - _TITLE_LOOKBACK), -1):
                cand = flat[back][1]
                if not isinstance(cand, Block):
                    break
                if is_title_like(cand):
                    top = back
                elif not _date_only(cand.text):  # the meeting's date or times between them
                    break
            if top == idx or (starts and top <= starts[-1][0]):
                continue
            starts.append((top, "minutes", top))
            continue
        # a report cue: skip it when it belongs to the header of the part just started
        if starts and starts[-1][1] == "report" and idx - starts[-1][0] <= 2 * _TITLE_LOOKBACK:
            continue
        title = None
        for back in range(idx - 1, max(-1, idx - 1 - _TITLE_LOOKBACK), -1):
            cand = flat[back][1]
            if isinstance(cand, Block) and is_title_like(cand):
                title = back
                break
        if title is None:
            continue
        start = title
        # a date-only line just above the title (a report's meeting date) belongs to the part
        if start > 0 and isinstance(flat[start - 1][1], Block):
            prev = flat[start - 1][1].text.strip()
            dates = find_dates(prev)
            if dates and len(prev) - (dates[0].end - dates[0].start) < 12:
                start -= 1
        if starts and start <= starts[-1][0]:
            continue
        starts.append((start, kind, title))
    return starts


def _slice(doc: Document, flat: list[tuple[_Pos, Item]], lo: int, hi: int) -> Document:
    pages: dict[int, Page] = {}
    for pos, item in flat[lo:hi]:
        src = doc.pages[pos.page_idx]
        page = pages.get(pos.page_idx)
        if page is None:
            page = pages[pos.page_idx] = Page(
                src.number, [], src.printed_number, src.header, src.footer
            )
        page.items.append(item)
    return Document([pages[k] for k in sorted(pages)], doc.meta)


def _first_date(doc: Document, limit: int = 40):
    seen = 0
    for item in doc.iter_items():
        if _menu_entry(item):
            continue  # a web page's menu ("Boughton", "2013") is not the paper's text
        text = item.text
        if EARLIER_MINUTES_APPROVED.search(text):
            continue  # "The minutes of the meeting held on October 16th 2024 were approved"
        for d in find_dates(text):
            if not d.inferred_year:
                return d.date
        seen += 1
        if seen >= limit:
            break
    return None


def _menu_entry(item: Item) -> bool:
    """Whether an item is an entry of a web page's menu: a short bulleted list item."""
    return (
        isinstance(item, Block)
        and item.kind == "list_item"
        and item.bullet
        and len(item.text.split()) < _NAV_WORDS
    )


def _leading_title(doc: Document) -> str | None:
    for i, item in enumerate(doc.iter_items()):
        if isinstance(item, Block) and is_title_like(item):
            return item.text.strip()
        if i > 30:
            break
    return doc.meta.title


def segment(doc: Document, paper_id: str, doc_type: str | None = None) -> list[Segment]:
    """Split a document into parts.

    Takes the document, its paper id and (optionally) the paper's doc type, used to type a
    single-part paper. Returns the segments in order; a paper with no announced parts is one
    part covering every page. Part dates come from the part's own text (a minutes heading, a
    report's date line) or, for reports in a pack, the date of the meeting the agenda serves.
    """
    flat = _flatten(doc)
    if not flat:
        return [
            Segment(
                Part(
                    paper_id=paper_id,
                    part_no=1,
                    type="other",
                    page_from=1,
                    page_to=max(1, len(doc.pages)),
                ),
                doc,
            )
        ]
    starts = _find_starts(flat, [p.header for p in doc.pages])
    if not starts or starts[0][0] > 0:
        lead_hi = starts[0][0] if starts else len(flat)
        # a web page's menu ("Village", "2019", "Minutes of meetings 2001-2021") is short list
        # items only: like a cover, it is no part of its own
        lead_blocks = sum(
            1
            for _, it in flat[:lead_hi]
            if isinstance(it, Block)
            and not (it.kind == "list_item" and len(it.text.split()) < _NAV_WORDS)
        )
        if starts and lead_blocks < _MIN_LEADING_BLOCKS:
            first = starts[0]
            starts[0] = (0, first[1], first[2])  # a short cover joins the first part
        else:
            starts.insert(0, (0, "lead", -1))
    bounds = [s[0] for s in starts] + [len(flat)]
    segments: list[Segment] = []
    last_lo = 0  # where the last part kept starts
    meeting_date = None
    for (lo, kind, title_idx), hi in zip(starts, bounds[1:], strict=True):
        n = len(segments) + 1
        part_doc = _slice(doc, flat, lo, hi)
        if kind == "lead":
            ptype = PART_TYPE_OF_DOC_TYPE.get(classify(part_doc).doc_type, "other")
            if len(starts) == 1 and doc_type:
                ptype = PART_TYPE_OF_DOC_TYPE.get(doc_type, ptype)
            title = _leading_title(part_doc)
        else:
            ptype = kind
            title = " ".join(flat[title_idx][1].text.split())
            pos = flat[lo][0]
            header = doc.pages[pos.page_idx].header
            if (
                kind == "minutes"
                and header
                and pos.item_idx <= 1
                and not _start_kind(flat[title_idx][1])
            ):
                title = " ".join(header)  # "AUDIT COMMITTEE 24 SEPTEMBER 2009": set aside
        date = None
        if ptype == "minutes":
            # a title from the file's metadata (a template reused: Milburn's 2021 minutes
            # carry "6th March 2012") yields to the date printed on the page
            printed = title if title and title != doc.meta.title else None
            dates = [d for d in find_dates(printed or "") if not d.inferred_year]
            date = dates[0].date if dates else _first_date(part_doc)
        elif ptype == "agenda":
            date = _first_date(part_doc)
            meeting_date = meeting_date or date
        else:
            lead_dates = [d for d in find_dates(_item_text(flat[lo][1])) if not d.inferred_year]
            date = lead_dates[0].date if lead_dates and lo != title_idx else None
            date = date or meeting_date or _first_date(part_doc, limit=12)
        if _record_within(segments, ptype, date):
            # "The record of that joint session forms part of these minutes": the next
            # minutes of that day are more of the same minutes, not another meeting
            whole = _slice(doc, flat, last_lo, hi)
            segments[-1].doc = whole
            segments[-1].part.page_to = max(p.number for p in whole.pages)
            continue
        pages = [p.number for p in part_doc.pages]
        part = Part(
            paper_id=paper_id,
            part_no=n,
            type=ptype,
            title=title,
            date=date,
            page_from=min(pages),
            page_to=max(pages),
        )
        segments.append(Segment(part, part_doc))
        last_lo = lo
    return segments


#: minutes that take another record of the day into themselves
_FORMS_PART = re.compile(r"\bforms?\s+(?:a\s+)?part\s+of\s+these\s+minutes\b", re.I)


def _record_within(segments: list[Segment], ptype: str, date) -> bool:
    """Whether a minutes part of ``date`` is a record the minutes just before it, of the
    same day, say forms part of them."""
    if ptype != "minutes" or not segments or date is None:
        return False
    before = segments[-1]
    if before.part.type != "minutes" or before.part.date != date:
        return False
    return any(
        isinstance(item, Block) and _FORMS_PART.search(item.text)
        for page in before.doc.pages
        for item in page.items
    )


def paper_type(whole: Classification, segments: list[Segment]) -> tuple[str, float]:
    """Return the paper's doc type and its confidence, from its classification as a whole and
    its parts: a paper of several parts is an agenda pack when its first part is an agenda (the
    confidence is the share of parts of a known type) or when, as a whole, it reads as an agenda
    or as nothing known (confidence 0.5). Any other paper keeps its classification."""
    types = [s.part.type for s in segments]
    if set(types) == {"agenda"}:
        return whole.doc_type, whole.confidence  # two meetings' agendas in one paper
    if len(segments) > 1 and types[0] == "agenda":
        return "agenda_pack", round(sum(t != "other" for t in types) / len(types), 3)
    if len(segments) > 1 and whole.doc_type in ("agenda", "unknown"):
        return "agenda_pack", 0.5
    return whole.doc_type, whole.confidence
