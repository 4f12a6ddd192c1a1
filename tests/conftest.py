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
TEXT_PDFS = sorted(
    p.relative_to(SAMPLES).as_posix()
    for p in SAMPLES.glob("*.pdf")
    if not p.name.endswith(".scanned.pdf")
) + sorted(p.relative_to(SAMPLES).as_posix() for p in (SAMPLES / "real").glob("*.pdf"))
#: the text PDFs with ruled tables (grids of drawn lines that the PDF reader's table gate sends
#: to the table finder); the others have none. test_pdf_tables holds both halves of this list.
RULED_PDFS = (
    "000_1c07758f42038aae.pdf",
    "003_a2a4ea0d76e054f2.pdf",
    "004_e7a5e62b3e5d6ec5.pdf",
    "real/kent-armed-forces-covenant-annual-report-2024.pdf",
    "real/kent-budget-by-directorate-2025-26.pdf",
    "real/kent-budget-templates-spending-savings-2025-28.pdf",
    "real/kent-capital-investment-by-directorate-2025-26-to-2034-35.pdf",
    "real/kent-capital-investment-summary-2025-26-to-2034-35.pdf",
    "real/kent-county-council-budget-amendments-pack-2025-02-13.pdf",
    "real/kent-county-council-devolution-supplement-pack-2025-01-09.pdf",
    "real/kent-finance-monitoring-report-q3-2024-25.pdf",
    "real/kent-key-service-statement-budget-2025-26.pdf",
    "real/kent-proposed-record-of-decision-24-00096.pdf",
    "real/kent-quarterly-performance-report-q3-2024-25.pdf",
    "real/kent-record-of-decision-24-00093-family-hubs.pdf",
    "real/kent-treasury-management-group-note-2024-11-14.pdf",
    "real/kent-treasury-management-half-year-report-2024-25.pdf",
)


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


#: archive-wide tables whose id must be unique in every dataset a test writes (issue 15)
UNIQUE_IDS = {"people": "person_id", "organisations": "org_id", "bodies": "body_id"}


@pytest.fixture(scope="session", autouse=True)
def ids_unique_in_every_run(tmp_path_factory: pytest.TempPathFactory):
    """After the whole session, every dataset any test wrote (in-process or through the CLI)
    has unique person, organisation and body ids: one id is one person, never two."""
    yield
    import pyarrow.parquet as pq

    base = tmp_path_factory.getbasetemp()
    checked, clashes = 0, []
    for table, column in UNIQUE_IDS.items():
        for folder in base.rglob(table):
            files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
            if not files:
                continue
            ids = [i for f in files for i in pq.read_table(f, columns=[column])[column].to_pylist()]
            checked += 1
            if len(ids) != len(set(ids)):
                clashes.append(f"{folder}: {len(ids) - len(set(ids))} repeated {column}")
    assert not clashes, f"ids repeated ({checked} tables checked): " + "; ".join(clashes)
