"""A hand audit of the ``funding`` table: rows drawn at random, judged against the papers.

The audit reads the funding rows of a finished run whose paper sits under ``samples/real`` or
``samples/corpus`` (the Milton Keynes samples at the top of ``samples/`` have their own gold),
draws ``n`` of them at random with a fixed seed, and looks each one up in a CSV of judgements
written by a person who read the page (columns ``key, paper, page, amount_text, verdict,
reason``; ``verdict`` is ``right``, ``partly`` or ``wrong``). A row nobody has judged is
reported as ``unjudged``, never guessed.

Each row's ``key`` is a short hash of what a reader sees, not of our ids: the paper's path
below ``samples/``, the page, the amount as printed, the financial year (a table prints one
line's amounts for several years) and the first 60 characters of the evidence; rows that still
share a key are told apart by ``.2``, ``.3`` in their sorted order. A judgement therefore
survives changes to the code that renumber ``funding_id`` or rehash ``paper_id``, and applies
again whenever the same row comes back.

    python -m pipeline.evaluation.funding_audit --out OUTDIR \\
        --judgements docs/funding-audit-judgements.csv --md docs/funding-audit.md \\
        [--seed N] [--n 80] [--todo FILE]

The CSV may also record the row as it was judged (``kind, funder, recipient, purpose,
amount_gbp, financial_year``). The key leaves those columns out so that a judgement survives
renumbering, but a verdict on a row whose funder or purpose has since changed no longer holds:
such a row is reported as ``unjudged``, with what changed, until someone judges it again.

``--todo FILE`` writes the drawn rows that have no judgement yet (with their evidence) as a CSV
in the judgements' layout, ready to be judged and appended.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path

import pandas as pd

from pipeline.evaluation import audit_common
from pipeline.evaluation.audit_common import (
    AUDITED_FOLDERS,
    UNJUDGED,
    VERDICTS,
    Judgement,
    audit_parser,
    changes_since,
    counts_table,
    draw_sample,
    judge,
    number_twins,
    paper_paths,
    paper_relpath,
    pipeline_version,
    publish,
    squash,
    tally,
    text_key,
)
from pipeline.evaluation.audit_common import cell as _cell
from pipeline.evaluation.audit_common import pct as _pct

__all__ = [
    "AUDITED_FOLDERS",
    "UNJUDGED",
    "VERDICTS",
    "Judgement",
    "audited_rows",
    "before_counts",
    "changes_since",
    "draw_sample",
    "judge",
    "main",
    "paper_relpath",
    "read_judgements",
    "render_markdown",
    "row_key",
    "tally",
    "write_todo",
]

DEFAULT_SEED = 14
DEFAULT_N = 80
JUDGEMENT_COLUMNS: tuple[str, ...] = ("key", "paper", "page", "amount_text", "verdict", "reason")
#: the columns a verdict speaks about and that the key does not carry: recorded as judged
JUDGED_COLUMNS: tuple[str, ...] = (
    "kind",
    "funder",
    "recipient",
    "purpose",
    "amount_gbp",
    "financial_year",
)
_EVIDENCE_CHARS = 60
_COUNTS_MARK = "<!-- funding-audit counts:"


def row_key(
    paper: str,
    page: int,
    amount_text: str | None,
    evidence: str | None,
    financial_year: str | None = None,
) -> str:
    """A stable 12-hex key for a funding row from what a reader sees on the page."""
    fy = financial_year if isinstance(financial_year, str) else ""
    ev = squash(evidence)[:_EVIDENCE_CHARS]
    return text_key(paper, str(int(page)), (amount_text or "").strip(), fy, ev)


def audited_rows(funding: pd.DataFrame, papers: pd.DataFrame) -> pd.DataFrame:
    """The funding rows of papers under ``samples/real`` or ``samples/corpus``, keyed.

    Adds ``paper`` (path below ``samples/``) and ``key``; rows come back sorted by key (and
    then by their columns), so a draw does not depend on the order a run wrote them in.
    """
    rows = funding.assign(paper=funding["paper_id"].map(paper_paths(papers)))
    rows = rows[rows["paper"].notna()].copy()
    rows["key"] = [
        row_key(p, pg, a, e, fy)
        for p, pg, a, e, fy in zip(
            rows["paper"],
            rows["page"],
            rows["amount_text"],
            rows["evidence"],
            rows["financial_year"],
            strict=True,
        )
    ]
    order = ["paper", "page", "kind", "funder", "recipient", "purpose", "amount_text", "evidence"]
    return number_twins(rows, order)


def read_judgements(
    path: Path, judged_columns: Iterable[str] = JUDGED_COLUMNS
) -> dict[str, Judgement]:
    """The funding judgements CSV as ``key -> Judgement`` (see ``audit_common.read_judgements``)."""
    return audit_common.read_judgements(path, judged_columns)


def _amount(row: Mapping[str, object]) -> str:
    value = row.get("amount_gbp")
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return _cell(row.get("amount_text"))
    shown = f"£{Decimal(str(value)):,.2f}".replace(".00", "")
    return ("~" if row.get("approximate") else "") + shown


def before_counts(path: Path) -> dict[str, int] | None:
    """The counts recorded in an earlier audit's markdown, or None without the file or mark."""
    if not path.exists():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(_COUNTS_MARK):
            pairs = re.findall(r"(\w+)=(\d+)", line)
            return {k: int(v) for k, v in pairs}
    return None


def render_markdown(
    judged: pd.DataFrame,
    *,
    seed: int,
    n: int,
    population: int,
    pipeline_version: str,
    before: Path | None = None,
    before_link: str | None = None,
) -> str:
    """The audit as markdown: seed, version, counts, an optional link to the before audit,
    and the table of drawn rows with their verdicts."""
    counts = tally(judged["verdict"])
    total = len(judged)
    lines = [
        "# Funding audit",
        "",
        f"{total} funding rows drawn at random (seed **{seed}**, n = {n}) from the "
        f"{population} rows of papers under `samples/real` and `samples/corpus`, each judged "
        "by reading the page: **right** (it is funding as issue 14 point 1 defines it, and "
        "kind, funder, recipient, purpose, amount and financial year all say what the paper "
        "says), **partly** (funding with the right amount, but a column wrong or missing), "
        "**wrong** (not funding, or the wrong amount). A row without a judgement, or changed "
        "in a judged column since it was judged, is "
        "**unjudged**, never guessed.",
        "",
        f"Pipeline version: `{pipeline_version}`",
        "",
        "Regenerate: `make funding-audit` (judgements in `docs/funding-audit-judgements.csv`, "
        "keyed by a hash of paper path, page, amount as printed, financial year and the start "
        "of the evidence).",
        "",
        *counts_table(counts, total),
        "",
        _COUNTS_MARK
        + " "
        + " ".join(f"{k}={v}" for k, v in counts.items())
        + f" total={total} -->",
        "",
    ]
    prior = before_counts(before) if before is not None else None
    if before is not None and before.exists():
        link = before_link or before.name
        lines += ["## Before", "", f"The first audit, frozen: [{before.name}]({link}).", ""]
        if prior:
            prior_total = prior.get("total", sum(prior.get(v, 0) for v in (*VERDICTS, UNJUDGED)))
            lines += ["| verdict | before | now |", "|---|---:|---:|"]
            lines += [
                f"| {v} | {prior.get(v, 0)} ({_pct(prior.get(v, 0), prior_total)}) | "
                f"{counts[v]} ({_pct(counts[v], total)}) |"
                for v in (*VERDICTS, UNJUDGED)
            ]
            lines.append("")
    lines += [
        "## Rows",
        "",
        "| # | key | paper | page | kind | funder | recipient | purpose | amount | "
        "financial_year | verdict | reason |",
        "|---:|---|---|---:|---|---|---|---|---:|---|---|---|",
    ]
    for i, row in enumerate(judged.to_dict("records"), start=1):
        cells = [
            str(i),
            f"`{row['key']}`",
            _cell(row["paper"]),
            str(int(row["page"])),
            _cell(row.get("kind")),
            _cell(row.get("funder")),
            _cell(row.get("recipient")),
            _cell(row.get("purpose")),
            _amount(row),
            _cell(row.get("financial_year")),
            row["verdict"],
            _cell(row["reason"], limit=400),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_todo(judged: pd.DataFrame, path: Path) -> int:
    """Write the unjudged rows of a draw as a CSV to fill in; returns how many."""
    return audit_common.write_todo(judged, path, [*JUDGEMENT_COLUMNS, *JUDGED_COLUMNS, "evidence"])


def main(argv: list[str] | None = None) -> int:
    """Entry point: draw, look up judgements, write the markdown; returns the exit code."""
    args = audit_parser(
        "python -m pipeline.evaluation.funding_audit",
        "Audit a sample of funding rows against judgements.",
        judgements="docs/funding-audit-judgements.csv",
        md="docs/funding-audit.md",
        seed=DEFAULT_SEED,
        n=DEFAULT_N,
    ).parse_args(argv)

    funding = pd.read_parquet(args.out / "funding")
    papers = pd.read_parquet(args.out / "papers")
    rows = audited_rows(funding, papers)
    judged = judge(draw_sample(rows, args.n, args.seed), read_judgements(args.judgements))
    before = args.md.with_name(args.md.stem + "-before.md")
    md = render_markdown(
        judged,
        seed=args.seed,
        n=args.n,
        population=len(rows),
        pipeline_version=pipeline_version(papers),
        before=before,
    )
    return publish(args, "funding audit", md, judged, len(rows), write_todo)


if __name__ == "__main__":
    sys.exit(main())
