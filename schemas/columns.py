"""How a column is declared: one helper that carries type, meaning and rules as field metadata.

Every table in minutebook is a dataclass whose fields are declared with :func:`column`. The Arrow
schema, the DuckDB views, the data dictionary and validation all read this metadata, so adding a
column is one edit in one file.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

#: Logical column types and what they become in Arrow.
LOGICAL_TYPES = ("string", "int", "decimal", "date", "bool", "float", "strings", "time")


@dataclass(frozen=True)
class ColumnSpec:
    """The declared facts about one column."""

    name: str
    type: str
    description: str
    required: bool = False
    vocab: tuple[str, ...] | None = None
    minimum: Any = None


def column(
    type: str,
    description: str,
    *,
    required: bool = False,
    vocab: tuple[str, ...] | None = None,
    minimum: Any = None,
    default: Any = None,
) -> Any:
    """Declare a dataclass field as a table column.

    Takes the logical type (one of ``LOGICAL_TYPES``), a one-line meaning, and optional rules:
    ``required`` (may not be null), ``vocab`` (allowed values), ``minimum`` (lower bound).
    Returns a ``dataclasses.field`` whose metadata carries those facts.
    """
    if type not in LOGICAL_TYPES:
        raise ValueError(f"unknown column type {type!r}")
    meta = {
        "type": type,
        "description": description,
        "required": required,
        "vocab": vocab,
        "minimum": minimum,
    }
    if type == "strings":
        return dataclasses.field(default_factory=list, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def columns_of(record_type: type) -> list[ColumnSpec]:
    """Return the ColumnSpecs of a record dataclass, in declaration order."""
    out = []
    for f in dataclasses.fields(record_type):
        m = f.metadata
        out.append(
            ColumnSpec(f.name, m["type"], m["description"], m["required"], m["vocab"], m["minimum"])
        )
    return out
