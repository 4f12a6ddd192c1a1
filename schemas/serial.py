"""Records to plain JSON values and back, by their declared column types.

Used where records leave the process as data (the result cache): nothing here can run code.
Reading is strict: a row with a missing or unknown column, or a value of the wrong type, raises
``ValueError``; the caller decides what that means (for the cache, a miss).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from schemas.columns import columns_of
from schemas.validate import problems


def to_json(record: Any) -> dict[str, Any]:
    """Return a record as a dict of JSON values (money and dates as strings)."""
    out: dict[str, Any] = {}
    for col in columns_of(type(record)):
        value = getattr(record, col.name)
        if value is not None and col.type in ("decimal", "date"):
            value = str(value) if col.type == "decimal" else value.isoformat()
        out[col.name] = value
    return out


def _value(col_type: str, value: Any) -> Any:
    if value is None:
        return None
    if col_type == "decimal":
        if not isinstance(value, str):
            raise ValueError("money must be stored as a string")
        try:
            return Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(f"not an amount: {value!r}") from exc
    if col_type == "date":
        if not isinstance(value, str):
            raise ValueError("a date must be stored as a string")
        return dt.date.fromisoformat(value)
    if col_type == "float" and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def from_json(record_type: type, row: Any) -> Any:
    """Build a record of ``record_type`` from a dict made by ``to_json``.

    Raises ValueError when the row is not a dict of exactly the declared columns or when the
    record it makes fails validation (``schemas.validate.problems``).
    """
    if not isinstance(row, dict):
        raise ValueError(f"a {record_type.__name__} row must be an object")
    cols = columns_of(record_type)
    names = {c.name for c in cols}
    if set(row) != names:
        raise ValueError(
            f"{record_type.__name__} row has columns {sorted(set(row) ^ names)} "
            "that do not match the schema"
        )
    record = record_type(**{c.name: _value(c.type, row[c.name]) for c in cols})
    issues = problems(record)
    if issues:
        raise ValueError(f"invalid {record_type.__name__}: {'; '.join(issues)}")
    return record
