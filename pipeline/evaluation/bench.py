"""``make bench``: speed and memory of minutebook against a baseline and a ceiling.

Builds an archive from the samples' PDF and DOCX renditions and the real papers in
``samples/real/``, replicated with a small change to each copy's bytes (a trailing PDF comment,
a DOCX core-properties title) so every paper has a distinct sha256. Then, in one invocation and
on the same files, it measures:

- minutebook with 1 and with 2 workers (no cache), each run in a fresh interpreter so its
  workers fork from a clean process (not one grown by the runs before);
- the baseline a straightforward implementation is: pdfplumber ``extract_text`` and
  ``extract_tables`` on every page (measured on one copy of each distinct PDF: it is slow, and a
  rate is a rate);
- the ceiling: pypdfium2 page text alone, nothing else (on every PDF of the archive);
- peak RSS of a minutebook worker at N/4 and at N papers (``rss_growth`` is their ratio:
  the archive quadruples between them) and of the baseline;
- a re-run on the unchanged archive (cache on) against the first run;
- the share of time per stage;
- OCR: pages/s and peak worker RSS with 2 workers on an archive of scanned papers (the scanned
  sample, an image-only agenda, two papers with a junk text layer; ``BENCH_OCR_COPIES`` copies
  of each, 2 by default; ``--ocr-only COPIES`` measures this alone);
- the PDF reader alone on the real papers (``samples/real/*.pdf``), the hostile-input corpus
  (``tests/fixtures/bad``) run whole, and the worst time to read a 600 kB page of one unclosed
  tag: the wall-clock targets that ``make test`` leaves out.

Prints a table and writes ``output/bench.json``. ``BENCH_N`` (env or --papers) scales it.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.run import RunOptions, run

ROOT = Path(__file__).resolve().parents[2]


def _sources() -> list[Path]:
    samples = ROOT / "samples"
    out = sorted(p for p in samples.glob("*.pdf") if ".scanned." not in p.name)
    out += sorted(samples.glob("*.docx"))
    out += sorted((samples / "real").glob("*.pdf"))
    return out


def _variant(src: Path, copy_no: int) -> bytes:
    data = src.read_bytes()
    if copy_no == 0:
        return data
    if src.suffix == ".pdf":
        return data + f"\n% minutebook bench copy {copy_no}\n".encode()
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as zin,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            member = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                member = member.replace(
                    b"</cp:coreProperties>",
                    f"<dc:subject>bench copy {copy_no}</dc:subject></cp:coreProperties>".encode(),
                )
            zout.writestr(info, member)
    return buf.getvalue()


#: papers with no usable text layer: the scanned sample, an image-only agenda and two papers
#: whose text layer is junk (every page of them is read by OCR)
SCANNED = (
    "004_e7a5e62b3e5d6ec5.scanned.pdf",
    "corpus/broomhill-cc-glasgow/2026-02-11-agenda-image-only.pdf",
    "corpus/horsley-pc-glos/2014-03-18-minutes-draft.pdf",
    "corpus/horsley-pc-glos/2014-04-29-agenda.pdf",
)


def build_scanned_archive(folder: Path, copies: int) -> list[Path]:
    """Write ``copies`` distinct copies of each ``SCANNED`` paper into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(copies):
        for name in SCANNED:
            src = ROOT / "samples" / name
            dest = folder / f"{n:04d}-{src.name}"
            dest.write_bytes(_variant(src, n))
            out.append(dest)
    return out


def ocr_bench(work: Path, copies: int) -> dict:
    """OCR speed and memory: minutebook with 2 workers (no cache) on a scanned archive."""
    files = build_scanned_archive(work / "scanned", copies)
    figures = _timed_run(work / "scanned", work / "out-ocr", 2, None)
    return {
        "papers": len(files),
        "pages": figures.pages,
        "seconds": round(figures.seconds, 2),
        "pages_per_s_2_workers": round(figures.pages / figures.seconds, 2),
        "peak_worker_rss_mb": round(figures.peak_worker_rss_mb, 1),
    }


def build_archive(folder: Path, papers: int) -> list[Path]:
    """Write ``papers`` distinct files into ``folder`` (cycling the sources); return them."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = _sources()
    out = []
    for i in range(papers):
        src = sources[i % len(sources)]
        copy_no = i // len(sources)
        path = folder / f"{copy_no:04d}-{src.name}"
        path.write_bytes(_variant(src, copy_no))
        out.append(path)
    return out


def _pdf_pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for p in paths:
        pdf = pdfium.PdfDocument(str(p))
        total += len(pdf)
        pdf.close()
    return total


def _child(code: str, paths: list[Path]) -> tuple[float, float]:
    """Run ``code`` over ``paths`` in a fresh interpreter; return (seconds, peak RSS MB)."""
    script = (
        "import sys, time, resource\npaths = sys.argv[1:]\nt = time.perf_counter()\n"
        f"{code}\nprint(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    secs, rss = proc.stdout.split()[-2:]
    return float(secs), float(rss)


BASELINE = """
import pdfplumber
for p in paths:
    with pdfplumber.open(p) as pdf:
        for page in pdf.pages:
            page.extract_text(); page.extract_tables(); page.close()
"""
READER = """
from extractors.formats.pdf import read_pdf
for p in paths:
    read_pdf(p)
"""
UNCLOSED_TAGS = ("<script>", "<tr><td>", "<p ", "<div <a ")


def unclosed_tags_worst_s() -> float:
    """The longest time to read a 600 kB page of one unclosed tag, as HTML and as text (a
    reader that rescanned to the end from every "<" would take hours)."""
    from extractors.formats import read_document

    worst = 0.0
    for junk in UNCLOSED_TAGS:
        page = ("<html><body><h1>Minutes</h1>" + junk * (600_000 // len(junk))).encode()
        for suffix in (".html", ".txt"):
            t = time.perf_counter()
            read_document(Path(f"page{suffix}"), page)
            worst = max(worst, time.perf_counter() - t)
    return worst


CEILING = """
import pypdfium2 as pdfium
for p in paths:
    pdf = pdfium.PdfDocument(p)
    for i in range(len(pdf)):
        page = pdf[i]; tp = page.get_textpage(); tp.get_text_range(); tp.close(); page.close()
    pdf.close()
"""


@dataclass
class _RunFigures:
    """What one minutebook run in a fresh interpreter reports."""

    seconds: float
    pages: int
    papers: int
    cached: int
    peak_worker_rss_mb: float
    main_rss_mb: float
    stage_seconds: dict[str, float]


def child_run(folder: str, out: str, workers: int, cache: str) -> None:
    """Run minutebook once and print its figures as JSON (the bench's child process)."""
    t = time.perf_counter()
    summary = run(
        [Path(folder)],
        Path(out),
        RunOptions(workers=workers, cache_dir=Path(cache) if cache else None, progress=False),
    )
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - t,
                "pages": summary.pages,
                "papers": summary.papers,
                "cached": summary.cached,
                "peak_worker_rss_mb": summary.peak_worker_rss_mb,
                "main_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "stage_seconds": summary.stage_seconds,
            }
        )
    )


def _timed_run(folder: Path, out: Path, workers: int, cache: Path | None) -> _RunFigures:
    """Run minutebook in a fresh interpreter, so every measured run (and the workers it forks)
    starts from the same clean process, not one grown by the runs before it."""
    code = (
        "import sys; from pipeline.evaluation.bench import child_run; "
        "child_run(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(out), str(workers), str(cache or "")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return _RunFigures(**json.loads(proc.stdout.strip().splitlines()[-1]))


def bench(papers: int, work: Path) -> dict:
    """Run every measurement on an archive of ``papers`` files under ``work``; return figures."""
    archive = work / "archive"
    files = build_archive(archive, papers)
    pdfs = [f for f in files if f.suffix == ".pdf"]
    distinct = [f for f in pdfs if f.name.startswith("0000-")]
    print(f"archive: {len(files)} papers ({len(pdfs)} PDF) in {archive}", file=sys.stderr)

    sum1 = _timed_run(archive, work / "out1", 1, None)
    sum2 = _timed_run(archive, work / "out2", 2, None)
    s1, s2, pages = sum1.seconds, sum2.seconds, sum1.pages
    cache = work / "cache"
    first_s = _timed_run(archive, work / "out3", 2, cache).seconds
    again = _timed_run(archive, work / "out3", 2, cache)
    again_s = again.seconds
    assert again.cached == again.papers, "the unchanged re-run did not use the cache"

    small = work / "small"
    small.mkdir()
    for f in files[: max(1, papers // 4)]:
        shutil.copy(f, small / f.name)
    sum_small = _timed_run(small, work / "out4", 1, None)

    base_s, base_rss = _child(BASELINE, distinct)
    base_pages = _pdf_pages(distinct)
    ceil_s, _ = _child(CEILING, pdfs)
    ceil_pages = _pdf_pages(pdfs)

    real = sorted((ROOT / "samples" / "real").glob("*.pdf"))
    reader_s, _ = _child(READER, real)
    reader_pages = _pdf_pages(real)
    hostile = _timed_run(ROOT / "tests" / "fixtures" / "bad", work / "out5", 2, None)
    unclosed_s = unclosed_tags_worst_s()

    ocr = ocr_bench(work, int(os.environ.get("BENCH_OCR_COPIES", "2")))

    stage_total = sum(sum1.stage_seconds.values()) or 1.0
    stage_share: dict[str, float] = {}
    for stage, secs in sum1.stage_seconds.items():
        key = stage.split(":")[0] if stage.startswith("extract") else stage
        stage_share[key] = stage_share.get(key, 0.0) + secs / stage_total
    return {
        "papers": len(files),
        "pages": pages,
        "cores": len(os.sched_getaffinity(0)),
        "pages_per_s": {
            "minutebook_1": round(pages / s1, 1),
            "minutebook_2": round(sum2.pages / s2, 1),
            "baseline_pdfplumber": round(base_pages / base_s, 2),
            "ceiling_pypdfium2": round(ceil_pages / ceil_s, 1),
            "pdf_reader_real_papers": round(reader_pages / reader_s, 1),
            "ocr_scanned_2_workers": ocr["pages_per_s_2_workers"],
        },
        "ocr": ocr,
        "hostile_corpus_s": round(hostile.seconds, 2),
        "unclosed_tags_worst_s": round(unclosed_s, 3),
        "peak_rss_mb": {
            "minutebook_worker": round(sum1.peak_worker_rss_mb, 1),
            "baseline": round(base_rss, 1),
            "minutebook_worker_at_quarter": round(sum_small.peak_worker_rss_mb, 1),
            "minutebook_main": round(sum1.main_rss_mb, 1),
        },
        "rss_growth": round(sum1.peak_worker_rss_mb / max(sum_small.peak_worker_rss_mb, 1e-9), 3),
        "incremental_s_ratio": round(again_s / first_s, 4),
        "stage_share": {k: round(v, 4) for k, v in sorted(stage_share.items())},
        "detail": {
            "minutebook_1_s": round(s1, 2),
            "minutebook_2_s": round(s2, 2),
            "speedup_2_workers": round(s1 / s2, 2),
            "baseline_pages": base_pages,
            "baseline_s": round(base_s, 2),
            "ceiling_pages": ceil_pages,
            "ceiling_s": round(ceil_s, 2),
            "pdf_reader_pages": reader_pages,
            "pdf_reader_s": round(reader_s, 2),
            "hostile_corpus_papers": hostile.papers,
            "first_run_s": round(first_s, 2),
            "unchanged_rerun_s": round(again_s, 2),
            "memory_runs_papers": [len(list(small.iterdir())), len(files)],
        },
    }


def _targets(r: dict) -> list[tuple[str, float, str, bool]]:
    pps = r["pages_per_s"]
    vs_base = pps["minutebook_1"] / pps["baseline_pdfplumber"]
    vs_ceil = pps["minutebook_1"] / pps["ceiling_pypdfium2"]
    two = r["detail"]["speedup_2_workers"]
    return [
        ("minutebook / baseline pages/s", vs_base, ">= 10", vs_base >= 10),
        ("minutebook / ceiling pages/s", vs_ceil, ">= 0.2", vs_ceil >= 0.2),
        ("2 workers / 1 worker", two, ">= 1.6", two >= 1.6),
        (
            "peak worker RSS MB",
            r["peak_rss_mb"]["minutebook_worker"],
            "<= 400",
            r["peak_rss_mb"]["minutebook_worker"] <= 400,
        ),
        ("RSS growth (4x papers)", r["rss_growth"], "<= 1.25", r["rss_growth"] <= 1.25),
        (
            "unchanged re-run / first run",
            r["incremental_s_ratio"],
            "<= 0.05",
            r["incremental_s_ratio"] <= 0.05,
        ),
        # targets that were wall-clock assertions in the tests: the PDF reader alone on one
        # core, the hostile-input corpus run whole, one page of an unclosed tag
        (
            "PDF reader pages/s (real papers)",
            pps["pdf_reader_real_papers"],
            ">= 20",
            pps["pdf_reader_real_papers"] >= 20,
        ),
        ("hostile corpus run s", r["hostile_corpus_s"], "<= 240", r["hostile_corpus_s"] <= 240),
        (
            "unclosed-tag page, worst s",
            r["unclosed_tags_worst_s"],
            "<= 60",
            r["unclosed_tags_worst_s"] <= 60,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    """Build the archive, measure, print the table, write the JSON; 0 when all targets met."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--papers", type=int, default=int(os.environ.get("BENCH_N", "400")))
    p.add_argument("--json", type=Path, default=ROOT / "output" / "bench.json")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    p.add_argument(
        "--ocr-only",
        type=int,
        metavar="COPIES",
        help="measure only OCR, on COPIES copies of the scanned papers; print its figures",
    )
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="minutebook-bench-"))
    if args.ocr_only:
        try:
            print(json.dumps(ocr_bench(work, args.ocr_only), indent=2))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return 0
    try:
        result = bench(args.papers, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"papers {result['papers']}, pages {result['pages']}, cores {result['cores']}")
    for k, v in result["pages_per_s"].items():
        print(f"  pages/s {k:<22} {v:>10}")
    print(f"  stage share: {result['stage_share']}")
    ok = True
    for name, value, target, met in _targets(result):
        ok &= met
        print(f"  {name:<32} {value:>10.3f}  target {target:<7} {'met' if met else 'NOT MET'}")
    print(f"written to {args.json}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
