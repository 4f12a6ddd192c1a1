"""What every extractor takes and returns.

An extractor is a function ``(Document, PaperContext) -> Extraction``. It reads the document
model only (never the file format) and returns typed records per table plus findings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from schemas.document import Document
from schemas.records import Finding, Part


@dataclass
class PaperContext:
    """What the pipeline knows about a paper before extraction."""

    paper_id: str
    doc_type: str = "unknown"
    title: str | None = None
    authority: str | None = None
    body: str | None = None
    paper_date: dt.date | None = None  # date the paper carries or the meeting it serves
    financial_year: str | None = None
    parts: list[Part] = field(default_factory=list)
    #: the slice of the document each part covers, by part_no (set by the segment stage;
    #: exact to the block, so it also works for text exports that have no page breaks)
    part_docs: dict[int, Document] = field(default_factory=dict)

    def document_of(self, part: Part, doc: Document) -> Document:
        """Return the slice of ``doc`` that ``part`` covers (its page range as a fallback)."""
        if part.part_no in self.part_docs:
            return self.part_docs[part.part_no]
        return doc.page_range(part.page_from or 1, part.page_to or len(doc.pages))


@dataclass
class Extraction:
    """Records found by one extractor: table name -> list of record dataclasses."""

    records: dict[str, list[Any]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def add(self, table: str, record: Any) -> None:
        """Append one record to ``table``."""
        self.records.setdefault(table, []).append(record)

    def finding(
        self,
        paper_id: str,
        severity: str,
        code: str,
        message: str,
        page: int | None = None,
        stage: str = "extract",
    ) -> None:
        """Record a data-quality finding."""
        self.findings.append(
            Finding(
                paper_id=paper_id,
                severity=severity,
                code=code,
                message=message,
                page=page,
                stage=stage,
            )
        )

    def merge(self, other: Extraction) -> None:
        """Fold another extraction's records and findings into this one."""
        for table, recs in other.records.items():
            self.records.setdefault(table, []).extend(recs)
        self.findings.extend(other.findings)


Extractor = Callable[[Document, PaperContext], Extraction]


def stable_id(*parts: object, length: int = 16) -> str:
    """Return a deterministic hex id from the given parts (paper id, position, key text)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]
