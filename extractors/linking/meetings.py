"""Meetings as entities: one ``meeting_id`` for every paper that records the same meeting.

Extraction gives each meeting record (an agenda's or a minutes part's) an id of its own. A
real meeting is an authority's body on a date: the agenda, the agenda pack and the minutes of
the Cabinet of 30 January 2025 are three records of one meeting. ``link_meetings`` runs once
over the run's tables, after authorities are known and before people are linked:

* each record's body is cleaned and given its canonical name and ``body_id``
  (``extractors.linking.bodies``); ``papers.body``, ``memberships.body`` and
  ``next_meetings.body`` take the canonical name too, and ``bodies`` is filled;
* records with the same authority and date are grouped: one group per body, and a record
  that names no body joins the group when that is the only body meeting on that date in the
  run (``body_inferred``, with an info finding);
* every record of a group takes ``meeting_id = stable_id("meeting", authority, body, date)``
  and every row of every table carrying the old id follows. A group in which one paper holds
  two records (the annual meeting and an ordinary meeting minuted on one evening) is not
  merged: which record is which meeting cannot be told from the date alone.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from extractors.base import stable_id
from extractors.linking.bodies import BodyIndex, body_key
from schemas.records import Finding


def link_meetings(tables: dict[str, list[Any]]) -> int:
    """Give the records of one real meeting one ``meeting_id`` and fill ``bodies``.

    Takes the run's tables (changed in place) and returns the number of meeting records whose
    id changed.
    """
    authority = {p.paper_id: p.authority for p in tables.get("papers", [])}
    index = BodyIndex()
    meetings = tables.get("meetings", [])
    slots: dict[int, tuple[str, str] | None] = {}
    for m in meetings:
        m.body_as_printed = m.body
        slots[id(m)] = index.add(m.body, authority.get(m.paper_id))
    for table in ("papers", "memberships", "next_meetings"):
        for row in tables.get(table, []):
            if row.body:
                slot = index.add(row.body, authority.get(row.paper_id))
                row.body = index.canonical(slot) if slot else None
    for m in meetings:
        slot = slots[id(m)]
        m.body = index.canonical(slot) if slot else None
        m.body_id = index.body_id(slot) if slot else None
    tables["bodies"] = index.records()
    new_id = _group_ids(meetings, authority, slots, index, tables.setdefault("findings", []))
    if new_id:
        _follow(tables, new_id)
    return len(new_id)


def _group_ids(
    meetings: list[Any],
    authority: dict[str, str | None],
    slots: dict[int, tuple[str, str] | None],
    index: BodyIndex,
    findings: list[Finding],
) -> dict[str, str]:
    """Old meeting id -> shared id, for every record that belongs to a real meeting."""
    by_day: dict[tuple[str, Any], list[Any]] = defaultdict(list)
    for m in meetings:
        auth = authority.get(m.paper_id)
        if auth and m.date is not None:
            by_day[(body_key(auth), m.date)].append(m)
    new_id: dict[str, str] = {}
    for (auth_key, date), records in sorted(by_day.items(), key=lambda kv: str(kv[0])):
        named = {slots[id(m)] for m in records if slots[id(m)]}
        groups: dict[tuple[str, str] | None, list[Any]] = defaultdict(list)
        for m in records:
            slot = slots[id(m)] or (next(iter(named)) if len(named) == 1 else None)
            groups[slot].append(m)
        for slot, group in groups.items():
            papers = [m.paper_id for m in group]
            if len(set(papers)) < len(papers):
                continue  # one paper records two meetings of this day: not told apart
            shared = stable_id("meeting", auth_key, slot[1] if slot else "", date)
            for m in group:
                if slot and not slots[id(m)]:
                    _infer_body(m, slot, index, group, findings)
                if m.meeting_id != shared:
                    new_id[m.meeting_id] = shared
                    m.meeting_id = shared
    return new_id


def _infer_body(
    m: Any, slot: tuple[str, str], index: BodyIndex, group: list[Any], findings: list[Finding]
) -> None:
    m.body, m.body_id, m.body_inferred = index.canonical(slot), index.body_id(slot), True
    named_in = sorted({o.paper_id[:8] for o in group if o is not m and not o.body_inferred})
    findings.append(
        Finding(
            paper_id=m.paper_id,
            severity="info",
            code="body_inferred",
            message=f"the {m.source} of {m.date.isoformat()} name no body; {m.body} taken "
            f"from the other papers recording a meeting of that authority on that date "
            f"(paper {', '.join(named_in)})",
            page=m.page,
            stage="link",
        )
    )


def _follow(tables: dict[str, list[Any]], new_id: dict[str, str]) -> None:
    """Rows of every table that carry an old meeting id take the shared one."""
    for name, rows in tables.items():
        if name == "meetings" or not rows or not hasattr(rows[0], "meeting_id"):
            continue
        for row in rows:
            row.meeting_id = new_id.get(row.meeting_id, row.meeting_id)
