"""Minutes approved at a later meeting link to the meeting they record."""

from __future__ import annotations

import datetime as dt

from extractors.linking.links import link_minutes_approvals
from schemas.records import Meeting, Resolution


def _meeting(mid: str, date: dt.date, body: str | None) -> Meeting:
    return Meeting(meeting_id=mid, paper_id="p" + mid, body=body, date=date, source="minutes")


def _approval(on: dt.date, by: str = "later") -> Resolution:
    return Resolution(meeting_id=by, paper_id="p", minute_ref="10", number=1,
                      text="That the minutes be approved.", approves_minutes_of=on)


def test_approval_links_to_the_minutes_of_that_date_and_body() -> None:
    tables = {"meetings": [_meeting("later", dt.date(2021, 3, 10), "SaferMK Partnership"),
                           _meeting("earlier", dt.date(2020, 9, 24), "SAFERMK PARTNERSHIP"),
                           _meeting("other", dt.date(2020, 9, 24), "Cabinet")],
              "resolutions": [_approval(dt.date(2020, 9, 24))]}
    assert link_minutes_approvals(tables) == 1
    assert tables["resolutions"][0].approves_meeting_id == "earlier"


def test_no_link_when_the_minutes_are_not_in_the_archive_or_ambiguous() -> None:
    tables = {"meetings": [_meeting("later", dt.date(2021, 3, 10), None),
                           _meeting("a", dt.date(2020, 9, 24), "X"),
                           _meeting("b", dt.date(2020, 9, 24), "Y")],
              "resolutions": [_approval(dt.date(2020, 9, 24)), _approval(dt.date(2019, 1, 1))]}
    assert link_minutes_approvals(tables) == 0
    assert all(r.approves_meeting_id is None for r in tables["resolutions"])
