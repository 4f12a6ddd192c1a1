"""The registry of extractors by record family.

Every extractor module is listed here; ``tests/test_schemas.py`` fails when a module in
``extractors/`` (subfolders too) defines ``extract`` but is not registered. They run in this order.
"""

from __future__ import annotations

from extractors.base import Extractor
from extractors.records import (
    agenda,
    attendance,
    decisions,
    funding,
    item_rows,
    minutes,
    motions,
    next_meeting,
    organisation_mentions,
    people,
    recommendations,
    spend_plan,
)

EXTRACTORS: dict[str, Extractor] = {
    "agenda": agenda.extract,  # meetings (agenda), agenda_items, memberships
    "minutes": minutes.extract,  # meetings (minutes), minute_items, resolutions
    "decisions": decisions.extract,  # a decision notice's meeting, items and decisions
    "item_rows": item_rows.extract,  # minute_items, resolutions, agenda_items of item tables
    "motions": motions.extract,  # motions, votes, person_votes, declarations
    "attendance": attendance.extract,  # attendance
    "recommendations": recommendations.extract,  # recommendations, priorities
    "next_meeting": next_meeting.extract,  # next_meetings
    "spend_plan": spend_plan.extract,  # spend_plan_lines and their funding rows
    "funding": funding.extract,  # funding in prose, lists and label|amount tables
    "people": people.extract,  # person_mentions: report authors, contacts, named leads
    "organisation_mentions": organisation_mentions.extract,  # register bodies named in text
}
