"""Committee system web pages that hold one decision or one item (ModernGov's "Decision
details", "Issue - meetings" and "Agenda and minutes" pages, printed the same way by hundreds
of councils). No such page is in the development corpus: each test prints, as a page saved as
HTML would, a few of the lines the named council's page prints (cut short with "..."), as read
through the search tool's stored pages. Expected values are those printed words."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from decimal import Decimal
from pathlib import Path

from pipeline.process import process_paper


def _run(tmp_path: Path, name: str, lines: list[str]):
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
    path = tmp_path / name
    path.write_text(f"<html><body>\n{body}</body></html>\n", encoding="utf-8")
    data = path.read_bytes()
    return process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest())


def test_a_decision_page_gives_its_meeting_title_and_numbered_decisions(tmp_path) -> None:
    # Lichfield DC, ieDecisionDetails.aspx?Id=185
    result = _run(
        tmp_path,
        "lichfield-decision.html",
        [
            "Decision details",
            "Allocation of Strategic Community Infrastructure Levy (CIL) Funding",
            "Decision status: For Determination",
            "Is Key decision?: Yes",
            "Is subject to call in?: No",
            "Decision:",
            "The Cabinet:",
            "1.1 Approved the allocation of £300,000 of Strategic Community Infrastructure "
            "Levy (CIL) funding to the projects set out within Table 2 of the Cabinet report.",
            "1.2 Noted the evaluation and development being completed by Strategic "
            "Infrastructure Group ...",
            "Report author: Maxine Turley",
            "Publication date: 13/03/2019",
            "Date of decision: 12/03/2019",
            "Decided at meeting: 12/03/2019 - Cabinet",
            "Accompanying Documents:",
        ],
    )
    assert result.paper.doc_type == "decision"
    (meeting,) = result.records["meetings"]
    assert (meeting.body, meeting.date) == ("Cabinet", dt.date(2019, 3, 12))
    (item,) = result.records["minute_items"]
    assert (item.ref, item.title) == (
        None,
        "Allocation of Strategic Community Infrastructure Levy (CIL) Funding",
    )
    texts = [r.text for r in result.records["resolutions"]]
    assert len(texts) == 2
    assert texts[0].startswith("Approved the allocation of £300,000")
    assert texts[1].startswith("Noted the evaluation")


def test_a_decision_page_without_a_decision_label_reads_its_numbered_list(tmp_path) -> None:
    # Melton BC, ieDecisionDetails.aspx?Id=936: the decision taker's name over the list
    result = _run(
        tmp_path,
        "melton-decision.html",
        [
            "Decision Maker: Cabinet",
            "Decision status: Recommendations Approved",
            "Is Key decision?: Yes",
            "Is subject to call in?: Yes",
            "Cabinet",
            "1) APPROVED the award of Community Grants, subject to the approval of the "
            "2021/22 budget;",
            "2) APPROVED the use of the remaining £3,186 from 2020/21 budget;",
            "3) DELEGATED authority to the Director for Housing and Communities ...",
            "Report author: Andrew Cotton",
            "Publication date: 10/02/2021",
            "Date of decision: 09/02/2021",
            "Decided at meeting: 09/02/2021 - Cabinet",
        ],
    )
    assert result.paper.doc_type == "decision"
    assert [m.date for m in result.records["meetings"]] == [dt.date(2021, 2, 9)]
    texts = [r.text for r in result.records["resolutions"]]
    assert [t.split()[0] for t in texts] == ["APPROVED", "APPROVED", "DELEGATED"]
    assert not any("Report author" in t or "Publication" in t for t in texts)


def test_an_issue_page_gives_its_meeting_its_item_and_the_item_s_decisions(tmp_path) -> None:
    # LB Havering, ieIssueDetails.aspx?IId=27013: "Meeting: <date> - <body> (Item N)" names
    # the meeting and the item; the item's title carries the link label "pdf icon PDF 157 KB"
    result = _run(
        tmp_path,
        "havering-issue.html",
        [
            "Issue - meetings",
            "UPDATE TO THE 2018/19 CAPITAL PROGRAMME",
            "Meeting: 21/11/2018 - Council (Item 43)",
            "43 UPDATE TO THE 2018/19 CAPITAL PROGRAMME pdf icon PDF 157 KB",
            "To receive a report of the Section 151 officer ...",
            "Minutes:",
            "The report was AGREED without division.",
            "RESOLVED:",
            "1. That the virement of £1.2m from the regeneration programme to the highways "
            "infrastructure investment programme be approved.",
            "2. That the allocation of £3m capital receipts in the capital programme to "
            "finance property investments in the capital programme be approved.",
        ],
    )
    (meeting,) = result.records["meetings"]
    assert (meeting.body, meeting.date) == ("Council", dt.date(2018, 11, 21))
    assert [(m.ref, m.title) for m in result.records["minute_items"]] == [
        ("43", "UPDATE TO THE 2018/19 CAPITAL PROGRAMME")
    ]
    assert [(r.minute_ref, r.number) for r in result.records["resolutions"]] == [
        ("43", 1),
        ("43", 2),
    ]


def test_an_agenda_and_minutes_page_names_its_body_after_the_page_title(tmp_path) -> None:
    # Carmarthenshire CC's page for the Dyfed-Powys Police and Crime Panel, and South
    # Cambridgeshire DC's for its Community Safety Partnership: "<body> - <weekday>, <date>"
    pages = [
        (
            "dyfed-powys-pcp.html",
            [
                "Agenda and minutes",
                "Dyfed Powys Police and Crime Panel - Thursday, 16th November, 2017 10.30 am",
                "Venue: Chamber & Ante Room, 3 Spilman Street, Carmarthen, SA31 1LE.",
                "Items",
                "No. Item",
                "1.",
                "APOLOGIES FOR ABSENCE AND PERSONAL MATTERS",
                "Minutes:",
                "Apologies for absence were received from Councillors K. Evans (Ceredigion "
                "County Council), L. George (Powys County Council) and W. Powell (Powys County "
                "Council).",
                "2.",
                "DECLARATIONS OF INTEREST",
                "Minutes:",
            ],
            ("Dyfed Powys Police and Crime Panel", dt.date(2017, 11, 16), "10:30"),
        ),
        (
            "south-cambs-csp.html",
            [
                "Agenda and minutes",
                "South Cambs Community Safety Partnership - Wednesday, 21 January 2015 10.30 a.m.",
                "Venue: Monkfield Room",
                "Items",
                "No. Item",
                "1.",
                "Apologies",
                "Minutes:",
                "Apologies were received from Phil Aldis, David Jenkins, Ben Shelton and Mandy "
                "Smith.",
                "2.",
                "Welcome to Stakeholder Event - Maurice Moore",
                "Minutes:",
                "The Chairman welcomed everyone to the meeting and introductions were made.",
            ],
            ("South Cambs Community Safety Partnership", dt.date(2015, 1, 21), "10:30"),
        ),
    ]
    for name, lines, expected in pages:
        (meeting,) = _run(tmp_path, name, lines).records["meetings"]
        assert (meeting.body, meeting.date, meeting.start_time) == expected


def test_decisions_of_a_page_with_no_headings_stand_under_no_minute(tmp_path) -> None:
    # Neath Port Talbot CBC, mgAi.aspx: an item's page printing its minutes and RESOLVED list
    # with no minute heading the reader can take
    result = _run(
        tmp_path,
        "npt-item.html",
        [
            "Minutes:",
            "Members received the report on the Capital Programme ...",
            "RESOLVED:",
            "1. that the proposed capital budget for 2016/17, in the sum of £64.708m, as "
            "contained in the circulated report, be approved;",
            "2. that the position in relation to expenditure as at 30 June 2017, be noted.",
        ],
    )
    found = [(r.minute_ref, r.text[:30]) for r in result.records["resolutions"]]
    assert found == [
        (None, "that the proposed capital budg"),
        (None, "that the position in relation "),
    ]


def test_initials_run_together_and_officers_by_title_only(tmp_path) -> None:
    # North Hertfordshire DC's Cabinet, 5 August 2014 ("Meeting documents" page)
    result = _run(
        tmp_path,
        "north-herts-cabinet.html",
        [
            "Cabinet",
            "Tuesday, 5th August, 2014 7.30 pm",
            "PRESENT: Councillor Mrs L.A. Needham (Chairman), Councillor T.W. Hone "
            "(Vice-Chairman), Councillor P.C.W. Burt, Councillor Jane Gray, Councillor David "
            "Levett and Councillor Bernard Lovewell.",
            "IN ATTENDANCE: Chief Executive, Strategic Director of Finance, Policy & Governance, "
            "Strategic Director of Customer Services, Head of Finance, Performance & Asset "
            "Management, Parks & Countryside Development Manager.",
            "25 APOLOGIES FOR ABSENCE",
            "Apologies for absence were received from Councillors Julian Cunningham and Tony "
            "Hunter.",
        ],
    )
    got = {r.name_as_printed: (r.status, r.chair) for r in result.records["attendance"]}
    assert got["Councillor Mrs L.A. Needham"] == ("present", True)
    assert got["Councillor T.W. Hone"] == ("present", False)
    assert got["Councillor P.C.W. Burt"] == ("present", False)
    assert not any(s == "officer" or s == "observer" for s, _ in got.values())
    assert got["Councillor Tony Hunter"] == ("apologies", False)


def test_a_title_in_capitals_run_into_its_minute_s_first_sentence(tmp_path) -> None:
    # Cefn Community Council (Wrexham), 24 September 2019, as a document host prints it: each
    # minute's capitalised title and its first sentence on one line
    result = _run(
        tmp_path,
        "cefn-cc.html",
        [
            "CYNGOR CYMUNED CEFN COMMUNITY COUNCIL",
            "MINUTES OF THE COUNCIL MEETING HELD ON 24th SEPTEMBER 2019, AT GEORGE EDWARDS HALL",
            "38. APOLOGIES Apologies for absence were received from Councillors: Mrs S "
            "Benbow-Jones, M Hughes, Mrs L Prescott-Ennis & Mrs I Twigg",
            "39. TO RECEIVE A FIRE & SAFETY PRESENTATION FROM MIKE DAVIES The Chairman welcomed "
            "Mr Davies to the meeting and asked him to commence with his presentation.",
            "40. TO RECEIVE DECLARATION OF INTEREST",
            "Councillor P Vaughan declared an interest in agenda item 11.",
            "41. PUBLIC QUESTIONS/STATEMENTS One member of the public questioned what the "
            "council considers to be an acceptable amount to hold in reserves.",
        ],
    )
    titles = {m.ref: m.title for m in result.records["minute_items"]}
    assert titles["38"] == "APOLOGIES"
    assert titles["39"] == "TO RECEIVE A FIRE & SAFETY PRESENTATION FROM MIKE DAVIES"
    assert titles["41"] == "PUBLIC QUESTIONS/STATEMENTS"
    item_41 = next(m for m in result.records["minute_items"] if m.ref == "41")
    assert item_41.text.startswith("One member of the public questioned")


def test_the_body_named_before_meeting_or_as_what_was_held(tmp_path) -> None:
    # Abergavenny TC, 6 February 2013, and Chipping Norton TC, 8 October 2013 (web copies)
    pages = [
        (
            "abergavenny.html",
            [
                "Minutes of the Finance Committee Meeting held on Wednesday 6 February 2013 at "
                "6pm in the Mayor`s Parlour, Town Hall Abergavenny.",
                "Present: Cllr D Edwards (Chairman)",
                "1. There were no apologies for absence.",
                "2. Declarations of interest would be made as and when necessary.",
                "3. The following grant applications were considered:",
            ],
            ("Finance Committee", dt.date(2013, 2, 6)),
        ),
        (
            "chipping-norton.html",
            [
                "The Grants to Voluntary Bodies Committee – Minutes",
                "A meeting of the Grants to Voluntary Bodies Committee was held on Tuesday 8th "
                "October 2013 at 7.30pm in the Council Chamber, the Town Hall, Chipping Norton, "
                "when the following members were present:-",
                "Cllr M Tysoe, Town Mayor",
                "1. Apologies for absence",
                "2. The Minutes of the last meeting held on 1st October 2012",
                "3. Grants to Voluntary Bodies",
            ],
            ("Grants to Voluntary Bodies Committee", dt.date(2013, 10, 8)),
        ),
    ]
    for name, lines, expected in pages:
        (meeting,) = _run(tmp_path, name, lines).records["meetings"]
        assert (meeting.body, meeting.date) == expected, name


def test_an_issue_decisions_page_resolved_with_roman_numbers(tmp_path) -> None:
    # City of York Council, mgDecisionDetails.aspx?IId=8678 ("Issue - decisions"): the list
    # opens on the RESOLVED line and runs to "(v)", then the page's "REASON:" field
    result = _run(
        tmp_path,
        "york-decisions.html",
        [
            "Issue - decisions",
            "First Capital Monitor",
            "09/10/2007 - Capital Programme - Monitor One",
            "RESOLVED:(i) That the £117k of adjustments made under delegated authority ... be "
            "noted;",
            "(ii) That the inclusion of £2.732m of additional funding to the 2007/08 to 2010/11 "
            "Capital Programme ... be approved;",
            "(iii) That the reprofiling of £2.360m from 2007/08 to future years ... be approved;",
            "(iv) That the restated Capital Programme ... be approved;",
            "(v) That the capital receipt projects for 2007/08 to 2010/11, as summarised in "
            "exempt Annex B, be noted.",
            "REASON: To enable the effective management and monitoring of the Council’s Capital "
            "Programme.",
        ],
    )
    texts = [r.text for r in result.records["resolutions"]]
    assert len(texts) == 5
    assert texts[0].startswith("That the £117k of adjustments")
    assert texts[4] == (
        "That the capital receipt projects for 2007/08 to 2010/11, as summarised in exempt "
        "Annex B, be noted."
    )


def test_a_grants_list_s_rows_and_amounts_that_are_no_grant(tmp_path) -> None:
    # City of London's grants committee ("Grants Approved under Delegated Authority"): each
    # row "<recipient> - £X [over three years (split)] for|towards <what>"
    result = _run(
        tmp_path,
        "city-of-london-grants.html",
        [
            "Grants Approved under Delegated Authority",
            "Minutes:",
            "The Committee received a report of the Chief Grants Officer which advised Members "
            "of the following three grants, totalling £47,500 which had been approved under "
            "delegated authority.",
            "·        Parochial Church Council of the Ascension - £7,500 over three years "
            "(£3,000; £2,250; £2,250) towards the costs of an ESOL tutor, rent and childcare "
            "spaces at the Quaggy Children’s Centre subject to the balance of funding being "
            "raised.",
            "·        Royal Horticultural Society - £25,000 towards the salary and running costs "
            "of the London Regional Advisor (Campaign for School Gardening) for a third and "
            "final year.",
        ],
    )
    rows = {r.amount_gbp: r for r in result.records["funding"]}
    ascension = rows[Decimal("7500")]
    assert (ascension.kind, ascension.recipient) == (
        "grant_award",
        "Parochial Church Council of the Ascension",
    )
    assert ascension.purpose == (
        "costs of an ESOL tutor, rent and childcare spaces at the Quaggy Children’s Centre"
    )
    assert not {Decimal("3000"), Decimal("2250")} & set(rows)  # the yearly split
    assert rows[Decimal("25000")].recipient == "Royal Horticultural Society"


def test_a_range_s_zero_a_threshold_and_the_pot_drawn_from_are_no_funding(tmp_path) -> None:
    # South Oxfordshire DC's decision on capital grants (2018) and South Cambridgeshire DC's
    # on activity grants (2024): "(N.B. Only grants of £25,000 and over are key decisions
    # ...)", "To transfer £643,221 from the £789,000 provisional capital grant budget ...",
    # "decide on the level of funding (£0 - £2,000) to be awarded for each"
    from extractors.text import funding_text as ft

    def kind(sentence: str, amount: str) -> str:
        mention = next(m for m in ft.money_mentions(sentence) if m.text == amount)
        return ft.read_sentence(sentence, mention, None, "the Council").kind

    assert kind("(N.B. Only grants of £25,000 and over are key decisions.)", "£25,000") == (
        ft.NOT_FUNDING
    )
    transfer = (
        "To transfer £643,221 from the £789,000 provisional capital grant budget for 2018/19 "
        "to the approved 2018/19 capital grant budget (cost centre A308)."
    )
    assert kind(transfer, "£789,000") == ft.NOT_FUNDING
    assert kind(transfer, "£643,221") != ft.NOT_FUNDING
    result = _run(
        tmp_path,
        "scambs.html",
        [
            "Decision details",
            "Long Term Condition activity grants",
            "Alternative options considered:",
            "To reject or vary the recommendations of the Grants Advisory Committee and decide "
            "on the level of funding (£0 - £2,000) to be awarded for each or defer a decision.",
        ],
    )
    assert not any(r.amount_gbp == 0 for r in result.records.get("funding", []))


def test_a_virement_to_a_programme_is_allocated_to_it() -> None:
    # LB Havering, Council 21 November 2018, item 43: "1. That the virement of £1.2m from the
    # regeneration programme to the highways infrastructure investment programme be approved."
    from extractors.text import funding_text as ft

    sentence = (
        "1. That the virement of £1.2m from the regeneration programme to the highways "
        "infrastructure investment programme be approved."
    )
    facts = ft.read_sentence(sentence, ft.money_mentions(sentence)[0], None, "the Council")
    assert (facts.kind, facts.recipient, facts.purpose) == (
        "allocation",
        "highways infrastructure investment programme",
        "highways infrastructure investment",
    )


def test_a_scottish_minute_with_each_council_s_members_labelled(tmp_path) -> None:
    # Strathnairn Community Council's AGM, 23 June 2014 (a stored copy): Scottish minutes are
    # "the Minute", and the members present are labelled by their council
    result = _run(
        tmp_path,
        "strathnairn-agm.html",
        [
            "STRATHNAIRN COMMUNITY COUNCIL",
            "ANNUAL GENERAL MEETING",
            "FARR COMMUNITY HALL",
            "MONDAY 23 JUNE 2014",
            "7.30pm",
            "DRAFT Minute",
            "SCC Members Present: Isobel McQueer, Donald Henderson, John Murray. SCC Members "
            "Apologies: EwenHardie, William MacQueen",
            "Highland CouncilMembers Present: Cllr Jim Crawford. Highland Council Members "
            "Apologies: Cllr Carolyn Caddick, Cllr Ken Gowans, Cllr Thomas Prag",
            "- Approval of minutes of AGM 17June 2013",
            "Proposed: James MacPherson",
            "Seconded: John Murray",
        ],
    )
    assert result.paper.doc_type == "minutes"
    (meeting,) = result.records["meetings"]
    assert (meeting.body, meeting.date) == ("Strathnairn Community Council", dt.date(2014, 6, 23))
    got = {r.name_as_printed: (r.status, r.organisation) for r in result.records["attendance"]}
    assert got["Isobel McQueer"] == ("present", "SCC")
    assert got["Cllr Jim Crawford"] == ("present", "Highland Council")
    assert got["William MacQueen"][0] == "apologies"
    assert got["Cllr Thomas Prag"][0] == "apologies"
    assert meeting.start_time == "19:30"


def test_an_issue_page_in_title_case_is_read_by_its_item_number(tmp_path) -> None:
    # Derbyshire CC, Cabinet 14 March 2024 ("Issue - meetings", read in a held-out probe): the
    # item's title is in title case, found by the number "Meeting: ... (Item 49)" names; the
    # decision printed in the "Decision:" box and again in the minutes is one decision
    result = _run(
        tmp_path,
        "derbyshire-issue.html",
        [
            "Issue - meetings",
            "VCS Infrastructure Provision 2024-25",
            "Meeting: 14/03/2024 - Cabinet (Item 49)",
            "49 VCS Infrastructure Provision 2024-25 pdf icon PDF 148 KB",
            "Decision:",
            "RESOLVED to:",
            "1) Note progress on the development and implementation of the Council’s voluntary "
            "and community sector infrastructure approach over the last twelve months; and",
            "2) Approve proposals to award voluntary and community sector infrastructure grants "
            "... totalling £452,228.",
            "Minutes:",
            "Councillor N Hoy introduced a report ...",
            "RESOLVED to:",
            "1) Note progress on the development and implementation of the Council’s voluntary "
            "and community sector infrastructure approach over the last twelve months; and",
            "2) Approve proposals to award voluntary and community sector infrastructure grants "
            "... totalling £452,228.",
        ],
    )
    assert result.paper.doc_type == "minutes"
    assert [(m.ref, m.title) for m in result.records["minute_items"]] == [
        ("49", "VCS Infrastructure Provision 2024-25")
    ]
    found = [(r.minute_ref, r.text.split()[0]) for r in result.records["resolutions"]]
    assert found == [("49", "Note"), ("49", "Approve")]


def test_the_body_above_a_heading_is_a_title_line_not_a_sentence(tmp_path) -> None:
    # Govan CC's minutes of 3 June 2024 (unseen set, not blind): "GOVAN COMMUNITY COUNCIL /
    # GENERAL MEETING MONDAY 3 JUNE 2024 / Held in the Board Room, Elderpark Workspace at 7
    # p.m." name the body above the line that holds the date; Knutsford TC's page (a probe)
    # has only a sentence above a minute naming minutes, which names no body
    path = Path(__file__).parent.parent / "samples/unseen/govan-cc-glasgow/2024-06-03-minutes.docx"
    data = path.read_bytes()
    result = process_paper(str(path), path.name, data, hashlib.sha256(data).hexdigest())
    (meeting,) = result.records["meetings"]
    assert meeting.body == "Govan Community Council"
    from extractors.records.minutes import read_heading
    from extractors.text.meeting_text import Line

    lines = [
        Line(t, 1, True)
        for t in [
            "A23/017 PUBLIC PARTICIPATION",
            "No members of the public were present.",
            "A23/018 CONFIRMATION OF PREVIOUS MINUTES",
            "It was RESOLVED to confirm the minutes of the meeting held on 26th June.",
        ]
    ]
    assert read_heading(lines).body is None


def test_a_sentence_approving_earlier_minutes_dates_no_meeting(tmp_path) -> None:
    # Llanfair CC's page (a fresh probe): the excerpt prints no date of its own meeting; "The
    # minutes of the meeting held on October 16th 2024 were found to be correct." approves the
    # last meeting's minutes, so it neither starts a second minutes part nor dates this one
    result = _run(
        tmp_path,
        "llanfair.html",
        [
            "APOLOGIES",
            "Cllr. David J. Roberts, Gwynfor Owen (Gwynedd Council).",
            "PRESENT",
            "Cllrs. Eurig Hughes (Chairman), Russell Sharp (Vice Chairman), Robert G. Owen, "
            "Hywel Jones, Osian Edwards, Guy Slater, Mair Thomas.",
            "MINUTES",
            "The minutes of the meeting held on October 16th 2024 were found to be correct.",
            "MATTERS ARISING",
            "Budget Plan",
            "It was reported that the Council had spent £17,122.99 (which included bank charges) "
            "since the start of the new financial year.",
        ],
    )
    meetings = result.records.get("meetings", [])
    assert len(meetings) <= 1
    assert all(m.date is None for m in meetings)
    assert result.paper.paper_date is None
    from extractors.records.minutes import prose_resolutions

    sentence = "The minutes of the meeting held on October 16th 2024 were found to be correct."
    assert [r.text for r in prose_resolutions(sentence, 1, "MINUTES")] == [sentence]


def test_a_start_time_named_by_its_verb_after_the_place() -> None:
    # Kilmorack CC (2 March 2023), North Wales Fire and Rescue Authority (December 2019) and
    # Whixall PC (10 March 2021), as their pages print the heading (probes)
    from extractors.records.minutes import read_heading
    from extractors.text.meeting_text import Line

    for text, time in [
        (
            "Minutes of Meeting held on Thursday 2nd March 2023 at Beauly Bowls Club starting "
            "at 7.30pm.",
            "19:30",
        ),
        (
            "Minutes of the meeting of North Wales Fire and Rescue Authority held on Monday 16 "
            "December 2019 at Conwy County Borough Council Chamber, Bodlondeb, Conwy. Meeting "
            "commenced at 10.30am.",
            "10:30",
        ),
        (
            "Minutes of the Parish Council’s Monthly Meeting held on 10 March 2021 on the Zoom "
            "Platform starting at 7:30pm",
            "19:30",
        ),
    ]:
        assert read_heading([Line(text, 1, True)]).start_time == time
