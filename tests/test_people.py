"""Report authors, contacts and named people outside attendance lists (issue 6, part 1).

The hand-built documents copy the layouts of the sample papers (docs/samples.md): the 000 form
block table, the 001 and 004 "Report Author:" labels, the 003 contact-details table, the 002
cover and prose. Expected names come from the gold ``people`` lists. The end-to-end test reads
the sample papers themselves once ``extractors.formats.read_document`` exists.
"""

from __future__ import annotations

import pytest

from extractors.base import PaperContext
from extractors.linking.identity import link_identities
from extractors.records import people
from schemas.document import Block, Document, DocumentMeta, Page, Table
from schemas.records import Paper
from tests.conftest import FORMATS, SAMPLE_STEMS, gold, sample_path


def _doc(*items: Block | Table) -> Document:
    return Document([Page(1, list(items))], DocumentMeta())


def _found(doc: Document) -> dict[str, people.PersonMention]:
    ex = people.extract(doc, PaperContext(paper_id="p"))
    return {m.name_as_printed: m for m in ex.records.get("person_mentions", [])}


def test_form_block_label_cells() -> None:
    doc = _doc(
        Table(
            rows=[
                ["Local Authority Area:", "Milton Keynes", "CSF Grant Allocation:", "£261,694"],
                [
                    "Name of nominated Local Authority contact for CSF grant:",
                    "Jane Harrison",
                    "Name of LPA Commander (or relevant county TVP lead)",
                    "Yvette Hitch",
                ],
            ],
            page=1,
        )
    )
    found = _found(doc)
    assert set(found) == {"Jane Harrison", "Yvette Hitch"}
    assert found["Yvette Hitch"].kind == "commander"
    assert found["Yvette Hitch"].role == "LPA Commander"
    assert found["Jane Harrison"].kind == "contact"


def test_report_authors_on_the_lines_below_the_label() -> None:
    doc = _doc(
        Block("heading", "OVERVIEW OF PARTNERSHIP ACTIVITY", 1, level=1),
        Block("paragraph", "Report Author:", 1, bold=True),
        Block("paragraph", "Melanie Marshman, MK Together Strategic Partnership Manager", 1),
        Block("paragraph", "William Pearce, Community Safety Team Leader, Tel: 01908 252842", 1),
        Block("paragraph", "Purpose of Report:", 1, bold=True),
        Block(
            "paragraph",
            "To provide an update on partnership activity undertaken to "
            "support the delivery of the priorities.",
            1,
        ),
    )
    found = _found(doc)
    assert set(found) == {"Melanie Marshman", "William Pearce"}
    assert found["Melanie Marshman"].role == "MK Together Strategic Partnership Manager"
    assert found["William Pearce"].role == "Community Safety Team Leader"
    assert found["William Pearce"].organisation is None  # the phone number is not an org
    assert {m.kind for m in found.values()} == {"report_author"}


def test_report_author_with_bracketed_role() -> None:
    doc = _doc(
        Block("paragraph", "Report Author:", 1),
        Block("paragraph", "Mel Marshman (Head of Partnerships and Resilience)", 1),
        Block("paragraph", "Purpose of Report", 1),
    )
    (m,) = _found(doc).values()
    assert m.name_as_printed == "Mel Marshman"
    assert m.role == "Head of Partnerships and Resilience"


def test_contact_details_table_of_cells() -> None:
    cell = "{}\n{}\n\n{}"
    doc = _doc(
        Block("heading", "Contact Details:", 1),
        Table(
            rows=[
                [
                    cell.format(
                        "CLr Peter Geary",
                        "Chair of Partnership",
                        "peter.geary@milton-keynes.gov.uk",
                    ),
                    cell.format(
                        "Lee Westlake",
                        "Head of Service Youth Justice",
                        "lee.westlake@milton-keynes.gov.uk\n01908 311018",
                    ),
                ],
                [
                    cell.format(
                        "Neil Coolman",
                        "Partnership Inspector",
                        "neil.coolman@thamesvalley.pnn.police.uk",
                    ),
                    cell.format(
                        "Colin Wilderspin",
                        "Deputy Head of Community Safety",
                        "colin.wilderspin@milton-keynes.gov.uk",
                    ),
                ],
            ],
            page=1,
        ),
    )
    found = _found(doc)
    assert set(found) == {"CLr Peter Geary", "Lee Westlake", "Neil Coolman", "Colin Wilderspin"}
    assert found["Colin Wilderspin"].role == "Deputy Head of Community Safety"
    assert found["Neil Coolman"].role == "Partnership Inspector"


def test_contact_details_as_lines() -> None:
    lines = [
        "Contact Details:",
        "CLr Peter Geary",
        "Chair of Partnership",
        "peter.geary@milton-keynes.gov.uk",
        "Lee Westlake",
        "Head of Service Youth Justice",
        "lee.westlake@milton-keynes.gov.uk",
        "01908 311018",
        "Milton Keynes Community Safety Police and Crime Commissioner Briefing Document",
        "www.safermk.com",
        "Civic Offices",
        "1 Saxon Gate East",
    ]
    found = _found(_doc(*(Block("paragraph", t, 1) for t in lines)))
    assert set(found) == {"CLr Peter Geary", "Lee Westlake"}
    assert found["CLr Peter Geary"].role == "Chair of Partnership"


def test_prose_titles_and_no_organisations_as_people() -> None:
    doc = _doc(
        Block(
            "paragraph",
            "SaferMK Business Management Group (BMG) update July - Sept 2016 "
            "Colin Wilderspin (Head of Community Safety)",
            1,
        ),
        Block(
            "paragraph",
            "The SaferMK BMG currently has no Chair or Vice Chair following the "
            "departure of both Chief Inspector Jim O\u2019Ryan and the Service "
            "Director Jane Reed from Milton Keynes.",
            1,
        ),
        Block(
            "paragraph",
            "Milton Keynes Community Safety Police and Crime Commissioner Briefing Document",
            1,
        ),
        Block("paragraph", "Please contact Jane Crighton, Committee Manager, on 01908 252333", 1),
    )
    found = _found(doc)
    assert set(found) == {
        "Colin Wilderspin",
        "Chief Inspector Jim O\u2019Ryan",
        "Jane Reed",
        "Jane Crighton",
    }
    assert found["Colin Wilderspin"].role == "Head of Community Safety"
    assert found["Jane Crighton"].kind == "contact"


def test_attendance_block_is_left_to_the_attendance_extractor() -> None:
    doc = _doc(
        Block(
            "paragraph",
            "Present: Councillor Townsend (Chair) M Bracey (Chief "
            "Executive [Milton Keynes Council]), Superintendent M Tarbit "
            "(Local Police Area Commander [Thames Valley Police])",
            1,
        ),
        Block("paragraph", "SMK10 MINUTES", 1),
    )
    assert _found(doc) == {}


def _read(stem: str, fmt: str) -> Document:
    from extractors.formats import read_document

    return read_document(sample_path(stem, fmt))


# name as printed in each sample that a label or a title introduces (from the gold notes)
EXPECTED = {
    "000_1c07758f42038aae": {"Jane Harrison", "Yvette Hitch"},
    "001_ab61ad5f639b9e5f": {"Melanie Marshman", "William Pearce"},
    "002_ee5612cdad44ea4a": {"Colin Wilderspin", "Chief Inspector Jim O\u2019Ryan", "Jane Reed"},
    "003_a2a4ea0d76e054f2": {"CLr Peter Geary", "Lee Westlake", "Neil Coolman", "Colin Wilderspin"},
    "004_e7a5e62b3e5d6ec5": {"Mel Marshman", "Jane Crighton"},
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_sample_papers(stem: str, fmt: str) -> None:
    found = _found(_read(stem, fmt))
    assert EXPECTED[stem] <= set(found)
    variants = {v for p in gold(stem).get("people", []) for v in p["variants"]}
    assert set(found) <= variants  # nothing that is not a person of the gold


def test_samples_link_across_papers() -> None:
    """Report authors and contacts of different papers join one person (gold people)."""
    tables: dict[str, list] = {
        "person_mentions": [],
        "papers": [
            Paper(
                paper_id=stem,
                path=stem,
                format="txt",
                status="ok",
                pipeline_version="test",
                authority=gold(stem)["authority"],
                body=gold(stem)["body"],
            )
            for stem in SAMPLE_STEMS
        ],
    }
    for stem in SAMPLE_STEMS:
        ex = people.extract(_read(stem, "txt"), PaperContext(paper_id=stem))
        tables["person_mentions"] += ex.records.get("person_mentions", [])
    link_identities(tables)
    by_name: dict[str, set[str]] = {}
    for m in tables["person_mentions"]:
        by_name.setdefault(m.name_as_printed, set()).add(m.person_id)
    assert by_name["Mel Marshman"] == by_name["Melanie Marshman"]
    assert len(by_name["Colin Wilderspin"]) == 1
    assert by_name["Jane Reed"].isdisjoint(by_name["Jane Harrison"])
