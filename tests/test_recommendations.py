"""Recommendations and priorities on the sample reports (gold wording)."""

from pathlib import Path

from extractors.records.recommendations import read_priorities, read_recommendations
from extractors.text.meeting_text import Line, lines_of
from tests.test_minutes import text_doc

SAMPLES = Path(__file__).parent.parent / "samples"


def lines(stem: str):
    return lines_of(text_doc((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")))


def test_numbered_recommendations_section():
    recs = read_recommendations(lines("001_ab61ad5f639b9e5f"))
    assert [(t, s) for t, s, _ in recs] == [
        (
            "The Safer MK Partnership is asked to note the following summary of activity "
            "undertaken to support the delivery of the above priorities.",
            "2. Recommendations",
        ),
        (
            "The Safer MK Partnership is also asked to note the allocation of the Community Safety "
            "Fund for 2019/20.",
            "2. Recommendations",
        ),
    ]


def test_labelled_recommendations_take_nearest_label_as_section():
    recs = read_recommendations(lines("002_ee5612cdad44ea4a"))
    assert [s for _, s, _ in recs] == [
        "Performance data",
        "Local alcohol action areas",
        "Anti-Social Behaviour",
        "Reducing Reoffending",
        "Review of Partnership",
    ]
    assert recs[-1][0] == "That SaferMK agree to hold a development meeting in November/December"


def test_priorities_lists_and_running_text():
    assert [(t, p) for t, p, _ in read_priorities(lines("001_ab61ad5f639b9e5f"))] == [
        ("Violence (non-domestic)", "2019/20"),
        ("Domestic Abuse", "2019/20"),
        ("Hate Crime", "2019/20"),
        ("Feeling Safe in Milton Keynes", None),
    ]
    got = [t for t, _, _ in read_priorities(lines("003_a2a4ea0d76e054f2"))]
    assert got == [
        "Tackling Domestic Abuse",
        "Promoting Social Behaviour",
        "Tackling Drug & Alcohol Misuse",
        "Reducing Re-offending",
        "Preventing Violent Extremism",
        "Reducing violence in public places",
    ]


def test_priority_bullet_wrapped_inside_a_cell():
    # sample 000 (PDF): the cell's bullet item wraps onto the cell's next line
    line = Line(
        "And the Thames Valley PCC's priority in:\n• Diverting and Safeguarding Children & "
        "Young People from\nCriminal Exploitation and Organised Crime.\t120 Year 6",
        2,
        True,
        "row",
    )
    assert read_priorities([line]) == [
        (
            "Diverting and Safeguarding Children & Young People from Criminal Exploitation and "
            "Organised Crime.",
            None,
            2,
        )
    ]
