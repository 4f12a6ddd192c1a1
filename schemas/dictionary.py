"""The data dictionary, rendered from the record declarations.

``python -m schemas.dictionary`` prints it; ``make dictionary`` writes docs/data-dictionary.md and
a test fails when the committed file is stale.
"""

from __future__ import annotations

import sys

from schemas.arrow import arrow_schema
from schemas.columns import columns_of
from schemas.records import TABLES


def render_dictionary() -> str:
    """Return the data dictionary as Markdown: one section per table, one row per column."""
    out = [
        "# minutebook data dictionary",
        "",
        "Generated from `schemas/records.py` by `make dictionary`; do not edit by hand.",
        "",
        "Money is `decimal128(14, 2)` in pounds, dates `date32`, times `HH:MM` strings, "
        "financial years `YYYY/YY`.",
        "",
    ]
    for name, record_type in TABLES.items():
        schema = arrow_schema(name)
        out += [
            f"## `{name}`",
            "",
            f"One row per: {(record_type.__doc__ or '').strip()}",
            "",
            "| column | type | required | meaning |",
            "|---|---|---|---|",
        ]
        for col, field in zip(columns_of(record_type), schema, strict=True):
            meaning = col.description
            if col.vocab:
                meaning += " (one of: " + ", ".join(f"`{v}`" for v in col.vocab) + ")"
            out.append(
                f"| `{col.name}` | `{field.type}` | {'yes' if col.required else ''} | {meaning} |"
            )
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(render_dictionary())
