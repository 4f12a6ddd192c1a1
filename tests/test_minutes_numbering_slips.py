"""Minutes: a heading that prints once more the number of the minute before the one it sits in,
where the numbers around it follow on, is a minute under the number it prints.

Expected values read from the paper: Ayton CC's minutes of 8 July 2008 print "10 Planning
Applications", "11 Correspondence", then "10 AOCB" at the top of page 3 (a bus stop at the
north end of the High Street), then "12 Next Meeting".
"""

from pathlib import Path

from extractors.formats import read_document
from extractors.records.minutes import read_minutes
from extractors.text.meeting_text import lines_of

AYTON = Path(__file__).parent.parent / "samples/corpus/ayton-cc-borders/2008-07-08-minutes.pdf"


def test_a_number_printed_again_after_a_higher_one() -> None:
    items = read_minutes(lines_of(read_document(AYTON))).items
    heads = [(m.ref, m.title) for m in items]
    at = heads.index(("10", "AOCB"))
    assert heads[at - 1 : at + 2] == [
        ("11", "Correspondence"),
        ("10", "AOCB"),
        ("12", "Next Meeting"),
    ]
    assert items[at].text.startswith("Bus Stop at North End of High Street")
    assert heads.count(("10", "Planning Applications")) == 1
