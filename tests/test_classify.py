"""Doc type from structure when no cue names the paper (issue 13, point 5)."""

from __future__ import annotations

from extractors.stages.classify import classify
from schemas.document import Block, Document, DocumentMeta, Page


def _doc(*texts: str) -> Document:
    return Document([Page(1, [Block("paragraph", t, 1) for t in texts])],
                    DocumentMeta(page_count=1))


def test_numbered_items_reporting_a_meeting_are_minutes():
    # Broomhill CC, 11 February 2026: headed "Minute", no cue phrase (the paper's words)
    doc = _doc("BCC Minute 1 11/02/2026", "Meeting (no.447) of", "Broomhill Community Council",
               "11th February 2026 19.00", "Minute", "1. Welcome", "2. Introductions",
               "3. Sederunt and Apologies",
               "Apologies were received from Abigail Harding, Cllr Eunis Jassemi and PC Andy "
               "McKay", "4. Previous Minute", "The pervious minute was approved online, via Slack.")
    got = classify(doc)
    assert (got.doc_type, got.confidence) == ("minutes", 0.5)


def test_numbered_items_of_a_meeting_to_come_are_an_agenda():
    doc = _doc("Meeting of the Village Hall Committee to be held on 3 March 2026",
               "1. Chair's welcome", "2. Accounts", "3. Repairs to the roof")
    assert classify(doc).doc_type == "agenda"


def test_a_paper_with_neither_cues_nor_numbered_items_stays_unknown():
    doc = _doc("Notes on the parking survey", "Residents raised the parking problem again.")
    assert classify(doc).doc_type == "unknown"
