"""``minutebook report``: one static HTML page about a dataset, readable offline.

Papers by status, findings by kind, funding by financial year, funder and recipient, meetings
on a timeline per body and decisions per meeting, as charts (Vega-Lite, made with Altair, the
JavaScript inlined: no server, no network, opens from a file:// URL); every figure links to the
rows it counts and every row to its paper, page and evidence.

The page is written into the dataset folder as ``report.html`` (a run treats it as its own and
removes it with the dataset it was made from) or to ``--file``; a file minutebook did not write
is never replaced.
"""

from __future__ import annotations

from pipeline.report.build import build_report
from pipeline.report.dataset import ReportError

__all__ = ["ReportError", "build_report"]
