"""Agenda front sheets: meeting, membership and items (pages, to follow, exempt)."""

import datetime as dt
from pathlib import Path

from extractors import agenda
from extractors.base import PaperContext
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
    items = [(i.number, i.title, i.page_from, i.page_to, i.to_follow, i.exempt)
             for i in recs["agenda_items"]]
    assert items == [
        (1, "Apologies for Absence", None, None, False, False),
        (2, "Minutes of the Previous Meeting", 5, 10, False, False),
        (3, "Planning Application 21/01234/FUL - Land at Mill Lane", 11, 30, False, False),
        (4, "Enforcement Update", None, None, True, False),
        (5, "Exclusion of the Press and Public", None, None, False, False),
        (6, "Legal Advice", 31, 35, False, True)]
    members = [(m.name_as_printed, m.category, m.position) for m in recs["memberships"]]
    assert members == [("Councillor P Green", "chair", None),
                       ("Councillor R Blue", "voting", "Vice-Chair"),
                       ("Councillor S Red", "voting", None),
                       ("Councillor T White", "voting", None)]


def test_kent_front_sheet_venue_beside_contact_column():
    text = ("AGENDA\nCABINET\nTuesday, 4th March, 2025, at 10.00 am Ask for: Georgina Little\n"
            "Council Chamber, Sessions House, Telephone: Tel: 03000 414043\n"
            "County Hall, Maidstone Email:\nUNRESTRICTED ITEMS\n1. Apologies\n"
            "2. Declarations of Interest\n3. Minutes of the Meeting held on 30 January 2025 "
            "(Pages 1 - 18)\n4. Late Changes to the 25-26 Budget\n(Pages 19 - 24)\n"
            "EXEMPT ITEMS\n(At the time of preparing the agenda there were no exempt items.)\n")
    recs = run(text)
    (meeting,) = recs["meetings"]
    assert (meeting.date, meeting.start_time) == (dt.date(2025, 3, 4), "10:00")
    assert meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    items = [(i.number, i.page_from, i.page_to, i.exempt) for i in recs["agenda_items"]]
    assert items == [(1, None, None, False), (2, None, None, False), (3, 1, 18, False),
                     (4, 19, 24, False)]


def test_sample_004_agenda_part():
    text = SAMPLE.read_text(encoding="utf-8")
    recs = run(text[:text.index("Minutes of the meeting of the SAFERMK")])
    (meeting,) = recs["meetings"]
    assert meeting.venue == "Council Chamber, Civic, 1 Saxon Gate East, Milton Keynes, MK9 3EJ"
    assert [(i.number, i.exempt) for i in recs["agenda_items"]][-2:] == [(9, False), (10, True)]
    cats = [m.category for m in recs["memberships"]]
    assert cats.count("voting") == 6 and cats.count("chair") == 1
    assert cats.count("advisor") == 5 and cats.count("observer") == 4
    assert cats.count("officer") == 5
    smith = next(m for m in recs["memberships"] if m.name_as_printed == "Maralyn Smith")
    assert (smith.position, smith.organisation) == ("Chief Executive",
                                                    "MK Dons Sports and Education Trust")
