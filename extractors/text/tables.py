"""Table cells read as text, shared by the funding and spend-plan extractors.

``clean_cell`` folds a cell's text (one paragraph a line); ``form_pairs`` reads the "label |
amount" cell pairs of two-column lists and form blocks. Both extractors read the same cells,
so ``clean_cell`` keeps its answers for the paper (``extractors.memo``).
"""

from __future__ import annotations

from extractors.memo import document_memo, paper_memo
from extractors.text import funding_text as ft
from extractors.values import money
from schemas.document import Table


@paper_memo()  # every extractor reading a table cleans its cells
def clean_cell(text: str | None) -> str:
    """Return a cell's text folded, one paragraph a line (readers have removed any markup)."""
    lines = [ft.fold(ln) for ln in (text or "").split("\n")]
    return "\n".join(ln for ln in lines if ln)


@paper_memo()
def pure_amount(cell: str) -> ft.Mention | None:
    """The amount a cell holds when the cell is nothing but an amount."""
    text = ft.fold(cell)
    if not text or money.parse_money(text) is None:
        return None
    found = ft.money_mentions(text)
    return found[0] if found else None


@document_memo  # the funding and spend-plan extractors both read a table's pairs
def form_pairs(table: Table) -> list[tuple[str, ft.Mention, int]]:
    """Return (label, amount, row index) for each "label | amount" cell pair of a table.

    Covers two-column lists ("DV Co-ordinator (with TVP) | £25,000") and form blocks
    ("CSF Grant Allocation: | £261,694"). A label is a text cell holding no amount.
    """
    out = []
    for r, row in enumerate(table.rows):
        cells = [clean_cell(c) for c in row]
        for i in range(len(cells) - 1):
            label = ft.fold(cells[i])
            if not label or ft.money_mentions(label):
                continue
            mention = pure_amount(cells[i + 1])
            if mention is not None:
                out.append((label.rstrip(" :"), mention, r))
    return out
