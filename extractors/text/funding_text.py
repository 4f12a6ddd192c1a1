"""Read funding facts out of one piece of text: amounts, their kind, funder, recipient, purpose.

Shared by the spend-plan extractor (cells of a spend-plan table) and the funding extractor
(prose, bullet lists, label | amount lists). Everything here is a pure function of its text;
the callers supply the context (column, heading, list introduction) a sentence sits in.
Cue phrases live in ``data/funding_kinds.csv``; funder names in ``data/funders.csv`` (national
bodies) and ``data/gazetteer_funders.csv`` (local ones).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from extractors.datafiles import load_table
from extractors.memo import paper_memo
from extractors.text.literals import Cue, CueSet
from extractors.values import money, years
from extractors.values.spacing import fold

#: the kind a cue gives amounts that are not funding (the callers write no row for them)
NOT_FUNDING = "none"
#: the kind a cue gives a payment to a supplier or employee: not funding unless a funding word
#: in the same text names a gift
PAYMENT = "payment"
#: a question ("Why was £6,000 ...?"): the amounts in it are asked about, not given
_QUESTION = re.compile(r"\?\s*[)\]\"'’”]*\s*$")
#: a balance: the amount is followed by where it is held ("£125 in the defibrillator fund",
#: "£2,318.89 in its ordinary administrative funds")
_HELD_IN = re.compile(
    r"^\s*(?:is\s+|remains\s+)?(?:held\s+)?in\s+(?:the|its|our|their|this)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:fund|funds|account|accounts|reserves?|balance)\b",
    re.I,
)
#: a question whose mark the page lost: "Why was a £6000 additional fee required in ..."
_ASKING = re.compile(
    r"^\W*(?:why|what|how)\s+(?:was|were|is|are|did|does|do|has|have|"
    r"would|will|could|can|much|many|level|amount)\b",
    re.I,
)
#: an amount asked for, not given: "a bid for £15k", "the original application was for
#: £3,290", "is requesting £8,000" (the decision, if any, is another amount)
_ASKED = re.compile(
    r"\b(?:bids?|applications?|requests?|applied|asked|asking|requesting|requested|seeking|"
    r"sought)\s+(?:(?:was|were|is|are)\s+)?(?:(?:for|of)\s+)?(?:a\s+further\s+|an?\s+)?"
    r"(?:up\s+to\s+|approximately\s+|circa\s+)?$",
    re.I,
)
#: a change to an amount, not an amount given (spec: variances are not funding): "an
#: increase of £12.5m", "an inflationary increase of £0.2m", "has decreased by £1m"
#: a threshold or comparison, not money given: "capital programmes with a value in excess of
#: £100m", "none are more than £1m", "contracts exceeding £500k"
_COMPARED = re.compile(
    r"\b(?:in\s+excess\s+of|more\s+than|less\s+than|greater\s+than|fewer\s+than|"
    r"exceeding|exceeds?|not\s+exceed)\s*$",
    re.I,
)
_CHANGE_BY = re.compile(
    r"\b(?:(?:increase|decrease|reduction|uplift|rise|fall|cut)s?\s+(?:of|by)|"
    r"(?:increased|decreased|reduced|uplifted|rose|fell|cut)\s+by)\s+(?:around\s+|about\s+)?$",
    re.I,
)
#: an amount that is part of one the sentence already gave: "£15.7m, which reflects rolled in
#: grants of £3.7m", "was £88.771m including £1.920m from rolled in ILF"
_PART_OF = re.compile(
    r"£\s?[\d.,]+\s*(?:k|m|bn|million|billion)?\b[^£]*?\b(?:which\s+reflects?|includ(?:es|ing)|"
    r"comprising|made\s+up\s+of|of\s+which)\b[^£]*$",
    re.I,
)
#: ... unless the part has a source of its own: "£7,502,000 for the RPS expansion programme of
#: which £4,999,000 will be allocated from CAZ for development work" (Bristol CC)
_PART_FROM = re.compile(
    r"^\s+(?:will\s+be|is\s+to\s+be|are\s+to\s+be|to\s+be|is|are|was|were|has\s+been|"
    r"have\s+been)\s+(?:allocated|funded|met|drawn|provided|paid|financed)\s+(?:from|by)\s",
    re.I,
)
#: a variance against a budget or forecast: "about £4.8m below the current budget", "£12m
#: under budget", "£0.5m more than forecast"
_AGAINST_BUDGET = re.compile(
    r"^\s*(?:below|above|under|over|less\s+than|more\s+than|lower\s+than|higher\s+than)\s+"
    r"(?:the\s+|its\s+|our\s+)?(?:current\s+|original\s+|revised\s+|approved\s+)?"
    r"(?:budget|forecast|target|estimate)\b",
    re.I,
)
#: a later total the amount adds up to: "..., increasing the total grant value for 2021-22 to
#: £39.1m", "taking the total grant for 2023-24 to £14.4m" (the total is the row)
#: a price or rate for one unit after the amount: "£2 per hour" (Bristol's parking tariff),
#: "£12.71 per hour" (Kent's pay), "£258.24 per sign" (Wretton PC), "£200.00 per permit"
#: (Nottingham City); not a share per head or per pupil, which may be a grant's
_UNIT_PRICE = re.compile(
    r"^\s*(?:per|a|an|each)\s+(?:permit|hour|day|night|week|visit|vehicle|space|ticket|bag|"
    r"sack|plot|sign|session|booking|lesson|pitch|bay)s?\b",
    re.I,
)
_TO_TOTAL = re.compile(
    r"^[^£]*?\b(?:increasing|taking|bringing|raising)\s+(?:the\s+)?(?:total|overall)\b[^£]{0,80}?"
    r"\bto\s+£",
    re.I,
)
#: a purpose that names only the kind of money ("total grant value for 2021-22")
_GENERIC_PURPOSE = re.compile(
    r"^(?:(?:the|this|its|our)\s+)?(?:total\s+|overall\s+|additional\s+)?(?:[\w-]+\s+)?"
    r"(?:grant|allocation|funding)(?:\s+(?:value|allocation|total))?"
    r"(?:\s+(?:for|in)\s+(?:this\s+council|the\s+council|\d{4}\s*[/-]\s*\d{2,4}))*$",
    re.I,
)
#: how far (characters) a cap cue ("up to") reaches from the amount it limits
_CAP_REACH = 35
#: Kinds a cue can force over a column's default kind; the others only apply when nothing
#: stronger says what the money is.
_WEAK_KINDS = ("estimate", "allocation")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(£\"'‘“])")
_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|no|approx|est|c|ca|cllr|mr|mrs|ms|dr)\.$", re.I)
_LIST_MARKER = re.compile(r"^\s*(?:[-•\uf0b7*–]\s*)?(?:\(?[a-z0-9]{1,3}[.)]\s+)?", re.I)
_SUBJECT_VERBS = re.compile(
    r"\b(?:was|were|is|are|has|have|had|would|will|to\s+be)?\s*"
    # "the service has awarded nearly £1M in grants" gives (``_GIVER_VERBS``)
    r"(?:been\s+)?(?:(?<!has\s)(?<!have\s)(?<!had\s)(?:awarded|granted|allocated)|received|"
    r"receive|in\s+receipt\s+of|"
    r"(?<=been\s)offered|(?<=was\s)offered|(?<=were\s)offered|funded\s+by)\b",
    re.I,
)
_GIVER_VERBS = re.compile(
    r"\b(?:has|have|had)?\s*(?:committed|put\s+forward|provided|contributed|given|granted|"
    r"(?<=has\s)awarded|(?<=have\s)awarded|(?<=had\s)awarded|"
    r"invested|pledged|(?<!been\s)(?<!was\s)(?<!were\s)offered|"
    r"(?:agreed\s+to\s+)?(?:donate|pledge|contribute|give))\b",
    re.I,
)
_LEAD_IN = re.compile(r"^.*\b(?:that|noted|reported|confirmed|agreed)\b[,\s]+", re.I)
_VERB_SPLIT = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would)\b.*$", re.I)
_FROM_FUNDER = re.compile(
    r"\bfrom\s+(?:the\s+)?(?P<f>[A-Z][^,.;]*?)(?=\s+(?:funding|grant|for|to|in|towards)\b|[,.;]|$)"
)
_FUNDER_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?P<f>[A-Z][^,.;£]*?)\s+(?:funding|grant|fund)\s+of\s*$"
)
#: the end of a range "from ... to <this>": a number or a name ("from rounds one to three",
#: "from April to March"), not a verb ("from the government to reduce smoking")
_RANGE_END = r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|(?-i:[A-Z]))"
_PURPOSE_AFTER = re.compile(
    r"^\W*(?:pounds?\s+)?(?:(?:grant|funding|donation|contribution|allocation)\s+)?"
    # "£5m of Investment Fund capital to", "£868,500 of Funding for", "£1m of CAZ capital for"
    r"(?:of\s+(?:(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){1,4}?)?(?:(?:capital|revenue)\s+)?"
    r"(?:capital|revenue|funding|funds?)\s+)?"
    r"(?:in\s+funding\s+)?"
    # what the money is set to: "£500 set aside for", "£80 million allocated to", "£15K pa
    # ... is available for", "£30k from a separate development ... for play equipment"
    r"(?:(?:p\.?a\.?|per\s+annum|a\s+year)\s+)?"
    r"(?:(?:for|over|in)\s+(?:the\s+)?(?:next|coming|following)\s+\w+\s+(?:years?|months?)\s+)?"
    r"(?:from\s+[^.;,£\d]{1,60}?\s+(?!to\s+" + _RANGE_END + r"))?"  # not "rounds one to three"
    r"(?:(?:is|are|was|were|will\s+be|be|been|being)\s+)?"
    r"(?:(?:set\s+aside|earmarked|ring-?fenced|allocated|(?:made\s+)?available|budgeted|"
    r"reserved|committed|used|granted|donated|awarded|given|contributed)\s+)?"
    r"(?:from\s+[^.;,£\d]{1,60}?\s+(?!to\s+" + _RANGE_END + r"))?"  # "allocated from CAZ for"
    r"(?P<prep>to|towards|for)\s+(?!\d)(?:(?:spend|be\s+spent|be\s+used)\s+(?:on|for)\s+)?"
    r"(?P<p>[^.;]+)",
    re.I,
)
#: a named programme, project or scheme money is for: "the RPS expansion programme"
_NAMED_WORK = re.compile(
    r"^(?:the\s+)?(?P<r>(?:[\w&'’()-]+\s+){1,5}(?:programme|project|scheme|initiative))\s*$",
    re.I,
)
#: a closing relative clause with no amount: ", which may be over the key decision threshold."
_TRAILING_WHICH = re.compile(r",\s+which\s+[^£]*$")
#: what a gift is for, after its recipient: "to enable the group to buy ...", "for the new
#: playground", "towards the cost of ..."
_GIFT_FOR = re.compile(r"^\s*,?\s+(?:to|towards|for)\s+(?!\d)(?P<p>[a-z][^.;]{3,150})")
#: the named money an amount is of: "£2,467,388 of Incentive funds", "£1m of CRSTS funding",
#: "£100 in Council Support Grant funding"
_OF_NAMED_MONEY = re.compile(
    r"^\s+(?:of|in)\s+(?:the\s+)?(?P<p>(?:[A-Z][\w&'’-]*\s+){1,4}(?:funds?|funding|grants?|capital))"
    r"\s*(?:[.;]|$)"
)
#: what an allocation named after its amount is of: "a £45,005,618 allocation of the
#: Brownfield Housing Fund capital grant and associated conditions from ..."
_ALLOCATION_OF = re.compile(
    r"^\s+(?:allocation|award|grant)\s+of\s+(?:the\s+)?(?P<p>[A-Z][^.;£]{2,100}?)"
    r"(?=\s+(?:and\s+associated|from|for|to|in)\b|[,.;]|$)"
)
#: the fund an amount is drawn from: "£5m of Investment Fund capital", "£2m of the Growth
#: Fund revenue"
_OF_FUND = re.compile(
    r"^\s+of\s+(?:the\s+)?(?P<f>(?:[A-Z][\w&'’-]*\s+){1,4}?Fund)\s+(?:capital|revenue|money)\b"
)
#: the paper's own body taking money in: "Noted the (intended) receipt of", "to accept and
#: spend", "accepted the grant of"
_TAKEN_IN = re.compile(
    r"\b(?:receipt\s+of|accept(?:ed|s)?(?:,?\s+and\s+(?:to\s+)?spend)?)\b[^.;£]{0,60}$",
    re.I,
)
#: a time, not a purpose: "£500 for this year", "for the following year", "for 2019"
_WHEN = re.compile(
    r"^(?:the\s+)?(?:this|next|last|that|each|every|the|a|one|two|three)?\s*"
    r"(?:following\s+|coming\s+|current\s+|financial\s+)?(?:year|years|month|months|"
    r"\d{4}(?:\s*[/-]\s*\d{2,4})?)\b",
    re.I,
)
#: "<noun phrase> of £X": a subject the amount measures ("The 10-year Capital programme and
#: investment proposals of £1,419m")
_NP_OF = re.compile(r"^(?P<np>(?:the\s+)?[A-Za-z0-9][\w'’&/ -]{3,90}?)\s+of\s+$", re.I)
#: a funding noun the amount measures: "a contribution of £40k", "a grant of £5,000"
_NOUN_OF = re.compile(
    r"\b(?P<n>contribution|grant|sum|allocation|award|payment|donation|investment|budget)"
    r"\s+of\s+(?:up\s+to\s+|approximately\s+|circa\s+|around\s+)?$",
    re.I,
)
#: an amount in a relative clause describes the noun phrase before it:
#: "... the allocation of the remaining funding, which was approximately £8,000"
_WHICH_WAS = re.compile(
    r"^(?P<np>.+?),?\s+which\s+(?:was|is|were|are|totalled|totals|amounted\s+to|came\s+to)"
    r"(?:\s+(?:approximately|about|around|circa|roughly|some|just\s+over|just\s+under))?\s*$",
    re.I,
)
#: the body a gift goes to, named after the amount: "£100 donation be made to the Royal British
#: Legion", "a grant of £350 to Mr Raymond Green", "£50 donated to Wales Air Ambulance"
_GIFT_TO = re.compile(
    r"^\W*(?:(?:donation|grant|contribution|award|gift)s?\b[^.;£]{0,25}?|"
    # "£250 be donated to", "£5000 from Parish Council funds to the Village Hall Committee"
    r"(?:(?:is|are|was|were|will\s+be|be|been|has\s+been|have\s+been)\s+)?"
    r"(?:donated|granted|awarded|given|paid|allocated)\s+|"
    r"from\s+(?:the\s+)?[^.;,£\d]{1,40}?\s+(?:funds?|reserves?|budget|account)\s+|"
    r"(?=to\s+))to\s+(?:the\s+)?"
    r"(?P<r>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w'’&.-]*)*)"
)
_NOT_FUNDER = re.compile(r"^(?:multiple|various|a\s+range|several|other|different)\b", re.I)
_NUMBERING = re.compile(r"^(?:[-•\uf0b7*–]\s*)?\d+(?:\.\d+)*\.?\s+")
_TOPIC_WORDS = 6
_PRONOUN = re.compile(
    r"^(?:it|this|that|these|those|they|we|there|he|she|i|you|our|its|all|"
    r"each|some|any|one)\b",
    re.I,
)
#: the paper's own council as a paragraph's subject is the payer or holder, not a recipient
_SELF = re.compile(
    r"^(?:the\s+|this\s+)?(?:county\s+|city\s+|borough\s+|district\s+)?"
    r"council(?:['’]s)?$",
    re.I,
)
#: a totals line ("TOTAL = £6,162.98", "Sub-total") sums other lines: it is no award itself
_TOTAL_LABEL = re.compile(r"^\W*(?:(?:grand\s+|sub[-\s]?)?totals?|cyfanswm)\b", re.I)
#: a correspondence item: sender, "re", subject ("xi) Wales Air Ambulance re financial
#: support.", Manordeilo CC; "Cllr Hayward re No 2608", Tintern CC)
_REGARDING = re.compile(
    r"^\s*(?:\(?[ivxlc]{1,5}\)|\(?[a-z0-9]{1,3}[.)])?\s*"
    r"(?P<name>[A-Z][^.;:,]{2,60}?)\s+(?:re|parthed)\s+\S"  # "parthed": Welsh for "re"
)
_PRECEPT = re.compile(r"\bprecept\b", re.I)
_FY_ONLY = re.compile(r"^(?:the\s+)?(?:financial\s+year\s+)?\d{4}\s*[/-]\s*\d{2,4}$", re.I)


@dataclass(frozen=True)
class Mention:
    """An amount of money found in a text: Decimal pounds, as printed, and where."""

    amount: Decimal
    text: str
    start: int
    end: int
    approximate: bool = False
    hint: str | None = None  # "cap" or "estimate" when the words around it say so


@dataclass
class FundingFacts:
    """What one amount in one sentence says: the fields of a funding row bar provenance."""

    mention: Mention
    kind: str
    funder: str | None = None
    recipient: str | None = None
    purpose: str | None = None
    financial_year: str | None = None
    over_years: bool = False  # the amount spans several years: it is no one year's
    drawn: bool = False  # the funder is the fund this amount is drawn from, not a list's


def money_mentions(text: str) -> list[Mention]:
    """Return every amount of money written in ``text`` (the values parser finds them)."""
    return list(_money_mentions(text or ""))


@paper_memo()  # a sentence or cell is asked for its amounts by several readers
def _money_mentions(text: str) -> tuple[Mention, ...]:
    out = []
    for m in money.find_money(text):
        if m.money.amount < 0:
            continue
        out.append(
            Mention(
                amount=m.money.amount,
                text=m.text,
                start=m.start,
                end=m.end,
                approximate=m.money.approximate,
                hint=m.money.hint,
            )
        )
    return tuple(out)


def table_amount(cell: str, header: str = "") -> Mention | None:
    """Return the amount a table cell holds (a header unit such as £000s applies), or None."""
    text = fold(cell)
    if not text:
        return None
    unit = money.unit_from_header(header) if header else None
    value = money.parse_table_amount(text, unit) if unit else None
    if value is not None:
        return Mention(amount=value, text=text, start=0, end=len(text))
    found = money_mentions(text)
    return found[0] if found else None


def percentage(cell: str) -> float | None:
    """Return the percentage printed in a cell ("44.7%" -> 44.7), or None."""
    m = re.search(r"(-?\d+(?:\.\d+)?)\s*%", cell or "")
    return float(m.group(1)) if m else None


def financial_years(text: str) -> list[str]:
    """Return the financial years written in ``text``, normalised to ``YYYY/YY``."""
    return [m.fy for m in years.find_financial_years(text or "") if m.fy]


def first_financial_year(text: str) -> str | None:
    """Return the first financial year written in ``text``, or None."""
    found = financial_years(text)
    return found[0] if found else None


#: money moved between a council's own accounts: "£800 still to be transferred to new
#: Christmas Lights account", "Re-allocate £275k from the Covid Reserve to the Restructuring
#: Reserve"; its destination runs to a word of ``data/transfer_destinations.csv``
_MOVED = re.compile(
    r"\b(?:transferr(?:ed|ing)|transfers?|virements?|re-?allocat(?:e|ed|ing|ion)|moved?)\b"
    r"(?P<via>(?:[^.;]|(?<=\d)\.(?=\d)){0,80}?)\bto\s+(?:the\s+|a\s+|an\s+)?(?:new\s+)?"
    r"(?P<d>[^.;,()]{1,60}?)(?=\s*(?:[.;,()]|$|\s+(?:as|to|for|in|on|by|which|so|and|attached"
    r"|be|is|are|was|were|will|would|should)\b))",
    re.I,
)


@functools.cache
def _destination_words() -> dict[str, str]:
    return {r["word"].casefold(): r["kind"] for r in load_table("transfer_destinations.csv")}


def moved_to(sentence: str, mention: Mention | None = None) -> tuple[str, bool] | None:
    """Where a sentence moves money between the council's own accounts: ``(destination,
    holds_for_a_purpose)``, or None when it moves none (or not ``mention``'s amount: the
    amount must stand before the destination, at most one clause from the verb).

    A destination ending in a holder word of ``data/transfer_destinations.csv`` ("Christmas
    Lights account", "Restructuring Reserve") holds money for a purpose; one with a treasury
    word ("an interest bearing bond", "the new Co-Op account") only keeps cash."""
    words = _destination_words()
    for m in _MOVED.finditer(sentence):
        if mention is not None:
            near = m.start() - 60 <= mention.start and mention.end <= m.start("d")
            if not near:
                continue
        dest = m.group("d").strip()
        folded = dest.casefold()
        last = folded.split()[-1] if folded.split() else ""
        if last not in words:
            continue
        # a bank's or a deposit's account keeps cash; a reserve, fund or programme is for
        # what it names unless it is the general one ("infrastructure investment programme")
        treasury = words[last] == "treasury" or bool(re.search(r"\bgeneral\b", folded))
        if last in ("account", "a/c"):
            treasury = treasury or any(
                kind == "treasury" and re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", folded)
                for w, kind in words.items()
            )
        return dest, not treasury and len(folded.split()) > 1
    return None


#: a bracketed sentence: at least four words, ending in a full stop inside the bracket
_BRACKETED_SENTENCE = re.compile(r"\s+\(((?:[^()\s]+\s+){3,}[^()\s]*\.)\)")


#: a threshold after an amount: "£25,000 and over", "£5,000 or more", "£100 and above"
_AND_OVER = re.compile(r"^\s*(?:and|or)\s+(?:over|above|more|upwards)\b", re.I)
#: an amount named as the pot another is drawn from: "from the £789,000 provisional ... budget"
_SOURCE_POT = re.compile(r"\bfrom\s+(?:the|a|an|its|our)\s+$", re.I)


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (keeps "e.g." and "approx." inside their sentence).

    Line breaks are folded first: in PDF cells they are wraps ("circa £1" / "Million").
    """
    out: list[str] = []
    # a whole sentence in brackets is a sentence of its own ("... £1240.78 in the ringfenced
    # Project Account (£800 still to be transferred to new Christmas Lights account.)")
    text = _BRACKETED_SENTENCE.sub(r". \1", fold(text))
    for part in _SENTENCE_END.split(text):
        part = part.strip()
        if not part:
            continue
        if out and _ABBREVIATIONS.search(out[-1]) and out[-1].endswith("."):
            out[-1] = out[-1] + " " + part
        else:
            out.append(part)
    return out


@functools.cache
def _kind_cues() -> tuple[tuple[Cue, str, int], ...]:
    rows = load_table("funding_kinds.csv")
    cues = [
        (Cue.compile(r"(?<!\w)" + re.escape(r["cue"]) + r"(?!\w)", re.I), r["kind"], int(r["rank"]))
        for r in rows
    ]
    return tuple(sorted(cues, key=lambda c: c[2]))


@functools.cache
def _kind_cue_set() -> CueSet:
    return CueSet([cue for cue, _, _ in _kind_cues()])


@functools.cache
def _word_list(table: str) -> re.Pattern[str]:
    """One case-insensitive whole-word pattern for the ``word`` column of a data table, longest
    words first."""
    words = sorted((r["word"] for r in load_table(table)), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)


def _funding_words() -> re.Pattern[str]:
    return _word_list("funding_words.csv")


#: what may stand between a gift noun and its amount: "a donation of at least £250"
_GIFT_OF = r"\s+of\s+(?:(?:at\s+least|up\s+to|about|around|approximately)\s+)?$"


def gift_noun(sentence: str, mention: Mention) -> str | None:
    """Return the gift noun (``data/gift_nouns.csv``) that names ``mention``'s amount: the
    noun before "of £X" ("a further donation of at least £250") or right after the amount
    ("a £100 donation"), lower-cased; None when the amount has no such noun."""
    words = _word_list("gift_nouns.csv")
    before = re.search(rf"(?:{words.pattern}){_GIFT_OF}", sentence[: mention.start], re.I)
    after = words.match(sentence[mention.end :].lstrip())
    found = before or after
    return found.group(0).split()[0].lower() if found else None


def says_funding(sentence: str, paragraph: str = "") -> bool:
    """Whether a sentence says money is given, granted or budgeted: a funding word
    (``data/funding_words.csv``) or a cue of a funding kind (``data/funding_kinds.csv``).

    An estimate ("approximately £750") says nothing of funding; a limit ("A maximum of £700
    per project idea") does only after a ``paragraph`` lead about funding ("... to fund as
    many projects as possible."), not on its own ("a potential for up to £69m was
    identified" in an answer on savings).
    """
    if _funding_words().search(sentence):
        return True
    moved = moved_to(sentence)
    if moved and moved[1]:
        return True  # "£800 to be transferred to the Christmas Lights account"
    qualifiers = (NOT_FUNDING, PAYMENT, "estimate", "cap")
    if _funding_words().search(paragraph):
        qualifiers = (NOT_FUNDING, PAYMENT, "estimate")
    return any(kind not in qualifiers for _, kind in _cues_in(sentence))


@paper_memo()  # kind_of asks again for each amount of a sentence, and for its scope
def _cues_in(text: str) -> tuple[tuple[int, str], ...]:
    """(rank, kind) of every cue of ``data/funding_kinds.csv`` in ``text``."""
    if not text:
        return ()
    cues = _kind_cues()
    found = []
    for i in _kind_cue_set().candidates(text.lower()):
        cue, kind, rank = cues[i]
        if cue.pattern.search(text):
            found.append((rank, kind))
    return tuple(found)


def names_no_funding(text: str | None) -> bool:
    """Whether ``text`` (a list's introduction) holds a cue of kind ``none``: the amounts it
    introduces are valuations, savings, a proposed amendment's, not money given."""
    return any(kind == NOT_FUNDING for _, kind in _cues_in(text or ""))


def is_payment_text(text: str) -> bool:
    """Whether ``text`` (a table's header, a list's introduction) names payments: a payment
    cue of ``data/funding_kinds.csv`` ("Payments", "Cheque Number", "Invoice")."""
    return any(kind == PAYMENT for _, kind in _cues_in(text))


def _voluntary_words() -> re.Pattern[str]:
    return _word_list("voluntary_words.csv")


def is_voluntary(text: str) -> bool:
    """Whether ``text`` (a payee) names a voluntary body (``data/voluntary_words.csv``)."""
    return bool(_voluntary_words().search(text))


def kind_of(
    sentence: str, mention: Mention | None = None, default: str | None = None, scope: str = ""
) -> str:
    """Return the funding kind a sentence gives an amount.

    ``scope`` is the text the sentence sits under (its section heading and the list's
    introduction): "Accounts for payment" makes every line below it a payment.

    A question, a cue of kind ``none`` and a payment (a payment cue in the sentence or its
    scope, no funding word in either) give ``NOT_FUNDING``, unless the payee is a voluntary
    body (``data/voluntary_words.csv``): that is a gift, ``grant_award``. Then strong cues
    (prize, cap, past spend, match funding, grant award, other funding) win; then the caller's
    ``default`` (the kind a table column implies); then weak cues (estimate, allocation) and
    the amount's own hint ("up to" -> cap, "circa" -> estimate).
    """
    if _QUESTION.search(sentence) or _ASKING.match(sentence):
        return NOT_FUNDING  # an amount asked about is not an amount given
    if (
        mention is not None
        and sentence[mention.start : mention.end] == mention.text
        and _HELD_IN.match(sentence[mention.end :])
    ):
        return NOT_FUNDING  # money held: "there is £125 in the defibrillator fund"
    if mention is not None and _ASKED.search(sentence[: mention.start]):
        return NOT_FUNDING  # "a bid for £15k", "the original application was for £3,290"
    if mention is not None and _COMPARED.search(sentence[: mention.start]):
        return NOT_FUNDING  # a threshold: "a value in excess of £100m"
    if mention is not None and _AND_OVER.match(sentence[mention.end :]):
        return NOT_FUNDING  # a threshold: "Only grants of £25,000 and over are key decisions"
    if mention is not None and _SOURCE_POT.search(sentence[: mention.start]):
        return NOT_FUNDING  # the pot drawn from: "To transfer £643,221 from the £789,000 ..."
    if mention is not None and _CHANGE_BY.search(sentence[: mention.start]):
        return NOT_FUNDING  # a variance: "an increase of £12.5m", "reduced by £2m"
    if (
        mention is not None
        and _PART_OF.search(sentence[: mention.start])
        and not _PART_FROM.match(sentence[mention.end :])
    ):
        return NOT_FUNDING  # "£15.7m, which reflects rolled in grants of £3.7m": a part
    if mention is not None and _AGAINST_BUDGET.match(sentence[mention.end :]):
        return NOT_FUNDING  # a variance: "£4.8m below the current budget", "£2m over budget"
    if mention is not None and _UNIT_PRICE.match(sentence[mention.end :]):
        return NOT_FUNDING  # a price or a rate: "£200.00 per permit", "£2 per hour"
    if mention is not None and _TO_TOTAL.search(sentence[mention.end :]):
        return NOT_FUNDING  # "an additional £4.7m, increasing the total grant to £39.1m"
    if _NATIONAL.search(sentence) and not _OUR_COUNCIL.search(sentence):
        return NOT_FUNDING  # a national total announced or settled, not this council's share
    found = _cues_in(sentence)
    if any(kind == NOT_FUNDING for _, kind in found):
        return NOT_FUNDING
    if mention is not None and any(kind == "cap" for _, kind in found):
        # "up to" limits the amount after it, not every amount of the sentence ("nearly £1M in
        # grants, up to £25,000 per applicant": the total is no limit)
        local = sentence[max(0, mention.start - _CAP_REACH) : mention.end]
        if mention.hint != "cap" and not any(kind == "cap" for _, kind in _cues_in(local)):
            found = [f for f in found if f[1] != "cap"]
    own_payment = any(kind == PAYMENT for _, kind in found)
    if own_payment or any(kind == PAYMENT for _, kind in _cues_in(scope)):
        # a sentence's own payment cue is lifted only by its own funding word ("Resolved to
        # pay M Joyce for website fees" under a paragraph on the budget stays a payment)
        if _funding_words().search(sentence) or (
            not own_payment and _funding_words().search(scope)
        ):
            found = [f for f in found if f[1] != PAYMENT]
        elif _voluntary_words().search(sentence):
            return "grant_award"  # a payment to a charity, church or club is a gift
        else:
            return NOT_FUNDING
    strong = [f for f in found if f[1] not in _WEAK_KINDS]
    if strong:
        return min(strong)[1]
    if default:
        return default
    if mention is not None and mention.hint in ("cap", "estimate"):
        return mention.hint
    weak = [f for f in found if f[1] in _WEAK_KINDS]
    return min(weak)[1] if weak else "allocation"


@functools.cache
def _funders() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = sorted(
        load_table("funders.csv") + load_table("gazetteer_funders.csv"),
        key=lambda r: -len(r["alias"]),
    )
    return tuple(
        (
            re.compile(
                r"(?<!\w)" + re.escape(r["alias"]) + r"(?!\w)", 0 if r["alias"].isupper() else re.I
            ),
            r["funder"],
        )
        for r in rows
    )


def _is_funder_name(name: str) -> bool:
    """A funder is an organisation (by the organisation data and words) or a named fund."""
    from extractors.linking.organisations import looks_like_organisation

    return (
        looks_like_organisation(name)
        or bool(re.search(r"\bFund\b", name))
        or bool(re.search(r"\bgovernment$", name, re.I))  # "the previous government"
    )


def known_funder(text: str, authority: str | None = None) -> str | None:
    """Return the funder a known name or alias in ``text`` stands for (first, longest match)."""
    best: tuple[int, str] | None = None
    for pat, funder in _funders():
        m = pat.search(text or "")
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), funder)
    if best is None:
        return None
    if best[1] == "{authority}":
        return authority
    return best[1]


#: the words that join a phrase to the next amount, cut off the phrase's end: "for adults and
#: an additional £6.2 million for children" (Kent's minutes): the first is "for adults"
_JOINED_TO_NEXT = re.compile(
    r"\s+(?:and|or|plus|with|but)(?:\s+(?:an?|the|a\s+further|further|additional|another))*$",
    re.I,
)


def _clean_name(text: str) -> str | None:
    text = _JOINED_TO_NEXT.sub("", fold(text).strip(" ,;:-–")).strip(" ,;:-–")
    text = _NUMBERING.sub("", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    text = _LIST_MARKER.sub("", text) if text[:1] in "-•(\uf0b7*–" else text
    return text or None


#: the paper's own council by its kind alone: "the Council", "the PC", "Parish Council"
_OWN_COUNCIL = re.compile(
    r"^(?:the\s+)?(?:(?:parish|town|community|city|county|borough|district)\s+)?council$"
    r"|^(?:the\s+)?(?:PC|TC|CC)$",
    re.I,
)


def _resolve(name: str | None, authority: str | None) -> str | None:
    if not name:
        return None
    if _OWN_COUNCIL.match(name.strip()) and authority:
        return authority
    return name


#: an adverbial phrase opening a clause before its subject
_PREPOSITION_LEAD = re.compile(
    r"^(?:Since|Through|In|With|From|During|Over|After|Following|Under|Via|Between|Using|"
    r"Across|Within|Throughout)\b"
)


def _verb_subject(before: str) -> str | None:
    """The subject of the verb ``before`` ends at, past an adverbial phrase that opens the
    clause: "Since November 2017 the service [has awarded]", "Through the Government’s ...
    fund the Council [has been recently awarded]" (Nottingham City's annual report)."""
    if _PREPOSITION_LEAD.match(before.strip()):
        at = max(before.rfind(" the "), before.rfind(" The "))
        before = before[at + 1 :] if at > 0 else before
    return _subject(before)


def _subject(before: str) -> str | None:
    """The noun phrase that opens a clause: "It was noted that the CSP had ..." -> "CSP";
    "..., however, Birmingham were set to" -> "Birmingham" (the clause the verb ends)."""
    text = _LEAD_IN.sub("", before)
    clause = re.split(r"[,;]\s*|\s+and\s+(?=the\s)", text)[-1]
    last = _VERB_SPLIT.sub("", clause).strip(" ,;")
    text = _VERB_SPLIT.sub("", text).strip(" ,;")
    text = last if last else re.split(r"[,;]\s*", text)[-1]
    name = _clean_name(text)
    if name and len(name.split()) <= 10 and (name[:1].isupper() or text.strip()[:1].isupper()):
        return name
    return None


def read_sentence(
    sentence: str,
    mention: Mention,
    default_kind: str | None = None,
    authority: str | None = None,
    limit: int | None = None,
    scope: str = "",
) -> FundingFacts:
    """Read one amount in one sentence: its kind, funder, recipient, purpose and year.

    ``default_kind`` is what the surrounding column or list implies; ``authority`` stands for
    "the Council"; ``limit`` is where the next amount starts (its words are not this one's);
    ``scope`` is the heading and introduction it sits under (see ``kind_of``).
    Fields the sentence does not say are None; callers fill them from context.
    """
    before, after = sentence[: mention.start], sentence[mention.end : limit]
    # a closing "which" clause with no amount describes the noun before it, not the money
    # ("... for delivery of the project, which may be over the key decision threshold.")
    said = _TRAILING_WHICH.sub("", sentence[mention.end :])
    said = sentence[: mention.end] + said
    facts = FundingFacts(mention=mention, kind=kind_of(said, mention, default_kind, scope))
    m = _FUNDER_BEFORE.search(before)
    if m:
        facts.funder = _clean_name(m.group("f"))
    else:
        m = _FROM_FUNDER.search(after)
        if m and not _NOT_FUNDER.match(m.group("f")) and not _FY_ONLY.match(m.group("f")):
            facts.funder = _clean_name(m.group("f"))
    source = _OF_FUND.match(after)
    if source and not facts.funder:
        facts.funder = source.group("f")  # "£5m of Investment Fund capital": the fund gives
        facts.drawn = True
    verb = _SUBJECT_VERBS.search(before)
    earlier = money_mentions(before)
    clause_start = earlier[-1].end if earlier else 0  # an earlier amount's verb is its own
    givers = [g for g in _GIVER_VERBS.finditer(before) if g.start() >= clause_start]
    giver = givers[-1] if givers else None  # the verb nearest the amount gives it
    owned = _OWNED_AMOUNT.search(before)
    if owned:  # "The Council’s allocation for 2019-20 was £10.5m"
        facts.recipient = _clean_name(owned.group("subj"))
    elif verb:
        facts.recipient = _verb_subject(before[: verb.start()])
    elif giver:
        facts.funder = facts.funder or _verb_subject(before[: giver.start()])
    own_fund = _OWN_FUND.search(before)
    if own_fund and not facts.funder:
        # "Cllr Fatemian reported that his funds of £15K pa ...": the speaker's own fund
        facts.funder = own_fund.group("who")
        own_fund_named = True
    else:
        own_fund_named = False
    facts.funder = _resolve(facts.funder, authority)
    if facts.funder and not own_fund_named:
        known = known_funder(facts.funder, authority)
        if known and (len(facts.funder) <= 5 or _POSSESSIVE.match(facts.funder)):
            # an acronym, or a part of a known body cut at a comma ("Homes England’s Markets,
            # Partners and Places Directorate"): the body itself
            facts.funder = known
        elif not known and not _is_funder_name(facts.funder):
            facts.funder = None  # a phrase caught by the pattern, not a body that gives money
    if not facts.recipient and authority and _TAKEN_IN.search(before[clause_start:]):
        # "Noted the receipt of a £45m allocation ...", "to accept and spend £2.4m of
        # Incentive funds": the body whose decision it is receives the money
        facts.recipient = authority
    gift = _GIFT_TO.match(after)
    if gift and gift.group(0).lstrip(" \t").startswith("to") and not _NOUN_OF.search(before):
        gift = None  # a bare "£300 to Acme" names a recipient only after "the grant of"
    if gift and not facts.recipient:
        facts.recipient = _clean_name(gift.group("r").rstrip("."))
        use = _GIFT_FOR.match(after[gift.end() :])
        if use and not _WHEN.match(use.group("p")):
            # "the grant of £350 to Mr Raymond Green to enable the village litter picking
            # group to purchase equipment": what the gift is for follows its recipient
            facts.purpose = _clean_name(use.group("p"))
        facts.kind = "grant_award" if facts.kind in _WEAK_KINDS else facts.kind
    p = None if gift else _PURPOSE_AFTER.match(after)
    if p:
        purpose = re.split(
            r"\s+(?:from|for\s+\d{4}|has\s+been|have\s+been|was|were)\b|,?\s+and\s+\w+ed\b"
            # "... as agreed by the Secretary of State", "... along with revenue grants to ..."
            r"|,?\s+but\b|,?\s+as\s+(?:agreed|approved|set\s+out|shown|reported)\b"
            r"|,?\s+(?:along|together)\s+with\b|,?\s+as\s+well\s+as\b"
            # "the total allocation of £7,502,000 for the RPS programme of which £4,999,000"
            r"|,?\s+(?:of\s+)?which\b"
            # "towards the costs of the Toy Fair to be held in early May, with the invoices
            # being paid directly by the Council": how it is paid is not what it is for
            r"|,\s+with\b",
            p.group("p"),
        )[0]
        facts.purpose = None if _WHEN.match(purpose) else _clean_name(purpose)
        noun = _NOUN_OF.search(before)
        if facts.purpose and noun:
            # "a contribution of £40k towards the cost" -> "contribution towards the cost"
            facts.purpose = f"{noun.group('n').lower()} {p.group('prep').lower()} {purpose}"
            facts.purpose = _clean_name(facts.purpose)
        named = _NAMED_WORK.match(purpose)
        if named and not facts.recipient and p.group("prep").lower() == "for":
            # "the total allocation of £7,502,000 for the RPS expansion programme": the
            # programme the money is for is what receives it
            facts.recipient = named.group("r")
    elif _OF_NAMED_MONEY.match(after):
        # "accept and spend up to £2,467,388 of Incentive funds": the money it is
        facts.purpose = _OF_NAMED_MONEY.match(after).group("p")  # type: ignore[union-attr]
    elif _ALLOCATION_OF.match(after):
        facts.purpose = _clean_name(_ALLOCATION_OF.match(after).group("p"))  # type: ignore[union-attr]
    elif not facts.recipient and _NAMED_FUND.match(after):
        # "the c£1m NIIF is spent according to need", "a £2m Towns Fund": the amount's noun
        # is the fund the money is
        fund = _NAMED_FUND.match(after)
        use = _SPENT_ON.match(after[fund.end() :])  # type: ignore[union-attr]
        name = fund.group("n")  # type: ignore[union-attr]
        facts.purpose = f"{name}, {use.group('c')}" if use else name
    elif not facts.recipient:
        # the total of the paper's own council ("providing the Council with ..., increasing
        # the total grant value to £39.1m"), not a national one ("taking the total to £1.41bn")
        total = _TOTAL_NOUN.search(before) if _OUR_COUNCIL.search(sentence) else None
        facts.purpose = (
            _clean_name(total.group("np")) if total else _described_by(before) or _measured(before)
        )
    moved = moved_to(sentence, mention)
    if moved and moved[1] and facts.kind not in (NOT_FUNDING, "cap"):
        # "£800 still to be transferred to new Christmas Lights account": the council's own
        # money set aside for the Christmas lights, the account holding it
        facts.kind, facts.recipient = "allocation", _clean_name(moved[0])
        facts.purpose = _clean_name(moved[0].rsplit(None, 1)[0])
        facts.funder = facts.funder or authority
    elif moved and not moved[1]:
        facts.kind = NOT_FUNDING  # cash moved to a deposit, a bond, another bank's account
    facts.over_years = over_years(sentence)
    facts.financial_year = None if facts.over_years else first_financial_year(sentence)
    return facts


def generic_purpose(purpose: str | None) -> bool:
    """Whether a purpose names only the kind of money, not what it is for ("total grant value
    for 2021-22", "total 2024-25 Social Care grant allocation for this Council")."""
    return bool(purpose) and bool(_GENERIC_PURPOSE.match(purpose or ""))


def gives(sentence: str, name: str) -> bool:
    """Whether ``name`` is the subject of a giving verb in ``sentence`` ("The charity has
    agreed to donate £750": the charity gives)."""
    m = _GIVER_VERBS.search(sentence)
    return bool(m) and (_subject(sentence[: m.start()]) or "").casefold() == name.casefold()


#: a grant scheme or fund by its capitalised name: "Community Fund grants", "Parish
#: Partnership Scheme", "Small Grants Programme"
_FUND_NAME = re.compile(
    r"\b(?:[A-Z][\w&'’-]*\s+){1,5}(?:Funds?|Grants?|Scheme|Programme)\b(?:\s+grants?\b)?"
)


def last_fund_name(text: str) -> str | None:
    """The last grant scheme or fund ``text`` names by its capitalised name, or None."""
    names = _FUND_NAME.findall(text)
    return names[-1].strip() if names else None


def topic_of(paragraph: str) -> str | None:
    """Return what a paragraph is about: the subject of its first sentence when that is a
    short name ("The 'Your Choice' scheme will give residents ..." -> "'Your Choice' scheme").

    None when the first sentence opens with a pronoun, an amount or a long clause. Callers use
    it for amounts whose own sentence names neither recipient nor purpose.
    """
    first = sentences(paragraph)[:1]
    if not first or not _VERB_SPLIT.search(first[0]):
        return None
    head = first[0][: _VERB_SPLIT.search(first[0]).start()]  # type: ignore[union-attr]
    if money_mentions(head) or _LEAD_IN.search(head) or "," in head:
        return None
    name = _subject(head)
    if not name or len(name.split()) > _TOPIC_WORDS or _PRONOUN.match(name) or _SELF.match(name):
        return None
    return name


#: the total an amount is: "increasing the total grant value for 2021-22 to £39.1m"
_TOTAL_NOUN = re.compile(
    r"\b(?:increasing|taking|bringing|raising)\s+(?:the\s+)?(?P<np>(?:total|overall)\b[^£,;]{2,80}?)"
    r"\s+to\s+$",
    re.I,
)


#: a fund named right after its amount: "£1m NIIF", "£2m Towns Fund", "£5,000 Community Grant"
_NAMED_FUND = re.compile(
    r"^\s+(?P<n>(?:[A-Z][\w&'’-]*\s+){0,5}(?:[A-Z]{3,6}F|Fund|Grant|Programme|Scheme)\b)"
)
#: how a named fund is to be used: "is spent according to need across the four CCs"
_SPENT_ON = re.compile(
    r"^\s*(?:(?:is|are|will\s+be|to\s+be|be)\s+)+(?P<c>(?:spent|used)\s+[^.;]{3,120})", re.I
)
#: a member's own fund: "Cllr Fatemian reported that his funds of" (the speaker gives it)
_OWN_FUND = re.compile(
    r"(?P<who>(?:County\s+)?(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?)\s+(?:reported|said|confirmed|explained|announced|advised)\s+"
    r"(?:that\s+)?(?:his|her|their)\s+(?:funds?|budget|grant|allocation)\s+(?:of\s+)?$"
)
#: the funder a paragraph names for a grant: "Revenue Support Grant (RSG) is a central
#: government grant given to local authorities"
GOVERNMENT_GRANT = re.compile(
    r"\b(?:is|are)\s+an?\s+(?P<f>(?:central\s+|national\s+)?government|"
    r"[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?\s+Government)\s+grants?\b"
)
#: money reported as announced or settled for the country ("The Autumn Budget 2022 announced
#: that there will be an additional £400m for adult social care", "The 2023-24 settlement
#: included an additional £1.345bn"): a national total unless the council's own share is named
_NATIONAL = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|been)?\s*announced\b|\bsettlement\s+included\b"
    r"|\bnationally\b|\bacross\s+(?:England|the\s+country|all\s+councils)\b",
    re.I,
)
_OUR_COUNCIL = re.compile(r"\b(?:the|this|our)\s+(?:Council|Authority)\b")


def _measured(before: str) -> str | None:
    """The noun phrase a clause-opening "<noun phrase> of £X" measures, list marker dropped;
    None for a change or a part ("an increase of", "a total of") or a longer clause."""
    text = _LIST_MARKER.sub("", fold(before)) if before[:1] in "(-•\uf0b7*–" else fold(before)
    m = _NP_OF.match(text.strip() + " ")
    if (
        not m
        or _CHANGE_NOUN.search(m.group("np"))
        or _CLAUSE_VERB.search(m.group("np"))
        or not _funding_words().search(m.group("np"))
    ):
        return None
    return _clean_name(m.group("np"))


#: a verb: the words before "of £X" are a clause, not one noun phrase
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|include[sd]?|included|shows?|showed|"
    r"agreed|noted|reported)\b",
    re.I,
)
#: a noun naming a change or a share of an amount, not what the money is for
_CHANGE_NOUN = re.compile(
    r"\b(?:increase|decrease|reduction|rise|fall|uplift|total|sum|balance|share|profit|cost)s?$",
    re.I,
)


def _described_by(before: str) -> str | None:
    """The clause an amount in a trailing "which was £X" clause describes, lead-in dropped."""
    m = _WHICH_WAS.match(fold(before))
    if not m:
        return None
    clause = _LEAD_IN.sub("", m.group("np")).strip(" ,;")
    return _clean_name(clause) if len(clause.split()) >= 2 else None


#: a possessive subject whose amount the clause states: "The Council’s allocation for 2019-20
#: was", "the Council's total Social Care Grant for 2023-24 was"
_OWNED_AMOUNT = re.compile(
    r"(?:^|[.;:]\s+|\b(?:that|and)\s+)"
    r"(?P<subj>(?:the\s+)?[A-Z][\w&' -]{1,40}?['’]s\s+[^,.;£]{2,60}?)"
    r"\s+(?:was|is|were|are|will\s+be|would\s+be|totals?|totalled)"
    r"(?:\s+(?:approximately|around|about|now|therefore))?\s*$"
)
_POSSESSIVE = re.compile(r"^(?:the\s+)?(?P<owner>[A-Z][\w&' -]{1,60}?)['’]s\s+(?P<what>\S.*)$")
#: a heading that names a grant or fund: "D) Social Care Grant", "New Homes Bonus (NHB)"
_GRANT_HEADING = re.compile(
    r"\b(?:grants?|funds?|funding|bonus|scheme|programme|allocations?)\b", re.I
)
_HEADING_MARKER = re.compile(r"^\s*(?:\(?[A-Za-z0-9]{1,3}[.)]\s+)")


def split_possessive(recipient: str | None, authority: str | None) -> tuple[str | None, str | None]:
    """(recipient, what) of a possessive subject: "Council’s RSG allocation for 2025-26" ->
    ("Kent County Council", "RSG allocation for 2025-26"); "the Council" stands for
    ``authority`` when it is known. (recipient, None) when the subject is no possessive."""
    m = _POSSESSIVE.match(recipient or "")
    if not m:
        return recipient, None
    return _resolve(m.group("owner").strip(), authority), m.group("what").strip()


def grant_heading(text: str) -> str | None:
    """The grant or fund a section heading names ("D) Social Care Grant" -> "Social Care
    Grant"), None for any other heading."""
    title = _HEADING_MARKER.sub("", fold(text)).strip(" :")
    if not title or len(title.split()) > 12 or not _GRANT_HEADING.search(title):
        return None
    return title


def regarding(sentence: str) -> str | None:
    """The sender a correspondence item opens with: "xi) Cylch Meithrin Ffairfach re financial
    support." -> "Cylch Meithrin Ffairfach"; None for any other sentence."""
    m = _REGARDING.match(sentence)
    return m.group("name").strip() if m else None


def is_precept(sentence: str) -> bool:
    """Whether a sentence is about the council's own precept (its share of the council tax):
    it names the precept and no other kind of money but the budget it is set from ("resolved
    to apply for £4500 precept";
    not "the social care precept ... alongside the grant" of a settlement report)."""
    if not _PRECEPT.search(sentence):
        return False
    others = [m.group(0).lower() for m in _funding_words().finditer(sentence)]
    # a parish sets its budget to set its precept: "the budget/precept spreadsheet ... the
    # precept demand figure of £8358"
    return all(w in ("precept", "budget") for w in others)


def is_total_label(label: str | None) -> bool:
    """Whether a label names a totals line ("TOTAL", "Grand total", "Sub-total")."""
    return bool(label and _TOTAL_LABEL.match(label))


#: an amount that is the object of "of": the words before it are the noun phrase it measures
_OF_BEFORE = re.compile(r"\bof\s*$", re.I)
#: a span of years: the amount is over all of them, not the first one's ("proposals of £1,419m
#: over the years from 2025-26 to 2034-35", "Capital Budget for next 10 years £403.4m")
_YEAR_SPAN = re.compile(
    r"\b(?:from\s+)?(?:20\d\d[-/]\d\d)\s+(?:to|until|-|–)\s+(?:20\d\d[-/]\d\d)\b"
    r"|\b(?:over|for)\s+(?:the\s+)?(?:next\s+)?(?:\d{1,2}|two|three|four|five|ten)\s+years\b",
    re.I,
)


def over_years(text: str) -> bool:
    """Whether ``text`` puts its amount over a span of years rather than in one year."""
    return bool(_YEAR_SPAN.search(text))


def label_of(text: str, mention: Mention) -> str | None:
    """Return the label of a list line "Hazard Alley Scenario (£40,000)" / "Label – £5,000".

    The label is the text without the amount, brackets, list marker and joining dash; None when
    the line is a sentence rather than a label (too long, or a verb-led clause).
    """
    if _OF_BEFORE.search(text[: mention.start]):
        return None  # "(c) The net revenue budget requirement of £1,530.9m": a noun phrase
    rest = text[: mention.start] + " " + text[mention.end :]
    rest = re.sub(r"\(\s*\)", " ", rest)
    rest = _LIST_MARKER.sub("", fold(rest))
    rest = rest.strip(" :;,-–=()")
    if not rest or len(rest.split()) > 12:
        return None
    return rest
