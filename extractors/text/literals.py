"""Literal text a regex cannot match without: a cheap pre-check before running the regex.

Cue tables (doc types, funding kinds) hold dozens of case-insensitive regexes, each run over
every text. Python's regex engine tries every position of the text for every pattern, while
``"implications" in text`` is a fast scan in C. ``required_literals`` reads a pattern's parse
tree and returns strings of which every match contains at least one ("financial", "legal",
"equalitie" for ``(financial|legal|equalities?)``; "implications" for the rest of that
pattern: the longest such choice wins). ``Cue`` pairs a pattern with that pre-check.

The parse tree comes from ``re._parser``, the standard library's own parser (private, but the
same module ``re.compile`` uses); when it is missing or a pattern is too loose to name a
literal, the pre-check is skipped and the regex always runs, so the pre-check can only save
time, never change what matches.

``CueSet`` runs the pre-check of many cues in one pass: a trie of all their literals finds
which of them a text holds, instead of one ``in`` test per cue and literal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.text.tries import word_trie

try:
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - a Python without the private parser
    _parser = None  # type: ignore[assignment]

_MIN_LITERAL = 3  # shorter strings are in nearly every text: no use as a pre-check


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Return lower-cased strings one of which is in every match of ``pattern``, or None.

    Takes a regex and its flags; returns None when no such set of strings of at least three
    characters can be read off the pattern (then every text must be tried).
    """
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern, flags)
    except (re.error, TypeError, ValueError):
        return None
    found = _of_sequence(list(tree))
    return tuple(sorted(found)) if found else None


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective requirement: the one whose shortest string is longer (on a tie,
    the one with fewer strings)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _of_sequence(items: list) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []

    def close_run() -> None:
        nonlocal best
        if len(run) >= _MIN_LITERAL and all(ch.isascii() for ch in run):  # case rules differ
            best = _better(best, {"".join(run).lower()})
        run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        if op is _c.SUBPATTERN:
            best = _better(best, _of_sequence(list(av[-1])))
        elif op is _c.BRANCH:
            alternatives = [_of_sequence(list(alt)) for alt in av[1]]
            if all(alternatives):
                best = _better(best, set().union(*alternatives))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(best, _of_sequence(list(av[2])))
        elif op is _c.ATOMIC_GROUP:
            best = _better(best, _of_sequence(list(av)))
    close_run()
    return best


@dataclass(frozen=True)
class Cue:
    """A compiled regex with the literals that must be in a text for it to match there."""

    pattern: re.Pattern[str]
    needs: tuple[str, ...] | None

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> Cue:
        """Compile ``pattern`` with ``flags`` and read its required literals."""
        return cls(re.compile(pattern, flags), required_literals(pattern, flags))

    def may_match(self, lowered: str) -> bool:
        """Whether the pattern can match a text, given the text lower-cased."""
        return self.needs is None or any(n in lowered for n in self.needs)


class CueSet:
    """Cues whose pre-checks run in one pass over a text.

    ``candidates`` gives, in order, the indices of the cues for which ``Cue.may_match`` is
    true: those with no literal, and those with a literal the text holds. The literals a text
    holds are read by one regex, a trie of every literal inside a lookahead, so every position
    is tried once. At a position it reports the longest literal starting there; the others
    starting there are its prefixes, added from ``_prefixes``: the set is exactly the literals
    in the text.
    """

    def __init__(self, cues: Sequence[Cue]) -> None:
        self.cues = tuple(cues)
        self._always = tuple(i for i, c in enumerate(self.cues) if c.needs is None)
        by_literal: dict[str, list[int]] = {}
        for i, cue in enumerate(self.cues):
            for lit in cue.needs or ():
                by_literal.setdefault(lit, []).append(i)
        self._by_literal = by_literal
        self._prefixes = {
            lit: tuple(other for other in by_literal if lit.startswith(other)) for lit in by_literal
        }
        self._scan = re.compile(f"(?=({word_trie(set(by_literal))}))") if by_literal else None

    def candidates(self, lowered: str) -> list[int]:
        """The indices, in order, of the cues that may match a text, given it lower-cased."""
        if self._scan is None:
            return list(range(len(self.cues)))
        found: set[int] = set(self._always)
        seen: set[str] = set()
        for m in self._scan.finditer(lowered):
            lit = m.group(1)
            if lit not in seen:
                seen.add(lit)
                for prefix in self._prefixes[lit]:
                    found.update(self._by_literal[prefix])
        return sorted(found)
