"""Recommendations in reports and updates, and priorities listed for a period.

Recommendations: a paragraph labelled "Recommendation:", every paragraph under a
"Recommendation(s)" heading, and any paragraph asking the body to act ("The Partnership is asked
to note ...", "It is recommended that ..."); cues are in ``data/recommendation_cues.csv``. The
section is the nearest printed heading or paragraph label ("Performance data: ...").
Priorities: the list under a sentence announcing them ("agreed the following priorities for
2019/20:", "SaferMK currently has 6 priorities"), and a priority named in running text ("the
priority of 'Feeling Safe in Milton Keynes'", "retain Domestic Abuse as a priority").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.base import Extraction, PaperContext
from extractors.datafiles import load_table
from extractors.text.meeting_text import Line, fold, lines_of, parts_of
from schemas.document import Document
from schemas.records import Priority, Recommendation

_BULLET = re.compile(r"^(?:[-–•\u2022\u25aa\u25cf*o]\s+|\uf0b7\s*)")
_PARA_NO = re.compile(r"^(?:[-–•]\s+)?\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=\S)")
_LABEL = re.compile(r"^(?P<label>[A-Z][^:.!?\t]{1,60}?)\s*:\s*(?P<rest>.*)$")
_FY = re.compile(
    r"\b(?:for|in|during|over)\s+(?:the\s+)?(?:year\s+)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})\b"
)
_QUOTED = re.compile(r"\bpriority\s+(?:of|for|on)\s+['‘\"“]([^'’\"”]{3,80})['’\"”]", re.I)
_RETAIN = re.compile(
    r"\b(?:retain|keep|adopt|agree|make|set|name)(?:ed|s)?\s+"
    r"([A-Z][\w&,'’ -]{2,60}?)\s+as\s+(?:a|an|its|their|the|our)\s+"
    r"(?:key\s+|strategic\s+|main\s+)?priority\b"
)
_HAS_N = re.compile(
    r"\b(?:has|have|had|agreed|adopted|set|identified)\b[^.]{0,40}\bpriorities\b", re.I
)
_NOT_PRIORITY = re.compile(r"\bin\s+addition\s+to\s+(?:these|the|our)\s+priorities\b", re.I)


@functools.cache
def _cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (r["kind"], re.compile(r["pattern"], re.I)) for r in load_table("recommendation_cues.csv")
    )


def _cue(kind: str, text: str) -> re.Match[str] | None:
    for k, pattern in _cues():
        if k == kind:
            m = pattern.search(text)
            if m:
                return m
    return None


@dataclass
class Para:
    """A paragraph: the lines of one block (or one table row), joined."""

    text: str
    page: int
    kind: str
    bold: bool
    lines: list[Line]


def paragraphs(lines: list[Line]) -> list[Para]:
    """Group lines into paragraphs (a new block, row, bullet or numbered paragraph starts one)."""
    out: list[Para] = []
    for ln in lines:
        starts = (
            ln.first
            or ln.kind == "row"
            or _BULLET.match(ln.text)
            or re.match(r"^\d{1,2}\.\d{1,2}\s", ln.text)
        )
        if starts or not out:
            out.append(Para(ln.text, ln.page, ln.kind, ln.bold, [ln]))
        else:
            out[-1].text += "\n" + ln.text
            out[-1].lines.append(ln)
    return out


def _is_heading(p: Para) -> bool:
    text = p.text.strip()
    if p.kind == "list_item" or _BULLET.match(text) or p.kind == "row":
        return False
    if p.kind == "heading":
        return True
    words = text.split()
    if not words or len(words) > 14 or text.endswith((".", ",", ";")):
        return False
    numbered = re.match(r"^\d{1,2}\.(?:\d{1,2})?\s+[A-Z]", text)
    if (
        len(p.lines) == 1
        and len(words) <= 12
        and text[:1].isupper()
        and not re.search(r"\s[–—-]\s+[a-z]", text)
    ):
        return True
    return bool(
        p.bold
        or numbered
        or text.endswith(":")
        or text.isupper()
        or re.match(r"^\(?[a-z]\)\s+[A-Z]", text)
    )


def section_name(heading: str) -> str:
    """Return a heading as a section name: without trailing colon or the text after ": " / " – "."""
    text = fold(heading).rstrip(":").strip()
    text = re.split(r"\s*:\s+|\s+[–—]\s+|\s+-\s+(?=Lead\b)", text)[0]
    return text.strip(" :")


def _strip_number(text: str) -> str:
    return _PARA_NO.sub("", _BULLET.sub("", text.strip())).strip()


def read_recommendations(lines: list[Line]) -> list[tuple[str, str | None, int]]:
    """Return (text, section, page) of each recommendation in a report's lines."""
    out: list[tuple[str, str | None, int]] = []
    section: str | None = None
    in_recs = False
    for p in paragraphs(lines):
        text = p.text.strip()
        if p.kind == "row" and "\t" in text:
            label, body = text.split("\t", 1)
            if _cue("ask", body):
                out.append((fold(body.replace("\t", " ")), section_name(label), p.page))
            continue
        label = _LABEL.match(text)
        if label and _cue("label", label.group("label") + ":"):
            if label.group("rest").strip():
                out.append((fold(label.group("rest")), section, p.page))
            else:
                in_recs, section = True, section_name(text)
            continue
        if _is_heading(p):
            section = section_name(text)
            in_recs = bool(_cue("section", text))
            continue
        if label and len(label.group("label").split()) <= 6 and not _cue("ask", text):
            section = section_name(label.group("label"))
        body = _strip_number(fold(text))
        if not body:
            continue
        if in_recs or _cue("ask", body):
            out.append((body, section, p.page))
    seen: set[str] = set()
    unique = []
    for rec in out:
        if rec[0].lower() not in seen:
            seen.add(rec[0].lower())
            unique.append(rec)
    return unique


def _period(text: str) -> str | None:
    m = _FY.search(text)
    if not m:
        return None
    start, end = m.group(1), m.group(2)
    return f"{start}/{end[-2:]}"


def read_priorities(lines: list[Line]) -> list[tuple[str, str | None, int]]:
    """Return (text, period, page) of each priority named in the lines."""
    out: list[tuple[str, str | None, int]] = []
    i = 0
    while i < len(lines):
        text = lines[i].text
        # every pattern below needs the word (folding spaces cannot make or break it)
        if "priorit" not in text.lower():
            i += 1
            continue
        flat = fold(text.replace("\t", " "))
        for m in _QUOTED.finditer(flat):
            out.append((m.group(1).strip(), None, lines[i].page))
        for m in _RETAIN.finditer(flat):
            out.append((m.group(1).strip(), _period(flat[m.end() : m.end() + 40]), lines[i].page))
        # a bullet item inside a cell may wrap onto the cell's next line(s)
        inline = re.search(
            r"\bpriorit(?:y|ies)\b[^.:\n]{0,40}:\s*(?:<[^>]+>\s*)*[•\u2022\uf0b7]\s*"
            r"([^•\n\t<]+(?:\n(?![•\u2022\uf0b7])[^•\n\t<]+)*)",
            text,
        )
        if inline:
            item = re.split(r"(?<=\.)\s", inline.group(1), maxsplit=1)[0]
            out.append((fold(item), _period(flat), lines[i].page))
        cue = (
            re.search(r"\bpriorit(?:y|ies)\b", flat, re.I)
            and not _NOT_PRIORITY.search(flat)
            and (flat.rstrip().endswith(":") or _HAS_N.search(flat))
            and not inline
        )
        i += 1
        if not cue:
            continue
        period = _period(flat)
        j = i
        while j < len(lines) and (lines[j].kind == "list_item" or _BULLET.match(lines[j].text)):
            item = fold(_BULLET.sub("", lines[j].text)).rstrip(";,")
            item = re.sub(r"\s*(?:;|,)?\s*and$", "", item)
            if item:
                out.append((item, period, lines[j].page))
            j += 1
        i = j
    seen: set[str] = set()
    unique = []
    for pr in out:
        if pr[0].lower() not in seen:
            seen.add(pr[0].lower())
            unique.append(pr)
    return unique


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read recommendations (report parts) and priorities (every part) of a paper."""
    out = Extraction()
    for part in parts_of(doc, ctx, ("report",)):
        for text, section, page in read_recommendations(lines_of(part.doc)):
            out.add(
                "recommendations",
                Recommendation(
                    paper_id=ctx.paper_id,
                    part_no=part.part_no,
                    section=section,
                    text=text,
                    page=page,
                ),
            )
    types = ("agenda", "minutes", "report", "appendix", "other")
    views = parts_of(doc, ctx, types) or []
    if not views:
        from extractors.text.meeting_text import PartView

        views = [PartView(None, "other", None, None, doc)]
    for part in views:
        for text, period, page in read_priorities(lines_of(part.doc)):
            out.add(
                "priorities", Priority(paper_id=ctx.paper_id, period=period, text=text, page=page)
            )
    return out
