"""The same-event test: the reasons why two reports from different documents tell one real-world
event (`same_event`), or None; with its cheap pre-test (`_far_apart`) and the tests of promises,
recalled acts and planned occasions it rests on."""
from __future__ import annotations

import datetime as dt

from ..model import Event
from ..places import same_place
from .config import _cues, LinkConfig
from .features import (_date, _dates_apart, _flow_dated, norm_name, _occasion_kinds, _other_occasion, _span, _trigger, _weak_date,
                       content_words, countries, jaccard, kind, name_words, people)
from .features import same_trigger as same_trigger_word


def _far_apart(a: Event, b: Event, cfg: LinkConfig, doc_dates: dict | None = None) -> bool:
    """Both carry dates of their own, further apart than the window (promises excepted: they may be
    dated when made); or one has no date of its own and their articles are further apart than
    `background_window_days`. Implied by `same_event`'s own tests; checked first because it is cheap."""
    if a.event_type != b.event_type:
        return False
    if _weak_date(a) or _weak_date(b):
        return doc_dates is not None and _background_apart(a, b, doc_dates, cfg)
    if a.event_type == "AGREE":
        return False
    return _dates_apart(a.date, b.date, cfg)


def _background_apart(a: Event, b: Event, doc_dates: dict, cfg: LinkConfig) -> bool:
    """The articles of two reports, one of which has no date of its own, are further apart than
    `background_window_days` (link_words.json): a background mention is not matched with what its
    article's time is far from (and the reports it is compared with stay bounded, see `forest._reach`)."""
    da, db = _date(doc_dates.get(a.doc_id)), _date(doc_dates.get(b.doc_id))
    return bool(da and db and abs((da - db).days) > cfg.background_window_days)


def same_event(a: Event, b: Event, doc_dates: dict[str, str | None], cfg: LinkConfig) -> dict | None:
    """Reasons why a and b (from different documents) report the same event, or None."""
    if a.doc_id == b.doc_id or a.event_type != b.event_type:
        return None
    ca, cb = countries(a), countries(b)
    cj = jaccard(ca, cb)
    if ca and cb:       # (the test that rules out most pairs, first)
        if not ca & cb or cj < cfg.min_country_jaccard:
            return None
        if a.event_type == "CONSULT" and max(len(ca - cb), len(cb - ca)) > cfg.meeting_other_countries:
            return None     # a bilateral on the sidelines is not the group's meeting, nor the group's another's
    if kind(a) != kind(b) or (a.aux_mode or None) != (b.aux_mode or None) or _other_occasion(a, b):
        return None
    placed = bool(a.location and b.location and norm_name(a.location.name) == norm_name(b.location.name))
    pa, pb = people(a), people(b)
    if (not ca or not cb) and not placed and not pa & pb:
        return None   # a report naming no country is matched by place or by the people it names
    alike = _told_alike(a, b)
    if pa and pb and not pa & pb and not alike:
        return None     # two meetings of other people; an act of states may be told with other names
    reasons: dict = {"same_type": a.event_type, "kind": kind(a), "shared_countries": sorted(ca & cb),
                     "country_jaccard": round(cj, 2)}
    if pa & pb:
        reasons["shared_people"] = sorted(pa & pb)
    if alike:
        reasons["told_alike"] = _trigger(a)
    if a.location and b.location:
        if not same_place(a.location, b.location):
            return None
        reasons["same_place"] = a.location.name
    na = (a.agreement or {}).get("name")
    nb = (b.agreement or {}).get("name")
    if na and nb:
        if norm_name(na) != norm_name(nb):
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
        if _flow_dates_apart(a, b, doc_dates, cfg):
            return None     # the date its article's flow gave is another day (or year) than the other's
        if _background_apart(a, b, doc_dates, cfg):
            return None     # a background mention and a report whose article is far from its own
    elif sa_ and sb_:
        gap = max((sb_[0] - sa_[1]).days, (sa_[0] - sb_[1]).days, 0)
        if _dates_apart(a.date, b.date, cfg):
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
    same_trigger = same_trigger_word(a, b)
    if same_trigger:
        reasons["same_trigger"] = _trigger(a)
    nested = ca <= cb or cb <= ca
    recalled = _recalled_past(a, b, doc_dates, cfg)
    if recalled:
        reasons["recalled_past_act"] = sorted(_actor_countries(a))
    elif _retold(a, b):
        reasons["retold_act"] = _trigger(a)
        recalled = True
    elif _same_day_act(a, b):
        reasons["same_act_same_day"] = sorted(_actor_countries(a))
        recalled = True
    announced = not weak and nested and _announced_alike(a, b)
    if announced:
        reasons["same_planned_occasion"] = announced
    elif same_parties and a.event_type == "AGREE" and _promise_retold(a, b, cfg):
        # "agreed to open a joint AI research centre in Warsaw by the end of this year" / "the joint AI research
        # centre that the two countries pledged in May to open in Warsaw by the end of the year"
        announced = "retold_promise"
        reasons["retold_promise"] = True
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
            pa & pb and (sim > 0.2 or same_trigger)) and not _recalled_alike(a, b, doc_dates, cfg) and \
            "retold_promise" not in reasons:
        return None     # two different promises of the same parties on the same day
    if a.event_type not in ("CONSULT", "AGREE", "SUPPORT") and sim < cfg.min_text_similarity / 2 and not (
            pa & pb or recalled or alike):
        return None     # generic conflict categories: the wording must agree somewhat
    return reasons


def _flow_dates_apart(a: Event, b: Event, doc_dates: dict, cfg: LinkConfig) -> bool:
    """A promise dated only by its article's flow (the time of the sentence before it: "The minister
    arrives on Monday. He is expected to attend the next round"), to another time than its article's
    own day, still tells when its article puts what it promises: another promise, dated by its own
    words or by its flow too, more than `flow_date_window_days` (link_words.json) away is another
    one, unless one is dated by the day the other was told (`_made_when_dated`), as between promises
    dated by their words. Not for other acts: a standing measure or a past act is often given
    another day by the flow."""
    if a.event_type != "AGREE" or any(_weak_date(e) and not (e.date and _flow_dated(e)) for e in (a, b)):
        return False
    if not any(_weak_date(e) and not (doc_dates.get(e.doc_id) or "").startswith(e.date) for e in (a, b)):
        return False    # the article's own day is only the day the promise was told
    sa_, sb_ = _span(a.date), _span(b.date)
    return bool(sa_ and sb_) and max((sb_[0] - sa_[1]).days, (sa_[0] - sb_[1]).days, 0) > \
        cfg.flow_date_window_days and not _made_when_dated(a, b, doc_dates, cfg)


def _told_alike(a: Event, b: Event) -> bool:
    """Two reports tell one act of the same states in the same terms, though they name other people or
    few words: not a meeting (whose people make it), the same two or more countries, the same rule and
    trigger word of the coder, a shared topic, each dated by its own words to overlapping times
    ("Australia on Tuesday launched a joint fund on minerals with Indonesia, the minister said" / "the
    minerals fund, which Australia launched with Indonesia in June")."""
    if a.event_type == "CONSULT" or kind(a) == "meeting" or not _own_dated(a) or not _own_dated(b):
        return False
    ca = countries(a)
    if len(ca) < 2 or ca != countries(b) or not same_trigger_word(a, b) or not _same_rule(a, b) \
            or not set(a.topics) & set(b.topics):
        return False
    sa_, sb_ = _span(a.date), _span(b.date)
    return bool(sa_ and sb_ and sa_[0] <= sb_[1] and sb_[0] <= sa_[1])


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


def _promise_retold(a: Event, b: Event, cfg: LinkConfig) -> bool:
    """One promise told again in other words: most words of the shorter report (`retold_overlap`, besides the
    parties' names) are in the other one, which may tell more ("agreed to open a joint research centre in
    Warsaw by the end of the year" / "the research centre they pledged in May to open in Warsaw by year-end")."""
    wa, wb = _act_words(a, b)
    short, other = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < cfg.retold_min_words:
        return False
    return len(short & other) / len(short) >= cfg.retold_overlap


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
    # a time of its own read as a plan's ("Peru is restricting exports, the ministry said on July 3") is its own too
    inherited = [e for e in (a, b) if not _own_dated(e, ahead=True)]
    if any(not e.date or set((e.why or {}).get("date") or ()) != {"date.inherited"} for e in inherited):
        return False
    if not _one_doer_one_time(a, b):
        return False
    sa_, sb_ = _span(a.date), _span(b.date)
    made = [_date(doc_dates.get(e.doc_id)) for e in (a, b)]
    if not all(made):
        return False
    end = max(sa_[1], sb_[1])
    late = [(m - end).days > cfg.recall_min_days for m in made]
    if all(late):
        return _same_rule(a, b) if inherited else _same_act(a, b)
    # one article tells the act as news, the other recalls it long after ("Namibia has banned the export of
    # lithium" / "a ban imposed in June last year"): both dated by their own words, and one word of the act
    # shared besides the parties' names, in any of its forms
    return any(late) and not inherited and (_same_rule(a, b) or _same_act(a, b) or _act_word_shared(a, b))


def _retold(a: Event, b: Event) -> bool:
    """A later article tells again an act of one doer in the same verb ("Peru protested against the
    tariff on Monday" / "Peru, which protested against the new tariff this month"), soon after it: not
    a promise or meeting, done (no modality) by the same countries to compatible ones (one names none,
    or they share one), the same trigger word, each dated by its own words to overlapping times
    (merge reason `retold_act`)."""
    if a.event_type in ("AGREE", "CONSULT") or a.aux_mode or b.aux_mode or not _trigger(a) \
            or not same_trigger_word(a, b) or not _own_dated(a) or not _own_dated(b):
        return False
    return _one_doer_one_time(a, b)


def _same_day_act(a: Event, b: Event) -> bool:
    """Two articles tell one act of one doer on one day in other words ("Peru is restricting the exports of two
    metals, its ministry said on July 3" / "a day after Peru unveiled export restrictions on two metals"): not a
    promise or meeting, done (no modality) by the same countries to compatible ones, both dated to the same day,
    and `same_day_words` words of the act shared besides the parties' names, in any of their forms
    (link_words.json; merge reason `same_act_same_day`)."""
    if a.event_type in ("AGREE", "CONSULT") or a.aux_mode or b.aux_mode or len(a.date or "") != 10 \
            or a.date != b.date or not _one_doer_one_time(a, b):
        return False
    return _act_words_shared(a, b) >= _cues()["same_day_words"]


def _one_doer_one_time(a: Event, b: Event) -> bool:
    """The same countries do the act, to compatible ones (one report names none, or they share one),
    at overlapping times (a year holds a month of it)."""
    xa, xb = _actor_countries(a), _actor_countries(b)
    if not xa or xa != xb:
        return False
    ra, rb = countries(a) - xa, countries(b) - xb
    if ra and rb and not ra & rb:
        return False
    sa_, sb_ = _span(a.date), _span(b.date)
    return bool(sa_ and sb_ and max((sb_[0] - sa_[1]).days, (sa_[0] - sb_[1]).days) <= 0)


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
    wa, wb = _act_words(a, b)
    return bool(wa & wb)


def _act_words(a: Event, b: Event) -> tuple[set[str], set[str]]:
    """The content words of each report besides the names of either report's parties."""
    names = name_words(a) | name_words(b)
    return content_words(a) - names, content_words(b) - names


def _act_word_shared(a: Event, b: Event) -> bool:
    """The two reports share a word besides the parties' names in one of its forms: one word begins the other
    ("ban" / "banned", "export" / "exports"), or both begin alike for `stem_letters` letters (link_words.json)
    ("restricted" / "restrictions")."""
    n = _cues()["stem_letters"]
    wa, wb = _act_words(a, b)
    return any(_one_word(x, y, n) for x in wa for y in wb)


def _act_words_shared(a: Event, b: Event) -> int:
    """How many words of the act the two reports share in one of their forms (see `_act_word_shared`), counted
    in the report that has fewer of them, so that it does not depend on the order of the two."""
    n = _cues()["stem_letters"]
    wa, wb = _act_words(a, b)
    return min(sum(any(_one_word(x, y, n) for y in wb) for x in wa),
               sum(any(_one_word(x, y, n) for x in wa) for y in wb))


def _one_word(x: str, y: str, n: int) -> bool:
    """Two words are one in two forms: one begins the other, or both begin alike for `n` letters."""
    return x.startswith(y) or y.startswith(x) or len(x) >= n and x[:n] == y[:n]


def _own_dated(e: Event, ahead: bool = False) -> bool:
    """The report dates the act by its own words (a time expression the coder did not borrow), read
    backwards from the article unless `ahead` (a plan's time, read forwards, is its own too)."""
    rules = set((e.why or {}).get("date") or ())
    return bool(e.date and e.date_text and not rules & set(_cues()["borrowed_date_rules"])
                and (ahead or "date.read_ahead_for_plans" not in rules))


def _recalled_alike(a: Event, b: Event, doc_dates: dict, cfg: LinkConfig) -> bool:
    """Two articles recall an agreement of the past in the same terms: the same parties, category word
    and topic, and the same date of their own ("in May"), well before either article."""
    if _weak_date(a) or _weak_date(b) or a.date != b.date or not same_trigger_word(a, b):
        return False
    if len(countries(a)) < 2 or countries(a) != countries(b) or not set(a.topics) & set(b.topics):
        return False
    end = _span(a.date)
    made = [_date(doc_dates.get(e.doc_id)) for e in (a, b)]
    return bool(end and all(made) and all((m - end[1]).days > cfg.date_window_days for m in made))


def _made_when_dated(a: Event, b: Event, doc_dates: dict, cfg: LinkConfig) -> bool:
    """A promise is dated by what it promises ("will sign in May") or by when it was made ("announced
    the signing in January"): two reports agree when one's date is the other's report date; not when both are
    dated ahead of their own articles, each by what it promises ("will hold their summit on July 14", told in
    May, is not the invitation to next year's summit told on July 15)."""
    window = dt.timedelta(days=cfg.date_window_days)

    def ahead(e: Event) -> bool:
        se, own = _span(e.date), _date(doc_dates.get(e.doc_id))
        return bool(se and own and se[0] > own + window)
    if ahead(a) and ahead(b):
        return False
    for x, y in ((a, b), (b, a)):
        sx, made = _span(x.date), _date(doc_dates.get(y.doc_id))
        if sx and made and sx[0] - window <= made <= sx[1] + window:
            return True
    return False
