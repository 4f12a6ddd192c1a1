"""Budget tables with one amount column per financial year -> lines, yearly funding, checks.

Capital programmes and budget books print a title column, often a description and a total
column, and one column per financial year ("2025-26"), with the unit declared in the header
("£000s", "£m"). A table wider than the page goes on sideways: the later years are printed in a
second table (often on a later page) with the same row references and titles, so rows are
merged by (row reference, title). Section rows (a title and no amounts) are kept as context;
a "Funded by" section lists where the money comes from, not where it goes, so its rows are
checked and written to ``funding_sources``, not as lines. Totals rows ("Total Rolling
Programmes", "Total - Directorate") are checked against the rows they sum, never counted as
lines.

Each line gives a SpendPlanLine for the plan's year (the first year column: "2025-26 Year 1"),
with the printed total across all years kept apart in ``total_cost_gbp`` (a scheme's total cost
is never one year's spend), and one Funding row (kind ``allocation``) per year with a non-zero
amount. Negative amounts (reductions, reprofiling) are kept as printed, so each year's rows add
up to the table's own totals; one finding per paper says how many lines print them. "Funded by"
rows go to ``funding_sources``, one row per source and year, so the programme is not counted
twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.base import Extraction, PaperContext, stable_id
from extractors.memo import document_memo
from extractors.records.reconcile import gbp
from extractors.text import funding_text as ft
from extractors.values import money, years
from schemas.document import Block, Document, Table
from schemas.records import Funding, FundingSource, SpendPlanLine

_HEADER_ROWS = 6
_UNIT_NOTE_CHARS = 200
_TOTAL = re.compile(r"^\W*(?:grand\s+|sub[-\s]?)?totals?\b", re.I)
_FOOTNOTE = re.compile(r"\s*\[\d+\]")
_STRAY = re.compile(r"^[\s'‘’`\-–]+")
_REF = re.compile(r"^\d{1,4}[a-z]?$", re.I)
_SOURCES = re.compile(
    r"^\W*(?:funded\s+by|financed\s+by|funding\s+sources?|sources\s+of\s+"
    r"(?:funding|finance))\b",
    re.I,
)


@dataclass
class BudgetLayout:
    """Where a budget table keeps its header, titles, descriptions, total and year amounts."""

    first_data_row: int
    title_col: int
    years: dict[int, str]
    unit: Decimal
    total_col: int | None = None
    description_col: int | None = None
    ref_col: int | None = None
    headers: list[str] = field(default_factory=list)


@dataclass
class _BudgetLine:
    ref: str
    title: str
    description: str | None
    section: str | None
    page_from: int
    page_to: int
    total: tuple[Decimal, str] | None = None
    amounts: dict[str, tuple[Decimal, str, int]] = field(default_factory=dict)
    sources: bool = False
    unit: Decimal = Decimal(1)  # pounds per printed unit (1000 in a table in £000s)


def _column_headers(rows: list[list[str]], upto: int) -> list[str]:
    width = max(len(r) for r in rows)
    return [
        ft.fold(" ".join(r[c] for r in rows[:upto] if c < len(r) and r[c])) for c in range(width)
    ]


def recognise(table: Table, unit_hint: Decimal | None = None) -> BudgetLayout | None:
    """Return the layout of a budget table (two or more financial-year columns), or None.

    ``unit_hint`` is a unit declared outside the table ("All figures in £m"); a unit in the
    header band wins. Pure function of the table.
    """
    return _layout_of(table.rows, unit_hint)


def _layout_of(rows: list[list[str]], unit_hint: Decimal | None) -> BudgetLayout | None:
    """The layout of the table whose rows are ``rows`` (see :func:`recognise`)."""
    for idx, row in enumerate(rows[:_HEADER_ROWS]):
        fys = {c: years.normalise_financial_year(ft.fold(cell)) for c, cell in enumerate(row)}
        fys = {c: fy for c, fy in fys.items() if fy}
        if len(fys) < 2:
            continue
        first = idx + 1
        while first < min(len(rows), idx + _HEADER_ROWS) and _header_band(rows[first]):
            first += 1
        headers = _column_headers(rows, first)
        unit = next((u for h in headers if (u := money.unit_from_header(h)) is not None), unit_hint)
        if unit is None:
            return None
        text_cols = [c for c in range(min(fys)) if c < len(headers)]
        layout = BudgetLayout(
            first_data_row=first, title_col=-1, years=fys, unit=unit, headers=headers
        )
        for c in text_cols:
            head = headers[c].casefold()
            if "description" in head and layout.description_col is None:
                layout.description_col = c
            elif "total" in head and layout.total_col is None:
                layout.total_col = c
            elif re.search(r"\bref\b|^no\.?$|^row", head) and layout.ref_col is None:
                layout.ref_col = c
        names = [
            c
            for c in text_cols
            if c not in (layout.description_col, layout.total_col, layout.ref_col)
            and not re.search(r"\bprior\b|\bspend\b|£", headers[c], re.I)
        ]
        if not names:
            return None
        layout.title_col = names[0]
        return layout
    return None


def _header_band(row: list[str]) -> bool:
    """A row of the header band: "Year 1" labels and units, no title and no plain amounts."""
    cells = [ft.fold(c) for c in row if ft.fold(c)]
    return all(
        money.unit_from_header(c) is not None
        or re.match(r"^year\s+\d+$", c, re.I)
        or years.normalise_financial_year(c)
        for c in cells
    )


@document_memo
def tables(doc: Document) -> list[tuple[Table, BudgetLayout]]:
    """Return each budget table of ``doc`` with its layout, in reading order.

    A unit declared in a short paragraph just before a table ("All figures in £m") applies
    when the table's own header declares none.
    """
    out = []
    last_text = ""
    for item in doc.iter_items():
        if isinstance(item, Block):
            last_text = item.text if len(item.text) <= _UNIT_NOTE_CHARS else ""
            continue
        if isinstance(item, Table) and any(len(r) >= 3 for r in item.rows[:_HEADER_ROWS]):
            layout = recognise(item, money.unit_from_header(last_text) if last_text else None)
            if layout is not None:
                out.append((item, layout))
    return out


def _title(text: str) -> str:
    return _FOOTNOTE.sub("", _STRAY.sub("", ft.fold(text))).strip()


def _amount(cell: str, unit: Decimal) -> Decimal | None:
    return money.parse_table_amount(ft.fold(cell), unit) if ft.fold(cell) else None


class _Reader:
    """Collects the lines of every budget table of one paper and checks their totals."""

    def __init__(self, ctx: PaperContext) -> None:
        self.ctx = ctx
        self.out = Extraction()
        self.lines: dict[tuple[str, str], _BudgetLine] = {}
        #: the first financial year the paper's budget tables print: the year the plan is for
        self.plan_year: str | None = None
        self.negatives = 0
        #: amounts (by year, or "total") of the rows since the last totals row
        self.since_total: list[dict[str, Decimal]] = []

    def table(self, table: Table, layout: BudgetLayout) -> None:
        first = min(layout.years.values(), default=None)
        if first and (self.plan_year is None or first < self.plan_year):
            self.plan_year = first
        section: str | None = None
        sources = False
        r = layout.first_data_row
        while r < len(table.rows):
            row = [ft.fold(c) for c in table.rows[r]]
            page = table.row_pages[r] if r < len(table.row_pages) else table.page
            r += 1
            if sum(1 for c in row if years.normalise_financial_year(c)) >= 2:
                # the table goes on sideways (later years) or repeats its header
                again = _layout_of(table.rows[r - 1 :], layout.unit)
                if again is not None:
                    layout = again
                    r += again.first_data_row - 1
                    section, sources = None, False
                    continue
            cells = row + [""] * (len(layout.headers) - len(row))
            title = _title(cells[layout.title_col]) if layout.title_col < len(cells) else ""
            values = {
                c: v
                for c in [*layout.years, layout.total_col]
                if c is not None and (v := _amount(cells[c], layout.unit)) is not None
            }
            named = {layout.years.get(c, "total"): v for c, v in values.items()}
            if not values:
                label = next((c for c in cells if c), "")
                if (
                    label
                    and not title
                    or (
                        title
                        and not any(cells[c] for c in range(len(cells)) if c != layout.title_col)
                    )
                ):
                    section = _title(label or title)
                    sources = bool(_SOURCES.match(section))
                continue
            if not title:
                continue
            if _TOTAL.match(title):
                self._check(title, named, page)
                self.since_total = []
                continue
            line = self._line(cells, layout, title, section, page, sources)
            self.since_total.append(named)
            if layout.total_col is not None and layout.total_col in values and line.total is None:
                line.total = (values[layout.total_col], cells[layout.total_col])
            for c, fy in layout.years.items():
                if c in values and fy not in line.amounts:
                    line.amounts[fy] = (values[c], cells[c], page)

    def _line(
        self,
        cells: list[str],
        layout: BudgetLayout,
        title: str,
        section: str | None,
        page: int,
        sources: bool,
    ) -> _BudgetLine:
        ref = cells[layout.ref_col] if layout.ref_col is not None else ""
        ref = ref if _REF.match(ref) else ""
        key = (ref, title.casefold())
        line = self.lines.get(key)
        if line is None:
            desc = cells[layout.description_col] if layout.description_col is not None else ""
            line = _BudgetLine(
                ref, title, desc or None, section, page, page, sources=sources, unit=layout.unit
            )
            self.lines[key] = line
        line.page_from, line.page_to = min(line.page_from, page), max(line.page_to, page)
        return line

    def _check(self, title: str, stated: dict[str, Decimal], page: int) -> None:
        """Compare a totals row with the rows above it (since the previous totals row, across
        the pages the table continues on)."""
        rows = self.since_total
        if not rows:
            return  # a total of totals: the subtotals were checked where they were printed
        wrong = []
        for col, value in stated.items():
            summed = sum((v[col] for v in rows if col in v), Decimal(0))
            if summed != value:
                wrong.append(f"{col}: stated {gbp(value)}, rows sum to {gbp(summed)}")
        if wrong:
            self.out.finding(
                self.ctx.paper_id,
                "warning",
                "budget_total_mismatch",
                f"Totals row '{title}' does not add up ({len(rows)} rows above "
                f"it): " + "; ".join(wrong[:4]),
                page=page,
            )

    def emit(self, line_no: int) -> int:
        """Write lines, their yearly funding rows and the sources rows; returns the last line
        number used."""
        funder = self.ctx.authority
        for line in self.lines.values():
            yearly = sorted((fy, a) for fy, a in line.amounts.items() if a[0] != 0)
            if line.sources:
                for fy, (amount, text, page) in yearly:
                    self.out.add(
                        "funding_sources",
                        FundingSource(
                            paper_id=self.ctx.paper_id,
                            source=line.title,
                            section=line.section,
                            financial_year=fy,
                            amount_gbp=amount,
                            amount_text=text,
                            page=page,
                            evidence=f"{line.title} | {fy} | {text}",
                        ),
                    )
                continue
            line_no += 1
            self.negatives += any(a < 0 for _fy, (a, _t, _p) in yearly)
            plan = line.amounts.get(self.plan_year) if self.plan_year else None
            self.out.add(
                "spend_plan_lines",
                SpendPlanLine(
                    paper_id=self.ctx.paper_id,
                    financial_year=self.plan_year,
                    line_no=line_no,
                    title=line.title,
                    description=line.description,
                    cost_gbp=plan[0] if plan else None,
                    cost_text=plan[1] if plan else None,
                    total_cost_gbp=line.total[0] if line.total else None,
                    section=line.section,
                    page_from=line.page_from,
                    page_to=line.page_to,
                ),
            )
            # a line with no description under no section heading (a directorate of a capital
            # summary) is spent on what the paper is: its title ("Capital Investments - ...")
            purpose = (
                ft.sentences(line.description)[0]
                if line.description
                else line.section or self.ctx.title
            )
            for fy, (amount, text, page) in yearly:
                self.out.add(
                    "funding",
                    Funding(
                        funding_id=stable_id(self.ctx.paper_id, "budget", line.ref, line.title, fy),
                        paper_id=self.ctx.paper_id,
                        kind="allocation",
                        funder=funder,
                        recipient=line.title,
                        purpose=purpose,
                        amount_gbp=amount,
                        amount_text=text,
                        approximate=False,
                        financial_year=fy,
                        spend_plan_line_no=line_no,
                        source="table",
                        unit_scale=int(line.unit),
                        page=page,
                        evidence=f"{line.title} | {fy} | {text}",
                    ),
                )
        return line_no


def extract_budget_tables(
    doc: Document,
    ctx: PaperContext,
    line_no: int = 0,
    found: list[tuple[Table, BudgetLayout]] | None = None,
) -> Extraction:
    """Read every budget table of ``doc`` into lines, yearly funding rows and findings.

    Takes the document, the paper context and the last spend-plan line number already used
    (lines are numbered on from it); ``found`` is the result of :func:`tables` when the caller
    has it. Returns an Extraction with ``spend_plan_lines``, ``funding`` and findings.
    """
    reader = _Reader(ctx)
    for table, layout in found if found is not None else tables(doc):
        reader.table(table, layout)
    reader.emit(line_no)
    if reader.negatives:
        reader.out.finding(
            ctx.paper_id,
            "info",
            "negative_amount",
            f"{reader.negatives} budget line(s) print negative amounts "
            "(reductions or reprofiling): kept as printed, so each year's rows "
            "add up to the table's own totals",
        )
    return reader.out
