"""Funding read from what a sentence's verb and its arguments say (issue 13), on real papers.

Every expected value is the paper's printed words (quoted beside it); each paper is read once.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from pipeline.process import process_paper
from tests.conftest import SAMPLES


@functools.cache
def _funding(rel: str) -> tuple:
    path = SAMPLES / rel
    result = process_paper(str(path), path.name, path.read_bytes(), "p")
    return tuple(result.records.get("funding", []))


def _amounts(rel: str) -> dict[Decimal, list]:
    out: dict[Decimal, list] = {}
    for row in _funding(rel):
        out.setdefault(row.amount_gbp, []).append(row)
    return out


def test_a_payments_list_gives_rows_for_its_gifts_only() -> None:
    # Burton-cum-Walden PC cash sheet 2024-5: "07-Jan Yorkshire Air Ambulance | 101313 | 44 |
    # 25.00"; the clerk's salary, PAYE and the insurance of the same list are payments
    rows = _funding("corpus/burton-cum-walden-pc/2025-03-31-payments-2024-25.pdf")
    assert sorted((r.recipient, r.amount_gbp, r.kind, r.financial_year) for r in rows) == [
        ("Great North Air Ambulance", Decimal(25), "grant_award", "2024/25"),  # "Payments 2024-5"
        ("Yorkshire Air Ambulance", Decimal(25), "grant_award", "2024/25"),
    ]


def test_invoices_under_a_numbered_item_are_payments() -> None:
    # Burton-cum-Walden PC, 6 May 2025: "18. Invoices / Online payments were authorised in
    # respect of the following invoices ...: Mike Lawrence (jet washing ...) - £100.00"; item 17
    # before it ended "RESOLVED: to support the application."
    amounts = _amounts("corpus/burton-cum-walden-pc/2025-05-06-minutes-annual-council-meeting.pdf")
    assert Decimal(100) not in amounts and Decimal(150) not in amounts


def test_money_set_aside_for_a_purpose() -> None:
    # Burton-cum-Walden PC, 4 November 2025: "the Budget prepared for 2026/27 should include
    # £500 set aside for contribution, if necessary, to the Committee."
    row = _amounts("corpus/burton-cum-walden-pc/2025-11-04-minutes.pdf")[Decimal(500)][0]
    assert row.purpose.startswith("contribution, if necessary, to the Committee")
    assert row.financial_year == "2026/27"


def test_gifts_under_an_item_title_and_a_councillors_fund() -> None:
    # Souldern PC, 24 May 2018, "05.18.07 Defibrillator / The charity has agreed to donate £750,
    # The Bring & Buy Sale profit of £570 will be donated and the PC agreed to pledge up to £500"
    amounts = _amounts("corpus/souldern-pc-oxon/2018-05-24-minutes.pdf")
    for value in (750, 570, 500):
        (row,) = amounts[Decimal(value)]
        assert row.purpose == "Defibrillator" and row.recipient != "charity"
    assert amounts[Decimal(500)][0].kind == "cap"  # "up to" limits the £500 only
    assert amounts[Decimal(750)][0].kind == "grant_award"
    # "d) OCC / Cllr Fatemian reported that his funds of £15K pa for the next two years is
    # available for community use": not the SCAS of the item before
    (fund,) = amounts[Decimal(15000)]
    assert fund.purpose == "community use" and fund.funder != "SCAS"


def test_a_precept_set_from_the_budget_and_a_bill_that_is_no_funding() -> None:
    # Souldern PC, 27 November 2025: "The budget/precept spreadsheet ... the precept demand
    # figure of £8358 was reached"; "a letter ... from SSE ... with a £12K bill"
    amounts = _amounts("corpus/souldern-pc-oxon/2025-11-27-minutes.pdf")
    assert amounts[Decimal(8358)][0].purpose == "precept"
    assert Decimal(12000) not in amounts


def test_a_sum_approved_of_a_bid_is_for_what_was_bid_for() -> None:
    # Broomhill CC, 14 February 2024: "MK had submitted a bid for £15k of GCC funding to develop
    # a Local Development Plan which could benefit Broomhill, but only £13k had been approved."
    amounts = _amounts("corpus/broomhill-cc-glasgow/2024-02-14-minutes.pdf")
    assert Decimal(15000) not in amounts
    assert "Local Development Plan" in amounts[Decimal(13000)][0].purpose


def test_a_payment_for_fees_and_an_estimate_of_costs_are_not_funding() -> None:
    # Milburn PC, 26 January 2021: "Resolved to pay M Joyce for website fees of £45.00" (after
    # "The budget allows £1000 to cover legal fees"); "(estimated to be approximately £750 plus
    # VAT for both sides)" of Corlands' legal fees
    amounts = _amounts("corpus/milburn-pc-cumbria/2021-01-26-minutes.pdf")
    assert Decimal(45) not in amounts and Decimal(750) not in amounts
    assert Decimal(4500) in amounts  # "resolved to apply for £4500 precept"


def test_money_offered_and_a_grant_to_spend_on_a_purpose() -> None:
    # Stoke Ferry PC, 24 April 2019: "the Parish Council had been offered approximately £30k
    # from a separate development at Indigo Road for play equipment including maintenance"
    (offer,) = _amounts("corpus/stoke-ferry-pc-norfolk/2019-04-24-minutes-extraordinary.html")[
        Decimal(30000)
    ]
    assert offer.recipient == "Stoke Ferry Parish Council" or "Parish Council" in offer.recipient
    assert offer.purpose.startswith("play equipment")
    # Tintern CC, 20 May 2019, printed over two lines: "the Welsh Government have a £30 million
    # pound grant to spend on road / improvements and safety."
    (grant,) = _amounts("corpus/tintern-cc-monmouthshire/2019-05-20-minutes-agm.pdf")[
        Decimal(30000000)
    ]
    assert grant.purpose == "road improvements and safety"


def test_a_grant_decision_table_awards_the_total_and_records_past_awards() -> None:
    # Sutton Coldfield TC, 13 March 2018: Special Olympics asked "Four Oaks-£2355.50 ... Vesey -
    # £2355.50 Total= £9422", "Approved."; Friends of Mossy Bank's summary: "£600 was approved to
    # start the project"; YMCA's: "YMCA received £8,000 from the Town Council in 2016/17 and
    # are requesting a further £8,000" (rejected)
    rows = _funding(
        "corpus/sutton-coldfield-tc/2018-03-13-minutes-amenities-leisure-community-services.pdf"
    )
    got = {(r.recipient, r.amount_gbp) for r in rows}
    assert ("Special Olympics Sutton Coldfield", Decimal(9422)) in got
    assert ("Special Olympics Sutton Coldfield", Decimal("2355.50")) not in got
    assert ("Friends of Mossy Bank", Decimal(600)) in got
    ymca = [r for r in rows if r.recipient == "YMCA (Falcon Lodge)"]
    assert [(r.amount_gbp, r.financial_year) for r in ymca] == [(Decimal(8000), "2016/17")]


def test_a_grant_reports_sections_totals_not_increments_or_parts() -> None:
    # Kent, Details of Core Grants 2025-26: "D) Social Care Grant ..."; "providing the Council
    # with an additional £4.7m, increasing the total grant value for 2021-22 to £ 39.1m";
    # "The Council's share of this additional allocation is £12.8m, increasing the total
    # 2024-25 Social Care grant allocation for this Council to £117.0m"; "The Council's RSG
    # allocation for 2025-26 is £15.7m, which reflects rolled in grants of £3.7m ... and an
    # inflationary increase of £0.2m"; "The Council's total allocation for 2024-25 is £26.969m,
    # an increase of £12.5m"
    amounts = _amounts("real/kent-government-grants-lgfs-2025-26.pdf")
    for value in ("39100000", "54500000", "117000000", "20100000"):
        assert [r.purpose for r in amounts[Decimal(value)]] == ["Social Care Grant"]
    for value in ("4700000", "12800000", "3700000", "200000", "12500000", "1920000"):
        assert Decimal(value) not in amounts
    assert amounts[Decimal(15700000)][0].purpose == "Revenue Support Grant"


def test_a_budget_motion_and_its_resolution_are_one_row_and_valuations_none() -> None:
    # Kent County Council, 13 February 2025: "(a) The 10-year Capital programme and investment
    # proposals of £1,419m" as moved (p4) and as resolved (p13); an amendment's "Proposed
    # Amount: / £2.149m to 'top-up' the LEVI capital project funding."
    amounts = _amounts("real/kent-county-council-budget-minutes-2025-02-13.pdf")
    (programme,) = amounts[Decimal(1419000000)]
    assert programme.purpose == "10-year Capital programme and investment proposals"
    assert programme.page == 13
    assert Decimal(2149000) not in amounts
    # Kent record of decision 24/00093: "Desktop valuations have been provided ... Margate
    # Family Hub: £250k - £450k (depending on use class)"
    hubs = _amounts("real/kent-record-of-decision-24-00093-family-hubs.pdf")
    assert Decimal(250000) not in hubs and Decimal(200000) not in hubs
    # ... and its register of the contracts being ended ("Provider | Area | Contract End Date |
    # Contract value per Annum / Millmead | Margate | 31/03/2025 | £222,127.44") is no spend plan
    assert Decimal("222127.44") not in hubs


def test_national_totals_multi_year_sums_and_noun_phrases_of_an_amount() -> None:
    # Kent, local government finance settlement paper: "The Autumn Budget 2022 announced that
    # there will be an additional £400m for adult social care ..." and "The 2023-24 settlement
    # included an additional £1.345bn ..." are national totals; "The Council's allocation of the
    # additional £400m was £10.3m taking the total grant for 2023-24 to £14.4m" is Kent's own
    grants = _amounts("real/kent-government-grants-lgfs-2025-26.pdf")
    assert Decimal(400_000_000) not in grants and Decimal(1_345_000_000) not in grants
    assert Decimal(14_400_000) in grants
    # Kent budget minutes, 13 February 2025: "(a) The 10-year Capital programme and investment
    # proposals of £1,419m over the years from 2025-26 to 2034-35" is no one year's; "(c) The
    # net revenue budget requirement of £1,530.9m for 2025-26." measures its noun phrase
    budget = _amounts("real/kent-county-council-budget-minutes-2025-02-13.pdf")
    (programme,) = budget[Decimal(1_419_000_000)]
    assert programme.financial_year is None
    (requirement,) = budget[Decimal("1530900000")]
    assert requirement.recipient is None
    assert requirement.purpose == "net revenue budget requirement"
    assert requirement.financial_year == "2025/26"


def test_a_threshold_is_no_funding() -> None:
    # Kent key service statement: the Growth - Economy service "supports the delivery of
    # ongoing capital programmes with a value in excess of £100m"
    rows = _amounts("real/kent-key-service-statement-budget-2025-26.pdf")
    assert Decimal(100_000_000) not in rows


def test_a_part_of_a_total_with_a_source_of_its_own_is_a_row() -> None:
    # Bristol CC decision notice, 23 October 2025: "approved the total allocation of £7,502,000
    # for the RPS expansion programme of which £4,999,000 will be allocated from CAZ for
    # development work and implementation of the areas identified in the delivery plans"
    amounts = _amounts(
        "corpus/bristol-cc/2025-10-23-decisions-transport-connectivity-policy-committee.pdf"
    )
    (part,) = amounts[Decimal(4_999_000)]
    assert part.funder == "CAZ"
    assert part.purpose.startswith("development work and implementation of the areas")
    assert Decimal(7_502_000) in amounts


def test_an_amount_in_named_money_names_what_it_is() -> None:
    # Wretton PC, 4 January 2016, item 11.2: "The Borough Council will also pass on £100 in
    # Council Support Grant funding." ("£X in ... funding" as "£2,467,388 of Incentive funds")
    rows = _amounts("corpus/wretton-pc-norfolk/2016-01-04-minutes.txt")[Decimal(100)]
    assert [r.purpose for r in rows] == ["Council Support Grant funding"]


def test_a_report_on_grants_given_and_received() -> None:
    # Nottingham City's civil enforcement annual report 2023-24 (unseen set, after its blind
    # score): "Since November 2017 the service has awarded nearly £1M in grants, up to £25,000
    # per applicant, ..." - the service gives, "nearly" is approximate, and "up to" limits
    # the amount after it only; "Transforming Cities Funds have been granted to the council by
    # government ... £169m in total has been awarded since 2019 ..." - the fund is what the
    # money is; "Business Permits / £200.00 per permit" is a price
    rel = "unseen/nottingham-city/2024-03-31-report-civil-enforcement-annual-2023-24.pdf"
    amounts = _amounts(rel)
    assert not any(r.recipient and "service" in r.recipient for r in _funding(rel))
    (limit,) = amounts[Decimal("25000")]
    assert limit.kind == "cap"
    (cities,) = amounts[Decimal("169000000")]
    assert (cities.purpose, cities.recipient) == ("Transforming Cities Funds", None)
    assert not {Decimal("200"), Decimal("225"), Decimal("100")} & set(amounts)


def test_a_price_per_unit_and_an_approximate_total_in_sentences() -> None:
    from extractors.text import funding_text as ft

    # Bristol CC, 19 March 2026: "... RPS Pay and Display rate to £2 per hour."; Wretton PC,
    # 4 January 2016: "... the cost of such signs at £258.24 per sign."
    for sentence in (
        "Approved a rounded 22% inflationary increase to RPS Pay and Display rate to £2 per hour.",
        "However the Parish Council would need to finance the cost of such signs at £258.24 per "
        "sign.",
    ):
        mention = ft.money_mentions(sentence)[-1]
        assert ft.kind_of(sentence, mention, None) == ft.NOT_FUNDING
    sentence = "Since November 2017 the service has awarded nearly £1M in grants."
    assert ft.money_mentions(sentence)[0].approximate


def test_a_purpose_ends_before_the_words_joining_it_to_the_next_amount() -> None:
    from extractors.text import funding_text as ft

    # Kent County Council minutes, 19 December 2024: "... estimating an additional £20.1million
    # for adults and an additional £6.2 million for children, ..."
    sentence = (
        "the Labour government estimating an additional £20.1million for adults and an "
        "additional £6.2 million for children, which was more than was allocated last year."
    )
    first, second = ft.money_mentions(sentence)
    facts = ft.read_sentence(sentence, first, None, None, second.start)
    assert facts.purpose == "adults"


def test_a_sum_granted_or_released_to_a_body_names_it_and_what_it_is_for() -> None:
    # Claxby PC (Lincolnshire), March 2022, and Abergavenny TC's finance committee, February
    # 2013, as their web pages print them (no paper of theirs is in the corpus)
    from extractors.text import funding_text as ft

    def read(sentence: str) -> tuple:
        facts = ft.read_sentence(sentence, ft.money_mentions(sentence)[0], None, "the Council")
        return facts.kind, facts.recipient, facts.purpose

    assert read(
        "It was RESOLVED to release £5000 from Parish Council funds to the Village Hall "
        "Committee for the remedial works needed to bring the hall up to the legal standards."
    ) == (
        "grant_award",
        "Village Hall Committee",
        "remedial works needed to bring the hall up to the legal standards",
    )
    assert read(
        "It was agreed to recommend that £800 be granted towards the costs of the Toy Fair to "
        "be held in early May, with the invoices being paid directly by the Council."
    ) == ("grant_award", None, "costs of the Toy Fair to be held in early May")
