"""The output folder: what minutebook may replace, and how it replaces it without losing a byte.

A dataset folder carries a manifest (``.minutebook-dataset.json``) listing every file the run
wrote. A run replaces ``--out`` only when it is missing, empty, or a dataset every file of which
minutebook wrote (by its manifest, or for folders written before manifests existed, by the
names and shapes minutebook writes). Anything else is refused before any work is done:
a regular file, a folder holding files of the user's, an input path, a folder holding an input
or a folder inside an input folder. Replacing removes only the files the old manifest lists.
"""

from __future__ import annotations

import ctypes
import errno
import json
import logging
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.discover import shown
from schemas.records import TABLES

log = logging.getLogger("minutebook")

MANIFEST = ".minutebook-dataset.json"
BUILDING_MARKER = ".minutebook-building"
MANIFEST_KIND = "minutebook-dataset"
README_HEADING = "# What a minutebook run writes here"
#: Files minutebook itself puts in a dataset folder besides the tables (reports of make eval
#: and make bench, and the files of datasets written before manifests existed).
#: Reports that make eval and make bench write into a dataset folder.
REPORT_FILES = (
    "eval.json",
    "eval-real.json",
    "eval-unseen.json",
    "rule-coverage.json",
    "bench.json",
)
_OWN_FILES = frozenset(
    {
        "README.md",
        "minutebook.duckdb",
        ".minutebook.duckdb.tmp",
        ".minutebook-inputs.json",
        MANIFEST,
        *REPORT_FILES,
    }
)
_PART_FILE = re.compile(r"part-[\w-]+\.parquet\Z")
#: The page ``minutebook report`` writes into a dataset folder. It is minutebook's only when it
#: starts with the marker, so a ``report.html`` of the user's is never replaced or removed.
REPORT_PAGE = "report.html"
REPORT_PAGE_MARKER = '<meta name="generator" content="minutebook report">'


def is_own_report_page(path: Path) -> bool:
    """Whether ``path`` is a regular file (not a link) that ``minutebook report`` wrote."""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    return REPORT_PAGE_MARKER.encode() in head


class OutputRefused(Exception):
    """``--out`` names something minutebook must not replace; the message says what to do."""


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """Return a dataset folder's manifest, or None when it has none (or not a valid one)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("kind") != MANIFEST_KIND
        or not isinstance(data.get("files"), list)
    ):
        return None
    return data


def _files_under(folder: Path) -> list[str]:
    found = []
    for here, dirs, names in os.walk(folder):
        dirs.sort()
        rel = Path(here).relative_to(folder)
        found.extend(sorted((rel / n).as_posix() for n in names))
        found.extend((rel / d).as_posix() for d in dirs if Path(here, d).is_symlink())
    return found


def _is_own_legacy_file(folder: Path, rel: str) -> bool:
    parts = rel.split("/")
    if len(parts) == 1:
        if rel == "README.md":
            try:
                with (folder / rel).open(encoding="utf-8") as fh:
                    return fh.readline().rstrip("\n") == README_HEADING
            except (OSError, UnicodeDecodeError):
                return False
        return rel in _OWN_FILES
    return len(parts) == 2 and parts[0] in TABLES and bool(_PART_FILE.match(parts[1]))


def foreign_files(folder: Path) -> list[str]:
    """Files in ``folder`` that minutebook did not write (relative paths); [] for a dataset."""
    manifest = read_manifest(folder)
    listed = set(manifest["files"]) | {MANIFEST} if manifest else set()
    return [
        rel
        for rel in _files_under(folder)
        if rel not in listed
        and not (manifest is None and _is_own_legacy_file(folder, rel))
        and not (manifest is not None and rel in REPORT_FILES)
        and not (rel == REPORT_PAGE and is_own_report_page(folder / rel))
    ]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output(out: Path, inputs: Iterable[str | Path]) -> None:
    """Refuse an ``--out`` that a run must not replace; return when it is safe to write there.

    Raises OutputRefused (with what to do) for a regular file, an input path, a folder holding
    an input, a folder inside an input folder and a folder holding files minutebook did not
    write.
    """
    target = out.resolve()
    for raw in inputs:
        inp = Path(raw).resolve()
        if _inside(inp, target):
            raise OutputRefused(
                f"--out {shown(out)} is or holds the input {shown(raw)}: writing there would "
                "replace your papers. Choose an output folder outside the inputs."
            )
        if inp.is_dir() and _inside(target, inp):
            raise OutputRefused(
                f"--out {shown(out)} is inside the input folder {shown(raw)}: each run would "
                "read its own output. Choose an output folder outside the inputs."
            )
    if out.is_symlink() and not out.is_dir():
        raise OutputRefused(f"--out {shown(out)} is a link to a file, not a folder.")
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputRefused(
            f"--out {shown(out)} is a file, not a dataset folder: minutebook will not replace "
            "it. Give the path of a new or empty folder."
        )
    try:
        foreign = foreign_files(out)
    except OSError as exc:
        raise OutputRefused(
            f"--out {shown(out)} cannot be read ({exc}): choose another output folder."
        ) from exc
    if foreign:
        listed = ", ".join(shown(f) for f in foreign[:5]) + (", ..." if len(foreign) > 5 else "")
        raise OutputRefused(
            f"--out {shown(out)} holds {len(foreign)} file(s) minutebook did not write "
            f"({listed}); a run replaces its output folder, so it will not write there. "
            "Give a new or empty folder, or move those files out."
        )


def check_not_emptied(out: Path, found_inputs: int, allow_empty: bool) -> None:
    """Refuse to replace a dataset that holds papers with the output of a run that found none."""
    if found_inputs or allow_empty or not out.is_dir():
        return
    papers = out / "papers"
    if papers.is_dir() and any(papers.glob("*.parquet")):
        import pyarrow.parquet as pq

        rows = sum(pq.read_metadata(f).num_rows for f in papers.glob("*.parquet"))
        if rows:
            raise OutputRefused(
                f"the inputs hold no papers, and --out {shown(out)} holds a dataset of {rows} "
                "papers: the run would replace it with an empty one. Check the input paths, "
                "or pass --allow-empty to write an empty dataset."
            )


def new_build_folder(out: Path) -> Path:
    """Make the folder a dataset is built in, beside ``out``; the user's umask applies."""
    stem = f".{out.name}.building-{os.getpid()}-"
    n = 0
    while True:
        n += 1
        tmp = out.parent / f"{stem}{n}"
        try:
            os.mkdir(tmp)
        except FileExistsError:
            continue
        (tmp / BUILDING_MARKER).write_text(f"{os.getpid()}\n", encoding="utf-8")
        return tmp


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_builds(out: Path) -> None:
    """Remove build folders of ``out`` left by runs that were killed (their process is gone)."""
    prefix = f".{out.name}.building-"
    try:
        entries = list(out.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(prefix) or not entry.is_dir() or entry.is_symlink():
            continue
        pid_text = entry.name[len(prefix) :].split("-", 1)[0]
        if pid_text.isdigit() and (int(pid_text) == os.getpid() or _alive(int(pid_text))):
            continue
        ours = (entry / BUILDING_MARKER).is_file() or not foreign_files(entry)
        if ours:
            remove_build(entry)
            log.info("removed %s, left by a run that was stopped", shown(entry))


def remove_build(folder: Path) -> None:
    """Remove a build folder this or an earlier run made (every file in it is minutebook's)."""
    shutil.rmtree(folder, ignore_errors=True)


def remove_dataset(folder: Path, files: list[str]) -> None:
    """Remove the files of a replaced dataset (``files``, relative), then its empty folders.

    Anything else found there stays; the folder stays then too, with a warning.
    """
    for rel in files:
        try:
            (folder / rel).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("could not remove %s: %s", shown(folder / rel), exc)
    for here, _dirs, _names in sorted(os.walk(folder, topdown=False), key=lambda w: -len(w[0])):
        try:
            os.rmdir(here)
        except OSError:
            pass
    if folder.exists():
        log.warning("%s was kept: it holds files minutebook did not write", shown(folder))


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(build: Path, out: Path) -> None:
    """Put the finished dataset in ``build`` at ``out``; remove only the old dataset's files.

    Where the system can exchange two folders atomically, a complete dataset is at ``out`` at
    every instant. Elsewhere the old folder is renamed aside for the moment of the swap and put
    back by ``recover`` if the run is killed in between.
    """
    (build / BUILDING_MARKER).unlink(missing_ok=True)
    if not out.exists():
        os.rename(build, out)
        return
    old_manifest = read_manifest(out)
    old_files = (
        list(old_manifest["files"]) + [MANIFEST, *REPORT_FILES]
        if old_manifest
        else _files_under(out)
    )
    if is_own_report_page(out / REPORT_PAGE):  # built from the old dataset: it goes with it
        old_files.append(REPORT_PAGE)
    if _exchange(build, out):
        remove_dataset(build, old_files)
        return
    aside = out.parent / f".{out.name}.previous"
    os.rename(out, aside)
    os.rename(build, out)
    remove_dataset(aside, old_files)


def recover(out: Path) -> None:
    """Put back the previous dataset if a run was killed between the two renames of a swap."""
    aside = out.parent / f".{out.name}.previous"
    if aside.is_dir() and not out.exists():
        aside.rename(out)
