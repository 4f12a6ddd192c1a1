"""Budget sheets printed without rules: a line title, then one figure per column.

A parish or town council's budget (or the budget columns of its financial statement) is often a
spreadsheet printed as plain lines: a header line of column heads ("ITEM  Budget  Spent  Budget
Spent", "Payments:  Orig Budget:  Rev Budget"; heads in ``data/budget_sheet_columns.csv``), a
line of financial years under it ("2017-18  2018-19"), section heads ("REVENUE", "CAPITAL") and
one line per budget head ("Clerk's Salary  3,500  3,421  3,500"). The PDF reader gives such a
table as text lines, not as a table (no rules, right-aligned figures), and a page of two tables
side by side as one paragraph of lines run together. So the sheet is read from its text:

- a row is a title and its figures; a paragraph with more figures than the header has columns
  holds several printed lines, and each run of two or more figures is a row titled by the
  words since the figure before it (one-figure runs belong to a table beside it);
- figures fill the columns from the left (a sheet's later columns, such as the plan year's
  "Spent", are often still empty);
- the line's amount is that of the rightmost ``plan`` column the rows fill, and its financial
  year the year printed over that column (or none, when the sheet prints none);
- totals rows are not lines; a section head is kept as the lines' ``section``.

Each line gives a SpendPlanLine and, when its amount is not nil, a Funding row (``allocation``
of the paper's authority to the line's purpose).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.base import Extraction, PaperContext, stable_id
from extractors.datafiles import load_table
from extractors.text import funding_text as ft
from extractors.values import money, years
from schemas.document import Document
from schemas.records import Funding, SpendPlanLine

_MAX_HEADER_WORDS = 10  # a header line is short: a title head and the column heads
_MIN_ROWS = 3  # rows with figures before a sheet counts as one
_FIGURE = re.compile(r"^\(?-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)?$|^\.\d+$")
_TOTAL = re.compile(r"\btotals?\b", re.I)
_SECTION = re.compile(r"^[A-Z][A-Z &/'-]{2,40}$")
_EDGE_PUNCT = " :;*-–|"


@functools.cache
def _column_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = load_table("budget_sheet_columns.csv")
    roles = {r["phrase"].casefold(): r["role"] for r in rows}
    alternation = "|".join(re.escape(p) for p in sorted(roles, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I), roles


@functools.cache
def _reject_pattern() -> re.Pattern[str]:
    """Heads that mark a table of something other than budget lines (a monitoring table's
    "Variance", a savings template): the ``reject`` rows of ``data/spend_plan_headers.csv``."""
    phrases = [r["phrase"] for r in load_table("spend_plan_headers.csv") if r["role"] == "reject"]
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I)


def header_columns(text: str) -> list[str] | None:
    """The roles (``plan``/``actual``) of the column heads a header line names, left to right,
    or None when the line is not a budget sheet's header (too long, fewer than two heads, no
    ``plan`` head, more other words than heads, or a head of a table that is no budget, such as
    a monitoring table's "Variance")."""
    if len(text.split()) > _MAX_HEADER_WORDS or any(ch.isdigit() for ch in text):
        return None
    pattern, roles = _column_pattern()
    folded = ft.fold(text)
    found = [roles[m.group().casefold()] for m in pattern.finditer(folded)]
    # words beside the heads: the title column's head, a side table's head ("Bank a/c:")
    others = sum(1 for w in pattern.sub(" ", folded).split() if any(c.isalpha() for c in w))
    if len(found) < 2 or "plan" not in found or others > len(found):
        return None  # a sentence that names a budget is no header
    if _reject_pattern().search(folded):
        return None  # "Budget Forecast Variance Variance": budget monitoring, not a budget
    return found


@dataclass
class _Row:
    title: str
    figures: list[str]
    page: int
    section: str | None
    evidence: str


@dataclass
class _Sheet:
    columns: list[str]
    years: list[str]
    rows: list[_Row] = field(default_factory=list)
    unit: Decimal = Decimal(1)  # pounds per printed figure ("£000" in the header: 1000)


def _tokens(text: str) -> list[str]:
    return ft.fold(text).split()


def _title(words: list[str]) -> str:
    return " ".join(words).strip(_EDGE_PUNCT)


def rows_of(text: str, columns: int) -> list[tuple[str, list[str]]]:
    """The (title, figures) rows of one paragraph of a sheet whose header has ``columns``
    column heads (see the module docstring); [] when it holds none."""
    if "£" in text:  # a sheet prints bare figures under its header: this is a sentence
        return []
    tokens = _tokens(text)
    is_fig = [bool(_FIGURE.match(t)) for t in tokens]
    count = sum(is_fig)
    if count < 1:
        return []
    if count <= columns + 1:  # one printed line: words between its figures are notes
        first = is_fig.index(True)
        title = _title(tokens[:first])
        figures = [t for t, f in zip(tokens, is_fig, strict=True) if f]
        return [(title, figures)] if title and len(figures) >= 2 or (title and columns == 1) else []
    out = []
    words: list[str] = []
    k = 0
    while k < len(tokens):
        if not is_fig[k]:
            words.append(tokens[k])
            k += 1
            continue
        run = []
        while k < len(tokens) and is_fig[k]:
            run.append(tokens[k])
            k += 1
        if len(run) >= 2 and _title(words):
            out.append((_title(words), run))
        words = []
    return out


def _years_of(text: str) -> list[str] | None:
    """The financial years of a line that prints nothing else ("2017-18 2018-19"), or None."""
    parts = _tokens(text)
    fys = [years.normalise_financial_year(p) for p in parts]
    if parts and all(fys):
        return [fy for fy in fys if fy]
    return None


def _sheets(doc: Document) -> list[_Sheet]:
    sheets: list[_Sheet] = []
    blocks = [b for page in doc.pages for b in page.blocks]
    k = 0
    while k < len(blocks):
        columns = header_columns(blocks[k].text)
        if columns is None:
            k += 1
            continue
        sheet = _Sheet(columns, [], unit=money.unit_from_header(blocks[k].text) or Decimal(1))
        j = k + 1
        if j < len(blocks) and (fys := _years_of(blocks[j].text)):
            sheet.years = fys
            j += 1
        section = None
        while j < len(blocks):
            block = blocks[j]
            text = ft.fold(block.text)
            found = rows_of(text, len(columns))
            if found:
                for title, figures in found:
                    sheet.rows.append(_Row(title, figures, block.page, section, text))
            elif _SECTION.match(text) and not any(ch.isdigit() for ch in text):
                section = text
            else:
                break
            j += 1
        if sum(1 for r in sheet.rows if not _TOTAL.search(r.title)) >= _MIN_ROWS:
            sheets.append(sheet)
            k = j
        else:
            k += 1
    return sheets


def _plan_column(sheet: _Sheet) -> int | None:
    """The rightmost ``plan`` column that most rows fill (figures fill columns from the left)."""
    width = len(sheet.columns)
    lines = [r for r in sheet.rows if not _TOTAL.search(r.title)]
    for c in range(width - 1, -1, -1):
        if sheet.columns[c] != "plan":
            continue
        filled = sum(1 for r in lines if len(r.figures) > c)
        if filled * 2 > len(lines):
            return c
    return None


def _plan_year(sheet: _Sheet, col: int) -> str | None:
    """The year printed over the plan column: the years line names the plan columns in order
    (or every column); None when it prints no years."""
    if not sheet.years:
        return None
    plans = [c for c, role in enumerate(sheet.columns) if role == "plan"]
    if len(sheet.years) == len(plans):
        return sheet.years[plans.index(col)]
    if len(sheet.years) == len(sheet.columns):
        return sheet.years[col]
    return max(sheet.years)


def extract_budget_sheets(doc: Document, ctx: PaperContext, line_no: int = 0) -> Extraction:
    """Read every ruleless budget sheet of ``doc`` (see the module docstring).

    Takes the document, the paper context and the last spend-plan line number already used
    (lines are numbered on from it); returns an Extraction with ``spend_plan_lines`` and
    ``funding`` records.
    """
    out = Extraction()
    for sheet in _sheets(doc):
        col = _plan_column(sheet)
        if col is None:
            continue
        fy = _plan_year(sheet, col)
        for row in sheet.rows:
            if _TOTAL.search(row.title) or len(row.figures) <= col:
                continue
            printed = row.figures[col]
            amount = money.parse_table_amount(printed, sheet.unit)
            if amount is None:
                continue
            line_no += 1
            evidence = f"{row.title} | {' | '.join(row.figures)}"
            out.add(
                "spend_plan_lines",
                SpendPlanLine(
                    paper_id=ctx.paper_id,
                    financial_year=fy,
                    line_no=line_no,
                    title=row.title,
                    cost_gbp=amount,
                    cost_text=printed,
                    section=row.section,
                    page_from=row.page,
                    page_to=row.page,
                ),
            )
            if amount == 0:
                continue
            out.add(
                "funding",
                Funding(
                    funding_id=stable_id(ctx.paper_id, "budget_sheet", line_no, "plan"),
                    paper_id=ctx.paper_id,
                    kind="allocation",
                    funder=ctx.authority,
                    recipient=None,
                    purpose=row.title,
                    amount_gbp=amount,
                    amount_text=printed,
                    approximate=False,
                    financial_year=fy,
                    spend_plan_line_no=line_no,
                    source="table",
                    unit_scale=int(sheet.unit),
                    page=row.page,
                    evidence=evidence,
                ),
            )
    return out
