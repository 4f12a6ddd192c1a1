"""People named outside attendance and membership lists: report authors, contacts, leads.

Two passes over the document model, both rule-based and offline:

1. Labels (``data/person_cues.csv``: "Report Author:", "Contact officer:", "Contact Details:",
   "Name of LPA Commander (...)"). The name follows the label on the same line, in the next
   table cell, or on the lines below (one person a line, or name / role / e-mail / phone
   groups as in a contact block), until prose, a heading or another label.
2. A spaCy blank English pipeline (tokenizer only, no model download) with a ``Matcher`` over
   running text: an honorific or rank before capitalised words ("Chief Inspector Jim O'Ryan",
   "Cllr Peter Geary"), a job title before a two-word name ("the Service Director Jane Reed"),
   a name followed by a bracketed role ("Colin Wilderspin (Head of Community Safety)") and
   "contact <name>, <role>".

Every candidate is confirmed by ``parse_person_name``; words that name organisations or roles
are never taken as a name. Records go to the ``person_mentions`` table (one per person and
kind in a paper); ``extractors.linking.identity`` links them with attendance and membership.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.base import Extraction, PaperContext
from extractors.datafiles import load_table
from extractors.records.attendance import match_label
from extractors.text.tries import word_trie
from extractors.values.names import PersonName, parse_person_name
from extractors.values.names import honorifics as name_honorifics
from extractors.values.spacing import fold
from schemas.document import Document, Table
from schemas.records import PersonMention

_CONTACT_NOISE = re.compile(
    r"(?:,?\s*\b(?:tel(?:ephone)?|phone|mobile|mob|e-?mail|email|ext(?:ension)?)\b\.?\s*:?\s*"
    r"[^,]*|\S+@\S+|\+?\d[\d ()-]{6,}\d|https?://\S+|www\.\S+)",
    re.I,
)
_PHONE_OR_MAIL = re.compile(
    r"^(?:[^\s@]+@[^\s@]+|(?:tel|t|e|m)?\.?:?\s*\+?[\d ()-]{7,}|"
    r"(?:www\.|https?://)\S+)$",
    re.I,
)
_ENDS_LIST = re.compile(r"^(?:\S*\d|[A-Z][A-Z\s&'\u2019-]{3,}$)")
# endings of English nouns that are not given names ("Commissioner Briefing Document")
_NOT_GIVEN = re.compile(r"(?:ing|ment|tion|sion|ness|ity|ance|ence|ship|ism|ies|ed)$")
_LIST_SPLIT = re.compile(r"\s*;\s*|\s+and\s+(?=[A-Z])")


@dataclass
class _Line:
    text: str
    page: int
    kind: str  # heading, paragraph, list_item, cell
    cells: tuple[str, ...] = ()


@functools.cache
def _cues() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple(
        (
            re.compile(r"^\s*(?:" + r["pattern"] + r")\s*(?::|\t|$|(?=\s*\())", re.I),
            r["kind"],
            r["role"],
        )
        for r in load_table("person_cues.csv")
    )


@functools.cache
def _non_name_words() -> frozenset[str]:
    words = {r["word"].casefold() for r in load_table("role_words.csv")}
    words |= {r["word"].casefold() for r in load_table("org_words.csv")}
    words |= {
        r["word"].casefold()
        for r in load_table("affiliation_words.csv")
        if r["kind"] == "role" and " " not in r["word"]
    }
    words |= _procedure_words()
    return frozenset(words)


@functools.cache
def _procedure_words() -> frozenset[str]:
    return frozenset(r["word"].casefold() for r in load_table("procedure_words.csv"))


@functools.cache
def _given_name_titles() -> frozenset[str]:
    return frozenset(r["title"] for r in load_table("given_name_titles.csv"))


def _lines(doc: Document) -> Iterator[_Line]:
    """Every line of text in reading order; a table row is one line with its cells."""
    for page in doc.pages:
        for item in page.items:
            if isinstance(item, Table):
                for row, row_page in zip(item.rows, item.row_pages, strict=False):
                    split = [[p for p in (fold(x) for x in c.splitlines()) if p] for c in row]
                    labelled = any(match_cue(fold(c)) for c in row)
                    if not labelled and any(len(parts) > 1 for parts in split):
                        # cells holding small blocks (contact details): their lines in order
                        for parts in split:
                            for p in parts:
                                yield _Line(p, row_page, "cell")
                        continue
                    cells = tuple(fold(c) for c in row)
                    if any(cells):
                        yield _Line("\t".join(cells), row_page, "cell", cells)
                continue
            for raw in item.text.splitlines() or [item.text]:
                text = fold(raw)
                if text:
                    cells = tuple(fold(c) for c in raw.split("\t")) if "\t" in raw else ()
                    yield _Line(text, item.page, item.kind, cells)


@functools.cache
def _any_cue() -> re.Pattern[str]:
    """All cue patterns as one alternation, in file order: the first branch that matches is
    the pattern the loop over ``_cues`` would have taken, found in one regex call."""
    return re.compile(
        "|".join(f"(?P<c{i}>{p.pattern})" for i, (p, _, _) in enumerate(_cues())), re.I
    )


def match_cue(text: str) -> tuple[str, str | None, str] | None:
    """(kind, role given by the label, rest of the text) when ``text`` opens with a person
    label ("Report Author: Mel Marshman" -> ("report_author", None, "Mel Marshman"))."""
    m = _any_cue().match(text)
    if m is None:
        return None
    _, kind, role = _cues()[int(m.lastgroup[1:])] if m.lastgroup else _branch(m)
    rest = text[m.end() :].lstrip(" :\t-\u2013")
    return kind, role or None, rest


def _branch(m: re.Match[str]) -> tuple[re.Pattern[str], str, str]:
    cues = _cues()
    return next(cues[i] for i in range(len(cues)) if m.group(f"c{i}") is not None)


def _clean(text: str) -> str:
    return fold(_CONTACT_NOISE.sub(" ", text)).strip(" ,;:-\u2013")


def confirm_name(text: str) -> PersonName | None:
    """Parse ``text`` as one person (role and organisation may follow); None unless it holds a
    real name: 1-4 name words, none of them a role or organisation word."""
    text = _clean(text)
    if not text or len(text) > 160:
        return None
    parsed = parse_person_name(text)
    if parsed is None:
        return None
    words = parsed.bare.replace("-", " ").split()
    if not 1 <= len(words) <= 4 or any(w.casefold().strip(".") in _non_name_words() for w in words):
        return None
    if not parsed.forenames and not parsed.honorific:
        return None  # a lone capitalised word is not enough outside a list of people
    if parsed.surname.isupper() and len(parsed.surname) > 1 and not parsed.honorific:
        return None  # "Safer MK"
    printed = parsed.honorific_printed or ""
    if (
        len(printed) > 1
        and printed.isupper()
        and printed != parsed.honorific
        and not parsed.bare.isupper()
    ):
        return None  # "MS Teams": a title in capitals before a name that is not
    if parsed.honorific in _given_name_titles() and not parsed.forenames:
        return None  # "Sir Gar", "Major Projects"
    return parsed


def _mention(
    ctx: PaperContext,
    parsed: PersonName,
    kind: str,
    label_role: str | None,
    page: int,
    evidence: str,
) -> PersonMention:
    org = parsed.organisation
    if org and _CONTACT_NOISE.fullmatch(org):
        org = None
    return PersonMention(
        paper_id=ctx.paper_id,
        name_as_printed=parsed.name,
        kind=kind,
        role=parsed.role or label_role,
        organisation=org,
        page=page,
        evidence=fold(evidence)[:500],
    )


def _from_labels(lines: list[_Line], ctx: PaperContext) -> Iterator[PersonMention]:
    for i, line in enumerate(lines):
        if line.cells and len(line.cells) > 1:
            yield from _from_cells(line, ctx)
            continue
        cue = match_cue(line.text)
        if cue is None:
            continue
        kind, label_role, rest = cue
        if rest:
            for piece in _LIST_SPLIT.split(rest):
                parsed = confirm_name(piece)
                if parsed:
                    yield _mention(ctx, parsed, kind, label_role, line.page, line.text)
            continue
        yield from _below(lines, i + 1, ctx, kind, label_role)


def _from_cells(line: _Line, ctx: PaperContext) -> Iterator[PersonMention]:
    """A label cell followed by a name cell ("Name of LPA Commander (...) | Yvette Hitch")."""
    cells = line.cells
    for j, cell in enumerate(cells[:-1]):
        cue = match_cue(cell)
        if cue is None:
            continue
        kind, label_role, rest = cue
        target = rest or cells[j + 1]
        parsed = confirm_name(target)
        if parsed:
            yield _mention(ctx, parsed, kind, label_role, line.page, f"{cell} {target}")


_NEXT_PERSON = re.compile(r"\s(?=(?:[A-Z][a-z]+|[A-Z]\.?)\s[A-Z][\w'\u2019-]+\s*[,(])")


def _split_people(text: str) -> list[str]:
    """Split a block that holds several "Name, role" lines joined by spaces, at a capitalised
    two-word name followed by a comma or bracket that reads as a name."""
    pieces: list[str] = []
    last = 0
    for m in _NEXT_PERSON.finditer(text):
        head = " ".join(text[m.end() :].split()[:2]).rstrip(",(")
        if m.end() > last and confirm_name(head) is not None:
            pieces.append(text[last : m.start()])
            last = m.end()
    pieces.append(text[last:])
    return [p.strip() for p in pieces if p.strip()]


def name_and_role(text: str) -> tuple[PersonName, str | None] | None:
    """One person and the role printed after the name, with or without a separator
    ("Lee Westlake Head of Service Youth Justice"); None when ``text`` names no one."""
    text = _clean(text)
    parsed = confirm_name(text)
    if parsed is not None:
        return parsed, parsed.role
    words = text.split()
    for k in range(min(len(words) - 1, 5), 1, -1):
        rest = words[k:]
        if rest[0].casefold() not in _non_name_words():
            continue
        parsed = confirm_name(" ".join(words[:k]))
        if parsed is not None and len(parsed.bare.split()) <= 3:
            return parsed, " ".join(rest)
    return None


def _below(
    lines: list[_Line], start: int, ctx: PaperContext, kind: str, label_role: str | None
) -> Iterator[PersonMention]:
    """Names on the lines after a label: "Name, role" lines or name / role / contact groups."""
    pending: tuple[PersonName, _Line] | None = None

    def emit(parsed: PersonName, role: str | None, line: _Line, evidence: str) -> PersonMention:
        m = _mention(ctx, parsed, kind, label_role, line.page, evidence)
        m.role = role or label_role
        return m

    for line in lines[start : start + 40]:
        text = line.text
        if match_cue(text) or (text.endswith(":") and len(text.split()) <= 6):
            break
        if _PHONE_OR_MAIL.match(text) or not _clean(text):
            continue
        found = [x for x in (name_and_role(p) for p in _split_people(text)) if x]
        if found:
            if pending:
                yield emit(pending[0], None, pending[1], pending[1].text)
                pending = None
            for parsed, role in found[:-1]:
                yield emit(parsed, role, line, text)
            parsed, role = found[-1]
            if role:
                yield emit(parsed, role, line, text)
            else:
                pending = (parsed, line)
            continue
        role = _clean(text)
        if pending and len(role.split()) <= 10:  # the role printed under the name
            yield emit(pending[0], role, pending[1], f"{pending[1].text} {text}")
            pending = None
            continue
        break
    if pending:
        yield emit(pending[0], None, pending[1], pending[1].text)


# ---------------------------------------------------------------- spaCy rules over prose

_NAME_TOKEN = r"^(?:[A-Z]\.?|[A-Z][a-z]*(?:['\u2019][A-Z])?[a-z'\u2019]+)$"


@functools.cache
def _matcher():  # -> (nlp, Matcher); spaCy is imported only when prose is read
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    name = {"TEXT": {"REGEX": _NAME_TOKEN}}
    hyphen_or_name = {"TEXT": {"REGEX": _NAME_TOKEN[:-1] + r"|^-$"}, "OP": "*"}
    honorifics = sorted({h.printed for h in name_honorifics()}, key=len)
    # one pattern for all one-word honorifics: the matcher's cost grows with its patterns
    singles = sorted({h.casefold().rstrip(".") for h in honorifics if len(h.split()) == 1})
    hon_patterns = [[{"LOWER": {"IN": singles}}, {"ORTH": ".", "OP": "?"}, name, hyphen_or_name]]
    for hon in honorifics:
        if len(hon.split()) > 1:
            tokens = [{"LOWER": w.casefold().rstrip(".")} for w in hon.split()]
            hon_patterns.append([*tokens, {"ORTH": ".", "OP": "?"}, name, hyphen_or_name])
    matcher.add("HONORIFIC", hon_patterns, greedy="LONGEST")
    roles = sorted(
        {r["word"].casefold() for r in load_table("role_words.csv") if r["word"].isalpha()}
    )
    titles = sorted({r["word"].casefold() for r in load_table("person_titles.csv")})
    matcher.add(
        "TITLE_BEFORE",
        [
            [
                {"LOWER": {"IN": titles}},
                name,
                name,
                {"TEXT": {"REGEX": r"^-$"}, "OP": "?"},
                {**name, "OP": "?"},
            ]
        ],
        greedy="LONGEST",
    )
    matcher.add(
        "BRACKET_ROLE", [[name, name, {"ORTH": {"IN": ["(", "["]}}, {"LOWER": {"IN": roles}}]]
    )
    matcher.add("CONTACT", [[{"LOWER": {"IN": ["contact", "contacting"]}}, name, name]])
    return nlp, matcher


@functools.cache
def _trigger() -> re.Pattern[str]:
    """A cheap regex that fires wherever some matcher pattern could: an honorific (a
    one-word one, or every word of a longer one: "The Rt Hon", not every "The"), a job title
    or "contact" before a capital, or a name and a bracketed role word.
    Text without it is never tokenised, which keeps spaCy off the hot path."""
    honorifics = [h.printed.split() for h in name_honorifics()]
    words = {h[0].rstrip(".").casefold() for h in honorifics if len(h) == 1}
    words |= {r["word"].casefold() for r in load_table("person_titles.csv")}
    words |= {"contact", "contacting"}
    phrases = sorted(
        {
            r"\.?\s+".join(re.escape(w.rstrip(".").casefold()) for w in h)
            for h in honorifics
            if len(h) > 1
        },
        key=len,
        reverse=True,
    )
    firsts = {h[0].rstrip(".").casefold() for h in honorifics if len(h) > 1}
    # the phrases are tried only where one of their first words starts (a cheap trie test)
    phrase_alt = rf"(?=(?:{word_trie(firsts)})\b)(?:{'|'.join(phrases)})"
    roles = {r["word"].casefold() for r in load_table("role_words.csv") if r["word"].isalpha()}
    return re.compile(
        rf"\b(?i:{word_trie(words)}|{phrase_alt})\.?\s+[A-Z]"
        rf"|(?P<bracket>[A-Z][\w'-]*\s*[(\[]\s*(?i:{word_trie(roles)})\b)"
    )


def _prose_texts(doc: Document) -> Iterator[tuple[str, int]]:
    """Running text of each block (lines joined), outside attendance blocks and tables."""
    in_attendance = False
    for page in doc.pages:
        for item in page.items:
            if isinstance(item, Table):
                in_attendance = False
                continue
            for raw in item.text.split("\n\n"):
                text = fold(raw)
                if not text:
                    continue
                if match_label(text):
                    in_attendance = True
                elif in_attendance and _ENDS_LIST.match(text) or item.kind == "heading":
                    in_attendance = False
                if not in_attendance:
                    yield text, item.page


def _prose(doc: Document, ctx: PaperContext) -> Iterator[PersonMention]:
    nlp, matcher = _matcher()
    from spacy.util import filter_spans

    for text, page in _prose_texts(doc):
        for window in _windows(text):
            yield from _prose_window(nlp, matcher, filter_spans, window, text, page, ctx)


def _windows(text: str, before: int = 40, after: int = 90) -> list[str]:
    """The stretches of ``text`` around each trigger, merged where they overlap and widened
    to whole words: the matcher's patterns are a few tokens long, so names are found in these
    as in the whole text, at a fraction of the tokenising cost. Only a bracketed role looks
    back (to the name before it); every other pattern starts at its trigger word."""
    spans: list[list[int]] = []
    for m in _trigger().finditer(text):
        lo = max(0, m.start() - before) if m.group("bracket") else m.start()
        hi = min(len(text), m.end() + after)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    out = []
    for lo, hi in spans:
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        out.append(text[lo:hi])
    return out


def _prose_window(
    nlp, matcher, filter_spans, window: str, text: str, page: int, ctx: PaperContext
) -> Iterator[PersonMention]:
    sdoc = nlp(window)
    labels = {}
    spans = []
    for match_id, start, end in matcher(sdoc):
        span = sdoc[start:end]
        labels[(start, end)] = nlp.vocab.strings[match_id]
        spans.append(span)
    for span in filter_spans(spans):
        label = labels[(span.start, span.end)]
        if label == "HONORIFIC":
            parsed = _honorific_name(sdoc, span.start, span.end)
            if parsed is not None:
                yield _mention(ctx, parsed, "named", None, page, text)
            continue
        if label in ("TITLE_BEFORE", "CONTACT") and (
            not _ends_name(sdoc, span.end) or _NOT_GIVEN.search(sdoc[span.start + 1].text)
        ):
            continue
        parsed = _longest_name(_span_text(sdoc, label, span.start, span.end), label)
        if parsed is not None:
            kind = "contact" if label == "CONTACT" else "named"
            yield _mention(ctx, parsed, kind, None, page, text)


def _honorific_name(sdoc, start: int, end: int) -> PersonName | None:
    """The longest honorific + name of the match that ends before a word that is not
    capitalised ("Councillor Ferrans Milton Keynes Council" names no one)."""
    for n in range(end, start + 1, -1):
        if not _ends_name(sdoc, n):
            continue
        parsed = confirm_name(sdoc[start:n].text)
        if parsed is not None and parsed.honorific:
            return parsed
    return None


def _ends_name(sdoc, end: int) -> bool:  # sdoc: a spaCy Doc
    """The word after a bare two-word name must not be capitalised ("Milton Keynes Council"),
    unless it is a word of meeting procedure ("Mr Ross Motion")."""
    return (
        end >= len(sdoc)
        or not sdoc[end].text[:1].isupper()
        or sdoc[end].text.casefold() in _procedure_words()
    )


def _span_text(doc, label: str, start: int, end: int) -> str:  # doc: a spaCy Doc
    if label == "TITLE_BEFORE":
        return doc[start + 1 : end].text
    if label == "CONTACT":
        rest = doc[start + 1 :].text
        return re.split(r",\s*(?:on|at|tel|by)\b|\s+on\s+\d|\s+or\s", rest)[0]
    if label == "BRACKET_ROLE":
        tail = doc[start:].text
        close = re.search(r"[)\]]", tail)
        return tail[: close.end()] if close else doc[start:end].text
    return doc[start:end].text


def _longest_name(text: str, label: str) -> PersonName | None:
    """The longest leading run of ``text`` that is a confirmed name (drops a trailing "Council"
    of "Cllr Smith Milton Keynes Council")."""
    words = text.split()
    low = 1 if label == "HONORIFIC" else 2
    for n in range(len(words), low - 1, -1):
        parsed = confirm_name(" ".join(words[:n]))
        if parsed is not None and (label != "HONORIFIC" or parsed.honorific):
            return parsed
    return None


# a lower-case word of running text, not part of an e-mail or web address ("jon.mcginty@")
_LOWER_WORD = re.compile(r"(?<![\w.@/-])[a-z]+(?![\w@/-]|\.\w)")


class _PhraseCheck:
    """Whether a name found in prose is a phrase of ordinary words: every word of it is
    printed in lower case elsewhere in the paper ("Adult Social Care", "Rated Green",
    "Councillor It", "Lieutenant Cadets"). A surname that is also a word ("Councillor Wood")
    stays a person when the paper prints it after an initial or another mention names its
    given name. The paper's lower-case words are read once, on the first name that needs them.
    """

    def __init__(self, doc: Document, mentions: list[PersonMention]) -> None:
        self._doc = doc
        self._words: frozenset[str] | None = None
        self._text = ""
        self._given = {
            p.surname.casefold()
            for m in mentions
            if (p := parse_person_name(m.name_as_printed)) is not None and p.forenames
        }

    def __call__(self, name: str) -> bool:
        parsed = parse_person_name(name)
        if parsed is None:
            return False
        tokens = [w for w in parsed.bare.replace("-", " ").split() if len(w.rstrip(".")) > 1]
        if not tokens:
            return False
        if self._words is None:
            self._text = self._doc.text
            self._words = frozenset(_LOWER_WORD.findall(self._text))
        if not all(t.casefold() in self._words for t in tokens):
            return False
        if parsed.honorific and not parsed.forenames:
            surname = parsed.surname
            if surname.casefold() in self._given or re.search(
                rf"\b[A-Z]\.?\s+{re.escape(surname)}\b", self._text
            ):
                return False
        return True


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Find report authors, contacts, named leads and people named with a title in a paper.

    Takes the document and its context; returns person_mentions records (one per name and
    kind; a name found by a label is not repeated as a plain "named" mention).
    """
    lines = list(_lines(doc))
    out = Extraction()
    seen: set[tuple[str, str]] = set()
    labelled: set[str] = set()
    found = [*_from_labels(lines, ctx), *_prose(doc, ctx)]
    phrase = _PhraseCheck(doc, found)
    for m in found:
        if m.kind in ("named", "contact") and phrase(m.name_as_printed):
            continue
        key = m.name_as_printed.casefold()
        if (key, m.kind) in seen or (m.kind == "named" and key in labelled):
            continue
        seen.add((key, m.kind))
        if m.kind != "named":
            labelled.add(key)
        out.add("person_mentions", m)
    return out
