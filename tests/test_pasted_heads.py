"""A paper pasted into a web post with its printed page heads run into the text."""

from pathlib import Path

from extractors.formats import read_document
from extractors.formats.furniture import strip_pasted_heads


def test_page_heads_pasted_into_running_text_are_taken_out() -> None:
    # West Dereham PC, 3 December 2020, a five-page PDF posted as one paragraph: every page's
    # head "Page n of 5 Linda Arthur Clerk to West Dereham Parish Council Email: ... Tel: 07391
    # 101835" runs into the text, once mid-sentence ("It was agreed that two Page 2 of 5 ...
    # signs were required on the A134")
    text = read_document(Path("samples/corpus/west-dereham-pc-norfolk/2020-12-03-minutes.txt")).text
    assert "Page 2 of 5" not in text and "07391 101835" not in text
    assert "It was agreed that two signs were required on the A134" in text
    assert "LA thanked the PC for this welcome contribution." in text


def test_a_page_mark_alone_or_heads_that_differ_stay() -> None:
    # two marks are no running head; marks followed by different words are the paper's own
    assert strip_pasted_heads("Page 1 of 2 Minutes Page 2 of 2 Minutes") == (
        "Page 1 of 2 Minutes Page 2 of 2 Minutes"
    )
    varied = (
        "Page 1 of 3 Alpha beta gamma delta. Page 2 of 3 One two three four. Page 3 of 3 X y z w"
    )
    assert strip_pasted_heads(varied) == varied
