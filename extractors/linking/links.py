"""Archive-wide links between records of different papers.

``link_budget_summaries``: a budget summary (a capital programme by directorate) and the
appendix that prints the same programme scheme by scheme give the same total for every year;
the summary's rows name the detailed paper in ``detailed_in``, so money is counted once.

``infer_authorities``: a paper that names no authority (a capital programme appendix printing
only its table) takes the authority every other paper of its folder names, flagged inferred.

``link_minutes_approvals``: a resolution that approves the minutes of an earlier meeting
("That the Minutes of the meeting held on 24 September 2020 be approved") gets the meeting_id of
those minutes when they are in the archive: a minutes meeting of the same body on that date.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from extractors.linking.bodies import body_key
from schemas.records import Finding


def link_minutes_approvals(tables: dict[str, list[Any]]) -> int:
    """Set ``approves_meeting_id`` on resolutions whose approved minutes are in the run.

    Takes the run's tables; links only when exactly one minutes meeting has that date and a
    body that agrees with the approving meeting's (or either body is unknown). Returns the number
    of resolutions linked.
    """
    meetings = tables.get("meetings", [])
    body_of = {m.meeting_id: body_key(m.body) for m in meetings}
    by_date: dict[Any, list[Any]] = {}
    for m in meetings:
        if m.source == "minutes" and m.date is not None:
            by_date.setdefault(m.date, []).append(m)
    linked = 0
    for res in tables.get("resolutions", []):
        if res.approves_minutes_of is None:
            continue
        own = body_of.get(res.meeting_id, "")
        found = [
            m
            for m in by_date.get(res.approves_minutes_of, [])
            if m.meeting_id != res.meeting_id
            and (not own or not body_key(m.body) or body_key(m.body) == own)
        ]
        ids = sorted({m.meeting_id for m in found})
        if len(ids) == 1:
            res.approves_meeting_id = ids[0]
            linked += 1
    return linked


def infer_authorities(tables: dict[str, list[Any]]) -> int:
    """Fill ``authority`` of read papers that name none from their folder's other papers.

    An archive keeps a council's papers together: when every paper of the same folder that
    names its authority names the same one (at least two of them), a paper of that folder
    naming none takes it, with ``authority_inferred`` set and an info finding; its budget-table
    funding rows (the council's own budget) and the grants of its decision tables and payments
    lists take it as funder, as a named authority's do.
    Returns the number of papers filled.
    """
    papers = tables.get("papers", [])
    by_folder: dict[str, set[str]] = {}
    count: dict[str, int] = {}
    for p in papers:
        if p.authority and not p.duplicate_of:
            folder = _folder(p.path)
            by_folder.setdefault(folder, set()).add(p.authority)
            count[folder] = count.get(folder, 0) + 1
    filled = 0
    for p in papers:
        if p.authority:
            p.authority_inferred = False
        if p.authority or p.status not in ("ok", "partial"):
            continue
        folder = _folder(p.path)
        names = by_folder.get(folder, set())
        if len(names) != 1 or count.get(folder, 0) < _MIN_SIBLINGS:
            continue
        p.authority, p.authority_inferred = next(iter(names)), True
        budget_rows = [
            f
            for f in tables.get("funding", [])
            if f.paper_id == p.paper_id
            and f.funder is None
            and (
                f.spend_plan_line_no is not None
                # a grant the paper's own decision table or payments list records
                or (f.kind == "grant_award" and f.source == "table")
            )
        ]
        for f in budget_rows:
            f.funder = p.authority  # the council's own budget: its inferred authority
        tables.setdefault("findings", []).append(
            Finding(
                paper_id=p.paper_id,
                severity="info",
                code="authority_inferred",
                message=f"the paper names no authority; {p.authority} taken from the "
                f"{count[folder]} other papers of its folder that all name it"
                + (
                    f", and given as funder of its {len(budget_rows)} budget-table rows"
                    if budget_rows
                    else ""
                ),
                stage="link",
            )
        )
        filled += 1
    return filled


_MIN_SIBLINGS = 2


def _folder(path: str) -> str:
    return str(PurePosixPath(str(path).split("!")[0].replace("\\", "/")).parent)


def link_budget_summaries(tables: dict[str, list[Any]]) -> int:
    """Mark the budget rows of a paper that summarises another paper's budget table.

    Two papers of the same authority whose budget-table funding rows (rows from a spend-plan
    line) add up to the same amount in every one of two or more years print the same money:
    the one with fewer rows is the summary. Its rows get ``detailed_in`` = the other paper's
    id and the paper an info finding. Returns the number of rows marked.
    """
    authority = {p.paper_id: p.authority for p in tables.get("papers", [])}
    totals: dict[str, dict[str, Any]] = {}
    rows: dict[str, list[Any]] = {}
    for f in tables.get("funding", []):
        if f.spend_plan_line_no is None or not f.financial_year:
            continue
        by_year = totals.setdefault(f.paper_id, {})
        by_year[f.financial_year] = by_year.get(f.financial_year, 0) + f.amount_gbp
        rows.setdefault(f.paper_id, []).append(f)
    marked = 0
    papers = sorted(totals, key=lambda pid: (len(rows[pid]), pid))
    for n, summary in enumerate(papers):
        for detail in papers[n + 1 :]:
            if (
                len(totals[summary]) < _MIN_YEARS
                or totals[summary] != totals[detail]
                or len(rows[summary]) >= len(rows[detail])
                or authority.get(summary) != authority.get(detail)
            ):
                continue
            for f in rows[summary]:
                f.detailed_in = detail
                marked += 1
            tables.setdefault("findings", []).append(
                Finding(
                    paper_id=summary,
                    severity="info",
                    code="budget_summary",
                    message=f"its budget rows add up, year by year, to those of paper {detail} "
                    f"({len(rows[detail])} rows): a summary of the same programme, so "
                    "the awards view counts the detailed rows only",
                    stage="link",
                )
            )
            break
    return marked


_MIN_YEARS = 2
