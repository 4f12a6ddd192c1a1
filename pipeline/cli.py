"""The ``minutebook`` command line: a thin layer over ``pipeline.run``."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
from pathlib import Path

from pipeline.discover import shown
from pipeline.exports.command import FORMATS, ExportRefused, export
from pipeline.outdir import OutputRefused
from pipeline.run import RunOptions, default_workers, run
from pipeline.terminal import printable
from pipeline.version import PIPELINE_VERSION


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="minutebook", description="Turn council meeting papers into Parquet tables."
    )
    p.add_argument("--version", action="version", version=f"minutebook {PIPELINE_VERSION}")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="read papers and write the dataset")
    r.add_argument("paths", nargs="+", help="files, folders (read recursively) and .zip archives")
    r.add_argument("--out", type=Path, default=Path("output"), help="dataset folder (output)")
    r.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="worker processes (default: the cores available, at most 8)",
    )
    r.add_argument("--timeout", type=int, default=300, help="seconds allowed per paper (300)")
    r.add_argument(
        "--memory-mb",
        type=int,
        default=4096,
        help="memory allowed per worker in MB (4096; 0 = no limit)",
    )
    r.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="result cache folder (default: .<out>-cache beside the output folder)",
    )
    r.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    r.add_argument("--force", action="store_true", help="reprocess every paper, ignoring cache")
    r.add_argument(
        "--progress",
        choices=("auto", "bar", "log"),
        default="auto",
        help="progress display (auto: a bar on a terminal, log lines otherwise)",
    )
    r.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="local worker processes (default) or a Dask cluster",
    )
    r.add_argument(
        "--scheduler",
        default=None,
        help="Dask scheduler address (tcp://host:8786); default: a local cluster",
    )
    r.add_argument(
        "--allow-empty",
        action="store_true",
        help="let a run that finds no papers replace a dataset that has some",
    )
    r.add_argument("-q", "--quiet", action="store_true", help="only the closing summary")
    rep = sub.add_parser(
        "report",
        help="write one HTML page of charts and tables about a dataset (works offline)",
    )
    rep.add_argument("out", type=Path, help="dataset folder (the --out of a run)")
    rep.add_argument(
        "--file",
        type=Path,
        default=None,
        help="where to write the page (default: OUT/report.html); never replaces a file "
        "minutebook did not write",
    )
    e = sub.add_parser("export", help="write a dataset's grants or people in a shared standard")
    e.add_argument("format", choices=FORMATS, help="360giving (grants) or popolo (people)")
    e.add_argument("dataset", type=Path, help="dataset folder a run wrote (its --out)")
    e.add_argument(
        "--to", type=Path, default=None, help="folder to write into (default: the dataset folder)"
    )
    return p


def _report(args: argparse.Namespace) -> int:
    """``minutebook report OUT [--file PATH]``; returns the exit code."""
    from pipeline.report import ReportError, build_report

    try:
        path = build_report(args.out, args.file)
    except ReportError as exc:
        print(f"minutebook: {printable(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"minutebook: cannot write the report: {printable(str(exc))}", file=sys.stderr)
        return 2
    print(f"report written to {printable(shown(path))}")
    return 0


def _export(args: argparse.Namespace) -> int:
    try:
        code, text = export(args.format, args.dataset, args.to)
    except ExportRefused as exc:
        print(f"minutebook: {printable(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"minutebook: cannot write the export: {printable(str(exc))}", file=sys.stderr)
        return 2
    for line in text.splitlines():
        print(printable(line), file=sys.stdout if code == 0 else sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``minutebook`` console script; returns the exit code.

    0 when the run (or export) completed (whatever happened to individual papers), 1 when an
    export does not validate against its standard, 2 when the run itself could not proceed
    (bad arguments, a missing input path, an output folder minutebook may not replace or
    cannot write, a dataset folder an export cannot read or write beside).
    """
    args = _parser().parse_args(argv)
    if args.command == "report":
        return _report(args)
    if args.command == "export":
        return _export(args)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(message)s",
        stream=sys.stderr,
    )
    cache = (
        None
        if args.no_cache
        else (args.cache or args.out.parent / f".{args.out.resolve().name}-cache")
    )
    if cache is not None and args.out.resolve() in (cache.resolve(), *cache.resolve().parents):
        print(
            f"minutebook: the cache folder {printable(shown(cache))} would be inside --out; "
            "give --cache a folder outside the dataset",
            file=sys.stderr,
        )
        return 2
    if args.executor == "dask" and importlib.util.find_spec("distributed") is None:
        print(
            "minutebook: --executor dask needs Dask, an optional extra: "
            "pip install 'minutebook[dask]'",
            file=sys.stderr,
        )
        return 2
    progress = {"auto": None, "bar": True, "log": False}[args.progress]
    if args.quiet:
        progress = False
    opts = RunOptions(
        workers=max(1, args.workers),
        timeout_s=args.timeout,
        memory_mb=args.memory_mb,
        cache_dir=cache,
        force=args.force,
        progress=progress,
        executor=args.executor,
        scheduler=args.scheduler,
        allow_empty=args.allow_empty,
    )
    try:
        summary = run(args.paths, args.out, opts)
    except OutputRefused as exc:
        print(f"minutebook: {printable(str(exc))}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"minutebook: {printable(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"minutebook: cannot write the output: {printable(str(exc))}", file=sys.stderr)
        return 2
    print(summary.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
