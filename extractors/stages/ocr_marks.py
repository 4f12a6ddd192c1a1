"""What OCR means for a paper's output: ``ocr_pages`` rows, findings, and ``ocr`` on records.

The PDF reader says which pages it read by OCR (``DocumentMeta.ocr_pages``, with the engine's
mean word confidence) and which pages it could not read. From that, once per paper:

- one ``ocr_pages`` row per OCR'd page, and the paper's ``ocr_page_count`` and
  ``ocr_confidence`` (mean over those pages, weighted by their words);
- a finding for each page whose confidence is below ``LOW_CONFIDENCE`` (``ocr_low_confidence``)
  or on which OCR read no word (``ocr_no_text``), and one for pages left unread
  (``ocr_unavailable``: no engine, or it failed on them);
- ``ocr`` on every record with a page: true when its page (or any page of its range) was read
  by OCR, false when none was; a record with no page is true when every page of the paper was
  OCR'd, false when none was, and null (cannot tell) in a paper that is partly OCR'd.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from schemas.document import DocumentMeta
from schemas.records import Finding, OcrPage, Paper

#: below this mean word confidence a page's text is suspect (the scanned sample's pages read
#: 0.94-0.96; a page scanned at 100 dpi or skewed reads well under 0.8)
LOW_CONFIDENCE = 0.8


def ocr_outputs(paper: Paper, meta: DocumentMeta) -> tuple[list[OcrPage], list[Finding]]:
    """Fill the paper's OCR columns; return its ``ocr_pages`` rows and OCR findings."""
    rows = [
        OcrPage(
            paper_id=paper.paper_id,
            page=p.number,
            reason=p.reason,
            engine=meta.ocr_engine or "unknown",
            confidence=None if p.confidence is None else round(p.confidence, 4),
            words=p.words,
        )
        for p in meta.ocr_pages
    ]
    paper.ocr_page_count = len(rows)
    words = sum(p.words for p in meta.ocr_pages if p.confidence is not None)
    paper.ocr_confidence = (
        round(sum(p.confidence * p.words for p in meta.ocr_pages if p.confidence) / words, 4)
        if words
        else None
    )
    findings = []
    for p in meta.ocr_pages:
        if p.confidence is None:
            code, message = "ocr_no_text", f"OCR read no text on page {p.number}"
        elif p.confidence < LOW_CONFIDENCE:
            code = "ocr_low_confidence"
            message = (
                f"OCR confidence on page {p.number} is {p.confidence:.2f} (below "
                f"{LOW_CONFIDENCE:.2f}) over {p.words} words: its records may hold misread text"
            )
        else:
            continue
        findings.append(Finding(paper.paper_id, "warning", code, message, p.number, "read"))
    if meta.unread_pages:
        pages = ", ".join(map(str, meta.unread_pages))
        findings.append(
            Finding(
                paper.paper_id,
                "warning",
                "ocr_unavailable",
                f"page(s) {pages} need OCR and were not read: {meta.unread_reason}",
                meta.unread_pages[0],
                "read",
            )
        )
    return rows, findings


def mark_ocr(records: dict[str, list[Any]], meta: DocumentMeta) -> None:
    """Set ``ocr`` on every record that has the column (see the module docstring)."""
    ocr_read = {p.number for p in meta.ocr_pages}
    if not ocr_read:
        whole: bool | None = False
    elif len(ocr_read) >= meta.page_count:
        whole = True
    else:
        whole = None
    for recs in records.values():
        for i, rec in enumerate(recs):
            if not hasattr(rec, "ocr"):
                continue
            pages = _pages_of(rec)
            flag = whole if not pages or whole is not None else bool(pages & ocr_read)
            if rec.ocr != flag:
                recs[i] = dataclasses.replace(rec, ocr=flag)


def _pages_of(rec: Any) -> set[int]:
    page = getattr(rec, "page", None)
    if page:
        return {page}
    first, last = getattr(rec, "page_from", None), getattr(rec, "page_to", None)
    if first and last and last >= first:
        return set(range(first, last + 1))
    return {first} if first else set()
