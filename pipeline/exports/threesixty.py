"""``minutebook export 360giving``: the grant awards of a dataset in the 360Giving Data Standard.

Only ``funding`` rows of kind ``grant_award`` are grants; every other row, and every grant that
cannot be written as a valid 360Giving grant, is listed in ``360giving-excluded.csv`` with the
reason, never dropped silently. How the fields are filled:

- ``id``: ``360G-minutebook-`` and a digest of the grant's funder, recipient, amount and year.
  360Giving wants a publisher's registered prefix; minutebook has none, so its ids carry the
  unregistered prefix ``360G-minutebook`` (stable from run to run for the same facts).
- The same award named several times (same funder, recipient, amount and financial year, or
  award date when no year is printed) is one grant; each mention is a ``relatedDocument``
  (the paper, its page and the words).
- ``awardDate``: the date of the earliest paper that records the award (its meeting or report
  date; the decision itself may be earlier). ``plannedDates``: the financial year printed with
  the award, 1 April to 31 March.
- Organisation ids: ``360G-minutebook-org-<org_id>`` for an organisation of the run's
  ``organisations`` table, else ``360G-minutebook-name-<slug of the name>``. No registered
  identifiers (charity, company, ``GB-LAE-`` local authority codes) are known to minutebook.
- Grants to a person are not exported: 360Giving publishes grants to individuals without their
  names, with fields minutebook does not read.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from extractors.values.names import parse_person_name
from pipeline.exports.dataset import read_rows

PREFIX = "360G-minutebook"
VERSION = "1.4"
GRANTS_FILE = "360giving.json"
EXCLUDED_FILE = "360giving-excluded.csv"
STANDARD = Path(__file__).parent / "standards" / "threesixtygiving"
EXCLUDED_COLUMNS = (
    "funding_id",
    "paper_id",
    "page",
    "kind",
    "funder",
    "recipient",
    "amount_gbp",
    "financial_year",
    "reason",
)


@dataclass
class GrantsExport:
    """What the export found: the 360Giving package, and the funding rows left out with why."""

    package: dict[str, Any]
    excluded: list[dict[str, Any]] = field(default_factory=list)
    #: funding_ids written into each grant, by grant id
    mentions: dict[str, list[str]] = field(default_factory=dict)

    def files(self) -> dict[str, bytes | None]:
        """The export's files: the grants (None when there are none: 360Giving needs one) and
        the excluded rows."""
        grants = self.package["grants"]
        text = json.dumps(self.package, indent=1, ensure_ascii=False) + "\n"
        return {
            GRANTS_FILE: text.encode("utf-8") if grants else None,
            EXCLUDED_FILE: _excluded_csv(self.excluded),
        }


def _excluded_csv(rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=EXCLUDED_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if r.get(k) is None else r[k]) for k in EXCLUDED_COLUMNS})
    return buf.getvalue().encode("utf-8")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _key(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def org_identifier(org_id: str | None, name: str) -> str:
    """The 360Giving organisation id of an organisation of the run (see the module's notes)."""
    if org_id:
        return f"{PREFIX}-org-{org_id}"
    return f"{PREFIX}-name-{_slug(name) or 'unnamed'}"


def planned_dates(financial_year: str | None) -> list[dict[str, Any]]:
    """The financial year ``YYYY/YY`` as 360Giving planned dates (1 April to 31 March)."""
    m = re.fullmatch(r"(\d{4})/(\d{2})", financial_year or "")
    if not m:
        return []
    start = int(m.group(1))
    return [
        {
            "startDate": f"{start}-04-01",
            "endDate": f"{start + 1}-03-31",
            "duration": 12,
            "description": f"financial year {financial_year}",
        }
    ]


def _number(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _is_person(recipient: str, recipient_org_id: str | None, people_names: set[str]) -> bool:
    if recipient_org_id:
        return False
    if _key(recipient) in people_names:
        return True
    parsed = parse_person_name(recipient)
    return parsed is not None and parsed.honorific is not None


def _reason(row: dict[str, Any], paper: dict[str, Any] | None, people: set[str]) -> str | None:
    """Why a funding row cannot be a 360Giving grant, or None when it can."""
    if row["kind"] != "grant_award":
        return f"kind {row['kind']} is not a grant award"
    if row["amount_gbp"] is None or row["amount_gbp"] <= 0:
        return "no positive amount"
    if not (row["recipient"] or "").strip():
        return "no recipient printed"
    if _is_person(row["recipient"], row["recipient_org_id"], people):
        return "recipient is a person (360Giving publishes grants to individuals without names)"
    if not (row["funder"] or "").strip():
        return "no funder printed"
    if paper is None or paper["paper_date"] is None:
        return "no award date (the paper carries no date)"
    return None


def _grant_key(row: dict[str, Any], paper_date: dt.date) -> str:
    when = row["financial_year"] or paper_date.isoformat()
    parts = [
        row["funder_org_id"] or _key(row["funder"]),
        row["recipient_org_id"] or _key(row["recipient"]),
        str(row["amount_gbp"]),
        when,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _document(row: dict[str, Any], paper: dict[str, Any]) -> dict[str, Any]:
    where = f"page {row['page']}: " if row["page"] else ""
    return {
        "id": row["paper_id"],
        "title": paper["title"] or paper["path"],
        "description": f"{where}{row['evidence'] or row['amount_text'] or ''}".strip(),
        "documentType": paper["doc_type"] or "unknown",
    }


def _grant(gid: str, rows: list[dict[str, Any]], papers: dict[str, dict[str, Any]]) -> dict:
    first = rows[0]
    recipient = first["recipient"].strip()
    funder = first["funder"].strip()
    award_date = min(papers[r["paper_id"]]["paper_date"] for r in rows)
    year = next((r["financial_year"] for r in rows if r["financial_year"]), None)
    purpose = next((r["purpose"] for r in rows if r["purpose"]), None)
    title = f"Grant to {recipient}" + (f" ({year})" if year else "")
    grant: dict[str, Any] = {
        "id": gid,
        "title": title if len(title) <= 140 else title[:139] + "…",
        "description": purpose or first["evidence"] or title,
        "currency": "GBP",
        "amountAwarded": _number(first["amount_gbp"]),
        "awardDate": award_date.isoformat(),
        "recipientOrganization": [
            {"id": org_identifier(first["recipient_org_id"], recipient), "name": recipient}
        ],
        "fundingOrganization": [
            {"id": org_identifier(first["funder_org_id"], funder), "name": funder}
        ],
    }
    if dates := planned_dates(year):
        grant["plannedDates"] = dates
    grant["relatedDocument"] = [_document(r, papers[r["paper_id"]]) for r in rows]
    return grant


def build(folder: Path) -> GrantsExport:
    """Read the dataset in ``folder`` and return its grants as a 360Giving package, with every
    funding row that is not in it and why (see the module's notes)."""
    papers = {p["paper_id"]: p for p in read_rows(folder, "papers")}
    people: set[str] = set()
    for person in read_rows(folder, "people"):
        people.update(_key(v) for v in [person["name"], *(person["variants"] or [])])
    groups: dict[str, list[dict[str, Any]]] = {}
    excluded = []
    for row in read_rows(folder, "funding"):
        paper = papers.get(row["paper_id"])
        reason = _reason(row, paper, people)
        if reason:
            excluded.append({**row, "reason": reason})
            continue
        assert paper is not None
        gid = f"{PREFIX}-{_grant_key(row, paper['paper_date'])}"
        groups.setdefault(gid, []).append(row)
    grants = [_grant(gid, rows, papers) for gid, rows in sorted(groups.items())]
    package = {
        "grants": grants,
        "version": VERSION,
        "title": "Grant awards read from council meeting papers by minutebook",
        "description": (
            "Grant awards named in local-government meeting papers, read by minutebook. "
            "Identifiers use the unregistered prefix 360G-minutebook; each grant cites the "
            "papers, pages and words it was read from (relatedDocument)."
        ),
        "publisher": {"name": "minutebook (unregistered publisher)", "identifier": PREFIX},
    }
    mentions = {gid: [r["funding_id"] for r in rows] for gid, rows in groups.items()}
    return GrantsExport(package, excluded, mentions)


@functools.cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    # the files name their dialect "http://json-schema.org/draft/2020-12/schema" (http, not
    # the https of the dialect's id), which jsonschema does not recognise: say it explicitly
    grant = json.loads((STANDARD / "360-giving-schema.json").read_text(encoding="utf-8"))
    package = json.loads((STANDARD / "360-giving-package-schema.json").read_text(encoding="utf-8"))
    grant_ref = package["properties"]["grants"]["items"]["$ref"]
    resource = DRAFT202012.create_resource(grant)
    registry = Registry().with_resources([(grant["$id"], resource), (grant_ref, resource)])
    return Draft202012Validator(
        package, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def validation_errors(package: dict[str, Any]) -> list[str]:
    """Check a package against the vendored 360Giving schema (offline); return the errors, one
    line each ("grants/0/awardDate: ..."), [] when it is valid. Needs ``jsonschema`` (the
    ``validate`` extra)."""
    return [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(package)'}: {e.message}"
        for e in sorted(_validator().iter_errors(package), key=lambda e: list(e.absolute_path))
    ]
