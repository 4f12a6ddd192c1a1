"""The real-gold scorer counts matches per table and per authority."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from pipeline.evaluation.evaluate_real import evaluate_real
from pipeline.write import write_dataset
from schemas.records import Funding, Meeting, Paper


def test_counts_per_table_and_authority(tmp_path: Path) -> None:
    pid = "a" * 64
    tables = {
        "papers": [
            Paper(
                paper_id=pid,
                path="x/samples/corpus/parish/minutes.pdf",
                format="pdf",
                status="ok",
                doc_type="minutes",
                pipeline_version="t",
            )
        ],
        "meetings": [
            Meeting(meeting_id="m1", paper_id=pid, date=dt.date(2024, 3, 5), source="minutes")
        ],
        "funding": [
            Funding(
                funding_id="f1",
                paper_id=pid,
                kind="grant_award",
                recipient="Village Hall",
                amount_gbp=Decimal("500.00"),
            ),
            Funding(
                funding_id="f2",
                paper_id=pid,
                kind="grant_award",
                recipient="Cheque No 12",
                amount_gbp=Decimal("12.00"),
            ),
        ],
    }
    out = write_dataset(tmp_path / "out", tables)
    gold_dir = tmp_path / "gold"
    (gold_dir / "parish").mkdir(parents=True)
    gold = {
        "paper": "corpus/parish/minutes.pdf",
        "doc_type": "minutes",
        "meetings": [{"date": "2024-03-05", "source": "minutes"}],
        "funding": [
            {"recipient": "Village Hall", "amount_gbp": 500, "kind": "grant_award"},
            {"recipient": "Youth Club", "amount_gbp": 250, "kind": "grant_award"},
        ],
        "minute_items": [{"ref": "24/1", "title": "Apologies"}],
    }
    (gold_dir / "parish" / "minutes.json").write_text(json.dumps(gold))
    (gold_dir / "other").mkdir()
    (gold_dir / "other" / "agenda.json").write_text(
        json.dumps(
            {
                "paper": "corpus/other/agenda.pdf",
                "meetings": [{"date": "2024-01-01", "source": "agenda"}],
            }
        )
    )
    report = evaluate_real(out, gold_dir)
    t = report["tables"]
    assert (t["doc_type"]["overall"]["tp"], t["doc_type"]["overall"]["fp"]) == (1, 0)
    assert t["meetings"]["by_authority"]["parish"]["tp"] == 1
    assert t["meetings"]["by_authority"]["other"]["fn"] == 1  # a paper the run never saw
    f = t["funding"]["overall"]
    assert (f["tp"], f["fp"], f["fn"]) == (1, 1, 1)
    assert t["minute_items"]["overall"]["fn"] == 1
    assert any("corpus/other/agenda.pdf" in n for n in report["notes"])
