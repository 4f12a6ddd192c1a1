"""How fully the paper states a funding row: ``funding.confidence``.

A row an analyst can sum without checking names who gives the money, who gets it (or what it
is for) and the year, and was read from a table's cells, where each figure has its row and
column. Each of the four counts a point; an approximate amount, an estimate or an upper limit
("up to £5,000") loses one. A funder the paper does not print (taken from the folder's other
papers, ``papers.authority_inferred``) earns no point. Three points or more is ``high``, two
``medium``, fewer ``low``. It runs once per run, after authorities are known.
"""

from __future__ import annotations

from typing import Any

_HIGH, _MEDIUM = 3, 2
_VAGUE_KINDS = frozenset({"estimate", "cap"})


def rate_funding(tables: dict[str, list[Any]]) -> int:
    """Set ``confidence`` on every funding row; returns how many rows are ``high``."""
    inferred = {p.paper_id: p.authority for p in tables.get("papers", []) if p.authority_inferred}
    high = 0
    for row in tables.get("funding", []):
        row.confidence = level(row, inferred.get(row.paper_id))
        high += row.confidence == "high"
    return high


def level(row: Any, inferred_authority: str | None = None) -> str:
    """The confidence of one funding row (see the module docstring)."""
    funder_printed = bool(row.funder) and row.funder != inferred_authority
    points = (
        funder_printed
        + bool(row.recipient or row.purpose)
        + bool(row.financial_year)
        + (row.source == "table")
    )
    if row.approximate or row.kind in _VAGUE_KINDS:
        points -= 1
    return "high" if points >= _HIGH else "medium" if points == _MEDIUM else "low"
