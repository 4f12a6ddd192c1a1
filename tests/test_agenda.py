"""Agenda front sheets: meeting, membership and items (pages, to follow, exempt)."""

import datetime as dt
from pathlib import Path

from extractors.base import PaperContext
from extractors.formats import read_document
from extractors.records import agenda
from tests.test_minutes import text_doc

FIX = Path(__file__).parent / "fixtures" / "meetings"
SAMPLE = Path(__file__).parent.parent / "samples" / "004_e7a5e62b3e5d6ec5.txt"


def run(text: str):
    ctx = PaperContext(paper_id="p", doc_type="agenda", body="Planning Committee")
    return agenda.extract(text_doc(text), ctx).records


def test_moderngov_front_sheet_labels_and_part_ii():
    recs = run((FIX / "moderngov-agenda-front-sheet-labels-part-ii.txt").read_text())
    (meeting,) = recs["meetings"]
    assert (meeting.date, meeting.start_time) == (dt.date(2021, 10, 6), "18:30")
    assert meeting.venue == "Committee Room 1, Civic Centre, High Street"
    items = [
        (i.number, i.title, i.page_from, i.page_to, i.to_follow, i.exempt)
        for i in recs["agenda_items"]
    ]
    assert items == [
        (1, "Apologies for Absence", None, None, False, False),
        (2, "Minutes of the Previous Meeting", 5, 10, False, False),
        (3, "Planning Application 21/01234/FUL - Land at Mill Lane", 11, 30, False, False),
        (4, "Enforcement Update", None, None, True, False),
        (5, "Exclusion of the Press and Public", None, None, False, False),
        (6, "Legal Advice", 31, 35, False, True),
    ]
    members = [(m.name_as_printed, m.category, m.position) for m in recs["memberships"]]
    assert members == [
        ("Councillor P Green", "chair", None),
        ("Councillor R Blue", "voting", "Vice-Chair"),
        ("Councillor S Red", "voting", None),
        ("Councillor T White", "voting", None),
    ]


def test_kent_front_sheet_venue_beside_contact_column():
    text = (
        "AGENDA\nCABINET\nTuesday, 4th March, 2025, at 10.00 am Ask for: Georgina Little\n"
        "Council Chamber, Sessions House, Telephone: Tel: 03000 414043\n"
        "County Hall, Maidstone Email:\nUNRESTRICTED ITEMS\n1. Apologies\n"
        "2. Declarations of Interest\n3. Minutes of the Meeting held on 30 January 2025 "
        "(Pages 1 - 18)\n4. Late Changes to the 25-26 Budget\n(Pages 19 - 24)\n"
        "EXEMPT ITEMS\n(At the time of preparing the agenda there were no exempt items.)\n"
    )
    recs = run(text)
    (meeting,) = recs["meetings"]
    assert (meeting.date, meeting.start_time) == (dt.date(2025, 3, 4), "10:00")
    assert meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    items = [(i.number, i.page_from, i.page_to, i.exempt) for i in recs["agenda_items"]]
    assert items == [
        (1, None, None, False),
        (2, None, None, False),
        (3, 1, 18, False),
        (4, 19, 24, False),
    ]


def test_sample_004_agenda_part():
    text = SAMPLE.read_text(encoding="utf-8")
    recs = run(text[: text.index("Minutes of the meeting of the SAFERMK")])
    (meeting,) = recs["meetings"]
    assert meeting.venue == "Council Chamber, Civic, 1 Saxon Gate East, Milton Keynes, MK9 3EJ"
    assert [(i.number, i.exempt) for i in recs["agenda_items"]][-2:] == [(9, False), (10, True)]
    cats = [m.category for m in recs["memberships"]]
    assert cats.count("voting") == 6 and cats.count("chair") == 1
    assert cats.count("advisor") == 5 and cats.count("observer") == 4
    assert cats.count("officer") == 5
    smith = next(m for m in recs["memberships"] if m.name_as_printed == "Maralyn Smith")
    assert (smith.position, smith.organisation) == (
        "Chief Executive",
        "MK Dons Sports and Education Trust",
    )


def test_membership_rows_read_without_their_column_gap():
    # a borderless name | role table that the PDF reader returns as one line per member
    recs = run((FIX / "agenda-membership-without-column-gap.txt").read_text())
    got = [(m.name_as_printed, m.category, m.position, m.organisation) for m in recs["memberships"]]
    assert got == [
        ("Michael Bracey", "voting", "Chief Executive", "Milton Keynes Council"),
        (
            "Marc Tarbit",
            "voting",
            "Superintendent/Local Police Area Commander",
            "Thames Valley Police",
        ),
        ("Paul Scanes", "voting", "Group Commander", "Buckinghamshire Fire and Rescue Service"),
        (
            "Councillor Lauren Townsend",
            "chair",
            "Responsible Cabinet Member",
            "Milton Keynes Council",
        ),
        (
            "Parish Councillor Philip Ayles",
            "advisor",
            "Representative of Rural Parish Councils",
            "Rural Parish Councils",
        ),
        ("Councillor Ferrans", "observer", None, "Milton Keynes Council"),
        (
            "Councillor R Bradburn",
            "observer",
            "representative for Thames Valley Police and Crime Panel",
            "Milton Keynes Council",
        ),
        ("Jane Held", "observer", "Independent Safeguarding Scrutineer", None),
    ]


def test_summons_wrapped_titles_and_sign_off():
    recs = run((FIX / "kent-summons-wrapped-titles-sign-off.txt").read_text())
    (meeting,) = recs["meetings"]
    # the meeting's date, not the date the summons was issued
    assert (meeting.date, meeting.start_time) == (dt.date(2025, 2, 13), "09:30")
    items = [
        (i.number, i.title, i.description, i.page_from, i.page_to) for i in recs["agenda_items"]
    ]
    assert items == [
        (1, "Apologies for Absence", None, None, None),
        (
            2,
            "Minutes of the meetings held on 19 December 2024 and 9 January 2025 and, if in "
            "order, to be approved as a correct record",
            None,
            1,
            26,
        ),
        (3, "Section 25 Report", None, 27, 36),
        (4, "Capital Programme 2025-35 and Revenue Budget 2025-26", None, 37, 250),
    ]


def test_supplement_letter_lists_one_item_and_the_meeting_date():
    recs = run((FIX / "kent-supplement-letter-agenda-item-no.txt").read_text())
    (meeting,) = recs["meetings"]
    assert meeting.date == dt.date(2025, 1, 9)  # not the letter's "Date: 7 January 2025"
    items = [(i.number, i.title, i.page_from, i.page_to) for i in recs["agenda_items"]]
    assert items == [(3, "English Devolution White Paper", 1, 18)]


def test_venue_run_into_the_date_line_after_a_contact_label():
    text = (
        "AGENDA\nCABINET\nTuesday, 4th March, 2025, at 10.00 am Ask for: Georgina Little "
        "Council Chamber, Sessions House, County Hall, Maidstone\nTelephone: Tel: 03000 "
        "414043\nUNRESTRICTED ITEMS\n1. Apologies\n"
    )
    (meeting,) = run(text)["meetings"]
    assert meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"


def test_date_without_year_is_completed_with_a_finding():
    ctx = PaperContext(paper_id="p", doc_type="agenda", paper_date=dt.date(2021, 10, 1))
    text = "PLANNING COMMITTEE\nWednesday 6 October at 6.30 pm\nAGENDA\n1. Apologies\n"
    ex = agenda.extract(text_doc(text), ctx)
    assert ex.records["meetings"][0].date == dt.date(2021, 10, 6)
    assert [(f.severity, f.code) for f in ex.findings] == [("info", "date_year_inferred")]


def test_start_on_the_rising_of_another_meeting_has_no_clock_time():
    recs = run((FIX / "kent-agenda-start-on-the-rising-and-scheduled-end.txt").read_text())
    (meeting,) = recs["meetings"]
    assert meeting.date == dt.date(2025, 3, 13)
    assert meeting.start_time is None  # "on the rising of the County Council meeting"
    assert meeting.end_time is None
    assert meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    items = [(i.number, i.title, i.page_from, i.page_to, i.exempt) for i in recs["agenda_items"]]
    assert items == [
        (1, "Apologies", None, None, False),
        (2, "Declarations of Interest", None, None, False),
        (3, "Consideration of Decision 24/00093 (if required)", None, None, False),
        (4, "Disposal of Land at Example Farm", 5, 9, True),
    ]


def test_start_time_printed_before_the_rising_clause_is_kept():
    text = (
        "AGENDA\nCABINET\nThursday, 13th March, 2025, at 3.00 pm (or on the rising of Full "
        "Council, whichever is the later)\nAsk for: Georgina Little\nCouncil Chamber, "
        "Sessions House, County Hall, Maidstone\nUNRESTRICTED ITEMS\n1. Apologies\n"
    )
    (meeting,) = run(text)["meetings"]
    assert (meeting.start_time, meeting.end_time) == ("15:00", None)


def test_summons_scheduled_end_time():
    recs = run((FIX / "kent-summons-scheduled-end-time.txt").read_text())
    (meeting,) = recs["meetings"]
    assert meeting.date == dt.date(2025, 2, 13)  # not the letter's 5 February
    assert (meeting.start_time, meeting.end_time) == ("09:30", "17:00")
    assert meeting.venue == "Council Chamber, County Hall, Maidstone, Kent, ME14 1XQ"
    assert [i.number for i in recs["agenda_items"]] == [1, 2]


def test_items_numbered_on_from_the_last_meeting_and_a_second_agenda():
    from extractors.records.agenda import read_items
    from extractors.text.meeting_text import Line

    # Tintern CC, 20 May 2019: the annual meeting's agenda, then the meeting's own
    printed = [
        "TINTERN COMMUNITY COUNCIL",
        "AGENDA",
        "805. Apologies for absence",
        "806. Confirmation of minutes of 2018 AGM",
        "807. Chairman’s Report",
        "Please note there will be no public forum at this meeting.",
        "TINTERN COMMUNITY COUNCIL",
        "AGENDA",
        "2691. Police Report",
        "2692. Public Forum",
        "2697. Accounts for payment:-",
    ]
    items = read_items([Line(t, 1, first=True) for t in printed])
    assert [(i.number, i.title) for i in items] == [
        (805, "Apologies for absence"),
        (806, "Confirmation of minutes of 2018 AGM"),
        (807, "Chairman’s Report"),
        (2691, "Police Report"),
        (2692, "Public Forum"),
    ]


def test_an_items_purpose_after_its_title_is_its_description():
    from extractors.records.agenda import read_items
    from extractors.text.meeting_text import Line

    # Hertingfordbury PC, 13 March 2019
    printed = [
        "1. APOLOGIES FOR ABSENCE",
        "2. DECLARATIONS OF INTEREST - to note any Members’ Declarations of Interest",
        "3. PLANNING",
        "a) To consider planning applications below:",
    ]
    items = read_items([Line(t, 1, first=True) for t in printed])
    assert [(i.number, i.sub_item, i.title) for i in items] == [
        (1, None, "APOLOGIES FOR ABSENCE"),
        (2, None, "DECLARATIONS OF INTEREST"),
        (3, None, "PLANNING"),
        (3, "a", "To consider planning applications below"),
    ]
    assert items[1].description == "to note any Members’ Declarations of Interest"
    assert items[2].description is None


def test_sub_items_are_items_numbered_under_their_main_item():
    from extractors.records.agenda import read_items
    from extractors.text.meeting_text import Line

    def lines(*texts: str) -> list:
        return [Line(t, 1, True, "paragraph", False, 0) for t in texts]

    # Broomhill CC agenda, 12 November 2025: "(a)" lines, one title in lower case
    got = read_items(
        lines(
            "Agenda",
            "4. Previous Minutes (approved via Slack)",
            "(a) matters arising",
            "5. Councillor reports",
            "6. Office Bearers reports:",
            "(a) Chair",
            "(b) Vice-Chair",
        )
    )
    assert [(i.number, i.sub_item, i.title) for i in got][:1] == [
        (4, None, "Previous Minutes (approved via Slack)")
    ]
    assert [(i.number, i.sub_item, i.title) for i in got][1:] == [
        (4, "a", "matters arising"),
        (5, None, "Councillor reports"),
        (6, None, "Office Bearers reports"),
        (6, "a", "Chair"),
        (6, "b", "Vice-Chair"),
    ]
    # Souldern PC agenda, 29 September 2022: a bare "a" then "b." and "c." run on in one line
    got = read_items(
        lines(
            "Agenda",
            "9 Playground",
            "10 Updates",
            "a Nancy Bowles Wood Advisory Group b. CDC c. OCC",
            "12 Finance To approve monthly accounts payable",
        )
    )
    assert [(i.sub_item, i.title) for i in got if i.number == 10] == [
        (None, "Updates"),
        ("a", "Nancy Bowles Wood Advisory Group"),
        ("b", "CDC"),
        ("c", "OCC"),
    ]
    # Hertingfordbury PC agenda, 13 March 2019: roman sub-items
    got = read_items(
        lines(
            "Agenda",
            "1. APOLOGIES FOR ABSENCE",
            "To consider and approve the following resolutions:",
            "i) The amendment to HPC Code of Conduct",
            "ii) “Recreational Standard” for Village Greens",
        )
    )
    assert [i.sub_item for i in got] == [None, "i", "ii"]


WECA = Path(__file__).parent.parent / "samples" / "corpus" / "west-of-england-ca"


def test_web_agenda_items_from_table_rows_with_the_purpose_under_the_title():
    """A ModernGov 'Agenda' page prints each item as a table row: the number in one cell, the
    title and its purpose on separate lines of the next; a linked title carries the link's size
    label ('Minutes PDF 130 KB'), which is not part of the title."""
    doc = read_document(WECA / "2026-06-01-agenda-overview-scrutiny-committee.html")
    ctx = PaperContext(paper_id="p", doc_type="agenda", body=None)
    items = agenda.extract(doc, ctx).records["agenda_items"]
    assert [(i.number, i.title) for i in items] == [
        (1, "Apologies for absence"),
        (2, "Mayor's Q&A with members"),
        (3, "Declarations of Interest under the Localism Act 2011"),
        (4, "Minutes"),
        (5, "Items from the Public (Questions, Statements and Petitions)"),
        (6, "Chair's Announcements"),
        (7, "Work Plan report"),
        (8, "Items going to the West of England Combined Authority Committee on June 5"),
    ]
    assert items[0].description == "To receive apologies for absence from Members."
