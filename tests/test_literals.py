"""The literal pre-check of cue regexes: every match holds one of the required literals.

Checked on the text of the sample papers and the real papers for every doc-type cue, so a
pre-check that would skip a text the regex matches fails here; plus the rules on small patterns.
"""

from __future__ import annotations

import re

import pytest

from extractors.stages.classify import _cues
from extractors.text.literals import Cue, required_literals
from tests.conftest import SAMPLES


def _sample_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in SAMPLES.glob("*.txt")]
    from extractors.formats import read_document

    for p in sorted((SAMPLES / "real").glob("*.pdf"))[:8]:
        doc = read_document(p)
        texts.append("\n".join(item.text for item in doc.iter_items()))
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _sample_texts()


def test_every_cue_match_holds_a_required_literal(texts: list[str]) -> None:
    matched = 0
    for _doc_type, _weight, cue in _cues():
        for text in texts:
            for m in cue.pattern.finditer(text):
                matched += 1
                assert cue.needs is None or any(n in m.group(0).lower() for n in cue.needs), (
                    cue.pattern.pattern,
                    m.group(0),
                )
                assert cue.may_match(text.lower())
    assert matched > 50


def test_alternatives_give_a_choice_of_literals() -> None:
    assert required_literals(r"\b(financial|legal|equalities?)\s+implications\b", re.I) == (
        "implications",
    )
    assert required_literals(r"\b(chair|mayor)\b") == ("chair", "mayor")
    cue = Cue.compile(r"^(also\s+present|apologies)\s*:", re.I | re.M)
    for text in ("Apologies: Cllr Smith", "ALSO PRESENT: Ms Jones"):
        assert cue.pattern.search(text) and cue.may_match(text.lower())
    assert not cue.may_match("minutes of the meeting held on 3 june")


def test_optional_parts_and_short_literals_are_not_required() -> None:
    assert required_literals(r"(grant\s+)?q[1-4]\b") is None
    assert required_literals(r"\b(ab|cd)\b") is None
    assert required_literals(r"x(?:ward)*y") is None
    assert required_literals(r"(?:ward)+y") == ("ward",)


def test_case_sensitive_parts_are_lowered_and_non_ascii_is_never_required() -> None:
    assert required_literals(r"progress\s+(?-i:Report|REPORT)", re.I) == ("progress",)
    cue = Cue.compile(r"(?-i:Report|REPORT)")
    assert cue.may_match("annual report") and cue.may_match("annual report".upper().lower())
    assert not cue.may_match("annual return")
    assert required_literals(r"straße") is None
    cue = Cue.compile(r"\bsummons\b", re.I)
    assert cue.may_match("you are hereby SUMMONS".lower())
    assert not cue.may_match("minutes of the meeting")


def test_a_bad_pattern_gives_no_literals() -> None:
    assert required_literals(r"(unclosed") is None
