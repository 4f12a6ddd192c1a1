"""Meeting pages that print each item as a table row with its minutes or decision: the three
West of England Combined Authority ModernGov pages ('Agenda', 'Agenda and minutes', 'Agenda
and decisions'), each run once through the per-paper stages. Expected values are the pages'
printed words."""

import hashlib
from pathlib import Path

import pytest

from extractors.formats import read_document
from extractors.records.item_rows import item_rows, read_decision
from pipeline.process import process_paper

CORPUS = Path(__file__).parent.parent / "samples" / "corpus"
WECA = CORPUS / "west-of-england-ca"


def _run(path: Path):
    data = path.read_bytes()
    return process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def minutes_page():
    return _run(WECA / "2026-03-23-agenda-minutes-overview-scrutiny-committee.html")


@pytest.fixture(scope="module")
def decisions_page():
    return _run(WECA / "2026-06-05-agenda-decisions-joint-committee.html")


def _resolutions(result, ref: str) -> list[tuple[int, str]]:
    return [(r.number, r.text) for r in result.records["resolutions"] if r.minute_ref == ref]


def test_agenda_and_minutes_page_rows_are_minute_items_and_agenda_items(minutes_page):
    """Each row of an 'Agenda and minutes' page is a minute (ref = the printed number, title =
    the printed title without its 'PDF 162 KB' link label) and an agenda item, all of one
    meeting."""
    minutes = minutes_page.records["minute_items"]
    assert [m.ref for m in minutes] == [str(n) for n in range(1, 11)]
    assert minutes[1].title == "Minutes"  # printed 'Minutes PDF 162 KB'
    assert minutes[2].text == "There were none."
    assert minutes[6].title == "Digital and IT Systems Strategy Overview"
    agenda = minutes_page.records["agenda_items"]
    assert [a.number for a in agenda] == list(range(1, 11))
    assert agenda[1].description.startswith("To consider and approve the minutes from the 26")
    meetings = {m.meeting_id for m in minutes_page.records["meetings"]}
    assert len(meetings) == 1
    assert {r.meeting_id for r in minutes + agenda + minutes_page.records["resolutions"]} == (
        meetings
    )


def test_agenda_and_minutes_page_resolutions(minutes_page):
    """'Resolved:' paragraphs give the decisions; a minute that is one sentence worded as a
    decision is one too; minutes cut short by the page stop where the page stops."""
    assert _resolutions(minutes_page, "7") == [(1, "That the report be noted.")]
    assert _resolutions(minutes_page, "9") == [(1, "That the report be noted.")]
    assert _resolutions(minutes_page, "2") == [
        (1, "The minutes of the meeting held on 26 January 2026 were approved.")
    ]
    (item8,) = _resolutions(minutes_page, "8")
    assert item8[1].startswith("Committee: Endorsed the amended Terms of Reference")
    assert item8[1].endswith("attached at Appendix 1 of the report and noted")
    for ref in ("1", "3", "4", "5", "6", "10"):  # discussion, no decision printed
        assert _resolutions(minutes_page, ref) == []
    cut = [f.message for f in minutes_page.records["findings"] if f.code == "item_text_cut"]
    assert [m.split("item ")[1].split("'")[0] for m in cut] == ["1", "6", "8", "10"]


def test_agenda_and_decisions_page_one_resolution_per_numbered_point(decisions_page):
    """'Decision:' with a lead-in and (1), (2) ... points gives one resolution per point, the
    lead-in ('That the West of England Combined Authority Committee:') left out; a point whose
    words run on into the next paragraph is one resolution; unnumbered text is number 1."""
    assert decisions_page.records.get("minute_items", []) == []  # no minutes printed
    item9 = _resolutions(decisions_page, "9")
    assert [n for n, _ in item9] == list(range(1, 10))
    assert (
        item9[1][1] == "Allocated £5m of Investment Fund capital to create a Nature Recovery Fund;"
    )
    assert item9[8][1] == "Delegated oversight of the ZTEC funding to the"  # cut by the page
    assert _resolutions(decisions_page, "10")[0] == (
        1,
        "Approved the change requests for schemes within the current Investment Fund programme "
        "as set out in Appendix 1;",
    )
    assert _resolutions(decisions_page, "19") == [
        (
            1,
            "That the Committee approved the revised Corporate Risk Management Framework as set "
            "out in Appendix 1.",
        )
    ]
    texts = [r.text for r in decisions_page.records["resolutions"]]
    assert not any("Combined Authority Committee:" in t for t in texts)
    refs = {r.minute_ref for r in decisions_page.records["resolutions"]}
    assert refs == {str(n) for n in range(8, 23)}  # items 1-7 print no decision
    (meeting,) = decisions_page.records["meetings"]
    assert {r.meeting_id for r in decisions_page.records["resolutions"]} == {meeting.meeting_id}
    verbs = {r.verb for r in decisions_page.records["resolutions"]}
    assert None not in verbs and {"delegated", "noted", "approved", "endorsed"} <= verbs


def test_agenda_page_and_other_html_have_no_item_records():
    """An 'Agenda' page's item table has no Minutes:/Decision: sections, and a page of minutes
    printed as paragraphs has no item table: neither gives item rows."""
    assert (
        item_rows(read_document(WECA / "2026-06-01-agenda-overview-scrutiny-committee.html")) == []
    )
    stoke = CORPUS / "stoke-ferry-pc-norfolk" / "2019-04-24-minutes-extraordinary.html"
    assert item_rows(read_document(stoke)) == []


def test_decision_lettered_points_and_marked_resolution():
    """A lettered list is numbered by position; a decision printed 'RESOLVED:' is read as a
    minutes paper's RESOLVED block."""
    got = read_decision(["That Cabinet:", "(a) approved the strategy;", "(b) noted the risks."], 3)
    assert [(r.number, r.text) for r in got] == [
        (1, "approved the strategy;"),
        (2, "noted the risks."),
    ]
    got = read_decision(["RESOLVED: That the report be noted."], 3)
    assert [(r.number, r.text) for r in got] == [(1, "That the report be noted.")]
