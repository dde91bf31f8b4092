"""Merging within one sentence: mentions of one event in a sentence (a framed setting, a conjoined verb of the
same act, a meeting and the act done at it) become one. ``MergeRules`` (``merging.py``) inherits this."""
from __future__ import annotations

from .mention import EventMention
from .trigger_shapes import sequel_verb
from .merge_pairs import _absorb_sides, absorb, compatible, distinct_objects, framing, named_by_year, own_subject


def _subject_of(a: EventMention, b: EventMention) -> bool:
    """"A forum is scheduled for June", "talks are set for Monday": one mention's meeting noun is the
    subject of the other's verb, and both tell the one planned meeting."""
    def subj(noun, verb):
        return noun.head.pos_ == "NOUN" and noun.head.dep_ in ("nsubj", "nsubjpass") \
            and noun.head.head.i == verb.head.i and verb.head.pos_ == "VERB" and verb.cls == "event"
    return subj(a, b) or subj(b, a)


def _in_sequence(a: EventMention, b: EventMention, verbs) -> bool:
    """"The talks follow his state visit in December", "build on a meeting in April": the subject and the object of
    a verb of sequence are two events, one after the other, even when one is a definite noun."""
    va, vb = sequel_verb(a.head, verbs), sequel_verb(b.head, verbs)
    return va is not None and vb is not None and va.i == vb.i and "nsubj" in (a.head.dep_, b.head.dep_) and \
        a.head.dep_ != b.head.dep_


def _inside_followed(x: EventMention, m: EventMention) -> bool:
    """"The talks build on a meeting in April, when the leaders held talks ...": what is told inside the clause of
    the event `x` follows is that earlier event's, not `x`'s."""
    for a, b in ((x, m), (m, x)):
        if a.follows is not None and (b.head.i in {t.i for t in a.follows.head.subtree} or (
                b.pred.dep_ == "relcl" and b.pred.head.ent_type_ in ("DATE", "TIME"))):
            return True     # (or hung by the parser on the time of the earlier event: "on April 3, when ...")
    return False


def _act_at_planned_meeting(meeting: EventMention, m: EventMention, words) -> bool:
    """"... is set to make a state visit to Xville on Friday, where the two leaders are expected to sign 20
    agreements": a planned act (not a meeting, unless the planned meeting is a visit: a tour or talks at its
    place) told in a relative clause of place or time (event_rules.json setting_relative_words) hung inside a
    planned meeting's clause is announced for that meeting, one event with it (realnews conventions: a signing
    announced for a future meeting is not coded twice)."""
    if meeting.cls != "meeting" or meeting.type != "AGREE":
        return False
    if m.cls == "meeting" and meeting.mode != "visit" or m.cls != "meeting" and m.type != "AGREE":
        return False        # a tour or talks told there ("will visit X, where the two plan to tour key facilities and
        #                     discuss ...") are part of the planned visit
    t = m.pred
    while t.dep_ != "relcl" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ in words for c in t.subtree if c.i < m.pred.i):
        return False
    inside = {x.i for x in meeting.pred.subtree} - {x.i for x in t.subtree}
    return t.head.i in inside and meeting.head.i in inside


def _stop_on_planned_trip(trip: EventMention, m: EventMention) -> bool:
    """"Will travel to Xville and hold talks with the premier before visiting a museum": a visit with no subject of
    its own hung inside a planned trip's clause is a stop of that trip, one planned event with it."""
    if trip.cls != "meeting" or trip.type != "AGREE" or trip.mode != "visit" or m.cls != "meeting" \
            or m.mode != "visit" or m.pred.i == trip.pred.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in m.pred.children):
        return False
    return m.pred.i in {x.i for x in trip.pred.subtree} and m.pred.dep_ in ("pcomp", "advcl", "xcomp")


def _act_on_planned_trip(trip: EventMention, m: EventMention) -> bool:
    """"Will fly to Santiago next week and is expected to sign a memorandum": a planned act joined to a planned
    trip's verb (through "expected to", "due to") is done on that trip, one planned event with it (realnews
    conventions 1)."""
    if trip.cls != "meeting" or trip.type != "AGREE" or trip.mode != "visit" or m.cls == "meeting" or m.type != "AGREE":
        return False
    cur = m.pred
    for _ in range(3):
        if cur.dep_ == "conj" and cur.head.i == trip.pred.i:
            return True
        if cur.dep_ not in ("xcomp", "ccomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _meeting_of_body_made(made: EventMention, meeting: EventMention) -> bool:
    """"Will create a joint task force, which will hold its first meeting in Abuja in June", "will establish a
    working group, whose first meeting is to take place in Pretoria": the meeting of a body a commitment sets up,
    told in a relative clause on that body, is part of the commitment (one event, dated and placed by the
    meeting: realnews conventions 3)."""
    if meeting.cls != "meeting" or made.cls == "meeting" or made.type != "AGREE":
        return False
    clause = next((a for a in [meeting.head, *list(meeting.head.ancestors)[:3]] if a.dep_ == "relcl"), None)
    return clause is not None and (clause.head.head.i == made.pred.i or clause.head.head.i in made.tokens) \
        and clause.head.dep_ in ("dobj", "nsubjpass") \
        and any(x.tag_ in ("WDT", "WP$") for x in clause.subtree if x.i < meeting.head.i)


def _visit_in_apposition(visit: EventMention, m: EventMention) -> bool:
    """"... will pay a state visit to Korea from August 10 to 13 at the invitation of President Lee, his first trip
    to Seoul since ...": a visit noun set in apposition in the sentence of a visit tells that visit again, whatever
    the parser hung it on."""
    return visit.cls == m.cls == "meeting" and visit.mode == m.mode == "visit" and m.head.pos_ == "NOUN" \
        and m.head.dep_ == "appos" and m.head.i not in visit.tokens and visit.pred.pos_ in ("VERB", "AUX", "NOUN") \
        and m.date is None


class SentenceMerging:
    """The sentence step of ``MergeRules``."""

    def _merge_sentence(self, mentions, sdoc, actors) -> list[EventMention]:
        """Mentions of one sentence that tell one event (conjoined verbs: "met ... and discussed"; an
        anaphoric noun) become one; settings are linked to the events they frame first."""
        self._frames(mentions, sdoc, actors)
        merged: list[EventMention] = []
        sequel = self.rules.cfg["sequel_verbs"]
        for a in mentions:
            for b in mentions:
                if a is not b and a.head.dep_ == "nsubj" and _in_sequence(a, b, sequel):
                    a.follows = b       # "the talks follow his state visit": two events, the visit first
                    a.note("kept_apart", "merging.in_sequence")
        for m in mentions:
            tgt = next((x for x in merged if x.type == m.type and x.cls == m.cls and not framing(x, m) and (
                (m.head.dep_ == "conj" and m.head.head.i in x.tokens or x.head.dep_ == "conj" and x.head.head.i in m.tokens)
                and (m.cls == "meeting" or not distinct_objects(x, m)) and not own_subject(x, m)
                or (m.anaphoric or x.anaphoric) and compatible(x, m) and not (named_by_year(x) or named_by_year(m))
                and not _in_sequence(x, m, sequel) and not _inside_followed(x, m))), None)
            if tgt is not None:
                m.note("merged", "merging.same_sentence")
                absorb(tgt, m)
                continue
            words = self.rules.cfg["setting_relative_words"]
            tgt = next((x for x in merged if _act_at_planned_meeting(x, m, words)
                        or _act_at_planned_meeting(m, x, words)), None)
            rule = "merging.act_at_planned_meeting"
            if tgt is None:
                tgt = next((x for x in merged if _act_on_planned_trip(x, m) or _act_on_planned_trip(m, x)), None)
                rule = "merging.act_on_planned_trip"
            if tgt is None:
                tgt = next((x for x in merged if _stop_on_planned_trip(x, m) or _stop_on_planned_trip(m, x)), None)
                rule = "merging.stop_on_planned_trip"
            if tgt is not None:     # the meeting keeps the record: the act is announced for it
                meeting, act = (tgt, m) if tgt.cls == "meeting" else (m, tgt)
                if rule == "merging.stop_on_planned_trip" or {tgt.cls, m.cls} == {"meeting"}:
                    meeting, act = (tgt, m) if _stop_on_planned_trip(tgt, m) or _act_at_planned_meeting(
                        tgt, m, words) else (m, tgt)
                act.note("merged", rule)
                _absorb_sides(meeting, act)
                if meeting is m:
                    merged[merged.index(tgt)] = m
                continue
            tgt = next((x for x in merged if _meeting_of_body_made(x, m) or _meeting_of_body_made(m, x)), None)
            if tgt is not None:     # the commitment keeps the record
                body, meeting = (tgt, m) if tgt.cls != "meeting" else (m, tgt)
                meeting.note("merged", "merging.meeting_of_body_made")
                meeting.actors, meeting.recipients = [], []     # the body's members meet: the commitment's parties
                absorb(body, meeting)
                if body is m:
                    merged[merged.index(tgt)] = m
                continue
            tgt = next((x for x in merged if _visit_in_apposition(x, m)), None)
            if tgt is not None:     # the visit told first keeps the record (and its plan); "his" is the visitor's
                m.note("merged", "merging.visit_in_apposition")
                m.actors, m.recipients = [], []
                absorb(tgt, m)
                continue
            tgt = next((x for x in merged if x.type == m.type and {x.cls, m.cls} == {"meeting", "event"}
                        and not framing(x, m) and _subject_of(x, m) and compatible(x, m)), None)
            if tgt is not None and tgt.cls == "meeting":
                m.note("merged", "merging.subject_of_plan")
                absorb(tgt, m)
            elif tgt is not None:       # the meeting noun keeps the record: it is a meeting, planned
                tgt.note("merged", "merging.subject_of_plan")
                absorb(m, tgt)
                merged[merged.index(tgt)] = m
            else:
                merged.append(m)
        return merged
