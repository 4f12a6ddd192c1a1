"""Bodies: the committee, cabinet or council that met, one canonical name each per authority.

Papers print a body's name in many forms: "CABINET" on the agenda and "Cabinet" in the
minutes, "Budget County Council Meeting on" on a front sheet, "MILBURN PARISH COUNCIL MEETING
TO BE HELD ON TUESDAY," as a heading, "Meeting (no.445) of Broomhill Community Council". A
body's name has a general form: capitalised words ending in a head noun ("Council",
"Committee", "Cabinet", "Panel", "Partnership", ...), perhaps after words naming the kind of
meeting ("Annual", "Extraordinary", "Budget") and before the date, time and place. The words
are data (``data/body_words.csv``); ``clean_body`` keeps the name and refuses what is not one
("March 2019 at 1900.", "Parish Clerk : Cathy Fleet", "above Council").

A name that means the authority's own full council ("Council", "Full Council", "County
Council" in Kent County Council's papers, the authority's own name) is that authority: its
canonical name is the authority's name. Other bodies take, per authority, the printed form
seen most often in mixed case (capitals are title-cased only when no paper prints it
otherwise). ``body_id = stable_id("body", authority key, name key)``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from extractors.base import stable_id
from extractors.datafiles import load_table
from extractors.values.spacing import fold
from schemas.records import Body

_TIERS = frozenset({"county", "city", "borough", "district", "parish", "town", "community"})
_CONNECTORS = frozenset({"of", "and", "the", "for", "&", "on"})
_MAX_WORDS = 10
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# where a body's name ends: the date, time, place or a label that follows it
_TAIL = re.compile(
    r"(?:\s+|^)(?:(?:to\s+be\s+)?held|on|at|in\s+the|commencing|starting|from|"
    rf"(?:{_WEEKDAYS})\b|(?:{_MONTHS})\b|\d).*$|\s*[,;:\u2013\u2014].*$|\s+-\s.*$",
    re.I,
)
_DOC_WORDS = (
    r"(?:(?:draft\s+|confirmed\s+|approved\s+)?(?:minutes|agenda|notice|summons)"
    r"(?:\s+of|\s+for)?\s+(?:the\s+|a\s+|an\s+)?)?"
)


@functools.cache
def _lead() -> re.Pattern[str]:
    """ "Minutes of the", "Agenda for the", "Meeting (no.445) of", "Annual General Meeting of
    the": the words before a body's name (only kind-of-meeting words may precede "Meeting",
    so "Cabinet Meeting of 5 June" keeps its body)."""
    kinds = "|".join(sorted(map(re.escape, _words("qualifier")), key=len, reverse=True))
    return re.compile(
        rf"^{_DOC_WORDS}(?:(?:(?:{kinds})\s+){{0,3}}(?:meeting|session)\s*"
        r"(?:\([^)]*\)\s*)?(?:of|for)\s+(?:the\s+)?)?",
        re.I,
    )


_TRAILING_MEETING = re.compile(r"\s+(?:meeting|session)s?$", re.I)
_NON_NAME = re.compile(r"[^\w\s&'\u2019().-]")


@functools.cache
def _words(kind: str) -> frozenset[str]:
    return frozenset(
        r["word"].casefold() for r in load_table("body_words.csv") if r["kind"] == kind
    )


def body_key(name: str | None) -> str:
    """Key of a body's name: casefolded letters and digits only ("CABINET" = "Cabinet")."""
    return re.sub(r"[^0-9a-z]", "", fold(name or "").casefold())


def _title(text: str) -> str:
    """Title case for a name printed in capitals, keeping connectors small, hyphenated parts
    included ("BURTON-CUM-WALDEN" -> "Burton-cum-Walden")."""

    def part(p: str, n: int, k: int) -> str:
        small = _words("small") if k else _CONNECTORS if n else frozenset()
        return p.lower() if p.lower() in small else p[:1] + p[1:].lower()

    return " ".join(
        "-".join(part(p, n, k) for k, p in enumerate(w.split("-")))
        for n, w in enumerate(text.split())
    )


def clean_body(printed: str | None) -> str | None:
    """Return the body's name in a printed body phrase, or None when it names no body.

    Drops words for the kind of meeting before the name and the date, time and place after
    it; title-cases a name printed in capitals. ``"Budget County Council Meeting on"`` ->
    ``"County Council"``; ``"Parish Clerk : Cathy Fleet"`` -> None.
    """
    text = fold(printed or "").strip(" .,;:")
    if not text:
        return None
    text = _lead().sub("", text, count=1)
    text = _TAIL.sub("", text).strip(" .,;:")
    while text.rsplit(" ", 1)[-1].casefold() in _CONNECTORS and " " in text:
        text = text.rsplit(" ", 1)[0]  # "Cabinet Meeting of [5 June]"
    head = _words("head")
    if _TRAILING_MEETING.search(text):
        # "County Council Meeting" is the council's meeting; "Parish Meeting" is a body
        before = _TRAILING_MEETING.sub("", text)
        if before and before.split()[-1].casefold() in head:
            text = before
    words = text.split()
    qualifiers = _words("qualifier")
    while len(words) > 1 and words[0].casefold() in qualifiers:
        words = words[1:]
    if not words or len(words) > _MAX_WORDS or _NON_NAME.search(" ".join(words)):
        return None
    if words[-1].casefold() not in head or words[0].casefold() in _CONNECTORS:
        return None
    if len(words) == 1 and words[0].casefold() not in _words("alone"):
        return None  # "Meeting", "Committee": which one is not said
    if any(not (w[:1].isupper() or w[:1].isdigit() or w.casefold() in _CONNECTORS) for w in words):
        return None
    name = " ".join(words)
    return _title(name) if name.isupper() else name


def is_full_council(name: str, authority: str | None) -> bool:
    """Whether a body's name means the authority's own full council ("Full Council", "County
    Council" in a county council's papers, or the authority's own name)."""
    key = fold(name).casefold()
    if authority and body_key(name) == body_key(authority):
        return True
    if key not in _words("full_council"):
        return False
    if not authority:
        return True
    # "County Council" means Kent County Council in Kent's papers, not a parish's
    tail = key.split()
    if tail[0] not in _TIERS:
        return True  # "Council", "Full Council"
    return fold(authority).casefold().split()[-len(tail) :] == tail


@dataclass
class _Seen:
    authority: str | None
    forms: Counter[str] = field(default_factory=Counter)
    full_council: bool = False


class BodyIndex:
    """The bodies of one run: each printed name mapped to one body per authority."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], _Seen] = {}

    def _slot(self, name: str, authority: str | None) -> tuple[str, str]:
        full = is_full_council(name, authority)
        key = (body_key(authority), body_key(authority) if full and authority else body_key(name))
        seen = self._seen.setdefault(key, _Seen(authority, full_council=full))
        seen.forms[name] += 1
        return key

    def add(self, printed: str | None, authority: str | None) -> tuple[str, str] | None:
        """Record a printed body phrase of a paper of ``authority``; return its body's slot
        (None when the phrase names no body)."""
        name = clean_body(printed)
        if name is None or (authority is None and is_full_council(name, None)):
            # "Parish Council" in a paper whose council is not known names no one body: it
            # keeps its printed text, and no body joins two councils' papers
            return None
        return self._slot(name, authority)

    def canonical(self, slot: tuple[str, str]) -> str:
        """The canonical name of the body in ``slot``."""
        seen = self._seen[slot]
        if seen.full_council and seen.authority:
            return seen.authority
        mixed = [f for f in seen.forms if not f.isupper()]
        pool = mixed or list(seen.forms)
        best = min(pool, key=lambda f: (-seen.forms[f], -len(f), f))
        return _title(best) if best.isupper() else best

    @staticmethod
    def body_id(slot: tuple[str, str]) -> str:
        """The stable id of the body in ``slot``."""
        return stable_id("body", *slot)

    def records(self) -> list[Body]:
        """One Body per distinct body of the run, sorted by authority and name."""
        out = []
        for slot, seen in self._seen.items():
            name = self.canonical(slot)
            aliases = sorted({f for f in seen.forms if f != name})
            out.append(
                Body(
                    body_id=self.body_id(slot),
                    authority=seen.authority,
                    name=name,
                    aliases=aliases,
                    full_council=seen.full_council,
                )
            )
        return sorted(out, key=lambda b: (b.authority or "", b.name, b.body_id))
