"""Finding time expressions in a text: regular expressions for each kind (dates, months, weekdays,
periods, durations, years, holidays, vague times), cheap gates that skip a pattern the text cannot
match, filters for matches that are usually not times, and :func:`find_time_expressions`.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .calendar import _add_days, _day, _parse_ref
from .rules import _relation_of, _resolve_in_context
from .tense import _TenseIndex
from .words import _DATA, _MONTHS, _NOT_YEAR_AFTER, _NOT_YEAR_BEFORE, _ORD_UNITS, _ORDINALS, _TEENS, _TENS, \
    _UNITS, _WEEKDAYS, _alt, _normalize, _weekday_index


@dataclass
class TimeExpr:
    """A time expression found in a text.

    ``start``/``end`` are character offsets into the text given to
    :func:`find_time_expressions`; ``text == source[start:end]``.
    ``relation`` is ``'before'``/``'after'`` when the expression only bounds
    the time ("earlier this month", "later in the day", "before Friday").
    """
    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    relation: str | None = None


# --------------------------------------------------------------------------
# the patterns of each kind

def _words_re(words) -> str:
    """Case-insensitive alternation of ``words``."""
    return "(?i:" + _alt(words) + ")"


_FULL_MONTHS = [k for k in _MONTHS if len(k) > 4 or k in ("may", "june", "july")]
_ABBR_MONTHS = [k for k in _MONTHS if k not in _FULL_MONTHS]
_T_MONTH = (r"(?:(?:" + "|".join(sorted((w.capitalize() for w in _FULL_MONTHS), key=len, reverse=True))
            + r")|(?:" + "|".join(sorted((w.capitalize() for w in _ABBR_MONTHS), key=len, reverse=True)) + r")\.)")
_T_MONTH_BEFORE_DAY = (r"(?:" + _T_MONTH + r"|(?:" + "|".join(w.capitalize() for w in _ABBR_MONTHS)
                       + r")(?=\s+[0-9]))")
_T_WEEKDAY = _words_re(_WEEKDAYS)
_T_ORD = "(?i:" + "|".join(
    [f"(?:twenty|thirty)[\\s-]+(?:{'|'.join(_ORD_UNITS)})"] + sorted(_ORDINALS, key=len, reverse=True)) + ")"
# "3 Dec, 2024": an abbreviation without its dot after a day number, when a year follows
_T_MONTH_AFTER_DAY = (r"(?:" + _T_MONTH + r"|(?:" + "|".join(w.capitalize() for w in _ABBR_MONTHS)
                      + r")(?=,?\s+(?:1[0-9]{3}|20[0-9]{2})(?![0-9])))")
# the first and last of a span of days: "Thursday and Friday", "4-5 April" (the span starts on the first)
_T_RANGE = r"(?:\s*[-\u2013]\s*|\s+(?i:and|to|through|till|until)\s+)"
_T_DAYNUM = r"(?:(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])|" + _T_ORD + r")"
_T_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9])"
_T_NUMWORD = _words_re(list(_UNITS) + list(_TEENS) + list(_TENS))
_T_COUNT = (r"(?:[0-9]{1,3}|(?i:a\s+few|a\s+couple\s+of|several|a|an)|" + _T_NUMWORD
            + r"(?:[\s-]+" + _words_re(_UNITS) + r")?)")
_T_UNIT = r"(?i:days?|weeks?|fortnights?|months?|years?|decades?)"
_T_APPROX = r"(?:(?i:about|some|nearly|almost|roughly|more\s+than|less\s+than|just|only|barely|at\s+least)\s+)?"
_T_MOD = (r"(?:(?i:early|late|earlier|later|around)\s+|(?i:early|late|mid)-|(?i:mid)\s+(?=[A-Z0-9])|"
          r"(?i:the\s+)?(?i:start|beginning|middle|end|close)\s+of\s+|"
          r"(?i:the\s+)?(?i:first|second|latter|last)\s+(?i:half|six\s+months)\s+of\s+|"
          r"(?i:the\s+)?(?i:first|second|third|fourth|last|final)\s+(?i:week|fortnight|days)\s+of\s+)?")
_T_REL = r"(?:(?i:last|next|this\s+coming|this|coming|previous|past|following)\s+)?"
_T_PART = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_T_SPELLED_YEAR = (r"(?i:(?:nineteen|twenty)[\s-]+(?:(?:" + "|".join(_TENS) + r")(?:[\s-]+(?:" + "|".join(_UNITS)
                   + r"))?|" + "|".join(_TEENS) + r"|oh[\s-]+(?:" + "|".join(_UNITS) + r")|hundred)"
                   + r"|two\s+thousand(?:(?:\s+and)?[\s-]+(?:(?:" + "|".join(_TENS) + r")(?:[\s-]+(?:"
                   + "|".join(_UNITS) + r"))?|" + "|".join(_TEENS) + r"|" + "|".join(_UNITS) + r"))?)")
_HOLIDAY_WORDS = [k for k in _DATA["holidays"]]
_T_HOLIDAY = r"(?:" + "|".join(
    r"[\s-]+".join(re.escape(p) for p in k.split()).replace("'", "['\u2019]?")
    for k in sorted(_HOLIDAY_WORDS, key=len, reverse=True)) + r")"
_FINDER_VAGUE = ["at an early date", "at a later date", "recently", "soon", "in the near future",
                 "in the future", "in the past", "in recent years", "in recent months", "in recent weeks",
                 "in recent days", "in the coming days", "in the coming weeks", "in the coming months",
                 "in the coming years", "shortly", "lately", "at some point"]

_B = r"(?<![A-Za-z0-9])"
_E = r"(?![A-Za-z0-9])"

# (kind, pattern): every match is a candidate; _keep filters some kinds, the longest candidates win
_FINDER_PATTERNS = [
    ("iso", r"(?<![0-9-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])"),
    # explicit dates, with optional weekday and year: "Monday, Oct. 26", "7 August 2025", "last Oct. 23"
    ("date", _B + r"(?:" + _T_REL + _T_WEEKDAY + r",?\s+)?" + _T_MOD + _T_REL + r"(?:" + _T_MONTH_BEFORE_DAY
     + r"\s*(?i:the\s+)?" + _T_DAYNUM + r"|(?i:the\s+)?" + _T_DAYNUM + r"(?:" + _T_RANGE + _T_DAYNUM + r")?\s+(?i:of\s+)?"
     + _T_MONTH_AFTER_DAY + r")(?:,?\s+(?:" + _T_YEAR + r"|" + _T_SPELLED_YEAR + r"))?" + _E),
    # months: "July 1997", "late November", "February this year"
    ("month", _B + _T_MOD + _T_REL + _T_MONTH + r"(?:,?\s+(?:(?i:of\s+)?" + _T_YEAR + r"|" + _T_SPELLED_YEAR
     + r"|(?i:this|last|next)\s+(?i:year)))?" + _E),
    ("weekday", _B + _T_MOD + _T_REL + _T_WEEKDAY + r"(?:" + _T_RANGE + _T_WEEKDAY + r")?" + _T_PART + _E),
    ("day", _B + r"(?:(?i:early|late|earlier|later)\s+)?(?i:today|tonight|yesterday|tomorrow)" + _T_PART + _E),
    ("day", _B + r"(?i:this\s+(?:morning|afternoon|evening)|last\s+night|overnight)" + _E),
    ("day", _B + r"(?i:(?:earlier|later)\s+in\s+the\s+day|the\s+same\s+day|"
     r"the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))" + _E),
    # "this week", "earlier this month", "early next year", "the end of the month", "year-end"
    ("period", _B + _T_MOD + r"(?i:(?:this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+current|"
     r"the\s+following|the\s+same|the\s+latest)\s+(?:fiscal\s+)?(?:week(?:end)?|month|year))" + _E),
    ("period", _B + r"(?i:(?:earlier|later)\s+(?:in\s+the|this|that)\s+(?:week|month|year))" + _E),
    ("period", _B + r"(?i:the\s+(?:start|beginning|middle|end)\s+of\s+the\s+(?:week|month|year))" + _E),
    ("period", _B + r"(?i:(?:the\s+|this\s+|last\s+|next\s+)weekend|year[\s-]+end|year's\s+end)" + _E),
    # "before the year is out": the year as the period that ends (its last month)
    ("period", _B + r"(?i:the|this)\s+year(?=\s+(?i:is|was)\s+(?i:out|over)\b)"),
    ("period", _B + r"(?i:that\s+year|the\s+following\s+year|the\s+previous\s+year|year[\s-]+(?:earlier|ago)|"
     r"the\s+(?:current\s+|full\s+|whole\s+|entire\s+)?(?:fiscal|calendar)\s+year|the\s+(?:full|whole|entire)\s+year)"
     + _E),
    # durations from the reference: "two weeks ago", "in three days"
    ("duration", _B + _T_APPROX + _T_COUNT + r"\s+" + _T_UNIT + r"(?:\s+or\s+so)?\s+(?i:ago|earlier|from\s+now|hence)" + _E),
    ("duration", _B + r"(?i:in|within)\s+" + _T_APPROX + _T_COUNT + r"\s+" + _T_UNIT + _E),
    # years: "1998", "fiscal 1989", "mid-1996", "nineteen ninety-six", "the year two thousand"
    ("year", _B + _T_MOD + r"(?:(?i:fiscal|the\s+year|calendar)\s+)?" + r"(?<![$#\u20ac\u00a3,.])" + _T_YEAR + _E
     + r"(?!,[0-9])(?!\s*%)"),
    ("spelled_year", _B + r"(?:(?i:the\s+year)\s+)?" + _T_SPELLED_YEAR + _E),
    ("holiday", _B + _T_REL + r"(?i:" + _T_HOLIDAY + r")(?:,?\s+" + _T_YEAR + r")?" + _E),
    ("vague", _B + _words_re(_FINDER_VAGUE) + _E),
]
_FINDER = [(kind, re.compile(p, re.ASCII)) for kind, p in _FINDER_PATTERNS]


_LETTER_RUN = re.compile(r"[a-z]+")


def _letter_runs(phrases, prefer: str = "") -> tuple[str, ...]:
    """One letter run of each phrase (`prefer` if it has that run, else its longest): a match of the
    phrase contains it, in any case."""
    runs = [_LETTER_RUN.findall(p.lower()) for p in phrases]
    return tuple(sorted({prefer if prefer in r else max(r, key=len) for r in runs}))


# Cheap necessary conditions, one per pattern of _FINDER: a pattern whose gate fails cannot match the
# text, so it is not run (each pattern tries every position of every sentence; most sentences hold
# one time expression or none). A gate is ("text", words): one of the words is in the text as written
# (the month names are case-sensitive); ("lower", words): in the lower-cased text (the patterns'
# words are ASCII and case-insensitive); ("digits", None): four digits in a row.
_MONTH_STEMS = tuple(sorted({k[:3].capitalize() for k in _MONTHS}))
_UNIT_WORDS = ("day", "week", "fortnight", "month", "year", "decade")
_FINDER_GATES = [
    ("digits", None),                                                    # iso
    ("text", _MONTH_STEMS),                                              # date: a month is required
    ("text", _MONTH_STEMS),                                              # month
    ("lower", ("day",)),                                                 # weekday: every weekday ends in -day
    ("lower", ("day", "night", "morrow")),                               # today, tonight, yesterday, tomorrow
    ("lower", ("morning", "afternoon", "evening", "night")),             # this morning, last night, overnight
    ("lower", ("day",)),                                                 # later in the day, the same day
    ("lower", ("week", "month", "year")),                                # period
    ("lower", ("week", "month", "year")),
    ("lower", ("week", "month", "year")),
    ("lower", ("week", "year")),                                         # weekend, year-end
    ("lower", ("year",)),                                                # before the year is out
    ("lower", ("year",)),
    ("lower", _UNIT_WORDS),                                              # durations
    ("lower", _UNIT_WORDS),
    ("digits", None),                                                    # year
    ("lower", ("nineteen", "twenty", "thousand")),                       # spelled year
    ("lower", _letter_runs(_HOLIDAY_WORDS, prefer="day")),               # holiday
    ("lower", _letter_runs(_FINDER_VAGUE)),                              # vague
]
assert len(_FINDER_GATES) == len(_FINDER)
_GATE_KEYS = sorted(set(_FINDER_GATES), key=_FINDER_GATES.index)
_FINDER_GATED = [(kind, rx, _GATE_KEYS.index(gate)) for (kind, rx), gate in zip(_FINDER, _FINDER_GATES)]
_FOUR_DIGITS_RE = re.compile(r"[0-9]{4}")


# the "text" gates (the month stems, capitalised) as one search each: the engine skips to the capitals
_GATE_SEARCH = {key: re.compile("|".join(re.escape(w) for w in key[1])).search
                for key in _GATE_KEYS if key[0] == "text" and key[1]}


def _open_gates(text: str) -> list[bool]:
    """For each distinct gate of _FINDER_GATES (in `_GATE_KEYS` order), whether the text passes it."""
    low = text.lower()
    out = []
    for key in _GATE_KEYS:
        where, words = key
        if where == "digits":
            out.append(_FOUR_DIGITS_RE.search(text) is not None)
        elif where == "text" and key in _GATE_SEARCH:
            out.append(_GATE_SEARCH[key](text) is not None)     # (one of the words is in the text)
        else:
            within = text if where == "text" else low
            out.append(any(w in within for w in words))
    return out


# a bare "May" or "March" is a month only after one of these
_MONTH_VERB_CUES = frozenset("the in since until till by of from through during early late mid before after "
                             "last next this to and or between".split())


_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\s*$")


def _prev_word(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 30):start])
    return m[1].lower() if m else ""


_WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")


def _next_word(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end:end + 30])
    return m[1].lower() if m else ""


_FOUR_DIGITS = re.compile(r"[0-9]{4}")
_SEP_DIGIT_AFTER = re.compile(r"[-/.][0-9]")  # a number going on after the year: "1999-05", "2000/1"
_DIGIT_SEP_BEFORE = re.compile(r"[0-9][-/.]$")  # a number going on before the year: "12-2000"
_TWO_THOUSAND = re.compile(r"(?i)two\s+thousand")


def _keep(text: str, kind: str, start: int, end: int) -> bool:
    """Filters for matches that are usually not times ("2000 people", "No. 1999", "Theresa May")."""
    span = text[start:end]
    if kind == "year" and _FOUR_DIGITS.fullmatch(span):
        y = int(span)
        if not 1900 <= y <= 2100:
            return False
        if _prev_word(text, start) in _NOT_YEAR_BEFORE or _next_word(text, end) in _NOT_YEAR_AFTER:
            return False
        if _SEP_DIGIT_AFTER.match(text[end:end + 2]) or _DIGIT_SEP_BEFORE.search(text[max(0, start - 2):start]):
            return False
    if kind == "spelled_year" and _TWO_THOUSAND.fullmatch(span):
        return False          # a count unless "the year two thousand"
    if kind == "month" and span in ("May", "March") and _prev_word(text, start) not in _MONTH_VERB_CUES:
        return False
    return True


def _find_spans(text: str) -> list[tuple[int, int]]:
    """Non-overlapping candidate spans, longest match first, sorted by start."""
    cands = []
    gates = _open_gates(text)
    for kind, rx, gate in _FINDER_GATED:
        if not gates[gate]:
            continue
        for m in rx.finditer(text):
            if m.end() > m.start() and _keep(text, kind, m.start(), m.end()):
                cands.append((m.start(), m.end()))
    cands.sort(key=lambda se: (-(se[1] - se[0]), se[0]))
    taken = bytearray(len(text))
    chosen: list[tuple[int, int]] = []
    for s, e in cands:
        if not any(taken[s:e]):
            taken[s:e] = b"\x01" * (e - s)
            chosen.append((s, e))
    return sorted(chosen)


_IN_WEEKS_RE = re.compile(r"(?i)(?:in|within)\s.*\b(?:weeks?|fortnights?)$")
_THEN_ON_RE = re.compile(r"\s*,?\s*(?:on\s+)?$", re.I)


def _weekday_after_offset(text: str, found: list[TimeExpr]) -> None:
    """'in two weeks, on Thursday': the Thursday of the week two weeks on."""
    for a, b in zip(found, found[1:]):
        if a.precision != "day" or not _IN_WEEKS_RE.match(a.text) or not _THEN_ON_RE.fullmatch(text[a.end:b.start]):
            continue
        wd = _weekday_index(_normalize(b.text))
        if wd is None:
            continue
        anchor = _dt.date.fromisoformat(a.value)
        b.value, b.precision = _day(_add_days(anchor, wd - anchor.weekday())) or (None, None)


def find_time_expressions(text: str, reference_date, tense: str | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, resolved against ``reference_date``.

    With ``tense`` given ('past'/'future'/'present') it orients every
    expression; with ``tense=None`` each expression gets the tense of its own
    clause (markers near it weigh most), which on a one-clause sentence is
    :func:`sentence_tense`.  An invalid reference date leaves every value None.
    Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        ref = _parse_ref(reference_date)
        out: list[TimeExpr] = []
        spans = _find_spans(text)
        index = _TenseIndex(text) if spans and tense not in ("past", "future", "present") else None
        for s, e in spans:
            expr = text[s:e]
            t = index.tense_at(s, e) if index else tense
            lo = max(0, s - 300)
            sent_start = max(text.rfind(". ", lo, s), text.rfind("\n", lo, s)) + 1
            before = text[max(lo, sent_start):s]
            after = text[e:e + 200]
            res = _resolve_in_context(expr, ref, t, before, after) if ref else None
            value, precision = res if res else (None, None)
            out.append(TimeExpr(s, e, expr, value, precision, _relation_of(_normalize(expr), before)))
        _weekday_after_offset(text, out)
        return out
    except Exception:  # pragma: no cover - safety net
        return []
