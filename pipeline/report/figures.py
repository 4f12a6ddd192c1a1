"""The figures of the report: each one a list of groups (a bar of a chart, a line of a summary
table) holding the rows it counts, so every number can link down to its rows.

Money is counted once, as the ``awards`` view counts it: the same award named in several papers
is one row (with every mention), and budget-summary rows detailed in another paper
(``funding.detailed_in``) give way to that paper's lines; they are listed apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import duckdb

from schemas import vocab

NO_YEAR = "no year"
NO_FUNDER = "(funder not named)"


@dataclass
class Group:
    """One figure of a chart: its label, the anchor of the section listing its rows, the rows."""

    label: str
    anchor: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    amount: Decimal | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """Number of rows the figure counts."""
        return len(self.rows)


class Anchors:
    """Unique, readable fragment ids (``funding-2024-25``) for the sections of one page."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, prefix: str, label: str) -> str:
        """Return a new id ``prefix-slug-of-label`` (with ``-2``, ``-3`` when taken)."""
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:60].strip("-") or "none"
        base = f"{prefix}-{slug}"
        anchor, n = base, 1
        while anchor in self._used:
            n += 1
            anchor = f"{base}-{n}"
        self._used.add(anchor)
        return anchor


def _dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    rel = con.sql(sql)
    return [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]


def paper_paths(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Map each paper_id to the path of its first file (copies name the first in duplicate_of)."""
    rows = con.sql(
        "SELECT paper_id, path FROM papers WHERE duplicate_of IS NULL ORDER BY path"
    ).fetchall()
    paths: dict[str, str] = {}
    for paper_id, path in rows:
        paths.setdefault(paper_id, path)
    return paths


def _grouped(
    rows: Iterable[dict[str, Any]],
    key: Callable[[dict[str, Any]], str],
    prefix: str,
    anchors: Anchors,
    order: Callable[[Group], Any],
    amount: str | None = None,
) -> list[Group]:
    groups: dict[str, Group] = {}
    for row in rows:
        label = key(row)
        if label not in groups:
            groups[label] = Group(label=label, anchor="")
        groups[label].rows.append(row)
    ordered = sorted(groups.values(), key=order)
    for g in ordered:
        g.anchor = anchors.make(prefix, g.label)
        if amount:
            g.amount = sum((r[amount] for r in g.rows if r[amount] is not None), Decimal(0))
    return ordered


def papers_by_status(con: duckdb.DuckDBPyConnection, anchors: Anchors) -> list[Group]:
    """Papers grouped by status, in the vocabulary's order (ok, partial, failed, ...)."""
    rows = _dicts(
        con,
        """SELECT paper_id, path, format, doc_type, title, authority, body, paper_date,
                  page_count, status, error, duplicate_of
           FROM papers ORDER BY path""",
    )
    rank = {s: i for i, s in enumerate(vocab.PAPER_STATUS)}
    return _grouped(
        rows, lambda r: r["status"], "papers", anchors, lambda g: rank.get(g.label, len(rank))
    )


def findings_by_code(con: duckdb.DuckDBPyConnection, anchors: Anchors) -> list[Group]:
    """Findings grouped by code (most frequent first); ``extra['severity']`` is the worst one."""
    rows = _dicts(
        con,
        """SELECT f.code, f.severity, f.message, f.page, f.stage, f.paper_id
           FROM findings f ORDER BY f.code, f.paper_id, f.page NULLS FIRST, f.message""",
    )
    paths = paper_paths(con)
    for r in rows:
        r["path"] = paths.get(r["paper_id"] or "")
    groups = _grouped(rows, lambda r: r["code"], "findings", anchors, lambda g: (-g.count, g.label))
    rank = {s: i for i, s in enumerate(vocab.SEVERITIES)}
    for g in groups:
        g.extra["severity"] = max((r["severity"] for r in g.rows), key=lambda s: rank.get(s, -1))
    return groups


def awards(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The ``awards`` view's rows, each with ``funder_name`` (the linked organisation's name
    when the funder is linked) and ``mentions``: its funding rows with paper path, page and
    evidence."""
    rows = _dicts(
        con,
        """SELECT award_key, recipient, purpose, funder, financial_year, amount_gbp, kinds,
                  papers, funding_ids
           FROM awards ORDER BY financial_year NULLS LAST, amount_gbp DESC, award_key""",
    )
    mentions: dict[str, dict[str, Any]] = {
        m["funding_id"]: m
        for m in _dicts(
            con,
            """SELECT f.funding_id, f.paper_id, f.kind, f.funder, o.name AS funder_org,
                      f.amount_text, f.page, f.evidence
               FROM funding f LEFT JOIN organisations o ON o.org_id = f.funder_org_id""",
        )
    }
    paths = paper_paths(con)
    for m in mentions.values():
        m["path"] = paths.get(m["paper_id"])
    for row in rows:
        row["mentions"] = [mentions[i] for i in row.pop("funding_ids") if i in mentions]
        named = [m["funder_org"] or m["funder"] for m in row["mentions"]]
        row["funder_name"] = next((n for n in named if n), None)
    return rows


def _year_order(g: Group) -> tuple[bool, str]:
    return (g.label == NO_YEAR, g.label)


def funding_by_year(rows: list[dict[str, Any]], anchors: Anchors) -> list[Group]:
    """Awards grouped by financial year (earliest first, those with no year last)."""
    return _grouped(
        rows,
        lambda r: r["financial_year"] or NO_YEAR,
        "funding",
        anchors,
        _year_order,
        amount="amount_gbp",
    )


def funding_by_funder(rows: list[dict[str, Any]], anchors: Anchors) -> list[Group]:
    """Awards grouped by funder (linked organisation, else as printed), largest total first."""
    groups = _grouped(
        rows,
        lambda r: r["funder_name"] or NO_FUNDER,
        "funder",
        anchors,
        lambda g: g.label,
        amount="amount_gbp",
    )
    return sorted(groups, key=lambda g: (-(g.amount or 0), g.label))


def recipient_label(row: dict[str, Any]) -> str:
    """What an award is for: its recipient, else its purpose."""
    return row["recipient"] or row["purpose"] or "(not named)"


def funding_by_recipient(rows: list[dict[str, Any]], anchors: Anchors) -> list[Group]:
    """Awards grouped by recipient (or purpose when no recipient is named), largest first."""
    groups = _grouped(rows, recipient_label, "recipient", anchors, lambda g: g.label, "amount_gbp")
    return sorted(groups, key=lambda g: (-(g.amount or 0), g.label))


def funding_left_out(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Funding rows not counted in the totals: a budget summary's rows whose detail
    (``detailed_in``) is another paper of the run, counted there."""
    rows = _dicts(
        con,
        """SELECT funding_id, paper_id, kind, funder, recipient, purpose, amount_gbp,
                  amount_text, financial_year, detailed_in, page, evidence
           FROM funding WHERE detailed_in IS NOT NULL
           ORDER BY financial_year NULLS LAST, amount_gbp DESC, funding_id""",
    )
    paths = paper_paths(con)
    for r in rows:
        r["path"] = paths.get(r["paper_id"])
        r["detail_path"] = paths.get(r["detailed_in"], r["detailed_in"])
    return rows


@dataclass
class Meeting:
    """A meeting (one meeting_id) with the papers that record it and its decisions."""

    meeting_id: str
    anchor: str
    body: str
    date: dt.date | None
    start_time: str | None
    venue: str | None
    papers: list[dict[str, Any]]
    resolutions: list[dict[str, Any]]
    agenda_items: int
    minute_items: int

    @property
    def label(self) -> str:
        """``2025-01-30 Cabinet``: the meeting as the charts name it."""
        return f"{self.date.isoformat() if self.date else 'no date'} {self.body}"

    @property
    def sources(self) -> str:
        """Which papers record it: ``agenda``, ``minutes`` or ``agenda and minutes``."""
        kinds = sorted({p["source"] for p in self.papers})
        return " and ".join(kinds)


def meetings(con: duckdb.DuckDBPyConnection, anchors: Anchors) -> list[Meeting]:
    """Every meeting (by date, then body) with its papers, resolutions and item counts.

    A meeting whose paper names no body is shown under its authority ("Souldern Parish
    Council (body not named)").
    """
    paths = paper_paths(con)
    rows = _dicts(
        con,
        """SELECT m.meeting_id, m.paper_id, m.body, p.authority, m.date, m.start_time,
                  m.venue, m.source, m.page
           FROM meetings m LEFT JOIN (
               SELECT DISTINCT paper_id, authority FROM papers WHERE duplicate_of IS NULL
           ) p USING (paper_id)
           ORDER BY m.date NULLS LAST, m.meeting_id, m.source, m.paper_id""",
    )
    resolutions = _dicts(
        con,
        """SELECT meeting_id, paper_id, minute_ref, number, text, verb, page
           FROM resolutions""",
    )
    counts = {
        (table, mid): n
        for table in ("agenda_items", "minute_items")
        for mid, n in con.sql(f"SELECT meeting_id, count(*) FROM {table} GROUP BY 1").fetchall()
    }
    by_id: dict[str, Meeting] = {}
    for r in rows:
        m = by_id.get(r["meeting_id"])
        if m is None:
            body = r["body"] or (
                f"{r['authority']} (body not named)" if r["authority"] else "(body not named)"
            )
            m = by_id[r["meeting_id"]] = Meeting(
                meeting_id=r["meeting_id"],
                anchor="",
                body=body,
                date=r["date"],
                start_time=r["start_time"],
                venue=r["venue"],
                papers=[],
                resolutions=[],
                agenda_items=counts.get(("agenda_items", r["meeting_id"]), 0),
                minute_items=counts.get(("minute_items", r["meeting_id"]), 0),
            )
        m.start_time = m.start_time or r["start_time"]
        m.venue = m.venue or r["venue"]
        m.papers.append({**r, "path": paths.get(r["paper_id"])})
    for res in resolutions:
        if res["meeting_id"] in by_id:
            res["path"] = paths.get(res["paper_id"])
            by_id[res["meeting_id"]].resolutions.append(res)
    ordered = sorted(by_id.values(), key=lambda m: (m.date is None, m.date or dt.date.min, m.body))
    for m in ordered:
        m.anchor = anchors.make("meeting", m.label)
    return ordered
