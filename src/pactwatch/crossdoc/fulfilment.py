"""Whether a later canonical event carries out a commitment (fulfils it) or calls it off
(withdraws it), and how well: `_carries_out` and the tests it rests on."""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..model import Location
from ..places import same_place
from .canonical import _participant_countries, _people, _text
from .config import _cues, LinkConfig, STOP
from .features import _date, norm_name, _occasion_kinds, _span, _words


def _own_date(r: dict) -> bool:
    """The record's date was stated for the act itself, by the coder's trace (not inherited from the
    article, the next sentence or a setting); without a trace, any date."""
    rules = (r.get("why") or {}).get("date")
    if rules is None or "why" not in r:
        return bool(r["date"])
    return bool(r["date"] and rules and not set(rules) & set(_cues()["borrowed_date_rules"]))


def _containment(small: set, big: set) -> float:
    """Share of a commitment's words found in a later report, a word matching another of its stem
    ("establish" / "establishment", "reactors" / "reactor")."""
    if not small:
        return 0.0
    missing = [w for w in small if w not in big]
    if not missing:
        return len(small) / len(small)
    stems = _stems(big if isinstance(big, frozenset) else frozenset(big))
    return (len(small) - len(missing) + sum(_stem(w) in stems for w in missing)) / len(small)


@functools.lru_cache(maxsize=4096)
def _stems(words: frozenset) -> frozenset:
    """The stems of a report's words (remembered: each report is weighed against many commitments)."""
    return frozenset(_stem(w) for w in words)


@functools.lru_cache(maxsize=65536)
def _stem(w: str) -> str:
    """A word without its plural or noun ending (link_words.json word_endings), at least four
    letters left (remembered: the link step stems the words of each report again for every
    commitment it is weighed against)."""
    for end in _more_cues()["word_endings"]:
        if w.endswith(end) and len(w) - len(end) >= 4:
            return w[: len(w) - len(end)]
    return w


def _object_nouns(r: dict) -> set[str]:
    """The things a promise is about that must be there when it is carried out ("laboratory", "fund")."""
    from ..events import Rules
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


def _placed_alike(r: dict, cand: dict) -> bool:
    """Both records are held at the place of one name, or one's place is named in the other's words
    (`_named_in`)."""
    return bool(r["location"] and cand["location"] and r["location"]["name"] == cand["location"]["name"]) \
        or _named_in(r, cand)


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
    off = _calls_off(cand)
    aim = None if off else _aim_reached(r, cand, cand_words, cfg) or _talks_concluded(r, cand)
    if aim:
        return aim
    act = _act_of_meeting(r)
    if t in FULFILS["other"] and t not in FULFILS["meeting"] and cand["aux_mode"] is None and len(act) >= 3 \
            and not off:
        share = _containment(act, cand_words)
        if share >= cfg.fulfil_min_overlap:
            return "fulfilled", share, f"{t} on {cand['date'] or cand['first_reported'] or '?'}: " \
                                       f"the act the meeting was for, {share:.2f} of its words"
    if t not in FULFILS[r["kind"]] and not off:
        return None
    overlap = _containment(words, cand_words)
    same_agreement = bool(r["agreement"] and cand["agreement"] and (
        (r["agreement"].get("name") and cand["agreement"].get("name") and
         norm_name(r["agreement"]["name"]) == norm_name(cand["agreement"]["name"])) or
        (r["agreement"].get("kind") == cand["agreement"].get("kind") and set(r["topics"]) & set(cand["topics"]))))
    # a report with no date of the act: it happened by the day it was reported
    due_span, when = _span(due) if due else None, _span(cand["date"] or cand["first_reported"])
    on_time = bool(due_span and when and when[0] <= due_span[1] + dt.timedelta(days=31)
                   and when[1] >= due_span[0] - dt.timedelta(days=31))
    if off:
        same_place = _placed_alike(r, cand)
        score = overlap + 0.3 * on_time + 0.2 * same_place
        later = _after(cand, r["first_reported"] or r["date"], r)
        if overlap >= cfg.withdraw_min_overlap and later:
            return "withdrawn", score, f"called off ({t}), {overlap:.2f} of its words"
        # one that was only to have happened, told beside its cancellation: the occasion's kind and
        # its due date (not words alone) make them one
        beside = _told_beside(r, cand)
        if r["kind"] == "meeting" and on_time and (same_place or beside) and _same_occasion(r, cand) and not (
                _people(r) and _people(cand) and not _people(r) & _people(cand)):
            where = "at its place" if same_place else "in its own article (link_words.json replaced_plan)"
            return "withdrawn", score, f"called off ({t}): the {'/'.join(_occasion_kinds(_text(cand)))} " \
                                       f"{where}, when it was due"
        return None
    if t not in FULFILS[r["kind"]] or cand["aux_mode"] is not None:
        return None
    if r["kind"] != "meeting" and _not_done(_text(cand)):
        return None          # "talks that left a promised roadmap unfinished" tell it not done (a visit made is
        #                      made, though "the document was not ready")
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
    same_place = _placed_alike(r, cand)
    # a meeting promised for a day, and one of its parties held that very day, named by no one else
    # and speaking of it in its words ("will attend a stakeholder event on Tuesday" / "held a
    # stakeholder meeting" on that Tuesday)
    that_day = bool(len(due or "") == 10 and (cand["date"] or "")[:10] == due and _own_date(cand)
                    and overlap > 0 and not _people(cand))
    # a meeting of named people is not kept by a report that names none of them and hardly its words
    # (the ministers' meeting promised for the day after the leaders' session is not that session)
    faceless = bool(_people(r) and not _people(cand) and overlap < cfg.min_text_similarity)
    at_meeting = _at_the_meeting(r, cand, due, when)
    ok = same_agreement or (overlap >= cfg.fulfil_min_overlap and len(words) >= 3) or (
        r["kind"] == "meeting" and on_time and ((same_place or shared_people) and not faceless or that_day)) \
        or late or at_meeting
    if not ok:
        return None
    score = overlap + 0.5 * same_agreement + 0.3 * on_time + 0.2 * same_place + 0.2 * bool(shared_people)
    reason = "same agreement signed" if same_agreement else f"{overlap:.2f} of its words"
    if at_meeting and not (same_agreement or overlap >= cfg.fulfil_min_overlap):
        # the weakest sign: any report that carries out the act itself comes first
        score, reason = min(score, 0.3), "the meeting it was to be done at, held by its parties that day"
    if on_time:
        reason += ", when it was due"
    elif late:
        reason += f", {(when[0] - due_span[1]).days} days after it was due"
    return "fulfilled", score, f"{t} on {cand['date'] or cand['first_reported'] or '?'}: {reason}"


def _talks_promised(r: dict) -> bool:
    """A promise of talks: a promised meeting whose first clause names negotiations (link_words.json
    talks_nouns: "announced the launch of negotiations with Chile on")."""
    return r["kind"] == "meeting" and bool(r["evidence"]) and _names_talks(r["evidence"][0]["text"])


@functools.lru_cache(maxsize=8192)
def _names_talks(text: str) -> bool:
    """Whether a clause names negotiations (link_words.json talks_nouns; remembered per clause)."""
    return bool(_more_cues()["talks_nouns"].search(text))


def _talks_concluded(r: dict, cand: dict):
    """("fulfilled", score, reason) when a promise of talks is carried out by a later report of exactly its
    parties (two or more) concluding negotiations or an agreement (stage_cues.concluded_talks,
    link_words.json concluded_agreement), on no other topic."""
    if not _talks_promised(r) or cand["event_type"] not in ("SUPPORT", "AGREE") or cand["aux_mode"] is not None:
        return None
    text = _text(cand)
    if not (_cues()["stage"]["concluded_talks"].search(text) or _more_cues()["concluded_agreement"].search(text)):
        return None
    mine = _participant_countries(r)
    if len(mine) < 2 or mine != _participant_countries(cand) or (
            r["topics"] and cand["topics"] and not set(r["topics"]) & set(cand["topics"])):
        return None
    return "fulfilled", 0.5, f"{cand['event_type']} on {cand['date'] or cand['first_reported'] or '?'}: " \
                             f"the negotiations concluded"


def _at_the_meeting(r: dict, cand: dict, due: str | None, when: tuple | None) -> bool:
    """A promise of an act at a gathering on a given day, dated by that setting in the coder's trace ("will
    announce a joint roadmap during the council taking place on Thursday": `_dated_by_setting`), is kept by
    the meeting of exactly its parties (two or more) held that day or within two days after
    (`MEETING_DAY_SLACK`)."""
    if r["kind"] != "other" or cand["event_type"] != "CONSULT" or len(r["date"] or "") != 10 or not due or not when:
        return False
    mine = _participant_countries(r)
    if len(mine) < 2 or mine != _participant_countries(cand) or not _dated_by_setting(r):
        return False
    day = _date(r["date"])       # the setting's day, which the words of the promise may tell less exactly
    return bool(day and day <= when[0] <= day + dt.timedelta(days=MEETING_DAY_SLACK))


def _dated_by_setting(r: dict) -> bool:
    """The coder dated the record by the meeting or visit it is to happen at or during (a borrowed date
    rule of link_words.json that is not one of the article's flow: date.from_setting...)."""
    rules = set((r.get("why") or {}).get("date") or ())
    return bool(rules & (set(_cues()["borrowed_date_rules"]) - set(_cues()["flow_date_rules"])))


MEETING_DAY_SLACK = 2     # a meeting of two or three days: the act promised for its first day may come on its last


def _calls_off(r: dict) -> bool:
    """A report that calls something off: a cancellation category with a cancel cue in its words; or
    one of any category that puts the act off ("has delayed the signing of the memorandum":
    link_words.json postponed) and tells nothing done (stage_cues.signed, link_words.json held: "the
    talks, postponed in March, were held on Tuesday")."""
    return _calls_off_text(_text(r), r["event_type"] in CANCEL_TYPES)


@functools.lru_cache(maxsize=8192)
def _not_done(text: str) -> bool:
    """A report's words tell the thing not done (link_words.json not_done; remembered per report's words)."""
    return bool(_more_cues()["not_done"].search(text))


@functools.lru_cache(maxsize=8192)
def _calls_off_text(text: str, cancel_type: bool) -> bool:
    """`_calls_off` of a report's words (remembered: each report is weighed against every commitment)."""
    return (cancel_type and bool(_cues()["cancel"].search(text))) or (
        bool(_more_cues()["postponed"].search(text)) and not _cues()["stage"]["signed"].search(text)
        and not _more_cues()["held"].search(text))


def _called_off_beside(r: dict, cand: dict, made: str | None) -> bool:
    """A planned meeting and a report, in one of its own articles and not before it was made, that
    calls an occasion off: an article may tell the plan only as one that was to have happened."""
    return r["kind"] == "meeting" and _calls_off(cand) and bool(set(r["documents"]) & set(cand["documents"])) \
        and not (made and cand["first_reported"] and cand["first_reported"] < made)


def _told_beside(r: dict, cand: dict) -> bool:
    """A cancellation told in the planned meeting's own article, at no other place, of a meeting the
    article does not tell as the replacement ("will instead meet at the Nordic summit in Bergen":
    link_words.json replaced_plan)."""
    text = r["evidence"][0]["text"] if r["evidence"] else ""
    return bool(set(r["documents"]) & set(cand["documents"])) and not _elsewhere(r, cand) \
        and not _more_cues()["replaced_plan"].search(text)


@functools.lru_cache(maxsize=1)
def _more_cues() -> dict:
    """Cues of data/link_words.json that the commitment and agreement modules read (compiled once)."""
    from .. import lexicon
    from .config import _cue
    raw = lexicon.read_json("link_words.json")
    verbs = "|".join(sorted(raw["listed_act_verbs"], key=len, reverse=True))
    # verbs that are also adjectives ("a free and open order") start an act only before a determiner
    verbs += r")\s|(?:" + "|".join(raw["listed_act_verbs_before_determiner"]) + r")\s+(?:" + raw["act_determiners"]
    return {"listed_act": re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?=(?:" + verbs + r")\s)", re.I),
            "first_act": re.compile(r"\s+(?:(?:also|jointly|together|formally|soon)\s+)?(?:" + verbs + r")\s", re.I),
            "bodies_as_one": raw["bodies_as_one"], "word_endings": raw["word_endings"],
            **{k: _cue(raw[k]) for k in ("replaced_plan", "collective_signatories", "concluded_agreement",
                                         "clause_rest_stop", "promise_intent", "invitation_cue", "terms_of_agreement",
                                         "talks_nouns", "negotiation_opened", "invited", "postponed", "held",
                                         "not_done")}}


def _aim_words(r: dict) -> frozenset[str]:
    """The content words of the aim a promise of talks states ("plan to continue talks to reinstate each
    other to their white lists": reinstate, white, lists), none for other promises."""
    text = r["evidence"][0]["text"] if r["evidence"] else ""
    return _words_from_cue(text, "aim", True) if r["kind"] == "meeting" else frozenset()


def _act_of_meeting(r: dict) -> frozenset[str]:
    """The content words of the act a promised meeting is for, from its act verb on (link_words.json
    meeting_act: "will visit a naval base and confirm new defense cooperation": confirm, defense,
    cooperation...); none for other promises. A later report of that act (a signing, cooperation, aid)
    carrying most of these words keeps the promise, whether or not the visit is reported."""
    text = r["evidence"][0]["text"] if r["evidence"] else ""
    return _words_from_cue(text, "meeting_act", False) if r["kind"] == "meeting" else frozenset()


@functools.lru_cache(maxsize=8192)
def _words_from_cue(text: str, cue: str, after: bool) -> frozenset[str]:
    """The content words of a promise's clause from the first match of a cue of `_cues` on (`after` it: from
    its end), none when it has none (remembered: a promise is weighed against every report of its pool)."""
    m = _cues()[cue].search(text)
    return frozenset(w for w in _words(text[m.end() if after else m.start():]) if w not in STOP and len(w) > 2) \
        if m else frozenset()


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
