"""Shared fixtures: paths to the sample papers and a pipeline run over them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "gold"
BAD = ROOT / "tests" / "fixtures" / "bad"
SAMPLE_STEMS = sorted(p.stem for p in GOLD.glob("*.json"))
FORMATS = ("txt", "docx", "pdf")
#: every PDF with a text layer among the samples and the real papers, relative to samples/
TEXT_PDFS = sorted(p.relative_to(SAMPLES).as_posix() for p in SAMPLES.glob("*.pdf")
                   if not p.name.endswith(".scanned.pdf")) \
    + sorted(p.relative_to(SAMPLES).as_posix() for p in (SAMPLES / "real").glob("*.pdf"))


def gold(stem: str) -> dict:
    """The hand-written gold of a sample paper."""
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def sample_path(stem: str, fmt: str) -> Path:
    """Path of a sample paper in one format."""
    return SAMPLES / f"{stem}.{fmt}"


@pytest.fixture(scope="session")
def samples_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the pipeline once over the sample papers (not samples/real) plus the bad inputs.

    Returns the output folder. Inputs are copied into one folder so paths are short and stable.
    """
    from pipeline.run import RunOptions, run

    base = tmp_path_factory.mktemp("run")
    inputs = base / "in"
    inputs.mkdir()
    for p in SAMPLES.iterdir():
        if p.is_file():
            shutil.copy(p, inputs / p.name)
    shutil.copytree(BAD, inputs / "bad")
    run([inputs], base / "out", RunOptions(workers=2, cache_dir=None, progress=False))
    return base / "out"


def read_table(out: Path, table: str) -> pd.DataFrame:
    """Read one output table as a DataFrame."""
    return pd.read_parquet(out / table)


def copy_samples(tmp_path: Path, names: tuple[str, ...]) -> Path:
    """Copy the named sample papers into ``tmp_path/in`` (created if needed); return that folder."""
    src = tmp_path / "in"
    src.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, src / name)
    return src


def all_tables(out: Path) -> dict[str, list]:
    """Every output table of a run as lists of row dicts, for comparing two runs."""
    import pyarrow.parquet as pq

    from schemas.records import TABLES

    return {t: pq.read_table(out / t).to_pylist() for t in TABLES}
