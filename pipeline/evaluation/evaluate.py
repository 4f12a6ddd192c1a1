"""Score a minutebook run against the hand-written gold (``make eval``).

Matching rules, one line per gold key (gold key -> output table: what pairs a gold record with an
output row). Every pairing is one-to-one and greedy by best score, so a duplicate output row is a
false positive. A field in the key must agree, else the record is a miss (and the row an extra).
  doc_type         -> papers.doc_type: exact match, one record per paper.
  parts            -> parts: type and date equal, title similarity >= 0.5.
  meetings         -> meetings: date and source equal (gold next_meeting is not scored).
  membership       -> memberships: name (honorific-free) and category equal.
  agenda_items     -> agenda_items: number equal (a sub-item as number and letter, "4a"),
                      title similarity >= 0.6.
  attendance       -> attendance: name (honorific-free) and status equal.
  minute_items     -> minute_items: ref equal (casefolded, spaces dropped).
  resolutions      -> resolutions: minute_ref and number equal, text similarity >= 0.6.
  recommendations  -> recommendations: text similarity >= 0.8.
  priorities       -> priorities: text similarity >= 0.8.
  spend_plan_lines -> spend_plan_lines: cost equal to the penny (both blank counts as equal),
                      title similarity >= 0.6.
  grant_totals     -> funding rows of kind grant_award: amount equal to the penny.
  funding          -> funding rows of every kind: amount equal to the penny, and
                      recipient-or-purpose similarity >= 0.5 (best of recipient~recipient,
                      purpose~purpose, both~both), waived when the gold record names neither.
                      A gold grant total that gold does not also write as a funding row of kind
                      grant_award with the same amount joins the gold funding set (with no
                      recipient or purpose), so money gold counts once is expected once: one
                      output grant_award row matches it, a second row for it is a false positive.
                      grant_totals and funding are scored independently, so that one row scores
                      in both tables.
  funding_sources  -> funding_sources: amount equal to the penny and financial year equal,
                      source similarity >= 0.6 (scored only where some gold file has the key).
  motions          -> motions: minute_ref equal, text similarity >= 0.5 (scored only in gold
                      files that have the key, as votes, person_votes and declarations).
  votes            -> votes: minute_ref, for/against/abstain counts (both blank agree) and
                      unanimous equal; paired best by the similarity of the motion's words.
  person_votes     -> person_votes (gold: the ``named`` map of each vote): minute_ref and the
                      vote's counts equal, name (honorific-free) and for/against/abstain equal.
  declarations     -> declarations: minute_ref and name (honorific-free) equal.
  people           -> pairwise linking: printed forms (from every output table with person_id
                      and name_as_printed) are linked when they share a person_id; gold links
                      the variants of one person. Precision/recall over pairs of distinct forms
                      present in both output and gold.

Similarity is token-set Dice, 2|A&B| / (|A|+|B|), over the sets of casefolded words (NFKC,
apostrophes dropped, any other punctuation splits words); rapidfuzz is not installed and this
measure is easy to check by hand. Names are compared without their leading honorific or rank
(the scorer's own pipeline/evaluation/honorifics.txt, not the extractors' list; FORMAT.md:
"Ferrans" == "Councillor Ferrans"), dots dropped, whitespace folded, casefolded. Matched pairs
also report per-field accuracy of the non-key fields (a secondary figure, not in F1); free-text
fields count as right at similarity >= 0.8. Also not in F1, ``near_misses`` counts missed gold
records for which an unmatched output row agrees on every key field but falls below the
similarity threshold (e.g. funding: right amount, no recipient).

Scoring units are the sample papers (gold stem x format). The formats txt, docx and pdf make the
"overall" figures; the scanned copy (``*.scanned.pdf``, no text layer, read by OCR) is scored as
its own format ``pdf-scanned`` and left out of "overall", so OCR errors do not mask
text-extraction progress (tests/test_ocr.py holds it to 0.9 of its text twin, table by
table). A gold stem with no paper row in a main format counts as all
misses. Papers without a gold file (samples/real, fixtures) are ignored. Micro-averaged: counts are
summed before precision, recall and F1 are computed; a cell with no gold and no output is n/a.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import json
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyarrow.dataset as pads

MAIN_FORMATS = ("txt", "docx", "pdf")
TEXT_FIELD_OK = 0.8
_CENT = Decimal("0.01")
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018`")

Record = dict[str, object]


# ---------------------------------------------------------------- value normalisation


def blank(value: object) -> bool:
    """True for None, NaN and empty or whitespace-only strings."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


def fold(value: object) -> str:
    """The value as a string, NFKC-normalised, whitespace folded, casefolded."""
    return " ".join(unicodedata.normalize("NFKC", str(value)).split()).casefold()


def tokens(text: object) -> frozenset[str]:
    """The set of casefolded words of a text (apostrophes dropped); empty for a blank."""
    if blank(text):
        return frozenset()
    return frozenset(_WORD.findall(fold(text).translate(_APOSTROPHES)))


def similarity(a: object, b: object) -> float:
    """Token-set Dice similarity of two texts in [0, 1]; two blanks are 1, one blank is 0."""
    ta, tb = tokens(a), tokens(b)
    if not ta and not tb:
        return 1.0 if blank(a) and blank(b) else 0.0
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


#: the scorer's own list, not the extractors' (the scorer must not depend on what it scores)
HONORIFICS_FILE = Path(__file__).with_name("honorifics.txt")


@functools.cache
def _honorifics() -> tuple[str, ...]:
    """Honorifics and ranks (``honorifics.txt``), folded and without dots, longest first."""
    lines = HONORIFICS_FILE.read_text(encoding="utf-8").splitlines()
    words = {ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")}
    folded = {fold(w.replace(".", " ")) for w in words}
    return tuple(sorted(folded, key=len, reverse=True))


def name_key(name: object) -> str:
    """A printed name without leading honorifics/ranks, dots dropped, folded ("" for blank)."""
    if blank(name):
        return ""
    s = fold(str(name).replace(".", " ").replace("\u2019", "'"))
    stripped = True
    while stripped:
        stripped = False
        for h in _honorifics():
            if s.startswith(h + " "):
                s = s[len(h) + 1 :].lstrip()
                stripped = True
                break
    return s


def _money(value: object) -> Decimal | None:
    if blank(value):
        return None
    try:
        return Decimal(str(value)).quantize(_CENT)
    except (InvalidOperation, ValueError):
        return None


def _iso_date(value: object) -> str | None:
    if blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        return value.date().isoformat()
    return str(value).strip()[:10]


def _hhmm(value: object) -> str | None:
    if blank(value):
        return None
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value).strip()[:5]


def _number(value: object) -> float | None:
    if blank(value):
        return None
    try:
        return float(str(value))
    except ValueError:
        return None


def _truth(value: object) -> bool | None:
    if blank(value):
        return None
    if isinstance(value, str):
        return fold(value) in ("true", "1", "yes")
    return bool(value)


def agree(kind: str, a: object, b: object) -> bool:
    """Whether two values agree under a comparison kind.

    Kinds: ``fold`` (folded string), ``ref`` (folded, spaces dropped), ``name`` (honorific-free),
    ``money`` (to the penny), ``date``, ``time``, ``num`` (within 0.005), ``bool``, ``text``
    (similarity >= 0.8). Two blanks agree; a blank and a value do not.
    """
    if blank(a) or blank(b):
        return blank(a) and blank(b)
    if kind == "text":
        return similarity(a, b) >= TEXT_FIELD_OK
    convert: Callable[[object], object] = {
        "fold": fold,
        "ref": lambda v: fold(v).replace(" ", ""),
        "name": name_key,
        "money": _money,
        "date": _iso_date,
        "time": _hhmm,
        "bool": _truth,
        "num": _number,
    }[kind]
    ca, cb = convert(a), convert(b)
    if kind == "num" and ca is not None and cb is not None:
        return abs(ca - cb) < 0.005  # type: ignore[operator]
    return ca == cb


# ---------------------------------------------------------------- matching rules


@dataclass(frozen=True)
class Check:
    """A compared field: gold key, output column, comparison kind (see ``agree``)."""

    gold: str
    out: str
    kind: str


Similarity = Callable[[Record, Record], float]


def text_sim(gold_field: str, out_col: str) -> Similarity:
    """A similarity function comparing one gold text field with one output column."""
    return lambda g, o: similarity(g.get(gold_field), o.get(out_col))


def funding_sim(g: Record, o: Record) -> float:
    """Recipient-or-purpose similarity of a gold funding record and an output funding row.

    1.0 when the gold record names neither recipient nor purpose (the amount alone decides).
    """
    if blank(g.get("recipient")) and blank(g.get("purpose")):
        return 1.0
    both_g = " ".join(str(g[k]) for k in ("recipient", "purpose") if not blank(g.get(k)))
    both_o = " ".join(str(o[k]) for k in ("recipient", "purpose") if not blank(o.get(k)))
    pairs = [
        (g.get("recipient"), o.get("recipient")),
        (g.get("purpose"), o.get("purpose")),
        (both_g, both_o),
    ]
    scores = [similarity(a, b) for a, b in pairs if not blank(a) and not blank(b)]
    return max(scores, default=0.0)


@dataclass(frozen=True)
class Rule:
    """How one gold key is scored against one output table."""

    gold_key: str
    table: str
    keys: tuple[Check, ...] = ()
    sim: Similarity | None = None
    sim_columns: tuple[str, ...] = ()
    threshold: float = 0.0
    fields: tuple[Check, ...] = ()
    kind: str | None = None  # keep only output rows whose ``kind`` column equals this

    def needed_columns(self) -> tuple[str, ...]:
        """Output columns without which the table counts as holding no records."""
        return tuple(c.out for c in self.keys) + self.sim_columns + (("kind",) if self.kind else ())


_T = "text"
RULES: tuple[Rule, ...] = (
    Rule("doc_type", "papers", keys=(Check("doc_type", "doc_type", "fold"),)),
    Rule(
        "parts",
        "parts",
        keys=(Check("type", "type", "fold"), Check("date", "date", "date")),
        sim=text_sim("title", "title"),
        sim_columns=("title",),
        threshold=0.5,
        fields=(Check("title", "title", _T),),
    ),
    Rule(
        "meetings",
        "meetings",
        keys=(Check("date", "date", "date"), Check("source", "source", "fold")),
        fields=(
            Check("start_time", "start_time", "time"),
            Check("end_time", "end_time", "time"),
            Check("venue", "venue", _T),
        ),
    ),
    Rule(
        "membership",
        "memberships",
        keys=(Check("name", "name_as_printed", "name"), Check("category", "category", "fold")),
        fields=(Check("position", "position", _T), Check("organisation", "organisation", _T)),
    ),
    Rule(
        "agenda_items",
        "agenda_items",
        keys=(Check("number", "number", "ref"),),
        sim=text_sim("title", "title"),
        sim_columns=("title",),
        threshold=0.6,
        fields=(
            Check("title", "title", _T),
            Check("page_from", "page_from", "num"),
            Check("page_to", "page_to", "num"),
            Check("to_follow", "to_follow", "bool"),
            Check("exempt", "exempt", "bool"),
        ),
    ),
    Rule(
        "attendance",
        "attendance",
        keys=(Check("name", "name_as_printed", "name"), Check("status", "status", "fold")),
        fields=(
            Check("organisation", "organisation", _T),
            Check("position", "position", _T),
            Check("chair", "chair", "bool"),
        ),
    ),
    Rule(
        "minute_items",
        "minute_items",
        keys=(Check("ref", "ref", "ref"),),
        fields=(Check("title", "title", _T),),
    ),
    Rule(
        "resolutions",
        "resolutions",
        keys=(Check("minute_ref", "minute_ref", "ref"), Check("number", "number", "num")),
        sim=text_sim("text", "text"),
        sim_columns=("text",),
        threshold=0.6,
        fields=(Check("text", "text", _T),),
    ),
    Rule(
        "recommendations",
        "recommendations",
        sim=text_sim("text", "text"),
        sim_columns=("text",),
        threshold=0.8,
        fields=(Check("text", "text", _T), Check("section", "section", _T)),
    ),
    Rule(
        "priorities",
        "priorities",
        sim=text_sim("text", "text"),
        sim_columns=("text",),
        threshold=0.8,
        fields=(Check("text", "text", _T), Check("period", "period", "fold")),
    ),
    Rule(
        "spend_plan_lines",
        "spend_plan_lines",
        keys=(Check("cost_gbp", "cost_gbp", "money"),),
        sim=text_sim("title", "title"),
        sim_columns=("title",),
        threshold=0.6,
        fields=(
            Check("title", "title", _T),
            Check("pct_of_grant", "pct_of_grant", "num"),
            Check("other_funding", "other_funding", _T),
        ),
    ),
    Rule(
        "grant_totals",
        "funding",
        keys=(Check("amount_gbp", "amount_gbp", "money"),),
        kind="grant_award",
        fields=(Check("financial_year", "financial_year", "fold"), Check("funder", "funder", _T)),
    ),
    Rule(
        "funding",
        "funding",
        keys=(Check("amount_gbp", "amount_gbp", "money"),),
        sim=funding_sim,
        sim_columns=("recipient", "purpose"),
        threshold=0.5,
        fields=(
            Check("kind", "kind", "fold"),
            Check("financial_year", "financial_year", "fold"),
            Check("approximate", "approximate", "bool"),
            Check("funder", "funder", _T),
            Check("recipient", "recipient", _T),
            Check("purpose", "purpose", _T),
        ),
    ),
    Rule(
        "funding_sources",
        "funding_sources",
        keys=(
            Check("amount_gbp", "amount_gbp", "money"),
            Check("financial_year", "financial_year", "fold"),
        ),
        sim=text_sim("source", "source"),
        sim_columns=("source",),
        threshold=0.6,
        fields=(Check("source", "source", _T),),
    ),
    Rule(
        "motions",
        "motions",
        keys=(Check("minute_ref", "minute_ref", "ref"),),
        sim=text_sim("text", "text"),
        sim_columns=("text",),
        threshold=0.5,
        fields=(
            Check("kind", "kind", "fold"),
            Check("mover", "mover", "name"),
            Check("seconder", "seconder", "name"),
            Check("outcome", "outcome", "fold"),
        ),
    ),
    Rule(
        "votes",
        "votes",
        keys=(
            Check("minute_ref", "minute_ref", "ref"),
            Check("for", "for_count", "num"),
            Check("against", "against_count", "num"),
            Check("abstain", "abstain_count", "num"),
            Check("unanimous", "unanimous", "bool"),
        ),
        sim=text_sim("motion", "motion_text"),
        fields=(Check("motion", "motion_text", _T),),
    ),
    Rule(
        "person_votes",
        "person_votes",
        keys=(
            Check("minute_ref", "minute_ref", "ref"),
            Check("for", "for_count", "num"),
            Check("against", "against_count", "num"),
            Check("abstain", "abstain_count", "num"),
            Check("name", "name_as_printed", "name"),
            Check("vote", "vote", "fold"),
        ),
    ),
    Rule(
        "declarations",
        "declarations",
        keys=(Check("minute_ref", "minute_ref", "ref"), Check("name", "name_as_printed", "name")),
        fields=(Check("kind", "kind", "fold"), Check("item", "item", _T)),
    ),
)
RULE_BY_KEY = {r.gold_key: r for r in RULES}
#: keys added after the sample gold was written: scored only where some gold file has them
OPTIONAL_KEYS = ("funding_sources", "motions", "votes", "person_votes", "declarations")
#: the gold key a derived key is read from (named votes are written inside their vote)
GOLD_SOURCE = {"person_votes": "votes"}
#: output columns ``output_records`` adds from another table (not looked for in the rule's own)
JOINED_COLUMNS = {
    "votes": ("motion_text",),
    "person_votes": ("for_count", "against_count", "abstain_count"),
}


@dataclass
class Matched:
    """Outcome of matching one unit's gold records with its output rows for one rule."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    near: int = 0  # misses with an unmatched output row agreeing on the key, below threshold
    missed: list[Record] = field(default_factory=list)
    extra: list[Record] = field(default_factory=list)
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [correct, total]


def _field_agree(check: Check, g: Record, o: Record) -> bool | None:
    """Agreement of a non-key field on a pair; None when the gold record does not score it."""
    if check.gold in g.get("_skip", ()):  # type: ignore[operator]
        return None
    return agree(check.kind, g.get(check.gold), o.get(check.out))


def match(rule: Rule, gold: list[Record], out: list[Record]) -> Matched:
    """Pair gold records with output rows one-to-one, greedily by best score.

    A pair is a candidate when every key field agrees and the similarity reaches the rule's
    threshold. Candidates are taken best score first (ties: the share of agreeing non-key fields,
    then gold order, then output order); each record is used at most once.
    """
    candidates: list[tuple[float, float, int, int]] = []
    for i, g in enumerate(gold):
        for j, o in enumerate(out):
            if not all(agree(k.kind, g.get(k.gold), o.get(k.out)) for k in rule.keys):
                continue
            score = rule.sim(g, o) if rule.sim else 1.0
            if score < rule.threshold:
                continue
            votes = [v for v in (_field_agree(c, g, o) for c in rule.fields) if v is not None]
            share = sum(votes) / len(votes) if votes else 0.0
            candidates.append((-score, -share, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_o: set[int] = set()
    result = Matched()
    for _, _, i, j in candidates:
        if i in used_g or j in used_o:
            continue
        used_g.add(i)
        used_o.add(j)
        for check in rule.fields:
            verdict = _field_agree(check, gold[i], out[j])
            if verdict is None:
                continue
            tally = result.fields.setdefault(check.gold, [0, 0])
            tally[0] += int(verdict)
            tally[1] += 1
    result.tp = len(used_g)
    result.fn = len(gold) - result.tp
    result.fp = len(out) - len(used_o)
    result.missed = [_show(g) for i, g in enumerate(gold) if i not in used_g]
    result.near = sum(
        1
        for i, g in enumerate(gold)
        if i not in used_g
        and rule.sim
        and any(
            j not in used_o and all(agree(k.kind, g.get(k.gold), o.get(k.out)) for k in rule.keys)
            for j, o in enumerate(out)
        )
    )
    shown = [c.out for c in rule.keys] + list(rule.sim_columns) + [c.out for c in rule.fields]
    result.extra = [
        _show({c: o.get(c) for c in dict.fromkeys(shown)})
        for j, o in enumerate(out)
        if j not in used_o
    ]
    return result


def _show(record: Record) -> Record:
    """A compact, JSON-ready copy of a record: no private keys, long strings cut."""
    shown: Record = {}
    for k, v in record.items():
        if k.startswith("_") or k == "note":
            continue
        shown[k] = _jsonable(v)
        if isinstance(shown[k], str) and len(shown[k]) > 90:  # type: ignore[arg-type]
            shown[k] = shown[k][:87] + "..."  # type: ignore[index]
    return shown


def _jsonable(v: object) -> object:
    if blank(v):
        return None
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, dt.date | dt.time):
        return v.isoformat()
    if isinstance(v, int | float | bool | str):
        return v
    if isinstance(v, list | tuple):
        return [_jsonable(x) for x in v]
    return str(v)


# ---------------------------------------------------------------- gold


def gold_records(doc: dict, key: str) -> list[Record]:
    """The gold records a rule scores, from one parsed gold file.

    ``doc_type`` becomes one record; agenda ``pages`` [first, last] become page_from/page_to;
    for ``funding``, grant totals not already written as a grant_award funding record of the
    same amount are added (see the module docstring).
    """
    if key == "doc_type":
        return [] if blank(doc.get("doc_type")) else [{"doc_type": doc["doc_type"]}]
    if key == "person_votes":
        return [
            {**{k: v.get(k) for k in ("minute_ref", "for", "against", "abstain")}, "name": n}
            | {"vote": how}
            for v in doc.get("votes") or []
            if isinstance(v, dict)
            for n, how in (v.get("named") or {}).items()
        ]
    records = [dict(r) for r in doc.get(key) or [] if isinstance(r, dict)]
    if key == "agenda_items":
        for r in records:
            pages = r.get("pages") or [None, None]
            r["page_from"], r["page_to"] = (list(pages) + [None, None])[:2]
    if key == "funding":
        awarded = {_money(r.get("amount_gbp")) for r in records if r.get("kind") == "grant_award"}
        for total in doc.get("grant_totals") or []:
            if _money(total.get("amount_gbp")) in awarded:
                continue
            records.append(
                {
                    "recipient": None,
                    "purpose": None,
                    "amount_gbp": total.get("amount_gbp"),
                    "kind": "grant_award",
                    "financial_year": total.get("financial_year"),
                    "funder": total.get("funder"),
                    "from": "grant_totals",
                    "_skip": ("recipient", "purpose", "approximate"),
                }
            )
    return records


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Parsed gold files by sample stem (``000_1c07758f42038aae``)."""
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))
    }


def gold_person_clusters(golds: Iterable[dict]) -> dict[str, int]:
    """Map each gold name form (``name_key``) to a cluster id: forms of one person share one.

    Records of the same person in several gold files share variants, so they are merged.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc in golds:
        for person in doc.get("people") or []:
            forms = [name_key(v) for v in (person.get("variants") or []) + [person.get("name")]]
            forms = [f for f in forms if f]
            for f in forms[1:]:
                parent[find(f)] = find(forms[0])
            for f in forms:
                find(f)
    roots = sorted({find(f) for f in parent})
    ids = {r: n for n, r in enumerate(roots)}
    return {f: ids[find(f)] for f in parent}


# ---------------------------------------------------------------- output


def _dataset(path: Path) -> pads.Dataset:
    """A Parquet file or folder (hive-style partition folders allowed) as a dataset."""
    return pads.dataset(path, format="parquet", partitioning="hive")


class Output:
    """Reads a run's tables once, keeping notes about anything missing."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.notes: list[str] = []
        self._cache: dict[str, list[Record]] = {}

    def rows(self, table: str) -> list[Record]:
        """All rows of a table as dicts ([] with a note when it is missing or unreadable)."""
        if table not in self._cache:
            self._cache[table] = self._read(table)
        return self._cache[table]

    def _read(self, table: str) -> list[Record]:
        path = self.out_dir / table
        if not path.exists() and (self.out_dir / f"{table}.parquet").exists():
            path = self.out_dir / f"{table}.parquet"
        if not path.exists():
            self.notes.append(f"{table}: no output table ({path}); counted as no records")
            return []
        try:
            rows = _dataset(path).to_table().to_pylist()
        except Exception as exc:  # any unreadable dataset scores as empty
            self.notes.append(f"{table}: unreadable ({type(exc).__name__}: {exc}); no records")
            return []
        if rows and "paper_id" not in rows[0] and "meeting_id" in rows[0]:
            by_meeting = {m.get("meeting_id"): m.get("paper_id") for m in self.rows("meetings")}
            for r in rows:
                r["paper_id"] = by_meeting.get(r.get("meeting_id"))
        return rows

    def columns(self, table: str) -> set[str]:
        """Columns of a table (from its schema even when it has no rows)."""
        rows = self.rows(table)
        if rows:
            return set(rows[0])
        path = self.out_dir / table
        try:
            return set(_dataset(path).schema.names)
        except Exception:  # a missing table has no columns
            return set()

    def usable(self, rule: Rule) -> bool:
        """Whether the rule's table has the columns its key needs (notes it when not)."""
        rows = self.rows(rule.table)
        if not rows:
            return True
        joined = JOINED_COLUMNS.get(rule.gold_key, ())
        missing = [
            c for c in ("paper_id",) + rule.needed_columns() if c not in rows[0] and c not in joined
        ]
        if missing:
            self.notes.append(
                f"{rule.table}: column(s) {', '.join(missing)} missing; "
                f"{rule.gold_key} counted as no records"
            )
            return False
        absent = [c.out for c in rule.fields if c.out not in rows[0] and c.out not in joined]
        if absent:
            self.notes.append(
                f"{rule.table}: column(s) {', '.join(absent)} missing; "
                f"scored as blank in {rule.gold_key} field accuracy"
            )
        return True


@dataclass(frozen=True)
class Unit:
    """One scored sample paper: a gold stem in one format, and its papers row when present."""

    stem: str
    fmt: str
    name: str
    paper_id: str | None
    doc_type: object = None


def _stem_and_format(path: str, fmt: object) -> tuple[str, str]:
    """("000_x", "pdf") from "samples/000_x.pdf"; a middle suffix joins the format
    ("000_x.scanned.pdf" -> "pdf-scanned")."""
    name = path.replace("\\", "/").rsplit("!", 1)[-1].rsplit("/", 1)[-1]
    parts = name.split(".")
    base = fmt if not blank(fmt) else (parts[-1] if len(parts) > 1 else "")
    middle = parts[1:-1]
    return parts[0], "-".join([str(base).casefold(), *middle])


def units(papers: list[Record], stems: Iterable[str], notes: list[str]) -> list[Unit]:
    """Scoring units: every gold stem in each main format, plus any other sample paper found.

    A main-format unit with no papers row is kept with ``paper_id`` None (all misses).
    """
    stems = list(stems)
    found: dict[tuple[str, str], Unit] = {}
    for p in papers:
        if blank(p.get("path")) or not blank(p.get("duplicate_of")):
            continue
        stem, fmt = _stem_and_format(str(p["path"]), p.get("format"))
        if stem not in stems:
            continue
        name = str(p["path"]).replace("\\", "/").rsplit("/", 1)[-1]
        if (stem, fmt) in found:
            notes.append(f"papers: more than one paper for {stem} as {fmt}; scoring the first")
            continue
        found[(stem, fmt)] = Unit(stem, fmt, name, p.get("paper_id"), p.get("doc_type"))  # type: ignore[arg-type]
    absent = [(s, f) for s in stems for f in MAIN_FORMATS if (s, f) not in found]
    for stem, fmt in absent:
        found[(stem, fmt)] = Unit(stem, fmt, f"{stem}.{fmt}", None)
    if absent:
        names = ", ".join(f"{s}.{f}" for s, f in absent[:4]) + (", ..." if len(absent) > 4 else "")
        notes.append(
            f"papers: no paper for {len(absent)} sample file(s) ({names}); "
            "their gold counts as missed"
        )
    return sorted(found.values(), key=lambda u: (u.stem, _fmt_order(u.fmt)))


def _fmt_order(fmt: str) -> tuple[int, str]:
    return (MAIN_FORMATS.index(fmt), "") if fmt in MAIN_FORMATS else (len(MAIN_FORMATS), fmt)


def output_records(rule: Rule, unit: Unit, output: Output, usable: bool) -> list[Record]:
    """The output rows a rule scores for one unit."""
    if unit.paper_id is None or not usable:
        return []
    if rule.gold_key == "doc_type":
        return [] if blank(unit.doc_type) else [{"doc_type": unit.doc_type}]
    rows = [r for r in output.rows(rule.table) if r.get("paper_id") == unit.paper_id]
    if rule.kind:
        rows = [r for r in rows if not blank(r.get("kind")) and fold(r["kind"]) == rule.kind]
    if rule.gold_key == "votes":  # the motion voted on, by its words
        texts = {m.get("motion_id"): m.get("text") for m in output.rows("motions")}
        rows = [{**r, "motion_text": texts.get(r.get("motion_id"))} for r in rows]
    if rule.gold_key == "person_votes":  # each named vote carries its vote's counts
        counts = {v.get("vote_id"): v for v in output.rows("votes")}
        rows = [
            {
                **r,
                **{
                    c: counts.get(r.get("vote_id"), {}).get(c)
                    for c in ("for_count", "against_count", "abstain_count")
                },
            }
            for r in rows
        ]
    if rule.gold_key == "agenda_items":  # a sub-item is numbered as gold prints it: "4a"
        rows = [{**r, "number": f"{r.get('number')}{r.get('sub_item') or ''}"} for r in rows]
    return rows


# ---------------------------------------------------------------- metrics


def metrics(tp: int, fp: int, fn: int) -> dict[str, object]:
    """Counts with precision, recall and F1 (None where the denominator is zero)."""
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None,
    }


def _sum_counts(cells: Iterable[dict]) -> dict[str, object]:
    cells = list(cells)
    return {
        **metrics(*(sum(int(c[k]) for c in cells) for k in ("tp", "fp", "fn"))),
        "near_misses": sum(int(c.get("near_misses", 0)) for c in cells),
    }


def _accuracy(tallies: Iterable[dict[str, list[int]]]) -> dict[str, dict[str, object]]:
    total: dict[str, list[int]] = {}
    for t in tallies:
        for name, (right, seen) in t.items():
            acc = total.setdefault(name, [0, 0])
            acc[0] += right
            acc[1] += seen
    return {
        name: {"correct": r, "total": n, "accuracy": r / n if n else None}
        for name, (r, n) in total.items()
    }


def score_table(rule: Rule, golds: dict[str, dict], unit_list: list[Unit], output: Output) -> dict:
    """Score one gold key: per sample, per format and overall, with field accuracy."""
    usable = output.usable(rule)
    by_sample: dict[str, dict] = {}
    tallies: dict[str, list[dict[str, list[int]]]] = {}
    for unit in unit_list:
        m = match(
            rule,
            gold_records(golds[unit.stem], rule.gold_key),
            output_records(rule, unit, output, usable),
        )
        by_sample[unit.name] = {
            "stem": unit.stem,
            "format": unit.fmt,
            **metrics(m.tp, m.fp, m.fn),
            "near_misses": m.near,
            "missed": m.missed,
            "extra": m.extra,
        }
        tallies.setdefault(unit.fmt, []).append(m.fields)
    formats = sorted(tallies, key=_fmt_order)
    by_format = {f: _sum_counts(s for s in by_sample.values() if s["format"] == f) for f in formats}
    overall = _sum_counts(s for s in by_sample.values() if s["format"] in MAIN_FORMATS)
    return {
        "output_table": rule.table,
        "overall": overall,
        "by_format": by_format,
        "field_accuracy": {
            "overall": _accuracy(
                itertools.chain.from_iterable(tallies.get(f, []) for f in MAIN_FORMATS)
            ),
            "by_format": {f: _accuracy(tallies[f]) for f in formats},
        },
        "by_sample": by_sample,
    }


def person_forms(
    output: Output, paper_ids: set[str], key: Callable[[object], str] = name_key
) -> dict[str, set[str]]:
    """Form (``key`` of name_as_printed) -> person_ids, from every output table with both."""
    forms: dict[str, set[str]] = {}
    for table in ("attendance", "memberships", *sorted(_person_tables(output))):
        for r in output.rows(table):
            if r.get("paper_id") not in paper_ids or blank(r.get("name_as_printed")):
                continue
            ids = forms.setdefault(key(r["name_as_printed"]), set())
            if not blank(r.get("person_id")):
                ids.add(str(r["person_id"]))
    return forms


def _person_tables(output: Output) -> set[str]:
    """Other tables in the output folder with person_id and name_as_printed columns."""
    found = set()
    if output.out_dir.is_dir():
        for path in output.out_dir.iterdir():
            if (
                path.is_dir()
                and path.name not in ("attendance", "memberships")
                and {"person_id", "name_as_printed"} <= output.columns(path.name)
            ):
                found.add(path.name)
    return found


def link_pairs(forms: dict[str, set[str]], clusters: dict[str, int]) -> dict:
    """Pairwise linking counts over forms present in both output and gold.

    A pair of distinct forms is linked by output when their person_id sets meet, by gold when
    both forms are variants of one gold person.
    """
    common = sorted(f for f in forms if f in clusters)
    out_pairs = {(a, b) for a, b in itertools.combinations(common, 2) if forms[a] & forms[b]}
    gold_pairs = {
        (a, b) for a, b in itertools.combinations(common, 2) if clusters[a] == clusters[b]
    }
    all_gold = sum(
        1 for a, b in itertools.combinations(sorted(clusters), 2) if clusters[a] == clusters[b]
    )
    has_ids = any(forms.values())
    return {
        "tp": len(out_pairs & gold_pairs),
        "fp": len(out_pairs - gold_pairs),
        "fn": len(gold_pairs - out_pairs),
        "forms": len(common),
        "gold_pairs": len(gold_pairs),
        "gold_pairs_all": all_gold,
        "has_person_ids": has_ids,
    }


def _people_cell(counts: dict) -> dict:
    cell = {
        **metrics(counts["tp"], counts["fp"], counts["fn"]),
        **{k: counts[k] for k in ("forms", "gold_pairs", "gold_pairs_all", "has_person_ids")},
    }
    # coverage: share of all gold pairs whose two forms the output printed at all
    cell["pair_coverage"] = (
        counts["gold_pairs"] / counts["gold_pairs_all"] if counts["gold_pairs_all"] else None
    )
    if not counts["has_person_ids"] and counts["gold_pairs_all"]:
        cell["recall"] = 0.0  # no person_ids at all: nothing is linked
        cell["f1"] = 0.0
    return cell


def score_people(golds: dict[str, dict], unit_list: list[Unit], output: Output) -> dict:
    """Pairwise person-linking precision/recall per format and overall (summed over formats).

    A format whose output names nobody shows recall 0 but adds no pairs to overall; its loss
    shows in ``pair_coverage`` (gold pairs whose both forms were printed / all gold pairs).
    """
    clusters = gold_person_clusters(golds.values())
    by_format: dict[str, dict] = {}
    raw: dict[str, dict] = {}
    for fmt in sorted({u.fmt for u in unit_list}, key=_fmt_order):
        ids = {u.paper_id for u in unit_list if u.fmt == fmt and u.paper_id}
        raw[fmt] = link_pairs(person_forms(output, ids), clusters)  # type: ignore[arg-type]
        by_format[fmt] = _people_cell(raw[fmt])
    main = [raw[f] for f in MAIN_FORMATS if f in raw]
    total = {k: sum(c[k] for c in main) for k in ("tp", "fp", "fn", "forms", "gold_pairs")}
    total["gold_pairs_all"] = sum(c["gold_pairs_all"] for c in main)
    total["has_person_ids"] = any(c["has_person_ids"] for c in main)
    return {
        "output_table": "attendance, memberships (person_id)",
        "overall": _people_cell(total),
        "by_format": by_format,
    }


# ---------------------------------------------------------------- report


def evaluate(out_dir: Path, gold_dir: Path) -> dict:
    """Score the run in ``out_dir`` against the gold files in ``gold_dir``; returns the report.

    The report is the dict written as eval.json (see ``main``).
    """
    golds = load_gold(gold_dir)
    output = Output(out_dir)
    notes = output.notes
    unit_list = units(output.rows("papers"), golds, notes)
    tables = {
        rule.gold_key: score_table(rule, golds, unit_list, output)
        for rule in RULES
        if rule.gold_key not in OPTIONAL_KEYS
        or any(GOLD_SOURCE.get(rule.gold_key, rule.gold_key) in g for g in golds.values())
    }
    tables["people"] = score_people(golds, unit_list, output)
    formats = sorted({u.fmt for u in unit_list}, key=_fmt_order)
    return {
        "out": str(out_dir),
        "gold": str(gold_dir),
        "formats": formats,
        "overall_formats": list(MAIN_FORMATS),
        "samples": [u.name for u in unit_list],
        "rules": {k: v for k, v in _rule_lines().items() if k in tables},
        "notes": list(dict.fromkeys(notes)),
        "tables": tables,
    }


def _rule_lines() -> dict[str, str]:
    """The matching-rule lines of the module docstring, by gold key."""
    lines: dict[str, str] = {}
    current = None
    for line in (__doc__ or "").splitlines():
        m = re.match(r"  (\w+)\s+-> (.*)", line)
        if m:
            current = m.group(1)
            lines[current] = m.group(2).strip()
        elif current and line.startswith("       ") and line.strip():
            lines[current] += " " + line.strip()
        else:
            current = None
    return lines


def _pct(x: object) -> str:
    return "  n/a" if x is None else f"{float(x):5.2f}"  # type: ignore[arg-type]


def render(report: dict, detail: bool = False) -> str:
    """The report as a text table (F1 per format, overall P/R/F1); with ``detail``, a row per
    imperfect sample with its missed/extra records, and the field accuracy of matched pairs."""
    formats = report["formats"]
    head = (
        f"{'table':<17}"
        + "".join(f"{f:>12}" for f in formats)
        + f"{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    )
    lines = [
        "F1 per format; P/R/F1 overall (" + "+".join(report["overall_formats"]) + ")",
        head,
        "-" * len(head),
    ]
    for key, t in report["tables"].items():
        o = t["overall"]
        lines.append(
            f"{key:<17}"
            + "".join(f"{_pct(t['by_format'].get(f, {}).get('f1')):>12}" for f in formats)
            + f"{_pct(o['precision']):>7}{_pct(o['recall']):>7}{_pct(o['f1']):>7}"
            + f"{o['tp']:>6}{o['fp']:>6}{o['fn']:>6}"
        )
    if detail:
        for key, t in report["tables"].items():
            if "by_sample" not in t:
                continue
            perfect = [n for n, s in t["by_sample"].items() if s["tp"] and not s["fp"] + s["fn"]]
            lines += [
                "",
                f"== {key} -> {t['output_table']}"
                + (f" ({len(perfect)} sample(s) perfect)" if perfect else ""),
            ]
            for name, s in t["by_sample"].items():
                if not (s["fp"] or s["fn"]):
                    continue
                lines.append(
                    f"  {name:<36} tp {s['tp']:>3} fp {s['fp']:>3} fn {s['fn']:>3}"
                    f"  P {_pct(s['precision'])} R {_pct(s['recall'])}"
                    f" F1 {_pct(s['f1'])}"
                    + (f"  near misses {s['near_misses']}" if s["near_misses"] else "")
                )
                lines += [f"      missed {json.dumps(r, ensure_ascii=False)}" for r in s["missed"]]
                lines += [f"      extra  {json.dumps(r, ensure_ascii=False)}" for r in s["extra"]]
            acc = t["field_accuracy"]["overall"]
            if acc:
                lines.append(
                    "  field accuracy: "
                    + ", ".join(f"{k} {v['correct']}/{v['total']}" for k, v in acc.items())
                )
    if report["notes"]:
        lines += ["", "notes:"] + [f"  - {n}" for n in report["notes"]]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m pipeline.evaluation.evaluate",
        description="Score a minutebook run against the gold files.",
    )
    p.add_argument("--out", type=Path, default=Path("output"), help="run folder (output)")
    p.add_argument("--gold", type=Path, default=Path("tests/gold"), help="gold folder")
    p.add_argument(
        "--json",
        type=Path,
        default=None,
        help="where to write the report (default: <out>/eval.json)",
    )
    p.add_argument(
        "--detail",
        action="store_true",
        help="also print per-sample rows and the missed/extra records",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point: score the run, print the table, write the JSON report; returns exit code.

    2 when the gold folder holds no gold files, else 0 (scores are reported, not judged).
    """
    args = _parser().parse_args(argv)
    if not args.gold.is_dir() or not any(args.gold.glob("*.json")):
        print(f"evaluate: no gold files in {args.gold}", file=sys.stderr)
        return 2
    report = evaluate(args.out, args.gold)
    print(render(report, detail=args.detail))
    target = args.json or args.out / "eval.json"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(report, indent=1, ensure_ascii=False, default=_jsonable) + "\n",
            encoding="utf-8",
        )
    except OSError as exc:
        print(f"evaluate: cannot write {target}: {exc}", file=sys.stderr)
        return 2
    print(f"\nwrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
