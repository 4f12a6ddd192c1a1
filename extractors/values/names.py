"""People's names as printed in council papers, with honorific, initials, role and organisation.

"Councillor Townsend (Chair)", "M Bracey (Chief Executive [Milton Keynes Council])",
"Superintendent M Tarbit, Thames Valley Police", "Councillors R Bradburn, Ferrans and McLean".

The word lists live in ``extractors/data/``: ``honorifics.csv`` (titles and ranks with their
canonical form), ``postnominals.csv``, ``nicknames.csv`` (Bob ~ Robert) and
``affiliation_words.csv`` (what makes a bracket a role, an organisation or a chair marker).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.datafiles import load_table
from extractors.memo import paper_memo

# Lower-case words that belong inside a surname ("van der Berg", "de la Cruz").
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "da", "di", "du",
                        "le", "la", "st", "st.", "bin", "ibn", "al", "el", "ten", "ter"})
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.\-]*", re.UNICODE)
_INITIALS_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?")
_DASH_SEP = re.compile(r"\s+[-\u2013\u2014]\s+")


@dataclass(frozen=True)
class PersonName:
    """A person's name split into its parts.

    ``name`` is the name as printed without role, organisation or post-nominals
    ("Councillor R Bradburn"); ``honorific`` the canonical title ("Councillor" for "Cllr").
    ``forenames`` holds given names and initials as printed one by one ("R", "J" for "R.J.").
    """

    text: str
    name: str
    surname: str
    forenames: tuple[str, ...] = ()
    honorific: str | None = None
    honorific_printed: str | None = None
    post_nominals: tuple[str, ...] = ()
    role: str | None = None
    organisation: str | None = None
    chair: bool = False
    vice_chair: bool = False

    @property
    def bare(self) -> str:
        """The name without honorific: "R Bradburn", "Townsend"."""
        if self.honorific_printed and self.name.startswith(self.honorific_printed):
            return self.name[len(self.honorific_printed):].strip()
        return self.name

    @property
    def initials(self) -> str:
        """First letters of the forenames, upper case ("RJ"); "" when none is printed."""
        return "".join(f[0].upper() for f in self.forenames)

    @property
    def given(self) -> str | None:
        """The first forename when printed in full ("Michael"), else None."""
        return self.forenames[0] if self.forenames and len(self.forenames[0]) > 1 else None


@dataclass(frozen=True)
class _Honorific:
    printed: str
    canonical: str
    plural: bool
    gender: str


@functools.cache
def _honorifics() -> tuple[tuple[tuple[str, ...], _Honorific], ...]:
    """(casefolded words, honorific), longest first so "Chief Inspector" beats "Inspector"."""
    rows = []
    for r in load_table("honorifics.csv"):
        words = tuple(w.casefold() for w in r["honorific"].split())
        rows.append((words, _Honorific(r["honorific"], r["canonical"], r["plural"] == "1",
                                       r["gender"])))
    return tuple(sorted(rows, key=lambda wr: -len(wr[0])))


@functools.cache
def _postnominals() -> frozenset[str]:
    return frozenset(r["postnominal"] for r in load_table("postnominals.csv"))


@functools.cache
def _affiliation() -> dict[str, list[re.Pattern[str]]]:
    by_kind: dict[str, list[re.Pattern[str]]] = {}
    for r in load_table("affiliation_words.csv"):
        words = r"[\s\-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", r["word"]))
        by_kind.setdefault(r["kind"], []).append(
            re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE))
    return by_kind


@functools.cache
def _nicknames() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for r in load_table("nicknames.csv"):
        nick, name = r["nickname"].casefold(), r["name"].casefold()
        groups.setdefault(nick, {nick}).add(name)
        groups.setdefault(name, {name})
    return {k: frozenset(v) for k, v in groups.items()}


def _has(kind: str, text: str) -> bool:
    return any(p.search(text) for p in _affiliation().get(kind, []))


def _fold(text: str) -> str:
    return " ".join(text.split())


def _split_brackets(text: str) -> tuple[str, list[str]]:
    """Text outside top-level brackets, and the contents of each top-level bracket group."""
    outside: list[str] = []
    groups: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            if depth == 0:
                current = []
            else:
                current.append(ch)
            depth += 1
        elif ch in ")]" and depth > 0:
            depth -= 1
            if depth == 0:
                groups.append("".join(current).strip())
                outside.append(" ")
            else:
                current.append(ch)
        elif depth > 0:
            current.append(ch)
        else:
            outside.append(ch)
    if depth > 0:  # unclosed bracket: keep its text as a group
        groups.append("".join(current).strip())
    return _fold("".join(outside)), [g for g in groups if g]


def _split_top(text: str, separators: re.Pattern[str]) -> list[str]:
    """Split on separators that are outside brackets."""
    pieces: list[str] = []
    depth = 0
    last = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth > 0:
            depth -= 1
        elif depth == 0:
            m = separators.match(text, i)
            if m and m.end() > i:
                pieces.append(text[last:i])
                last = i = m.end()
                continue
        i += 1
    pieces.append(text[last:])
    return [p.strip() for p in pieces]


_REPRESENTS = re.compile(r"^representative\s+(?:for|of)\s+(?:the\s+)?(?P<org>.+)$", re.IGNORECASE)


@dataclass
class _Affiliation:
    role: str | None = None
    organisation: str | None = None
    chair: bool = False
    vice_chair: bool = False

    def add(self, segment: str) -> None:
        """Classify one bracket or comma segment and keep it."""
        outer, inner = _split_brackets(segment.strip(" .,;:"))
        outer = outer.strip(" .,;:")
        if not outer and not inner:
            return
        if outer and _is_chair_marker(outer):
            if _has("vice_chair", outer):
                self.vice_chair = True
            else:
                self.chair = True
            outer = ""
        if inner:
            if outer:
                self._put(outer, prefer="role")
            for part in inner:
                self.add_org_first(part)
            return
        if outer:
            self._put(outer, prefer=None)

    def add_org_first(self, text: str) -> None:
        m = _REPRESENTS.match(text)
        if self.organisation is None:
            self.organisation = m.group("org") if m else text
        elif self.role is None:
            self.role = text

    def _put(self, text: str, prefer: str | None) -> None:
        represents = _REPRESENTS.match(text)
        if represents and self.organisation is None:
            # "representative for the X": the represented body is the organisation
            self.organisation = represents.group("org")
            self.role = self.role or text
            return
        if prefer is None:
            if _has("role", text):
                prefer = "role"
            elif _has("org", text):
                prefer = "org"
            else:
                words = re.findall(r"[^\W\d_]+", text)
                prefer = "org" if words and all(w[0].isupper() for w in words) else "role"
        if prefer == "role" and self.role is None:
            self.role = text
        elif self.organisation is None:
            self.organisation = text
        elif self.role is None:
            self.role = text

    def finish(self) -> None:
        if self.role and self.organisation is None:
            m = _REPRESENTS.match(self.role)
            if m:
                self.organisation = m.group("org")


def _is_chair_marker(text: str) -> bool:
    """"Chair", "Vice-Chairman", "in the Chair": the segment says only who chaired."""
    rest = text
    for kind in ("vice_chair", "chair"):
        for p in _affiliation()[kind]:
            rest = p.sub(" ", rest)
    return rest != text and not re.sub(r"[\s,.;:\-]", "", rest)


def _match_honorific(words: list[str]) -> tuple[int, _Honorific] | None:
    folded = [w.casefold().rstrip(".") for w in words]
    for hwords, hon in _honorifics():
        n = len(hwords)
        if tuple(folded[:n]) == hwords:
            return n, hon
    return None


def _expand_forename(token: str, all_caps: bool) -> list[str] | None:
    if _INITIALS_DOTTED.fullmatch(token):
        return [c for c in token if c.isalpha()]
    bare = token.rstrip(".")
    if not bare or not bare[0].isupper():
        return None
    if len(bare) == 1:
        return [bare]
    if not all_caps and bare.isupper() and len(bare) <= 3 and bare.isalpha():
        return list(bare)  # "RJ Smith"
    if "." in bare:
        return None
    return [bare]


def _parse_core(core: str) -> tuple[str, str, tuple[str, ...], _Honorific | None, str | None,
                                    tuple[str, ...]] | None:
    """(name as printed, surname, forenames, honorific, honorific as printed, post-nominals)."""
    tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\s,]+", core)]
    if not tokens:
        return None
    words = [t[0] for t in tokens]
    hon = _match_honorific(words)
    first = 0
    honorific, hon_printed = None, None
    if hon is not None:
        first, honorific = hon
        hon_printed = core[tokens[0][1]:tokens[first - 1][2]]
    last = len(tokens)
    post: list[str] = []
    while last > first + 1 and tokens[last - 1][0].rstrip(".,") in _postnominals():
        post.insert(0, tokens[last - 1][0].rstrip(".,"))
        last -= 1
    body = words[first:last]
    if not body or len(body) > 6:
        return None
    if any(not _NAME_TOKEN.fullmatch(w) for w in body):
        return None
    if any(p.fullmatch(w) for w in body for p in _affiliation().get("org", [])):
        return None
    letters = "".join(c for c in "".join(body) if c.isalpha())
    all_caps = letters.isupper() and len(letters) > 3
    s = len(body) - 1
    while s > 0 and body[s - 1].casefold() in _PARTICLES:
        s -= 1
    surname_words = body[s:]
    surname = " ".join(surname_words)
    if not surname_words[-1][0].isupper() or len(surname_words[-1].rstrip(".")) < 2:
        return None
    forenames: list[str] = []
    for w in body[:s]:
        expanded = _expand_forename(w, all_caps)
        if expanded is None:
            return None
        forenames.extend(expanded)
    start = tokens[0][1] if honorific else tokens[first][1]
    name = _fold(core[start:tokens[last - 1][2]])
    return name, surname, tuple(forenames), honorific, hon_printed, tuple(post)


@paper_memo()  # a name recurs in a paper (and in a run's linking); PersonName is frozen
def parse_person_name(text: str) -> PersonName | None:
    """Split a printed name into honorific, forenames/initials, surname, post-nominals, role,
    organisation and chair flags.

    Takes one person as printed ("Superintendent M Tarbit, Thames Valley Police",
    "Councillor Townsend (Chair)"); returns :class:`PersonName`, or None when the text does not
    look like a person's name (digits, lower-case words, an organisation's name).
    """
    folded = _fold(text)
    if not folded:
        return None
    outside, groups = _split_brackets(folded)
    aff = _Affiliation()
    chair_phrase = re.search(r"\s*,?\s*\bin\s+the\s+chair\b\s*$", outside, re.IGNORECASE)
    if chair_phrase:
        aff.chair = True
        outside = outside[:chair_phrase.start()]
    segments = _split_top(outside, re.compile(r"\s*,\s*|\s+[-\u2013\u2014]\s+"))
    core = segments[0]
    extra_post: list[str] = []
    for seg in segments[1:]:
        if not seg:
            continue
        parts = seg.split()
        if all(p.rstrip(".") in _postnominals() for p in parts):
            extra_post.extend(p.rstrip(".") for p in parts)
        else:
            aff.add(seg)
    for g in groups:
        aff.add(g)
    aff.finish()
    parsed = _parse_core(core)
    if parsed is None:
        return None
    name, surname, forenames, hon, hon_printed, post = parsed
    return PersonName(
        text=folded, name=name, surname=surname, forenames=forenames,
        honorific=hon.canonical if hon else None, honorific_printed=hon_printed,
        post_nominals=post + tuple(extra_post), role=aff.role, organisation=aff.organisation,
        chair=aff.chair, vice_chair=aff.vice_chair)


def honorific_gender(name: PersonName) -> str | None:
    """"m" or "f" when the printed honorific implies it (Mr, Mrs, Sir, Dame), else None."""
    if not name.honorific_printed:
        return None
    hon = _match_honorific(name.honorific_printed.split())
    return hon[1].gender or None if hon else None


_LIST_SEP = re.compile(r"\s*[,;]\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", re.IGNORECASE)


def split_name_list(text: str, shared_honorific: bool = True) -> list[str]:
    """Split a printed list of people into one string per person.

    "Councillors R Bradburn, Ferrans and McLean" -> ["Councillor R Bradburn", "Councillor
    Ferrans", "Councillor McLean"]; "Mr A Smith, Mrs B Jones and Dr C Brown" -> three. A plural
    honorific is made singular and, when ``shared_honorific``, given to each following name that
    has none. Brackets stay with their name; ", MBE" and a piece that is not a name
    ("…, Thames Valley Police", "…, Cabinet Member for X") stay with the name before them.
    """
    pieces = [p for p in _split_top(_fold(text), _LIST_SEP) if p]
    items: list[str] = []
    for piece in pieces:
        words = piece.split()
        if items and all(w.rstrip(".") in _postnominals() for w in words):
            items[-1] = f"{items[-1]}, {piece}"
        elif items and parse_person_name(piece) is None:
            items[-1] = f"{items[-1]}, {piece}"
        else:
            items.append(piece)
    shared: str | None = None
    out: list[str] = []
    for i, item in enumerate(items):
        words = item.split()
        hon = _match_honorific(words)
        if hon is not None:
            n, h = hon
            if h.plural:
                singular = _singular(" ".join(words[:n]), h)
                item = " ".join([singular, *words[n:]])
                shared = singular if shared_honorific else None
            else:
                shared = None
        elif shared and i > 0:
            item = f"{shared} {item}"
        out.append(item)
    return out


def _singular(printed: str, hon: _Honorific) -> str:
    """"Councillors" -> "Councillor", "Cllrs" -> "Cllr", "Messrs" -> "Mr"."""
    candidate = printed.rstrip(".")
    if candidate.endswith("s"):
        match = _match_honorific(candidate[:-1].split())
        if match is not None and not match[1].plural:
            return candidate[:-1]
    return hon.canonical


def _norm_surname(s: str) -> str:
    return re.sub(r"[\s\-]+", " ", s.replace("\u2019", "'").casefold()).strip()


def _forenames_agree(a: str, b: str) -> bool:
    fa, fb = a.casefold().rstrip("."), b.casefold().rstrip(".")
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    if fa.startswith(fb) or fb.startswith(fa):
        return True
    nick = _nicknames()
    return bool(nick.get(fa, frozenset({fa})) & nick.get(fb, frozenset({fb})))


def names_compatible(a: str | PersonName, b: str | PersonName) -> bool:
    """Whether two printed names can be the same person.

    Same surname (case, apostrophe and hyphen folded); forenames and initials agree position by
    position where both are printed ("M" ~ "Michael", "Mel" ~ "Melanie", "Bob" ~ "Robert",
    "Marc" !~ "Michael"); honorifics may differ ("Councillor Townsend" ~ "Lauren Townsend")
    unless they imply different sexes (Mr / Mrs). Strings that are not names compare equal
    only when they are the same words.
    """
    pa = a if isinstance(a, PersonName) else parse_person_name(a)
    pb = b if isinstance(b, PersonName) else parse_person_name(b)
    if pa is None or pb is None:
        ta = a.text if isinstance(a, PersonName) else _fold(a)
        tb = b.text if isinstance(b, PersonName) else _fold(b)
        return bool(ta) and ta.casefold() == tb.casefold()
    if _norm_surname(pa.surname) != _norm_surname(pb.surname):
        return False
    ga, gb = honorific_gender(pa), honorific_gender(pb)
    if ga and gb and ga != gb:
        return False
    return all(_forenames_agree(x, y) for x, y in zip(pa.forenames, pb.forenames, strict=False))
