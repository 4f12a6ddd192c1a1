"""Open a dataset folder for the report: its Parquet tables in an in-memory DuckDB, read only.

The report never opens ``minutebook.duckdb`` (which DuckDB could write to) and writes nothing into
the dataset folder: it reads the Parquet files the manifest lists, the output contract, and
derives the same views ``pipeline.write`` puts in the database.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import outdir
from pipeline.discover import shown
from pipeline.write import DERIVED_VIEWS
from schemas.records import TABLES


class ReportError(Exception):
    """The report cannot be made or written; the message says what to do."""


def open_dataset(out: Path) -> duckdb.DuckDBPyConnection:
    """Return an in-memory DuckDB connection holding every table of the dataset in ``out``.

    Raises ReportError when ``out`` is not a dataset minutebook wrote (no manifest) or a table
    is missing.
    """
    manifest = outdir.read_manifest(out) if out.is_dir() else None
    if manifest is None:
        raise ReportError(
            f"{shown(out)} is not a minutebook dataset (it has no {outdir.MANIFEST}): "
            "give the --out folder of a `minutebook run`."
        )
    listed = set(manifest["files"])
    con = duckdb.connect(":memory:")
    for table in TABLES:
        files = sorted(f for f in listed if f.startswith(f"{table}/") and f.endswith(".parquet"))
        if not files:
            raise ReportError(
                f"{shown(out)} has no `{table}` table: re-run `minutebook run` with this "
                "version to rebuild it."
            )
        data = pa.concat_tables([pq.read_table(out / f) for f in files])
        con.register("_arrow_source", data)
        con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM _arrow_source')
        con.unregister("_arrow_source")
    for name, sql in DERIVED_VIEWS.items():
        con.execute(f"CREATE VIEW {name} AS {sql}")
    return con
