"""The schema declarations: one source of truth for Arrow, DuckDB, the dictionary, validation."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from decimal import Decimal
from pathlib import Path

import pyarrow as pa

import extractors
from extractors.registry import EXTRACTORS
from schemas.arrow import arrow_schema, to_arrow
from schemas.dictionary import render_dictionary
from schemas.records import TABLES, Funding, SpendPlanLine
from schemas.validate import problems

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = {  # spec/OUTPUT.md: the minimum columns analysts rely on
    "papers": "paper_id path format doc_type title authority body paper_date financial_year "
    "page_count status error pipeline_version",
    "parts": "paper_id part_no type title date page_from page_to",
    "meetings": "meeting_id paper_id body date start_time end_time venue source",
    "agenda_items": "meeting_id number title description page_from page_to to_follow exempt",
    "memberships": "paper_id body as_of person_id name_as_printed category position organisation",
    "attendance": "meeting_id person_id name_as_printed status organisation chair",
    "minute_items": "meeting_id ref title text",
    "resolutions": "meeting_id minute_ref number text verb",
    "recommendations": "paper_id part_no section text",
    "priorities": "paper_id period text",
    "spend_plan_lines": "paper_id financial_year line_no title description measures benchmark "
    "cost_gbp cost_text pct_of_grant other_funding page_from page_to",
    "funding": "funding_id paper_id kind funder recipient purpose amount_gbp amount_text "
    "approximate financial_year page evidence",
    "people": "person_id name honorific variants",
    "organisations": "org_id name aliases",
    "findings": "paper_id severity code message",
}


def test_every_contract_table_and_column_is_declared() -> None:
    assert set(CONTRACT) <= set(TABLES)
    for table, cols in CONTRACT.items():
        assert set(cols.split()) <= set(arrow_schema(table).names), table


def test_money_and_date_types() -> None:
    assert arrow_schema("funding").field("amount_gbp").type == pa.decimal128(14, 2)
    assert arrow_schema("spend_plan_lines").field("cost_gbp").type == pa.decimal128(14, 2)
    assert arrow_schema("meetings").field("date").type == pa.date32()
    assert arrow_schema("papers").field("paper_date").type == pa.date32()


def test_data_dictionary_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == render_dictionary(), "run `make dictionary`"


def test_validation_catches_bad_records() -> None:
    good = Funding(funding_id="x", paper_id="p", kind="allocation", amount_gbp=Decimal("10.50"))
    assert problems(good) == []
    assert any(
        "kind" in p
        for p in problems(Funding(funding_id="x", paper_id="p", kind="gift", amount_gbp=Decimal(1)))
    )
    assert any(
        "below" in p for p in problems(SpendPlanLine(paper_id="p", line_no=0, title="Parks"))
    )
    assert any(
        "should be decimal, got float" in p
        for p in problems(Funding(funding_id="x", paper_id="p", kind="allocation", amount_gbp=10.5))
    )
    assert any(
        "required" in p for p in problems(Funding(funding_id="x", paper_id="p", kind="allocation"))
    )


def test_to_arrow_round_trips_types() -> None:
    from schemas.records import Meeting

    m = Meeting(
        meeting_id="m",
        paper_id="p",
        date=dt.date(2021, 3, 10),
        start_time="14:00",
        source="minutes",
    )
    table = to_arrow("meetings", [m])
    assert table.column("date").to_pylist() == [dt.date(2021, 3, 10)]
    assert to_arrow("funding", []).num_rows == 0


def test_every_extractor_module_is_registered() -> None:
    registered = {f.__module__ for f in EXTRACTORS.values()}
    with_extract = set()
    for mod in pkgutil.walk_packages(extractors.__path__, "extractors."):  # subpackages too
        if hasattr(importlib.import_module(mod.name), "extract"):
            with_extract.add(mod.name)
    assert with_extract == registered


def test_layers_only_look_down() -> None:
    schemas = sorted((ROOT / "schemas").rglob("*.py"))
    for path in schemas:
        text = path.read_text(encoding="utf-8")
        assert "from extractors" not in text and "from pipeline" not in text, path
        assert "import extractors" not in text and "import pipeline" not in text, path
    readers = sorted((ROOT / "extractors").rglob("*.py"))
    for path in readers:
        text = path.read_text(encoding="utf-8")
        assert "from pipeline" not in text and "import pipeline" not in text, path
    assert len(schemas) >= 5 and len(readers) >= 20
    # the tools that measure the pipeline stand apart: no stage imports them, and the scorer
    # imports nothing of the code it scores
    stages = sorted((ROOT / "pipeline").glob("*.py"))
    for path in stages:
        text = path.read_text(encoding="utf-8")
        assert "pipeline.evaluation" not in text and "pipeline import evaluation" not in text, path
    for name in ("evaluate.py", "evaluate_real.py"):
        text = (ROOT / "pipeline" / "evaluation" / name).read_text(encoding="utf-8")
        assert "from extractors" not in text and "import extractors" not in text, name
    assert len(stages) >= 8
