"""Organisations: only bodies stand in `organisations`; the register's bodies are found where
papers name them in running text (real papers of Kent, Hertingfordbury and Manordeilo)."""

from __future__ import annotations

import functools

import pytest

from extractors.linking.organisations import is_body_name
from pipeline.process import process_paper
from tests.conftest import SAMPLES


@pytest.mark.parametrize(
    "name",
    [
        "Wylde Green Neighbourhood Forum",  # Sutton Coldfield: a local body by its form
        "Burton-cum-Walden Parish Council",
        "Community Safety Fund",  # funds are followed like bodies
        "Heritage Lottery Fund",  # register alias
        "DfE",
        "SCAS",
        "Eden District Council",
    ],
)
def test_bodies(name: str) -> None:
    assert is_body_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Town Clerk",  # a job (Sutton Coldfield)
        "Chair Whiteinch CC",  # a job before a body (Broomhill)
        "Council",  # a bare kind
        "for the charity.",
        "County wide the authority",  # phrases read as funders in Kent's papers
        "DfE on the specific amount of year 4 grant award money",
        "LED Conversion",  # Kent capital schemes, not bodies
        "M20 Junction 7",
    ],
)
def test_not_bodies(name: str) -> None:
    assert not is_body_name(name)


@functools.cache
def _named(rel: str) -> dict[str, int]:
    path = SAMPLES / rel
    result = process_paper(str(path), path.name, path.read_bytes(), "p")
    return {m.name: m.mentions for m in result.records.get("organisation_mentions", [])}


def test_government_departments_named_in_a_budget_pack_are_found() -> None:
    # "... the DfT announced changes ...", "DfE" grants, "Environment Agency" flood schemes
    named = _named("real/kent-county-council-budget-amendments-pack-2025-02-13.pdf")
    for body in ("Department for Education", "Department for Transport", "Environment Agency"):
        assert body in named
    assert named["Kent County Council"] > 10


def test_a_parish_minute_names_a_national_body() -> None:
    # "Tarmac have asked for a meeting with Herts County Council and Historic England."
    assert "Historic England" in _named("corpus/hertingfordbury-pc/2019-03-13-minutes.pdf")


def test_a_place_or_a_two_letter_alias_is_not_looked_for_in_text() -> None:
    # "Milton Keynes" and "Medway" are aliases of their councils where a record says an
    # organisation is meant; in running text they are places. "HO" is too short to be sure.
    from extractors.values.organisation_names import register_names

    printed = {p for p, _ in register_names()}
    assert {"DfE", "Heritage Lottery Fund", "Homes England"} <= printed
    assert not printed & {"Milton Keynes", "Medway", "HO"}


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        # Kent record of decision 24/00093: "... subject to agreement with the DfE on the
        # specific amount of year 4 grant award money"
        ("DfE on the specific amount of year 4 grant award money", "DfE"),
        ("Heritage Lottery Fund via the parish", "Heritage Lottery Fund"),
        (
            "Thames Valley Police and Crime Commissioner",
            "Thames Valley Police and Crime Commissioner",
        ),
        # no body before the clause: kept as it was
        (
            "Council depending on the type of academy conversion",
            "Council depending on the type of academy conversion",
        ),
    ],
)
def test_a_funder_phrase_is_cut_to_the_body_it_opens_with(phrase: str, head: str) -> None:
    from extractors.values.organisation_names import body_head

    assert body_head(phrase) == head
