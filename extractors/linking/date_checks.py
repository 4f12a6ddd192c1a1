"""Dates that cannot be: meetings whose date contradicts the paper that records them.

Minutes are written after their meeting. So minutes of a meeting dated after the paper's own
date (Kent's "Minutes extract from Selection and Member Services Committee – 13 December
2025" inside an appendix to the County Council of 13 March 2025), or after the day of the run,
record a date that cannot be: a misprint or a misread. A paper's financial year is the year it
is about, which for minutes is the meeting's year, the year before (an outturn, an annual
report) or the year after (a budget, a precept); two or more years away, one of the dates is
wrong. Each gives a finding; no date is changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from extractors.values.years import financial_year_bounds, financial_year_of
from schemas.records import Finding

_FY_SLACK_YEARS = 1


def check_meeting_dates(tables: dict[str, list[Any]], today: dt.date | None = None) -> int:
    """Add a warning finding for each minutes meeting dated after its paper's date or after
    ``today``, and an info finding when the paper's financial year is two or more years from
    the meeting's. Returns the number of findings added."""
    today = today or dt.date.today()
    papers = {p.paper_id: p for p in tables.get("papers", [])}
    findings = tables.setdefault("findings", [])
    added = 0
    for m in tables.get("meetings", []):
        paper = papers.get(m.paper_id)
        if m.date is None or paper is None:
            continue
        for message in _contradictions(m, paper, today):
            code, severity, text = message
            findings.append(
                Finding(
                    paper_id=m.paper_id,
                    severity=severity,
                    code=code,
                    message=text,
                    page=m.page,
                    stage="link",
                )
            )
            added += 1
    return added


def _contradictions(m: Any, paper: Any, today: dt.date) -> list[tuple[str, str, str]]:
    out = []
    when = m.date.isoformat()
    if m.source == "minutes" and m.date > today:
        out.append(
            ("meeting_date_in_future", "warning", f"minutes of a meeting dated {when}, after today")
        )
    elif m.source == "minutes" and paper.paper_date and m.date > paper.paper_date:
        out.append(
            (
                "meeting_after_paper",
                "warning",
                f"minutes of a meeting dated {when} in a paper dated "
                f"{paper.paper_date.isoformat()}: minutes are written after their meeting, so "
                "one of the two dates is misprinted or misread",
            )
        )
    bounds = financial_year_bounds(paper.financial_year) if paper.financial_year else None
    if bounds and m.source in ("minutes", "agenda"):
        own = financial_year_bounds(financial_year_of(m.date))
        years_apart = abs(bounds[0].year - own[0].year) if own else 0
        if years_apart > _FY_SLACK_YEARS:
            out.append(
                (
                    "meeting_outside_financial_year",
                    "info",
                    f"the paper's financial year {paper.financial_year} is {years_apart} years "
                    f"from its meeting of {when} (financial year {financial_year_of(m.date)})",
                )
            )
    return out
