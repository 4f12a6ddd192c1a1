"""Phrases of ordinary words found in prose are not people; people whose surname is a word,
or who are printed before a word of procedure, still are (real papers, five authorities)."""

from __future__ import annotations

import functools

import pytest

from pipeline.process import process_paper
from tests.conftest import SAMPLES


@functools.cache
def _mentions(rel: str) -> frozenset[str]:
    path = SAMPLES / rel
    result = process_paper(str(path), path.name, path.read_bytes(), "p")
    return frozenset(m.name_as_printed for m in result.records.get("person_mentions", []))


@pytest.mark.parametrize(
    ("rel", "phrase"),
    [
        # every word is printed in lower case elsewhere in the paper
        ("real/kent-finance-monitoring-report-q3-2024-25.pdf", "Major Projects"),
        ("real/kent-armed-forces-covenant-annual-report-2024.pdf", "Lieutenant Cadets"),
        ("corpus/broomhill-cc-glasgow/2025-11-12-minutes.pdf", "No News"),
        ("corpus/broomhill-cc-glasgow/2024-02-14-minutes.pdf", "Councillors Reports"),
        ("corpus/manordeilo-salem-cc/2020-11-11-minutes.html", "Councillors. It"),
        ("corpus/hertingfordbury-pc/2019-03-13-minutes.pdf", "Overtime To"),
        # "Sir" takes a given name: "Sir Gar" is Welsh for Carmarthenshire
        ("corpus/manordeilo-salem-cc/2015-06-10-minutes.pdf", "Sir Gar"),
    ],
)
def test_phrase_is_not_a_person(rel: str, phrase: str) -> None:
    names = _mentions(rel)
    assert names, "the paper's people are still found"
    assert phrase not in names


def test_phrases_from_kent_performance_reports_are_not_people() -> None:
    # sentences as Kent's quarterly performance report and key service statement print them
    from extractors.base import PaperContext
    from extractors.records.people import extract
    from tests.test_minutes import text_doc

    doc = text_doc(
        "Adult Social Care received 1,200 contacts; adult social care teams were rated green.\n"
        "Meetings were held on MS Teams with the teams of Mr J Smith.\n"
        "Performance was Rated Green for the quarter, as Councillor Wood reported.\n"
        "The wood store was repaired by R Wood."
    )
    names = {
        m.name_as_printed
        for m in extract(doc, PaperContext(paper_id="p")).records["person_mentions"]
    }
    assert "Mr J Smith" in names and "Councillor Wood" in names
    assert not names & {"Adult Social Care", "MS Teams", "Rated Green"}


@pytest.mark.parametrize(
    ("rel", "printed", "person"),
    [
        # a word of procedure ends the name instead of joining it
        ("real/kent-county-council-minutes-2024-12-19.pdf", "Mr Mallon Motion", "Mr Mallon"),
        (
            "real/kent-county-council-budget-amendments-pack-2025-02-13.pdf",
            "Mr Alister Brady Seconded",
            "Mr Alister Brady",
        ),
        (
            "real/kent-county-council-budget-minutes-2025-02-13.pdf",
            "Mr Whiting Amendment",
            "Mr Whiting",
        ),
        (
            "corpus/manordeilo-salem-cc/2019-03-13-minutes.pdf",
            "Cllr. G. Evans Agenda Item",
            "Cllr. G. Evans",
        ),
    ],
)
def test_procedure_word_ends_a_name(rel: str, printed: str, person: str) -> None:
    names = _mentions(rel)
    assert printed not in names
    assert person in names
