"""Funding written outside spend-plan tables: prose, bullet lists, label | amount lists, forms.

Walks the document in reading order keeping the context a list leans on: the funder and
financial year its introduction names ("the Community Safety Grant provided by the Home
Office. Below is a summary of the use of this fund for 2012/13") and the sub-heading it sits
under ("Tasking:"). Each £ amount becomes one Funding row with its kind, funder, recipient,
purpose, year, page and the sentence it came from. Tables that ``spend_plan.recognise`` claims
are left to the spend-plan extractor.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from extractors.base import Extraction, PaperContext, stable_id
from extractors.datafiles import load_table
from extractors.records.spend_plan import claimed_tables
from extractors.text import funding_text as ft
from extractors.text.tables import clean_cell, form_pairs, pure_amount
from extractors.values.names import looks_like_org
from extractors.values.organisation_names import body_head
from schemas.document import Block, Document, Table
from schemas.records import Funding

_MAX_LABEL_WORDS = 6
#: a council giving money in its own words: "agreed to donate", "a grant of £350 to"
_GIVES = re.compile(
    r"\bdonat(?:e|ed|ion|ions)\b|\bgrants?\s+of\b|\bagreed\s+to\s+(?:pay|give|"
    r"award|fund|contribute)\b|\b(?:rhoi|rhodd)\b",  # Welsh: give, donation
    re.I,
)
#: a table of applications: its amounts are asked for, not given ("Amount Requested")
_ASKED_FOR = re.compile(r"\b(?:requested|applied\s+for|amount\s+sought|bid\s+amount)\b", re.I)
#: papers recording a meeting's many matters: a year printed somewhere is not every amount's
_MEETING_PAPERS = ("minutes", "agenda", "agenda_pack")
#: how much of the text since the last heading a list line is read under (its scope)
_SCOPE_CHARS = 300
_INTRO_FUNDER = re.compile(
    r"\b(?:provided\s+by|funded\s+(?:through|by)|grant\s+from|funding\s+from|paid\s+by|"
    r"allocation\s+from)\s+"
    r"(?:the\s+)?(?P<f>[A-Z][\w&'’ -]*?)(?=[.,;:(]|\s+(?:for|to|and|in|as|under)\b|$)"
)
_AS_FOLLOWS = re.compile(r"\s*(?:were|was|are|is)?\s*(?:as\s+follows|below)?\s*:\s*$", re.I)
#: an upper-case title line (a minute heading such as "SMK14 UPDATE ON ...") starts a section
_CAPS_TITLE = re.compile(r"^(?=.*[A-Z]{3})[^a-z]{4,120}$")
#: a numbered item title ("18. Invoices", "05.18.07 Defibrillator", "2697. Accounts for
#: payment:-"): a short line with no sentence end starts a new item of the minutes
_NUMBERED_TITLE = re.compile(
    r"^(?:\d{1,4}(?:[./]\d{1,3}){0,3}[.)]?|[A-Z]{1,4}\d{1,4}(?:/\d{1,4})?[.)]?|\(?[a-z]\))\s+"
    r"(?P<t>[A-Z][^.!?;]{1,80}?)[\s:;.–-]*$"
)
_TITLE_WORDS = 10
#: an amount the council's share is a part of: "share of the additional £0.880bn"
_ADDED_TO = re.compile(r"\b(?:additional|further|extra)\s+$", re.I)
#: what a council owns of a grant: its allocation, share, grant
_SELF_OWNED = re.compile(r"^(?:total\s+)?(?:\w+\s+)?(?:allocation|share|grant)\b", re.I)
#: the paper's own council as owner of an amount: "The Council's RSG", "this Council's share"
_OWN_SHARE = re.compile(
    r"\b(?:the|this|our)\s+(?:Council|Authority)['’]s\s+(?:total\s+)?"
    r"(?:share|allocation|grant|RSG|[A-Z]{2,6}\b)",
    re.I,
)
#: a lettered or numbered section whose title ends in a grant word and runs into its text:
#: "A) Revenue Support Grant Revenue Support Grant (RSG) is ...", "F) Adult Social Care Market
#: Sustainability and Improvement Funding (MSIF) This originated ..."
_LETTERED_SECTION = re.compile(
    r"^\(?(?:[A-Z]|\d{1,2})\)\s+(?P<t>[A-Z][^.;:£]{2,100}?\b(?:Grants?|Funds?|Funding|Bonus|"
    r"Scheme|Programme)(?:\s*\([^)]{2,80}\))?)(?=\s+[A-Z]|\s*$)"
)
#: an application or bid and what it is to fund: "An application has been submitted to the
#: Parish Partnership Scheme to help finance purchase of a mobile Vehicle Activated Sign (VAS)
#: and white entrance gates for the parish" (Wretton PC; Broomhill CC's "a bid for £15k ... to
#: develop a Local Development Plan" is read inside its sentence)
_APPLIED_TO_FUND = re.compile(
    r"\b(?:application|applied|bid)\b[^.£]{0,120}?\bto\s+(?:help\s+)?(?:fund|finance|pay\s+for)"
    r"\s+(?:the\s+)?(?:(?:purchase|cost|installation)\s+of\s+)?(?:an?\s+|the\s+)?"
    r"(?P<what>[^.;£]{3,100}?)(?=\s+(?:for|to\s+be|at|in|which)\b|[.;,]|$)",
    re.I,
)
#: a verb of giving (not the noun: "£125 donation" in a treasurer's report gives nothing)
_GIVING_VERB = re.compile(
    r"\b(?:donate|donated|pledge|pledged|contribute|contributed|awarded|granted|given)\b", re.I
)
#: a lettered or roman item mark: "d) OCC", "(ii) Grants"
_ITEM_MARK = re.compile(r"^\(?[a-z]{1,4}[.)]\s")
#: a paragraph that ends mid-sentence (a PDF line break made a paragraph of each line)
_OPEN_END = re.compile(r"[\w,’'-]$")
#: a line that ends in its amount is a whole list row ("(d) MK Gallery ... (£20,000)")
_AMOUNT_END = re.compile(r"£\s?[\d,.]+\s*\w{0,8}\)?$")
#: an amount a clause goes on after ("Allocated £5m of Investment Fund capital to create a
#: Nature Recovery Fund"): a sentence, not a "label | amount" line
_CLAUSE_GOES_ON = re.compile(r"^\s+of\s+\S+\s+\S+\s+\S+")
#: a grants list's row: "<recipient> - £X [over N years] [(yearly split)] for|towards <what>"
_DASHED_GRANT = re.compile(
    r"^(?P<label>[^£.;:]{3,90}?)\s+[–—-]\s+(?P<amount>£\s?\d[\d,]*(?:\.\d{2})?[km]?)"
    r"(?P<split>(?:\s+over\s+\w+\s+years?)?(?:\s*\([^()]*\))?)"
    r"\s+(?P<prep>for|towards)\s+(?:the\s+)?(?P<purpose>[^;]+?)\.?$",
    re.I,
)
#: a list item's marker at the start of a line
_LIST_MARK = re.compile(r"^\W+")
#: an amount column's cell: "25.00", "£1,250.00"
#: what leads from one payee's amount to the next payee in a list run into one paragraph: the
#: pence split off by a stray space ("£678. 09"), then separators (": Royal British Legion")
_PAYEE_LEAD = re.compile(r"^(?:\.?\s*\d{2}\b)?[\s.,:;–-]*")
_BARE_AMOUNT = re.compile(r"£?\d{1,3}(?:,?\d{3})*\.\d{2}")
#: the date a payments list prints before the payee ("07-Jan", "21/08/24")
_ROW_DATE = re.compile(r"^\s*(?:\d{1,2}[-/ ](?:[A-Za-z]{3,9}|\d{1,2})(?:[-/ ]\d{2,4})?)\s+", re.I)
_INTRO_LEAD = re.compile(r"^(?:the\s+\w+\s+noted\s+(?:that\s+)?|it\s+was\s+noted\s+that\s+)", re.I)


#: a treasurer's list of money in ("Payments in:", "Receipts:", "Income:") or out
_INCOME_HEAD = re.compile(
    r"^(?:payments?\s+(?:in|(?P<dir>out))|receipts|income|monies\s+received|"
    r"(?P<dir2>expenditure|outgoings))\s*[:\-–]\s*",
    re.I,
)
_FROM_SOURCE = re.compile(r"^\s*(?:received\s+)?from\s+(?P<f>[A-Z][^£]{1,120})$")


@dataclass
class _Context:
    """What the text before an amount says about it."""

    funder: str | None = None
    financial_year: str | None = None
    label: str | None = None
    #: the section heading and list introduction the amount sits under
    scope: str = ""
    #: the grant or fund the section heading names ("D) Social Care Grant")
    topic: str | None = None
    #: the title of the numbered item of the minutes ("05.18.07 Defibrillator")
    item: str | None = None
    #: the last paragraph with no amount: what introduces the list that follows
    lead: str | None = None
    #: under a treasurer's "Payments in:" (money the council received), until "Payments out:"
    income: bool = False


@functools.cache
def _recipient_labels() -> tuple[str, ...]:
    return tuple(r["label"].casefold() for r in load_table("recipient_labels.csv"))


def _form_recipient(table: Table) -> str | None:
    """The value of a form's recipient label ("Local Authority Area: | Milton Keynes")."""
    for row in table.rows:
        cells = [ft.fold(clean_cell(c)) for c in row]
        for i in range(len(cells) - 1):
            label = cells[i].rstrip(" :").casefold()
            if label in _recipient_labels() and cells[i + 1] and not pure_amount(cells[i + 1]):
                return cells[i + 1]
    return None


def _is_label(text: str) -> bool:
    return text.endswith(":") and len(text.split()) <= _MAX_LABEL_WORDS


def _document_year(doc: Document, doc_type: str) -> str | None:
    """The paper's one financial year: the one its title names ("Budget 2018-19"), else, for a
    plan or report (not minutes or an agenda, which record many matters), the only one it
    prints anywhere."""
    for item in doc.iter_items():
        if isinstance(item, Block):
            if item.kind == "heading" and ft.first_financial_year(item.text):
                return ft.first_financial_year(item.text)
            break
    if doc_type in _MEETING_PAPERS:
        return None
    seen = {fy for item in doc.iter_items() for fy in ft.financial_years(item.text)}
    return next(iter(seen)) if len(seen) == 1 else None


def _same_council(name: str | None, authority: str) -> bool:
    """Whether ``name`` is the paper's own council ("Milton Keynes" for "Milton Keynes
    Council")."""
    if not name:
        return False
    own = re.sub(
        r"\s+(?:county|city|borough|district|parish|town|community)?\s*council$",
        "",
        authority,
        flags=re.I,
    ).casefold()
    return name.casefold().startswith(own)


class _Walker:
    """Reads a document's blocks and tables in order into funding rows."""

    def __init__(self, doc: Document, ctx: PaperContext) -> None:
        self.doc, self.ctx = doc, ctx
        self.out = Extraction()
        self.context = _Context()
        self.doc_year = _document_year(doc, ctx.doc_type)
        self.position = 0
        self.claimed = claimed_tables(doc)
        self.unattached: list[str] = []
        #: the block or table each row was read from (by funding_id)
        self.block_of: dict[str, int] = {}
        #: the rows read from payments lists (by funding_id): a gift decided in the paper and
        #: paid in its payments list is one gift
        self.paid: set[str] = set()
        #: the council or authority a decision's lead-in names ("That the West of England
        #: Combined Authority Committee:"), for a paper whose authority is not known
        self.decider: str | None = None

    def _add(
        self, facts: ft.FundingFacts, page: int, evidence: str, key: str, paid: bool = False
    ) -> None:
        if facts.kind == ft.NOT_FUNDING or ft.is_total_label(facts.recipient):
            return
        if not facts.mention.amount:
            return  # "(£0 - £2,000)": the low end of a range, no money
        facts.recipient = _after_list_marker(facts.recipient)
        if (
            facts.funder is None
            and facts.kind == "allocation"
            and self.ctx.doc_type == "spend_plan"
            and self.ctx.authority
        ):
            facts.funder = self.ctx.authority  # a council's own budget: the council spends it
        if not (facts.recipient or facts.purpose) and facts.kind not in ("cap", "prize"):
            self.unattached.append(facts.mention.text)  # tied to nothing: not a funding record
            return
        if (
            facts.kind == "grant_award"
            and facts.funder is None
            and self.ctx.authority
            and _GIVES.search(evidence)
            and not _same_council(facts.recipient, self.ctx.authority)
        ):
            # a grant or donation a council's own paper records with no other giver named is
            # the council's ("agreed to donate £50.00", "a grant of £350 to Mr Raymond Green")
            facts.funder = self.ctx.authority
        m = facts.mention
        funding_id = stable_id(self.ctx.paper_id, page, self.position, key)
        if paid:
            self.paid.add(funding_id)
        self.block_of[funding_id] = self.position
        self.out.add(
            "funding",
            Funding(
                funding_id=funding_id,
                paper_id=self.ctx.paper_id,
                kind=facts.kind,
                funder=facts.funder,
                recipient=facts.recipient,
                purpose=facts.purpose,
                amount_gbp=m.amount,
                amount_text=m.text,
                approximate=m.approximate or facts.kind == "estimate",
                financial_year=None
                if facts.over_years
                else facts.financial_year or self.context.financial_year or self.doc_year,
                source="table" if key.startswith("table:") else "text",
                unit_scale=1,  # amounts outside budget tables carry their own "£", "k", "m"
                page=page,
                evidence=ft.fold(evidence),
            ),
        )

    def block(self, block: Block) -> None:
        text = ft.fold(block.text)
        if not text:
            return
        found = ft.money_mentions(text)
        if (block.kind == "heading" and not _is_label(text) and not found) or (
            not found and _CAPS_TITLE.match(text)
        ):
            # a bold line with an amount is a row of the list above it ("Invoices received :-
            # / K & A Thompson & Sons Larch for Seat £48.00"), not a new section
            # an unnumbered item's heading is its title, as a numbered one's is
            item = text.strip(" .:-–") if 2 <= len(text.split()) <= _TITLE_WORDS else None
            self.context = _Context(scope=text, topic=ft.grant_heading(text), item=item)
            return
        lettered = _LETTERED_SECTION.match(text)
        if lettered and ft.grant_heading(lettered.group("t")):
            # "D) Social Care Grant The social care support grant was first introduced ...":
            # a lettered section's title run into its first paragraph names the grant every
            # amount of the section is
            # (the funder of the report's grants so far stays: "A) Revenue Support Grant ...
            # is a central government grant", then "B) New Homes Bonus", ...)
            self.context = _Context(
                scope=text, topic=lettered.group("t"), funder=self.context.funder
            )
            text = text[lettered.end() :].strip()
            found = ft.money_mentions(text)
            if not text:
                return
        lead = _DECIDER.search(text)
        if lead and not self.ctx.authority:
            self.decider = lead.group("org")
        gov = ft.GOVERNMENT_GRANT.search(text)
        if gov:
            self.context.funder = gov.group("f")
        title = _NUMBERED_TITLE.match(text) if not found else None
        if title and len(title.group("t").split()) <= _TITLE_WORDS:
            # "18. Invoices": a new item of the minutes; the words of the last item (its
            # "support", its "budget") say nothing of the amounts under this one
            name = title.group("t").strip(" :-–")
            self.context = _Context(scope=text, topic=ft.grant_heading(name), item=name)
            return
        if not found:
            self._learn(text)
            self.context.lead = text
            self.context.scope = f"{self.context.scope} {text}".strip()[-_SCOPE_CHARS:]
            return
        if self._income_line(text, found, block.page):
            return
        listed = _payment_list_amounts(text, found)
        if len(listed) > max(len(found), 1):
            # a payments list printing its amounts without "£" ("vi) Marie Curie, fundraising
            # Whist Drive, Chq No 1307 400.00 vii) ...", Manordeilo CC): its gifts only
            given = self._inline_payments(text, listed, block.page)
            found = [m for m in found if m.amount not in given]
            if not found:
                return
        dashed = _DASHED_GRANT.match(text)
        if dashed and all(
            m is found[0] or m.start > dashed.end("amount") and m.end <= dashed.end("split")
            for m in found
        ):
            # "· Paxton Green Time Bank - £15,000 for a third and final year's support of ...",
            # "· Parochial Church Council of the Ascension - £7,500 over three years (£3,000;
            # £2,250; £2,250) towards the costs of an ESOL tutor ...": a grants list's row, its
            # recipient before the dash, what it is for after "for"/"towards" (a yearly split
            # in brackets is parts of the one grant)
            label = _LIST_MARK.sub("", dashed.group("label")).strip()
            kind = ft.kind_of(text, found[0], None, scope=self.context.scope)
            if (kind == ft.NOT_FUNDING and dashed.group("prep").lower() == "towards") or (
                kind == "allocation" and looks_like_org(label)
            ):
                # money "towards" a named body's costs, or for its work, is given to it (the
                # salary or the balance it helps with is no payment of the council's own)
                kind = "grant_award"
            purpose = re.split(r",?\s+subject\s+to\b", dashed.group("purpose"))[0].strip()
            self._label_row(label, found[0], block.page, text, purpose, kind)
            return
        if len(found) == 1:
            label = ft.label_of(text, found[0])
            if (
                label
                and not re.search(r"\b(?:was|were|is|are|has|have|had)\b", label)
                and not _CLAUSE_GOES_ON.match(text[found[0].end :])
            ):
                self._label_row(label, found[0], block.page, text)
                return
        given = self._inline_payments(text, found, block.page)
        if given:
            found = [m for m in found if m.amount not in given]
            if not found:
                return
        topic: str | None | bool = False  # read once, when an amount needs it
        sender: str | None = None  # of the correspondence item the sentence belongs to
        applied_for: str | None = None  # what an application of the paragraph is to fund
        for s_idx, sentence in enumerate(ft.sentences(text)):
            mentions = ft.money_mentions(sentence)
            applied = _APPLIED_TO_FUND.search(sentence) if not mentions else None
            if applied:
                applied_for = applied.group("what")
            sender = ft.regarding(sentence) or sender
            before = text[: max(text.find(sentence), 0)]  # what leads up to the sentence
            own = _OWN_SHARE.search(sentence) if self.context.topic else None
            if mentions and not ft.says_funding(sentence, before) and not own:
                # (under a grant's section, "The Council's RSG has decreased from circa £161m"
                # is the council's grant: the section names it)
                continue  # a balance, a price, a payment for a service: not funding
            asked_for: str | None = None  # what an amount asked for in the sentence was for
            for m_idx, mention in enumerate(mentions):
                limit = mentions[m_idx + 1].start if m_idx + 1 < len(mentions) else None
                facts = ft.read_sentence(
                    sentence,
                    mention,
                    None,
                    self.ctx.authority or self.decider,
                    limit,
                    scope=self.context.scope,
                )
                if facts.kind == ft.NOT_FUNDING:
                    asked_for = facts.purpose
                elif asked_for and not (facts.recipient or facts.purpose):
                    # "a bid for £15k of GCC funding to develop a Local Development Plan ...,
                    # but only £13k had been approved": the sum given is for what was asked
                    facts.purpose = asked_for
                elif (
                    applied_for
                    and facts.kind != "estimate"  # a cost to be financed is no funding
                    and not (facts.recipient or facts.purpose)
                ):
                    # "An application has been submitted ... to help finance purchase of a
                    # mobile Vehicle Activated Sign (VAS) ... . ... the Parish Council would
                    # pay a contribution of up to £1715.": the money is for what was applied for
                    facts.purpose = applied_for
                if (
                    own
                    and own.start() < mention.start
                    and facts.recipient is None
                    and not _ADDED_TO.search(sentence[: mention.start])
                ):
                    # "This Council's share of the additional £0.880bn ..., is £20.1m"
                    facts.recipient = self.ctx.authority or "Council"
                    facts.purpose = self.context.topic
                    if facts.kind == "allocation":
                        facts.kind = "grant_award"  # the council's share of a grant
                elif self.context.topic and ft.generic_purpose(facts.purpose):
                    # "increasing the total grant value for 2021-22 to £39.1m" under "D) Social
                    # Care Grant": the total is the section's grant
                    facts.purpose = self.context.topic
                if facts.funder is None and facts.kind not in ("prize", "cap"):
                    facts.funder = self.context.funder
                if facts.recipient is None and facts.purpose is None and sender:
                    facts.recipient = sender  # "Wales Air Ambulance re financial support. ...
                    # unanimously agreed to donate £50.00"
                if facts.recipient is None and facts.purpose is None:
                    if topic is False:
                        topic = ft.topic_of(text)
                    if topic and ft.gives(sentence, topic):
                        topic = None  # "The charity has agreed to donate £750": the giver
                    if topic and ft.last_fund_name(topic) == topic:
                        # "Transforming Cities Funds have been granted to the council by
                        # government ... £169m in total has been awarded": the fund the
                        # paragraph is about is what the money is, not who receives it
                        facts.purpose = topic
                    else:
                        facts.recipient = topic or None
                if (
                    facts.recipient is None
                    and facts.purpose is None
                    and self.context.item
                    and _GIVING_VERB.search(sentence)
                ):
                    # "05.18.07 Defibrillator / The charity has agreed to donate £750": what
                    # the item is about is what the money is for
                    facts.purpose = self.context.item
                if facts.recipient is None and facts.purpose is None:
                    # "a donation of £250 be paid": the gift is what the money is for
                    facts.purpose = ft.gift_noun(sentence, mention)
                if facts.kind == "cap" and facts.recipient is None and facts.purpose is None:
                    # "... the application process for Community Fund grants. it was noted that
                    # proposals for schemes up to an individual value of £5000 would be
                    # considered." (Ayton CC): a limit is on the scheme the paragraph names
                    facts.purpose = ft.last_fund_name(text[: text.find(sentence) + mention.start])
                if ft.is_precept(sentence):  # the council's own income from its billing council
                    facts.kind, facts.purpose = "other_funding", "precept"
                    facts.recipient = self.ctx.authority
                    if self.ctx.authority and _same_council(facts.funder, self.ctx.authority):
                        facts.funder = None  # not a gift of its own (a donation just before)
                facts.recipient, what = ft.split_possessive(facts.recipient, self.ctx.authority)
                facts.purpose = facts.purpose or what
                if self.context.topic and what:
                    # "The Council's allocation for 2019-20 was £10.5m" under "D) Social Care
                    # Grant": the grant the section is about is what the money is
                    facts.purpose = self.context.topic
                    if facts.kind == "allocation" and _SELF_OWNED.match(what):
                        facts.kind = "grant_award"  # the council's share of the grant
                self._add(facts, block.page, sentence, f"{s_idx}:{m_idx}:{mention.text}")
                if facts.funder and facts.kind in ("allocation", "grant_award") and not facts.drawn:
                    self.context.funder = facts.funder

    def _inline_payments(self, text: str, found: list[ft.Mention], page: int) -> set:
        """Gifts in a payments list run into one paragraph ("Payments: C.G.M. Ltd £678. 09 :
        Royal British Legion £16.50.", Wereham PC; "Cheques for approval of payment SJ
        Scarrott £154.24 K & M Lighting (x2) £36.88 ...", Wretton PC): as in a payments
        table, an amount whose payee (the words since the amount before) names a voluntary
        body is a gift of the council; the others are purchases. Returns the amounts read."""
        if len(found) < 2 or not ft.is_payment_text(text[: found[0].start]):
            return set()
        given = set()
        for i, mention in enumerate(found):
            start = found[i - 1].end if i else 0
            payee = _PAYEE_LEAD.sub("", text[start : mention.start]).strip(" :;,-–")
            if i == 0:
                payee = re.sub(r"^.*:\s*", "", payee)  # "5. Payments: C.G.M. Ltd"
            recipient, purpose = _payee_parts(payee)
            words = len(recipient.split()) + len((purpose or "").split())
            if not payee or words > 10 or not ft.is_voluntary(payee):
                continue
            facts = ft.FundingFacts(
                mention=mention, kind="grant_award", recipient=recipient, purpose=purpose
            )
            facts.funder = self.ctx.authority
            self._add(
                facts, page, f"{payee} {mention.text}", f"inline:{payee}:{mention.text}", paid=True
            )
            given.add(mention.amount)
        return given

    def _learn(self, text: str) -> None:
        """A paragraph with no amount may introduce a list: note its funder, year, label."""
        if _is_label(text):
            self.context.label = text.rstrip(" :")
            return
        fy = ft.first_financial_year(text)
        matches = list(_INTRO_FUNDER.finditer(text))
        m = matches[-1] if matches else None
        if m is not None:
            self.context.funder = ft.fold(m.group("f")).strip()
        if fy:
            self.context.financial_year = fy
        if fy or m is not None:
            self.context.label = None
        if text.endswith(":"):
            intro = _INTRO_LEAD.sub("", _AS_FOLLOWS.sub("", text))
            self.context.label = intro[:1].lower() + intro[1:] if intro else None

    def _income_line(self, text: str, found: list[ft.Mention], page: int) -> bool:
        """A line of the money a council received, as a treasurer's report lists it ("Payments
        in: £1,000.00 from Scottish & Southern Electricity resilience fund (COVID-19)" / "£200.00
        from Waitrose", Garelochhead CC): other funding from the body after "from", received by
        the council. Returns whether the line was read so."""
        head = _INCOME_HEAD.match(text)
        if head:
            self.context.income = not (head.group("dir") or head.group("dir2"))
            text = text[head.end() :].strip()
            found = ft.money_mentions(text)
        if not (self.context.income and len(found) == 1):
            return False
        source = _FROM_SOURCE.match(text[found[0].end :])
        if not source or found[0].start > 2:
            return False
        facts = ft.FundingFacts(
            mention=found[0],
            kind="other_funding",
            funder=source.group("f").strip(" .;"),
            recipient=self.ctx.authority,
        )
        self._add(facts, page, text, f"income:{found[0].text}")
        return True

    def _label_row(
        self,
        label: str,
        mention: ft.Mention,
        page: int,
        evidence: str,
        purpose: str | None = None,
        kind: str | None = None,
    ) -> None:
        if not _names_something(label):
            return
        if any(ft.names_no_funding(text) for text in (self.context.label, self.context.lead)):
            return  # a list introduced as valuations, a proposed amendment's amounts
        kind = kind or ft.kind_of(evidence, mention, None, scope=self.context.scope)
        facts = ft.FundingFacts(
            mention=mention,
            kind=kind,
            funder=self.context.funder,
            recipient=label,
            purpose=purpose or self.context.label,
            financial_year=ft.first_financial_year(label),
        )
        paid = ft.is_payment_text(self.context.scope)  # under "Cheques in period"
        if kind == "grant_award" and facts.funder is None and paid:
            facts.funder = self.ctx.authority  # a gift in the council's own payments list
        self._add(facts, page, evidence, f"label:{label}:{mention.text}", paid=paid)

    def _payments_list(self, table: Table, done: set[int]) -> None:
        """Gifts in a payments list (Date | Details | Cheque | Amount £ | ...): a row paid to
        a charity, church or club is a donation (``kind_of``), every other row a purchase.
        Rows ``form_pairs`` read (a label beside a £ cell) are in ``done``."""
        heads = [[ft.fold(c).casefold() for c in row] for row in table.rows[:3]]
        head_text = " ".join(c for row in heads for c in row)
        if not ft.is_payment_text(f"{head_text} {self.context.scope}"):
            return
        col = next(
            (
                i
                for row in heads
                for i, c in enumerate(row)
                if re.fullmatch(r"(?:amount|total|net|gross)?\s*\(?£s?\)?|amount|total", c)
            ),
            None,
        )
        if col is None:
            return
        year = ft.first_financial_year(head_text) or _one_digit_year(head_text)
        for r, row in enumerate(table.rows):
            if r in done or col >= len(row):
                continue
            cell = ft.fold(row[col])
            if not _BARE_AMOUNT.fullmatch(cell):
                continue
            label = " ".join(ft.fold(c) for c in row[:col] if re.search(r"[^\W\d_]{3}", c))
            label = _ROW_DATE.sub("", label).strip()
            if not label:
                continue
            mention = ft.Mention(
                amount=Decimal(cell.replace(",", "").lstrip("£")), text=cell, start=0, end=len(cell)
            )
            if ft.kind_of(label, mention, None, scope=head_text) != "grant_award":
                continue
            page = table.row_pages[r] if r < len(table.row_pages) else table.page
            facts = ft.FundingFacts(
                mention=mention, kind="grant_award", recipient=label, financial_year=year
            )
            if self.ctx.authority:
                facts.funder = self.ctx.authority  # the council's own payments list
            self._add(facts, page, f"{label} {cell}", f"table:{r}:{label}:{cell}", paid=True)

    def _prose_cells(self, table: Table, done: set[int]) -> None:
        """Read the sentences of a table's prose cells as paragraphs: the item table of a
        meeting's web page ("No. | Item": title, description, "Decision: (1) Allocated £5m
        of ... (2) Noted the receipt of ...") and a decision form's "Decision taken" box
        print their decisions in one cell. Each numbered point is one paragraph; only the
        ones with an amount are read, under the context the table sits in."""
        if any(ft.names_no_funding(text) for text in (self.context.label, self.context.lead)):
            return  # a table introduced as valuations, a proposed amendment's amounts
        if any(pure_amount(c) or _AMOUNT_HEAD.search(c) for row in table.rows for c in row):
            return  # a table of figures (a budget's lines, their descriptions): not prose
        for r, row in enumerate(table.rows):
            if r in done:
                continue  # a "label | amount" row: read as a pair
            page = table.row_pages[r] if r < len(table.row_pages) else table.page
            for cell in row:
                if len(cell.split()) < _PROSE_WORDS or "£" not in cell:
                    continue
                lead = _DECIDER.search(cell)
                if lead and not self.ctx.authority:
                    self.decider = lead.group("org")
                listed = "\n•" in cell  # a list in the cell: its lead-in line sets its context
                for point in _points(cell):
                    if _title_line(point):
                        self.block(Block(kind="heading", text=point, page=page))
                    elif ft.money_mentions(point) or listed:
                        self.block(Block(kind="paragraph", text=point, page=page))

    def table(self, table: Table) -> None:
        if any(table is t for t in self.claimed):
            return
        pairs = form_pairs(table)
        self._prose_cells(table, {r for _label, _mention, r in pairs})
        self._payments_list(table, {r for _label, _mention, r in pairs})
        recipient = _form_recipient(table)
        header = " ".join(ft.fold(c) for c in (table.rows[0] if table.rows else []))
        if (
            _ASKED_FOR.search(header)
            or ft.kind_of(self.context.scope) == ft.NOT_FUNDING
            or ft.kind_of(header) == ft.NOT_FUNDING
        ):
            return  # amounts asked for, or a table of rates ("£s per pupil"), savings, balances
        for label, mention, r in pairs:
            if not _names_something(label):
                continue  # a count or "None" beside the amount in a table of figures
            page = table.row_pages[r] if r < len(table.row_pages) else table.page
            kind = ft.kind_of(label, mention, None, scope=self.context.scope)
            evidence = f"{label}: {mention.text}" if recipient else f"{label} {mention.text}"
            if kind == "grant_award" and recipient:
                facts = ft.FundingFacts(
                    mention=mention,
                    kind=kind,
                    recipient=recipient,
                    purpose=label,
                    funder=self.context.funder,
                )
            else:
                facts = ft.FundingFacts(
                    mention=mention,
                    kind=kind,
                    recipient=label,
                    purpose=self.context.label,
                    funder=self.context.funder,
                )
            self._add(facts, page, evidence, f"table:{r}:{label}:{mention.text}")


#: a column head of amounts: "£000's", "Amount (£)", "£m"
_AMOUNT_HEAD = re.compile(r"£\s?(?:000|k\b|m\b|s\b)|\(£\)|^\s*£\s*$", re.I)
#: a decision's lead-in naming the deciding body's authority: "That the West of England
#: Combined Authority Committee:", "The Parish Council resolved"
_DECIDER = re.compile(
    r"\b(?:That\s+)?the\s+(?P<org>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and))*?\s+"
    r"(?:Authority|Council))\s+(?:Committee|Cabinet|Board)?\s*(?::|resolved|agreed|noted)"
)
#: a table cell of this many words or more is prose (a decision, a minute), not a label
_PROSE_WORDS = 12
#: a line that opens a numbered point of a cell: "(2) Allocated ...", "2. That the ..."
_POINT_START = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}\.(?!\d)|\([a-z]\)|•)\s*\S")


def _points(cell: str) -> list[str]:
    """A prose cell's paragraphs: a line opening a numbered or bulleted point ("(2) ...",
    "2. That ...", "• Donation to ...") starts one, and so does a capitalised line after a
    line that ends a sentence ("Items for ratification." / "Contribution to purchase of 8
    small tables for Village Centre." / "The Parish Council agreed ..."); every other line
    goes on the one before (a wrapped line)."""
    out: list[str] = []
    for line in cell.splitlines():
        line = line.strip()
        if not line:
            continue
        if (
            out
            and not _POINT_START.match(line)
            and not _LINE_AFTER_SENTENCE.search(f"{out[-1]}\n{line}")
            and not (_BULLET_ROW.match(out[-1]) and _AMOUNT_END.search(out[-1]))
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


#: a bulleted row, whose amount at the end closes it ("• Community chairs contribution -
#: £225.00" / "Cheques to sign today": the next line is the next list's lead-in)
_BULLET_ROW = re.compile(r"^•\s")
#: a capitalised line after a line ending a sentence ("... cost. £225" is a wrapped line)
_LINE_AFTER_SENTENCE = re.compile(r"[a-z)][.!?]\n[A-Z][^\n]*$")


def _title_line(point: str) -> bool:
    """Whether a cell's paragraph is a title line: short, no amount, no list label, no
    verb of being ("Contribution to purchase of 8 small tables for Village Centre.")."""
    return (
        len(point.split()) <= _TITLE_WORDS
        and not point.endswith(":")
        and not ft.money_mentions(point)
        and not re.search(r"\b(?:is|are|was|were|has|have|had|will|would|be)\b", point, re.I)
    )


#: an item's number inside a recipient taken from a list row ("Clerk xii) Wales Air Ambulance":
#: the action column, then item xii)): the name starts after it
_LIST_MARKER = re.compile(r"^(?:\S+\s+){0,2}?\(?(?:[ivxlc]{1,6}|\d{1,3}|[a-z])\)\s+(?=[A-Z])")


def _after_list_marker(recipient: str | None) -> str | None:
    """The recipient without a list item's number and what precedes it."""
    if not recipient:
        return recipient
    return _LIST_MARKER.sub("", recipient, count=1) or recipient


_EMPTY_WORDS = frozenset({"none", "nil", "n/a", "na", "tbc", "tba", "-"})


def _names_something(label: str) -> bool:
    """Whether a label beside an amount can name a recipient or purpose: it holds a letter and
    is not an empty word ("2,794", "None" in Gloucester's comparison of councils' schemes)."""
    text = label.strip(" .:;,\t")
    return bool(re.search(r"[^\W\d_]", text)) and text.casefold() not in _EMPTY_WORDS


def _one_digit_year(text: str) -> str | None:
    """A financial year written with one digit after the dash ("Payments 2024-5") as
    ``YYYY/YY``, or None."""
    m = re.search(r"\b(20\d\d)\s*[-/]\s*(\d)\b", text)
    if not m or (int(m.group(1)) + 1) % 10 != int(m.group(2)):
        return None
    return f"{m.group(1)}/{(int(m.group(1)) + 1) % 100:02d}"


#: an amount printed without "£" in a payments list: "Chq No 1307 400.00" (not a time
#: "9.45pm", a date "13.03.19", a percentage or a cheque number)
_LISTED_AMOUNT = re.compile(
    r"(?<![\d.,£/:])\d{1,3}(?:,\d{3})*\.\d{2}(?![\d/%:]|[.,]\d|\s?[ap]\.?m\b)"
)
#: a cheque's number printed beside its payee: "Chq No 1307", "(Ch. No. 300111)"
_CHEQUE_REF = re.compile(
    r"^\(?(?:(?:Chq|Cheque|Ch)\.?\s*No|Siec\s+Rhif)\.?\s*\d+\)?$",
    re.I,  # Welsh "Siec Rhif"
)


def _payment_list_amounts(text: str, found: list[ft.Mention]) -> list[ft.Mention]:
    """The amounts of a payments list (the text before its first amount names payments, as
    ``ft.is_payment_text`` reads it): those printed with "£" and those printed bare."""
    first = _LISTED_AMOUNT.search(text)
    start = min([m.start for m in found] + ([first.start()] if first else []), default=0)
    if not first or not ft.is_payment_text(text[:start] or text[: first.end()]):
        return found
    out = list(found)
    for m in _LISTED_AMOUNT.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        value = Decimal(m.group().replace(",", ""))
        out.append(ft.Mention(amount=value, text=m.group(), start=m.start(), end=m.end()))
    return sorted(out, key=lambda m: m.start)


def _payee_parts(payee: str) -> tuple[str, str | None]:
    """A payments list's payee as (recipient, purpose): the list's item mark and the cheque's
    number dropped, the words after the name's comma its purpose ("vi) Marie Curie,
    fundraising Whist Drive, Chq No 1307" -> "Marie Curie", "fundraising Whist Drive")."""
    parts = [p.strip() for p in (_after_list_marker(payee) or payee).split(",")]
    parts = [p for p in parts if p and not _CHEQUE_REF.match(p)]
    if not parts:
        return payee, None
    return parts[0], ", ".join(parts[1:]) or None


#: words too common in payees and purposes to say that a payment is a decided gift paid
_COMMON_WORDS = frozenset(
    "with from that this their parish town community village council councils fund "
    "funds grant grants payment payments cheque".split()
)


def _gift_words(row: Funding) -> set[str]:
    """Return the words naming ``row``'s gift: its recipient whole, and the words of four
    letters or more of its recipient and purpose that are not common to every payee."""
    text = f"{row.recipient or ''} {row.purpose or ''}".casefold()
    words = {w for w in re.findall(r"[^\W\d_]{4,}", text) if w not in _COMMON_WORDS}
    if row.recipient:
        words.add(row.recipient.casefold())
    return words


def _joined(doc: Document) -> list[Block | Table]:
    """The document's items with a paragraph that ends mid-sentence joined to the next one
    when that one goes on in lower case ("... have a £30 million pound grant to spend on
    road" / "improvements and safety."): PDF readers make a paragraph of each printed line
    of some minutes."""
    out: list[Block | Table] = []
    for item in doc.iter_items():
        prev = out[-1] if out else None
        if (
            isinstance(item, Block)
            and isinstance(prev, Block)
            and prev.kind == item.kind == "paragraph"
            and item.page - prev.page in (0, 1)
            and _OPEN_END.search(prev.text.rstrip())
            and not _AMOUNT_END.search(prev.text.rstrip())
            and item.text.lstrip()[:1].islower()
            and not _ITEM_MARK.match(item.text.lstrip())  # "d) OCC" opens an item
        ):
            out[-1] = Block(
                kind="paragraph",
                text=f"{prev.text.rstrip()} {item.text.lstrip()}",
                page=prev.page,
                level=prev.level,
                bold=prev.bold,
            )
            continue
        out.append(item)
    return out


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Read every £ amount outside spend-plan tables into Funding rows.

    Takes the document model and the paper context; returns an Extraction whose ``funding``
    records each carry kind, funder, recipient, purpose, financial year, page and evidence.
    """
    walker = _Walker(doc, ctx)
    for item in _joined(doc):
        walker.position += 1
        if isinstance(item, Table):
            walker.table(item)
        else:
            walker.block(item)
    rows = walker.out.records.get("funding", [])
    decided: dict[Decimal | None, list[set[str]]] = {}
    for r in rows:
        if r.funding_id not in walker.paid:
            decided.setdefault(r.amount_gbp, []).append(_gift_words(r))
    # a gift decided in the paper ("unanimously agreed to donate £50.00") and paid in its
    # payments list ("Wales Air Ambulance, Donation, Chq No 1309 50.00") is one gift: the
    # same amount, the payment naming the gift's recipient or a word of what it is for
    # ("£225 has been Contributed" to tables for the village centre, paid as "Community
    # chairs contribution - £225.00")
    rows = [
        r
        for r in rows
        if r.funding_id not in walker.paid
        or not any(_gift_words(r) & words for words in decided.get(r.amount_gbp, ()))
    ]
    seen: dict[tuple, tuple] = {}
    kept = []
    for row in reversed(rows):
        row.funder = body_head(row.funder)
        # minutes print a motion as moved and again as resolved: one sum for one purpose
        # named twice in a paper is one funding row, the last (the resolution's words); two
        # sums of one sentence are two ("a donation of £250 be paid during this financial
        # year a further donation of at least £250 be paid in the next")
        key = (row.amount_gbp, row.kind, row.recipient, row.purpose, row.financial_year)
        where = (walker.block_of.get(row.funding_id), row.evidence)
        if seen.get(key, where) == where:
            seen[key] = where
            kept.append(row)
    if rows:
        walker.out.records["funding"] = kept[::-1]
    if walker.unattached:
        shown = ", ".join(walker.unattached[:10]) + (", ..." if len(walker.unattached) > 10 else "")
        walker.out.finding(
            ctx.paper_id,
            "info",
            "funding_unattached",
            f"{len(walker.unattached)} amount(s) said to be given, granted or "
            f"budgeted name no recipient or purpose, so are not funding rows: "
            f"{shown}",
        )
    return walker.out
