"""Minutes approved at a later meeting link to the meeting they record."""

from __future__ import annotations

import datetime as dt

from extractors.linking.links import link_minutes_approvals
from schemas.records import Meeting, Resolution


def _meeting(mid: str, date: dt.date, body: str | None) -> Meeting:
    return Meeting(meeting_id=mid, paper_id="p" + mid, body=body, date=date, source="minutes")


def _approval(on: dt.date, by: str = "later") -> Resolution:
    return Resolution(
        meeting_id=by,
        paper_id="p",
        minute_ref="10",
        number=1,
        text="That the minutes be approved.",
        approves_minutes_of=on,
    )


def test_approval_links_to_the_minutes_of_that_date_and_body() -> None:
    tables = {
        "meetings": [
            _meeting("later", dt.date(2021, 3, 10), "SaferMK Partnership"),
            _meeting("earlier", dt.date(2020, 9, 24), "SAFERMK PARTNERSHIP"),
            _meeting("other", dt.date(2020, 9, 24), "Cabinet"),
        ],
        "resolutions": [_approval(dt.date(2020, 9, 24))],
    }
    assert link_minutes_approvals(tables) == 1
    assert tables["resolutions"][0].approves_meeting_id == "earlier"


def test_no_link_when_the_minutes_are_not_in_the_archive_or_ambiguous() -> None:
    tables = {
        "meetings": [
            _meeting("later", dt.date(2021, 3, 10), None),
            _meeting("a", dt.date(2020, 9, 24), "X"),
            _meeting("b", dt.date(2020, 9, 24), "Y"),
        ],
        "resolutions": [_approval(dt.date(2020, 9, 24)), _approval(dt.date(2019, 1, 1))],
    }
    assert link_minutes_approvals(tables) == 0
    assert all(r.approves_meeting_id is None for r in tables["resolutions"])


def test_a_paper_naming_no_authority_takes_its_folders():
    from decimal import Decimal

    from extractors.linking.links import infer_authorities
    from schemas.records import Funding, Paper

    def paper(path: str, authority: str | None, status: str = "ok") -> Paper:
        return Paper(
            paper_id=path,
            path=path,
            format="pdf",
            status=status,
            authority=authority,
            pipeline_version="t",
        )

    # Kent's capital programme summary prints only its table; its folder's papers name Kent
    tables = {
        "papers": [
            paper("real/kent-cabinet-minutes.pdf", "Kent County Council"),
            paper("real/kent-budget-minutes.pdf", "Kent County Council"),
            paper("real/kent-capital-summary.pdf", None),
            paper("real/scan.pdf", None, status="needs_ocr"),
            paper("mixed/a.pdf", "Kent County Council"),
            paper("mixed/b.pdf", "Milburn Parish Council"),
            paper("mixed/c.pdf", None),
        ],
        "findings": [],
        "funding": [
            Funding(
                funding_id="f1",
                paper_id="real/kent-capital-summary.pdf",
                kind="allocation",
                amount_gbp=Decimal(549000),
                spend_plan_line_no=1,
            ),
            Funding(
                funding_id="f2",
                paper_id="real/kent-capital-summary.pdf",
                kind="allocation",
                amount_gbp=Decimal(5),
            ),
        ],
    }
    assert infer_authorities(tables) == 1
    # the council's own budget lines take it as funder; a row from running text does not
    assert [f.funder for f in tables["funding"]] == ["Kent County Council", None]
    by_path = {p.path: (p.authority, p.authority_inferred) for p in tables["papers"]}
    assert by_path["real/kent-capital-summary.pdf"] == ("Kent County Council", True)
    assert by_path["real/kent-cabinet-minutes.pdf"] == ("Kent County Council", False)
    assert by_path["real/scan.pdf"] == (None, None)  # not read: nothing to say about it
    assert by_path["mixed/c.pdf"] == (None, None)  # its folder's papers disagree
    assert [f.code for f in tables["findings"]] == ["authority_inferred"]


def test_a_budget_summary_gives_way_to_the_paper_that_details_it():
    from decimal import Decimal

    from extractors.linking.links import link_budget_summaries
    from schemas.records import Funding, Paper

    def row(paper: str, n: int, fy: str, amount: int) -> Funding:
        return Funding(
            funding_id=f"{paper}{n}{fy}",
            paper_id=paper,
            kind="allocation",
            amount_gbp=Decimal(amount),
            financial_year=fy,
            spend_plan_line_no=n,
        )

    # Kent's capital programme: the summary by directorate and the appendix by scheme
    papers = [
        Paper(
            paper_id=p,
            path=f"real/{p}.pdf",
            format="pdf",
            status="ok",
            authority="Kent County Council",
            pipeline_version="t",
        )
        for p in ("summary", "detail", "other")
    ]
    funding = [
        row("summary", 1, "2025/26", 549),
        row("summary", 1, "2026/27", 515),
        row("detail", 1, "2025/26", 500),
        row("detail", 2, "2025/26", 49),
        row("detail", 1, "2026/27", 515),
        row("other", 1, "2025/26", 549),
    ]  # one year only: no evidence
    tables = {"papers": papers, "funding": funding, "findings": []}
    assert link_budget_summaries(tables) == 2
    assert {f.paper_id: f.detailed_in for f in funding} == {
        "summary": "detail",
        "detail": None,
        "other": None,
    }
    assert [f.code for f in tables["findings"]] == ["budget_summary"]
