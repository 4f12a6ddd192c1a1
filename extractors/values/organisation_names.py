"""The written form of an organisation's name, and the register's names to look for in text.

``has_body_form`` says whether a name is written as a body is: capitalised words (connectors
aside) ending in an organisation word ("Wylde Green Neighbourhood Forum", "Community Safety
Fund") or acronyms alone ("SCAS"). ``register_names`` lists the names and aliases of
``data/organisations.csv`` that name their organisation wherever they are printed.
"""

from __future__ import annotations

import functools
import re

from extractors.datafiles import load_table

_BRACKET_TAIL = re.compile(r"\s*[(\[].*$")

#: funds and schemes are bodies an analyst follows money through ("Community Safety Fund")
_FUND_WORDS = frozenset({"fund", "scheme"})
_NAME_CONNECTORS = frozenset(
    {"of", "and", "the", "for", "in", "on", "&", "at", "with", "cum", "upon"}
)


@functools.cache
def _role_words() -> frozenset[str]:
    return frozenset(r["word"].casefold() for r in load_table("role_words.csv"))


def letters_acronym(word: str) -> bool:
    """Whether ``word`` is an acronym of letters ("DfE", "SCAS"; not "M20" or "Ms")."""
    return len(word) >= 2 and word.isalpha() and sum(c.isupper() for c in word) >= 2


def has_body_form(text: str) -> bool:
    """Whether a name is written as a body is and not a job ("Town Clerk"), a bare
    kind ("Council"), a phrase ("County wide the authority") or a scheme's name ("LED
    Conversion", "M20 Junction 7")."""
    words = _BRACKET_TAIL.sub("", text).strip(" .,;:").split()
    if not words or not words[0][:1].isupper():
        return False
    if any(not w[:1].isupper() and w.casefold() not in _NAME_CONNECTORS for w in words):
        return False
    last = words[-1].casefold()
    heads = org_words() | _FUND_WORDS
    roles = _role_words()
    if words[0].casefold() in roles or (last in roles and last not in heads):
        return False
    if len(words) == 1:  # an acronym alone; two letters are as often someone's initials ("HD")
        return letters_acronym(words[0]) and len(words[0]) >= 3
    if last in heads:
        return True
    return len(words) <= 3 and all(letters_acronym(w) for w in words)


@functools.cache
def org_words() -> frozenset[str]:
    """The last words that mark an organisation's name (``data/org_words.csv``), casefolded."""
    return frozenset(r["word"].casefold() for r in load_table("org_words.csv"))


@functools.cache
def register_names() -> tuple[tuple[str, str], ...]:
    """(printed form, canonical name) for every register name and alias that names its
    organisation wherever it is printed: the canonical name, and aliases written as bodies
    ("Heritage Lottery Fund") or as acronyms of three letters or more ("DfE" is two capitals
    and a letter: kept; "HO" is not). Place names standing for a council ("Medway") are left
    to the organisation columns, where the context says an organisation is meant."""
    out = []
    for row in load_table("organisations.csv"):
        name = row["name"]
        if row["scope"] == "kind":
            continue
        out.append((name, name))
        for alias in row["aliases"].split("|"):
            alias = alias.strip()
            if len(alias) >= 3 and (letters_acronym(alias) or has_body_form(alias)):
                out.append((alias, name))
    return tuple(out)


_NAME_WORD = r"(?:[A-Z][\w'\u2019&-]*|of|and|the|for|&)"
#: a run of capitalised words (connectors inside) followed by a clause's lower-case word
_LEADING_NAME = re.compile(
    rf"^({_NAME_WORD}(?:\s+{_NAME_WORD})*)\s+(?=[a-z])(?!(?:of|and|the|for)\b)"
)


def body_head(text: str | None) -> str | None:
    """The body a phrase opens with, when words of a clause follow it: "DfE on the specific
    amount of year 4 grant award money" -> "DfE". A phrase that does not open with a body
    (a register name or a name written as a body) comes back as it was."""
    if not text:
        return text
    m = _LEADING_NAME.match(text)
    if not m:
        return text
    head = m.group(1)
    words = head.split()
    while words and words[-1] in ("of", "and", "the", "for", "&"):
        words.pop()
    head = " ".join(words)
    if head and (head in _register_forms() or has_body_form(head)):
        return head
    return text


def is_register_name(text: str) -> bool:
    """Whether ``text`` is, as printed, a name or alias of an organisation in the register
    ("Police Scotland")."""
    return text.strip() in _register_forms()


@functools.cache
def _register_forms() -> frozenset[str]:
    return frozenset(printed for printed, _ in register_names())
