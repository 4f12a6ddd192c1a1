"""``datapackage.json``: the dataset described as a Frictionless Data Package.

Generated from the record declarations (``schemas.records``, ``schemas.columns``) and the keys
(``schemas.keys``), never kept by hand. Every Parquet file of the dataset is one resource: the
Data Package standard reads a resource with several paths as the files' bytes joined end to end,
which Parquet files are not, so a table written as one file per year of its papers
(``funding/part-2021.parquet``) is one resource per file (``funding-2021``), each with the
table's schema; ``people`` and ``organisations``, one file each, are resources of their own
name. Each resource carries the table's fields with Table Schema types, its primary key and its
foreign keys. A key to a row of the same paper points to the same year's resource (the row's
paper is filed under the same year); keys that may point to another paper's row
(``funding.detailed_in``, ``resolutions.approves_meeting_id``) cannot be said per file and are
left out of ``foreignKeys`` (their descriptions say what they join to).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schemas.columns import ColumnSpec, columns_of
from schemas.keys import FOREIGN_KEYS, PRIMARY_KEYS
from schemas.records import TABLES

FILE_NAME = "datapackage.json"
#: cells that mean "no value": empty, and the NaN a pandas-based reader makes of a null
MISSING_VALUES = ("", "nan", "NaN")
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"

#: Logical column type -> Table Schema field type (and its format, where one is needed).
_FIELD_TYPES: dict[str, tuple[str, str | None]] = {
    "string": ("string", None),
    "int": ("integer", None),
    "decimal": ("number", None),  # the exact Decimal; the printed form is kept in *_text
    "date": ("date", None),
    "bool": ("boolean", None),
    "float": ("number", None),
    # "any", not "array": frictionless reads a Parquet list as a numpy array, which its array
    # type refuses, so `frictionless validate datapackage.json` would fail on good data
    "strings": ("any", None),
    "time": ("time", "%H:%M"),
}


def is_per_paper(table: str) -> bool:
    """Whether a table's rows belong to papers (it has ``paper_id``, so it is filed by year)."""
    return any(c.name == "paper_id" for c in columns_of(TABLES[table]))


def resource_name(table: str, label: str, labels: int = 1) -> str:
    """Name of the resource of one file of a table: ``<table>-<label>`` for a table filed by
    year (``funding-2021``, ``funding-undated``), the table's own name for an archive-wide table
    written as one file."""
    if not is_per_paper(table) and labels == 1:
        return table
    return f"{table}-{label}"


def field_descriptor(col: ColumnSpec) -> dict[str, Any]:
    """Return the Table Schema field of one declared column (type, meaning, constraints)."""
    ftype, fmt = _FIELD_TYPES[col.type]
    field: dict[str, Any] = {"name": col.name, "type": ftype, "description": col.description}
    if fmt:
        field["format"] = fmt
    if col.type == "decimal":
        field["description"] += " (exact decimal, 2 places; Parquet decimal128(14, 2))"
    if col.type == "strings":
        field["description"] += " (a list of strings; Parquet list<string>)"
    constraints: dict[str, Any] = {}
    if col.required:
        constraints["required"] = True
    if col.vocab:
        constraints["enum"] = list(col.vocab)
    if col.minimum is not None:
        constraints["minimum"] = col.minimum
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: str, label: str, files: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """Return the Table Schema of the resource for ``table``'s file ``label``.

    ``files`` is every table's files by label (as ``datapackage`` takes it): a foreign key is
    declared only when the resource it points to exists (an empty table points nowhere).
    """
    schema: dict[str, Any] = {
        "fields": [field_descriptor(c) for c in columns_of(TABLES[table])],
        # frictionless reads Parquet through pandas, where a missing integer becomes NaN
        "missingValues": list(MISSING_VALUES),
    }
    if table in PRIMARY_KEYS:
        schema["primaryKey"] = list(PRIMARY_KEYS[table])
    fks = []
    for fk in FOREIGN_KEYS.get(table, ()):
        ref_labels = files.get(fk.table, {})
        if fk.same_paper:
            ref_label = label
        elif not is_per_paper(fk.table) and len(ref_labels) == 1:
            ref_label = next(iter(ref_labels))
        else:
            continue  # may point into any year's file: not expressible per resource
        if ref_label not in ref_labels:
            continue
        fks.append(
            {
                "fields": [fk.column],
                "reference": {
                    "resource": resource_name(fk.table, ref_label, len(ref_labels)),
                    "fields": [fk.ref_column],
                },
            }
        )
    if fks:
        schema["foreignKeys"] = fks
    return schema


def datapackage(files: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """Return the ``datapackage.json`` descriptor of a dataset.

    Takes, per table, its Parquet files by label (``{"funding": {"2021":
    "funding/part-2021.parquet", ...}}``, paths relative to the dataset folder, as
    ``pipeline.write`` writes them); returns the descriptor as a JSON-able dict, one resource
    per file, in table order then label order.
    """
    resources = []
    for table, record_type in TABLES.items():
        labels = files.get(table, {})
        grain = " ".join((record_type.__doc__ or "").split())
        for label in sorted(labels):
            scope = f"papers of {label}" if label.isdigit() else f"{label} papers"
            resources.append(
                {
                    "name": resource_name(table, label, len(labels)),
                    "title": f"{table} ({scope})" if is_per_paper(table) else table,
                    "description": f"Table {table}. {grain}",
                    "path": labels[label],
                    "format": "parquet",
                    "mediatype": PARQUET_MEDIATYPE,
                    "schema": table_schema(table, label, files),
                }
            )
    return {
        "name": "minutebook-dataset",
        "title": "Council meeting papers read by minutebook",
        "description": (
            "Tables read from local-government meeting papers (meetings, attendance, minutes, "
            "resolutions, funding, people, organisations, data-quality findings), one Parquet "
            "file per table and year of the papers. Money is exact decimal pounds; every "
            "extracted row keeps its paper_id, page and the verbatim evidence text. "
            "Generated from the record declarations in schemas/ (see docs/data-dictionary.md)."
        ),
        "resources": resources,
    }
