"""The resolutions audit draws the same rows for the same seed, keys them by paper, minute and
words (not by our ids), reports rows nobody judged as unjudged and counts the verdicts; the
committed audit page has no unjudged row and agrees with its judgements file."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from pipeline.evaluation.audit_common import UNJUDGED, Judgement, judge, read_judgements
from pipeline.evaluation.resolutions_audit import (
    DEFAULT_N,
    JUDGED_COLUMNS,
    audited_rows,
    authority_of,
    draw_sample,
    error_kinds,
    main,
    row_key,
    tally,
)
from pipeline.write import write_dataset
from schemas.records import MinuteItem, Paper, Resolution

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

#: (paper path, minute_ref, text): decisions as the papers print them
_ROWS = [
    ("samples/real/kent-cabinet-minutes.pdf", "88", "Note the forecast overspend of £23.3m."),
    ("samples/real/kent-cabinet-minutes.pdf", "88", "Agree the Capital budget changes."),
    ("samples/corpus/bristol-cc/minutes.pdf", "7", "Approved the early bird charging."),
    ("samples/corpus/tintern-cc/agm.pdf", "811", "Approve Annual Governance Statement."),
    ("samples/corpus/tintern-cc/agm.pdf", "2695", "Approved & signed as correct."),
    ("samples/000_mk.pdf", "3", "That the minutes be approved."),
    ("samples/unseen/held-out.pdf", "4", "That the report be noted."),
]


def _frames(copies: int = 6) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    paths = sorted({p for p, _, _ in _ROWS})
    pid = {p: f"{i:064d}" for i, p in enumerate(paths)}
    papers = pd.DataFrame({"paper_id": [pid[p] for p in paths], "path": paths})
    rows, items = [], []
    for c in range(copies):
        for p, ref, text in _ROWS:
            rows.append(
                {
                    "meeting_id": f"m{c}",
                    "paper_id": pid[p],
                    "minute_ref": ref,
                    "number": 1,
                    "text": f"{text} ({c})",
                    "page": 1 + c % 3,
                }
            )
            items.append({"meeting_id": f"m{c}", "paper_id": pid[p], "ref": ref, "title": ref})
    return pd.DataFrame(rows), papers, pd.DataFrame(items).drop_duplicates()


def test_only_real_and_corpus_papers_are_drawn() -> None:
    res, papers, items = _frames()
    rows = audited_rows(res, papers, items)
    assert len(rows) == 5 * 6
    assert {authority_of(p) for p in rows["paper"]} == {"kent (real)", "bristol-cc", "tintern-cc"}
    assert not rows["paper"].str.contains("unseen|000_mk").any()
    assert set(rows["heading"]) == {"88", "7", "811", "2695"}


def test_same_seed_same_rows_whatever_the_order_and_the_ids() -> None:
    res, papers, items = _frames()
    a = draw_sample(audited_rows(res, papers, items), n=10, seed=7)
    shuffled = res.sample(frac=1, random_state=3).assign(meeting_id="other")
    b = draw_sample(audited_rows(shuffled, papers), n=10, seed=7)
    assert len(a) == 10 and list(a["key"]) == list(b["key"])
    assert list(draw_sample(audited_rows(res, papers), n=10, seed=8)["key"]) != list(a["key"])


def test_key_reads_paper_minute_and_words_only() -> None:
    k = row_key("real/a.pdf", "88", "Note the  forecast\noverspend.")
    assert k == row_key("real/a.pdf", "88", "Note the forecast overspend.")
    assert k != row_key("real/a.pdf", "89", "Note the forecast overspend.")
    assert k != row_key("real/b.pdf", "88", "Note the forecast overspend.")
    assert k != row_key("real/a.pdf", "88", "Note the forecast underspend.")
    assert row_key("real/a.pdf", None, "x") == row_key("real/a.pdf", "", "x")


def test_rows_sharing_a_key_get_distinct_keys() -> None:
    res, papers, items = _frames(copies=1)
    twins = pd.concat([res.iloc[:1], res.iloc[:1].assign(number=2, page=5)])
    rows = audited_rows(twins, papers, items)
    assert list(rows["key"]) == [rows["key"][0], rows["key"][0] + ".2"]
    assert list(rows["number"]) == [1, 2]


def test_a_judgement_holds_until_the_number_changes(tmp_path: Path) -> None:
    res, papers, items = _frames()
    sample = draw_sample(audited_rows(res, papers, items), n=4, seed=1)
    path = tmp_path / "j.csv"
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["key", "paper", "page", "minute_ref", "number", "verdict", "reason"])
        for i, row in enumerate(sample.to_dict("records")[:3]):
            verdict = ("right", "partly", "wrong")[i]
            w.writerow(
                [row["key"], row["paper"], 1, row["minute_ref"], 1, verdict, "[cut-short] x"]
            )
    judged = judge(sample, read_judgements(path, JUDGED_COLUMNS))
    assert tally(judged["verdict"]) == {"right": 1, "partly": 1, "wrong": 1, UNJUDGED: 1}
    assert error_kinds(judged["reason"]) == {"cut-short": 3}
    renumbered = judge(sample.assign(number=2), read_judgements(path, JUDGED_COLUMNS))
    assert set(renumbered["verdict"]) == {UNJUDGED}
    assert "number '1' -> '2'" in renumbered.loc[0, "reason"]


def test_error_kinds_count_each_tag() -> None:
    reasons = pd.Series(["[runs-on, merged] a", "[cut-short] b", "no tag", "[cut-short] c"])
    assert error_kinds(reasons) == {"cut-short": 2, "merged": 1, "runs-on": 1}


def test_cli_writes_the_page_and_a_todo_of_unjudged_rows(tmp_path: Path) -> None:
    pid = "a" * 64
    out = write_dataset(
        tmp_path / "out",
        {
            "papers": [
                Paper(
                    paper_id=pid,
                    path="samples/corpus/wereham-pc/min.txt",
                    format="txt",
                    status="ok",
                    pipeline_version="9.9",
                )
            ],
            "minute_items": [
                MinuteItem(meeting_id="m", paper_id=pid, ref="5", title="Payments", page=1)
            ],
            "resolutions": [
                Resolution(
                    meeting_id="m",
                    paper_id=pid,
                    minute_ref="5",
                    number=i,
                    text=f"Payment {i} approved.",
                    page=1,
                )
                for i in range(1, 4)
            ],
        },
    )
    judgements = tmp_path / "j.csv"
    key = row_key("corpus/wereham-pc/min.txt", "5", "Payment 1 approved.")
    judgements.write_text(
        "key,paper,page,minute_ref,number,verdict,reason\n"
        f"{key},corpus/wereham-pc/min.txt,1,5,1,right,'Payment 1 approved.'\n"
    )
    md, todo = tmp_path / "audit.md", tmp_path / "todo.csv"
    args = ["--out", str(out), "--judgements", str(judgements), "--md", str(md)]
    assert main([*args, "--todo", str(todo), "--notes", str(tmp_path / "none.md")]) == 0
    text = md.read_text()
    assert "| right | 1 | 33.3% |" in text and "| unjudged | 2 | 66.7% |" in text
    assert "| wereham-pc | 3 | 1 | 0 | 0 | 2 |" in text
    assert "| Payments |" in text
    todo_rows = list(csv.DictReader(todo.open()))
    assert [r["number"] for r in todo_rows] == ["2", "3"]
    assert todo_rows[0]["verdict"] == "" and todo_rows[0]["heading"] == "Payments"


def _page_rows() -> list[tuple[str, str]]:
    """``(key, verdict)`` of every row of the committed audit page."""
    rows = []
    for line in (DOCS / "resolutions-audit.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| \d+ \| `([0-9a-f.]+)` \|.*\| (right|partly|wrong|unjudged) \|", line)
        if m:
            rows.append((m.group(1), m.group(2)))
    return rows


def test_the_committed_audit_is_fully_judged_by_its_judgements_file() -> None:
    rows = _page_rows()
    judgements = read_judgements(DOCS / "resolutions-audit-judgements.csv", JUDGED_COLUMNS)
    assert len(rows) == DEFAULT_N
    assert all(verdict != UNJUDGED for _, verdict in rows)
    assert {k: judgements[k].verdict for k, _ in rows} == dict(rows)
    assert all(isinstance(j, Judgement) and j.reason for j in judgements.values())
    for j in judgements.values():
        if j.verdict != "right":
            assert re.match(r"^\[[a-z, -]+\] .*'.+'", j.reason), j.reason


def test_judged_rows_name_audited_papers_only() -> None:
    with (DOCS / "resolutions-audit-judgements.csv").open(newline="", encoding="utf-8") as fh:
        papers = {r["paper"] for r in csv.DictReader(fh)}
    assert papers and all(p.split("/")[0] in ("real", "corpus") for p in papers)
    assert all((ROOT / "samples" / p).is_file() for p in papers)
