"""Organisations: canonical names, aliases and acronyms, and one id per organisation.

Known organisations and their aliases live in ``extractors/data/organisations.csv``
("Thames Valley Police" = "TVP"). Names not listed there are kept as printed and linked to each
other when one is an acronym of the other ("MK Dons SET" = "MK Dons Sports and Education
Trust") or when they differ only in case, a leading "the", "&" for "and" or a trailing bracketed
unit ("National Probation Service (Oxon and Bucks LDU)").

``OrgIndex`` collects the organisation names of a run and gives each distinct organisation a
stable ``org_id``: ``stable_id("org", key of the canonical name)``, where the canonical name is
the data-file name when the organisation is listed, else the longest printed form (ties: the
alphabetically first). An id therefore never depends on run order or on unrelated papers; it
changes only when a longer printed form of an unlisted organisation joins it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.base import stable_id
from extractors.datafiles import load_table
from extractors.memo import paper_memo
from extractors.values.organisation_names import has_body_form, org_words
from schemas.records import Organisation

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_STOP = frozenset({"of", "the", "and", "for", "in", "on", "&"})
_BRACKET_TAIL = re.compile(r"\s*[(\[].*$")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.replace("&", " and "))


def org_key(text: str) -> str:
    """Normalised key of an organisation name: casefolded words, "&" as "and", no leading
    "the", apostrophes and punctuation dropped ("The Thames Valley Police." -> "thames valley
    police")."""
    words = [w.casefold().replace("'", "").replace("\u2019", "") for w in _words(text)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@paper_memo()  # asked for every pair of names when linking
def _keys(text: str) -> tuple[str, ...]:
    """The key of the whole name and, when it ends in brackets, of the name without them."""
    keys = [org_key(text)]
    head = _BRACKET_TAIL.sub("", text).strip()
    if head and head != text.strip():
        keys.append(org_key(head))
    return tuple(k for k in dict.fromkeys(keys) if k)


@functools.cache
def _known() -> dict[str, str]:
    """Alias or canonical key -> canonical name, from ``data/organisations.csv``."""
    table: dict[str, str] = {}
    for row in load_table("organisations.csv"):
        name = row["name"]
        for alias in [name, *row["aliases"].split("|")]:
            if alias.strip():
                table.setdefault(org_key(alias), name)
    return table


@functools.cache
def known_aliases(canonical: str) -> tuple[str, ...]:
    """The aliases the data file gives for a canonical name (empty when it is not listed)."""
    for row in load_table("organisations.csv"):
        if row["name"] == canonical:
            return tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    return ()


@paper_memo()
def resolve(text: str | None) -> str | None:
    """Canonical name of a listed organisation ("TVP" -> "Thames Valley Police"), else None."""
    if not text:
        return None
    for key in _keys(text):
        if key in _known():
            return _known()[key]
    return None


def looks_like_organisation(text: str | None) -> bool:
    """Whether a printed name is an organisation: listed in the data file, ending in an
    organisation word (Council, Police, Trust, Service ...) or written as an acronym ("YMCA")."""
    if not text or not text.strip():
        return False
    if resolve(text):
        return True
    words = _words(_BRACKET_TAIL.sub("", text))
    if not words:
        return False
    if words[-1].casefold() in org_words():
        return True
    return len(words) <= 3 and any(len(w) >= 2 and w.isupper() for w in words)


@paper_memo()
def is_body_name(text: str | None) -> bool:
    """Whether a printed organisation name has the form of a body, so it may stand in
    ``organisations``: listed in the register (``data/organisations.csv``), or capitalised
    words ending in an organisation word, or acronyms (``has_body_form``)."""
    if not text or not text.strip():
        return False
    return bool(resolve(text)) or has_body_form(text)


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether the initials of ``words`` (stop words optional) spell ``acronym``."""
    target = acronym.casefold()
    folded = [w.casefold() for w in words]
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        if (i, j) in memo:
            return memo[i, j]
        if i == len(target):
            found = all(w in _STOP for w in folded[j:])
        elif j == len(folded):
            found = False
        else:
            w = folded[j]
            found = (w in _STOP and go(i, j + 1)) or (w[0] == target[i] and go(i + 1, j + 1))
        memo[i, j] = found
        return found

    return go(0, 0)


@paper_memo()
def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and sum(c.isupper() for c in word) >= 2


@paper_memo()
def _main_words(text: str) -> tuple[str, ...]:
    """The words of a name without its bracketed tail (all its words when that leaves none)."""
    return tuple(_words(_BRACKET_TAIL.sub("", text)) or _words(text))


def _aligns(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether ``short`` is ``long`` with runs of words written as acronyms."""
    if not any(_is_acronym(s) for s in short):  # then only the same words align
        return len(short) == len(long) and all(
            a.casefold() == b.casefold() for a, b in zip(short, long, strict=True)
        )
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        if (i, j) in memo:
            return memo[i, j]
        if i == len(short):
            found = j == len(long)
        else:
            s = short[i]
            found = (j < len(long) and s.casefold() == long[j].casefold() and go(i + 1, j + 1)) or (
                _is_acronym(s)
                and any(_spells(s, long[j:k]) and go(i + 1, k) for k in range(j + 1, len(long) + 1))
            )
        memo[i, j] = found
        return found

    return go(0, 0)


def same_organisation(a: str | None, b: str | None) -> bool:
    """Whether two printed names name the same organisation: one canonical name in the data
    file, equal keys (with or without a trailing bracket), or one an acronym form of the other."""
    if not a or not b:
        return False
    ra, rb = resolve(a), resolve(b)
    if ra and rb:
        return ra == rb
    if set(_keys(a)) & set(_keys(b)):
        return True
    wa, wb = _main_words(a), _main_words(b)
    if ra or rb:  # one listed: compare the other with the listed name and its aliases
        listed, other = (ra, wb) if ra else (rb, wa)
        return any(
            _aligns(other, _words(n)) or _aligns(_words(n), other)
            for n in (listed, *known_aliases(listed))
        )
    return _aligns(wa, wb) or _aligns(wb, wa)


@dataclass
class _OrgCluster:
    names: set[str] = field(default_factory=set)
    canonical: str | None = None  # from the data file

    def name(self) -> str:
        if self.canonical:
            return self.canonical
        return sorted(self.names, key=lambda n: (-len(n), n))[0]


class OrgIndex:
    """The organisations named in a run: add printed names, then ask for ids and records."""

    def __init__(self) -> None:
        self._printed: set[str] = set()
        self._cluster_of: dict[str, _OrgCluster] | None = None

    def add(self, printed: str | None) -> None:
        """Note one printed organisation name (blank names are ignored)."""
        if printed and printed.strip():
            self._printed.add(" ".join(printed.split()))
            self._cluster_of = None

    def _build(self) -> dict[str, _OrgCluster]:
        if self._cluster_of is not None:
            return self._cluster_of
        names = sorted(self._printed)
        parent = {n: n for n in names}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        by_key: dict[str, str] = {}
        for n in names:  # equal keys or the same listed organisation
            for key in ("=" + (resolve(n) or ""), *_keys(n)):
                if key != "=":
                    if key in by_key:
                        parent[find(n)] = find(by_key[key])
                    else:
                        by_key[key] = n
        for i, a in enumerate(names):  # acronyms of unlisted names
            for b in names[i + 1 :]:
                if (
                    find(a) != find(b)
                    and not (resolve(a) and resolve(b))
                    and same_organisation(a, b)
                ):
                    parent[find(b)] = find(a)
        clusters: dict[str, _OrgCluster] = {}
        for n in names:
            c = clusters.setdefault(find(n), _OrgCluster())
            c.names.add(n)
            c.canonical = c.canonical or resolve(n)
        self._cluster_of = {n: clusters[find(n)] for n in names}
        return self._cluster_of

    def org_id(self, printed: str | None) -> str | None:
        """The id of a printed organisation name added earlier; None for a blank or unknown."""
        if not printed or not printed.strip():
            return None
        cluster = self._build().get(" ".join(printed.split()))
        return None if cluster is None else _id_of(cluster.name())

    def records(self) -> list[Organisation]:
        """One Organisation per distinct organisation, sorted by name: canonical name, and as
        aliases the data-file aliases plus every other printed form."""
        seen: dict[int, _OrgCluster] = {}
        for c in self._build().values():
            seen.setdefault(id(c), c)
        out = []
        for c in seen.values():
            name = c.name()
            aliases = set(c.names) | set(known_aliases(name))
            aliases.discard(name)
            out.append(
                Organisation(
                    org_id=_id_of(name),
                    name=name,
                    aliases=sorted(aliases, key=lambda a: (a.casefold(), a)),
                )
            )
        return sorted(out, key=lambda o: (o.name.casefold(), o.org_id))


def _id_of(canonical: str) -> str:
    return stable_id("org", org_key(canonical))
