"""``minutebook report``: the page made from Kent's real papers (samples/real), checked against
the papers themselves and opened in a real headless browser (Debian's Chromium, installed here
when missing)."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote

import duckdb
import pypdfium2 as pdfium
import pytest

from pipeline import outdir
from pipeline.cli import main
from pipeline.report import ReportError, build_report
from pipeline.report.page import MAX_ROWS
from pipeline.run import RunOptions, run
from tests.conftest import SAMPLES

REAL = SAMPLES / "real"
CHARTS = ("papers", "findings", "years", "funders", "recipients", "timeline", "decisions")


@pytest.fixture(scope="module")
def real_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dataset of samples/real (given by absolute path, so the papers' paths resolve)."""
    out = tmp_path_factory.mktemp("report") / "out"
    run([REAL.resolve()], out, RunOptions(workers=2, cache_dir=None, progress=False))
    return out


@pytest.fixture(scope="module")
def report(real_run: Path) -> Path:
    """The report of samples/real, written where it goes by default: OUT/report.html."""
    path = build_report(real_run)
    assert path == real_run / "report.html"
    return path


@pytest.fixture(scope="module")
def page(report: Path) -> str:
    return report.read_text(encoding="utf-8")


def _install_chromium() -> None:
    """apt-get install chromium, waiting out another install holding the dpkg lock."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    last = ""
    for _ in range(10):
        update = subprocess.run(["apt-get", "update", "-qq"], capture_output=True, text=True)
        done = subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium"], capture_output=True, text=True, env=env
        )
        if done.returncode == 0:
            return
        last = (update.stderr + done.stderr)[-800:]
        if "lock" not in last.lower():
            break
        time.sleep(30)
    pytest.fail(f"could not install Debian's chromium with apt-get: {last}")


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of Debian's Chromium, installed with apt-get when missing (the test machines
    are Debian, as root); a test that needs it fails, never skips, when it cannot be had."""
    found = shutil.which("chromium")
    if found is None:
        if shutil.which("apt-get") is None or os.geteuid() != 0:
            pytest.fail("the report tests need Debian's chromium: apt-get install chromium")
        _install_chromium()
        found = shutil.which("chromium")
    if found is None:
        pytest.fail("apt-get installed chromium, but there is no chromium on PATH")
    return found


def _browse(chromium: str, url: str, tmp: Path, *flags: str) -> str:
    """Run headless Chromium on ``url`` (JavaScript given 10 s of virtual time); its stdout."""
    cmd = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'chromium-profile'}",
        "--virtual-time-budget=10000",
        *flags,
        url,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _chart_blocks(dom: str) -> dict[str, str]:
    """Each chart container's HTML (up to the next chart or the end), by chart name."""
    starts = [
        (m.start(), m.group(1))
        for m in re.finditer(r'<div class="chart[^"]*" id="chart-(\w+)"', dom)
    ]
    return {
        name: dom[pos : starts[i + 1][0] if i + 1 < len(starts) else dom.index("</section>", pos)]
        for i, (pos, name) in enumerate(starts)
    }


def test_charts_render_in_headless_chromium(
    report: Path, chromium: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp = tmp_path_factory.mktemp("browser")
    dom = _browse(chromium, report.resolve().as_uri(), tmp, "--dump-dom")
    blocks = _chart_blocks(dom)
    assert set(blocks) == set(CHARTS)
    for name, block in blocks.items():
        head = block[: block.index(">") + 1]
        assert 'data-rendered="yes"' in head, (name, head)
        assert "<svg" in block and "could not be drawn" not in block, name
        marks = re.findall(r'role="graphics-symbol" aria-roledescription="(bar|point)"', block)
        assert marks, f"chart {name} drew no bars or points"
    # the bars of the year chart are the years of the dataset, each labelled with its link
    years = re.findall(r'aria-label="financial year: ([^;"]+);[^"]*href: #(funding-[\w-]+)"', dom)
    assert ("2025/26", "funding-2025-26") in years
    shot = tmp / "report-samples-real.png"
    _browse(
        chromium, report.resolve().as_uri(), tmp, f"--screenshot={shot}", "--window-size=1400,3000"
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1400, 3000)
    print(f"\nscreenshot of the samples/real report: {shot}")


def test_clicking_a_figure_goes_to_its_rows(
    report: Path, page: str, chromium: str, tmp_path: Path
) -> None:
    """In the browser, a click on the first bar or point of each chart moves to the section
    listing that figure's rows (a copy of the page with a script that clicks)."""
    clicker = """<script>
const MB_CLICKED = {};
function mbClick(names) {
  if (!names.length) { document.body.dataset.clicked = JSON.stringify(MB_CLICKED); return; }
  const el = document.querySelector("#chart-" + names[0] + ' [aria-label*="href: #"]');
  if (!el) { setTimeout(() => mbClick(names), 100); return; }
  location.hash = "";
  el.dispatchEvent(new MouseEvent("click", {bubbles: true, view: window}));
  setTimeout(() => { MB_CLICKED[names[0]] = location.hash; mbClick(names.slice(1)); }, 300);
}
setTimeout(() => mbClick(MB_NAMES), 100);
</script>""".replace("MB_NAMES", json.dumps(list(CHARTS)))
    end = page.rindex("</body>")
    copy = report.parent / "clicks.html"  # beside the report, so paper links resolve alike
    copy.write_text(page[:end] + clicker + page[end:], encoding="utf-8")
    try:
        dom = _browse(chromium, copy.resolve().as_uri(), tmp_path, "--dump-dom")
    finally:
        copy.unlink()
    found = re.search(r"<body[^>]*data-clicked=\"([^\"]*)\"", dom)
    assert found, "the clicks did not finish"
    clicked = json.loads(html.unescape(found.group(1)))
    ids = set(re.findall(r'id="([^"]+)"', page))
    for name in CHARTS:
        target = clicked.get(name, "")
        assert target.startswith("#") and target[1:] in ids, (name, target)


def test_page_needs_no_network_and_is_marked_as_minutebook_s(page: str) -> None:
    assert outdir.REPORT_PAGE_MARKER in page[:1024]
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    assert len(page) < 4_000_000


def test_every_figure_links_to_a_section_of_its_rows(page: str) -> None:
    ids = re.findall(r'id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "anchors are unique"
    targets = set(re.findall(r'href="#([^"]+)"', page))
    charts = re.search(r"const MINUTEBOOK_CHARTS = (.*);\n", page).group(1)
    assert set(json.loads(charts)) == set(CHARTS)
    in_charts = set(re.findall(r'"href": "#([^"]+)"', charts))
    assert len(in_charts) > 40
    targets |= in_charts
    assert targets - set(ids) == set()
    for year in ("2024-25", "2025-26", "2026-27", "2034-35"):
        assert f"funding-{year}" in targets


def _section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    nxt = re.compile(r"<h[23][ >]").search(page, start + 1)
    return page[start : nxt.start() if nxt else len(page)]


def _amount(text: str) -> Decimal:
    return Decimal(text.replace("£", "").replace(",", ""))


def test_funding_by_year_is_the_awards_view_of_the_dataset(real_run: Path, page: str) -> None:
    """The year figures are the sums of the ``awards`` view the run wrote into its DuckDB file
    (money named in several papers counted once), and each year's section lists its awards,
    with a note for those past the cap."""
    con = duckdb.connect(str(real_run / "minutebook.duckdb"), read_only=True)
    try:
        expected = dict(
            con.execute(
                "SELECT coalesce(financial_year, 'no year'), sum(amount_gbp) FROM awards GROUP BY 1"
            ).fetchall()
        )
        counts = dict(
            con.execute(
                "SELECT coalesce(financial_year, 'no year'), count(*) FROM awards GROUP BY 1"
            ).fetchall()
        )
    finally:
        con.close()
    summary = re.findall(
        r'<td><a href="#(funding-[\w-]+)">([^<]+)</a></td><td class="num"><a [^>]*>(\d+)</a></td>'
        r'<td class="num"><a [^>]*>([^<]+)</a></td>',
        page,
    )
    shown = {label: (anchor, int(n), _amount(amount)) for anchor, label, n, amount in summary}
    assert {k: v[2] for k, v in shown.items()} == expected
    assert {k: v[1] for k, v in shown.items()} == counts
    for _label, (anchor, n, total) in shown.items():
        section = _section(page, anchor)
        amounts = [_amount(a) for a in re.findall(r'<td class="num">(-?£[\d,.]+)</td>', section)]
        assert len(amounts) == min(n, MAX_ROWS)
        if n > MAX_ROWS:
            assert f"{n - MAX_ROWS} more awards not shown here" in section
        else:
            assert sum(amounts) == total


def test_a_resolved_budget_links_to_its_page_and_words(report: Path, page: str) -> None:
    """Kent's budget meeting of 13 February 2025 resolved a net revenue budget requirement of
    £1,530.9m for 2025-26 (its minutes, page 13): the 2025/26 rows say so, with the link."""
    section = _section(page, "funding-2025-26")
    row = next(r for r in section.split("<tr>") if "The net revenue budget requirement" in r)
    assert "£1,530,900,000" in row
    assert "(c) The net revenue budget requirement of £1,530.9m for 2025-26." in html.unescape(row)
    assert "kent-county-council-budget-minutes-2025-02-13.pdf#page=13" in row


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_quote_is_on_the_page_it_links_to(report: Path, page: str) -> None:
    """Each row's paper link opens an existing paper at the page whose text holds the quote
    (every cell of a table row; the first 60 characters of a passage, which may run on to the
    next page)."""
    cited = re.findall(
        r'<div class="where"><a href="([^"]+)">[^<]*</a>, page (\d+)</div><blockquote>(.*?)'
        r"</blockquote>",
        page,
    )
    assert len(cited) > 300
    texts: dict[tuple[Path, int], str] = {}
    for href, number, quote in cited:
        target, _, fragment = href.partition("#")
        assert fragment == f"page={number}"
        path = (report.parent / unquote(target)).resolve()
        assert path.is_file() and path.parent == REAL.resolve(), href
        key = (path, int(number))
        if key not in texts:  # the page, and the next one for a passage that runs over
            doc = pdfium.PdfDocument(path)
            pages = range(int(number) - 1, min(int(number) + 1, len(doc)))
            texts[key] = _fold(" ".join(doc[i].get_textpage().get_text_range() for i in pages))
            doc.close()
        for piece in html.unescape(quote).split(" | "):
            if re.fullmatch(r"\d{4}/\d{2}", piece):
                continue  # a budget table's year column, written as a financial year
            assert _fold(piece)[:60] in texts[key], (href, piece)


def test_meetings_list_their_decisions(page: str) -> None:
    """Kent County Council's budget meeting of 13 February 2025: its agenda and minutes are
    one meeting, and its resolutions are listed under it."""
    section = _section(page, "meeting-2025-02-13-kent-county-council")
    assert "kent-county-council-budget-agenda-2025-02-13.pdf" in section
    assert "kent-county-council-budget-minutes-2025-02-13.pdf" in section
    assert "The net revenue budget requirement of £1,530.9m" in html.unescape(section)


# --- where the page may be written ----------------------------------------------------------


@pytest.fixture
def small_run(tmp_path: Path) -> Path:
    """A dataset of one sample paper."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / "000_1c07758f42038aae.txt", src)
    out = tmp_path / "out"
    run([src], out, RunOptions(workers=1, cache_dir=None, progress=False))
    return out


def test_report_beside_the_dataset_goes_with_it(small_run: Path) -> None:
    """report.html in the dataset is minutebook's: written again by the next report, not a
    foreign file to the next run, and removed with the dataset it was made from."""
    assert main(["report", str(small_run)]) == 0
    page = small_run / "report.html"
    first = page.stat().st_mtime_ns
    assert main(["report", str(small_run)]) == 0
    assert page.stat().st_mtime_ns >= first
    assert outdir.foreign_files(small_run) == []
    src = small_run.parent / "in"
    (src / "more.txt").write_text("MINUTES of the meeting held on 1 May 2024\n", encoding="utf-8")
    run([src], small_run, RunOptions(workers=1, cache_dir=None, progress=False))
    assert not page.exists()


def test_a_report_html_of_the_user_s_is_never_replaced(small_run: Path, capsys) -> None:
    mine = small_run / "report.html"
    mine.write_text("<html>my notes</html>", encoding="utf-8")
    assert main(["report", str(small_run)]) == 2
    assert "minutebook did not write it" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "<html>my notes</html>"
    assert outdir.foreign_files(small_run) == ["report.html"]
    with pytest.raises(outdir.OutputRefused):
        outdir.check_output(small_run, [])


def test_file_option(small_run: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "pages" / "kent.html"
    elsewhere.parent.mkdir()
    assert build_report(small_run, elsewhere) == elsewhere
    assert outdir.is_own_report_page(elsewhere)
    assert build_report(small_run, elsewhere) == elsewhere  # its own: replaced
    foreign = tmp_path / "pages" / "index.html"
    foreign.write_text("<p>mine</p>", encoding="utf-8")
    with pytest.raises(ReportError, match="did not write"):
        build_report(small_run, foreign)
    assert foreign.read_text(encoding="utf-8") == "<p>mine</p>"
    with pytest.raises(ReportError, match="only be written as report.html"):
        build_report(small_run, small_run / "summary.html")
    assert not (small_run / "summary.html").exists()
    link = tmp_path / "pages" / "link.html"
    link.symlink_to(elsewhere)
    with pytest.raises(ReportError, match="did not write"):
        build_report(small_run, link)


def test_not_a_dataset(tmp_path: Path, capsys) -> None:
    assert main(["report", str(tmp_path)]) == 2
    assert "not a minutebook dataset" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_missing_extra_says_how_to_install_it(small_run: Path, monkeypatch) -> None:
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "vl_convert" else real_find_spec(name, *a),
    )
    with pytest.raises(ReportError, match=r"pip install 'minutebook\[report\]'"):
        build_report(small_run)
    assert not (small_run / "report.html").exists()


def test_ranked_figures_stop_at_the_largest_and_count_the_others(real_run: Path, page: str) -> None:
    """Kent's papers fund over a hundred recipients: the table shows the 25 largest, each with
    its section, and one line counts the rest, so the awards still add up to the run's."""
    con = duckdb.connect(str(real_run / "minutebook.duckdb"), read_only=True)
    try:
        (awards,) = con.execute("SELECT count(*) FROM awards").fetchone()
    finally:
        con.close()
    table = page[page.index('id="funding-by-recipient"') :]
    table = table[table.index('<table class="summary">') : table.index("</table>")]
    listed = re.findall(r'<a href="#(recipient-[\w-]+)">(\d+)</a>', table)
    assert len(listed) == 25
    assert all(f'id="{anchor}"' in page for anchor, _ in listed)
    more = re.search(r"and (\d+) more, not drawn or listed one by one: (\d+) awards", table)
    assert more and int(more.group(1)) > 100
    assert sum(int(n) for _, n in listed) + int(more.group(2)) == awards
