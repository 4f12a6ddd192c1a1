"""Spend-plan tables: header meaning, stitching, misplaced cells, totals, reconciliation.

Expected values come from the papers (fixtures written for the layout they cover) and from
``tests/gold/*.json``, never from the extractor's own output.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.base import PaperContext
from extractors.formats import read_document
from extractors.records import spend_plan
from extractors.records.reconcile import reconcile
from schemas.document import Block, Document, DocumentMeta, Page, Table
from schemas.records import SpendPlanLine

FIXTURES = Path(__file__).parent / "fixtures" / "funding"
GOLD = Path(__file__).parent / "gold"
SAMPLES = Path(__file__).parent.parent / "samples"
CTX = PaperContext(paper_id="p1", authority="Milton Keynes Council")


def _doc(*items: Block | Table) -> Document:
    pages: dict[int, list] = {}
    for item in items:
        pages.setdefault(item.page, []).append(item)
    return Document([Page(n, its) for n, its in sorted(pages.items())], DocumentMeta())


def _tsv_table(name: str, page: int = 1) -> Table:
    rows = [ln.split("\t") for ln in (FIXTURES / name).read_text().splitlines() if ln]
    return Table(rows=rows, page=page)


def _gold(prefix: str) -> dict:
    return json.loads(next(GOLD.glob(f"{prefix}_*.json")).read_text())


def test_two_column_project_allocation_table() -> None:
    ex = spend_plan.extract(_doc(_tsv_table("two-column-project-allocation-table.tsv")), CTX)
    lines = ex.records["spend_plan_lines"]
    assert [(ln.title, ln.cost_gbp) for ln in lines] == [
        ("Youth diversion boxing sessions", Decimal(12500)),
        ("Neighbourhood watch signage", Decimal(3000)),
    ]
    funding = ex.records["funding"]
    assert [(f.kind, f.recipient, f.amount_gbp, f.spend_plan_line_no) for f in funding] == [
        ("allocation", "Youth diversion boxing sessions", Decimal(12500), 1),
        ("allocation", "Neighbourhood watch signage", Decimal(3000), 2),
    ]
    assert not [f for f in ex.findings if f.code == "spend_plan_total_mismatch"]


def test_totals_row_is_checked_not_counted() -> None:
    ex = spend_plan.extract(_doc(_tsv_table("totals-row-mismatch.tsv")), CTX)
    assert [ln.title for ln in ex.records["spend_plan_lines"]] == [
        "Street lighting pilot",
        "CCTV upgrade",
    ]
    msgs = [f.message for f in ex.findings if f.code == "spend_plan_total_mismatch"]
    assert msgs and "£150" in msgs[0] and "£200" in msgs[0]


def test_amounts_in_thousands_header() -> None:
    ex = spend_plan.extract(_doc(_tsv_table("amounts-in-thousands-header.tsv")), CTX)
    costs = {ln.title: ln.cost_gbp for ln in ex.records["spend_plan_lines"]}
    # a negative cost (a reduction) is kept as printed; a zero cost gives no funding row
    assert costs == {
        "Highways maintenance": Decimal(1250000),
        "School roofs": Decimal(0),
        "Libraries refurbishment": Decimal(-40000),
    }
    assert [f.amount_gbp for f in ex.records["funding"]] == [Decimal(1250000), Decimal(-40000)]
    assert any(f.code == "negative_amount" for f in ex.findings)


HEADER = [
    "Title & brief description",
    "What will you measure",
    "Benchmark data",
    "Proposed cost to CSF 2019-20",
    "% of 2019-20 CSF grant",
    "Other funding",
]


def test_cells_printed_one_row_early_move_to_their_line() -> None:
    """Sample 000's pilot: its cost cells sit on the continuation row above its title."""
    form = Table(rows=[["CSF Grant Allocation:", "£261,694"]], page=1)
    table = Table(
        rows=[
            HEADER,
            ["Youth Offending Service", "Early support", "FTE data", "£116,900", "44.7%", "core"],
            [
                "",
                "And the PCC's priority in:",
                "120 Year 6 Students",
                "£4k",
                "1.5%",
                "£4k Community Safety Fund £4k Creating Cohesive Communities",
            ],
            [
                "Early Intervention at Primary Schools. 'A Pilot'",
                "A pilot in two schools",
                "",
                "",
                "",
                "",
            ],
        ],
        page=1,
    )
    ex = spend_plan.extract(_doc(form, table), CTX)
    lines = ex.records["spend_plan_lines"]
    assert [(ln.title, ln.cost_gbp, ln.pct_of_grant) for ln in lines] == [
        ("Youth Offending Service", Decimal(116900), 44.7),
        ("Early Intervention at Primary Schools. 'A Pilot'", Decimal(4000), 1.5),
    ]
    assert "PCC's priority" in lines[0].measures
    assert lines[1].benchmark == "120 Year 6 Students"
    assert lines[1].financial_year == "2019/20"
    kinds = sorted((f.kind, f.funder, f.amount_gbp) for f in ex.records["funding"])
    # "£4k Community Safety Fund" repeats the allocation; the other £4k is other funding
    assert kinds == [
        ("allocation", "Community Safety Fund", Decimal(4000)),
        ("allocation", "Community Safety Fund", Decimal(116900)),
        ("other_funding", "Creating Cohesive Communities", Decimal(4000)),
    ]


def test_rows_split_across_pages_are_stitched() -> None:
    table = Table(
        rows=[
            HEADER,
            ["Compass", "The initiative funds", "Q3 data", "£40,000", "15.3%", "Total value is"],
            HEADER,
            ["", "", "more data", "", "", "circa £1.6 million."],
            ["Early Intervention at Primary", "The pilot is", "", "", "", ""],
            HEADER,
            ["(Engage-Lime) 'A Pilot'", "intended for two schools", "", "", "", ""],
        ],
        page=3,
        row_pages=[3, 3, 4, 4, 4, 5, 5],
    )
    ex = spend_plan.extract(_doc(table), CTX)
    lines = ex.records["spend_plan_lines"]
    assert [ln.title for ln in lines] == [
        "Compass",
        "Early Intervention at Primary (Engage-Lime) 'A Pilot'",
    ]
    assert lines[0].other_funding == "Total value is circa £1.6 million."
    assert (lines[0].page_from, lines[0].page_to) == (3, 4)
    assert lines[1].cost_gbp is None


def test_short_rows_are_realigned_by_content() -> None:
    """A text export drops empty cells: four-cell rows keep other funding last."""
    table = Table(
        rows=[
            HEADER,
            [
                "Partnership Tasking Coordinator",
                "A role",
                "Meetings",
                "Match funded by Thames Valley Police",
            ],
            ["Totals (should be 100%)", "", "£261,694", "100%"],
        ],
        page=1,
    )
    ex = spend_plan.extract(_doc(table), CTX)
    (line,) = ex.records["spend_plan_lines"]
    assert line.cost_gbp is None and line.pct_of_grant is None
    assert line.other_funding == "Match funded by Thames Valley Police"


def test_year_inferred_from_paper_date_is_reported() -> None:
    import datetime as dt

    table = Table(rows=[["Project", "Cost"], ["Parks patrol", "£1,000"]], page=1)
    ctx = PaperContext(paper_id="p2", paper_date=dt.date(2020, 2, 1))
    ex = spend_plan.extract(_doc(table), ctx)
    assert ex.records["spend_plan_lines"][0].financial_year == "2019/20"
    assert any(f.code == "financial_year_inferred" for f in ex.findings)


def test_reconciliation_of_sample_000_from_gold_figures() -> None:
    gold = _gold("000")
    lines = [
        SpendPlanLine(
            paper_id="p",
            line_no=i,
            title=g["title"],
            cost_gbp=None if g["cost_gbp"] is None else Decimal(str(g["cost_gbp"])),
            pct_of_grant=g["pct_of_grant"],
        )
        for i, g in enumerate(gold["spend_plan_lines"], 1)
    ]
    grant = Decimal(str(gold["grant_totals"][0]["amount_gbp"]))
    findings = reconcile("p", lines, grant, grant)
    (short,) = [f for f in findings if f.code == "spend_plan_short_of_grant"]
    for figure in ("£242,694", "£19,000", "7.25%", "£261,694"):
        assert figure in short.message
    assert "Partnership Tasking Coordinator" in short.message


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_sample_000_lines_match_gold(fmt: str) -> None:
    doc = read_document(next(SAMPLES.glob(f"000_*.{fmt}")))
    ex = spend_plan.extract(doc, PaperContext(paper_id="000"))
    got = ex.records["spend_plan_lines"]
    gold = _gold("000")["spend_plan_lines"]
    assert [" ".join(ln.title.split()) for ln in got] == [g["title"] for g in gold]
    for ln, g in zip(got, gold, strict=True):
        want = None if g["cost_gbp"] is None else Decimal(str(g["cost_gbp"]))
        assert ln.cost_gbp == want, ln.title
        assert ln.pct_of_grant == g["pct_of_grant"], ln.title
        assert ln.other_funding == g["other_funding"], ln.title
    short = [f for f in ex.findings if f.code == "spend_plan_short_of_grant"]
    assert short and "£19,000 (7.25%)" in short[0].message


@pytest.mark.parametrize(
    "name",
    [
        "kpi-table-is-not-a-spend-plan.tsv",
        "headerless-savings-rows-are-not-a-spend-plan.tsv",
        "spending-increase-template-is-not-a-spend-plan.tsv",
    ],
)
def test_tables_that_are_not_spend_plans_give_no_lines(name: str) -> None:
    """A KPI table (percentages, counts), data rows whose header the reader lost and a
    budget-change template are not lists of funded lines."""
    ex = spend_plan.extract(_doc(_tsv_table(name)), CTX)
    assert not ex.records.get("spend_plan_lines")
    assert not ex.records.get("funding")


def test_budget_book_costs_lines_from_the_plan_year_net_cost_column() -> None:
    """Of several cost columns the plan year's net cost is the line's cost; each section
    subtotal is checked against its own lines (these add up, so no mismatch finding)."""
    ex = spend_plan.extract(
        _doc(_tsv_table("budget-book-net-cost-of-plan-year-with-section-subtotals.tsv")), CTX
    )
    lines = ex.records["spend_plan_lines"]
    assert [(ln.title, ln.cost_gbp) for ln in lines] == [
        ("Innovation and Partnership", Decimal("3799700.0")),
        ("Strategic Management & Directorate Support", Decimal("5414900.0")),
        ("Community Learning & Skills", Decimal("114100.0")),
    ]
    assert {ln.financial_year for ln in lines} == {"2025/26"}
    assert not [f for f in ex.findings if f.code == "spend_plan_total_mismatch"]


def test_grant_decisions_table_gives_awards_for_approved_rows_only():
    from schemas.document import Table

    # Sutton Coldfield Town Council, Amenities, Leisure and Community Services, 13 March 2018
    table = Table(
        [
            ["Organisation", "Project Summary", "Amount\nRequested", "Recommendation"],
            [
                "Friends of\nMossy Bank",
                "Improvements to Mossy Bank public open\nspace.",
                "Vesey\nWard\n£3098.50",
                "£2500 approved.\nMeets the criteria of\nprotecting a",
            ],
            [
                "St Peters\nChurch –\nManey",
                "Funding for two ‘Maney in Bloom’ events.",
                "Vesey\n£600",
                "Approved.\nProject to be funded from the\nBritain in Bloom budget",
            ],
            [
                "Sutton\nColdfield\nArts Trail",
                "Sutton Coldfield Art Trail is requesting funding.",
                "Four Oaks-£200\nNew Hall-£200",
                "Approved.\nFour Oaks - £400\nNew Hall - £200",
            ],
            [
                "Moor Hall\nPrimary School",
                "Recycling bins for every classroom.",
                "£868.23",
                "Recommend approval of the project to the Planning and Highways Committee",
            ],
        ],
        1,
    )
    got = spend_plan.extract(_doc(table), CTX)
    assert got.records.get("spend_plan_lines", []) == []  # decisions, not a spend plan
    awards = [(f.recipient, f.amount_gbp, f.kind) for f in got.records["funding"]]
    assert awards == [
        ("Friends of Mossy Bank", Decimal(2500), "grant_award"),
        ("St Peters Church – Maney", Decimal(600), "grant_award"),
        ("Sutton Coldfield Arts Trail", Decimal(400), "grant_award"),
        ("Sutton Coldfield Arts Trail", Decimal(200), "grant_award"),
    ]


def test_section_subtotals_and_directorate_totals_give_no_false_alarm():
    from schemas.document import Table

    # Kent Key Service Statement 2025-26, pages 9-12 (shortened): sections under their own title
    # and repeated header, a header repeated at a page break inside a section, subtotals and a
    # directorate total over every section
    head = ["Row Ref", "Key Service", "2025-26 Net Cost £000s"]
    first = Table(
        [
            ["Strategic Management & Directorate Budgets", "", ""],
            head,
            ["39", "Strategic Management & Directorate Budgets", "4,356.1"],
        ],
        9,
    )
    second = Table(
        [
            ["Education & Special Educational Needs", "", ""],
            head,
            ["40", "Community Learning & Skills (CLS)", "-114.1"],
            ["44", "Fair Access & Planning Service", "570.3"],
            head,
            ["45", "Home to School & College Transport", "97,718.4"],
            ["49", "Total - Education & Special Educational Needs", "98,174.6"],
            ["Integrated Children's Services", "", ""],
            head,
            ["50", "Adoption & Special Guardianship", "17,925.3"],
            ["51", "Asylum", "0.0"],
            ["66", "Total - Integrated Children's Services", "17,000.0"],
            ["67", "Total - Children, Young People & Education", "120,456.0"],
        ],
        9,
    )
    got = spend_plan.extract(_doc(first, second), CTX)
    mismatches = [f.message for f in got.findings if f.code == "spend_plan_total_mismatch"]
    # only the misprinted subtotal disagrees with every reading of the lines above it
    assert len(mismatches) == 1 and "£17,000,000" in mismatches[0]


def test_a_list_of_grant_applications_is_neither_plan_nor_funding() -> None:
    # Sutton Coldfield TC, "Amenities Committee Community Grant Applications 15th November
    # 2016": tables by ward of Organisation | Status | Project Summary | Amount (£) with no
    # decision beside any row; the sums are asked for. The committee's minutes of 13 March 2018
    # print a Recommendation column, and there the approved rows are awards.
    from pipeline.process import process_paper

    p = Path(
        "samples/corpus/sutton-coldfield-tc/2016-11-15-report-community-grant-applications.pdf"
    )
    result = process_paper(str(p), p.name, p.read_bytes(), "p")
    assert not result.records.get("spend_plan_lines")
    assert not result.records.get("funding")
    assert any(f.code == "applications_list" for f in result.records["findings"])
    p = Path(
        "samples/corpus/sutton-coldfield-tc/2018-03-13-minutes-amenities-leisure-community-services.pdf"
    )
    awards = process_paper(str(p), p.name, p.read_bytes(), "p").records["funding"]
    assert any(r.recipient == "Friends of Mossy Bank" for r in awards)
