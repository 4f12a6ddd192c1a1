"""OCR of scanned pages: the scanned sample against its text-layer twin, scanned corpus papers,
a mixed paper (only its scanned page is OCR'd), the engine missing, and the OCR columns."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractors.formats.ocr import correct
from extractors.stages.ocr_marks import LOW_CONFIDENCE, ocr_outputs
from pipeline.evaluation.evaluate import evaluate
from pipeline.process import process_paper
from pipeline.run import RunOptions, run
from schemas.document import DocumentMeta, OcrPageInfo
from schemas.records import Paper
from tests.conftest import BAD, GOLD, SAMPLES, read_table

STEM = "004_e7a5e62b3e5d6ec5"
CORPUS = SAMPLES / "corpus"
HORSLEY_MINUTES = CORPUS / "horsley-pc-glos" / "2014-03-18-minutes-draft.pdf"
BROOMHILL_AGENDA = CORPUS / "broomhill-cc-glasgow" / "2026-02-11-agenda-image-only.pdf"
MISSING_ENGINE = "/nonexistent/tesseract"


def mixed_paper(path: Path) -> Path:
    """Page 6 of the sample pack from its text-layer PDF (minutes SMK10, SMK11) followed by
    page 7 from its scanned rendition (SMK12, SMK13): a text paper with a scanned page."""
    out = pdfium.PdfDocument.new()
    out.import_pages(pdfium.PdfDocument(SAMPLES / f"{STEM}.pdf"), [5])
    out.import_pages(pdfium.PdfDocument(SAMPLES / f"{STEM}.scanned.pdf"), [6])
    out.save(path)
    return path


@pytest.fixture(scope="module")
def ocr_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One run, in worker processes, over two scanned corpus papers and the mixed paper."""
    base = tmp_path_factory.mktemp("ocr")
    src = base / "in"
    src.mkdir()
    for p in (HORSLEY_MINUTES, BROOMHILL_AGENDA):
        (src / p.name).write_bytes(p.read_bytes())
    mixed_paper(src / "mixed.pdf")
    run([src], base / "out", RunOptions(workers=2, cache_dir=None, progress=False))
    return base / "out"


def _paper(out: Path, name: str):
    papers = read_table(out, "papers")
    return papers[papers["path"].str.endswith("/" + name)].iloc[0]


def _of(out: Path, table: str, name: str):
    rows = read_table(out, table)
    return rows[rows["paper_id"] == _paper(out, name)["paper_id"]]


def test_scanned_sample_scores_nine_tenths_of_its_text_twin_on_every_table(
    samples_run: Path,
) -> None:
    report = evaluate(samples_run, GOLD)
    scored = 0
    for table, cell in report["tables"].items():
        by_sample = cell.get("by_sample", {})
        twin = by_sample.get(f"{STEM}.pdf", {}).get("f1")
        if not twin:  # a table the twin does not score (no gold records, or 0)
            continue
        scanned = by_sample[f"{STEM}.scanned.pdf"]["f1"] or 0.0
        assert scanned >= 0.9 * twin, (table, scanned, twin)
        scored += 1
    assert scored >= 10


def test_scanned_sample_records_are_marked_ocr(samples_run: Path) -> None:
    papers = read_table(samples_run, "papers")
    scanned = papers[papers["path"].str.endswith(f"/{STEM}.scanned.pdf")].iloc[0]
    text = papers[papers["path"].str.endswith(f"/{STEM}.pdf")].iloc[0]
    assert scanned["ocr_confidence"] >= LOW_CONFIDENCE and text["ocr_page_count"] == 0
    attendance = read_table(samples_run, "attendance")
    assert attendance[attendance["paper_id"] == scanned["paper_id"]]["ocr"].all()
    assert not attendance[attendance["paper_id"] == text["paper_id"]]["ocr"].any()
    pages = read_table(samples_run, "ocr_pages")
    assert sorted(pages[pages["paper_id"] == scanned["paper_id"]]["page"]) == list(range(1, 15))
    findings = read_table(samples_run, "findings")
    low = findings[
        (findings["paper_id"] == scanned["paper_id"]) & findings["code"].str[:4].eq("ocr_")
    ]
    assert low.empty  # every page of a clean 200 dpi scan reads well


def test_scanned_parish_minutes_give_their_meeting_and_attendance(ocr_run: Path) -> None:
    # Horsley PC's draft minutes, whose text layer is junk: as printed on page 1
    paper = _paper(ocr_run, HORSLEY_MINUTES.name)
    assert paper["status"] == "ok" and paper["ocr_page_count"] == 3
    (meeting,) = _of(ocr_run, "meetings", HORSLEY_MINUTES.name).itertuples()
    assert str(meeting.date) == "2014-03-18" and meeting.start_time == "19:30" and meeting.ocr
    att = _of(ocr_run, "attendance", HORSLEY_MINUTES.name)
    got = {(r.name_as_printed, r.status) for r in att.itertuples()}
    assert {
        ("Cllr N Hackett", "present"),
        ("Cllr A Caudwell", "present"),
        ("Mrs Kay", "present"),
        ("Ms McDonagh", "present"),
        ("Cllr Mrs Clarke", "apologies"),
        ("District Cllr Carter", "apologies"),
    } <= got
    assert att[att["name_as_printed"] == "Cllr N Hackett"]["chair"].all()


def test_image_only_agenda_gives_its_meeting_and_items(ocr_run: Path) -> None:
    # Broomhill CC's agenda of 11 February 2026, a picture of a page
    (meeting,) = _of(ocr_run, "meetings", BROOMHILL_AGENDA.name).itertuples()
    assert str(meeting.date) == "2026-02-11" and meeting.start_time == "19:00"
    items = _of(ocr_run, "agenda_items", BROOMHILL_AGENDA.name)
    titles = set(items["title"])
    assert {"Welcome", "Introductions", "Sederunt and apologies", "Police Report"} <= titles


def test_mixed_paper_ocrs_only_its_scanned_page(ocr_run: Path) -> None:
    paper = _paper(ocr_run, "mixed.pdf")
    assert paper["status"] == "ok" and paper["has_text_layer"]
    pages = _of(ocr_run, "ocr_pages", "mixed.pdf")
    assert list(pages["page"]) == [2] and list(pages["reason"]) == ["no_text_layer"]
    minutes = _of(ocr_run, "minute_items", "mixed.pdf")
    flags = dict(zip(minutes["ref"], minutes["ocr"], strict=True))
    assert flags == {"SMK10": False, "SMK11": False, "SMK12": True, "SMK13": True}


def test_without_the_engine_a_scan_stays_needs_ocr_with_a_clear_message(
    monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MINUTEBOOK_TESSERACT", MISSING_ENGINE)
    data = (BAD / "image-only-two-pages.pdf").read_bytes()
    result = process_paper("scan.pdf", "scan.pdf", data, "a" * 64)
    assert result.paper.status == "needs_ocr"
    assert "tesseract was not found" in result.paper.error
    assert "make setup" in result.paper.error
    # a mixed paper keeps its text page and says which page was not read
    data = mixed_paper(tmp_path / "mixed.pdf").read_bytes()
    result = process_paper("mixed.pdf", "mixed.pdf", data, "b" * 64)
    assert result.paper.status == "partial" and "page(s) 2 need OCR" in result.paper.error
    codes = {f.code for f in result.records["findings"]}
    assert "ocr_unavailable" in codes
    refs = [m.ref for m in result.records["minute_items"]]
    assert refs[:2] == ["SMK10", "SMK11"] and "SMK12" not in refs


def test_low_confidence_and_empty_pages_give_findings() -> None:
    paper = Paper(paper_id="c" * 64, path="p.pdf", format="pdf", status="ok")
    meta = DocumentMeta(
        page_count=3,
        ocr_engine="tesseract 5.3.0",
        ocr_pages=[
            OcrPageInfo(1, 0.95, 300, "no_text_layer"),
            OcrPageInfo(2, 0.55, 100, "no_text_layer"),
            OcrPageInfo(3, None, 0, "no_text_layer"),
        ],
    )
    rows, findings = ocr_outputs(paper, meta)
    assert [r.page for r in rows] == [1, 2, 3]
    assert [(f.code, f.page) for f in findings] == [("ocr_low_confidence", 2), ("ocr_no_text", 3)]
    assert paper.ocr_page_count == 3
    assert paper.ocr_confidence == pytest.approx((0.95 * 300 + 0.55 * 100) / 400, abs=1e-4)


@pytest.mark.parametrize(
    "misread, printed",
    [
        ("4, Thames Valley Police", "4. Thames Valley Police"),
        ("[Buckinghamshire Fire and Rescue Service}", "[Buckinghamshire Fire and Rescue Service]"),
        ("Present: Clir N Hackett", "Present: Cllr N Hackett"),
        ("held on 18t March 2014", "held on 18 March 2014"),
        ("Costs 4, 5 and 6", "Costs 4, 5 and 6"),  # a comma inside a line is not an item number
    ],
)
def test_usual_misreadings_are_repaired(misread: str, printed: str) -> None:
    assert correct(misread) == printed


def test_the_dask_task_reads_a_scan_by_ocr(tmp_path: Path) -> None:
    from pipeline.dask_executor import process_bytes

    data = mixed_paper(tmp_path / "mixed.pdf").read_bytes()
    result = process_bytes("mixed.pdf", "mixed.pdf", data, "d" * 64, timeout_s=300)
    assert result.paper.status == "ok" and result.paper.ocr_page_count == 1
    assert [p.page for p in result.records["ocr_pages"]] == [2]


def test_a_lettered_items_bracket_read_as_j_is_repaired() -> None:
    # Broomhill CC's image-only agenda of 11 February 2026: tesseract reads "(d) Treasurer" under
    # "7. Office Bearers reports:" as "(dj Treasurer"
    from extractors.formats.ocr import correct
    from pipeline.process import process_paper

    assert correct("(dj Treasurer") == "(d) Treasurer"
    assert correct("(adjourned) at 9pm") == "(adjourned) at 9pm"
    p = Path("samples/corpus/broomhill-cc-glasgow/2026-02-11-agenda-image-only.pdf")
    items = process_paper(str(p), p.name, p.read_bytes(), "p").records["agenda_items"]
    assert [a.title for a in items if a.number == 7][-1] == "Treasurer"
