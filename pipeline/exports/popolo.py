"""``minutebook export popolo``: people, organisations, memberships and meetings as Popolo JSON.

One file, ``popolo.json``, with the four Popolo collections (https://www.popoloproject.com),
the shape Open Civic Data and other civic-tech tools read:

- ``persons``: every row of ``people``; ``id`` is the run's ``person_id``, the printed forms are
  ``other_names``.
- ``organizations``: every row of ``organisations`` (``id`` = ``org_id``), plus each body that
  meets or has members (committees, partnerships, councils) that is not one of them by name or
  alias, with ``id`` ``body-<digest of the name, case folded>``.
- ``memberships``: the ``memberships`` rows, one per person, body, represented organisation and
  role, citing every paper that lists it (``sources``); ``on_behalf_of_id`` is the organisation
  the member represents. Rows that name no person are counted, not written.
- ``events``: one per meeting (``id`` = ``meeting_id``, ``classification`` ``meeting``): the
  ``meetings`` rows of its agenda, pack and minutes share that id and are its ``sources``;
  with the body that met and, as ``attendees``, the people an attendance block lists as there
  (every status but apologies), each once.

Ids are the run's own stable ids, so every object joins back to the Parquet tables.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.exports.dataset import read_rows

POPOLO_FILE = "popolo.json"


@dataclass
class PopoloExport:
    """The Popolo document, and what could not be written into it."""

    document: dict[str, Any]
    memberships_without_person: int = 0
    attendance_without_person: int = 0
    notes: list[str] = field(default_factory=list)

    def files(self) -> dict[str, bytes | None]:
        """The export's one file."""
        text = json.dumps(self.document, indent=1, ensure_ascii=False) + "\n"
        return {POPOLO_FILE: text.encode("utf-8")}


def _key(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _digest(*parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _when(date: dt.date | None, time: str | None) -> str | None:
    """A Popolo date, with the time and UK offset when the time is printed (Popolo wants an
    offset on a time); the date alone where the time zone database is missing."""
    if date is None:
        return None
    if not time:
        return date.isoformat()
    try:
        from zoneinfo import ZoneInfo

        when = dt.datetime.combine(date, dt.time.fromisoformat(time), ZoneInfo("Europe/London"))
    except (ImportError, KeyError, ValueError):
        return date.isoformat()
    return when.isoformat(timespec="minutes")


def _source(row: dict[str, Any], papers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    paper = papers.get(row["paper_id"], {})
    where = f"page {row['page']}: " if row.get("page") else ""
    return {
        "url": paper.get("path") or row["paper_id"],
        "note": f"{where}{row.get('evidence') or ''}".strip(),
    }


class _Bodies:
    """Organisation ids of the bodies named in memberships and meetings."""

    def __init__(self, organisations: list[dict[str, Any]]) -> None:
        self.by_name: dict[str, str] = {}
        for org in organisations:
            for name in [org["name"], *(org["aliases"] or [])]:
                self.by_name.setdefault(_key(name), org["org_id"])
        self.new: dict[str, dict[str, Any]] = {}

    def id_of(self, body: str | None) -> str | None:
        key = _key(body)
        if not key:
            return None
        if key in self.by_name:
            return self.by_name[key]
        oid = f"body-{_digest(key)}"
        self.by_name[key] = oid
        self.new[oid] = {"id": oid, "name": " ".join((body or "").split())}
        return oid


def build(folder: Path) -> PopoloExport:
    """Read the dataset in ``folder`` and return its people, organisations, memberships and
    meetings as one Popolo document (see the module's notes)."""
    papers = {p["paper_id"]: p for p in read_rows(folder, "papers")}
    people = read_rows(folder, "people")
    organisations = read_rows(folder, "organisations")
    bodies = _Bodies(organisations)
    export = PopoloExport({})

    persons = []
    for p in people:
        person: dict[str, Any] = {"id": p["person_id"], "name": p["name"]}
        if p["honorific"]:
            person["honorific_prefix"] = p["honorific"]
        others = [v for v in p["variants"] or [] if v != p["name"]]
        if others:
            person["other_names"] = [{"name": v} for v in others]
        persons.append(person)
    orgs = []
    for o in organisations:
        org: dict[str, Any] = {"id": o["org_id"], "name": o["name"]}
        if o["aliases"]:
            org["other_names"] = [{"name": a} for a in o["aliases"]]
        orgs.append(org)

    memberships: dict[str, dict[str, Any]] = {}
    for m in read_rows(folder, "memberships"):
        if not m["person_id"]:
            export.memberships_without_person += 1
            continue
        body_id = bodies.id_of(m["body"])
        role = m["position"] or m["category"]
        mid = f"membership-{_digest(m['person_id'], body_id, m['org_id'], role)}"
        ms = memberships.get(mid)
        if ms is None:
            ms = {"id": mid, "person_id": m["person_id"], "organization_id": body_id}
            if role:
                ms["role"] = role
            if m["org_id"]:
                ms["on_behalf_of_id"] = m["org_id"]
            ms["sources"] = []
            memberships[mid] = ms
        ms["sources"].append(_source(m, papers))

    attendees: dict[str, dict[str, dict[str, Any]]] = {}
    for a in read_rows(folder, "attendance"):
        if a["status"] == "apologies":
            continue
        if not a["person_id"]:
            export.attendance_without_person += 1
            continue
        attendees.setdefault(a["meeting_id"], {}).setdefault(
            a["person_id"], {"id": a["person_id"], "name": a["name_as_printed"]}
        )
    # one event per meeting: its agenda, pack and minutes are rows sharing the meeting_id;
    # the minutes say best what happened, so their times and venue come first
    records: dict[str, list[dict[str, Any]]] = {}
    for mt in read_rows(folder, "meetings"):
        records.setdefault(mt["meeting_id"], []).append(mt)
    events = []
    for meeting_id, rows in records.items():
        rows.sort(key=lambda r: (r["source"] != "minutes", r["paper_id"]))

        def first(column: str, rows: list[dict[str, Any]] = rows) -> Any:
            return next((r[column] for r in rows if r[column] is not None), None)

        body, date = first("body"), first("date")
        end_time = first("end_time")
        event: dict[str, Any] = {
            "id": meeting_id,
            "name": f"{body or 'Meeting'}" + (f", {date}" if date else ""),
            "classification": "meeting",
            "start_date": _when(date, first("start_time")),
            "end_date": _when(date, end_time) if end_time else None,
            "location": first("venue"),
            "organization_id": bodies.id_of(body),
            "sources": [_source(r, papers) for r in rows],
        }
        if meeting_id in attendees:
            event["attendees"] = list(attendees[meeting_id].values())
        events.append({k: v for k, v in event.items() if v is not None})

    export.document = {
        "persons": persons,
        "organizations": orgs + sorted(bodies.new.values(), key=lambda o: o["id"]),
        "memberships": sorted(memberships.values(), key=lambda m: m["id"]),
        "events": events,
    }
    return export
