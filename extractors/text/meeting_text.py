"""Shared reading helpers for the meetings extractors (agenda, minutes, attendance, ...).

A part of a paper is turned into ``Line`` objects: one per text line of a block, and one per
table row (cells joined by a tab, each cell keeping its own line breaks), so the same rules read
an attendance block printed as text lines and one printed as a borderless label | names table.
Dates and times use ``extractors.values`` when it is there and a small local fallback otherwise.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractors.base import PaperContext
from extractors.datafiles import load_table
from extractors.memo import document_memo
from extractors.values.refs import rising_run
from extractors.values.spacing import fold as fold_spaces
from schemas.document import Block, Document, Table

#: the kind of part a paper of each doc type is when it is one part (segment and the
#: extractors' part lookup both read it)
PART_TYPE_OF_DOC_TYPE = {
    "agenda": "agenda",
    "agenda_pack": "agenda",
    "minutes": "minutes",
    "report": "report",
    "briefing": "report",
    "performance_update": "report",
    "decision": "report",
    "spend_plan": "other",
    "unknown": "other",
}

_MARKUP = re.compile(r"\*\*|</?[bui]>")
#: a web page's label of a linked file's type and size after an item's title ("43 UPDATE TO
#: THE 2018/19 CAPITAL PROGRAMME pdf icon PDF 157 KB", "Minutes PDF 162 KB": ModernGov pages
#: of many councils): a link, not words of the title
LINK_LABEL = re.compile(
    r"\s+(?:pdf\s+icon\s+)?\(?(?:pdf|docx?|xlsx?|odt)\s*,?\s+\d+(?:\.\d+)?\s*[kmg]b\)?\s*$", re.I
)
_PAGE_NO = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.I)


@dataclass
class MeetingFacts:
    """What a paper says about its meeting: an agenda's front sheet or a minutes heading."""

    body: str | None = None
    date: object = None
    start_time: str | None = None
    end_time: str | None = None
    venue: str | None = None
    page: int | None = None
    evidence: str = ""
    inferred_year: bool = False


@dataclass(frozen=True)
class Line:
    """One line of text (or one table row) with where it came from."""

    text: str
    page: int
    first: bool = False  # first line of its block or row
    kind: str = "paragraph"  # block kind, or "row" for a table row
    bold: bool = False
    level: int = 0
    bullet: bool = False  # an item of a bulleted (not numbered) list
    run_in: bool = False  # cut from a longer line: its title, if any, runs into its text
    lead: str = ""  # the bold run-in heading the line opens with, on a block's first line


#: a sentence reporting an earlier meeting's minutes approved: "The minutes of the meeting held
#: on October 16th 2024 were found to be correct." (Llanfair CC): its date is that meeting's
EARLIER_MINUTES_APPROVED = re.compile(
    r"\bminutes\b[^.;]{0,120}?\b(?:were|was|be|been)\s+(?:\w+\s+){0,3}?(?:approved|found|confirmed|"
    r"signed|agreed|accepted|adopted|taken|received)\b",
    re.I,
)


def clean(text: str) -> str:
    """Strip export markup (``**bold**``, ``<b>``) and non-breaking spaces from ``text``."""
    text = _MARKUP.sub("", html.unescape(text)).replace("\u00a0", " ").replace("\uf0b7", "")
    tail = text.rstrip(" )")[-2:].lower()
    if tail in ("kb", "mb", "gb"):
        text = LINK_LABEL.sub("", text)
    return text.strip()


_LINE_END_HYPHEN = re.compile(r"(\w)-\n(?=[A-Z]?[a-z])")


def fold(text: str) -> str:
    """Fold runs of whitespace to one space; a hyphen at a line end joins the word."""
    if "-\n" in text:  # most texts have no hyphen at a line end
        text = _LINE_END_HYPHEN.sub(r"\1-", text)
    return fold_spaces(text)


@document_memo  # four extractors read each part's lines
def lines_of(doc: Document) -> list[Line]:
    """Return the document's body as lines in reading order (bare page numbers dropped; a
    bold number alone on its line is kept: a minute's number, its title on the next line).
    The list is shared by the extractors of a paper: callers must not change it."""
    out: list[Line] = []
    last_sub: tuple[int, int] | None = None  # the last item number that opened a line
    for page in doc.pages:
        for item in page.items:
            if isinstance(item, Table):
                for r, row in enumerate(item.rows):
                    cells = [clean(c) for c in row]
                    if not any(cells):
                        continue
                    pg = item.row_pages[r] if r < len(item.row_pages) else item.page
                    out.append(Line("\t".join(c for c in cells if c), pg, True, "row"))
                continue
            assert isinstance(item, Block)
            first = True
            for raw in item.text.split("\n"):
                text = clean(raw)
                # a bold number alone is a heading's number, its title on the next line
                if not text or _PAGE_NO.match(text) and not (item.bold and "\n" not in item.text):
                    continue
                pieces = run_in_items(text, last_sub)
                for k, piece in enumerate(pieces):
                    if (first or k > 0) and (m := _ITEM_LEAD.match(piece)):
                        last_sub = int(m.group(1)), int(m.group(2) or 0)
                    out.append(
                        Line(
                            piece,
                            item.page,
                            first or k > 0,
                            item.kind,
                            item.bold,
                            item.level,
                            item.bullet,
                            len(pieces) > 1,
                            item.lead if first and k == 0 else "",
                        )
                    )
                first = False
    return out


_ITEM_LEAD = re.compile(r"^(\d{1,3})\.(\d{1,2})?\s")


#: a numbered item run into the text before it: " 7. Tree Survey", " 8. Provision of ..."
_RUN_IN_NUMBER = re.compile(r"(?<=\S)\s+(?P<n>\d{1,3})\.\s+(?=[A-Z])")
_RUN_IN_LABEL = re.compile(
    r"(?<=\S)\s+(?=(?:PRESENT|ALSO\s+PRESENT|IN\s+ATTENDANCE|APOLOGIES|ABSENT|PUBLIC)\s*:)"
)
_RUN_IN_MIN = 3  # numbers in sequence on one line before they count as items run together
_RUN_IN_CHARS = 200


def run_in_items(text: str, after: tuple[int, int] | None = None) -> list[str]:
    """Split a line that holds numbered items run together, as text exported with its line
    breaks lost prints them ("7. Tree Survey Considered under item 5.3 8. Provision of HGV
    signs ...", Wretton PC; a whole paper on one line, West Dereham PC): at least three
    numbers in sequence, each after other words and before a capital, start an item each.
    ``after`` is the item and sub-item the text runs on from, when it opens with no number
    of its own: its next sub-item may be run in after a sentence ("... for the next agenda.
    11.2 Precept request for 16/17 ...", Wretton PC)."""
    if after and not _ITEM_LEAD.match(text):
        pieces = _run_on_sub_items(text, *after)
        if len(pieces) > 1:
            return [q for p in pieces for q in run_in_items(p)]
    if len(text) < _RUN_IN_CHARS:
        return _run_in_sub_items(text)
    if _RUN_IN_LABEL.search(text):
        # "... Tel: 07391 101835 ... PRESENT: Lorraine Hunt (Chair), ... PUBLIC: 1 ---": an
        # attendance label in capitals run in after other words starts a line of its own
        return [q for p in _RUN_IN_LABEL.split(text) if p.strip() for q in run_in_items(p.strip())]
    found = list(_RUN_IN_NUMBER.finditer(text))
    best = [found[k] for k in rising_run([int(m.group("n")) for m in found])]
    lead = re.match(r"^(\d{1,3})\.\s", text)
    # a line that opens with its own number needs one more in turn ("7. Tree Survey ... 8.
    # Provision of HGV signs ..."); a line that does not, a run of three
    led = bool(lead and best and int(best[0].group("n")) == int(lead.group(1)) + 1)
    if len(best) + led < (_RUN_IN_MIN - 1 if led else _RUN_IN_MIN):
        return _run_in_sub_items(text)
    cuts = [m.start("n") for m in best]
    pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return [q for p in pieces if p for q in _run_in_sub_items(p)]


def _run_in_sub_items(piece: str) -> list[str]:
    """Split an item's text at its own decimal sub-items run in after it ("5. To report
    progress ... 5.1 Highway and Footpath defects ... 5.2 Additional Signage ..."), numbered
    from 1 in turn."""
    lead = _ITEM_LEAD.match(piece)
    if not lead:
        return [piece]
    # after "5. ..." its sub-items from 5.1; after "11.1 ..." from 11.2
    at = int(lead.group(2)) if lead.group(2) else 0
    pattern = rf"(?<=\S)\s+(?P<ref>{lead.group(1)}\.(?P<n>\d{{1,2}}))\s+(?=[A-Z])"
    return _cut(piece, _in_turn(re.finditer(pattern, piece), at))


def _in_turn(found: Iterable[re.Match[str]], at: int) -> list[int]:
    """Where the sub-item numbers in ``found`` that follow ``at`` in turn start; one number
    may be missed ("6.2 Handyman's Report ... 6.4 Police Report", West Dereham PC)."""
    cuts: list[int] = []
    for m in found:
        n = int(m.group("n"))
        # or one printed twice after a sentence's end ("... which was unanimously agreed. 8.3
        # To agree training contribution ..." after 8.3 to 8.6, West Dereham PC)
        again = cuts and n <= at and m.string[: m.start()].rstrip().endswith((".", "!", "?"))
        if 0 < n - at <= 1 + bool(cuts) or again:
            cuts.append(m.start("ref"))
            at = max(at, n)
    return cuts


def _run_on_sub_items(text: str, item: int, at: int) -> list[str]:
    """Split a paragraph that runs on from sub-item ``item``.``at`` at the sub-items that
    follow it in turn, each after a sentence's end."""
    pattern = rf"(?<=[.:;!?)])\s+(?P<ref>{item}\.(?P<n>\d{{1,2}}))\s+(?=[A-Z])"
    return _cut(text, _in_turn(re.finditer(pattern, text), at))


def _cut(text: str, cuts: list[int]) -> list[str]:
    """``text`` cut before each offset in ``cuts``."""
    if not cuts:
        return [text]
    bounds = zip([0, *cuts], [*cuts, len(text)], strict=True)
    return [p for a, b in bounds if (p := text[a:b].strip())]


@dataclass
class PartView:
    """A part of a paper and the document slice it covers."""

    part_no: int | None
    type: str
    title: str | None
    date: dt.date | None
    doc: Document


def parts_of(doc: Document, ctx: PaperContext, types: tuple[str, ...]) -> list[PartView]:
    """Return the parts of ``doc`` whose type is in ``types``.

    Uses ``ctx.parts`` and the slices the segment stage made (exact to the block, so text
    exports without page breaks still split); a paper with no parts is one part of the type its
    doc type implies.
    """
    views: list[PartView] = []
    if ctx.parts:
        for p in ctx.parts:
            if p.type not in types:
                continue
            sub = ctx.document_of(p, doc)
            views.append(PartView(p.part_no, p.type, p.title, p.date, sub))
        return views
    ptype = PART_TYPE_OF_DOC_TYPE.get(ctx.doc_type, "other")
    if ptype in types:
        views.append(PartView(1, ptype, ctx.title, ctx.paper_date, doc))
    return views


# --- dates and times -------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_WORDS = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+day\s+of)?\s+(" + _MONTH_RE + r")\b\.?,?"
    r"(?:\s+(\d{4}))?",
    re.I,
)
_DATE_NUM = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
_TIME = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|\b([01]?\d|2[0-3]):([0-5]\d)\b"
    r"|\b(noon|midday)\b",
    re.I,
)


@dataclass
class FoundDate:
    """A date found in text, with its span and whether its year was completed."""

    date: dt.date
    start: int
    end: int
    inferred_year: bool = False


def find_dates(text: str, reference: dt.date | None = None) -> list[FoundDate]:
    """Return the dates written in ``text`` (day first), in order.

    A date with no year takes the year of ``reference`` (flagged ``inferred_year``) or is
    skipped when there is no reference.
    """
    try:
        from extractors.values.dates import find_dates as shared

        found = shared(text, reference)
        return [
            FoundDate(f.date, f.start, f.end, bool(getattr(f, "inferred_year", False)))
            for f in found
        ]
    except ImportError:
        pass
    out: list[FoundDate] = []
    for m in _DATE_WORDS.finditer(text):
        day, month = int(m.group(1)), _MONTHS.get(m.group(2).lower().rstrip("."))
        year_txt = m.group(3)
        inferred = year_txt is None
        if inferred and reference is None:
            continue
        year = int(year_txt) if year_txt else reference.year  # type: ignore[union-attr]
        try:
            out.append(FoundDate(dt.date(year, month or 0, day), m.start(), m.end(), inferred))
        except ValueError:
            continue
    for m in _DATE_NUM.finditer(text):
        year = int(m.group(3))
        year = year + 2000 if year < 100 else year
        try:
            out.append(
                FoundDate(dt.date(year, int(m.group(2)), int(m.group(1))), m.start(), m.end())
            )
        except ValueError:
            continue
    return sorted(out, key=lambda f: f.start)


def find_times(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield each clock time in ``text`` as ("HH:MM", start, end): "2.00 pm", "2pm", "14:00"."""
    for m in _TIME.finditer(text):
        if m.group(6):
            yield "12:00", m.start(), m.end()
        elif m.group(3):
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            if not 1 <= hour <= 12 or minute > 59:
                continue
            pm = m.group(3).lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
            yield f"{hour:02d}:{minute:02d}", m.start(), m.end()
        else:
            yield f"{int(m.group(4)):02d}:{m.group(5)}", m.start(), m.end()


def first_time(text: str) -> str | None:
    """Return the first clock time in ``text`` as "HH:MM", or None."""
    return next((t for t, _, _ in find_times(text)), None)


@functools.cache
def _action_heads() -> frozenset[str]:
    return frozenset(r["header"] for r in load_table("action_table_headers.csv"))


def is_action_table_head(row: str) -> bool:
    """Whether a table row is the head of a minutes or action table ("No\tItem\tAction by",
    "NO\tACTION\tOWNER"): two or more of its cells are such heads."""
    cells = [c.strip().lower() for c in row.split("\t")]
    return sum(c in _action_heads() for c in cells) >= 2
