"""Dates, times and financial years as council papers print them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.values.dates import find_dates, find_months, parse_date
from extractors.values.times import find_times, parse_time
from extractors.values.years import (
    financial_year_bounds,
    financial_year_of,
    find_financial_years,
    normalise_financial_year,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_004 = ROOT / "samples" / "004_e7a5e62b3e5d6ec5.txt"
GOLD_004 = ROOT / "tests" / "gold" / "004_e7a5e62b3e5d6ec5.json"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("10/03/2021", dt.date(2021, 3, 10)),
        ("10.03.21", dt.date(2021, 3, 10)),
        ("10-03-2021", dt.date(2021, 3, 10)),
        ("17/1/2025", dt.date(2025, 1, 17)),
        ("10 March 2021", dt.date(2021, 3, 10)),
        ("Wednesday 30 June 2021", dt.date(2021, 6, 30)),
        ("Wednesday, 10th March 2021", dt.date(2021, 3, 10)),
        ("30th June 2021", dt.date(2021, 6, 30)),
        ("June 30, 2021", dt.date(2021, 6, 30)),
        ("the 10th day of March 2021", dt.date(2021, 3, 10)),
        ("WEDNESDAY 10 MARCH 2021", dt.date(2021, 3, 10)),
        ("10 Sept 2016", dt.date(2016, 9, 10)),
        ("10 Sep 2016", dt.date(2016, 9, 10)),
        ("30-September-24", dt.date(2024, 9, 30)),
        ("9 JANUARY 2025", dt.date(2025, 1, 9)),
        ("31st March 2025", dt.date(2025, 3, 31)),
    ],
)
def test_printed_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2021",
        "31/02/2021",
        "24/7/365",
        "March 2021",
        "10 March",
        "2019/20",
        "£25,000",
        "",
        "Pages 6 to 9",
    ],
)
def test_not_a_full_date(text):
    assert parse_date(text) is None


def test_day_and_month_take_the_default_year():
    assert parse_date("10 March", default_year=2021) == dt.date(2021, 3, 10)


def test_year_inferred_from_the_reference_is_flagged():
    text = "The next meeting will be held on Wednesday 13 October at 2.00 pm."
    [m] = find_dates(text, reference=dt.date(2021, 6, 30))
    assert m.date == dt.date(2021, 10, 13) and m.inferred_year and m.weekday_ok
    assert find_dates(text) == []  # no reference, no guess
    [m] = find_dates("on 5 January", reference=dt.date(2021, 12, 20))
    assert m.date == dt.date(2022, 1, 5)


def test_printed_weekday_that_does_not_fit_is_flagged():
    [m] = find_dates("Thursday 13 December 2025")  # 13/12/2025 is a Saturday
    assert m.date == dt.date(2025, 12, 13) and m.weekday_ok is False


def test_month_without_day_is_a_month_mention():
    months = find_months("SaferMK BMG update July - Sept 2016; reported in March 2021. may 2021")
    assert [(m.year, m.month, m.text) for m in months] == [
        (2016, 9, "Sept 2016"),
        (2021, 3, "March 2021"),
    ]
    assert find_months("held on 10 March 2021") == []


def test_sample_004_meeting_dates_and_times():
    text = SAMPLE_004.read_text(encoding="utf-8")
    gold = json.loads(GOLD_004.read_text())
    dates = {m.date for m in find_dates(text)}
    times = {m.time for m in find_times(text)}
    assert len(gold["meetings"]) == 2
    for meeting in gold["meetings"]:
        assert dt.date.fromisoformat(meeting["date"]) in dates
        for key in ("start_time", "end_time"):
            if meeting[key]:
                assert meeting[key] in times


FORMATS = [
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
    lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    lambda d: f"{d.day} {d:%B %Y}",
    lambda d: f"{d:%A} {d.day} {d:%B %Y}",
    lambda d: f"{d:%A}, {d.day}{_suffix(d.day)} {d:%B %Y}",
    lambda d: f"{d.day}{_suffix(d.day)} {d:%B %Y}",
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"the {d.day}{_suffix(d.day)} day of {d:%B %Y}",
    lambda d: f"{d:%A} {d.day} {d:%B %Y}".upper(),
    lambda d: f"{d.day} {d:%b %Y}",
    lambda d: f"{d.day}-{d:%B}-{d.year % 100:02d}",
]


def _suffix(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1970, 1, 1), dt.date(2069, 12, 31)), st.sampled_from(FORMATS))
def test_formatted_date_parses_back(date, fmt):
    text = fmt(date)
    assert parse_date(text) == date, text
    [m] = find_dates(f"Minutes of the meeting held on {text} at 2.00 pm.")
    assert m.date == date and not m.inferred_year and m.text == text


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)), st.integers(-150, 150))
def test_day_month_without_year_comes_back_near_the_reference(date, offset):
    reference = date + dt.timedelta(days=offset)
    [m] = find_dates(f"on {date.day} {date:%B}", reference=reference)
    assert m.inferred_year and m.date.month == date.month and m.date.day == date.day
    assert abs((m.date - reference).days) <= abs((date - reference).days)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_dates_never_raise(text):
    for m in find_dates(text, reference=dt.date(2021, 3, 10)):
        assert text[m.start : m.end] == m.text
    parse_date(text)
    parse_date(text, default_year=2021)
    find_months(text)


# --- times ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2.00 pm", "14:00"),
        ("2pm", "14:00"),
        ("2 p.m.", "14:00"),
        ("14:00", "14:00"),
        ("10.30am", "10:30"),
        ("12 noon", "12:00"),
        ("3.25 PM", "15:25"),
        ("12.30 pm", "12:30"),
        ("12 midnight", "00:00"),
        ("9.30 am", "09:30"),
        ("at 2.00 pm", "14:00"),
        ("on the rising of Council", None),
        ("2.00", None),
        ("13pm", None),
        ("25:00", None),
        ("01908 252 412", None),
        ("", None),
    ],
)
def test_printed_times(text, expected):
    assert parse_time(text) == expected


def test_times_in_running_text():
    text = "THE CHAIR CLOSED THE MEETING AT 3.25 PM. Tel 01908 252 412; 24/7 support; ratio 3:1"
    assert [(m.time, m.text) for m in find_times(text)] == [("15:25", "3.25 PM")]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(
        [
            "{h12}.{m:02d} {ap}",
            "{h12}.{m:02d}{ap}",
            "{h12}:{m:02d} {AP}",
            "{h12}.{m:02d} {apdots}",
            "{h:02d}:{m:02d}",
            "{h}:{m:02d}",
        ]
    ),
)
def test_formatted_time_parses_back(hour, minute, fmt):
    h12 = hour % 12 or 12
    ap = "am" if hour < 12 else "pm"
    text = fmt.format(h=hour, m=minute, h12=h12, ap=ap, AP=ap.upper(), apdots=f"{ap[0]}.m.")
    assert parse_time(text) == f"{hour:02d}:{minute:02d}", text


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.sampled_from(["am", "pm", " am", " p.m."]))
def test_whole_hours_parse_back(h12, ap):
    hour = h12 % 12 + (12 if "p" in ap else 0)
    assert parse_time(f"{h12}{ap}") == f"{hour:02d}:00"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_times_never_raise(text):
    for m in find_times(text):
        assert text[m.start : m.end] == m.text and len(m.time) == 5
    parse_time(text)


# --- financial years ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2019/20",
        "2019-20",
        "2019/2020",
        "2019-2020",
        "FY 19/20",
        "FY19/20",
        "2019 / 20",
        "2019–20",
        "fy2019/20",
    ],
)
def test_financial_year_forms(text):
    assert normalise_financial_year(text) == "2019/20"


@pytest.mark.parametrize(
    "text", ["2019/22", "1980/81", "2150/51", "19/20", "2019", "2019/20/21", "10/03/2021", ""]
)
def test_not_a_financial_year(text):
    assert normalise_financial_year(text) is None


def test_financial_year_of_a_date():
    assert financial_year_of(dt.date(2019, 3, 31)) == "2018/19"
    assert financial_year_of(dt.date(2019, 4, 1)) == "2019/20"
    assert financial_year_bounds("2019-20") == (dt.date(2019, 4, 1), dt.date(2020, 3, 31))


def test_financial_years_in_running_text():
    text = "capital programme 2025-26 to 2034-35 (FY19/20 base); dated 2024-12-01; Q3 2024/25"
    assert [m.fy for m in find_financial_years(text)] == [
        "2025/26",
        "2034/35",
        "2019/20",
        "2024/25",
    ]


YEAR_FORMATS = [
    "{y}/{n2:02d}",
    "{y}-{n2:02d}",
    "{y}/{n}",
    "{y}-{n}",
    "FY {y2:02d}/{n2:02d}",
    "FY{y2:02d}/{n2:02d}",
    "{y} / {n2:02d}",
    "{y}\u2013{n2:02d}",
    "FY{y}/{n2:02d}",
]


@settings(max_examples=200, deadline=None)
@given(st.integers(1990, 2089), st.sampled_from(YEAR_FORMATS))
def test_financial_year_parses_back(year, fmt):
    text = fmt.format(y=year, n=year + 1, y2=year % 100, n2=(year + 1) % 100)
    expected = f"{year}/{(year + 1) % 100:02d}"
    assert normalise_financial_year(text) == expected, text
    [m] = find_financial_years(f"the spend plan for {text} was agreed")
    assert m.fy == expected and m.text == text


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1991, 1, 1), dt.date(2099, 12, 31)))
def test_financial_year_of_contains_the_date(date):
    first, last = financial_year_bounds(financial_year_of(date))
    assert first <= date <= last


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_years_never_raise(text):
    normalise_financial_year(text)
    for m in find_financial_years(text):
        assert text[m.start : m.end] == m.text
