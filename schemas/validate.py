"""Check a record against its declared columns before it is written."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from schemas.columns import columns_of

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "int": (int,),
    "decimal": (Decimal,),
    "date": (dt.date,),
    "bool": (bool,),
    "float": (float, int),
    "strings": (list,),
    "time": (str,),
}
_EARLIEST, _LATEST = dt.date(1974, 4, 1), dt.date(2100, 12, 31)  # 1974: the 1972 Act in force
_MAX_MONEY = Decimal("999999999999.99")  # decimal128(14, 2)


def problems(record: Any) -> list[str]:
    """Return what is wrong with a record (empty when it is valid).

    Checks, per declared column: required fields present; Python type; vocabulary; minimum;
    money fits decimal128(14, 2); dates plausible; times HH:MM.
    """
    out: list[str] = []
    for col in columns_of(type(record)):
        value = getattr(record, col.name)
        if value is None or (col.type == "strings" and value == []):
            if col.required:
                out.append(f"{col.name} is required")
            continue
        if isinstance(value, bool) and col.type != "bool":
            out.append(f"{col.name} should be {col.type}, got bool")
            continue
        if not isinstance(value, _PY_TYPES[col.type]):
            out.append(f"{col.name} should be {col.type}, got {type(value).__name__}")
            continue
        if col.type == "date" and isinstance(value, dt.datetime):
            out.append(f"{col.name} should be a date, got a datetime")
        if col.vocab and value not in col.vocab:
            out.append(f"{col.name}={value!r} is not one of {', '.join(col.vocab)}")
        if col.minimum is not None and value < col.minimum:
            out.append(f"{col.name}={value} is below {col.minimum}")
        if col.type == "decimal" and (
            abs(value) > _MAX_MONEY or value != value.quantize(Decimal("0.01"))
        ):
            out.append(f"{col.name}={value} does not fit decimal(14,2)")
        if col.type == "date" and not _EARLIEST <= value <= _LATEST:
            out.append(f"{col.name}={value} is not a plausible date")
        if col.type == "time" and not _is_hhmm(value):
            out.append(f"{col.name}={value!r} is not HH:MM")
        if col.type == "strings" and not all(isinstance(v, str) for v in value):
            out.append(f"{col.name} should hold strings only")
    return out


def _is_hhmm(value: str) -> bool:
    if len(value) != 5 or value[2] != ":" or not (value[:2] + value[3:]).isdigit():
        return False
    return int(value[:2]) < 24 and int(value[3:]) < 60


def record_name(record: Any) -> str:
    """Return a short label for a record in messages (its class name)."""
    return type(record).__name__ if dataclasses.is_dataclass(record) else repr(record)
