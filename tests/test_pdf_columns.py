"""Borderless tables of left-aligned columns in PDFs, and attendance printed as such columns
under a row of labels (Souldern PC prints Present / Members of the Public / Apologies so)."""

from __future__ import annotations

import hashlib

import pytest

from extractors.formats import read_document
from pipeline.process import process_paper
from schemas.document import Table
from tests.conftest import SAMPLES

SOULDERN = SAMPLES / "corpus" / "souldern-pc-oxon"
MANORDEILO = SAMPLES / "corpus" / "manordeilo-salem-cc" / "2019-03-13-minutes.pdf"


def tables(path) -> list[tuple[int, Table]]:
    doc = read_document(path)
    return [(p.number, t) for p in doc.pages for t in p.items if isinstance(t, Table)]


def test_columns_under_a_header_line_are_one_table_cell_by_cell():
    found = tables(SOULDERN / "2018-05-24-minutes.pdf")
    page, table = found[0]
    assert page == 1
    assert table.rows[0] == ["Present:", "Members of the Public:", "Apologies:"]
    assert table.rows[1] == ["Nick Oakhill (NO) CHAIR", "David Carlisle", "Chris Rothero"]
    # a short column keeps its place: "Bruce May (BM)   Carol Gray" has no third cell
    assert table.rows[3] == ["Bruce May (BM)", "Carol Gray", ""]
    # the second column runs on past the first, after a blank line
    assert [r[1] for r in table.rows[-3:]] == [
        "Carol Couzens",
        "Diana Stephens",
        "Cllr Arash Fatemian",
    ]
    assert all(not r[0] for r in table.rows[-3:])
    # the numbered minutes below hang their titles off the numbers: not a table
    assert not any("05.18.01" in c for _, t in found for r in t.rows for c in r)


def test_a_margin_column_of_actions_and_a_column_of_amounts_stay_text():
    # Manordeilo and Salem CC, 13 March 2019: "xi) Cylch Meithrin Ffairfach re financial
    # support. ...   Clerk" and "vi) Marie Curie, fundraising Whist Drive, Chq No 1307   400.00"
    cells = [c for _, t in tables(MANORDEILO) for r in t.rows for c in r]
    assert not any(c in ("Noted", "Clerk", "400.00") for c in cells)


@pytest.fixture(scope="module")
def souldern() -> dict[str, dict[str, str]]:
    out = {}
    for name in ("2018-05-24-minutes.pdf", "2025-11-27-minutes.pdf"):
        data = (SOULDERN / name).read_bytes()
        result = process_paper(str(SOULDERN / name), name, data, hashlib.sha256(data).hexdigest())
        out[name] = {a.name_as_printed: a for a in result.records["attendance"]}
    return out


def test_attendance_columns_under_labels(souldern):
    got = souldern["2018-05-24-minutes.pdf"]
    assert {n for n, a in got.items() if a.status == "present"} == {
        "Nick Oakhill",
        "Katy Draper",
        "Bruce May",
        "Kirsty Allpress",
        "Alan Smith",
    }
    assert got["Nick Oakhill"].chair and not got["Katy Draper"].chair  # "(NO) CHAIR"
    assert got["Cathy Fleet"].status == "officer"  # "Cathy Fleet (CF) CLERK"
    assert got["Cathy Fleet"].position == "CLERK"
    # the Members of the Public column: observers, but a councillor among them is a visitor
    assert {n for n, a in got.items() if a.status == "observer"} == {
        "David Carlisle",
        "Mary May",
        "Carol Gray",
        "Barbara McGarry",
        "Ann Prescott",
        "Norma Jones",
        "Carol Couzens",
        "Diana Stephens",
    }
    assert got["Cllr Arash Fatemian"].status == "also_present"
    assert {n for n, a in got.items() if a.status == "apologies"} == {
        "Chris Rothero",
        "Joanna Carlisle",
    }
    assert len(got) == 17


def test_two_columns_and_apologies_in_a_minute_run_into_its_title(souldern):
    got = souldern["2025-11-27-minutes.pdf"]
    status = {n: a.status for n, a in got.items()}
    assert status == {
        "Nick Oakhill": "present",
        "Kate Green": "present",
        "Rob Large": "present",
        "John Hoodless": "present",
        "Amanda Sharman": "present",
        "Cathy Fleet": "officer",
        "Alan Smith": "observer",
        "Katy Draper": "observer",
        # "11.25.01 Apologies for absence / Apologies had been received from Cllr David
        # Rogers and Cllr Gareth Epps": the reader joins the heading and its first line
        "Cllr David Rogers": "apologies",
        "Cllr Gareth Epps": "apologies",
    }
