"""A hand audit of the ``resolutions`` table: rows drawn at random, judged against the papers.

Issue 13 asks how precise ``resolutions`` is outside the gold papers. The audit reads the
resolutions of a finished run whose paper sits under ``samples/real`` or ``samples/corpus``
(the Milton Keynes samples at the top of ``samples/`` have their own gold), draws ``n`` of them
at random with a fixed seed (the rows whose keys hash lowest, ``audit_common.draw_sample``),
and looks each one up in a CSV of judgements written by a person who read the page (columns
``key, paper, page, minute_ref, number, verdict, reason``). ``verdict``: ``right`` the paper
records it as a decision of the meeting and the text is the decision's words; ``partly`` a real
decision whose text is cut short, runs into other text, or sits under the wrong minute_ref or
number; ``wrong`` not a decision of the meeting (discussion, an action for a person, a report's
recommendation not decided, a heading, page furniture). A row nobody judged is ``unjudged``.

A row's ``key`` is a short hash of the paper's path below ``samples/``, the ``minute_ref`` and
the text (whitespace squashed), not of our ids; rows that still share a key are told apart by
``.2``, ``.3`` in page and number order. A judgement therefore survives a change that renumbers
meetings or rehashes papers. The CSV records the ``number`` as judged: a row whose number has
changed since is ``unjudged`` until judged again (a wrong number is a ``partly``).

``resolutions`` has no ``evidence`` column (its ``text`` is the paper's words); the audit shows
the heading of the minute the row sits under (from ``minute_items``) beside it.

    python -m pipeline.evaluation.resolutions_audit --out OUTDIR \\
        --judgements docs/resolutions-audit-judgements.csv --md docs/resolutions-audit.md \\
        [--seed N] [--n 60] [--todo FILE] [--notes docs/resolutions-audit-notes.md]

``--todo FILE`` writes the drawn rows nobody judged (with their text and minute heading) as a
CSV in the judgements' layout, ready to be judged and appended; ``--notes`` is a person's
summary of the errors, copied into the page under the counts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from pipeline.evaluation import audit_common
from pipeline.evaluation.audit_common import (
    UNJUDGED,
    VERDICTS,
    as_text,
    audit_parser,
    cell,
    counts_table,
    draw_sample,
    judge,
    number_twins,
    paper_paths,
    pct,
    pipeline_version,
    publish,
    read_judgements,
    squash,
    tally,
    text_key,
)

DEFAULT_SEED = 13
DEFAULT_N = 60
JUDGEMENT_COLUMNS: tuple[str, ...] = (
    "key",
    "paper",
    "page",
    "minute_ref",
    "number",
    "verdict",
    "reason",
)
#: the columns a verdict speaks about that the key does not carry: recorded as judged
JUDGED_COLUMNS: tuple[str, ...] = ("number",)
#: a reason may open with error kinds in square brackets: ``[cut-short] ...``
_KIND = re.compile(r"^\s*\[([^\]]+)\]")


def row_key(paper: str, minute_ref: str | None, text: str | None) -> str:
    """A stable 12-hex key for a resolution from its paper, minute reference and words."""
    ref = minute_ref if isinstance(minute_ref, str) else ""
    return text_key(paper, ref.strip(), squash(text))


def authority_of(paper: str) -> str:
    """The folder a paper is filed under, standing for its authority: ``corpus/bristol-cc/x.pdf``
    gives ``bristol-cc``; every ``real/`` paper is Kent County Council's (``kent (real)``)."""
    parts = paper.split("/")
    if parts[0] == "corpus" and len(parts) > 2:
        return parts[1]
    return "kent (real)"


def _headings(minute_items: pd.DataFrame) -> dict[tuple[str, str, str], str]:
    """``(paper_id, meeting_id, ref) -> title`` of the minutes of a run (first one wins)."""
    out: dict[tuple[str, str, str], str] = {}
    if minute_items.empty:
        return out
    for r in minute_items.to_dict("records"):
        key = (str(r["paper_id"]), str(r["meeting_id"]), str(r["ref"]))
        if key not in out and isinstance(r.get("title"), str):
            out[key] = r["title"]
    return out


def audited_rows(
    resolutions: pd.DataFrame,
    papers: pd.DataFrame,
    minute_items: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The resolutions of papers under ``samples/real`` or ``samples/corpus``, keyed.

    Adds ``paper`` (path below ``samples/``), ``authority`` (``authority_of``), ``heading``
    (the minute's title, when ``minute_items`` has it) and ``key``; rows come back sorted by
    key, so a draw does not depend on the order a run wrote them in.
    """
    rows = resolutions.assign(paper=resolutions["paper_id"].map(paper_paths(papers)))
    rows = rows[rows["paper"].notna()].copy()
    rows["key"] = [
        row_key(p, ref, t)
        for p, ref, t in zip(rows["paper"], rows["minute_ref"], rows["text"], strict=True)
    ]
    rows["authority"] = rows["paper"].map(authority_of)
    heads = _headings(minute_items if minute_items is not None else pd.DataFrame())
    rows["heading"] = [
        heads.get((str(p), str(m), str(r)))
        for p, m, r in zip(rows["paper_id"], rows["meeting_id"], rows["minute_ref"], strict=True)
    ]
    return number_twins(rows, ["paper", "page", "minute_ref", "number", "text"])


def error_kinds(reasons: pd.Series) -> dict[str, int]:
    """How often each ``[kind]`` tag opens a reason (a reason may carry several, comma-separated),
    most frequent first."""
    counts: dict[str, int] = {}
    for reason in reasons:
        m = _KIND.match(reason or "")
        if not m:
            continue
        for kind in (k.strip() for k in m.group(1).split(",")):
            if kind:
                counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def render_markdown(
    judged: pd.DataFrame,
    *,
    seed: int,
    n: int,
    population: int,
    pipeline_version: str,
    notes: str = "",
) -> str:
    """The audit as markdown: what was drawn and how it was judged, the counts, the counts per
    authority, the error kinds, ``notes`` (a person's summary kept beside the judgements) and
    every drawn row with its verdict."""
    counts = tally(judged["verdict"])
    total = len(judged)
    done = counts["right"] + counts["partly"] + counts["wrong"]
    lines = [
        "# Resolutions audit",
        "",
        f"{total} resolution rows drawn at random (seed **{seed}**, n = {n}) from the "
        f"{population} rows of papers under `samples/real` and `samples/corpus`, each judged "
        "by reading the paper at the row's page: **right** (the paper records this as a "
        "decision of the meeting and the text is the decision's words), **partly** (a real "
        "decision, but the text is cut short, runs into other text, or sits under the wrong "
        "minute_ref or number), **wrong** (not a decision of the meeting: discussion, an "
        "action for a person, a report's recommendation not decided, a heading, page "
        "furniture). A row nobody judged, or whose number changed since it was judged, is "
        "**unjudged**, never guessed.",
        "",
        f"Pipeline version: `{pipeline_version}`",
        "",
        "Regenerate: `make resolutions-audit` (judgements in "
        "`docs/resolutions-audit-judgements.csv`, keyed by a hash of paper path, minute_ref "
        "and text).",
        "",
        *counts_table(counts, total),
        "",
        f"Precision (right among judged rows): **{pct(counts['right'], done)}**; "
        f"a real decision (right + partly): **{pct(counts['right'] + counts['partly'], done)}**.",
        "",
        "## Per authority",
        "",
        "| authority | rows | right | partly | wrong | unjudged |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for authority, group in judged.groupby("authority", sort=True):
        c = tally(group["verdict"])
        lines.append(
            f"| {authority} | {len(group)} | {c['right']} | {c['partly']} | {c['wrong']} "
            f"| {c[UNJUDGED]} |"
        )
    kinds = error_kinds(judged.loc[judged["verdict"].isin(VERDICTS[1:]), "reason"])
    lines += ["", "## Kinds of error", ""]
    if kinds:
        lines += ["| kind | rows |", "|---|---:|", *(f"| {k} | {c} |" for k, c in kinds.items())]
    else:
        lines.append("None tagged.")
    if notes.strip():
        lines += ["", notes.strip()]
    lines += [
        "",
        "## Rows",
        "",
        "| # | key | paper | page | minute_ref | number | text | minute heading | verdict "
        "| reason |",
        "|---:|---|---|---:|---|---:|---|---|---|---|",
    ]
    for i, row in enumerate(judged.to_dict("records"), start=1):
        cells = [
            str(i),
            f"`{row['key']}`",
            cell(row["paper"]),
            cell(as_text(row.get("page"))),
            cell(row.get("minute_ref")),
            cell(as_text(row.get("number"))),
            cell(row.get("text"), limit=300),
            cell(row.get("heading"), limit=80),
            row["verdict"],
            cell(row["reason"], limit=400),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_todo(judged: pd.DataFrame, path: Path) -> int:
    """Write the unjudged rows of a draw as a CSV to fill in (the judgements' columns, then the
    text and the minute heading to read); returns how many."""
    return audit_common.write_todo(judged, path, [*JUDGEMENT_COLUMNS, "text", "heading"])


def _read(out: Path, table: str) -> pd.DataFrame:
    path = out / table
    return pd.read_parquet(path) if path.exists() else pd.DataFrame()


def main(argv: list[str] | None = None) -> int:
    """Entry point: draw, look up judgements, write the markdown; returns the exit code."""
    p = audit_parser(
        "python -m pipeline.evaluation.resolutions_audit",
        "Audit a sample of resolution rows against judgements.",
        judgements="docs/resolutions-audit-judgements.csv",
        md="docs/resolutions-audit.md",
        seed=DEFAULT_SEED,
        n=DEFAULT_N,
    )
    p.add_argument(
        "--notes",
        type=Path,
        default=Path("docs/resolutions-audit-notes.md"),
        help="a person's summary of the errors, copied into the page when the file exists",
    )
    args = p.parse_args(argv)

    papers = _read(args.out, "papers")
    rows = audited_rows(_read(args.out, "resolutions"), papers, _read(args.out, "minute_items"))
    sample = draw_sample(rows, args.n, args.seed)
    judged = judge(sample, read_judgements(args.judgements, JUDGED_COLUMNS))
    notes = args.notes.read_text(encoding="utf-8") if args.notes.exists() else ""
    md = render_markdown(
        judged,
        seed=args.seed,
        n=args.n,
        population=len(rows),
        pipeline_version=pipeline_version(papers),
        notes=notes,
    )
    return publish(args, "resolutions audit", md, judged, len(rows), write_todo)


if __name__ == "__main__":
    sys.exit(main())
