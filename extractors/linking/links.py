"""Archive-wide links between records of different papers.

``link_minutes_approvals``: a resolution that approves the minutes of an earlier meeting
("That the Minutes of the meeting held on 24 September 2020 be approved") gets the meeting_id of
those minutes when they are in the archive: a minutes meeting of the same body on that date.
"""

from __future__ import annotations

import re
from typing import Any


def _body_key(body: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (body or "").casefold())


def link_minutes_approvals(tables: dict[str, list[Any]]) -> int:
    """Set ``approves_meeting_id`` on resolutions whose approved minutes are in the run.

    Takes the run's tables; links only when exactly one minutes meeting has that date and a
    body that agrees with the approving meeting's (or either body is unknown). Returns the number
    of resolutions linked.
    """
    meetings = tables.get("meetings", [])
    body_of = {m.meeting_id: _body_key(m.body) for m in meetings}
    by_date: dict[Any, list[Any]] = {}
    for m in meetings:
        if m.source == "minutes" and m.date is not None:
            by_date.setdefault(m.date, []).append(m)
    linked = 0
    for res in tables.get("resolutions", []):
        if res.approves_minutes_of is None:
            continue
        own = body_of.get(res.meeting_id, "")
        found = [m for m in by_date.get(res.approves_minutes_of, [])
                 if m.meeting_id != res.meeting_id
                 and (not own or not _body_key(m.body) or _body_key(m.body) == own)]
        ids = sorted({m.meeting_id for m in found})
        if len(ids) == 1:
            res.approves_meeting_id = ids[0]
            linked += 1
    return linked
