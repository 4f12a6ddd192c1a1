"""Motions, votes and declarations of interest read from minutes.

Each minute of a minutes part (as ``extractors.records.minutes.read_minutes`` splits them) is
read as one text, with the page of every character kept:

* **motions**: a mover ("Mr Oakford proposed", "proposed by Cllr Hayward", "Proposed Cllr
  O'Leary") and a seconder, from ``data/motion_cues.csv``. The words moved are, in order of
  preference: the quoted text or "Proposed Purpose" after "the (following) motion/amendment
  (that):", the decision after "agreed that/to", the words printed before the mover in the
  same sentence, the sentence before it, or the minute's title. The outcome comes from
  ``data/vote_outcomes.csv``: a phrase naming the motion ("Amendment lost.") up to the next
  motion, or a plain word ("unanimously agreed", "Resolved") in its sentence or the next.
* **votes**: a tally ("For (57) names… Against (0) Abstain (2) names…", "5 for, 2 against"),
  a unanimous decision or one "by a majority" (``data/vote_words.csv``), tied to the motion
  before it in the minute (a "substantive motion" vote to the minute's first motion). Names
  printed under a tally become ``person_votes`` rows, linked to people like attendance.
* **declarations**: "X (and Y) declared a/an [kind] interest [in item]", "X declared that …"
  after words about interests, and, in a minute titled as declarations, "X re No 12" and
  "Item 10, … – X and Y" lines. The kind comes from ``data/interest_kinds.csv``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from extractors.base import Extraction, PaperContext, stable_id
from extractors.datafiles import load_table
from extractors.records.meeting_ids import meeting_id_for
from extractors.records.minutes import read_minutes, vote_outcomes
from extractors.text.meeting_text import Line, fold, lines_of, parts_of
from extractors.values.names import WELSH_AND, split_name_list, strip_honours
from schemas.document import Document
from schemas.records import Declaration, Motion, PersonVote, Vote

# ---------------------------------------------------------------- text of a minute


@dataclass
class MinuteText:
    """A minute's text in one string, with the page each character came from."""

    ref: str | None
    title: str
    text: str
    offsets: list[int]  # start offset of each line in ``text``
    pages: list[int]  # page of each line

    def page_at(self, pos: int) -> int:
        """Page of the character at ``pos``."""
        return self.pages[max(0, bisect.bisect_right(self.offsets, pos) - 1)]


def minute_texts(lines: list[Line]) -> list[MinuteText]:
    """The minutes of a minutes part's lines, each as one text (heading line included, its
    printed reference dropped)."""
    read = read_minutes(lines)
    out = []
    for n, item in enumerate(read.items):
        start = read.starts[n]
        end = read.starts[n + 1] if n + 1 < len(read.starts) else len(lines)
        text, offsets, pages = "", [], []
        for k, line in enumerate(lines[start:end]):
            t = fold(line.text.replace("\t", " "))
            if k == 0 and item.ref:
                t = re.sub(rf"^\(?{re.escape(item.ref)}[.):]?\s*", "", t)
            if not t:
                continue
            offsets.append(len(text) + (1 if text else 0))
            pages.append(line.page)
            text = f"{text} {t}" if text else t
        if text:
            out.append(MinuteText(item.ref or None, item.title, text, offsets, pages))
    return out


_ABBREVIATIONS = frozenset(
    "cllr cllrs mr mrs ms dr no nos ch st cc ccc rd vs approx co ltd esq rev revd".split()
)
_BOUNDARY = re.compile(r"[.!?][”\"’']?\s+(?=[“\"‘'(]?[A-Z0-9(])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``; a full stop after an initial ("J."), a
    title ("Cllr.") or an abbreviation ("No.", "C.C.C.") ends none."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        words = text[start : m.start() + 1].split()
        token = words[-1] if words else ""
        core = token.rstrip(".")
        if not core.endswith((")", "”", '"', "’")):
            last = core.rsplit(".", 1)[-1].lstrip("(“\"‘'")
            if len(last) <= 1 or last.lower() in _ABBREVIATIONS:
                continue
        spans.append((start, m.start() + 1))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _sentence_at(spans: list[tuple[int, int]], pos: int) -> int:
    for k, (a, b) in enumerate(spans):
        if a <= pos < b + 1:
            return k
    return len(spans) - 1


# ---------------------------------------------------------------- names


@functools.cache
def _honorific_alternation() -> str:
    forms = sorted((r["honorific"] for r in load_table("honorifics.csv")), key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


_NAME_STOP = frozenset(
    "Agenda Item Items Eitem Planning Application The This That Minute Re Proposed Seconded "
    "Moved".split()
)
# an initial keeps its full stop, a word ends before one; a word that opens the next entry of a
# list ("... Cllr. G. Evans / Agenda Item 10, E/38405 – ...") is no part of a name
_NAME_WORD = r"(?:[A-Z]\.|(?!(?:" + "|".join(sorted(_NAME_STOP)) + r")\b)[A-Z][\w’'\-]*)"


@functools.cache
def name_pattern() -> str:
    """Regex of one printed name led by an honorific ("Cllr. J. Davies", "Mr Oakford")."""
    return rf"(?:(?:{_honorific_alternation()})\.?\s+)(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD}"


@functools.cache
def name_list_pattern() -> str:
    """Regex of a printed list of names sharing or repeating honorifics ("Cllrs Blake and
    Gordon", "County Cllr. J. Davies and Cllr. G. Evans", "Cllrs Hoskins, Cobb & Shewell")."""
    one = name_pattern()
    bare = rf"(?:[A-Z]\.\s*)*{_NAME_WORD}"
    # (Welsh lists join their last name with "a’r" or "ac")
    return rf"{one}(?:\s*(?:,|\band\b|&|\b(?:{WELSH_AND})\b)\s*(?:{one}|{bare}))*"


def _trim_name(name: str) -> str:
    """Drop words a name pattern took from the text after it ("Cllr. G. Evans Agenda")."""
    words = name.split()
    for k in range(2, len(words)):
        if words[k].rstrip(".") in _NAME_STOP:
            return " ".join(words[:k])
    return name.strip(" ,.")


def people_in(text: str) -> list[str]:
    """The names of a printed list, one per person, honorifics shared out."""
    return [_trim_name(n) for n in split_name_list(text) if n.strip()]


# ---------------------------------------------------------------- motions and votes


#: the chair moving a motion by office: "The Chairman proposed that Council resolve to extend
#: the meeting beyond 4.30pm" (Kent CC)
_CHAIR_MOVER = r"The\s+(?:Chairman|Chairwoman|Chairperson|Chair|Mayor|Vice[- ]Chairman)"


#: a name printed without a title: a forename and a surname
_UNTITLED = r"[A-Z][a-z'’-]+[ \t]+(?:Mc|Mac|O['’])?[A-Z][\w'’-]*[a-z][\w'’-]*"


@functools.cache
def _cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    name = name_pattern()
    out = []
    for r in load_table("motion_cues.csv"):
        if r["side"] == "after":
            pat = rf"\b(?i:{r['verb']})\s*[:,]?\s+(?P<name>{name})"
            # a label with a colon names its person untitled: "Proposed: David Norton /
            # Seconded: Gemma Kimmett" (Garelochhead CC), "Proposed: James MacPherson"
            # (Strathnairn CC), "Proposed: Duncan Fraser, Seconded: John Stewart." (Kilmorack
            # CC); the name stays on its line
            out.append(
                (r["role"], re.compile(rf"\b(?i:{r['verb']})\s*:[ \t]*(?P<name>{_UNTITLED})"))
            )
        else:
            not_by = rf"(?!\s*[:,]?\s*(?i:by|gan)\b)(?!\s*[:,]?\s*{name})"
            pat = rf"(?P<name>{name}|{_CHAIR_MOVER}),?\s+(?i:{r['verb']})\b{not_by}"
        out.append((r["role"], re.compile(pat)))
    return tuple(out)


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


@functools.cache
def _vote_words() -> dict[str, re.Pattern[str]]:
    return {r["value"]: _ci(r["pattern"]) for r in load_table("vote_words.csv")}


@dataclass
class _Anchor:
    start: int  # where the motion's mover/seconder phrase starts
    end: int  # where it ends
    mover: str | None
    seconder: str | None
    name_first: bool = False  # "Cllr X proposed ..." (the words moved may follow the verb)


def _cue_hits(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, role, name) of every mover/seconder phrase, verb spelt in any case."""
    hits = []
    for role, pat in _cues():
        for m in pat.finditer(text):
            name = m.group("name")
            last = name.split()[-1]
            if m.start() == m.start("name") and last.endswith(".") and len(last) > 2:
                continue  # "… Cllr Cobb. Proposed by": the name ends the sentence before
            hits.append((m.start(), m.end(), role, _trim_name(name), m.start() == m.start("name")))
    return sorted(set(hits))


def _anchors(text: str) -> list[_Anchor]:
    """Motions of a minute: a mover with the seconder printed within the same stretch."""
    anchors: list[_Anchor] = []
    for start, end, role, name, first in _cue_hits(text):
        last = anchors[-1] if anchors else None
        if (
            last
            and start - last.end < 40
            and (
                (role == "seconder" and last.seconder is None)
                or (role == "mover" and last.mover is None)
            )
        ):
            setattr(last, role, name)
            last.start, last.end = min(last.start, start), max(last.end, end)
            continue
        if role == "seconder":
            continue  # a seconder without a mover ("Seconded by Cllr .") names no motion
        anchors.append(_Anchor(start, end, name if role == "mover" else None, None, first))
    return anchors


_FOLLOWING = re.compile(
    r"^[\s,]*(?:the\s+)?(?:following\s+)?(?P<kind>motion|amendment)?\s*(?:that)?\s*:?\s*", re.I
)
_PURPOSE = re.compile(r"^\s*Proposed\s+Purpose\s*:\s*", re.I)
_QUOTE = re.compile(r"^\s*[“\"](?P<q>[^”\"]+)[”\"]")
_AGREED = re.compile(
    r"^[\s,]*(?:and\s+)?(?:was\s+)?(?:unanimously\s+|duly\s+)?(?:agreed|resolved|carried)"
    r"(?:\s+unanimously)?\s*(?:that\s+|:\s*|(?=to\b))"
    # Welsh: "... ac roedd pawb yn gytûn bod X", "... a chytunwyd gan bawb y dylid X", "... ac
    # roedd pawb o blaid X" (Manordeilo & Salem CC)
    r"|^[\s,]*(?:ac?\s+)?(?:roedd\s+pawb\s+(?:yn\s+gyt[uû]n\s+(?:bod|fod)\s+|o\s+blaid\s+)"
    r"|(?:ch|c)ytunwyd(?:\s+gan\s+bawb)?\s+)",
    re.I,
)
_THAT_CLAUSE = re.compile(r"^\s*,?\s*that\s+(?=\S)", re.I)
_LEAD_WORDS = re.compile(
    r"^(?:it\s+was\s+|the\s+amendment\s+was\s+|(?:was\s+)?resolved\s*,?\s*)+$", re.I
)


def _motion_text(mt: MinuteText, spans: list[tuple[int, int]], a: _Anchor) -> tuple[str, str]:
    """(kind, text) of the motion at anchor ``a``."""
    text = mt.text
    k = _sentence_at(spans, a.start)
    s_start, s_end = spans[k]
    after = text[a.end :]
    follow = _FOLLOWING.match(after)
    kind = (
        "amendment" if re.search(r"\bamendment\b", text[s_start : a.end + 40], re.I) else "motion"
    )
    if follow and follow.group("kind"):
        rest = after[follow.end() :]
        purpose = _PURPOSE.match(rest)
        if purpose:
            rest = rest[purpose.end() :]
        quoted = _QUOTE.match(rest)
        if quoted:
            return kind, fold(quoted.group("q"))
        stop = sentences(rest)
        return kind, fold(rest[: stop[0][1]] if stop else rest)
    that = _THAT_CLAUSE.match(after)
    if that:  # "It was proposed by Cllr Howells, seconded by Cllr Hackett, that Council ..."
        return kind, fold(text[a.end + that.end() : s_end])
    agreed = _AGREED.match(after)
    if agreed:
        rest = after[agreed.end() :]
        k2 = _sentence_at(spans, a.end + agreed.end())
        return kind, fold(text[a.end + agreed.end() : spans[k2][1]] if rest else "")
    if a.name_first and a.seconder is None and re.match(r"^\s+(?:that\s+)?\w", after):
        return kind, fold(re.sub(r"^\s+(?:that\s+)?", "", text[a.end : s_end]))
    before = text[s_start : a.start].strip(" ,–—-")
    if re.search(r"\b(?:amendment|motion)\b", before, re.I):
        quoted = _quoted_before(text, s_start)
        if quoted:
            return kind, quoted
    if before and not _LEAD_WORDS.match(before):
        if ": " in before and before.split(": ")[-1].strip():
            before = before.split(": ")[-1]
        elif before.endswith(":"):
            before = before[:-1]
        return kind, fold(before.strip(" ,–—-:"))
    if k > 0:
        p_start, p_end = spans[k - 1]
        prev = text[p_start:p_end]
        hits = _cue_hits(prev)
        if hits:  # a run of motions: the words after the previous one's seconder
            prev = prev[max(h[1] for h in hits) :]
            prev = re.sub(r"^[\s.,]*(?:\(\w{1,3}\)|\w\.)?\s*", "", prev)
        if prev.strip():
            return kind, fold(prev)
    return kind, mt.title


_LABELLED_QUOTE = re.compile(
    r"\b(?:amendment|motion|resolution)\b[^“\"]{0,60}[“\"](?P<q>[^”\"]+)[”\"]", re.I
)


def _quoted_before(text: str, pos: int) -> str | None:
    """The last quoted motion or amendment printed before ``pos`` ("… raised an amendment to
    the resolution: “To retain point 3 …”")."""
    found = [m for m in _LABELLED_QUOTE.finditer(text, 0, pos)]
    return fold(found[-1].group("q")) if found else None


def _outcome(mt: MinuteText, spans: list[tuple[int, int]], a: _Anchor, until: int) -> str | None:
    window = mt.text[a.start : until]
    strong = [
        (m.start(), outcome)
        for outcome, strength, pat in vote_outcomes()
        if strength == "strong"
        for m in pat.finditer(window)
    ]
    if strong:
        return min(strong)[1]
    k = _sentence_at(spans, a.start)
    near_end = spans[min(k + 1, len(spans) - 1)][1]
    near = mt.text[spans[k][0] : min(near_end, until if until > a.end else near_end)]
    weak = [
        (m.start(), outcome)
        for outcome, strength, pat in vote_outcomes()
        if strength == "weak"
        for m in pat.finditer(near)
    ]
    return min(weak)[1] if weak else None


@dataclass
class _VoteRead:
    at: int
    end: int
    counts: tuple[int | None, int | None, int | None]
    unanimous: bool | None
    named: list[tuple[str, str]]  # (name, for/against/abstain)


def _label(value: str) -> str:
    return _vote_words()[value].pattern


def _tallies(text: str) -> list[_VoteRead]:
    """Counted votes: "For (57) names Against (0) Abstain (2) names" and "5 for, 2 against"."""
    out: list[_VoteRead] = []
    f, a, ab = _label("for"), _label("against"), _label("abstain")
    count = r"\s*(?:\((\d{1,3})\)|:\s*(\d{1,3})\b|(\d{1,3})\b)"
    listed = re.compile(
        rf"\b(?i:{f}){count}(?P<fn>.*?)\b(?i:{a}){count}(?P<an>.*?)"
        rf"(?:\b(?i:{ab}){count}(?P<bn>.*?))?(?=(?:Substantive\s+)?(?:Motion|Amendment)\s+"
        rf"(?i:carried|lost|agreed|fell|defeated)|\(\d+\)\s|$)",
        re.S,
    )
    for m in listed.finditer(text):
        groups = m.groups()
        n_for = next((int(g) for g in groups[0:3] if g), None)
        n_against = next((int(g) for g in groups[4:7] if g), None)
        n_abstain = next((int(g) for g in groups[8:11] if g), None)
        named = []
        for key, value in (("fn", "for"), ("an", "against"), ("bn", "abstain")):
            part = (m.group(key) or "").strip(" .,;")
            if part and re.match(name_pattern(), part):
                named += [(strip_honours(n), value) for n in people_in(part)]
        out.append(_VoteRead(m.start(), m.end(), (n_for, n_against, n_abstain), False, named))
    inline = re.compile(
        rf"\b(\d{{1,3}})\s+(?:votes?\s+)?(?i:{f})\b[\s,;]+(?:with\s+)?(\d{{1,3}})\s+(?:votes?\s+)?"
        rf"(?i:{a})\b(?:[\s,;]+(?:and\s+|with\s+)?(\d{{1,3}})\s+(?i:{ab}))?"
    )
    for m in inline.finditer(text):
        if any(v.at <= m.start() < v.end for v in out):
            continue
        counts = (int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
        out.append(_VoteRead(m.start(), m.end(), counts, counts[1] == 0 and not counts[2], []))
    return out


def _plain_votes(mt: MinuteText, spans: list[tuple[int, int]], taken: list[_VoteRead]):
    """Unanimous and majority decisions, one per sentence that records one."""
    out: list[_VoteRead] = []
    words = _vote_words()
    for a, b in spans:
        if any(v.at <= a < v.end or a <= v.at < b for v in taken):
            continue
        sentence = mt.text[a:b]
        if words["unanimous"].search(sentence):
            out.append(_VoteRead(a, b, (None, None, None), True, []))
        elif words["majority"].search(sentence):
            out.append(_VoteRead(a, b, (None, None, None), False, []))
    return out


def _motion_for_vote(
    v: _VoteRead, anchors: list[_Anchor], spans: list[tuple[int, int]], text: str
) -> int | None:
    """Index of the motion a vote decides, or None."""
    before = [k for k, a in enumerate(anchors) if a.start <= v.at]
    if v.unanimous is False and v.counts != (None, None, None) or v.named:
        if re.search(r"substantive\s+motion", text[max(0, v.at - 300) : v.at], re.I) and anchors:
            return 0
        return before[-1] if before else None
    if not before:
        return None
    a = anchors[before[-1]]
    k_vote, k_anchor = _sentence_at(spans, v.at), _sentence_at(spans, a.start)
    return before[-1] if k_vote - k_anchor <= 1 else None


def read_motions_and_votes(mt: MinuteText) -> tuple[list[dict], list[dict]]:
    """Motions and votes of one minute, as dicts of fields (``motion`` in a vote is the index of
    its motion in the list returned)."""
    spans = sentences(mt.text)
    anchors = _anchors(mt.text)
    motions = []
    for n, a in enumerate(anchors):
        until = anchors[n + 1].start if n + 1 < len(anchors) else len(mt.text)
        kind, text = _motion_text(mt, spans, a)
        k = _sentence_at(spans, a.start)
        motions.append(
            {
                "kind": kind,
                "text": text or None,
                "mover": a.mover,
                "seconder": a.seconder,
                "outcome": _outcome(mt, spans, a, until),
                "page": mt.page_at(a.start),
                "evidence": fold(mt.text[spans[k][0] : max(spans[k][1], a.end)]),
            }
        )
    reads = _tallies(mt.text)
    reads = sorted(reads + _plain_votes(mt, spans, reads), key=lambda v: v.at)
    votes = []
    for v in reads:
        votes.append(
            {
                "motion": _motion_for_vote(v, anchors, spans, mt.text),
                "counts": v.counts,
                "unanimous": v.unanimous,
                "named": v.named,
                "page": mt.page_at(v.at),
                "evidence": fold(mt.text[v.at : v.end]),
            }
        )
    return motions, votes


# ---------------------------------------------------------------- declarations


@functools.cache
def _interest_kinds() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((r["kind"], _ci(r["pattern"])) for r in load_table("interest_kinds.csv"))


def interest_kind(words: str) -> str:
    """The kind of interest named by the words printed before "interest"."""
    for kind, pat in _interest_kinds():
        if pat.search(words or ""):
            return kind
    return "unspecified"


_DECLARATIONS_TITLE = re.compile(
    r"\bdeclarations?\s+of\s+(?:\w+\s+){0,4}?interests?\b"
    r"|\bdatganiadau\s+o\s+ddiddordeb\b",  # Welsh: declarations of interest
    re.I,
)
_ITEM_IN = re.compile(
    r"^\s*(?:in|on|relating\s+to|in\s+relation\s+to)\s+(?P<item>.+?)"
    r"(?=\s+(?:[-–—(]|that\b|as\b|because\b|being\b|and\s+(?:did|would|left|withdrew)\b)|[.;(]|$)",
    re.I,
)


@functools.cache
def _declared() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<names>{name_list_pattern()})\s+(?:again\s+|also\s+)?declared\s+"
        r"(?:(?:a|an|and)\s+(?P<kind>[\w\s-]{0,40}?)\s*interests?\b|that\b)"
    )


@functools.cache
def _and_also() -> re.Pattern[str]:
    return re.compile(rf"\band\s+(?P<names>{name_pattern()})\s+in\s+(?P<item>[^(.;]+)")


@functools.cache
def _listed_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<names>{name_list_pattern()})\s+re\.?\s+(?P<item>[^.;]+?(?:\d+|$))")


@functools.cache
def _item_dash() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<item>(?i:agenda\s+)?(?i:item|eitem\s+agenda)\s+\d+[^–—]*?)\s+[-–—]\s+"
        rf"(?P<names>{name_list_pattern()})"
    )


def read_declarations(mt: MinuteText) -> list[dict]:
    """Declarations of interest printed in one minute, as dicts of fields."""
    text = mt.text
    out: list[dict] = []
    spans = sentences(text)

    def add(names: str, item: str | None, kind: str, at: int) -> None:
        k = _sentence_at(spans, at)
        for name in people_in(names):
            out.append(
                {
                    "name": name,
                    "item": fold(item).strip(" ,:") if item else None,
                    "kind": kind,
                    "page": mt.page_at(at),
                    "evidence": fold(text[spans[k][0] : spans[k][1]]),
                }
            )

    for m in _declared().finditer(text):
        if m.group("kind") is None and not re.search(
            r"interest", text[max(0, m.start() - 250) : m.start()], re.I
        ):
            continue  # "declared that" counts only after words about interests
        item = _ITEM_IN.match(text[m.end() :])
        add(
            m.group("names"),
            item.group("item") if item else None,
            interest_kind(m.group("kind") or ""),
            m.start(),
        )
        k = _sentence_at(spans, m.start())
        for extra in _and_also().finditer(text, m.end(), spans[k][1]):
            add(
                extra.group("names"),
                extra.group("item"),
                interest_kind(m.group("kind") or ""),
                extra.start(),
            )
    if _DECLARATIONS_TITLE.search(mt.title) and not out:
        for m in _listed_re().finditer(text):
            add(m.group("names"), m.group("item"), "unspecified", m.start())
        for m in _item_dash().finditer(text):
            add(m.group("names"), m.group("item"), "unspecified", m.start())
    return out


# ---------------------------------------------------------------- extractor


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read the motions, votes, named votes and declarations of each minutes part."""
    out = Extraction()
    for part in parts_of(doc, ctx, ("minutes",)):
        lines = lines_of(part.doc)
        if not lines:
            continue
        mid = meeting_id_for(ctx.paper_id, part.part_no, "minutes")
        n_motion = n_vote = 0
        for mt in minute_texts(lines):
            motions, votes = read_motions_and_votes(mt)
            ids = []
            for m in motions:
                n_motion += 1
                ids.append(stable_id(ctx.paper_id, part.part_no, "motion", n_motion))
                out.add(
                    "motions",
                    Motion(
                        motion_id=ids[-1],
                        meeting_id=mid,
                        paper_id=ctx.paper_id,
                        minute_ref=mt.ref,
                        position=n_motion,
                        kind=m["kind"],
                        text=m["text"],
                        mover=m["mover"],
                        seconder=m["seconder"],
                        outcome=m["outcome"],
                        page=m["page"],
                        evidence=m["evidence"],
                    ),
                )
            for v in votes:
                n_vote += 1
                vid = stable_id(ctx.paper_id, part.part_no, "vote", n_vote)
                n_for, n_against, n_abstain = v["counts"]
                out.add(
                    "votes",
                    Vote(
                        vote_id=vid,
                        meeting_id=mid,
                        paper_id=ctx.paper_id,
                        minute_ref=mt.ref,
                        motion_id=ids[v["motion"]] if v["motion"] is not None else None,
                        for_count=n_for,
                        against_count=n_against,
                        abstain_count=n_abstain,
                        unanimous=v["unanimous"],
                        page=v["page"],
                        evidence=v["evidence"],
                    ),
                )
                for name, value in v["named"]:
                    out.add(
                        "person_votes",
                        PersonVote(
                            vote_id=vid,
                            paper_id=ctx.paper_id,
                            minute_ref=mt.ref,
                            name_as_printed=name,
                            vote=value,
                            page=v["page"],
                        ),
                    )
            for d in read_declarations(mt):
                out.add(
                    "declarations",
                    Declaration(
                        meeting_id=mid,
                        paper_id=ctx.paper_id,
                        minute_ref=mt.ref,
                        name_as_printed=d["name"],
                        item=d["item"],
                        kind=d["kind"],
                        page=d["page"],
                        evidence=d["evidence"],
                    ),
                )
    return out
