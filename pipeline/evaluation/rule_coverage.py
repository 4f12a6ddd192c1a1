"""Which rules fire on whose papers: each cue row of the rule tables, by authority.

A rule is worth its place when papers of two or more authorities need it. This reads every
paper under ``samples/`` (the Milton Keynes samples, Kent's papers in ``samples/real`` and one
folder per authority in ``samples/corpus``), searches each row's pattern in each paper's text,
and lists the rows that fire on the papers of one authority only, or of none. It measures
where a cue *matches*, a proxy for where it *decides* something.

    python -m pipeline.evaluation.rule_coverage [--samples samples] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from extractors.datafiles import load_table
from extractors.formats import read_document
from schemas.document import ReaderError

#: (data table, column holding the pattern, regex flags, how the extractor anchors it)
RULE_TABLES: tuple[tuple[str, str, int, str], ...] = (
    ("doctype_cues.csv", "pattern", re.I | re.M, "{}"),
    ("part_starts.csv", "pattern", re.I | re.M, "{}"),
    ("attendance_labels.csv", "pattern", re.I | re.M, r"^\s*(?:{})"),
    ("decision_phrases.csv", "pattern", re.I, "{}"),
    ("decision_sentences.csv", "pattern", re.M, "{}"),
    ("minute_ref_patterns.csv", "pattern", re.M, "{}"),
    ("funding_words.csv", "word", re.I, r"(?<!\w){}(?!\w)"),
)
_PAPER_SUFFIXES = (".pdf", ".docx", ".txt", ".html", ".htm")
HELD_OUT = "unseen"  # samples/unseen: the unseen gold set's papers


def authority_of(path: Path, samples: Path) -> str:
    """The authority a sample paper belongs to, from where it sits under ``samples``."""
    rel = path.relative_to(samples).parts
    if rel[0] == "corpus" and len(rel) > 2:
        return rel[1]
    return "kent" if rel[0] == "real" else "milton-keynes"


def paper_texts(samples: Path) -> Iterator[tuple[str, str]]:
    """(authority, text) of every readable paper under ``samples``."""
    for path in sorted(samples.rglob("*")):
        if path.suffix.lower() not in _PAPER_SUFFIXES or path.name.startswith("."):
            continue
        if path.relative_to(samples).parts[0] == HELD_OUT:
            continue  # the papers kept out of rule-writing are no evidence for a rule
        try:
            doc = read_document(path)
        except ReaderError:
            continue  # a scan or a damaged file has no text to fire on
        yield (
            authority_of(path, samples),
            "\n".join(
                line for page in doc.pages for item in page.items for line in item.text.split("\n")
            ),
        )


def coverage(samples: Path) -> dict[str, list[dict[str, object]]]:
    """Per rule table, each row with the authorities whose papers it fires on."""
    texts = list(paper_texts(samples))
    out: dict[str, list[dict[str, object]]] = {}
    for table, column, flags, anchor in RULE_TABLES:
        rows = []
        for row in load_table(table):
            source = row[column]
            pattern = re.compile(
                anchor.format(source if column == "pattern" else re.escape(source)), flags
            )
            fired = sorted({auth for auth, text in texts if pattern.search(text)})
            rows.append({"rule": source, "authorities": fired})
        out[table] = rows
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the rule rows that fire on one authority's papers or none; write all as JSON."""
    p = argparse.ArgumentParser(prog="python -m pipeline.evaluation.rule_coverage")
    p.add_argument("--samples", type=Path, default=Path("samples"))
    p.add_argument("--json", type=Path, default=None)
    args = p.parse_args(argv)
    report = coverage(args.samples)
    for table, rows in report.items():
        narrow = [r for r in rows if len(r["authorities"]) <= 1]  # type: ignore[arg-type]
        print(f"{table}: {len(rows)} rows, {len(narrow)} fire on one authority's papers or none")
        for r in narrow:
            where = ", ".join(r["authorities"]) or "none"  # type: ignore[arg-type]
            print(f"  [{where}] {str(r['rule'])[:90]}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
