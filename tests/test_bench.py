"""The bench's archive: every copy is a distinct file that minutebook still reads."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.evaluation.bench import _sources, build_archive
from pipeline.process import process_paper


def test_archive_copies_are_distinct_and_readable(tmp_path: Path) -> None:
    n = 2 * len(_sources())  # a second copy of every source
    files = build_archive(tmp_path, n)
    assert len(files) == n
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == n
    second = [f for f in files if f.name.startswith("0001-")]
    # copies are made by changing bytes: a PDF comment, a DOCX core property
    for copy in [next(f for f in second if f.suffix == s) for s in (".pdf", ".docx")]:
        original = next(f for f in files if f.name == "0000-" + copy.name[5:])
        a = process_paper(str(copy), copy.name, copy.read_bytes(), "a" * 64)
        b = process_paper(str(original), original.name, original.read_bytes(), "b" * 64)
        assert a.paper.status == b.paper.status == "ok"
        assert a.pages == b.pages > 0


def test_scanned_archive_copies_are_distinct_scans(tmp_path: Path) -> None:
    from pipeline.evaluation.bench import SCANNED, build_scanned_archive

    files = build_scanned_archive(tmp_path, 2)
    assert len(files) == 2 * len(SCANNED)
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == len(files)
