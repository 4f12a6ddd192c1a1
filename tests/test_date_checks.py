"""Dates that cannot be give findings: minutes after their paper, a financial year far off."""

from __future__ import annotations

import datetime as dt

from extractors.linking.date_checks import check_meeting_dates
from pipeline.process import process_paper
from schemas.records import Meeting, Paper
from tests.conftest import SAMPLES


def _process(rel: str):
    path = SAMPLES / rel
    return process_paper(str(path), path.name, path.read_bytes(), "p")


def test_kent_minutes_extract_dated_after_its_appendix_is_flagged() -> None:
    # "Governance Update Appendix 1 – County Council 13 March 2025 / Minutes except from
    # Selection and Member Services Committee – 13 December 2025": a misprinted year
    result = _process("real/kent-selection-member-services-minutes-extract-2025.pdf")
    tables = {"papers": [result.paper], **result.records}
    assert result.paper.paper_date == dt.date(2025, 3, 13)
    check_meeting_dates(tables, today=dt.date(2026, 12, 4))
    codes = [f.code for f in tables["findings"]]
    assert "meeting_after_paper" in codes


def test_a_metadata_title_from_a_reused_template_does_not_date_the_minutes() -> None:
    # Milburn's minutes of 26 January 2021 carry the file title "... 6th March 2012"
    result = _process("corpus/milburn-pc-cumbria/2021-01-26-minutes.pdf")
    assert result.paper.paper_date == dt.date(2021, 1, 26)
    tables = {"papers": [result.paper], **result.records}
    assert check_meeting_dates(tables, today=dt.date(2026, 12, 4)) == 0


def _tables(meeting: dt.date, paper_date: dt.date, fy: str | None, source: str = "minutes"):
    paper = Paper(paper_id="p", path="x.pdf", paper_date=paper_date, financial_year=fy)
    m = Meeting(meeting_id="m", paper_id="p", date=meeting, source=source)
    return {"papers": [paper], "meetings": [m], "findings": []}


def test_future_minutes_and_far_financial_years_are_flagged_near_ones_are_not() -> None:
    today = dt.date(2026, 12, 4)
    future = _tables(dt.date(2027, 1, 5), dt.date(2027, 1, 5), None)
    check_meeting_dates(future, today)
    assert [f.code for f in future["findings"]] == ["meeting_date_in_future"]
    # an agenda is issued before its meeting: no finding
    agenda = _tables(dt.date(2025, 3, 4), dt.date(2025, 2, 24), None, source="agenda")
    assert check_meeting_dates(agenda, today) == 0
    # a budget meeting in February sets next year's budget; an annual report looks back a year
    for fy in ("2025/26", "2023/24"):
        assert (
            check_meeting_dates(_tables(dt.date(2025, 2, 13), dt.date(2025, 2, 13), fy), today) == 0
        )
    far = _tables(dt.date(2025, 2, 13), dt.date(2025, 2, 13), "2021/22")
    check_meeting_dates(far, today)
    assert [f.code for f in far["findings"]] == ["meeting_outside_financial_year"]
