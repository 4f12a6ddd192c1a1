"""Findings for spend plans whose figures do not add up.

Compares the sum of the costed lines with the stated total and with the grant, and each line's
printed percentage with cost / grant. Messages carry the figures so an analyst can check them.
"""

from __future__ import annotations

from decimal import Decimal

from schemas.records import Finding, SpendPlanLine


def gbp(amount: Decimal) -> str:
    """Format pounds as councils print them: £242,694 (pence only when there are any)."""
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"


def _pct_text(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')).normalize():f}%"


def _printed_share(lines: list[SpendPlanLine]) -> Decimal | None:
    """Sum of the printed % of the costed lines, when every costed line prints one."""
    costed = [ln for ln in lines if ln.cost_gbp is not None]
    if not costed or any(ln.pct_of_grant is None for ln in costed):
        return None
    return sum((Decimal(repr(ln.pct_of_grant)) for ln in costed), Decimal(0))


def _gap(
    paper_id: str,
    code: str,
    what: str,
    costed: Decimal,
    target: Decimal,
    lines: list[SpendPlanLine],
    page: int | None,
) -> Finding | None:
    diff = target - costed
    if diff == 0 or not target:
        return None
    printed = _printed_share(lines)
    # The paper's own percentages say how far short it is ("7.25%"); fall back to arithmetic.
    share = abs(Decimal(100) - printed) if printed is not None else abs(diff) / target * 100
    direction = "short of" if diff > 0 else "over"
    uncosted = [ln.title for ln in lines if ln.cost_gbp is None]
    note = ""
    if uncosted:
        note = f"; {len(uncosted)} line(s) print no cost: " + ", ".join(uncosted)
    costed_n = sum(1 for ln in lines if ln.cost_gbp is not None)
    shown = f" ({_pct_text(printed)} by their printed percentages)" if printed is not None else ""
    message = (
        f"The {costed_n} costed lines sum to {gbp(costed)}{shown}, {gbp(abs(diff))} "
        f"({_pct_text(share)}) {direction} the {gbp(target)} {what}{note}"
    )
    return Finding(
        paper_id=paper_id,
        severity="warning",
        code=code,
        message=message,
        page=page,
        stage="extract",
    )


def pct_check(line: SpendPlanLine, grant: Decimal) -> str | None:
    """Return a message when a line's printed % disagrees with cost / grant, else None."""
    if line.cost_gbp is None or line.pct_of_grant is None or not grant:
        return None
    actual = line.cost_gbp / grant * 100
    printed = Decimal(repr(line.pct_of_grant))
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if abs(actual - printed) <= Decimal(5) * Decimal(10) ** (-places - 1):
        return None
    return (
        f"Line {line.line_no} '{line.title}': printed {printed}% but {gbp(line.cost_gbp)} is "
        f"{_pct_text(actual)} of the {gbp(grant)} grant"
    )


def costed_sum(lines: list[SpendPlanLine]) -> Decimal:
    """The sum of the lines' printed costs (lines with no cost left out)."""
    return sum((ln.cost_gbp for ln in lines if ln.cost_gbp is not None), Decimal(0))


def reconcile(
    paper_id: str,
    lines: list[SpendPlanLine],
    stated_total: Decimal | None,
    grant: Decimal | None,
    page: int | None = None,
) -> list[Finding]:
    """Check a spend plan's lines against its totals row and its grant.

    Takes the plan's lines, the total its totals row states and the grant (either may be None);
    returns findings: costed lines vs stated total, costed lines vs grant, each printed % vs
    cost / grant.
    """
    if not lines:
        return []
    costed = costed_sum(lines)
    out = []
    if grant is not None:
        f = _gap(paper_id, "spend_plan_short_of_grant", "grant", costed, grant, lines, page)
        if f is not None:
            if costed > grant:
                f.code = "spend_plan_over_grant"
            out.append(f)
    if stated_total is not None and stated_total != grant:
        f = _gap(
            paper_id, "spend_plan_total_mismatch", "stated total", costed, stated_total, lines, page
        )
        if f is not None:
            out.append(f)
    elif stated_total is not None and stated_total != costed:
        out.append(
            Finding(
                paper_id=paper_id,
                severity="warning",
                code="spend_plan_total_mismatch",
                message=f"The totals row states {gbp(stated_total)} but the costed "
                f"lines sum to {gbp(costed)}",
                page=page,
                stage="extract",
            )
        )
    base = grant if grant is not None else stated_total
    if base:
        for ln in lines:
            msg = pct_check(ln, base)
            if msg:
                out.append(
                    Finding(
                        paper_id=paper_id,
                        severity="info",
                        code="pct_mismatch",
                        message=msg,
                        page=ln.page_from,
                        stage="extract",
                    )
                )
    return out
