"""The per-paper stages: read -> classify -> segment -> extract -> normalise -> validate.

``process_paper`` is a plain function over one input's bytes; it never raises for a bad paper:
whatever goes wrong becomes the paper's status and a finding, so a batch always goes on.
"""

from __future__ import annotations

import dataclasses
import time
import traceback
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from extractors.base import Extraction, PaperContext
from extractors.formats import format_of, read_document
from extractors.memo import clear_paper_memos
from extractors.registry import EXTRACTORS
from extractors.stages.classify import classify
from extractors.stages.ocr_marks import mark_ocr, ocr_outputs
from extractors.stages.paper_facts import (
    authority_of,
    body_of,
    financial_year_in,
    paper_date_of,
    title_of,
)
from extractors.stages.segment import paper_type, segment
from pipeline.version import PIPELINE_VERSION
from schemas.document import Document, NeedsOCR, ReaderError
from schemas.records import Finding, Paper
from schemas.validate import problems

_CENT = Decimal("0.01")


@dataclass
class PaperResult:
    """Everything one paper contributes to the dataset."""

    paper: Paper
    records: dict[str, list[Any]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    worker_rss_mb: float = 0.0  # peak resident memory of the process that made it
    #: False when another run could do better (a timeout, memory, a crashed worker): such a
    #: result is never cached, so a later run with other limits tries the paper again.
    final: bool = True

    @property
    def pages(self) -> int:
        """Pages read from the paper."""
        return self.paper.page_count or 0


class PaperTimeout(BaseException):
    """A paper ran over its time limit.

    A BaseException, so no stage's ``except Exception`` can swallow it and carry on with
    part of the paper: the whole paper fails and nothing of it is kept.
    """


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def lap(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - since
        return now


def failed_result(
    paper: Paper, stage: str, message: str, status: str = "failed", final: bool = True
) -> PaperResult:
    """Return the result of a paper that could not be processed, with a finding saying why.

    ``final`` is False when the failure depends on the run (time, memory, a worker's death)
    rather than on the paper's bytes, so the result must not be cached.
    """
    paper.status, paper.error = status, message
    severity = "warning" if status == "needs_ocr" else "error"
    code = "needs_ocr" if status == "needs_ocr" else f"{stage}_failed"
    finding = Finding(
        paper_id=paper.paper_id, severity=severity, code=code, message=message, stage=stage
    )
    return PaperResult(paper, {"findings": [finding]}, final=final)


def timeout_message(timeout_s: float) -> str:
    """The error of a paper that ran over its time limit (it starts with "timeout")."""
    return f"timeout: the paper took longer than {timeout_s:g} s (--timeout)"


def lost_paper(
    path: str, paper_id: str, message: str, stage: str = "process", size: int = 0
) -> PaperResult:
    """The result of a paper the run could not finish (time, memory, a dead worker, a file gone
    since it was hashed): failed, nothing of it kept, and never cached (``final`` False)."""
    paper = Paper(
        paper_id=paper_id,
        path=path,
        format="unknown",
        status="failed",
        size_bytes=size,
        pipeline_version=PIPELINE_VERSION,
    )
    return failed_result(paper, stage, message, final=False)


def _read(data: bytes, name: str, fmt: str) -> Document:
    """Read a paper from its bytes (no temporary file: writing one cost a tenth of reading)."""
    path = Path(name) if Path(name).suffix else Path(f"{name}.{fmt}")
    return read_document(path, data)


def normalise(record: Any) -> Any:
    """Fold whitespace in text fields, drop empty strings, round money to the penny."""
    changes = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, str):
            folded = " ".join(value.split())
            changes[f.name] = folded or None
        elif isinstance(value, Decimal):
            changes[f.name] = value.quantize(_CENT)
        elif isinstance(value, list):
            changes[f.name] = [" ".join(v.split()) if isinstance(v, str) else v for v in value]
    return dataclasses.replace(record, **changes)


def validate_records(paper_id: str, records: dict[str, list[Any]]) -> list[Finding]:
    """Drop invalid records from ``records`` in place; return a finding for each one dropped."""
    findings = []
    for table, recs in records.items():
        kept = []
        for rec in recs:
            issues = problems(rec)
            if issues:
                findings.append(
                    Finding(
                        paper_id=paper_id,
                        severity="error",
                        code="invalid_record",
                        message=f"{table} record dropped: {'; '.join(issues)}: {rec!r:.300}",
                        page=getattr(rec, "page", None),
                        stage="validate",
                    )
                )
            else:
                kept.append(rec)
        records[table] = kept
    return findings


def process_paper(path: str, name: str, data: bytes, paper_id: str) -> PaperResult:
    """Run the per-paper stages on one input.

    Takes the path to report, the file name (for its extension), the bytes and their sha256.
    Returns a PaperResult whose ``paper.status`` is ok, partial, failed or needs_ocr; never
    raises for a bad paper.
    """
    clear_paper_memos()
    clock = _Clock()
    t = time.perf_counter()
    fmt = format_of(Path(name), data[:4096], data)
    paper = Paper(
        paper_id=paper_id,
        path=path,
        format=fmt,
        status="ok",
        size_bytes=len(data),
        pipeline_version=PIPELINE_VERSION,
    )
    # an unknown format is refused by read_document, with the reason (not a Word zip, ...)
    if not data:
        return failed_result(paper, "read", "empty file (0 bytes)")
    try:
        doc = _read(data, name, fmt)
    except NeedsOCR as exc:
        result = failed_result(paper, "read", str(exc), status="needs_ocr")
        result.paper.has_text_layer, result.paper.page_count = False, exc.page_count or None
        result.paper.ocr_page_count = 0
        return result
    except ReaderError as exc:
        return failed_result(paper, "read", str(exc))
    except MemoryError:
        return failed_result(paper, "read", "ran out of memory reading the paper", final=False)
    except Exception as exc:  # a reader bug must cost only this paper
        return failed_result(paper, "read", f"could not read the paper: {exc!r}")
    t = clock.lap("read", t)
    paper.page_count, paper.has_text_layer = doc.meta.page_count, doc.meta.has_text_layer
    try:
        return _analyse(paper, doc, clock, t)
    except MemoryError:
        return failed_result(paper, "analyse", "ran out of memory analysing the paper", final=False)
    except Exception as exc:
        result = failed_result(paper, "analyse", f"{type(exc).__name__}: {exc}")
        result.timings = clock.timings
        result.records["findings"][0].message += "\n" + traceback.format_exc(limit=3)
        return result


def _analyse(paper: Paper, doc: Document, clock: _Clock, t: float) -> PaperResult:
    whole = classify(doc, doc.meta.title)
    t = clock.lap("classify", t)
    segments = segment(doc, paper.paper_id, whole.doc_type)
    doc_type, confidence = paper_type(whole, segments)
    t = clock.lap("segment", t)
    paper.doc_type, paper.doc_type_confidence = doc_type, confidence
    paper.title = title_of(doc) or (segments[0].part.title if segments else None)
    paper.authority = authority_of(doc)
    paper.body = body_of(segments)
    paper.paper_date = paper_date_of(doc, segments)
    paper.financial_year = financial_year_in(doc, paper.title)
    ctx = PaperContext(
        paper_id=paper.paper_id,
        doc_type=doc_type,
        title=paper.title,
        authority=paper.authority,
        body=paper.body,
        paper_date=paper.paper_date,
        financial_year=paper.financial_year,
        parts=[s.part for s in segments],
        part_docs={s.part.part_no: s.doc for s in segments},
    )
    # a paper that is one document has no component parts to list (gold and contract agree)
    found = Extraction(records={"parts": list(ctx.parts) if len(ctx.parts) > 1 else []})
    for family, extractor in EXTRACTORS.items():
        try:
            found.merge(extractor(doc, ctx))
        except MemoryError:
            raise  # the paper fails as a whole: a part-read paper would hide what is missing
        except Exception as exc:  # one extractor's bug must not lose the others' records
            found.finding(
                paper.paper_id,
                "error",
                "extractor_failed",
                f"extractor {family} failed: {type(exc).__name__}: {exc}",
            )
            paper.status = "partial"
            paper.error = f"extractor {family} failed: {exc}"
        t = clock.lap(f"extract:{family}", t)
    if doc.meta.unread_pages:
        pages = ", ".join(map(str, doc.meta.unread_pages))
        paper.status = "partial"
        paper.error = f"page(s) {pages} need OCR and were not read: {doc.meta.unread_reason}"
    records = {table: [normalise(r) for r in recs] for table, recs in found.records.items()}
    mark_ocr(records, doc.meta)
    ocr_rows, ocr_findings = ocr_outputs(paper, doc.meta)
    if ocr_rows:
        records["ocr_pages"] = ocr_rows
    t = clock.lap("normalise", t)
    findings = list(found.findings) + ocr_findings + validate_records(paper.paper_id, records)
    for w in doc.meta.warnings:
        findings.append(
            Finding(
                paper_id=paper.paper_id,
                severity="warning",
                code="reader_warning",
                message=w,
                stage="read",
            )
        )
    records["findings"] = records.get("findings", []) + [normalise(f) for f in findings]
    clock.lap("validate", t)
    return PaperResult(paper, records, clock.timings)
