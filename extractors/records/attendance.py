"""Attendance: the people named in a minutes attendance block, with how they are listed.

Blocks open with a label (``data/attendance_labels.csv``: Present, Apologies, Also Present,
Officers, Observers, Co-opted members, In attendance, Members of the public, Substitutes) at the
start of a line or of a table row's first cell, and run until the next label, the first minute
heading, prose or a relative clause ("... who reported"); a label opening a sentence inside a
list ("... and David Rennie. Also in attendance was ...") starts a new list, and a table whose
first row is labels is read column by column (``column_blocks``). Names
are split at top-level commas and "and"; a plural honorific ("Councillors A, B and C") is given
to each name of its group; roles and organisations come from brackets ("(Chief Executive
[Milton Keynes Council])") or from a role printed after a comma. Apologies printed as prose in a
minute ("Apologies for absence were received from Councillors ...") are read too.

A list printed one person a line with no comma may carry a second column after a gap (a label
and its names: "Dave Horkan (DHO) Clerk Apologies: Peter Agate (PAG)"), taken out as its own
block (``_side_columns``); a bare label over lines that are no names is an agenda's item. In a
Present list, a councillor or a person with an organisation printed after the members' list
ended, and a person holding an office in another body ("(Chair Whiteinch CC)"), attend as
visitors (also_present); so do police officers listed "In attendance".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.base import Extraction, PaperContext
from extractors.datafiles import load_table
from extractors.records.meeting_ids import meeting_id_for
from extractors.text.meeting_text import (
    Line,
    clean,
    find_dates,
    fold,
    is_action_table_head,
    lines_of,
    parts_of,
)
from extractors.values.names import (
    PersonEntry,
    canonical_honorific,
    is_public_role,
    looks_like_name,
    looks_like_org,
    opens_role,
    split_honorific,
    split_people,
    strip_honours,
    titles_only,
)
from extractors.values.organisation_names import is_register_name
from schemas.document import Document, Table
from schemas.records import Attendance

# a full stop after an abbreviated title ("Cllrs. Dorian Jenkins") does not end the list
_LIST_END = r"(?:(?<!Cllrs)(?<!Cllr)(?<!Mrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)\.(?:\s|$)|$)"
_PROSE_APOLOGIES = re.compile(
    r"\bapologies\s+(?:for\s+absence\s+)?(?:were\s+|had\s+been\s+)?(?:received|reported|"
    r"submitted|given|noted|tendered|accepted)\s+(?:from|by|on\s+behalf\s+of)\s+(.+?)"
    + _LIST_END
    # "It was resolved unanimously to accept apologies from Cllrs N Coope and S Dennis."
    + r"|\baccept(?:ed)?\s+(?:the\s+)?apologies\s+(?:from|of)\s+(.+?)"
    + _LIST_END
    + r"|\breported\s+apologies\s+from\s+(.+?)"
    + _LIST_END
    # "There were apologies of absence from Cllr Colin Sampson."
    + r"|\bthere\s+(?:were|was|had\s+been)\s+apologies\s+(?:(?:for|of)\s+absence\s+)?from\s+(.+?)"
    + _LIST_END
    # "Cllr Kendrick sent his apology." (Dorrington PC), "Cllr. A Edwards sent his apologies."
    # (Blaengwrach CC): a titled name before the verb
    + r"|(?:^|(?<=[.;:]\s))((?:Cllrs?\.?|Councillors?|Mrs?|Ms|Miss|Dr)\s[^.;:]{1,60}?)\s+"
    r"(?:had\s+)?sent\s+(?:his|her|their)\s+apolog(?:y|ies)\b"
    # in Welsh: "Derbyniwyd ymddiheuriadau gan y Cynghorwyr Dorian Jenkins, ... ac Andrew Thomas."
     + r"|\bderbyniwyd\s+ymddiheuriadau\s+(?:am\s+absenoldeb\s+)?gan\s+(?:y\s+)?(.+?)" + _LIST_END,
    re.I | re.S,
)
_ORG_PREFIX = re.compile(r"^([A-Z][^:()\[\]]{2,60}):\s+(?=\S)")
_PROSE_START = re.compile(r"^(?:The|It|This|There|In\s+[a-z]|An?\s+[a-z]|Following|Members)\b")
_CAPS_HEADING = re.compile(r"^[A-Z][A-Z &'’\-]{3,}$")
# a relative clause ends the list: "Also present: PCSO Sharon Diamond who reported that ..."
#: a row of a form: a field's label cell ("(a) | Subject: | Cycle Hangar Policy")
_FORM_ROW = re.compile(r"(?:^|\t)(?:\([a-z]\)\s*)?[A-Z][a-z]+(?:\s+[a-z]+){0,2}:(?:\t|$)")
_RELATIVE = re.compile(r"\s+(?:who|whom)\s+(?=[a-z])")
_NOBODY = re.compile(r"^(?:none|nil|n/?a|no\s+apologies\b.*|there\s+were\s+none)\W*$", re.I)
_LABEL_HEADING = re.compile(r"^[A-Z][A-Za-z &'’\-]{2,40}:$")  # "Discussion Summary:"
#: a group of a joint body's members inside a list: "Present:" / "Durham County Councillors:" /
#: "Councillors D Bell, ..." / "Darlington Borough Councillors:" / ... (fire authorities and
#: police and crime panels are made of several councils' members)
_GROUP_HEADING = re.compile(
    r"^(?P<org>[A-Z][\w&'’ .-]{2,60}?)\s+(?P<kind>councillors|members|representatives)\s*:$",
    re.I,
)
#: a group named before a members' label: "SCC Members Present:", "Highland CouncilMembers
#: Present:" (the space lost in the paper)
_GROUP_LABEL = re.compile(
    r"^(?P<org>(?:[A-Z][\w&'’.-]*\s*){1,4}?)\s*(?=(?:Members|Councillors)\s+(?:Present|Apologies)\b)"
)
#: the next minute's heading run onto a list's last line: "Apologies: Councillors S Hamilton and
#: P Wardhaugh 56 ADMISSION OF THE PUBLIC" (West Yorkshire FRA)
_RUN_ON_HEADING = re.compile(r"\s+\d{1,3}\.?\s+[A-Z]{3,}(?:\s+[A-Z&]{2,})+\s*$")
_MIDLINE_LABEL = re.compile(r"\s(?=(?:Present|PRESENT)\s*:\s*\S)")
_RECEIVED_FROM = re.compile(r"^(?:were\s+|was\s+)?received\s+from\s+", re.I)
#: a councillor's title opening a list: the words before it are a label in its own column
_TITLED_NAME = re.compile(
    r"(?:Councillors?|Cllrs?\.?|Mrs?|Ms|Miss|Dr)\.?\s+(?:Mrs?|Ms|Miss|Dr)?\.?\s*[A-Z]"
)
_COUNCIL_KINDS = re.compile(r"\b(?:county|borough|district|city|town|parish|unitary)$", re.I)


# --- data tables ------------------------------------------------------------------------------


@functools.cache
def _labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    # a label ends at ":", a tab or the line end; one that ends "... received from" is followed
    # by its names; "Present" and "Apologies" may end at a dash before a capital ("Present– Cllr
    # David Llewellyn", Wretton PC), other labels not ("Officer – West Kent" is a role wrapped
    # onto its own line, Kent)
    return tuple(
        (
            re.compile(
                r"^\s*("
                + r["pattern"]
                + r")(?:\s*(?::|\t|$)|(?<=from)\s+(?=\S)"
                # "Present; R. Gore (Chair), C. Hunt", "Apologies; H Wilson" (Lincolnshire
                # parishes' minutes) end at a semicolon
                + (
                    r"|\s*[–—-]\s*(?=[A-Z])|\s*;\s*(?=[A-Z])"
                    if r["status"] in ("present", "apologies")
                    else ""
                )
                + ")",
                re.I,
            ),
            r["status"],
        )
        for r in load_table("attendance_labels.csv")
    )


@functools.cache
def _label_start() -> re.Pattern[str]:
    """What every pattern of ``_labels`` and ``_bare_labels`` opens with: one test that
    most texts, which open with no label, fail."""
    words = "|".join(f"(?:{r['pattern']})" for r in load_table("attendance_labels.csv"))
    return re.compile(rf"^\s*(?:{words})", re.I)


@functools.cache
def _bare_labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(r"^\s*(" + r["pattern"] + r")\s+(?=[A-Z][a-z])", re.I), r["status"])
        for r in load_table("attendance_labels.csv")
    )


@functools.cache
def _inner_labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    # a label inside a list, opening a sentence or a line: it ends at ":", a dash or "was" /
    # "were" ("... and David Rennie. Also in attendance was local resident G Alan Ramsay")
    return tuple(
        (
            re.compile(
                r"(?:" + r["pattern"] + r")(?P<colon>\s*:\s*|\s*[–—-]\s+|\s+(?:was|were)\s+)",
                re.I,
            ),
            r["status"],
        )
        for r in load_table("attendance_labels.csv")
    )


# where a label may open inside a list: after a sentence's end or a line break, or after any
# space when a colon follows it ("Public: 14 Also, in attendance: Cllr Martin Storey")
_INNER_START = re.compile(r"(?P<stop>[.;]\s+|\n\s*)(?=[A-Z])|\s+(?=[A-Z])")


def split_inner_labels(status: str, text: str) -> list[tuple[str, str]]:
    """Split a block's list where another attendance label opens inside it; returns (status,
    text) for the list before it and for each list a label inside opens (Present ... Also in
    attendance ... Members of the public ...)."""
    out: list[tuple[str, str]] = []
    start = 0
    for m in _INNER_START.finditer(text):
        at = m.end()
        before = text[start:at]
        if at <= start or before.count("(") > before.count(")"):
            continue  # inside a bracket: "(Area Education / Officer – West Kent)"
        for pattern, inner in _inner_labels():
            hit = pattern.match(text, at)
            if hit is None or (m.group("stop") is None and ":" not in hit.group("colon")):
                continue
            out.append((status, text[start : m.start() + (1 if m.group("stop") else 0)]))
            status, start = inner, hit.end()
            break
    out.append((status, text[start:]))
    return [(st, t) for st, t in out if t.strip(" .;\n")]


def match_label(text: str) -> tuple[str, str] | None:
    """Return (status, rest of the text) when ``text`` opens with an attendance label.

    A label ends at ":", a tab or the line end; a label in capitals may also be followed by
    the first name on its line ("PRESENT Kenny Combe KC Dick Noble DN", Ayton CC).
    """
    group = _GROUP_LABEL.match(text)
    if group and looks_like_org(group.group("org")):
        # "SCC Members Present: Isobel McQueer, ...", "Highland Council Members Apologies:
        # Cllr Carolyn Caddick, ...": the group's council heads its people
        hit = match_label(text[group.end("org") :].lstrip())
        if hit:
            return hit[0], f"{group.group('org').strip()}: {hit[1]}"
    if not _label_start().match(text):
        return None
    for pattern, status in _labels():
        m = pattern.match(text)
        if m:
            # "Members Present:-", "Officers in Attendance:-": the dash is the label's;
            # "Apologies: Received from S Salmon, C Kenyon": the verb is the label's too
            rest = re.sub(r"^\s*[-–/]\s*", "", text[m.end() :]).strip()
            return status, _RECEIVED_FROM.sub("", rest)
    for pattern, status in _bare_labels():
        m = pattern.match(text)
        if m and (
            (m.group(1).isupper() and len(m.group(1)) > 3) or _TITLED_NAME.match(text[m.end() :])
        ):
            # "PRESENT Kenny Combe", "Members Councillors Adams, Mrs Barrow, ..." (a label
            # in its own column, read into one line with the names beside it)
            return status, text[m.end() :].strip()
    return None


# --- blocks in a minutes part ----------------------------------------------------------------


@dataclass
class Block:
    """An attendance block: its status, the printed list and where it is."""

    status: str
    text: str
    page: int
    default_org: str | None = None


def _label_at(lines: list[Line], i: int) -> tuple[str, str, int] | None:
    """The attendance label opening line ``i``: (status, rest, index of the next line).

    A label set in a narrow column may wrap over two lines ("Co-opted members without" /
    "Voting Rights:"); the two are read as one when neither alone is a label.
    """
    line = lines[i]
    text = line.text.replace("\t", " ") if line.kind != "row" else line.text
    hit = match_label(text)
    if hit:
        return hit[0], hit[1], i + 1
    mid = _MIDLINE_LABEL.search(text)
    if mid and find_dates(text[: mid.start()]):
        # the meeting's heading runs on into its list: "ON THURSDAY 21 FEBRUARY 2013 Present :
        # Councillors M Khan (in the chair), T Austin, ..." (West Yorkshire FRA)
        hit = match_label(text[mid.end() :])
        if hit:
            return hit[0], hit[1], i + 1
    if i + 1 < len(lines) and ":" not in text and len(text) <= 40:
        joined = match_label(text + " " + lines[i + 1].text)
        if joined and match_label(lines[i + 1].text) is None:
            return joined[0], joined[1], i + 2
    return None


def _ends_block(lines: list[Line], j: int, text_so_far: str, is_heading) -> bool:
    line = lines[j]
    t = line.text
    if _label_at(lines, j) or is_heading(t):
        return True
    if line.first and any(pattern.match(t) for pattern, _ in _bare_labels()):
        return True  # "Officers Chief Fire Officer, ..." after the members' list
    if (_CAPS_HEADING.match(t) and "," not in t) or _LABEL_HEADING.match(t):
        return True
    if t.lstrip().startswith("|"):
        return True  # a Markdown table's row ("| No | Item | Action by |") after the list
    if line.kind == "row" and is_action_table_head(t):
        return True  # the minutes' own table under the list ("No | Item | Action by")
    tail = text_so_far.rstrip()
    open_list = (
        tail.endswith((",", " and", "&"))
        or tail.count("(") > tail.count(")")
        or tail.count("[") > tail.count("]")
    )
    if open_list:
        return False
    # a sentence ends the list even when the list's last line has no full stop ("Mrs S. Leet /
    # 1 member of the public / Mrs Crisp welcomed all to the meeting ...", Northwold PC)
    return bool(_PROSE_START.match(t)) or _reads_as_prose(t)


def _reads_as_prose(text: str) -> bool:
    """Whether a line reads as a sentence rather than names: five words or more, most of them
    in lower case ("Under item 4(v) of the Town Council Standing Orders, the Town Clerk ...")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return len(words) >= 5 and sum(w[0].islower() for w in words) * 2 >= len(words)


def _bare_label(cell: str) -> str | None:
    """The status of a table cell that is an attendance label and nothing else, else None."""
    hit = match_label(cell)
    return hit[0] if hit is not None and not hit[1] else None


def _label_header(row: list[str]) -> list[str | None] | None:
    """The status of each column of a table whose first row is attendance labels, one per
    column ("Present: | Members of the Public: | Apologies:"), else None."""
    cells = [clean(c) for c in row]
    statuses = [_bare_label(c) if c else None for c in cells]
    labelled = [st for c, st in zip(cells, statuses, strict=True) if c]
    if len(labelled) < 2 or None in labelled:
        return None
    return statuses


def _join_cells(cells: list[str]) -> str:
    """A column's cells as one printed list: a cell is a name of its own (joined by a comma)
    unless the cell before it is open (a bracket, a comma or "and" at its end: a wrapped
    role)."""
    text = cells[0]
    for cell in cells[1:]:
        tail = text.rstrip()
        open_cell = tail.endswith((",", " and", "&")) or tail.count("(") > tail.count(")")
        text += ("\n" if open_cell else ",\n") + cell
    return text


def column_blocks(doc: Document) -> dict[tuple[int, str], list[Block]]:
    """The attendance blocks of tables printed as columns under a row of labels, keyed by the
    page and text of the header row as ``lines_of`` gives it (so ``find_blocks`` puts them
    where the table is). Each column's cells, top to bottom, are one block."""
    found: dict[tuple[int, str], list[Block]] = {}
    for page in doc.pages:
        for item in page.items:
            if not isinstance(item, Table) or not item.rows:
                continue
            statuses = _label_header(item.rows[0])
            if statuses is None:
                continue
            blocks = []
            for k, status in enumerate(statuses):
                cells = [clean(r[k]) for r in item.rows[1:] if k < len(r) and clean(r[k])]
                if status is not None and cells:
                    blocks.append(Block(status, _join_cells(cells), item.page))
            header = "\t".join(c for c in (clean(c) for c in item.rows[0]) if c)
            found[(item.page, header)] = blocks
    return found


def _opens_with_names(lines: list[str]) -> bool:
    """Whether the first of ``lines`` opens a list of people (or says there is nobody, or
    gives apologies in a sentence) rather than an agenda's next item."""
    if not lines:
        return True
    first = lines[0].strip()
    return bool(
        _NOBODY.match(first)
        or prose_apologies(first)
        or split_people(first.split("\n")[0])
        or not first
    )


#: a field of a form beside the list, its label one capitalised word ("Chair: Frank Reid")
_SIDE_FIELD = re.compile(r"[A-Z][a-z]+:(?:\s|$)")


def _side_columns(parts: list[str], page: int) -> tuple[list[str], list[Block]]:
    """Take a side column out of a list printed one person a line whose lines carry a second
    column after a gap: "Dave Horkan (DHO) Clerk Apologies: Peter Agate (PAG)" (Boughton PC, a
    page where a layout table of labels beside the list was flattened; the same form as
    Souldern PC's columns under "Present: / Members of the Public: / Apologies:"). An attendance
    label inside a line gives its own block of the rest of that line; another field's label
    ("Chair: Frank Reid", "Distribution:") ends the line's part of the list. Lists with commas
    are left as they are."""
    lines = [ln for p in parts for ln in p.split("\n")]
    if sum(1 for ln in lines if ln.strip()) < 2 or any(re.search(r"[,;]", ln) for ln in lines):
        return parts, []
    kept: list[str] = []
    side: list[Block] = []
    for ln in lines:
        for m in re.finditer(r"(?<=\S)\s+(?=[A-Z])", ln):
            rest = ln[m.end() :]
            found = match_label(rest)
            if found is not None and ":" in rest[: len(rest) - len(found[1])]:
                if found[1] and not _NOBODY.match(found[1]):
                    side.append(Block(found[0], found[1], page))
            elif not _SIDE_FIELD.match(rest):
                continue
            ln = ln[: m.start()]
            break
        kept.append(ln)
    return ["\n".join(kept)], side


def _row_entry(line: Line) -> str:
    """A line of an attendance list as text: a table row of a name and the role beside it
    ("Watson Robinson | Convenor", "Maurice Corry | MSP", Garelochhead CC) is the name with its
    role in brackets; other rows give a line per cell."""
    cells = [c.strip() for c in line.text.split("\t") if c.strip()]
    if (
        line.kind == "row"
        and len(cells) == 2
        and looks_like_name(cells[0])
        and (not looks_like_name(cells[1]) or opens_role(cells[1]))
        and "(" not in cells[0]
    ):
        return f"{cells[0]} ({cells[1]})"
    return line.text.replace("\t", "\n")


#: contact details printed after a name, to the line's end: "Clerk: Madeleine King    e’mail:
#: haresfieldpc@gmail.com" (Haresfield PC), "Clerk : Joan Todd Telephone : 017683 52469"
#: (Milburn PC's letterhead)
_CONTACT = re.compile(
    r"\s+(?:e[-’']?mail|tel(?:ephone)?|phone|mobile|web(?:site)?)\s*:.*$", re.I | re.M
)


def find_blocks(
    lines: list[Line],
    is_heading=lambda t: False,
    columns: dict[tuple[int, str], list[Block]] | None = None,
) -> list[Block]:
    """Return the attendance blocks of a minutes part's lines (labels as text or table rows).

    ``columns`` (from ``column_blocks``) holds the blocks of tables printed as columns under a
    row of labels: at such a header row they are taken, and the table's rows are skipped.
    """
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind == "row" and columns and (line.page, line.text) in columns:
            blocks.extend(columns[(line.page, line.text)])
            i += 1
            while i < len(lines) and lines[i].kind == "row":
                i += 1
            continue
        hit = _label_at(lines, i)
        if hit is None:
            i += 1
            continue
        status, rest, j = hit
        if not rest.strip() and j < len(lines) and _NOBODY.match(lines[j].text.strip()):
            i = j + 1  # "Public Participation" / "None": nobody, and the list ends there
            continue
        parts = [rest.replace("\t", "\n")]
        groups: list[tuple[str | None, list[str]]] = [(None, parts)]
        while j < len(lines):
            group = _GROUP_HEADING.match(lines[j].text.strip())
            if group and status != "officer":
                groups.append((_group_org(group), []))
                j += 1
                continue
            if _ends_block(lines, j, "\n".join(groups[-1][1]), is_heading):
                break
            if line.kind != "row" and _FORM_ROW.search(lines[j].text):
                break  # a list in the text does not run on into a form's fields under it
            groups[-1][1].append(_row_entry(lines[j]))
            j += 1
        if not hit[1] and ":" not in line.text and not _opens_with_names(parts[1:2]):
            i = j  # "Apologies" as an agenda's item over the agenda's other items
            continue
        for org, group_parts in groups:
            blocks.extend(_group_blocks(status, group_parts, line.page, org))
        i = j
    return blocks


def _group_org(group: re.Match[str]) -> str | None:
    """The council a group heading names ("Durham County Councillors:" -> Durham County
    Council), or None ("Independent Standards Members:")."""
    name = group.group("org").strip()
    if group.group("kind").lower() == "councillors" and _COUNCIL_KINDS.search(name):
        return f"{name} Council"
    return name if looks_like_org(name) else None


def _group_blocks(status: str, parts: list[str], page: int, org: str | None) -> list[Block]:
    """The blocks of one list (or one group of it) under an attendance label."""
    parts, side = _side_columns(parts, page)
    out = list(side)
    text = _RELATIVE.split("\n".join(p for p in parts if p), maxsplit=1)[0]
    text = _CONTACT.sub("", text)
    text = _RUN_ON_HEADING.sub("", text)
    default_org = org
    m = _ORG_PREFIX.match(text)
    if m and looks_like_org(m.group(1)):
        default_org, text = m.group(1).strip(), text[m.end() :]
    for n, (one, part) in enumerate(split_inner_labels(status, text)):
        if part.strip() and not _NOBODY.match(part.strip()):
            out.append(Block(one, part, page, default_org if n == 0 else None))
    return out


@functools.cache
def _prose_cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(r["pattern"], re.I | re.S), r["status"])
        for r in load_table("attendance_prose.csv")
    )


# a sentence ends at a full stop after a word of two or more letters ("Mr R. Love" stays whole)
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.;])\s+(?=[A-Z])|(?<=\))[.;]\s+(?=[A-Z])")


def prose_attendance(text: str) -> list[tuple[str, str]]:
    """Return (names, status) for each sentence placing people at the meeting in prose.

    Takes a minute's text; covers virtual attendance and substitutes (``attendance_prose.csv``).
    """
    out = []
    for sentence in _SENTENCE_END.split(fold(text)):
        for pattern, status in _prose_cues():
            m = pattern.fullmatch(sentence.strip())
            if m:
                out.append((m.group("names"), status))
                break
    return out


def _same_person(a: str, b: str) -> bool:
    """Whether two printed names are one person: same surname, compatible first initial."""
    ta = strip_honours(split_honorific(a)[1]).split()
    tb = strip_honours(split_honorific(b)[1]).split()
    if not ta or not tb or ta[-1].lower() != tb[-1].lower():
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0][0].lower() == tb[0][0].lower()


def prose_apologies(text: str) -> list[str]:
    """Return each list of names given apologies in prose ("Apologies were received from ...")."""
    out = []
    for m in _PROSE_APOLOGIES.finditer(fold(text)):
        names = next((g for g in m.groups() if g), None)
        if names and not re.match(r"^(?:no|none)\b", names, re.I):
            out.append(names)
    return out


@functools.cache
def _officer_roles() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"], re.I) for r in load_table("officer_roles.csv"))


def _is_officer_role(position: str | None) -> bool:
    """Whether a printed role makes a person present an officer ("Clerk", "RFO")."""
    return bool(position) and any(p.search(position) for p in _officer_roles())


#: the status of a label whose list mixes councillors, officers and the public
MIXED = "in_attendance"
#: the status of a "Members of the public" label: observers, but for councillors among them
PUBLIC = "public"


@functools.cache
def _visitor_titles() -> tuple[tuple[str, str], ...]:
    return tuple((r["title"], r["kind"]) for r in load_table("visitor_titles.csv"))


def _visitor_kind(name: str) -> str | None:
    """ "police" or "postnominal" when a present person's title marks a visitor."""
    tokens = name.split()
    for title, kind in _visitor_titles():
        if kind == "postnominal":
            if tokens and tokens[-1] == title and len(tokens) > 1:
                return kind
        elif name == title or name.startswith(title + " "):
            return kind
    return None


def _visitors(entries: list[PersonEntry]) -> set[int]:
    """Positions of the visitors (police officers, members of Parliament) in one printed list
    of people present."""
    return {n for n, e in enumerate(entries) if _visitor_kind(e.name) is not None}


def _is_councillor(name: str) -> bool:
    """Whether a printed name opens with a councillor's title ("Cllr", "County Councillor")."""
    honorific = split_honorific(name)[0]
    return bool(honorific) and canonical_honorific(honorific).endswith("Councillor")


def _is_visitor(entry: PersonEntry) -> bool:
    """Whether a person printed after the members' list of those present attends as a visitor:
    a councillor ("Eden District Councillor A Armstrong", Milburn PC; "County Councillor
    Martin Storey", Wretton PC) or a person printed with an organisation ("A Armstrong, EDC",
    Newbiggin PC)."""
    return _is_councillor(entry.name) or bool(entry.organisation)


#: a position naming an elected member of another body (Garelochhead CC's "Attending:" list)
_ELECTED = re.compile(r"\b(?:(?i:councillor|cllr|mayor)|MSP|MP|MS|MEP|AM)\b")


def _status_in_attendance(entry: PersonEntry) -> str:
    """The status of one person listed "In attendance": a councillor is also present, a person
    printed with a role or organisation attends as an officer, a bare name is the public."""
    if _is_councillor(entry.name) or _visitor_kind(entry.name) is not None:
        return "also_present"  # a councillor; a police officer ("Inspector C Hunt")
    if entry.position and _ELECTED.search(entry.position):
        return "also_present"  # "Iain Paterson | Local Councillor", "Maurice Corry | MSP"
    if is_public_role(entry.position):
        return "observer"  # "Steve Davies (resident)"
    if entry.position or entry.organisation:
        return "officer"
    return "observer"


def attendance_records(
    lines: list[Line],
    meeting_id: str,
    paper_id: str,
    minute_texts: list[tuple[str, int]] | None = None,
    is_heading=lambda t: False,
    columns: dict[tuple[int, str], list[Block]] | None = None,
) -> list[Attendance]:
    """Return the attendance records of one minutes part.

    Takes the part's lines, the meeting id, the paper id, the (text, page) of its minutes whose
    prose may list apologies, a predicate recognising minute headings (where blocks end) and
    the blocks of tables printed as columns under a row of labels (``column_blocks``).
    """
    records: list[Attendance] = []
    seen: set[tuple[str, str]] = set()

    def add(entries: list[PersonEntry], status: str, page: int) -> None:
        visitors = _visitors(entries) if status == "present" else set()
        for n, e in enumerate(entries):
            if is_register_name(e.name):
                continue  # "... and Police Scotland": an organisation sent apologies, no person
            one = _status_in_attendance(e) if status == MIXED else status
            if one in ("present", "also_present") and e.public:
                one = "observer"  # "... and Residents Fiona Miller", "local resident G Ramsay"
            if one == PUBLIC:  # a councillor among the public attends as a visitor
                one = "also_present" if _is_councillor(e.name) else "observer"
            elif one == "present" and n in visitors:
                one = "also_present"  # "PC Andy McKay", "Eden District Councillor A Armstrong"
            if one == "present" and _is_officer_role(e.position):
                one = "officer"
            elif one == "present" and e.office_elsewhere:
                one = "also_present"  # "Andy Challen (Chair Village Hall Management Committee)"
            elif one == "present" and e.after_members and _is_visitor(e):
                one = "also_present"  # "..., R Robson and P Clarke, A Armstrong, EDC"
            elif (
                one in ("present", "also_present")
                and e.new_list
                and e.position
                and _status_in_attendance(e) == "officer"
            ):
                one = "officer"  # a list of people with job titles after the members' list
            key = (e.name.lower(), one)
            if key in seen:
                continue
            seen.add(key)
            records.append(
                Attendance(
                    meeting_id=meeting_id,
                    paper_id=paper_id,
                    name_as_printed=e.name,
                    status=one,
                    position=e.position,
                    organisation=e.organisation,
                    chair=e.chair,
                    page=page,
                    evidence=fold(e.evidence),
                )
            )

    for block in find_blocks(lines, is_heading, columns):
        if titles_only(block.text):
            continue  # "IN ATTENDANCE: Chief Executive, Head of Finance, ...": nobody named
        # under an "Apologies for absence" heading, the sentence "Apologies had been received
        # from A and B": the names are the sentence's, not its first words
        prose = prose_apologies(block.text) if block.status == "apologies" else []
        for names in prose or [block.text]:
            add(split_people(names, block.default_org), block.status, block.page)
    has_apologies = any(r.status == "apologies" for r in records)
    if not has_apologies:
        for text, page in minute_texts or []:
            for names in prose_apologies(text):
                add(split_people(names), "apologies", page)
    for text, page in minute_texts or []:
        for names, status in prose_attendance(text):
            people = [
                e
                for e in split_people(names)
                if looks_like_name(e.name)
                and not any(_same_person(e.name, r.name_as_printed) for r in records)
            ]
            add(people, status, page)
    return records


_MINUTE_NUMBER = re.compile(r"^\d{1,4}(?:[./]\d{1,4})*[.)]?\s+")  # "3.", "18.05.2", "90/19"
_OPENING_MINUTES = 3  # attendance is recorded in the first minutes, if not before them
_TITLE_WORDS = 6  # a minute title before an attendance label on its line is this short


def _label_after_title(text: str) -> str | None:
    """The text from an attendance label printed after a short minute title on the same line
    ("Welcome Committee members present were: Barbara McTavish ..."), else None."""
    words = [m.start() for m in re.finditer(r"(?<=\s)\S", text)][:_TITLE_WORDS]
    for at in words:
        found = match_label(text[at:])
        if found is not None and ":" in text[at : at + 60]:
            return text[at:]
    return None


def _without_ref(text: str, ref: str | None) -> str:
    """A minute's heading line without its printed ref ("A23/014 PRESENT" -> "PRESENT")."""
    if ref and text.startswith(ref):
        return text[len(ref) :].lstrip(" .:)–-")
    return _MINUTE_NUMBER.sub("", text)


def _attendance_region(lines: list[Line], minutes) -> list[Line]:
    """The lines before the first minute, plus every minute that is itself an attendance block
    ("1. Present: ...", "3 Apologies for Absence", "2601. Apologies for absence: Cllr Hillard"),
    its number taken off so the label opens the line, and the body of an opening minute whose
    first line is a label ("1. Welcome / Committee members present were: ...")."""
    region = list(lines[: minutes.first_item_index])
    bounds = list(minutes.starts) + [len(lines)]
    for n, item in enumerate(minutes.items):
        start = bounds[n]
        if match_label(item.title) is None:
            if n >= _OPENING_MINUTES:
                continue
            head = lines[start]
            inline = _label_after_title(_MINUTE_NUMBER.sub("", head.text.strip()))
            body = [ln for ln in lines[start + 1 : bounds[n + 1]] if ln.text.strip()]
            if inline is not None:  # "1. Welcome Committee members present were: ..."
                region.append(Line(inline, head.page, True, head.kind, head.bold, head.level))
                region.extend(lines[start + 1 : bounds[n + 1]])
            elif body and match_label(body[0].text.strip()):
                # "1. Welcome / Committee members present were: ..." (Broomhill CC)
                region.extend(lines[start + 1 : bounds[n + 1]])
            continue
        head = lines[start]
        region.append(
            Line(
                _without_ref(head.text.strip(), item.ref),
                head.page,
                head.first,
                head.kind,
                head.bold,
                head.level,
            )
        )
        region.extend(lines[start + 1 : bounds[n + 1]])
    return region


def _decided_at_meeting(doc: Document, ctx: PaperContext) -> list:
    """A decision notice that names its meeting lists who attended it, as minutes do."""
    from extractors.records.decisions import names_meeting

    if ctx.doc_type != "decision":
        return []
    return [p for p in parts_of(doc, ctx, ("report", "other")) if names_meeting(p.doc)]


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read the attendance blocks of every minutes part of a paper into attendance records."""
    from extractors.records.minutes import is_minute_heading, read_minutes

    out = Extraction()
    for part in parts_of(doc, ctx, ("minutes",)) + _decided_at_meeting(doc, ctx):
        lines = lines_of(part.doc)
        minutes = read_minutes(lines)
        # a minute's heading may run into its first words ("Apologies for absence Apologies had
        # been received from ...") when the reader joined them: read both
        texts = [(f"{m.title}\n{m.text}", m.page) for m in minutes.items[:3]]
        mid = meeting_id_for(ctx.paper_id, part.part_no, "minutes")
        for rec in attendance_records(
            _attendance_region(lines, minutes) or lines,
            mid,
            ctx.paper_id,
            texts,
            is_minute_heading,
            column_blocks(part.doc),
        ):
            out.add("attendance", rec)
    return out
