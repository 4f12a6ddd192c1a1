"""Meeting pages that print each agenda item as a table row with its minutes or decision.

A committee system's meeting page ("Agenda and minutes", "Agenda and decisions": ModernGov,
the system of most English and Welsh councils, prints its item table ``mgItemTable`` the same
way for every council) is a table of item rows: the item's number in one cell; its title, the
agenda text and, under a label on a line of its own (``data/item_row_labels.csv``: "Minutes:",
"Decision:"), the record of the item in the next. The layout, not the wording, tells what each
part is, so each row is read by its structure:

* a row with a "Minutes:" section is a minute item (ref = the printed number, title = the
  printed title); its resolutions are read from the minute text as a minutes paper's are
  (``RESOLVED`` blocks, decisions worded in prose);
* a "Decision:" section is what the meeting decided: a numbered or lettered list gives one
  resolution per point without the shared lead-in ("That the Committee:"), unnumbered text is
  resolution 1. It gives the item's resolutions even when the row also prints its minutes;
  a row with a decision and no minutes makes no minute item (the page prints no minute);
* on a page typed minutes, each row is an agenda item too: the page is the meeting's agenda as
  well as its record, and both carry the one meeting id of the part.

Long sections are cut short by the page ("... view the full minutes text for item 8."): only
what is printed is kept, with an info finding. Nothing is read from a part whose text the
minutes reader already splits into minutes (no record twice).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from extractors.base import Extraction, PaperContext
from extractors.datafiles import load_table
from extractors.records.agenda import strip_link_label
from extractors.records.meeting_ids import meeting_id_for
from extractors.records.minutes import (
    Minute,
    ResolutionText,
    approved_minutes_date,
    marks_its_decisions,
    prose_resolutions,
    read_minutes,
    read_resolutions,
    resolution_row,
)
from extractors.text.meeting_text import Line, clean, fold, lines_of, parts_of
from schemas.document import Document, Table
from schemas.records import AgendaItem, MinuteItem

#: the item number cell: "1.", "12", "4a."
_NUMBER = re.compile(r"^(?P<n>\d{1,3})(?P<sub>[a-z])?\.?$")
#: where a page cuts a long section short: "... view the full minutes text for item 8." (the
#: ModernGov template's link, whatever the council)
_CUT = re.compile(r"\s*(?:\.{3}|…)?\s*view\s+the\s+full\s+\w+\s+text\s+for\s+item\b.*$", re.I)
#: the marker of a point of a numbered or lettered list: "(1)", "1.", "(a)", "a)", "(iv)"
_POINT = re.compile(
    r"^(?:\((?P<p>\d{1,2}|[a-z]|[ivx]{1,4})\)|(?P<n>\d{1,2}|[a-z])[.)])\s+(?P<text>\S.*)$", re.I
)
#: a text of one sentence: no full stop, question or exclamation mark before its last word
_ONE_SENTENCE = re.compile(r"^[^.!?]+[.!?]?$")


@dataclass
class ItemRow:
    """One item row of a meeting page: number, title and its labelled sections."""

    number: int
    sub: str | None
    title: str
    page: int
    agenda: list[str] = field(default_factory=list)  # text under the title
    minutes: list[str] = field(default_factory=list)
    decision: list[str] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)  # sections the page cut short

    @property
    def ref(self) -> str:
        """The item's reference as printed, without its full stop ("4a")."""
        return f"{self.number}{self.sub or ''}"


@functools.cache
def _labels() -> dict[str, str]:
    return {r["label"].lower(): r["kind"] for r in load_table("item_row_labels.csv")}


def _label(line: str) -> str | None:
    """The kind of section a line opens ("Minutes:" -> "minutes"), or None; the label's colon
    is required (a line "Minutes" in an item's text is a word, not a label)."""
    line = line.strip()
    return _labels().get(line[:-1].strip().lower()) if line.endswith(":") else None


def _row(cells: list[str], page: int) -> ItemRow | None:
    cells = [c for c in cells if c.strip()]
    if len(cells) < 2:
        return None
    m = _NUMBER.match(clean(cells[0]))
    if not m:
        return None
    lines = [clean(ln) for ln in "\n".join(cells[1:]).split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        return None
    row = ItemRow(int(m.group("n")), m.group("sub"), strip_link_label(lines[0]), page)
    section: list[str] | None = row.agenda
    kind = "agenda"
    for ln in lines[1:]:
        label = _label(ln)
        if label is not None:
            kind = label
            section = getattr(row, label, None) if label in ("minutes", "decision") else None
            continue
        if section is None:
            continue
        cut = _CUT.search(ln)
        if cut:
            ln = ln[: cut.start()].rstrip()
            row.cut.append(kind)
        if ln:
            section.append(ln)
    return row


def item_rows(doc: Document) -> list[ItemRow]:
    """Return the item rows of the tables of ``doc`` that record an item's minutes or decision
    under a section label; an empty list when no table does (an agenda's item table)."""
    for table in (i for i in doc.iter_items() if isinstance(i, Table)):
        rows = [
            r
            for k, cells in enumerate(table.rows)
            if (r := _row(cells, table.row_pages[k] if k < len(table.row_pages) else table.page))
        ]
        if any(r.minutes or r.decision for r in rows):
            return rows
    return []


def _lines(texts: list[str], page: int) -> list[Line]:
    return [Line(t, page, True, "list_item" if t.startswith("- ") else "paragraph") for t in texts]


def read_decision(texts: list[str], page: int) -> list[ResolutionText]:
    """The resolutions of a "Decision:" section: one per point of its numbered or lettered list
    (the lead-in "That the Committee:" left out, a point's run-on lines joined), else the text
    as resolution 1; a section that marks its decisions "RESOLVED" is read as minutes are."""
    marked = read_resolutions(_lines(texts, page))
    if marked:
        return marked
    first = next((k for k, t in enumerate(texts) if _POINT.match(t)), None)
    if first is None:
        text = fold(" ".join(texts))
        return [ResolutionText(1, text, page)] if text else []
    intro = fold(" ".join(texts[:first]))
    points: list[list[str]] = []
    for t in texts[first:]:
        m = _POINT.match(t)
        if m:
            points.append([m.group("text")])
        else:
            points[-1].append(t)
    return [ResolutionText(n, fold(" ".join(p)), page, intro) for n, p in enumerate(points, 1)]


def _minute_resolutions(rows: list[ItemRow]) -> list[list[ResolutionText]]:
    """Each minute's resolutions: its RESOLVED blocks, else its decisions in prose. When the
    page marks its decisions in two or more items, prose counts only when worded as the
    meeting's own ("It was agreed to"), as in printed minutes, or when it is the whole minute:
    a minute of one sentence ("The minutes of the meeting held on 26 January 2026 were
    approved.") is the item's record, and a decision worded so is the item's decision."""
    marked = [read_resolutions(_lines(r.minutes, r.page)) for r in rows]
    resolved_only = marks_its_decisions(marked)
    out = []
    for r, m in zip(rows, marked, strict=True):
        text = "\n\n".join(r.minutes)
        found = m or prose_resolutions(text, r.page, r.title, resolved_only)
        if not found and resolved_only and len(r.minutes) == 1 and _ONE_SENTENCE.match(text):
            found = prose_resolutions(text, r.page, r.title)
        out.append(found)
    return out


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read the item rows of a meeting page's agenda or minutes part into minute items,
    resolutions and (for a part typed minutes) agenda items of the part's meeting."""
    out = Extraction()
    for part in parts_of(doc, ctx, ("agenda", "minutes")):
        rows = item_rows(part.doc)
        if not rows:
            continue
        lines = lines_of(part.doc)
        if part.type == "minutes" and read_minutes(lines).items:
            continue  # the minutes reader has read this part's minutes
        mid = meeting_id_for(ctx.paper_id, part.part_no, part.type)
        meeting_date = part.date or ctx.paper_date
        minuted = [r for r in rows if r.minutes]
        for r in rows:
            if r.cut:
                out.finding(
                    ctx.paper_id,
                    "info",
                    "item_text_cut",
                    f"the page prints item {r.ref}'s {' and '.join(r.cut)} cut short; "
                    "only the printed text is read",
                    r.page,
                )
            if part.type == "minutes":
                agenda_text = fold(" ".join(r.agenda))
                out.add(
                    "agenda_items",
                    AgendaItem(
                        meeting_id=mid,
                        paper_id=ctx.paper_id,
                        number=r.number,
                        sub_item=r.sub,
                        title=r.title,
                        description=agenda_text or None,
                        to_follow=False,
                        exempt=False,
                        page=r.page,
                        evidence=fold(f"{r.ref}. {r.title} {agenda_text}")[:500],
                    ),
                )
        for position, (r, found) in enumerate(
            zip(minuted, _minute_resolutions(minuted), strict=True), 1
        ):
            text = fold(" ".join(r.minutes))
            out.add(
                "minute_items",
                MinuteItem(
                    meeting_id=mid,
                    paper_id=ctx.paper_id,
                    ref=r.ref,
                    position=position,
                    title=r.title,
                    text=text,
                    page=r.page,
                ),
            )
            minute = Minute(ref=r.ref, title=r.title, text=text, page=r.page)
            if r.decision:  # the page prints the decision apart: it is what was decided
                found = read_decision(r.decision, r.page)
            _add_resolutions(out, ctx, mid, r.ref, found, minute, meeting_date)
        for r in rows:
            if r.decision and not r.minutes:
                minute = Minute(ref=r.ref, title=r.title, text="", page=r.page)
                found = read_decision(r.decision, r.page)
                _add_resolutions(out, ctx, mid, r.ref, found, minute, meeting_date)
    return out


def _add_resolutions(
    out: Extraction,
    ctx: PaperContext,
    mid: str,
    ref: str,
    found: list[ResolutionText],
    minute: Minute,
    meeting_date: dt.date | None,
) -> None:
    for res in found:
        approves, inferred = approved_minutes_date(res.text, minute, meeting_date)
        if inferred:
            out.finding(
                ctx.paper_id,
                "info",
                "date_year_inferred",
                f"date of the minutes approved in item {ref} ({approves}) had no year; "
                "completed from the meeting's date",
                res.page,
            )
        out.add("resolutions", resolution_row(mid, ctx.paper_id, ref, res.number, res, approves))
