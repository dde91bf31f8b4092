"""Commitments: every promised canonical event with its status (fulfilled, withdrawn, overdue,
open) as of the latest document date, its due date, and the report that resolved it."""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re

from .canonical import _content, _participant_countries, _text, remembered_texts
from .config import _cues, LinkConfig
from .features import _date, _span
from .fulfilment import _dated_by_setting, _more_cues, _talks_promised, _after, _called_off_beside, _calls_off, _carries_out, _object_nouns, _own_date


def _due(r: dict, rest: str = "") -> tuple[str | None, str | None]:
    """When a commitment is due, and the words that say so: a future time in its own clause ("by the
    end of April", "next month"), or in the rest of that clause after the coder's span, up to the next
    comma ("would sign the pact at their session this month": `clause_rest`); else the event's date when
    that lies after it was first reported."""
    made = r["first_reported"]
    if made:
        for sp in r["evidence"][:1]:
            found = _due_in(r, sp["text"], made) or (
                _due_in(r, sp["text"] + " " + rest, made, len(sp["text"])) if rest else None)
            if found:
                return found
    if r["date"] and made and r["date"] > made[: len(r["date"])] and (
            _own_date(r) or r["kind"] != "other" or _dated_by_setting(r)):
        # a date told for the promise itself, or a meeting or signing, or an act, dated by its setting
        # ("during the visit"); not an open-ended pledge ("will strengthen cooperation") that only
        # inherited one
        return r["date"], None
    return None, None


def clause_purpose(r: dict, sentences: list) -> dict | None:
    """The purpose a promise's sentence puts before it ("... said that to forge a research alliance, the
    premier plans to ..."): an infinitive clause ending in a comma just before the coder's span, at the
    sentence's start or after "that", a colon or a semicolon; as a span of the article."""
    if not r["evidence"]:
        return None
    sp = r["evidence"][0]
    for s in sentences:
        if s.start <= sp["start"] <= s.end:
            m = re.search(r"(?:^|\bthat\s+|[;:]\s+)(to\s+[a-z]+\s+[^,;:]+?)\s*,\s*$", s.text[: sp["start"] - s.start],
                          re.I)
            return {"doc_id": sp["doc_id"], "start": s.start + m.start(1), "end": s.start + m.end(1),
                    "text": m.group(1)} if m else None
    return None


def _due_in(r: dict, text: str, made: str, since: int = 0) -> tuple[str, str] | None:
    """The due date a text of the promise gives (a time expression from offset `since` on), with its words."""
    from ..dates import find_time_expressions
    found = [te for te in find_time_expressions(text, made) if te.value and te.start >= since]
    past = _own_past_date(r, made)
    # ahead of the day it was made (not a forward reading of the past date the act was given:
    # "following the proposal in September"); or the period it was made in, due by that
    # period's end: "later this month", "by the end of this year", "at a meeting this month"
    # told of a plan
    found = [te for te in found if (te.value > made[: len(te.value)] and not (
        past and len(te.value) == len(past) and te.value[4:] == past[4:]))
        or (len(te.value) < 10 and te.value == made[: len(te.value)] and (
            te.relation in ("after", "before") or _told_as_plan(r, text[:te.start])))]
    found.sort(key=lambda te: (te.relation != "before", te.start))
    return (found[0].value, found[0].text) if found else None


def clause_rest(r: dict, sentences: list) -> str:
    """The words of a promise's clause after the coder's span of it, up to the next comma, semicolon,
    dash or bracket, or a word that starts another clause (link_words.json clause_rest_stop: "since",
    "which"...): the sentence (of `sentences`, its article's) that holds the span's end, from there."""
    if not r["evidence"]:
        return ""
    sp = r["evidence"][0]
    for s in sentences:
        if s.start <= sp["end"] <= s.end:
            rest = re.split(r"[,;:()\u2013\u2014]| - ", s.text[sp["end"] - s.start:], maxsplit=1)[0]
            stop = _more_cues()["clause_rest_stop"].search(rest)
            return (rest[:stop.start()] if stop else rest).strip()
    return ""


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


def _texts_remembered(fn):
    """`fn` with each record's words joined once while it runs (`canonical.remembered_texts`)."""
    @functools.wraps(fn)
    def run(*args, **kwargs):
        with remembered_texts():
            return fn(*args, **kwargs)
    return run


@_texts_remembered
def build_commitments(canon: list[dict], as_of: str | None, cfg: LinkConfig,
                      rest: dict[str, str] | None = None, only: set[str] | None = None,
                      kept: list[dict] = ()) -> list[dict]:
    """Every promise with its status: the best-matching later report that carries it out (the earliest
    among near-equal ones) fulfils it, one that calls it off withdraws it; past its due date with
    neither it is overdue, else open. `rest`: record id -> the rest of its promise's clause after the
    coder's span (`clause_rest`), read for a due date the span left out. `only`: the ids of the
    records whose commitments to compute (all when None); `kept`: the other commitments, kept as stored."""
    out = []
    later = sorted(canon, key=lambda r: (_when_key(r), r["id"]))
    rank = {r["id"]: i for i, r in enumerate(later)}
    pc = {r["id"]: _participant_countries(r) for r in canon}
    words_of = {r["id"]: frozenset(_content(r)) for r in canon}   # frozen: their stems are remembered
    by_country, by_word, by_place, called_off = _pool_index(later, pc, rank)
    for whole in canon:
        if not _promised(whole) or (only is not None and whole["id"] not in only):
            continue
        due, due_text = _due(whole, (rest or {}).get(whole["id"], ""))
        for n, r in enumerate(_acts(whole)):
            out.append(_commitment(r, whole["id"] + (f"-{n + 1}" if n else ""), due, due_text, as_of, cfg,
                                   (rank, pc, words_of, by_country, by_word, by_place, called_off)))
    # an invitation a report of the visit recalls, unless an earlier report made it a promise of its own
    # ("invited the president to visit in April") that this visit keeps
    invited = {c["resolved_by"] for c in list(out) + list(kept) if c["resolved_by"] and _more_cues()["invited"].search(c["what"])}
    out += [c for c in map(lambda r: _invitation_kept(r, as_of), canon if only is None else [r for r in canon if r["id"] in only])
            if c and c["resolved_by"] not in invited]
    return out


def _invitation_kept(r: dict, as_of: str | None) -> dict | None:
    """The invitation a visit or meeting told as made or under way was made at ("are travelling to Chile at
    the invitation of its president": link_words.json invitation_cue), a commitment of the host to the
    guest that the visit itself carries out: fulfilled by its own canonical event, the invitation's words
    (to the next comma) its evidence."""
    if r["event_type"] != "CONSULT" or r["aux_mode"] is not None:
        return None
    for sp in r["evidence"]:
        m = _more_cues()["invitation_cue"].search(sp["text"])
        if m:
            break
    else:
        return None
    words = re.split(r"[,;:()\u2013\u2014]| - ", sp["text"][m.start():], maxsplit=1)[0].rstrip()
    span = {"doc_id": sp["doc_id"], "start": sp["start"] + m.start(), "end": sp["start"] + m.start() + len(words),
            "text": words}
    return {
        "id": "c-" + r["id"] + "-invitation", "event_id": r["id"], "kind": "meeting",
        "actor": r["recipient"], "recipient": r["actor"], "countries": sorted(_participant_countries(r)),
        "what": words, "topics": r["topics"], "agreement": None, "made_on": None, "due": None, "due_text": None,
        "status": "fulfilled", "status_reason": "the visit made at this invitation (link_words.json invitation_cue)",
        "as_of": as_of, "resolved_by": r["id"], "resolved_on": r["date"] or r["first_reported"],
        "resolved_evidence": r["evidence"][:1], "evidence": [span], "documents": [sp["doc_id"]],
    }


def _commitment(r: dict, cid: str, due: str | None, due_text: str | None, as_of: str | None, cfg: LinkConfig,
                index: tuple) -> dict:
    """The commitment of one promised act (`r`: a canonical record, or one act of it, `_acts`), its status
    resolved against the later records (`index`: their ranks, countries, words and lookups)."""
    rank, pc, words_of, by_country, by_word, by_place, called_off = index
    made = _made(r)
    mine = pc[r["id"]]
    words, needed = _content(r, first_only=True), _object_nouns(r)
    status, by, why = "open", None, "no later report carries it out"
    last = _last_day(made, cfg)
    pool = _pool(r, made, last, pc, (by_country, by_word, by_place, called_off))
    found = []
    for cand in sorted(pool.values(), key=lambda x: rank[x["id"]]):
        hit = _weigh(r, cand, made, last, due, words, needed, words_of[cand["id"]], cfg)
        if hit:
            found.append((hit, cand))
    if found:
        best = max(h[1] for h, _ in found)
        near = [(h, c) for h, c in found if h[1] >= best - 0.15]
        day = _when_key(near[0][1])       # the earliest of the near-equal; of that day the best
        (status, _, why), by = max((x for x in near if _when_key(x[1]) == day), key=lambda x: x[0][1])
    if status == "open" and due and as_of and _past(due, as_of, cfg.due_slack_days, due_text):
        status, why = "overdue", f"due {due}, nothing reported by {as_of}"
    return {
        "id": "c-" + cid, "event_id": r["id"], "kind": r["kind"],
        "actor": r["actor"], "recipient": r["recipient"], "countries": sorted(mine),
        "what": r["evidence"][0]["text"] if r["evidence"] else "", "topics": r["topics"],
        "agreement": r["agreement"], "made_on": made, "due": due, "due_text": due_text, "status": status,
        "status_reason": why, "as_of": as_of,
        "resolved_by": by["id"] if by else None,
        "resolved_on": (by["date"] or by["first_reported"]) if by else None,
        "resolved_evidence": by["evidence"][:1] if by else [],
        "evidence": r["evidence"], "documents": r["documents"],
    }


def _weigh(r: dict, cand: dict, made: str | None, last: str, due: str | None, words: set, needed: set,
           cand_words: set, cfg: LinkConfig):
    """`_carries_out` for a record of a promise's pool that is later than the promise (or calls it off
    beside it) and first reported in its window (`_last_day`); None for the others."""
    if not _weighed(r, cand, made, last):
        return None
    return _carries_out(r, cand, due, words, needed, cand_words, cfg)


def _weighed(r: dict, cand: dict, made: str | None, last: str) -> bool:
    """Whether `_weigh` weighs a record of the pool at all (see there)."""
    if cand["id"] == r["id"] or not (_after(cand, made, r) or _called_off_beside(r, cand, made)):
        return False
    return not (cand["first_reported"] and made and (cand["first_reported"] < made or cand["first_reported"] > last))


def _pool_index(later: list[dict], pc: dict, rank: dict) -> tuple[dict, dict, dict, dict]:
    """The indexes `_pool` reads, over records in the order they happened (`rank`: that order): country
    -> its records in the order they were first reported, and those days; capitalised word -> the
    records whose text has it; first word of a place -> the records held there; document -> the records
    in it that call something off."""
    by_country: dict = {}
    by_word: dict[str, list[dict]] = {}
    by_place: dict[str, list[dict]] = {}
    called_off: dict[str, list[dict]] = {}
    for r in later:
        if (r["location"] or {}).get("name"):
            by_place.setdefault(r["location"]["name"].split()[0], []).append(r)
        for c in pc[r["id"]]:
            by_country.setdefault(c, []).append(r)
        for w in set(re.findall(r"\b[A-Z][\w-]*", _text(r))):
            by_word.setdefault(w, []).append(r)
        if _calls_off(r):
            for d in r["documents"]:
                called_off.setdefault(d, []).append(r)
    for c, rows in by_country.items():
        rows.sort(key=lambda r: (r["first_reported"] or "", rank[r["id"]]))
        by_country[c] = (rows, [r["first_reported"] or "" for r in rows])
    return by_country, by_word, by_place, called_off


def _pool(r: dict, made: str | None, last: str, pc: dict, index: tuple) -> dict[str, dict]:
    """The records a promise is weighed against (`_pool_index`'s indexes): those of its countries first
    reported in its window, those naming its place, those held at a place its clause names, and the
    occasions called off in its own articles."""
    by_country, by_word, by_place, called_off = index
    pool = {x["id"]: x for c in pc[r["id"]] for x in _reported_between(*by_country.get(c, ((), ())), made, last)}
    if r["location"]:      # and the reports that name its place, whoever they name
        place = r["location"]["name"]
        pool.update((x["id"], x) for x in by_word.get(place.split()[0], ())
                    if re.search(r"\b" + re.escape(place) + r"\b", _text(x)))
    pool.update((x["id"], x) for x in _held_at_named_place(r, by_place, pc))
    # and the occasions called off in the promise's own articles ("the envoys were to have attended
    # the forum" beside "the forum in Tromso will be postponed")
    pool.update((x["id"], x) for d in r["documents"] for x in called_off.get(d, ()))
    return pool


@_texts_remembered
def reached_promises(promises: list[dict], changed: list[dict], cfg: LinkConfig,
                     rest: dict[str, str] | None = None) -> set[str]:
    """The ids of these promise records whose commitments a changed record (a canonical event an update
    made, changed or removed: `changed`, one version of each) may carry out or call off: those in whose pool it lies, within
    its window (`_pool`, over the changed records alone), and that `_carries_out` weighs it for. The
    commitments of the other promises cannot have changed (whatever else they are weighed against is as
    it was)."""
    pc = {r["id"]: _participant_countries(r) for r in list(promises) + list(changed)}
    words_of = {x["id"]: frozenset(_content(x)) for x in changed}
    index = _pool_index(changed, pc, {x["id"]: i for i, x in enumerate(changed)})
    out = set()
    for whole in promises:
        if not _promised(whole):
            continue
        due = None
        for r in _acts(whole):
            made = _made(r)
            last = _last_day(made, cfg)
            near = [x for x in _pool(r, made, last, pc, index).values() if _weighed(r, x, made, last)]
            if not near:
                continue
            if due is None:     # read only for the promises that a changed record may carry out
                due = _due(whole, (rest or {}).get(whole["id"], ""))[0] or ""
            words, needed = _content(r, first_only=True), _object_nouns(r)
            if any(_carries_out(r, x, due or None, words, needed, words_of[x["id"]], cfg) for x in near):
                out.add(whole["id"])
                break
    return out


def _last_day(made: str | None, cfg: LinkConfig) -> str:
    """The last day a report that carries out (or calls off) a promise made then may be first reported
    on (`fulfil_window_days`); "9999" when it is not known when the promise was made."""
    day = _date(made)
    return (day + dt.timedelta(days=cfg.fulfil_window_days)).isoformat() if day else "9999"


def _reported_between(rows, keys: list[str], made: str | None, last: str):
    """Of records in the order they were first reported (`keys`: those days), those first reported
    from `made` to `last` (and those with no such date): found by bisection, so a promise is compared
    with the reports of its own years, not with the whole archive."""
    if not made:
        return rows
    lo, hi = bisect.bisect_left(keys, made), bisect.bisect_right(keys, last + "~")
    undated = bisect.bisect_right(keys, "")
    return list(rows[:undated]) + list(rows[max(lo, undated):hi])


def _acts(r: dict) -> list[dict]:
    """The acts a promise lists under one verb of intent, each a commitment of its own ("plans to set up a
    research council, sign a memorandum on ports and open a trade office": link_words.json promise_intent,
    listed_act_verbs): views of the record whose first span is the act's words (the first keeps the
    subject and the intent), typed by their own agreement word; a promised meeting, or a promise of one
    act, is one."""
    from .agreements import _first_agreement
    if r["kind"] == "meeting" or not r["evidence"]:
        return [r]
    sp, cue = r["evidence"][0], _more_cues()
    intent = cue["promise_intent"].search(sp["text"])
    # the first act, too, starts with one of the verbs ("will help the company, a start-up, build" lists none)
    first = intent and cue["first_act"].match(sp["text"], intent.end())
    cuts = [m.start() for m in cue["listed_act"].finditer(sp["text"], intent.end())] if first else []
    if not cuts:
        return [r]
    others = [x for x in r["evidence"][1:] if x["doc_id"] != sp["doc_id"]]
    out = []
    for a, b in zip([0] + cuts, cuts + [len(sp["text"])]):
        piece = sp["text"][a:b]
        lead = len(piece) - len(re.sub(r"^[\s,]*(?:and\s+)?", "", piece))
        piece = piece[lead:].rstrip(" ,")
        ag = _first_agreement(piece)
        if ag is None and (r["agreement"] or {}).get("name") and r["agreement"]["name"] in piece:
            ag = r["agreement"]
        out.append(dict(r, agreement=ag, kind="accord" if ag else "other", evidence=[
            {"doc_id": sp["doc_id"], "start": sp["start"] + a + lead, "end": sp["start"] + a + lead + len(piece),
             "text": piece}] + others))
    return out


def _made(r: dict) -> str | None:
    """When a promise was made: the day it was first reported; for talks that a later article tells as
    launched on a date of their own ("in November the two presidents announced the launch of talks on"),
    that date, so that what happened since, in that article too, can carry them out."""
    first = r["first_reported"]
    rules = set((r.get("why") or {}).get("date") or ())
    if _talks_promised(r) and r["aux_mode"] is None and r["date"] and first and r["date"] < first[: len(r["date"])] \
            and not (rules and rules <= set(_cues()["flow_date_rules"])):
        return r["date"]
    return first or r["date"]


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


def _past(due: str, as_of: str, slack: int, due_text: str | None = None) -> bool:
    """Whether `as_of` is past the due date (past the month's part its words name: "early November" is due by
    the 10th, link_words.json part_of_month_days)."""
    span = _span(due)
    now = _date(as_of)
    if not span or not now:
        return False
    end = span[1]
    if len(due) == 7 and due_text:
        part = next((d for w, d in _cues()["part_of_month_days"].items()
                     if re.search(rf"\b{re.escape(w)}\b", due_text, re.I)), None)
        if part is not None:
            end = min(end, span[0] + dt.timedelta(days=part - 1))
    return now > end + dt.timedelta(days=slack)
