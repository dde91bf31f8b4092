"""Times: when an event happened. Time expressions (found by ``pactwatch.dates``) are attached to the event
they modify through the parse; undated events inherit the time the article was last talking about; a
clause told a stated span from another counts from its time."""
from __future__ import annotations

import datetime as _dt
import re

from .. import dates as dates_mod
from ..model import Sentence
from ..timex.words import RELATIVE_DAYS
from .list_items import list_lead
from .mention import EventMention
from .modality import promise_words
from .rules import OTHER_TIME, lemma_of, maybe_time
from .trigger_shapes import low_conj, sequel_verb

# patterns of this module's functions, compiled once (re.<fn>(PATTERN, ...) looks each one up anew)
_WORD_CHAR = re.compile(r"\w")
# ", a ministry official said."
_TRAILING_ATTRIBUTION = re.compile(r"\s*,\s*(?:[\w'’.-]+\s+){0,8}?(?:said|says|added|told reporters)\s*[.!?]?\s*$")
_POSSESSIVE_S = re.compile(r"['\u2019]s\b")
_SINCE_LEAD = re.compile(r"\bsince\s*$", re.I)  # "since" just before the time
_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+\s+){0,2}\w+(?:ed|en|id|ld)\b")  # "had agreed", "had already signed"
# "since last year"; "up from $87 billion last year"
_SINCE_OR_UP_FROM = re.compile(r"\bsince\s+last\s+\w+|\b(?:up|down)\s+from\b[^,;]*")

# measures of a state, dated by the statement announcing them ("is restricting exports, the ministry said on
# July 3"; "announced Tuesday it has decided to lift the curbs")
_ANNOUNCED_MEASURES = ("SANCTION", "CONCEDE", "RETREAT")
_LEAD_GAP = 2             # characters between a lead's sentence and the next one, which may date it


def offset_date(m: EventMention, ref: str) -> tuple[str, str] | None:
    """The time of a setting a stated span before/after the framed event: "five months after their
    first talks" on 2027-07-13 -> 2027-02 (month precision); None when the span is not readable."""
    prep = m.head.head
    unit = next((c for c in prep.children if c.dep_ == "npadvmod"), None)
    num = next((c for c in unit.children if c.dep_ in ("nummod", "det", "quantmod")), None) if unit is not None else None
    n = dates_mod.count_word(num.text) if num is not None else None
    if n is None:
        return None
    return dates_mod.shift_value(ref, -n if prep.lower_ in ("after", "following", "since") else n, lemma_of(unit))


def _background(m: EventMention) -> bool:
    """An event told in a subordinate clause ("Marchand, who pledged the money in January, launched ...",
    "after they met in February"): its time is not the time the article goes on talking about."""
    p = m.pred
    if p.dep_ in ("relcl", "acl") and not m.future:
        return True
    if p.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("after", "before", "when", "since")
                                 for c in p.children):     # "as"/"while": the time of the main clause
        return True
    if p.dep_ == "ROOT" and p.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in p.children):
        return True     # "Negotiators had settled the text in early April": a pluperfect told as such steps back
        #                 (a reported one, "said they had agreed on Monday", is the news backshifted)
    return m.head.pos_ in ("NOUN", "PROPN") and m.head.dep_ == "pobj" and m.head.head.dep_ == "prep" and \
        m.head.head.lower_ in ("after", "before", "since", "following")


def _deadline(te) -> bool:
    """Whether a time is a bound of what is to be done ("by 2030", "before the end of June"), not "earlier in the
    day"."""
    return te.relation == "before" and bool(te.text) and not te.text.lower().startswith(("earlier", "later"))


def _modifier_verb(tok) -> bool:
    """A participle or gerund with no subject of its own modifying a noun or a preposition ("aimed at
    enhancing", "a channel set up")."""
    return tok is not None and tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("acl", "pcomp", "advcl") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def _closes_clause(rest: str) -> bool:
    """Whether the words after a time expression end its clause: nothing, or only the attribution
    (", a ministry official said.")."""
    return not _WORD_CHAR.search(rest) or _TRAILING_ATTRIBUTION.match(rest) is not None


def _background_time(te, stop) -> bool:
    """A time that attached to no event and is not the time the article goes on talking about: a bound
    ("before 2019"), a year, or the time of a past clause modifying a noun or subordinated
    ("the TTC, launched in 2021", "after they met in March")."""
    if te.relation is not None or te.precision not in ("day", "month"):
        return True
    if stop is None:
        return False
    if stop.dep_ in ("relcl", "acl") and stop.tag_ in ("VBD", "VBN"):
        return True
    return stop.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("after", "before", "since", "when")
                                        for c in stop.children)


def _point(value: str, where: str) -> _dt.date:
    """The first, middle or last day ('first', 'mid', 'last') of a (partial) ISO date; ValueError when unreadable."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        return _dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        y, mo = parts
        last = _dt.date(y + mo // 12, mo % 12 + 1, 1) - _dt.timedelta(days=1)
        return {"first": _dt.date(y, mo, 1), "mid": _dt.date(y, mo, 15), "last": last}[where]
    return {"first": _dt.date(parts[0], 1, 1), "mid": _dt.date(parts[0], 7, 1), "last": _dt.date(parts[0], 12, 31)}[where]


def _said_in(pred, verb) -> bool:
    """Whether an act's verb is what a reporting verb says: its complement, or a verb joined to that complement
    ("said China opposed ... and urged Germany ...")."""
    if pred.dep_ == "conj" and not low_conj(pred) and pred.head.dep_ == "ccomp":
        pred = pred.head
    return pred.dep_ == "ccomp" and pred.head.i == verb.i and not any(
        c.dep_ == "aux" and c.lower_ == "had" for c in pred.children)    # "said Chile had accused it": earlier


def _distance(value: str, ref: str) -> int:
    """Days between the middle of a (partial) ISO date and a reference day; large when unreadable."""
    try:
        return abs((_point(value, "mid") - _dt.date.fromisoformat(ref[:10])).days)
    except (ValueError, TypeError):
        return 10 ** 6


def _ended_before(value: str, ref: str, days: int) -> bool:
    """The (partial) ISO date ended more than `days` days before the reference day."""
    try:
        return (_dt.date.fromisoformat(ref[:10]) - _point(value, "last")).days > days
    except (ValueError, TypeError):
        return False


# the phrases of relative_days, each as a whole word or phrase
_RELATIVE_DAY_RES = [(re.compile(r"(?:^|\W)" + re.escape(phrase) + r"\b"), days) for phrase, days in RELATIVE_DAYS.items()]
# found where one of them is (one search of the text instead of one a phrase, for the text that holds none)
_ANY_RELATIVE_DAY_RE = re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(p) for p in RELATIVE_DAYS) + r")\b") \
    if RELATIVE_DAYS else None


def _relative_day(m) -> int | None:
    """The shift in days a phrase before the event in its own sentence gives (dates.json relative_days: "The
    next day, ..."), or None."""
    before = m.sent.text[:max(0, min(m.pred.idx, m.head.idx) - m.sent.start)].lower()
    if _ANY_RELATIVE_DAY_RE is None or _ANY_RELATIVE_DAY_RE.search(before) is None:
        return None
    for rx, days in _RELATIVE_DAY_RES:
        if rx.search(before):
            return days
    return None


def sent_ref(coder, sent: Sentence) -> str:
    return coder._doc_date


class TimeRules:
    """The EventCoder steps of time: the dates of the events of a sentence, then inherited dates."""

    def _date_sentence(self, document, merged, sdoc, span, sent) -> None:
        """Dates for the events of one sentence: each time expression to the event it modifies; an event
        with none takes the time of a "when" clause or of the setting that frames it."""
        if getattr(self, "_anchor_doc", None) is not document:
            # times the article talks about that no kept event carries: free expressions, dropped mentions
            self._anchor_doc, self._free_times, self._sent_mentions = document, [], []
        tes = [self._same_day(_same_year(te, document, sent), sent) for te in self._time_expressions(document, sent)]
        statements: list = []   # (time, reporting verb) of the statements the sentence dates ("said on Tuesday")
        for te in tes:
            if self._attach_time(te, merged, sdoc, span, sent, statements) == "free" and \
                    not _POSSESSIVE_S.match(sent.text[te.end:]):     # "tomorrow's infrastructure": no time
                self._free_times.append((sent.start + te.start, te, sent.start))
        for te, verb in (statements if len(statements) == len(tes) else ()):
            # "Denmark will contribute 30 million euros ..., the minister said on Tuesday": a promise with no time of
            # its own is dated by the day it was stated (realnews conventions 2); not when the sentence gives
            # another time ("will meet this weekend, Albanese said on Wednesday": the meeting's own, however vague)
            for m in merged:
                if m.date is None and te.value and m.type == "AGREE" and m.future and m.pred.dep_ == "ccomp" \
                        and m.pred.head.i == verb.i and te.value <= (self._doc_date or "")[:len(te.value)]:
                    m.set_date(dates_mod.TimeExpr(te.start, te.end, None, te.value, te.precision), "date.promise_stated")
                # "the spokesperson said on Thursday that China firmly opposed ... and urged Germany to ...": a charge,
                # refusal, demand or warning is made by the statement, on its day
                elif m.date is None and te.value and m.type in self.rules.cfg["stated_act_types"] and \
                        _said_in(m.pred, verb) and te.value <= (self._doc_date or "")[:len(te.value)]:
                    m.set_date(dates_mod.TimeExpr(te.start, te.end, None, te.value, te.precision), "date.act_stated")
        self._sent_mentions.extend(merged)
        for m in merged:
            if m.date is None and m.pred.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when"
                                                                 for c in m.pred.children):
                # "dates back to December 2014, when a memorandum was signed": the time the clause describes
                te = next((te for te in tes if te.value and
                           sent.start + te.start <= m.pred.head.idx < sent.start + te.end), None)
                if te is not None:
                    m.set_date(te, "date.when_of_a_time")
        for m in merged:
            if m.date is None:
                # "announced the signing when they met in Brasilia in February": at that time
                when = next((x for x in merged if x is not m and x.date is not None and x.date.value and
                             x.pred.dep_ == "advcl" and x.pred.head.i == m.pred.i and any(
                                 c.dep_ == "advmod" and c.lower_ in ("when", "as", "while") for c in x.pred.children)), None)
                if when is not None:
                    m.set_date(when.date, "date.when_clause")
        for m in merged:
            # "agreed on Tuesday ..., a day after China unveiled export curbs": a stated span before the main act
            if m.date is None or not m.date.text:
                _date_from_main_clause(m, merged, times=(tes, sent))
        for m in merged:
            f = m.frame_of
            if f is not None and f.date is None and m.date is not None and m.date.value and \
                    m.head.head.lower_ in ("at", "during") and not m.frame_offset:
                f.set_date(m.date, "date.setting_of_framed_event")     # "proposed it at their talks in Santiago in March": then
            if f is not None and m.date is None and f.date is not None and f.date.value and \
                    "date.read_ahead_for_plans" not in f.why.get("date", ()):
                # (a promise dated by what it promises, "agreed at the meeting to ... by December", does not date
                # the meeting it was made at)
                if not m.frame_offset:
                    m.set_date(f.date, "date.from_setting")
                else:
                    back = offset_date(m, f.date.value)     # "five months after their first talks"
                    if back:
                        m.set_date(dates_mod.TimeExpr(f.date.start, f.date.end, None, back[0], back[1]), "date.setting_offset")

    def _same_day(self, te, sent):
        """"On the same day", "that day": the day the article last gave an event, not the report's day."""
        if not _SAME_DAY.fullmatch(te.text.strip()):
            return te
        before = [m.date for m in self._sent_mentions if m.date is not None and m.date.precision == "day"
                  and m.date.value and m.sent.start < sent.start]
        if not before:
            return te
        return dates_mod.TimeExpr(te.start, te.end, te.text, before[-1].value, "day", te.relation)

    def _time_expressions(self, document, sent):
        self._doc_date = document.date
        if not document.date or not maybe_time(sent.text):
            return []
        try:
            return dates_mod.find_time_expressions(sent.text, document.date)
        except Exception:  # the date module promises not to raise; never let one sentence sink a document
            return []

    def _attach_time(self, te, mentions, sdoc, span, sent, statements: list | None = None):
        """Give a time expression to the event it modifies. Walk up the parse from the expression
        through prepositions and adverbs; stop at a reporting verb ("said Wednesday") or at any other
        verb or noun that is not part of an event ("since the launch ... last month"). A time that dates only
        a statement is added, with its reporting verb, to `statements`."""
        if te.relation == "after" and _SINCE_LEAD.search(sent.text[:te.start]):
            return      # "their fourth meeting since last year": a bound, not the time of the event
        cfg = self.rules.cfg
        start, end = sent.start + te.start, sent.start + te.end
        inside = [t for t in span if start <= t.idx < end]
        target, blocked, on_verb, on_act, stop, through_thing = None, False, False, False, None, False
        via_complement, period_out = False, False
        if inside:
            cur = next((t for t in inside if not (start <= t.head.idx < end) or t.head.i == t.i), inside[0])
            for _ in range(8):
                hit = next((m for m in mentions if cur.i in m.tokens or cur.i == m.pred.i), None)
                if hit is not None:
                    if hit.type == "REJECT" and cur.pos_ in ("NOUN", "PROPN") and cur.i not in (hit.head.i, hit.pred.i):
                        return      # "called off a visit next month": the time of what was called off
                    target, how = hit, ["date.attached_by_parse"] + (["date.through_thing"] if through_thing else []) + (
                        ["date.before_period_is_out"] if period_out else [])
                    on_verb = cur.i == hit.pred.i and hit.pred.tag_ == "VBD" and not via_complement
                    on_act = cur.i in (hit.pred.i, hit.head.i)
                    break
                if not (start <= cur.idx < end) and cur.lower_ == "time" and cur.dep_ == "pobj" and \
                        cur.head.lower_ == "for" and any(c.lower_ in ("first", "second", "third", "last") for c in cur.children):
                    cur = cur.head.head     # "will meet for the first time before the end of June": the meeting's time
                    continue
                if cur.dep_ == "prep" and cur.head.lower_ in cfg["comparison_heads"] and cur.head.i != cur.i:
                    return      # "up from about $87 billion last year": the base of a comparison
                if lemma_of(cur) in cfg["reporting_verbs"] and cur.pos_ == "VERB":
                    # "said Wednesday": the date of the statement, not of the event; but a clause told as
                    # going on then ("said on Friday as he held talks") and measures announced by the
                    # statement ("is restricting exports, the ministry said on July 3") take it
                    target = next((m for m in mentions if m.pred.head.i == cur.i and (
                        m.pred.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("as", "while", "when")
                                                       for c in m.pred.children)
                        or m.pred.dep_ == "ccomp" and m.type in _ANNOUNCED_MEASURES
                        # "said on Friday ... and urged Lima to ...": said and done at once
                        or m.pred.dep_ == "conj" and m.pred.pos_ == "VERB" and not low_conj(m.pred) and not any(
                            c.dep_ in ("nsubj", "nsubjpass") for c in m.pred.children)
                        # "..., the ministry said on Tuesday, loosening a ban": what the statement does
                        or m.pred.dep_ == "advcl" and m.pred.tag_ == "VBG" and m.type in _ANNOUNCED_MEASURES)), None)
                    if target is None:
                        if statements is not None:
                            statements.append((te, cur))
                        return "statement"
                    how = ["date.told_with_statement"]
                    break
                if not (start <= cur.idx < end) and cur.pos_ in ("NOUN", "PROPN") and \
                        cur.dep_ in ("nsubj", "nsubjpass") and cur.head.pos_ in ("VERB", "AUX") and \
                        inside[0].head.dep_ == "prep" and inside[0].head.head.i == cur.i:
                    cur = cur.head  # "The president on Sunday secured ...": a time hung on the subject is the verb's
                    continue
                if not (start <= cur.idx < end) and cur.pos_ in ("NOUN", "PROPN") and cur.dep_ == "pobj" and \
                        cur.head.dep_ == "prep" and lemma_of(cur.head.head) in cfg["reporting_verbs"] and \
                        cur.head.head.pos_ == "VERB":
                    cur = cur.head.head     # "said in a statement on July 3": the time of the saying
                    continue
                if not (start <= cur.idx < end) and cur.pos_ in ("VERB", "AUX") and cur.dep_ == "xcomp" and \
                        any(cur.head.i == m.pred.i or cur.head.i in m.tokens for m in mentions):
                    cur = cur.head  # "is scheduled to take place on May 4": the time of what is scheduled
                    via_complement = True   # "agreed to build a port in December": the time of what was promised
                    continue
                if not (start <= cur.idx < end) and cur.pos_ == "NOUN" and cur.dep_ in ("pobj", "dobj") and \
                        inside[0].head.dep_ == "prep" and inside[0].head.lower_ in ("in", "on", "during") and \
                        inside[0].head.head.i == cur.i and lemma_of(cur) not in self.rules.nouns and \
                        cur.lower_ not in self.rules.nouns and not any(cur.i in m.tokens for m in mentions):
                    # "lifted its curbs on exports of chips in March last year": a time the parser hung on
                    # a thing (no event noun) is the time of the act above it
                    through_thing = True
                    cur = cur.head
                    continue
                if not (start <= cur.idx < end) and lemma_of(cur) == "be" and cur.dep_ == "advcl" and any(
                        c.dep_ == "mark" and c.lower_ in ("before", "by", "until") for c in cur.children) and any(
                        c.lower_ in cfg["period_out_words"] for c in cur.children if c.dep_ in (
                            "advmod", "acomp", "prt", "prep")):
                    cur = cur.head  # "will convene before December is out": by the end of December
                    period_out = True
                    continue
                if not (start <= cur.idx < end) and cur.pos_ == "PROPN" and cur.dep_ in ("pobj", "appos", "compound", "conj") \
                        and cur.head.i != cur.i:
                    cur = cur.head  # "announced by X and Y in Lima in April, 2022": a name takes no time
                    continue
                if not (start <= cur.idx < end) and cur.pos_ in ("VERB", "AUX", "ADJ") and (
                        lemma_of(cur) in cfg["plan_verbs"] or cur.lower_ in cfg["due_words"]):
                    # "On June 12, the minister is set to sign ...": the time of what is planned
                    planned_act = next((m for m in mentions if m.pred.dep_ == "xcomp" and m.pred.head.i == cur.i), None)
                    if planned_act is None and cur.dep_ == "acomp":
                        # "a team is due in Manila next week": the time of the visit the copula tells
                        planned_act = next((m for m in mentions if m.pred.i == cur.head.i), None)
                    if planned_act is not None:
                        target, how = planned_act, ["date.time_of_planned_act"]
                        break
                if not (start <= cur.idx < end) and cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("pobj", "dobj") \
                        and te.value and te.value > (sent_ref(self, sent) or "9")[:len(te.value)]:
                    # "invited her to the convention in Toronto next March": a time ahead of the report, on the
                    # occasion a promise or invitation names, is the time of what was promised
                    gov = cur.head.head if cur.dep_ == "pobj" and cur.head.dep_ in ("prep", "dative") else cur.head
                    promised = next((m for m in mentions if m.pred.i == gov.i and m.type == "AGREE"
                                     and m.date is None), None)
                    if promised is not None:
                        target, how = promised, ["date.time_of_promised_occasion"]
                        break
                if not (start <= cur.idx < end) and cur.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
                    # a noun at the root means the parser made a fragment of the sentence: no evidence either way
                    blocked = not (cur.head.i == cur.i and cur.pos_ in ("NOUN", "PROPN"))
                    stop = cur
                    break
                if cur.head.i == cur.i:
                    break
                cur = cur.head
        if target is None and blocked and te.precision == "day" and te.relation is None and \
                _modifier_verb(stop) and not _WORD_CHAR.search(sent.text[te.end:]):
            # "declared an alliance aimed at enhancing resilience during their summit on Wednesday.": a day
            # closing the sentence, hung by the parser on a participle of a modifier, is the main clause's
            root = span.root
            target = next((m for m in mentions if m.pred.i == root.i and m.date is None), None)
            how = ["date.sentence_final_time"]
        if target is None and blocked and _modifier_verb(stop) and te.value and self._doc_date and \
                te.value > self._doc_date[:len(te.value)] and _closes_clause(sent.text[te.end:]):
            # "is due to hand over the boats paid for by the grant in March next year, an official said": a time
            # ahead closing the clause, hung by the parser on a participle inside what a plan names, is the plan's
            target = next((m for m in mentions if m.future and m.date is None and stop.i in
                           {x.i for x in m.pred.subtree}), None)
            how = ["date.clause_final_time_of_plan"]
        if target is None:
            # one event in the sentence and the expression hangs on nothing else: it is the event's
            if blocked or len(mentions) != 1 or te.value is None:
                return "free" if te.value and not _background_time(te, stop) else None
            target, how = mentions[0], ["date.only_event_in_sentence"]
        if te.value is None and target.type == "AGREE" and (target.future or promise_words(target.pred)):
            # "agreed to hold another summit in six months": read in a past sentence as a stretch of the
            # past, the expression is the time ahead of what was promised
            ahead = [x for x in dates_mod.find_time_expressions(sent.text, sent_ref(self, sent), tense="future")
                     if x.start == te.start and x.value]
            if ahead:
                te = dates_mod.TimeExpr(te.start, te.end, te.text, ahead[0].value, ahead[0].precision, te.relation)
                how.append("date.read_ahead_for_plans")
        if te.value is None:
            if target.date is None:
                target.vague_time = True
            return
        if target.pred.tag_ == "VBD" and not target.future and not promise_words(target.pred) and self._doc_date and \
                te.value[:10] > self._doc_date[:10] and not self._doc_date.startswith(te.value) and \
                "date.time_of_promised_occasion" not in how and not (
                    target.type == "AGREE" and lemma_of(target.pred) in self.rules.cfg["prospective_verbs"]):
            # "signed a memorandum on Tuesday under which the institute will help": a past act, its time read back
            # when the words allow it (a weekday, a month with no year); else not dated after its report ("called
            # off a visit next month")
            back = [x for x in dates_mod.find_time_expressions(sent.text, sent_ref(self, sent), tense="past")
                    if x.start == te.start and x.value and x.value[:10] <= self._doc_date[:10]]
            if not back or te.precision not in ("day", "month") or te.relation is not None:
                return
            te = dates_mod.TimeExpr(te.start, te.end, te.text, back[0].value, back[0].precision, te.relation)
            how.append("date.read_back_for_past_acts")
        # "the talks follow his state visit in December": what a present-tense sequel verb follows came before
        after = sequel_verb(target.head, self.rules.cfg["sequel_verbs"])
        sequel = after is not None and target.head.dep_ != "nsubj" and after.i == target.pred.i
        scheduled = not sequel and target.pred.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in target.pred.children) or \
            target.pred.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re", "am")
                                              for c in target.pred.children)     # "is taking place on Tuesday"
        past_perfect = _PAST_PERFECT.search(sent.text) is not None
        # "agreed on Tuesday to set up a group": the time of the agreeing, not of what was agreed
        promised = target.type == "AGREE" and promise_words(target.pred) and not on_verb
        # "following his proposal in September": the time dates the act the noun names, not what it promises
        dated_act = on_act and target.head.pos_ in ("NOUN", "PROPN") and target.cls != "meeting"
        if not dated_act and (target.future and not on_verb or scheduled or promised) and target.aux_mode != "negation" \
                and not past_perfect:
            # "is scheduled to visit on Wednesday", "when the committee meets again in October": ahead
            again = [x for x in dates_mod.find_time_expressions(sent.text, sent_ref(self, sent), tense="future")
                     if x.start == te.start]
            if again and again[0].value:
                te = dates_mod.TimeExpr(te.start, te.end, te.text, again[0].value, again[0].precision, te.relation)
                how.append("date.read_ahead_for_plans")
            if scheduled and target.type in ("CONSULT", "SUPPORT", "COOPERATE") and te.value and \
                    te.value > (self._doc_date or ""):
                target.future = True
                target.type = "AGREE"
                target.note("event_type", "recode.scheduled_meeting_ahead_is_agree")
        elif target.type == "AGREE" and lemma_of(target.pred) in self.rules.cfg["prospective_verbs"] and \
                te.precision in ("month", "season", "quarter") and self._doc_date and not past_perfect:
            # "invited Australia to a summit in July": an invitation points ahead, a pledge may be dated
            # when made ("pledged the money in January"); the nearer reading wins, ahead when both are as near
            ahead = [x for x in dates_mod.find_time_expressions(sent.text, sent_ref(self, sent), tense="future")
                     if x.start == te.start and x.value]
            # (a time after the object, "invited X to a conference in September", is the occasion's: ahead)
            after_object = te.start > target.pred.idx - sent.start and any(
                c.dep_ in ("dobj", "prep") and c.idx - sent.start < te.start for c in target.pred.children)
            if ahead and (after_object or _distance(ahead[0].value, self._doc_date) <= _distance(te.value, self._doc_date)):
                te = dates_mod.TimeExpr(te.start, te.end, te.text, ahead[0].value, ahead[0].precision, te.relation)
                how.append("event_rules.json:prospective_verbs")
        if target.head.pos_ in ("NOUN", "PROPN") and target.type == "CONSULT" and target.pred is target.head and \
                te.value and self._doc_date and te.value[:10] > self._doc_date[:10] and \
                not self._doc_date.startswith(te.value) and target.aux_mode is None:
            target.type, target.future = "AGREE", True
            target.note("event_type", "recode.scheduled_meeting_ahead_is_agree")    # "the bilateral summit in Jakarta next month"
        made_then = promise_words(target.pred) and on_verb and not target.future
        if target.date is None or (target.date.precision != "day" and te.precision == "day"):
            target.set_date(te, *how)
            target.vague_time = False
            target.made_time = made_then
        elif target.made_time and not on_verb and target.type == "AGREE" and te.value and \
                target.date.value and te.value[:len(target.date.value)] > target.date.value[:len(te.value)]:
            # "promised on Monday to visit Lima in June": the time of what was promised, not of the promising
            # (realnews conventions 2: the scheduled date when given)
            target.set_date(te, *how, "date.scheduled_time_of_promise")
            target.vague_time = False

    def _accepted_occasions(self, groups):
        """An acceptance of an invitation (``acceptances``) with no time of its own is dated by the occasion it
        accepts, still ahead: "X invited Y to a conference in September, and Y accepted"."""
        for g in groups:
            if any(m.date is not None and m.date.value for m in g) or not any(
                    "event_rules.json:acceptances" in m.why.get("event_type", []) for m in g):
                continue
            inv = _accepted_occasion(groups, g)
            if inv is not None:
                te = inv.date
                g[0].set_date(dates_mod.TimeExpr(te.start, te.end, None, te.value, te.precision), "date.accepted_occasion")
                g[0].future = g[0].future or inv.future or te.value > (self._doc_date or "")

    def _inherit_dates(self, groups):
        """An event reported with no time of its own happened at the time the article was last
        talking about: the latest explicitly dated mention before it. Not when its sentence says it
        was another time ("earlier", "previously", "last year") or gave a vague one."""
        self._accepted_occasions(groups)
        kept = {id(m) for g in groups for m in g}
        # (a bound, "agreed to lift trade to $150 billion by 2030", is no time the article goes on talking about)
        dated = [(m.span[0], m.date, m.sent.start) for g in groups for m in g
                 if m.date is not None and m.date.value and not _background(m) and not _deadline(m.date)]
        if getattr(self, "_anchor_doc", None) is not None:
            # a dated mention not kept as an event ("said at the meeting on Friday") and a time the parse gave
            # to no event still say when the article is
            dated += [(m.span[0], m.date, m.sent.start) for m in self._sent_mentions if id(m) not in kept and
                      m.date is not None and m.date.value and not _background(m)]
            dated += self._free_times
        report = getattr(self, "_doc_date", None) or ""
        dated.sort(key=lambda x: (x[0], x[2]))
        head_end, lead_end = 0, 0
        if getattr(self, "_anchor_doc", None) is not None:
            from .merging import _headline_and_lead
            head_end, lead_end = _headline_and_lead(self._anchor_doc)
        report_year = report[:4]
        event_tokens = {i for g in groups for m in g for i in (*m.tokens, m.head.i, m.pred.i)}
        for g in groups:
            if any(m.date is not None and m.date.value for m in g) or any(_stated_span(m) for m in g):
                continue
            if all(m.frame_offset or m.frame_of is not None and id(m.frame_of) in kept for m in g):
                continue      # a setting told in passing has no time of the article's; it takes its event's below
            if any(m.vague_time for m in g) and g[0].type != "AGREE":
                continue      # a promise is dated when made; a vague time belongs to what was promised
            if g[0].type == "AGREE" and all(m.pred.dep_ == "relcl" and m.pred.tag_ == "VBD" and m.pred.head.pos_ == "NOUN"
                                            and m.pred.head.i not in m.tokens and m.pred.head.i not in event_tokens
                                            for m in g):
                continue      # "the instrument that China offered to carry": a promise recalled to say what a thing is
                #               (but "the talks that produced an offer" tell the offer at the talks)
            first = min(m.span[0] for m in g)
            text = " ".join(m.sent.text[m.span[0] - m.sent.start:m.span[1] - m.sent.start] for m in g).lower()
            # "since last year": a bound; "up from $87 billion last year": the base of a comparison
            if OTHER_TIME.search(_SINCE_OR_UP_FROM.sub("", text)):
                continue
            prior = [te for pos, te, _s in dated if pos < first]
            lead = list_lead(g[0].pred.sent)
            if lead is not None:
                # "- the first engineers are to start in January 2026;" / "- Kenya will open its tenders": each item
                # of a list is an undertaking of its own, dated by the lead-in or what came before it
                prior = [te for pos, te, _s in dated if pos < first and not lead.end_char <= pos < g[0].sent.start]
            if any(m.future for m in g) or g[0].type == "AGREE":
                # a plan is dated when stated: not by a time in an earlier year the article recalled
                prior = [te for te in prior if te.value[:4] >= report_year]
            if report and any(m.future for m in g):
                # nor, told in the future, by a time that ended long before the report ("X, who toured the park
                # during his visit in March, is expected to attend the meeting", written in September): a
                # plan told in the news was stated days before, not months
                prior = [te for te in prior if not _ended_before(te.value, report, self.rules.cfg["plan_statement_days"])]
            if report and not any(m.future for m in g) and any(m.pred.tag_ in ("VBD", "VBN") for m in g):
                # a time ahead of the report is a plan's, not the time of a past act or of a promise made:
                # "will hold talks next year. the president invited firms to invest" was not next year
                prior = [te for te in prior if te.value[:10] <= report[:len(te.value)]]
            if not prior:
                # told before its time: "X and Y signed a deal." then "... on Friday, Nov. 17"; "he met
                # the host ahead of the summit on Friday" (a later time of its own sentence)
                last = max(m.sent.start + len(m.sent.text) for m in g)
                reach = last + _LEAD_GAP
                if lead_end and min(m.sent.start for m in g) < head_end:
                    reach = max(reach, lead_end)    # a headline told before its time: by the lead paragraph below it
                # ... from the next sentence, a time of the news, not of the past it recalls ("The two ministers
                # toured a plant. The plant was opened during a visit in March last year.")
                prior = [te for pos, te, sent_start in dated if pos > first and sent_start <= reach
                         and te.value <= (self._doc_date or "")[:len(te.value)] and not (
                             report and sent_start >= last and _ended_before(
                                 te.value, report, self.rules.cfg["plan_statement_days"]))][:1]
                rule = "date.lead_from_next_sentence"
            else:
                rule = "date.inherited"
            if prior:
                te = prior[-1]
                shift = _relative_day(g[0]) if rule == "date.inherited" and te.precision == "day" else None
                if shift:
                    # "The next day, a ministerial meeting will be held": the day the article was talking about, shifted
                    day = (_dt.date.fromisoformat(te.value[:10]) + _dt.timedelta(days=shift)).isoformat()
                    g[0].set_date(dates_mod.TimeExpr(te.start, te.end, None, day, "day"), rule, "date.relative_day")
                    continue
                # inherited: no words of its own say when (date_text stays empty)
                g[0].set_date(dates_mod.TimeExpr(te.start, te.end, None, te.value, te.precision), rule)
        # "Japan and the EU agreed ..., a day after China unveiled curbs": once the main clause has its time
        every = [m for g in groups for m in g]
        for g in groups:
            if not any(m.date is not None and m.date.value for m in g):
                for m in g:
                    if _stated_span(m) and _date_from_main_clause(m, every, g[0]):
                        break
        # a setting told in passing takes the time its event was given: "held talks, during a five-day
        # visit" -> the visit is of that month (it began earlier), "the talks at which they agreed" -> that day
        date_of = {}
        for g in groups:
            te = next((m.date for m in g if m.date is not None and m.date.value), None)
            for m in g:
                date_of[id(m)] = te
        for g in groups:
            if any(m.date is not None and m.date.value for m in g):
                continue
            for m in g:
                te = date_of.get(id(m.frame_of)) if m.frame_of is not None and not m.frame_offset else None
                if te is None:
                    continue
                value, precision = te.value, te.precision
                if m.head.head.lower_ == "during" and precision == "day" and \
                        lemma_of(m.head) in self.rules.cfg["travel_nouns"]:
                    value, precision = value[:7], "month"      # a visit began before the day of what it framed
                g[0].set_date(dates_mod.TimeExpr(te.start, te.end, None, value, precision), "date.setting_of_dated_event")
                break


_SAME_YEAR = re.compile(r"^\s*,?\s*(?:of\s+)?(?:the\s+same|that)\s+year\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _accepted_occasion(groups, g):
    """The dated invitation before an acceptance with no time of its own ("X invited Y to a conference in
    September, and Y accepted"; "... Y accepted the invitation"): the latest inviting mention before it."""
    first = min(m.span[0] for m in g)
    best = None
    for h in groups:
        for x in h:
            if x.type == "AGREE" and lemma_of(x.pred) == "invite" and x.date is not None and x.date.value \
                    and x.span[0] < first and (best is None or x.span[0] > best.span[0]):
                best = x
    return best


def _same_year(te, document, sent):
    """ "In August the same year": the year is the last one the article named before, not the report's."""
    if not te.value or len(te.value) < 7 or not _SAME_YEAR.match(sent.text[te.end:]):
        return te
    years = _YEAR.findall(document.text[document.body_start:sent.start])
    if not years or years[-1] == te.value[:4]:
        return te
    return dates_mod.TimeExpr(te.start, te.end, te.text, years[-1] + te.value[4:], te.precision, te.relation)


_SAME_DAY = re.compile(r"(?:on\s+)?(?:the\s+same|that)\s+day", re.I)


def _stated_span(m: EventMention):
    """(count, unit token, 'after'|'before') for a clause told a stated span from its main clause ("a day
    after China unveiled curbs"), else None."""
    p = m.pred
    mark = next((c for c in p.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    # (the parser hangs "nine months" on the verb or on its "after")
    unit = next((c for c in [*p.children, *(mark.children if mark is not None else ())] if c.dep_ == "npadvmod"), None)
    if p.dep_ != "advcl" or mark is None or unit is None:
        return None
    num = next((c for c in unit.children if c.dep_ in ("nummod", "det", "quantmod")), None)
    n = dates_mod.count_word(num.text) if num is not None else None
    return (n, unit, mark.lower_) if n else None


def _date_from_main_clause(m: EventMention, mentions, target: EventMention | None = None, times=None) -> bool:
    """Date `m` (or the record `target` it belongs to) a stated span from the dated main clause it hangs on; with
    `times` (the sentence's time expressions and the sentence), also from a time the main verb itself takes when
    the main clause is no event ("The talks opened on Tuesday, nine months after X and Y signed ...")."""
    span = _stated_span(m)
    if span is None:
        return False
    n, unit, mark = span
    p = m.pred
    main = next((x for x in mentions if x is not m and x.date is not None and x.date.value and (
        p.head.i in (x.pred.i, x.head.i) or p.head.i in x.tokens) and x.sent is m.sent), None)
    when = main.date if main is not None else None
    if when is None and times is not None:
        tes, sent = times
        clause = {x.i for x in p.subtree}
        for te in tes:
            toks = [x for x in p.sent if sent.start + te.start <= x.idx < sent.start + te.end]
            if te.value and toks and not any(x.i in clause for x in toks) and any(
                    x.head.i == p.head.i or x.head.dep_ == "prep" and x.head.head.i == p.head.i for x in toks):
                when = te
                break
    if when is None:
        return False
    if lemma_of(unit) in ("hour", "minute"):
        back = (when.value, when.precision)     # "a few hours after X landed": the same day
    else:
        back = dates_mod.shift_value(when.value, -n if mark == "after" else n, lemma_of(unit))
    if not back:
        return False
    (target or m).set_date(dates_mod.TimeExpr(when.start, when.end, None, back[0], back[1]),
                           "date.span_from_main_clause")
    return True
