"""Keys of the output tables: which columns identify a row, and which point to another table.

Declared here once, beside the record types; ``schemas.datapackage`` turns them into the
``primaryKey`` and ``foreignKeys`` of ``datapackage.json`` (and a test holds the data to them).
A primary key is declared only where the pipeline makes it unique by construction: ``papers`` is
keyed by ``path``, not ``paper_id``, because identical files share their ``paper_id``.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Columns that identify one row of a table (every one a required column).
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "papers": ("path",),
    "parts": ("paper_id", "part_no"),
    # one row per paper that records a meeting: the agenda and the minutes share meeting_id
    "meetings": ("meeting_id", "paper_id"),
    "spend_plan_lines": ("paper_id", "line_no"),
    "funding": ("funding_id",),
    "people": ("person_id",),
    "organisations": ("org_id",),
    "bodies": ("body_id",),
}


@dataclass(frozen=True)
class ForeignKey:
    """A column whose values are values of a column of another table.

    ``same_paper`` is true when the row it points to comes from the same paper (so it lives in
    the same year file of the referenced table); false when it may come from any paper of the
    run (``funding.detailed_in``, ``resolutions.approves_meeting_id``).
    """

    column: str
    table: str
    ref_column: str
    same_paper: bool


def _paper(column: str = "paper_id") -> ForeignKey:
    return ForeignKey(column, "papers", "paper_id", same_paper=True)


def _meeting(column: str = "meeting_id", same_paper: bool = True) -> ForeignKey:
    return ForeignKey(column, "meetings", "meeting_id", same_paper=same_paper)


_PERSON = ForeignKey("person_id", "people", "person_id", same_paper=False)


def _org(column: str = "org_id") -> ForeignKey:
    return ForeignKey(column, "organisations", "org_id", same_paper=False)


#: Columns that point to another table, by table.
FOREIGN_KEYS: dict[str, tuple[ForeignKey, ...]] = {
    "parts": (_paper(),),
    "meetings": (_paper(),),
    "agenda_items": (_paper(), _meeting()),
    "memberships": (_paper(), _PERSON, _org()),
    "attendance": (_paper(), _meeting(), _PERSON, _org()),
    "minute_items": (_paper(), _meeting()),
    "resolutions": (_paper(), _meeting(), _meeting("approves_meeting_id", same_paper=False)),
    "recommendations": (_paper(),),
    "priorities": (_paper(),),
    "next_meetings": (_paper(),),
    "spend_plan_lines": (_paper(),),
    "funding": (
        _paper(),
        _org("funder_org_id"),
        _org("recipient_org_id"),
        ForeignKey("detailed_in", "papers", "paper_id", same_paper=False),
    ),
    "funding_sources": (_paper(),),
    "person_mentions": (_paper(), _PERSON, _org()),
    "organisation_mentions": (_paper(), _org()),
    "motions": (_paper(), _meeting()),
    "votes": (_paper(), _meeting()),
    "person_votes": (_paper(), _PERSON),
    "declarations": (_paper(), _meeting(), _PERSON),
    "findings": (_paper(),),
}
