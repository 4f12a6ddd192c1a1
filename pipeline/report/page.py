"""Render the report: one HTML page, the Vega JavaScript inlined, charts above the tables of
the rows each figure counts.

Every figure is a link to a section (``#funding-2024-25``) listing its rows; every row shows its
paper (a link to the file when it is found), page and the evidence it was read from. Long
lists stop at ``MAX_ROWS`` with a line saying how many rows were left out and how to query them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Any

from pipeline.outdir import REPORT_PAGE_MARKER
from pipeline.report.charts import MAX_BARS, MAX_MEETINGS, gbp
from pipeline.report.figures import Group, Meeting
from pipeline.report.links import PaperLinks

#: the most rows one section lists; the rest are counted in a note
MAX_ROWS = 150
#: the longest evidence quote shown in full; longer ones are cut with a note of their length
MAX_QUOTE = 600

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1280px;
       padding: 0 24px 48px; color: #1b1b1b; }
h1 { margin-top: 24px; } h2 { border-bottom: 2px solid #ccc; margin-top: 40px; }
h3 { margin-top: 28px; }
h2.part { font-size: 1.7em; border-bottom: 4px solid #888; margin-top: 72px; }
nav a { margin-right: 14px; }
.figures { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.chart { min-height: 60px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #ddd; padding: 3px 8px; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
blockquote { margin: 2px 0 6px 0; padding-left: 8px; border-left: 3px solid #bbb;
             color: #333; font-size: 13px; }
.note { color: #555; font-size: 13px; }
.where { font-size: 13px; }
.error { color: #a00; }
"""

_EMBED = """
const embedOptions = {renderer: "svg", loader: {target: "_self"},
  actions: {export: true, source: false, compiled: false, editor: false}};
for (const [name, spec] of Object.entries(MINUTEBOOK_CHARTS)) {
  const el = document.getElementById("chart-" + name);
  vegaEmbed(el, spec, embedOptions)
    .then(() => { el.dataset.rendered = "yes"; })
    .catch((err) => {
      el.dataset.rendered = "error";
      el.textContent = "This chart could not be drawn: " + err;
    });
}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value))


def _script_safe(javascript: str) -> str:
    """JavaScript that cannot close the <script> element it is put in."""
    return re.sub(r"(?i)</(script)", r"<\\/\1", javascript)


def _json_for_script(value: Any) -> str:
    """JSON for a <script> element: every "<" written as \\u003c, so no text in the data
    (an evidence quote, a title) can end the element or open a comment."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def _link(href: str | None, text: str) -> str:
    return f'<a href="{_e(href)}">{_e(text)}</a>' if href else _e(text)


@dataclass
class Page:
    """What the page shows: the figures and rows (from ``figures``), the charts' specs, the
    dataset's name and the link maker."""

    title: str
    dataset: str
    pipeline_version: str
    papers: list[Group]
    findings: list[Group]
    years: list[Group]
    funders: list[Group]
    recipients: list[Group]
    left_out: list[dict[str, Any]]
    meetings: list[Meeting]
    decided: list[Meeting]
    charts: dict[str, dict[str, Any]]
    links: PaperLinks


def _where(page: Page, path: str | None, number: int | None, evidence: str | None = None) -> str:
    """A row's provenance: its paper (linked), page and evidence quote."""
    name = path or "(paper not in the run)"
    text = _link(page.links.href(path, number), name)
    if number:
        text += f", page {number}"
    out = f'<div class="where">{text}</div>'
    if evidence:
        quote = evidence
        if len(quote) > MAX_QUOTE:
            quote = quote[:MAX_QUOTE] + f"… [cut here: {len(evidence)} characters in all]"
        out += f"<blockquote>{_e(quote)}</blockquote>"
    return out


def _capped(rows: Sequence[Any], what: str) -> tuple[Sequence[Any], str]:
    if len(rows) <= MAX_ROWS:
        return rows, ""
    note = (
        f'<p class="note">{len(rows) - MAX_ROWS} more {what} not shown here (the first '
        f"{MAX_ROWS} of {len(rows)} are); query the dataset for all of them.</p>"
    )
    return rows[:MAX_ROWS], note


def _table(head: Iterable[str], body: Iterable[str], cls: str = "") -> str:
    ths = "".join(f"<th>{h}</th>" for h in head)
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{ths}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _summary(
    groups: Sequence[Group], label: str, noun: str, money: bool, ranked: bool = False
) -> str:
    """A table of the figures, each linked to its rows. A ``ranked`` table (funders,
    recipients) stops at the ``MAX_BARS`` largest, the ones drawn and listed, with a line
    counting the others."""
    rows = []
    shown = groups[:MAX_BARS] if ranked else groups
    for g in shown:
        cells = f"<td>{_link('#' + g.anchor, g.label)}</td>"
        cells += f'<td class="num">{_link("#" + g.anchor, str(g.count))}</td>'
        if money:
            cells += f'<td class="num">{_link("#" + g.anchor, gbp(g.amount))}</td>'
        rows.append(f"<tr>{cells}</tr>")
    others = groups[len(shown) :]
    if others:
        n = sum(g.count for g in others)
        amount = sum((g.amount or Decimal(0) for g in others), Decimal(0))
        rows.append(
            f'<tr><td colspan="{3 if money else 2}" class="note">and {len(others)} more, not '
            f"drawn or listed one by one: {n} {noun}"
            + (f", {_e(gbp(amount))}" if money else "")
            + ", counted in the year figures</td></tr>"
        )
    head = [label, noun] + (["amount"] if money else [])
    return _table(head, rows, "summary")


def _figure(name: str, summary: str, note: str = "") -> str:
    return (
        f'<div class="figures"><div class="chart" id="chart-{name}" data-chart="{name}"></div>'
        f"<div>{summary}{note}</div></div>"
    )


def _overview(page: Page) -> str:
    """The charts, each beside a table of its figures; both link to the rows below."""
    total = sum((g.amount or Decimal(0) for g in page.years), Decimal(0))
    n_awards = sum(g.count for g in page.years)
    left = page.left_out
    left_note = (
        f' {len(left)} funding rows of budget summaries are <a href="#funding-detailed-elsewhere">'
        "left out</a>: the paper that details them line by line is counted instead."
        if left
        else ""
    )
    undated = sum(1 for m in page.meetings if m.date is None)
    undated_note = (
        f'<p class="note">{undated} meetings have no date and are not on the timeline; the '
        "table lists them.</p>"
        if undated
        else ""
    )
    meetings = _table(
        ["meeting", "recorded by", "resolutions"],
        [
            f"<tr><td>{_link('#' + m.anchor, m.label)}</td><td>{_e(m.sources)}</td>"
            f'<td class="num">{_link("#" + m.anchor, str(len(m.resolutions)))}</td></tr>'
            for m in page.meetings
        ],
        "summary",
    )
    return "".join(
        [
            '<section id="papers"><h2>Papers by status</h2>',
            _figure("papers", _summary(page.papers, "status", "papers", money=False)),
            "</section>",
            '<section id="findings"><h2>Findings by kind</h2>',
            '<p class="note">What parsing could not do, or what did not add up.</p>',
            _figure("findings", _summary(page.findings, "code", "findings", money=False)),
            "</section>",
            '<section id="funding"><h2>Funding</h2>',
            f"<p>{_e(gbp(total))} in {n_awards} awards. Money is counted once: an award named "
            "in several papers (same recipient, year and amount) is one row with every mention "
            f"(the <code>awards</code> view).{left_note}</p>",
            '<h3 id="funding-by-year">By financial year</h3>',
            _figure("years", _summary(page.years, "financial year", "awards", money=True)),
            '<h3 id="funding-by-funder">By funder</h3>',
            _figure("funders", _summary(page.funders, "funder", "awards", True, ranked=True)),
            '<h3 id="funding-by-recipient">By recipient or purpose</h3>',
            _figure(
                "recipients",
                _summary(page.recipients, "recipient or purpose", "awards", True, ranked=True),
            ),
            "</section>",
            '<section id="meetings"><h2>Meetings and decisions</h2>',
            '<h3 id="meetings-timeline">Meetings on a timeline, per body</h3>',
            _figure("timeline", "", undated_note),
            '<h3 id="decisions">Decisions (resolutions) per meeting</h3>',
            _decisions_note(len(page.decided)),
            _figure("decisions", meetings),
            "</section>",
        ]
    )


def _decisions_note(n: int) -> str:
    which = f"the {MAX_MEETINGS} latest of the {n}" if n > MAX_MEETINGS else f"the {n}"
    return (
        f'<p class="note">The chart shows {which} meetings whose minutes are in the run; the '
        "table lists every meeting.</p>"
    )


def _papers_rows(page: Page) -> str:
    parts = ["<h2>Papers</h2>"]
    for g in page.papers:
        rows, note = _capped(g.rows, "papers")
        body = [
            "<tr>"
            f"<td>{_link(page.links.href(r['path']), r['path'])}</td>"
            f"<td>{_e(r['format'])}</td><td>{_e(r['doc_type'])}</td><td>{_e(r['title'])}</td>"
            f"<td>{_e(r['authority'])}</td><td>{_e(r['paper_date'])}</td>"
            f'<td class="num">{_e(r["page_count"])}</td>'
            f"<td>{_e(r['error'])}"
            + (f" (copy of {_e(r['duplicate_of'])})" if r["duplicate_of"] else "")
            + "</td></tr>"
            for r in rows
        ]
        parts.append(f'<h3 id="{g.anchor}">Status {_e(g.label)}: {g.count} papers</h3>')
        parts.append(
            _table(
                ["paper", "format", "type", "title", "authority", "date", "pages", "error"], body
            )
            + note
        )
    return "".join(parts)


def _findings_rows(page: Page) -> str:
    parts = ["<h2>Findings</h2>"]
    for g in page.findings:
        rows, note = _capped(g.rows, "findings")
        body = [
            f"<tr><td>{_e(r['severity'])}</td><td>{_e(r['stage'])}</td>"
            f"<td>{_where(page, r['path'], r['page'])}</td><td>{_e(r['message'])}</td></tr>"
            for r in rows
        ]
        parts.append(f'<h3 id="{g.anchor}">{_e(g.label)}: {g.count} findings</h3>')
        parts.append(_table(["severity", "stage", "paper, page", "message"], body) + note)
    if not page.findings:
        parts.append("<p>No findings.</p>")
    return "".join(parts)


def _award_rows(page: Page, awards: Sequence[dict[str, Any]]) -> str:
    rows, note = _capped(awards, "awards")
    body = []
    for a in rows:
        where = (
            "".join(_where(page, m["path"], m["page"], m["evidence"]) for m in a["mentions"])
            or '<span class="note">(no mention found)</span>'
        )
        body.append(
            f"<tr><td>{_e(a['financial_year'] or '')}</td>"
            f"<td>{_e(a['recipient'])}</td><td>{_e(a['purpose'])}</td>"
            f"<td>{_e(a['funder_name'])}</td><td>{_e(', '.join(a['kinds'] or []))}</td>"
            f'<td class="num">{_e(gbp(a["amount_gbp"]))}</td><td>{where}</td></tr>'
        )
    head = ["year", "recipient", "purpose", "funder", "kind", "amount", "paper, page, evidence"]
    return _table(head, body) + note


def _money_groups(page: Page, groups: Sequence[Group], heading: str) -> str:
    parts = []
    for g in groups:
        parts.append(
            f'<h3 id="{g.anchor}">{_e(heading)} {_e(g.label)}: {_e(gbp(g.amount))} '
            f"in {g.count} awards</h3>"
        )
        parts.append(_award_rows(page, g.rows))
    return "".join(parts)


def _funding_rows(page: Page) -> str:
    parts = [
        "<h2>Funding by financial year</h2>",
        _money_groups(page, page.years, "Financial year"),
        f"<h2>Funding by funder (the {MAX_BARS} largest)</h2>",
        _money_groups(page, page.funders[:MAX_BARS], "Funder"),
        f"<h2>Funding by recipient or purpose (the {MAX_BARS} largest)</h2>",
        _money_groups(page, page.recipients[:MAX_BARS], "Recipient or purpose"),
    ]
    left = page.left_out
    if left:
        rows, note = _capped(left, "rows")
        body = [
            f"<tr><td>{_e(r['financial_year'])}</td><td>{_e(r['recipient'] or r['purpose'])}</td>"
            f'<td class="num">{_e(gbp(r["amount_gbp"]))}</td>'
            f"<td>{_link(page.links.href(r['detail_path']), r['detail_path'])}</td>"
            f"<td>{_where(page, r['path'], r['page'], r['evidence'])}</td></tr>"
            for r in rows
        ]
        parts.append(
            f'<h3 id="funding-detailed-elsewhere">Left out of the totals: {len(left)} rows '
            "detailed in another paper</h3>"
        )
        parts.append(
            _table(
                ["year", "recipient or purpose", "amount", "detailed in", "paper, page, evidence"],
                body,
            )
            + note
        )
    return "".join(parts)


def _meeting_block(page: Page, m: Meeting) -> str:
    papers = "".join(
        f"<li>{_e(p['source'])}: {_where(page, p['path'], p['page'])}</li>" for p in m.papers
    )
    facts = [
        f"{len(m.resolutions)} resolutions",
        f"{m.agenda_items} agenda items",
        f"{m.minute_items} minutes",
    ]
    if m.start_time:
        facts.append(f"at {m.start_time}")
    if m.venue:
        facts.append(f"venue: {m.venue}")
    out = [
        f'<h3 id="{m.anchor}">{_e(m.label)}</h3>',
        f"<p>{_e('; '.join(facts))}</p><ul>{papers}</ul>",
    ]
    if m.resolutions:
        rows, note = _capped(m.resolutions, "resolutions")
        body = [
            f'<tr><td>{_e(r["minute_ref"])}</td><td class="num">{_e(r["number"])}</td>'
            f"<td>{_e(r['verb'])}</td><td>{_where(page, r['path'], r['page'], r['text'])}</td>"
            "</tr>"
            for r in rows
        ]
        out.append(_table(["minute", "no.", "verb", "paper, page, text"], body) + note)
    return "".join(out)


def _meetings_rows(page: Page) -> str:
    return "<h2>Meetings</h2>" + "".join(_meeting_block(page, m) for m in page.meetings)


def render(page: Page, javascript: str) -> str:
    """The whole HTML document. ``javascript`` is the Vega/Vega-Lite/vega-embed bundle."""
    n_papers = sum(g.count for g in page.papers)
    n_findings = sum(g.count for g in page.findings)
    n_res = sum(len(m.resolutions) for m in page.meetings)
    charts = _json_for_script(page.charts)
    nav = (
        '<nav><a href="#papers">papers</a><a href="#findings">findings</a>'
        '<a href="#funding">funding</a><a href="#meetings">meetings</a>'
        '<a href="#decisions">decisions</a></nav>'
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f"{REPORT_PAGE_MARKER}\n"
        f"<title>{_e(page.title)}</title>\n<style>{_CSS}</style>\n"
        f'<script type="text/javascript">\n{_script_safe(javascript)}\n</script>\n'
        "</head><body>\n"
        f"<header><h1>{_e(page.title)}</h1>"
        f"<p>{n_papers} papers, {n_findings} findings, {len(page.meetings)} meetings, "
        f"{n_res} resolutions; from the dataset <code>{_e(page.dataset)}</code> written by "
        f"minutebook {_e(page.pipeline_version)}. Every figure links to the rows it counts, "
        "and every row to its paper, page and evidence.</p>"
        f"{nav}</header>\n"
        f"{_overview(page)}\n"
        '<section id="rows"><h2 class="part">The rows behind the figures</h2>\n'
        f"{_papers_rows(page)}\n{_findings_rows(page)}\n{_funding_rows(page)}\n"
        f"{_meetings_rows(page)}</section>\n"
        f'<script type="text/javascript">\nconst MINUTEBOOK_CHARTS = {charts};\n{_EMBED}</script>\n'
        "</body></html>\n"
    )
