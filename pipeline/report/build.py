"""Build the report page of a dataset and write it where it may be written."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pipeline import outdir
from pipeline.discover import shown
from pipeline.report import charts, figures
from pipeline.report.dataset import ReportError, open_dataset
from pipeline.report.links import PaperLinks
from pipeline.report.page import Page, render


def _check_extra() -> None:
    missing = [m for m in ("altair", "vl_convert") if importlib.util.find_spec(m) is None]
    if missing:
        raise ReportError(
            f"the report needs {' and '.join(missing)}, an optional extra: "
            "pip install 'minutebook[report]'"
        )


def report_target(out: Path, file: Path | None) -> Path:
    """Where the report goes: ``file``, or ``out/report.html``; raise ReportError when that
    would replace a file minutebook did not write, or put anything else into the dataset."""
    target = file if file is not None else out / outdir.REPORT_PAGE
    resolved = target.resolve()
    dataset = out.resolve()
    if dataset in resolved.parents and resolved != dataset / outdir.REPORT_PAGE:
        raise ReportError(
            f"{shown(target)} is inside the dataset folder {shown(out)}, where the report may "
            f"only be written as {outdir.REPORT_PAGE} (the next run would refuse a folder "
            "holding other files). Leave out --file, or give a path outside the dataset."
        )
    if target.is_dir():
        raise ReportError(f"{shown(target)} is a folder: give the path of an .html file.")
    if (target.exists() or target.is_symlink()) and not outdir.is_own_report_page(target):
        raise ReportError(
            f"{shown(target)} exists and minutebook did not write it: it is left as it is. "
            "Move it, or give another path with --file."
        )
    return target


def _javascript() -> str:
    import altair as alt
    import vl_convert as vlc

    version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    if version not in vlc.get_vegalite_versions():
        version = None
    bundle: str = vlc.javascript_bundle(vl_version=version)
    return bundle


def build_page(out: Path, report_dir: Path, base: Path | None = None) -> Page:
    """Read the dataset in ``out`` and gather what the page shows; links to papers are made
    relative to ``report_dir``, paper paths read relative to ``base`` (the working folder)."""
    con = open_dataset(out)
    try:
        anchors = figures.Anchors()
        papers = figures.papers_by_status(con, anchors)
        findings = figures.findings_by_code(con, anchors)
        awards = figures.awards(con)
        years = figures.funding_by_year(awards, anchors)
        funders = figures.funding_by_funder(awards, anchors)
        recipients = figures.funding_by_recipient(awards, anchors)
        left_out = figures.funding_left_out(con)
        meetings = figures.meetings(con, anchors)
        version_row = con.execute("SELECT max(pipeline_version) FROM papers").fetchone()
    finally:
        con.close()
    decided = [m for m in meetings if "minutes" in m.sources or m.resolutions]
    specs = {
        "papers": charts.count_bars(papers, "Papers by status", "papers"),
        "findings": charts.count_bars(findings, "Findings by kind", "findings", "severity"),
        "years": charts.money_by_year(years, "Funding by financial year"),
        "funders": charts.money_bars(funders, "Funding by funder", "funder"),
        "recipients": charts.money_bars(recipients, "Funding by recipient", "recipient"),
        "timeline": charts.meeting_timeline(meetings, "Meetings per body"),
        "decisions": charts.decisions_per_meeting(decided, "Resolutions per meeting"),
    }
    manifest = outdir.read_manifest(out) or {}
    inputs = manifest.get("inputs")
    version = (inputs.get("pipeline_version") if isinstance(inputs, dict) else None) or (
        version_row[0] if version_row else None
    )
    return Page(
        title=f"minutebook report: {out.resolve().name}",
        dataset=shown(out),
        pipeline_version=str(version or "?"),
        papers=papers,
        findings=findings,
        years=years,
        funders=funders,
        recipients=recipients,
        left_out=left_out,
        meetings=meetings,
        decided=decided,
        charts=specs,
        links=PaperLinks(report_dir, base),
    )


def build_report(out: Path, file: Path | None = None, base: Path | None = None) -> Path:
    """Write the report of the dataset in ``out`` to ``file`` (default ``out/report.html``).

    Paper paths are read relative to ``base`` (default: the working folder, as for the run).
    Returns the path written. Raises ReportError (with what to do) when the report extra is
    not installed, ``out`` is not a dataset, or the target is a file minutebook did not write.
    """
    _check_extra()
    target = report_target(out, file)
    page = build_page(out, target.resolve().parent, base)
    html = render(page, _javascript())
    target = report_target(out, file)  # checked again: the build took a moment
    target.write_text(html, encoding="utf-8")
    return target
