"""Classify a paper or a part by the features of its text, with a confidence.

Cues live in ``extractors/data/doctype_cues.csv`` (doc type, weight, regex); the score of a
type is the sum of the weights of its cues found in the first pages. Confidence is the winning
score's share of all scores. A paper no cue names is classified by its structure: numbered
items in sequence make minutes or an agenda (confidence 0.5).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from extractors.datafiles import load_table
from extractors.memo import paper_memo
from extractors.text.literals import Cue
from extractors.values.refs import rising_run
from schemas.document import Block, Document, Table

_FIRST_PAGES = 3
_MAX_ITEMS = 400  # text exports have one page: look at the head only
_LEAST_SCORE = 1.0  # the score a doc type needs before its cues decide
_PROSE_WORDS = 40  # a block this long is a paragraph of running prose
_PROSE_PARAGRAPHS = 8  # ... and this many of them in the first pages make a report


@dataclass(frozen=True)
class Classification:
    """A doc type, its confidence (0-1) and the scores that led to it."""

    doc_type: str
    confidence: float
    scores: dict[str, float]


@functools.cache
def _cues() -> tuple[tuple[str, float, Cue], ...]:
    return tuple(
        (r["doc_type"], float(r["weight"]), Cue.compile(r["pattern"], re.I | re.M))
        for r in load_table("doctype_cues.csv")
    )


def _lines(doc: Document) -> list[str]:
    out: list[str] = []
    for page in doc.pages[:_FIRST_PAGES]:
        for item in page.items:
            if isinstance(item, Block):
                out.append(item.text)
            elif isinstance(item, Table):
                out.extend(cell for row in item.rows for cell in row if cell)
            if len(out) >= _MAX_ITEMS:
                return out
    return out


def score_text(lines: list[str]) -> Counter[str]:
    """Return the cue score of each doc type over some lines of text."""
    text = "\n".join(" ".join(line.split("\n")) for line in lines)  # one line per entry
    return Counter(_score(text))


@paper_memo()  # a paper of one part is classified again as its part, with the same text
def _score(text: str) -> Counter[str]:
    scores: Counter[str] = Counter()
    lowered = text.lower()
    for doc_type, weight, cue in _cues():
        if not cue.may_match(lowered):
            continue
        hits = 0
        for _ in cue.pattern.finditer(text):  # patterns are multiline: ^ and $ are line ends
            hits += 1
            if hits == 3:  # a cue repeated is weak extra evidence
                break
        if hits:
            scores[doc_type] += weight * hits
    return scores


_NUMBERED = re.compile(r"^(\d{1,4})[.)]?\s+[A-Z(‘“]")
_HELD = re.compile(
    r"\b(?:was|were)\s+(?:\w+\s+)?(?:held|approved|agreed|received|noted|resolved)\b"
    r"|\bapologies\b",
    re.I,
)
_TO_BE_HELD = re.compile(r"\b(?:will|is\s+to|to)\s+be\s+held\b", re.I)


def _numbered_run(lines: list[str]) -> int:
    """The length of the longest run of line-opening numbers rising one by one."""
    return len(
        rising_run([int(m.group(1)) for line in lines if (m := _NUMBERED.match(line.strip()))])
    )


def _by_structure(lines: list[str]) -> Classification:
    """A paper no cue names, classified by its build: numbered items under a meeting header are
    minutes when the text reports what was held, received or agreed, an agenda when the meeting
    is still to be held; pages of running prose are a report; anything else stays unknown."""
    numbered = _numbered_run(lines) >= 3
    if numbered:
        text = "\n".join(lines)
        if _HELD.search(text):
            return Classification("minutes", 0.5, {"structure": 1.0})
        if _TO_BE_HELD.search(text):
            return Classification("agenda", 0.5, {"structure": 1.0})
    # pages of running prose with no meeting in them: a report ("Details of Core Grants within
    # the 2025-26 Final Local Government Finance Settlement", Kent; a council's annual report
    # on parking enforcement, Nottingham)
    prose = sum(len(line.split()) >= _PROSE_WORDS for line in lines)
    if prose >= _PROSE_PARAGRAPHS and not numbered:
        return Classification("report", 0.4, {"structure": 1.0})
    return Classification("unknown", 0.0, {})


def classify(doc: Document, title: str | None = None) -> Classification:
    """Classify a document (or a part's slice of one) by its first pages and title.

    Returns ``Classification``; ``doc_type`` is "unknown" with confidence 0 when no cue fires.
    """
    lines = _lines(doc)
    if title:
        lines = [title, title] + lines  # the title counts twice: it says what the paper is
    scores = score_text(lines)
    if not scores or max(scores.values()) < _LEAST_SCORE:
        return _by_structure(lines)  # weak cues alone ("Totals") say nothing
    doc_type, best = scores.most_common(1)[0]
    return Classification(doc_type, round(best / sum(scores.values()), 3), dict(scores))
