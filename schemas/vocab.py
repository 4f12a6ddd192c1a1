"""Controlled vocabularies shared by the record types and by validation."""

PAPER_STATUS = ("ok", "partial", "failed", "needs_ocr", "skipped")
PAPER_FORMATS = ("pdf", "docx", "txt", "html", "unknown")
DOC_TYPES = (
    "agenda_pack",
    "agenda",
    "minutes",
    "report",
    "briefing",
    "spend_plan",
    "performance_update",
    "decision",
    "unknown",
)
PART_TYPES = ("agenda", "minutes", "report", "appendix", "other")
MEETING_SOURCES = ("agenda", "minutes")
MEMBERSHIP_CATEGORIES = ("voting", "chair", "advisor", "observer", "officer")
ATTENDANCE_STATUS = ("present", "apologies", "observer", "officer", "also_present", "co_opted")
FUNDING_KINDS = (
    "grant_award",
    "allocation",
    "past_spend",
    "match_funding",
    "other_funding",
    "cap",
    "prize",
    "estimate",
)
SEVERITIES = ("info", "warning", "error")
PERSON_MENTION_KINDS = ("report_author", "contact", "lead", "commander", "named")
MOTION_KINDS = ("motion", "amendment")
MOTION_OUTCOMES = ("carried", "lost", "withdrawn")
VOTE_VALUES = ("for", "against", "abstain")
INTEREST_KINDS = (
    "pecuniary",
    "prejudicial",
    "personal",
    "other_registrable",
    "non_registrable",
    "other_significant",
    "unspecified",
)

#: why a page was read by OCR: it has no text layer, or its text layer is junk symbols
OCR_REASONS = ("no_text_layer", "junk_text_layer")

#: where a funding amount was read, and how fully the paper states the row
FUNDING_SOURCES = ("table", "text")
CONFIDENCE_LEVELS = ("high", "medium", "low")
