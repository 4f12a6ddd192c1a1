"""The one way meeting ids are made, shared by the agenda and minutes extractors."""

from __future__ import annotations

from extractors.base import stable_id


def meeting_id_for(paper_id: str, part_no: int | None, source: str) -> str:
    """Return the stable id of the meeting a paper's part describes.

    Takes the paper id, the part number (None when the paper was not segmented) and the source
    (``agenda`` or ``minutes``). Attendance, minute items and resolutions carry the same id as
    the meeting record of their part, so the tables join.
    """
    return stable_id(paper_id, part_no or 1, source, "meeting")
