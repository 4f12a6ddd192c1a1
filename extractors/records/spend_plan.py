"""Spend-plan and budget tables -> SpendPlanLine rows, their funding rows and reconciliation.

A table is a spend plan when a header row names a title column and a cost column (header
synonyms in ``data/spend_plan_headers.csv``). Its rows are cleaned (text exports keep HTML cell
markup), realigned when the export dropped empty cells, stitched (repeated header rows dropped,
a row with an empty title continues the line above, a page-top row that continues mid-sentence
too), and cells printed one row too early are moved to the line they belong to. Totals rows are
checked (``extractors.records.reconcile``), not counted as lines.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.base import Extraction, PaperContext, stable_id
from extractors.datafiles import load_table
from extractors.memo import document_memo, paper_memo
from extractors.records import budget_sheet, budget_table
from extractors.records.reconcile import costed_sum, reconcile
from extractors.text import funding_text as ft
from extractors.text.tables import clean_cell, form_pairs
from extractors.values import money, years
from schemas.document import Block, Document, Table
from schemas.records import Funding, SpendPlanLine

_TEXT_ROLES = ("description", "measures", "benchmark", "other_funding")
_TOTAL_TITLE = re.compile(r"^\W*(?:grand\s+|sub[-\s]?)?totals?\b", re.I)
_RULE_ROW = re.compile(r"^[-\s|]*$")
_PURPOSE_CHARS = 160
_HEADER_MAX_WORDS = 30
#: kind a £ amount gets by default from the column it is written in
_COLUMN_KIND = {"benchmark": "past_spend", "other_funding": "other_funding"}
_SENTENCE_CLOSED = re.compile(r"[.!?:;)\]]['\"’”]?\s*$")
_BACK_REFERENCE = re.compile(r"\b(?:this|the|that)\s*$", re.I)
_PLAIN_NUMBER = re.compile(r"^[-(]?\d[\d,]*(?:\.\d+)?\)?$")


@dataclass
class Layout:
    """A recognised spend-plan table: header row, column roles, plan year, funder, unit."""

    header_row: int
    roles: dict[str, int]
    headers: list[str]
    financial_year: str | None = None
    funder: str | None = None
    unit: Decimal | None = None


@dataclass
class _Row:
    cells: list[str]
    page: int
    #: the first row after a repeated header: a new section of the table begins
    section_start: bool = False


@dataclass
class _Line:
    cells: list[list[str]]
    page_from: int
    page_to: int
    evidence: list[str] = field(default_factory=list)
    #: for a totals row, how many lines came before it in the table
    after_lines: int = 0
    #: the line opens a section of the table (printed under a repeated header)
    section_start: bool = False

    def text(self, col: int | None) -> str:
        if col is None:
            return ""
        return "\n".join(p for p in self.cells[col] if p)


@functools.cache
def _header_synonyms() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (
            re.compile(
                r"(?<!\w)" + re.escape(r["phrase"].casefold()) + r"(?!\w)"
                if r["phrase"][-1:].isalnum()
                else re.escape(r["phrase"].casefold())
            ),
            r["role"],
        )
        for r in load_table("spend_plan_headers.csv")
    )


def header_role(text: str) -> str | None:
    """Return the column role a header cell names (first synonym it contains), or None."""
    found = _header_match(text)
    return found[1] if found else None


@paper_memo()  # a header cell is looked at by each layout test
def _header_match(text: str) -> tuple[int, str] | None:
    """(rank of the first synonym a header cell contains as whole words, its role), or None."""
    folded = ft.fold(text).casefold()
    if not folded:
        return None
    for rank, (phrase, role) in enumerate(_header_synonyms()):
        if phrase.search(folded):
            return rank, role
    return None


def recognise(table: Table) -> Layout | None:
    """Return the layout of a spend-plan table (a header row naming title and cost), or None.

    Pure function of the table; the funding extractor uses it to leave these tables alone.
    """
    for idx, row in enumerate(table.rows[:3]):
        cells = [clean_cell(c) for c in row]
        if not _header_like(cells):
            continue
        roles = _roles(cells)
        if "reject" in roles:
            return None
        if "cost" not in roles and "requested" in roles and "decision" in roles:
            roles["cost"] = roles.pop("requested")  # what an approval without a sum gives
        if (
            "cost" not in roles
            and "total" in roles
            and _is_money_column(
                table.rows[idx + 1 :], roles["total"], cells[roles["total"]], len(cells)
            )
        ):
            roles["cost"] = roles.pop("total")
        if "title" not in roles and "description" in roles:
            roles["title"] = roles.pop("description")
        if "title" in roles and "cost" in roles and roles["title"] != roles["cost"]:
            if not _is_money_column(
                table.rows[idx + 1 :], roles["cost"], cells[roles["cost"]], len(cells)
            ):
                return None
            cost_header = cells[roles["cost"]]
            joined = " ".join(cells)
            return Layout(
                header_row=idx,
                roles=roles,
                headers=cells,
                financial_year=ft.first_financial_year(cost_header)
                or ft.first_financial_year(joined),
                funder=ft.known_funder(cost_header),
                unit=_unit(cost_header),
            )
    return None


def _roles(cells: list[str]) -> dict[str, int]:
    """Column of each role a header row names: the best-ranked synonym wins, then the column
    naming the latest financial year, then the leftmost."""
    best: dict[str, tuple[int, str, int]] = {}
    for col, cell in enumerate(cells):
        found = _header_match(cell)
        if found is None:
            continue
        rank, role = found
        key = (rank, _negated_year(cell), col)
        if role not in best or key < best[role]:
            best[role] = key
    return {role: key[2] for role, key in best.items()}


def _negated_year(cell: str) -> str:
    """A sort key putting the latest financial year a header names first."""
    fy = ft.first_financial_year(cell) or "0000/00"
    return "".join(chr(ord("9") - int(d) + ord("0")) if d.isdigit() else d for d in fy)


def _is_money_column(rows: list[list[str]], col: int, header: str, width: int) -> bool:
    """Whether the body of a column holds money: most of its filled cells are amounts (a bare
    number counts when the header declares a unit, a "£" amount always), few are percentages.

    A KPI table's "Total" or "Target" column holds counts and percentages, not money.
    """
    unit = _unit(header)
    amounts = pcts = filled = 0
    for row in rows:
        # a short row lost its empty cells (text exports): its amounts may sit in any cell
        cells = [row[col]] if len(row) == width and col < len(row) else row
        for cell in (ft.fold(clean_cell(c)) for c in cells):
            if not cell or _RULE_ROW.match(cell):
                continue
            filled += 1
            kind = _cell_type(cell)
            if kind == "pct":
                pcts += 1
            elif kind == "money" or (unit is not None and _PLAIN_NUMBER.match(cell)):
                amounts += 1
    if filled == 0:
        return unit is not None
    return amounts > 0 and pcts <= amounts


def _header_like(cells: list[str]) -> bool:
    """Header cells are short and hold no amounts, percentage figures or bare numbers (a data
    row of a table whose header the reader lost is not a header)."""
    filled = [c for c in cells if c]
    return len(filled) >= 2 and all(
        len(c.split()) <= _HEADER_MAX_WORDS
        and not ft.money_mentions(c)
        and ft.percentage(c) is None
        and not _PLAIN_NUMBER.match(ft.fold(c))
        for c in filled
    )


def _unit(header: str) -> Decimal | None:
    return money.unit_from_header(header)


def _is_header_repeat(cells: list[str], layout: Layout) -> bool:
    same = sum(
        1
        for a, b in zip(cells, layout.headers, strict=False)
        if a and ft.fold(a).casefold() == ft.fold(b).casefold()
    )
    return same >= max(2, len([h for h in layout.headers if h]) // 2)


def _cell_type(text: str) -> str:
    if not text:
        return "empty"
    if ft.percentage(text) is not None and len(text) <= 8:
        return "pct"
    if ft.table_amount(text) is not None and len(text) <= 20:
        return "money"
    return "text"


def _misplaced(cells: list[str], layout: Layout) -> bool:
    """Whether a full-width row holds a phrase or a percentage in its cost column, or a
    non-percentage in its % column, while its last cell is empty (so cells may have shifted)."""
    if cells[-1]:
        return False
    cost, pct = layout.roles.get("cost"), layout.roles.get("pct")
    if cost is not None and cells[cost]:
        kind = _cell_type(cells[cost])
        if kind == "pct" or (kind == "text" and len(cells[cost].split()) > 2):
            return True
    return pct is not None and bool(cells[pct]) and _cell_type(cells[pct]) != "pct"


def _realign(cells: list[str], width: int, layout: Layout) -> list[str]:
    """Put a short row's cells into their columns by content (the export dropped empty ones).

    Leading text cells fill the leading columns; an amount goes to the cost column, a
    percentage to the % column; a text cell left at the end goes to the last text column.
    """
    if len(cells) == width and _misplaced(cells, layout):
        # a reader padded a short row with trailing empty cells: realign what it holds
        while cells and not cells[-1]:
            cells = cells[:-1]
    if len(cells) >= width:
        return cells[: width - 1] + [" ".join(c for c in cells[width - 1 :] if c)]
    out = [""] * width
    roles = layout.roles
    col = 0
    for i, cell in enumerate(cells):
        kind = _cell_type(cell)
        if kind == "money" and "cost" in roles:
            out[roles["cost"]] = cell
        elif kind == "pct" and "pct" in roles:
            out[roles["pct"]] = cell
        elif kind == "empty":
            col += 1 if col < width else 0
            continue
        elif (
            i == len(cells) - 1
            and i > 0
            and "other_funding" in roles
            and roles["other_funding"] >= col
        ):
            out[roles["other_funding"]] = cell
        else:
            while col < width and out[col]:
                col += 1
            if col < width:
                out[col] = cell
        col = max(col, i + 1)
    return out


@document_memo
def _table_rows(doc: Document) -> list[tuple[Layout, list[_Row], list[Table]]]:
    """Each spend-plan table with its rows and the Table items it spans.

    Tables that follow a spend plan with no text between (the export broke it at page breaks
    or blank lines) are continuations; repeated header rows are dropped.
    """
    found: list[tuple[Layout, list[_Row], list[Table]]] = []
    current: tuple[Layout, list[_Row], list[Table]] | None = None
    budget = {id(t) for t, _layout in budget_table.tables(doc)}
    for item in doc.iter_items():
        if id(item) in budget:
            current = None
            continue
        if isinstance(item, Block):
            if current and ft.fold(item.text).strip("-| "):
                current = None
            continue
        assert isinstance(item, Table)
        layout = recognise(item)
        start = 0
        new_section = titled = False
        if layout is not None:
            if current and _is_header_repeat(
                [clean_cell(c) for c in item.rows[layout.header_row]], current[0]
            ):
                # the header printed again under a section title opens a new section; printed
                # again alone it is a page break inside the same section
                new_section = layout.header_row > 0
                layout = current[0]
            else:
                current = (layout, [], [])
                found.append(current)
            start = layout.header_row + 1
        elif current is None or max((len(r) for r in item.rows), default=0) < 3:
            current = None
            continue
        layout, rows, items = current
        items.append(item)
        width = len(layout.headers)
        for r_idx in range(start, len(item.rows)):
            cells = [clean_cell(c) for c in item.rows[r_idx]]
            if not any(cells) or all(_RULE_ROW.match(c) for c in cells):
                continue
            if _is_header_repeat(cells, layout):
                new_section = titled
                titled = False
                continue
            if (
                r_idx + 1 < len(item.rows)
                and _is_header_repeat([clean_cell(c) for c in item.rows[r_idx + 1]], layout)
                and sum(1 for c in cells if c) == 1
            ):
                titled = True
                continue  # a section's title row above its repeated header
            page = item.row_pages[r_idx] if r_idx < len(item.row_pages) else item.page
            rows.append(_Row(_realign(cells, width, layout), page, section_start=new_section))
            new_section = False
    return found


def claimed_tables(doc: Document) -> list[Table]:
    """Return the Table items of ``doc`` that belong to spend plans (the funding extractor
    leaves these to :func:`extract`)."""
    return [t for _layout, _rows, items in _table_rows(doc) for t in items] + [
        t for t, _layout in budget_table.tables(doc)
    ]


def _cost_of(cells: list[str], layout: Layout) -> ft.Mention | None:
    col = layout.roles.get("cost")
    if col is None or not cells[col]:
        return None
    if layout.unit is not None:
        return ft.table_amount(cells[col], layout.headers[col])
    return ft.table_amount(cells[col])


def _move_misplaced(rows: list[_Row], layout: Layout, grant: Decimal | None) -> None:
    """Move cost cells printed one row early onto the titled row they belong to.

    A continuation row (empty title) that carries a cost while the line it continues already
    has one, followed by a titled row whose cost cells are empty: its cells belong to that next
    row. When the grant is known, the printed % must agree with cost / grant.
    """
    t = layout.roles["title"]
    line_has_cost = False
    for i, row in enumerate(rows):
        if row.cells[t]:
            line_has_cost = _cost_of(row.cells, layout) is not None
            continue
        cost = _cost_of(row.cells, layout)
        if cost is None:
            continue
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if (
            not line_has_cost
            or nxt is None
            or not nxt.cells[t]
            or _cost_of(nxt.cells, layout) is not None
        ):
            line_has_cost = True
            continue
        pct = ft.percentage(row.cells[layout.roles["pct"]]) if "pct" in layout.roles else None
        if grant and pct is not None and not pct_agrees(pct, cost.amount, grant):
            continue
        for col, cell in enumerate(row.cells):
            if col != t and cell and not nxt.cells[col]:
                nxt.cells[col], row.cells[col] = cell, ""


def pct_agrees(printed: float, cost: Decimal, grant: Decimal) -> bool:
    """Return whether a printed % matches cost / grant to the precision it is printed with."""
    if not grant:
        return True
    actual = float(cost / grant * 100)
    decimals = len(repr(printed).split(".")[1]) if "." in repr(printed) else 0
    decimals = 0 if repr(printed).endswith(".0") else decimals
    return abs(actual - printed) <= 0.5 * 10**-decimals + 1e-9


def _continues_mid_sentence(row: _Row, prev: _Row | None, layout: Layout) -> bool:
    """A row at the top of a new page whose text cells go on in lower case continues a row."""
    if prev is None or row.page == prev.page:
        return False
    t = layout.roles["title"]
    for col, cell in enumerate(row.cells):
        if col != t and cell:
            return cell[:1].islower()
    return False


def _stitch(rows: list[_Row], layout: Layout) -> tuple[list[_Line], list[_Line]]:
    """Group rows into lines (and totals rows); a row with an empty title continues a line."""
    t = layout.roles["title"]
    lines: list[_Line] = []
    totals: list[_Line] = []
    last: _Line | None = None
    prev: _Row | None = None
    for row in rows:
        cont = not row.section_start and (
            not row.cells[t] or _continues_mid_sentence(row, prev, layout)
        )
        if cont and last is not None:
            for col, cell in enumerate(row.cells):
                if cell:
                    last.cells[col].append(cell)
            last.page_to = max(last.page_to, row.page)
            last.evidence.append(" | ".join(c for c in row.cells if c))
        else:
            last = _Line(
                [[c] for c in row.cells],
                row.page,
                row.page,
                [" | ".join(c for c in row.cells if c)],
                section_start=row.section_start,
            )
            last.after_lines = len(lines)
            (totals if _TOTAL_TITLE.match(row.cells[t]) else lines).append(last)
        prev = row
    return lines, totals


def _grant_of(doc: Document) -> tuple[Decimal | None, str | None]:
    """The grant a form block beside the table states ("CSF Grant Allocation: £261,694")."""
    for item in doc.iter_items():
        if isinstance(item, Table) and recognise(item) is None:
            for label, mention, _row in form_pairs(item):
                if ft.kind_of(label) == "grant_award":
                    return mention.amount, label
    return None, None


def _plan_year(layout: Layout, doc: Document, ctx: PaperContext, out: Extraction) -> str | None:
    if layout.financial_year:
        return layout.financial_year
    for item in doc.iter_items():
        if isinstance(item, Block) and item.kind == "heading":
            fy = ft.first_financial_year(item.text)
            if fy:
                return fy
            break
    if ctx.financial_year:
        return ctx.financial_year
    if ctx.paper_date:
        fy = financial_year_of_date(ctx.paper_date)
        out.finding(
            ctx.paper_id,
            "info",
            "financial_year_inferred",
            f"spend plan prints no financial year; {fy} inferred from the paper date "
            f"{ctx.paper_date.isoformat()}",
        )
        return fy
    return None


def financial_year_of_date(day: dt.date) -> str:
    """Return the UK financial year (April-March) holding ``day``, as ``YYYY/YY``."""
    return years.financial_year_of(day)


def previous_year(fy: str | None) -> str | None:
    """Return the financial year before ``fy`` ("2019/20" -> "2018/19"), or None."""
    if not fy or not re.match(r"^\d{4}/\d{2}$", fy):
        return None
    start = int(fy[:4]) - 1
    return f"{start}/{(start + 1) % 100:02d}"


def _purpose(line: _Line, layout: Layout) -> str | None:
    for role in ("description", "measures"):
        text = line.text(layout.roles.get(role))
        if text:
            first = ft.sentences(text)[0] if ft.sentences(text) else text
            return first[:_PURPOSE_CHARS].rstrip()
    return None


def _cell_funding(
    line: _Line,
    line_no: int,
    layout: Layout,
    title: str,
    cost: Decimal | None,
    plan_fy: str | None,
    page: int,
    ctx: PaperContext,
    plan_funder: str | None,
    following: _Line | None = None,
) -> list[Funding]:
    """Funding rows written inside a line's text cells (other funding, past spend, staff cost).

    ``following`` is the next line: a sentence cut off at the end of a cell may go on at the
    start of the same column of the next row (an export broke the cell there).
    """
    rows: list[Funding] = []
    seen: set[Decimal] = set()
    for role in ("description", "measures", "benchmark", "other_funding"):
        col = layout.roles.get(role)
        if col is None:
            continue
        for sentence in ft.sentences(_with_cut_tail(line.text(col), following, col)):
            mentions = ft.money_mentions(sentence)
            for k, mention in enumerate(mentions):
                if mention.amount in seen:
                    continue
                end = mentions[k + 1].start if k + 1 < len(mentions) else len(sentence)
                tail = ft.fold(sentence[mention.end : end])
                if (
                    cost is not None
                    and mention.amount == cost
                    and (
                        _BACK_REFERENCE.search(sentence[: mention.start])
                        or (plan_funder and tail.casefold().startswith(plan_funder.casefold()))
                    )
                ):
                    continue
                facts = ft.read_sentence(sentence, mention, _COLUMN_KIND.get(role), ctx.authority)
                if facts.kind == ft.NOT_FUNDING:
                    continue
                if role == "other_funding":
                    head = ft.fold(sentence[: mention.start])
                    facts.funder = (
                        facts.funder
                        or (tail if tail[:1].isupper() and len(tail.split()) <= 8 else None)
                        or ft.known_funder(head, ctx.authority)
                    )
                fy = facts.financial_year
                if facts.kind == "past_spend":
                    fy = fy or previous_year(plan_fy)
                elif role == "other_funding" and facts.funder and mention.amount == cost:
                    fy = fy or plan_fy
                purpose = facts.purpose or (_after_dash(tail) if role == "benchmark" else None)
                seen.add(mention.amount)
                rows.append(
                    Funding(
                        funding_id=stable_id(
                            ctx.paper_id, "spend_plan", line_no, role, mention.text, k
                        ),
                        paper_id=ctx.paper_id,
                        kind=facts.kind,
                        funder=facts.funder,
                        recipient=None if role == "benchmark" else (facts.recipient or title),
                        purpose=purpose,
                        amount_gbp=mention.amount,
                        amount_text=mention.text,
                        approximate=mention.approximate,
                        financial_year=fy,
                        spend_plan_line_no=line_no,
                        source="table",
                        unit_scale=1,  # a "£" amount in a cell's own words
                        page=page,
                        evidence=ft.fold(sentence),
                    )
                )
    return rows


def _with_cut_tail(text: str, following: _Line | None, col: int) -> str:
    """``text`` with the first sentence of the next line's cell appended when ``text`` stops
    mid-sentence (no closing punctuation) and that sentence holds no amount."""
    if not text or _SENTENCE_CLOSED.search(text) or following is None:
        return text
    nxt = ft.sentences(following.text(col))
    if not nxt or ft.money_mentions(nxt[0]):
        return text
    return f"{text} {nxt[0]}"


def _after_dash(text: str) -> str | None:
    text = re.sub(r"^[\s\-–—:]+", "", text)
    return text or None


#: a paper that lists applications for grants or funding (its title says so)
_APPLICATIONS = re.compile(
    r"\b(?:grant|funding|bid|community\s+fund)\s+applications?\b|\bapplications?\s+for\s+"
    r"(?:grants?|funding)\b",
    re.I,
)


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read every spend-plan table of ``doc``: lines, their funding rows and findings.

    Budget tables with one column per financial year are read by
    ``extractors.records.budget_table``, budget sheets printed without rules (text lines of a
    title and figures) by ``extractors.records.budget_sheet``.
    Takes the document model and the paper context; returns an Extraction with
    ``spend_plan_lines`` and ``funding`` records and reconciliation findings.
    """
    out = Extraction()
    grant, _label = _grant_of(doc)
    line_no = 0
    for layout, shared_rows, _items in _table_rows(doc):
        # copies: the memo's rows stay as read
        rows = [_Row(list(r.cells), r.page, r.section_start) for r in shared_rows]
        _move_misplaced(rows, layout, grant)
        lines, totals = _stitch(rows, layout)
        plan_fy = _plan_year(layout, doc, ctx, out)
        funder = layout.funder or ft.known_funder(ctx.title or "") or _title_funder(doc)
        roles = layout.roles
        made: list[SpendPlanLine] = []
        if "decision" in roles:  # a list of grant decisions, not a spend plan
            for line in lines:
                out.records.setdefault("funding", []).extend(
                    _decided_awards(line, layout, ctx, funder)
                )
            continue
        if "requested" in roles or _APPLICATIONS.search(ctx.title or ""):
            # a list of applications with no decision beside them ("Amenities Committee
            # Community Grant Applications 15th November 2016", Sutton Coldfield TC): the sums
            # are asked for, not given, and the list is no plan
            out.finding(
                ctx.paper_id,
                "info",
                "applications_list",
                f"a table of {len(lines)} application(s) with no decision column: "
                "amounts asked for are not funding",
                page=lines[0].page_from if lines else None,
            )
            continue
        for idx, line in enumerate(lines):
            title = ft.fold(line.text(roles["title"]))
            if not title:
                continue
            line_no += 1
            cost = _cost_of([line.text(c) for c in range(len(line.cells))], layout)
            if cost is not None and cost.amount < 0:
                out.finding(
                    ctx.paper_id,
                    "info",
                    "negative_amount",
                    f"line '{title}' prints a negative cost {cost.text}; kept as printed",
                    page=line.page_from,
                )
            pct_text = line.text(roles.get("pct"))
            record = SpendPlanLine(
                paper_id=ctx.paper_id,
                financial_year=plan_fy,
                line_no=line_no,
                title=title,
                description=ft.fold(line.text(roles.get("description"))) or None,
                measures=ft.fold(line.text(roles.get("measures"))) or None,
                benchmark=ft.fold(line.text(roles.get("benchmark"))) or None,
                cost_gbp=cost.amount if cost else None,
                cost_text=ft.fold(line.text(roles.get("cost"))) or None,
                pct_of_grant=ft.percentage(pct_text),
                other_funding=ft.fold(line.text(roles.get("other_funding"))) or None,
                page_from=line.page_from,
                page_to=line.page_to,
            )
            out.add("spend_plan_lines", record)
            made.append(record)
            if cost is not None and cost.amount != 0:
                out.add(
                    "funding",
                    Funding(
                        funding_id=stable_id(ctx.paper_id, "spend_plan", line_no, "cost"),
                        paper_id=ctx.paper_id,
                        kind="allocation",
                        funder=funder,
                        recipient=title,
                        purpose=_purpose(line, layout),
                        amount_gbp=cost.amount,
                        amount_text=cost.text,
                        approximate=cost.approximate,
                        financial_year=plan_fy,
                        spend_plan_line_no=line_no,
                        source="table",
                        unit_scale=int(layout.unit or 1),
                        page=line.page_from,
                        evidence=ft.fold(
                            " | ".join(x for x in (title, record.cost_text, pct_text) if x)
                        ),
                    ),
                )
            for row in _cell_funding(
                line,
                line_no,
                layout,
                title,
                cost.amount if cost else None,
                plan_fy,
                line.page_from,
                ctx,
                funder,
                lines[idx + 1] if idx + 1 < len(lines) else None,
            ):
                out.add("funding", row)
        for f in _check_totals(ctx.paper_id, lines, made, totals, layout, grant):
            out.findings.append(f)
    out.merge(budget_table.extract_budget_tables(doc, ctx, line_no))
    line_no = max((r.line_no for r in out.records.get("spend_plan_lines", [])), default=0)
    out.merge(budget_sheet.extract_budget_sheets(doc, ctx, line_no))
    return out


#: the total after a request split into parts: "... Vesey - £2355.50 Total= £9422"
_TOTAL_OF_SPLIT = re.compile(r"\btotal\s*[:=]?\s*(?=£)", re.I)
#: an award an application's summary records as made: "£600 was approved to start the
#: project", "YMCA received £8,000 from the Town Council in 2016/17"
_MADE_AWARD = re.compile(
    r"^\s*(?:(?:had|has|have)\s+)?(?:been\s+|was\s+|were\s+)(?:approved|awarded|granted)\b"
    r"|^\s*from\s+the\s+[A-Z]",
)


def _past_awards(line: _Line, layout: Layout, ctx: PaperContext, title: str) -> list[Funding]:
    """Awards the summary cell of a grant-decisions row records as already made (whatever
    the new decision): the amount approved or received, not the amount applied for."""
    text = ft.fold(line.text(layout.roles.get("description")))
    rows = []
    for sentence in ft.sentences(text):
        for k, mention in enumerate(ft.money_mentions(sentence)):
            after = sentence[mention.end :]
            received = re.search(r"\breceived\s*$", sentence[: mention.start])
            if not _MADE_AWARD.match(after) or (after.lstrip().startswith("from") and not received):
                continue
            facts = ft.read_sentence(sentence, mention, "grant_award", ctx.authority)
            if facts.kind == ft.NOT_FUNDING:
                continue
            rows.append(
                Funding(
                    funding_id=stable_id(ctx.paper_id, "decision-past", title, mention.text, k),
                    paper_id=ctx.paper_id,
                    kind="grant_award",
                    funder=facts.funder or ctx.authority,
                    recipient=title,
                    # what the application is for ("YMCA is seeking funding to continue their
                    # Triple A project ...") when the sentence names nothing else
                    purpose=facts.purpose or _purpose(line, layout),
                    amount_gbp=mention.amount,
                    amount_text=mention.text,
                    approximate=mention.approximate,
                    financial_year=facts.financial_year,
                    source="table",
                    unit_scale=1,
                    page=line.page_from,
                    evidence=ft.fold(f"{title} | {sentence}")[:500],
                )
            )
    return rows


#: a decision that gives the money: "Approved.", "£2500 approved.", "Agreed", "Awarded"
_APPROVED = re.compile(r"^\W*(?:£[\d,.]+\s+)?(?:approved|agreed|awarded|granted|supported)\b", re.I)


def _decided_awards(
    line: _Line, layout: Layout, ctx: PaperContext, funder: str | None
) -> list[Funding]:
    """Awards of one row of a grant-decisions table (Organisation | Project | Amount requested |
    Recommendation: Sutton Coldfield Town Council's community grants).

    A row is an award only when its decision approves it: the amounts the decision cell
    names ("£2500 approved", "Approved. Four Oaks - £400 New Hall - £200"), else the amount
    asked for. A row declined, deferred or passed to another committee gives none.
    """
    roles = layout.roles
    decision = ft.fold(line.text(roles["decision"]))
    title = ft.fold(line.text(roles["title"]))
    if not title:
        return []
    rows = _past_awards(line, layout, ctx, title)
    if not _APPROVED.match(decision):
        return rows
    purpose = _purpose(line, layout)
    found = ft.money_mentions(decision)
    scale = 1  # "£2500 approved": pounds as printed
    if not found:
        asked = ft.fold(line.text(roles.get("cost")))
        total = _TOTAL_OF_SPLIT.search(asked)
        # "Four Oaks-£2355.50 ... Vesey - £2355.50 Total= £9422": the request split by ward;
        # approved as asked, the award is the total
        found = ft.money_mentions(asked[total.end() :]) if total else []
        if not found:
            cost = _cost_of([line.text(c) for c in range(len(line.cells))], layout)
            found = [cost] if cost is not None else []
            scale = int(layout.unit or 1)
    rows = [r for r in rows if r.amount_gbp not in {m.amount for m in found}]  # told twice
    for k, mention in enumerate(found):
        rows.append(
            Funding(
                funding_id=stable_id(ctx.paper_id, "decision", title, mention.text, k),
                paper_id=ctx.paper_id,
                kind="grant_award",
                funder=funder or ctx.authority,
                recipient=title,
                purpose=purpose,
                amount_gbp=mention.amount,
                amount_text=mention.text,
                approximate=mention.approximate,
                financial_year=ft.first_financial_year(decision),
                source="table",
                unit_scale=scale,
                page=line.page_from,
                evidence=ft.fold(f"{title} | {decision}")[:500],
            )
        )
    return rows


def _check_totals(
    paper_id: str,
    lines: list[_Line],
    made: list[SpendPlanLine],
    totals: list[_Line],
    layout: Layout,
    grant: Decimal | None,
) -> list:
    """Reconcile a plan with its totals rows: one totals row is checked against every line
    (and the grant); several (section subtotals of a budget book) each against the lines
    printed since the totals row or the section start (a repeated header) before it; a total
    of totals is not checked."""
    by_line = {
        id(ln): rec
        for ln, rec in zip(
            [ln for ln in lines if ft.fold(ln.text(layout.roles["title"]))], made, strict=False
        )
    }
    stated = [_cost_of([t.text(c) for c in range(len(t.cells))], layout) for t in totals]
    if len(totals) <= 1:
        total = stated[0].amount if stated and stated[0] is not None else None
        return reconcile(paper_id, made, total, grant, page=totals[0].page_from if totals else None)
    found = []
    start = 0
    opens = [k for k, ln in enumerate(lines) if ln.section_start]
    for row, value in zip(totals, stated, strict=True):
        if value is None:
            continue
        # a subtotal sums the lines since the last totals row or the last section the table
        # opened under a repeated header; a directorate's total may instead sum every line
        # since the table's start or its last totals row: a finding only when none of these
        # readings adds up
        since_total = lines[start : row.after_lines]
        since_section = lines[
            max([start, *(k for k in opens if k < row.after_lines)]) : row.after_lines
        ]
        readings = [since_section, since_total, lines[: row.after_lines]]
        start = row.after_lines
        sections = [[by_line[id(ln)] for ln in r if id(ln) in by_line] for r in readings]
        if not sections[0] or any(costed_sum(sec) == value.amount for sec in sections if sec):
            continue
        found += reconcile(paper_id, sections[0], value.amount, None, page=row.page_from)
    return found


def _title_funder(doc: Document) -> str | None:
    for item in doc.iter_items():
        if isinstance(item, Block):
            return ft.known_funder(item.text)
    return None
