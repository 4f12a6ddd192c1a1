"""Read the small data tables under extractors/data/ (CSV with # comment lines)."""

from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@functools.cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of ``extractors/data/<name>`` as dicts (header row gives the keys).

    Lines starting with ``#`` are comments. Values are stripped. The result is cached and
    immutable, so callers may share it.
    """
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    rows = []
    for n, row in enumerate(reader, 2):
        if None in row or None in row.values():
            raise ValueError(
                f"extractors/data/{name}: data row {n} has the wrong number of "
                "fields (quote a value that holds a comma)"
            )
        rows.append({k.strip(): v.strip() for k, v in row.items()})
    return tuple(rows)
