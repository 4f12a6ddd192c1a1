"""Whitespace in printed text: ``fold``, the one whitespace fold the extractors share."""

from __future__ import annotations


def fold(text: str | None) -> str:
    """Return ``text`` with all runs of whitespace folded to one space and ends stripped
    ("" for None)."""
    return " ".join((text or "").split())
