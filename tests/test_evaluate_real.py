"""The real-gold scorer counts matches per table and per authority."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from pipeline.evaluation.evaluate_real import evaluate_real, once_per_paper, person_key
from pipeline.write import write_dataset
from schemas.records import Attendance, Funding, Meeting, Paper, PersonMention


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


def _people_run(tmp_path: Path) -> tuple[Path, Path]:
    """A tiny run of two minutes of one council and its gold with ``people``."""
    pa, pb = "a" * 64, "b" * 64
    papers = [
        Paper(
            paper_id=pid,
            path=f"x/samples/corpus/town/{stem}.pdf",
            format="pdf",
            status="ok",
            doc_type="minutes",
            pipeline_version="t",
        )
        for pid, stem in ((pa, "one"), (pb, "two"))
    ]

    def seen(pid: str, name: str, person: str) -> Attendance:
        return Attendance(
            meeting_id="m-" + pid[0],
            paper_id=pid,
            person_id=person,
            name_as_printed=name,
            status="present",
        )

    attendance = [
        seen(pa, "Ms J Meade", "p1"),
        seen(pa, "Ms Meade", "p1"),
        seen(pa, "Mr J Meade", "p1"),  # wrongly one with Ms J Meade
        seen(pa, "Mr Meade", "p2"),
        seen(pa, "Cllr A Smith", "p3"),
        seen(pa, "Cllr Bloggs", "p4"),
        seen(pb, "Ms Meade", "p1"),
        seen(pb, "Cllr Bloggs", "p4"),
    ]
    mentions = [PersonMention(paper_id=pb, person_id="p3", name_as_printed="Ann Smith")]
    out = write_dataset(
        tmp_path / "out",
        {"papers": papers, "attendance": attendance, "person_mentions": mentions},
    )
    gold_dir = tmp_path / "gold"
    (gold_dir / "town").mkdir(parents=True)
    one = [
        {"name": "Jo Meade", "variants": ["Ms J Meade", "Ms Meade"]},
        {"name": "John Meade", "variants": ["Mr J Meade", "Mr Meade"]},
        {"name": "Ann Smith", "variants": ["Cllr A Smith"]},
        {"name": "Bill Bloggs", "variants": ["Cllr Bloggs"]},
    ]
    two = [
        {"name": "Ann Smith", "variants": ["Ann Smith"]},
        {"name": "Jo Meade", "variants": ["Ms Meade"]},
        {"name": "Bob Bloggs", "variants": ["Cllr Bloggs"]},  # another Bloggs, printed alike
    ]
    for stem, people in (("one", one), ("two", two)):
        gold = {"paper": f"corpus/town/{stem}.pdf", "doc_type": "minutes", "people": people}
        (gold_dir / "town" / f"{stem}.json").write_text(json.dumps(gold))
    (gold_dir / "village").mkdir()
    (gold_dir / "village" / "agenda.json").write_text(
        json.dumps({"paper": "corpus/village/agenda.pdf", "doc_type": "agenda"})
    )
    return out, gold_dir


def test_people_pairwise_per_authority(tmp_path: Path) -> None:
    out, gold_dir = _people_run(tmp_path)
    people = evaluate_real(out, gold_dir)["tables"]["people"]
    town = people["by_authority"]["town"]
    # gold pairs: Ms J Meade~Ms Meade, Mr J Meade~Mr Meade, Cllr A Smith~Ann Smith (across
    # papers, by the same name); the run links both Ms forms with Mr J Meade, misses Mr Meade
    assert (town["tp"], town["fp"], town["fn"]) == (2, 2, 1)
    assert town["precision"] == 0.5
    assert town["missed"] == [("m:j meade", "m:meade")]
    assert ("f:j meade", "m:j meade") in town["extra"]
    assert town["ambiguous_forms"] == ["bloggs"]  # one printed form, two gold people: not scored
    assert "village" not in people["by_authority"]  # no gold with people there
    assert people["overall"]["tp"] == 2


def test_person_key_keeps_the_title_sex() -> None:
    assert person_key("Ms J Meade") != person_key("Mr J Meade")
    assert person_key("Mrs. Bell") == person_key("Ms Bell")
    assert person_key("Mr R C Love, OBE") == person_key("Mr R C Love")
    assert person_key("Councillor Smith") == person_key("Smith")


def test_attendance_scored_once_per_paper() -> None:
    # Tintern's AGM and ordinary meeting of 20 May 2019 both print "Cllrs ... Hoskins": real
    # gold lists him once; a second row in one meeting is still an extra
    rows = [
        {"meeting_id": "agm", "name_as_printed": "Councillor Hoskins", "status": "present"},
        {"meeting_id": "agm", "name_as_printed": "Cllr Shewell", "status": "apologies"},
        {"meeting_id": "ord", "name_as_printed": "Cllrs Hoskins", "status": "present"},
        {"meeting_id": "ord", "name_as_printed": "Cllr Ashman", "status": "present"},
        {"meeting_id": "ord", "name_as_printed": "Cllr Ashman", "status": "present"},
    ]
    kept = once_per_paper(rows)
    assert [(r["meeting_id"], r["name_as_printed"]) for r in kept] == [
        ("agm", "Councillor Hoskins"),
        ("agm", "Cllr Shewell"),
        ("ord", "Cllr Ashman"),
        ("ord", "Cllr Ashman"),
    ]
