"""Write: the dataset as Parquet per table plus a DuckDB file of views, swapped in atomically.

The run builds the whole dataset in a folder beside the output folder and swaps it into place
(``pipeline.outdir``), so an interrupted run leaves the previous complete dataset where it was.
The manifest saved with it lists every file written and the inputs it was made from.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import outdir
from schemas import datapackage
from schemas.arrow import to_arrow
from schemas.records import TABLES

DUCKDB_FILE = "minutebook.duckdb"
README = """# What a minutebook run writes here

One Parquet dataset per table (`<table>/part-<year>.parquet`: one file per year of the papers),
readable with `pandas.read_parquet("output/<table>")`,
`pyarrow.dataset.dataset("output/<table>")` or DuckDB `read_parquet('output/<table>/*.parquet')`;
`datapackage.json`, the tables described as a Frictionless Data Package (one resource per
Parquet file, with its fields, types and keys); and `minutebook.duckdb`, a DuckDB database
holding the same rows as one table per table (it names no file path, so the folder can be
copied, moved and shared) and the derived views.
The tables and columns are described in `docs/data-dictionary.md` (generated from
`schemas/records.py`).

Tables: {tables}.

`.minutebook-dataset.json` lists every file the run wrote: a later run replaces this folder
only while it holds nothing else, and removes only those files.
`make eval` adds `eval.json` (accuracy against the gold); `make bench` adds `bench.json`;
`minutebook report` adds `report.html` (charts and tables of this dataset, to open in a browser).
Everything in this folder except this README is rebuilt by each run and ignored by git;
a re-run over the same papers, all from the cache, finds it up to date and leaves it as it is.
"""


def render_readme() -> str:
    """Return the README a run writes into its output folder (committed as output/README.md)."""
    return README.format(tables=", ".join(f"`{t}`" for t in TABLES))


#: Views derived from the tables, for analysts. ``awards`` counts money once: the same award
#: named in several papers (same recipient, financial year and amount) is one row, with every
#: funding mention that names it, and a budget summary's rows give way to the paper that
#: prints the same programme line by line (``funding.detailed_in``).
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
        WHERE detailed_in IS NULL
        GROUP BY award_key, financial_year, amount_gbp
    """,
}


def _write_database(db_path: Path, tables: Mapping[str, pa.Table]) -> None:
    """Write the DuckDB file: a table per output table (copied from the Arrow data, so the file
    names no path and opens wherever the folder is moved), plus the derived views."""
    if "?" in str(db_path):  # DuckDB reads "?" in a path as the start of URL parameters
        with tempfile.TemporaryDirectory(prefix="minutebook-") as elsewhere:
            _write_database(Path(elsewhere) / db_path.name, tables)
            shutil.move(Path(elsewhere) / db_path.name, db_path)
        return
    con = duckdb.connect(str(db_path))
    try:
        for name, data in tables.items():
            con.register("_arrow_source", data)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _arrow_source')
            con.unregister("_arrow_source")
        for name, sql in DERIVED_VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {sql}")
    finally:
        con.close()


def partition_by_year(
    records: Sequence[Any], year_of: Mapping[str, int | None]
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


def write_dataset(
    out: Path, tables: Mapping[str, Sequence[Any]], inputs: Mapping[str, Any] | None = None
) -> Path:
    """Write every table (records by table name; missing tables are written empty) to ``out``.

    The whole dataset, DuckDB file and manifest included, is built in a folder beside ``out``
    and swapped in (``pipeline.outdir``): a complete dataset is at ``out`` at every instant and
    only files of the old dataset are removed. ``inputs`` (JSON-able: what the dataset was made
    from) is saved in the manifest for ``is_up_to_date``. The caller has checked ``out`` with
    ``outdir.check_output``. Returns the resolved output folder.
    """
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    outdir.recover(out)
    outdir.clean_stale_builds(out)
    tmp = outdir.new_build_folder(out)
    try:
        year_of = {
            p.paper_id: (p.paper_date.year if p.paper_date else None)
            for p in tables.get("papers", ())
        }
        files: list[str] = []
        by_label: dict[str, dict[str, str]] = {}
        whole: dict[str, pa.Table] = {}
        for table in TABLES:
            (tmp / table).mkdir()
            parts = []
            for label, records in partition_by_year(tables.get(table, ()), year_of).items():
                data = to_arrow(table, records)
                rel = f"{table}/part-{label}.parquet"
                pq.write_table(data, tmp / rel)
                files.append(rel)
                by_label.setdefault(table, {})[label] = rel
                parts.append(data)
            whole[table] = pa.concat_tables(parts)
        (tmp / "README.md").write_text(render_readme(), encoding="utf-8")
        _write_database(tmp / DUCKDB_FILE, whole)
        descriptor = json.dumps(datapackage.datapackage(by_label), indent=1, ensure_ascii=False)
        (tmp / datapackage.FILE_NAME).write_text(descriptor + "\n", encoding="utf-8")
        files += ["README.md", DUCKDB_FILE, datapackage.FILE_NAME]
        manifest = {"kind": outdir.MANIFEST_KIND, "files": files, "inputs": inputs}
        (tmp / outdir.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        outdir.swap_in(tmp, out)
    except BaseException:
        outdir.remove_build(tmp)
        raise
    return out


def is_up_to_date(out: Path, inputs: Mapping[str, Any]) -> bool:
    """Whether ``out`` holds a complete dataset written from exactly ``inputs`` (the same papers
    at the same paths in the same order, by the same pipeline version). Takes the output folder
    and the inputs as ``write_dataset`` saves them; returns False when anything is missing."""
    manifest = outdir.read_manifest(out.resolve())
    if manifest is None:
        return False
    return (
        manifest.get("inputs") == json.loads(json.dumps(inputs))
        and (out / DUCKDB_FILE).is_file()
        and (out / datapackage.FILE_NAME).is_file()
        and all(any((out / t).glob("*.parquet")) for t in TABLES)
    )


def dataset_rows(out: Path) -> dict[str, int]:
    """Return the number of rows of each table of the dataset in ``out`` (from file footers)."""
    return {
        t: sum(pq.read_metadata(f).num_rows for f in sorted((out / t).glob("*.parquet")))
        for t in TABLES
    }


def column_values(out: Path, table: str, column: str) -> list[Any]:
    """Return one column of a table of the dataset in ``out``, in file order."""
    values: list[Any] = []
    for f in sorted((out / table).glob("*.parquet")):
        values.extend(pq.read_table(f, columns=[column]).column(column).to_pylist())
    return values
