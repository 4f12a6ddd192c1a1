"""The record types: one dataclass per output table, each column declared once.

This module is the single source of truth for the Parquet schemas (``schemas.arrow``), the DuckDB
views (``pipeline.write``), the data dictionary (``schemas.dictionary``) and validation
(``schemas.validate``). Provenance columns (``paper_id``, ``page``, ``evidence``) are on every
extracted record so an analyst can go back to the page and the words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from schemas import vocab
from schemas.columns import column

_PAPER = "sha256 of the paper's bytes (hex); joins to papers"
_PAGE = "physical page (1-based) the record was read from"
_EVIDENCE = "the verbatim text the record was read from, whitespace folded"
_OCR = (
    "true when the page(s) the record was read from were read by OCR (a scan, or a junk "
    "text layer), so its text may hold OCR errors; null when that cannot be told"
)


@dataclass
class Paper:
    """One input file, whatever happened to it."""

    paper_id: str = column("string", _PAPER, required=True)
    path: str = column(
        "string", "path of the file as given to the run (inside a zip: zip!member)", required=True
    )
    format: str = column("string", "input format", required=True, vocab=vocab.PAPER_FORMATS)
    doc_type: str = column(
        "string", "kind of paper, from features of its text", vocab=vocab.DOC_TYPES
    )
    doc_type_confidence: float = column("float", "classifier confidence in doc_type, 0-1")
    title: str = column("string", "title printed on the paper")
    authority: str = column("string", "local authority that published the paper")
    authority_inferred: bool = column(
        "bool",
        "true when the paper does not name its authority "
        "and it was taken from the other papers of its folder "
        "(a finding says so)",
    )
    body: str = column("string", "committee, partnership or board the paper belongs to")
    paper_date: dt.date = column("date", "the date the paper carries or the meeting it serves")
    financial_year: str = column("string", "financial year the paper is about, YYYY/YY")
    page_count: int = column("int", "number of pages (text exports count form feeds)", minimum=0)
    has_text_layer: bool = column("bool", "whether the paper has extractable text")
    status: str = column("string", "outcome of processing", required=True, vocab=vocab.PAPER_STATUS)
    error: str = column("string", "why the paper failed or is partial; null when ok")
    duplicate_of: str = column("string", "path of the first file with identical bytes, if any")
    size_bytes: int = column("int", "file size in bytes", minimum=0)
    ocr_page_count: int = column(
        "int", "pages read by OCR (no text layer, or a junk one); 0 when none", minimum=0
    )
    ocr_confidence: float = column(
        "float",
        "mean OCR word confidence (0-1) over the pages read by OCR, weighted by their words; "
        "null when no page was",
    )
    pipeline_version: str = column("string", "minutebook version that wrote the row", required=True)


@dataclass
class Part:
    """A component document of a paper (an agenda pack holds several)."""

    paper_id: str = column("string", _PAPER, required=True)
    part_no: int = column(
        "int", "position of the part in the paper, from 1", required=True, minimum=1
    )
    type: str = column("string", "kind of part", required=True, vocab=vocab.PART_TYPES)
    title: str = column("string", "title printed at the start of the part")
    date: dt.date = column("date", "date the part carries (meeting date for minutes)")
    page_from: int = column("int", "first physical page of the part", minimum=1)
    page_to: int = column("int", "last physical page of the part", minimum=1)
    ocr: bool = column("bool", _OCR)


@dataclass
class Meeting:
    """A meeting a part describes (its agenda or its minutes)."""

    meeting_id: str = column(
        "string",
        "stable id of the meeting, shared by every paper that records it (agenda, pack, "
        "minutes): from the authority, the body and the date; the record's own id when "
        "those are not known",
        required=True,
    )
    paper_id: str = column("string", _PAPER, required=True)
    part_no: int = column("int", "part of the paper that describes the meeting")
    body: str = column("string", "committee or partnership that met (canonical name)")
    body_id: str = column("string", "the body; joins to bodies")
    body_as_printed: str = column("string", "the body's name as this paper prints it")
    body_inferred: bool = column(
        "bool",
        "the paper names no body: body taken from the other papers recording the same "
        "meeting (same authority and date)",
    )
    date: dt.date = column("date", "date of the meeting")
    start_time: str = column("time", "start time HH:MM")
    end_time: str = column("time", "closing time HH:MM")
    venue: str = column("string", "where the meeting was held")
    source: str = column(
        "string",
        "whether read from an agenda or minutes",
        required=True,
        vocab=vocab.MEETING_SOURCES,
    )
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)
    evidence: str = column("string", _EVIDENCE)


@dataclass
class AgendaItem:
    """A numbered agenda item."""

    meeting_id: str = column("string", "meeting the agenda serves", required=True)
    paper_id: str = column("string", _PAPER, required=True)
    number: int = column("int", "item number as printed (a sub-item's main item)", required=True)
    sub_item: str = column(
        "string",
        "a sub-item's letter or numeral as printed ('a' for "
        "'4(a)', 'ii' for '4(ii)'); null for a main item",
    )
    title: str = column("string", "item title", required=True)
    description: str = column("string", "text printed under the title")
    page_from: int = column("int", "first pack page the item refers to")
    page_to: int = column("int", "last pack page the item refers to")
    to_follow: bool = column("bool", "paper marked 'to follow'")
    exempt: bool = column("bool", "item taken in private (LGA 1972 Schedule 12A)")
    part_no: int = column("int", "part of the pack the page reference points to")
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)
    evidence: str = column("string", _EVIDENCE)


@dataclass
class Membership:
    """A member listed for a body on an agenda front sheet."""

    paper_id: str = column("string", _PAPER, required=True)
    body: str = column("string", "body the member belongs to")
    as_of: dt.date = column("date", "date of the paper listing the member")
    person_id: str = column("string", "person across the archive; joins to people")
    name_as_printed: str = column("string", "name as printed", required=True)
    category: str = column("string", "kind of membership", vocab=vocab.MEMBERSHIP_CATEGORIES)
    position: str = column("string", "role as printed")
    organisation: str = column("string", "organisation the member represents")
    org_id: str = column("string", "organisation id; joins to organisations")
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)
    evidence: str = column("string", _EVIDENCE)


@dataclass
class Attendance:
    """A person named in a minutes attendance block."""

    meeting_id: str = column("string", "meeting attended", required=True)
    paper_id: str = column("string", _PAPER, required=True)
    person_id: str = column("string", "person across the archive; joins to people")
    name_as_printed: str = column("string", "name as printed", required=True)
    status: str = column(
        "string", "how the person is listed", required=True, vocab=vocab.ATTENDANCE_STATUS
    )
    position: str = column("string", "role as printed")
    organisation: str = column("string", "organisation as printed or implied")
    org_id: str = column("string", "organisation id; joins to organisations")
    chair: bool = column("bool", "person chaired the meeting")
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)
    evidence: str = column("string", _EVIDENCE)


@dataclass
class MinuteItem:
    """A minute: a numbered item of a minutes document."""

    meeting_id: str = column("string", "meeting the minute records", required=True)
    paper_id: str = column("string", _PAPER, required=True)
    ref: str = column(
        "string",
        "minute reference as printed (SMK10, 45/21, 76; '(Item 5)' is "
        "5); null when the paper prints none",
    )
    position: int = column("int", "order of the minute in its meeting's minutes, from 1", minimum=1)
    title: str = column("string", "minute heading")
    text: str = column("string", "body text of the minute")
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)


@dataclass
class Resolution:
    """A numbered resolution inside a RESOLVED block."""

    meeting_id: str | None = column(
        "string",
        "meeting that resolved; null for a decision one member took outside a meeting"
        " (a record of an executive decision)",
    )
    paper_id: str = column("string", _PAPER, required=True)
    minute_ref: str = column(
        "string",
        "minute the resolution belongs to; null for a decision taken before the first numbered"
        " minute (a chair chosen for the meeting); for a member's decision, its printed number",
    )
    number: int = column(
        "int",
        "clause number; a lone RESOLVED paragraph is 1; under a minute ref printed twice the"
        " second minute's decisions number on from the first's",
        required=True,
    )
    text: str = column("string", "resolution text", required=True)
    verb: str = column("string", "main verb (approved, noted, agreed, ...)")
    approves_minutes_of: dt.date = column(
        "date", "date of the earlier meeting whose minutes this resolution approves"
    )
    approves_meeting_id: str = column(
        "string", "meeting_id of those earlier minutes, when they are in the archive"
    )
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)


@dataclass
class Motion:
    """A motion or amendment put to a meeting, as its minutes record it (lost and withdrawn
    motions included: they are never resolutions)."""

    motion_id: str = column("string", "stable id of the motion", required=True)
    meeting_id: str = column("string", "meeting it was put to", required=True)
    paper_id: str = column("string", _PAPER, required=True)
    minute_ref: str = column("string", "minute the motion belongs to, as printed")
    position: int = column("int", "order among the motions of the minutes, from 1", minimum=1)
    kind: str = column("string", "motion or amendment", required=True, vocab=vocab.MOTION_KINDS)
    text: str = column("string", "the words moved, as printed")
    mover: str = column("string", "name of the proposer as printed")
    seconder: str = column("string", "name of the seconder as printed")
    outcome: str = column(
        "string",
        "what the minutes say became of it; null when they do not say",
        vocab=vocab.MOTION_OUTCOMES,
    )
    page: int = column("int", _PAGE)
    evidence: str = column("string", _EVIDENCE)
    ocr: bool = column("bool", _OCR)


@dataclass
class Vote:
    """A vote the minutes record: a tally, a unanimous decision or one carried by a majority."""

    vote_id: str = column("string", "stable id of the vote", required=True)
    meeting_id: str = column("string", "meeting that voted", required=True)
    paper_id: str = column("string", _PAPER, required=True)
    minute_ref: str = column("string", "minute the vote belongs to, as printed")
    motion_id: str = column("string", "motion voted on, when the minutes print one; joins motions")
    for_count: int = column("int", "votes for, when counted", minimum=0)
    against_count: int = column("int", "votes against, when counted", minimum=0)
    abstain_count: int = column("int", "abstentions, when counted", minimum=0)
    unanimous: bool = column("bool", "true when recorded as unanimous (nem con, all agreed)")
    page: int = column("int", _PAGE)
    evidence: str = column("string", _EVIDENCE)
    ocr: bool = column("bool", _OCR)


@dataclass
class PersonVote:
    """How one named member voted in a recorded vote."""

    vote_id: str = column("string", "the vote; joins votes", required=True)
    paper_id: str = column("string", _PAPER, required=True)
    minute_ref: str = column("string", "minute the vote belongs to, as printed")
    person_id: str = column("string", "person across the archive; joins to people")
    name_as_printed: str = column("string", "name as printed in the vote list", required=True)
    vote: str = column("string", "for, against or abstain", required=True, vocab=vocab.VOTE_VALUES)
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)


@dataclass
class Declaration:
    """A member's declaration of interest."""

    meeting_id: str = column("string", "meeting it was made at", required=True)
    paper_id: str = column("string", _PAPER, required=True)
    minute_ref: str = column("string", "minute that prints the declaration")
    person_id: str = column("string", "person across the archive; joins to people")
    name_as_printed: str = column("string", "member's name as printed", required=True)
    item: str = column("string", "agenda item or matter the interest is in, as printed")
    kind: str = column(
        "string",
        "kind of interest, normalised from the printed words",
        required=True,
        vocab=vocab.INTEREST_KINDS,
    )
    page: int = column("int", _PAGE)
    evidence: str = column("string", _EVIDENCE)
    ocr: bool = column("bool", _OCR)


@dataclass
class Recommendation:
    """A recommendation in a report or update."""

    paper_id: str = column("string", _PAPER, required=True)
    part_no: int = column("int", "part of the paper holding it")
    section: str = column("string", "nearest printed heading")
    text: str = column("string", "recommendation text", required=True)
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)


@dataclass
class Priority:
    """A priority listed for a period."""

    paper_id: str = column("string", _PAPER, required=True)
    period: str = column("string", "period the priority is for, as printed or normalised")
    text: str = column("string", "priority text", required=True)
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)


@dataclass
class NextMeeting:
    """The next meeting of a body, as a paper announces it."""

    paper_id: str = column("string", _PAPER, required=True)
    part_no: int = column("int", "part of the paper that announces it")
    body: str = column("string", "body that will meet (the paper's body)")
    date: dt.date = column("date", "date of the next meeting", required=True)
    start_time: str = column("time", "start time HH:MM, when printed")
    date_inferred: bool = column("bool", "the year was not printed and was completed")
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)
    evidence: str = column("string", _EVIDENCE)


@dataclass
class SpendPlanLine:
    """A funded line of a spend-plan or budget table."""

    paper_id: str = column("string", _PAPER, required=True)
    financial_year: str = column("string", "financial year of the plan, YYYY/YY")
    line_no: int = column(
        "int", "position of the line in the table, from 1", required=True, minimum=1
    )
    title: str = column("string", "line title", required=True)
    description: str = column("string", "brief description")
    measures: str = column("string", "what will change / measures / outcomes")
    benchmark: str = column("string", "benchmark data cited")
    cost_gbp: Decimal = column(
        "decimal",
        "cost in pounds for the plan's financial year (negative when the paper prints a reduction)",
    )
    cost_text: str = column("string", "cost as printed")
    total_cost_gbp: Decimal = column(
        "decimal",
        "the line's total across all years as printed "
        "(a scheme's total cost), never one year's spend",
    )
    section: str = column(
        "string",
        "the group heading the line sits under (a directorate or section of a budget book)",
    )
    pct_of_grant: float = column("float", "printed percentage of the grant (44.7 = 44.7%)")
    other_funding: str = column("string", "other funding as printed")
    page_from: int = column("int", "first page of the line", minimum=1)
    page_to: int = column("int", "last page of the line", minimum=1)
    ocr: bool = column("bool", _OCR)


@dataclass
class FundingSource:
    """Where a budget's money comes from: one "Funded by" row of a budget table for one year
    (borrowing, grants, developer contributions, capital receipts). Kept apart from
    ``funding`` so the programme is not counted twice."""

    paper_id: str = column("string", _PAPER, required=True)
    source: str = column("string", "source of the money as printed", required=True)
    section: str = column("string", "the heading the sources are listed under")
    financial_year: str = column("string", "financial year, YYYY/YY")
    amount_gbp: Decimal = column("decimal", "amount in pounds", required=True)
    amount_text: str = column("string", "amount as printed")
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)
    evidence: str = column("string", _EVIDENCE)


@dataclass
class Funding:
    """An amount tied to a recipient or purpose, wherever it is written."""

    funding_id: str = column("string", "stable id of the funding mention", required=True)
    paper_id: str = column("string", _PAPER, required=True)
    kind: str = column("string", "kind of money", required=True, vocab=vocab.FUNDING_KINDS)
    funder: str = column("string", "who gives the money")
    funder_org_id: str = column("string", "organisation id of the funder")
    recipient: str = column("string", "who receives the money")
    recipient_org_id: str = column("string", "organisation id of the recipient, when one")
    purpose: str = column("string", "what the money is for")
    amount_gbp: Decimal = column(
        "decimal",
        "amount in pounds (negative only where a budget table prints a reduction for the year)",
        required=True,
    )
    amount_text: str = column("string", "amount as printed")
    approximate: bool = column("bool", "amount printed as approximate (circa, around, k)")
    financial_year: str = column("string", "financial year, YYYY/YY")
    spend_plan_line_no: int = column("int", "spend-plan line the row came from, if any")
    detailed_in: str = column(
        "string",
        "paper_id of another paper of the run that prints the "
        "same budget line by line (this row is its summary; the awards "
        "view counts the detail only)",
    )
    source: str = column(
        "string",
        "where the amount was read: a table's cell or running text",
        vocab=vocab.FUNDING_SOURCES,
    )
    unit_scale: int = column(
        "int",
        "pounds per printed unit: 1, or 1000 / 1000000 when the table is in £000s / £m",
        minimum=1,
    )
    confidence: str = column(
        "string",
        "how fully the paper states the row (see spec/OUTPUT.md): high, medium or low",
        vocab=vocab.CONFIDENCE_LEVELS,
    )
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)
    evidence: str = column("string", _EVIDENCE)


@dataclass
class Person:
    """A distinct person across the whole archive."""

    person_id: str = column("string", "stable id of the person", required=True)
    name: str = column("string", "fullest name printed", required=True)
    honorific: str = column("string", "honorific or rank (Councillor, Dr, Superintendent)")
    variants: list[str] = column("strings", "every form of the name as printed")
    evidence: list[str] = column("strings", "why the forms were linked, one line per merge")


@dataclass
class PersonMention:
    """A person named in a paper outside attendance and membership lists."""

    paper_id: str = column("string", _PAPER, required=True)
    person_id: str = column("string", "person across the archive; joins to people")
    name_as_printed: str = column("string", "name as printed", required=True)
    kind: str = column("string", "why the person is named", vocab=vocab.PERSON_MENTION_KINDS)
    role: str = column("string", "role printed beside the name, or given by the label")
    organisation: str = column("string", "organisation printed beside the name")
    org_id: str = column("string", "organisation id; joins to organisations")
    page: int = column("int", _PAGE)
    ocr: bool = column("bool", _OCR)
    evidence: str = column("string", _EVIDENCE)


@dataclass
class Organisation:
    """A distinct organisation."""

    org_id: str = column("string", "stable id of the organisation", required=True)
    name: str = column("string", "canonical name", required=True)
    aliases: list[str] = column("strings", "other names and acronyms seen or known")


@dataclass
class OrganisationMention:
    """An organisation of the register named in a paper's text."""

    paper_id: str = column("string", _PAPER, required=True)
    org_id: str = column("string", "organisation id; joins to organisations")
    name: str = column("string", "canonical name", required=True)
    name_as_printed: str = column("string", "name or alias as first printed", required=True)
    mentions: int = column("int", "times the paper names it (any of its register names)")
    page: int = column("int", _PAGE)
    evidence: str = column("string", _EVIDENCE)
    ocr: bool = column("bool", _OCR)


@dataclass
class Body:
    """A body that meets (full council, cabinet, committee, panel, partnership)."""

    body_id: str = column("string", "stable id of the body", required=True)
    authority: str = column("string", "authority the body belongs to")
    name: str = column("string", "canonical name", required=True)
    aliases: list[str] = column("strings", "other names papers print for it")
    full_council: bool = column("bool", "the authority's own full council")


@dataclass
class OcrPage:
    """A page whose text was read by OCR, and how sure the engine was of it."""

    paper_id: str = column("string", _PAPER, required=True)
    page: int = column("int", "physical page (1-based) read by OCR", required=True, minimum=1)
    reason: str = column(
        "string", "why the page was read by OCR", required=True, vocab=vocab.OCR_REASONS
    )
    engine: str = column("string", "OCR engine and its version", required=True)
    confidence: float = column(
        "float", "mean word confidence the engine gave, 0-1; null when it read no word"
    )
    words: int = column("int", "words read on the page", minimum=0)


@dataclass
class Finding:
    """A data-quality finding: what parsing could not do, or what did not add up."""

    paper_id: str = column("string", _PAPER, required=True)
    severity: str = column("string", "how serious", required=True, vocab=vocab.SEVERITIES)
    code: str = column("string", "machine-readable finding code", required=True)
    message: str = column("string", "what was found, with the figures", required=True)
    page: int = column("int", _PAGE)
    stage: str = column("string", "pipeline stage that raised it")


#: Every output table, by name, in the order a run writes them.
TABLES: dict[str, type] = {
    "papers": Paper,
    "parts": Part,
    "meetings": Meeting,
    "agenda_items": AgendaItem,
    "memberships": Membership,
    "attendance": Attendance,
    "minute_items": MinuteItem,
    "resolutions": Resolution,
    "motions": Motion,
    "votes": Vote,
    "person_votes": PersonVote,
    "declarations": Declaration,
    "recommendations": Recommendation,
    "priorities": Priority,
    "next_meetings": NextMeeting,
    "spend_plan_lines": SpendPlanLine,
    "funding": Funding,
    "funding_sources": FundingSource,
    "person_mentions": PersonMention,
    "organisation_mentions": OrganisationMention,
    "ocr_pages": OcrPage,
    "people": Person,
    "organisations": Organisation,
    "bodies": Body,
    "findings": Finding,
}

#: Tables filled per paper by the extract stage (people and organisations are archive-wide).
PER_PAPER_TABLES = tuple(
    t for t in TABLES if t not in ("papers", "people", "organisations", "bodies")
)
