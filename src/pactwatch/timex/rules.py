"""The resolution rules: one normalised expression, the reference date and the tense around it ->
(value, precision), ``(None, None)`` when it names no definite time; :func:`resolve` and
:func:`resolve_date` are the public form.
"""
from __future__ import annotations

import datetime as _dt
import re

from .calendar import (_add_days, _add_months, _date, _day, _month, _parse_ref, _resolve_holiday,
                       _resolve_month, _resolve_month_day, _resolve_weekday, _shift, _two_digit_year,
                       _week_value, _year)
from .tense import _local_tense, sentence_tense
from .words import _FUZZY, _HOLIDAYS, _MONTHS, _VAGUE, _WEEKDAY_ABBR, _WEEKDAYS, _alt, _count, _month_index, \
    _normalize, _weekday_index

_MAX_EXPR_LEN = 120         # longer "expressions" are not time expressions

_MONTH_RE = _alt(_MONTHS)
_WEEKDAY_RE = _alt(list(_WEEKDAYS) + list(_WEEKDAY_ABBR))
_UNIT_RE = r"(?:day|week|fortnight|month|year|decade)s?"
_COUNT_RE = r"(?:[0-9]{1,4}|" + _alt(_FUZZY)[3:-1] + r"|a|an)"

_APPROX = r"(?:(?:about|some|nearly|almost|around|roughly|more than|less than|over|under|just|only|barely|at least|fully|approximately) )?"
_LEAD_RE = re.compile(
    r"^(?:on|at|by|during|for|since|until|till|from|of|through|throughout|as of|as early as|as late as|"
    r"as soon as|no later than|not until|sometime|some time|starting|beginning|effective|circa|before|after|"
    r"prior to|up to|over|in|around|about) ")
_MOD_RE = re.compile(
    r"^(?:(early|earlier|late|later|mid|around|about)(?: in)? |(?:the )?(start|beginning|middle|end|close|turn) of |(?:the )?(?:1|2|first|second|latter|last) half of |(?:the )?(?:first|second|third|fourth|last|final|1|2|3|4) (?:week|fortnight|days) of )")
_RELATION_WORDS = {"earlier": "before", "before": "before", "prior": "before", "until": "before",
                   "till": "before", "by": "before", "later": "after", "after": "after", "since": "after"}


# --------------------------------------------------------------------------
# the rules, each on normalised text

class _Ctx:
    """What a rule may look at besides the expression itself."""
    __slots__ = ("ref", "tense", "before", "after")

    def __init__(self, ref: _dt.date, tense: str, before: str = "", after: str = ""):
        self.ref, self.tense, self.before, self.after = ref, tense, before, after


_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the same day": 0,
           "same day": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
           "last night": -1, "last evening": -1, "overnight": 0, "the day": 0,
           "in the day": 0, "the day before yesterday": -2, "the day after tomorrow": 2,
           "day before yesterday": -2, "day after tomorrow": 2, "dawn": 0, "dusk": 0,
           "noon": 0, "midday": 0, "midnight": 0}
_PART_OF_DAY = r"(?: (?:morning|afternoon|evening|night|noon|midday|overnight|dawn))?"


_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:t[0-9:.]+z?)?")  # "2025-03-08", with an optional time
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")  # "2025-03"
_MDY_SLASH_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})")  # "3/8/25", "3/8/2025"
_YMD_SLASH_DATE = re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})")  # "2025/3/8"


def _rule_iso(s: str, c: _Ctx):
    m = _ISO_DAY.fullmatch(s)
    if m:
        return _day(_date(int(m[1]), int(m[2]), int(m[3]))) or _NONE
    m = _ISO_MONTH.fullmatch(s)
    if m and 1 <= int(m[2]) <= 12:
        return _month(int(m[1]), int(m[2]))
    m = _MDY_SLASH_DATE.fullmatch(s)
    if m:
        y = int(m[3]) if len(m[3]) == 4 else _two_digit_year(int(m[3]), c.ref)
        return _day(_date(y, int(m[1]), int(m[2]))) or _NONE
    m = _YMD_SLASH_DATE.fullmatch(s)
    if m:
        return _day(_date(int(m[1]), int(m[2]), int(m[3]))) or _NONE
    return None


_RANGE_RE = r"(?: ?- ?| (?:and|to|through|till|until) | )"      # "thursday and friday", "4-5 april"
_MD_RE = re.compile(
    r"(?:^|\s)(?:(?P<m1>" + _MONTH_RE + r") (?:the )?(?P<d1>[0-9]{1,2})|(?:the )?(?P<d2>[0-9]{1,2})(?:" + _RANGE_RE
    + r"[0-9]{1,2})? (?:of )?(?P<m2>"
    + _MONTH_RE + r"))(?:-[0-9]{1,2})?(?: (?:of )?(?P<y>[0-9]{4}|'[0-9]{2}))?(?=\s|$)")


_FUTURE_CUE = re.compile(r"\b(?:next|coming)\b")
_PAST_CUE = re.compile(r"\b(?:last|past|previous)\b")
_RELATIVE_YEAR = re.compile(r"\b(this|last|next) year\b")  # "this year", "last year", "next year"


def _rule_month_day(s: str, c: _Ctx):
    """'aug 7', '7 august 2025', 'monday oct 26', 'this coming sunday march 8'."""
    m = _MD_RE.search(s)
    if not m:
        return None
    mo = _month_index(m["m1"] or m["m2"])
    d = int(m["d1"] or m["d2"])
    if m["y"]:
        y = int(m["y"]) if m["y"][0] != "'" else _two_digit_year(int(m["y"][1:]), c.ref)
        return _day(_date(y, mo, d)) or _NONE
    rest = (s[:m.start()] + " " + s[m.end():]).strip()
    tense = c.tense
    if _FUTURE_CUE.search(rest):
        tense = "future"
    elif _PAST_CUE.search(rest):
        tense = "past"
    ym = _RELATIVE_YEAR.search(rest)
    if ym:
        y = c.ref.year + {"this": 0, "last": -1, "next": 1}[ym[1]]
        return _day(_date(y, mo, d)) or _NONE
    wd = next((_weekday_index(w) for w in rest.split() if _weekday_index(w) is not None), None)
    return _resolve_month_day(mo, d, c.ref, tense, wd) or _NONE


# "last november", "july 1997", "june last year"
_MONTH_PHRASE = re.compile(r"(?:(last|next|this|this coming|coming|previous|past) )?(" + _MONTH_RE                      + r")(?: (?:of )?([0-9]{4}|'[0-9]{2}|(?:this|last|next) year))?")
# the text after a bare month: ", 1998", " this year"
_YEAR_AFTER_MONTH = re.compile(r"\s*,?\s*(?:of\s+)?(?:(this|last|next)\s+year\b|([0-9]{4})(?![0-9]))", re.I)


def _rule_month(s: str, c: _Ctx):
    """'july 1997', 'june last year', 'last november', 'this september', 'may'."""
    m = _MONTH_PHRASE.fullmatch(s)
    if not m:
        return None
    mo = _month_index(m[2])
    if m[3]:
        if m[3][0].isdigit():
            y = int(m[3])
        elif m[3][0] == "'":
            y = _two_digit_year(int(m[3][1:]), c.ref)
        else:
            y = c.ref.year + {"this": 0, "last": -1, "next": 1}[m[3].split()[0]]
        return _month(y, mo)
    follow = _YEAR_AFTER_MONTH.match(c.after)
    if follow and not m[1]:     # "in February this year", "June, 1998"
        y = int(follow[2]) if follow[2] else c.ref.year + {"this": 0, "last": -1, "next": 1}[follow[1].lower()]
        return _month(y, mo)
    return _resolve_month(mo, m[1], c.ref, c.tense)


_RELDAY_PART_OF_DAY = re.compile(r"(today|tonight|yesterday|tomorrow)" + _PART_OF_DAY)  # "yesterday morning", "tonight"
# "the day" before/after/of/when/that: another day, not today
_THE_DAY_QUALIFIED = re.compile(r"\s*(?:before|after|of|when|that)\b", re.I)
_NTH_DAY = re.compile(r"(?:the )?[0-9]{1,2} day")  # "the 8 day" (normalised "the eighth day")
# "today is the ", "it's the " just before
_PRESENT_DAY_LEAD = re.compile(r"\b(?:today|it|this) is (?:the )?$|\bit's (?:the )?$")


def _rule_relative_day(s: str, c: _Ctx):
    m = _RELDAY_PART_OF_DAY.fullmatch(s)
    if m:
        return _day(_add_days(c.ref, _RELDAY[m[1]]))
    if s in _RELDAY:
        if s in ("the day",) and _THE_DAY_QUALIFIED.match(c.after):
            return _NONE
        return _day(_add_days(c.ref, _RELDAY[s]))
    if _NTH_DAY.fullmatch(s):
        # "today is the eighth day of ...", "it's the second day of ...": the present day
        if _PRESENT_DAY_LEAD.search(c.before.lower()):
            return _day(c.ref)
        return _NONE
    return None


# "last tuesday", "the following monday morning", "thursday and friday"
_WEEKDAY_PHRASE = re.compile(r"(?:the )?(?:(last|next|this|this coming|coming|previous|past|following) )?(?:(?:early|late|earlier|later) )?("                      + _WEEKDAY_RE + r")(?:" + _RANGE_RE + _WEEKDAY_RE + r")?" + _PART_OF_DAY)


def _rule_weekday(s: str, c: _Ctx):
    m = _WEEKDAY_PHRASE.fullmatch(s)
    if not m:
        return None
    return _resolve_weekday(_weekday_index(m[2]), m[1], c.ref, c.tense)


# "this weekend", "the week end"
_WEEKEND_PHRASE = re.compile(r"(?:(the|this|last|next|this coming|coming|past|previous) )?week ?end")


def _rule_weekend(s: str, c: _Ctx):
    m = _WEEKEND_PHRASE.fullmatch(s)
    if not m:
        return None
    mod = None if m[1] in (None, "the") else m[1]
    return _resolve_weekday(5, mod, c.ref, c.tense)


# "the day before last tuesday", "the day after christmas"
_DAY_BEFORE_AFTER = re.compile(r"(?:the )?day (before|after) (.+)")


def _rule_day_offset(s: str, c: _Ctx):
    """'the day before last tuesday', 'the day after christmas'."""
    m = _DAY_BEFORE_AFTER.fullmatch(s)
    if not m or m[2] in ("yesterday", "tomorrow"):
        return None
    inner = _resolve_norm(m[2], c)
    if not inner or inner[1] != "day":
        return _NONE if inner else None
    d = _dt.date.fromisoformat(inner[0])
    return _day(_add_days(d, -1 if m[1] == "before" else 1))


_PERIOD_MOD = {"this": 0, "current": 0, "present": 0, "same": 0, "the": 0, "last": -1, "past": -1,
               "previous": -1, "latest": -1, "prior": -1, "next": 1, "coming": 1, "following": 1}


# "this week", "the current fiscal year", "next year or so"
_PERIOD_PHRASE = re.compile(r"(?:the )?(?:(this|current|present|same|last|past|previous|latest|prior|next|coming|following|"                      r"full|whole|entire|calendar|fiscal) )?(?:(?:full|whole|entire|calendar|fiscal|financial) )?"                      r"(week|month|year|quarter)(?: or so)?")


def _rule_period(s: str, c: _Ctx):
    """'this week', 'last month', 'the current fiscal year', 'the year', 'next year or so'."""
    m = _PERIOD_PHRASE.fullmatch(s)
    if not m:
        return None
    word = m[1] or "the"
    if word in ("full", "whole", "entire", "calendar", "fiscal", "financial"):
        word = "the"
    if word in ("following", "previous", "same", "prior"):
        # anaphoric: relative to a time named before it, not to the reference date
        return _anchored_period(word, m[2], c) or _NONE
    n = _PERIOD_MOD.get(word, 0)
    unit = m[2]
    if unit == "year":
        return _year(c.ref.year + n)
    if unit == "month":
        y, mo = _add_months(c.ref.year, c.ref.month, n)
        return _month(y, mo)
    if unit == "week":
        monday = _add_days(c.ref, -c.ref.weekday() + 7 * n)
        return _week_value(monday) or _NONE
    return _NONE      # quarters have no value in this scheme


_ANCHOR_YEAR_RE = re.compile(r"(?<![0-9$.,])(1[0-9]{3}|20[0-9]{2})(?![0-9])")


def _anchored_period(word: str, unit: str, c: _Ctx):
    """'the following year' / 'that year' relative to the last year named before it."""
    years = _ANCHOR_YEAR_RE.findall(c.before)
    if unit != "year" or not years:
        return None
    y = int(years[-1])
    return _year(y + {"following": 1, "next": 1, "previous": -1, "prior": -1}.get(word, 0))


# "that day", "the same year"
_THAT_PERIOD = re.compile(r"(?:that|the same) (day|week|month|year|morning|afternoon|evening|night)")


def _rule_that(s: str, c: _Ctx):
    """Anaphoric 'that year', 'that day': resolvable only from a year named earlier in the sentence."""
    m = _THAT_PERIOD.fullmatch(s)
    if not m:
        return None
    if m[1] == "year":
        return _anchored_period("same", "year", c) or _NONE
    return _NONE


_TIME_AFTER = re.compile(r"\s*(?:['\u2019]s?\s*)?time\b")     # "in one year's time", "in two years' time"


# "two weeks ago", "a year later", "three months from now"
_DURATION_OFFSET = re.compile(_APPROX + r"(?:(" + _COUNT_RE + r") )?(?:or so )?(" + _UNIT_RE                      + r")(?: or so)? (ago|earlier|before|back|later|after|from now|hence|since|prior)")
# "the year ago quarter" (normalised "the year-ago quarter")
_THE_UNIT_AGO = re.compile(r"the ()(year|month|week|day) (ago|earlier)(?: [a-z]+)?")
# "in three days", "within two years", "after five more years"
_DURATION_AHEAD = re.compile(r"(in|within|after) " + _APPROX + r"(" + _COUNT_RE + r") (?:more )?(" + _UNIT_RE + r")(?: time)?")
_BARE_DURATION = re.compile(_APPROX + r"(" + _COUNT_RE + r") (" + _UNIT_RE + r")")  # "five years"
# "in"/"within" just before a bare duration
_IN_WITHIN_LEAD = re.compile(r"\b(in|within)\s+(?:about\s+|some\s+)?$", re.I)


def _rule_duration(s: str, c: _Ctx):
    """'two weeks ago', 'a year earlier', 'in three days', 'year ago', 'five years'."""
    m = _DURATION_OFFSET.fullmatch(s) \
        or _THE_UNIT_AGO.fullmatch(s)    # "the year-ago quarter"
    if m:
        n = _count(m[1]) if m[1] else 1
        if n is None:
            return None
        sign = -1 if m[3] in ("ago", "earlier", "before", "back", "prior", "since") else 1
        return _shift(c.ref, sign * n, m[2], to_month=m[3] in ("from now", "hence")) or _NONE
    m = _DURATION_AHEAD.fullmatch(s)
    if m:
        n = _count(m[2])
        if n is None:
            return None
        if c.tense == "past" and m[1] != "after":
            return _NONE    # "its third crackdown in three years": a stretch of the past, not a time ahead
        # "in one year's time": that month of the year; "redeemed in five years", "within two years": the year
        timed = s.endswith(" time") or _TIME_AFTER.match(c.after) is not None
        return _shift(c.ref, n, m[3], to_month=m[1] == "in" and timed) or _NONE
    m = _BARE_DURATION.fullmatch(s)
    if m:
        n = _count(m[1])
        prep = _IN_WITHIN_LEAD.search(c.before)
        if n is not None and prep:
            return _shift(c.ref, n, m[2], to_month=prep[1].lower() == "in" and _TIME_AFTER.match(c.after) is not None) \
                or _NONE
        return _NONE
    return None


_MONTH_WORD = re.compile(r"\b(?:" + _MONTH_RE[3:-1] + r")\b")
_HAS_MID_POST_PRE = re.compile(r".*\b(?:mid|post|pre)\b.*")
# four digits alone: not in a longer number, after an apostrophe, or a plural ("1990s")
_FOUR_DIGIT_YEAR = re.compile(r"(?<![0-9'])([0-9]{4})(?![0-9])(?!s\b)")
_YEAR_PLURAL = re.compile(r"[0-9]{4}s\b")  # "1990s", "1998s": four digits with a plural s
_APOSTROPHE_YEAR = re.compile(r"(?:(?:fiscal|fy|the year|year|calendar) )?'([0-9]{2})")  # "'98", "fiscal '98"
_DECADE = re.compile(r"\b[0-9]{3}0s\b")  # "1990s"


def _rule_year(s: str, c: _Ctx):
    """Any expression naming exactly one year and no month or day: 'fiscal 1989', 'the 1988 period'."""
    if _MONTH_WORD.search(s) and not _HAS_MID_POST_PRE.fullmatch(s):
        return None
    years = _FOUR_DIGIT_YEAR.findall(s)
    if len(set(years)) == 1 and not _YEAR_PLURAL.search(s):
        y = int(years[0])
        if 1000 <= y <= 2999:
            return _year(y)
    m = _APOSTROPHE_YEAR.fullmatch(s)
    if m:
        return _year(_two_digit_year(int(m[1]), c.ref))
    if _DECADE.search(s):
        return _NONE      # decades have no value in this scheme
    return None


_YEAR_END = re.compile(r"(?:the )?year end")


def _rule_year_end(s: str, c: _Ctx):
    if _YEAR_END.fullmatch(s):
        return _year(c.ref.year)
    return None


_DAY_NUMBER = re.compile(r"[0-9]{1,2}")
# "April 24 and " just before a bare day number
_MONTH_DAY_AND_LEAD = re.compile(r"\b(" + _MONTH_RE + r")\.? [0-9]{1,2}(?:st|nd|rd|th)?\s*(?:,|and|or|to|through|-)\s*$", re.I)


def _rule_bare_day_number(s: str, c: _Ctx):
    """'25' in 'on April 24 and 25': the day number takes the month named just before."""
    if not _DAY_NUMBER.fullmatch(s):
        return None
    m = _MONTH_DAY_AND_LEAD.search(c.before)
    if not m:
        return None
    mo = _month_index(m[1].lower())
    return _resolve_month_day(mo, int(s), c.ref, c.tense) or _NONE


_NONE = (None, None)      # recognised, but names no definite time

_IS_OUT_AFTER = re.compile(r"\s+(?:is|was)\s+(?:out|over)\b", re.I)  # "is out", "was over" just after


def _rule_year_out(s: str, c: _Ctx):
    """'the year' that 'is out' ("before the year is out"): the year's last month."""
    if s not in ("the year", "this year") or not _IS_OUT_AFTER.match(c.after):
        return None
    return f"{c.ref.year:04d}-12", "month"


_RULES = (_rule_year_out, _rule_iso, _rule_relative_day, _rule_day_offset, _rule_month_day, _rule_month, _rule_weekday,
          _rule_weekend, _rule_that, _rule_period, _rule_year_end, _rule_duration, _rule_year,
          _rule_bare_day_number)


# --------------------------------------------------------------------------
# resolving one expression

_MID_POST_PRE_LEAD = re.compile(r"(?:mid|post|pre) .")  # "mid 2025", "post war"
# "or later", "and beyond", "period", "season"
_TRAILING_HEDGE = re.compile(r" (?:or (?:later|earlier|so|before|after)|and (?:beyond|later|after|earlier)|period|season|"                r"time frame|timeframe)$")
_GOOD_PART_OF_LEAD = re.compile(r"^(?:the|a) good part of ")


def _strip_lead(s: str) -> str:
    """Drop leading prepositions and modifiers ("on", "since", "early", "the end of", "mid")
    and trailing hedges ("or later", "and beyond"): they do not move the value."""
    for _ in range(4):
        if s in _VAGUE or s in _HOLIDAYS:
            break
        m = _LEAD_RE.match(s)
        if m and not _IN_DURATION_RE.fullmatch(s):
            s = s[m.end():]
            continue
        m = _MOD_RE.match(s)
        if m and s[m.end():]:
            s = s[m.end():]
            continue
        if _MID_POST_PRE_LEAD.match(s):
            s = s.split(" ", 1)[1]
            continue
        break
    s = _TRAILING_HEDGE.sub("", s)
    return _GOOD_PART_OF_LEAD.sub("", s)


_IN_DURATION_RE = re.compile(r"(?:in|within|after) " + _APPROX + _COUNT_RE + r" (?:more )?" + _UNIT_RE + r".*")


_TRAILING_YEAR = re.compile(r" [0-9]{4}$")
# "last ", "this coming " opening a holiday
_LEADING_RELATIVE_MOD = re.compile(r"^(?:last|next|this|this coming|coming|previous|past) ")


def _resolve_norm(s: str, c: _Ctx):
    """Resolve a normalised expression: (value, precision), _NONE when vague, None when not a time."""
    if s in _VAGUE:
        return _NONE
    core = _strip_lead(s)
    if core in _VAGUE:
        return _NONE
    if core in _HOLIDAYS or _LEADING_RELATIVE_MOD.sub("", _TRAILING_YEAR.sub("", core)) in _HOLIDAYS:
        return _resolve_holiday(core, c.ref, c.tense) or _NONE
    for rule in _RULES:
        out = rule(core, c)
        if out is not None:
            return out
    if core != s:
        for rule in _RULES:
            out = rule(s, c)
            if out is not None:
                return out
    return None


# "earlier", "before ..." opening the expression
_LEADING_RELATION = re.compile(r"(earlier|later|before|after|until|till|since|prior)\b")
# "before", "until", "by" just before the expression
_RELATION_LEAD = re.compile(r"\b(before|after|until|till|since|by|prior to)\s*$", re.I)


def _relation_of(s: str, before: str = "") -> str | None:
    m = _LEADING_RELATION.match(s)
    if m:
        return _RELATION_WORDS[m[1]]
    m = _RELATION_LEAD.search(before)
    if m:
        return _RELATION_WORDS[m[1].split()[0].lower()]
    return None


def _resolve_in_context(expression: str, ref: _dt.date | None, tense: str, before: str, after: str):
    if ref is None or not expression or len(expression) > _MAX_EXPR_LEN:
        return None
    s = _normalize(expression)
    if not s:
        return None
    return _resolve_norm(s, _Ctx(ref, tense, before, after))


def resolve(expression, reference_date, sentence=None) -> tuple[str | None, str | None]:
    """(value, precision) for ``expression`` written on ``reference_date``.

    ``sentence`` (the sentence holding the expression) supplies the tense
    that orients bare weekdays, months and dates, and the context for a few
    anaphoric forms ("the following year", "April 24 and 25").  Returns
    ``(None, None)`` for vague or unreadable input; never raises.
    """
    try:
        if not isinstance(expression, str):
            return (None, None)
        ref = _parse_ref(reference_date)
        if ref is None:
            return (None, None)
        before = after = ""
        tense = "present"
        if isinstance(sentence, str) and sentence:
            sentence = sentence[:5000]
            pos = sentence.find(expression) if expression else -1
            if pos < 0 and expression:
                m = re.search(re.escape(expression), sentence, re.IGNORECASE)
                pos = m.start() if m else -1
            if pos >= 0:
                end = pos + len(expression)
                before, after = sentence[:pos], sentence[end:]
                tense = _local_tense(sentence, pos, end)
            else:
                tense = sentence_tense(sentence)
        out = _resolve_in_context(expression, ref, tense, before, after)
        return out if out is not None else (None, None)
    except Exception:  # pragma: no cover - a safety net: resolution must never raise
        return (None, None)


def resolve_date(expression: str, reference_date, sentence: str | None = None) -> str | None:
    """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' for ``expression``, or None (see :func:`resolve`)."""
    return resolve(expression, reference_date, sentence)[0]
