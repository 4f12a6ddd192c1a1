"""pdfium functions called without ctypes argument checks, for the per-line and per-cell loops.

ctypes converts and checks every argument of a typed call, which is most of the cost of a
pdfium call from Python; the readers call these a few hundred times per page with ints, a
text page handle (``handle``) and ``byref`` values, which ctypes passes as they are. Measured on
the sample papers, reading table cells with typed calls took a quarter longer.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

import pypdfium2.raw as pdfium_c


def unchecked(fn: Callable[..., int], restype: type = ctypes.c_int) -> Callable[..., int]:
    """Return the pdfium function ``fn`` of pypdfium2.raw without argument types, returning
    ``restype``."""
    f = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
    f.restype = restype
    return f


def handle(raw: object) -> ctypes.c_void_p:
    """A pypdfium2 raw handle (a typed pointer) as the plain pointer the unchecked calls take."""
    return ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)


COUNT_RECTS = unchecked(pdfium_c.FPDFText_CountRects)
GET_RECT = unchecked(pdfium_c.FPDFText_GetRect)
CHAR_BOX = unchecked(pdfium_c.FPDFText_GetCharBox)
CHAR_ORIGIN = unchecked(pdfium_c.FPDFText_GetCharOrigin)
IS_GENERATED = unchecked(pdfium_c.FPDFText_IsGenerated)
UNICODE = unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
FONT_SIZE = unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
FONT_WEIGHT = unchecked(pdfium_c.FPDFText_GetFontWeight)
FONT_INFO = unchecked(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)
PAGE_COUNT_OBJECTS = unchecked(pdfium_c.FPDFPage_CountObjects)
PAGE_GET_OBJECT = unchecked(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)
FORM_COUNT_OBJECTS = unchecked(pdfium_c.FPDFFormObj_CountObjects)
FORM_GET_OBJECT = unchecked(pdfium_c.FPDFFormObj_GetObject, ctypes.c_void_p)
OBJECT_TYPE = unchecked(pdfium_c.FPDFPageObj_GetType)
OBJECT_BOUNDS = unchecked(pdfium_c.FPDFPageObj_GetBounds)
OBJECT_MATRIX = unchecked(pdfium_c.FPDFPageObj_GetMatrix)
PATH_COUNT_SEGMENTS = unchecked(pdfium_c.FPDFPath_CountSegments)
PATH_GET_SEGMENT = unchecked(pdfium_c.FPDFPath_GetPathSegment, ctypes.c_void_p)
SEGMENT_POINT = unchecked(pdfium_c.FPDFPathSegment_GetPoint)
SEGMENT_TYPE = unchecked(pdfium_c.FPDFPathSegment_GetType)
SEGMENT_CLOSE = unchecked(pdfium_c.FPDFPathSegment_GetClose)
