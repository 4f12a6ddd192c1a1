"""Attendance forms of parish and community council minutes (issue 13), each asserted on real
papers of two or more authorities, the paper's printed words quoted beside each check: counts of
the public, councillors of other councils printed after the members, offices in other bodies,
the chair's title after a name, a sentence ending inside a line, and police in attendance."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.process import process_paper
from tests.conftest import SAMPLES

CORPUS = SAMPLES / "corpus"
PAPERS = {
    "wretton": "wretton-pc-norfolk/2016-01-04-minutes.txt",
    "northwold": "northwold-pc-norfolk/2014-01-07-minutes.txt",
    "milburn": "milburn-pc-cumbria/2021-01-26-minutes.pdf",
    "newbiggin": "newbiggin-pc-cumbria/2019-09-03-minutes.docx",
    "hertingfordbury": "hertingfordbury-pc/2012-06-13-minutes.pdf",
    "west_dereham": "west-dereham-pc-norfolk/2020-12-03-minutes.txt",
    "broomhill": "broomhill-cc-glasgow/2025-11-12-minutes.pdf",
    "manordeilo": "manordeilo-salem-cc/2015-06-10-minutes.pdf",
    "boughton_agm": "boughton-pc-norfolk/2012-05-04-agenda-and-minutes-annual-meeting.html",
    "boughton": "boughton-pc-norfolk/2013-08-02-agenda-and-minutes.html",
    "souldern": "souldern-pc-oxon/2018-05-24-minutes.pdf",
    "wereham": "wereham-pc-norfolk/2011-01-11-minutes.txt",
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


def by_name(recs) -> dict[str, set[str]]:
    got: dict[str, set[str]] = {}
    for r in recs:
        got.setdefault(r.name_as_printed, set()).add(r.status)
    return got


def test_a_count_of_the_public_names_nobody(att):
    # "Mrs S. Leet / 1 member of the public / Mrs Crisp welcomed all to the meeting ..."
    northwold = {r.name_as_printed: r for r in att["northwold"]}
    assert northwold["Mrs S. Leet"].status == "present"
    assert northwold["Mrs S. Leet"].position is None
    assert not any("public" in n or "welcomed" in n for n in northwold)
    # "... Borough Councillor Colin Sampson 3 members of the public"
    assert "Borough Councillor Colin Sampson" in by_name(att["wretton"])
    # "... and Councillor A Connell plus ten guests"; "..., 5 electors and the clerk: Tom Brindley"
    assert not any("guests" in r.name_as_printed for r in att["milburn"])
    assert by_name(att["hertingfordbury"])["Tom Brindley"] == {"officer"}


def test_councillors_of_other_councils_after_the_members_list(att):
    # "Present– Cllr David Llewellyn - Chairman, ..., Cllr Bill Whitmore. / County Councillor
    # Martin Storey Borough Councillor Colin Sampson 3 members of the public"
    wretton = by_name(att["wretton"])
    assert wretton["Cllr Bill Whitmore"] == {"present"}
    assert wretton["County Councillor Martin Storey"] == {"also_present"}
    assert wretton["Borough Councillor Colin Sampson"] == {"also_present"}
    # "Councillors D Richardson (Chair), ..., N Cresswell and P Moran Clerk Mrs J Todd Eden
    # District Councillor A Armstrong and Councillor A Connell plus ten guests"
    milburn = by_name(att["milburn"])
    assert milburn["Councillor P Moran"] == {"present"}
    assert milburn["Eden District Councillor A Armstrong"] == {"also_present"}
    assert milburn["Councillor A Connell"] == {"also_present"}
    # "Councillors D Thompson (Chair) , N Armstrong, M Atkinson, R Robson and P Clarke,
    # A Armstrong, EDC, Clerk J Brampton"
    newbiggin = {r.name_as_printed: r for r in att["newbiggin"]}
    assert newbiggin["Councillor P Clarke"].status == "present"
    assert newbiggin["A Armstrong"].status == "also_present"
    assert newbiggin["A Armstrong"].organisation == "EDC"
    # a county councillor inside the members' list stays present: "Councillors Alun Davies,
    # ..., Doris Jones and County Councillor Joseph Davies."
    assert by_name(att["manordeilo"])["County Councillor Joseph Davies"] == {"present"}


def test_an_office_in_another_body_makes_a_visitor(att):
    # "Andy Challen (Chair Village Hall Management Committee)"
    dereham = {r.name_as_printed: r for r in att["west_dereham"]}
    assert dereham["Andy Challen"].status == "also_present"
    assert dereham["Andy Challen"].organisation == "Village Hall Management Committee"
    assert dereham["Lorraine Hunt"].status == "present"
    # "Ross Cunningham (Chair Whiteinch CC)"
    broomhill = {r.name_as_printed: r for r in att["broomhill"]}
    assert broomhill["Ross Cunningham"].status == "also_present"
    assert broomhill["Ross Cunningham"].organisation == "Whiteinch CC"


def test_the_chairs_title_after_a_name(att):
    # "Present: Mrs R Crisp-Chair, Mr F. Eglington, ..."
    northwold = {r.name_as_printed: r for r in att["northwold"]}
    assert northwold["Mrs R Crisp"].chair is True
    assert northwold["Mr F. Eglington"].chair is False


def test_a_sentence_ending_inside_a_line_and_police_in_attendance(att):
    # "20. APOLOGIES FOR ABSENCE / Cllrs C Edwards, G O'Leary. District Cllr L Haysey"
    got = by_name(att["hertingfordbury"])
    assert got["Councillor G O'Leary"] == {"apologies"}
    assert got["District Cllr L Haysey"] == {"apologies"}
    # "In attendance: Chief Inspector G McDonald, Inspector C Hunt (Herts Police), ..."
    assert got["Chief Inspector G McDonald"] == {"also_present"}
    assert got["Inspector C Hunt"] == {"also_present"}


def test_one_person_a_line_with_initials_and_a_role(att):
    # "Present: / Frank Reid Chair / Dave Horkan (DHO) Clerk / Frank Reid (FRE)
    # Councillor/Chairman / Geoff Proctor (GPR) Councillor / ... / Public Members 5"
    agm = {r.name_as_printed: r for r in att["boughton_agm"]}
    assert set(agm) == {
        "Frank Reid",
        "Dave Horkan",
        "Geoff Proctor",
        "Mark Pogmore",
        "Tim Madgwick",
        "Peter Agate",
        "David Cooper",
    }
    assert agm["Dave Horkan"].status == "officer"
    assert agm["Frank Reid"].chair is True
    assert agm["Geoff Proctor"].status == "present"
    # the same form as the cells of a column: "Nick Oakhill (NO) CHAIR / Katy Draper (KD)"
    souldern = {r.name_as_printed: r for r in att["souldern"]}
    assert souldern["Nick Oakhill"].chair is True
    assert souldern["Katy Draper"].status == "present"
    assert souldern["Cathy Fleet"].status == "officer"


def test_a_side_column_beside_a_list_one_person_a_line(att):
    # "Dave Horkan (DHO) Clerk Apologies: Peter Agate (PAG) / Frank Reid (FRE)
    # Councillor/Chairman / ... / Mark Pogmore (MPO) Councillor Chair: Frank Reid / Andy Beeston
    # (ABE) Councillor Distribution: / ... / Geoff Proctor (GPR) Councillor"
    got = by_name(att["boughton"])
    assert got["Peter Agate"] == {"apologies"}
    assert got["Dave Horkan"] == {"officer"}
    assert got["Frank Reid"] == {"present"}
    assert got["Mark Pogmore"] == {"present"}
    assert got["Andy Beeston"] == {"present"}
    assert got["Geoff Proctor"] == {"present"}


def test_apologies_as_an_agendas_item_lists_nobody(att):
    # the agenda before the minutes: "Apologies / Minutes meeting 3rd May 2013 / Matters Arising
    # / Chairman's Report – F. Reid / ..." (2013); "Apologies / Election of officers (Chairman,
    # Vice Chairman) / ..." (2012)
    for key in ("boughton", "boughton_agm"):
        names = {r.name_as_printed for r in att[key] if r.status == "apologies"}
        assert names <= {"Peter Agate"}, names


def test_ms_written_with_a_slash(att):
    # "Apologies: C. Humphries and M/s Norris"
    got = by_name(att["wereham"])
    assert got["M/s Norris"] == {"apologies"}
    assert got["P. Norris"] == {"present"}


def test_a_role_after_a_comma_then_more_names_each_with_its_title() -> None:
    # a decision notice: "Committee Members present: Councillor Ed Plowden Councillor Donald
    # Alexander ... Councillor Emma Edwards, Leader of the Green Group Councillor Kaz Self
    # Councillor David Wilcox Councillor Jonathan Hucker"
    path = CORPUS / "bristol-cc/2025-10-23-decisions-transport-connectivity-policy-committee.pdf"
    data = path.read_bytes()
    recs = process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest()).records
    got = {r.name_as_printed: r for r in recs["attendance"]}
    assert got["Councillor Emma Edwards"].position == "Leader of the Green Group"
    for name in ("Councillor Kaz Self", "Councillor David Wilcox", "Councillor Jonathan Hucker"):
        assert got[name].status == "present"


def test_a_row_of_a_name_and_a_role_under_an_attendance_label_is_one_person() -> None:
    # Garelochhead CC, 18 August 2020: "Apologies" over rows "Martin Croft | Vice Chair, CC",
    # "Mandy Crossland | Member" (unseen set, after its blind score)
    from extractors.records.attendance import _row_entry
    from extractors.text.meeting_text import Line

    assert _row_entry(Line("Martin Croft\tVice Chair, CC", 1, True, "row")) == (
        "Martin Croft (Vice Chair, CC)"
    )
    # a one-word office is a role, not a surname ("Watson Robinson | Convenor", "Maurice Corry |
    # MSP")
    assert _row_entry(Line("Watson Robinson\tConvenor", 1, True, "row")) == (
        "Watson Robinson (Convenor)"
    )
    # two names side by side stay two lines
    assert _row_entry(Line("Ron Fletcher\tLaura Cameron", 1, True, "row")) == (
        "Ron Fletcher\nLaura Cameron"
    )


def test_attending_and_public_labels_and_elected_visitors() -> None:
    # Garelochhead CC, 18 August 2020: "Attending:" over "Maurice Corry | MSP" and "Iain
    # Paterson | Local Councillor" - elected members of other bodies, also present (unseen set,
    # after its blind score)
    from pathlib import Path

    from pipeline.process import process_paper

    p = Path("samples/unseen/garelochhead-cc-argyll/2020-08-18-minutes.pdf")
    rows = process_paper(str(p), p.name, p.read_bytes(), "p").records["attendance"]
    status = {r.name_as_printed: r.status for r in rows}
    assert status["Maurice Corry"] == "also_present"
    assert status["Iain Paterson"] == "also_present"
    assert status["Watson Robinson"] == "present"


def test_clerk_and_public_participation_labels_and_lower_case_titles() -> None:
    # Haresfield PC, 26 January and 24 February 2020 (unseen set, after its blind score):
    # "Clerk: Madeleine King    e’mail: haresfieldpc@gmail.com", "Public Participation: Philip
    # Tudor, Alan White", "Apologies:  County councillor Stephen Davis, District councillor
    # David Mossman, Councillors Jenny Knight, Fiona Bevan"
    from pathlib import Path

    from pipeline.process import process_paper

    def status_of(name: str) -> dict[str, str]:
        p = Path(f"samples/unseen/haresfield-pc-glos/{name}")
        rows = process_paper(str(p), p.name, p.read_bytes(), "p").records["attendance"]
        return {r.name_as_printed: r.status for r in rows}

    january = status_of("2020-01-26-minutes.docx")
    assert january["Madeleine King"] == "officer"
    assert january["Philip Tudor"] == january["Alan White"] == "observer"
    february = status_of("2020-02-24-minutes.docx")
    assert february["County Councillor Stephen Davis"] == "apologies"
    assert february["District Councillor David Mossman"] == "apologies"
    assert february["Madeleine King"] == "officer"


def test_a_label_over_none_lists_nobody() -> None:
    # Newbiggin PC, 3 September 2019: the minute "19.09.11 Public Participation" / "None" /
    # "Signed ____ Dated 12th November 2019"
    from pathlib import Path

    from pipeline.process import process_paper

    p = Path("samples/corpus/newbiggin-pc-cumbria/2019-09-03-minutes.docx")
    rows = process_paper(str(p), p.name, p.read_bytes(), "p").records["attendance"]
    assert not any(r.name_as_printed == "None" for r in rows)
    assert not any("Signed" in (r.position or "") for r in rows)


def test_present_and_apologies_labels_ending_in_a_semicolon(tmp_path) -> None:
    # Kexby PC (Lincolnshire), minutes of 28 May 2020, as its web page prints them: "Present;
    # R. Gore (Chair), C. Hunt, S. Farrow, ..."; Claxby PC's page prints "Apologies; H Wilson"
    lines = [
        "Minutes of the Parish Council Meeting held on 28th May 2020",
        "Present; R. Gore (Chair), C. Hunt, S. Farrow, C. Cuckson, L. Hoggarth, D. Forrest",
        "Apologies; H Wilson",
        "09/20 Approval of the accounts for 2019-20 These had been circulated.",
    ]
    path = tmp_path / "kexby-minutes.html"
    body = "".join(f"<p>{line}</p>\n" for line in lines)
    path.write_text(f"<html><body>\n{body}</body></html>\n", encoding="utf-8")
    data = path.read_bytes()
    recs = process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest()).records
    got = {r.name_as_printed: (r.status, r.chair) for r in recs["attendance"]}
    assert got["R. Gore"] == ("present", True)
    assert {n for n, (s, _) in got.items() if s == "present"} == {
        "R. Gore",
        "C. Hunt",
        "S. Farrow",
        "C. Cuckson",
        "L. Hoggarth",
        "D. Forrest",
    }
    assert got["H Wilson"] == ("apologies", False)


def _page_attendance(tmp_path, name: str, lines: list[str]) -> dict[str, tuple]:
    path = tmp_path / name
    body = "".join(f"<p>{line}</p>\n" for line in lines)
    path.write_text(f"<html><body>\n{body}</body></html>\n", encoding="utf-8")
    data = path.read_bytes()
    recs = process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest()).records
    return {r.name_as_printed: (r.status, r.organisation, r.chair) for r in recs["attendance"]}


def test_a_joint_body_s_members_listed_under_each_council(tmp_path) -> None:
    # Combined Fire Authority for County Durham and Darlington, 12 November 2015 (a stored
    # copy of its minutes; a few of its lines)
    got = _page_attendance(
        tmp_path,
        "durham-cfa.html",
        [
            "At a meeting of the Combined Fire Authority for County Durham and Darlington held "
            "at Fire and Rescue Service Headquarters, Belmont Business Park, Durham on Thursday "
            "12 November 2015 at 10.00 a.m.",
            "Present:",
            "Durham County Councillors:",
            "Councillors D Bell, J Bell, J Chaplow, B Graham",
            "Darlington Borough Councillors:",
            "Councillors B Jones, G Lee and S Richmond.",
            "Independent Standards Members:",
            "Mr J Dykes",
            "Apologies for absence were received from Councillors B Armstrong, B Glass.",
            "A1 Declarations of interest",
            "There were no declarations of interest.",
        ],
    )
    assert got["Councillor D Bell"] == ("present", "Durham County Council", False)
    assert got["Councillor S Richmond"] == ("present", "Darlington Borough Council", False)
    assert got["Mr J Dykes"] == ("present", None, False)
    assert got["Councillor B Glass"][0] == "apologies"


def test_a_members_label_in_its_own_column_and_officers_by_title(tmp_path) -> None:
    # Shropshire and Wrekin Fire and Rescue Authority, 13 February 2012: "Members" and
    # "Officers" printed in a column beside their lists; officers by title only name nobody
    got = _page_attendance(
        tmp_path,
        "shropshire-fra.html",
        [
            "Minutes of the Meeting of Shropshire and Wrekin Fire and Rescue Authority held on "
            "Monday, 13 February 2012 at 3.00 pm, at Service Headquarters, Shrewsbury",
            "Members Councillors Adams, Mrs Barrow, Bennett, Minnery (Vice-Chair), Murray and "
            "West (Chair)",
            "Officers Chief Fire Officer, Assistant Chief Fire Officer (Human Resources), "
            "Treasurer, Head of Finance",
            "1 Apologies for Absence",
            "Apologies for absence had been received from Councillors Kiernan and Roberts.",
        ],
    )
    present = {n for n, (s, _, _) in got.items() if s == "present"}
    assert {"Councillor Adams", "Mrs Barrow", "Bennett", "Minnery", "Murray", "West"} <= present
    assert got["West"] == ("present", None, True)
    assert not any("Treasurer" in n or "Officer" in n for n in got)


def test_apologies_accepted_or_sent_in_a_minute_s_sentence(tmp_path) -> None:
    # the opening lines of three councils' web minutes: Albury PC (Hertfordshire), 3 November
    # 2015; Dorrington PC (Lincolnshire), 13 May 2024; Blaengwrach CC, 19 October 2023
    pages = [
        (
            "albury.html",
            [
                "Minutes of a meeting held Tuesday 3rd November 2015 at 19.15 hrs at the Village "
                "Hall",
                "Present: Cllr Benton (vice-chairman), Cllr Muller (chairman), Cllr Walne and "
                "Cllr Waples.",
                "1. To receive and accept apologies for absence. Apologies were accepted from "
                "Cllr Murdoch and Cllr Clayden-Smith",
                "2. To receive declarations of interest. None.",
                "3. To confirm the minutes of Albury Parish Council meeting held on Tuesday 6th "
                "October 2015. Resolved that these minutes be agreed as a true and accurate "
                "record of the proceedings and be duly signed by the vice-chairman.",
                "4. To receive reports on actions agreed at the last council meeting",
                "Actions to be discussed in specific agenda points.",
            ],
            {"Cllr Murdoch", "Cllr Clayden-Smith"},
        ),
        (
            "dorrington.html",
            [
                "Monday 13 May 2024",
                "Present ; Cllrs Drury (Chair), Cllrs Unwin, Jeram, Bell and Hayes",
                "1. Chairperson's welcome: 001/24 The Chairman welcomed everyone to the meeting.",
                "2. Apologies and reasons for absence: 002/24: Absent TN illness and PD holiday "
                "which was accepted. Cllr Kendrick sent his apology.",
                "3. Declarations of interest in agenda items: 003/24: None",
            ],
            {"Cllr Kendrick"},
        ),
        (
            "blaengwrach.html",
            [
                "Draft Minutes of the Ordinary Meeting held on Thursday 19th October 2023, at "
                "the Welfare Hall, Heol Y Felin, Cwmgwrach and via Zoom, commencing at 6.30 pm",
                "Present: Chair Cllr. C Edwards, Cllr. P Rudd, Cllr. J Bulman",
                "82/23 Apologies: Cllr. A Edwards sent his apologies.",
                "83/23 Declarations of Interest: There were no declarations of interest made at "
                "this meeting.",
            ],
            {"Cllr A Edwards"},
        ),
    ]
    for name, lines, names in pages:
        got = _page_attendance(tmp_path, name, lines)
        assert {n for n, (s, _, _) in got.items() if s == "apologies"} == names, name


def test_present_were_received_from_and_accepted_apologies(tmp_path) -> None:
    # three parish pages first read after these rules were written for others (a held-out
    # probe): Midgham PC, 21 May 2009; Trudoxhill PC; Croft PC, 1 July 2024
    got = _page_attendance(
        tmp_path,
        "midgham.html",
        [
            "Minutes of the meeting held in the Village Hall on Thursday May 21st 2009 at 6.30 "
            "p.m.",
            "Present were Mr J Goddard, Mrs. M. Rusbridge, Mr J Ormrod, Mr D Lombardo, the Clerk "
            "Mrs. E Berry, and two members of the public.",
            "Mr Ormrod was unanimously elected as Chairman for the meeting.",
        ],
    )
    assert {"Mr J Goddard", "Mr J Ormrod", "Mr D Lombardo"} <= {
        n for n, (s, _, _) in got.items() if s == "present"
    }
    got = _page_attendance(
        tmp_path,
        "trudoxhill.html",
        [
            "Trudoxhill Parish Council Meeting",
            "Present: C Galpin (Chair), C Bonham-Christie, P Twigger, D Valentine, R Masson-Taylor",
            "Apologies: Received from S Salmon, C Kenyon",
            "Declarations of Interest:",
        ],
    )
    assert {n for n, (s, _, _) in got.items() if s == "apologies"} == {"S Salmon", "C Kenyon"}
    got = _page_attendance(
        tmp_path,
        "croft.html",
        [
            "Minutes of the full Council Meeting held at Croft Village Hall on Monday 1st July "
            "2024 commencing at 7pm.",
            "Present:",
            "Cllrs A Coxall (Chair), C Drury (Vice-Chair) G Bowser, and S Gould.",
            "21. Welcome from the Chair of the Council.",
            "The Chair welcomed all present, thanking them for their attendance.",
            "22. Apologies",
            "It was resolved unanimously to accept apologies from Cllrs N Coope and S Dennis.",
            "23. Declarations of Interest",
            "None.",
        ],
    )
    assert {n for n, (s, _, _) in got.items() if s == "apologies"} == {
        "Councillor N Coope",
        "Councillor S Dennis",
    }


def test_a_list_naming_people_among_councils_is_not_titles_only() -> None:
    # Hertfordshire Police and Crime Panel: "Apologies: Mr I Laidlaw-Dickson Co-opted member
    # Cllr R Smith, Herts Police Authority Cllr Ms S Taylor, Borough Council ..." names people
    from extractors.values.names import titles_only

    assert not titles_only(
        "Mr I Laidlaw-Dickson Co-opted member Cllr R Smith, Herts Police Authority Cllr Ms S "
        "Taylor, Borough Council Cllr R Henry Stevenage Borough Council"
    )


def test_a_heading_run_into_the_list_and_the_next_heading_run_onto_it(tmp_path) -> None:
    # West Yorkshire Fire and Rescue Authority, 21 February 2013 (a stored copy, read in a
    # held-out probe): the text lost its line breaks around the lists
    got = _page_attendance(
        tmp_path,
        "westyorks-fra.html",
        [
            "WEST YORKSHIRE FIRE AND RESCUE AUTHORITY MINUTES OF THE MEETING HELD",
            "ON THURSDAY 21 FEBRUARY 2013 Present : Councillors M Khan (in the chair), T Austin, "
            "C Burke, D Davies",
            "Apologies: Councillors S Hamilton and P Wardhaugh 56 ADMISSION OF THE PUBLIC",
            "The meeting determined that there were no items which necessitated the exclusion of "
            "the public.",
        ],
    )
    assert got["Councillor M Khan"] == ("present", None, True)
    assert {n for n, (s, _, _) in got.items() if s == "present"} == {
        "Councillor M Khan",
        "Councillor T Austin",
        "Councillor C Burke",
        "Councillor D Davies",
    }
    assert {n for n, (s, _, _) in got.items() if s == "apologies"} == {
        "Councillor S Hamilton",
        "Councillor P Wardhaugh",
    }


def test_a_minute_headed_present_under_a_lettered_yearly_ref(tmp_path) -> None:
    # Knutsford TC's committee minutes (read in a held-out probe; its first lines): "A23/014
    # PRESENT" heads the members' list, "A23/015 APOLOGIES FOR ABSENCE" the apologies
    got = _page_attendance(
        tmp_path,
        "knutsford.html",
        [
            "A23/014 PRESENT",
            "Councillors Gardiner, Coan, Dalzell, Gray, Lowe and Wood",
            "A23/015 APOLOGIES FOR ABSENCE",
            "Apologies were received from Cllr Banks and Watson (personal business).",
            "A23/016 DECLARATIONS OF MEMBERS’ INTERESTS",
            "Cllrs Gardiner, Gray and Woods declared a personal interest in A23/029 on the "
            "grounds of being customers of tenants.",
            "A23/017 PUBLIC PARTICIPATION",
            "No members of the public were present.",
            "A23/018 CONFIRMATION OF PREVIOUS MINUTES",
            "It was RESOLVED to confirm the minutes of the meeting held on 26th June.",
            "A23/019 REVIEW OF YEAR-TO-DATE INCOME AND EXPENDITURE",
            "The financial position year to date was noted.",
            "A23/021 PURCHASE OF TIPPING TRAILER",
            "It was RESOLVED to recommend to Full Council that it authorise the purchase of a "
            "tipping trailer from the capital receipts reserve.",
            "A23/022 COUNCIL OFFICES CYCLE PARKING",
            "It was RESOLVED that the Town Clerk explore additional locations for the "
            "installation of a cycle shelter.",
            "A23/025 COMMITTEE BUDGET 2024/25",
            "It was RESOLVED to approve the draft budget as presented.",
        ],
    )
    assert {n for n, (s, _, _) in got.items() if s == "present"} == {
        "Councillor Gardiner",
        "Councillor Coan",
        "Councillor Dalzell",
        "Councillor Gray",
        "Councillor Lowe",
        "Councillor Wood",
    }
    assert got["Cllr Banks"][0] == "apologies"
