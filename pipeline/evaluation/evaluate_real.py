"""Score a run against the hand-written gold of real papers, per table and per authority.

Gold files live in ``tests/gold/real/<authority>/<paper>.json`` (and, kept out of rule-writing,
``tests/gold/real-unseen/``); each names its paper by ``"paper"``, the path under ``samples/``.
Records are matched with the same rules as the sample gold
(``pipeline.evaluation.evaluate.RULES``); a paper with no row in the run scores every gold
record as missed. A table is scored only for the keys real gold is written for (``SCORED``); a
key a gold file leaves out means the paper holds none, so whatever the run extracted for it
counts as false positives; except the keys of issue 15 (motions, votes and their named votes,
declarations), added after most gold was written: a gold file without the key is not scored for
it (an empty list says the paper holds none).

    python -m pipeline.evaluation.evaluate_real --out output [--gold tests/gold/real] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from pipeline.evaluation.evaluate import (
    GOLD_SOURCE,
    RULE_BY_KEY,
    Output,
    Unit,
    gold_records,
    match,
    metrics,
    output_records,
)

#: The gold keys written for real papers (see tests/gold/real/README.md).
SCORED = (
    "doc_type",
    "meetings",
    "agenda_items",
    "attendance",
    "minute_items",
    "resolutions",
    "funding",
    "spend_plan_lines",
    "funding_sources",
    "motions",
    "votes",
    "person_votes",
    "declarations",
)
#: keys added after most real gold was written (issue 15): scored only in files that have them
LATE_KEYS = ("motions", "votes", "person_votes", "declarations")


def load_real_gold(gold_dir: Path) -> list[tuple[str, str, dict]]:
    """(authority folder, file stem, parsed gold) for every gold file under ``gold_dir``."""
    return [
        (p.parent.name, p.stem, json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(gold_dir.glob("*/*.json"))
    ]


def _unit(paper: str, stem: str, papers: list[dict]) -> Unit:
    suffix = "/" + paper.replace("\\", "/")
    row = next(
        (
            p
            for p in papers
            if str(p.get("path", "")).replace("\\", "/").endswith(suffix)
            and not p.get("duplicate_of")
        ),
        None,
    )
    if row is None:
        return Unit(stem, "real", paper, None)
    return Unit(stem, "real", paper, row.get("paper_id"), row.get("doc_type"))


def evaluate_real(out_dir: Path, gold_dir: Path) -> dict:
    """Score the run in ``out_dir`` against the real-paper gold in ``gold_dir``.

    Returns {"tables": {key: {"overall": metrics, "by_authority": {authority: metrics}}},
    "papers": {paper: {key: metrics}}, "notes": [...]}.
    """
    output = Output(out_dir)
    papers = output.rows("papers")
    counts: dict[str, dict[str, list[int]]] = {k: defaultdict(lambda: [0, 0, 0]) for k in SCORED}
    per_paper: dict[str, dict] = {}
    notes = output.notes
    for authority, stem, gold in load_real_gold(gold_dir):
        unit = _unit(gold.get("paper", ""), stem, papers)
        if unit.paper_id is None:
            notes.append(f"{gold.get('paper')}: no papers row in the run; all its gold missed")
        per_paper[unit.name] = {"authority": authority}
        for key in SCORED:
            if key in LATE_KEYS and GOLD_SOURCE.get(key, key) not in gold:
                continue  # written before the key existed: not scored for it
            rule = RULE_BY_KEY[key]
            m = match(
                rule,
                gold_records(gold, key),
                output_records(rule, unit, output, output.usable(rule)),
            )
            tally = counts[key][authority]
            tally[0] += m.tp
            tally[1] += m.fp
            tally[2] += m.fn
            per_paper[unit.name][key] = {
                **metrics(m.tp, m.fp, m.fn),
                "missed": m.missed,
                "extra": m.extra,
            }
    tables = {}
    for key, by_auth in counts.items():
        total = [sum(t[i] for t in by_auth.values()) for i in range(3)]
        tables[key] = {
            "overall": metrics(*total),
            "by_authority": {a: metrics(*t) for a, t in sorted(by_auth.items())},
        }
    return {
        "out": str(out_dir),
        "gold": str(gold_dir),
        "tables": tables,
        "papers": per_paper,
        "notes": list(dict.fromkeys(notes)),
    }


def _f1(m: dict) -> str:
    return "  n/a" if m["f1"] is None else f"{m['f1']:5.2f}"


def render_real(report: dict) -> str:
    """The report as text: a row per table (micro P/R/F1 and counts), then F1 per authority."""
    tables = report["tables"]
    authorities = sorted({a for t in tables.values() for a in t["by_authority"]})
    short = [a[:10] for a in authorities]
    head = f"{'table':<17}{'P':>6}{'R':>6}{'F1':>6}{'tp':>5}{'fp':>5}{'fn':>5}  " + " ".join(
        f"{s:>10}" for s in short
    )
    lines = [f"real gold: {report['gold']}", head, "-" * len(head)]
    for key, t in tables.items():
        o = t["overall"]
        p = "  n/a" if o["precision"] is None else f"{o['precision']:5.2f}"
        r = "  n/a" if o["recall"] is None else f"{o['recall']:5.2f}"
        lines.append(
            f"{key:<17}{p:>6}{r:>6}{_f1(o):>6}{o['tp']:>5}{o['fp']:>5}{o['fn']:>5}  "
            + " ".join(
                f"{_f1(t['by_authority'][a]) if a in t['by_authority'] else '':>10}"
                for a in authorities
            )
        )
    if report["notes"]:
        lines += ["", "notes:"] + [f"  - {n}" for n in report["notes"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Entry point: print the real-gold scores and write them as JSON; returns the exit code."""
    p = argparse.ArgumentParser(
        prog="python -m pipeline.evaluation.evaluate_real",
        description="Score a run against the gold of real papers.",
    )
    p.add_argument("--out", type=Path, default=Path("output"), help="run folder (output)")
    p.add_argument("--gold", type=Path, default=Path("tests/gold/real"), help="gold folder")
    p.add_argument("--json", type=Path, default=None, help="where to write the JSON report")
    args = p.parse_args(argv)
    if not any(args.gold.glob("*/*.json")):
        print(f"evaluate_real: no gold files in {args.gold}/<authority>/", file=sys.stderr)
        return 2
    report = evaluate_real(args.out, args.gold)
    print(render_real(report))
    if args.json:
        args.json.write_text(
            json.dumps(report, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
