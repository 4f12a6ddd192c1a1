"""Linking people and organisations across papers (issue 6).

Inputs are records built by hand from what the sample papers print (tests/gold/004 membership
and attendance, the report authors and contacts of 000, 001 and 003); expected links come from
the gold ``people`` lists.
"""

from __future__ import annotations

import copy
import itertools
from decimal import Decimal

import pytest

from extractors.linking.identity import link_identities
from extractors.linking.organisations import OrgIndex, resolve, same_organisation
from extractors.records.people import PersonMention
from schemas.records import Attendance, Funding, Meeting, Membership, Paper
from tests.conftest import SAMPLE_STEMS, gold

MK = "Milton Keynes Council"
P000, P001, P003, P004 = "p000", "p001", "p003", "p004"


def _paper(pid: str, body: str, authority: str = MK) -> Paper:
    return Paper(
        paper_id=pid,
        path=f"{pid}.pdf",
        format="pdf",
        status="ok",
        authority=authority,
        body=body,
        pipeline_version="test",
    )


def _sample_tables() -> dict[str, list]:
    """The person records of the five sample papers, as the extractors should produce them."""
    g = gold("004_e7a5e62b3e5d6ec5")
    memberships = [
        Membership(
            paper_id=P004,
            body="SaferMK Partnership",
            name_as_printed=m["name"],
            category=m["category"],
            position=m["position"],
            organisation=m["organisation"],
        )
        for m in g["membership"]
    ]
    attendance = [
        Attendance(
            meeting_id="m004",
            paper_id=P004,
            name_as_printed=a["name"],
            status=a["status"],
            position=a["position"],
            organisation=a["organisation"],
            chair=a["chair"],
        )
        for a in g["attendance"]
    ]
    mentions = [
        PersonMention(
            paper_id=P000,
            name_as_printed="Jane Harrison",
            kind="contact",
            role="Local Authority contact",
        ),
        PersonMention(
            paper_id=P000, name_as_printed="Yvette Hitch", kind="commander", role="LPA Commander"
        ),
        PersonMention(
            paper_id=P001,
            name_as_printed="Melanie Marshman",
            kind="report_author",
            role="MK Together Strategic Partnership Manager",
        ),
        PersonMention(
            paper_id=P001,
            name_as_printed="William Pearce",
            kind="report_author",
            role="Community Safety Team Leader",
        ),
        PersonMention(
            paper_id=P003,
            name_as_printed="CLr Peter Geary",
            kind="contact",
            role="Chair of Partnership",
        ),
        PersonMention(
            paper_id=P003,
            name_as_printed="Colin Wilderspin",
            kind="contact",
            role="Deputy Head of Community Safety",
        ),
        PersonMention(
            paper_id=P004,
            name_as_printed="Mel Marshman",
            kind="report_author",
            role="Head of Partnerships and Resilience",
        ),
        PersonMention(
            paper_id=P004, name_as_printed="Jane Crighton", kind="contact", role="Committee Manager"
        ),
    ]
    papers = [
        _paper(P000, "Community Safety Partnership (Safer MK)"),
        _paper(P001, "Safer MK Partnership"),
        _paper(P003, "SaferMK"),
        _paper(P004, "SaferMK Partnership"),
    ]
    meetings = [
        Meeting(meeting_id="m004", paper_id=P004, body="SaferMK Partnership", source="minutes")
    ]
    return {
        "papers": papers,
        "meetings": meetings,
        "memberships": memberships,
        "attendance": attendance,
        "person_mentions": mentions,
        "funding": [],
        "people": [],
        "organisations": [],
    }


def _rows(tables: dict[str, list]) -> list:
    return [r for t in ("memberships", "attendance", "person_mentions") for r in tables.get(t, [])]


def _id_of(tables: dict[str, list], printed: str) -> set[str]:
    return {r.person_id for r in _rows(tables) if r.name_as_printed == printed}


def _bare(name: str) -> str:
    from pipeline.evaluation.evaluate import name_key

    return name_key(name)


def _pairwise(tables: dict[str, list]) -> tuple[float, float]:
    """Pairwise precision and recall of the links against the gold people lists."""
    from pipeline.evaluation.evaluate import gold_person_clusters

    clusters = gold_person_clusters(gold(s) for s in SAMPLE_STEMS)
    forms: dict[str, set[str]] = {}
    for r in _rows(tables):
        forms.setdefault(_bare(r.name_as_printed), set()).add(r.person_id)
    common = sorted(f for f in forms if f in clusters)
    out = {(a, b) for a, b in itertools.combinations(common, 2) if forms[a] & forms[b]}
    want = {(a, b) for a, b in itertools.combinations(common, 2) if clusters[a] == clusters[b]}
    return len(out & want) / max(len(out), 1), len(out & want) / max(len(want), 1)


@pytest.fixture()
def linked() -> dict[str, list]:
    tables = _sample_tables()
    link_identities(tables)
    return tables


def test_every_row_gets_a_person_id(linked: dict[str, list]) -> None:
    assert all(r.person_id for r in _rows(linked))


def test_pairwise_precision_and_recall_on_the_samples(linked: dict[str, list]) -> None:
    precision, recall = _pairwise(linked)
    assert precision >= 0.98
    assert recall >= 0.90


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("M Bracey", "Michael Bracey"),
        ("Superintendent M Tarbit", "Marc Tarbit"),
        ("M Marshman", "Melanie Marshman"),
        ("Mel Marshman", "Melanie Marshman"),
        ("Y Hitch", "Yvette Hitch"),
        ("Councillor Townsend", "Councillor Lauren Townsend"),
        ("Parish Councillor P Ayles", "Parish Councillor Philip Ayles"),
        ("M Smith", "Maralyn Smith"),
        ("C Marriott", "Cath Marriott"),
    ],
)
def test_hard_cases_link(linked: dict[str, list], short: str, full: str) -> None:
    ids = _id_of(linked, short) | _id_of(linked, full)
    assert len(ids) == 1


def test_people_table_lists_variants_and_fullest_name(linked: dict[str, list]) -> None:
    people = {p.name: p for p in linked["people"]}
    marshman = people["Melanie Marshman"]
    assert set(marshman.variants) == {"Melanie Marshman", "M Marshman", "Mel Marshman"}
    assert people["Marc Tarbit"].honorific == "Superintendent"
    assert set(people["Lauren Townsend"].variants) == {
        "Councillor Lauren Townsend",
        "Councillor Townsend",
    }
    assert "Ferrans" in people and "R Bradburn" in people


def test_namesakes_with_different_organisations_stay_apart() -> None:
    tables = _sample_tables()
    tables["papers"].append(_paper("p9", "SaferMK Partnership"))
    tables["memberships"].append(
        Membership(
            paper_id="p9",
            body="SaferMK Partnership",
            name_as_printed="Mark Smith",
            position="Chief Inspector",
            organisation="Thames Valley Police",
        )
    )
    link_identities(tables)
    assert _id_of(tables, "M Smith") == _id_of(tables, "Maralyn Smith")
    assert _id_of(tables, "Mark Smith").isdisjoint(_id_of(tables, "M Smith"))


def test_short_form_fitting_two_people_joins_neither() -> None:
    papers = [_paper(p, "Cabinet", "Kent County Council") for p in ("a", "b", "c")]
    rows = [
        Membership(paper_id="a", name_as_printed="Maralyn Smith", body="Cabinet"),
        Membership(paper_id="b", name_as_printed="Mark Smith", body="Cabinet"),
        Attendance(meeting_id="x", paper_id="c", name_as_printed="M Smith", status="present"),
    ]
    tables = {"papers": papers, "memberships": rows[:2], "attendance": rows[2:]}
    link_identities(tables)
    ids = [r.person_id for r in rows]
    assert len(set(ids)) == 3


def test_councillors_with_different_initials_stay_apart() -> None:
    papers = [_paper("a", "Council")]
    rows = [
        Attendance(
            meeting_id="x", paper_id="a", name_as_printed=n, status="present", organisation=MK
        )
        for n in ("Councillor A Smith", "Councillor B Smith")
    ]
    tables = {"papers": papers, "attendance": rows}
    link_identities(tables)
    assert rows[0].person_id != rows[1].person_id


def test_a_shared_surname_alone_is_not_evidence() -> None:
    papers = [
        _paper("a", "Police Board", "Kent County Council"),
        _paper("b", "Health Board", "Medway Council"),
    ]
    rows = [
        Attendance(meeting_id="x", paper_id="a", name_as_printed="J Bloggs", status="present"),
        Attendance(meeting_id="y", paper_id="b", name_as_printed="Joe Bloggs", status="present"),
    ]
    link_identities({"papers": papers, "attendance": rows})
    assert rows[0].person_id != rows[1].person_id


def test_a_title_is_no_evidence_across_two_authorities() -> None:
    # Hertingfordbury PC's "Cllr Morris" (Roger Morris) and Bristol City Council's
    # "Councillor Morris" are two councillors of two councils
    papers = [
        _paper("a", "Council", "Hertingfordbury Parish Council"),
        _paper("b", "Committee", "Bristol City Council"),
    ]
    rows = [
        Attendance(meeting_id="x", paper_id="a", name_as_printed="Cllr Morris", status="present"),
        Attendance(
            meeting_id="y", paper_id="b", name_as_printed="Councillor Morris", status="present"
        ),
    ]
    link_identities({"papers": papers, "attendance": rows})
    assert rows[0].person_id != rows[1].person_id


def test_merges_record_their_evidence() -> None:
    tables = _sample_tables()
    evidence = link_identities(tables)
    (pid,) = _id_of(tables, "M Bracey")
    assert any("M Bracey" in line and "Milton Keynes Council" in line for line in evidence[pid])


def test_deterministic_and_independent_of_input_order() -> None:
    a, b = _sample_tables(), _sample_tables()
    for table in ("memberships", "attendance", "person_mentions"):
        b[table].reverse()
    link_identities(a)
    link_identities(b)
    ids_a = {(r.paper_id, r.name_as_printed): r.person_id for r in _rows(a)}
    ids_b = {(r.paper_id, r.name_as_printed): r.person_id for r in _rows(b)}
    assert ids_a == ids_b
    assert a["people"] == b["people"]
    assert a["organisations"] == b["organisations"]


def test_ids_stable_when_an_unrelated_paper_is_added() -> None:
    before = _sample_tables()
    link_identities(before)
    after = _sample_tables()
    after["papers"].append(
        _paper("kent", "Kent Community Safety Partnership", "Kent County Council")
    )
    after["attendance"] += [
        Attendance(
            meeting_id="k1", paper_id="kent", name_as_printed=n, status="present", organisation=o
        )
        for n, o in (("Mr S Jones", "Kent Police"), ("Councillor Hill", "Kent County Council"))
    ]
    link_identities(after)
    old = {(r.paper_id, r.name_as_printed): r.person_id for r in _rows(before)}
    new = {(r.paper_id, r.name_as_printed): r.person_id for r in _rows(after)}
    assert all(new[k] == v for k, v in old.items())
    old_orgs = {o.name: o.org_id for o in before["organisations"]}
    new_orgs = {o.name: o.org_id for o in after["organisations"]}
    assert all(new_orgs[k] == v for k, v in old_orgs.items())


def test_organisation_aliases_resolve() -> None:
    assert resolve("TVP") == "Thames Valley Police"
    assert resolve("OPCC") == "Office of the Police and Crime Commissioner"
    assert resolve("MKC") == MK
    assert same_organisation("MK Dons SET", "MK Dons Sports and Education Trust")
    assert not same_organisation("Thames Valley Police", "Milton Keynes Council")
    index = OrgIndex()
    for name in ("TVP", "Thames Valley Police", "the Thames Valley Police"):
        index.add(name)
    assert len({index.org_id(n) for n in ("TVP", "Thames Valley Police")}) == 1
    (org,) = index.records()
    assert org.name == "Thames Valley Police" and "TVP" in org.aliases


def test_org_ids_on_rows_and_funding() -> None:
    tables = copy.deepcopy(_sample_tables())
    tables["funding"] = [
        Funding(
            funding_id="f1",
            paper_id=P000,
            kind="grant_award",
            funder="OPCC",
            recipient="Milton Keynes Council",
            amount_gbp=Decimal("261694"),
        ),
        Funding(
            funding_id="f2",
            paper_id=P000,
            kind="allocation",
            funder="Police and Crime Commissioner",
            recipient="Boxing Clever",
            amount_gbp=Decimal("4000"),
        ),
    ]
    link_identities(tables)
    f1, f2 = tables["funding"]
    assert f1.funder_org_id and f1.funder_org_id == f2.funder_org_id
    assert f2.recipient_org_id is None  # a project, not an organisation
    bracey = next(r for r in tables["attendance"] if r.name_as_printed == "M Bracey")
    assert bracey.org_id == f1.recipient_org_id
    names = {o.name for o in tables["organisations"]}
    assert {"Thames Valley Police", MK, "Office of the Police and Crime Commissioner"} <= names
