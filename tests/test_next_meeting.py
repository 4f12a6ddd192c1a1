"""Next meeting announcements, against the gold's next_meeting records and other wordings."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.base import PaperContext
from extractors.formats import read_document
from extractors.records import next_meeting
from schemas.document import Block, Document, DocumentMeta, Page
from tests.conftest import FORMATS, gold, sample_path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", ["002_ee5612cdad44ea4a", "004_e7a5e62b3e5d6ec5"])
def test_next_meeting_matches_gold(stem: str, fmt: str) -> None:
    want = gold(stem)["next_meeting"]
    doc = read_document(sample_path(stem, fmt))
    found = next_meeting.extract(doc, PaperContext(paper_id="p")).records["next_meetings"]
    assert [(str(n.date), n.start_time) for n in found] == [(want["date"], want["start_time"])]


def _doc(*texts: str) -> Document:
    return Document([Page(1, [Block("paragraph", t, 1) for t in texts])], DocumentMeta())


def test_day_and_month_without_year_is_completed_and_flagged() -> None:
    doc = _doc(
        "14. Date of Next Meeting",
        "RESOLVED – That the next meeting of the Committee "
        "be held on Tuesday 12 March at 10.00 am in the Council Chamber.",
    )
    out = next_meeting.extract(doc, PaperContext(paper_id="p", paper_date=dt.date(2024, 1, 16)))
    (rec,) = out.records["next_meetings"]
    assert rec.date == dt.date(2024, 3, 12) and rec.start_time == "10:00" and rec.date_inferred
    assert [f.code for f in out.findings] == ["date_year_inferred"]


@pytest.mark.parametrize(
    "text",
    [
        "The Board's last meeting was held on 3 May 2021.",
        "The next meeting of the MK Together Management Board is in July.",
        "Members noted the date of the next meeting.",
    ],
)
def test_no_record_without_a_cue_and_a_date(text: str) -> None:
    out = next_meeting.extract(_doc(text), PaperContext(paper_id="p"))
    assert out.records.get("next_meetings", []) == []
