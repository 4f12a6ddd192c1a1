"""Budget sheets printed without rules, read from their text lines (issue 13).

Three real papers of two authorities: Tintern CC's Apple Numbers budget sheets for 2017-18 and
2018-19 (ITEM | Budget 2016-17 | Spent | Budget 2017-18 | Spent, one printed line per budget
head, the 2018-19 sheet's last Spent column empty) and the financial statement attached to
Hertingfordbury PC's minutes of 13 June 2012 (Payments: | Orig Budget: | Rev Budget, printed
beside a table of bank balances, so the reader gives lines of both tables run together).
Expected values are read from the printed pages.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractors.base import PaperContext
from extractors.formats import read_document
from extractors.records import budget_sheet

CORPUS = Path(__file__).resolve().parent.parent / "samples" / "corpus"
TINTERN = CORPUS / "tintern-cc-monmouthshire"
HERTINGFORDBURY = CORPUS / "hertingfordbury-pc" / "2012-06-13-minutes.pdf"


def _read(path: Path):
    ctx = PaperContext(paper_id="p", authority="A Council")
    out = budget_sheet.extract_budget_sheets(read_document(path), ctx)
    return out.records.get("spend_plan_lines", []), out.records.get("funding", [])


@pytest.fixture(scope="module")
def sheets():
    return {
        "2017-18": _read(TINTERN / "2017-04-01-budget-2017-18.pdf"),
        "2018-19": _read(TINTERN / "2018-04-01-budget-2018-19.pdf"),
        "statement": _read(HERTINGFORDBURY),
    }


def test_header_names_plan_and_actual_columns() -> None:
    assert budget_sheet.header_columns("ITEM Budget Spent Budget Spent") == [
        "plan",
        "actual",
        "plan",
        "actual",
    ]
    assert budget_sheet.header_columns("Payments: Orig Budget: Rev Budget Bank a/c:") == [
        "actual",
        "plan",
        "plan",
    ]
    assert budget_sheet.header_columns("The budget was spent on the hall") is None  # no two heads
    assert budget_sheet.header_columns("Spent Actual") is None  # no budget column
    # Kent's finance monitoring report (page 6): a variance table in £m, not a budget
    assert budget_sheet.header_columns("Budget Forecast Variance Variance") is None


def test_plan_year_column_when_every_column_is_filled(sheets) -> None:
    lines, _ = sheets["2017-18"]
    by_title = {ln.title: ln for ln in lines}
    # "Clerk's Salary 4,000 3,551 3,500 3,421": the Budget 2017-18 column, not the last Spent
    assert by_title["Clerk's Salary"].cost_gbp == Decimal(3500)
    assert by_title["Maintenance"].cost_gbp == Decimal(1000)
    assert {ln.financial_year for ln in lines} == {"2017/18"}
    # the lines add up to the sheet's own totals: REVENUE TOTAL 6,870, CAPITAL TOTAL 10,110
    assert sum(ln.cost_gbp for ln in lines if ln.section == "REVENUE") == Decimal(6870)
    assert sum(ln.cost_gbp for ln in lines if ln.section == "CAPITAL") == Decimal(10110)
    assert len(lines) == 22  # no totals row, no note under the table


def test_plan_year_column_when_the_last_column_is_empty(sheets) -> None:
    lines, funding = sheets["2018-19"]
    by_title = {ln.title: ln for ln in lines}
    # "Insurance (Hall/Came&Co) 320 1,346 1,400": the Budget 2018-19 column
    assert by_title["Insurance (Hall/Came&Co)"].cost_gbp == Decimal(1400)
    assert sum(ln.cost_gbp for ln in lines) == Decimal(15100)  # TOTAL EXPENDITURE
    assert {ln.financial_year for ln in lines} == {"2018/19"}
    # Cllr Expenses and Elections budget 0: lines, but no funding row
    assert len(lines) == 22 and len(funding) == 20
    assert all(f.kind == "allocation" and f.funder == "A Council" for f in funding)


def test_statement_beside_another_table(sheets) -> None:
    lines, funding = sheets["statement"]
    assert [(ln.title, ln.cost_gbp) for ln in lines] == [
        ("Admin", Decimal(3238)),
        ("Open spcs & maint.", Decimal(5600)),
        ("Greens protection", Decimal(6000)),
        ("Staff salary", Decimal(3300)),
        ("Staff expenses", Decimal(500)),
        ("War memorial", Decimal(0)),
        ("S.137", Decimal(1250)),  # Rev Budget, not Orig Budget 50
    ]
    assert sum(ln.cost_gbp for ln in lines) == Decimal(19888)  # Total Payments' Rev Budget
    assert all(ln.financial_year is None for ln in lines)  # the statement prints no year
    assert len(funding) == 6
