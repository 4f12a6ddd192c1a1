"""The paper's own authority: running headers, then the masthead, then the text."""

from extractors.stages.paper_facts import authority_of
from schemas.document import Block, Document, DocumentMeta, Page


def _doc(*texts: str, kinds: tuple[str, ...] = ()) -> Document:
    kinds = kinds or ("paragraph",) * len(texts)
    return Document(
        [Page(1, [Block(k, t, 1) for k, t in zip(kinds, texts, strict=True)])], DocumentMeta()
    )


def test_a_masthead_in_capitals_names_the_council():
    # Souldern PC, 24 May 2018; Burton-cum-Walden PC agenda, 4 November 2025
    assert (
        authority_of(
            _doc(
                "Parish Clerk : Cathy Fleet",
                "MINUTES OF THE SOULDERN PARISH COUNCIL MEETING",
                "HELD IN THE VILLAGE HALL",
            )
        )
        == "Souldern Parish Council"
    )
    assert (
        authority_of(_doc("BURTON-CUM-WALDEN PARISH COUNCIL", "NOTICE OF MEETING"))
        == "Burton-cum-Walden Parish Council"
    )


def test_an_ampersand_joins_a_councils_name():
    # Manordeilo and Salem CC, 13 March 2019
    assert (
        authority_of(
            _doc("MANORDEILO & SALEM COMMUNITY COUNCIL MEETING 13th MARCH 2019", "PRESENT")
        )
        == "Manordeilo and Salem Community Council"
    )


def test_the_council_named_first_wins_over_a_visitor_and_a_menu_is_skipped():
    # Stoke Ferry PC web page, 24 April 2019: a menu, then the heading, then a guest
    menu = ("Village", "Stoke Ferry", "Boughton", "Minutes of meetings 2001-2021")
    doc = _doc(
        *menu,
        "STOKE FERRY PARISH COUNCIL Minutes of the Extraordinary Meeting held on "
        "Wednesday 24 April 2019",
        "Public: 14 Also, in attendance:",
        "Cllr Martin Storey, Norfolk County Council",
        kinds=("list_item",) * len(menu) + ("heading", "paragraph", "paragraph"),
    )
    assert authority_of(doc) == "Stoke Ferry Parish Council"


def test_a_meetings_kind_is_not_a_council():
    # Kent County Council budget minutes, 13 February 2025: "Budget County Council Meeting"
    assert authority_of(_doc("Budget County Council Meeting", "Minutes")) is None


def test_a_combined_authority_is_an_authority() -> None:
    # West of England Combined Authority's ModernGov meeting pages name no council of their own
    # ("The West of England Combined Authority Director of Place", "North Somerset Council" as
    # a member): the combined authority published them
    from pathlib import Path

    from extractors.formats import read_document

    for page in (
        "2026-06-05-agenda-decisions-joint-committee.html",
        "2026-06-01-agenda-overview-scrutiny-committee.html",
    ):
        doc = read_document(Path("samples/corpus/west-of-england-ca") / page)
        assert authority_of(doc) == "West of England Combined Authority"
