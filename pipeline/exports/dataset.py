"""Reading a finished dataset, and writing export files beside it without harming anything.

Export files written into the dataset folder are added to its manifest
(``.minutebook-dataset.json``), so the next run knows them as its own and replaces them with the
rest of the dataset (an export of old data does not outlive it). Written to another folder
(``--to``), they are listed in that folder's ``.minutebook-exports.json``. Either way a file
that is already there and not listed as minutebook's is never overwritten: the export is
refused before anything is written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from pipeline import outdir
from pipeline.discover import shown
from schemas.records import TABLES

EXPORTS_MANIFEST = ".minutebook-exports.json"
EXPORTS_KIND = "minutebook-exports"


class ExportRefused(Exception):
    """The export cannot read its dataset or may not write where asked; the message says why."""


def check_dataset(folder: Path) -> None:
    """Raise ExportRefused unless ``folder`` holds a dataset a minutebook run wrote."""
    if outdir.read_manifest(folder) is None or not (folder / "papers").is_dir():
        raise ExportRefused(
            f"{shown(folder)} is not a minutebook dataset (no {outdir.MANIFEST}): "
            "give the --out folder of a `minutebook run`."
        )


def read_rows(folder: Path, table: str) -> list[dict[str, Any]]:
    """Return every row of one table of the dataset in ``folder``, in file order, as dicts
    (Decimal money, ``datetime.date`` dates, lists for list columns, None for nulls)."""
    if table not in TABLES:
        raise KeyError(table)
    rows: list[dict[str, Any]] = []
    for f in sorted((folder / table).glob("*.parquet")):
        rows.extend(pq.read_table(f).to_pylist())
    return rows


def _own_listing(target: Path) -> tuple[set[str], bool]:
    """Files listed as minutebook's in ``target``, and whether ``target`` is a dataset folder."""
    manifest = outdir.read_manifest(target)
    if manifest is not None:
        return set(manifest["files"]), True
    try:
        data = json.loads((target / EXPORTS_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set(), False
    if not isinstance(data, dict) or data.get("kind") != EXPORTS_KIND:
        return set(), False
    return {f for f in data.get("files", []) if isinstance(f, str)}, False


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_files(target: Path, files: Mapping[str, bytes | None]) -> list[Path]:
    """Write export files (name -> bytes; None removes an earlier export's file) into ``target``.

    ``target`` is the dataset folder or another folder (made when missing). Refuses
    (ExportRefused), before writing anything, a target that is a file and any name already
    there that minutebook did not write. Returns the paths written.
    """
    if target.exists() and not target.is_dir():
        raise ExportRefused(f"{shown(target)} is a file, not a folder: give a folder to write to.")
    target.mkdir(parents=True, exist_ok=True)
    own, is_dataset = _own_listing(target)
    clash = [n for n in files if (target / n).exists() and n not in own]
    if clash:
        raise ExportRefused(
            f"{shown(target)} already holds {', '.join(shown(n) for n in clash)}, which "
            "minutebook did not write: it will not replace it. Move it, or give --to another "
            "folder."
        )
    written = []
    for name, data in files.items():
        if data is None:
            if name in own:
                (target / name).unlink(missing_ok=True)
            continue
        _write_atomic(target / name, data)
        written.append(target / name)
    kept = sorted(
        (own | {n for n, d in files.items() if d is not None})
        - {n for n, d in files.items() if d is None}
    )
    if is_dataset:
        manifest = dict(outdir.read_manifest(target) or {})
        manifest["files"] = [f for f in manifest["files"] if f not in files] + [
            n for n, d in files.items() if d is not None
        ]
        _write_atomic(target / outdir.MANIFEST, json.dumps(manifest).encode("utf-8"))
    else:
        listing = {"kind": EXPORTS_KIND, "files": kept}
        _write_atomic(target / EXPORTS_MANIFEST, json.dumps(listing).encode("utf-8"))
    return written
