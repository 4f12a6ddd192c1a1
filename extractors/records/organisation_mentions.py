"""Organisations a paper names in its text, from the register of national and known bodies.

The organisation columns of other tables (an attendee's organisation, a funder, a recipient)
hold bodies where a record puts them; a paper also names bodies in running text ("funding
from the DfE", "a bid to the Heritage Lottery Fund"). This extractor looks for every name and
alias of ``data/organisations.csv`` that names its body wherever printed
(``register_names``), case as printed and as whole words, and gives one record per body per
paper: the first page and line it is named on and how many times. All the names are one
pattern built as a trie, so each page is read once whatever the size of the register.
"""

from __future__ import annotations

import functools
import re

from extractors.base import Extraction, PaperContext
from extractors.text.tries import word_trie
from extractors.values.organisation_names import register_names
from extractors.values.spacing import fold
from schemas.document import Document
from schemas.records import OrganisationMention


@functools.cache
def _register() -> tuple[re.Pattern[str], dict[str, str]]:
    """One whole-word pattern for every register name (a trie: one pass over the text) and
    the canonical name of each printed form."""
    canonical = dict(register_names())
    return re.compile(rf"(?<![\w&-])(?:{word_trie(set(canonical))})(?![\w&-])"), canonical


def extract(doc: Document, ctx: PaperContext) -> Extraction:
    """Find the register's organisations named in the paper's text and tables.

    Takes the document and its context; returns ``organisation_mentions`` records, one per
    organisation (canonical name) named, in order of first mention.
    """
    out = Extraction()
    pattern, canonical = _register()
    found: dict[str, OrganisationMention] = {}
    for page in doc.pages:
        page_text = page.text
        for m in pattern.finditer(page_text):
            name = canonical[m.group()]
            if name in found:
                found[name].mentions += 1
                continue
            lo = page_text.rfind("\n", 0, m.start()) + 1
            hi = page_text.find("\n", m.end())
            found[name] = OrganisationMention(
                paper_id=ctx.paper_id,
                name=name,
                name_as_printed=m.group(),
                mentions=1,
                page=page.number,
                evidence=fold(page_text[lo : hi if hi >= 0 else None])[:300],
            )
    for record in found.values():
        out.add("organisation_mentions", record)
    return out
