"""The words of time expressions: the word lists of ``data/dates.json`` (read once, with the
overrides of $PACTWATCH_DATA), number words, and the normalised form every resolution rule reads
("Sept. 3rd" -> "sept 3", "March eighth" -> "march 8").
"""
from __future__ import annotations

import functools
import re

from .. import lexicon


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
# "the next day": a day counted from the day the article was talking about (read by the event coder)
RELATIVE_DAYS: dict[str, int] = {k: v for k, v in _DATA.get("relative_days", {}).items() if not k.startswith("_")}

_F = re.ASCII | re.IGNORECASE


def _alt(words) -> str:
    """Regex alternation of ``words``, longest first, spaces matching any whitespace/hyphen."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        out.append(r"[\s-]+".join(re.escape(p) for p in w.split()))
    return "(?:" + "|".join(out) + ")"


def _weekday_index(word: str) -> int | None:
    return _WEEKDAYS.get(word, _WEEKDAY_ABBR.get(word))


def _month_index(word: str) -> int | None:
    return _MONTHS.get(word)


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


_NUMBER_WORD_SEP = re.compile(r"[\s-]+")


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
        words = _NUMBER_WORD_SEP.split(m[0].lower())
        if words == ["oh"]:
            return m[0]
        v = _words_to_number(words)
        return str(v) if v is not None else m[0]

    return _NUM_RUN_RE.sub(cardinal, s)


_POSSESSIVE_S = re.compile(r"'s\b")
_APOSTROPHE_NOT_YEAR = re.compile(r"'(?![0-9]{2}\b)")  # any apostrophe but that of a two-digit year ('98)
_DOT_AFTER_LETTER = re.compile(r"(?<=[a-z])\.")  # "sept." -> "sept "
_HYPHEN_BY_LETTER = re.compile(r"(?<=[a-z])-|-(?=[a-z])")  # "mid-june", "year-ago"
_PUNCTUATION = re.compile(r"[,;:!?()\[\]\"`]")
_TRAILING_DOT = re.compile(r"\.$")
_ORDINAL_SUFFIX = re.compile(r"\b([0-9]{1,2})(?:st|nd|rd|th)\b")  # "8th" -> "8"
_THIS_PAST = re.compile(r"\bthis past\b")
_WHITESPACE_RUN = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _normalize(expr: str) -> str:
    """Canonical lower-case form of an expression for the resolution rules (a pure function of the
    text, cached: the same few expressions come back in every article)."""
    s = expr.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = s.lower()
    s = _POSSESSIVE_S.sub("", s)
    s = _APOSTROPHE_NOT_YEAR.sub(" ", s)
    s = _DOT_AFTER_LETTER.sub(" ", s)
    s = _HYPHEN_BY_LETTER.sub(" ", s)
    s = _PUNCTUATION.sub(" ", s)
    s = _TRAILING_DOT.sub("", s.strip())
    s = _ORDINAL_SUFFIX.sub(r"\1", s)
    s = _numbers_to_digits(s)
    s = _THIS_PAST.sub("last", s)
    return _WHITESPACE_RUN.sub(" ", s).strip()


_HOLIDAYS = {_normalize(k): v for k, v in _DATA["holidays"].items()}
_VAGUE = frozenset(_normalize(v) for v in _DATA["vague"])


# --------------------------------------------------------------------------
# counts

def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _FUZZY.get(word)


def count_word(word: str) -> int | None:
    """The number a span's count word says ("5", "five", "a", "several"), or None."""
    w = word.lower()
    return _count(w) if _count(w) is not None else _words_to_number([w])
