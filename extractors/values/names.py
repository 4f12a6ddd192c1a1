"""People's names as printed in council papers, with honorific, initials, role and organisation.

"Councillor Townsend (Chair)", "M Bracey (Chief Executive [Milton Keynes Council])",
"Superintendent M Tarbit, Thames Valley Police", "Councillors R Bradburn, Ferrans and McLean".

The one home for names: ``parse_person_name`` and ``names_compatible`` for one name;
``split_people`` (with ``split_honorific``, ``looks_like_name``, ``role_and_org`` and
``split_name_role``) for the lists that attendance blocks and membership lists print.

The word lists live in ``extractors/data/``: ``honorifics.csv`` (titles and ranks with their
canonical form), ``postnominals.csv``, ``nicknames.csv`` (Bob ~ Robert),
``affiliation_words.csv`` (what makes a bracket a role, an organisation or a chair marker),
``role_words.csv``, ``org_words.csv``, ``chair_cues.csv`` and ``public_counts.csv`` (counts of
unnamed people present, "3 members of the public", dropped from lists).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.datafiles import load_table
from extractors.memo import paper_memo
from extractors.values.spacing import fold

# Lower-case words that belong inside a surname ("van der Berg", "de la Cruz").
_PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "di",
        "du",
        "le",
        "la",
        "st",
        "st.",
        "bin",
        "ibn",
        "al",
        "el",
        "ten",
        "ter",
    }
)
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
            return self.name[len(self.honorific_printed) :].strip()
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
class Honorific:
    """A title or rank printed before a name: as printed, its canonical form, whether it is a
    plural shared by a list ("Councillors"), and the sex it implies ("m", "f" or "")."""

    printed: str
    canonical: str
    plural: bool
    gender: str


@functools.cache
def honorifics() -> tuple[Honorific, ...]:
    """The rows of ``data/honorifics.csv`` in file order: the one reader of that table."""
    return tuple(
        Honorific(r["honorific"], r["canonical"], r["plural"] == "1", r["gender"])
        for r in load_table("honorifics.csv")
    )


@functools.cache
def _honorifics() -> tuple[tuple[tuple[str, ...], Honorific], ...]:
    """(casefolded words, honorific), longest first so "Chief Inspector" beats "Inspector"."""
    rows = [(tuple(w.casefold() for w in h.printed.split()), h) for h in honorifics()]
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
            re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE)
        )
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


def _bracket_pieces(text: str) -> tuple[list[str], list[str]]:
    """The text outside top-level brackets, cut where each group closes, and the raw contents
    of each top-level group (an unclosed last group too, when it holds any character)."""
    pieces: list[str] = []
    groups: list[str] = []
    outside: list[str] = []
    current: list[str] = []
    depth = 0
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
                groups.append("".join(current))
                pieces.append("".join(outside))
                outside = []
            else:
                current.append(ch)
        elif depth > 0:
            current.append(ch)
        else:
            outside.append(ch)
    pieces.append("".join(outside))
    if depth > 0 and current:
        groups.append("".join(current))
    return pieces, groups


def _split_brackets(text: str) -> tuple[str, list[str]]:
    """Text outside top-level brackets (a space where a group stood), and the contents of each
    top-level bracket group that holds any text."""
    pieces, groups = _bracket_pieces(text)
    return fold(" ".join(pieces)), [g.strip() for g in groups if g.strip()]


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
    """ "Chair", "Vice-Chairman", "in the Chair": the segment says only who chaired."""
    rest = text
    for kind in ("vice_chair", "chair"):
        for p in _affiliation()[kind]:
            rest = p.sub(" ", rest)
    return rest != text and not re.sub(r"[\s,.;:\-]", "", rest)


def _match_honorific(words: list[str]) -> tuple[int, Honorific] | None:
    # a title broken at a line end keeps its hyphen when the lines are joined ("City
    # Coun-cillor Lana Reid McConnell", Broomhill): compared without it
    longest = len(_honorifics()[0][0]) if _honorifics() else 0
    folded = tuple(w.casefold().rstrip(".").replace("-", "") for w in words[:longest])
    for hwords, hon in _honorifics():
        n = len(hwords)
        if folded[:n] == hwords:
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


def _parse_core(
    core: str,
) -> tuple[str, str, tuple[str, ...], Honorific | None, str | None, tuple[str, ...]] | None:
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
        hon_printed = core[tokens[0][1] : tokens[first - 1][2]]
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
    name = fold(core[start : tokens[last - 1][2]])
    return name, surname, tuple(forenames), honorific, hon_printed, tuple(post)


@paper_memo()  # a name recurs in a paper (and in a run's linking); PersonName is frozen
def parse_person_name(text: str) -> PersonName | None:
    """Split a printed name into honorific, forenames/initials, surname, post-nominals, role,
    organisation and chair flags.

    Takes one person as printed ("Superintendent M Tarbit, Thames Valley Police",
    "Councillor Townsend (Chair)"); returns :class:`PersonName`, or None when the text does not
    look like a person's name (digits, lower-case words, an organisation's name).
    """
    folded = fold(text)
    if not folded:
        return None
    outside, groups = _split_brackets(folded)
    aff = _Affiliation()
    chair_phrase = re.search(r"\s*,?\s*\bin\s+the\s+chair\b\s*$", outside, re.IGNORECASE)
    if chair_phrase:
        aff.chair = True
        outside = outside[: chair_phrase.start()]
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
        text=folded,
        name=name,
        surname=surname,
        forenames=forenames,
        honorific=hon.canonical if hon else None,
        honorific_printed=hon_printed,
        post_nominals=post + tuple(extra_post),
        role=aff.role,
        organisation=aff.organisation,
        chair=aff.chair,
        vice_chair=aff.vice_chair,
    )


def honorific_gender(name: PersonName) -> str | None:
    """ "m" or "f" when the printed honorific implies it (Mr, Mrs, Sir, Dame), else None."""
    if not name.honorific_printed:
        return None
    hon = _match_honorific(name.honorific_printed.split())
    return hon[1].gender or None if hon else None


#: "and" in a Welsh list, before a name: "ac" / "a’r" ("... William Loynton ac Andrew Thomas",
#: "... Owen Williams a’r Cynghorydd Sir Joseph Davies", Manordeilo & Salem CC); a bare "a" is
#: left alone: it is also an initial
WELSH_AND = r"ac|a[’']r"
#: commas, "and", "&", and the Welsh "and"
_LIST_SEP = re.compile(
    rf"\s*[,;]\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+|\s+(?-i:{WELSH_AND})\s+(?=[A-Z])",
    re.IGNORECASE,
)


def split_name_list(text: str, shared_honorific: bool = True) -> list[str]:
    """Split a printed list of people into one string per person.

    "Councillors R Bradburn, Ferrans and McLean" -> ["Councillor R Bradburn", "Councillor
    Ferrans", "Councillor McLean"]; "Mr A Smith, Mrs B Jones and Dr C Brown" -> three. A plural
    honorific is made singular and, when ``shared_honorific``, given to each following name that
    has none. Brackets stay with their name; ", MBE" and a piece that is not a name
    ("…, Thames Valley Police", "…, Cabinet Member for X") stay with the name before them.
    """
    pieces = [p for p in _split_top(fold(text), _LIST_SEP) if p]
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


def _singular(printed: str, hon: Honorific) -> str:
    """ "Councillors" -> "Councillor", "Cllrs" -> "Cllr", "Messrs" -> "Mr"."""
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
        ta = a.text if isinstance(a, PersonName) else fold(a)
        tb = b.text if isinstance(b, PersonName) else fold(b)
        return bool(ta) and ta.casefold() == tb.casefold()
    if _norm_surname(pa.surname) != _norm_surname(pb.surname):
        return False
    ga, gb = honorific_gender(pa), honorific_gender(pb)
    if ga and gb and ga != gb:
        return False
    fa, fb = pa.forenames, pb.forenames
    if all(_forenames_agree(x, y) for x, y in zip(fa, fb, strict=False)):
        return True
    # a person known by a middle name, printed after an initial ("G Alan Ramsay" ~ "Alan
    # Ramsay"): the names agree once the leading initial is set aside
    for x, y in ((fa, fb), (fb, fa)):
        if len(x) >= 2 and len(x[0]) == 1 and len(x[1]) > 1 and y and len(y[0]) > 1:
            if all(_forenames_agree(u, v) for u, v in zip(x[1:], y, strict=False)):
                return True
    return False


# --- names in lists, with roles and organisations (attendance, membership lists) ------------
# ``looks_like_name`` and ``split_name_role`` ask less of a token than ``parse_person_name``: a
# capitalised word, an initial, capitals or O'Name, and these particles

_PRINTED_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "du",
    "da",
    "di",
    "al",
    "bin",
    "st",
}
_PRINTED_NAME_TOKEN = re.compile(
    # initials may be run together with their stops: "Councillor T.W. Hone", "Mrs A.G. Ashley"
    r"^(?:[A-Z]\.?|(?:[A-Z]\.){2,4}|[A-Z][A-Za-z'’\-]*[a-z][A-Za-z'’\-]*|[A-Z]{2,}"
    r"|O['’][A-Z]\w+)$"
)
_REP = re.compile(r"^(?:a\s+|the\s+)?representatives?\s+(?:of|for|from)\s+(?:the\s+)?(.+)$", re.I)


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
    #: printed after the members' list ended: after a full stop, or after a shared honorific's
    #: group closed with "and" ("Councillors A, B and C, Clerk D, Eden District Councillor E")
    after_members: bool = False
    #: printed as holding an office in another body ("Ross Cunningham (Chair Whiteinch CC)")
    office_elsewhere: bool = False


@functools.cache
def _prefix_honorifics() -> tuple[tuple[str, str, bool], ...]:
    """(form as printed, its singular, plural) longest form first, for ``split_honorific``."""
    out = [(h.printed, h.canonical if h.plural else h.printed, h.plural) for h in honorifics()]
    return tuple(sorted(out, key=lambda t: -len(t[0])))


@functools.cache
def _canonical_forms() -> dict[str, str]:
    return {h.printed.casefold(): h.canonical for h in honorifics()}


def canonical_honorific(form: str) -> str:
    """The canonical form of a printed honorific ("Cllr" -> "Councillor")."""
    return _canonical_forms().get(form.casefold(), form)


@functools.cache
def _words(name: str, column: str) -> frozenset[str]:
    return frozenset(r[column].lower() for r in load_table(name))


@functools.cache
def _chair_cues() -> tuple[tuple[re.Pattern[str], bool, str], ...]:
    return tuple(
        (re.compile(r["pattern"], re.I), r["chair"] == "yes", r["position"])
        for r in load_table("chair_cues.csv")
    )


def split_honorific(name: str) -> tuple[str | None, str, bool]:
    """Split a leading honorific: returns (singular honorific, rest, whether it was plural).

    The first letter is matched as printed, the rest of the words in any case ("County
    councillor Stephen Davis", Haresfield PC), as the honorifics table says."""
    folded = name.casefold()
    for form, singular, plural in _prefix_honorifics():
        low = form.casefold()
        if name[:1] == form[:1] and (
            folded == low or folded.startswith(low + " ") or folded.startswith(low + ". ")
        ):
            return singular, name[len(form) :].lstrip(". ").strip(), plural
    return None, name, False


def strip_honours(name: str) -> str:
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
    rest = strip_honours(rest)
    toks = rest.split()
    if not toks or len(toks) > 5:
        return False
    if not all(_PRINTED_NAME_TOKEN.match(t) or t.lower() in _PRINTED_PARTICLES for t in toks):
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
    """Split ``text`` into the words outside top-level brackets (run together where a group
    stood; spaces and commas stripped from the ends) and each bracket's contents, whitespace
    folded (an empty bracket gives "")."""
    pieces, groups = _bracket_pieces(text)
    return fold("".join(pieces)).strip(" ,"), [fold(g) for g in groups]


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
    return (
        first in _words("role_words.csv", "word")
        or split_honorific(text)[0] is not None
        or bool(_REP.match(text))
    )


#: a person's title before a name anywhere in a list ("Cllr R Smith", "Mayor Dorothy Thornhill")
_TITLED_ANYWHERE = re.compile(r"\b(?:Cllrs?|Councillors?|Mrs?|Ms|Miss|Dr|Mayor)\b\.?\s+[A-Z]")


def titles_only(text: str) -> bool:
    """Whether a list names officers by job title only, nobody by name ("Chief Executive,
    Strategic Director of Finance, Policy & Governance, Head of Finance, ..."): most of its
    items hold a role word (``data/role_words.csv``) and no piece of any item (between
    brackets, dashes and colons) reads as a person's name."""
    items = [i.strip(" .") for i in re.split(r"[,;\n]", text) if i.strip(" .")]
    if len(items) < 2 or _TITLED_ANYWHERE.search(text):
        return False  # "..., Herts Police Authority Cllr Ms S Taylor, ...": a person named
    roles = _words("role_words.csv", "word")

    def has_role(piece: str) -> bool:
        return any(w.lower() in roles for w in re.findall(r"[A-Za-z]+", piece))

    for item in items:
        pieces = re.split(r"[()\[\]:]|\s[–—-]\s|\s+and\s+", item)
        if any(p.strip() and looks_like_name(p.strip()) and not has_role(p) for p in pieces):
            return False
    return sum(has_role(i) for i in items) * 10 >= len(items) * 6


def opens_role(text: str) -> bool:
    """Whether ``text`` opens with a job title ("Convenor", "Vice Chair, CC", "Local
    Councillor" after a name in a table row)."""
    words = text.split()
    return bool(words) and (_opens_role(words) or _opens_role(words[1:] or words))


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
        return (
            k < len(toks)
            and all(_PRINTED_NAME_TOKEN.match(t) for t in name)
            and not re.fullmatch(r"[A-Z]\.?", name[-1])
            and toks[k][:1].isupper()
        )

    def cut(k: int) -> tuple[str, str]:
        words = text.strip().split()
        return " ".join(words[: shift + k]), " ".join(words[shift + k :])

    candidates = [k for k in range(low, min(len(toks), 4)) if ok(k)]
    for k in candidates:
        if _opens_role(toks[k:]):
            return cut(k)
    for k in candidates:
        if looks_like_org(split_brackets(" ".join(toks[k:]))[0]):
            return cut(k)
    default = low + (1 if len(toks) > low and re.fullmatch(r"[A-Z]\.?", toks[low - 1]) else 0)
    if default in candidates and looks_like_name(" ".join(text.split()[: shift + default])):
        return cut(default)
    return None


def _chair_cue(text: str) -> tuple[bool, str | None] | None:
    for pattern, chair, position in _chair_cues():
        if pattern.match(text.strip()):
            return chair, (text.strip() if position == "=" else position) or None
    return None


_OWN_INITIALS = re.compile(r"[ \t]+([A-Z][A-Za-z]{1,3})(?=\s|$)")


def _are_initials_of(name: str, token: str) -> bool:
    """Whether ``token`` is the initials of the last two or three words of ``name`` ("RB" of
    "Rob Boyd"; a trailing letter may be lower case: "PWh" of "Paul Wheelhouse")."""
    words = name.split()
    if not token[:2].isupper():
        return False
    for n in (3, 2):
        tail = words[-n:]
        if len(tail) == n and len(_initials_of(tail)) == n:
            if token.upper().startswith(_initials_of(tail)):
                return True
    return False


def _mid_line_stop(text: str, i: int, cur: list[str]) -> re.Match[str] | None:
    """A full stop at ``text[i]`` that ends a sentence inside a line, a capital after it:
    "Cllrs C Edwards, G O'Leary. District Cllr L Haysey" (Hertingfordbury PC). Not after an
    initial ("R. Healey") nor after an abbreviated title ("Mrs. Everitt", "Cllrs. Jenkins")."""
    stop = re.match(r"\.[ \t]+(?=[A-Z])", text[i:])
    if stop is None:
        return None
    last = "".join(cur).split()[-1:] or [""]
    word = last[0]
    if not re.fullmatch(r"[A-Z]?[\w'’\-]*[a-z]{2}", word) or split_honorific(word)[0]:
        return None
    return stop


_WELSH_AND = re.compile(rf"^\s+(?:{WELSH_AND})\s+(?=[A-Z])")


def _list_segments(text: str) -> list[tuple[str, str]]:
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
                nxt = re.match(r"\s+(?!and\b)(?=[A-Z])", text[i + 1 :])
                own = _OWN_INITIALS.match(text, i + 1)
                if own and _are_initials_of("".join(cur).rsplit("(", 1)[0], own.group(1)):
                    # "Rob Boyd (Chair) RB Raymond Allan RA": the name's initials follow its
                    # bracket; the names are told apart by their initials (_split_run_together)
                    cur.append(text[i : own.end()])
                    i = own.end()
                    continue
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
            stop = re.match(r"\.[ \t]*\n", text[i:]) or _mid_line_stop(text, i, cur)
            if stop and cur:  # a list ends at a full stop that ends its line
                out.append((joiner, "".join(cur)))
                cur, joiner = [], "stop"
                i += stop.end()
                continue
            m = re.match(r"\s+(?:and|&)\s+", text[i:]) or _WELSH_AND.match(text[i:])
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


#: a councillor of a named council printed as one title: "Eden District Councillor A Armstrong"
#: (the place may be left out: "County Councillor Martin Storey Borough Councillor Colin
#: Sampson", Wretton PC)
_TIER_TITLE = re.compile(
    r"^(?P<place>[A-Z][a-z]+ )?(?P<tier>District|County|City|Borough) (?:Councillor|Cllr) "
    r"(?=[A-Z])"
)
_ROLE_BEFORE_NAME = ("Clerk", "RFO")
#: a count of the public where names would be: "Members of the Public - Two Members"
_PUBLIC_COUNT = re.compile(r"^(?:Members\s+of\s+the\s+[Pp]ublic|Residents|Public)\b")


def _officer_and_tier_cuts(toks: list[str]) -> list[int]:
    """Where names run together around an officer's role printed before a name, a councillor
    titled by another council and a count of the public ("P Moran Clerk Mrs J Todd Eden
    District Councillor A Armstrong", Milburn PC; "P Moran Clerk J Connelly Members of the
    Public - Two Members"): a new entry starts at each."""
    cuts: list[int] = []
    for k in range(1, len(toks) - 1):
        rest = " ".join(toks[k:])
        if toks[k - 1] in ("&", "and"):
            continue
        tier = _TIER_TITLE.match(rest)
        if tier and tier.group("place") and k + 1 < len(toks):
            # "Martin Storey Borough Councillor": the word before the tier is the place only
            # when the name before it keeps a forename and surname without it
            before = " ".join(toks[:k])
            hon, name, _ = split_honorific(before)
            if cuts and cuts[-1] < k:
                hon, name, _ = split_honorific(" ".join(toks[cuts[-1] : k]))
            if len(name.split()) < 2 and k >= 1:
                continue  # the cut comes at the tier word, next round
        if (
            (toks[k] in _ROLE_BEFORE_NAME and toks[k + 1][:1].isupper())
            or tier
            or _PUBLIC_COUNT.match(rest)
        ):
            if not (cuts and cuts[-1] == k - 1 and _TIER_TITLE.match(" ".join(toks[k - 1 :]))):
                cuts.append(k)
    return cuts


def _org_then_name(toks: list[str]) -> int:
    """Where a name starts after an organisation printed before it with no comma ("Norfolk
    County Council Matt Kenny", a line break lost), else 0."""
    words = _words("org_words.csv", "word")
    for k in range(1, len(toks) - 2):
        if (
            toks[k].lower() in words
            and all(t[:1].isupper() or t in ("of", "and", "the", "for", "&") for t in toks[:k])
            and looks_like_org(" ".join(toks[: k + 1]))
            and looks_like_name(" ".join(toks[k + 1 :]))
            and not looks_like_org(" ".join(toks[k + 1 :]))
        ):
            return k + 1
    return 0


def _before_bracket(toks: list[str], k: int) -> int:
    """The index of the bracket group that ends just before ``toks[k]`` ("(Chair)"), or ``k``
    when none does."""
    if toks[k - 1].endswith(")") and not toks[k].startswith("("):
        for j in range(k - 1, max(-1, k - 6), -1):
            if toks[j].startswith("("):
                return j
    return k


_INITIAL = re.compile(r"^[A-Z]\.$")


def _split_run_together(seg: str) -> list[str]:
    """Split names a list prints side by side with no comma between them.

    Two printed forms mark where a name ends: a singular honorific opening each name ("Cllr Sue
    Lintern (Chair) Cllr Daphne Clements Cllr Kit Hesketh-Harvey", Stoke Ferry PC), and a name's
    own initials after it ("Kenny Combe KC Dick Noble DN", Ayton CC; "Nick Oakhill (NO)",
    Souldern PC). Returns the segment unchanged when neither splits it into two or more names.
    """
    toks = seg.split()
    org_cut = _org_then_name(toks)
    if org_cut:  # "Norfolk County Council Matt Kenny": an organisation, then a name
        return [" ".join(toks[:org_cut]), " ".join(toks[org_cut:])]
    cuts: list[int] = []
    initials: set[int] = set()
    # a name's initials after it: "KC" after "Kenny Combe" (a trailing letter may be lower case:
    # "MCa" after "Margaret Carey"), dropped from the name; a bracket between them is the
    # name's ("Rob Boyd (Chair) RB", "Michael Cook (SBC) MC", Ayton CC)
    for k, tok in enumerate(toks):
        bare = tok.strip("()")
        if k >= 2 and _ABBREVIATION.match(bare) and bare[:2].isupper():
            end = _before_bracket(toks, k)
            for n in (3, 2):
                words = toks[max(0, end - n) : end]
                if (
                    len(words) == n
                    and bare.upper().startswith(_initials_of(words))
                    and len(_initials_of(words)) == n
                ):
                    initials.add(k)
                    if k + 1 < len(toks):
                        cuts.append(k + 1)
                    break
    if initials:
        pieces = [
            " ".join(t for i, t in enumerate(toks[a:b], a) if i not in initials)
            for a, b in zip([0, *cuts], [*cuts, len(toks)], strict=True)
        ]
        return [p for p in pieces if p]
    if not cuts:
        cuts = _officer_and_tier_cuts(toks)
    if not cuts:
        # a singular honorific opening a second name, also after a role printed after a comma
        # ("Councillor Emma Edwards, Leader of the Green Group Councillor Kaz Self Councillor
        # David Wilcox", Bristol CC)
        opens = bool(toks) and toks[0].rstrip(".") in _SHORT_HONORIFICS
        if not opens and "(" not in seg:
            first = next(
                (k for k in range(2, len(toks) - 1) if toks[k].rstrip(".") in _SHORT_HONORIFICS),
                None,
            )
            opens = (
                first is not None
                and any(t[:1].islower() for t in toks[:first])  # a role before it
                and split_honorific(" ".join(toks[first - 1 :]))[0] is None  # "Parish Cllr"
            )
        if opens:
            cuts = [
                k
                for k, tok in enumerate(toks)
                if k > 1
                and tok.rstrip(".") in _SHORT_HONORIFICS
                and k + 1 < len(toks)
                and toks[k + 1][:1].isupper()
                and toks[k - 1] not in ("&", "and")
            ]
    if not cuts and toks and _INITIAL.match(toks[0]):
        # names that open with an initial: "D. Pickston P. Norris" (Wereham PC)
        cuts = [
            k
            for k in range(2, len(toks) - 1)
            if _INITIAL.match(toks[k])
            and not _INITIAL.match(toks[k - 1])
            and toks[k - 1][:1].isupper()
            and toks[k + 1][:1].isupper()
        ]
    if not cuts:
        return [seg]
    pieces = [" ".join(toks[a:b]) for a, b in zip([0, *cuts], [*cuts, len(toks)], strict=True)]
    return [p for p in pieces if p]


#: the chair's title printed before their name in a list of those present
_CHAIR_BEFORE = re.compile(
    r"^(?:the\s+)?(?:chairman|chairwoman|chairperson|chair)\s+(?=[A-Z])", re.I
)
#: the chair's title printed after their name by a hyphen or a space
_CHAIR_AFTER = re.compile(
    r"^(?P<name>.*[^\W\d_](?<!\bVice)(?<!\bDeputy))(?:-|\s+)(?:Chair(?:man|woman|person)?)$"
)
#: an office in another body printed in a bracket after a name: "(Chair Whiteinch CC)"
#: (Broomhill CC), "(Chair Village Hall Management Committee)" (West Dereham PC)
_OFFICE_IN = re.compile(
    r"^(?P<office>(?:vice[-\s]?)?chair(?:man|woman|person)?|president|secretary|treasurer)"
    r"\s+(?:of\s+)?(?:the\s+)?(?P<org>[A-Z].*)$",
    re.I,
)


def _office_in(text: str) -> tuple[str, str] | None:
    """(office, organisation) when a bracket names an office in another body, else None."""
    m = _OFFICE_IN.match(text.strip())
    if m is None:
        return None
    org = m.group("org").strip(" .")
    words = org.split()
    named = len(words) >= 2 and all(w[:1].isupper() or w in ("of", "and", "&") for w in words)
    return (m.group("office"), org) if named or looks_like_org(org) else None


#: a group word before names of the public in a list of those present
_PUBLIC_FORMS = r"(?:local\s+)?residents?|members?\s+of\s+the\s+public|public|visitors?|observers?"
_PUBLIC_WORDS = re.compile(r"^(?:" + _PUBLIC_FORMS + r")\s+(?=[A-Z])", re.I)
_PUBLIC_ROLE = re.compile(r"^(?:a\s+)?(?:" + _PUBLIC_FORMS + r")$", re.I)


def is_public_role(text: str | None) -> bool:
    """Whether a role printed with a name says the person is one of the public ("Steve Davies
    (resident)")."""
    return bool(text) and bool(_PUBLIC_ROLE.match(text.strip(" .,")))


@functools.cache
def _public_count() -> re.Pattern[str]:
    """A count of people present who are not named ("3 members of the public", "plus ten
    guests", "Public Members 5"), with the "and" or "plus" that joins it to the list."""
    nouns = "|".join(r["noun"] for r in load_table("public_counts.csv"))
    numbers = "|".join(re.escape(r["word"]) for r in load_table("number_words.csv"))
    count = rf"(?:\d{{1,3}}|{numbers}|a\s+few|several)"
    return re.compile(
        rf"(?:\b(?:and|plus|&)\s+|\+\s*)?(?:\b{count}\s+(?:{nouns})\b"
        rf"|\b(?:{nouns})\s*[:\-–]?\s*\d{{1,3}}\b(?:\s+number\b)?)",
        re.I,
    )


def _initials_line(before: str, line: str) -> bool:
    """Whether ``line`` is only the initials of the name ending ``before`` ("MCa" after
    "Margaret Carey", "MC" after "Michael Cook (SBC)")."""
    bare = line.strip("() ")
    if not (_ABBREVIATION.match(bare) and bare[:2].isupper()):
        return False
    words = re.sub(r"\([^()]*\)\s*$", "", before).split()
    for n in (3, 2):
        tail = words[-n:]
        if len(tail) == n and len(_initials_of(tail)) == n:
            if bare.upper().startswith(_initials_of(tail)):
                return True
    return False


def _one_a_line(text: str) -> str:
    """A list printed one person a line with no comma anywhere ("Frank Reid (FRE)
    Councillor/Chairman / Geoff Proctor (GPR) Councillor", Boughton PC; the cells of a column,
    "Nick Oakhill (NO) CHAIR / Katy Draper (KD)", Souldern PC): each line break separates
    two entries, unless the line before is open (ends in "and", "&" or inside a bracket) or
    the next line opens in lower case."""
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    if len(lines) < 2 or re.search(r"[,;]", text):
        return text
    out = lines[0]
    for line in lines[1:]:
        tail = out.rstrip()
        open_line = (
            re.search(r"(?:\s(?:and|&)|&)$", tail)
            or tail.count("(") > tail.count(")")
            or not line[:1].isupper()
            or _initials_line(tail, line)  # "Margaret Carey / MCa" (Ayton CC): the name's own
        )
        out += ("\n" if open_line else ",\n") + line
    return out


def drop_public_counts(text: str) -> str:
    """``text`` with each count of unnamed people present taken out (a comma in its place)."""
    return _public_count().sub(",", text)


_PLURAL_TITLE_LABEL = re.compile(r"^\s*(Councillors|Cllrs\.?|Councillor|Cllr\.?)\s*:\s*(?=[A-Z])")


def split_people(text: str, default_org: str | None = None) -> list[PersonEntry]:
    """Read a printed list of people into entries.

    Takes the list as printed (line breaks kept) and an organisation that applies to names
    without one ("Officers: Milton Keynes Council: A (role), B (role)"). Returns the entries in
    order: names with their honorific (a plural one given to each name of its group), position,
    organisation and whether they chaired.
    """
    # "Councillors: Ed Plowden (Chair), Graham Morris, ..." (Bristol CC): the plural title
    # printed as a label is the list's honorific, given to each name
    text = _PLURAL_TITLE_LABEL.sub(r"\1 ", text)
    text = drop_public_counts(_one_a_line(text))
    entries: list[PersonEntry] = []
    after_stop = False
    group_hon: str | None = None
    group: list[PersonEntry] = []
    close_after = False
    after_group = False
    segments = [
        (joiner if k == 0 else ",", piece)
        for joiner, seg in _list_segments(text.strip().rstrip("."))
        for k, piece in enumerate(
            p for pair in _split_dash_pairs(seg) for p in _split_run_together(pair)
        )
    ]
    public = False
    for joiner, seg in segments:
        seg = seg.strip(" .")
        lead = _PUBLIC_WORDS.match(seg)
        if lead:  # "and Residents Fiona Miller, Mark Orr": the public from here on
            seg, public = seg[lead.end() :], True
        if re.match(r"^(?:and|&)\s+", seg):
            seg, joiner = re.sub(r"^(?:and|&)\s+", "", seg), "and"
        if close_after or joiner == "stop":  # a plural honorific ends with its sentence
            after_group = after_group or close_after
            group_hon, close_after = None, False
        after_stop = after_stop or joiner == "stop"
        if is_honours(seg):
            if entries and joiner == ",":
                entries[-1].name += f", {seg}"  # "Mr R C Love, OBE": the name as printed
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
        lead_chair = _CHAIR_BEFORE.match(seg)
        if lead_chair and looks_like_name(seg[lead_chair.end() :]):
            # "Present: Chairman Cllr Mrs Shewell, Cllrs Hayward, ..." (Tintern CC)
            seg, chair = seg[lead_chair.end() :], True
        # "Clerk Mrs J Todd" (Milburn PC), "and the clerk: Tom Brindley" (Hertingfordbury PC)
        role_first = re.match(r"^(?:the\s+)?((?i:clerk)|RFO)(?:\s*:)?\s+(?=[A-Z])", seg)
        if role_first and looks_like_name(seg[role_first.end() :]):
            seg = f"{seg[role_first.end() :]} ({role_first.group(1)})"  # "Clerk Mrs J Todd"
        tier = _TIER_TITLE.match(seg)
        if tier and looks_like_name(seg[tier.end() :]):
            place = tier.group("place")
            entries.append(
                PersonEntry(
                    name=seg,
                    organisation=f"{place}{tier.group('tier')} Council" if place else None,
                    evidence=seg,
                    new_list=after_stop,
                    public=public,
                    after_members=after_stop or after_group,
                )
            )
            continue  # "Eden District Councillor A Armstrong": the name as printed
        if _PUBLIC_COUNT.match(seg) and not _PUBLIC_WORDS.match(seg):
            continue  # "Members of the Public - Two Members": a count, no names
        name_part, groups = split_brackets(seg)
        name_part = re.sub(r"\s*[–—-]\s*$", "", name_part)
        after = _CHAIR_AFTER.match(name_part)
        if after and looks_like_name(after.group("name")):
            # "Mrs R Crisp-Chair" (Northwold PC), "Frank Reid Chair" (Boughton PC)
            name_part, chair = after.group("name"), True
        dash = re.match(r"^(.+?)\s+[–—-]\s+(.+)$", name_part)
        dash_org = None
        if dash and looks_like_name(dash.group(1)):
            name_part, dash_org = dash.group(1), dash.group(2)
        if not looks_like_name(name_part):
            # a role after a comma, or after a closing bracket ("Cathy Fleet (CF) CLERK")
            role_after = joiner == "," or (joiner == "break" and len(seg.split()) <= 3)
            if entries and not groups and role_after:
                pos, org = role_and_org(seg)
                last = entries[-1]
                # "Frank Reid (FRE) Councillor/Chairman" (Boughton PC): one of the roles chairs
                last.chair = last.chair or any(
                    (_chair_cue(r) or (False,))[0] for r in seg.split("/")
                )
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
        name = f"{hon} {rest}" if hon else rest  # post-nominal letters kept as printed
        entry = PersonEntry(
            name=name,
            chair=chair,
            evidence=seg,
            new_list=after_stop,
            public=public,
            after_members=after_stop or after_group,
        )
        prev = entries[-1] if entries else None
        if (
            joiner == "and"
            and prev is not None
            and hon is None
            and not group_hon
            and len(name.split()) == 2
            and len(prev.name.split()) == 1
            and split_honorific(prev.name)[0] is None
            and prev.name[:1].isupper()
        ):
            # a couple sharing a surname: "Steve & Emma Davies" (Hertingfordbury PC)
            prev.name = f"{prev.name} {name.split()[-1]}"
        for g in groups:
            cue = _chair_cue(g)
            if cue:
                entry.chair = entry.chair or cue[0]
                entry.position = entry.position or cue[1]
                continue
            office = _office_in(g)
            if office and entry.organisation is None:
                entry.position, entry.organisation = office
                entry.office_elsewhere = True
                continue
            pos, org = role_and_org(g)
            entry.position = entry.position or pos
            entry.organisation = entry.organisation or org
        cue = _chair_cue(dash_org) if dash_org else None
        if cue:  # "P. Markwell - Chairman" (Wereham PC), "Cllr David Llewellyn - Chairman"
            entry.chair = entry.chair or cue[0]
            entry.position = entry.position or cue[1]
        elif dash_org:
            entry.organisation = entry.organisation or dash_org
        if group_hon:
            # names of a shared-honorific group take the organisation printed after the last
            if entry.organisation:
                for prev in group:
                    if prev.organisation is None and not any(
                        _chair_cue(g) is None for g in split_brackets(prev.evidence)[1]
                    ):
                        prev.organisation = entry.organisation
            group.append(entry)
            if joiner == "and":
                close_after = True
        entries.append(entry)
    for e in entries:
        if e.organisation is None and default_org:
            e.organisation = default_org
    return entries
