"""Funding in parish minutes kept as Markdown text (issue 13): payments lists, in a table or
run into one paragraph, give only their gifts; a donation with no recipient printed is a row.

The papers are King's Lynn and West Norfolk parish minutes reproduced by a community website
(``samples/corpus/{northwold,wereham,west-dereham,wretton}-pc-norfolk``); expected values are
read from the papers (see their gold in ``tests/gold/real``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractors.base import PaperContext
from extractors.formats import read_document
from extractors.records import funding
from extractors.text import funding_text as ft
from schemas.document import Block

CORPUS = Path(__file__).parent.parent / "samples" / "corpus"


def _rows(rel: str, authority: str) -> list:
    doc = read_document(CORPUS / rel)
    ctx = PaperContext(paper_id="p1", doc_type="minutes", authority=authority)
    return funding.extract(doc, ctx).records.get("funding", [])


def _texts(rel: str) -> list[str]:
    doc = read_document(CORPUS / rel)
    return [it.text for it in doc.iter_items() if isinstance(it, Block)]


def test_markdown_escapes_emphasis_and_cell_tags_are_folded() -> None:
    # printed '**8\. Accounts to be presented for approval of payment January 2014**' and a
    # table row '<td>Payee</td><td>Net</td><td>VAT</td>...'
    texts = _texts("northwold-pc-norfolk/2014-01-07-minutes.txt")
    assert "8. Accounts to be presented for approval of payment January 2014" in texts
    assert "Payee Net VAT Inland Revenue (Post Office) Gross" in texts
    assert (
        "3. To agree the minutes of the meeting of 03/12/2013: The minutes were signed as a "
        "true record, all Councillors agreed." in texts
    )
    assert not any("\\." in t or "**" in t for t in texts)


def test_payments_table_gives_only_its_gift() -> None:
    # 'Accounts for Approval January 2014 / Payee | Net | VAT | ... | Gross': suppliers, staff
    # and the NALC 'Good Councillor Guides' are purchases; 'Cricket Club section 137 | £75.00'
    # is a gift; the precept and the grant to the council are read from item 8.1
    rows = _rows("northwold-pc-norfolk/2014-01-07-minutes.txt", "Northwold Parish Council")
    assert sorted(r.amount_gbp for r in rows) == [
        Decimal("75.00"),
        Decimal("924.00"),
        Decimal("17975.61"),
    ]
    club = next(r for r in rows if r.amount_gbp == Decimal("75.00"))
    assert (club.kind, club.funder) == ("grant_award", "Northwold Parish Council")
    assert club.recipient.startswith("Cricket Club")


def test_payments_run_into_a_paragraph_and_two_donations_of_one_sentence() -> None:
    # '5. Payments: C.G.M. Ltd £678. 09 : Royal British Legion £16.50.' and '6. Village Hall:
    # ... that a donation of £250. 00 be paid during this financial year a further donation of
    # at least £250. 00 be paid in the next financial year'
    rows = _rows("wereham-pc-norfolk/2011-01-11-minutes.txt", "Wereham Parish Council")
    got = sorted((r.amount_gbp, r.kind, r.recipient, r.purpose, r.funder) for r in rows)
    council = "Wereham Parish Council"
    assert got == [
        (Decimal("16.50"), "grant_award", "Royal British Legion", None, council),
        (Decimal("250"), "grant_award", None, "donation", council),
        (Decimal("250"), "grant_award", None, "donation", council),
        (Decimal("5994"), "other_funding", council, "precept", None),
    ]


@pytest.mark.parametrize(
    ("rel", "authority", "amounts"),
    [
        # 'Cheques for approval of payment SJ Scarrott £154.24 K & M Lighting (x2) £36.88
        # Society of Local Councils Subs £48.00': no gift among them
        (
            "wretton-pc-norfolk/2016-01-04-minutes.txt",
            "Wretton Parish Council",
            {"154.24", "36.88", "48.00"},
        ),
        # the flattened cheque table (PKF Littlejohn, Holly Landscapes, ...)
        (
            "west-dereham-pc-norfolk/2020-12-03-minutes.txt",
            "West Dereham Parish Council",
            {"240.00", "585.00", "200.00"},
        ),
    ],
)
def test_payments_to_suppliers_are_not_funding(rel: str, authority: str, amounts: set) -> None:
    got = {str(r.amount_gbp) for r in _rows(rel, authority)}
    assert not got & amounts


def test_a_table_cell_keeps_its_title_lines_and_its_lists_apart() -> None:
    # Boughton PC, 2 August 2013, in the item table's cells: "Items for ratification." /
    # "Contribution to purchase of 8 small tables for Village Centre." / "The Parish Council
    # agreed to share the £900 cost / With BVC, PCC, and Village centre committee. £225 has
    # been / Contributed."; and the treasurer's "Cheques in period" list, whose last row
    # "• Community chairs contribution - £225.00" is followed by the next list's lead-in,
    # "Cheques to sign today"
    rows = _rows(
        "boughton-pc-norfolk/2013-08-02-agenda-and-minutes.html", "Boughton Parish Council"
    )
    by_purpose = {r.purpose: r for r in rows if r.purpose}
    tables = by_purpose["Contribution to purchase of 8 small tables for Village Centre"]
    assert tables.amount_gbp == Decimal("225")
    # each bulleted row of the cheques list ends at its amount
    assert "Wishing well donation to Brambles" in {r.recipient for r in rows}
    assert not any("Cheques to sign" in (r.recipient or "") for r in rows)
    # a supplier paid in the cheques list is no funding, and no row takes its purpose from
    # the "Distribution:" label of the attendance block far above
    assert not any(r.recipient == "NALC subs" for r in rows)
    assert not any("Distribution" in (r.purpose or "") for r in rows)


def test_a_forecast_of_spending_is_not_funding() -> None:
    # West of England CA overview and scrutiny, 23 March 2026: "Revenue expenditure was
    # forecast at £172.1m which was about £4.8m below the current budget."; Kent's Q3 finance
    # monitoring: "... capital programme spend for the year is forecast at £315.5m"
    from extractors.text import funding_text as ft

    for sentence in (
        "Revenue expenditure was forecast at £172.1m which was about £4.8m below the current "
        "budget.",
        "The current estimated capital programme spend for the year is forecast at £315.5m, "
        "which represents 74% of the approved budget.",
    ):
        mention = ft.money_mentions(sentence)[0]
        assert ft.kind_of(sentence, mention, None) == ft.NOT_FUNDING


def test_a_contribution_is_for_what_the_application_before_it_is_to_fund() -> None:
    # Wretton PC, 4 January 2016, minute 9: "An application has been submitted to the Parish
    # Partnership Scheme to help finance purchase of a mobile Vehicle Activated Sign (VAS) and
    # white entrance gates for the parish ... . All were agreeable that if the application for
    # 50% funding is successful the Parish Council would pay a contribution of up to £1715."
    rows = _rows("wretton-pc-norfolk/2016-01-04-minutes.txt", "Wretton Parish Council")
    (vas,) = [r for r in rows if r.amount_gbp == Decimal("1715")]
    assert vas.purpose == "mobile Vehicle Activated Sign (VAS) and white entrance gates"
    # the cost of fitting the gates "(£180)", to be financed by the scheme, is no funding
    assert not any(r.amount_gbp == Decimal("180") for r in rows)


def test_a_limit_is_on_the_scheme_its_paragraph_names() -> None:
    # Ayton CC, 4 May 2021, minute 7: "HL and CH reported on changes to the application process
    # for Community Fund grants. it was noted that proposals for schemes up to an individual
    # value of £5000 would be considered." (the limit is 28 characters from its "up to")
    doc = read_document(CORPUS / "ayton-cc-borders/2021-05-04-minutes.pdf")
    ctx = PaperContext(paper_id="p1", doc_type="minutes", authority="Ayton Community Council")
    rows = funding.extract(doc, ctx).records.get("funding", [])
    (limit,) = [r for r in rows if r.amount_gbp == Decimal("5000")]
    assert (limit.kind, limit.purpose) == ("cap", "Community Fund grants")


def test_a_payments_list_printed_without_pound_signs_gives_its_gifts_once() -> None:
    # Manordeilo & Salem CC, 13 March 2019, minute 11 "The following payments were agreed: i)
    # C.C.C. Footway Lighting, ..., Chq No 1302 £4,237.48 ii) Wales Audit Office, External
    # Audit, Chq No 1303 161.25 ... vi) Marie Curie, fundraising Whist Drive, Chq No 1307 400.00
    # vii) Cylch Meithrin Ffairfach, Donation, Chq No 1308 50.00 viii) Wales Air Ambulance,
    # Donation, Chq No 1309 50.00 ..."; the two £50 donations were decided in minute 7
    # ("unanimously agreed to donate £50.00"), so their cheques are the same gifts
    rows = _rows(
        "manordeilo-salem-cc/2019-03-13-minutes.pdf", "Manordeilo and Salem Community Council"
    )
    (curie,) = [r for r in rows if r.amount_gbp == Decimal("400")]
    assert (curie.recipient, curie.purpose, curie.kind) == (
        "Marie Curie",
        "fundraising Whist Drive",
        "grant_award",
    )
    assert sorted(r.recipient for r in rows if r.amount_gbp == Decimal("50")) == [
        "Cylch Meithrin Ffairfach",
        "Wales Air Ambulance",
    ]
    # the audit fee and the translation are purchases
    assert not any(r.amount_gbp in (Decimal("161.25"), Decimal("283.25")) for r in rows)


def test_amounts_printed_bare_are_not_times_dates_or_cheque_numbers() -> None:
    from extractors.records.funding import _LISTED_AMOUNT

    text = "closed at 9.45pm on 13.03.19; Chq No 1307 400.00 and 1,250.50, 12.5% and 10:30.00"
    assert [m.group() for m in _LISTED_AMOUNT.finditer(text)] == ["400.00", "1,250.50"]


def test_a_contribution_decided_and_paid_under_cheques_is_one_gift() -> None:
    # Boughton PC, 2 August 2013: "The Parish Council agreed to share the £900 cost With BVC,
    # PCC, and Village centre committee. £225 has been Contributed." and, under "Cheques in
    # period", "• Community chairs contribution - £225.00": the same £225, paid
    rows = _rows(
        "boughton-pc-norfolk/2013-08-02-agenda-and-minutes.html", "Boughton Parish Council"
    )
    assert [r.evidence for r in rows if r.amount_gbp == Decimal("225")] == [
        "£225 has been Contributed."
    ]
    # the donation paid under the same heading was decided nowhere else: it stays
    (brambles,) = [r for r in rows if r.amount_gbp == Decimal("150")]
    assert (brambles.funder, brambles.kind) == ("Boughton Parish Council", "grant_award")


def test_money_moved_to_an_account_for_a_purpose_is_set_aside_for_it() -> None:
    # Ayton CC, 4 May 2021, item 8: "GD reported a balance of £155.81 in the Treasurer's
    # (working) account and £1240.78 in the ringfenced Project Account (£800 still to be
    # transferred to new Christmas Lights account.)": the balances are no funding, the £800
    # in brackets is the council's money set aside for the lights
    rows = _rows("ayton-cc-borders/2021-05-04-minutes.pdf", "Ayton Community Council")
    (lights,) = [r for r in rows if r.amount_gbp == Decimal("800")]
    assert (lights.kind, lights.recipient, lights.purpose, lights.funder) == (
        "allocation",
        "Christmas Lights account",
        "Christmas Lights",
        "Ayton Community Council",
    )
    assert not any(r.amount_gbp in (Decimal("155.81"), Decimal("1240.78")) for r in rows)


def test_cash_moved_to_a_bond_or_another_bank_is_not_funding() -> None:
    # Hertingfordbury PC, 13 June 2012, minute 28: "£21,000 was transferred to an interest
    # bearing bond attached to the Co-Op account."
    rows = _rows("hertingfordbury-pc/2012-06-13-minutes.pdf", "Hertingfordbury Parish Council")
    assert not any(r.amount_gbp == Decimal("21000") for r in rows)
    assert ft.moved_to("All funds would be transferred to the new Co-Op account.") == (
        "Co-Op account",
        False,
    )
