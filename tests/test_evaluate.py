"""The evaluation scorer (pipeline.evaluation.evaluate) on small synthetic runs with
hand-counted answers.

Each test writes a tiny gold folder and a tiny output folder (one Parquet dataset per table,
with the column names of schemas/records.py) under tmp_path; the expected counts are worked
out by hand in the comments, never taken from the scorer.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from pipeline.evaluation.evaluate import evaluate, main, name_key, similarity

STEM = "900_synthetic"
TXT_ID, PDF_ID, SCAN_ID = "p-txt", "p-pdf", "p-scan"


def write_gold(folder: Path, doc: dict, stem: str = STEM) -> Path:
    """Write one gold file and return the gold folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


def write_table(out: Path, table: str, rows: list[dict]) -> None:
    """Write rows as the Parquet dataset output/<table>/."""
    (out / table).mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_parquet(out / table / "part-0.parquet", index=False)


def write_papers(out: Path, *formats: str, doc_type: str = "report") -> None:
    """A papers table holding the synthetic sample in the given formats."""
    ids = {"txt": TXT_ID, "pdf": PDF_ID, "pdf-scanned": SCAN_ID}
    paths = {
        "txt": f"samples/{STEM}.txt",
        "pdf": f"samples/{STEM}.pdf",
        "pdf-scanned": f"samples/{STEM}.scanned.pdf",
    }
    write_table(
        out,
        "papers",
        [
            {
                "paper_id": ids[f],
                "path": paths[f],
                "format": f.split("-")[0],
                "doc_type": doc_type,
                "status": "needs_ocr" if f == "pdf-scanned" else "ok",
            }
            for f in formats
        ],
    )


def funding_row(
    amount: str,
    recipient: str | None,
    purpose: str | None = None,
    kind: str = "allocation",
    paper_id: str = TXT_ID,
) -> dict:
    """An output funding row with the schema's columns."""
    return {
        "funding_id": f"f-{amount}-{recipient}",
        "paper_id": paper_id,
        "kind": kind,
        "funder": None,
        "recipient": recipient,
        "purpose": purpose,
        "amount_gbp": Decimal(amount),
        "amount_text": None,
        "approximate": False,
        "financial_year": "2019/20",
        "page": 1,
        "evidence": None,
    }


def gold_funding(
    amount: float, recipient: str | None, purpose: str | None = None, kind: str = "allocation"
) -> dict:
    """A gold funding record."""
    return {
        "recipient": recipient,
        "purpose": purpose,
        "amount_gbp": amount,
        "approximate": False,
        "financial_year": "2019/20",
        "funder": None,
        "kind": kind,
    }


def cell(report: dict, table: str, fmt: str = "txt") -> dict:
    """The per-format cell of a table."""
    return report["tables"][table]["by_format"][fmt]


def test_similarity_and_names_by_hand() -> None:
    # {domestic, abuse} vs {tackling, domestic, abuse}: 2*2 / (2+3) = 0.8
    assert similarity("Domestic Abuse", "Tackling Domestic Abuse") == pytest.approx(0.8)
    assert similarity("Violence (non-domestic)", "violence non domestic") == 1.0
    assert similarity(None, None) == 1.0 and similarity("x", None) == 0.0
    assert name_key("Councillor Ferrans") == name_key("Ferrans") == "ferrans"
    assert name_key("Parish Councillor P. Ayles") == "p ayles"
    assert name_key("Superintendent  M Tarbit") == "m tarbit"
    assert name_key("Cllr Jim O\u2019Ryan") == name_key("Jim O'Ryan")


def test_funding_two_right_one_wrong_amount(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold",
        {
            "funding": [
                gold_funding(40000, "MK Act"),
                gold_funding(15000, "Crime Reduction Advisor"),
                gold_funding(6650, "Somali Outreach Project"),
            ]
        },
    )
    out = tmp_path / "out"
    write_papers(out, "txt")
    write_table(
        out,
        "funding",
        [
            funding_row("40000.00", "MK Act – Domestic abuse Intervention Service"),
            funding_row("15000", "Partnership Crime Reduction Advisor", kind="match_funding"),
            funding_row("6560", "Somali Outreach Project"),
        ],
    )  # amount misread: a miss and an extra
    report = evaluate(out, gold)
    c = cell(report, "funding")
    assert (c["tp"], c["fp"], c["fn"]) == (2, 1, 1)
    assert c["precision"] == pytest.approx(2 / 3) and c["recall"] == pytest.approx(2 / 3)
    assert c["f1"] == pytest.approx(2 / 3)
    # docx and pdf were not in the run: their 3 + 3 gold records are misses overall.
    o = report["tables"]["funding"]["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (2, 1, 7)
    # Non-key field accuracy on the 2 matched pairs: kind right once (match_funding is wrong).
    acc = report["tables"]["funding"]["field_accuracy"]["overall"]
    assert acc["kind"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert acc["financial_year"]["correct"] == 2
    sample = report["tables"]["funding"]["by_sample"][f"{STEM}.txt"]
    assert [m["amount_gbp"] for m in sample["missed"]] == [6650]
    assert [e["amount_gbp"] for e in sample["extra"]] == [6560.0]


def test_same_amount_disambiguated_by_text(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold",
        {
            "funding": [
                gold_funding(10000, "JATAC activities", "Tasking"),
                gold_funding(10000, "Communications", "Tasking"),
            ]
        },
    )
    out = tmp_path / "out"
    write_papers(out, "txt")
    # Recipients swapped in order, purpose missing: the best-text pairing still finds both.
    write_table(
        out,
        "funding",
        [funding_row("10000", "Communications"), funding_row("10000", "JATAC activities")],
    )
    report = evaluate(out, gold)
    c = cell(report, "funding")
    assert (c["tp"], c["fp"], c["fn"]) == (2, 0, 0)
    assert report["tables"]["funding"]["field_accuracy"]["overall"]["recipient"]["correct"] == 2


def test_right_amount_without_text_is_a_near_miss(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold",
        {"funding": [gold_funding(2500, "'Your Choice' scheme", "community projects")]},
    )
    out = tmp_path / "out"
    write_papers(out, "txt")
    write_table(out, "funding", [funding_row("2500", None, None)])
    c = cell(evaluate(out, gold), "funding")
    # No recipient or purpose to compare: a miss and an extra, flagged as a near miss.
    assert (c["tp"], c["fp"], c["fn"], c["near_misses"]) == (0, 1, 1, 1)


def test_grant_award_counted_once(tmp_path: Path) -> None:
    # Gold writes the 261,694 grant twice (grant_totals and a grant_award funding record):
    # funding expects it once. The 5,000 total has no funding twin: funding expects it too.
    gold = write_gold(
        tmp_path / "gold",
        {
            "grant_totals": [
                {
                    "authority": "X",
                    "funder": None,
                    "financial_year": "2019/20",
                    "amount_gbp": 261694,
                },
                {"authority": "X", "funder": None, "financial_year": "2019/20", "amount_gbp": 5000},
            ],
            "funding": [
                gold_funding(261694, "Milton Keynes", "CSF Grant Allocation", kind="grant_award")
            ],
        },
    )
    out = tmp_path / "out"
    write_papers(out, "txt")
    write_table(
        out,
        "funding",
        [
            funding_row("261694", "Milton Keynes", "CSF Grant Allocation", kind="grant_award"),
            funding_row("261694", None, "Totals", kind="grant_award"),  # the totals row again
            funding_row("5000", "Partnership", kind="grant_award"),
        ],
    )
    report = evaluate(out, gold)
    # funding: gold {261694, 5000}; output 3 rows -> tp 2 (5000 needs no text), fp 1.
    c = cell(report, "funding")
    assert (c["tp"], c["fp"], c["fn"]) == (2, 1, 0)
    # grant_totals: gold {261694, 5000}; the three grant_award rows -> tp 2, fp 1.
    g = cell(report, "grant_totals")
    assert (g["tp"], g["fp"], g["fn"]) == (2, 1, 0)


def test_attendance_names_without_honorific(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold",
        {
            "attendance": [
                {
                    "name": "Councillor Ferrans",
                    "status": "observer",
                    "organisation": None,
                    "chair": False,
                    "position": None,
                },
                {
                    "name": "McLean",
                    "status": "observer",
                    "organisation": None,
                    "chair": False,
                    "position": None,
                },
                {
                    "name": "Superintendent M Tarbit",
                    "status": "present",
                    "organisation": "Thames Valley Police",
                    "chair": False,
                    "position": None,
                },
            ]
        },
    )
    out = tmp_path / "out"
    write_papers(out, "txt")
    row = {
        "meeting_id": "m1",
        "paper_id": TXT_ID,
        "person_id": None,
        "position": None,
        "org_id": None,
        "chair": False,
        "page": 1,
        "evidence": None,
        "organisation": None,
    }
    write_table(
        out,
        "attendance",
        [
            {**row, "name_as_printed": "Ferrans", "status": "observer"},
            {**row, "name_as_printed": "Cllr. McLean", "status": "observer"},
            {
                **row,
                "name_as_printed": "M Tarbit",
                "status": "apologies",  # status is key: a miss
                "organisation": "Thames Valley Police",
            },
        ],
    )
    c = cell(evaluate(out, gold), "attendance")
    assert (c["tp"], c["fp"], c["fn"]) == (2, 1, 1)


def test_duplicate_output_row_is_false_positive(tmp_path: Path) -> None:
    text = "That the update be noted."
    gold = write_gold(
        tmp_path / "gold", {"resolutions": [{"minute_ref": "SMK14", "number": 1, "text": text}]}
    )
    out = tmp_path / "out"
    write_papers(out, "txt")
    row = {
        "meeting_id": "m1",
        "paper_id": TXT_ID,
        "minute_ref": "SMK 14",
        "number": 1,
        "text": "That the update be noted",
        "verb": "noted",
        "page": 3,
    }
    write_table(out, "resolutions", [row, dict(row)])
    c = cell(evaluate(out, gold), "resolutions")
    assert (c["tp"], c["fp"], c["fn"]) == (1, 1, 0)
    assert c["precision"] == 0.5 and c["recall"] == 1.0


def test_people_pairwise_links(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold",
        {
            "people": [
                {"name": "Michael Bracey", "variants": ["Michael Bracey", "M Bracey"]},
                {
                    "name": "Lauren Townsend",
                    "variants": ["Councillor Lauren Townsend", "Councillor Townsend"],
                },
                {"name": "Jane Held", "variants": ["Jane Held", "J Held"]},
            ]
        },
    )
    out = tmp_path / "out"
    write_papers(out, "txt")
    member = {
        "paper_id": TXT_ID,
        "body": None,
        "as_of": dt.date(2021, 6, 30),
        "category": "voting",
        "position": None,
        "organisation": None,
        "org_id": None,
        "page": 1,
        "evidence": None,
    }
    write_table(
        out,
        "memberships",
        [
            {**member, "name_as_printed": "Michael Bracey", "person_id": "p1"},
            {**member, "name_as_printed": "Councillor Lauren Townsend", "person_id": "p2"},
            {**member, "name_as_printed": "Jane Held", "person_id": "p4"},
            {**member, "name_as_printed": "Joe Bloggs", "person_id": "p1"},
        ],
    )  # not in gold: ignored
    seen = {
        "meeting_id": "m1",
        "paper_id": TXT_ID,
        "status": "present",
        "position": None,
        "organisation": None,
        "org_id": None,
        "chair": False,
        "page": 5,
        "evidence": None,
    }
    write_table(
        out,
        "attendance",
        [
            {**seen, "name_as_printed": "M Bracey", "person_id": "p1"},
            {**seen, "name_as_printed": "Councillor Townsend", "person_id": "p3"},
            {**seen, "name_as_printed": "J Held", "person_id": "p1"},
        ],
    )
    # Forms in both: michael bracey, m bracey, lauren townsend, townsend, jane held, j held.
    # Output pairs (shared p1): {michael bracey, m bracey}, {michael bracey, j held},
    # {m bracey, j held}. Gold pairs: the three variant pairs. tp 1, fp 2, fn 2.
    c = cell(evaluate(out, gold), "people")
    assert (c["tp"], c["fp"], c["fn"]) == (1, 2, 2)
    assert c["precision"] == pytest.approx(1 / 3) and c["recall"] == pytest.approx(1 / 3)


def test_people_without_person_ids_score_zero_recall(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold",
        {"people": [{"name": "Michael Bracey", "variants": ["Michael Bracey", "M Bracey"]}]},
    )
    out = tmp_path / "out"
    write_papers(out, "txt")
    write_table(
        out,
        "attendance",
        [
            {
                "meeting_id": "m1",
                "paper_id": TXT_ID,
                "person_id": None,
                "name_as_printed": n,
                "status": "present",
            }
            for n in ("Michael Bracey", "M Bracey")
        ],
    )
    c = cell(evaluate(out, gold), "people")
    assert (c["tp"], c["fp"], c["fn"]) == (0, 0, 1)
    assert c["recall"] == 0.0


def test_missing_tables_and_columns_are_no_records(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold",
        {
            "doc_type": "report",
            "funding": [gold_funding(100, "A")],
            "recommendations": [{"text": "That the report be noted.", "section": None}],
        },
    )
    out = tmp_path / "out"
    write_papers(out, "txt")
    # funding lacks its key column amount_gbp; recommendations is absent altogether.
    write_table(
        out,
        "funding",
        [{"funding_id": "f", "paper_id": TXT_ID, "kind": "allocation", "recipient": "A"}],
    )
    report = evaluate(out, gold)
    f = cell(report, "funding")
    assert (f["tp"], f["fp"], f["fn"]) == (0, 0, 1) and f["recall"] == 0.0
    r = cell(report, "recommendations")
    assert (r["tp"], r["fp"], r["fn"]) == (0, 0, 1) and r["precision"] is None
    notes = " ".join(report["notes"])
    assert "amount_gbp" in notes and "recommendations: no output table" in notes
    assert cell(report, "doc_type")["tp"] == 1


def test_empty_cells_are_na_and_gold_free_output_is_false_positive(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold", {"doc_type": "briefing"})
    out = tmp_path / "out"
    write_papers(out, "txt", doc_type="report")  # wrong type: one fp and one fn
    write_table(out, "priorities", [{"paper_id": TXT_ID, "period": None, "text": "Hate Crime"}])
    report = evaluate(out, gold)
    assert cell(report, "recommendations") == {
        "tp": 0,
        "fp": 0,
        "fn": 0,
        "precision": None,
        "recall": None,
        "f1": None,
        "near_misses": 0,
    }
    p = cell(report, "priorities")
    assert (p["tp"], p["fp"], p["fn"], p["precision"]) == (0, 1, 0, 0.0)
    d = cell(report, "doc_type")
    assert (d["tp"], d["fp"], d["fn"]) == (0, 1, 1)


def test_scanned_copy_scored_apart_from_overall(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold",
        {
            "doc_type": "agenda_pack",
            "minute_items": [
                {"ref": "SMK10", "title": "MINUTES"},
                {"ref": "SMK11", "title": "DISCLOSURES"},
            ],
        },
    )
    out = tmp_path / "out"
    write_papers(out, "txt", "pdf", "pdf-scanned", doc_type="agenda_pack")
    write_table(
        out,
        "minute_items",
        [
            {"meeting_id": "m", "paper_id": pid, "ref": ref, "title": "MINUTES", "text": None}
            for pid in (TXT_ID, PDF_ID)
            for ref in ("SMK10", "SMK11")
        ],
    )
    report = evaluate(out, gold)
    assert "pdf-scanned" in report["formats"]
    s = cell(report, "minute_items", "pdf-scanned")
    assert (s["tp"], s["fp"], s["fn"]) == (0, 0, 2)
    # overall = txt 2 + docx (no paper) 0 + pdf 2; the scanned misses are not in it.
    o = report["tables"]["minute_items"]["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (4, 0, 2)
    # title: right for SMK10 twice, wrong ("MINUTES" vs "DISCLOSURES") for SMK11 twice.
    acc = report["tables"]["minute_items"]["field_accuracy"]["overall"]["title"]
    assert (acc["correct"], acc["total"]) == (2, 4)


def test_cli_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write_gold(tmp_path / "gold", {"doc_type": "report"})
    out = tmp_path / "out"
    write_papers(out, "txt")
    target = tmp_path / "eval.json"
    assert main(["--out", str(out), "--gold", str(gold), "--json", str(target), "--detail"]) == 0
    report = json.loads(target.read_text(encoding="utf-8"))
    assert set(report["tables"]) >= {"doc_type", "funding", "grant_totals", "people"}
    assert set(report["rules"]) == set(report["tables"])  # one rule line per scored key
    assert report["tables"]["doc_type"]["by_format"]["txt"]["f1"] == 1.0
    printed = capsys.readouterr().out
    assert "doc_type" in printed and "people" in printed


REAL_GOLD = Path(__file__).parent / "gold"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _money(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def perfect_run(out: Path, formats: tuple[str, ...] = ("txt", "docx", "pdf")) -> None:
    """Write the real gold files as if a perfect extractor had read every sample format.

    person_id is the gold person's name, found by the printed form among the gold variants.
    """
    docs = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(REAL_GOLD.glob("*.json"))
    }
    person = {
        v: p["name"] for d in docs.values() for p in d.get("people", []) for v in p["variants"]
    }
    tables: dict[str, list[dict]] = {}

    def add(table: str, **row: object) -> None:
        tables.setdefault(table, []).append(row)

    for stem, d in docs.items():
        for fmt in formats:
            pid = f"{stem}-{fmt}"
            add(
                "papers",
                paper_id=pid,
                path=f"samples/{stem}.{fmt}",
                format=fmt,
                doc_type=d.get("doc_type"),
                status="ok",
            )
            for n, r in enumerate(d.get("parts", []), 1):
                add(
                    "parts",
                    paper_id=pid,
                    part_no=n,
                    type=r["type"],
                    title=r["title"],
                    date=_date(r["date"]),
                )
            for n, r in enumerate(d.get("meetings", [])):
                add(
                    "meetings",
                    meeting_id=f"{pid}-m{n}",
                    paper_id=pid,
                    date=_date(r["date"]),
                    start_time=r["start_time"],
                    end_time=r["end_time"],
                    venue=r["venue"],
                    source=r["source"],
                )
            for r in d.get("membership", []):
                add(
                    "memberships",
                    paper_id=pid,
                    person_id=person.get(r["name"]),
                    name_as_printed=r["name"],
                    category=r["category"],
                    position=r["position"],
                    organisation=r["organisation"],
                )
            for r in d.get("agenda_items", []):
                first, last = r["pages"] or (None, None)
                add(
                    "agenda_items",
                    meeting_id="m",
                    paper_id=pid,
                    number=r["number"],
                    title=r["title"],
                    page_from=first,
                    page_to=last,
                    to_follow=r["to_follow"],
                    exempt=r["exempt"],
                )
            for r in d.get("attendance", []):
                add(
                    "attendance",
                    meeting_id="m",
                    paper_id=pid,
                    person_id=person.get(r["name"]),
                    name_as_printed=r["name"],
                    status=r["status"],
                    position=r["position"],
                    organisation=r["organisation"],
                    chair=r["chair"],
                )
            for r in d.get("minute_items", []):
                add("minute_items", meeting_id="m", paper_id=pid, ref=r["ref"], title=r["title"])
            for r in d.get("resolutions", []):
                add(
                    "resolutions",
                    meeting_id="m",
                    paper_id=pid,
                    minute_ref=r["minute_ref"],
                    number=r["number"],
                    text=r["text"],
                )
            for r in d.get("recommendations", []):
                add("recommendations", paper_id=pid, section=r["section"], text=r["text"])
            for r in d.get("priorities", []):
                add("priorities", paper_id=pid, period=r["period"], text=r["text"])
            for n, r in enumerate(d.get("spend_plan_lines", []), 1):
                add(
                    "spend_plan_lines",
                    paper_id=pid,
                    line_no=n,
                    title=r["title"],
                    cost_gbp=_money(r["cost_gbp"]),
                    pct_of_grant=r["pct_of_grant"],
                    other_funding=r["other_funding"],
                )
            for n, r in enumerate(d.get("funding", [])):
                add(
                    "funding",
                    funding_id=f"{pid}-f{n}",
                    paper_id=pid,
                    kind=r["kind"],
                    funder=r["funder"],
                    recipient=r["recipient"],
                    purpose=r["purpose"],
                    amount_gbp=_money(r["amount_gbp"]),
                    approximate=r["approximate"],
                    financial_year=r["financial_year"],
                )
    for table, rows in tables.items():
        write_table(out, table, rows)


def test_gold_written_as_output_scores_perfectly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    perfect_run(out)
    report = evaluate(out, REAL_GOLD)
    for key, table in report["tables"].items():
        o = table["overall"]
        assert (o["fp"], o["fn"]) == (0, 0), key
        assert o["f1"] == 1.0, key
        for name, acc in table.get("field_accuracy", {}).get("overall", {}).items():
            assert acc["correct"] == acc["total"], (key, name)
    # 004's 23 attendance records, once per format.
    assert report["tables"]["attendance"]["overall"]["tp"] == 3 * 23


def test_one_format_missing_halves_nothing_else(tmp_path: Path) -> None:
    # Only txt and pdf were run: docx gold counts as missed, txt and pdf stay perfect.
    out = tmp_path / "out"
    perfect_run(out, formats=("txt", "pdf"))
    report = evaluate(out, REAL_GOLD)
    resolutions = report["tables"]["resolutions"]
    assert resolutions["by_format"]["txt"]["f1"] == 1.0
    assert resolutions["by_format"]["docx"]["recall"] == 0.0
    # 9 gold resolutions in 004: tp 9 + 9 (txt, pdf), fn 9 (docx) -> recall 2/3.
    assert resolutions["overall"]["recall"] == pytest.approx(2 / 3)
