"""What the hand audits of output rows share: which papers are audited, how rows are keyed and
drawn, how judgements are read and applied, and how counts and cells are shown.

An audit (``funding_audit``, ``entities_audit``, ``resolutions_audit``) draws ``n`` rows of a
finished run at random with a fixed seed, from papers under ``samples/real`` and
``samples/corpus`` only, and looks each one up in a CSV of judgements a person wrote after
reading the page. A verdict is ``right``, ``partly`` or ``wrong``; a row nobody judged is
``unjudged``, never guessed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath

import pandas as pd

#: the folders under ``samples/`` whose papers the audits draw from
AUDITED_FOLDERS: tuple[str, ...] = ("real", "corpus")
VERDICTS: tuple[str, ...] = ("right", "partly", "wrong")
UNJUDGED = "unjudged"


def paper_relpath(path: str) -> str | None:
    """The path of a paper below ``samples/`` when it is in an audited folder, else None.

    ``samples/real/x.pdf`` and ``/abs/samples/corpus/a/b.pdf`` give ``real/x.pdf`` and
    ``corpus/a/b.pdf``; a Milton Keynes sample (``samples/000_x.pdf``) gives None.
    """
    parts = PurePosixPath(path.replace("\\", "/")).parts
    for i in range(len(parts) - 1, 0, -1):
        if parts[i] in AUDITED_FOLDERS and parts[i - 1] == "samples" and i + 1 < len(parts):
            return "/".join(parts[i:])
    if len(parts) > 1 and parts[0] in AUDITED_FOLDERS:
        return "/".join(parts)
    return None


def paper_paths(papers: pd.DataFrame) -> pd.Series:
    """``paper_id -> path below samples/`` for the audited papers of a run (None for others)."""
    return papers.set_index("paper_id")["path"].map(lambda p: paper_relpath(str(p)))


def squash(text: str | None) -> str:
    """Text with every run of whitespace made one space, stripped; None gives ''."""
    return re.sub(r"\s+", " ", text or "").strip()


def text_key(*parts: str) -> str:
    """A stable 12-hex key from the parts of a row a reader sees (joined, then hashed)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def number_twins(rows: pd.DataFrame, order: Iterable[str]) -> pd.DataFrame:
    """``rows`` sorted by ``key`` and then by the ``order`` columns it has, keys that repeat
    told apart by ``.2``, ``.3`` in that order; so the keys do not depend on the run's order."""
    cols = ["key", *(c for c in order if c in rows.columns and c != "key")]
    rows = rows.sort_values(cols, na_position="first", kind="mergesort").reset_index(drop=True)
    nth = rows.groupby("key").cumcount() + 1
    rows["key"] = [k if i == 1 else f"{k}.{i}" for k, i in zip(rows["key"], nth, strict=True)]
    return rows


def draw_sample(rows: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """The ``n`` rows whose keys hash lowest under ``seed`` (all of them when there are fewer).

    A row is drawn or not whatever else changed in the run, so a change to a few rows redraws
    only those (a positional random draw would shift every row after them). The same rows and
    seed give the same draw, returned in paper and page order.
    """
    rank = rows["key"].map(lambda k: hashlib.sha1(f"{seed}:{k}".encode()).hexdigest())
    drawn = rows.assign(_rank=rank).sort_values("_rank", kind="mergesort").head(n)
    drawn = drawn.drop(columns="_rank").sort_values(["paper", "page", "key"], kind="mergesort")
    return drawn.reset_index(drop=True)


@dataclass(frozen=True)
class Judgement:
    """A person's verdict on one row, with the reason quoted from the paper."""

    verdict: str
    reason: str
    #: the judged columns as they were when judged (absent ones are not checked)
    as_judged: tuple[tuple[str, str], ...] = ()


def read_judgements(path: Path, judged_columns: Iterable[str] = ()) -> dict[str, Judgement]:
    """A judgements CSV (columns ``key, verdict, reason`` and any of ``judged_columns``) as
    ``key -> Judgement``; a missing file is no judgements, a row without a verdict is skipped.

    Raises ValueError on a verdict outside ``right``, ``partly``, ``wrong`` or a key judged
    twice, so a typo cannot pass silently as a count.
    """
    if not path.exists():
        return {}
    judged_columns = tuple(judged_columns)
    out: dict[str, Judgement] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for line_no, rec in enumerate(csv.DictReader(fh), start=2):
            key = (rec.get("key") or "").strip()
            verdict = (rec.get("verdict") or "").strip().lower()
            if not key or not verdict:
                continue  # a row still to be judged
            if verdict not in VERDICTS:
                raise ValueError(f"{path}:{line_no}: verdict {verdict!r} is not one of {VERDICTS}")
            if key in out:
                raise ValueError(f"{path}:{line_no}: key {key} is judged twice")
            as_judged = tuple((c, rec[c] or "") for c in judged_columns if c in rec)
            out[key] = Judgement(verdict, (rec.get("reason") or "").strip(), as_judged)
    return out


def as_text(value: object) -> str:
    """A cell as a judgements CSV writes it: empty for missing, plain text otherwise."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
        return format(Decimal(str(value)).normalize(), "f")
    return str(value)


def _same_number(a: str, b: str) -> bool:
    try:
        return Decimal(a) == Decimal(b)
    except InvalidOperation:
        return False


def changes_since(row: Mapping[str, object], judgement: Judgement) -> list[str]:
    """The judged columns of ``row`` that differ from what the judgement recorded."""
    changed = []
    for col, then in judgement.as_judged:
        now = as_text(row.get(col))
        if now != then and not (now and then and _same_number(now, then)):
            changed.append(f"{col} {then!r} -> {now!r}")
    return changed


def judge(sample: pd.DataFrame, judgements: Mapping[str, Judgement]) -> pd.DataFrame:
    """The sample with ``verdict`` and ``reason``; a row without a judgement, or whose judged
    columns changed since, is ``unjudged`` (the reason then says what changed)."""
    verdicts, reasons = [], []
    for row in sample.to_dict("records"):
        j = judgements.get(row["key"])
        changed = changes_since(row, j) if j else []
        if j is None or changed:
            verdicts.append(UNJUDGED)
            reasons.append(f"changed since judged {j.verdict}: " + "; ".join(changed) if j else "")
        else:
            verdicts.append(j.verdict)
            reasons.append(j.reason)
    return sample.assign(verdict=verdicts, reason=reasons)


def tally(verdicts: pd.Series) -> dict[str, int]:
    """Counts of right, partly, wrong and unjudged (every one present, zero when absent)."""
    counts = verdicts.value_counts()
    return {v: int(counts.get(v, 0)) for v in (*VERDICTS, UNJUDGED)}


def pct(count: int, total: int) -> str:
    """``count`` as a share of ``total`` with one decimal ('-' when the total is zero)."""
    return f"{100 * count / total:.1f}%" if total else "-"


def cell(value: object, limit: int = 120) -> str:
    """A value as one markdown table cell: whitespace squashed, cut at ``limit``, pipes escaped."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    text = squash(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def write_todo(judged: pd.DataFrame, path: Path, columns: Iterable[str]) -> int:
    """Write the unjudged rows of a draw as a CSV to fill in, one column per name in
    ``columns`` (``verdict`` and ``reason`` left empty); returns how many rows."""
    columns = list(columns)
    todo = judged[judged["verdict"] == UNJUDGED]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        for row in todo.to_dict("records"):
            w.writerow(["" if c in ("verdict", "reason") else as_text(row.get(c)) for c in columns])
    return len(todo)


def audit_parser(
    prog: str, description: str, *, judgements: str, md: str, seed: int, n: int
) -> argparse.ArgumentParser:
    """The options every audit takes: ``--out`` (a finished run), ``--judgements``, ``--md``,
    ``--seed``, ``--n`` and ``--todo``, with the audit's own defaults."""
    p = argparse.ArgumentParser(prog=prog, description=description)
    p.add_argument("--out", type=Path, required=True, help="folder of a finished run")
    p.add_argument("--judgements", type=Path, default=Path(judgements))
    p.add_argument("--md", type=Path, default=Path(md))
    p.add_argument("--seed", type=int, default=seed)
    p.add_argument("--n", type=int, default=n)
    p.add_argument("--todo", type=Path, help="write the unjudged drawn rows here as a CSV")
    return p


def pipeline_version(papers: pd.DataFrame) -> str:
    """The pipeline version(s) that wrote a run's papers, comma-separated ('unknown' if none)."""
    if "pipeline_version" not in papers.columns:
        return "unknown"
    versions = sorted(str(v) for v in papers["pipeline_version"].dropna().unique())
    return ", ".join(versions) or "unknown"


def summary_line(name: str, seed: int, judged: pd.DataFrame, population: int, md: Path) -> str:
    """One line saying what an audit drew, how it was judged and where the page went."""
    counts = tally(judged["verdict"])
    return (
        f"{name}: seed {seed}, {len(judged)} of {population} rows: "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
        + f" -> {md}"
    )


def counts_table(counts: Mapping[str, int], total: int) -> list[str]:
    """The markdown table of verdict counts with their shares, and the total."""
    return [
        "| verdict | rows | share |",
        "|---|---:|---:|",
        *(f"| {v} | {c} | {pct(c, total)} |" for v, c in counts.items()),
        f"| total | {total} | |",
    ]


def publish(
    args: argparse.Namespace,
    name: str,
    text: str,
    judged: pd.DataFrame,
    population: int,
    todo_writer: Callable[[pd.DataFrame, Path], int],
) -> int:
    """Write an audit's page to ``args.md``, say what it counted and, with ``args.todo``, write
    the unjudged rows there with ``todo_writer``; returns the exit code (0)."""
    args.md.parent.mkdir(parents=True, exist_ok=True)
    args.md.write_text(text, encoding="utf-8")
    print(summary_line(name, args.seed, judged, population, args.md))
    if args.todo:
        print(f"{todo_writer(judged, args.todo)} unjudged rows -> {args.todo}")
    return 0
