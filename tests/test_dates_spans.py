"""pactwatch.dates: spans of days, clause tense past a comma, clitic futures, past stretches."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

try:
    import pactwatch  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pactwatch.dates import find_time_expressions  # noqa: E402


def found(text, ref, tense=None):
    return [(e.text, e.value, e.precision) for e in find_time_expressions(text, ref, tense)]


# 2031-03-14 is a Friday
@pytest.mark.parametrize("text, value", [
    # a span of days is one expression dated by its first day
    ("The forum, which convened in Porto on Wednesday and Thursday, is due to report in June.", "2031-03-12"),
    ("Delegates gathered in Lyon on Monday-Tuesday to draft the charter.", "2031-03-10"),
])
def test_weekday_span_is_its_first_day(text, value):
    got = [(t, v) for t, v, _p in found(text, "2031-03-14") if "day" in t.lower()]
    assert got and got[0][1] == value and " " in got[0][0] or "-" in got[0][0]


@pytest.mark.parametrize("text, span, value", [
    ("Ministers plan a workshop in Graz next month (7 and 8 April) on quantum sensing.", "7 and 8 April", "2031-04-07"),
    ("The expo ran on 2-4 March in a converted hangar.", "2-4 March", "2031-03-02"),
    ("Wire copy filed 09 Feb, 2031 11:40am, from the northern port.", "09 Feb, 2031", "2031-02-09"),
])
def test_day_number_spans_and_undotted_abbreviations(text, span, value):
    assert (span, value, "day") in found(text, "2031-03-14")


def test_past_relative_clause_is_not_turned_ahead_by_the_main_verb():
    # "convened" governs the weekday; the future main clause past the comma does not
    text = "The panel, which convened in Tartu on Tuesday, will publish its findings soon."
    assert ("Tuesday", "2031-03-11", "day") in found(text, "2031-03-14")


def test_main_verb_after_a_leading_expression_still_counts():
    text = "On Tuesday, the two agencies will open a joint lab for tidal energy."
    assert ("On Tuesday", "2031-03-18", "day") in found(text, "2031-03-14") or \
        ("Tuesday", "2031-03-18", "day") in found(text, "2031-03-14")


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_clitic_will_marks_the_future(apostrophe):
    text = f"We{apostrophe}ll settle the remaining points over the weekend, the envoy said."
    assert ("the weekend", "2031-03-15", "day") in found(text, "2031-03-14")


def test_expected_without_to_points_ahead():
    text = "Several ministers are among the delegates expected in Vilnius on Wednesday."
    assert ("Wednesday", "2031-03-19", "day") in found(text, "2031-03-14")


def test_in_years_in_a_past_clause_is_a_stretch_not_a_date():
    text = "Regulators imposed their fourth round of curbs in five years on the sector."
    assert ("in five years", None, None) in found(text, "2031-03-14")
    assert ("in five years", "2036", "year") in found("The observatory will open in five years.", "2031-03-14")
