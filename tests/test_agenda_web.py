"""Agendas on web pages: numbered lists whose numbers the page prints, not the text (HTML
``<ol>``), and minutes that print their meeting's summons and agenda before the record. The two
Boughton Parish Council pages (issue 13), each run once through the per-paper stages. Expected
values are the pages' printed words."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from extractors.formats import read_document
from extractors.records.agenda import agenda_at_head, list_numbers, read_items
from extractors.text.meeting_text import lines_of
from pipeline.process import process_paper

BOUGHTON = Path(__file__).parent.parent / "samples" / "corpus" / "boughton-pc-norfolk"
ANNUAL = BOUGHTON / "2012-05-04-agenda-and-minutes-annual-meeting.html"
AUGUST = BOUGHTON / "2013-08-02-agenda-and-minutes.html"


def _run(path: Path):
    data = path.read_bytes()
    return process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def annual():
    return _run(ANNUAL)


@pytest.fixture(scope="module")
def august():
    return _run(AUGUST)


def _items(result) -> list[tuple[str, str]]:
    return [(f"{a.number}{a.sub_item or ''}", a.title) for a in result.records["agenda_items"]]


def test_ordered_list_items_take_the_numbers_the_page_prints():
    """An <ol>'s items carry no number in their text; the page numbers them 1, 2, 3 ... and a
    new list (after a paragraph, or a bulleted list) starts again at 1."""
    lines = lines_of(read_document(ANNUAL))
    numbered = {lines[i].text: n for i, n in list_numbers(lines).items()}
    assert numbered["Apologies for Absence"] == 1
    assert numbered["Standard Forms Review"] == 4
    assert "Risk assessment ( Processes & Pond)" not in numbered  # a bullet under item 4
    assert numbered["Authorised Bank Transaction Signatories."] == 1  # a one-item <ol>


def test_agenda_printed_before_the_minutes_gives_the_meetings_items(august):
    """'Councillors are summoned to a meeting on 2nd August 2013 ...' then 'Apologies' (not
    numbered), a list 1-4 and typed roman sub-items of item 4, one printed 'viii' with no
    full stop; the minutes that follow ('Present:', '1. Apologies', ...) are not items."""
    assert _items(august) == [
        ("1", "Minutes meeting 3rd May 2013"),
        ("2", "Matters Arising"),
        ("3", "Chairman’s Report – F. Reid"),
        ("4", "Report from Councillors"),
        ("4i", "Highways T. Roberts"),
        ("4ii", "Drainage G. Proctor"),
        ("4iii", "Signs & Communications P. Agate"),
        ("4iv", "Planning D. Horkan"),
        ("4v", "Fen Report M. Pogmore"),
        ("4vi", "Playground A. Beeston"),
        ("4vii", "Public Footpaths D. Cooper"),
        ("4viii", "Correspondence"),
    ]
    (meeting,) = august.records["meetings"]  # the agenda is the recorded meeting's: one meeting
    assert meeting.source == "minutes"
    assert {a.meeting_id for a in august.records["agenda_items"]} == {meeting.meeting_id}


def test_typed_numbers_continue_a_list_and_the_agenda_ends_at_the_attendance(annual):
    """Items 1-4 are an <ol>, '5. Matters Arising' to '7. Financial Report ...' typed
    paragraphs; the minutes' '1. Apologies: None required' after 'Present:' is no item."""
    assert _items(annual) == [
        ("1", "Apologies for Absence"),
        ("2", "Election of officers (Chairman, Vice Chairman)"),
        ("3", "Minutes ofAGM2010 – D Horkan"),
        ("4", "Standard Forms Review"),
        ("5", "Matters Arising"),
        ("6", "Committees"),
        ("7", "Financial Report and Adoption of Accounts D Horkan"),
    ]
    head = agenda_at_head(lines_of(read_document(ANNUAL)))
    assert head[0].text == "Apologies for Absence"
    assert head[-1].text.startswith("Date held: 4th May 2012")
    assert len(read_items(head, web_lists=True)) == 7


def test_meeting_date_is_read_past_the_pages_menu(annual, august):
    """The page's menu (Village, Boughton, 2001 ... 2021, ...) comes before the text: the
    meeting's date is the one the summons prints ('4th May 2012', 'on 2nd August 2013')."""
    assert [m.date for m in annual.records["meetings"]] == [dt.date(2012, 5, 4)]
    assert [m.date for m in august.records["meetings"]] == [dt.date(2013, 8, 2)]


# --- an item number the reader could not separate ---------------------------------------------

CORPUS = BOUGHTON.parent


def _read(path: Path) -> list[tuple[int, str]]:
    return [(i.number, i.title) for i in read_items(lines_of(read_document(path)))]


def test_item_run_on_at_the_end_of_the_line_before_is_split_off():
    """Burton-cum-Walden PC's agenda prints items 1 to 13; the text layer runs item 4 on at the
    end of item 3's line ('... held on Tuesday 7 October 2025 4. To receive a report from the
    Clerk ...'). Item 4 is split off and the items after it are read."""
    items = _read(CORPUS / "burton-cum-walden-pc" / "2025-11-04-agenda.pdf")
    assert [n for n, _ in items] == list(range(1, 14))
    assert items[2] == (
        3,
        "To confirm the minutes of the Parish Council Meeting held on Tuesday 7 October 2025",
    )
    assert items[3] == (4, "To receive a report from the Clerk on the following matters")
    assert items[7] == (8, "To consider a notice from the Land Registry")
    assert items[12] == (13, "To consider items for the next agenda")


def test_item_number_set_against_its_title_is_the_next_item():
    """Horsley PC's scanned agenda prints items 1 to 19; OCR reads '7 Planning' as '7Planning'.
    Item 7 is read and so are items 8 to 19."""
    items = _read(CORPUS / "horsley-pc-glos" / "2014-04-29-agenda.pdf")
    assert [n for n, _ in items] == list(range(1, 20))
    assert items[6][1].startswith("Planning")
    assert items[6][1].endswith("Chavenage Dairy Proposed Development Presentation")
    assert items[7] == (8, "Village Pavilion")
    assert items[18] == (19, "Casual Vacancy")
