"""The tense around a time expression: marker words ("will", "is to", "said", "-ed" verbs) in its
sentence, weighed by closeness; the tense decides which way a bare "Friday" or "August" points
from the reference date.
"""
from __future__ import annotations

import bisect
import re

from .words import _F, _FUTURE_MARKERS, _MONTHS, _PAST_MARKERS, _PRESENT_MARKERS, _WEEKDAY_ABBR

# --------------------------------------------------------------------------
# marker words

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?|[.;:!?]|,", re.ASCII)
# (each phrase pattern opens with a lookahead for the first letters of its words, which every match starts with: the
# engine leaves the other word boundaries at once instead of trying each word there)
_FUTURE_PHRASE_RE = re.compile(
    r"\b(?=[adeghipsvw])(?:(?:is|are|am|was|were)\s+to\s+[a-z]+|(?:due|set|scheduled|expected|going|planned|slated)\s+to\s+"
    r"(?!the\b|a\b|an\b|its\b|his\b|her\b|their\b)[a-z]+|set\s+for|as\s+(?:soon|early)\s+as|"
    r"(?:plan|plans|planning|intend|intends|intending|expect|expects|hope|hopes|aim|aims|vow|vows|vowed|pledged|promised)\s+to|"
    r"will|shall)\b", _F)
_PAST_PHRASE_RE = re.compile(
    r"\b(?=[chmsw'])(?:(?:would|could|might|should|must|will)\s+have|(?:has|have|'ve)\s+(?:not\s+|never\s+|already\s+|also\s+|just\s+)?"
    r"(?:been|(?!scheduled|planned|slated|postponed|delayed|decided|agreed\s+to)[a-z]{2,}ed|made|held|met|taken|given|gone|come|seen|become|begun|brought|built|found|told|said|"
    r"won|lost|left|sent|signed|agreed|reached|known|shown|grown|risen|fallen|paid|spent|sold|bought))\b", _F)
# The two phrase patterns are ASCII and case-insensitive (_F): their matches in a text are their matches, with case,
# in the text with A-Z lowered (the same length), which the engine finds some times faster (`_phrase_text`).
assert not re.search(r"(?<!\\)[A-Z]", _FUTURE_PHRASE_RE.pattern + _PAST_PHRASE_RE.pattern)
_FUTURE_PHRASE_LOWER_RE = re.compile(_FUTURE_PHRASE_RE.pattern, re.ASCII)
_PAST_PHRASE_LOWER_RE = re.compile(_PAST_PHRASE_RE.pattern, re.ASCII)
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _phrase_text(text: str) -> str:
    """`text` with the ASCII capitals lowered, nothing else changed."""
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)


_PASSIVE_BEFORE = frozenset("be been being is are am was were get got 's".split())
_NOT_PAST_ED = frozenset(
    "scheduled planned expected slated intended postponed delayed proposed anticipated "
    "projected need indeed speed proceed exceed succeed feed seed bed red shed hundred "
    "united based related limited interested concerned supposed".split())


def _is_ed(w: str) -> bool:
    """Whether a lower-cased word of `_TOKEN_RE` is an "-ed" form of three letters or more before the
    ending (the test ``^[a-z]{3,}ed$``: its words are ASCII letters, with an apostrophe at most)."""
    return len(w) >= 5 and w.endswith("ed") and w.isalpha()


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word and punctuation mark of `_TOKEN_RE` in `text`."""
    return [(m.start(), m.end(), m[0]) for m in _TOKEN_RE.finditer(text)]


def _markers(sentence: str, words: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int, str, float]]:
    """Tense markers in ``sentence`` as (start, end, tense, weight); `words`: its `_words`, when the caller
    has them."""
    out: list[tuple[int, int, str, float]] = []
    low = _phrase_text(sentence)
    for m in _FUTURE_PHRASE_LOWER_RE.finditer(low):
        out.append((m.start(), m.end(), "future", 1.6))
    for m in _PAST_PHRASE_LOWER_RE.finditer(low):
        out.append((m.start(), m.end(), "past", 2.5))
    prev = ""
    kinds = _WORD_KINDS
    for start, end, word in _words(sentence) if words is None else words:
        kind = kinds.get(word)
        if kind is None:
            kind = _word_kind(word)
        w, passive_sensitive, marker = kind
        prev_w, prev = prev, w
        if marker is None:
            continue
        if passive_sensitive and prev_w in _PASSIVE_BEFORE:
            continue    # participle of a passive ("is to be signed"), not a past tense
        out.append((start, end, marker[0], marker[1]))
    return out


_WORD_KINDS: dict[str, tuple[str, bool, tuple[str, float] | None]] = {}
"""`_word_kind` of each word seen."""


def _word_kind(word: str) -> tuple[str, bool, tuple[str, float] | None]:
    """What `_markers` makes of a word of `_words`, whatever the word before it: (the word as the next word's
    previous word, whether a passive auxiliary before it ("is", "been": `_PASSIVE_BEFORE`) makes it no marker,
    (tense, weight) of the marker it is or None), remembered in `_WORD_KINDS`."""
    w = word.lower().replace("\u2019", "'")
    kind: tuple[str, bool, tuple[str, float] | None]
    if w in ("will", "shall"):
        kind = (w, False, None)     # counted as phrases
    else:
        m = w
        if "'" in m and m not in _FUTURE_MARKERS and "'" + m.split("'")[1] in _FUTURE_MARKERS:
            m = "'" + m.split("'")[1]      # "we'll": the clitic is the marker
        if m in _FUTURE_MARKERS:
            kind = (w, False, ("future", 0.8 if m == "would" else 1.2))
        else:
            sensitive = m in _PAST_MARKERS or _is_ed(m)
            if m in _PAST_MARKERS:
                marker = ("past", 1.0)
            elif m in _PRESENT_MARKERS:
                marker = ("present", 0.7)
            elif _is_ed(m) and m not in _NOT_PAST_ED:
                marker = ("past", 0.6)
            else:
                marker = None
            kind = (w, sensitive, marker)
    if len(_WORD_KINDS) > 100_000:
        _WORD_KINDS.clear()
    _WORD_KINDS[word] = kind
    return kind


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


# --------------------------------------------------------------------------
# the tense at one place of a text

_ABBREVIATIONS = frozenset(
    list(_MONTHS) + list(_WEEKDAY_ABBR) + "mr mrs ms dr st gen sen rep gov lt col capt sgt maj adm jr sr "
    "inc corp co ltd bros no vs etc fig approx dept univ prof rev mt ft".split())
# (a match never starts inside a run of letters: it would start where the run starts, with the same letters
# after it; the lookbehind says so, and the engine no longer tries each letter of each word)
_BREAK_RE = re.compile(r"(?<![A-Za-z])([A-Za-z]*)[.?!]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])|\n")
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
        tokens = _words(text)
        self.starts = [t[0] for t in tokens]
        self.cost = [0]                      # cost[i]: distance covered by tokens[:i]
        for _pos, _end, tok in tokens:
            self.cost.append(self.cost[-1] + (2 if tok in ";:" else 1))
        self.markers = sorted(_markers(text, tokens))
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
        # a verb of the expression's own clause, before it with no clause break between, decides alone over
        # the clauses after the next break ("X, who toured the park during his visit in March, is expected to")
        own = governed and any(me <= start and not _CLAUSE_BREAK_RE.search(self.text, me, start)
                               for _ms, me, _t, _w in markers)
        for ms, me, tense, weight in markers:
            if me <= start:
                dist = self.cost[es] - self.cost[bisect.bisect_left(self.starts, me)]
            elif ms < start:
                dist = 0
            else:               # after the expression: the governing verb usually precedes it
                dist = max(0, self.cost[bisect.bisect_left(self.starts, ms)] - self.cost[ee]) + 1
                if governed and _CLAUSE_BREAK_RE.search(self.text, end, ms):
                    weight *= 0.0 if own else _AFTER_BREAK
            scores[tense] += weight / (1.0 + dist) ** 1.5
        lead = _lead_word(self.text, max(lo, start - 60), start)
        if lead and lead[1].lower() in _LEAD_TENSE:
            tense, weight = _LEAD_TENSE[lead[1].lower()]
            scores[tense] += weight
        return _decide(scores)


def _local_tense(text: str, start: int, end: int) -> str:
    """Tense of the clause around text[start:end] (see _TenseIndex.tense_at)."""
    return _TenseIndex(text).tense_at(start, end)


_LEAD_WORD_RE = re.compile(r"([A-Za-z]+)\s+(?:(?:early|late|mid|the|about|around)[\s-]+)*$")
# the same, tried only where no letter comes before: a match inside a word would start where the word does (with
# the same rest), except at the place a search starts from, which `_lead_word` tries first with the pattern above
_LEAD_WORD_START_RE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)\s+(?:(?:early|late|mid|the|about|around)[\s-]+)*$")


def _lead_word(text: str, pos: int, endpos: int):
    """`_LEAD_WORD_RE.search(text, pos, endpos)`."""
    return _LEAD_WORD_RE.match(text, pos, endpos) or _LEAD_WORD_START_RE.search(text, pos, endpos)
# a preposition right before the expression: "since March" looks back
_LEAD_TENSE = {"since": ("past", 1.5)}
