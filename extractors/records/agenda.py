"""Agenda front sheets: the meeting, the membership list and the numbered agenda items.

The front sheet gives body, date, start time ("When: 2.00 pm", "Tuesday, 4th March, 2025, at
10.00 am") and venue ("Where:", "held in ... on", or the venue lines under the date). A
membership list runs under a MEMBERSHIP heading in groups whose heading gives the category
(``data/membership_categories.csv``); each member is "name <tab> role (organisation)" as a line or
a table row, or a list "Councillors A (Chair), B and C". Items are numbered lines in sequence
after the AGENDA heading; page references "(Pages 6 to 9)", "(Pages 1 - 18)", "to follow" and
exempt sections (``data/agenda_sections.csv``) are read from the title and the text under it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.base import Extraction, PaperContext
from extractors.datafiles import load_table
from extractors.records.meeting_ids import meeting_id_for
from extractors.text.meeting_text import (
    LINK_LABEL,
    Line,
    MeetingFacts,
    find_dates,
    find_times,
    first_time,
    fold,
    lines_of,
    parts_of,
)
from extractors.values.names import (
    looks_like_name,
    role_and_org,
    split_honorific,
    split_name_role,
    split_people,
)
from schemas.document import Document
from schemas.records import AgendaItem, Meeting, Membership, Part

_MARKER = re.compile(r"^(?:a\s*g\s*e\s*n\s*d\s*a|agenda)(?:\s+items?(?:\s+no\.?)?)?\s*:?$", re.I)
_ITEM = re.compile(r"^(?:item\s+)?(\d{1,4})[.:)]?[\s\t]+(\S.*)$", re.I)
_PAGES = re.compile(r"\(?\s*\bpages?\s+(\d{1,4})(?:\s*(?:-|–|—|to)\s*(\d{1,4}))?\s*\)?", re.I)
_TO_FOLLOW = re.compile(r"\(?\s*\bto\s+follow\b\s*\)?", re.I)
# the size label a web agenda prints after a linked title ("Minutes PDF 130 KB", "Hicks Gate
# Masterplan PDF 1 MB"): the link, not the title
_EXCLUSION = re.compile(r"\bexclusion\s+of\s+(?:the\s+)?(?:press|public)", re.I)
_LABEL = re.compile(r"^(when|where|date|time|venue|place)\s*:\s*(.*)$", re.I)
_CONTACT = re.compile(r"\s*(?:ask\s+for|telephone|tel|e-?mail|contact|enquiries)\s*:.*$", re.I)
_MEMBERSHIP = re.compile(r"^(?:membership|members\s+of\s+the\s+\w+.*)(?:\s*:)?$", re.I)
_MEMBERSHIP_INLINE = re.compile(r"^(?:membership|members)\s*:\s*(\S.+)$", re.I)
_GROUP = re.compile(r"^(?:\d{1,2}[.)]\s+)?(?P<head>[A-Z][^\t]{2,120}?):\s*$")
_VENUE_HELD = re.compile(
    r"\bheld\s+(?:in|at)\s+(?:the\s+)?(?P<venue>.+?)\s+on\s+(?:\w+day,?\s+)?\d", re.I
)
# a title that stops on one of these words runs on to the next line
_UNFINISHED = re.compile(
    r"(?:\b(?:and|or|of|on|in|for|to|the|a|an|with|by|from|at|held|including)|[,&(–-]|"
    r"\b(?:jan|febr)uary|\b(?:march|april|may|june|july|august|september|october|november|"
    r"december))\s*$",
    re.I,
)
_ASK_FOR = re.compile(r"^(?i:ask\s+for|contact)\s*:\s*(?:[A-Z][\w'’-]+\s+){2,3}?(?=[A-Z])")
# "The meeting is scheduled to end by 5.00 pm": the end time a front sheet may print
_END = re.compile(
    r"\b(?:scheduled|expected|due|planned)\s+to\s+(?:end|finish|close|conclude)"
    r"(?:\s+(?:by|at|no\s+later\s+than|not\s+later\s+than))?\s+",
    re.I,
)
_RISING = re.compile(r"\b(?:on|at|upon)\s+the\s+rising\s+of\b", re.I)
_STOP_HEADS = re.compile(
    r"^(?:health\s+and\s+safety|mobile\s+phones|recording|webcast|"
    r"enquiries|notes?\b|information\s+for|fire\s+|quorum|agenda\b)",
    re.I,
)


@functools.cache
def _categories() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(r["pattern"], re.I), r["category"])
        for r in load_table("membership_categories.csv")
    )


@functools.cache
def _sections() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(r["pattern"], re.I), r["exempt"]) for r in load_table("agenda_sections.csv")
    )


@functools.cache
def _venue_words() -> re.Pattern[str]:
    words = [re.escape(r["word"]) for r in load_table("venue_words.csv")]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)


def category_of(heading: str) -> str | None:
    """Return the membership category a group heading names, or None."""
    for pattern, category in _categories():
        if pattern.search(heading):
            return category
    return None


def _section(text: str) -> str | None:
    """The kind of section a line opens: "yes" (exempt), "no" (open) or "end" (the list ends)."""
    for pattern, kind in _sections():
        if pattern.match(text):
            return kind
    return None


# --- the meeting -----------------------------------------------------------------------------


def _cells(line: Line) -> list[str]:
    return [c.strip() for c in re.split(r"[\t\n]", line.text) if c.strip()]


def read_front_sheet(lines: list[Line], reference=None) -> MeetingFacts:
    """Read date, start time and venue from the first lines of an agenda part."""
    sheet = MeetingFacts()
    head = lines[:40]
    texts = [" ".join(_cells(ln)) for ln in head]
    date_idx = None
    best = -1
    for i, t in enumerate(texts):
        # a date set in large type may be broken over lines ("Thursday, 13th / February, 2025")
        window = " ".join(texts[i : i + 3])
        dates = [
            d for d in find_dates(window, reference) if not d.inferred_year and d.start < len(t)
        ] or [d for d in (find_dates(t, reference) if reference else []) if d.start < len(t)]
        if not dates:
            continue
        # the meeting's date beats a letter's date: it is set as a heading, printed with its
        # weekday or followed by the start time
        score = (
            int(head[i].bold or head[i].kind == "heading")
            + int(bool(re.match(r"^\w+day\b", window[dates[0].start :], re.I)))
            + int(first_time(window[dates[0].end : dates[0].end + 40]) is not None)
        )
        if score > best:
            best = score
            sheet.date, sheet.inferred_year = dates[0].date, dates[0].inferred_year
            sheet.page, sheet.evidence, date_idx = head[i].page, t, i
    for i, t in enumerate(texts):
        # "When: 2.00 pm" / "Date: ..." labels, also as table rows
        m = _LABEL.match(t)
        if m and m.group(1).lower() in ("where", "venue", "place"):
            cells = _cells(head[i])
            parts = [_LABEL.match(cells[0]).group(2) if _LABEL.match(cells[0]) else ""]
            parts += cells[1:]
            for k in range(i + 1, min(i + 4, len(head))):
                nxt = texts[k]
                if (
                    head[k].first
                    or not nxt
                    or re.match(r"^[A-Z][\w ]{1,30}:", nxt)
                    or nxt.startswith(("<", "http", "www"))
                ):
                    break
                parts.append(nxt)
            sheet.venue = ", ".join(p.strip(" ,") for p in parts if p.strip(" ,"))
        elif m and m.group(1).lower() in ("when", "time"):
            sheet.start_time = sheet.start_time or first_time(" ".join(texts[i : i + 2]))
    joined = " ".join(texts)
    end = _END.search(joined)
    if end:
        sheet.end_time = first_time(joined[end.end() : end.end() + 12])
    if sheet.venue is None:
        held = _VENUE_HELD.search(joined)
        if held:
            sheet.venue = held.group("venue").strip(" ,")
    rising = False
    if date_idx is not None:
        window = " ".join(texts[date_idx : date_idx + 3])
        # "on the rising of the County Council" before any time: the start is not a clock time
        rise = _RISING.search(window)
        rising = bool(rise) and first_time(window[: rise.start()]) is None
        if sheet.start_time is None and not rising:
            sheet.start_time = first_time(window)
        if sheet.venue is None:
            parts = []
            # a reader may run the venue column into the date line, after a contact label
            times = list(find_times(texts[date_idx]))
            tail = texts[date_idx][times[0][2] :] if times else ""
            tail = _ASK_FOR.sub("", tail.strip(" ,"))
            for t in [tail] + texts[date_idx + 1 : date_idx + 5]:
                t = _CONTACT.sub("", t).strip(" ,")
                if t and _venue_words().search(t) and not t.startswith("("):
                    parts.append(t)
                elif parts:
                    break
            if parts:
                sheet.venue = ", ".join(parts)
    if sheet.start_time is None and not rising:
        start = first_time(" ".join(texts[:12]))
        sheet.start_time = start if start != sheet.end_time else None
    return sheet


# --- membership ------------------------------------------------------------------------------


def read_membership(
    lines: list[Line],
) -> list[tuple[str, str | None, str | None, str | None, int, str]]:
    """Return (name, category, position, organisation, page, evidence) of each listed member."""
    out = []
    i = 0
    n = len(lines)
    while i < n:
        text = lines[i].text.strip()
        inline = _MEMBERSHIP_INLINE.match(text)
        if inline and "\t" not in text:
            for e in split_people(inline.group(1)):
                cat = "chair" if e.chair else "voting"
                out.append((e.name, cat, e.position, e.organisation, lines[i].page, e.evidence))
            i += 1
            continue
        if not _MEMBERSHIP.match(text) or "please see" in " ".join(
            ln.text.lower() for ln in lines[i + 1 : i + 2]
        ):
            i += 1
            continue
        category: str | None = "voting"
        i += 1
        while i < n:
            line = lines[i]
            t = line.text.strip()
            g = _GROUP.match(t)
            if g and "\t" not in t:
                category = category_of(g.group("head")) or category
                i += 1
                continue
            cells = [c for c in t.split("\t") if c.strip()]
            if len(cells) == 1 and not line.bold and (split := split_name_role(fold(t))):
                cells = list(split)  # a borderless table read without its column gap
            if len(cells) >= 2 and _is_name(cells[0]):
                position, org = role_and_org(" ".join(cells[1:]).replace("\n", " "))
                out.append((fold(cells[0]), category, position, org, line.page, fold(t)))
                i += 1
                continue
            if re.fullmatch(r"[-\s]{2,}", t):  # a rule printed under a row
                i += 1
                continue
            break
    return out


def _is_name(text: str) -> bool:
    hon, rest, _ = split_honorific(fold(text))
    return looks_like_name(fold(text)) or bool(hon and rest)


# --- items -----------------------------------------------------------------------------------


@dataclass
class Item:
    """An agenda item as read."""

    number: int
    title: str
    description: str
    page_from: int | None
    page_to: int | None
    to_follow: bool
    exempt: bool
    page: int
    evidence: str
    sub_item: str | None = None


_SUB_ITEM = re.compile(r"^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\([0-9]{1,2}\))\s")
#: a lettered or roman sub-item line: "(a) Chair", "b. CDC", "a) Planning", "a Nancy Bowles
#: Wood Advisory Group", "viii Correspondence" (a bare letter or roman numeral only in sequence,
#: see ``_next_subs``)
_SUB_LINE = re.compile(
    r"^(?:(?:\((?P<p>[a-z]{1,4})\)|(?P<d>[a-z]{1,4})[.)])\s+(?=\S)|"
    r"(?P<b>[a-z]|[ivx]{2,4})\s+(?=[A-Z0-9‘“'\"]))(?P<title>.+)$"
)
#: a line opened by a roman label ("vii Financial Report"): a sub-item out of sequence, not
#: the run-on of a title
_ROMAN_LABEL = re.compile(r"^(?:\(?[ivx]{1,4}[.)]|[ivx]{2,4})\s+(?=[A-Z])")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _next_subs(prev: str | None) -> tuple[str, ...]:
    """The sub-item labels that may follow ``prev`` (None: the first of a list)."""
    if prev is None:
        return ("a", "i")
    out = []
    if len(prev) == 1 and prev < "z":
        out.append(chr(ord(prev) + 1))
    if prev in _ROMAN and _ROMAN.index(prev) + 1 < len(_ROMAN):
        out.append(_ROMAN[_ROMAN.index(prev) + 1])
    return tuple(out)


def _inline_sub(text: str, prev: str) -> tuple[int, str, str] | None:
    """(where, label, title) of the next sub-item when a line runs it on after ``prev``'s
    title ("... Advisory Group b. CDC"); bare letters do not count inside a line."""
    for label in _next_subs(prev):
        m = re.search(r"\s(?:\(" + label + r"\)|" + label + r"[.)])\s+(?=[A-Z0-9‘“'\"])", text)
        if m:
            return m.start(), label, text[m.end() :]
    return None


def _sub_item(text: str, prev: str | None) -> tuple[str, str] | None:
    """(label, title) when ``text`` opens the sub-item that may come after ``prev``."""
    m = _SUB_LINE.match(text)
    if not m:
        return None
    label = m.group("p") or m.group("d") or m.group("b")
    return (label, m.group("title")) if label in _next_subs(prev) else None


# "PUBLIC PARTICIPATION - to allow ...", "Accounts for payment:- ...": a title, then what the
# item is for, on one line
# (after a dash only a purpose in lower case: "Decision 24/00093 - Future of ..." is one title)
_TITLE_THEN_PURPOSE = re.compile(
    r"^(?P<title>[^:–—]{3,120}?)(?:\s*:-?\s*(?P<rest>\S.*)|"
    r"(?:\s+-|\s*[–—])\s+(?P<purpose>[a-z].*))$"
)


#: a purpose printed on the line under a short title and joined to it by the reader:
#: "Defibrillator To discuss", "Finance To approve monthly accounts payable" (Souldern PC)
_TITLE_THEN_TO = re.compile(
    r"^(?P<title>\S.{1,80}?)\s+(?P<rest>To\s+(?:discuss|receive|approve|"
    r"consider|note|agree|resolve|review|decide|confirm|report)\b.*)$"
)


def strip_link_label(title: str) -> str:
    """``title`` without the size label a web page prints after a linked title ("Minutes PDF
    162 KB" -> "Minutes")."""
    return LINK_LABEL.sub("", title).strip()


def _split_title(title: str) -> tuple[str, str]:
    """(title, the words after it) for an item line that runs its purpose on after a separator;
    a page reference stays with the title."""
    to = _TITLE_THEN_TO.match(title)
    if to and not title.startswith("To "):
        return to.group("title").strip(" .,-–"), to.group("rest")
    m = _TITLE_THEN_PURPOSE.match(title)
    rest = (m.group("rest") or m.group("purpose") or "").strip() if m else ""
    if not m or _PAGES.fullmatch(rest) or _TO_FOLLOW.fullmatch(rest):
        return title, ""
    return m.group("title").strip(), rest


def _head(text: str) -> str:
    """The first line of a line's text: a table row whose title cell runs on over several lines
    ("1. | Apologies for absence / To receive apologies ...") is opened by its first line."""
    return text.split("\n", 1)[0]


def _items_start(lines: list[Line]) -> int:
    markers = [i for i, ln in enumerate(lines) if _MARKER.match(ln.text.strip())]
    if not markers:
        return 0
    for i, ln in enumerate(lines):
        m = _ITEM.match(_head(ln.text).strip())
        if m and m.group(1) == "1":
            before = [k for k in markers if k < i]
            if before:
                return before[-1] + 1
    return markers[0] + 1  # items that do not start at 1 ("805. Apologies"): the first agenda


def _first_number(lines: list[Line], start: int) -> int:
    """The number the item list opens with: 1, or the number printed right under the agenda
    heading of a supplement that carries only some items ("Agenda Item No / 3 Title")."""
    for ln in lines[start : start + 2]:
        m = _ITEM.match(_head(ln.text).replace("\t", " ").strip())
        if m:
            return int(m.group(1))
    return 1


def list_numbers(lines: list[Line]) -> dict[int, int]:
    """The number each item of a web page's numbered list shows where the number is not in its
    text (an HTML ``<ol>``, whose items the browser numbers 1, 2, 3 ...), by line index: the
    item's place in the run of numbered items at the run's top level. Any line that is not a
    list item ends the run, as a new ``<ol>`` starts again at 1; a bulleted item ends it too.
    (A Word list continues its numbering past other paragraphs and may be a bullet list: its
    numbers are not counted so.)"""
    out: dict[int, int] = {}
    count, top = 0, None
    for i, ln in enumerate(lines):
        if ln.kind != "list_item":
            count, top = 0, None
            continue
        if not ln.first:
            continue
        top = ln.level if top is None else min(top, ln.level)
        if ln.level != top:
            continue  # a nested list's items are not the agenda's items
        if ln.bullet:
            count = 0
            continue
        count += 1
        out[i] = count
    return out


def _glued(text: str, number: int) -> re.Match[str] | None:
    """The next item's line when its number is set against the title with no space between
    ("7Planning— - Chavenage Dairy ...", read from a scan): only the number due next counts."""
    return re.match(rf"^({number})[.:)]?(?=[A-Z‘“'\"])(\S.*)$", text)


def _run_on_item(cur: dict, number: int) -> dict | None:
    """Item ``number`` split off the current item's text when the reader ran its line on at
    the end of the current one ("... held on Tuesday 7 October 2025 4. To receive a report
    ..."): the current item keeps the words before it. None when no such number is there."""
    at = re.compile(rf"\s{number}[.)]\s+(?=[A-Z‘“'\"])")
    texts = [cur["title"], *cur["desc"]]
    for i, text in enumerate(texts):
        hit = at.search(text)
        if hit is None:
            continue
        before, after = text[: hit.start()].rstrip(), text[hit.end() :]
        if i == 0:
            cur["title"], cur["desc"] = before, []
        else:
            cur["desc"] = cur["desc"][: i - 1] + ([before] if before else [])
        return {
            "number": number,
            "title": after,
            "desc": texts[i + 1 :],
            "exempt": cur["exempt"],
            "page": cur["page"],
        }
    return None


def read_items(lines: list[Line], web_lists: bool = False) -> list[Item]:
    """Return the numbered agenda items of an agenda part's lines, in order; ``web_lists``: the
    lines are a web page's, whose numbered lists print their numbers (``list_numbers``)."""
    start = _items_start(lines)
    numbers = list_numbers(lines) if web_lists else {}
    items: list[Item] = []
    exempt = False
    last = _first_number(lines, start) - 1
    cur: dict | None = None

    def close() -> None:
        if cur is None:
            return
        title, inline = _split_title(fold(cur["title"]))
        desc = fold("\n".join(([inline] if inline else []) + cur["desc"]))
        both = title + " " + desc
        pages = _PAGES.search(title) or _PAGES.search(desc)
        follow = bool(_TO_FOLLOW.search(both))
        title = _TO_FOLLOW.sub("", _PAGES.sub("", LINK_LABEL.sub("", title))).strip(" .,-–:")
        p_from = int(pages.group(1)) if pages else None
        p_to = int(pages.group(2) or pages.group(1)) if pages else None
        items.append(
            Item(
                cur["number"],
                title,
                desc or None,
                p_from,
                p_to,
                follow,
                cur["exempt"] and not _EXCLUSION.search(title),
                cur["page"],
                fold(cur["title"] + " " + desc)[:500],
                cur.get("sub"),
            )
        )

    for k in range(start, len(lines)):
        line = lines[k]
        t = line.text.replace("\t", " ").strip()
        if _MARKER.match(t) and (items or cur is not None):
            close()  # a second agenda in the paper (an annual meeting, then the meeting)
            cur = None
            last = _first_number(lines, k + 1) - 1
            continue
        sec = _section(t)
        if sec == "end":
            if cur is not None and cur["desc"] and split_name_role(cur["desc"][-1]):
                cur["desc"].pop()  # the signature above a sign-off ("Jane Reed Head of Legal")
            break
        if sec is not None:
            close()
            cur = None
            exempt = sec == "yes"
            continue
        head, _, more = t.partition("\n")
        if k in numbers:  # the list prints the number, the text does not hold it
            head = f"{numbers[k]} {head.strip()}"
        m = _ITEM.match(head.strip()) or _glued(head.strip(), last + 1)
        if m and int(m.group(1)) == last + 2 and cur is not None:
            # the item between was run on at the end of the last one's line: split it off
            nxt = _run_on_item(cur, last + 1)
            if nxt is not None:
                close()
                cur, last = nxt, last + 1
        if m and int(m.group(1)) == last + 1:
            close()
            last = int(m.group(1))
            cur = {
                "number": last,
                "title": m.group(2),
                "desc": [ln.strip() for ln in more.split("\n") if ln.strip()],
                "exempt": exempt,
                "page": line.page,
            }
            continue
        if cur is None:
            continue
        sub = _sub_item(t, cur.get("sub"))
        if sub is not None:
            # a sub-item ("(a) Chair" under "6. Office Bearers reports:"); the next ones may be
            # run on in the same line ("a Nancy Bowles Wood Advisory Group b. CDC c. OCC")
            label, title = sub
            while True:
                close()
                cur = {
                    "number": last,
                    "sub": label,
                    "title": title,
                    "desc": [],
                    "exempt": exempt,
                    "page": line.page,
                }
                nxt = _inline_sub(title, label)
                if nxt is None:
                    break
                cur["title"], (label, title) = title[: nxt[0]].rstrip(), nxt[1:]
            continue
        if (
            not cur["desc"]
            and not _SUB_ITEM.match(t)
            and not _ROMAN_LABEL.match(t)
            and (
                t[:1].islower()
                or _UNFINISHED.search(cur["title"])
                or re.fullmatch(r"\(?\s*pages?\s[\d\s\-–to]+\)?", t, re.I)
            )
        ):
            cur["title"] += " " + t
        else:
            cur["desc"].append(t)
    close()
    return items


@functools.cache
def _summons() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"], re.I) for r in load_table("summons_cues.csv"))


@functools.cache
def _present_label() -> re.Pattern[str]:
    words = [r["pattern"] for r in load_table("attendance_labels.csv") if r["status"] == "present"]
    return re.compile(r"^\s*(?:" + "|".join(words) + r")\s*:", re.I)


_SUMMONS_WITHIN = 200  # lines from the top of minutes (a web page's menu comes first)


def agenda_at_head(lines: list[Line]) -> list[Line]:
    """The agenda that minutes print before their record: the lines after the meeting's summons
    ("Councillors are summoned to a meeting ... transacting the following business",
    ``data/summons_cues.csv``) up to the attendance block that opens the record ("Present:").
    Empty when the minutes open with their attendance, or print no summons, or no attendance
    block follows it (nothing tells where such an agenda would end)."""
    present = _present_label()
    for i, ln in enumerate(lines[:_SUMMONS_WITHIN]):
        if present.match(ln.text):
            return []
        if any(p.search(ln.text) for p in _summons()):
            for k in range(i + 1, len(lines)):
                if present.match(lines[k].text):
                    return lines[i + 1 : k]
            return []
    return []


def _part_for_pages(parts: list[Part], page_from: int | None, own: int | None) -> int | None:
    if page_from is None:
        return None
    for p in parts:
        if p.part_no != own and p.page_from and p.page_to and p.page_from <= page_from <= p.page_to:
            return p.part_no
    return None


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read each agenda part of a paper into its meeting, membership list and agenda items."""
    out = Extraction()
    for part in parts_of(doc, ctx, ("agenda",)):
        lines = lines_of(part.doc)
        if not lines:
            continue
        sheet = read_front_sheet(lines, ctx.paper_date or part.date)
        items = read_items(lines, web_lists=doc.meta.format == "html")
        if sheet.date is None and not items:
            continue
        if sheet.inferred_year:
            out.finding(
                ctx.paper_id,
                "info",
                "date_year_inferred",
                f"agenda date {sheet.date} had no year; completed from the paper's date",
                sheet.page,
            )
        mid = meeting_id_for(ctx.paper_id, part.part_no, "agenda")
        out.add(
            "meetings",
            Meeting(
                meeting_id=mid,
                paper_id=ctx.paper_id,
                part_no=part.part_no,
                body=ctx.body,
                date=sheet.date or part.date,
                start_time=sheet.start_time,
                end_time=sheet.end_time,
                venue=sheet.venue,
                source="agenda",
                page=sheet.page or lines[0].page,
                evidence=sheet.evidence or None,
            ),
        )
        _add_items(out, ctx, mid, items, part.part_no)
        for name, category, position, org, page, evidence in read_membership(lines):
            out.add(
                "memberships",
                Membership(
                    paper_id=ctx.paper_id,
                    body=ctx.body,
                    as_of=sheet.date or part.date,
                    name_as_printed=name,
                    category=category,
                    position=position,
                    organisation=org,
                    page=page,
                    evidence=evidence,
                ),
            )
    # minutes that print their meeting's summons and agenda before the record (a parish
    # council's web page "Agenda & Minutes"): the agenda's items are the items of the meeting
    # the minutes record, as a meeting page's item rows are (``item_rows``); no second meeting
    for part in parts_of(doc, ctx, ("minutes",)):
        head = agenda_at_head(lines_of(part.doc))
        items = read_items(head, web_lists=doc.meta.format == "html") if head else []
        if len(items) >= 2:
            mid = meeting_id_for(ctx.paper_id, part.part_no, "minutes")
            _add_items(out, ctx, mid, items, part.part_no)
    return out


def _add_items(
    out: Extraction, ctx: PaperContext, mid: str, items: list[Item], part_no: int | None
) -> None:
    for it in items:
        out.add(
            "agenda_items",
            AgendaItem(
                meeting_id=mid,
                paper_id=ctx.paper_id,
                number=it.number,
                sub_item=it.sub_item,
                title=it.title,
                description=it.description,
                page_from=it.page_from,
                page_to=it.page_to,
                to_follow=it.to_follow,
                exempt=it.exempt,
                part_no=_part_for_pages(ctx.parts, it.page_from, part_no),
                page=it.page,
                evidence=it.evidence,
            ),
        )
