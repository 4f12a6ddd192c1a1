"""People's names: honorifics, initials, roles, organisations, lists and matching."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.values.names import names_compatible, parse_person_name, split_name_list

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))


def test_name_with_role_and_organisation_in_brackets():
    p = parse_person_name("M Bracey (Chief Executive [Milton Keynes Council])")
    assert (p.name, p.forenames, p.surname) == ("M Bracey", ("M",), "Bracey")
    assert (p.role, p.organisation, p.chair) == ("Chief Executive", "Milton Keynes Council", False)


def test_rank_and_organisation_after_a_comma():
    p = parse_person_name("Superintendent M Tarbit, Thames Valley Police")
    assert (p.name, p.honorific, p.surname) == (
        "Superintendent M Tarbit",
        "Superintendent",
        "Tarbit",
    )
    assert p.organisation == "Thames Valley Police" and p.role is None


def test_chair_flag():
    p = parse_person_name("Councillor Townsend (Chair)")
    assert (p.name, p.chair, p.role, p.bare) == ("Councillor Townsend", True, None, "Townsend")
    assert parse_person_name("Mr A M Ridgers (Vice-Chairman)").vice_chair
    assert parse_person_name("Councillor Lauren Townsend in the Chair").chair


@pytest.mark.parametrize(
    "printed, position, organisation",
    [
        # from the 004 minutes, positions and organisations as in the gold attendance
        (
            "C Marriott (Policy Adviser [Representative for the Police and Crime Commissioner])",
            "Policy Adviser",
            "Police and Crime Commissioner",
        ),
        (
            "Parish Councillor P Ayles (Representative for the Rural Parish Councils)",
            "Representative for the Rural Parish Councils",
            "Rural Parish Councils",
        ),
        (
            "Councillor R Bradburn (representative for Thames Valley Police and Crime Panel)",
            "representative for Thames Valley Police and Crime Panel",
            "Thames Valley Police and Crime Panel",
        ),
        (
            "D Johnson (Senior Operational Support Manager "
            "[National Probation Service (Oxfordshire and "
            "Buckinghamshire LDU)])",
            "Senior Operational Support Manager",
            "National Probation Service (Oxfordshire and Buckinghamshire LDU)",
        ),
    ],
)
def test_positions_and_organisations(printed, position, organisation):
    p = parse_person_name(printed)
    assert (p.role, p.organisation) == (position, organisation)


@pytest.mark.parametrize(
    "text, honorific, forenames, surname, post",
    [
        ("Cllr. Smith", "Councillor", (), "Smith", ()),
        ("Mr P Cole, MBE", "Mr", ("P",), "Cole", ("MBE",)),
        ("R.J. Smith", None, ("R", "J"), "Smith", ()),
        ("Mr R J Thomas", "Mr", ("R", "J"), "Thomas", ()),
        ("Chief Inspector Jim O\u2019Ryan", "Chief Inspector", ("Jim",), "O\u2019Ryan", ()),
        ("Det Supt A Jones", "Detective Superintendent", ("A",), "Jones", ()),
        ("Dr Jane van der Berg OBE", "Dr", ("Jane",), "van der Berg", ("OBE",)),
        ("Michelle Plaistead-Kerr", None, ("Michelle",), "Plaistead-Kerr", ()),
        ("Parish Councillor Philip Ayles", "Parish Councillor", ("Philip",), "Ayles", ()),
    ],
)
def test_name_parts(text, honorific, forenames, surname, post):
    p = parse_person_name(text)
    assert (p.honorific, p.forenames, p.surname, p.post_nominals) == (
        honorific,
        forenames,
        surname,
        post,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Thames Valley Police",
        "Director of Policy",
        "the Chair",
        "1234",
        "",
        "£25,000",
        "10 March 2021",
    ],
)
def test_not_names(text):
    assert parse_person_name(text) is None


def test_shared_plural_honorific():
    assert split_name_list("Councillors R Bradburn, Ferrans and McLean") == [
        "Councillor R Bradburn",
        "Councillor Ferrans",
        "Councillor McLean",
    ]
    assert split_name_list("Mr A Smith, Mrs B Jones and Dr C Brown") == [
        "Mr A Smith",
        "Mrs B Jones",
        "Dr C Brown",
    ]
    assert split_name_list(
        "Councillors R Bradburn, Ferrans and McLean", shared_honorific=False
    ) == ["Councillor R Bradburn", "Ferrans", "McLean"]


def test_list_keeps_brackets_and_postnominals_with_their_name():
    items = split_name_list(
        "Councillors R Bradburn (representative for Thames Valley Police and "
        "Crime Panel), Ferrans and McLean (Milton Keynes Council)"
    )
    assert items == [
        "Councillor R Bradburn (representative for Thames Valley Police and Crime Panel)",
        "Councillor Ferrans",
        "Councillor McLean (Milton Keynes Council)",
    ]
    assert split_name_list("Mrs T Dean, MBE, Mr M Dendor and Mr P M Hill, OBE") == [
        "Mrs T Dean, MBE",
        "Mr M Dendor",
        "Mr P M Hill, OBE",
    ]


def test_kent_present_paragraph():
    text = (
        "Mr B J Sweetland (Chairman), Mr A M Ridgers (Vice-Chairman), Mr N Baker, "
        "Mr P V Barrington-King, Mrs C Bell, Miss S J Carey, Mr J A Kite, MBE, Rich Lehmann, "
        "Mr R C Love, OBE, Dr L Sullivan"
    )
    names = [parse_person_name(x) for x in split_name_list(text)]
    assert [n.name for n in names] == [
        "Mr B J Sweetland",
        "Mr A M Ridgers",
        "Mr N Baker",
        "Mr P V Barrington-King",
        "Mrs C Bell",
        "Miss S J Carey",
        "Mr J A Kite",
        "Rich Lehmann",
        "Mr R C Love",
        "Dr L Sullivan",
    ]
    assert names[0].chair and names[1].vice_chair and names[8].post_nominals == ("OBE",)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("M Bracey", "Michael Bracey", True),
        ("Mel Marshman", "Melanie Marshman", True),
        ("Marc Tarbit", "Michael Tarbit", False),
        ("Bob Smith", "Robert Smith", True),
        ("Liz Jones", "Elizabeth Jones", True),
        ("Jim O'Ryan", "Chief Inspector James O\u2019Ryan", True),
        ("Councillor Townsend", "Councillor Lauren Townsend", True),
        ("Mr A Smith", "Mrs A Smith", False),
        ("R J Smith", "R K Smith", False),
        ("A Smith", "A Smyth", False),
        ("Ferrans", "Councillor Ferrans", True),
    ],
)
def test_names_compatible(a, b, same):
    assert names_compatible(a, b) is same
    assert names_compatible(b, a) is same


def _gold_people():
    people = []
    for path in GOLD:
        people.extend(json.loads(path.read_text()).get("people", []))
    return people


def test_gold_variants_are_compatible_and_distinct_people_are_not():
    people = _gold_people()
    assert len(people) >= 20 and sum(len(p["variants"]) for p in people) > len(people)
    for person in people:
        for v in person["variants"]:
            assert parse_person_name(v) is not None, v
            assert names_compatible(person["name"], v), (person["name"], v)
    distinct = {p["name"]: p for p in people}
    for a, b in itertools.combinations(distinct, 2):
        assert not names_compatible(a, b), (a, b)


def test_gold_attendance_names_parse():
    names = [
        row["name"] for path in GOLD for row in json.loads(path.read_text()).get("attendance", [])
    ]
    assert len(names) >= 20
    for name in names:
        p = parse_person_name(name)
        assert p is not None and p.name == name


NAMES = st.sampled_from(
    ["Smith", "Bracey", "O'Ryan", "Plaistead-Kerr", "McLean", "Townsend", "Ayles"]
)
GIVEN = st.sampled_from(["Michael", "Melanie", "Jane", "Robert", "Paul", "Sarah"])
HONORIFICS = st.sampled_from(
    [
        "",
        "Councillor ",
        "Cllr ",
        "Mr ",
        "Dr ",
        "Superintendent ",
        "Parish Councillor ",
        "Chief Inspector ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(HONORIFICS, GIVEN, NAMES, st.sampled_from(["full", "initial", "dotted", "none"]))
def test_name_round_trip(honorific, given_name, surname, style):
    fore = {
        "full": given_name + " ",
        "initial": given_name[0] + " ",
        "dotted": given_name[0] + ". ",
        "none": "",
    }[style]
    text = f"{honorific}{fore}{surname}"
    p = parse_person_name(text)
    assert p is not None and p.name == text and p.surname == surname
    expected = {"full": (given_name,), "none": ()}.get(style, (given_name[0],))
    assert p.forenames == expected
    assert names_compatible(p, f"{given_name} {surname}")
    with_role = parse_person_name(f"{text} (Chief Executive [Milton Keynes Council])")
    assert with_role.name == text and with_role.organisation == "Milton Keynes Council"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ABCDMRJ"), NAMES), min_size=1, max_size=6))
def test_shared_honorific_list_round_trip(people):
    names = [f"{i} {s}" for i, s in people]
    text = "Councillors " + (
        ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    )
    assert split_name_list(text) == [f"Councillor {n}" for n in names]


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_names_never_raise(a, b):
    parse_person_name(a)
    split_name_list(a)
    split_name_list(a, shared_honorific=False)
    names_compatible(a, b)


def test_a_leading_initial_before_a_given_name_may_be_left_out():
    from extractors.values.names import names_compatible

    # Broomhill CC: "local resident G Alan Ramsay" (February 2024) and "Alan Ramsay" elsewhere
    assert names_compatible("G Alan Ramsay", "Alan Ramsay")
    assert names_compatible("Alan Ramsay", "G Alan Ramsay")
    assert not names_compatible("G Alan Ramsay", "Brian Ramsay")
    assert not names_compatible("A B Smith", "B Smith")
