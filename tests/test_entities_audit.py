"""The entities audit draws people and organisations named by real papers and counts verdicts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.evaluation.entities_audit import (
    audited_entities,
    entity_key,
    judge,
    read_judgements,
)


def _write(out: Path, table: str, rows: list[dict]) -> None:
    (out / table).mkdir(parents=True)
    pd.DataFrame(rows).to_parquet(out / table / "part-undated.parquet")


@pytest.fixture
def run(tmp_path: Path) -> Path:
    _write(
        tmp_path,
        "papers",
        [
            {"paper_id": "k", "path": "samples/real/kent-minutes.pdf"},
            {"paper_id": "m", "path": "samples/001_mk.pdf"},
        ],
    )
    _write(
        tmp_path,
        "people",
        [{"person_id": "p1", "name": "Lesley Game"}, {"person_id": "p2", "name": "Mark Smith"}],
    )
    _write(
        tmp_path,
        "attendance",
        [
            {
                "paper_id": "k",
                "person_id": "p1",
                "name_as_printed": "Mrs L Game",
                "org_id": None,
                "organisation": None,
                "page": 1,
                "evidence": "Present: Mrs L Game",
            },
            {
                "paper_id": "m",
                "person_id": "p2",
                "name_as_printed": "Mark Smith",
                "org_id": None,
                "organisation": None,
                "page": 1,
                "evidence": "Mark Smith",
            },
        ],
    )
    _write(tmp_path, "organisations", [{"org_id": "o1", "name": "Kent County Council"}])
    return tmp_path


def test_only_entities_named_by_real_or_corpus_papers_are_audited(run: Path) -> None:
    people = audited_entities(run, "people")
    assert list(people["name"]) == ["Lesley Game"]  # Mark Smith is named by a sample only
    assert people.iloc[0]["paper"] == "real/kent-minutes.pdf"
    assert people.iloc[0]["key"] == entity_key("Lesley Game", ["Mrs L Game"])
    assert audited_entities(run, "organisations").empty  # named by no paper


def test_key_changes_when_the_linked_forms_change() -> None:
    assert entity_key("Lesley Game", ["Mrs L Game"]) == entity_key(
        "Lesley Game", ["Mrs L Game"] * 2
    )
    assert entity_key("Lesley Game", ["Mrs L Game"]) != entity_key(
        "Lesley Game", ["Mrs L Game", "Mr L Game"]
    )


def test_unjudged_rows_are_reported_and_bad_verdicts_refused(run: Path, tmp_path: Path) -> None:
    people = audited_entities(run, "people")
    csv = tmp_path / "j.csv"
    csv.write_text("table,key,name,paper,page,verdict,reason\n")
    assert list(judge(people, read_judgements(csv))["verdict"]) == ["unjudged"]
    key = people.iloc[0]["key"]
    csv.write_text(f"table,key,name,paper,page,verdict,reason\npeople,{key},x,p,1,right,ok\n")
    assert list(judge(people, read_judgements(csv))["verdict"]) == ["right"]
    csv.write_text(f"table,key,name,paper,page,verdict,reason\npeople,{key},x,p,1,maybe,?\n")
    with pytest.raises(ValueError, match="maybe"):
        read_judgements(csv)
