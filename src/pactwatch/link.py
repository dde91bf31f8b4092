"""Cross-document stage: one record per real-world event, agreements, commitments, actors.

Runs after the store has the per-document events (store -> link -> store):

- **Canonical events.** Two events from different documents are *linked* when a deterministic,
  explainable test says they report the same real-world event (same category and kind,
  overlapping participants, no conflicting people, place, agreement or date, dates within a
  window, similar evidence where the category is too generic to tell otherwise). A canonical
  event is a connected component of links (split where its reports conflict); its id is the
  smallest member id. Linking stays bounded: a new report is compared with each group of linked
  reports it could belong to only until one member matches, and only a spanning set of each
  canonical event's links is stored, with its reasons (k - 1 links for k reports of one event,
  not k^2/2). That set is a function of the reports alone (Kruskal's tree over the matching pairs
  ordered by id, see `_spanning_links`), so the result does not depend on the order documents
  arrived in, and an incremental update (recomputing the canonical events it touches) stores
  exactly what a rebuild stores.
- **Commitments.** Every canonical AGREE event (a promise, proposal, plan, offer, invitation,
  future meeting, "will sign") is a commitment. A later canonical event that carries it out
  closes it as *fulfilled*; a later cancellation as *withdrawn*; one past its due date with no
  sign as *overdue*; otherwise it is *open*. Status is as of the latest document date.
- **Agreements.** Canonical events that name or type an agreement build agreement objects with
  dated, cited stages (proposed, negotiating, to_be_signed, signed, in_force, suspended, withdrawn).
- **Actors.** A registry over all mentions: one record per person or organisation with aliases,
  countries, roles with the dates they were reported, and the mentions' sources.

Thresholds live in `LinkConfig` and can be changed by the caller.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Iterable

from . import lexicon
from .model import Event, Location
from .places import same_place

MEETING_WORDS = {"meet", "met", "meets", "meeting", "talks", "talk", "summit", "visit", "visited", "visits",
                 "visiting", "trip", "host", "hosted", "session", "conference", "dialogue", "consultations",
                 "negotiations", "held", "hold", "call", "called", "travel", "arrive", "arrived", "convene"}
STOP = set("""a an the and or of to in on at for with by from as is are was were be been being will would shall
should can could may might must has have had do does did it its their his her they them he she we our this that
these those there here said says say told tell added add also than then but not no new other more most such
two both first second last next week month year years day days today yesterday monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november december
minister ministers president prime official officials government governments country countries side sides
which who whom what when where while after before during about over under into up out its ministry
statement according reporters agency news spokesperson plan plans planned still""".split())


def _cue(pattern: str) -> re.Pattern:
    """A word-cue regex of link_words.json: whole words, ignoring case."""
    return re.compile(r"(?<![A-Za-z])(?:" + pattern + r")(?![A-Za-z])", re.I)


@functools.lru_cache(maxsize=1)
def _cues() -> dict:
    """The word cues of data/link_words.json (stage cues, cancellations, agreement kinds), compiled."""
    raw = lexicon.read_json("link_words.json")
    return {"stage": {k: _cue(v) for k, v in raw["stage_cues"].items()},
            "cancel": _cue(raw["cancel"]), "done_nouns": _cue(raw["done_nouns"]), "meeting_act": _cue(raw["meeting_act"]), "spellings": raw.get("spellings", {}),
            "refers_back": re.compile(raw["refers_back"], re.I), "aim": _cue(raw["aim_of_talks"]), "aim_types": raw["aim_types"],
            "kinds": [(k, _cue(v)) for k, v in raw["agreement_kinds"].items()],
            "occasions": raw["occasions"], "occasion_kinds": raw["occasion_kinds"],
            "plan_rules": raw.get("plan_rules", []), "borrowed_date_rules": raw.get("borrowed_date_rules", []),
            "flow_date_rules": raw.get("flow_date_rules", [])}


@dataclass
class LinkConfig:
    """Thresholds of the same-event test and of commitment matching."""
    date_window_days: int = 2          # reports of one event: dated at most this far apart
    undated_window_days: int = 10      # when one report gives no date: its document within this window
    min_country_jaccard: float = 0.5   # participant countries must overlap this much
    min_text_similarity: float = 0.34  # for generic promises, whose category alone says little
    bonus_similarity: float = 0.5      # near-copies: this similar merges despite missing details
    fulfil_min_overlap: float = 0.5    # share of the commitment's words in the event that carries it out
    withdraw_min_overlap: float = 0.4  # the same, for a report that calls it off (its wording says so)
    due_slack_days: int = 0            # overdue once the as-of date is past due + slack
    meeting_other_countries: int = 1   # two meeting reports: one may name at most this many countries the other does not
    late_meeting_days: int = 92        # a promised gathering held this long after it was due can still keep it
    recall_min_days: int = 30          # a past act recalled: its own date ends this long before both articles


# ---------------------------------------------------------------------------------------------- features
_FEATURES: dict[int, dict] = {}


def _feat(e: Event, name: str, fn):
    """Per-event features are computed once per event object (events are not changed once loaded)."""
    d = _FEATURES.get(id(e))
    if d is None or d.get("_ref") is not e:
        if len(_FEATURES) > 200_000:
            _FEATURES.clear()
        d = _FEATURES[id(e)] = {"_ref": e}
    if name not in d:
        d[name] = fn(e)
    return d[name]


def countries(e: Event) -> set[str]:
    return _feat(e, "countries", lambda e: {x.country for x in e.actor + e.recipient if x.country})


def people(e: Event) -> set[str]:
    return _feat(e, "people", lambda e: {_norm(x.entity_name) for x in e.actor + e.recipient
                                         if x.entity_type == "person"})


def kind(e: Event) -> str:
    return _feat(e, "kind", _kind)


def _kind(e: Event) -> str:
    """meeting | accord | other: what an AGREE (or any) event is about. The coder's own class
    (`Event.kind`) where it names a meeting or an accord: it saw the noun the event is about; for an
    AGREE it classed as a plain event, or an old record without a class, the words of its trigger and
    first clause tell a promised meeting ("plans to travel") or signing ("would sign")."""
    if e.event_type == "CONSULT":
        return "meeting"
    if e.kind in ("meeting", "accord") and e.event_type in ("AGREE", "SUPPORT", "REJECT"):
        return e.kind
    if e.event_type not in ("AGREE", "SUPPORT", "REJECT"):
        return "other"
    if e.agreement or e.event_type == "SUPPORT":
        return "accord"     # a signing is the signing of something
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
    w = _words(e.trigger or "")
    return w[0] if w else ""


def _occasion(e: Event) -> frozenset:
    """The kinds of occasion a meeting's trigger word names (link_words.json occasion_kinds: a
    journey, a gathering); none for other records or a word of neither."""
    def of(e):
        w = _trigger(e)
        forms = {w, re.sub(r"(?:ing|ed|s)$", "", w)}
        return frozenset(k for k, nouns in _cues()["occasion_kinds"].items() if forms & set(nouns))
    return _feat(e, "occasion", of) if kind(e) == "meeting" else frozenset()


def _other_occasion(a: Event, b: Event) -> bool:
    """One meeting report names a journey and the other a gathering ('a state visit', 'the summit'):
    a visit and the talks held during it are two events."""
    oa, ob = _occasion(a), _occasion(b)
    return bool(oa and ob and not oa & ob)


def _weak_date(e: Event) -> bool:
    """No time expression of its own: the date was inherited, or there is none."""
    return not e.date or not e.date_text


def _norm(s: str) -> str:
    return " ".join(s.replace("-", " ").lower().split())


def _words(text: str) -> list[str]:
    """Lower-case words, each in one spelling (link_words.json spellings: "defence" and "defense" are one)."""
    sp = _cues()["spellings"]
    return [sp.get(w, w) for w in re.findall(r"[a-z][a-z0-9]+", text.lower())]


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


def _far_apart(a: Event, b: Event, cfg: LinkConfig) -> bool:
    """Both carry dates of their own, further apart than the window (promises excepted: they may be
    dated when made). Implied by `same_event`'s own tests; checked first because it is cheap."""
    if a.event_type == "AGREE" or a.event_type != b.event_type or _weak_date(a) or _weak_date(b):
        return False
    sa_, sb_ = _span(a.date), _span(b.date)
    return bool(sa_ and sb_ and max((sb_[0] - sa_[1]).days, (sa_[0] - sb_[1]).days, 0) > cfg.date_window_days)


# ---------------------------------------------------------------------------------------------- same event
def same_event(a: Event, b: Event, doc_dates: dict[str, str | None], cfg: LinkConfig) -> dict | None:
    """Reasons why a and b (from different documents) report the same event, or None."""
    if a.doc_id == b.doc_id or a.event_type != b.event_type or kind(a) != kind(b):
        return None
    if (a.aux_mode or None) != (b.aux_mode or None) or _other_occasion(a, b):
        return None
    ca, cb = countries(a), countries(b)
    cj = jaccard(ca, cb)
    placed = bool(a.location and b.location and _norm(a.location.name) == _norm(b.location.name))
    pa, pb = people(a), people(b)
    if not ca or not cb:
        if not placed and not pa & pb:
            return None   # a report naming no country is matched by place or by the people it names
    elif not ca & cb or cj < cfg.min_country_jaccard:
        return None
    elif a.event_type == "CONSULT" and max(len(ca - cb), len(cb - ca)) > cfg.meeting_other_countries:
        return None     # a bilateral on the sidelines is not the group's meeting, nor the group's another's
    if pa and pb and not pa & pb:
        return None
    reasons: dict = {"same_type": a.event_type, "kind": kind(a), "shared_countries": sorted(ca & cb),
                     "country_jaccard": round(cj, 2)}
    if pa & pb:
        reasons["shared_people"] = sorted(pa & pb)
    if a.location and b.location:
        if not same_place(a.location, b.location):
            return None
        reasons["same_place"] = a.location.name
    na = (a.agreement or {}).get("name")
    nb = (b.agreement or {}).get("name")
    if na and nb:
        if _norm(na) != _norm(nb):
            return None
        reasons["same_agreement"] = na
    sa_, sb_ = _span(a.date), _span(b.date)
    weak = _weak_date(a) or _weak_date(b)
    if weak:
        # a background mention ("the memorandum signed in Paris", "the restrictions Beijing imposed")
        # has no date of its own: only its article's date bounds it, and stronger evidence is needed
        reasons["date"] = "one report gives no date of its own"
        sa_ = sb_ = None
        da, db = _date(doc_dates.get(a.doc_id)), _date(doc_dates.get(b.doc_id))
        other_day = _span(a.date if not _weak_date(a) else b.date if not _weak_date(b) else None)
        later_doc = db if _weak_date(b) else da
        if other_day and later_doc and later_doc < other_day[0] - dt.timedelta(days=cfg.undated_window_days) \
                and a.event_type != "AGREE":
            return None     # reported before it happened
    elif sa_ and sb_:
        gap = max((sb_[0] - sa_[1]).days, (sa_[0] - sb_[1]).days, 0)
        if gap > cfg.date_window_days:
            if not (a.event_type == "AGREE" and _made_when_dated(a, b, doc_dates, cfg)):
                return None
            reasons["promise_dated_when_made"] = True
        else:
            reasons["date_gap_days"] = gap
    if not weak and not (sa_ and sb_):
        da, db = _date(doc_dates.get(a.doc_id)), _date(doc_dates.get(b.doc_id))
        if da and db:
            # an undated report: its article must be close to the other's date (or article)
            other = sa_ or sb_
            ref = (other[0] if other else (da if sa_ else db))
            mine = db if sa_ else da
            gap = abs((mine - ref).days) if other else abs((da - db).days)
            if gap > cfg.undated_window_days:
                return None
            reasons["undated_within_days"] = gap
    sim = jaccard(content_words(a), content_words(b))
    reasons["evidence_similarity"] = round(sim, 2)
    # besides compatibility, positive evidence that it is the same occasion
    same_parties = len(ca) >= 2 and ca == cb
    dated_same_day = "date_gap_days" in reasons and reasons["date_gap_days"] <= 1 and len(a.date or "") == 10 \
        and len(b.date or "") == 10
    same_trigger = _trigger(a) == _trigger(b) and bool(_trigger(a))
    if same_trigger:
        reasons["same_trigger"] = _trigger(a)
    nested = ca <= cb or cb <= ca
    recalled = _recalled_past(a, b, doc_dates, cfg)
    if recalled:
        reasons["recalled_past_act"] = sorted(_actor_countries(a))
    announced = not weak and nested and _announced_alike(a, b)
    if announced:
        reasons["same_planned_occasion"] = announced
    if weak and not (pa & pb or "same_place" in reasons or "same_agreement" in reasons
                     or sim >= cfg.min_text_similarity or (same_trigger and same_parties) or recalled):
        return None
    if not (pa & pb or "same_place" in reasons or "same_agreement" in reasons or sim >= cfg.min_text_similarity
            or (same_parties and (dated_same_day or same_trigger))
            or (dated_same_day and nested and a.event_type in ("CONSULT", "SUPPORT")) or recalled or announced):
        return None
    if len(ca & cb) < min(2, len(ca), len(cb)) and not (pa & pb or sim >= cfg.bonus_similarity):
        return None     # one shared country is not enough when both name two
    if (not ca or not cb) and not (sim >= cfg.min_text_similarity or same_trigger or pa & pb):
        return None
    if a.event_type == "AGREE" and kind(a) == "other" and sim < cfg.min_text_similarity and not (
            pa & pb and (sim > 0.2 or same_trigger)) and not _recalled_alike(a, b, doc_dates, cfg):
        return None     # two different promises of the same parties on the same day
    if a.event_type not in ("CONSULT", "AGREE", "SUPPORT") and sim < cfg.min_text_similarity / 2 and not (
            pa & pb or recalled):
        return None     # generic conflict categories: the wording must agree somewhat
    return reasons


def _announced_alike(a: Event, b: Event) -> str:
    """Two announcements of one planned gathering ("a South Korea summit is planned for six months from
    now" / "South Korea and Britain will host a summit in Seoul in May"): meetings promised, each dated
    by its own words to the same month or day, speaking of the same kind of occasion (link_words.json
    occasion_kinds), with the parties of one among the other's (checked by the caller); the occasion
    kind, else ""."""
    if a.event_type != "AGREE" or kind(a) != "meeting" or kind(b) != "meeting" or a.date != b.date \
            or len(a.date or "") < 7 or not _own_dated(a, ahead=True) or not _own_dated(b, ahead=True):
        return ""
    shared = set(_occasion_kinds(" ".join(sp.text for sp in a.evidence))) & set(
        _occasion_kinds(" ".join(sp.text for sp in b.evidence)))
    return "/".join(sorted(shared))


def _actor_countries(e: Event) -> set[str]:
    return {x.country for x in e.actor if x.country}


def _recalled_past(a: Event, b: Event, doc_dates: dict, cfg: LinkConfig) -> bool:
    """Two articles recall a past act of one doer ("In July 2019 Tokyo tightened its export controls",
    "in 2019, Tokyo imposed export controls"): the same category, done (no modality), by the same
    countries, to compatible ones (one names none, or they share one), each dated by its own words
    (a year holds a month of it) long before both articles (`recall_min_days`). Promises and
    meetings, which the same parties make many of in a year, need their own test (`_recalled_alike`).
    A report dated only by the clause before it ("downgraded Seoul in 2019 after imposing export
    controls") counts when the coder found both acts by the same rule."""
    if a.event_type in ("AGREE", "CONSULT") or a.aux_mode or b.aux_mode:
        return False
    inherited = [e for e in (a, b) if not _own_dated(e)]
    if any(not e.date or set((e.why or {}).get("date") or ()) != {"date.inherited"} for e in inherited):
        return False
    xa, xb = _actor_countries(a), _actor_countries(b)
    if not xa or xa != xb:
        return False
    ra, rb = countries(a) - xa, countries(b) - xb
    if ra and rb and not ra & rb:
        return False
    sa_, sb_ = _span(a.date), _span(b.date)
    if not sa_ or not sb_ or max((sb_[0] - sa_[1]).days, (sa_[0] - sb_[1]).days) > 0:
        return False
    made = [_date(doc_dates.get(e.doc_id)) for e in (a, b)]
    end = max(sa_[1], sb_[1])
    return all(made) and all((m - end).days > cfg.recall_min_days for m in made) and (
        _same_rule(a, b) if inherited else _same_act(a, b))


def _same_rule(a: Event, b: Event) -> bool:
    """The coder found both reports' category by the same rule (its first trace of the category)."""
    ra, rb = ((x.why or {}).get("event_type") or [None] for x in (a, b))
    return bool(ra[0] and ra[0] == rb[0])


def _same_act(a: Event, b: Event) -> bool:
    """Two reports tell one kind of act: the coder found it by the same rule (its trace of the
    category: "triggers.tsv:impose/V", a list of measures), or they share a word besides the parties'
    names ("imposed export controls" / "tightened its controls on exports"): "downgraded Seoul" and
    "imposed export controls" are two acts of one year."""
    if _same_rule(a, b):
        return True
    names = {w for e in (a, b) for x in e.actor + e.recipient for w in _words(f"{x.raw_text} {x.entity_name}")}
    return bool((content_words(a) & content_words(b)) - names)


def _own_dated(e: Event, ahead: bool = False) -> bool:
    """The report dates the act by its own words (a time expression the coder did not borrow), read
    backwards from the article unless `ahead` (a plan's time, read forwards, is its own too)."""
    rules = set((e.why or {}).get("date") or ())
    return bool(e.date and e.date_text and not rules & set(_cues()["borrowed_date_rules"])
                and (ahead or "date.read_ahead_for_plans" not in rules))


def _recalled_alike(a: Event, b: Event, doc_dates: dict, cfg: LinkConfig) -> bool:
    """Two articles recall an agreement of the past in the same terms: the same parties, category word
    and topic, and the same date of their own ("in May"), well before either article."""
    if _weak_date(a) or _weak_date(b) or a.date != b.date or _trigger(a) != _trigger(b) or not _trigger(a):
        return False
    if len(countries(a)) < 2 or countries(a) != countries(b) or not set(a.topics) & set(b.topics):
        return False
    end = _span(a.date)
    made = [_date(doc_dates.get(e.doc_id)) for e in (a, b)]
    return bool(end and all(made) and all((m - end[1]).days > cfg.date_window_days for m in made))


# ---------------------------------------------------------------------------------------------- updating
@dataclass
class LinkReport:
    new_links: int = 0
    clusters_touched: int = 0
    commitments: int = 0
    agreements: int = 0
    dropped_links: int = 0        # links no longer in a canonical event's spanning set
    comparisons: int = 0          # pairs of reports tested with `same_event`

    def __str__(self) -> str:
        return (f"linked: {self.new_links} new cross-document link(s), {self.clusters_touched} canonical "
                f"event(s) updated, {self.commitments} commitment(s) and {self.agreements} agreement(s) refreshed")


class _Loaded:
    """Events loaded from the store once per update (the store is the only source)."""

    def __init__(self, store):
        self.store, self.cache = store, {}
        self.dates = _DocDates(store)

    def __call__(self, ids) -> list[Event]:
        ids = list(ids)
        missing = [i for i in ids if i not in self.cache]
        if missing:
            self.cache.update({e.id: e for e in self.store.events_by_ids(missing)})
        return [self.cache[i] for i in ids if i in self.cache]


def update(store, doc_ids: Iterable[str], cfg: LinkConfig | None = None,
           stale_clusters: Iterable[str] = (), derived: bool = True, load=None) -> LinkReport:
    """Link the events of these (new or changed) documents into the cross-document layer.

    The work is bounded by the reports, not by their pairs: a new report is compared with each
    group of already linked reports it could belong to only until one member matches, and a
    canonical event stores a spanning set of its links (`_spanning_links`), so k reports of one
    event cost about k comparisons and k - 1 links, not k^2/2 of each. `derived=False` leaves
    commitments and agreements to the caller (a rebuild refreshes them once at the end); `load`
    (a `_Loaded`) lets a rebuild read each event once for all its steps."""
    load = load or _Loaded(store)
    cfg = cfg or LinkConfig()
    report = LinkReport()
    stale_clusters = set(stale_clusters)
    new_ids = store.event_ids(doc_ids)
    if not new_ids and not stale_clusters:
        return report
    # reports that were linked to a replaced document's events are compared again, like new ones:
    # their stored links may have gone through an event that no longer exists
    stale_ids: set[str] = set()
    if stale_clusters:
        stale_ids = _closure(store, {m for ms in store.cluster_members(stale_clusters).values() for m in ms})[0]
    match = _Matcher(load.dates, cfg)
    seed_ids = set(new_ids) | stale_ids
    while True:
        seeds, _, events, forest = _discover(store, load, seed_ids, match)
        touched = {forest.find(e.id) for e in seeds}
        joined = {m for r in touched for m in forest.members[r]} - seed_ids
        if not stale_clusters or not joined:
            break
        # after a replacement, the groups the others joined are compared again too, until none is
        # left: whatever is still one event with them is found by comparisons, not by stored links
        seed_ids |= _closure(store, joined)[0]
    # 2. the whole canonical events concerned: the groups reached, with every report their stored
    #    links reach, and the new reports
    nodes = {m for r in touched for m in forest.members[r]}
    reached, stored = _closure(store, nodes)
    match.cache.update(stored)      # stored links are known matches: not compared again
    units = _Union()
    for r in touched:
        ms = forest.members[r]
        for m in ms[1:]:
            units.union(ms[0], m)
    for a, b in stored:
        units.union(a, b)
    for n in reached | nodes:
        units.find(n)
    loaded = {e.id: e for e in load(sorted(reached - set(events)))}
    events.update(loaded)
    match.doc_dates.need({e.doc_id for e in loaded.values()})
    # 3. per canonical event: its reports split where they conflict, its spanning set of links
    mapping: dict[str, str] = {}
    want: dict[tuple[str, str], dict] = {}
    for members in units.groups():
        evs = [events[m] for m in sorted(members) if m in events]
        parts = _split(evs, match, cfg)
        for p in parts:
            mapping.update({m: p[0] for m in p})
        want.update(_spanning_links(evs, parts, events, match))
    drop = sorted(set(stored) - set(want))
    add = [(a, b, why) for (a, b), why in sorted(want.items()) if (a, b) not in stored]
    _drop_links(store, drop)
    store.add_links(add)
    report.new_links, report.dropped_links, report.comparisons = len(add), len(drop), match.tests
    store.set_clusters(mapping)
    report.clusters_touched = len(set(mapping.values()))
    if derived:
        scope = set()
        for e in load(mapping):
            scope |= countries(e)
        report.commitments, report.agreements = refresh_derived(store, scope, cfg, load)
    return report


def _discover(store, load, seed_ids: set[str], match) -> tuple[list[Event], list[Event], dict, "_Forest"]:
    """1. Which reports belong together: the linked reports already stored form groups (one per
    canonical event, no comparisons); each of these reports joins every group it matches a member of."""
    seeds = load(sorted(seed_ids))
    seed_ids = {e.id for e in seeds}
    old = load(sorted(_candidates(store, seeds) - seed_ids))
    events = {e.id: e for e in old + seeds}
    match.doc_dates.need({e.doc_id for e in events.values()})
    forest = _Forest()
    part = store.clusters(e.id for e in old)
    for e in sorted(old, key=lambda e: e.id):
        forest.add(e)
        first = part.get(e.id, e.id)
        if first in forest.parent:
            forest.union(first, e.id)
        else:
            forest.alias(first, e.id)
    for e in sorted(seeds, key=lambda e: e.id):
        forest.add(e)
        _attach(forest, e, events, match)
    return seeds, old, events, forest


def _person_names(e: Event) -> set[str]:
    return _feat(e, "names", lambda e: {x.entity_name for x in e.actor + e.recipient if x.entity_type == "person"})


def _keys(e: Event) -> list[tuple]:
    """What a report is found by: its category with each country, person and place it names."""
    t = e.event_type
    return ([("c", t, c) for c in sorted(countries(e))] + [("p", t, n) for n in sorted(_person_names(e))]
            + ([("l", t, e.location.name)] if e.location else []))


def _candidate_pair(a: Event, b: Event) -> bool:
    """The pairs that are compared at all: the same category from two documents, sharing a country;
    or, when one names no country, sharing a person; or at the same place when one names no
    country or both are meetings."""
    if a.doc_id == b.doc_id or a.event_type != b.event_type:
        return False
    ca, cb = countries(a), countries(b)
    if ca & cb:
        return True
    open_ = not ca or not cb
    if open_ and _person_names(a) & _person_names(b):
        return True
    return bool(a.location and b.location and a.location.name == b.location.name
                and (open_ or a.event_type == "CONSULT"))


def _candidates(store, seeds: list[Event]) -> set[str]:
    """Ids of the stored events that some of these reports are compared with (a superset)."""
    out: set[str] = set()
    if not seeds:
        return out
    wanted = {(e.event_type, c) for e in seeds for c in countries(e)}
    index = store.candidate_index({t for t, _ in wanted}, {c for _, c in wanted})
    for key, rows in index.items():
        if key in wanted:
            out.update(ev for ev, _ in rows)
    with_c = {n for e in seeds if countries(e) for n in _person_names(e)}
    without_c = {n for e in seeds if not countries(e) for n in _person_names(e)}
    for names, only in ((with_c, True), (without_c, False)):
        for rows in store.candidate_event_ids_with_people(names, only).values():
            out.update(ev for ev, _, _ in rows)
    places = {(e.event_type, e.location.name, bool(countries(e)) and e.event_type != "CONSULT")
              for e in seeds if e.location}
    for typ, place, only in sorted(places):
        out.update(store.candidate_event_ids_at(typ, place, "", only))
    return out


class _DocDates(dict):
    """Document dates, read from the store for the events loaded."""

    def __init__(self, store):
        super().__init__()
        self.store = store

    def need(self, docs) -> None:
        missing = {d for d in docs if d not in self}
        if missing:
            got = self.store.document_dates(missing)
            self.update({d: got.get(d) for d in missing})

    def get(self, key, default=None):
        if key not in self:
            self.need([key])
        return super().get(key, default)


class _Matcher:
    """`same_event` for the pairs that are compared at all, each pair once, in one order."""

    MAX_CACHED_MISSES = 2_000_000

    def __init__(self, doc_dates: dict, cfg: LinkConfig):
        self.doc_dates, self.cfg = doc_dates, cfg
        self.cache: dict[tuple[str, str], dict | None] = {}
        self.tests = self.misses = 0

    def __call__(self, x: Event, y: Event) -> dict | None:
        a, b = (x, y) if x.id < y.id else (y, x)
        key = (a.id, b.id)
        if key in self.cache:
            return self.cache[key]
        why = None
        if _candidate_pair(a, b) and not _far_apart(a, b, self.cfg):
            self.tests += 1
            why = same_event(a, b, self.doc_dates, self.cfg)
        if why is not None or self.misses < self.MAX_CACHED_MISSES:
            self.misses += why is None
            self.cache[key] = why
        return why


class _Union:
    """Union-find over ids."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        p = self.parent.setdefault(x, x)
        while p != x:
            self.parent[x] = self.parent[p]
            x, p = p, self.parent[p]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return sorted((sorted(v) for v in out.values()), key=lambda v: v[0])


class _Forest(_Union):
    """Groups of linked reports: union-find with each group's members in ascending id order and an
    index from `_keys` to the groups that hold a report with that key."""

    def __init__(self):
        super().__init__()
        self.members: dict[str, list[str]] = {}
        self.index: dict[tuple, list[str]] = {}
        self.days: dict[str, tuple | None] = {}     # root -> (category, first day, last day) of its reports

    def add(self, e: Event) -> None:
        self.parent[e.id] = e.id
        self.members[e.id] = [e.id]
        self.days[e.id] = _days(e)
        for k in _keys(e):
            self.index.setdefault(k, []).append(e.id)

    def alias(self, name: str, x: str) -> None:
        """`name` (a stored cluster id whose report is not loaded) stands for x's group."""
        self.parent[name] = x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        big, small = self.members[ra], self.members.pop(rb)
        if big[-1] < small[0]:
            big.extend(small)
        else:
            big[:] = sorted(big + small)
        self.parent[rb] = ra
        x, y = self.days[ra], self.days.pop(rb)
        self.days[ra] = (x[0], min(x[1], y[1]), max(x[2], y[2])) if x and y and x[0] == y[0] else None

    def groups_of(self, e: Event) -> set[str]:
        """The groups holding a report that e could be compared with."""
        out: set[str] = set()
        for k in _keys(e):
            roots = {self.find(r) for r in self.index.get(k, ())}
            self.index[k] = sorted(roots)
            out |= roots
        return out


def _days(e: Event) -> tuple | None:
    """(category, first day, last day) of a report that `_far_apart` can rule out by date, else None."""
    if e.event_type == "AGREE" or _weak_date(e):
        return None
    span = _span(e.date)
    return (e.event_type, span[0], span[1]) if span else None


def _attach(forest: _Forest, e: Event, events: dict, match) -> list[tuple[str, str, dict]]:
    """Join e to each other group it reports the same event as; the link chosen in a group is the
    one to its smallest matching member (the group's members are compared in ascending order, and
    the comparisons stop at the first match)."""
    mine = forest.find(e.id)
    found = []
    mine_days = _days(e)
    for r in sorted(forest.groups_of(e) - {mine}):
        theirs = forest.days[r]
        if mine_days and theirs and mine_days[0] == theirs[0] and max(
                (theirs[1] - mine_days[2]).days, (mine_days[1] - theirs[2]).days) > match.cfg.date_window_days:
            continue      # every report of that group is firmly dated days away (see `_far_apart`)
        for y in forest.members[r]:
            why = match(events[y], e)
            if why is not None:
                found.append((y, why))
                break
    for y, _ in found:
        forest.union(y, e.id)
    return [((y, e.id) if y < e.id else (e.id, y)) + (why,) for y, why in found]


def _spanning_links(evs: list[Event], parts: list[list[str]], events: dict, match) -> dict[tuple[str, str], dict]:
    """The links stored for one connected set of reports: a spanning tree of the set, and one of
    each canonical event it is split into (when it is split). Each tree is the one Kruskal's
    algorithm gives over the matching pairs ordered by (larger id, smaller id): every report in
    ascending id order is linked to the smallest matching report of each group of earlier ones.
    It depends on the reports only, so an incremental update stores what a rebuild stores."""
    out: dict[tuple[str, str], dict] = {}
    sets = [sorted(e.id for e in evs)]
    if len(parts) > 1:
        sets += [p for p in parts if len(p) > 1]
    for ids in sets:
        forest = _Forest()
        for x in ids:
            forest.add(events[x])
            for a, b, why in _attach(forest, events[x], events, match):
                out[(a, b)] = why
    return out


def _closure(store, ids: set[str]) -> tuple[set[str], dict[tuple[str, str], dict]]:
    """These reports, the other members of their canonical events, and all that stored links
    reach from them; with the stored links among them and their reasons."""
    nodes = set(ids)
    clusters = store.clusters(nodes)
    for ms in store.cluster_members(set(clusters.values())).values():
        nodes.update(ms)
    edges: dict[tuple[str, str], dict] = {}
    frontier, seen = set(nodes), set()
    while frontier:
        seen |= frontier
        nxt = set()
        for a, b, why in store.links(frontier):
            edges[(a, b)] = why
            nxt.update((a, b))
        frontier = nxt - seen
    return seen, edges


def _drop_links(store, pairs: list[tuple[str, str]]) -> None:
    """Remove stored links that are no longer in a canonical event's spanning set."""
    if pairs:
        store.drop_links(pairs)


def _facts_conflict(a: Event, b: Event, cfg: LinkConfig, doc_dates: dict | None = None) -> bool:
    """Facts that rule out one event, even if a chain of links joins them (besides coming from one
    document): the people, places and dates of two reports."""
    pa, pb = people(a), people(b)
    if pa and pb and not pa & pb:
        return True
    if _other_occasion(a, b):
        return True
    if a.location and b.location and not same_place(a.location, b.location):
        return True
    if not _weak_date(a) and not _weak_date(b):
        sa_, sb_ = _span(a.date), _span(b.date)
        if sa_ and sb_ and max((sb_[0] - sa_[1]).days, (sa_[0] - sb_[1]).days, 0) > cfg.date_window_days:
            return not (a.event_type == b.event_type == "AGREE" and doc_dates is not None
                        and _made_when_dated(a, b, doc_dates, cfg))
    return False


def _conflict_key(e: Event, doc_dates: dict) -> tuple:
    """Everything `_facts_conflict` reads of a report: two reports with the same key never conflict
    (unless they come from one document), and a third conflicts with both or with neither."""
    loc = e.location
    return (e.event_type, frozenset(people(e)),
            (loc.name, loc.country, loc.lat, loc.lon, loc.geonames_id) if loc else None,
            None if _weak_date(e) else e.date,
            doc_dates.get(e.doc_id) if e.event_type == "AGREE" else None, _occasion(e))


def _made_when_dated(a: Event, b: Event, doc_dates: dict, cfg: LinkConfig) -> bool:
    """A promise is dated by what it promises ("will sign in May") or by when it was made ("announced
    the signing in January"): two reports agree when one's date is the other's report date."""
    for x, y in ((a, b), (b, a)):
        sx, made = _span(x.date), _date(doc_dates.get(y.doc_id))
        if sx and made and sx[0] - dt.timedelta(days=cfg.date_window_days) <= made <= sx[1] + dt.timedelta(
                days=cfg.date_window_days):
            return True
    return False


def _split(evs: list[Event], match, cfg: LinkConfig) -> list[list[str]]:
    """A connected set of reports whose members conflict is split: members in a fixed order (date,
    id) join the first part they match a member of and conflict with no one in; the order does not
    depend on when documents arrived, so neither does the result. Conflicts are tested between
    distinct `_conflict_key`s, not between all pairs of reports."""
    ids = sorted(e.id for e in evs)
    if len(evs) <= 2:
        return [ids]
    dd = match.doc_dates
    by = {e.id: e for e in evs}
    key = {e.id: _conflict_key(e, dd) for e in evs}
    rep: dict[tuple, Event] = {}
    for m in ids:
        rep.setdefault(key[m], by[m])
    memo: dict[tuple, bool] = {}

    def clash(s, t) -> bool:
        if s == t:
            return False
        if (s, t) not in memo:
            memo[(s, t)] = memo[(t, s)] = _facts_conflict(rep[s], rep[t], cfg, dd)
        return memo[(s, t)]

    keys = list(rep)
    if len({e.doc_id for e in evs}) == len(evs) and not any(
            clash(s, t) for i, s in enumerate(keys) for t in keys[i + 1:]):
        return [ids]
    order = sorted(ids, key=lambda m: ((by[m].date or "9999") if not _weak_date(by[m]) else "9999", m))
    parts: list[tuple[list[str], set[str], dict[tuple, list[str]]]] = []
    for m in order:
        e, s = by[m], key[m]
        home = None
        for p in parts:
            if e.doc_id in p[1] or any(clash(s, t) for t in p[2]):
                continue
            same = p[2].get(s, [])
            if any(match(e, by[o]) is not None for o in same) or any(
                    match(e, by[o]) is not None for o in p[0] if key[o] != s):
                home = p
                break
        if home is None:
            home = ([], set(), {})
            parts.append(home)
        home[0].append(m)
        home[1].add(e.doc_id)
        home[2].setdefault(s, []).append(m)
    return [sorted(p[0]) for p in parts]


def rebuild(store, cfg: LinkConfig | None = None) -> LinkReport:
    """Recompute the whole cross-document layer from the per-document events."""
    store.clear_links()
    docs = sorted(store.document_dates())
    report = LinkReport()
    cfg = cfg or LinkConfig()
    load = _Loaded(store)
    for i in range(0, len(docs), REBUILD_BATCH):
        r = update(store, docs[i:i + REBUILD_BATCH], cfg, derived=False, load=load)
        report.new_links += r.new_links - r.dropped_links
        report.comparisons += r.comparisons
    report.clusters_touched = len(set(store.clusters().values()))
    report.commitments, report.agreements = refresh_derived(store, None, cfg, load)
    return report


REBUILD_BATCH = 10_000   # documents linked per step of a rebuild (each step recomputes the canonical events it touches)


# ---------------------------------------------------------------------------------------------- canonical events
def current_roles(store, records: list[dict]) -> list[dict]:
    """Code every person in these records (canonical events, commitments) with the latest
    role the registry holds for them, unless the record's document is older than that role: a
    minister reported as "Science Minister" in August and as "Deputy Prime Minister" in October is
    the first in August's records and the second in October's. The role the report itself gave is
    kept as `reported_role` when it differs. Applied when records are read, so it always reflects
    every document stored."""
    people = [x for r in records for side in ("actor", "recipient") for x in r.get(side, [])
              if x.get("entity_type") == "person"]
    if not people:
        return records
    since: dict[str, dict[str, str]] = {}
    for row in store.roles_of({x["entity_name"] for x in people}):
        first = since.setdefault(_norm(row["entity_name"]), {})
        if row["date"] and (row["role"] not in first or row["date"] < first[row["role"]]):
            first[row["role"]] = row["date"]
    for r in records:
        as_of = r.get("first_reported") or r.get("made_on") or r.get("date") or ""
        for side in ("actor", "recipient"):
            for x in r.get(side, []):
                if x.get("entity_type") != "person":
                    continue
                known = [(d, role) for role, d in since.get(_norm(x["entity_name"]), {}).items() if d <= as_of[:10]]
                if known:
                    role = max(known)[1]
                    if role != x.get("role"):
                        x["reported_role"] = x.get("role")
                        x["role"] = role
    return records


def canonical_events(store, event_ids: Iterable[str] | None = None, load=None, coded_roles: bool = True) -> list[dict]:
    """Canonical event records (SCHEMA.md style) for the clusters of these events (all if None); people
    carry their current roles (see `current_roles`) unless `coded_roles` is False."""
    clusters = store.clusters(event_ids) if event_ids is not None else store.clusters()
    ids = list(event_ids) if event_ids is not None else store.event_ids()
    by_cluster: dict[str, list[str]] = {}
    for i in ids:
        by_cluster.setdefault(clusters.get(i, i), []).append(i)
    if event_ids is not None:
        members = store.cluster_members(by_cluster)
        for k, v in members.items():
            by_cluster[k] = sorted(set(by_cluster[k]) | set(v))
    events = {e.id: e for e in (load or store.events_by_ids)({i for v in by_cluster.values() for i in v})}
    doc_dates = store.document_dates({e.doc_id for e in events.values()})
    links = store.links(events) if events else []
    by_event: dict[str, list] = {}
    for ln in links:
        by_event.setdefault(ln[0], []).append(ln)
    out = []
    for cid, mids in by_cluster.items():
        evs = [events[i] for i in mids if i in events]
        if evs:
            out.append(_canonical(cid, evs, doc_dates, [ln for i in mids for ln in by_event.get(i, ())]))
    out.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["id"]))
    return current_roles(store, out) if coded_roles else out


def _flow_dated(e: Event) -> bool:
    """The event's date is one only its article's flow gave (the coder's trace: date.inherited,
    date.lead_from_next_sentence), not one stated for the act or its setting."""
    rules = set((e.why or {}).get("date") or ())
    return bool(rules) and rules <= set(_cues()["flow_date_rules"])


def _canonical(cid: str, evs: list[Event], doc_dates: dict, links) -> dict:
    evs = sorted(evs, key=lambda e: (doc_dates.get(e.doc_id) or "", e.doc_id, e.id))
    first = evs[0]
    pos = {id(e): i for i, e in enumerate(evs)}
    # the most precise date, of the earliest report; a date stated for the act (or its setting) before
    # one only the article's flow gave, and a flow date that is more than its report's own day first
    best_date = max((e for e in evs if e.date), key=lambda e: (
        not _flow_dated(e), not (_flow_dated(e) and (doc_dates.get(e.doc_id) or "").startswith(e.date)),
        len(e.date), -pos[id(e)]), default=None)
    loc = next((e.location for e in evs if e.location), None)
    seen_names, actors, recips = set(), [], []
    for e in evs:
        for side, bucket in ((e.actor, actors), (e.recipient, recips)):
            for x in side:
                key = (_norm(x.entity_name), x.country)
                if key not in seen_names:
                    seen_names.add(key)
                    bucket.append(x.to_dict())
    topics = []
    for e in evs:
        topics.extend(t for t in e.topics if t not in topics)
    agreement = None
    for e in evs:
        if e.agreement:
            agreement = dict(agreement or {}, **{k: v for k, v in e.agreement.items() if v})
    member_set = {e.id for e in evs}
    reasons = [{"a": a, "b": b, **r} for a, b, r in sorted(links, key=lambda ln: (ln[0], ln[1]))
               if a in member_set and b in member_set]     # in one order, whatever order the store gave
    docs = sorted({e.doc_id for e in evs})
    return {
        "id": cid, "event_type": first.event_type, "kind": kind(first), "mode": first.mode,
        "context": first.context, "aux_mode": first.aux_mode, "actor": actors, "recipient": recips,
        "date": best_date.date if best_date else None,
        "date_precision": best_date.date_precision if best_date else None,
        "location": loc.to_dict() if loc else None, "topics": topics, "agreement": agreement,
        "mentions": [e.id for e in evs], "documents": docs, "n_documents": len(docs),
        "first_reported": doc_dates.get(first.doc_id),
        "evidence": [sp.to_dict() for e in evs for sp in e.evidence],
        "merge_reasons": reasons,
        # the coder's trace of what the cross-document layer reads: the rules behind the date chosen
        # (inherited or stated) and behind the first report's modality (why it is a plan)
        "why": {"date": list((best_date.why or {}).get("date", ())) if best_date else [],
                "aux_mode": list((first.why or {}).get("aux_mode", ()))},
        "confidence": round(min(0.99, max(e.confidence for e in evs) + 0.03 * (len(docs) - 1)), 3),
    }


# ---------------------------------------------------------------------------------------------- derived records
def refresh_derived(store, scope: set[str] | None, cfg: LinkConfig, load=None) -> tuple[int, int]:
    """Recompute commitments and agreements that involve these countries (all if None)."""
    canon = _scoped_canon(store, scope, load)
    if scope is not None:
        # an agreement named in these records may have parties outside the scope (a stored record of
        # the same name): widen the scope to them, so that it is rebuilt whole, as a rebuild would
        names = {_norm(r["agreement"]["name"]) for r in canon if (r["agreement"] or {}).get("name")}
        more = {c for a in store.derived("agreement") if a["name"] and _norm(a["name"]) in names
                for c in a["parties"]} - set(scope)
        if more:
            scope = set(scope) | more
            canon = _scoped_canon(store, scope, load)
        scope = set(scope) | {""}
    as_of = store.latest_document_date()
    commitments = build_commitments(canon, as_of, cfg)
    agreements = build_agreements(canon)
    store.replace_derived("commitment", commitments, scope)
    store.replace_derived("agreement", agreements, scope)
    return len(commitments), len(agreements)


def _scoped_canon(store, scope: set[str] | None, load) -> list[dict]:
    """Canonical records involving these countries (all if None), and those involving none (always
    refreshed, since no country change would reach them)."""
    if scope is None:
        ids = store.event_ids()
    else:
        ids = sorted({i for c in scope for i in store.events_by_country(c)} | set(store.events_without_country()))
    canon = canonical_events(store, ids, load, coded_roles=False)   # stored records: roles coded when read
    if scope is not None:
        canon = [r for r in canon if not _participant_countries(r) or _participant_countries(r) & set(scope)]
    return canon


def _participant_countries(r: dict) -> set[str]:
    return {x["country"] for x in r["actor"] + r["recipient"] if x.get("country")}


def _text(r: dict) -> str:
    return " ".join(sp["text"] for sp in r["evidence"])


def _content(r: dict, first_only: bool = False) -> set[str]:
    """Content words of a record's evidence (of its first span only: the clause that made a promise)."""
    if first_only:
        text = r["evidence"][0]["text"] if r["evidence"] else ""
    else:
        text = _text(r)
    return {w for w in _words(text) if w not in STOP and len(w) > 2}


def _due(r: dict) -> tuple[str | None, str | None]:
    """When a commitment is due, and the words that say so: a future time in its own clause ("by the
    end of April", "next month"), else the event's date when that lies after it was first reported."""
    from .dates import find_time_expressions
    made = r["first_reported"]
    if made:
        for sp in r["evidence"][:1]:
            found = [te for te in find_time_expressions(sp["text"], made) if te.value]
            past = _own_past_date(r, made)
            # ahead of the day it was made (not a forward reading of the past date the act was given:
            # "following the proposal in September"); or the period it was made in, due by that
            # period's end: "later this month", "by the end of this year", "at a meeting this month"
            # told of a plan
            found = [te for te in found if (te.value > made[: len(te.value)] and not (
                past and len(te.value) == len(past) and te.value[4:] == past[4:]))
                or (len(te.value) < 10 and te.value == made[: len(te.value)] and (
                    te.relation in ("after", "before") or _told_as_plan(r, sp["text"][:te.start])))]
            found.sort(key=lambda te: (te.relation != "before", te.start))
            if found:
                return found[0].value, found[0].text
    if r["date"] and made and r["date"] > made[: len(r["date"])] and (_own_date(r) or r["kind"] != "other"):
        # a date told for the promise itself, or a meeting or signing dated by its setting ("during the
        # visit"); not an open-ended pledge ("will strengthen cooperation") that only inherited one
        return r["date"], None
    return None, None


def _own_date(r: dict) -> bool:
    """The record's date was stated for the act itself, by the coder's trace (not inherited from the
    article, the next sentence or a setting); without a trace, any date."""
    rules = (r.get("why") or {}).get("date")
    if rules is None or "why" not in r:
        return bool(r["date"])
    return bool(r["date"] and rules and not set(rules) & set(_cues()["borrowed_date_rules"]))


def _own_past_date(r: dict, made: str) -> str | None:
    """The date the coder gave the act itself from its own words (not inherited), when it lies before
    the report: the promise was made then, and its time expression says when, not when it is due."""
    rules = (r.get("why") or {}).get("date") or []
    if r["date"] and rules and _own_date(r) and "date.read_ahead_for_plans" not in rules \
            and r["date"] < made[: len(r["date"])]:
        return r["date"]
    return None


def _told_as_plan(r: dict, before: str) -> bool:
    """The words before a time expression tell a thing still to come ("will", "would", "set to"), or
    the coder's trace says the record is a plan."""
    rules = set((r.get("why") or {}).get("aux_mode") or ())
    return bool(_cues()["stage"]["planned"].search(before) or r.get("aux_mode") in ("future", "hypothetical")
                or rules & set(_cues()["plan_rules"]))


def _containment(small: set, big: set) -> float:
    """Share of a commitment's words found in a later report."""
    return len(small & big) / len(small) if small else 0.0


def _object_nouns(r: dict) -> set[str]:
    """The things a promise is about that must be there when it is carried out ("laboratory", "fund")."""
    from .events import Rules
    objs = Rules.load().cfg["commitment_objects"]
    return {w for sp in r["evidence"][:1] for w in _words(sp["text"]) if w in objs} - {"plan", "plans"}


def _after(cand: dict, made: str | None, r: dict | None = None) -> bool:
    """The candidate happened (or was first reported) after the promise was made; or on the day it
    was made, when the promise was a signing or meeting for that very day and another article reports
    the act ("to be signed on Tuesday" in the morning paper, "signed on Tuesday" in the evening one)."""
    if not made:
        return True
    span, day = _span(cand["date"]), _date(made)
    if span:
        if day and span[0] == day and r is not None and r["kind"] in ("accord", "meeting") \
                and (r["date"] or "")[:10] == made[:10]:
            return bool(set(cand["documents"]) - set(r["documents"]))
        return span[0] > day if day else True
    return bool(cand["first_reported"] and cand["first_reported"] > made)


def _named_in(r: dict, cand: dict) -> bool:
    """The place of one names the other's in its words ("a summit in Seoul" / "the Seoul summit"), or
    both name the same occasion ("the Hanseatic Science Forum")."""
    for x, y in ((r, cand), (cand, r)):
        if x["location"] and re.search(r"\b" + re.escape(x["location"]["name"]) + r"\b", _text(y)):
            return True
    return bool(_occasions(_text(r)) & _occasions(_text(cand)))


def _elsewhere(r: dict, cand: dict) -> bool:
    """Both records have a place, and the places differ (a country agrees with a city inside it)."""
    a, b = r.get("location"), cand.get("location")
    if not a or not b or not a.get("name") or not b.get("name"):
        return False
    return not same_place(*(Location(**{k: x.get(k) for k in ("name", "country", "lat", "lon", "geonames_id")})
                            for x in (a, b)))


def _people(r: dict) -> set[str]:
    return {_norm(x["entity_name"]) for x in r["actor"] + r["recipient"] if x["entity_type"] == "person"}


def _occasion_kinds(text: str) -> list[str]:
    """The kinds of occasion a text speaks of (a journey, a gathering...: link_words.json)."""
    ws = set(_words(text))
    return sorted(k for k, nouns in _cues()["occasion_kinds"].items() if ws & set(nouns))


def _same_occasion(r: dict, cand: dict) -> bool:
    """A promise's first clause and a later report speak of the same kind of occasion: the cancelled
    trip of one guest is not the summit it was to attend."""
    return bool(set(_occasion_kinds(r["evidence"][0]["text"] if r["evidence"] else "")) & set(_occasion_kinds(_text(cand))))


@functools.lru_cache(maxsize=8192)
def _occasions(text: str) -> frozenset[str]:
    """Names of occasions in a text: capitalised words ending in an occasion noun ("AI Seoul Summit")."""
    return frozenset(" ".join(m.group(0).split()).lower() for m in _occasion_re().finditer(text))


@functools.lru_cache(maxsize=1)
def _occasion_re() -> re.Pattern:
    heads = "|".join(_cues()["occasions"])
    return re.compile(r"(?:\b[A-Z][\w-]*\s+(?:(?:of|and|on|for|the)\s+)?){1,6}(?:" + heads + r")\b")


def _carries_out(r: dict, cand: dict, due: str | None, words: set, needed: set, cand_words: set,
                 cfg: LinkConfig):
    """(status, score, reason) when `cand` fulfils or withdraws commitment `r` (its content `words`, the
    things it promises `needed`), else None."""
    t = cand["event_type"]
    aim = _aim_reached(r, cand, cand_words, cfg)
    if aim:
        return aim
    overlap = _containment(words, cand_words)
    act = _act_of_meeting(r)
    share = _containment(act, cand_words)
    if t in FULFILS["other"] and t not in FULFILS["meeting"] and cand["aux_mode"] is None and len(act) >= 3 \
            and share >= cfg.fulfil_min_overlap:
        return "fulfilled", share, f"{t} on {cand['date'] or cand['first_reported'] or '?'}: " \
                                   f"the act the meeting was for, {share:.2f} of its words"
    if t not in FULFILS[r["kind"]] and t not in CANCEL_TYPES:
        return None
    same_agreement = bool(r["agreement"] and cand["agreement"] and (
        (r["agreement"].get("name") and cand["agreement"].get("name") and
         _norm(r["agreement"]["name"]) == _norm(cand["agreement"]["name"])) or
        (r["agreement"].get("kind") == cand["agreement"].get("kind") and set(r["topics"]) & set(cand["topics"]))))
    same_place = bool(r["location"] and cand["location"] and r["location"]["name"] == cand["location"]["name"]) \
        or _named_in(r, cand)
    # a report with no date of the act: it happened by the day it was reported
    due_span, when = _span(due) if due else None, _span(cand["date"] or cand["first_reported"])
    on_time = bool(due_span and when and when[0] <= due_span[1] + dt.timedelta(days=31)
                   and when[1] >= due_span[0] - dt.timedelta(days=31))
    if t in CANCEL_TYPES and _cues()["cancel"].search(_text(cand)):
        score = overlap + 0.3 * on_time + 0.2 * same_place
        if overlap >= cfg.withdraw_min_overlap:
            return "withdrawn", score, f"called off ({t}), {overlap:.2f} of its words"
        if r["kind"] == "meeting" and on_time and same_place and _same_occasion(r, cand) and not (
                _people(r) and _people(cand) and not _people(r) & _people(cand)):
            return "withdrawn", score, f"called off ({t}): the {'/'.join(_occasion_kinds(_text(cand)))} " \
                                       f"at its place, when it was due"
        return None
    if t not in FULFILS[r["kind"]] or cand["aux_mode"] is not None:
        return None
    made, told = _date(r["first_reported"]), _date(cand["first_reported"])
    if made and when and when[0] > made and set(cand["documents"]) <= set(r["documents"]) \
            and not (told and when[0] <= told):
        return None          # what the promise's own articles date after their day is still to come
                             # (not an act its first report tells as done, the plan recalled beside it)
    shared_people = _people(r) & _people(cand)
    late = bool(r["kind"] == "meeting" and due_span and when and not on_time and _kept_late(r, cand, due_span, when, cfg))
    if r["kind"] == "meeting" and due_span and when and not on_time and not late:
        return None          # a meeting promised for May is not the one held in September
    if r["kind"] == "meeting" and _elsewhere(r, cand):
        return None          # nor one held at another place ("in lieu of" the planned one)
    if r["kind"] == "meeting" and len(due or "") == 10 and len(cand["date"] or "") == 10 and cand["date"] < due \
            and _own_date(cand):
        return None          # a meeting set for Wednesday is not one its own words date Tuesday
    if needed and r["kind"] != "meeting" and not needed & cand_words and not same_agreement:
        return None          # a promised laboratory is not carried out by a fund
    # a meeting promised for a day, and one of its parties held that very day, named by no one else
    # and speaking of it in its words ("will attend a stakeholder event on Tuesday" / "held a
    # stakeholder meeting" on that Tuesday)
    that_day = bool(len(due or "") == 10 and (cand["date"] or "")[:10] == due and _own_date(cand)
                    and overlap > 0 and not _people(cand))
    # a meeting of named people is not kept by a report that names none of them and hardly its words
    # (the ministers' meeting promised for the day after the leaders' session is not that session)
    faceless = bool(_people(r) and not _people(cand) and overlap < cfg.min_text_similarity)
    ok = same_agreement or (overlap >= cfg.fulfil_min_overlap and len(words) >= 3) or (
        r["kind"] == "meeting" and on_time and ((same_place or shared_people) and not faceless or that_day)) or late
    if not ok:
        return None
    score = overlap + 0.5 * same_agreement + 0.3 * on_time + 0.2 * same_place + 0.2 * bool(shared_people)
    reason = "same agreement signed" if same_agreement else f"{overlap:.2f} of its words"
    if on_time:
        reason += ", when it was due"
    elif late:
        reason += f", {(when[0] - due_span[1]).days} days after it was due"
    return "fulfilled", score, f"{t} on {cand['date'] or cand['first_reported'] or '?'}: {reason}"


def _aim_words(r: dict) -> set[str]:
    """The content words of the aim a promise of talks states ("plan to continue talks to reinstate each
    other to their white lists": reinstate, white, lists), none for other promises."""
    text = r["evidence"][0]["text"] if r["evidence"] else ""
    m = _cues()["aim"].search(text) if r["kind"] == "meeting" else None
    return {w for w in _words(text[m.end():]) if w not in STOP and len(w) > 2} if m else set()


def _act_of_meeting(r: dict) -> set[str]:
    """The content words of the act a promised meeting is for, from its act verb on (link_words.json
    meeting_act: "will visit a naval base and confirm new defense cooperation": confirm, defense,
    cooperation...); none for other promises. A later report of that act (a signing, cooperation, aid)
    carrying most of these words keeps the promise, whether or not the visit is reported."""
    text = r["evidence"][0]["text"] if r["evidence"] else ""
    m = _cues()["meeting_act"].search(text) if r["kind"] == "meeting" else None
    return {w for w in _words(text[m.start():]) if w not in STOP and len(w) > 2} if m else set()


def _aim_reached(r: dict, cand: dict, cand_words: set, cfg: LinkConfig):
    """("fulfilled", score, reason) when a promise of talks for an aim is carried out by a later report
    of that aim reached (link_words.json aim_types: a concession, a signing, cooperation) in most of
    its words (`fulfil_min_overlap`, three words or more)."""
    if cand["event_type"] not in _cues()["aim_types"] or cand["aux_mode"] is not None:
        return None
    aim = _aim_words(r)
    share = _containment(aim, cand_words)
    if len(aim) < 3 or share < cfg.fulfil_min_overlap:
        return None
    return "fulfilled", share, f"{cand['event_type']} on {cand['date'] or cand['first_reported'] or '?'}: " \
                               f"the talks' aim reached, {share:.2f} of its words"


def _kept_late(r: dict, cand: dict, due_span: tuple, when: tuple, cfg: LinkConfig) -> bool:
    """A promised gathering held a little after it was due (`late_meeting_days`) is still the one
    promised when the later report speaks of the same kind of occasion ("an additional summit in
    France in one year's time" / "the AI summit in Paris" three months later) and names every country
    the promise names, at no other place, and the promise named no people whom it does not."""
    if when[0] <= due_span[1] or (when[0] - due_span[1]).days > cfg.late_meeting_days:
        return False
    mine = _participant_countries(r)
    if not mine or not mine <= _participant_countries(cand) or _elsewhere(r, cand):
        return False
    if _people(r) and _people(cand) and not _people(r) & _people(cand):
        return False
    return _same_occasion(r, cand)


FULFILS = {"meeting": {"CONSULT"}, "accord": {"SUPPORT"}, "other": {"CONSULT", "SUPPORT", "COOPERATE", "AID"}}
CANCEL_TYPES = ("REJECT", "SANCTION", "RETREAT")     # with a cancel cue: a promise called off


def build_commitments(canon: list[dict], as_of: str | None, cfg: LinkConfig) -> list[dict]:
    """Every promise with its status: the best-matching later report that carries it out (the earliest
    among near-equal ones) fulfils it, one that calls it off withdraws it; past its due date with
    neither it is overdue, else open."""
    out = []
    later = sorted(canon, key=lambda r: (_when_key(r), r["id"]))
    rank = {r["id"]: i for i, r in enumerate(later)}
    pc = {r["id"]: _participant_countries(r) for r in canon}
    words_of = {r["id"]: _content(r) for r in canon}
    by_country: dict[str, list[dict]] = {}
    by_word: dict[str, list[dict]] = {}      # capitalised word -> the records whose text has it
    by_place: dict[str, list[dict]] = {}     # first word of a record's place -> the records held there
    for r in later:
        if (r["location"] or {}).get("name"):
            by_place.setdefault(r["location"]["name"].split()[0], []).append(r)
        for c in pc[r["id"]]:
            by_country.setdefault(c, []).append(r)
        for w in set(re.findall(r"\b[A-Z][\w-]*", _text(r))):
            by_word.setdefault(w, []).append(r)
    for r in canon:
        if not _promised(r):
            continue
        made = r["first_reported"] or r["date"]
        due, due_text = _due(r)
        mine = pc[r["id"]]
        words, needed = _content(r, first_only=True), _object_nouns(r)
        status, by, why = "open", None, "no later report carries it out"
        pool = {x["id"]: x for c in mine for x in by_country.get(c, [])}
        if r["location"]:      # and the reports that name its place, whoever they name
            place = r["location"]["name"]
            pool.update((x["id"], x) for x in by_word.get(place.split()[0], ())
                        if re.search(r"\b" + re.escape(place) + r"\b", _text(x)))
        pool.update((x["id"], x) for x in _held_at_named_place(r, by_place, pc))
        found = []
        for cand in sorted(pool.values(), key=lambda x: rank[x["id"]]):
            if cand["id"] == r["id"] or not _after(cand, made, r):
                continue
            if cand["first_reported"] and made and cand["first_reported"] < made:
                continue
            hit = _carries_out(r, cand, due, words, needed, words_of[cand["id"]], cfg)
            if hit:
                found.append((hit, cand))
        if found:
            best = max(h[1] for h, _ in found)
            near = [(h, c) for h, c in found if h[1] >= best - 0.15]
            day = _when_key(near[0][1])       # the earliest of the near-equal; of that day the best
            (status, _, why), by = max((x for x in near if _when_key(x[1]) == day), key=lambda x: x[0][1])
        if status == "open" and due and as_of and _past(due, as_of, cfg.due_slack_days):
            status, why = "overdue", f"due {due}, nothing reported by {as_of}"
        out.append({
            "id": "c-" + r["id"], "event_id": r["id"], "kind": r["kind"],
            "actor": r["actor"], "recipient": r["recipient"], "countries": sorted(mine),
            "what": r["evidence"][0]["text"] if r["evidence"] else "", "topics": r["topics"],
            "agreement": r["agreement"], "made_on": made, "due": due, "due_text": due_text, "status": status,
            "status_reason": why, "as_of": as_of,
            "resolved_by": by["id"] if by else None,
            "resolved_on": (by["date"] or by["first_reported"]) if by else None,
            "resolved_evidence": by["evidence"][:1] if by else [],
            "evidence": r["evidence"], "documents": r["documents"],
        })
    return out


def _held_at_named_place(r: dict, by_place: dict[str, list[dict]], pc: dict[str, set]) -> list[dict]:
    """The records held at a place the promise's own clause names ("a council taking place in Leuven
    next week") that name no party but the promise's and their place's country (a report of "the
    meeting in Leuven" that took the host country for its only party)."""
    text = r["evidence"][0]["text"] if r["evidence"] else ""
    out = []
    for w in set(re.findall(r"\b[A-Z][\w-]*", text)):
        for x in by_place.get(w, ()):
            loc = x["location"]
            if re.search(r"\b" + re.escape(loc["name"]) + r"\b", text) \
                    and pc[x["id"]] <= pc[r["id"]] | {loc.get("country")}:
                out.append(x)
    return out


def _promised(r: dict) -> bool:
    """A promise, plan or offer (AGREE); or a meeting still to come ("the ministers will call on the
    president", "would meet"), which is a planned meeting whatever its category."""
    if r["event_type"] == "AGREE":
        return r["aux_mode"] not in ("negation", "hypothetical")
    return r["event_type"] == "CONSULT" and (r["aux_mode"] == "future" or (
        r["aux_mode"] == "hypothetical" and bool(r["evidence"])
        and bool(_cues()["stage"]["planned"].search(r["evidence"][0]["text"]))))


def _when_key(r: dict) -> str:
    """When a record happened, to order reports: its date, unless only the article's flow gave it
    (then its first report's day: the flow does not make it earlier than others of that day)."""
    rules = set((r.get("why") or {}).get("date") or ())
    if r["date"] and r["first_reported"] and rules and rules <= set(_cues()["flow_date_rules"]):
        return min(r["first_reported"], max(r["date"], r["first_reported"][: len(r["date"])]))
    return r["date"] or r["first_reported"] or ""


def _past(due: str, as_of: str, slack: int) -> bool:
    span = _span(due)
    now = _date(as_of)
    return bool(span and now and now > span[1] + dt.timedelta(days=slack))


STAGES = ("proposed", "negotiating", "to_be_signed", "signed", "in_force", "suspended", "withdrawn")


def _stage(text: str, t: str, aux: str | None) -> str | None:
    """The stage a report's text gives an agreement: suspended, withdrawn or in force by their words;
    a signing, adoption or launch still to come (or negotiations completed) is to_be_signed; a past
    act that concludes it ("signed", "inked", "reached", "launched", "declared") is signed;
    otherwise a promise proposes it and talks negotiate it."""
    cue = _cues()["stage"]
    if cue["suspended"].search(text):
        return "suspended"
    if t in ("REJECT", "RETREAT", "SANCTION") and cue["withdrawn"].search(text):
        return "withdrawn"
    if cue["in_force"].search(text):
        return "in_force"
    text = cue["not_yet"].sub(" ", text)       # "has not yet been signed" says nothing was
    scheduled, concluded = cue["scheduled"].search(text), cue["concluded_talks"].search(text)
    rest = cue["concluded_talks"].sub(" ", cue["scheduled"].sub(" ", text))
    if aux in ("future", "hypothetical"):
        return "to_be_signed" if scheduled or re.search(r"\bsign", text, re.I) else "proposed"
    if aux != "negation" and cue["signed"].search(rest):
        return "signed"
    if concluded or scheduled:
        return "to_be_signed"
    if t == "SUPPORT":
        return "signed"
    if t == "AGREE":
        return "to_be_signed" if re.search(r"\bsign", text, re.I) else "proposed"
    if t == "CONSULT" or cue["negotiating"].search(text):
        return "negotiating"
    return None


def _stages(r: dict) -> list[tuple[str, list[str]]]:
    """(stage, documents) of a canonical record, each report read on its own: a later report of an
    event may say more (or less) than the first."""
    by_doc: dict[str, list[str]] = {}
    for sp in r["evidence"]:
        by_doc.setdefault(sp["doc_id"], []).append(sp["text"])
    out: dict[str, list[str]] = {}
    for doc in sorted(by_doc):
        st = _stage(" ".join(by_doc[doc]), r["event_type"], r.get("aux_mode"))
        if st:
            out.setdefault(st, []).append(doc)
    return sorted(out.items(), key=lambda x: STAGES.index(x[0]))


AGREEMENT_TYPES = ("AGREE", "SUPPORT")     # records that may type an agreement by its words alone


def agreement_of(r: dict) -> dict | None:
    """The agreement a canonical record names or types: its own, else the first agreement word in its
    first report's clause ("a new partnership", "a chip alliance") of a promise or a signing between
    named countries (not of a meeting: talks on a partnership are not the partnership)."""
    if r["agreement"]:
        return r["agreement"]
    if not r["evidence"] or not _participant_countries(r):
        return None
    if r["event_type"] == "CONSULT":
        return _concluded_at_meeting(r)
    if r["event_type"] not in AGREEMENT_TYPES or r["kind"] == "meeting":
        return None
    return _first_agreement(r["evidence"][0]["text"])


def _concluded_at_meeting(r: dict) -> dict | None:
    found = _meeting_concluded(r)
    return found[0] if found else None


def _meeting_concluded(r: dict) -> tuple[dict, dict] | None:
    """(agreement, span) that a past meeting's report tells concluded there, in a clause folded
    into the meeting after its first ("announced ... a three-year extension to administrative
    arrangements"): the agreement word in a later span that also holds a word of the signed stage
    (link_words.json stage_cues.signed, done_nouns), with that span; talks on a
    partnership are not the partnership, so the first span, the meeting's own, types nothing."""
    cue = _cues()["stage"]
    if r["event_type"] != "CONSULT" or r.get("aux_mode") is not None or (r["agreement"] or {}).get("kind"):
        return None
    for sp in r["evidence"][1:]:
        text = cue["not_yet"].sub(" ", sp["text"])
        if (cue["signed"].search(text) or _cues()["done_nouns"].search(text)) and not cue["scheduled"].search(text):
            found = _first_agreement(text)
            if found:
                return found, sp
    return None


def _first_agreement(text: str) -> dict | None:
    """The first agreement a clause names or types, not one it speaks of as already known."""
    from .topics import find_agreements
    found = [(s, {"name": a.get("name"), "kind": a["kind"]}) for s, _, a in find_agreements(text)]
    found += [(m.start(), {"name": None, "kind": k}) for k, rx in _cues()["kinds"] for m in rx.finditer(text)]
    # "building on the agreement", "under that deal": an unnamed agreement the article already spoke of
    # and "building on previous agreements", "Seoul's partnership with OpenAI": earlier ones
    found = [f for f in found if f[1]["name"] or not re.search(
        r"(?:\b(?:the|that|this|its|their|previous|earlier|past|existing|former)|\w['\u2019]s)\s+$", text[:f[0]], re.I)]
    return min(found, key=lambda x: x[0])[1] if found else None


def build_agreements(canon: list[dict]) -> list[dict]:
    """Agreement records from canonical events: mentions of one name with compatible parties (one
    set inside the other, or none named) are one agreement, so the United States' agreements of
    one name with two different countries stay two; an unnamed mention joins a named agreement of
    compatible parties (sharing one) and the same kind."""
    groups: dict[tuple, dict] = {}
    named: dict[str, list[tuple]] = {}   # normalised name -> keys of its agreements
    typed = {r["id"]: agreement_of(r) for r in canon}
    items = sorted((r for r in canon if typed[r["id"]]), key=lambda r: (r["date"] or r["first_reported"] or "", r["id"]))
    for r in items:
        ag = typed[r["id"]]
        parties = tuple(sorted(_participant_countries(r)))
        name = ag.get("name")
        if name:
            key = next((k for k in named.get(_norm(name), ()) if _compatible(groups[k]["parties"], parties)),
                       ("name", _norm(name), len(named.get(_norm(name), ()))))
        else:
            key = next((k for ks in named.values() for k in ks if set(groups[k]["parties"]) & set(parties)
                        and _compatible(groups[k]["parties"], parties) and groups[k]["kind"] in (ag.get("kind"), None, "agreement", "deal")
                        and (set(groups[k]["topics"]) & set(r["topics"]) or not r["topics"])), None)
            key = key or ("typed", ag.get("kind"), parties, (r["topics"] or [""])[0])
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"id": "a-" + r["id"], "name": name, "kind": ag.get("kind"), "parties": list(parties),
                               "signatories": [], "topics": [], "stages": [], "countries": list(parties)}
            if name:
                named.setdefault(_norm(name), []).append(key)
        g["name"] = g["name"] or name
        if ag.get("kind") and (g["kind"] in (None, "agreement", "deal")):
            g["kind"] = ag.get("kind")
        g["parties"] = sorted(set(g["parties"]) | set(parties))
        g["countries"] = g["parties"]
        g["topics"] += [t for t in r["topics"] if t not in g["topics"]]
        met = _meeting_concluded(r)
        for st, docs in ([("signed", [met[1]["doc_id"]])] if met else _stages(r)):
            g["stages"].append({"stage": st, "date": r["date"] or r["first_reported"], "event_id": r["id"],
                                "documents": docs, "evidence": [met[1]] if met else
                                [sp for sp in r["evidence"] if sp["doc_id"] in docs][:1]})
            if st == "signed":
                for x in r["actor"] + r["recipient"]:
                    if x["entity_type"] == "person" and x["entity_name"] not in g["signatories"]:
                        g["signatories"].append(x["entity_name"])
    _in_force_told_after(canon, typed, groups)
    for g in groups.values():
        g["stages"].sort(key=lambda s: (s["date"] or "", STAGES.index(s["stage"])))
        g["status"] = g["stages"][-1]["stage"] if g["stages"] else None
    return sorted(groups.values(), key=lambda g: g["id"])


def _in_force_told_after(canon: list[dict], typed: dict, groups: dict) -> None:
    """A report that names no agreement but refers back to one the sentence before told ("..., under which
    they have been cooperating to identify supply-chain disruptions": link_words.json refers_back) and
    says it is in force (stage_cues.in_force) puts the agreement of its parties that its article cited
    last before it in force."""
    cue = _cues()
    for r in canon:
        if typed[r["id"]] or not r["evidence"] or r["aux_mode"] is not None:
            continue
        sp = r["evidence"][0]
        if not cue["refers_back"].match(sp["text"]) or not cue["stage"]["in_force"].search(sp["text"]):
            continue
        parties = _participant_countries(r)
        before = [(st["evidence"][0]["end"], g) for g in groups.values() if parties and parties <= set(g["parties"])
                  for st in g["stages"] if st["evidence"] and st["evidence"][0]["doc_id"] == sp["doc_id"]
                  and st["evidence"][0]["end"] <= sp["start"]]
        if before:
            g = max(before, key=lambda x: x[0])[1]
            g["stages"].append({"stage": "in_force", "date": r["date"] or r["first_reported"], "event_id": r["id"],
                                "documents": [sp["doc_id"]], "evidence": [sp]})


def _compatible(a, b) -> bool:
    """Two party sets that may be one agreement's: either is empty, or one holds the other."""
    a, b = set(a), set(b)
    return not a or not b or a <= b or b <= a


# ---------------------------------------------------------------------------------------------- actors
def actor_registry(store, query: str | None = None) -> list[dict]:
    """One record per person or organisation across all documents, with aliases, countries and
    dated roles; conflicting reports are kept side by side."""
    reg: dict[tuple, dict] = {}
    for m in store.mention_rows():
        if m["entity_type"] not in ("person", "organization", "group"):
            continue
        key = (m["entity_type"], _norm(m["entity_name"]))
        r = reg.setdefault(key, {"entity_name": m["entity_name"], "entity_type": m["entity_type"],
                                 "aliases": [], "countries": [], "sectors": [], "roles": [], "mentions": 0,
                                 "documents": [], "first_seen": m["date"], "last_seen": m["date"]})
        r["mentions"] += 1
        if m["raw_text"] and m["raw_text"] not in r["aliases"] and m["raw_text"] != r["entity_name"]:
            r["aliases"].append(m["raw_text"])
        if m["country"] and m["country"] not in r["countries"]:
            r["countries"].append(m["country"])
        if m["sector_code"] and m["sector_code"] not in r["sectors"]:
            r["sectors"].append(m["sector_code"])
        if m["role"]:
            hit = next((x for x in r["roles"] if x["role"] == m["role"]), None)
            if hit is None:
                r["roles"].append({"role": m["role"], "dates": [m["date"]] if m["date"] else [],
                                   "documents": [m["doc_id"]]})
            else:
                if m["date"] and m["date"] not in hit["dates"]:
                    hit["dates"].append(m["date"])
                if m["doc_id"] not in hit["documents"]:
                    hit["documents"].append(m["doc_id"])
        if m["doc_id"] not in r["documents"]:
            r["documents"].append(m["doc_id"])
        if m["date"]:
            r["first_seen"] = min(filter(None, [r["first_seen"], m["date"]]))
            r["last_seen"] = max(filter(None, [r["last_seen"], m["date"]]))
    out = list(reg.values())
    for r in out:
        # the role used for coding is the latest one reported
        r["current_role"] = max(r["roles"], key=lambda x: max(x["dates"] or [""]))["role"] if r["roles"] else None
    if query:
        q = _norm(query)
        out = [r for r in out if q in _norm(r["entity_name"]) or any(q in _norm(a) for a in r["aliases"])
               or q.upper() in r["countries"]]
    return sorted(out, key=lambda r: (-r["mentions"], r["entity_name"]))


def timeline(store, a: str, b: str, topic: str | None = None) -> list[dict]:
    """Dated, cited chronology of the canonical events between two countries."""
    ids = set(store.events_by_country(a.upper())) & set(store.events_by_country(b.upper()))
    recs = [r for r in canonical_events(store, ids)
            if {a.upper(), b.upper()} <= _participant_countries(r) and (not topic or topic in r["topics"])]
    return sorted(recs, key=lambda r: (r["date"] or r["first_reported"] or "", r["id"]))
