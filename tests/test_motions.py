"""Motions, votes, named votes and declarations of interest, on real minutes (issue 15).

Expected values are read from the papers themselves (the printed words are quoted beside each
assertion), never from minutebook's output.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extractors.records.minutes import prose_resolutions
from extractors.records.motions import interest_kind, sentences
from pipeline.process import process_paper

ROOT = Path(__file__).resolve().parent.parent
KENT_BUDGET = ROOT / "samples/real/kent-county-council-budget-minutes-2025-02-13.pdf"
KENT_DEC = ROOT / "samples/real/kent-county-council-minutes-2024-12-19.pdf"
HERTS = ROOT / "samples/corpus/hertingfordbury-pc/2019-03-13-minutes.pdf"
MANORDEILO = ROOT / "samples/corpus/manordeilo-salem-cc/2020-11-11-minutes.html"


def _records(path: Path) -> dict[str, list]:
    data = path.read_bytes()
    result = process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest())
    assert result.paper.status == "ok"
    return result.records


@pytest.fixture(scope="module")
def kent_budget() -> dict[str, list]:
    return _records(KENT_BUDGET)


@pytest.fixture(scope="module")
def kent_december() -> dict[str, list]:
    return _records(KENT_DEC)


def test_recorded_votes_keep_counts_names_and_their_motion(kent_budget):
    votes = kent_budget["votes"]
    # "For (57) … Against (0) Abstain (2) Mr B Lewis, Mr D Ross Motion carried."
    counts = [(v.minute_ref, v.for_count, v.against_count, v.abstain_count) for v in votes]
    assert counts == [
        ("290", 57, 0, 2),
        ("291", 12, 42, 7),
        ("291", 16, 41, 0),
        ("291", 9, 41, 8),
        ("291", 8, 40, 10),
        ("291", 13, 39, 3),
        ("291", 15, 43, 1),
        ("291", 41, 10, 7),
    ]
    named = kent_budget["person_votes"]
    for v in votes:  # every printed count equals the names printed under it
        mine = [p for p in named if p.vote_id == v.vote_id]
        assert sum(p.vote == "for" for p in mine) == v.for_count
        assert sum(p.vote == "against" for p in mine) == v.against_count
        assert sum(p.vote == "abstain" for p in mine) == v.abstain_count
    first = {p.name_as_printed: p.vote for p in named if p.vote_id == votes[0].vote_id}
    assert first["Mr B Lewis"] == first["Mr D Ross"] == "abstain"
    assert first["Sir Paul Carter"] == "for"  # "Sir Paul Carter, CBE": honours dropped
    motions = {m.motion_id: m for m in kent_budget["motions"]}
    # "(26) … the Chairman put to the vote the substantive motion as set out in … paragraph 4"
    substantive = motions[votes[-1].motion_id]
    assert substantive.mover == "Mr Oakford" and substantive.kind == "motion"
    assert substantive.text.startswith("County Council, having given due regard to the s25")


def test_lost_amendments_are_motions_never_resolutions(kent_budget):
    amendments = [m for m in kent_budget["motions"] if m.kind == "amendment"]
    # six amendments, each "Amendment lost."
    assert [(m.mover, m.seconder) for m in amendments] == [
        ("Mr Brady", "Ms Meade"),
        ("Mr Hood", "Mr Lewis"),
        ("Mr Hook", "Mr Streatfeild"),
        ("Mr Streatfeild", "Mr Hook"),
        ("Mr Passmore", "Mr Chittenden"),
        ("Mr Lehmann", "Mr Hood"),
    ]
    assert {m.outcome for m in amendments} == {"lost"}
    assert amendments[1].text.startswith("Allocate up to £75k from the money earmarked")
    resolved = " ".join(r.text for r in kent_budget["resolutions"])
    assert "£75k" not in resolved and "fly tipping" not in resolved.lower()


def test_lost_motions_of_a_council_meeting_stay_out_of_resolutions(kent_december):
    lost = [m for m in kent_december["motions"] if m.outcome == "lost"]
    # "Mr Brady proposed, and Ms Meade seconded the motion that … Motion lost." and
    # "Mr Streatfeild proposed, and Mr Hook seconded the motion that … Motion lost."
    assert [m.mover for m in lost][:2] == ["Mr Brady", "Mr Streatfeild"]
    resolved = [r.text for r in kent_december["resolutions"]]
    assert not any("Public trust in the UK Government" in t for t in resolved)


def test_declarations_with_kind_and_item(kent_budget, kent_december):
    decl = [(d.minute_ref, d.name_as_printed, d.kind) for d in kent_budget["declarations"]]
    # "Ms Meade declared an interest that she was a carer." / "Miss Carey declared a
    # pecuniary interest that she was a Trustee of the Turner Contemporary"
    assert decl == [("287", "Ms Meade", "unspecified"), ("287", "Miss Carey", "pecuniary")]
    # "Mrs Chandler and Mr Rayner declared a pecuniary interest in item 12 – …"
    first = kent_december["declarations"][:2]
    assert [d.name_as_printed for d in first] == ["Mrs Chandler", "Mr Rayner"]
    assert {d.kind for d in first} == {"pecuniary"} and first[0].item.startswith("item 12")


def test_parish_motions_movers_seconders_and_unanimity():
    recs = _records(HERTS)
    motions = recs["motions"]
    # "To approve 23 hours overtime. Resolved, proposed Cllr Blake seconded Cllr Gordon.
    # Unanimously agreed."
    overtime = next(m for m in motions if m.text.endswith("To approve 23 hours overtime."))
    assert (overtime.mover, overtime.seconder, overtime.outcome) == (
        "Cllr Blake",
        "Cllr Gordon",
        "carried",
    )
    # "Resolved, proposed Cllr O’Leary, seconded Cllr Rochford. Agreed by a majority."
    majority = [v for v in recs["votes"] if v.unanimous is False]
    assert len(majority) == 1 and majority[0].minute_ref == "107"
    assert sum(v.unanimous is True for v in recs["votes"]) >= 10
    # "Cllrs Blake and Gordon declared that they live in Birch Green."
    assert [d.name_as_printed for d in recs["declarations"]] == ["Cllr Blake", "Cllr Gordon"]


def test_welsh_council_html_minutes():
    recs = _records(MANORDEILO)
    movers = [(m.minute_ref, m.mover, m.seconder) for m in recs["motions"]]
    # "It was proposed by Cllr. Alun Davies, seconded by Cllr. W. Loynton and unanimously
    # agreed that a £100 donation be made to the Royal British Legion Poppy Appeal."
    assert ("4", "Cllr. Alun Davies", "Cllr. W. Loynton") in movers
    poppy = next(m for m in recs["motions"] if m.mover == "Cllr. Alun Davies")
    assert poppy.text.startswith("a £100 donation be made")
    # "Cllr. J. Davies declared an interest in … PL/00489 … and Cllr. A. Thomas in Planning
    # Application PL/0590 (owner of adjacent land)."
    names = [(d.minute_ref, d.name_as_printed) for d in recs["declarations"]]
    assert ("7", "Cllr. A. Thomas") in names and ("3", "Cllr. J. Davies") in names


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Smith proposed that the precept be increased by 5%, seconded by Cllr Jones. "
        "The motion was lost.",
        "It was proposed by Cllr A Smith, seconded by Cllr B Jones that the hall fees be "
        "waived. On being put to the vote the motion was lost.",
        "The contract be renewed, proposed by Cllr Able, seconded by Cllr Baker. The motion "
        "was withdrawn.",
    ],
)
def test_a_lost_or_withdrawn_parish_motion_is_no_resolution(text):
    assert prose_resolutions(text, 1) == []


def test_a_carried_parish_motion_is_still_a_resolution():
    text = "The contract be renewed, proposed by Cllr Able, seconded by Cllr Baker and carried."
    assert [r.text for r in prose_resolutions(text, 1)] == [text]


def test_sentences_do_not_end_at_initials_or_titles():
    text = "It was proposed by Cllr. J. Davies, seconded by Cllr. O. Williams. Noted (Ch. No. 3)."
    spans = [text[a:b] for a, b in sentences(text)]
    assert spans == [
        "It was proposed by Cllr. J. Davies, seconded by Cllr. O. Williams.",
        "Noted (Ch. No. 3).",
    ]


def test_interest_kinds_are_normalised():
    assert interest_kind("disclosable pecuniary") == "pecuniary"
    assert interest_kind("other registrable") == "other_registrable"
    assert interest_kind("non-registrable") == "non_registrable"
    assert interest_kind("") == "unspecified"


def test_the_chair_moves_by_office() -> None:
    # Kent County Council, 19 December 2024, minute 281: "The Chairman proposed that Council
    # resolve to extend the meeting beyond 4.30pm and it was agreed unanimously."
    from pathlib import Path

    from pipeline.process import process_paper

    p = Path("samples/real/kent-county-council-minutes-2024-12-19.pdf")
    motions = process_paper(str(p), p.name, p.read_bytes(), "p").records["motions"]
    (extend,) = [m for m in motions if m.mover == "The Chairman"]
    assert extend.seconder is None
    assert extend.text.startswith("Council resolve to extend the meeting beyond 4.30pm")


def test_a_list_of_declarations_one_a_line() -> None:
    # Manordeilo & Salem CC, 13 March 2019, minute 4: "The following Declarations of Interest were
    # received: Agenda Item 10, proposed development on land opposite Manordeilo Reading Room -
    # County Cllr. J. Davies and Cllr. G. Evans / Agenda Item 10, E/38405 - County Cllr. J.
    # Davies and Cllr. P. Harries": the second line's "Agenda Item" is no part of a name above
    from pathlib import Path

    from pipeline.process import process_paper

    p = Path("samples/corpus/manordeilo-salem-cc/2019-03-13-minutes.pdf")
    declared = process_paper(str(p), p.name, p.read_bytes(), "p").records["declarations"]
    pairs = {(d.name_as_printed, d.item) for d in declared if d.minute_ref == "4"}
    assert ("Cllr. P. Harries", "Agenda Item 10, E/38405") in pairs
    assert ("County Cllr. J. Davies", "Agenda Item 10, E/38405") in pairs
    assert len(pairs) == 4


def test_a_vote_printed_as_labels_names_untitled_people() -> None:
    # community councils print who moved and seconded as labels, names without titles:
    # "Proposed: David Norton / Seconded: Gemma Kimmett" (Garelochhead CC, unseen set, not
    # blind), "Proposed: James MacPherson" / "Seconded: John Murray" (Strathnairn CC) and
    # "Proposed: Duncan Fraser, Seconded: John Stewart." (Kilmorack CC), as printed
    from extractors.records.motions import _anchors

    for text, names in [
        ("Proposed: David Norton / Seconded: Gemma Kimmett", ("David Norton", "Gemma Kimmett")),
        (
            "- Approval of minutes of AGM 17June 2013\nProposed: James MacPherson\nSeconded: John "
            "Murray",
            ("James MacPherson", "John Murray"),
        ),
        ("Proposed: Duncan Fraser, Seconded: John Stewart.", ("Duncan Fraser", "John Stewart")),
    ]:
        assert [(a.mover, a.seconder) for a in _anchors(text)] == [names]
    # a title is still needed where no colon makes the words a label
    assert _anchors("It was proposed David Norton would look into it") == []
