"""Per-paper memos: answers are kept within a paper and forgotten before the next one."""

from __future__ import annotations

from extractors.memo import clear_paper_memos
from extractors.text.tables import clean_cell
from extractors.values.names import parse_person_name
from pipeline.process import process_paper
from tests.conftest import SAMPLES


def test_memo_answers_again_until_cleared() -> None:
    clear_paper_memos()
    first = parse_person_name("Councillor R Bradburn")
    assert parse_person_name("Councillor R Bradburn") is first
    assert parse_person_name.cache_info().hits >= 1
    clear_paper_memos()
    assert parse_person_name.cache_info().currsize == 0
    assert parse_person_name("Councillor R Bradburn") == first


def test_each_paper_starts_with_empty_memos() -> None:
    path = SAMPLES / "000_1c07758f42038aae.pdf"
    process_paper(str(path), path.name, path.read_bytes(), "a" * 64)
    assert clean_cell.cache_info().currsize > 0  # the spend plan's cells were cleaned
    empty = SAMPLES / "000_1c07758f42038aae.txt"
    clean_cell("left over")
    process_paper(str(empty), empty.name, b"", "b" * 64)  # an empty file: nothing is read
    assert clean_cell.cache_info().currsize == 0


def test_a_document_memo_reads_each_document_once() -> None:
    from extractors.formats import read_document
    from extractors.records.budget_table import tables

    path = SAMPLES / "real" / "kent-capital-investment-summary-2025-26-to-2034-35.pdf"
    doc = read_document(path)
    first = tables(doc)
    assert first and tables(doc) is first  # the capital programme's year tables, read once
    other = read_document(path)
    assert tables(other) is not first and len(tables(other)) == len(first)
    clear_paper_memos()
    assert tables(doc) is not first
