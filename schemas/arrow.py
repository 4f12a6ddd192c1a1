"""Arrow schemas and tables derived from the record declarations."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from schemas.columns import columns_of
from schemas.records import TABLES

MONEY = pa.decimal128(14, 2)

_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "int": pa.int32(),
    "decimal": MONEY,
    "date": pa.date32(),
    "bool": pa.bool_(),
    "float": pa.float64(),
    "strings": pa.list_(pa.string()),
    "time": pa.string(),
}


def arrow_schema(table: str) -> pa.Schema:
    """Return the Arrow schema of an output table (name -> schema from schemas.records)."""
    cols = columns_of(TABLES[table])
    return pa.schema(
        [
            pa.field(
                c.name,
                _ARROW_TYPES[c.type],
                nullable=not c.required,
                metadata={"description": c.description},
            )
            for c in cols
        ],
        metadata={"table": table, "grain": (TABLES[table].__doc__ or "").strip()},
    )


def to_arrow(table: str, records: Iterable[Any]) -> pa.Table:
    """Turn record dataclasses into an Arrow table with the declared schema.

    Takes the table name and its records; returns a ``pyarrow.Table`` (empty but fully typed
    when there are no records).
    """
    schema = arrow_schema(table)
    rows = list(records)
    columns = {f.name: [getattr(r, f.name) for r in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)
