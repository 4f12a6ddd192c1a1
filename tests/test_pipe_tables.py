"""Markdown pipe tables (issue 13): a Word table exported as ``| a | b |`` text, in a text
export or pasted into a web page's paragraphs. The Boughton PC page of 2 August 2013 prints its
minutes so (columns No / Item / Action by / Action date, rows broken over paragraphs); the
2012 page of the same site prints the same kind of table as plain paragraphs (no pipes) and
must read as before. Expected values are the pages' printed words."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.formats import read_document
from extractors.formats.text import read_text
from pipeline.process import process_paper
from schemas.document import Table

BOUGHTON = Path(__file__).parent.parent / "samples" / "corpus" / "boughton-pc-norfolk"
ANNUAL = BOUGHTON / "2012-05-04-agenda-and-minutes-annual-meeting.html"
AUGUST = BOUGHTON / "2013-08-02-agenda-and-minutes.html"


def _tables(path: Path) -> list[Table]:
    doc = read_document(path)
    return [it for p in doc.pages for it in p.items if isinstance(it, Table)]


def _run(path: Path):
    data = path.read_bytes()
    return process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def august():
    return _run(AUGUST)


def test_web_page_pipe_table_is_a_table_with_whole_rows() -> None:
    tables = [t for t in _tables(AUGUST) if t.rows[0] == ["No", "Item", "Action by", "Action date"]]
    assert len(tables) == 1
    rows = tables[0].rows
    assert all(len(r) == 4 for r in rows)
    assert rows[1] == ["1.", "Apologies", "", ""]
    assert rows[2] == ["", "None received", "", ""]
    # "| **3.** | **Matters Arising** |   |</p><p>|" then "|   |</p><p>None</p><p>|   |   |":
    # rows broken over paragraphs still come whole
    k = rows.index(["3.", "Matters Arising", "", ""])
    assert rows[k + 1] == ["", "None", "", ""]
    assert ["", rows[4][1], "DHO", "2/8/13"] == rows[4]
    assert rows[4][1].startswith("Minutes of previous BPC meeting, 3rd May provided by DHO")
    assert ["7.", "Correspondence", "DHO", ""] in rows
    # a cell of several paragraphs keeps them as lines; a list in it keeps an item a line
    finance = next(r[1] for r in rows if r[1].startswith("Audit completed"))
    assert "• Wishing well donation to Brambles - £150.00" in finance.split("\n")


def test_text_export_pipe_table_with_alignment_and_a_broken_row() -> None:
    text = (
        "Payments\n\n"
        "| **Payee** | Purpose | Amount |\n"
        "|:---|:---:|---:|\n"
        "| Village Hall | Hire of hall for\nthe annual meeting | £40.00 |\n"
        "| Clerk | Salary | £250.00 |\n\n"
        "The payments were approved. A | B is not a table.\n"
    ).encode()
    doc = read_text(Path("payments.md"), text)
    items = doc.pages[0].items
    tables = [it for it in items if isinstance(it, Table)]
    assert len(tables) == 1
    assert tables[0].rows == [
        ["Payee", "Purpose", "Amount"],
        ["Village Hall", "Hire of hall for\nthe annual meeting", "£40.00"],
        ["Clerk", "Salary", "£250.00"],
    ]
    texts = [it.text for it in items if not isinstance(it, Table)]
    assert texts == ["Payments", "The payments were approved. A | B is not a table."]


def test_pipes_without_a_delimiter_row_stay_text() -> None:
    doc = read_text(Path("note.txt"), b"| Agenda | Minutes |\n| 1 | 2 |\n")
    assert not any(isinstance(it, Table) for it in doc.pages[0].items)


def test_minutes_in_a_pipe_table_give_their_items(august) -> None:
    items = [(m.ref, m.title) for m in august.records["minute_items"]]
    assert [ref for ref, _ in items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert items[0] == ("1", "Apologies")
    assert items[2] == ("3", "Matters Arising")
    assert items[5] == ("6", "Financial Report")


def test_gift_in_a_list_inside_a_pipe_table_cell(august) -> None:
    rows = [
        (f.recipient, f.amount_gbp, f.kind)
        for f in august.records["funding"]
        if f.amount_gbp == Decimal("150.00")
    ]
    assert len(rows) == 1
    assert "Brambles" in rows[0][0] and rows[0][2] == "grant_award"
    # the cheques to suppliers in the same list are payments, not funding
    assert not any(f.amount_gbp == Decimal("85.27") for f in august.records["funding"])


def test_page_without_pipe_table_reads_as_before() -> None:
    assert not _tables(ANNUAL) or all(
        "|" not in c for t in _tables(ANNUAL) for r in t.rows for c in r
    )
    result = _run(ANNUAL)
    refs = [m.ref for m in result.records["minute_items"]]
    assert refs == ["1", "2", "3", "4", "5", "6", "7", "8"]


def test_decisions_in_minutes_printed_as_a_table(august) -> None:
    texts = {(r.minute_ref, r.text) for r in august.records["resolutions"]}
    # the Item cell's words, not the Action by / Action date cells ("DHO", "2/8/13")
    assert (
        "2",
        "Minutes of previous BPC meeting, 3rd May provided by DHO, agreed, signed and "
        "initialled throughout by FRE, file to copy.",
    ) in texts
    # an item of a list in the cell is a paragraph of its own
    assert ("6", "J Cross Audit - £25, £5 increase for petrol costs, Council Agreed") in texts
    assert any(ref == "4" and "claim by WR.Chapman & son" in t for ref, t in texts)
