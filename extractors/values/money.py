"""Amounts of money as councils print them: "£25,000", "circa £1 Million", "£3k to £5k".

Pure functions, no I/O beyond reading the word tables in ``extractors/data/money_words.csv``,
``number_words.csv`` and ``table_units.csv``. Amounts are ``Decimal`` built from the printed
digits, never floats.

Only amounts with a currency mark are money here: a "£" (or "GBP") before the number, or
"pounds"/"GBP" after it. Bare numbers in tables go through :func:`parse_table_amount` with the
unit their header declares (:func:`unit_from_header`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation, localcontext

from extractors.datafiles import load_table
from extractors.memo import paper_memo

HINTS = ("cap", "range", "estimate", "over_years", "per_annum", "unit_scaled")
"""Every hint, most telling first: ``Money.hint`` is the first of these that applies."""

_MAX_AMOUNT = Decimal("1e15")  # larger "amounts" are digit runs, not money
_DASHES = "-\u2013\u2014\u2212"  # hyphen, en dash, em dash, minus sign


@dataclass(frozen=True)
class Money:
    """An amount of money in pounds.

    ``amount`` is the (lower) amount; ``amount_max`` the upper end of a range, else None.
    ``approximate`` is True only for explicit words of approximation (circa, about, c., est.).
    ``hint`` is the most telling of ``hints`` (order in :data:`HINTS`), ``years`` the N of
    "over N years".
    """

    amount: Decimal
    amount_max: Decimal | None = None
    approximate: bool = False
    hint: str | None = None
    years: int | None = None
    hints: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class MoneyMention:
    """A money expression found in text: ``text == source[start:end]``.

    The span covers the qualifiers that shaped the value ("circa £1 Million", "£5k per annum").
    """

    money: Money
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Amount:
    """One printed amount before qualifiers: value, span, and how it was written."""

    value: Decimal
    start: int
    end: int
    marked: bool  # has a £/GBP sign (or "pounds" after it)
    scaled: bool  # had a k/m/bn/million suffix
    grouped: bool  # digits grouped with commas
    raw_number: Decimal  # the number before any scale


def _phrase_alternation(phrases: list[str]) -> str:
    """Regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@functools.cache
def _words() -> dict[str, list[dict[str, str]]]:
    by_kind: dict[str, list[dict[str, str]]] = {}
    for row in load_table("money_words.csv"):
        by_kind.setdefault(row["kind"], []).append(row)
    return by_kind


@functools.cache
def _scales() -> dict[str, Decimal]:
    return {r["phrase"].casefold(): Decimal(r["value"]) for r in _words()["scale"]}


@functools.cache
def _number_words() -> dict[str, int]:
    return {r["word"].casefold(): int(r["value"]) for r in load_table("number_words.csv")}


# every marked amount holds one of these; a text without them is not scanned further
_MARK = re.compile(r"£|GBP|pounds", re.IGNORECASE)
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d]|[.,]\d)"


@functools.cache
def _amount_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(amount with £/GBP before, bare number with optional scale, amount with pounds after)."""
    tight = [r["phrase"] for r in _words()["scale"] if r["attach"] == "tight"]
    word = [r["phrase"] for r in _words()["scale"] if r["attach"] == "word"]
    scale = (
        rf"(?:(?P<tight>{_phrase_alternation(tight)})(?![\w])"
        rf"|\s?(?P<word>{_phrase_alternation(word)})(?![\w]))?"
    )
    # A letter-scale must not run into a word ("£5 miles"); a word-scale may follow a space.
    signed = re.compile(rf"(?:£|\bGBP(?![a-z]))[ \t\u00a0]?{_NUMBER}{scale}", re.IGNORECASE)
    bare = re.compile(rf"{_NUMBER}{scale}", re.IGNORECASE)
    after = re.compile(
        rf"(?<![\w.,£]){_NUMBER}{scale}\s*(?:pounds(?:\s+sterling)?|GBP)\b", re.IGNORECASE
    )
    return signed, bare, after


@functools.cache
def _context_patterns() -> dict[str, re.Pattern[str]]:
    w = _words()

    def alt(kind: str) -> str:
        return _phrase_alternation([r["phrase"] for r in w[kind]])

    nums = _phrase_alternation(list(_number_words()))
    return {
        # qualifiers end right before the amount (a sign may sit between)
        "estimate": re.compile(rf"(?<![\w.])(?:{alt('estimate')})\s*$", re.IGNORECASE),
        "cap": re.compile(rf"(?<![\w.])(?:{alt('cap')})\s*$", re.IGNORECASE),
        "between": re.compile(rf"(?<![\w.])(?:{alt('between')})\s*$", re.IGNORECASE),
        "per_annum": re.compile(rf"\s*(?:{alt('per_annum')})(?![\w])", re.IGNORECASE),
        "estimate_after": re.compile(rf"\s*(?:{alt('estimate_after')})", re.IGNORECASE),
        "over_years": re.compile(
            rf"\s*over\s+(?:the\s+)?(?:next\s+|following\s+|coming\s+)?"
            rf"(?P<n>\d{{1,2}}|{nums})\s+(?:financial\s+)?years?\b",
            re.IGNORECASE,
        ),
        "range_sep": re.compile(rf"\s*(?:[{_DASHES}]|to\b)\s*", re.IGNORECASE),
        "and_sep": re.compile(r"\s*(?:and|&)\s*", re.IGNORECASE),
    }


def _to_decimal(number: str, scale: Decimal | None) -> tuple[Decimal, Decimal] | None:
    """(value in pounds, number as printed) or None when not a plausible amount."""
    digits = number.replace(",", "")
    whole = digits.split(".")[0]
    if len(whole) > 1 and whole.startswith("0"):
        return None  # "£000s" is a header, not an amount
    try:
        raw = Decimal(digits)
    except InvalidOperation:
        return None
    if scale is None and "." in digits and len(digits.split(".")[1]) > 2:
        return None  # pence have two places; "£1.234" is not a sum of money
    with localcontext() as ctx:
        ctx.prec = 40
        value = raw * scale if scale is not None else raw
        if value >= _MAX_AMOUNT:
            return None
        return _tidy(value), raw


def _tidy(value: Decimal) -> Decimal:
    """Whole pounds without a fraction part, else pounds and pence (2 dp, half up)."""
    with localcontext() as ctx:
        ctx.prec = 40
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")


def _amount_from_match(m: re.Match[str], marked: bool) -> _Amount | None:
    unit = m.group("tight") or m.group("word")
    scale = _scales()[re.sub(r"\s+", " ", unit.casefold())] if unit else None
    parsed = _to_decimal(m.group("num"), scale)
    if parsed is None:
        return None
    value, raw = parsed
    return _Amount(
        value=value,
        start=m.start(),
        end=m.end(),
        marked=marked,
        scaled=unit is not None,
        grouped="," in m.group("num"),
        raw_number=raw,
    )


def _scan_amounts(text: str) -> list[_Amount]:
    """Every currency-marked amount in text, in order, not overlapping."""
    if not _MARK.search(text):  # both patterns need one of these marks
        return []
    signed, _bare, after = _amount_patterns()
    found: list[_Amount] = []
    for pattern in (signed, after):
        for m in pattern.finditer(text):
            amount = _amount_from_match(m, marked=True)
            if amount is not None:
                found.append(amount)
    found.sort(key=lambda a: (a.start, -a.end))
    kept: list[_Amount] = []
    for a in found:
        if not kept or a.start >= kept[-1].end:
            kept.append(a)
    return kept


def _range_end(
    text: str, first: _Amount, nxt: _Amount | None, between: bool
) -> tuple[_Amount, Decimal] | None:
    """The upper end of a range starting at ``first``, with the lower end's value, if any.

    "£3,000-£5,000", "£3k to £5k", "between £3k and £5k", and the upper end without its own
    £ when it is written like an amount ("£3-5k", "£3,000 - 5,000"). A range goes up: "from
    £9,100 to £5,000" is two amounts.
    """
    ctx = _context_patterns()
    sep = (ctx["and_sep"] if between else ctx["range_sep"]).match(text, first.end)
    if sep is None:
        return None
    spaced = sep.group(0)
    if spaced.strip() in _DASHES and (spaced[0].isspace() != spaced[-1].isspace()):
        return None  # "-£2.56m -£10m": a dash touching only the next amount is its sign
    if nxt is not None and nxt.start == sep.end():
        upper = nxt
    else:
        _signed, bare, _after = _amount_patterns()
        m = bare.match(text, sep.end())
        if m is None:
            return None
        upper = _amount_from_match(m, marked=False)
        if upper is None or not (upper.scaled or upper.grouped or between):
            return None
        if re.match(r"\s*[/\u2013-]\s*\d", text[upper.end : upper.end + 4]):
            return None  # "£1,000 - 2019/20": a year follows, not a range
    low = first.value
    if not upper.marked and upper.scaled and not first.scaled:
        scaled = _to_decimal(str(first.raw_number), _scale_of(text, upper))
        if scaled is not None and scaled[0] < upper.value:
            low = scaled[0]
    if upper.value <= low:
        return None
    return upper, low


def _scale_of(text: str, amount: _Amount) -> Decimal:
    """The multiplier written at the end of an amount's span."""
    tail = text[amount.start : amount.end].casefold().rstrip()
    for phrase, value in sorted(_scales().items(), key=lambda kv: -len(kv[0])):
        if tail.endswith(phrase):
            return value
    return Decimal(1)


def _sign_start(text: str, amount: _Amount, prev_end: int | None) -> int | None:
    """Start of a minus sign written right before the amount ("-£192.8k"), if any."""
    i = amount.start
    if i == 0 or text[i - 1] not in _DASHES:
        return None
    before = text[: i - 1]
    if prev_end is not None and prev_end == i - 1:
        return None  # "£3,000-£5,000" style: the dash separates two amounts
    if before and (before[-1].isalnum() or before[-1] in ".,"):
        return None  # "Q4-£5k", "2019-£5k": a hyphen joining words, not a sign
    return i - 1


def find_money(text: str) -> list[MoneyMention]:
    """Find every money expression in running text, in order.

    Takes any string; returns :class:`MoneyMention` records. Money needs a currency mark
    ("£", "GBP", or "pounds"/"GBP" after the number), so percentages, phone numbers, dates and
    page numbers are never money. Ranges become one mention with ``amount_max``.
    """
    return list(_find_money(text))


@paper_memo()  # the extractors read the same sentences and cells again and again
def _find_money(text: str) -> tuple[MoneyMention, ...]:
    ctx = _context_patterns()
    amounts = _scan_amounts(text)
    mentions: list[MoneyMention] = []
    i = 0
    prev_end: int | None = None
    while i < len(amounts):
        first = amounts[i]
        hints: list[str] = []
        start, end = first.start, first.end
        negative = False
        sign = _sign_start(text, first, prev_end)
        if sign is not None:
            negative, start = True, sign
        lead = text[max(0, start - 40) : start]
        between_m = ctx["between"].search(lead)
        nxt = amounts[i + 1] if i + 1 < len(amounts) else None
        rng = None
        if not negative:
            rng = _range_end(text, first, nxt, between=between_m is not None)
        if rng is None and between_m is not None and not negative:
            between_m = None
            rng = _range_end(text, first, nxt, between=False)
        amount, amount_max = first.value, None
        scaled = first.scaled
        if rng is not None:
            upper, amount = rng
            amount_max, end = upper.value, upper.end
            scaled = scaled or upper.scaled
            hints.append("range")
            if upper is nxt:
                i += 1
            if between_m is not None:
                start -= len(lead) - between_m.start()
                lead = text[max(0, start - 40) : start]
        if negative:
            amount = -amount
        for kind in ("cap", "estimate"):
            q = ctx[kind].search(lead)
            if q is not None:
                hints.append(kind)
                start = min(start, start - (len(lead) - q.start()))
                break
        years = None
        progressed = True
        while progressed:  # suffixes in any order: "£5k per annum over three years"
            progressed = False
            for kind in ("estimate_after", "over_years", "per_annum"):
                hint = "estimate" if kind == "estimate_after" else kind
                m = None if hint in hints else ctx[kind].match(text, end)
                if m is None:
                    continue
                if kind == "over_years":
                    n = m.group("n").casefold()
                    years = int(n) if n.isdigit() else _number_words().get(n)
                hints.append(hint)
                end, progressed = m.end(), True
        if scaled:
            hints.append("unit_scaled")
        ordered = tuple(h for h in HINTS if h in hints)
        money = Money(
            amount=amount,
            amount_max=amount_max,
            approximate="estimate" in ordered,
            hint=ordered[0] if ordered else None,
            years=years,
            hints=ordered,
        )
        mentions.append(MoneyMention(money=money, start=start, end=end, text=text[start:end]))
        prev_end = end
        i += 1
    return tuple(mentions)


_WRAPPING = " \t\r\n\u00a0.,;:*"


@paper_memo()
def parse_money(text: str) -> Money | None:
    """Parse a string that is one money expression, e.g. a table cell "£116,900" or "(£40,000)".

    Takes the whole string (surrounding whitespace, brackets and end punctuation are allowed);
    returns :class:`Money`, or None when the string is not exactly one money expression. Use
    :func:`find_money` for running text.
    """
    core = text.strip(_WRAPPING)
    while len(core) >= 2 and core[0] + core[-1] in ("()", "[]"):
        core = core[1:-1].strip(_WRAPPING)
    mentions = _find_money(core)
    if len(mentions) != 1:
        return None
    m = mentions[0]
    if core[: m.start].strip() or core[m.end :].strip(_WRAPPING):
        return None
    return m.money


_TABLE_ZERO = {"-", "\u2013", "\u2014", "\u2212", "nil", "0", "--"}
_TABLE_NUMBER = re.compile(
    r"(?P<neg>[(\-\u2013\u2212])?\s*£?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<close>\))?"
)


def parse_table_amount(cell: str, unit: Decimal) -> Decimal | None:
    """Parse a bare number in a table column whose header declares ``unit`` pounds per unit.

    "1,234" -> 1234 x unit; "(1,234)" and "-1,655" are negative; "-", "–", "nil" mean zero;
    an empty cell or anything that is not a number ("n/a", "12%") gives None. A leading "+"
    (signed variances) and a "£" are allowed.
    """
    s = cell.strip().strip("*").strip()
    if not s:
        return None
    if s.casefold() in _TABLE_ZERO:
        return Decimal(0)
    s = s.lstrip("+").strip()
    m = _TABLE_NUMBER.fullmatch(s)
    if m is None:
        return None
    neg, close = m.group("neg"), m.group("close")
    if (neg == "(") != (close is not None):
        return None
    try:
        raw = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:
        return None
    with localcontext() as ctx:
        ctx.prec = 40
        value = raw * unit
        if abs(value) >= _MAX_AMOUNT:
            return None
        value = _tidy(value)
    return -value if neg else value


@functools.cache
def _unit_patterns() -> tuple[tuple[re.Pattern[str], Decimal], ...]:
    return tuple(
        (re.compile(r["pattern"], re.IGNORECASE), Decimal(r["unit"]))
        for r in load_table("table_units.csv")
    )


def unit_from_header(text: str) -> Decimal | None:
    """The unit a table header declares for the amounts under it, in pounds.

    "£000s", "£'000", "£k" -> 1000; "£m", "£ millions", "All figures in £m" -> 1000000;
    "Amount (£)", "£" -> 1. None when the header declares no unit (or holds an amount itself).
    """
    for pattern, unit in _unit_patterns():
        if pattern.search(text):
            return unit
    return None
