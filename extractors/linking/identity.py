"""One identity per person and organisation across the whole archive.

``link_identities(tables)`` runs once over every table of a run, after extraction. It gives
``person_id`` to each attendance, membership and person-mention row, ``org_id`` to their
organisations and to funders and recipients that are organisations, and fills the ``people``
and ``organisations`` tables.

Linking people (all within one surname, compared with ``names_compatible``):

* Two forms may be one person only when their names agree (initials and given names position
  by position, nicknames, no clash of Mr/Mrs) **and** there is supporting evidence. Strong
  evidence: the same paper, the same organisation (aliases and acronyms resolved), a similar
  role, the same body, or the same rank or title (Councillor, Superintendent). Weak evidence:
  the same local authority. Role, body and title count only within one authority (two
  councils' "Cllr Morris" are two people). Printing the same full name ("Colin Wilderspin")
  needs no more than not being in different authorities.
* Different organisations on both sides block a link ("M Smith (MK Dons SET)" is not
  "Mark Smith (Thames Valley Police)"); only an identical full name with strong evidence
  overrides that.
* A short form links with weak evidence; a bare surname ("Councillor Townsend") needs strong
  evidence or the same title.
* Clusters merge best pair first (fuller names, then stronger evidence, then name order, never
  input order), and only when every form of one agrees with every form of the other, so "M
  Smith" cannot join "Maralyn Smith" and "Mark Smith" together.
* A form that fits two people who cannot be one, with evidence as good for both, stays apart
  from both.

Ids: ``person_id = stable_id("person", surname key, fullest given name or initials)`` ("bracey",
"michael"). When two clusters of a run share that key (two different "M Smith"s), each adds its
own context (authority, organisation, first paper) to the hash. So an id never depends on run
order or on papers that do not name the person; it changes when a fuller given name joins the
cluster ("M Bracey" gaining "Michael Bracey") or when a namesake that cannot be merged appears;
namesakes with the same context are told apart by their printed forms ("Mr J Meade", "Ms J Meade").
Organisation ids: see ``extractors.linking.organisations``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extractors.base import stable_id
from extractors.linking.organisations import (
    OrgIndex,
    is_body_name,
    looks_like_organisation,
    org_key,
    same_organisation,
)
from extractors.values.names import PersonName, names_compatible, parse_person_name
from extractors.values.spacing import fold
from schemas.records import Person

#: Tables whose rows name a person (``name_as_printed``) and receive a ``person_id``.
PERSON_TABLES = ("memberships", "attendance", "person_mentions", "declarations", "person_votes")
#: Titles too common to count as evidence of the same role.
_PLAIN_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Professor"})
_ROLE_STOP = frozenset({"of", "the", "and", "for", "to", "in", "a", "an", "&"})
_REPRESENTS = re.compile(r"\brepresentatives?\s+(?:for|of|from)\s+(?:the\s+)?(.+?)\s*$", re.I)
_WORD = re.compile(r"[^\W\d_]+")

STRONG, WEAK, NONE, APART = 2, 1, 0, -1


def surname_key(surname: str) -> str:
    """Surname folded for comparison: case, curly apostrophes, hyphens and spaces."""
    return re.sub(r"[\s\-]+", " ", surname.replace("\u2019", "'").casefold()).strip()


def _role_words(text: str | None) -> frozenset[str]:
    words = (w.casefold() for w in _WORD.findall(text or ""))
    return frozenset(
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _ROLE_STOP
    )


def _body_keys(text: str | None) -> frozenset[str]:
    """Squashed forms of a body name and of its bracketed parts ("Community Safety Partnership
    (Safer MK)" -> communitysafetypartnershipsafermk, communitysafetypartnership, safermk)."""
    if not text:
        return frozenset()
    pieces = [text, re.sub(r"\(.*?\)", " ", text), *re.findall(r"\((.*?)\)", text)]
    keys = {re.sub(r"[^0-9a-z]", "", p.casefold()) for p in pieces}
    return frozenset(k for k in keys if len(k) >= 4)


def _bodies_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(
        x == y or (min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x)))
        for x in a
        for y in b
    )


@dataclass(eq=False)
class _Node:
    """One distinct way a person is printed, with what is printed beside it (organisation,
    role, body, authority). The same form with the same context in many papers is one node:
    an archive repeats its regular attendees hundreds of times, and clustering is quadratic
    in the nodes of a surname."""

    printed: str
    parsed: PersonName | None
    paper_id: str  # the first paper (in run order) that prints it so
    authority: str | None
    bodies: frozenset[str]
    affiliations: tuple[str, ...]
    role: frozenset[str]
    rows: list[tuple[str, int]] = field(default_factory=list)
    papers: set[str] = field(default_factory=set)
    forms: list[str] = field(default_factory=list)
    where: str = ""

    @property
    def block(self) -> str:
        if self.parsed is None:
            return "?" + self.printed.casefold()
        return surname_key(self.parsed.surname)

    @property
    def forenames(self) -> tuple[str, ...]:
        return tuple(f.casefold() for f in self.parsed.forenames) if self.parsed else ()

    @property
    def fullness(self) -> tuple[int, int, int, str]:
        """Sort key: fuller names first (given name printed, its length, forename count)."""
        f = self.forenames
        given = f[0] if f and len(f[0]) > 1 else ""
        return (1 if given else 0, len(given), len(f), self.printed)

    @property
    def title(self) -> str | None:
        h = self.parsed.honorific if self.parsed else None
        return h if h and h not in _PLAIN_TITLES else None


@dataclass(eq=False)
class _Cluster:
    nodes: list[_Node]

    @property
    def best(self) -> _Node:
        return max(self.nodes, key=lambda n: n.fullness)

    @property
    def sort_key(self) -> tuple[str, ...]:
        return tuple(sorted(f"{n.printed}\x1f{n.paper_id}" for n in self.nodes))

    def affiliations(self) -> list[str]:
        return sorted({a for n in self.nodes for a in n.affiliations})


# ---------------------------------------------------------------- pairwise facts


@functools.cache
def _compatible(a: str, b: str) -> bool:
    return names_compatible(a, b)


def _names_agree(a: _Node, b: _Node) -> bool:
    if a.parsed is None or b.parsed is None:
        return a.printed.casefold() == b.printed.casefold()
    return _compatible(a.printed, b.printed)


def _evidence(a: _Node, b: _Node) -> tuple[int, str]:
    """How strongly the context of two forms says they are one person, and why."""
    why = []
    org = next(
        ((x, y) for x in a.affiliations for y in b.affiliations if same_organisation(x, y)), None
    )
    if org:
        why.append(
            f"same organisation ({org[0]})"
            if org[0] == org[1]
            else f"same organisation ({org[0]} / {org[1]})"
        )
    # a role, a body's kind or a title says nothing across two authorities: "Cllr Morris" of a
    # parish council and "Councillor Morris" of a city council are two councillors
    apart = bool(a.authority and b.authority) and org_key(a.authority) != org_key(b.authority)
    if (
        not apart
        and a.role
        and b.role
        and 2 * len(a.role & b.role) / (len(a.role) + len(b.role)) >= 0.6
    ):
        why.append("same role")
    if not apart and a.bodies and b.bodies and _bodies_agree(a.bodies, b.bodies):
        why.append("same body")
    if not apart and a.title and a.title == b.title:
        why.append(f"same title ({a.title})")
    if a.papers & b.papers:
        why.append("same paper")
    if why:
        return STRONG, "; ".join(why)
    if a.authority and b.authority:
        if org_key(a.authority) == org_key(b.authority):
            return WEAK, f"same authority ({a.authority})"
        return APART, "different authorities"
    return NONE, "no shared context"


def _cluster_evidence(x: _Cluster, y: _Cluster) -> tuple[int, str, _Node, _Node]:
    best: tuple[int, str, _Node, _Node] | None = None
    for a in sorted(x.nodes, key=lambda n: n.printed):
        for b in sorted(y.nodes, key=lambda n: n.printed):
            level, why = _evidence(a, b)
            if best is None or level > best[0]:
                best = (level, why, a, b)
    assert best is not None
    return best


def _conflict(x: _Cluster, y: _Cluster) -> bool:
    """Both sides name organisations and none of them is the same."""
    ax, ay = x.affiliations(), y.affiliations()
    return bool(ax and ay) and not any(same_organisation(a, b) for a in ax for b in ay)


def _name_tier(x: _Cluster, y: _Cluster) -> int:
    """4 same full given names, 3 agreeing given names, 2 same short form, 1 initials against
    a given name, 0 a bare surname."""
    a, b = x.best, y.best
    fa, fb = a.forenames, b.forenames
    if not fa or not fb:
        return 2 if not fa and not fb else 0
    full_a, full_b = len(fa[0]) > 1, len(fb[0]) > 1
    if full_a and full_b:
        return 4 if fa == fb else 3
    if not full_a and not full_b and fa == fb:
        return 2
    return 1


def _allowed(tier: int, level: int, conflict: bool, x: _Cluster, y: _Cluster) -> bool:
    if tier == 4:
        return level >= STRONG if conflict else level >= NONE
    if conflict or level < WEAK:
        return False
    if tier == 0 or (tier == 2 and not x.best.forenames):
        # a bare surname needs more than the authority: strong evidence or the same title
        return level >= STRONG or bool(x.best.title and x.best.title == y.best.title)
    return True


@dataclass
class _Candidate:
    rank: tuple[int, int]
    x: _Cluster
    y: _Cluster
    why: str


def _candidates(clusters: list[_Cluster]) -> list[_Candidate]:
    out = []
    for i, x in enumerate(clusters):
        for y in clusters[i + 1 :]:
            if not all(_names_agree(a, b) for a in x.nodes for b in y.nodes):
                continue
            tier = _name_tier(x, y)
            level, why, a, b = _cluster_evidence(x, y)
            conflict = _conflict(x, y)
            if not _allowed(tier, level, conflict, x, y):
                continue
            out.append(
                _Candidate(
                    (tier, level),
                    x,
                    y,
                    f"'{a.printed}' ({a.where}) ~ '{b.printed}' ({b.where}): names agree; {why}",
                )
            )
    out.sort(key=lambda c: (-c.rank[0], -c.rank[1], c.x.sort_key, c.y.sort_key))
    return out


def _can_merge(x: _Cluster, y: _Cluster) -> bool:
    return all(_names_agree(a, b) for a in x.nodes for b in y.nodes) and not _conflict(x, y)


def _ambiguous(c: _Candidate, cands: list[_Candidate]) -> bool:
    """A side of the pair fits, with evidence as good, someone the other side cannot be."""
    for side, other in ((c.x, c.y), (c.y, c.x)):
        if side.best.fullness > other.best.fullness:
            continue  # only the less specific side can be torn between two people
        for d in cands:
            if d is c or d.rank[1] < c.rank[1] or side not in (d.x, d.y):
                continue
            third = d.y if d.x is side else d.x
            if third is not other and not _can_merge(third, other):
                return True
    return False


def _cluster_block(nodes: list[_Node]) -> tuple[list[_Cluster], dict[int, list[str]]]:
    clusters = [_Cluster([n]) for n in sorted(nodes, key=lambda n: (n.printed, n.paper_id))]
    evidence: dict[int, list[str]] = {}
    while True:
        cands = _candidates(clusters)
        chosen = next((c for c in cands if not _ambiguous(c, cands)), None)
        if chosen is None:
            break
        merged = _Cluster(chosen.x.nodes + chosen.y.nodes)
        evidence[id(merged)] = (
            evidence.pop(id(chosen.x), []) + evidence.pop(id(chosen.y), []) + [chosen.why]
        )
        clusters = [k for k in clusters if k is not chosen.x and k is not chosen.y] + [merged]
    return clusters, evidence


# ---------------------------------------------------------------- reading the tables


def _get(row: Any, name: str) -> Any:
    return getattr(row, name, None)


def _affiliations(row: Any, parsed: PersonName | None) -> tuple[str, ...]:
    found = []
    for text in (_get(row, "organisation"), parsed.organisation if parsed else None):
        if text and fold(text):
            found.append(fold(text))
    for text in (_get(row, "position"), _get(row, "role"), parsed.role if parsed else None):
        m = _REPRESENTS.search(text or "")
        if m:
            found.append(fold(m.group(1)))
    return tuple(dict.fromkeys(found))


def _nodes(tables: dict[str, list[Any]]) -> list[_Node]:
    papers = {p.paper_id: p for p in tables.get("papers", [])}
    meeting_body = {m.meeting_id: m.body for m in tables.get("meetings", []) if m.body}
    by_key: dict[tuple, _Node] = {}
    for table in PERSON_TABLES:
        for i, row in enumerate(tables.get(table, [])):
            printed = fold(_get(row, "name_as_printed"))
            if not printed:
                continue
            parsed = parse_person_name(printed)
            if (parsed is None or not parsed.honorific) and is_body_name(printed):
                continue  # "Police Scotland" listed among those present is no person
            paper = papers.get(_get(row, "paper_id"))
            bodies = {
                _get(row, "body"),
                meeting_body.get(_get(row, "meeting_id")),
                paper.body if paper else None,
            }
            role_text = " ".join(
                t
                for t in (_get(row, "position"), _get(row, "role"), parsed.role if parsed else None)
                if t
            )
            affiliations = _affiliations(row, parsed)
            key = (
                paper.authority if paper else None,
                printed,
                affiliations,
                role_text,
                tuple(sorted(b for b in bodies if b)),
            )
            node = by_key.get(key)
            if node is None:
                node = by_key[key] = _Node(
                    printed=printed,
                    parsed=parsed,
                    paper_id=_get(row, "paper_id") or "",
                    authority=paper.authority if paper else None,
                    bodies=frozenset().union(*(_body_keys(b) for b in bodies)),
                    affiliations=affiliations,
                    role=_role_words(role_text),
                    where=f"{table}, paper {(_get(row, 'paper_id') or '')[:8]}",
                )
            node.rows.append((table, i))
            node.papers.add(_get(row, "paper_id") or "")
    return list(by_key.values())


def _person_key(cluster: _Cluster) -> tuple[str, str]:
    best = cluster.best
    if best.parsed is None:
        return best.block, ""
    f = best.forenames
    given = f[0] if f and len(f[0]) > 1 else "".join(x[0] for x in f)
    return best.block, given


def _context(cluster: _Cluster) -> str:
    first = min(cluster.nodes, key=lambda n: (n.paper_id, n.printed))
    orgs = cluster.affiliations()
    return "\x1f".join([first.authority or "", org_key(orgs[0]) if orgs else "", first.paper_id])


def _forms(cluster: _Cluster) -> str:
    return "\x1f".join(sorted({n.printed for n in cluster.nodes}))


def _person_record(pid: str, cluster: _Cluster, all_rows: dict[str, list[Any]]) -> Person:
    best = cluster.best
    name = best.parsed.bare if best.parsed else best.printed
    titles = Counter(
        n.parsed.honorific for n in cluster.nodes for _ in n.rows if n.parsed and n.parsed.honorific
    )
    honorific = sorted(titles.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if titles else None
    variants = sorted(
        {fold(_get(all_rows[t][i], "name_as_printed")) for n in cluster.nodes for t, i in n.rows},
        key=lambda v: (v.casefold(), v),  # "MOD" and "MoD" in one order on every run
    )
    return Person(person_id=pid, name=name, honorific=honorific, variants=variants)


def link_people(tables: dict[str, list[Any]]) -> dict[str, list[str]]:
    """Set ``person_id`` on every row of the person tables and fill ``tables["people"]``.

    Takes the run's tables (table name -> records); returns the merge evidence, person_id ->
    one line per merge ("'M Bracey' (attendance, paper 1a2b3c4d) ~ 'Michael Bracey' (...):
    names agree; same organisation (Milton Keynes Council)").
    """
    blocks: dict[str, list[_Node]] = {}
    for node in _nodes(tables):
        blocks.setdefault(node.block, []).append(node)
    found: list[tuple[tuple[str, str], _Cluster, list[str]]] = []
    for block in sorted(blocks):
        clusters, evidence = _cluster_block(blocks[block])
        for c in clusters:
            found.append((_person_key(c), c, evidence.get(id(c), [])))
    per_key = Counter(k for k, _, _ in found)
    people: list[Person] = []
    merges: dict[str, list[str]] = {}
    keyed = [
        (key if per_key[key] == 1 else (*key, _context(cluster)), cluster, why)
        for key, cluster, why in found
    ]
    # two people of one authority, paper and name ("Mr J Meade" and "Ms J Meade", both in the
    # Kent budget minutes): their printed forms tell them apart
    per_parts = Counter(parts for parts, _, _ in keyed)
    keyed = [
        (parts if per_parts[parts] == 1 else (*parts, _forms(cluster)), cluster, why)
        for parts, cluster, why in keyed
    ]
    per_parts = Counter(parts for parts, _, _ in keyed)
    seen: Counter[tuple[str, ...]] = Counter()
    for parts, cluster, why in keyed:
        if per_parts[parts] > 1:  # the same forms kept apart: numbered in their fixed order
            seen[parts] += 1
            parts = (*parts, str(seen[parts]))
        pid = stable_id("person", *parts)
        for node in cluster.nodes:
            for table, i in node.rows:
                tables[table][i].person_id = pid
        person = _person_record(pid, cluster, tables)
        if why:
            merges[pid] = sorted(why)
            if "evidence" in {f.name for f in dataclasses.fields(Person)}:
                person.evidence = merges[pid]  # type: ignore[attr-defined]
        people.append(person)
    tables["people"] = sorted(people, key=lambda p: (p.name.casefold(), p.person_id))
    return merges


# ---------------------------------------------------------------- organisations

#: (table, column with the printed name, column for the id, whether the name must look like an
#: organisation before it gets an id)
ORG_COLUMNS = (
    ("memberships", "organisation", "org_id", False),
    ("attendance", "organisation", "org_id", False),
    ("person_mentions", "organisation", "org_id", False),
    ("organisation_mentions", "name", "org_id", False),
    ("funding", "funder", "funder_org_id", False),
    ("funding", "recipient", "recipient_org_id", True),
)


def _org_rows(tables: dict[str, list[Any]]) -> Iterable[tuple[Any, str, str]]:
    for table, name_col, id_col, check in ORG_COLUMNS:
        for row in tables.get(table, []):
            name = _get(row, name_col)
            if not name or not fold(name) or not hasattr(row, id_col):
                continue
            if (check and not looks_like_organisation(name)) or not is_body_name(name):
                continue
            if table == "funding" and _get(row, "spend_plan_line_no") is not None:
                continue  # a budget table's line ("Care Leavers Service") is the council's own
            yield row, fold(name), id_col


def link_organisations(tables: dict[str, list[Any]]) -> None:
    """Set org ids on memberships, attendance, person mentions (organisation) and funding
    (funder; recipient when it is an organisation), and fill ``tables["organisations"]``."""
    index = OrgIndex()
    rows = list(_org_rows(tables))
    for _, name, _ in rows:
        index.add(name)
    for row, name, id_col in rows:
        setattr(row, id_col, index.org_id(name))
    tables["organisations"] = index.records()


def link_identities(tables: dict[str, list[Any]]) -> dict[str, list[str]]:
    """Link people and organisations across the whole run, in place.

    Takes every table of the run (keys as in ``schemas.records.TABLES``, plus
    ``person_mentions`` when present); sets ``person_id`` and ``org_id`` columns, replaces
    ``tables["people"]`` and ``tables["organisations"]``, and returns the merge evidence by
    person_id. The same input gives the same ids in the same order.
    """
    link_organisations(tables)
    return link_people(tables)
