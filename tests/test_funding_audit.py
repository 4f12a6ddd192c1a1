"""The funding audit draws the same rows for the same seed, keys them by what a reader sees,
reports rows nobody judged as unjudged and counts the verdicts it was given."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from pipeline.evaluation.funding_audit import (
    Judgement,
    audited_rows,
    before_counts,
    draw_sample,
    judge,
    main,
    read_judgements,
    render_markdown,
    row_key,
    tally,
)
from pipeline.write import write_dataset
from schemas.records import Funding, Paper


def _frames(n_real: int = 30, n_mk: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    papers = pd.DataFrame(
        {
            "paper_id": ["r" * 64, "c" * 64, "m" * 64],
            "path": [
                "samples/real/kent.pdf",
                "/abs/samples/corpus/parish/min.pdf",
                "samples/000_mk.pdf",
            ],
        }
    )
    rows = []
    for i in range(n_real):
        pid = "r" * 64 if i % 2 else "c" * 64
        rows.append(
            {
                "funding_id": f"f{i}",
                "paper_id": pid,
                "kind": "grant_award",
                "funder": "Council",
                "recipient": f"Hall {i}",
                "purpose": None,
                "amount_gbp": Decimal(100 + i),
                "amount_text": f"£{100 + i}",
                "approximate": False,
                "financial_year": "2024/25",
                "page": 1 + i % 3,
                "evidence": f"The council granted £{100 + i} to Hall {i}.",
            }
        )
    for i in range(n_mk):
        rows.append(
            {
                "funding_id": f"m{i}",
                "paper_id": "m" * 64,
                "kind": "allocation",
                "funder": None,
                "recipient": "MK",
                "purpose": None,
                "amount_gbp": Decimal(5),
                "amount_text": "£5",
                "approximate": False,
                "financial_year": None,
                "page": 1,
                "evidence": f"mk {i}",
            }
        )
    return pd.DataFrame(rows), papers


def test_only_real_and_corpus_papers_are_audited() -> None:
    funding, papers = _frames()
    rows = audited_rows(funding, papers)
    assert len(rows) == 30
    assert set(rows["paper"]) == {"real/kent.pdf", "corpus/parish/min.pdf"}


def test_same_seed_same_rows_whatever_the_input_order() -> None:
    funding, papers = _frames()
    a = draw_sample(audited_rows(funding, papers), n=10, seed=7)
    shuffled = funding.sample(frac=1, random_state=3)
    b = draw_sample(audited_rows(shuffled, papers), n=10, seed=7)
    assert list(a["key"]) == list(b["key"])
    other = draw_sample(audited_rows(funding, papers), n=10, seed=8)
    assert list(other["key"]) != list(a["key"])


def test_key_ignores_ids_and_whitespace_but_not_what_is_printed() -> None:
    funding, papers = _frames()
    rekeyed = funding.assign(funding_id=funding["funding_id"] + "x")
    assert list(audited_rows(rekeyed, papers)["key"]) == list(audited_rows(funding, papers)["key"])
    k = row_key("real/a.pdf", 3, "£5", "The council  granted\n£5")
    assert k == row_key("real/a.pdf", 3, "£5", "The council granted £5")
    assert k != row_key("real/a.pdf", 4, "£5", "The council granted £5")
    assert k != row_key("real/a.pdf", 3, "£5", "The council granted £5", "2024/25")


def test_rows_sharing_a_key_get_distinct_keys() -> None:
    funding, papers = _frames()
    twins = pd.concat([funding.iloc[:1], funding.iloc[:1].assign(recipient="Other")])
    keys = list(audited_rows(twins, papers)["key"])
    assert len(set(keys)) == 2 and keys[1] == keys[0] + ".2"


def test_unjudged_rows_are_reported_unjudged_and_verdicts_counted() -> None:
    funding, papers = _frames()
    sample = draw_sample(audited_rows(funding, papers), n=10, seed=1)
    keys = list(sample["key"])
    judgements = {
        keys[0]: Judgement("right", "a"),
        keys[1]: Judgement("right", "b"),
        keys[2]: Judgement("partly", "c"),
        keys[3]: Judgement("wrong", "d"),
        "notdrawn0000": Judgement("wrong", "not in the sample"),
    }
    judged = judge(sample, judgements)
    assert tally(judged["verdict"]) == {"right": 2, "partly": 1, "wrong": 1, "unjudged": 6}
    assert set(judged.loc[4:, "verdict"]) == {"unjudged"}
    assert set(judged.loc[4:, "reason"]) == {""}
    md = render_markdown(judged, seed=1, n=10, population=30, pipeline_version="v")
    assert "seed **1**" in md and "| unjudged | 6 | 60.0% |" in md
    assert "| right | 2 | 20.0% |" in md


def test_a_judgement_goes_stale_when_a_judged_column_changes(tmp_path: Path) -> None:
    funding, papers = _frames()
    sample = draw_sample(audited_rows(funding, papers), n=3, seed=2)
    path = tmp_path / "j.csv"
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            ["key", "paper", "page", "amount_text", "verdict", "reason", "funder", "amount_gbp"]
        )
        for row in sample.to_dict("records"):
            w.writerow(
                [
                    row["key"],
                    row["paper"],
                    row["page"],
                    row["amount_text"],
                    "partly",
                    "funder empty",
                    "",
                    format(row["amount_gbp"], "f") + ".00",
                ]
            )
    judged = judge(sample, read_judgements(path))
    assert list(judged["verdict"]) == ["unjudged"] * 3  # funder was '' when judged, now Council
    assert "funder '' -> 'Council'" in judged.loc[0, "reason"]
    again = judge(sample.assign(funder=None), read_judgements(path))
    assert list(again["verdict"]) == ["partly"] * 3  # 100.00 and 100 are the same amount


def test_judgements_csv_rejects_unknown_verdicts(tmp_path: Path) -> None:
    path = tmp_path / "j.csv"
    path.write_text("key,paper,page,amount_text,verdict,reason\nabc,p,1,£1,maybe,x\n")
    with pytest.raises(ValueError, match="maybe"):
        read_judgements(path)


def test_cli_writes_markdown_and_links_the_before_audit(tmp_path: Path) -> None:
    pid = "a" * 64
    out = write_dataset(
        tmp_path / "out",
        {
            "papers": [
                Paper(
                    paper_id=pid,
                    path="samples/real/x.pdf",
                    format="pdf",
                    status="ok",
                    pipeline_version="9.9",
                )
            ],
            "funding": [
                Funding(
                    funding_id=f"f{i}",
                    paper_id=pid,
                    kind="grant_award",
                    recipient=f"Hall {i}",
                    amount_gbp=Decimal(10 * i),
                    amount_text=f"£{10 * i}",
                    page=1,
                    evidence=f"£{10 * i} to Hall {i}",
                )
                for i in range(1, 6)
            ],
        },
    )
    key = row_key("real/x.pdf", 1, "£10", "£10 to Hall 1")
    judgements = tmp_path / "j.csv"
    with judgements.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["key", "paper", "page", "amount_text", "verdict", "reason"])
        w.writerow([key, "real/x.pdf", 1, "£10", "wrong", "'£10 to Hall 1' is a price"])
    md = tmp_path / "audit.md"
    assert (
        main(
            [
                "--out",
                str(out),
                "--judgements",
                str(judgements),
                "--md",
                str(md),
                "--seed",
                "3",
                "--n",
                "4",
            ]
        )
        == 0
    )
    text = md.read_text()
    assert "Pipeline version: `9.9`" in text and "## Before" not in text
    counts = before_counts(md)
    assert counts is not None and counts["total"] == 4
    assert counts["wrong"] + counts["unjudged"] == 4
    md.with_name("audit-before.md").write_text(text)
    main(
        [
            "--out",
            str(out),
            "--judgements",
            str(judgements),
            "--md",
            str(md),
            "--seed",
            "3",
            "--n",
            "4",
        ]
    )
    assert "[audit-before.md](audit-before.md)" in md.read_text()
