"""Letters a PDF font draws but its text layer names as a symbol (extractors/formats/pdf_glyphs.py),
and text drawn out of reading order (pdf._reading_order), on a real paper.

Ayton Community Council's minutes of 8 July 2008 set "N" in their bold Times New Roman with a
code the font's ToUnicode map leaves out; the rendered page prints "PRESENT", "NR", "DN",
"12 Next Meeting" and "NB" (checked against the page image), which the raw text layer reads as
"PRESE/T", "/R", "D/", "/ext" and "/B". Slashes that are printed ("and/or", "R/54",
"22/6") must stay.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.formats.pdf import read_pdf

CORPUS = Path(__file__).resolve().parent.parent / "samples" / "corpus"


def _text(path: Path) -> str:
    doc = read_pdf(path, use_ocr=False)
    return "\n".join(item.text for item in doc.iter_items())


@pytest.fixture(scope="module")
def ayton() -> str:
    return _text(CORPUS / "ayton-cc-borders" / "2008-07-08-minutes.pdf")


def test_letters_the_font_draws_are_read(ayton: str) -> None:
    assert "PRESENT Rob Boyd (Chair) RB" in ayton
    assert "Norman Robertson NR" in ayton
    assert "Dick Noble DN" in ayton
    assert "12 Next Meeting" in ayton
    assert "NB – No meeting in August" in ayton
    assert "/" not in ayton.replace("22/6", "")


def test_printed_slashes_stay() -> None:
    burton = _text(
        CORPUS / "burton-cum-walden-pc" / "2025-05-06-minutes-annual-council-meeting.pdf"
    )
    assert "and/or" in burton
    assert "R/54" in burton


def test_a_table_drawn_last_is_read_where_it_is_printed(ayton: str) -> None:
    # the PRESENT table sits under the title but is drawn after the rest of page 1
    assert ayton.index("PRESENT") < ayton.index("The meeting was preceded by a presentation")
    assert ayton.index("Minutes of Meeting held on") < ayton.index("PRESENT")


def test_the_present_table_gives_eleven_people() -> None:
    from extractors.base import PaperContext
    from extractors.records import attendance

    doc = read_pdf(CORPUS / "ayton-cc-borders" / "2008-07-08-minutes.pdf", use_ocr=False)
    ctx = PaperContext(paper_id="p", doc_type="minutes")
    recs = attendance.extract(doc, ctx).records["attendance"]
    present = {r.name_as_printed for r in recs if r.status == "present"}
    assert present == {
        "Rob Boyd",
        "Raymond Allan",
        "Graham Dolan",
        "Norman Robertson",
        "Paul Wheelhouse",
        "Dick Noble",
        "Michael Cook",
        "Paul Wilson",
        "Rob Weatherston",
        "Audrey Cruickshank",
        "Kenny Combe",
    }
    assert [r.name_as_printed for r in recs if r.chair] == ["Rob Boyd"]
    assert [r.organisation for r in recs if r.name_as_printed == "Michael Cook"] == ["SBC"]
    assert [r.name_as_printed for r in recs if r.status == "apologies"] == ["Ian Logan"]


@pytest.fixture(scope="module")
def tintern_budget() -> str:
    return _text(CORPUS / "tintern-cc-monmouthshire" / "2018-04-01-budget-2018-19.pdf")


def test_unnamed_ligature_read_by_its_width(tintern_budget: str) -> None:
    """Tintern CC's 2018-19 budget sheet (Apple Numbers via Quartz) draws "ti" in Calibri as
    one glyph that its ToUnicode map leaves out; the raw text layer reads "Elec[ons",
    "Safety Inspec[ons", "Chari[es" and "Fes[val", the page prints them with "ti"."""
    for word in ("Elections", "Safety Inspections", "Charities", "Sacred Sight & Sound Festival"):
        assert word in tintern_budget
    assert "[" not in tintern_budget
    assert "Angiddy Trail Leaflet" in tintern_budget  # a named "fl" ligature stays as it was
