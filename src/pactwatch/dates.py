"""Find and resolve English time expressions in news text.

Everything here is a pure function of its arguments (standard library only):

* :func:`resolve_date` / :func:`resolve` turn one expression ("last Friday",
  "Sept. 30, 1998", "two months ago", "early next year") into a calendar value
  relative to the article's reference (publication) date: ``'YYYY-MM-DD'``,
  ``'YYYY-MM'`` or ``'YYYY'``, or ``None`` when the text names no definite time
  ("recently", "at an early date") or cannot be read.
* :func:`find_time_expressions` finds every time expression in a text by
  regular expression and resolves each one.
* :func:`sentence_tense` judges a sentence past, future or present; the tense
  decides which way a bare "Friday" or "August" points from the reference date.

How the reference date and tense are used:

* Weekdays ("Friday", "Tuesday morning", "Friday's"): past tense -> the latest
  one on or before the reference date (the same weekday is the reference day);
  future -> the first on or after it; present -> as past (news reports mostly
  look back).  "last"/"next" are strict, "this" is the current Monday-Sunday week.
* Months and month-days without a year ("August", "Dec. 7"): the nearest one,
  distances against the tense counting three times over.  So "August" written
  2025-03-10 is 2024-08 in a past sentence and 2025-08 in a future one, while
  "payable Dec. 7" in a past sentence written Oct. 30 is the coming Dec. 7.
* Weeks ("this week", "last week") have no day: they resolve to their month
  when the Monday-Sunday week lies in one month, else to None.
* Anaphoric forms ("the following year", "that year") use a year named
  earlier in the sentence, or give None.
* The tense comes from marker words near the expression in its sentence
  (see :class:`_TenseIndex`); :func:`sentence_tense` is the whole-sentence form.

Word lists (months, number words, holidays, tense markers) live in
``data/dates.json``.  Values outside years 1..9999 are never produced: such an
expression resolves to ``None`` instead of raising.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re
from dataclasses import dataclass

from . import lexicon

__all__ = ["TimeExpr", "resolve_date", "resolve", "sentence_tense", "find_time_expressions", "shift_value",
           "count_word"]


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
# word lists

_DATA = lexicon.read_json("dates.json")  # with the overrides of $PACTWATCH_DATA

_MONTHS: dict[str, int] = _DATA["months"]
_WEEKDAYS: dict[str, int] = _DATA["weekdays"]
_WEEKDAY_ABBR: dict[str, int] = _DATA["weekday_abbreviations"]
_UNITS: dict[str, int] = _DATA["units"]
_TEENS: dict[str, int] = _DATA["teens"]
_TENS: dict[str, int] = _DATA["tens"]
_ORDINALS: dict[str, int] = _DATA["ordinals"]
_FUZZY: dict[str, int] = _DATA["fuzzy_counts"]
_FUTURE_MARKERS = frozenset(_DATA["future_markers"])
_PAST_MARKERS = frozenset(_DATA["past_markers"])
_PRESENT_MARKERS = frozenset(_DATA["present_markers"])
_NOT_YEAR_AFTER = frozenset(_DATA["not_years_after"])
_NOT_YEAR_BEFORE = frozenset(_DATA["not_years_before"])

_MIN_YEAR, _MAX_YEAR = 1, 9999
_MAX_EXPR_LEN = 120         # longer "expressions" are not time expressions
_BIAS = 3.0                 # weight of distances against the tense for dates without a year; see _pick

_F = re.ASCII | re.IGNORECASE


def _alt(words) -> str:
    """Regex alternation of ``words``, longest first, spaces matching any whitespace/hyphen."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        out.append(r"[\s-]+".join(re.escape(p) for p in w.split()))
    return "(?:" + "|".join(out) + ")"


# --------------------------------------------------------------------------
# small date helpers (never raise)

def _date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def _add_days(d: _dt.date, n: int) -> _dt.date | None:
    try:
        return d + _dt.timedelta(days=n)
    except (OverflowError, ValueError):
        return None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _day(d: _dt.date | None):
    return (d.isoformat(), "day") if d is not None else None


def _month(y: int, m: int):
    return (f"{y:04d}-{m:02d}", "month") if _MIN_YEAR <= y <= _MAX_YEAR else None


def _year(y: int):
    return (f"{y:04d}", "year") if _MIN_YEAR <= y <= _MAX_YEAR else None


def _parse_ref(reference_date) -> _dt.date | None:
    """Reference date from a ``date``/``datetime`` or an ISO ``'YYYY-MM-DD'`` string."""
    if isinstance(reference_date, _dt.datetime):
        return reference_date.date()
    if isinstance(reference_date, _dt.date):
        return reference_date
    if isinstance(reference_date, str):
        m = re.match(r"\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", reference_date)
        if m:
            return _date(int(m[1]), int(m[2]), int(m[3]))
    return None


def _pick(candidates, ref_key, tense: str, bias: float | None = None):
    """Choose among candidates (key, value), sorted by key, relative to ``ref_key``.

    With ``bias=None`` the tense is strict: past takes the latest key <= ref,
    future the earliest key >= ref.  With a ``bias`` the nearest candidate wins,
    distances against the tense counting ``bias`` times over, so "Dec. 7" in a
    past-tense sentence written on Oct. 30 is the coming one, not last year's.
    Present tense takes the nearest.  Ties go the tense's way (present: back).
    """
    if bias is None:
        past = [c for c in candidates if c[0] <= ref_key]
        future = [c for c in candidates if c[0] >= ref_key]
        if tense == "past" and past:
            return past[-1][1]
        if tense == "future" and future:
            return future[0][1]
    best = None
    for key, val in candidates:
        cost = abs(key - ref_key)
        if bias and ((tense == "past" and key > ref_key) or (tense == "future" and key < ref_key)):
            cost *= bias
        toward = key >= ref_key if tense == "future" else key <= ref_key
        if best is None or cost < best[0] or (cost == best[0] and toward):
            best = (cost, val)
    return best[1] if best else None


def _day_key(d: _dt.date) -> int:
    return d.toordinal()


# --------------------------------------------------------------------------
# normalisation: lower case, no abbreviation dots, spelled numbers as digits

_NUMWORD = {**_UNITS, **_TEENS, **_TENS}
_ORD_UNITS = {k: v for k, v in _ORDINALS.items() if v < 10}


def _words_to_number(words: list[str]) -> int | None:
    """Value of a run of number words.

    "two thousand and five" -> 2005, "twenty one" -> 21, and two two-digit
    groups read as a year: "nineteen ninety six" -> 1996, "nineteen oh five" -> 1905.
    """
    words = [w for w in words if w != "and"]
    if not words:
        return None
    if "hundred" in words or "thousand" in words:
        total, current = 0, 0
        for w in words:
            if w in _NUMWORD:
                current += _NUMWORD[w]
            elif w == "hundred":
                current = (current or 1) * 100
            elif w == "thousand":
                total += (current or 1) * 1000
                current = 0
            else:
                return None
        return total + current
    groups: list[int] = []
    open_tens = False           # last group is a bare "twenty" that may take a unit
    oh = False
    for w in words:
        if w == "oh":
            if oh or not groups:
                return None
            oh = True
            continue
        v = _NUMWORD.get(w)
        if v is None:
            return None
        if oh:
            if w not in _UNITS:
                return None
            groups.append(v)
            oh, open_tens = False, False
        elif w in _UNITS and open_tens:
            groups[-1] += v
            open_tens = False
        else:
            groups.append(v)
            open_tens = w in _TENS
    if oh:
        return None
    if len(groups) == 1:
        return groups[0]
    if len(groups) == 2 and 10 <= groups[0] <= 99:
        return groups[0] * 100 + groups[1]
    return None


_NUM_RUN_RE = re.compile(
    r"\b(?:" + "|".join(sorted(list(_NUMWORD) + ["hundred", "thousand", "oh"], key=len, reverse=True))
    + r")(?:(?:\s+|-)(?:and\s+)?(?:" + "|".join(sorted(list(_NUMWORD) + ["hundred", "thousand", "oh"], key=len, reverse=True))
    + r"))*\b", _F)
_ORD_RE = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:\s+|-))?(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")\b", _F)


def _numbers_to_digits(s: str) -> str:
    """Replace spelled ordinals and cardinals by digits ("march eighth" -> "march 8")."""
    def ordinal(m: re.Match) -> str:
        v = _ORDINALS[m[2].lower()]
        if m[1]:
            if v >= 10:
                return m[0]
            v += _TENS[m[1].lower()]
        return str(v)

    s = _ORD_RE.sub(ordinal, s)

    def cardinal(m: re.Match) -> str:
        words = re.split(r"[\s-]+", m[0].lower())
        if words == ["oh"]:
            return m[0]
        v = _words_to_number(words)
        return str(v) if v is not None else m[0]

    return _NUM_RUN_RE.sub(cardinal, s)


@functools.lru_cache(maxsize=4096)
def _normalize(expr: str) -> str:
    """Canonical lower-case form of an expression for the resolution rules (a pure function of the
    text, cached: the same few expressions come back in every article)."""
    s = expr.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = s.lower()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"'(?![0-9]{2}\b)", " ", s)
    s = re.sub(r"(?<=[a-z])\.", " ", s)
    s = re.sub(r"(?<=[a-z])-|-(?=[a-z])", " ", s)
    s = re.sub(r"[,;:!?()\[\]\"`]", " ", s)
    s = re.sub(r"\.$", "", s.strip())
    s = re.sub(r"\b([0-9]{1,2})(?:st|nd|rd|th)\b", r"\1", s)
    s = _numbers_to_digits(s)
    s = re.sub(r"\bthis past\b", "last", s)
    return re.sub(r"\s+", " ", s).strip()


_HOLIDAYS = {_normalize(k): v for k, v in _DATA["holidays"].items()}
_VAGUE = frozenset(_normalize(v) for v in _DATA["vague"])

# --------------------------------------------------------------------------
# tense

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?|[.;:!?]|,", re.ASCII)
_FUTURE_PHRASE_RE = re.compile(
    r"\b(?:(?:is|are|am|was|were)\s+to\s+[a-z]+|(?:due|set|scheduled|expected|going|planned|slated)\s+to\s+"
    r"(?!the\b|a\b|an\b|its\b|his\b|her\b|their\b)[a-z]+|set\s+for|as\s+(?:soon|early)\s+as|"
    r"(?:plan|plans|planning|intend|intends|intending|expect|expects|hope|hopes|aim|aims|vow|vows|vowed|pledged|promised)\s+to|"
    r"will|shall)\b", _F)
_PAST_PHRASE_RE = re.compile(
    r"\b(?:(?:would|could|might|should|must|will)\s+have|(?:has|have|'ve)\s+(?:not\s+|never\s+|already\s+|also\s+|just\s+)?"
    r"(?:been|(?!scheduled|planned|slated|postponed|delayed|decided|agreed\s+to)[a-z]{2,}ed|made|held|met|taken|given|gone|come|seen|become|begun|brought|built|found|told|said|"
    r"won|lost|left|sent|signed|agreed|reached|known|shown|grown|risen|fallen|paid|spent|sold|bought))\b", _F)
_PASSIVE_BEFORE = frozenset("be been being is are am was were get got 's".split())
_ED_RE = re.compile(r"^[a-z]{3,}ed$")
_NOT_PAST_ED = frozenset(
    "scheduled planned expected slated intended postponed delayed proposed anticipated "
    "projected need indeed speed proceed exceed succeed feed seed bed red shed hundred "
    "united based related limited interested concerned supposed".split())


def _markers(sentence: str) -> list[tuple[int, int, str, float]]:
    """Tense markers in ``sentence`` as (start, end, tense, weight)."""
    out: list[tuple[int, int, str, float]] = []
    for m in _FUTURE_PHRASE_RE.finditer(sentence):
        out.append((m.start(), m.end(), "future", 1.6))
    for m in _PAST_PHRASE_RE.finditer(sentence):
        out.append((m.start(), m.end(), "past", 2.5))
    prev = ""
    for m in _TOKEN_RE.finditer(sentence):
        w, prev_w = m[0].lower().replace("\u2019", "'"), prev
        prev = w
        if w in ("will", "shall"):
            continue  # counted as phrases
        if "'" in w and w not in _FUTURE_MARKERS and "'" + w.split("'")[1] in _FUTURE_MARKERS:
            w = "'" + w.split("'")[1]      # "we'll": the clitic is the marker
        if w in _FUTURE_MARKERS:
            out.append((m.start(), m.end(), "future", 0.8 if w == "would" else 1.2))
        elif prev_w in _PASSIVE_BEFORE and (w in _PAST_MARKERS or _ED_RE.match(w)):
            continue    # participle of a passive ("is to be signed"), not a past tense
        elif w in _PAST_MARKERS:
            out.append((m.start(), m.end(), "past", 1.0))
        elif w in _PRESENT_MARKERS:
            out.append((m.start(), m.end(), "present", 0.7))
        elif _ED_RE.match(w) and w not in _NOT_PAST_ED:
            out.append((m.start(), m.end(), "past", 0.6))
    return out


def _decide(scores: dict[str, float]) -> str:
    best = max(scores, key=lambda k: scores[k])
    if scores[best] <= 0:
        return "present"
    return best


def sentence_tense(sentence: str) -> str:
    """'past', 'future' or 'present' for a whole sentence, from weighted marker words.

    Future markers ("will", "is to", "plans to", "scheduled", "next",
    "upcoming") weigh more than past ones ("said", "met", "-ed" verbs); a
    sentence with neither is 'present'.
    """
    if not isinstance(sentence, str):
        return "present"
    scores = {"past": 0.0, "future": 0.0, "present": 0.0}
    for _s, _e, tense, weight in _markers(sentence[:5000]):
        scores[tense] += weight
    return _decide(scores)


_ABBREVIATIONS = frozenset(
    list(_MONTHS) + list(_WEEKDAY_ABBR) + "mr mrs ms dr st gen sen rep gov lt col capt sgt maj adm jr sr "
    "inc corp co ltd bros no vs etc fig approx dept univ prof rev mt ft".split())
_BREAK_RE = re.compile(r"([A-Za-z]*)[.?!]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])|\n")
_WINDOW = 400               # characters either side of an expression that can bear on its tense
_CLAUSE_BREAK_RE = re.compile(r"[,;:(]|\s[-\u2013\u2014]\s")
_AFTER_BREAK = 0.15         # weight of a marker past such a break when a marker precedes the expression


def _sentence_breaks(text: str) -> list[int]:
    """Offsets where sentences end (abbreviations such as "Sept." and initials do not end one)."""
    out = []
    for m in _BREAK_RE.finditer(text):
        word = m[1] or ""
        if m[0] != "\n" and (word.lower() in _ABBREVIATIONS or len(word) == 1):
            continue
        out.append(m.end())
    return out


class _TenseIndex:
    """Tense markers and token positions of one text, to ask the tense at many places cheaply."""

    def __init__(self, text: str):
        self.text = text
        tokens = [(m.start(), m[0]) for m in _TOKEN_RE.finditer(text)]
        self.starts = [t[0] for t in tokens]
        self.cost = [0]                      # cost[i]: distance covered by tokens[:i]
        for _pos, tok in tokens:
            self.cost.append(self.cost[-1] + (2 if tok in ";:" else 1))
        self.markers = sorted(_markers(text))
        self.mstarts = [m[0] for m in self.markers]
        self.breaks = _sentence_breaks(text)

    def tense_at(self, start: int, end: int) -> str:
        """Tense of the clause around text[start:end]: markers in its sentence, weighed by closeness."""
        i = bisect.bisect_right(self.breaks, start)
        lo = max(self.breaks[i - 1] if i else 0, start - _WINDOW)
        hi = min(self.breaks[i] if i < len(self.breaks) and self.breaks[i] >= end else len(self.text), end + _WINDOW)
        es = bisect.bisect_left(self.starts, start)
        ee = bisect.bisect_left(self.starts, end)
        scores = {"past": 0.0, "future": 0.0, "present": 0.0}
        markers = [self.markers[k] for k in range(bisect.bisect_left(self.mstarts, lo), bisect.bisect_left(self.mstarts, hi))]
        markers = [mk for mk in markers if mk[1] <= hi and not (mk[0] >= start and mk[1] <= end)]
        # a clause verb before the expression governs it; past a comma after it, another clause begins
        # ("the talks, which took place on Friday, are set to ...")
        governed = any(me <= start for _ms, me, _t, _w in markers)
        for ms, me, tense, weight in markers:
            if me <= start:
                dist = self.cost[es] - self.cost[bisect.bisect_left(self.starts, me)]
            elif ms < start:
                dist = 0
            else:               # after the expression: the governing verb usually precedes it
                dist = max(0, self.cost[bisect.bisect_left(self.starts, ms)] - self.cost[ee]) + 1
                if governed and _CLAUSE_BREAK_RE.search(self.text, end, ms):
                    weight *= _AFTER_BREAK
            scores[tense] += weight / (1.0 + dist) ** 1.5
        lead = _LEAD_WORD_RE.search(self.text, max(lo, start - 60), start)
        if lead and lead[1].lower() in _LEAD_TENSE:
            tense, weight = _LEAD_TENSE[lead[1].lower()]
            scores[tense] += weight
        return _decide(scores)


def _local_tense(text: str, start: int, end: int) -> str:
    """Tense of the clause around text[start:end] (see _TenseIndex.tense_at)."""
    return _TenseIndex(text).tense_at(start, end)


_LEAD_WORD_RE = re.compile(r"([A-Za-z]+)\s+(?:(?:early|late|mid|the|about|around)[\s-]+)*$")
# a preposition right before the expression: "since March" looks back
_LEAD_TENSE = {"since": ("past", 1.5)}


# --------------------------------------------------------------------------
# resolution rules on normalised text

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
    r"^(?:(early|earlier|late|later|mid|around|about)(?: in)? |(?:the )?(start|beginning|middle|end|close|turn) of |(?:the )?(?:1|2|first|second|latter|last) half of )")
_RELATION_WORDS = {"earlier": "before", "before": "before", "prior": "before", "until": "before",
                   "till": "before", "by": "before", "later": "after", "after": "after", "since": "after"}


def _weekday_index(word: str) -> int | None:
    return _WEEKDAYS.get(word, _WEEKDAY_ABBR.get(word))


def _month_index(word: str) -> int | None:
    return _MONTHS.get(word)


def _two_digit_year(yy: int, ref: _dt.date) -> int:
    y = (ref.year // 100) * 100 + yy
    return y - 100 if y > ref.year + 10 else y


def _resolve_weekday(wd: int, mod: str | None, ref: _dt.date, tense: str):
    """A weekday: 'last'/'next' are strict, 'this' is the current Monday-Sunday week,
    a bare one is oriented by tense (present: the nearer one, ties to the past)."""
    back = (ref.weekday() - wd) % 7          # 0 when ref is that weekday
    fwd = (wd - ref.weekday()) % 7
    if mod in ("last", "previous", "past"):
        return _day(_add_days(ref, -(back or 7)))
    if mod in ("next", "coming", "this coming", "following"):
        return _day(_add_days(ref, fwd or 7))
    if mod == "this":
        return _day(_add_days(ref, wd - ref.weekday()))
    if tense == "past":
        return _day(_add_days(ref, -back))
    if tense == "future":
        return _day(_add_days(ref, fwd))
    return _day(_add_days(ref, -back))      # present: news reports mostly look back


def _resolve_month(mo: int, mod: str | None, ref: _dt.date, tense: str):
    if mod in ("last", "previous", "past"):
        y = ref.year if mo < ref.month else ref.year - 1
        return _month(y, mo)
    if mod in ("next", "coming", "this coming", "following"):
        y = ref.year if mo > ref.month else ref.year + 1
        return _month(y, mo)
    if mod == "this":
        return _month(ref.year, mo)
    ref_key = ref.year * 12 + ref.month
    cands = [((y * 12 + mo), (y, mo)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    y, m = _pick(cands, ref_key, tense, _BIAS)
    return _month(y, m)


def _resolve_month_day(mo: int, d: int, ref: _dt.date, tense: str, weekday: int | None = None):
    """A month and day without a year: the nearby year the tense favours.

    A weekday given with the date ("Monday, Oct. 26") keeps only the years
    where that date falls on it.
    """
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        dd = _date(y, mo, d)
        if dd is not None:
            cands.append((_day_key(dd), dd))
    if weekday is not None and any(dd.weekday() == weekday for _k, dd in cands):
        cands = [(k, dd) for k, dd in cands if dd.weekday() == weekday]
    if not cands:
        return None
    return _day(_pick(cands, _day_key(ref), tense, _BIAS))


def _nth_weekday(y: int, mo: int, wd: int, n: int) -> _dt.date | None:
    if n > 0:
        first = _date(y, mo, 1)
        if first is None:
            return None
        return _add_days(first, (wd - first.weekday()) % 7 + 7 * (n - 1))
    ny, nm = _add_months(y, mo, 1)
    nxt = _date(ny, nm, 1)
    last = _add_days(nxt, -1) if nxt else _date(y, 12, 31) if mo == 12 else None
    if last is None:
        return None
    return _add_days(last, -((last.weekday() - wd) % 7) - 7 * (-n - 1))


def _easter(y: int) -> _dt.date | None:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return _date(y, month, day)


def _holiday_date(rule: dict, y: int) -> _dt.date | None:
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    if "fixed" in rule:
        d = _date(y, *rule["fixed"])
    elif "nth_weekday" in rule:
        mo, wd, n = rule["nth_weekday"]
        d = _nth_weekday(y, mo, wd, n)
    elif "easter" in rule:
        e = _easter(y)
        d = _add_days(e, rule["easter"]) if e else None
    else:
        d = None
    if d is not None and rule.get("offset"):
        d = _add_days(d, rule["offset"])
    return d


def _resolve_holiday(s: str, ref: _dt.date, tense: str):
    m = re.fullmatch(r"(?:(last|next|this|this coming|coming|previous|past) )?(.+?)(?: ([0-9]{4}))?", s)
    if not m or m[2] not in _HOLIDAYS:
        return None
    rule = _HOLIDAYS[m[2]]
    if m[3]:
        return _day(_holiday_date(rule, int(m[3])))
    if m[1] == "this":
        return _day(_holiday_date(rule, ref.year))
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = _holiday_date(rule, y)
        if d is not None:
            cands.append((_day_key(d), d))
    if not cands:
        return None
    rk = _day_key(ref)
    if m[1] in ("last", "previous", "past"):
        past = [c for c in cands if c[0] < rk]
        return _day(past[-1][1]) if past else None
    if m[1] in ("next", "coming", "this coming"):
        fut = [c for c in cands if c[0] > rk]
        return _day(fut[0][1]) if fut else None
    return _day(_pick(cands, rk, tense, _BIAS))


def _week_value(monday: _dt.date | None):
    """A Monday-to-Sunday week: its month when the week lies in one month, else None."""
    if monday is None:
        return None
    sunday = _add_days(monday, 6)
    if sunday is None or sunday.month != monday.month:
        return None
    return _month(monday.year, monday.month)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _FUZZY.get(word)


def _shift(ref: _dt.date, n: int, unit: str, to_month: bool = False):
    """ref moved by ``n`` units, at the precision the unit implies; with ``to_month``, years keep the month
    ("in one year's time" from 2023-11-01 is 2024-11)."""
    unit = unit.rstrip("s")
    if to_month and unit in ("year", "decade"):
        y, m = _add_months(ref.year, ref.month, n * (12 if unit == "year" else 120))
        return _month(y, m)
    if unit == "day":
        return _day(_add_days(ref, n))
    if unit in ("week", "fortnight"):
        return _day(_add_days(ref, n * (14 if unit == "fortnight" else 7)))
    if unit == "month":
        y, m = _add_months(ref.year, ref.month, n)
        return _month(y, m)
    if unit == "year":
        return _year(ref.year + n)
    if unit == "decade":
        return _year(ref.year + 10 * n)
    return None


def count_word(word: str) -> int | None:
    """The number a span's count word says ("5", "five", "a", "several"), or None."""
    w = word.lower()
    return _count(w) if _count(w) is not None else _words_to_number([w])


def shift_value(value: str, n: int, unit: str) -> tuple[str, str] | None:
    """A (partial) ISO date moved by ``n`` units, as (value, precision), never finer than the value
    itself: shift_value("2027-07-13", -5, "months") -> ("2027-02", "month"); None if unreadable."""
    try:
        nums = [int(x) for x in value.split("-")]
    except (ValueError, AttributeError):
        return None
    if not 1 <= len(nums) <= 3:
        return None
    # a month or a year stands for its middle
    ref = _date(nums[0], nums[1] if len(nums) > 1 else 7, nums[2] if len(nums) > 2 else (15 if len(nums) == 2 else 1))
    out = _shift(ref, n, unit) if ref is not None else None
    if out is None:
        return None
    if len(nums) == 2 and out[1] == "day":
        return out[0][:7], "month"
    if len(nums) == 1 and out[1] != "year":
        return out[0][:4], "year"
    return out


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


def _rule_iso(s: str, c: _Ctx):
    m = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:t[0-9:.]+z?)?", s)
    if m:
        return _day(_date(int(m[1]), int(m[2]), int(m[3]))) or _NONE
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})", s)
    if m and 1 <= int(m[2]) <= 12:
        return _month(int(m[1]), int(m[2]))
    m = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})", s)
    if m:
        y = int(m[3]) if len(m[3]) == 4 else _two_digit_year(int(m[3]), c.ref)
        return _day(_date(y, int(m[1]), int(m[2]))) or _NONE
    m = re.fullmatch(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})", s)
    if m:
        return _day(_date(int(m[1]), int(m[2]), int(m[3]))) or _NONE
    return None


_RANGE_RE = r"(?: ?- ?| (?:and|to|through|till|until) | )"      # "thursday and friday", "4-5 april"
_MD_RE = re.compile(
    r"(?:^|\s)(?:(?P<m1>" + _MONTH_RE + r") (?:the )?(?P<d1>[0-9]{1,2})|(?:the )?(?P<d2>[0-9]{1,2})(?:" + _RANGE_RE
    + r"[0-9]{1,2})? (?:of )?(?P<m2>"
    + _MONTH_RE + r"))(?:-[0-9]{1,2})?(?: (?:of )?(?P<y>[0-9]{4}|'[0-9]{2}))?(?=\s|$)")


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
    if re.search(r"\b(?:next|coming)\b", rest):
        tense = "future"
    elif re.search(r"\b(?:last|past|previous)\b", rest):
        tense = "past"
    ym = re.search(r"\b(this|last|next) year\b", rest)
    if ym:
        y = c.ref.year + {"this": 0, "last": -1, "next": 1}[ym[1]]
        return _day(_date(y, mo, d)) or _NONE
    wd = next((_weekday_index(w) for w in rest.split() if _weekday_index(w) is not None), None)
    return _resolve_month_day(mo, d, c.ref, tense, wd) or _NONE


def _rule_month(s: str, c: _Ctx):
    """'july 1997', 'june last year', 'last november', 'this september', 'may'."""
    m = re.fullmatch(r"(?:(last|next|this|this coming|coming|previous|past) )?(" + _MONTH_RE
                     + r")(?: (?:of )?([0-9]{4}|'[0-9]{2}|(?:this|last|next) year))?", s)
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
    follow = re.match(r"\s*,?\s*(?:of\s+)?(?:(this|last|next)\s+year\b|([0-9]{4})(?![0-9]))", c.after, re.I)
    if follow and not m[1]:     # "in February this year", "June, 1998"
        y = int(follow[2]) if follow[2] else c.ref.year + {"this": 0, "last": -1, "next": 1}[follow[1].lower()]
        return _month(y, mo)
    return _resolve_month(mo, m[1], c.ref, c.tense)


def _rule_relative_day(s: str, c: _Ctx):
    m = re.fullmatch(r"(today|tonight|yesterday|tomorrow)" + _PART_OF_DAY, s)
    if m:
        return _day(_add_days(c.ref, _RELDAY[m[1]]))
    if s in _RELDAY:
        if s in ("the day",) and re.match(r"\s*(?:before|after|of|when|that)\b", c.after, re.I):
            return _NONE
        return _day(_add_days(c.ref, _RELDAY[s]))
    if re.fullmatch(r"(?:the )?[0-9]{1,2} day", s):
        # "today is the eighth day of ...", "it's the second day of ...": the present day
        if re.search(r"\b(?:today|it|this) is (?:the )?$|\bit's (?:the )?$", c.before.lower()):
            return _day(c.ref)
        return _NONE
    return None


def _rule_weekday(s: str, c: _Ctx):
    m = re.fullmatch(r"(?:the )?(?:(last|next|this|this coming|coming|previous|past|following) )?(?:(?:early|late|earlier|later) )?("
                     + _WEEKDAY_RE + r")(?:" + _RANGE_RE + _WEEKDAY_RE + r")?" + _PART_OF_DAY, s)
    if not m:
        return None
    return _resolve_weekday(_weekday_index(m[2]), m[1], c.ref, c.tense)


def _rule_weekend(s: str, c: _Ctx):
    m = re.fullmatch(r"(?:(the|this|last|next|this coming|coming|past|previous) )?week ?end", s)
    if not m:
        return None
    mod = None if m[1] in (None, "the") else m[1]
    return _resolve_weekday(5, mod, c.ref, c.tense)


def _rule_day_offset(s: str, c: _Ctx):
    """'the day before last tuesday', 'the day after christmas'."""
    m = re.fullmatch(r"(?:the )?day (before|after) (.+)", s)
    if not m or m[2] in ("yesterday", "tomorrow"):
        return None
    inner = _resolve_norm(m[2], c)
    if not inner or inner[1] != "day":
        return _NONE if inner else None
    d = _dt.date.fromisoformat(inner[0])
    return _day(_add_days(d, -1 if m[1] == "before" else 1))


_PERIOD_MOD = {"this": 0, "current": 0, "present": 0, "same": 0, "the": 0, "last": -1, "past": -1,
               "previous": -1, "latest": -1, "prior": -1, "next": 1, "coming": 1, "following": 1}


def _rule_period(s: str, c: _Ctx):
    """'this week', 'last month', 'the current fiscal year', 'the year', 'next year or so'."""
    m = re.fullmatch(r"(?:the )?(?:(this|current|present|same|last|past|previous|latest|prior|next|coming|following|"
                     r"full|whole|entire|calendar|fiscal) )?(?:(?:full|whole|entire|calendar|fiscal|financial) )?"
                     r"(week|month|year|quarter)(?: or so)?", s)
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


def _rule_that(s: str, c: _Ctx):
    """Anaphoric 'that year', 'that day': resolvable only from a year named earlier in the sentence."""
    m = re.fullmatch(r"(?:that|the same) (day|week|month|year|morning|afternoon|evening|night)", s)
    if not m:
        return None
    if m[1] == "year":
        return _anchored_period("same", "year", c) or _NONE
    return _NONE


_TIME_AFTER = re.compile(r"\s*(?:['\u2019]s?\s*)?time\b")     # "in one year's time", "in two years' time"


def _rule_duration(s: str, c: _Ctx):
    """'two weeks ago', 'a year earlier', 'in three days', 'year ago', 'five years'."""
    m = re.fullmatch(_APPROX + r"(?:(" + _COUNT_RE + r") )?(?:or so )?(" + _UNIT_RE
                     + r")(?: or so)? (ago|earlier|before|back|later|after|from now|hence|since|prior)", s) \
        or re.fullmatch(r"the ()(year|month|week|day) (ago|earlier)(?: [a-z]+)?", s)    # "the year-ago quarter"
    if m:
        n = _count(m[1]) if m[1] else 1
        if n is None:
            return None
        sign = -1 if m[3] in ("ago", "earlier", "before", "back", "prior", "since") else 1
        return _shift(c.ref, sign * n, m[2], to_month=m[3] in ("from now", "hence")) or _NONE
    m = re.fullmatch(r"(in|within|after) " + _APPROX + r"(" + _COUNT_RE + r") (?:more )?(" + _UNIT_RE + r")(?: time)?", s)
    if m:
        n = _count(m[2])
        if n is None:
            return None
        if c.tense == "past" and m[1] != "after":
            return _NONE    # "its third crackdown in three years": a stretch of the past, not a time ahead
        # "in one year's time": that month of the year; "redeemed in five years", "within two years": the year
        timed = s.endswith(" time") or _TIME_AFTER.match(c.after) is not None
        return _shift(c.ref, n, m[3], to_month=m[1] == "in" and timed) or _NONE
    m = re.fullmatch(_APPROX + r"(" + _COUNT_RE + r") (" + _UNIT_RE + r")", s)
    if m:
        n = _count(m[1])
        prep = re.search(r"\b(in|within)\s+(?:about\s+|some\s+)?$", c.before, re.I)
        if n is not None and prep:
            return _shift(c.ref, n, m[2], to_month=prep[1].lower() == "in" and _TIME_AFTER.match(c.after) is not None) \
                or _NONE
        return _NONE
    return None


def _rule_year(s: str, c: _Ctx):
    """Any expression naming exactly one year and no month or day: 'fiscal 1989', 'the 1988 period'."""
    if re.search(r"\b(?:" + _MONTH_RE[3:-1] + r")\b", s) and not re.fullmatch(r".*\b(?:mid|post|pre)\b.*", s):
        return None
    years = re.findall(r"(?<![0-9'])([0-9]{4})(?![0-9])(?!s\b)", s)
    if len(set(years)) == 1 and not re.search(r"[0-9]{4}s\b", s):
        y = int(years[0])
        if 1000 <= y <= 2999:
            return _year(y)
    m = re.fullmatch(r"(?:(?:fiscal|fy|the year|year|calendar) )?'([0-9]{2})", s)
    if m:
        return _year(_two_digit_year(int(m[1]), c.ref))
    if re.search(r"\b[0-9]{3}0s\b", s):
        return _NONE      # decades have no value in this scheme
    return None


def _rule_year_end(s: str, c: _Ctx):
    if re.fullmatch(r"(?:the )?year end", s):
        return _year(c.ref.year)
    return None


def _rule_bare_day_number(s: str, c: _Ctx):
    """'25' in 'on April 24 and 25': the day number takes the month named just before."""
    if not re.fullmatch(r"[0-9]{1,2}", s):
        return None
    m = re.search(r"\b(" + _MONTH_RE + r")\.? [0-9]{1,2}(?:st|nd|rd|th)?\s*(?:,|and|or|to|through|-)\s*$",
                  c.before, re.I)
    if not m:
        return None
    mo = _month_index(m[1].lower())
    return _resolve_month_day(mo, int(s), c.ref, c.tense) or _NONE


_NONE = (None, None)      # recognised, but names no definite time

_RULES = (_rule_iso, _rule_relative_day, _rule_day_offset, _rule_month_day, _rule_month, _rule_weekday,
          _rule_weekend, _rule_that, _rule_period, _rule_year_end, _rule_duration, _rule_year,
          _rule_bare_day_number)


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
        if re.match(r"(?:mid|post|pre) .", s):
            s = s.split(" ", 1)[1]
            continue
        break
    s = re.sub(r" (?:or (?:later|earlier|so|before|after)|and (?:beyond|later|after|earlier)|period|season|"
               r"time frame|timeframe)$", "", s)
    return re.sub(r"^(?:the|a) good part of ", "", s)


_IN_DURATION_RE = re.compile(r"(?:in|within|after) " + _APPROX + _COUNT_RE + r" (?:more )?" + _UNIT_RE + r".*")


def _resolve_norm(s: str, c: _Ctx):
    """Resolve a normalised expression: (value, precision), _NONE when vague, None when not a time."""
    if s in _VAGUE:
        return _NONE
    core = _strip_lead(s)
    if core in _VAGUE:
        return _NONE
    if core in _HOLIDAYS or re.sub(r"^(?:last|next|this|this coming|coming|previous|past) ", "",
                                   re.sub(r" [0-9]{4}$", "", core)) in _HOLIDAYS:
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


def _relation_of(s: str, before: str = "") -> str | None:
    m = re.match(r"(earlier|later|before|after|until|till|since|prior)\b", s)
    if m:
        return _RELATION_WORDS[m[1]]
    m = re.search(r"\b(before|after|until|till|since|by|prior to)\s*$", before, re.I)
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


# --------------------------------------------------------------------------
# finding expressions in text

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
          r"(?i:the\s+)?(?i:start|beginning|middle|end|close)\s+of\s+)?")
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


def _letter_runs(phrases, prefer: str = "") -> tuple[str, ...]:
    """One letter run of each phrase (`prefer` if it has that run, else its longest): a match of the
    phrase contains it, in any case."""
    runs = [re.findall(r"[a-z]+", p.lower()) for p in phrases]
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


def _open_gates(text: str) -> list[bool]:
    """For each distinct gate of _FINDER_GATES (in `_GATE_KEYS` order), whether the text passes it."""
    low = text.lower()
    out = []
    for where, words in _GATE_KEYS:
        if where == "digits":
            out.append(_FOUR_DIGITS_RE.search(text) is not None)
        else:
            within = text if where == "text" else low
            out.append(any(w in within for w in words))
    return out
# a bare "May" or "March" is a month only after one of these
_MONTH_VERB_CUES = frozenset("the in since until till by of from through during early late mid before after "
                             "last next this to and or between".split())


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z.]+)\s*$", text[max(0, start - 30):start])
    return m[1].lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z]+)", text[end:end + 30])
    return m[1].lower() if m else ""


def _keep(text: str, kind: str, start: int, end: int) -> bool:
    """Filters for matches that are usually not times ("2000 people", "No. 1999", "Theresa May")."""
    span = text[start:end]
    if kind == "year" and re.fullmatch(r"[0-9]{4}", span):
        y = int(span)
        if not 1900 <= y <= 2100:
            return False
        if _prev_word(text, start) in _NOT_YEAR_BEFORE or _next_word(text, end) in _NOT_YEAR_AFTER:
            return False
        if re.match(r"[-/.][0-9]", text[end:end + 2]) or re.search(r"[0-9][-/.]$", text[max(0, start - 2):start]):
            return False
    if kind == "spelled_year" and re.fullmatch(r"(?i)two\s+thousand", span):
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
