"""A hand audit of ``people`` and ``organisations``: rows drawn at random, judged against papers.

Issue 15 asks that the rows of ``people`` be real people and the rows of ``organisations`` real
bodies. This tool reads a finished run, keeps the people and organisations named by at least
one paper under ``samples/real`` or ``samples/corpus``, draws ``n`` of each at random with a
fixed seed (the rows whose keys hash lowest), and looks each one up in a CSV of judgements
written by a person who read where the paper names it (columns ``table, key, name, paper,
page, verdict, reason``). ``verdict``: ``right`` a real person or body, named as printed;
``partly`` a real one whose name carries something else (a role, a second name) or lost a
part; ``wrong`` not a person or not a body.
A row nobody has judged is reported ``unjudged``, never guessed.

A row's ``key`` is a short hash of its canonical name and every printed form linked to it, not of
its id: a judgement holds while the same forms come back, and a row whose forms changed (a new
form linked, or one split off) is unjudged until judged again.

    python -m pipeline.evaluation.entities_audit --out OUTDIR \\
        --judgements docs/entities-audit-judgements.csv --md docs/entities-audit.md \\
        [--seed N] [--n 60] [--todo FILE]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from pipeline.evaluation.audit_common import (
    UNJUDGED,
    VERDICTS,
    draw_sample,
    paper_paths,
    tally,
    text_key,
)
from pipeline.evaluation.audit_common import cell as _cell
from pipeline.evaluation.audit_common import pct as _pct

DEFAULT_SEED = 15
DEFAULT_N = 60
JUDGEMENT_COLUMNS = ("table", "key", "name", "paper", "page", "verdict", "reason")
#: where each entity table's rows are named: (table, id column, printed-name column)
_NAMED_IN: dict[str, tuple[tuple[str, str, str], ...]] = {
    "people": (
        ("attendance", "person_id", "name_as_printed"),
        ("memberships", "person_id", "name_as_printed"),
        ("person_mentions", "person_id", "name_as_printed"),
        ("person_votes", "person_id", "name_as_printed"),
        ("declarations", "person_id", "name_as_printed"),
    ),
    "organisations": (
        ("attendance", "org_id", "organisation"),
        ("memberships", "org_id", "organisation"),
        ("person_mentions", "org_id", "organisation"),
        ("organisation_mentions", "org_id", "name_as_printed"),
        ("funding", "funder_org_id", "funder"),
        ("funding", "recipient_org_id", "recipient"),
    ),
}
_ID = {"people": "person_id", "organisations": "org_id"}


def entity_key(name: str, forms: list[str]) -> str:
    """A stable 12-hex key from an entity's canonical name and its printed forms."""
    return text_key(name, *sorted(set(forms)))


def _read(out: Path, table: str) -> pd.DataFrame:
    path = out / table
    return pd.read_parquet(path) if path.exists() else pd.DataFrame()


def audited_entities(out: Path, table: str) -> pd.DataFrame:
    """The rows of ``people`` or ``organisations`` named by a real or corpus paper, each with
    ``key``, its printed ``forms``, and where it is first named (``paper``, ``page``,
    ``evidence``), sorted by key so a draw does not depend on the order of the run."""
    papers = _read(out, "papers")
    rel = paper_paths(papers)
    named = []
    for source, id_col, name_col in _NAMED_IN[table]:
        rows = _read(out, source)
        if rows.empty or id_col not in rows.columns:
            continue
        rows = rows[rows[id_col].notna()]
        named.append(
            pd.DataFrame(
                {
                    "id": rows[id_col],
                    "form": rows[name_col],
                    "paper": rows["paper_id"].map(rel),
                    "page": rows["page"] if "page" in rows.columns else None,
                    "evidence": rows["evidence"] if "evidence" in rows.columns else "",
                }
            )
        )
    mentions = pd.concat(named, ignore_index=True) if named else pd.DataFrame()
    entities = _read(out, table).rename(columns={_ID[table]: "id"})
    rows = []
    for ent in entities.to_dict("records"):
        seen = mentions[mentions["id"] == ent["id"]] if not mentions.empty else mentions
        audited = seen[seen["paper"].notna()].sort_values(["paper", "page"], kind="mergesort")
        if audited.empty:
            continue
        first = audited.iloc[0]
        forms = sorted({str(f) for f in seen["form"].dropna()})
        rows.append(
            {
                "table": table,
                "key": entity_key(str(ent["name"]), forms),
                "name": ent["name"],
                "forms": " | ".join(forms),
                "paper": first["paper"],
                "page": None if pd.isna(first["page"]) else int(first["page"]),
                "evidence": first["evidence"],
            }
        )
    frame = pd.DataFrame(
        rows, columns=["table", "key", "name", "forms", "paper", "page", "evidence"]
    )
    return frame.sort_values("key", kind="mergesort").reset_index(drop=True)


def read_judgements(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """``(table, key) -> (verdict, reason)`` from the judgements CSV (a missing file is none).

    Raises ValueError on an unknown verdict or a row judged twice."""
    if not path.exists():
        return {}
    out: dict[tuple[str, str], tuple[str, str]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for line_no, rec in enumerate(csv.DictReader(fh), start=2):
            key = ((rec.get("table") or "").strip(), (rec.get("key") or "").strip())
            verdict = (rec.get("verdict") or "").strip().lower()
            if not key[1] or not verdict:
                continue
            if verdict not in VERDICTS:
                raise ValueError(f"{path}:{line_no}: verdict {verdict!r} is not one of {VERDICTS}")
            if key in out:
                raise ValueError(f"{path}:{line_no}: {key} is judged twice")
            out[key] = (verdict, (rec.get("reason") or "").strip())
    return out


def judge(
    sample: pd.DataFrame, judgements: Mapping[tuple[str, str], tuple[str, str]]
) -> pd.DataFrame:
    """The sample with ``verdict`` and ``reason`` (``unjudged`` where nobody judged it)."""
    found = [
        judgements.get((t, k), (UNJUDGED, ""))
        for t, k in zip(sample["table"], sample["key"], strict=True)
    ]
    return sample.assign(verdict=[v for v, _ in found], reason=[r for _, r in found])


def render_markdown(judged: dict[str, pd.DataFrame], seed: int, n: int) -> str:
    """The audit as markdown: counts and precision per table, then every judged row."""
    lines = [
        "# Entities audit: people and organisations judged against the papers",
        "",
        "Generated by `make entities-audit` (`python -m pipeline.evaluation.entities_audit`):",
        f"{n} rows of each table drawn at random (seed {seed}) from those a paper under",
        "`samples/real` or `samples/corpus` names, each judged by reading where the paper names",
        "it. `right`: a real person (or body) named as printed; `partly`: a real one whose",
        "name carries something else or lost a part; `wrong`: not a person (not a body).",
        "Precision counts a row that is a real person or body (`right` + `partly`).",
        "",
        "| table | rows drawn | right | partly | wrong | unjudged | precision (right+partly) "
        "| right only |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for table, rows in judged.items():
        c = tally(rows["verdict"])
        judged_n = c["right"] + c["partly"] + c["wrong"]
        lines.append(
            f"| {table} | {len(rows)} | {c['right']} | {c['partly']} | {c['wrong']} | "
            f"{c[UNJUDGED]} | {_pct(c['right'] + c['partly'], judged_n)} | "
            f"{_pct(c['right'], judged_n)} |"
        )
    for table, rows in judged.items():
        lines += [
            "",
            f"## {table}",
            "",
            "| key | name | printed forms | paper | page | verdict | reason |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in rows.to_dict("records"):
            lines.append(
                f"| {r['key']} | {_cell(r['name'])} | {_cell(r['forms'], 90)} "
                f"| {_cell(r['paper'])} | {_cell(r['page'])} | {r['verdict']} "
                f"| {_cell(r['reason'], 200)} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Draw, judge and write the audit; returns 1 when a drawn row is unjudged."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="a finished run's output folder")
    ap.add_argument("--judgements", type=Path, required=True)
    ap.add_argument("--md", type=Path, help="write the audit as markdown here")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=DEFAULT_N)
    ap.add_argument("--todo", type=Path, help="write the drawn rows nobody judged here (CSV)")
    args = ap.parse_args(argv)
    judgements = read_judgements(args.judgements)
    judged = {}
    for table in ("people", "organisations"):
        sample = draw_sample(audited_entities(args.out, table), args.n, args.seed)
        judged[table] = judge(sample, judgements)
    unjudged = pd.concat(judged.values())
    unjudged = unjudged[unjudged["verdict"] == UNJUDGED]
    if args.todo:
        cols = [*JUDGEMENT_COLUMNS[:-2], "forms", "evidence", "verdict", "reason"]
        unjudged.assign(verdict="", reason="")[cols].to_csv(args.todo, index=False)
    text = render_markdown(judged, args.seed, args.n)
    if args.md:
        args.md.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    for table, rows in judged.items():
        c = tally(rows["verdict"])
        print(f"{table}: " + ", ".join(f"{k} {v}" for k, v in c.items()), file=sys.stderr)
    return 1 if len(unjudged) else 0


if __name__ == "__main__":
    raise SystemExit(main())
