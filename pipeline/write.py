"""Write: the dataset as Parquet per table plus a DuckDB file of views, swapped in atomically.

The run builds the whole dataset in a temporary folder beside the output folder and renames it
into place, so an interrupted run leaves the previous complete dataset where it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq

from schemas.arrow import to_arrow
from schemas.records import TABLES

DUCKDB_FILE = "minutebook.duckdb"
#: The inputs a dataset was written from (paths, paper ids, pipeline version): a re-run over
#: the same inputs, all served from the cache, would write the same dataset, so it writes none.
INPUTS_FILE = ".minutebook-inputs.json"
README = """# What a minutebook run writes here

One Parquet dataset per table (`<table>/part-<year>.parquet`: one file per year of the papers),
readable with `pandas.read_parquet("output/<table>")`,
`pyarrow.dataset.dataset("output/<table>")` or DuckDB `read_parquet('output/<table>/*.parquet')`;
and `minutebook.duckdb`, a DuckDB database holding a
view per table over those files. The tables and columns are described in
`docs/data-dictionary.md` (generated from `schemas/records.py`).

Tables: {tables}.

`make eval` adds `eval.json` (accuracy against the gold); `make bench` adds `bench.json`.
Everything in this folder except this README is rebuilt by each run and ignored by git;
a re-run over the same papers, all from the cache, finds it up to date and leaves it as it is.
"""


def render_readme() -> str:
    """Return the README a run writes into its output folder (committed as output/README.md)."""
    return README.format(tables=", ".join(f"`{t}`" for t in TABLES))


def _old_name(out: Path) -> str:
    return f".{out.name}.previous"


def recover(out: Path) -> None:
    """Put back the previous dataset if a run was killed between the two renames of a swap."""
    old = out.parent / _old_name(out)
    if old.exists() and not out.exists():
        old.rename(out)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)


#: Views derived from the tables, for analysts. ``awards`` counts money once: the same award
#: named in several papers (same recipient, financial year and amount) is one row, with every
#: funding mention that names it.
DERIVED_VIEWS = {
    "awards": """
        SELECT coalesce(recipient_org_id, lower(trim(recipient)), lower(trim(purpose)))
                   AS award_key,
               min(recipient) AS recipient, min(purpose) AS purpose, min(funder) AS funder,
               financial_year, amount_gbp,
               list(DISTINCT kind ORDER BY kind) AS kinds,
               count(*) AS mentions,
               count(DISTINCT paper_id) AS papers,
               list(funding_id ORDER BY funding_id) AS funding_ids
        FROM funding
        GROUP BY award_key, financial_year, amount_gbp
    """,
}


def _write_views(db_path: Path, data_dir: Path) -> None:
    con = duckdb.connect(str(db_path))
    try:
        for table in TABLES:
            glob = (data_dir / table / "*.parquet").as_posix().replace("'", "''")
            con.execute(f"CREATE OR REPLACE VIEW {table} AS "
                        f"SELECT * FROM read_parquet('{glob}', union_by_name = true)")
        for name, sql in DERIVED_VIEWS.items():
            con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
    finally:
        con.close()


def partition_by_year(records: Sequence[Any], year_of: Mapping[str, int | None]
                      ) -> dict[str, list[Any]]:
    """Split a table's records into files by the year of their paper (``undated`` otherwise).

    Large archives stay fast to query: a filter on a year reads one file. The layout is flat
    (``<table>/part-2021.parquet``), so ``read_parquet('<table>/*.parquet')`` and
    ``pandas.read_parquet('<table>')`` read it as before. Archive-wide tables (no paper_id) are
    one file. Order within a file is the input order.
    """
    groups: dict[str, list[Any]] = {}
    for rec in records:
        year = year_of.get(getattr(rec, "paper_id", None) or "")
        groups.setdefault(str(year) if year else "undated", []).append(rec)
    return {k: groups[k] for k in sorted(groups)} or {"undated": []}


def write_dataset(out: Path, tables: Mapping[str, Sequence[Any]],
                  inputs: Mapping[str, Any] | None = None) -> Path:
    """Write every table (records by table name; missing tables are written empty) to ``out``.

    The dataset is built in a temporary folder beside ``out`` and swapped in; the DuckDB views
    point at the final location. ``inputs`` (JSON-able: what the dataset was made from) is saved
    with it for ``is_up_to_date``. Returns the resolved output folder.
    """
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        year_of = {p.paper_id: (p.paper_date.year if p.paper_date else None)
                   for p in tables.get("papers", ())}
        for table in TABLES:
            (tmp / table).mkdir()
            for label, records in partition_by_year(tables.get(table, ()), year_of).items():
                pq.write_table(to_arrow(table, records), tmp / table / f"part-{label}.parquet")
        (tmp / "README.md").write_text(render_readme(), encoding="utf-8")
        if inputs is not None:
            (tmp / INPUTS_FILE).write_text(json.dumps(inputs), encoding="utf-8")
        old = out.parent / _old_name(out)
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    db_tmp = out / f".{DUCKDB_FILE}.tmp"
    _write_views(db_tmp, out)
    os.replace(db_tmp, out / DUCKDB_FILE)
    return out


def is_up_to_date(out: Path, inputs: Mapping[str, Any]) -> bool:
    """Whether ``out`` holds a complete dataset written from exactly ``inputs`` (the same papers
    at the same paths in the same order, by the same pipeline version). Takes the output folder
    and the inputs as ``write_dataset`` saves them; returns False when anything is missing."""
    out = out.resolve()
    try:
        saved = json.loads((out / INPUTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (saved == json.loads(json.dumps(inputs)) and (out / DUCKDB_FILE).is_file()
            and all(any((out / t).glob("*.parquet")) for t in TABLES))


def dataset_rows(out: Path) -> dict[str, int]:
    """Return the number of rows of each table of the dataset in ``out`` (from file footers)."""
    return {t: sum(pq.read_metadata(f).num_rows for f in sorted((out / t).glob("*.parquet")))
            for t in TABLES}


def column_values(out: Path, table: str, column: str) -> list[Any]:
    """Return one column of a table of the dataset in ``out``, in file order."""
    values: list[Any] = []
    for f in sorted((out / table).glob("*.parquet")):
        values.extend(pq.read_table(f, columns=[column]).column(column).to_pylist())
    return values
