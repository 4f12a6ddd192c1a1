"""Letters a PDF font draws but its text layer does not name, recovered from the font program.

A simple TrueType font whose encoding gives a letter a glyph name of no standard meaning
("glyph1197") and whose ToUnicode map has no entry for its code is read by pdfium (and
pdfminer) as the base encoding's character for that code: the bold "N" of "PRESENT" drawn with
code 0x2F reads "PRESE/T". Word and Acrobat subset such fonts keeping the original glyph ids,
and the core fonts (Times New Roman, Arial, ...) number their first glyphs in the standard
Macintosh order, where glyph ids 3 to 97 are the ASCII characters space to tilde. So the glyph
the page draws for the code can be named from the font's own code-to-glyph table.

That reading is used only when the font shows it holds: the font program has at least the 258
glyphs of the standard order, and the widths pdfium gives the letters and digits the text
layer does name agree with the widths of their standard-order glyphs in the font's ``hmtx``
table. Only characters that look out of place (a slash or another rare symbol touching a
letter) are looked at, and each font is judged once per paper, so ordinary pages cost one
regular-expression search.

A ligature the font draws as one glyph ("ti" in Calibri, "fi", "ffl") and the text layer leaves
unnamed is read as the code's base-encoding character, a bracket between letters ("Elec[ons").
Its letters are found by width: the glyph's advance is that of the letters it joins, as the
same font and size draws them elsewhere on the page; the ligature of ``data/pdf_ligatures.csv``
whose letters' widths come closest is taken when it is within 3% and clearly closer than the
next. The text keeps one character per pdfium index until lines are cut, so the ligature is
marked by a private-use character that :func:`expand_ligatures` turns into its letters.
"""

from __future__ import annotations

import ctypes
import functools
import re
import string
import struct

import pypdfium2.raw as pdfium_c

from extractors.datafiles import load_table

# a rare symbol touching a letter: "PRESE/T", "/ext", "D/" (and "and/or", judged and left)
_SUSPECT = re.compile(r"[/\\|#*+=<>@^_~](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
_STANDARD_GLYPHS = 258  # glyphs of the standard Macintosh order
_ASCII_FIRST_GID = 3  # space
_ASCII_LAST_GID = 97  # asciitilde
_ASCII_OFFSET = 29  # gid + 29 = the ASCII code in the standard order
_PROBES = string.ascii_letters + string.digits
_MIN_KNOWN = 10  # letters the text layer names, to judge a font's glyph order by
_MIN_AGREE = 0.9
_NO_CHAR = 0xE000  # a private-use character no simple font maps: its width is the missing width
# a rare symbol between two letters: a ligature glyph the text layer does not name ("Elec[ons")
_LIGATURE_SUSPECT = re.compile(r"[\[\]{}^`~](?<=[^\W\d_].)(?=[^\W\d_])")
_LIGATURE_MARK = 0xE100  # private-use characters standing for ligatures until lines are cut
_LIGATURE_TOLERANCE = 0.03  # the glyph's width within 3% of its letters' widths
_LIGATURE_MARGIN = 1.5  # and the next-closest ligature at least 1.5 times as far off


@functools.cache
def _ligatures() -> tuple[str, ...]:
    return tuple(r["letters"] for r in load_table("pdf_ligatures.csv"))


@functools.cache
def _marks() -> re.Pattern[str]:
    last = chr(_LIGATURE_MARK + len(_ligatures()) - 1)
    return re.compile(f"[{chr(_LIGATURE_MARK)}-{last}]")


def has_ligature_marks(text: str) -> bool:
    """Whether ``text`` holds a ligature mark left by :meth:`GlyphRepair.fix`."""
    return _marks().search(text) is not None


def expand_ligatures(text: str) -> str:
    """``text`` with each ligature mark left by :meth:`GlyphRepair.fix` replaced by its
    letters."""
    if not _marks().search(text):
        return text
    return _marks().sub(lambda m: _ligatures()[ord(m.group()) - _LIGATURE_MARK], text)


def _font_key(textpage, i: int) -> tuple[int, float] | None:
    obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
    font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
    if not font:
        return None
    size = round(pdfium_c.FPDFText_GetFontSize(textpage, i), 1)
    return ctypes.cast(font, ctypes.c_void_p).value or 0, size


def _advance(textpage, i: int) -> float:
    box = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(box)):
        return -1.0
    return box.right - box.left


def _letter_widths(textpage, text: str) -> dict[tuple[int, float], dict[str, float]]:
    """The advance of each lower-case letter the page draws on its own, by font and size
    (letters pdfium splits out of a named ligature share its box and are left out)."""
    out: dict[tuple[int, float], dict[str, float]] = {}
    for i, ch in enumerate(text):
        if not ("a" <= ch <= "z") or ch in out.get(_font_key(textpage, i) or (0, 0.0), {}):
            continue
        key = _font_key(textpage, i)
        if key is None:
            continue
        if pdfium_c.FPDFText_GetUnicode(textpage, i) != ord(ch):
            continue
        width = _advance(textpage, i)
        nxt = _advance(textpage, i + 1) if i + 1 < len(text) else -1.0
        prev = _advance(textpage, i - 1) if i else -1.0
        if width > 0 and width not in (nxt, prev):  # not one of a ligature's shared boxes
            out.setdefault(key, {})[ch] = width
    return out


def _ligature(width: float, letters: dict[str, float]) -> str | None:
    """The ligature whose letters are as wide as ``width`` (see the module docstring)."""
    misses = []
    for lig in _ligatures():
        if all(c in letters for c in lig):
            misses.append((abs(sum(letters[c] for c in lig) - width) / width, lig))
    misses.sort()
    if not misses or misses[0][0] > _LIGATURE_TOLERANCE:
        return None
    if len(misses) > 1 and misses[1][0] < _LIGATURE_MARGIN * misses[0][0]:
        return None
    return misses[0][1]


def _tables(data: bytes) -> dict[bytes, bytes]:
    """The tables of a TrueType font program by tag ({} when it is not one)."""
    if len(data) < 12 or data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return {}
    (count,) = struct.unpack_from(">H", data, 4)
    out = {}
    for k in range(count):
        tag, _, off, length = struct.unpack_from(">4sIII", data, 12 + 16 * k)
        out[tag] = data[off : off + length]
    return out


def _cmap_format4(sub: bytes, code: int) -> int:
    seg2 = struct.unpack_from(">H", sub, 6)[0]
    segs = seg2 // 2
    ends = struct.unpack_from(f">{segs}H", sub, 14)
    starts = struct.unpack_from(f">{segs}H", sub, 16 + seg2)
    deltas = struct.unpack_from(f">{segs}h", sub, 16 + 2 * seg2)
    ranges_at = 16 + 3 * seg2
    ranges = struct.unpack_from(f">{segs}H", sub, ranges_at)
    for s in range(segs):
        if starts[s] <= code <= ends[s]:
            if ranges[s] == 0:
                return (code + deltas[s]) & 0xFFFF
            at = ranges_at + 2 * s + ranges[s] + 2 * (code - starts[s])
            gid = struct.unpack_from(">H", sub, at)[0]
            return (gid + deltas[s]) & 0xFFFF if gid else 0
    return 0


def _symbol_cmap(cmap: bytes):
    """A function from a one-byte code to its glyph id, from the font's symbol (3,0) or Mac
    Roman (1,0) subtable, or None when it has neither."""
    found = {}
    (count,) = struct.unpack_from(">H", cmap, 2)
    for k in range(count):
        pid, eid, off = struct.unpack_from(">HHI", cmap, 4 + 8 * k)
        fmt = struct.unpack_from(">H", cmap, off)[0]
        found[(pid, eid, fmt)] = cmap[off:]
    if (3, 0, 4) in found:
        sub = found[(3, 0, 4)]
        return lambda code: _cmap_format4(sub, 0xF000 + code) or _cmap_format4(sub, code)
    if (1, 0, 0) in found:
        sub = found[(1, 0, 0)]
        return lambda code: sub[6 + code] if 0 <= code < 256 else 0
    return None


class _Widths:
    """Advance widths per glyph id, in thousandths of the em."""

    def __init__(self, tables: dict[bytes, bytes]) -> None:
        self.upem = struct.unpack_from(">H", tables[b"head"], 18)[0] or 1000
        self.n = struct.unpack_from(">H", tables[b"hhea"], 34)[0]
        self.hmtx = tables[b"hmtx"]

    def __call__(self, gid: int) -> float:
        g = min(gid, self.n - 1)
        return struct.unpack_from(">H", self.hmtx, 4 * g)[0] * 1000 / self.upem


def _font_data(font) -> bytes:
    size = ctypes.c_size_t()
    if not pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size)) or not size.value:
        return b""
    buf = (ctypes.c_ubyte * size.value)()
    if not pdfium_c.FPDFFont_GetFontData(font, buf, size.value, ctypes.byref(size)):
        return b""
    return bytes(buf)


def _pdf_width(font, char: int) -> float:
    width = ctypes.c_float()
    if not pdfium_c.FPDFFont_GetGlyphWidth(font, char, ctypes.c_float(1000.0), ctypes.byref(width)):
        return -1.0
    return width.value


def _standard_order(font, tables: dict[bytes, bytes]) -> bool:
    """Whether the font numbers its glyphs in the standard order: the widths pdfium gives the
    letters and digits its text layer names are those of their standard-order glyphs."""
    widths = _Widths(tables)
    missing = _pdf_width(font, _NO_CHAR)
    known = agree = 0
    for ch in _PROBES:
        pdf_w = _pdf_width(font, ord(ch))
        font_w = widths(ord(ch) - _ASCII_OFFSET)
        if abs(pdf_w - font_w) < 1.0:
            known += 1
            agree += 1
        elif pdf_w >= 0 and pdf_w != missing:
            known += 1
    return known >= _MIN_KNOWN and agree >= _MIN_AGREE * known


def _drawn_chars(font) -> dict[int, str]:
    """Code -> the ASCII letter or digit the font draws for it, for a font in the standard order
    ({} when the font is not one or does not show it)."""
    tables = _tables(_font_data(font))
    needed = (b"cmap", b"hmtx", b"hhea", b"head", b"maxp")
    if not all(t in tables for t in needed):
        return {}
    try:
        if struct.unpack_from(">H", tables[b"maxp"], 4)[0] < _STANDARD_GLYPHS:
            return {}
        glyph = _symbol_cmap(tables[b"cmap"])
        if glyph is None or not _standard_order(font, tables):
            return {}
        out = {}
        for code in range(0x20, 0x7F):
            gid = glyph(code)
            if _ASCII_FIRST_GID <= gid <= _ASCII_LAST_GID:
                out[code] = chr(gid + _ASCII_OFFSET)
        return out
    except struct.error:  # a damaged table: read the text as pdfium gives it
        return {}


class GlyphRepair:
    """Recovers, for one paper, letters its text layer reads as the wrong symbol (see the
    module docstring). Fonts are judged once each."""

    def __init__(self) -> None:
        self._fonts: dict[int, dict[int, str]] = {}

    def fix(self, textpage, text: str) -> str:
        """``text`` (the whole text of pdfium ``textpage``, one character per index) with each
        out-of-place symbol replaced by the letter its font draws, when the font shows it."""
        text = self._fix_ligatures(textpage, text)
        if not _SUSPECT.search(text):
            return text
        chars = None
        for m in _SUSPECT.finditer(text):
            i = m.start()
            obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
            font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
            if not font:
                continue
            key = ctypes.cast(font, ctypes.c_void_p).value or 0
            if key not in self._fonts:
                self._fonts[key] = _drawn_chars(font)
            drawn = self._fonts[key].get(ord(text[i]))
            if drawn and drawn != text[i] and drawn.isalnum():
                chars = chars or list(text)
                chars[i] = drawn
        return "".join(chars) if chars else text

    def _fix_ligatures(self, textpage, text: str) -> str:
        """``text`` with each unnamed ligature glyph marked (see the module docstring)."""
        if not _LIGATURE_SUSPECT.search(text):
            return text
        widths = _letter_widths(textpage, text)
        chars = list(text)
        for m in _LIGATURE_SUSPECT.finditer(text):
            i = m.start()
            key = _font_key(textpage, i)
            width = _advance(textpage, i)
            if key is None or width <= 0 or key not in widths:
                continue
            lig = _ligature(width, widths[key])
            if lig is not None:
                chars[i] = chr(_LIGATURE_MARK + _ligatures().index(lig))
        return "".join(chars)
