"""Calendar arithmetic for time expressions, none of it raising: dates, months and years moved by
units; the weekday, month, month-day or holiday nearest a reference date in the direction a tense
points; values as (``'YYYY-MM-DD'``/``'YYYY-MM'``/``'YYYY'``, precision).
"""
from __future__ import annotations

import datetime as _dt
import re

from .words import _HOLIDAYS

_MIN_YEAR, _MAX_YEAR = 1, 9999
_BIAS = 3.0                 # weight of distances against the tense for dates without a year; see _pick


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


# "YYYY-MM-DD" opening a reference date string
_ISO_DATE_PREFIX = re.compile(r"\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def _parse_ref(reference_date) -> _dt.date | None:
    """Reference date from a ``date``/``datetime`` or an ISO ``'YYYY-MM-DD'`` string."""
    if isinstance(reference_date, _dt.datetime):
        return reference_date.date()
    if isinstance(reference_date, _dt.date):
        return reference_date
    if isinstance(reference_date, str):
        m = _ISO_DATE_PREFIX.match(reference_date)
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
# weekdays, months, month-days and holidays near a reference date

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


# "last christmas", "easter 2019": modifier, holiday name, year
_HOLIDAY_PHRASE = re.compile(r"(?:(last|next|this|this coming|coming|previous|past) )?(.+?)(?: ([0-9]{4}))?")


def _resolve_holiday(s: str, ref: _dt.date, tense: str):
    m = _HOLIDAY_PHRASE.fullmatch(s)
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


# --------------------------------------------------------------------------
# moving by units

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
