"""Attendance forms read in general, each asserted on real papers (the paper's printed words
quoted beside each check): labels opening inside a list, dotted minute numbers, prose
apologies, an organisation run into a name, "None", and prose after a list."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.process import process_paper
from tests.conftest import SAMPLES

CORPUS = SAMPLES / "corpus"
PAPERS = {
    "broomhill": "broomhill-cc-glasgow/2024-02-14-minutes.pdf",
    "tintern": "tintern-cc-monmouthshire/2019-05-20-minutes-agm.pdf",
    "stoke_ferry": "stoke-ferry-pc-norfolk/2019-04-24-minutes-extraordinary.html",
    "milburn": "milburn-pc-cumbria/2018-05-08-minutes-annual-meeting.pdf",
    "newbiggin": "newbiggin-pc-cumbria/2019-09-03-minutes.docx",
    "sutton": "sutton-coldfield-tc/2018-03-13-minutes-amenities-leisure-community-services.pdf",
    "burton": "burton-cum-walden-pc/2024-03-05-minutes.pdf",
    "hertingfordbury": "hertingfordbury-pc/2018-04-12-minutes-extraordinary.pdf",
}


@pytest.fixture(scope="module")
def att() -> dict[str, list]:
    out = {}
    for key, rel in PAPERS.items():
        path = CORPUS / rel
        data = path.read_bytes()
        result = process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest())
        out[key] = result.records["attendance"]
    return out


def statuses(recs) -> dict[str, set[str]]:
    got: dict[str, set[str]] = {}
    for r in recs:
        got.setdefault(r.name_as_printed, set()).add(r.status)
    return got


def test_a_label_opening_a_sentence_inside_the_present_list(att):
    # "Committee Members Present were: Charles Scott, ..., Morag McKerrell and David Rennie.
    # Also in attendance was local resident G Alan Ramsay"
    got = statuses(att["broomhill"])
    assert got["David Rennie"] == {"present"}
    assert got["G Alan Ramsay"] == {"observer"}
    # "Apologies were received from: ... Cllrs Eunis Jassemi and Lana Reid-McConnell and Police
    # Scotland": an organisation, not a person
    assert "Police Scotland" not in got
    assert got["Councillor Lana Reid-McConnell"] == {"apologies"}


def test_members_of_the_public_after_a_dash(att):
    # ordinary meeting: "Present: Cllr Hayward in the chair, Cllrs Hoskins, ..., County Cllr
    # Webb and the Clerk. Members of the public – Mr Andy Langton."
    got = statuses(att["tintern"])
    assert got["Mr Andy Langton"] == {"observer"}
    assert got["County Cllr Webb"] == {"present"}


def test_also_in_attendance_after_a_count_and_an_organisation_run_into_a_name(att):
    # "Public: 14 Also, in attendance: Cllr Martin Storey, Norfolk County Council Matt Kenny,
    # Trustee of the Playing Field Committee"
    recs = {r.name_as_printed: r for r in att["stoke_ferry"]}
    assert recs["Cllr Martin Storey"].status == "also_present"
    assert recs["Cllr Martin Storey"].organisation == "Norfolk County Council"
    assert recs["Matt Kenny"].status == "also_present"
    assert recs["Matt Kenny"].position == "Trustee of the Playing Field Committee"
    assert not any("Council" in n for n in recs)
    # minute 90/19: "There were apologies of absence from Cllr Colin Sampson."
    assert recs["Cllr Colin Sampson"].status == "apologies"


def test_apologies_minute_with_a_dotted_number(att):
    # "18.05.2 Apologies / A Armstrong, EDC and M Armstrong (Councillors)"
    recs = {r.name_as_printed: r for r in att["milburn"]}
    assert recs["A Armstrong"].status == "apologies"
    assert recs["A Armstrong"].organisation == "EDC"
    assert recs["M Armstrong"].status == "apologies"


def test_none_under_an_apologies_heading_is_nobody(att):
    # "19.09.01 Apologies / None"
    got = statuses(att["newbiggin"])
    assert "None" not in got
    assert not any("apologies" in s for s in got.values())


def test_a_sentence_after_the_list_ends_it(att):
    # "Present: Cllrs Hodivala (Chairman), Hewett, Mosson, Passey and Wood. / Under item 4(v) of
    # the Town Council Standing Orders, the Town Clerk advised Committee that for this meeting
    # Cllr Wood would be substituting, with voting rights, for Cllr Ellis."
    recs = {r.name_as_printed: r for r in att["sutton"]}
    assert recs["Councillor Wood"].status == "present"
    assert recs["Councillor Wood"].position is None
    assert "Standing Orders" not in recs
    # "Cllrs Ives, Ward and Ellis. / Committee resolved to note the apologies."
    assert {n for n, r in recs.items() if r.status == "apologies"} == {
        "Councillor Ives",
        "Councillor Ward",
        "Councillor Ellis",
    }


def test_a_relative_clause_ends_the_list(att):
    # "Also present: PCSO Sharon Diamond who reported that she was meeting with Councils ..."
    got = statuses(att["burton"])
    assert got["PCSO Sharon Diamond"] == {"also_present"}


def test_a_resident_in_attendance_is_one_of_the_public(att):
    # "In attendance: Amanda Glew (Clerk), Steve Davies (resident)"
    got = statuses(att["hertingfordbury"])
    assert got["Steve Davies"] == {"observer"}
    assert got["Amanda Glew"] == {"officer"}


def test_a_sentence_of_apologies_under_an_apologies_heading() -> None:
    # Souldern PC, 27 November 2025: "11.25.01 Apologies for absence" over "Apologies had been
    # received from Cllr David Rogers and Cllr Gareth Epps"
    from pathlib import Path

    from pipeline.process import process_paper

    p = Path("samples/corpus/souldern-pc-oxon/2025-11-27-minutes.pdf")
    rows = process_paper(str(p), p.name, p.read_bytes(), "p").records["attendance"]
    assert sorted(r.name_as_printed for r in rows if r.status == "apologies") == [
        "Cllr David Rogers",
        "Cllr Gareth Epps",
    ]


def test_a_plural_title_label_and_a_decision_notices_attendance() -> None:
    # Bristol CC minutes, 19 March 2026: "Members Present:-" / "Councillors: Ed Plowden
    # (Chair), Graham Morris (Vice-Chair), Rob Bryher, ..."; the Decision Recording Form of
    # 23 October 2025: "Committee Members present:" ... "Apologies:" / "Councillor Graham
    # Morris", then the form's "(a) Subject: ..." rows, which list nobody
    from pathlib import Path

    from pipeline.process import process_paper

    def rows(path: str) -> list:
        p = Path(path)
        return process_paper(str(p), p.name, p.read_bytes(), "p").records["attendance"]

    minutes = rows(
        "samples/corpus/bristol-cc/2026-03-19-minutes-transport-connectivity-policy-committee.pdf"
    )
    (chair,) = [r for r in minutes if r.chair]
    assert chair.name_as_printed == "Councillor Ed Plowden" and chair.status == "present"
    form = rows(
        "samples/corpus/bristol-cc/2025-10-23-decisions-transport-connectivity-policy-committee.pdf"
    )
    assert [r.name_as_printed for r in form if r.status == "apologies"] == [
        "Councillor Graham Morris"
    ]
    assert "Councillor Donald Alexander" in [r.name_as_printed for r in form]
