"""Score a run against the hand-written gold of real papers, per table and per authority.

Gold files live in ``tests/gold/real/<authority>/<paper>.json`` (and, kept out of rule-writing,
``tests/gold/real-unseen/``); each names its paper by ``"paper"``, the path under ``samples/``.
Records are matched with the same rules as the sample gold
(``pipeline.evaluation.evaluate.RULES``); a paper with no row in the run scores every gold
record as missed. A table is scored only for the keys real gold is written for (``SCORED``); a
key a gold file leaves out means the paper holds none, so whatever the run extracted for it
counts as false positives; except the keys of issue 15 (motions, votes and their named votes,
declarations), added after most gold was written: a gold file without the key is not scored for
it (an empty list says the paper holds none). Real gold lists attendance per paper, with no
meeting: a person the paper lists at two of its meetings (an AGM and the ordinary meeting after
it, minutes and the note of a joint session) is one gold record, with the first meeting's
status; so a paper's attendance rows from a later meeting whose name an earlier meeting already
listed are not scored (``once_per_paper``).

People (who is who across papers) are scored pairwise per authority, like ``score_people`` for
the samples: a gold file's ``people`` key lists each person's printed forms (``variants``); two
forms are one person in gold when they are variants of records with the same ``name`` in that
authority's files, and in the run when their ``person_id`` sets meet. Forms are compared by
``person_key`` (``name_key`` that keeps a title's sex, so "Ms J Meade" and "Mr J Meade" stay two
forms); a form that two gold people share is ambiguous and left out. Only papers whose gold has
``people`` are read.

    python -m pipeline.evaluation.evaluate_real --out output [--gold tests/gold/real] [--json FILE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from pipeline.evaluation.evaluate import (
    GOLD_SOURCE,
    RULE_BY_KEY,
    Output,
    Unit,
    _people_cell,
    blank,
    fold,
    gold_records,
    link_pairs,
    match,
    metrics,
    name_key,
    output_records,
    person_forms,
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


#: titles that say a person's sex: "Mr Meade" and "Ms Meade" are never one printed form
_TITLE_SEX = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "baron": "m",
    "father": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "lady": "f",
    "dame": "f",
    "baroness": "f",
}
#: honours printed after a name ("Mr R C Love, OBE"): not part of the form
_POST_NOMINALS = re.compile(r"(?:,?\s+(?:obe|cbe|mbe|kbe|dbe|bem|cb|qc|kc|jp|dl|mp|msp|mep))+$")


def person_key(name: object) -> str:
    """A printed name compared as a person's form: ``name_key`` without post-nominals, prefixed
    by the sex a leading title prints ("m:" for Mr/Sir, "f:" for Mrs/Ms/Miss); "" for a blank.

    "Councillor Smith" and "Smith" are one form; "Mr J Meade" and "Ms J Meade" are two.
    """
    if blank(name):
        return ""
    bare = name_key(name)
    key = _POST_NOMINALS.sub("", bare).strip()
    words = fold(str(name).replace(".", " ")).split()
    titles = words[: len(words) - len(bare.split())]  # the leading words name_key dropped
    sex = next((_TITLE_SEX[w] for w in titles if w in _TITLE_SEX), "")
    return f"{sex}:{key}" if sex and key else key


def real_person_clusters(golds: list[dict]) -> tuple[dict[str, int], set[str]]:
    """Form (``person_key``) -> gold person number, and the forms two gold people share.

    Records are one person when they have the same ``name``; a form listed under two names is
    ambiguous and left out of the clusters.
    """
    owners: dict[str, set[str]] = {}
    for doc in golds:
        for person in doc.get("people") or []:
            for variant in person.get("variants") or []:
                form = person_key(variant)
                if form:
                    owners.setdefault(form, set()).add(str(person.get("name")))
    ambiguous = {f for f, names in owners.items() if len(names) > 1}
    numbers = {n: i for i, n in enumerate(sorted({n for ns in owners.values() for n in ns}))}
    clusters = {f: numbers[min(ns)] for f, ns in owners.items() if f not in ambiguous}
    return clusters, ambiguous


def _met(forms: dict[str, set[str]], pair: tuple[str, str]) -> bool:
    return bool(forms[pair[0]] & forms[pair[1]])


def score_real_people(
    output: Output, by_authority: dict[str, list[tuple[dict, str | None]]]
) -> dict:
    """Pairwise person linking per authority and summed, over gold files with ``people``.

    ``by_authority`` maps an authority to its (gold, paper_id) pairs. Returns {"overall": cell,
    "by_authority": {authority: cell}}, a cell being ``metrics`` with ``pair_coverage``,
    ``forms``, ``gold_pairs`` and ``ambiguous_forms``.
    """
    cells: dict[str, dict] = {}
    raw: list[dict] = []
    for authority, pairs in sorted(by_authority.items()):
        golds = [g for g, _ in pairs if "people" in g]
        if not golds:
            continue
        clusters, ambiguous = real_person_clusters(golds)
        ids = {pid for g, pid in pairs if "people" in g and pid}
        forms = person_forms(output, ids, key=person_key)
        counts = link_pairs(forms, clusters)
        raw.append(counts)
        common = sorted(f for f in forms if f in clusters)
        pairs = list(itertools.combinations(common, 2))
        cells[authority] = {
            **_people_cell(counts),
            "ambiguous_forms": sorted(ambiguous),
            "missed": [p for p in pairs if clusters[p[0]] == clusters[p[1]] and not _met(forms, p)],
            "extra": [p for p in pairs if clusters[p[0]] != clusters[p[1]] and _met(forms, p)],
        }
    total = {k: sum(c[k] for c in raw) for k in ("tp", "fp", "fn", "forms", "gold_pairs")}
    total["gold_pairs_all"] = sum(c["gold_pairs_all"] for c in raw)
    total["has_person_ids"] = any(c["has_person_ids"] for c in raw)
    return {"overall": _people_cell(total), "by_authority": cells}


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


def once_per_paper(rows: list[dict]) -> list[dict]:
    """A paper's attendance rows with each printed name kept at its first meeting only.

    Rows of one meeting are all kept (a duplicate there is still a false positive); a row of a
    later meeting whose ``name_key`` an earlier meeting of the paper already listed is dropped,
    as real gold records each person once per paper.
    """
    first: dict[str, object] = {}
    kept = []
    for r in rows:
        key = name_key(r.get("name_as_printed"))
        meeting = first.setdefault(key, r.get("meeting_id"))
        if meeting == r.get("meeting_id"):
            kept.append(r)
    return kept


def evaluate_real(out_dir: Path, gold_dir: Path) -> dict:
    """Score the run in ``out_dir`` against the real-paper gold in ``gold_dir``.

    Returns {"tables": {key: {"overall": metrics, "by_authority": {authority: metrics}}},
    "papers": {paper: {key: metrics}}, "notes": [...]}.
    """
    output = Output(out_dir)
    papers = output.rows("papers")
    counts: dict[str, dict[str, list[int]]] = {k: defaultdict(lambda: [0, 0, 0]) for k in SCORED}
    per_paper: dict[str, dict] = {}
    people_gold: dict[str, list[tuple[dict, str | None]]] = defaultdict(list)
    notes = output.notes
    for authority, stem, gold in load_real_gold(gold_dir):
        unit = _unit(gold.get("paper", ""), stem, papers)
        people_gold[authority].append((gold, unit.paper_id))
        if unit.paper_id is None:
            notes.append(f"{gold.get('paper')}: no papers row in the run; all its gold missed")
        per_paper[unit.name] = {"authority": authority}
        for key in SCORED:
            if key in LATE_KEYS and GOLD_SOURCE.get(key, key) not in gold:
                continue  # written before the key existed: not scored for it
            rule = RULE_BY_KEY[key]
            rows = output_records(rule, unit, output, output.usable(rule))
            if key == "attendance":
                rows = once_per_paper(rows)
            m = match(rule, gold_records(gold, key), rows)
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
    tables["people"] = score_real_people(output, people_gold)
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
