"""``minutebook export FORMAT DATASET [--to DIR]``: run one export and say what it did."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

from pipeline.discover import shown
from pipeline.exports import popolo, threesixty
from pipeline.exports.dataset import ExportRefused, check_dataset, write_files

FORMATS = ("360giving", "popolo")


def export(fmt: str, dataset: Path, to: Path | None = None) -> tuple[int, str]:
    """Export the dataset in ``dataset`` as ``fmt`` into ``to`` (default: the dataset folder).

    Returns (exit code, what to print): 0 when written; 1 when the 360Giving grants do not
    validate against the standard's schema (nothing is written then). Raises ExportRefused
    when ``dataset`` is not a dataset or the files may not be written.
    """
    check_dataset(dataset)
    target = to or dataset
    if fmt == "popolo":
        result = popolo.build(dataset)
        written = write_files(target, result.files())
        doc = result.document
        lines = [
            f"popolo: {len(doc['persons'])} persons, {len(doc['organizations'])} organizations, "
            f"{len(doc['memberships'])} memberships, {len(doc['events'])} events "
            f"written to {shown(written[0])}"
        ]
        if result.memberships_without_person or result.attendance_without_person:
            lines.append(
                f"  not written (no person_id): {result.memberships_without_person} membership "
                f"rows, {result.attendance_without_person} attendance rows"
            )
        return 0, "\n".join(lines)
    if fmt != "360giving":
        raise ValueError(f"unknown export format {fmt!r}")
    grants = threesixty.build(dataset)
    n = len(grants.package["grants"])
    checked = ""
    if n and importlib.util.find_spec("jsonschema") is not None:
        errors = threesixty.validation_errors(grants.package)
        if errors:
            listed = "\n".join(f"  {e}" for e in errors[:20])
            return 1, (
                f"360giving: the {n} grants do not validate against the 360Giving schema; "
                f"nothing written:\n{listed}"
            )
        checked = " (valid against the 360Giving Data Standard schema)"
    elif n:
        checked = " (not validated: pip install 'minutebook[validate]')"
    write_files(target, grants.files())
    lines = [
        f"360giving: {n} grants from {sum(len(v) for v in grants.mentions.values())} funding "
        f"rows written to {shown(target / threesixty.GRANTS_FILE)}{checked}"
        if n
        else "360giving: no funding row can be written as a 360Giving grant; no grants file",
        f"  {len(grants.excluded)} funding rows not exported, each with its reason, in "
        f"{shown(target / threesixty.EXCLUDED_FILE)}:",
    ]
    for reason, count in Counter(r["reason"] for r in grants.excluded).most_common():
        lines.append(f"    {count:5d}  {reason}")
    return 0, "\n".join(lines)


__all__ = ["FORMATS", "ExportRefused", "export"]
