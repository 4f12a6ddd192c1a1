"""Doc type from structure when no cue names the paper (issue 13, point 5), and when a paper of
several parts is an agenda pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.formats import read_document
from extractors.stages.classify import Classification, classify
from extractors.stages.segment import Segment, paper_type
from schemas.document import Block, Document, DocumentMeta, Page
from schemas.records import Part


def _doc(*texts: str) -> Document:
    return Document(
        [Page(1, [Block("paragraph", t, 1) for t in texts])], DocumentMeta(page_count=1)
    )


def test_numbered_items_reporting_a_meeting_are_minutes():
    # Broomhill CC, 11 February 2026 (the paper's words): headed "Minute", the Scottish title
    # of minutes (a cue); without that line, no cue phrase is left and the numbered items
    # reporting a meeting held make it minutes by their structure
    lines = [
        "BCC Minute 1 11/02/2026",
        "Meeting (no.447) of",
        "Broomhill Community Council",
        "11th February 2026 19.00",
        "Minute",
        "1. Welcome",
        "2. Introductions",
        "3. Sederunt and Apologies",
        "Apologies were received from Abigail Harding, Cllr Eunis Jassemi and PC Andy McKay",
        "4. Previous Minute",
        "The pervious minute was approved online, via Slack.",
    ]
    got = classify(_doc(*lines))
    assert (got.doc_type, got.confidence) == ("minutes", 1.0)
    got = classify(_doc(*[line for line in lines if line != "Minute"]))
    assert (got.doc_type, got.confidence) == ("minutes", 0.5)


def test_numbered_items_of_a_meeting_to_come_are_an_agenda():
    doc = _doc(
        "Meeting of the Village Hall Committee to be held on 3 March 2026",
        "1. Chair's welcome",
        "2. Accounts",
        "3. Repairs to the roof",
    )
    assert classify(doc).doc_type == "agenda"


def test_a_paper_with_neither_cues_nor_numbered_items_stays_unknown():
    doc = _doc("Notes on the parking survey", "Residents raised the parking problem again.")
    assert classify(doc).doc_type == "unknown"


def _parts(*types: str) -> list[Segment]:
    return [
        Segment(Part(paper_id="p", part_no=n, type=t, page_from=n, page_to=n), _doc("x"))
        for n, t in enumerate(types, 1)
    ]


@pytest.mark.parametrize(
    ("whole", "types", "expected"),
    [
        ("report", ("agenda", "minutes", "other", "report"), ("agenda_pack", 0.75)),
        ("agenda", ("other", "report"), ("agenda_pack", 0.5)),
        ("unknown", ("report", "report"), ("agenda_pack", 0.5)),
        ("minutes", ("minutes", "report"), ("minutes", 0.9)),  # minutes with an appendix
        ("agenda", ("agenda",), ("agenda", 0.9)),  # one part: the classification stands
    ],
)
def test_a_paper_of_several_parts_opening_with_an_agenda_is_an_agenda_pack(whole, types, expected):
    assert paper_type(Classification(whole, 0.9, {}), _parts(*types)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2026-03-23-agenda-minutes-overview-scrutiny-committee.html", "minutes"),
        ("2026-06-01-agenda-overview-scrutiny-committee.html", "agenda"),
        ("2026-06-05-agenda-decisions-joint-committee.html", "agenda"),
    ],
)
def test_a_meeting_web_page_is_named_by_its_heading(name, expected):
    """ModernGov heads a meeting's page 'Agenda', 'Agenda and decisions' or 'Agenda and minutes';
    the minutes page stays minutes although its text talks of briefings."""
    path = Path(__file__).parent.parent / "samples" / "corpus" / "west-of-england-ca" / name
    doc = read_document(path)
    assert classify(doc, doc.meta.title).doc_type == expected


def test_a_decision_recording_form_is_a_decision():
    """Bristol's 'Decision Recording Form' is the committee's record of decision (Kent prints
    'Record of Decision'); its minutes-like members list does not make it minutes."""
    name = "2025-10-23-decisions-transport-connectivity-policy-committee.pdf"
    path = Path(__file__).parent.parent / "samples" / "corpus" / "bristol-cc" / name
    doc = read_document(path)
    assert classify(doc, doc.meta.title).doc_type == "decision"


def test_a_payments_cash_sheet_is_no_spend_plan_and_a_budget_sheet_is_one():
    # Burton-cum-Walden PC's "Cash Sheet - Payments 2024-5" prints a "Totals" line and nothing
    # else a cue knows: a weak cue alone decides nothing, and the sheet is no spend plan
    burton = read_document(
        Path("samples/corpus/burton-cum-walden-pc/2025-03-31-payments-2024-25.pdf")
    )
    assert classify(burton, burton.meta.title).doc_type == "unknown"
    # Tintern CC's sheet heads its columns "ITEM Budget 2017-18 Spent Budget 2018-19"
    tintern = read_document(
        Path("samples/corpus/tintern-cc-monmouthshire/2018-04-01-budget-2018-19.pdf")
    )
    assert classify(tintern, tintern.meta.title).doc_type == "spend_plan"
    # Kent's budget book: "APPENDIX E - 2025-26 Proposed Budget by Directorate"
    kent = read_document(Path("samples/real/kent-budget-by-directorate-2025-26.pdf"))
    assert classify(kent, kent.meta.title).doc_type == "spend_plan"


def test_a_report_by_its_heading_or_its_pages_of_prose():
    # Kent's "Details of Core Grants within the 2025-26 Final Local Government Finance
    # Settlement" (Appendix K): pages of running prose, no meeting, no cue -> a report; Kent's
    # "Armed Forces Covenant Annual Report 2024" is named one in its heading
    grants = read_document(Path("samples/real/kent-government-grants-lgfs-2025-26.pdf"))
    assert classify(grants, grants.meta.title).doc_type == "report"
    covenant = read_document(Path("samples/real/kent-armed-forces-covenant-annual-report-2024.pdf"))
    assert classify(covenant, covenant.meta.title).doc_type == "report"
    # Welsh minutes are no report: their Welsh cues ("Cynhaliwyd cyfarfod ...", "PRESENNOL",
    # "Derbyniwyd ymddiheuriadau") make them minutes
    welsh = read_document(Path("samples/corpus/manordeilo-salem-cc/2019-03-13-minutes-welsh.pdf"))
    assert classify(welsh, welsh.meta.title).doc_type == "minutes"
