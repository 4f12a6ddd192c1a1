"""Attendance blocks as text lines and as label | names table rows; prose apologies."""

from pathlib import Path

from extractors.base import PaperContext
from extractors.records import attendance
from extractors.values import names
from schemas.document import Document, DocumentMeta, Page, Table
from tests.test_minutes import text_doc

FIX = Path(__file__).parent / "fixtures" / "meetings"


def records(doc: Document):
    return attendance.extract(doc, PaperContext(paper_id="p", doc_type="minutes")).records.get(
        "attendance", []
    )


def by_name(recs):
    return {r.name_as_printed: r for r in recs}


def test_table_rows_with_shared_honorific_and_org_prefix():
    rows = [
        line.split("\t")
        for line in (FIX / "cmis-attendance-table-shared-honorific.txt").read_text().splitlines()
    ]
    doc = Document([Page(1, [Table(rows, 1)])], DocumentMeta())
    got = by_name(records(doc))
    assert got["Councillor Townsend"].chair and got["Councillor Townsend"].status == "present"
    assert got["Councillor R Bradburn"].organisation == "Thames Valley Police and Crime Panel"
    assert got["Councillor Ferrans"].organisation == "Milton Keynes Council"
    assert got["Councillor McLean"].organisation == "Milton Keynes Council"
    assert got["J Held"].position == "Independent Safeguarding Scrutineer"
    assert got["J Held"].organisation is None
    assert got["S Gonsalves"].status == "officer"
    assert got["S Gonsalves"].organisation == "Milton Keynes Council"
    assert got["S Gonsalves"].position == "Director of Policy, Insight and Communications"
    assert got["C Marriott"].organisation == "Police and Crime Commissioner"
    assert got["C Marriott"].position == "Policy Adviser"
    assert len(got) == 8


def test_moderngov_prose_apologies_share_plural_honorific():
    doc = text_doc(
        (FIX / "moderngov-minutes-yearly-refs-resolved-colon-prose-apologies.txt").read_text()
    )
    got = by_name(records(doc))
    assert got["Councillor A Smith"].chair
    assert {n for n, r in got.items() if r.status == "present"} == {
        "Councillor A Smith",
        "Councillor B Jones",
        "Councillor C Patel",
        "Councillor D O'Brien",
    }
    assert got["J Brown"].status == "officer" and got["J Brown"].position == "Legal Adviser"
    assert {n for n, r in got.items() if r.status == "apologies"} == {
        "Councillor E White",
        "Councillor F Black",
    }


def test_kent_present_list_honours_and_wrapped_roles():
    doc = text_doc((FIX / "kent-cabinet-minutes-item-headings-lettered-resolution.txt").read_text())
    got = by_name(records(doc))
    assert got["Mr R W Gough"].chair
    # post-nominal letters stay in the name as printed (the real gold writes "Mr R C Love, OBE")
    assert "Mr R C Love, OBE" in got and "Mr R C Love" not in got
    assert got["Mr N Abrahams"].position == "Area Education Officer – West Kent"
    assert got["McKay"].position == "Acting Chief Accountant"
    assert got["Mrs C Bell"].status == "apologies"
    assert sum(r.status == "present" for r in got.values()) == 6


def test_role_after_comma_and_oxford_comma_apologies():
    doc = text_doc(
        (FIX / "kent-panel-minutes-untitled-items-oxford-comma-apologies.txt").read_text()
    )
    got = by_name(records(doc))
    assert got["Shellina Prendergast"].chair and not got["Paul Bartlett"].chair
    assert got["Sue Chandler"].status == "also_present"
    assert got["Sue Chandler"].position.startswith("Cabinet Member for Integrated")
    assert {n for n, r in got.items() if r.status == "apologies"} == {
        "Mr R Love OBE",
        "Ms K Leonard",
        "Ms A Farmer",
    }


def test_role_and_org_forms():
    assert names.role_and_org("Chief Executive (Milton Keynes Council)") == (
        "Chief Executive",
        "Milton Keynes Council",
    )
    assert names.role_and_org("Representative of Rural Parish Councils") == (
        "Representative of Rural Parish Councils",
        "Rural Parish Councils",
    )
    assert names.role_and_org(
        "Milton Keynes Council (representative for Thames Valley Police and Crime Panel)"
    ) == ("representative for Thames Valley Police and Crime Panel", "Milton Keynes Council")


def test_meeting_note_name_dash_org_entries_run_together():
    # a two-column "Attendance:" list that the PDF reader returns as run-on lines
    doc = text_doc((FIX / "meeting-note-attendance-name-dash-org-run-together.txt").read_text())
    got = [(r.name_as_printed, r.organisation, r.chair, r.status) for r in records(doc)]
    assert got == [
        ("Harry Rayner", "MEM", True, "present"),
        ("Rosalind Binks", "MEM", False, "present"),
        ("Paul Stepto", "MEM", False, "present"),
        ("Nick Buckland", "KCC", False, "present"),
        ("James Graham", "KCC", False, "present"),
        ("Chris Ellis", "KCC", False, "present"),
        ("Chris Jones", "Link Group", False, "present"),
        ("David Whelan", "Link Group", False, "present"),
    ]


def test_label_wrapped_over_two_lines():
    doc = text_doc((FIX / "minutes-co-opted-label-wrapped-run-on-clauses.txt").read_text())
    got = {r.name_as_printed: r.status for r in records(doc)}
    assert got == {
        "Councillor Green": "present",
        "J Smith": "present",
        "Parish Councillor P Ayles": "co_opted",
        "Parish Councillor M Cato": "co_opted",
        "R Brown": "apologies",
    }


def test_split_name_role_without_column_gap():
    split = names.split_name_role
    assert split("Michael Bracey Chief Executive (Milton Keynes Council)") == (
        "Michael Bracey",
        "Chief Executive (Milton Keynes Council)",
    )
    assert split("Councillor Ferrans Milton Keynes Council") == (
        "Councillor Ferrans",
        "Milton Keynes Council",
    )
    assert split("Councillor R Bradburn Milton Keynes Council (representative for X)") == (
        "Councillor R Bradburn",
        "Milton Keynes Council (representative for X)",
    )
    assert split("Marc Tarbit Superintendent/Local Police Area Commander") == (
        "Marc Tarbit",
        "Superintendent/Local Police Area Commander",
    )
    assert split("Jane Held Independent Safeguarding Scrutineer") == (
        "Jane Held",
        "Independent Safeguarding Scrutineer",
    )
    assert split("Health and Safety") is None


def test_questions_pack_names_are_not_attendance():
    # "Question by X to Y, role" pages name people who are not in an attendance block
    text = (
        "Thursday 13 March 2025\n\nQuestion by Paul Stepto to Rory Love, Cabinet Member for "
        "Education and Skills\n\nMr Justice Cavanagh, during sentencing in the case of Sara "
        "Sharif commented on the dangers of unsupervised homeschooling.\n\nAnswer\n\n"
        "Under current legislation, nearly all families are free to educate their child at "
        "home.\n\nQuestion by Susan Carey to Neil Baker, Cabinet Member for Highways and "
        "Transport\n\nAnswer\n\nThank you for requesting an update."
    )
    assert records(text_doc(text)) == []


def test_virtual_attendance_and_substitutes_in_prose():
    doc = text_doc(
        (FIX / "kent-panel-minutes-virtual-attendance-and-substitute-prose.txt").read_text()
    )
    got = [(r.name_as_printed, r.status) for r in records(doc)]
    # Ms L Game, Ms S Chandler and Ms T Scott already appear in the lists by full name
    assert got == [
        ("Shellina Prendergast", "present"),
        ("Paul Bartlett", "present"),
        ("Gary Cooke", "present"),
        ("Lesley Game", "present"),
        ("Tracy Scott", "present"),
        ("Brian Horton", "present"),
        ("Sue Chandler", "also_present"),
        ("James Clapson", "officer"),
        ("Maureen Robinson", "officer"),
        ("Mr R Love OBE", "apologies"),
        ("Ms K Leonard", "apologies"),
        ("Ms A Farmer", "apologies"),
        ("Mr M Dance", "present"),
        ("Mr D Brazier", "present"),
    ]
    people = by_name(records(doc))
    assert people["Paul Bartlett"].position == "Vice-Chair"
    assert people["Shellina Prendergast"].chair


def test_council_present_list_chairman_vice_chairman_and_reported_apologies():
    doc = text_doc(
        (FIX / "kent-council-minutes-vice-chairman-and-apologies-reported.txt").read_text()
    )
    recs = records(doc)
    got = [(r.name_as_printed, r.status) for r in recs]
    assert got == [
        ("Mr B J Sweetland", "present"),
        ("Mr A M Ridgers", "present"),
        ("Mr N Baker", "present"),
        ("Mrs T Dean, MBE", "present"),
        ("Mr P M Hill, OBE", "present"),
        ("Rich Lehmann", "present"),
        ("Ms L Wright", "present"),
        ("Mr J Cook", "officer"),
        ("Mr B Watts", "officer"),
        ("Mr Baldock", "apologies"),
        ("Mrs Bruneau", "apologies"),
        ("Sir Paul Carter", "apologies"),
        ("Mr Chard", "apologies"),
        ("Mr Webb", "apologies"),
        ("Mr Cooke", "apologies"),
    ]
    people = by_name(recs)
    assert people["Mr B J Sweetland"].chair and people["Mr B J Sweetland"].position is None
    assert not people["Mr A M Ridgers"].chair
    assert people["Mr A M Ridgers"].position == "Vice-Chairman"  # as printed
    assert people["Mr J Cook"].position == "Democratic Services Manager"


def test_an_in_attendance_list_is_decided_per_person():
    from extractors.records.attendance import attendance_records
    from extractors.text.meeting_text import Line

    # Hertingfordbury PC, 13 March 2019 (the paper's words)
    printed = [
        "PRESENT: Cllrs Gary O’Leary, Magda Atkins and Niki Gordon",
        "In attendance: Cllr Ken Crofton, Cllr Linda Haysey, Amanda Glew (Clerk), "
        "Brian Findel-Hawkins, Raymond Judd",
    ]
    recs = attendance_records([Line(t, 1, first=True) for t in printed], "m", "p")
    status = {r.name_as_printed: r.status for r in recs}
    assert status["Cllr Ken Crofton"] == "also_present"
    assert status["Amanda Glew"] == "officer"
    assert status["Brian Findel-Hawkins"] == "observer"
    assert status["Councillor Magda Atkins"] == "present"


def test_apologies_listed_in_a_numbered_minute_anywhere():
    from extractors.base import PaperContext
    from extractors.records.attendance import extract
    from schemas.document import Block, Document, DocumentMeta, Page

    # Tintern CC, 26 November 2018: apologies are the third minute
    texts = [
        "Minutes of a meeting of the above Council held on Monday 26th November 2018",
        "Present: Cllrs Hayward, Hoskins & Richards.",
        "2599. Police Report: Attached. No Police presence.",
        "2600. Public Forum: No one present.",
        "2601. Apologies for absence: Cllr Hillard & County Cllr Webb.",
        "2602. Declarations of interest: None.",
    ]
    doc = Document([Page(1, [Block("paragraph", t, 1) for t in texts])], DocumentMeta(page_count=1))
    ctx = PaperContext(
        paper_id="p",
        doc_type="minutes",
        title=None,
        authority=None,
        body=None,
        paper_date=None,
        financial_year=None,
        parts=[],
        part_docs={},
    )
    recs = extract(doc, ctx).records["attendance"]
    apologies = {r.name_as_printed for r in recs if r.status == "apologies"}
    assert apologies == {"Cllr Hillard", "County Cllr Webb"}


def test_a_plural_honorific_ends_with_its_sentence():
    from extractors.values.names import split_people

    # London Borough of Merton, Audit Committee minutes of 24 September 2009
    text = (
        "Councillors Chris Edge (Chairman), Mark Betteridge and Martin Whelton.\n"
        "Caroline Holland (Director of Corporate Services), Grant Miles\n(Head of Finance)"
    )
    names = [e.name for e in split_people(text)]
    assert names == [
        "Councillor Chris Edge",
        "Councillor Mark Betteridge",
        "Councillor Martin Whelton",
        "Caroline Holland",
        "Grant Miles",
    ]


def test_the_clerk_listed_as_present_is_an_officer():
    from extractors.records.attendance import attendance_records
    from extractors.text.meeting_text import Line

    # Burton-cum-Walden PC, 5 March 2024 (the paper's words)
    printed = [
        "Present: Miss Jane Ritchie, Mr Andrew Landau and Mrs Victoria Whitehead, "
        "Councillors, and Mrs Susan Ryding, Clerk"
    ]
    recs = attendance_records([Line(t, 1, first=True) for t in printed], "m", "p")
    status = {r.name_as_printed: r.status for r in recs}
    assert status["Mrs Susan Ryding"] == "officer"
    assert status["Miss Jane Ritchie"] == "present"


def test_people_with_job_titles_listed_after_the_members_are_officers():
    from extractors.records.attendance import attendance_records
    from extractors.text.meeting_text import Line

    # London Borough of Merton, Audit Committee minutes of 24 September 2009
    printed = [
        "ALSO PRESENT: Councillors Chris Edge (Chairman), Mark Betteridge and Martin Whelton.",
        "Caroline Holland (Director of Corporate Services), Grant Miles (Head of Finance)",
    ]
    recs = attendance_records([Line(t, 1, first=k == 0) for k, t in enumerate(printed)], "m", "p")
    status = {r.name_as_printed: r.status for r in recs}
    assert status["Councillor Mark Betteridge"] == "also_present"
    assert status["Caroline Holland"] == "officer"
    assert status["Grant Miles"] == "officer"


def test_names_printed_side_by_side_are_split_by_initials_or_honorifics():
    from extractors.records.attendance import match_label
    from extractors.values.names import split_people

    # Ayton CC, 3 June 2014: "PRESENT" then two columns of "Name INITIALS"
    status, rest = match_label("PRESENT Kenny Combe KC Dick Noble DN")
    assert status == "present"
    names = [
        e.name
        for e in split_people(
            rest + "\nJohn Slater JS Raymond Allan RA\nRob Weatherston RW Margaret Carey MCa"
        )
    ]
    assert names == [
        "Kenny Combe",
        "Dick Noble",
        "John Slater",
        "Raymond Allan",
        "Rob Weatherston",
        "Margaret Carey",
    ]
    # Stoke Ferry PC, 24 April 2019: each name opens with its own "Cllr"
    entries = split_people(
        "Cllr Sue Lintern (Chair) Cllr Daphne Clements Cllr Kit Hesketh-Harvey Cllr Mandy Leamon"
    )
    assert [e.name for e in entries] == [
        "Cllr Sue Lintern",
        "Cllr Daphne Clements",
        "Cllr Kit Hesketh-Harvey",
        "Cllr Mandy Leamon",
    ]
    assert [e.chair for e in entries] == [True, False, False, False]
    # a list that separates its names keeps a shared "and" and plural honorific as before
    assert [e.name for e in split_people("Cllrs Hodivala (Chairman), Hewett and Mosson")] == [
        "Councillor Hodivala",
        "Councillor Hewett",
        "Councillor Mosson",
    ]


def test_police_and_residents_in_a_present_list():
    # Broomhill CC, 12 November 2025, minute 1 "Committee Members Present were: ..."
    doc = text_doc(
        "Minutes of Meeting (no.445) of Broomhill Community Council\n\n"
        "Present: Barbara McTavish (BMcT,chair), Roy Hamdy (RH), PC Andy McKay, "
        "PC Tambir Ammed and Residents Fiona Miller, Mark Orr, Norman McLeod.\n\n"
        "2. Minutes of Previous Meetings. Approved online via slack."
    )
    got = attendance.extract(doc, PaperContext(paper_id="p", doc_type="minutes")).records[
        "attendance"
    ]
    status = {a.name_as_printed: a.status for a in got}
    assert status == {
        "Barbara McTavish": "present",
        "Roy Hamdy": "present",
        "PC Andy McKay": "also_present",
        "PC Tambir Ammed": "also_present",
        "Fiona Miller": "observer",
        "Mark Orr": "observer",
        "Norman McLeod": "observer",
    }


def test_attendance_printed_in_an_opening_minute():
    # Burton-cum-Walden PC annual parish meeting, 25 April 2023 (before the first minute)
    status, rest = attendance.match_label(
        "Members of the Council present were: Councillors Jane Ritchie, Chairman"
    )
    assert status == "present" and rest.startswith("Councillors Jane Ritchie")
    # Broomhill CC, 11 February 2026: the reader joins the title and the list
    assert attendance._label_after_title(
        "Welcome Committee members present were: Barbara McTavish (BMcT, chair), Roy Hamdy"
    ).startswith("Committee members present were:")
    assert attendance._label_after_title("Police Report PC McKay reported on thefts") is None


def test_a_chair_titled_before_the_name_and_a_couple_sharing_a_surname():
    from extractors.values.names import split_people

    # Tintern CC, 26 November 2018: "Present: Chairman Cllr Mrs Shewell, Cllrs Hayward, ..."
    got = split_people("Chairman Cllr Mrs Shewell, Cllrs Hayward, Hoskins & Evans")
    assert [(e.name, e.chair) for e in got] == [
        ("Cllr Mrs Shewell", True),
        ("Councillor Hayward", False),
        ("Councillor Hoskins", False),
        ("Councillor Evans", False),
    ]
    # Hertingfordbury PC, 13 March 2019, "In attendance: ... Steve & Emma Davies, Vicki
    # Mitchell & Josh Allan"; names under a plural honorific stay surnames
    got = split_people("Brian Findel-Hawkins, Steve & Emma Davies, Vicki Mitchell & Josh Allan")
    assert [e.name for e in got] == [
        "Brian Findel-Hawkins",
        "Steve Davies",
        "Emma Davies",
        "Vicki Mitchell",
        "Josh Allan",
    ]


def test_an_officer_and_another_councils_councillor_run_together_with_the_members():
    from extractors.values.names import split_people

    # Milburn PC, 26 January 2021 and 8 May 2018; Newbiggin PC, 3 September 2019
    got = split_people(
        "Councillors D Richardson (Chair), R. Healey, N Cresswell and\n"
        "P Moran Clerk Mrs J Todd Eden District Councillor A Armstrong and\n"
        "Councillor A Connell plus ten guests"
    )
    assert [(e.name, e.position, e.organisation) for e in got][3:6] == [
        ("Councillor P Moran", None, None),
        ("Mrs J Todd", "Clerk", None),
        ("Eden District Councillor A Armstrong", None, "Eden District Council"),
    ]
    got = split_people("P Moran Clerk J Connelly\nMembers of the Public - Two Members")
    assert [(e.name, e.position) for e in got] == [("P Moran", None), ("J Connelly", "Clerk")]
    got = split_people("A Armstrong (EDC) Clerk J Brampton")
    assert [(e.name, e.position) for e in got] == [("A Armstrong", None), ("J Brampton", "Clerk")]


def test_initials_printed_after_a_names_bracket():
    from extractors.values.names import split_people

    # Ayton CC, 8 July 2008: "Rob Boyd (Chair) RB Raymond Allan RA" / "Michael Cook (SBC) MC"
    got = split_people(
        "Rob Boyd (Chair) RB Raymond Allan RA\nMichael Cook (SBC) MC Paul Wilson PW\nKenny Combe KC"
    )
    assert [(e.name, e.organisation, e.chair) for e in got] == [
        ("Rob Boyd", None, True),
        ("Raymond Allan", None, False),
        ("Michael Cook", "SBC", False),
        ("Paul Wilson", None, False),
        ("Kenny Combe", None, False),
    ]
    # a bracket of initials is the name's own and a bracketed role still splits the list
    got = split_people("Nick Oakhill (NO) Jane Smith (Clerk)")
    assert [(e.name, e.position) for e in got] == [("Nick Oakhill", None), ("Jane Smith", "Clerk")]


def test_a_dash_after_the_label_and_names_opening_with_initials() -> None:
    # Wretton PC, 4 January 2016: "Present– Cllr David Llewellyn - Chairman, Cllr Mandy Peake,
    # ..."; Wereham PC, 11 January 2011: "Present: P. Markwell - Chairman, D. Pickston P.
    # Norris, Mrs. Everitt and Mrs. Newel!."
    from pathlib import Path

    from pipeline.process import process_paper

    p = Path("samples/corpus/wretton-pc-norfolk/2016-01-04-minutes.txt")
    rows = process_paper(str(p), p.name, p.read_bytes(), "p").records["attendance"]
    chair = [a.name_as_printed for a in rows if a.chair]
    assert chair == ["Cllr David Llewellyn"]
    assert "Cllr Mandy Peake" in {a.name_as_printed for a in rows}
    p = Path("samples/corpus/wereham-pc-norfolk/2011-01-11-minutes.txt")
    rows = process_paper(str(p), p.name, p.read_bytes(), "q").records["attendance"]
    names = {a.name_as_printed for a in rows if a.status == "present"}
    assert {"D. Pickston", "P. Norris"} <= names
    assert [a.name_as_printed for a in rows if a.chair] == ["P. Markwell"]


def test_an_attendance_label_in_capitals_run_in_after_other_words() -> None:
    # West Dereham PC, 3 December 2020, the whole paper one paragraph: "... PLACE: Virtual
    # Meeting using Zoom PRESENT: Lorraine Hunt (Chair), Nick Drew, Stuart Glover, Keith Gore,
    # Susan Pepper (Councillors) Linda Arthur (Clerk) Andy Challen (Chair Village Hall
    # Management Committee) PUBLIC: 1 ---"
    from pathlib import Path

    from pipeline.process import process_paper

    p = Path("samples/corpus/west-dereham-pc-norfolk/2020-12-03-minutes.txt")
    rows = process_paper(str(p), p.name, p.read_bytes(), "p").records["attendance"]
    present = {a.name_as_printed for a in rows if a.status == "present"}
    assert {"Lorraine Hunt", "Nick Drew", "Stuart Glover", "Keith Gore", "Susan Pepper"} <= present
    assert [a.name_as_printed for a in rows if a.chair] == ["Lorraine Hunt"]
    assert [a.name_as_printed for a in rows if a.status == "officer"] == ["Linda Arthur"]
