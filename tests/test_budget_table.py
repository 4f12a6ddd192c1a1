"""Budget tables with one amount column per financial year (capital programmes, budget books).

Fixtures are short excerpts in the layout of Kent's capital programme appendices (docs/real-
papers.md): a "ROW REF | Project | Description | Total Cost | Prior Years Spend | 2025-26 ..."
header with "Year N" and "£000s" rows under it, "-" zeros, section rows, totals rows, a
"Funded By:" section, and the later years printed in a second table on a later page.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from extractors.base import PaperContext
from extractors.records import budget_table, funding, spend_plan
from schemas.document import Block, Document, DocumentMeta, Page, Table

FIXTURES = Path(__file__).parent / "fixtures" / "funding"
CTX = PaperContext(paper_id="p1", authority="Kent County Council")


def _table(name: str, page: int) -> Table:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return Table([ln.split("\t") for ln in text.splitlines()], page)


def _doc() -> Document:
    first = _table("capital-programme-year-columns-000s-totals-and-sources.tsv", 1)
    later = _table("capital-programme-later-years-continued-sideways.tsv", 2)
    return Document(
        [Page(1, [Block("heading", "Capital Programme", 1), first]), Page(2, [later])],
        DocumentMeta(),
    )


def test_layout_found_by_year_headers_and_unit() -> None:
    layout = budget_table.recognise(
        _table("capital-programme-year-columns-000s-totals-and-sources.tsv", 1)
    )
    assert layout is not None
    assert layout.unit == Decimal(1000)
    assert list(layout.years.values()) == ["2025/26", "2026/27"]
    assert (layout.title_col, layout.description_col, layout.total_col) == (1, 2, 3)


def test_lines_exclude_totals_and_funding_sources() -> None:
    got = spend_plan.extract(_doc(), CTX)
    lines = got.records["spend_plan_lines"]
    assert [ln.title for ln in lines] == ["Highways Maintenance", "Country Parks", "Office Move"]
    # the cost is the plan year's column (2025-26, "Year 1"), never the scheme's total cost
    assert [ln.cost_gbp for ln in lines] == [Decimal(600_000), Decimal(200_000), Decimal(-10_000)]
    assert {ln.financial_year for ln in lines} == {"2025/26"}
    assert [ln.total_cost_gbp for ln in lines] == [
        Decimal(1_200_000),
        Decimal(300_000),
        Decimal(50_000),
    ]
    assert [ln.section for ln in lines] == [
        "Rolling programmes",
        "Rolling programmes",
        "Rolling programmes",
    ]
    assert lines[1].page_from == 1 and lines[1].page_to == 2


def test_one_funding_row_per_year_with_an_amount_across_sideways_pages() -> None:
    rows = spend_plan.extract(_doc(), CTX).records["funding"]
    parks = [
        (r.financial_year, r.amount_gbp, r.page) for r in rows if r.recipient == "Country Parks"
    ]
    # "-" is zero (no row); the 2028-29 amount is on the sideways continuation page
    assert parks == [("2025/26", Decimal(200_000), 1), ("2028/29", Decimal(250_000), 2)]
    assert all(r.kind == "allocation" and r.funder == "Kent County Council" for r in rows)
    assert not [r for r in rows if r.recipient in ("Borrowing", "Grants")]


def test_each_years_rows_add_up_to_the_printed_totals() -> None:
    rows = spend_plan.extract(_doc(), CTX).records["funding"]
    by_year: dict[str, Decimal] = {}
    for r in rows:
        by_year[r.financial_year] = by_year.get(r.financial_year, Decimal(0)) + r.amount_gbp
    # Total Rolling Programmes + Total Individual Projects, as printed for each year
    assert by_year["2025/26"] == Decimal(800_000 - 10_000)
    assert by_year["2026/27"] == Decimal(600_000)


def test_funded_by_rows_go_to_funding_sources_per_year() -> None:
    got = spend_plan.extract(_doc(), CTX)
    sources = [(s.source, s.financial_year, s.amount_gbp) for s in got.records["funding_sources"]]
    assert sources == [
        ("Borrowing", "2025/26", Decimal(500_000)),
        ("Borrowing", "2026/27", Decimal(300_000)),
        ("Grants", "2025/26", Decimal(290_000)),
        ("Grants", "2026/27", Decimal(300_000)),
    ]
    assert {s.section for s in got.records["funding_sources"]} == {"Funded By:"}


def test_negative_amount_kept_with_a_finding_and_bad_total_reported() -> None:
    got = spend_plan.extract(_doc(), CTX)
    office = [
        (r.financial_year, r.amount_gbp)
        for r in got.records["funding"]
        if r.recipient == "Office Move"
    ]
    assert office == [("2025/26", Decimal(-10_000))]
    codes = [f.code for f in got.findings]
    assert "negative_amount" in codes
    mismatch = [f.message for f in got.findings if f.code == "budget_total_mismatch"]
    # "Total Individual Projects" prints 1 for 2026-27 where its one row holds 0
    assert len(mismatch) == 1 and "Total Individual Projects" in mismatch[0]
    assert "2026/27: stated £1,000, rows sum to £0" in mismatch[0]


def test_funding_extractor_leaves_budget_tables_alone() -> None:
    assert funding.extract(_doc(), CTX).records.get("funding", []) == []


def test_unit_declared_in_a_note_before_the_table() -> None:
    rows = [["Service", "2024-25", "2025-26"], ["Libraries", "1.5", "2.0"], ["Total", "1.5", "2.0"]]
    doc = Document(
        [Page(1, [Block("paragraph", "All figures in £m", 1), Table(rows, 1)])], DocumentMeta()
    )
    got = spend_plan.extract(doc, CTX)
    assert [(r.financial_year, r.amount_gbp) for r in got.records["funding"]] == [
        ("2024/25", Decimal(1_500_000)),
        ("2025/26", Decimal(2_000_000)),
    ]
    assert not [f for f in got.findings if f.code == "budget_total_mismatch"]


def test_monitoring_and_treasury_amounts_are_not_funding() -> None:
    doc = Document(
        [
            Page(
                1,
                [
                    Block(
                        "paragraph", "The Council is forecasting a revenue overspend of £23.3m.", 1
                    ),
                    Block(
                        "paragraph", "Currently, £80.3m of savings are forecast to be achieved.", 1
                    ),
                    Table([["Total Investments", "£502,611,544"]], 1),
                ],
            )
        ],
        DocumentMeta(),
    )
    assert funding.extract(doc, CTX).records.get("funding", []) == []
