"""Minute references and decision numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.datafiles import load_table
from extractors.values.refs import match_minute_heading, parse_decision_number, parse_minute_ref

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "text, ref, number, prefix, year",
    [
        ("SMK10", "SMK10", 10, "SMK", None),
        ("HWB10", "HWB10", 10, "HWB", None),
        ("CAB 45", "CAB 45", 45, "CAB", None),
        ("45/21", "45/21", 45, None, 2021),
        ("45/2021", "45/2021", 45, None, 2021),
        ("76.", "76", 76, None, None),
        ("76", "76", 76, None, None),
        ("(Item 5)", "Item 5", 5, None, None),
        ("Minute 12", "Minute 12", 12, None, None),
    ],
)
def test_minute_refs(text, ref, number, prefix, year):
    parsed = parse_minute_ref(text)
    assert parsed is not None
    assert (parsed.text, parsed.number, parsed.prefix, parsed.year) == (ref, number, prefix, year)


@pytest.mark.parametrize(
    "text",
    [
        "Decision 24/00093",
        "24/00093",
        "PAGE 7",
        "Q3",
        "24/7",
        "(Item 5",
        "",
        "2019/20 budget",
        "£25,000",
    ],
)
def test_not_minute_refs(text):
    assert parse_minute_ref(text) is None


@pytest.mark.parametrize(
    "text", ["Decision 24/00093", "DECISION NO: 24/00093", "24/00093", "Decision No. 24/00093"]
)
def test_decision_numbers(text):
    d = parse_decision_number(text)
    assert d is not None and (d.text, d.year, d.number) == ("24/00093", 2024, 93)


def test_headings():
    h = match_minute_heading("SMK12 REFRESHED COMMUNITY SAFETY STRATEGY")
    assert h.ref.text == "SMK12" and h.title == "REFRESHED COMMUNITY SAFETY STRATEGY"
    assert match_minute_heading("SMK12").title is None
    h = match_minute_heading("86. Budget 2025-26")
    assert (h.ref.text, h.title) == ("86", "Budget 2025-26")
    assert match_minute_heading("45/21 - Minutes").ref.year == 2021
    assert match_minute_heading("1.2 The decision was taken") is None


def test_sample_004_minute_headings_match_gold():
    text = (ROOT / "samples" / "004_e7a5e62b3e5d6ec5.txt").read_text(encoding="utf-8")
    gold = json.loads((ROOT / "tests" / "gold" / "004_e7a5e62b3e5d6ec5.json").read_text())
    refs = []
    for line in text.splitlines():
        h = match_minute_heading(line)
        if h is not None and h.ref.prefix:
            refs.append(h.ref.text)
    assert refs == [m["ref"] for m in gold["minute_items"]]


# the words the parser reads from its data file, read here from the same file (not a copy)
LABELS = [r["word"] for r in load_table("ref_words.csv") if r["kind"] == "label"]
NOT_PREFIXES = [r["word"] for r in load_table("ref_words.csv") if r["kind"] == "not_prefix"]


def test_the_data_file_has_both_kinds_of_word() -> None:
    assert {"Minute", "Min", "Item"} <= set(LABELS) and {"PAGE", "Q", "KS"} <= set(NOT_PREFIXES)


@pytest.mark.parametrize("word", NOT_PREFIXES)
@pytest.mark.parametrize("space", [" ", ""])
def test_words_that_are_not_prefixes_give_no_prefixed_ref(word: str, space: str) -> None:
    ref = parse_minute_ref(f"{word}{space}7")
    assert ref is None or ref.kind == "label"  # "ITEM 7" is a label, "PAGE 7" nothing


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("case", [str, str.upper])
def test_every_label_is_read_as_a_label(label: str, case) -> None:
    ref = parse_minute_ref(f"{case(label)} 12")
    assert ref is not None
    assert (ref.text, ref.number, ref.prefix, ref.kind) == (f"{case(label)} 12", 12, None, "label")


@pytest.mark.parametrize(
    "text, want",
    [
        ("MIN 12", ("MIN 12", 12, None, "label")),  # capitals that spell a label are the label
        ("MIN12", ("MIN 12", 12, None, "label")),
        ("MINS12", ("MINS12", 12, "MINS", "prefixed")),
        ("PAGE 7", None),
        ("KS2", None),
        ("Q3", None),
    ],
)
def test_capitals_that_spell_a_label_or_a_non_prefix(text: str, want) -> None:
    ref = parse_minute_ref(text)
    assert (ref and (ref.text, ref.number, ref.prefix, ref.kind)) == want


def _label_word(prefix: str) -> bool:
    return any(prefix.casefold() == w.casefold() for w in LABELS)


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(r"[A-Z]{2,5}", fullmatch=True)
    | st.sampled_from([w for w in LABELS + NOT_PREFIXES if w.isalpha()]).map(str.upper),
    st.integers(1, 9999),
    st.booleans(),
)
def test_prefixed_ref_round_trip(prefix, number, space):
    text = f"{prefix}{' ' if space else ''}{number}"
    ref = parse_minute_ref(text)
    if prefix in NOT_PREFIXES or _label_word(prefix):
        assert ref is None or ref.kind == "label"
    else:
        assert ref is not None and (ref.text, ref.number, ref.prefix) == (text, number, prefix)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9999), st.integers(1990, 2069), st.booleans())
def test_sequence_ref_round_trip(number, year, short):
    text = f"{number}/{year % 100:02d}" if short else f"{number}/{year}"
    ref = parse_minute_ref(text)
    assert ref is not None and (ref.number, ref.year, ref.text) == (number, year, text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_refs_never_raise(text):
    parse_minute_ref(text)
    match_minute_heading(text)
    parse_decision_number(text)
