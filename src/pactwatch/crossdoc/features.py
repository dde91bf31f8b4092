"""What the same-event test reads of one report (per-document `Event`), computed once per event:
its countries, people, kind (meeting, accord, other), trigger, occasion, content words and date span;
and the word and date helpers these rest on."""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..model import Event
from .config import _cues, MEETING_WORDS, STOP

_FEATURES: dict[int, dict] = {}


def _feat(e: Event, name: str, fn):
    """Per-event features are computed once per event object (events are not changed once loaded)."""
    d = _FEATURES.get(id(e))
    if d is None or d["_ref"] is not e:
        if len(_FEATURES) > 200_000:
            _FEATURES.clear()
        d = _FEATURES[id(e)] = {"_ref": e}
    try:
        return d[name]      # (the link step asks about 200k times for 1,500 events: the hit is the fast path)
    except KeyError:
        got = d[name] = fn(e)
        return got


def countries(e: Event) -> set[str]:
    d = _FEATURES.get(id(e))      # (`_feat`'s fast path inline: the link step asks this most)
    if d is not None and d["_ref"] is e and "countries" in d:
        return d["countries"]
    return _feat(e, "countries", _countries)


def _countries(e: Event) -> set[str]:
    return {x.country for x in e.actor + e.recipient if x.country}


def people(e: Event) -> set[str]:
    d = _FEATURES.get(id(e))
    if d is not None and d["_ref"] is e and "people" in d:
        return d["people"]
    return _feat(e, "people", _people_of)


def _people_of(e: Event) -> set[str]:
    return {norm_name(x.entity_name) for x in e.actor + e.recipient if x.entity_type == "person"}


def kind(e: Event) -> str:
    d = _FEATURES.get(id(e))
    if d is not None and d["_ref"] is e and "kind" in d:
        return d["kind"]
    return _feat(e, "kind", _kind)


def _kind(e: Event) -> str:
    """meeting | accord | other: what an AGREE (or any) event is about. The coder's own class
    (`Event.kind`) where it names a meeting or an accord: it saw the noun the event is about; for an
    AGREE it classed as a plain event, or an old record without a class, the words of its trigger and
    first clause tell a promised meeting ("plans to travel") or signing ("would sign")."""
    if e.event_type == "CONSULT":
        return "meeting"
    if e.event_type == "AGREE" and "merging.meeting_of_body_made" in (e.why or {}).get("merged", ()):
        return "meeting"    # "will set up a committee, which will hold its first meeting in Athens in September"
    if e.kind in ("meeting", "accord") and e.event_type in ("AGREE", "SUPPORT", "REJECT"):
        return e.kind
    if e.event_type not in ("AGREE", "SUPPORT", "REJECT"):
        return "other"
    if e.event_type == "SUPPORT" or e.agreement and not (
            e.event_type == "AGREE" and e.kind == "event" and not e.agreement.get("name")):
        return "accord"     # a signing is the signing of something; but "agreed to open a centre ... reached the
        #                     deal": a promise the coder classed as a plain event, its deal no document
    if e.kind is not None and e.event_type != "AGREE":
        return "other"      # a refusal the coder took for no meeting or accord
    if set(_words(e.trigger or "")) & MEETING_WORDS:
        return "meeting"
    if e.event_type == "AGREE":
        first = e.evidence[0].text if e.evidence else ""
        if re.search(r"\bsign(?:s|ed|ing)?\b", first, re.I) and not re.search(r"\b(visit|trip|summit)\b", first, re.I):
            return "accord"       # "announced the signing", "would sign a partnership": a promised signing
        if re.search(r"\b(visit|travel|trip|summit|meet|meeting|talks|host)\w*\b", first, re.I) and not re.search(
                r"\b(sign|fund|lab|laborator|centre|center|committee|office)\w*", first, re.I):
            return "meeting"      # "plans to travel to Beijing in May"
    return "other"


def _trigger(e: Event) -> str:
    def first(e):
        w = _words(e.trigger or "")
        return w[0] if w else ""
    return _feat(e, "trigger", first)


def same_trigger(a: Event, b: Event) -> bool:
    """Whether two reports' trigger words are one word but for a verb ending (link_words.json trigger_endings:
    "signed" and "sign", "agreed" and "agree")."""
    ta, tb = _trigger(a), _trigger(b)
    return bool(ta) and (ta == tb or _verb_stem(ta) == _verb_stem(tb))


@functools.lru_cache(maxsize=4096)
def _verb_stem(w: str) -> str:
    """"signed", "signing" -> "sign"; "agree", "agreed", "agreeing" -> "agre"; "make", "making" -> "mak"."""
    for end in _cues()["trigger_endings"]:
        if w.endswith(end) and len(w) - len(end) >= 3:
            cut = w[: len(w) - len(end)]
            return cut[:-1] if cut.endswith("ee") else cut
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def _occasion(e: Event) -> frozenset:
    """The kinds of occasion a meeting's trigger word names (link_words.json occasion_kinds: a
    journey, a gathering); none for other records or a word of neither."""
    def of(e):
        if kind(e) != "meeting":
            return frozenset()
        w = _trigger(e)
        forms = {w, re.sub(r"(?:ing|ed|s)$", "", w)}
        return frozenset(k for k, nouns in _cues()["occasion_kinds"].items() if forms & set(nouns))
    return _feat(e, "occasion", of)


def _flow_dated(e: Event) -> bool:
    """The event's date is one only its article's flow gave (the coder's trace: date.inherited,
    date.lead_from_next_sentence), not one stated for the act or its setting."""
    rules = set((e.why or {}).get("date") or ())
    return bool(rules) and rules <= set(_cues()["flow_date_rules"])


def _meeting_modes(e: Event) -> frozenset:
    """The sort of meeting the coder's mode tells (link_words.json meeting_modes_apart: a visit, a
    gathering of several states); none for other records."""
    return _feat(e, "meeting_modes", lambda e: frozenset(set(e.mode or ()) & set(_cues()["meeting_modes_apart"]))
                 if kind(e) == "meeting" else frozenset())


def _other_occasion(a: Event, b: Event) -> bool:
    """One meeting report names a journey and the other a gathering ('a state visit', 'the summit'),
    by their trigger words or by the coder's modes (a visit / a multilateral meeting): a visit and
    the talks held during it, or a pair's meeting on the sidelines of a group's summit, are two events."""
    oa, ob = _occasion(a), _occasion(b)
    if oa and ob and not oa & ob:
        return True
    ma, mb = _meeting_modes(a), _meeting_modes(b)
    return bool(ma and mb and not ma & mb)


def _weak_date(e: Event) -> bool:
    """No time expression of its own: the date was inherited, or there is none."""
    return not e.date or not e.date_text


def norm_name(s: str) -> str:
    """A name compared across reports: lower case, hyphens as spaces, one space between words."""
    return " ".join(s.replace("-", " ").lower().split())


def _words(text: str) -> list[str]:
    """Lower-case words, each in one spelling (link_words.json spellings: "defence" and "defense" are one)."""
    sp = _cues()["spellings"]
    return [sp.get(w, w) for w in re.findall(r"[a-z][a-z0-9]+", text.lower())]


def name_words(e: Event) -> frozenset[str]:
    """The words of the names of the report's parties (as they are written and as resolved)."""
    return _feat(e, "name_words", lambda e: frozenset(w for x in e.actor + e.recipient
                                                      for w in _words(f"{x.raw_text} {x.entity_name}")))


def content_words(e: Event) -> set[str]:
    return _feat(e, "words", lambda e: {w for w in _words(" ".join(sp.text for sp in e.evidence))
                                        if w not in STOP and len(w) > 2})


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@functools.lru_cache(maxsize=65536)
def _date(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        y, m, d = (s + "-01-01")[:10].split("-")
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


@functools.lru_cache(maxsize=65536)
def _span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a YYYY / YYYY-MM / YYYY-MM-DD value covers."""
    if not value:
        return None
    lo = _date(value)
    if lo is None:
        return None
    if len(value) == 4:
        return lo, dt.date(lo.year, 12, 31)
    if len(value) == 7:
        nxt = dt.date(lo.year + (lo.month == 12), lo.month % 12 + 1, 1)
        return lo, nxt - dt.timedelta(days=1)
    return lo, lo


def _dates_apart(x: str | None, y: str | None, cfg) -> bool:
    """Two dates of reports' own further apart than one event's reports are dated: more days between their
    spans than `date_window_days` (a day told differently), or, when neither names a day (a month or a
    year), than `coarse_date_window_days` ("in 2025" and "in 2026" touch at the new year, and are two
    years); False when either is missing."""
    sx, sy = _span(x), _span(y)
    if not (sx and sy):
        return False
    gap = max((sy[0] - sx[1]).days, (sx[0] - sy[1]).days, 0)
    coarse = len(x) in (4, 7) and len(y) in (4, 7)
    return gap > (cfg.coarse_date_window_days if coarse else cfg.date_window_days)


def _person_names(e: Event) -> set[str]:
    return _feat(e, "names", lambda e: {x.entity_name for x in e.actor + e.recipient if x.entity_type == "person"})


def _occasion_kinds(text: str) -> list[str]:
    """The kinds of occasion a text speaks of (a journey, a gathering...: link_words.json)."""
    ws = set(_words(text))
    return sorted(k for k, nouns in _cues()["occasion_kinds"].items() if ws & set(nouns))
