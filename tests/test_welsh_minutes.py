"""Minutes printed in Welsh (issue 13): Welsh councils publish their minutes in Welsh too, and
the same structure is read through Welsh synonyms in the data tables (months, honorifics,
attendance labels, decision and vote words, funding and payment words).

The paper is Manordeilo & Salem Community Council's Welsh minutes of 13 March 2019
(``samples/corpus/manordeilo-salem-cc``); every expected value is the paper's printed words,
as in its gold (``tests/gold/real/manordeilo-salem-cc/2019-03-13-minutes-welsh.json``).
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from pathlib import Path

from pipeline.process import process_paper

PAPER = Path("samples/corpus/manordeilo-salem-cc/2019-03-13-minutes-welsh.pdf")


@functools.cache
def _result():
    return process_paper(str(PAPER), PAPER.name, PAPER.read_bytes(), "p")


def test_a_welsh_meeting_and_who_attended() -> None:
    # "Cynhaliwyd cyfarfod Cyngor Cymuned Manordeilo a Salem am 7.30pm ar y 13eg Mawrth 2019 yn
    # yr Ystafell Ddarllen, Cwmifor." ... "daeth y cyfarfod i ben am 9.45pm"; "PRESENNOL" /
    # "Cynghorwyr Alun Davies, ..., Owen Williams a’r Cynghorydd Sir Joseph Davies."; "Derbyniwyd
    # ymddiheuriadau gan y Cynghorwyr Dorian Jenkins, Doris Jones, William Loynton ac Andrew
    # Thomas."
    result = _result()
    assert result.paper.doc_type == "minutes"
    (meeting,) = result.records["meetings"]
    assert (meeting.date, meeting.start_time, meeting.end_time, meeting.venue) == (
        dt.date(2019, 3, 13),
        "19:30",
        "21:45",
        "Ystafell Ddarllen, Cwmifor",
    )
    status = {a.name_as_printed: a.status for a in result.records["attendance"]}
    assert status["Cynghorydd Owen Williams"] == "present"
    assert status["Cynghorydd Sir Joseph Davies"] == "present"
    assert status["Cynghorydd Andrew Thomas"] == "apologies"


def test_welsh_headings_decisions_votes_and_gifts() -> None:
    result = _result()
    titles = {m.ref: m.title for m in result.records["minute_items"]}
    # a superscript ordinal read back into its heading: "AR 6ED CHWEFROR 2019"
    assert titles["2"] == "CADARNHAU COFNODION Y CYFARFOD EITHRIADOL AR 6ED CHWEFROR 2019"
    decisions = [(r.minute_ref, r.text) for r in result.records["resolutions"]]
    # "... ac roedd pawb o blaid adnewyddu’r aelodaeth ar gost o £236.00." / "... a chytunwyd
    # gan bawb y dylid rhoi £50.00."
    assert ("6", "adnewyddu’r aelodaeth ar gost o £236.00.") in decisions
    assert ("6", "y dylid rhoi £50.00.") in decisions
    movers = [(m.mover, m.seconder) for m in result.records["motions"]]
    assert ("Cyng. J. Davies", "Cyng. O. Williams") in movers
    assert all(v.unanimous for v in result.records["votes"])
    gifts = {f.recipient: f.amount_gbp for f in result.records["funding"]}
    # "Siec Rhif 1307 400.00" to "Marie Curie, Gyrfa Chwist i godi arian" (a fundraising
    # whist drive) in the payments list; the two £50 gifts were decided in minute 6
    assert gifts == {
        "Cylch Meithrin Ffairfach": Decimal("50"),
        "Ambiwlans Awyr Cymru": Decimal("50"),
        "Marie Curie": Decimal("400"),
    }


def test_a_welsh_council_by_its_welsh_name_gives_its_gifts() -> None:
    # "Cynhaliwyd cyfarfod Cyngor Cymuned Manordeilo a Salem ..."; "y dylid rhoi £50.00" (that
    # £50.00 be given): a gift of the council
    result = _result()
    assert result.paper.authority == "Cyngor Cymuned Manordeilo a Salem"
    assert {(f.kind, f.funder) for f in result.records["funding"]} == {
        ("grant_award", "Cyngor Cymuned Manordeilo a Salem")
    }


def test_welsh_declarations_of_interest() -> None:
    # "4. DATGANIADAU O DDIDDORDEB / Derbyniwyd y Datganiadau o Ddiddordeb canlynol: Eitem Agenda
    # 10, datblygiad arfaethedig ... – Cynghorydd Sir J. Davies a’r Cyng. G. Evans / Eitem Agenda
    # 10, E/38405 – Cynghorydd Sir J. Davies a’r Cyng. P. Harries"
    declared = {
        (d.name_as_printed, d.item)
        for d in _result().records["declarations"]
        if d.minute_ref == "4"
    }
    assert (
        "Cyng. G. Evans",
        "Eitem Agenda 10, datblygiad arfaethedig ar dir gyferbyn ag Ystafell Ddarllen Manordeilo",
    ) in declared
    assert ("Cyng. P. Harries", "Eitem Agenda 10, E/38405") in declared
    assert len(declared) == 4
