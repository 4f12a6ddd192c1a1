"""DOCX reader: python-docx, walking the body XML so paragraphs and tables keep their order.

Paragraph styles give the block kind: ``Title`` is a heading of level 0 (above ``Heading 1``,
which is level 1), ``Heading N`` is level N, list styles or numbering make list items (level
1 = top). Tables are read straight from ``w:tr``/``w:tc`` (``gridSpan`` and ``vMerge``
honoured: a merged cell's text appears once, the cells it covers are empty strings). Pages
are counted from explicit page breaks, ``pageBreakBefore`` and new-page section breaks; when
Word left ``w:lastRenderedPageBreak`` marks, those are used instead (they record every page
Word laid out). Each section's header and footer text is put on its pages.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from schemas.document import Block, Document, DocumentMeta, Page, ReaderError, Table

_P, _TBL, _SDT, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:tr"), qn("w:tc")
_LEAD_WORDS = 8  # a bold run-in heading is a few words
_HEADING = re.compile(r"heading\s*(\d)", re.I)
_LIST_STYLE = re.compile(r"^list (?:bullet|number|continue)(?:\s+(\d))?", re.I)
_VAL = qn("w:val")


def read_docx(path: Path, data: bytes | None = None) -> Document:
    """Read the Word document at ``path`` (or its bytes ``data``, when given) into a Document.

    Raises ReaderError when the file is not a readable .docx (not a zip, a zip without
    ``word/document.xml``, damaged XML).
    """
    _check_zip(io.BytesIO(data) if data is not None else path)
    try:
        d = docx.Document(io.BytesIO(data) if data is not None else str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise ReaderError(
            "not a valid Word document (.docx): the file is not a Word zip package"
        ) from exc
    except Exception as exc:  # lxml and python-docx raise many types for damaged parts
        raise ReaderError(f"Word document is damaged and cannot be read ({exc})") from exc
    return _Walker(d).run()


_MAX_UNZIPPED = 256 * 1024 * 1024  # a real paper is a few MB of XML


def _check_zip(path: Path | io.BytesIO) -> None:
    """Refuse a zip that is not a Word package or that would unzip to an absurd size."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise ReaderError(
            "not a valid Word document (.docx): the file is not a Word zip package"
        ) from exc
    if not any(i.filename == "word/document.xml" for i in infos):
        raise ReaderError("file is a zip archive but not a Word document (no word/document.xml)")
    total = sum(i.file_size for i in infos)
    if total > _MAX_UNZIPPED:
        raise ReaderError(
            f"Word document unzips to {total // 2**20} MB: refused as a likely zip bomb"
        )


class _Walker:
    def __init__(self, d) -> None:
        self.d = d
        body = d.element.body
        self.rendered = bool(body.findall(".//" + qn("w:lastRenderedPageBreak")))
        self.page = 1
        self.section = 0
        self.items: dict[int, list] = {1: []}
        self.page_section: dict[int, int] = {1: 0}
        self.style_bold: dict[str, bool] = {}
        # python-docx resolves a paragraph's style by scanning all styles each time: index once
        self.styles = {st.style_id: st for st in d.styles}
        self.default_style = d.styles.default(WD_STYLE_TYPE.PARAGRAPH)

    def run(self) -> Document:
        self._walk(self.d.element.body)
        sections = list(self.d.sections)
        pages = []
        for n in range(1, self.page + 1):
            sec = (
                sections[min(self.page_section.get(n, 0), len(sections) - 1)] if sections else None
            )
            header = _part_lines(sec.header) if sec is not None else []
            footer = _part_lines(sec.footer) if sec is not None else []
            pages.append(Page(n, self.items.get(n, []), None, header, footer))
        title = (self.d.core_properties.title or "").strip() or None
        return Document(
            pages,
            DocumentMeta(title=title, page_count=self.page, has_text_layer=True, format="docx"),
        )

    def _new_page(self) -> None:
        self.page += 1
        self.items.setdefault(self.page, [])
        self.page_section[self.page] = self.section

    def _walk(self, parent) -> None:
        for el in parent.iterchildren():
            if el.tag == _P:
                self._paragraph(el)
            elif el.tag == _TBL:
                if self._breaks(el)[0] and self.items[self.page]:
                    self._new_page()
                rows, header_rows = table_rows(el)
                if rows:
                    self.items[self.page].append(Table(rows, self.page, header_rows=header_rows))
            elif el.tag == _SDT:
                content = el.find(qn("w:sdtContent"))
                if content is not None:
                    self._walk(content)

    def _breaks(self, el) -> tuple[bool, bool]:
        """(page break before any text of ``el``, page break after some of its text)."""
        before = after = False
        if not self.rendered:
            ppr = el.find(qn("w:pPr"))
            before = ppr is not None and _on(ppr.find(qn("w:pageBreakBefore")))
        seen_text = False
        for node in el.iter(qn("w:br"), qn("w:lastRenderedPageBreak"), qn("w:t")):
            if node.tag == qn("w:t"):
                seen_text = seen_text or bool(node.text and node.text.strip())
                continue
            is_break = (
                (node.tag == qn("w:lastRenderedPageBreak"))
                if self.rendered
                else (node.tag == qn("w:br") and node.get(qn("w:type")) == "page")
            )
            if is_break:
                if seen_text:
                    after = True
                else:
                    before = True
        return before, after

    def _paragraph(self, p) -> None:
        before, after = self._breaks(p)
        if before and self.items[self.page]:
            self._new_page()
        runs = _runs(p)
        text = "".join(t for t, _ in runs).replace("\u00ad", "").strip()
        if text:
            self.items[self.page].append(self._block(runs, p, text))
        sect = p.find(qn("w:pPr") + "/" + qn("w:sectPr"))
        if sect is not None:
            self.section += 1
            kind = sect.find(qn("w:type"))
            if kind is None or kind.get(_VAL) != "continuous":
                after = after or not self.rendered
        if after:
            self._new_page()

    def _block(self, runs: list[tuple[str, bool | None]], p, text: str) -> Block:
        ps = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        style_obj = self.styles.get(ps.get(_VAL)) if ps is not None else None
        style_obj = style_obj or self.default_style
        style = (style_obj.name or "") if style_obj is not None else ""
        bold = self._bold(runs, style_obj)
        m = _HEADING.match(style)
        if style.lower() == "title":
            return Block("heading", text, self.page, 0, bold)
        if m:
            return Block("heading", text, self.page, int(m.group(1)), bold)
        numpr = p.find(qn("w:pPr") + "/" + qn("w:numPr"))
        lm = _LIST_STYLE.match(style)
        if lm or numpr is not None:
            level = int(lm.group(1) or 1) if lm else 1
            if numpr is not None:
                ilvl = numpr.find(qn("w:ilvl"))
                if ilvl is not None and ilvl.get(_VAL, "").isdigit():
                    level = int(ilvl.get(_VAL)) + 1
            bulleted = bool(lm) and lm.group(0).lower().startswith("list bullet")
            return Block("list_item", text, self.page, level, bold, bulleted)
        return Block("paragraph", text, self.page, 0, bold, lead=self._bold_lead(runs, style_obj))

    def _bold_lead(self, runs: list[tuple[str, bool | None]], style) -> str:
        """The bold words a paragraph opens with when the rest is not bold ("Flooding:  Councillors
        discussed ...", a run-in heading), or ""."""
        default = self._style_bold(style)
        lead: list[str] = []
        for text, b in runs:
            if not text.strip():
                lead.append(text)
                continue
            if not (b if b is not None else default):
                break
            lead.append(text)
        else:
            return ""  # all bold: the block itself is bold
        words = "".join(lead).strip()
        return words if 0 < len(words.split()) <= _LEAD_WORDS else ""

    def _bold(self, runs: list[tuple[str, bool | None]], style) -> bool:
        marks = [b for t, b in runs if t.strip()]
        if not marks:
            return False
        default = self._style_bold(style)
        return all(b if b is not None else default for b in marks)

    def _style_bold(self, style) -> bool:
        name = style.name if style is not None else ""
        if name not in self.style_bold:
            value = None
            s = style
            while s is not None and value is None:
                value = s.font.bold
                s = s.base_style
            self.style_bold[name] = bool(value)
        return self.style_bold[name]


def _on(el) -> bool:
    return el is not None and el.get(_VAL, "true") not in ("0", "false", "off")


def _part_lines(part) -> list[str]:
    """Static text lines of a header or footer part (fields such as PAGE are left out)."""
    try:
        paras = part.paragraphs
    except Exception:
        return []
    lines = [" ".join(p.text.split()) for p in paras]
    for tbl in part.tables:
        for row in tbl.rows:
            lines.extend(" ".join(c.text.split()) for c in row.cells)
    return [ln for ln in lines if ln]


_R, _T, _TAB, _BR, _CR, _RPR, _B = (
    qn("w:r"),
    qn("w:t"),
    qn("w:tab"),
    qn("w:br"),
    qn("w:cr"),
    qn("w:rPr"),
    qn("w:b"),
)
_RUN_TEXT = {_T: None, _TAB: "\t", _BR: "\n", _CR: "\n"}


def _runs(p) -> list[tuple[str, bool | None]]:
    """(text, bold) of each run of a paragraph, hyperlinks and fields included; bold is None
    when the run does not say (the style decides)."""
    out = []
    for r in p.iter(_R):
        parts = []
        for child in r:
            if child.tag in _RUN_TEXT:
                parts.append(child.text or "" if child.tag == _T else _RUN_TEXT[child.tag])
        if not parts:
            continue
        bold = None
        rpr = r.find(_RPR)
        if rpr is not None:
            b = rpr.find(_B)
            if b is not None:
                bold = _on(b)
        out.append(("".join(parts), bold))
    return out


def _cell_text(tc) -> str:
    paras = ["".join(t for t, _ in _runs(p)).strip() for p in tc.iter(_P)]
    return "\n".join(p for p in paras if p)


def table_rows(tbl) -> tuple[list[list[str]], int]:
    """Return (rows of cell text, number of header rows) of a ``w:tbl`` element.

    Rows are as wide as the table grid; a cell spanning columns (``gridSpan``) or continuing a
    vertical merge (``vMerge``) leaves the covered positions empty.
    """
    grid = tbl.find(qn("w:tblGrid"))
    width = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    rows: list[list[str]] = []
    header_rows = 0
    counting_header = True
    for tr in tbl.iterchildren(_TR):
        trpr = tr.find(qn("w:trPr"))
        before = 0
        if trpr is not None:
            gb = trpr.find(qn("w:gridBefore"))
            before = int(gb.get(_VAL, "0")) if gb is not None else 0
        row: list[str] = [""] * before
        for tc in tr.iter(_TC):
            if tc.getparent() is not tr and tc.getparent().tag != qn("w:sdtContent"):
                continue  # a cell of a nested table
            tcpr = tc.find(qn("w:tcPr"))
            span, merged = 1, False
            if tcpr is not None:
                gs = tcpr.find(qn("w:gridSpan"))
                if gs is not None and gs.get(_VAL, "1").isdigit():
                    span = int(gs.get(_VAL))
                vm = tcpr.find(qn("w:vMerge"))
                merged = vm is not None and vm.get(_VAL, "continue") == "continue"
            row.append("" if merged else _cell_text(tc))
            row.extend([""] * (span - 1))
        if width and len(row) < width:
            row.extend([""] * (width - len(row)))
        is_header = trpr is not None and _on(trpr.find(qn("w:tblHeader")))
        if counting_header and is_header:
            header_rows += 1
        else:
            counting_header = False
        rows.append(row)
    return rows, header_rows
