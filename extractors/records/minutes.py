"""Minutes: the meeting a minutes part records, its minutes and the resolutions inside them.

The heading ("Minutes of the meeting of X held on Wednesday 10 March 2021 at 2.00 pm", "MINUTES
of a meeting of the Cabinet held in <venue> on <date>") gives body, date, start time and venue;
the closing line ("The meeting closed at 3.25 pm") the end time. Minute headings open with a
reference (``data/minute_ref_patterns.csv``: "SMK10", "45/21", "76.", "Minute 45") or are a
title followed by "(Item 5)". Inside a minute, a RESOLVED block holds numbered clauses (1. /
(1) / (a) / a) / (i)) or one paragraph (number 1); the main verb of each comes from
``data/resolution_verbs.csv``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from extractors.base import Extraction, PaperContext
from extractors.datafiles import load_table
from extractors.memo import document_memo
from extractors.records.meeting_ids import meeting_id_for
from extractors.text.meeting_text import (
    EARLIER_MINUTES_APPROVED,
    Line,
    MeetingFacts,
    find_dates,
    find_times,
    first_time,
    fold,
    is_action_table_head,
    lines_of,
    parts_of,
)
from extractors.text.table_text import row_paragraphs
from extractors.values.refs import rising_run
from schemas.document import Document
from schemas.records import Meeting, MinuteItem, Resolution

_ITEM_LINE = re.compile(r"^\(\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?(\d{1,3}[a-z]?)\s*\)\.?$", re.I)
_RESOLVED = re.compile(
    r"^(?:(?P<outer>\(?\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-z][.)])\s+)?"
    r"(?P<word>RESOLVED|Resolved|RECOMMENDED|AGREED|DECIDED)(?:\s+(?:unanimously|UNANIMOUSLY))?"
    r"(?P<sep>\s*[:\-–—,]\s*|\s+(?=that\b|That\b|to\b|\w)|\s*$)(?P<rest>.*)$"
)
_CLAUSE = re.compile(
    r"^(?:\((?P<p>\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\)|(?P<n>\d{1,2}|[a-zA-Z]|"
    r"[ivx]{1,4})[.)])\s+(?P<text>\S.*)$"
)
_CLOSE = re.compile(
    r"\b(?:meeting\s+(?:was\s+)?(?:closed|ended|finished|concluded|terminated|rose|closed\s+at)"
    r"|closed\s+the\s+meeting|meeting\s+ended|the\s+meeting\s+closed)\b[^.]{0,20}?\bat\b"
    # Welsh: "daeth y cyfarfod i ben am 9.45pm" (the meeting came to an end at)
    r"|\bdaeth\s+y\s+cyfarfod\s+i\s+ben\s+am\b",
    re.I,
)
#: the line that heads the minutes: "Minutes of ...", in Welsh "Cofnodion ..." or "Cynhaliwyd
#: cyfarfod ..." (a meeting was held)
_HEAD = re.compile(
    r"\bminutes\b|^(?:draft\s+|approved\s+)?minute$|\bcofnodion\b|\bcynhaliwyd\s+cyfarfod\b", re.I
)
#: a start time printed before the date: "held in The Community Centre At 7.30pm on Wednesday
#: 18 May 2011" (Stoke Ferry PC), "am 7.30pm ar y 13eg Mawrth 2019" (Welsh, Manordeilo CC)
_TIME_BEFORE_DATE = re.compile(r"\b(?:at|am)\s+(?P<t>[^,;]{1,12}?)\s+(?:on|ar)\s*(?:y\s+)?$", re.I)
_BODY_OF = re.compile(
    r"\bminutes\s+(?:of|from)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?(?:meeting|proceedings)\s+"
    r"(?:\([^()]{1,12}\)\s+)?of\s+"  # "Minutes of Meeting (no.445) of Broomhill Community Council"
    # the body ends at "held", "on", "at" or the date: "... of Broomhill Community Council /
    # 12th November 2025, 19:00-20:30."
    r"(?:the\s+)?(?P<body>.+?)\s+(?:(?:held|on|at)\b|(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}))",
    re.I,
)
#: the body named before "meeting" or as the subject of "was held": "Minutes of the Finance
#: Committee Meeting held on ..." (Abergavenny TC), "A meeting of the Grants to Voluntary Bodies
#: Committee was held on ..." (Chipping Norton TC)
_BODY_MEETING = re.compile(
    r"\bminutes\s+of\s+(?:the\s+|a\s+)?(?P<body>(?:[A-Z][\w&'’-]*\s+){0,6}?"
    r"(?:Committee|Sub-Committee|Council|Panel|Board|Partnership|Forum|Cabinet|Authority))"
    r"\s+meeting\s+(?:held|on|at)\b"
    r"|\b(?:a|an|the)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(?P<body2>[A-Z][^.;]{2,80}?)\s+"
    r"(?:was|were)\s+held\b",
    re.I,
)
#: a start time named by its verb after the date and place
_STARTED_AT = re.compile(
    r"\b(?:starting|commencing|commenced|started|starts|beginning|began)\s+at\s+(?P<t>.{1,12})",
    re.I,
)
_BARE_TITLE = re.compile(r"^(?:draft\s+|approved\s+|confirmed\s+)?minutes?$", re.I)
_BODY_WORD = re.compile(
    r"\b(?:council|committee|panel|board|partnership|authority|forum|cabinet|executive)\b", re.I
)
_BODY_EXCERPT = re.compile(r"\bminutes?\s+\w*\s*from\s+(?:the\s+)?(?P<body>.+?)\s*[–—-]\s*\d", re.I)
_VENUE = re.compile(
    r"\bheld\s+(?:in|at)\s+(?P<venue>.+?)(?:\s+on\s+(?:\w+day,?\s+)?\d|\.(?=\s|$)|$)"
    # Welsh: "... ar y 13eg Mawrth 2019 yn yr Ystafell Ddarllen, Cwmifor."
    r"|\d{4}\s+yn\s+(?:yr?\s+)?(?P<venue_cy>[A-Z].+?)(?:\.(?=\s|$)|$)",
    re.I,
)
_DROP_CAP = re.compile(r"^([A-Z]) ([a-z]{2,})")


@dataclass
class ResolutionText:
    """A resolution clause read from a minute."""

    number: int
    text: str
    page: int
    intro: str = ""  # the words that introduce a list of clauses ("agree the following:")
    opener: str = ""  # for a decision read from prose, the words that opened it ("It was agreed")


@dataclass
class Minute:
    """A minute: reference, title, body text and the resolutions inside it."""

    ref: str
    title: str
    text: str
    page: int
    resolutions: list[ResolutionText] = field(default_factory=list)


@dataclass
class MinutesRead:
    """What was read from a minutes part."""

    items: list[Minute]
    first_item_index: int
    starts: list[int] = field(default_factory=list)  # line index of each minute's heading
    #: decisions the meeting took before its first numbered minute ("As both the chairman and
    #: vice-chairman were absent ... It was unanimously agreed that Cllr Rochford take the chair.")
    opening: list[ResolutionText] = field(default_factory=list)


@functools.cache
def _ref_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (r["style"], re.compile(r["pattern"])) for r in load_table("minute_ref_patterns.csv")
    )


@functools.cache
def _verbs() -> tuple[tuple[str, str, object], ...]:
    rows = []
    for r in load_table("resolution_verbs.csv"):
        pat = re.compile(r["pattern"], re.I) if r["kind"] == "cue" else r["pattern"].lower()
        rows.append((r["kind"], r["verb"], pat))
    return tuple(rows)


_INTRO_VERB = re.compile(r"\b(\w+)\s+(?:the\s+following|as\s+follows)\b[^:.]*:", re.I)


def _cue_verb(word: str) -> str | None:
    for kind, verb, pat in _verbs():
        if kind == "cue" and pat.fullmatch(word):  # type: ignore[union-attr]
            return verb
    return None


def resolution_row(
    meeting_id: str,
    paper_id: str,
    minute_ref: str | None,
    number: int,
    res: ResolutionText,
    approves: dt.date | None = None,
) -> Resolution:
    """The resolutions row of one decision read under ``minute_ref`` (None before the first
    minute), numbered ``number``."""
    return Resolution(
        meeting_id=meeting_id,
        paper_id=paper_id,
        minute_ref=minute_ref,
        number=number,
        text=res.text,
        verb=resolution_verb(res.text, res.intro),
        approves_minutes_of=approves,
        page=res.page,
    )


def resolution_verb(text: str, intro: str = "") -> str | None:
    """Return the main verb of a resolution ("noted", "approved", ...) or None.

    Takes the clause text and the words introducing its list, whose verb ("... agree the
    following:") stands for clauses that have none of their own ("(b) The Capital Strategy").
    """
    first = re.match(r"^(to\s+)?([A-Za-z]+)", text, re.I)
    if first and (first.group(1) or first.group(2)[0].isupper()):
        hit = _cue_verb(first.group(2))
        if hit:
            return hit
    m = re.search(r"\bbe\s+(?:\w+ly\s+)?(\w+)", text, re.I)
    participle = m.group(1).lower() if m else None
    for kind, verb, pat in _verbs():
        if kind == "participle" and participle == pat:
            return verb
    lead = _INTRO_VERB.search(intro)
    if lead and _cue_verb(lead.group(1)):
        return _cue_verb(lead.group(1))
    for kind, verb, pat in _verbs():
        if kind == "cue" and pat.search(text):  # type: ignore[union-attr]
            return verb
    return None


def _match_ref(text: str) -> tuple[str, str, str] | None:
    for style, pat in _ref_patterns():
        m = pat.match(text)
        if m:
            ref = m.group("ref").strip()
            return style, ref, (m.group("title") or "").strip()
    return None


def is_minute_heading(text: str) -> bool:
    """Whether a line looks like a minute heading by its reference (prefixed or yearly)."""
    hit = _match_ref(text.strip())
    return bool(hit and hit[0] in ("prefixed", "yearly", "dotted", "minute", "item")) or bool(
        _ITEM_LINE.match(text.strip())
    )


def _title_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 25 and not text.rstrip().endswith((",", ";"))


@dataclass
class _Head:
    index: int  # line index of the heading
    body_from: int  # first line of the minute's body
    ref: str
    title: str
    lead: str = ""  # text on the heading line after an inline title ("Police Report: Attached")


def _find_heads(lines: list[Line]) -> list[_Head]:
    """Find the minute headings of a minutes part, in order."""
    texts = [ln.text.replace("\t", " ").strip() for ln in lines]
    item_lines = [i for i, t in enumerate(texts) if _ITEM_LINE.match(t)]
    heads: list[_Head] = []
    if item_lines:
        # "(Item N)" under each heading: the title is the line(s) just above it
        for i in item_lines:
            start = i - 1
            last_ref = next((int(h.ref) for h in reversed(heads) if h.ref.isdigit()), 0)
            numbered = [
                k
                for k in range(i - 1, max(-1, i - 4), -1)
                if (n := re.match(r"^(\d{1,4})(?:/\d{2,4})?\.\s+\S", texts[k]))
                and int(n.group(1)) > last_ref
                and not _RESOLVED.match(texts[k])
                and not any(t.endswith(".") for t in texts[k:i])
            ]
            while not numbered and start > 0 and i - start < 3:
                prev = texts[start - 1]
                if (
                    prev.endswith((".", ":", ";", ")"))
                    or _RESOLVED.match(prev)
                    or _ITEM_LINE.match(prev)
                    or re.match(r"^\(?\d{1,3}[.)]\s", prev)
                    or prev.isupper()
                    or lines[start].first
                ):
                    break
                start -= 1
            if numbered:
                start = numbered[0]
            title = " ".join(texts[start:i])
            m = re.match(r"^(\d{1,4}(?:/\d{2,4})?)\.\s+(.*)$", title)
            ref = m.group(1) if m else _ITEM_LINE.match(texts[i]).group(1)
            heads.append(_Head(start, i + 1, ref, m.group(2) if m else title))
        return _fix_drop_caps(heads)
    style_seen: str | None = None
    last_num = 0
    for i, t in enumerate(texts):
        hit = _match_ref(t)
        if not hit:
            continue
        style, ref, title = hit
        if style_seen and style != style_seen:
            continue
        if re.match(
            r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}", title, re.I
        ):
            continue  # "TMG 14 November 2024" is a title with a date, not minute TMG 14
        alone = (
            not title
            and i + 1 < len(texts)
            and _title_like(texts[i + 1])
            and not texts[i + 1].startswith(f"{ref}.")  # "5." over "5.1 Chairman's Report"
        )
        if style == "numbered":
            num = int(ref)
            if alone and lines[i + 1].bold == lines[i].bold:
                title = texts[i + 1]  # the number alone on its line, the title on the next
            if num <= last_num or not _title_like(title) or title.endswith("."):
                continue
            if not (
                lines[i].first and (lines[i].bold or lines[i].kind == "heading" or title.isupper())
            ):
                continue
            if _in_numbered_list(texts, i, num):
                continue  # "5. Strategy Check / 6. AOB": an agenda list, not minute headings
            last_num = num
        body_from = i + 1
        if alone:
            title, body_from = texts[i + 1], i + 2
        style_seen = style
        heads.append(_Head(i, body_from, ref, title))
    return heads


def _page_item_head(lines: list[Line]) -> list[_Head]:
    """The one item of a committee system's item page: "Meeting: 14/03/2024 - Cabinet (Item
    49)" names the item, whose heading is the line below opening with that number ("49 VCS
    Infrastructure Provision 2024-25", its link label stripped)."""
    found = _meeting_field_at(lines)
    if found is None or not found[1].group("item"):
        return []
    at, field = found
    ref = field.group("item")
    for i in range(at + 1, min(at + 4, len(lines))):
        m = re.match(rf"^{re.escape(ref)}[.)]?\s+(?P<title>\S.*)$", lines[i].text.strip())
        if m:
            return [_Head(i, i + 1, ref, m.group("title"))]
    return []


def _in_numbered_list(texts: list[str], i: int, num: int) -> bool:
    """Whether line ``i`` (numbered ``num``) sits in a run of numbered lines with no text
    between them (an agenda list printed at the head of a note)."""

    def number_at(k: int) -> int | None:
        m = re.match(r"^(\d{1,3})[.)]\s+\S", texts[k]) if 0 <= k < len(texts) else None
        return int(m.group(1)) if m else None

    return number_at(i - 1) == num - 1 or number_at(i + 1) == num + 1


def _fix_drop_caps(heads: list[_Head]) -> list[_Head]:
    """Join a drop capital printed apart ("A pologies") when the paper does it throughout."""
    spaced = [h for h in heads if _DROP_CAP.match(h.title)]
    if len(spaced) >= max(2, len(heads) // 2):
        for h in spaced:
            h.title = _DROP_CAP.sub(r"\1\2", h.title)
    return heads


def _marker_style(m: re.Match[str]) -> tuple[str, str]:
    tok = m.group("p") or m.group("n")
    form = "paren" if m.group("p") else m.group(0)[len(tok)]
    if tok.isdigit():
        return "num", form
    return "alpha", form


def _marker_value(m: re.Match[str], style: str, prev: int) -> int:
    tok = m.group("p") or m.group("n")
    if tok.isdigit():
        return int(tok)
    return prev + 1


#: the words that introduce a numbered list of decisions when no RESOLVED is printed: "That
#: the Committee for Transport and Connectivity:" over "1. Noted ...", "2. Approved ..."
_DECISION_INTRO = re.compile(
    r"^That\s+(?:the\s+)?(?:[A-Z][\w&'’ -]{0,80}?\s)?(?:Committee|Council|Cabinet|Panel|Board|"
    r"Authority|Sub-Committee|Group|Forum)\b[^.:]{0,80}(?P<colon>:?)$"
)
#: "It was APPROVED:" / "It was APPROVED that;" standing alone over a list of decisions or
#: over that introduction: the capitals mark a decision, as RESOLVED does
_DECISION_LEAD = re.compile(
    r"^It\s+was\s+(?:APPROVED|RESOLVED|AGREED|DECIDED)(?:\s+that)?\s*[;:]?$"
)


def _unmarked_intros(lines: list[Line]) -> list[Line]:
    """Mark as RESOLVED an introduction of a numbered list of decisions printed without the
    word ("It was APPROVED that;" / "That the Committee for Transport and Connectivity:" /
    "1. Noted ...", Bristol City Council's committee minutes): the list is the decision.

    The introduction needs its colon unless the lead stands over it: an amendment's "That
    the Committee ..." over its numbered points is a motion, not a decision."""
    out: list[Line] = []
    led = False
    for n, line in enumerate(lines):
        text = line.text.strip()
        nxt = lines[n + 1].text.strip() if n + 1 < len(lines) else ""
        intro = _DECISION_INTRO.match(text)
        if _DECISION_LEAD.match(text):
            if _DECISION_INTRO.match(nxt):
                led = True
                continue
            if _CLAUSE.match(nxt):
                line = replace(line, text="RESOLVED:")
        elif intro and _CLAUSE.match(nxt) and (intro.group("colon") or led):
            line = replace(line, text=f"RESOLVED: {text.rstrip(':')}:")
        elif text.endswith(":") and _CLAUSE.match(nxt) and _opens_a_decision(text):
            # "Committee resolved to:" over "i) Approve ...", "ii) Note ..."
            line = replace(line, text=f"RESOLVED: {text}")
        led = False
        out.append(line)
    return out


def _opens_a_decision(text: str) -> bool:
    """Whether a line ending in a colon is a decision's opening words ("Committee resolved
    to:", "It was agreed that:"), read by the decision phrases of running text."""
    return any(
        m.end() >= len(text.rstrip(": ")) - 3 for p in _decision_openers() for m in p.finditer(text)
    )


def _split_run_on_clauses(lines: list[Line]) -> list[Line]:
    """Split a line holding several numbered clauses run together ("1. That A. 2. That B.").

    A reader that unwraps lines may join clauses printed one a line; a clause marker counts only
    when it follows a full stop and numbers the next clause in sequence.
    """
    out: list[Line] = []
    for line in lines:
        text = line.text.replace("\t", " ").strip()
        m = re.match(r"^(\(?)(\d{1,2})([.)])\s", text)
        if not m:
            out.append(line)
            continue
        opener, number, closer = m.group(1), int(m.group(2)), m.group(3)
        pieces, start = [], 0
        while True:
            marker = re.escape(f"{opener}{number + 1}{closer}")
            nxt = re.compile(r"(?<=[.;:])\s+(?P<m>" + marker + r")\s+(?=[A-Z]|that\b)").search(
                text, start + 1
            )
            if not nxt:
                break
            pieces.append(text[start : nxt.start()])
            start, number = nxt.start("m"), number + 1
        pieces.append(text[start:])
        out.extend(replace(line, text=p.strip()) for p in pieces)
    return out


def _is_subheading(lines: list[Line], k: int, style: tuple[str, str]) -> bool:
    """Whether line ``k`` is a short heading set between clauses of one list: it is followed
    by a clause of the same style and reads as a title, not as the rest of a sentence."""
    text = lines[k].text.strip()
    if k + 1 >= len(lines) or not text[:1].isupper() and not text[:1].isdigit():
        return False
    nxt = _CLAUSE.match(lines[k + 1].text.strip())
    return (
        bool(nxt)
        and _marker_style(nxt) == style
        and len(text.split()) <= 10
        and not text.endswith((".", ",", ";"))
    )


def _after_the_list(line: Line, clause: list[str], level: int) -> bool:
    """Whether an unnumbered paragraph after a clause that ends its sentence is the minute's
    prose again ("Recommendation 7 - Linear Pricing ...") rather than more of the clause: it
    starts a paragraph of its own, at the clause's indent or left of it, with a capital."""
    return (
        line.first
        and line.kind != "list_item"
        and line.level <= level
        and clause[-1].rstrip().endswith((".", "!", "?"))
        and not line.text.strip()[:1].islower()
    )


def _first_clause_after_intro(lines: list[Line], i: int) -> int | None:
    """The index of the first clause when up to three introduction or heading lines stand
    between a "RESOLVED that:" and its clauses; None when no clause list follows."""
    for k in range(i, min(i + 4, len(lines))):
        text = lines[k].text.strip()
        if _CLAUSE.match(text):
            return k if k > i else None
        if _RESOLVED.match(text) or not (
            text.endswith(":") or _title_like(text) and not text.endswith(".")
        ):
            return None
    return None


#: a RESOLVED that records only the vote: its words are the motion printed above it
_VOTE_ONLY = re.compile(
    r"^(?:proposed|moved|seconded|carried|unanimously|agreed|nem\.?\s*con)\b", re.I
)
_PAGE_NUMBER_LINE = re.compile(r"^(?:page\s+)?\d{1,4}$", re.I)


def _motion_above(lines: list[Line], i: int) -> str:
    """The motion a vote-only RESOLVED at line ``i`` decides: the sentence printed just above
    it (up to three lines, stopping at an earlier resolution, a sub-heading or a full stop)."""
    parts: list[str] = []
    for k in range(i - 1, max(-1, i - 4), -1):
        t = lines[k].text.replace("\t", " ").strip()
        if _PAGE_NUMBER_LINE.match(t):
            continue
        if not t or _RESOLVED.match(t) or (parts and t.endswith((".", ":", ","))):
            break
        if _CLAUSE.match(t) and parts:
            break
        parts.insert(0, t)
    # readers join a paragraph's lines: the motion is its last sentence ("Cllr Rochford to
    # follow up ... Green. To consider and approve the amendment to the Code of Conduct.")
    return _SENTENCE_START.split(fold(" ".join(parts)))[-1]


#: where a sentence starts after another: a full stop, then a capitalised word
_SENTENCE_START = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z\u201c\"(])")
_MID_RESOLVED = re.compile(
    r"(?<=[.,;:])\s+(?=(?:RESOLVED|Resolved)\b)"
    r"|\s+(?=RESOLVED\s*(?:[:–—-]|that\b))"
)
#: the first clause printed on the RESOLVED line: "RESOLVED: (1) that the Certificate ...",
#: "RESOLVED: (A) That the Audit Committee notes ..." (Merton)
_FIRST_CLAUSE = re.compile(
    r"^((?:RESOLVED|Resolved)\s*[:–—-]?)\s+"
    r"(?=\(?(?:1|a|A|i)\)\s|(?:1|a|A)\.\s)"
)


def _split_at_resolved(lines: list[Line]) -> list[Line]:
    """Start a line at a RESOLVED printed after other words of its paragraph ("... signed by
    the Chairman, Resolved, proposed Cllr Atkins"; "Council Finances RESOLVED: that ..."):
    readers join a paragraph's lines. A first clause printed on the RESOLVED line ("RESOLVED:
    (1) that ...") starts a line of its own, as its later clauses do."""
    out: list[Line] = []
    for line in lines:
        pieces = [
            q for p in _MID_RESOLVED.split(line.text) for q in _FIRST_CLAUSE.split(p, maxsplit=1)
        ]
        out.extend(
            replace(line, text=p.strip(), first=line.first or n > 0)
            for n, p in enumerate(pieces)
            if p and p.strip()
        )
    return out


_NEXT_ENTRY = re.compile(r"(?<=[.;])\s+(?=\(\d{1,2}\)\s)")


def read_resolutions(lines: list[Line]) -> list[ResolutionText]:
    """Return the numbered resolutions of a minute's body lines."""
    out: list[ResolutionText] = []
    lines = _unmarked_intros(_split_run_on_clauses(_split_at_resolved(lines)))
    i = 0
    while i < len(lines):
        text = lines[i].text.replace("\t", " ").strip()
        m = _RESOLVED.match(text)
        if not m or (
            m.group("word") in ("AGREED", "DECIDED", "RECOMMENDED")
            and m.group("sep").strip() not in ("-", "–", "—", ":", "")
        ):
            i += 1
            continue
        outer = m.group("outer")
        outer_num = int(re.sub(r"\D", "", outer)) if outer and re.search(r"\d", outer) else None
        stem = m.group("rest").strip()
        page = lines[i].page
        if _VOTE_ONLY.match(stem):  # "Resolved, proposed Cllr A, seconded Cllr B. Agreed."
            motion = _motion_above(lines, i)
            if motion:
                out.append(ResolutionText(len(out) + 1, motion, page))
            i += 1
            continue
        i += 1
        nxt = lines[i].text.strip() if i < len(lines) else ""
        clause_first = _CLAUSE.match(nxt)
        intro = stem
        if not clause_first and (not stem or stem.endswith(":")):
            # an introduction ("County Council ... is asked to agree the following:") and
            # sub-headings may stand between "RESOLVED that:" and the first clause
            k = _first_clause_after_intro(lines, i)
            if k is not None:
                intro = fold(" ".join(ln.text for ln in lines[i:k]))
                i, clause_first = k, _CLAUSE.match(lines[k].text.strip())
        if stem and not stem.endswith(":") and not (clause_first and stem.endswith(("to", "that"))):
            # a lone paragraph resolution, up to the next entry of a list it sits in ("RESOLVED:
            # That the Council had no objection to the application. (2) R/54/26A - ...")
            parts = [_NEXT_ENTRY.split(stem, maxsplit=1)[0]]
            while i < len(lines) and not parts[-1].endswith("."):
                t = lines[i].text.strip()
                if _CLAUSE.match(t) or _RESOLVED.match(t):
                    break
                parts.append(t)
                i += 1
            out.append(ResolutionText(len(out) + 1, fold("\n".join(parts)), page))
            continue
        if not clause_first and i < len(lines) and lines[i].kind == "list_item":
            # clauses in an automatically numbered list: the numbers are not in the text
            base = max((r.number for r in out), default=0)
            items: list[tuple[list[str], int]] = []
            bulleted = True
            while i < len(lines) and lines[i].kind == "list_item":
                bulleted = bulleted and lines[i].bullet
                if lines[i].first or not items:
                    items.append(([lines[i].text.strip()], lines[i].page))
                else:
                    items[-1][0].append(lines[i].text.strip())
                i += 1
            if bulleted:
                # bullets number nothing: the introduction and its points are one resolution
                points = "; ".join(fold(" ".join(parts)) for parts, _ in items)
                out.append(ResolutionText(base + 1, fold(f"{stem} {points}"), page, intro))
                continue
            for n, (parts, pg) in enumerate(items, 1):
                out.append(ResolutionText(base + n, fold("\n".join(parts)), pg, intro))
            continue
        if not clause_first:
            # "RESOLVED -" then the paragraph on the next line(s)
            parts = []
            while i < len(lines):
                t = lines[i].text.strip()
                if _RESOLVED.match(t) or (parts and _CLAUSE.match(t)):
                    break
                parts.append(t)
                i += 1
                if t.endswith("."):
                    break
            if parts:
                out.append(ResolutionText(len(out) + 1, fold("\n".join(parts)), page))
            continue
        style = _marker_style(clause_first)
        level = lines[i].level
        number = 0
        base = max((r.number for r in out), default=0)
        clauses: list[tuple[int, list[str], int]] = []
        while i < len(lines):
            t = lines[i].text.strip()
            cm = _CLAUSE.match(t)
            if cm and _marker_style(cm) == style:
                number = _marker_value(cm, style[0], number)
                clauses.append((number, [cm.group("text")], lines[i].page))
            elif (
                cm
                and _marker_style(cm)[0] == "num"
                and (
                    style[0] == "num"
                    or outer_num is None
                    or int(cm.group("p") or cm.group("n")) == outer_num + 1
                )
            ):
                break
            elif _RESOLVED.match(t):
                break
            elif cm is None and clauses and failed_motion(t):
                break  # "Recommendation 3 was not approved:" over the clause it did not pass
            elif cm is None and clauses and _is_subheading(lines, i, style):
                pass  # "2025-26 Council Tax" between clauses (b) and (c)
            elif cm is None and clauses and _after_the_list(lines[i], clauses[-1][1], level):
                break
            elif cm is None and clauses:
                clauses[-1][1].append(t)
            elif cm is not None and clauses:
                clauses[-1][1].append(t)  # a nested clause stays with its parent
            else:
                break
            i += 1
        leaves = _leaves([(num, fold("\n".join(parts)), pg) for num, parts, pg in clauses])
        if len(leaves) >= 2:
            out = [r for r in out if not any(_overlaps(r.text, t) for _, t, _ in leaves)]
        base = max((r.number for r in out), default=0)
        # printed numbers that run on from the decisions above keep their value ("It was
        # APPROVED: 6. ..." after five earlier ones); a list numbered from 1 again follows them
        offset = 0 if leaves and leaves[0][0] > base else base
        out.extend(ResolutionText(offset + num, text, pg, intro) for num, text, pg in leaves)
    return out


#: a lettered sub-clause inside a clause's text: "a. Approve ...", "(b) Approved ..."
_SUB_CLAUSE = re.compile(r"(?:^|(?<=\s))\(?(?P<letter>[a-z])[.)]\s+(?=[A-Z])")


def _leaves(clauses: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """The decisions of a clause list. A clause that is only a heading over lettered points
    ("2. Residents Parking a. Approve ... b. Approved ...") holds one decision per point; a
    list with such a clause is numbered by position, its points counted as decisions."""
    out: list[list[tuple[str, int]]] = []
    for _, text, page in clauses:
        points = _points_under_heading(text)
        out.append([(p, page) for p in points] if points else [(text, page)])
    if all(len(group) == 1 for group in out):
        return clauses
    flat = [point for group in out for point in group]
    return [(n, text, page) for n, (text, page) in enumerate(flat, 1)]


def _points_under_heading(text: str) -> list[str]:
    """The lettered points of a clause whose words before "a." are a heading (a few words
    with no sentence end or introduction), or [] when it is not such a clause."""
    marks: list[re.Match[str]] = []
    for m in _SUB_CLAUSE.finditer(text):
        if ord(m.group("letter")) - ord("a") == len(marks):
            marks.append(m)
    if len(marks) < 2:
        return []
    head = text[: marks[0].start()].strip()
    if not head or len(head.split()) > 20 or head.endswith((".", ":", ";", ",")):
        return []
    if re.match(r"(?i)that\b", head):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [text[m.end() : e].strip() for m, e in zip(marks, ends, strict=True)]


#: what follows a decision's opening words: "that", a colon, "to", or a clause whose "that"
#: is left out ("The Councillors agreed they had no objections", "agreed all satisfactory",
#: "it was resolved Councillor Richardson sign the Accounts Book")
_DECISION_FOLLOWS = (
    r",?\s*(?:that\b\s*|:\s*|(?=(?:not\s+)?to\b)"
    r"|(?=(?:they|all|Councillors?|Cllrs?\.?|Mrs?|Ms|Miss|Dr)\s)"
    # "It was agreed commemorative benches will be located ...", "agreed the bin will be post
    # mounted ..." (Northwold, Wretton PCs): a subject and its verb
    r"|(?=(?:the\s+|a\s+|an\s+)?[A-Za-z]+\s+(?:[a-z]+\s+)?(?:will|would|should|shall|be)\s))"
)


@functools.cache
def _decision_openers() -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(r["pattern"] + ("" if r["ends"] == "own" else _DECISION_FOLLOWS), re.I)
        for r in load_table("decision_phrases.csv")
    )


#: (a letter that marks a paragraph's list entry, "a. Village Hall", ends no sentence; the
#: chairman's signature line printed at a page foot, "Signed ____ Dated", ends one)
_SENTENCE_END = re.compile(
    r"(?<=[a-z0-9)£%”’\"'][.!])(?<!^[a-z]\.)(?<!\s[a-z]\.)"
    # an abbreviation before a number or name ends nothing: "(Ch. No. 101140)", "Cllr. Whitmore"
    r"(?<!\bNo\.)(?<!\bNos\.)(?<!\bCh\.)(?<!\bRef\.)(?<!\bCllr\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSt\.)"
    r"\s+(?=[A-Z(]|\d{1,3}(?:\.\d{1,2}){1,2}\s+[A-Z\d]|\d{1,3}\s+[A-Z][a-z])|\n\n+"
    r"|\s+(?=Signed\s*[_.…]{3,})"
    # a line with no full stop joined to the next sentence: "... audited by Charles Noble The
    # Annual Governance Statement was approved" (a capital "The" after a word, not after "of",
    # "and", "for", "from", "with", "into": "Friends of The Hall")
    r"|(?<=[a-z]{3})(?<!and)(?<!for)(?<!rom)(?<!ith)(?<!nto)(?<!pon)\s+(?=The\s+[A-Z])"
    # ... or after a list's last amount: "... Car Scheme Invoice £154.47 All payments approved
    # all Councillors agreed." (Northwold PC)
    r"|(?<=\d\.\d\d)\s+(?=(?:All|The|It|This)\s+[a-z])"
    # ... or a sentence whose subject is a member's initials: "... the election of officers
    # TMA proposed Frank Reid (FRE) as Chairman" (Boughton PC), "... defects LA reported that"
    # (West Dereham PC); not "the PC agreed", "by DHO and"
    r"|(?<=[\w)])(?<!\bthe)(?<!\bThe)(?<!\bof)(?<!\band)(?<!\bby)(?<!\bto)"
    r"\s+(?=[A-Z]{2,3}\s+(?:[a-z]+ed|asked|said|thanked|agreed|noted)\b)"
)


#: a paragraph opening with a short sub-heading and a dash or colon: "Internal Audit - All ..."
_SUBHEAD_LEAD = re.compile(r"^[A-Z][\w&'’/ ]{2,50}?\s+[-–—]\s+\S|^[A-Z][\w&'’/ ]{2,50}?:\s+\S")


def _paragraphs(body: list[Line]) -> str:
    """A minute's text with its sub-headed paragraphs apart (a blank line between them), so a
    sentence the paper ends with its paragraph, not with a full stop, still ends ("Statement
    of Accounts - The Accounts were approved ... by the Chairman" / "Annual Governance
    Statement - ...", Milburn PC). A paragraph ending in a colon runs on into its list. A
    table is left out: its cells are records (payees, applications and the council's response
    to each, grant requests), not the minute's decisions in prose ("The following accounts were
    approved for payment" over a table of payees, Souldern PC; a grants table's "Committee
    agreed that ..." cells, Sutton Coldfield TC). A minute printed wholly in a table's rows
    (minutes as a No | Item | Action by table) is the exception: its rows are its text."""
    if body and all(line.kind == "row" for line in body):
        return "\n\n".join(fold(p) for p in row_paragraphs(body))
    paragraphs: list[str] = []
    previous_kind = ""
    for line in body:
        text = line.text.strip()
        if not text:
            continue
        was_table = previous_kind == "row"
        previous_kind = line.kind
        if line.kind == "row":
            continue
        # readers make a block of every printed line of some PDFs: a new block starts a
        # paragraph only when it opens with a sub-heading ("Annual Governance Statement - ")
        if paragraphs and was_table:
            paragraphs.append(text)
        elif (
            line.first
            and paragraphs
            and (
                _SUBHEAD_LEAD.match(text)
                or _LIST_ENTRY.match(text)
                or _planning_response().match(text)
            )
            and not paragraphs[-1].endswith((":", ":-", "-", ","))
        ):
            paragraphs.append(text)
        elif paragraphs:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    return "\n\n".join(fold(p) for p in paragraphs)


@functools.cache
def _decision_sentences() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"]) for r in load_table("decision_sentences.csv")) + (
        _planning_response(),
    )


@functools.cache
def _marked_minutes_sentences() -> tuple[re.Pattern[str], ...]:
    """The decision sentences that are decisions in minutes marking theirs RESOLVED too."""
    rows = load_table("decision_sentences.csv")
    return tuple(re.compile(r["pattern"]) for r in rows if r["in_marked_minutes"] == "yes")


@functools.cache
def _planning_response() -> re.Pattern[str]:
    """A council's response to a planning application at the start of a sentence or line
    (``data/planning_responses.csv``: "No objections", "Approval recommended")."""
    rows = [r["pattern"] for r in load_table("planning_responses.csv")]
    return re.compile(r"^(?:" + "|".join(rows) + ")", re.I)


#: the meeting's body, the subject of a decision verb: "The Committee for Transport and
#: Connectivity noted the report.", "The Transport and Connectivity Committee noted the report."
_BODY_DECIDES = re.compile(
    r"^(?:(?:Following|After)\s+(?:the\s+|a\s+)?(?:discussion|debate)[,;:]?\s+)?"
    r"(?:The\s+)?(?:(?:[A-Z][\w&'’-]*|and|&)\s+){0,6}?(?:Committee|Council|Cabinet|Panel|Board|"
    r"Sub-Committee|Authority)(?:\s+(?:for|of)\s+(?:[A-Z][\w&'’-]*\s+|and\s+){1,6}?)?\s*"
    r"(?:unanimously\s+)?(?:noted|approved|endorsed|agreed|adopted|accepted|supported)\s+"
    r"(?:the|this|its)\b"  # "noted that ..." reports what was said, not a decision
    # ... or its members approving a request or a proposal: "Councillors approved a request for
    # a rise of 20% in the precept" (Haresfield PC)
    r"|^(?:The\s+)?(?:Councillors|Members)\s+(?:unanimously\s+)?(?:approved|adopted|accepted)\s+"
    r"(?:a|an|the|this)\b"
)
#: minutes agreed or approved (a decision), not only confirmed or signed (a record of one)
_MINUTES_DECIDED = re.compile(
    r"\b[Mm]inutes?\b.{0,160}\b(?:were|was)\s+(?:\w+\s+){0,2}?(?:agreed|approved)\b"
)
#: a sentence of assent alone: "All councillors agreed.", "All Cllrs agreed to this proposal."
_ALL_AGREED = re.compile(
    r"^All\s+(?:\w+\s+){0,2}?(?:unanimously\s+)?agreed(?:\s+(?:to|with)\s+(?:this|the|that)"
    r"(?:\s+(?:proposal|suggestion|recommendation))?)?\s*\.?$",
    re.I,
)
#: a sentence that seconds and carries the proposal before it: "KG proposed that Nick Drew
#: should take the post of vice-chair. This was seconded by Stuart Glover and unanimously
#: agreed." (West Dereham PC), or carries it with no seconder named ("LH proposed that there
#: should be no change to the precept ... This was unanimously agreed.")
_SECONDED_AGREED = re.compile(
    r"^(?:This|It|The\s+(?:proposal|motion))\s+was\s+(?:seconded\s+by\s+[^.]{2,60}?\s+and\s+"
    r"(?:was\s+)?)?(?:unanimously\s+|duly\s+)?(?:agreed|carried|approved)\b",
    re.I,
)
#: a proposal carried in its own sentence: "LH proposed that a contribution of £275 should be
#: made ..., which was unanimously agreed." (West Dereham PC), "Mr Collins proposed that the
#: precept (£17,975.61)/ budget be left as set, all Councillors agreed." (Northwold PC)
_PROPOSED_AGREED = re.compile(
    r"\b(?:suggested|proposed|recommended)\s+(?!by\b)(?:that\s+)?(?P<what>(?:[^.]|\.(?=\d))+?),?\s+"
    r"(?:which\s+was\s+(?:then\s+)?(?:unanimously\s+)?(?:agreed|approved|carried)"
    r"|all\s+(?:\w+\s+)?agreed)\.?$",
    re.I,
)
#: a sentence that only says the meeting agreed ("Unanimously agreed.", "All were unanimously
#: agreed.", West Dereham PC): the decision is that sentence, on what the minute put to it,
#: unless it is the vote on a decision or motion just read ("Resolved, proposed Cllr Atkins,
#: seconded Cllr Morris. Unanimously agreed.", Hertingfordbury PC; "... seconded by Cllr
#: Evans. All Councillors present unanimously agreed.", Tintern CC; "It was proposed by Cllr
#: Howells, seconded by Cllr Hackett, that Council retain ... . Agreed unanimously.", Horsley PC)
_AGREED_ALONE = re.compile(
    r"^(?:All\s+(?:\w+\s+){0,2}?)?(?:were\s+)?(?:unanimously\s+agreed|agreed\s+unanimously)"
    r"\s*\.?$",
    re.I,
)
_SUGGESTED = re.compile(
    r"\b(?:suggested|proposed|recommended)\s+(?!by\b)(?:that\s+)?(?P<what>(?:[^.]|\.(?=\d))+\.?)$",
    re.I,
)
#: a decision that opens with its participle ("Approved & signed as correct.") ...
_PARTICIPLE_FIRST = re.compile(
    r"^(?:Approved|Confirmed|Agreed|Accepted|Adopted|Carried|Ratified)\b"
)
#: ... and the vote printed after it ("– PWh Seconded – KC": the mover's initials, then the
#: seconder's; ", proposed Cllr A seconded Cllr B")
_VOTE_TAIL = re.compile(
    r"\s*[,;.–—-]\s*(?:(?-i:[A-Z][A-Za-z]{1,3})\s+)?(?:proposed|seconded|moved)\b.*$", re.I
)
#: the marker opening an entry of a numbered or lettered list: "(2) ", "a. ", "(10): "
_LIST_ENTRY = re.compile(
    r"^[.:\-–—\s]*(?:\(\d{1,2}\)|\(?[a-z]\)|\(?[ivx]{1,4}\)|[a-z]\.|\d{1,2}[.)])[:.]?\s+"
)
#: a motion's vote: "proposed by Cllr A, seconded by Cllr B", "Proposed NR seconded RW"
_VOTE = re.compile(r"\b(?:proposed|moved)\s+(?:by\s+)?\S.{0,60}?\bseconded\b", re.I)
_VOTE_FIRST = re.compile(r"^\W*(?:proposed|moved|seconded)\b", re.I)
#: what a vote carried, printed after it behind a dash or colon: "Proposed P. Norris and
#: seconded P. Markwell - pass for payment" (Wereham PC), "Mr Oakford proposed and Mr Gough
#: seconded the following motion: ..." (Kent CC); an outcome there ("- unanimously agreed")
#: is no content
_VOTE_CONTENT = re.compile(
    r"\bseconded\b(?:\s+by)?\s+[^:;–—]{1,50}?\s+[:–—-]\s*(?P<what>[a-z][^.]{3,})\.?$"
)


@functools.cache
def vote_outcomes() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """The rows of ``data/vote_outcomes.csv`` as (outcome, strength, case-insensitive pattern):
    the one reader of that table."""
    return tuple(
        (r["outcome"], r["strength"], re.compile(r["pattern"], re.I))
        for r in load_table("vote_outcomes.csv")
    )


@functools.cache
def _failed_outcomes() -> tuple[re.Pattern[str], ...]:
    return tuple(
        p
        for outcome, strength, p in vote_outcomes()
        if outcome in ("lost", "withdrawn") and strength == "strong"
    )


#: an opener worded as the meeting's decision in minutes that mark theirs RESOLVED: "It was
#: ...", "... resolved", or a motion moved and seconded ("Councillor Sally Sahin proposed, and
#: Councillor David Dent seconded, that ...", Burton-cum-Walden PC; a lost one is dropped)
_RESOLVED_WORD = re.compile(r"^it\s+was\b|\bresolved\b|\bseconded\b", re.I)


def _list_lead(text: str, at: int) -> str:
    """The text from the paragraph that leads into the list holding position ``at`` (a list's
    entries are paragraphs of their own, "a) ...", "(2) ...") up to ``at``."""
    start = text.rfind("\n\n", 0, at)
    while start > 0 and _LIST_ENTRY.match(text[start + 2 : start + 12]):
        start = text.rfind("\n\n", 0, start)
    return text[max(start, 0) : at]


def failed_motion(text: str) -> bool:
    """Whether ``text`` says a motion was lost or withdrawn ("The motion was lost", "…
    withdrew his original resolution"; ``data/vote_outcomes.csv``): it is then no resolution."""
    return any(p.search(text) for p in _failed_outcomes())


_FOLLOWING = re.compile(r"\b(?:the\s+following|as\s+follows)\b[^.:]{0,40}:")
#: a list of what a report or a group said, in minutes that mark their own decisions: "Some of
#: the key highlights were as follows: a) ... c) It was agreed that the ... Cabinet Committee
#: would be separated" (Kent's committee on a working party's report) is reported, not decided
_REPORTED_LIST = re.compile(
    r"\b(?:highlights|key\s+points|points\s+raised|summary|findings)\b[^:]{0,60}:", re.I
)
_PARAGRAPH_BREAK = re.compile(r"\n\n")


def prose_resolutions(
    text: str, page: int, title: str = "", resolved_only: bool = False
) -> list[ResolutionText]:
    """Decisions recorded in running text, numbered in order.

    Two forms: a decision phrase (``data/decision_phrases.csv``: "... unanimously agreed that
    X", "It was agreed to X"), whose decision is the words after "that", "to" or ":" to the end
    of the sentence; and a motion's vote ("Cllr Shewell, proposed by Cllr Hayward, seconded by
    Cllr Evans."), whose decision is that sentence, or the sentence before a vote that stands
    alone ("The minutes ... were approved. Proposed by NR seconded by RW."), or the minute's
    ``title`` when the vote is all its text. With ``resolved_only`` (minutes that mark their
    decisions elsewhere) only an opener worded as the meeting's decision counts ("It was
    agreed to", "Council resolved"), not "Members agreed" reported from elsewhere.
    """
    found: list[tuple[int, str]] = []
    openers: dict[int, str] = {}
    for opener in _decision_openers():
        for m in opener.finditer(text):
            if resolved_only and not _RESOLVED_WORD.search(m.group(0)):
                continue
            if resolved_only and _REPORTED_LIST.search(_list_lead(text, m.start())):
                continue  # "Some of the key highlights were as follows: ... c) It was agreed"
            end = _SENTENCE_END.search(text, m.end())
            if end and _FOLLOWING.search(text, m.end(), end.start()):
                # "to object ... on the following grounds: The number ... . The increase ...":
                # what follows the colon is the decision's, to the paragraph's end
                end = _PARAGRAPH_BREAK.search(text, m.end())
            decision = text[m.end() : end.start() if end else len(text)].strip()
            # "... the PC agreed to pledge up to £500, proposed by AS and seconded by KD."
            decision = _VOTE_TAIL.sub("", decision) or decision
            after = _SENTENCE_END.search(text, end.end()) if end else None
            if failed_motion(text[m.start() : after.start() if after else len(text)]):
                continue  # "proposed by A, seconded by B that ... . The motion was lost."
            if len(decision.split()) >= 2 and not any(
                abs(m.start() - s) < 80 and (decision in t or t in decision) for s, t in found
            ):
                found.append((m.start(), decision))
                openers[m.start()] = m.group(0)
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    sentences = [
        (a, text[a:b].strip()) for a, b in zip(starts, starts[1:] + [len(text)], strict=True)
    ]
    for at, sentence in sentences:
        # worded as the meeting's own decision in any minutes: the body as the subject of a
        # decision verb ("The Committee for Transport and Connectivity noted the report."),
        # minutes agreed or approved ("The minutes of the previous meeting were agreed as
        # accurate.")
        papers = resolved_only and any(p.search(sentence) for p in _marked_minutes_sentences())
        if _BODY_DECIDES.match(sentence) or _MINUTES_DECIDED.search(sentence) or papers:
            if not any(at <= s < at + len(sentence) for s, _ in found):
                found.append((at, sentence))
    if resolved_only:
        return [
            ResolutionText(n, t, page, opener=openers.get(at, ""))
            for n, (at, t) in enumerate(sorted(found), 1)
        ]
    for n, (at, sentence) in enumerate(sentences):
        if any(at <= s < at + len(sentence) for s, _ in found):
            continue
        if n and (_ALL_AGREED.match(sentence) or _SECONDED_AGREED.match(sentence)):
            # "Cllr Hayward suggested it be re-sited on Fryer's Wharf. All Cllrs agreed to this
            # proposal.": the decision is what was suggested
            put = _SUGGESTED.search(sentences[n - 1][1])
            if put and len(put.group("what").split()) >= 2:
                found.append((sentences[n - 1][0], put.group("what")))
                continue
        carried = _PROPOSED_AGREED.search(sentence)
        # "Mrs Crisp proposed Mr Collins, seconded by Mrs Muir, all Councillors agreed." is the
        # vote with its decision, read whole below
        if (
            carried
            and len(carried.group("what").split()) >= 2
            and not _VOTE_TAIL.search(carried.group("what"))
        ):
            found.append((at, carried.group("what")))
            continue
        if _AGREED_ALONE.match(sentence):
            before_at, before = sentences[n - 1] if n else (0, "")
            if not (_VOTE.search(before) or any(before_at <= s < at for s, _ in found) and before):
                found.append((at, sentence))
            continue
        if any(p.search(sentence) for p in _decision_sentences()):
            # "Approved – PWh Seconded – KC": the decision without the vote on it
            bare = _VOTE_TAIL.sub("", sentence) if _PARTICIPLE_FIRST.match(sentence) else ""
            found.append((at, bare or sentence))
            continue
        if not _VOTE.search(sentence):
            continue
        following = sentences[n + 1][1] if n + 1 < len(sentences) else ""
        if failed_motion(sentence) or failed_motion(following):
            continue  # a lost or withdrawn motion is kept in motions, never in resolutions
        decision = sentence
        if _VOTE_FIRST.match(sentence):
            before = sentences[n - 1][1] if n else ""
            if any(t in before or before in t for _, t in found):
                continue  # the vote on a decision already read ("... were approved. Proposed")
            content = _VOTE_CONTENT.search(sentence)
            if content and not any(p.search(content.group("what")) for _, _, p in vote_outcomes()):
                decision = content.group("what")
            elif before and not _VOTE.search(before):
                # the entry of a list and its vote ("(2) Finance – Cllrs Shewell, Hayward,
                # Evans. Proposed by Cllr Cobb, seconded by Cllr Hoskins.") is one decision
                entry = _LIST_ENTRY.match(before)
                decision = f"{before[entry.end() :]} {sentence}" if entry else before
            elif title:
                decision = f"{title}: {sentence}"
        found.append((at, decision))
    found += _undecided_entries(text, found)
    return [
        ResolutionText(n, t, page, opener=openers.get(at, ""))
        for n, (at, t) in enumerate(sorted(found), 1)
    ]


def _undecided_entries(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The entries of a numbered list most of whose entries are decisions that record none
    themselves: each is one too ("(3) Tintern Charities – Cllr Shewell. Proposed by ...,
    seconded by ...", "(4) Gloucester Harbour Trust – no representative needed.")."""
    entries: list[tuple[int, str]] = []
    at = 0
    for paragraph in text.split("\n\n"):
        marker = _LIST_ENTRY.match(paragraph)
        if marker:
            entries.append((at, paragraph))
        at += len(paragraph) + 2
    decided = [(a, p) for a, p in entries if any(a <= s < a + len(p) for s, _ in found)]
    if len(entries) < 3 or len(decided) < 2 * len(entries) / 3:
        return []
    return [
        (a, p[_LIST_ENTRY.match(p).end() :].strip()) for a, p in entries if (a, p) not in decided
    ]


_SEQ_HEAD = re.compile(
    # "3.Planning Application:", "4,Planning Decisions:" typed with no space (Wereham PC)
    r"^(?P<ref>\d{1,4})(?:[.)]?\s+|[.,](?=[A-Z][a-z]))(?P<title>(?:[A-Z(‘“'\"]|\d[\d/.,-]*\s*[A-Za-z]).*)$"
)
_INLINE_TITLE = re.compile(
    r"^(?P<title>[^:.–—•]{2,80}?)\s*(?P<sep>[:.]|\s[-–—•]\s)\s*\S"  # "Clerk's Report • ..."
)
#: a title in capitals run into its minute's first sentence: "38 APOLOGIES Apologies for absence
#: were received from Councillors ...", "41. PUBLIC QUESTIONS/STATEMENTS One member of the
#: public questioned ..." (Cefn CC, Haverfordwest TC)
_CAPS_RUN_IN = re.compile(
    r"^(?=[^a-z]*[A-Z]{4})(?P<title>[A-Z][A-Z0-9&'’/(),\-]*(?:\s+[A-Z0-9&'’/(),\-]+)*)\s+(?P<lead>[A-Z][a-z]+(?:\s+\S+){2,}.*)$"
)
_MARKED_ITEMS = 2  # items marked RESOLVED from which minutes mark all their decisions
_MAX_GAP = 2  # a number skipped now and then ("2699, 2701": minute 2700 was never printed)


def _sequence_heads(lines: list[Line]) -> list[_Head]:
    """Minute headings found by their numbering alone: the longest run of line-opening numbers
    that go up one by one through the part ("2599. Police Report: ...", "2600. Public Forum").

    Minutes typed in a word processor often set the number and title in body text, so no
    typography marks them; the sequence does. A run of fewer than three numbers is no evidence.
    """
    texts = [ln.text.replace("\t", " ").strip() for ln in lines]
    found = [
        (i, int(m.group("ref")), m.group("title"))
        for i, t in enumerate(texts)
        if lines[i].first and (m := _SEQ_HEAD.match(t)) and not _RESOLVED.match(t)
    ]
    # "5." alone over "5.1 Chairman's Report ...": an item printed as its sub-items only
    found += [
        (i, int(t[:-1]), "")
        for i, t in enumerate(texts[:-1])
        if lines[i].first and re.fullmatch(r"\d{1,4}\.", t) and texts[i + 1].startswith(f"{t}1 ")
    ]
    found.sort()
    best = [found[k] for k in rising_run([n for _, n, _ in found], _MAX_GAP)]
    if len(best) < 3:
        return []
    best = _repeated_numbers(best, found, lines)
    heads = []
    for i, ref, rest in best:
        m = _INLINE_TITLE.match(rest)  # "Police Report: Attached. ..." is titled Police Report
        caps = _CAPS_RUN_IN.match(rest)
        title, lead = rest, ""
        if caps and (not m or len(caps.group("title")) < len(m.group("title"))):
            title, lead = caps.group("title"), caps.group("lead")
        elif m and (m.group("sep") != "." or len(rest.split()) > 8):
            title = m.group("title")
            lead = rest[m.end("sep") :].strip()
        heads.append(_Head(i, i + 1, str(ref), title, lead))
    return heads


def _repeated_numbers(
    best: list[tuple[int, int, str]], found: list[tuple[int, int, str]], lines: list[Line]
) -> list[tuple[int, int, str]]:
    """The run of minute numbers with a number printed twice in turn ("4. Talk by Mrs Julie
    Greenslade" ... "4. Any other business", Burton-cum-Walden PC) or once more after a higher
    one ("11 Correspondence" ... "10 AOCB" ... "12 Next Meeting", Ayton CC): a line opening
    with the number of the minute it sits in, or of the minute before, where the numbers
    around it follow on, set like that minute's heading and titled like one, heads a minute
    of its own."""
    out = list(best)
    for (i, n, _), nxt in zip(best, [*best[1:], None], strict=True):
        end = nxt[0] if nxt else len(lines)
        for k, m, rest in found:
            if (
                i < k < end
                and (m == n or (m == n - 1 and (nxt is None or nxt[1] == n + 1)))
                and lines[k].bold == lines[i].bold
                and lines[k].kind == lines[i].kind
                and len(rest.split()) <= _SUB_TITLE_WORDS
                and not rest.endswith(".")
            ):
                out.append((k, m, rest))
    return sorted(out)


_BOLD_TITLE_WORDS = 12
#: what follows the last minute: an action list, an appendix
_AFTER_MINUTES = re.compile(
    r"^(?:actions?\b|action\s+(?:points|list|log)\b|appendi(?:x|ces)\b|annex)", re.I
)


def _bold_heads(lines: list[Line]) -> list[_Head]:
    """Minute headings of minutes that print no numbers: the short lines set in bold on their
    own, after the title block ("Introductions and welcome", "Minutes of previous meeting",
    "Convenor's report:", a Word-made community council's minutes), or the bold words a
    paragraph opens with ("Flooding:  Councillors discussed ...", a parish council's Word
    minutes), each a minute with no ref.
    Three or more are needed; a bold line opening its block and ending in a full stop is a
    sentence, not a heading."""
    start = next((i for i, ln in enumerate(lines) if not ln.bold), len(lines))
    heads: list[_Head] = []
    for i in range(start, len(lines)):
        line = lines[i]
        text = line.text.replace("\t", " ").strip()
        lead = line.lead.strip()
        if lead and line.kind == "paragraph" and text.startswith(lead):
            # a bold run-in heading ("Flooding:  Councillors discussed ...", Word minutes)
            if not (_RESOLVED.match(lead) or _label_line(lead) or _AFTER_MINUTES.match(lead)):
                rest = text[len(lead) :].strip()
                heads.append(_Head(i, i + 1, "", lead.rstrip(":").strip(), rest))
            continue
        if not (line.bold and line.first and line.kind in ("paragraph", "heading")):
            continue
        if not text or len(text.split()) > _BOLD_TITLE_WORDS or text.endswith("."):
            continue
        if _RESOLVED.match(text) or _label_line(text):
            continue
        if _AFTER_MINUTES.match(text):
            break  # "ACTIONS FOR FOLLOW UP AT NEXT MEETING", "Appendix": after the minutes
        m = _INLINE_TITLE.match(text)
        title, lead = (m.group("title"), text[m.end("sep") :].strip()) if m else (text, "")
        if m and m.group("sep").strip() != ":":
            title, lead = text, ""
        heads.append(_Head(i, i + 1, "", title.rstrip(":").strip(), lead))
    return heads if len(heads) >= 3 else []


def _label_line(text: str) -> bool:
    """Whether a line is an attendance label ("Members present:", "Apologies", "Public:")."""
    return bool(
        re.match(
            r"^(?:members\s+)?(?:present|attending|attendance|apologies|absent|public|"
            r"in\s+attendance|also\s+present|officers?)\b\s*:?\s*$",
            text,
            re.I,
        )
    )


def _action_rows(lines: list[Line]) -> set[int]:
    """The rows of an action table ("ACTION LIST SUMMARY" / "NO | ACTION | OWNER" / "05.18.07 |
    NO to check if insurance ... | NO", Souldern PC): they repeat minute numbers but head no
    minute."""
    rows: set[int] = set()
    for i, line in enumerate(lines):
        if line.kind == "row" and is_action_table_head(line.text):
            k = i + 1
            while k < len(lines) and lines[k].kind == "row":
                rows.add(k)
                k += 1
    return rows


def _paragraphs_of_labelled(heads: list[_Head], run: list[_Head], lines: list[Line]) -> bool:
    """Whether a run of numbers from 1 is the numbered paragraphs of minutes labelled as such
    ("Item 6 – Governance Working Party Updates" over "1. The Governance Working Party Updates
    paper was presented ..." to "9. RESOLVED ...", Kent): every minute heading found is an
    "Item N" or "Minute N" label and the run starts under the first of them."""
    hits = [_match_ref(lines[h.index].text.strip()) for h in heads]
    return bool(
        heads
        and run
        and run[0].ref == "1"
        and run[0].index > heads[0].index
        and all(hit and hit[0] in ("item", "minute") for hit in hits)
    )


def marks_its_decisions(marked: list[list[ResolutionText]]) -> bool:
    """Whether minutes mark their decisions: "RESOLVED" in two or more items (``marked`` is
    each item's marked resolutions). Such minutes mark them all: an item without the mark
    records discussion, an undertaking or a note, so its prose is read only for a decision
    worded as one ("It was resolved to", "It was agreed to")."""
    return sum(1 for m in marked if m) >= _MARKED_ITEMS


def _slipped_numbers(heads: list[_Head], lines: list[Line]) -> list[_Head]:
    """Headings whose printed number is a slip ("55 Matters Arising", "6 Community Grant
    Applications", "57 Defibrillators": minute 56 printed "6", Sutton Coldfield TC): where the
    numbers skip exactly one, a line between them set like the headings around it (a numbered
    line opening its block, bold or a heading, a title rather than a sentence) is the missing
    minute, under the number it prints."""
    out = list(heads)
    for a, b in zip(heads, heads[1:], strict=False):
        if not (a.ref.isdigit() and b.ref.isdigit() and int(b.ref) - int(a.ref) == 2):
            continue
        bold = lines[a.index].bold and lines[b.index].bold
        for i in range(a.body_from, b.index):
            line = lines[i]
            m = _SEQ_HEAD.match(line.text.strip())
            if (
                m
                and line.first
                and (line.bold if bold else line.kind == "heading")
                and _title_like(m.group("title"))
                and not m.group("title").endswith(".")
            ):
                out.append(_Head(i, i + 1, m.group("ref"), m.group("title")))
                break
    return sorted(out, key=lambda h: h.index)


#: a heading that is a whole sentence ("3. The minutes of the meeting held on 06/06/12 were
#: agreed as a true record", "11. It was agreed to accept the new Code of Conduct"): a run-in
#: decision with no title of its own
_RUN_IN_WORDS = 5


def _with_run_in(title: str, body: list[Line]) -> str:
    """A minute's prose for reading decisions, led by its heading when the heading is a
    sentence of its own (a run-in decision) rather than a title."""
    text = _paragraphs(body)
    if len(title.split()) >= _RUN_IN_WORDS and _DECIDING_WORD.search(title):
        return f"{fold(title)}\n\n{text}" if text else fold(title)
    return text


_DECIDING_WORD = re.compile(r"\b(?:was|were|agreed|resolved|approved|decided)\b", re.I)


_SUB_TITLE_WORDS = 10


def _sub_items(heads: list[_Head], lines: list[Line]) -> list[_Head]:
    """Add a minute's decimal sub-items as minutes of their own ("5. Reports" / "5.1
    Chairman's Report" / "5.2 The Clerk's Report", parish minutes of Northwold and Wretton
    PCs; "5.1 Highway and Footpath defects", West Dereham PC): lines opening
    with the minute's number, a point and 1, 2, 3 ... in turn, each a short title over a body
    of its own. Numbered paragraphs ("28.1 The financial statement was received and noted.")
    and a run of one-line entries with no body ("8.1 Norfolk RCC Signpost magazine etc.",
    "8.2 Rural Opportunities Bulletin") stay inside the minute. A paper that numbers its
    paragraphs (most of its decimal numbers open sentences: "21.1 The chairman proposed and it
    was RESOLVED ...", "25.3 It was agreed ...", Hertingfordbury PC) uses a titled one
    ("30.1 Crossings and Greens:") as a heading inside its minute, not as a minute; a paper
    that heads its sub-items makes a decision numbered among them ("7.1 It was agreed to make a
    contribution of £275.00 towards ...", Northwold PC) a minute of its own, as a numbered
    heading that is a decision sentence is ("11. It was agreed to accept the new Code of
    Conduct")."""
    out: list[_Head] = []
    decided: list[_Head] = []  # "7.1 It was agreed to make a contribution of £275.00 ..."
    titled = paragraphs = 0
    # minutes whose headings run into their text (line breaks lost in export, or a title
    # set in bold that the text kept no trace of): their sub-items' titles run in too
    runs_in = 3 * sum(len(h.title.split()) > _SUB_TITLE_WORDS for h in heads) >= len(heads)
    for n, h in enumerate(heads):
        out.append(h)
        if not h.ref.isdigit():
            continue
        end = heads[n + 1].index if n + 1 < len(heads) else len(lines)
        sub = re.compile(rf"^{h.ref}\.(?P<n>\d{{1,2}})\.?\s+(?P<rest>\S.*)$")
        found: list[tuple[int, int, str]] = []
        for k in range(h.body_from, end):
            m = sub.match(lines[k].text.replace("\t", " ").strip())
            last = max((f[1] for f in found), default=0)
            # one number may be missed ("6.2 Handyman's Report." / "6.4 Police Report."), or
            # one cut from running text printed twice ("8.3" again after "8.6")
            again = found and lines[k].run_in and m and int(m.group("n")) <= last
            if m and lines[k].first and (0 < int(m.group("n")) - last <= 1 + (last > 0) or again):
                found.append((k, int(m.group("n")), m.group("rest").strip()))
        bare = not h.title and bool(found) and found[0][0] == h.body_from
        if bare:
            out.pop()  # the item's number alone heads its sub-items: they are its minutes
        for j, (k, num, rest) in enumerate(found):
            nxt = found[j + 1][0] if j + 1 < len(found) else end
            has_body = k + 1 < nxt
            inline = _INLINE_TITLE.match(rest)
            if inline and inline.group("sep").strip() in (":", "•"):
                # "5.1 Chairman's report: nothing to report": a title and its text run in
                title, lead = inline.group("title"), rest[inline.end("sep") :].strip()
            elif runs_in:
                title, lead = _run_in_title(rest)
            else:
                title, lead = rest, ""
            # "28.2 It was RESOLVED that ... :"
            decision = _DECIDING_WORD.search(" ".join(title.split()[:_SUB_TITLE_WORDS]))
            short = runs_in or len(title.split()) <= _SUB_TITLE_WORDS
            if short and (has_body or lead) and not decision:
                # the first sub-item's minute starts at its item's bare number
                at = h.index if bare and k == h.body_from else k
                out.append(_Head(at, k + 1, f"{h.ref}.{num}", title, lead))
                titled += 1
            elif decision or (len(rest.split()) > _SUB_TITLE_WORDS and rest.endswith(".")):
                paragraphs += 1
                if any(o.match(rest) for o in _decision_openers()):
                    decided.append(_Head(k, k + 1, f"{h.ref}.{num}", rest))
    if paragraphs > titled:
        return heads
    return sorted(out + decided, key=lambda h: h.index)


#: where a run-in title gives way to its text: a sentence's subject (initials, a pronoun, a
#: title) and, within two words, its verb ("Highway and Footpath defects | LA reported ...",
#: "Precept request for 16/17 | It was agreed ...", "... to the new clerk | Unanimously agreed",
#: "... year 2021/22 | All Councillors had been circulated the budget")
_TEXT_STARTS = re.compile(
    r"\s(?=(?:[A-Z]{2,3}|It|There|This|These|All(?:\s+[A-Z][a-z]+)?|Unanimously|Following|He|She|They|We"
    r"|Cllrs?\.?|Councillors?|Mrs?\.?|Ms\.?)\s+(?:[a-z]\S*\s+){0,2}?"
    r"(?:[a-z]+ed|was|were|is|are|has|had|have|will|would|held)\b)"
)
_TITLE_FULL_STOP = re.compile(r"^(?P<title>(?:\S+\s+){0,14}?\S+\.)\s+(?=[A-Z])")


def _run_in_title(rest: str) -> tuple[str, str]:
    """A run-in sub-item's title and the text after it: up to a full stop within its first
    fifteen words ("Chair's Report. LH advised ..."), or up to where a sentence starts
    ("Highway and Footpath defects LA reported ..."); failing both, the first words up to a
    sentence's end stand as its title, with no text split off."""
    stop = _TITLE_FULL_STOP.match(rest)
    start = _TEXT_STARTS.search(rest)
    if stop and (not start or stop.end("title") <= start.start()):
        return stop.group("title"), rest[stop.end() :].strip()
    if start and start.start() > 0:
        return rest[: start.start()].strip(), rest[start.start() :].strip()
    first = re.match(r"^.+?[.!?](?=\s+[A-Z]|$)", rest)
    return (first.group(0) if first else rest), ""


@functools.cache
def _session_names() -> re.Pattern[str]:
    names = "|".join(re.escape(r["name"]) for r in load_table("unnumbered_sessions.csv"))
    return re.compile(rf"^(?P<title>(?:{names}))\s*(?:[:•–-]\s*(?P<lead>\S.*))?$", re.I)


def _unnumbered_sessions(heads: list[_Head], lines: list[Line]) -> list[_Head]:
    """Add the unnumbered public sessions printed between numbered minutes ("OPEN FORUM" over
    its text, Northwold PC; "PUBLIC PARTICIPATION • Comment was made ...", Wretton PC): a line in
    capitals naming one (``data/unnumbered_sessions.csv``) after the first minute heads a
    minute with no ref."""
    if len(heads) < 3:
        return heads
    found = []
    for i in range(heads[0].body_from, len(lines)):
        m = _session_names().match(lines[i].text.strip())
        if m and lines[i].first and m.group("title").isupper():
            found.append(_Head(i, i + 1, "", m.group("title"), m.group("lead") or ""))
    return sorted(heads + found, key=lambda h: h.index) if found else heads


def _closing_end(lines: list[Line], start: int) -> int:
    """Where the last minute ends: after the line saying the meeting closed ("Meeting Closed at
    8.37 pm"), when one follows; what comes after it (an appendix of comments, the signature
    block) is no part of the minute."""
    for i in range(start, len(lines)):
        if _CLOSE.search(lines[i].text):
            return i + 1
    return len(lines)


def _overlaps(a: str, b: str) -> bool:
    """Whether two decision texts are one: either holds the other's opening words."""
    return a[:50] in b or b[:50] in a


def _with_prose_decisions(
    marked: list[ResolutionText], body: list[Line], page: int, title: str
) -> list[ResolutionText]:
    """A minute's marked resolutions with the decisions its running text words as the
    meeting's own ("It was agreed that ...") between them, in printed order: parish minutes
    mark some decisions "RESOLVED:" and record others in the discussion around them. Beside
    a single marked decision, only prose saying "resolved" counts: there, "it was agreed that"
    belongs to the discussion that led to the decision."""
    text = _paragraphs(body)
    folded = fold(text)
    prose = [
        r
        for r in prose_resolutions(text, page, fold(title), resolved_only=True)
        if not any(_overlaps(r.text, m.text) for m in marked)
        and (len(marked) > 1 or re.search(r"\bresolved\b", r.opener, re.I))
    ]
    if not prose:
        return marked

    def at(r: ResolutionText) -> int:
        k = folded.find(fold(r.text)[:60])
        return k if k >= 0 else len(folded)

    merged = sorted(marked + prose, key=at)
    return [ResolutionText(n, r.text, r.page, r.intro, r.opener) for n, r in enumerate(merged, 1)]


@document_memo  # the minutes, attendance and motions extractors each read a part's minutes
def read_minutes(lines: list[Line]) -> MinutesRead:
    """Split a minutes part's lines into minutes (reference, title, text, resolutions).
    The answer is shared by the extractors of a paper: callers must not change it."""
    heads = _find_heads(lines)
    by_sequence = _sequence_heads(lines)
    actions = _action_rows(lines)
    if any(h.index not in actions for h in [*heads, *by_sequence]):
        # an action table beside minutes headed elsewhere: its rows head nothing (a table that
        # holds all the headings is the minutes themselves, Boughton PC)
        heads = [h for h in heads if h.index not in actions]
        by_sequence = [h for h in by_sequence if h.index not in actions]
    # the sequence replaces typography only where it finds more and, when typography found a
    # few headings, finds those too (numbered paragraphs inside one minute are no headings)
    if (
        len(by_sequence) > len(heads)
        and (len(heads) < 3 or {h.index for h in heads} <= {h.index for h in by_sequence})
        and not _paragraphs_of_labelled(heads, by_sequence, lines)
    ):
        heads = by_sequence
    page_item = _page_item_head(lines)
    if page_item:
        heads, by_sequence = page_item, []  # a page of one item: its heading, no other
    if not heads and not by_sequence:
        heads = _bold_heads(lines)
    heads = _sub_items(_slipped_numbers(heads, lines), lines)
    heads = _unnumbered_sessions(heads, lines)
    bodies: list[list[Line]] = []
    for n, h in enumerate(heads):
        end = heads[n + 1].index if n + 1 < len(heads) else _closing_end(lines, h.body_from)
        body = lines[h.body_from : end]
        if h.lead:
            body = [replace(lines[h.index], text=h.lead, first=True), *body]
        bodies.append(body)
    marked = [read_resolutions(body) for body in bodies]
    resolved_only = marks_its_decisions(marked)
    items: list[Minute] = []
    for h, body, resolutions in zip(heads, bodies, marked, strict=True):
        page = lines[h.index].page
        items.append(
            Minute(
                ref=h.ref,
                title=fold(h.title),
                text=fold("\n".join(b.text for b in body)),
                page=page,
                resolutions=_with_prose_decisions(resolutions, body, page, h.title)
                if resolutions
                else prose_resolutions(
                    _with_run_in(h.title, body), page, fold(h.title), resolved_only
                ),
            )
        )
    if heads:
        opening = (
            prose_resolutions(
                _paragraphs(lines[: heads[0].index]), lines[0].page, resolved_only=True
            )
            if heads[0].index
            else []
        )
    else:
        # a page of one decision with no heading to read ("Issue - decisions ... RESOLVED:(i)
        # That ...", ModernGov): its marked decisions stand under no minute
        opening = read_resolutions(lines) if lines else []
    return MinutesRead(items, heads[0].index if heads else 0, [h.index for h in heads], opening)


_APPROVES = re.compile(r"\b(?:approv\w*|confirm\w*|correct\s+record|signed|agreed)\b", re.I)
_MINUTES_OF = re.compile(r"\bminutes\b", re.I)


def approved_minutes_date(
    resolution: str, minute: Minute, meeting_date: dt.date | None
) -> tuple[dt.date | None, bool]:
    """Return the date of the earlier meeting whose minutes a resolution approves.

    Takes the resolution text, its minute (the date may be printed only in the minute's title
    or in a sentence of its text naming the minutes) and the date of the meeting that resolved,
    used to complete a date printed without a year (an earlier meeting, so never after it).
    Returns (date or None, whether the year was inferred).
    """
    if not (_MINUTES_OF.search(resolution) and _APPROVES.search(resolution)):
        return None, False
    sources = [resolution, minute.title]
    sources += [s for s in re.split(r"(?<=\.)\s+", minute.text) if _MINUTES_OF.search(s)]
    for source in sources:
        for found in find_dates(source, meeting_date):
            date = found.date
            if found.inferred_year and meeting_date and date >= meeting_date:
                date = date.replace(year=date.year - 1)
            if meeting_date is None or date < meeting_date:
                return date, found.inferred_year
    return None, False


#: a web page's own line for the meeting it records: "Meeting: 21/11/2018 - Council (Item 43)"
#: (an issue's page), "Decided at meeting: 09/02/2021 - Cabinet" (a decision's page)
MEETING_FIELD = re.compile(
    r"^(?:decided\s+at\s+)?meeting\s*:\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\s*[–—-]\s*"
    r"(?P<body>[^()]+?)(?:\s*\((?!item\b)[^()]*\))*(?:\s*\(\s*item\s+(?P<item>\d{1,4}[a-z]?)\s*\))?\s*$",
    re.I,
)
#: a web page's title over the meeting it holds ("Agenda and minutes" / "Surrey Police and
#: Crime Panel - Tuesday, 15 September 2020 10.30 am"): the body is the words after it
_PAGE_TITLE = re.compile(r"^(?:agenda,?\s+(?:decisions\s+)?and\s+)?minutes$", re.I)
_WEEKDAY_TAIL = re.compile(
    r"[\s,–—-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[\s,]*)?$", re.I
)


def meeting_field(lines: list[Line]) -> re.Match[str] | None:
    """The page's "Meeting: <date> - <body> (Item N)" line among its first lines, or None."""
    found = _meeting_field_at(lines)
    return found[1] if found else None


def _meeting_field_at(lines: list[Line]) -> tuple[int, re.Match[str]] | None:
    """Where the page's "Meeting: ..." line is among its first lines, and its match."""
    for i, line in enumerate(lines[:15]):
        m = MEETING_FIELD.match(line.text.strip())
        if m:
            return i, m
    return None


def read_heading(lines: list[Line], reference=None) -> MeetingFacts:
    """Read body, date, start time and venue from the first lines of a minutes part."""
    facts = MeetingFacts()
    head = lines[:12]
    field = meeting_field(lines)
    if field:
        dates = find_dates(field.group("date"), reference)
        facts.body = field.group("body").strip()
        facts.page, facts.evidence = lines[0].page, fold(field.group(0))
        if dates:
            facts.date, facts.inferred_year = dates[0].date, dates[0].inferred_year
            return facts
    for k, line in enumerate(head):
        hit = _match_ref(line.text.strip())
        if re.match(r"^\d{1,4}[.)]?\s+[A-Z]", line.text.strip()) or (
            hit and hit[0] in ("yearly", "dotted")
        ):
            break  # a minute ("2. TO CONFIRM THE MINUTES OF ... 6TH FEBRUARY"): past the heading
        if not _HEAD.search(line.text) or EARLIER_MINUTES_APPROVED.search(line.text):
            continue  # "The minutes of the meeting held on October 16th 2024 were found to
            # be correct." reports an earlier meeting
        text = line.text
        j = k + 1
        while (
            j < len(head)
            and j - k < 4
            and not find_dates(text)
            and not re.match(r"^[A-Z ]{4,}:", head[j].text)
            and not EARLIER_MINUTES_APPROVED.search(head[j].text)
        ):
            text += " " + head[j].text
            j += 1
        if j < len(head) and re.search(r"\b(?:at|on)\s*$", text):
            text += " " + head[j].text
        text = fold(text)
        facts.page, facts.evidence = line.page, text
        m = _BODY_OF.search(text) or _BODY_EXCERPT.search(text)
        named = None if m else _BODY_MEETING.search(text)
        dates = find_dates(text, reference)
        if m:
            facts.body = m.group("body").strip(" ,")
        elif named:
            facts.body = (named.group("body") or named.group("body2")).strip(" ,")
        elif _PAGE_TITLE.match(line.text.strip()) and dates:
            # "Agenda and minutes" over "Dyfed Powys Police and Crime Panel - Thursday, 16th
            # November, 2017": the words between the page's title and the date
            words = _WEEKDAY_TAIL.sub("", text[len(line.text.strip()) : dates[0].start])
            words = words.strip(" ,–—-")
            facts.body = words if 1 <= len(words.split()) <= 12 else None
        elif k > 0:
            # the body is printed above the heading: the nearest line naming a body
            # ("STRATHNAIRN COMMUNITY COUNCIL / ANNUAL GENERAL MEETING / FARR COMMUNITY HALL /
            # MONDAY 23 JUNE 2014 / 7.30pm / DRAFT Minute"), else the line just above
            above = [ln.text for ln in head[max(0, k - 6) : k]][::-1]
            titles = [t for t in above if len(t.split()) <= 10 and not t.rstrip().endswith(".")]
            named = next((t for t in titles if _BODY_WORD.search(t)), None)
            if named is None and above[0] in titles:
                named = above[0]  # not a sentence ("No members of the public were present.")
            if named:
                prev = re.split(r"\s*[–—-]\s*\d", named)[0].strip(" –-")
                facts.body = prev.title() if prev.isupper() else prev
        if facts.body and facts.body.isupper():
            facts.body = facts.body.title()
        venue = _VENUE.search(text)
        if venue:
            place = venue.group("venue") or venue.group("venue_cy")
            facts.venue = re.sub(r"^the\s+", "", place.strip(" ,."), flags=re.I)
        if k > 0 and _BARE_TITLE.match(line.text.strip()):
            # a bare "Minute" under the meeting's own lines ("MONDAY 23 JUNE 2014 / 7.30pm /
            # DRAFT Minute"): the date above it is the meeting's, not one in the text below,
            # and the time is on the lines from the date down
            for at in range(k - 1, max(-1, k - 7), -1):
                if find_dates(head[at].text):
                    text = fold(" ".join(ln.text for ln in head[at:k]))
                    dates = find_dates(text, reference)
                    break
        if not dates and k > 0:
            dates = find_dates(head[k - 1].text, reference)
        if dates:
            facts.date, facts.inferred_year = dates[0].date, dates[0].inferred_year
            after = text[dates[0].end :]
            t = re.match(r"^[\s,]*(?:at|commencing\s+at|starting\s+at)?\s*(.{0,12})", after)
            facts.start_time = first_time(t.group(1)) if t else None
            before = _TIME_BEFORE_DATE.search(text[: dates[0].start])
            if facts.start_time is None and before:
                facts.start_time = first_time(before.group("t"))
            started = _STARTED_AT.search(after)
            if facts.start_time is None and started:
                # "... at Beauly Bowls Club starting at 7.30pm", "Meeting commenced at 10.30am."
                facts.start_time = first_time(started.group("t"))
        break
    if facts.date is None:
        for line in head[:5]:
            hit = _match_ref(line.text.strip())
            if hit and hit[0] in ("yearly", "dotted"):
                break  # "21.01.03 Minutes" is minute 21.01.03, not 21 January 2003
            dates = find_dates(line.text, reference)
            if dates:
                facts.date, facts.inferred_year = dates[0].date, dates[0].inferred_year
                facts.page, facts.evidence = line.page, fold(line.text)
                break
    for line in reversed(lines):
        m = _CLOSE.search(line.text)
        if m:
            times = list(find_times(line.text[m.end() :]))
            if times:
                facts.end_time = times[0][0]
                break
    return facts


def _has_item_rows(doc: Document) -> bool:
    """Whether a part's minutes are printed in a meeting page's item table, which
    ``item_rows`` reads (its decisions are not this reader's to give)."""
    from extractors.records.item_rows import item_rows  # it reads minutes with this module

    return bool(item_rows(doc))


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read each minutes part of a paper into a meeting, its minute items and resolutions."""
    out = Extraction()
    for part in parts_of(doc, ctx, ("minutes",)):
        lines = lines_of(part.doc)
        if not lines:
            continue
        facts = read_heading(lines, part.date or ctx.paper_date)
        if facts.inferred_year:
            out.finding(
                ctx.paper_id,
                "info",
                "date_year_inferred",
                f"minutes date {facts.date} had no year; completed from the paper's date",
                facts.page,
            )
        mid = meeting_id_for(ctx.paper_id, part.part_no, "minutes")
        out.add(
            "meetings",
            Meeting(
                meeting_id=mid,
                paper_id=ctx.paper_id,
                part_no=part.part_no,
                body=facts.body or ctx.body,
                date=facts.date or part.date,
                start_time=facts.start_time,
                end_time=facts.end_time,
                venue=facts.venue,
                source="minutes",
                page=facts.page or lines[0].page,
                evidence=facts.evidence or None,
            ),
        )
        read = read_minutes(lines)
        meeting_date = facts.date or part.date
        for res in [] if not read.items and _has_item_rows(part.doc) else read.opening:
            out.add("resolutions", resolution_row(mid, ctx.paper_id, None, res.number, res))
        numbered: Counter[str] = Counter()  # decisions so far under each printed ref
        for position, item in enumerate(read.items, 1):
            out.add(
                "minute_items",
                MinuteItem(
                    meeting_id=mid,
                    paper_id=ctx.paper_id,
                    ref=item.ref or None,
                    position=position,
                    title=item.title,
                    text=item.text,
                    page=item.page,
                ),
            )
            for res in item.resolutions:
                approves, inferred = approved_minutes_date(res.text, item, meeting_date)
                if inferred:
                    out.finding(
                        ctx.paper_id,
                        "info",
                        "date_year_inferred",
                        f"date of the minutes approved in {item.ref} ({approves}) had "
                        "no year; completed from the meeting's date",
                        res.page,
                    )
                # a ref printed twice numbers on, so (minute_ref, number) stays a key;
                # unnumbered minutes each number from 1
                number = res.number + (numbered[item.ref] if item.ref else 0)
                out.add(
                    "resolutions",
                    resolution_row(mid, ctx.paper_id, item.ref, number, res, approves),
                )
            if item.ref:
                numbered[item.ref] += len(item.resolutions)
        if not read.items:
            out.finding(
                ctx.paper_id,
                "warning",
                "minutes_without_items",
                "a minutes part has no minute headings that could be read",
                lines[0].page,
            )
    return out
