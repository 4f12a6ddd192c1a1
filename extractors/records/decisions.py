"""Decision notices: the decisions a meeting took, printed as a form rather than as minutes.

A decision notice (ModernGov's "Decision Recording Form", a committee's "Decision notice")
gives, for each item the meeting decided, its subject and agenda item ("(a) Subject: Cycle
Hangar Policy (agenda item 10)") and the decision taken ("(d) Decision taken / That the
Committee: 1. ... 2. ..."), between the form's other labelled fields ("(e) Exempt
Information?", "Reason for decision:"). When the notice names the meeting that took them
("Decision determined at Transport & Connectivity Policy Committee meeting on 23 October
2025"), the meeting is recorded, each subject is a minute item under the agenda number it
prints, and each numbered decision a resolution. A record of a decision one person took outside
a meeting (an executive member's "Record of decision") names no meeting: it gives no meeting
and no minute items, and its decisions are resolutions with no meeting, under the decision
number the record prints ("DECISION NUMBER: 24/00093").
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.base import Extraction, PaperContext
from extractors.records.meeting_ids import meeting_id_for
from extractors.records.minutes import MEETING_FIELD, resolution_verb
from extractors.text.meeting_text import Line, find_dates, fold, lines_of, parts_of
from schemas.document import Document
from schemas.records import Meeting, MinuteItem, Resolution

#: the meeting the notice records: "Decision determined at <body> meeting on <date>"
_DECIDED_AT = re.compile(
    r"\bDecisions?\s+(?:determined|taken|made)\s+(?:at|by)\s+(?:the\s+)?(?P<body>.+?)\s+"
    r"(?:meeting\s+)?(?:held\s+)?on\s+(?P<date>.+)$",
    re.I,
)
#: the subject of one decision: "(a) Subject: Cycle Hangar Policy"
_SUBJECT = re.compile(r"^(?:\([a-z]\)\s*)?Subject\s*:\s*(?P<title>.*)$", re.I)
#: the agenda item the decision was taken under: "(agenda item 7)"
_AGENDA_ITEM = re.compile(r"\(\s*agenda\s+item\s+(?P<ref>\d{1,3}[a-z]?)\s*\)", re.I)
#: the field holding the decision: "(d) Decision taken", "Decision:", "Decisions made:"
_DECISION_FIELD = re.compile(
    r"^(?:\([a-z]\)\s*)?Decisions?(?:\s+(?:taken|made|agreed))?\s*:?\s*(?P<rest>.*)$", re.I
)
#: the next field of the form: "(e) Exempt Information?", "Reason(s) for decision:", and the
#: fields a committee system's decision page prints after the decision ("Report author:",
#: "Publication date:", "Decided at meeting:", ModernGov pages of many councils)
_NEXT_FIELD = re.compile(
    r"^\([a-z]\)\s+\S|^Reasons?(?:\(s\))?\s+for\s+(?:the\s+)?decision"
    r"|^(?:alternative\s+options?\s+considered|report\s+author|publication\s+date"
    r"|date\s+of\s+decision|decided\s+at\s+meeting|effective\s+from|accompanying\s+documents"
    r"|interests\s+and\s+dispensations|wards?\s+affected|contact|reasons?)\s*:",
    re.I,
)
#: the heading of a committee system's decision page, over the decision's title
_PAGE_HEADING = re.compile(r"^(?:decision\s+details|issue\s*[-–]\s*decisions)$", re.I)
#: the record's own number: "DECISION NUMBER: 24/00093", "Decision reference: 2025/014"
_DECISION_NUMBER = re.compile(
    r"^Decision\s+(?:number|no\.?|ref(?:erence)?)\s*:?\s*(?P<ref>\S.*)?$", re.I
)
#: a decision published before it is taken: "PROPOSED RECORD OF DECISION"
_PROPOSED = re.compile(r"\bproposed\s+(?:\w+\s+){0,3}?decision\b", re.I)
#: a numbered decision: "1. noted this report", "1.That the Committee approved", "1.1 Approved
#: the allocation of £300,000 ..." (a report's paragraph numbers), "(ii) That the inclusion ..."
_NUMBERED = re.compile(
    r"^(?P<n>\d{1,2}(?:\.\d{1,2}(?=\s)|[.)])|\((?:[ivx]{1,5}|[a-h])\))\s*(?P<text>\S.*)$"
)
_ROMAN = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
#: a decision field opened by the word the minutes mark decisions with: "RESOLVED:(i) That the
#: £117k of adjustments ... be noted;" (York CC's "Issue - decisions" page)
_RESOLVED_FIELD = re.compile(r"^(?:RESOLVED|DECIDED)\b\s*[:–-]?\s*(?P<rest>.*)$")


def names_meeting(doc: Document) -> bool:
    """Whether a decision notice names the meeting that took its decisions."""
    return _meeting_line(_form_lines(lines_of(doc))) is not None


def _meeting_line(lines: list[Line]) -> tuple[int, re.Match[str]] | None:
    """The line near the top that names the meeting ("Decision determined at ... meeting on
    23 October 2025"): its index and match, or None."""
    found = next(
        ((i, m) for i, ln in enumerate(lines[:15]) if (m := _DECIDED_AT.search(ln.text))),
        None,
    )
    return found or next(
        ((i, m) for i, ln in enumerate(lines) if (m := MEETING_FIELD.match(ln.text))),
        None,
    )


def _form_lines(lines: list[Line]) -> list[Line]:
    """The lines of a form, a table's rows split into their printed lines and their cells
    read left to right ("(a) | Subject: | Cycle Hangar Policy / (agenda item 10)")."""
    out = []
    for line in lines:
        for k, piece in enumerate(line.text.split("\n")):
            text = " ".join(piece.replace("\t", " ").split())
            if text:
                out.append(Line(text, line.page, line.first and k == 0, line.kind))
    return out


def _field_lines(lines: list[Line], start: int) -> list[Line]:
    """The lines of the decision field that opens at ``start`` (its label line excluded)."""
    out = []
    last = 0  # the last "(i)", "(ii)" ... of the field: "(v)" after "(iv)" is no form field
    for line in lines[start + 1 :]:
        text = line.text.strip()
        number = re.match(r"^\(([ivx]{1,5})\)", text)
        value = _ROMAN.index(number.group(1)) if number and number.group(1) in _ROMAN else 0
        follows = last > 0 and value == last + 1
        if (_NEXT_FIELD.match(text) and not follows) or _SUBJECT.match(text):
            break
        last = value or last
        out.append(line)
    return out


def read_decisions(field: list[Line]) -> list[tuple[str, int]]:
    """The decisions of one decision field, in order, as (text, page): each numbered clause,
    its wrapped lines joined, without its number; a field with no numbers is one decision.
    An introduction ending in a colon ("That the Transport and Connectivity committee:") is
    not a decision."""
    kept = [ln for ln in field if ln.text.strip()]
    texts = [(ln.text.replace("\t", " ").strip(), ln.page) for ln in kept]
    introduced = bool(texts) and texts[0][0].endswith(":") and not _NUMBERED.match(texts[0][0])
    if introduced:
        texts, kept = texts[1:], kept[1:]
    if not any(_NUMBERED.match(t) for t, _ in texts):
        if introduced and sum(ln.first for ln in kept) > 1:
            # "I agree to:" over paragraphs printed without numbers ("APPROVE the proposal
            # ...", "DELEGATE authority ..."): a decision each
            paragraphs: list[tuple[list[str], int]] = []
            for ln, (text, page) in zip(kept, texts, strict=True):
                if ln.first or not paragraphs:
                    paragraphs.append(([text], page))
                else:
                    paragraphs[-1][0].append(text)
            return [(fold(" ".join(parts)), page) for parts, page in paragraphs]
        joined = fold(" ".join(t for t, _ in texts))
        return [(joined, texts[0][1])] if joined else []
    out: list[tuple[list[str], int]] = []
    for text, page in texts:
        m = _NUMBERED.match(text)
        if m:
            out.append(([m.group("text")], page))
        elif out:
            out[-1][0].append(text)
    return [(fold(" ".join(parts)), page) for parts, page in out]


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read a decision notice that names its meeting into the meeting, its items and the
    decisions taken."""
    out = Extraction()
    if ctx.doc_type != "decision":
        return out
    for part in parts_of(doc, ctx, ("report", "decision", "other")):
        lines = _form_lines(lines_of(part.doc))
        held = _meeting_line(lines)
        if held is None:
            # a decision one member took: no meeting, so no minutes of one
            _add_member_decisions(out, lines, ctx.paper_id)
            continue
        at, m = held
        dates = find_dates(m.group("date"))
        mid = meeting_id_for(ctx.paper_id, part.part_no, "minutes")
        out.add(
            "meetings",
            Meeting(
                meeting_id=mid,
                paper_id=ctx.paper_id,
                part_no=part.part_no,
                body=fold(m.group("body")),
                date=dates[0].date if dates else None,
                source="minutes",
                page=lines[at].page,
                evidence=fold(lines[at].text),
            ),
        )
        position = 0
        for i, line in enumerate(lines):
            subject = _SUBJECT.match(line.text.strip())
            if not subject:
                continue
            # a long subject wraps onto the lines before its "(agenda item 16)"
            words = [subject.group("title")]
            for nxt in lines[i + 1 : i + 4]:
                if _NEXT_FIELD.match(nxt.text) or _DECISION_FIELD.match(nxt.text):
                    break
                words.append(nxt.text)
                if _AGENDA_ITEM.search(nxt.text):
                    break
            near = " ".join(words)
            item = _AGENDA_ITEM.search(near)
            title = near[: item.start()] if item else subject.group("title")
            title = title.strip(" \t:")
            field_at = next(
                (
                    k
                    for k in range(i + 1, len(lines))
                    if _DECISION_FIELD.match(lines[k].text.strip())
                    or _SUBJECT.match(lines[k].text.strip())
                ),
                None,
            )
            if field_at is None or _SUBJECT.match(lines[field_at].text.strip()):
                continue
            position += 1
            ref = item.group("ref") if item else None
            field = _field_lines(lines, field_at)
            out.add(
                "minute_items",
                MinuteItem(
                    meeting_id=mid,
                    paper_id=ctx.paper_id,
                    ref=ref,
                    position=position,
                    title=fold(title),
                    text=fold(" ".join(ln.text for ln in field)),
                    page=line.page,
                ),
            )
            _add_decisions(out, field, ctx.paper_id, mid, ref)
        if position == 0:
            _add_page_decision(out, lines, ctx.paper_id, mid)
    return out


def _add_page_decision(out: Extraction, lines: list[Line], paper_id: str, mid: str) -> None:
    """A committee system's page of one decision a meeting took ("Decision details" / title /
    "Decision:" / 1) ... 2) ... / "Decided at meeting: ..."): its title is the minute item
    (the page prints no item number) and each numbered point a resolution."""
    found = _decision_field(lines)
    if found is None:
        # no "Decision:" label: the numbered list after the page's fields ("Cabinet" / "1)
        # APPROVED the award of Community Grants ..."), led in by the line before it
        first = next((k for k, ln in enumerate(lines) if _NUMBERED.match(ln.text.strip())), None)
        if not first:
            return
        found = first - 1, _field_lines(lines, first - 1)
    field_at, field = found
    heading = next((k for k, ln in enumerate(lines[:10]) if _PAGE_HEADING.match(ln.text)), None)
    title_line = lines[heading + 1] if heading is not None and heading + 1 < field_at else None
    if title_line is not None:
        out.add(
            "minute_items",
            MinuteItem(
                meeting_id=mid,
                paper_id=paper_id,
                ref=None,
                position=1,
                title=fold(title_line.text),
                text=fold(" ".join(ln.text for ln in field)),
                page=lines[field_at].page,
            ),
        )
    _add_decisions(out, field, paper_id, mid, None)


def _add_member_decisions(out: Extraction, lines: list[Line], paper_id: str) -> None:
    """The decisions of a record of a decision one member took: resolutions with no meeting,
    under the number the record prints for the decision. A proposed decision ("PROPOSED
    RECORD OF DECISION", published before it is taken) has none yet."""
    if any(_PROPOSED.search(ln.text) for ln in lines[:5]):
        return
    ref = None
    for i, line in enumerate(lines[:30]):
        m = _DECISION_NUMBER.match(line.text.strip())
        if m:
            ref = m.group("ref") or (lines[i + 1].text.strip() if i + 1 < len(lines) else None)
            break
    found = _decision_field(lines)
    if found is None:
        return
    _add_decisions(out, found[1], paper_id, None, ref)


def _decision_field(lines: list[Line]) -> tuple[int, list[Line]] | None:
    """Where a decision field opens and its lines: under a "Decision:" label alone on its
    line, or after "RESOLVED:" (with the first decision on its line); None when neither."""
    for k, ln in enumerate(lines):
        m = _DECISION_FIELD.match(ln.text.strip())
        if m and not m.group("rest"):
            return k, _field_lines(lines, k)
    for k, ln in enumerate(lines):
        m = _RESOLVED_FIELD.match(ln.text.strip())
        if m:
            first = [replace(ln, text=m.group("rest"))] if m.group("rest") else []
            return k, first + _field_lines(lines, k)
    return None


def _add_decisions(
    out: Extraction, field: list[Line], paper_id: str, meeting_id: str | None, ref: str | None
) -> None:
    """A resolution per decision of a decision field, numbered in printed order."""
    for n, (text, page) in enumerate(read_decisions(field), 1):
        out.add(
            "resolutions",
            Resolution(
                meeting_id=meeting_id,
                paper_id=paper_id,
                minute_ref=ref,
                number=n,
                text=text,
                verb=resolution_verb(text),
                page=page,
            ),
        )
