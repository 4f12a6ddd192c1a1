"""Attendance: the people named in a minutes attendance block, with how they are listed.

Blocks open with a label (``data/attendance_labels.csv``: Present, Apologies, Also Present,
Officers, Observers, Co-opted members, In attendance, Substitutes) at the start of a line or of a
table row's first cell, and run until the next label, the first minute heading or prose. Names
are split at top-level commas and "and"; a plural honorific ("Councillors A, B and C") is given
to each name of its group; roles and organisations come from brackets ("(Chief Executive
[Milton Keynes Council])") or from a role printed after a comma. Apologies printed as prose in a
minute ("Apologies for absence were received from Councillors ...") are read too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.base import Extraction, PaperContext
from extractors.datafiles import load_table
from extractors.records.meeting_ids import meeting_id_for
from extractors.text.meeting_text import Line, fold, lines_of, parts_of
from schemas.document import Document
from schemas.records import Attendance

_PARTICLES = {"de", "van", "von", "der", "den", "la", "le", "du", "da", "di", "al", "bin", "st"}
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z]\.?|[A-Z][A-Za-z'’\-]*[a-z][A-Za-z'’\-]*|[A-Z]{2,}|O['’][A-Z]\w+)$")
_REP = re.compile(r"^(?:a\s+|the\s+)?representatives?\s+(?:of|for|from)\s+(?:the\s+)?(.+)$", re.I)
# a full stop after an abbreviated title ("Cllrs. Dorian Jenkins") does not end the list
_LIST_END = r"(?:(?<!Cllrs)(?<!Cllr)(?<!Mrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)\.(?:\s|$)|$)"
_PROSE_APOLOGIES = re.compile(
    r"\bapologies\s+(?:for\s+absence\s+)?(?:were\s+|had\s+been\s+)?(?:received|reported|"
    r"submitted|given|noted|tendered)\s+(?:from|by|on\s+behalf\s+of)\s+(.+?)" + _LIST_END +
    r"|\breported\s+apologies\s+from\s+(.+?)" + _LIST_END, re.I | re.S)
_ORG_PREFIX = re.compile(r"^([A-Z][^:()\[\]]{2,60}):\s+(?=\S)")
_PROSE_START = re.compile(r"^(?:The|It|This|There|In\s+[a-z]|An?\s+[a-z]|Following|Members)\b")
_CAPS_HEADING = re.compile(r"^[A-Z][A-Z &'’\-]{3,}$")
_LABEL_HEADING = re.compile(r"^[A-Z][A-Za-z &'’\-]{2,40}:$")  # "Discussion Summary:"


@dataclass
class PersonEntry:
    """One name read from a list, with what was printed beside it."""

    name: str
    position: str | None = None
    organisation: str | None = None
    chair: bool = False
    evidence: str = ""
    new_list: bool = False  # printed after a full stop that ended the list before it
    public: bool = False  # listed after a "Residents" or "Members of the public" group word


# --- data tables ------------------------------------------------------------------------------

@functools.cache
def _labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    # a label ends at ":", a tab or the line end; one that ends "... received from" is followed
    # by its names
    return tuple((re.compile(r"^\s*(" + r["pattern"] + r")(?:\s*(?::|\t|$)|(?<=from)\s+(?=\S))",
                             re.I),
                  r["status"]) for r in load_table("attendance_labels.csv"))


@functools.cache
def _honorifics() -> tuple[tuple[str, str, bool], ...]:
    rows = load_table("honorifics.csv")
    out = []
    for r in rows:
        plural = r["plural"] == "1"
        out.append((r["honorific"], r["canonical"] if plural else r["honorific"], plural))
    return tuple(sorted(out, key=lambda t: -len(t[0])))


@functools.cache
def _canonical_forms() -> dict[str, str]:
    return {r["honorific"].casefold(): r["canonical"] for r in load_table("honorifics.csv")}


def _canonical_honorific(form: str) -> str:
    """The canonical form of a printed honorific ("Cllr" -> "Councillor")."""
    return _canonical_forms().get(form.casefold(), form)


@functools.cache
def _words(name: str, column: str) -> frozenset[str]:
    return frozenset(r[column].lower() for r in load_table(name))


@functools.cache
def _chair_cues() -> tuple[tuple[re.Pattern[str], bool, str], ...]:
    return tuple((re.compile(r["pattern"], re.I), r["chair"] == "yes", r["position"])
                 for r in load_table("chair_cues.csv"))


@functools.cache
def _bare_labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r"^\s*(" + r["pattern"] + r")\s+(?=[A-Z][a-z])", re.I), r["status"])
                 for r in load_table("attendance_labels.csv"))


def match_label(text: str) -> tuple[str, str] | None:
    """Return (status, rest of the text) when ``text`` opens with an attendance label.

    A label ends at ":", a tab or the line end; a label in capitals may also be followed by
    the first name on its line ("PRESENT Kenny Combe KC Dick Noble DN", Ayton CC).
    """
    for pattern, status in _labels():
        m = pattern.match(text)
        if m:
            return status, text[m.end():].strip()
    for pattern, status in _bare_labels():
        m = pattern.match(text)
        if m and m.group(1).isupper() and len(m.group(1)) > 3:
            return status, text[m.end():].strip()
    return None


# --- names, roles, organisations -----------------------------------------------------------

def split_honorific(name: str) -> tuple[str | None, str, bool]:
    """Split a leading honorific: returns (singular honorific, rest, whether it was plural)."""
    for form, singular, plural in _honorifics():
        if name == form or name.startswith(form + " ") or name.startswith(form + ". "):
            return singular, name[len(form):].lstrip(". ").strip(), plural
    return None, name, False


def _strip_honours(name: str) -> str:
    honours = _words("postnominals.csv", "postnominal")
    toks = name.replace(",", " ").split()
    while toks and toks[-1].strip(".").lower() in honours:
        toks.pop()
    return " ".join(toks)


def is_honours(text: str) -> bool:
    """Whether ``text`` is only post-nominal letters ("OBE", "MBE DL")."""
    honours = _words("postnominals.csv", "postnominal")
    toks = text.replace(",", " ").split()
    return bool(toks) and all(t.strip(".").lower() in honours for t in toks)


def looks_like_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name (honorific optional, 1-5 name tokens)."""
    hon, rest, _ = split_honorific(text.strip())
    rest = _strip_honours(rest)
    toks = rest.split()
    if not toks or len(toks) > 5:
        return False
    if not all(_NAME_TOKEN.match(t) or t.lower() in _PARTICLES for t in toks):
        return False
    if hon:
        return True
    roles = _words("role_words.csv", "word")
    orgs = _words("org_words.csv", "word")
    if any(t.lower() in roles for t in toks) or toks[-1].lower() in orgs:
        return False
    return not (len(toks) == 1 and toks[0].isupper() and len(toks[0]) > 1)


def looks_like_org(text: str) -> bool:
    """Whether ``text`` reads as an organisation rather than a job title."""
    toks = text.strip().rstrip(".").split()
    if not toks:
        return False
    roles = _words("role_words.csv", "word")
    if toks[0].lower() in roles and toks[0].lower() not in {"police", "service"}:
        return False
    if len(toks) == 1 and toks[0].isupper() and 2 <= len(toks[0]) <= 6:
        return True  # an acronym: KCC, TVP, MEM
    return toks[-1].lower().strip(")") in _words("org_words.csv", "word")


def split_brackets(text: str) -> tuple[str, list[str]]:
    """Split ``text`` into the words outside top-level brackets and each bracket's contents."""
    outside, groups, depth, cur = [], [], 0, []
    for ch in text:
        if ch in "([":
            if depth == 0:
                cur = []
            else:
                cur.append(ch)
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                groups.append(" ".join("".join(cur).split()))
            else:
                cur.append(ch)
        elif depth:
            cur.append(ch)
        else:
            outside.append(ch)
    if depth and cur:  # an unclosed bracket keeps its text
        groups.append(" ".join("".join(cur).split()))
    return " ".join("".join(outside).split()).strip(" ,"), groups


def _clean_org(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(" ,."), flags=re.I)


def role_and_org(text: str) -> tuple[str | None, str | None]:
    """Read a printed role into (position, organisation).

    "Chief Executive (Milton Keynes Council)" and "Chief Executive [Milton Keynes Council]" give
    both; "Milton Keynes Council (representative for X)" gives the bracket as position; a role
    that only names whom the person represents ("Representative of Rural Parish Councils") gives
    the represented body as organisation.
    """
    main, groups = split_brackets(text.strip())
    position: str | None = None
    org: str | None = None
    rep_org: str | None = None
    if main and looks_like_org(main):
        org = main
        position = groups[0] if groups else None
    else:
        position = main or None
        for g in groups:
            rep = _REP.match(g)
            if rep:
                rep_org = rep_org or _clean_org(rep.group(1))
            elif org is None:
                org = g
        if position is None and org and not looks_like_org(org) and not rep_org:
            position, org = org, None
    if org is None and position:
        rep = _REP.match(position)
        rep_org = rep_org or (_clean_org(rep.group(1)) if rep else None)
    if org is None:
        org = rep_org
    return (position.strip(" ,") or None) if position else None, org


def _opens_role(words: list[str]) -> bool:
    """Whether the words open a job title: a role word, a rank, or "representative of"."""
    first = re.split(r"[/,]", words[0])[0].lower()
    text = " ".join(words).replace("/", " ")
    return (first in _words("role_words.csv", "word") or split_honorific(text)[0] is not None
            or bool(_REP.match(text)))


def split_name_role(text: str) -> tuple[str, str] | None:
    """Split a member line printed without a column gap ("Michael Bracey Chief Executive (X)").

    Takes one line; returns (name, role as printed) or None when the line does not open with a
    name followed by a role or an organisation. The name ends where a job title opens (a role
    word, a rank, "Representative of"); failing that, where an organisation name starts; failing
    that, after the usual forename and surname. A name never ends on an initial.
    """
    hon, rest, _ = split_honorific(text.strip())
    toks = rest.split()
    shift = len(text.strip().split()) - len(toks)
    low = 1 if hon else 2

    def ok(k: int) -> bool:
        name = toks[:k]
        return (k < len(toks) and all(_NAME_TOKEN.match(t) for t in name)
                and not re.fullmatch(r"[A-Z]\.?", name[-1])
                and toks[k][:1].isupper())

    def cut(k: int) -> tuple[str, str]:
        words = text.strip().split()
        return " ".join(words[:shift + k]), " ".join(words[shift + k:])

    candidates = [k for k in range(low, min(len(toks), 4)) if ok(k)]
    for k in candidates:
        if _opens_role(toks[k:]):
            return cut(k)
    for k in candidates:
        if looks_like_org(split_brackets(" ".join(toks[k:]))[0]):
            return cut(k)
    default = low + (1 if len(toks) > low and re.fullmatch(r"[A-Z]\.?", toks[low - 1]) else 0)
    if default in candidates and looks_like_name(" ".join(text.split()[:shift + default])):
        return cut(default)
    return None


def _chair_cue(text: str) -> tuple[bool, str | None] | None:
    for pattern, chair, position in _chair_cues():
        if pattern.match(text.strip()):
            return chair, (text.strip() if position == "=" else position) or None
    return None


def _segments(text: str) -> list[tuple[str, str]]:
    """Split a list at top-level commas, semicolons, "and" and a full stop ending a line;
    returns (joiner, segment), the joiner "stop" after a full stop."""
    text = re.sub(r"(\w)-\n(?=[A-Z]?[a-z])", r"\1-", text)
    out: list[tuple[str, str]] = []
    depth, cur, joiner, i = 0, [], "start", 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
            if depth == 0:
                nxt = re.match(r"\s+(?!and\b)(?=[A-Z])", text[i + 1:])
                if nxt:
                    cur.append(ch)
                    out.append((joiner, "".join(cur)))
                    cur, joiner = [], "break"
                    i += 1 + nxt.end()
                    continue
        if depth == 0:
            if ch in ",;":
                out.append((joiner, "".join(cur)))
                cur, joiner = [], ","
                i += 1
                continue
            stop = re.match(r"\.[ \t]*\n", text[i:])
            if stop and cur:  # a list ends at a full stop that ends its line
                out.append((joiner, "".join(cur)))
                cur, joiner = [], "stop"
                i += stop.end()
                continue
            m = re.match(r"\s+(?:and|&)\s+", text[i:])
            if m and cur:
                out.append((joiner, "".join(cur)))
                cur, joiner = [], "and"
                i += m.end()
                continue
        cur.append(ch)
        i += 1
    out.append((joiner, "".join(cur)))
    return [(j, " ".join(s.split())) for j, s in out if s.strip(" .")]


_PAIR_DASH = re.compile(r"\s+[–—-]\s+")
_INITIAL = re.compile(r"[A-Z]\.?")


def _trailing_name(toks: list[str]) -> int:
    """How many of the last tokens form a name ("MEM Paul Stepto" -> 2; "KCC Cllr J Hall" -> 3)."""
    for n in (4, 3):
        tail = " ".join(toks[-n:])
        if len(toks) > n and split_honorific(tail)[0] and looks_like_name(tail):
            return n
    if len(toks) > 3 and _INITIAL.fullmatch(toks[-2]):
        return 3
    return 2


def _split_dash_pairs(seg: str) -> list[str]:
    """Split "Name – ORG" entries run together on one line by a reader.

    "Harry Rayner – MEM (Chair) Rosalind Binks – MEM Nick Buckland – KCC" gives three entries:
    between two dashes sits the organisation of one entry then the name of the next.
    """
    pieces = _PAIR_DASH.split(seg)
    if len(pieces) < 3 or any(len(p.split()) < 3 for p in pieces[1:-1]):
        return [seg]
    out, name = [], pieces[0]
    for middle in pieces[1:-1]:
        toks = middle.split()
        n = _trailing_name(toks)
        if not looks_like_name(" ".join(toks[-n:])):
            return [seg]
        out.append(f"{name} – {' '.join(toks[:-n])}")
        name = " ".join(toks[-n:])
    out.append(f"{name} – {pieces[-1]}")
    return out


_SHORT_HONORIFICS = ("Cllr", "Councillor", "Clr", "Mr", "Mrs", "Ms", "Miss", "Dr")
_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z]{1,3}$")


def _initials_of(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _split_run_together(seg: str) -> list[str]:
    """Split names a list prints side by side with no comma between them.

    Two printed forms mark where a name ends: a singular honorific opening each name ("Cllr Sue
    Lintern (Chair) Cllr Daphne Clements Cllr Kit Hesketh-Harvey", Stoke Ferry PC), and a name's
    own initials after it ("Kenny Combe KC Dick Noble DN", Ayton CC; "Nick Oakhill (NO)",
    Souldern PC). Returns the segment unchanged when neither splits it into two or more names.
    """
    toks = seg.split()
    cuts: list[int] = []
    initials: set[int] = set()
    # a name's initials after it: "KC" after "Kenny Combe" (a trailing letter may be lower case:
    # "MCa" after "Margaret Carey"), dropped from the name
    for k, tok in enumerate(toks):
        bare = tok.strip("()")
        if k >= 2 and _ABBREVIATION.match(bare) and bare[:2].isupper():
            for n in (3, 2):
                words = toks[max(0, k - n):k]
                if len(words) == n and bare.upper().startswith(_initials_of(words)) and len(
                        _initials_of(words)) == n:
                    initials.add(k)
                    if k + 1 < len(toks):
                        cuts.append(k + 1)
                    break
    if initials:
        pieces = [" ".join(t for i, t in enumerate(toks[a:b], a) if i not in initials)
                  for a, b in zip([0, *cuts], [*cuts, len(toks)], strict=True)]
        return [p for p in pieces if p]
    if not cuts:
        # a singular honorific opening a second name
        if toks and toks[0].rstrip(".") in _SHORT_HONORIFICS:
            cuts = [k for k, tok in enumerate(toks) if k > 1 and tok.rstrip(".") in
                    _SHORT_HONORIFICS and k + 1 < len(toks) and toks[k + 1][:1].isupper()
                    and toks[k - 1] not in ("&", "and")]
    if not cuts:
        return [seg]
    pieces = [" ".join(toks[a:b]) for a, b in zip([0, *cuts], [*cuts, len(toks)], strict=True)]
    return [p for p in pieces if p]


def split_people(text: str, default_org: str | None = None) -> list[PersonEntry]:
    """Read a printed list of people into entries.

    Takes the list as printed (line breaks kept) and an organisation that applies to names
    without one ("Officers: Milton Keynes Council: A (role), B (role)"). Returns the entries in
    order: names with their honorific (a plural one given to each name of its group), position,
    organisation and whether they chaired.
    """
    entries: list[PersonEntry] = []
    after_stop = False
    group_hon: str | None = None
    group: list[PersonEntry] = []
    close_after = False
    segments = [(joiner if k == 0 else ",", piece)
                for joiner, seg in _segments(text.strip().rstrip("."))
                for k, piece in enumerate(p for pair in _split_dash_pairs(seg)
                                          for p in _split_run_together(pair))]
    public = False
    for joiner, seg in segments:
        seg = seg.strip(" .")
        lead = _PUBLIC_WORDS.match(seg)
        if lead:  # "and Residents Fiona Miller, Mark Orr": the public from here on
            seg, public = seg[lead.end():], True
        if re.match(r"^(?:and|&)\s+", seg):
            seg, joiner = re.sub(r"^(?:and|&)\s+", "", seg), "and"
        if close_after or joiner == "stop":  # a plural honorific ends with its sentence
            group_hon, close_after = None, False
        after_stop = after_stop or joiner == "stop"
        if is_honours(seg):
            continue
        cue = _chair_cue(seg)
        if cue and entries:
            entries[-1].chair = entries[-1].chair or cue[0]
            entries[-1].position = entries[-1].position or cue[1]
            continue
        m = re.match(r"^(.*?)[,\s]+in\s+the\s+chair$", seg, re.I)
        chair = False
        if m:
            seg, chair = m.group(1), True
        name_part, groups = split_brackets(seg)
        name_part = re.sub(r"\s*[–—-]\s*$", "", name_part)
        dash = re.match(r"^(.+?)\s+[–—-]\s+(.+)$", name_part)
        dash_org = None
        if dash and looks_like_name(dash.group(1)):
            name_part, dash_org = dash.group(1), dash.group(2)
        if not looks_like_name(name_part):
            if entries and not groups and joiner == ",":
                pos, org = role_and_org(seg)
                last = entries[-1]
                last.position = last.position or pos
                last.organisation = last.organisation or org
                last.evidence += ", " + seg
            continue
        hon, rest, plural = split_honorific(name_part)
        if plural:
            group_hon, group = hon, []
        elif hon is None and group_hon:
            hon = group_hon
        elif hon is not None and not plural:
            group_hon = None
        name = _strip_honours(rest)
        name = f"{hon} {name}" if hon else name
        entry = PersonEntry(name=name, chair=chair, evidence=seg, new_list=after_stop,
                            public=public)
        for g in groups:
            cue = _chair_cue(g)
            if cue:
                entry.chair = entry.chair or cue[0]
                entry.position = entry.position or cue[1]
                continue
            pos, org = role_and_org(g)
            entry.position = entry.position or pos
            entry.organisation = entry.organisation or org
        if dash_org:
            entry.organisation = entry.organisation or dash_org
        if group_hon:
            # names of a shared-honorific group take the organisation printed after the last
            if entry.organisation:
                for prev in group:
                    if prev.organisation is None and not any(
                            _chair_cue(g) is None for g in split_brackets(prev.evidence)[1]):
                        prev.organisation = entry.organisation
            group.append(entry)
            if joiner == "and":
                close_after = True
        entries.append(entry)
    for e in entries:
        if e.organisation is None and default_org:
            e.organisation = default_org
    return entries


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
    if (_CAPS_HEADING.match(t) and "," not in t) or _LABEL_HEADING.match(t):
        return True
    tail = text_so_far.rstrip()
    open_list = tail.endswith((",", " and", "&")) or tail.count("(") > tail.count(")") \
        or tail.count("[") > tail.count("]")
    return not open_list and bool(_PROSE_START.match(t))


def find_blocks(lines: list[Line], is_heading=lambda t: False) -> list[Block]:
    """Return the attendance blocks of a minutes part's lines (labels as text or table rows)."""
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        hit = _label_at(lines, i)
        if hit is None:
            i += 1
            continue
        status, rest, j = hit
        parts = [rest.replace("\t", "\n")]
        while j < len(lines) and not _ends_block(lines, j, "\n".join(parts), is_heading):
            parts.append(lines[j].text.replace("\t", "\n"))
            j += 1
        text = "\n".join(p for p in parts if p)
        default_org = None
        m = _ORG_PREFIX.match(text)
        if m and looks_like_org(m.group(1)):
            default_org, text = m.group(1).strip(), text[m.end():]
        if text.strip():
            blocks.append(Block(status, text, line.page, default_org))
        i = j
    return blocks


@functools.cache
def _prose_cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r["pattern"], re.I | re.S), r["status"])
                 for r in load_table("attendance_prose.csv"))


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
    ta = _strip_honours(split_honorific(a)[1]).split()
    tb = _strip_honours(split_honorific(b)[1]).split()
    if not ta or not tb or ta[-1].lower() != tb[-1].lower():
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0][0].lower() == tb[0][0].lower()


def prose_apologies(text: str) -> list[str]:
    """Return each list of names given apologies in prose ("Apologies were received from ...")."""
    out = []
    for m in _PROSE_APOLOGIES.finditer(fold(text)):
        names = m.group(1) or m.group(2)
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


@functools.cache
def _visitor_titles() -> tuple[tuple[str, str], ...]:
    return tuple((r["title"], r["kind"]) for r in load_table("visitor_titles.csv"))


def _visitor_kind(name: str) -> str | None:
    """"police" or "postnominal" when a present person's title marks a visitor."""
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


_PUBLIC_WORDS = re.compile(r"^(?:residents?|members?\s+of\s+the\s+public|public|visitors?|"
                           r"observers?)\s+(?=[A-Z])", re.I)


def _status_in_attendance(entry: PersonEntry) -> str:
    """The status of one person listed "In attendance": a councillor is also present, a person
    printed with a role or organisation attends as an officer, a bare name is the public."""
    honorific = split_honorific(entry.name)[0]
    if honorific and _canonical_honorific(honorific).endswith("Councillor"):
        return "also_present"
    if entry.position or entry.organisation:
        return "officer"
    return "observer"


def attendance_records(lines: list[Line], meeting_id: str, paper_id: str,
                       minute_texts: list[tuple[str, int]] | None = None,
                       is_heading=lambda t: False) -> list[Attendance]:
    """Return the attendance records of one minutes part.

    Takes the part's lines, the meeting id, the paper id, the (text, page) of its minutes whose
    prose may list apologies, and a predicate recognising minute headings (where blocks end).
    """
    records: list[Attendance] = []
    seen: set[tuple[str, str]] = set()

    def add(entries: list[PersonEntry], status: str, page: int) -> None:
        visitors = _visitors(entries) if status == "present" else set()
        for n, e in enumerate(entries):
            one = _status_in_attendance(e) if status == MIXED else status
            if one == "present" and e.public:
                one = "observer"  # "... and Residents Fiona Miller, Mark Orr"
            elif one == "present" and n in visitors:
                one = "also_present"  # "PC Andy McKay", "Eden District Councillor A Armstrong"
            if one == "present" and _is_officer_role(e.position):
                one = "officer"
            elif (one in ("present", "also_present") and e.new_list and e.position
                  and _status_in_attendance(e) == "officer"):
                one = "officer"  # a list of people with job titles after the members' list
            key = (e.name.lower(), one)
            if key in seen:
                continue
            seen.add(key)
            records.append(Attendance(
                meeting_id=meeting_id, paper_id=paper_id, name_as_printed=e.name,
                status=one, position=e.position, organisation=e.organisation,
                chair=e.chair, page=page, evidence=fold(e.evidence)))

    for block in find_blocks(lines, is_heading):
        add(split_people(block.text, block.default_org), block.status, block.page)
    has_apologies = any(r.status == "apologies" for r in records)
    if not has_apologies:
        for text, page in minute_texts or []:
            for names in prose_apologies(text):
                add(split_people(names), "apologies", page)
    for text, page in minute_texts or []:
        for names, status in prose_attendance(text):
            people = [e for e in split_people(names) if looks_like_name(e.name)
                      and not any(_same_person(e.name, r.name_as_printed) for r in records)]
            add(people, status, page)
    return records


_MINUTE_NUMBER = re.compile(r"^\d{1,4}[.)]?\s+")
_OPENING_MINUTES = 3  # attendance is recorded in the first minutes, if not before them
_TITLE_WORDS = 6  # a minute title before an attendance label on its line is this short


def _label_after_title(text: str) -> str | None:
    """The text from an attendance label printed after a short minute title on the same line
    ("Welcome Committee members present were: Barbara McTavish ..."), else None."""
    words = [m.start() for m in re.finditer(r"(?<=\s)\S", text)][:_TITLE_WORDS]
    for at in words:
        found = match_label(text[at:])
        if found is not None and ":" in text[at:at + 60]:
            return text[at:]
    return None


def _attendance_region(lines: list[Line], minutes) -> list[Line]:
    """The lines before the first minute, plus every minute that is itself an attendance block
    ("1. Present: ...", "3 Apologies for Absence", "2601. Apologies for absence: Cllr Hillard"),
    its number taken off so the label opens the line, and the body of an opening minute whose
    first line is a label ("1. Welcome / Committee members present were: ...")."""
    region = list(lines[:minutes.first_item_index])
    bounds = list(minutes.starts) + [len(lines)]
    for n, item in enumerate(minutes.items):
        start = bounds[n]
        if match_label(item.title) is None:
            if n >= _OPENING_MINUTES:
                continue
            head = lines[start]
            inline = _label_after_title(_MINUTE_NUMBER.sub("", head.text.strip()))
            body = [ln for ln in lines[start + 1:bounds[n + 1]] if ln.text.strip()]
            if inline is not None:  # "1. Welcome Committee members present were: ..."
                region.append(Line(inline, head.page, True, head.kind, head.bold, head.level))
                region.extend(lines[start + 1:bounds[n + 1]])
            elif body and match_label(body[0].text.strip()):
                # "1. Welcome / Committee members present were: ..." (Broomhill CC)
                region.extend(lines[start + 1:bounds[n + 1]])
            continue
        head = lines[start]
        region.append(Line(_MINUTE_NUMBER.sub("", head.text.strip()), head.page, head.first,
                           head.kind, head.bold, head.level))
        region.extend(lines[start + 1:bounds[n + 1]])
    return region


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read the attendance blocks of every minutes part of a paper into attendance records."""
    from extractors.records.minutes import is_minute_heading, read_minutes

    out = Extraction()
    for part in parts_of(doc, ctx, ("minutes",)):
        lines = lines_of(part.doc)
        minutes = read_minutes(lines)
        texts = [(m.text, m.page) for m in minutes.items[:3]]
        mid = meeting_id_for(ctx.paper_id, part.part_no, "minutes")
        for rec in attendance_records(_attendance_region(lines, minutes) or lines, mid,
                                      ctx.paper_id, texts, is_minute_heading):
            out.add("attendance", rec)
    return out
