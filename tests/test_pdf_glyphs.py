"""Letters a PDF font draws but its text layer names as a symbol (extractors/formats/pdf_glyphs.py).

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
