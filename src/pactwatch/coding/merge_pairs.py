"""Whether two mentions can tell one event (``compatible``: kind, participants, place, date), the clause shapes
that keep two apart (a conjunct with a subject of its own, different objects), and folding one mention into
another (``absorb``)."""
from __future__ import annotations

from ..places import same_place
from .mention import EventMention, countries_of, dedupe, people_of
from .rules import lemma_of


def framing(a: EventMention, b: EventMention) -> bool:
    return a.frame_of is b or b.frame_of is a


def own_subject(a: EventMention, b: EventMention) -> bool:
    """"Mokoena held talks in January, and Pembridge visited Cape Town in May": a conjoined clause with a
    subject of its own tells another event."""
    later = b.pred if b.pred.dep_ == "conj" else a.pred
    return later.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in later.children)


def distinct_objects(a: EventMention, b: EventMention) -> bool:
    """Conjoined verbs acting on different things ("rejected the demand and called off the visit") are two events."""
    oa = {lemma_of(c) for c in a.pred.children if c.dep_ in ("dobj", "nsubjpass")}
    ob = {lemma_of(c) for c in b.pred.children if c.dep_ in ("dobj", "nsubjpass")}
    return bool(oa and ob and not oa & ob)


def _same_kind(a: EventMention, b: EventMention, reaching=()) -> bool:
    """Whether b can tell a's event by their categories and classes. `reaching`: verbs of coming to an
    agreement (event_rules.json reaching_verbs)."""
    if a.type == b.type == "SUPPORT" and b.anaphoric and {a.cls, b.cls} == {"accord", "event"}:
        return True     # "signed a deal ... witnessed the signing of the agreement": the act of an accord told again
    if a.type == b.type == "AGREE" and b.cls == "accord" and b.anaphoric and a.cls == "event" \
            and b.head.dep_ == "dobj" and lemma_of(b.head.head) in reaching:
        return True     # "X and Y agreed on Monday to ... The ministers reached the agreement at ...": the act named
    if a.cls != b.cls:
        return False
    if a.type == b.type:
        return a.cls in ("meeting", "accord") or b.anaphoric or b.ref_object is not None
    if a.cls == "accord" and b.anaphoric and {a.type, b.type} <= {"AGREE", "SUPPORT"}:
        return True
    return False


def _share_person(pa: set, pb: set) -> bool:
    """Whether two sets of people's names hold one person: the same name, or a surname, bare or after a title,
    and a full name ending in it ("President Ruto" in a headline above "William Ruto" in the lead, before the
    short name is known)."""
    return bool(pa & pb) or any(len(x.split()) <= 2 and len(y.split()) > 1 and x.split()[-1] == y.split()[-1]
                                and x != y for a, b in ((pa, pb), (pb, pa)) for x in a for y in b)


def named_by_year(m: EventMention) -> str | None:
    """The year an accord is named by ("their 2009 free trade agreement", "the 2018 accord"), or None."""
    if m.cls != "accord" or m.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c.text for c in m.head.children if c.i < m.head.i and c.dep_ in ("nummod", "compound", "amod", "npadvmod")
                 and len(c.text) == 4 and c.text.isdigit() and c.text[:2] in ("19", "20")), None)


def compatible(a: EventMention, b: EventMention, attendees: bool = False, retold: bool = False) -> bool:
    """Whether two mentions can tell one event. `attendees`: b names more attendees of a multilateral
    meeting, so that parties of its own do not make it another meeting. `retold`: b is the lead telling the
    headline's event again, so that a visit to a country and a visit placed in one of its cities are one."""
    if (a.aux_mode in ("hypothetical", "negation") or b.aux_mode in ("hypothetical", "negation")) \
            and a.aux_mode != b.aux_mode:
        return False
    # an official not named ("Estonia (Prime Minister)" for a headline's "Estonian PM") may be anyone of his state
    pa = {p for p in people_of(a.actors + a.recipients) if not p.endswith(")")}
    pb = {p for p in people_of(b.actors + b.recipients) if not p.endswith(")")}
    if pa and pb and not _share_person(pa, pb) and not (a.described or b.described) and not attendees:
        return False
    ca, cb = countries_of(a.actors + a.recipients), countries_of(b.actors + b.recipients)
    if len(ca) >= 2 and len(cb) >= 2 and not (ca & cb) and not attendees:
        return False
    if a.location and b.location and not same_place(a.location, b.location):
        return False
    if a.location and b.location and a.location.name != b.location.name and a.location.geonames_id != b.location.geonames_id \
            and "visit" in (a.mode, b.mode) and not (retold and a.mode == b.mode == "visit"):
        return False        # a visit to a country and a meeting in one of its cities are two events (a meeting at
        #                     a city and the same meeting "in the US", told again, are one)
    if a.date and b.date and a.date.value and b.date.value:
        n = min(len(a.date.value), len(b.date.value))
        if a.date.value[:n] != b.date.value[:n]:
            return False
    if (a.date and a.date.value and b.vague_time) or (b.date and b.date.value and a.vague_time):
        return False
    return True


def absorb(target: EventMention, m: EventMention) -> None:
    target.tokens |= m.tokens | {m.pred.i}
    target.actors = dedupe(target.actors + m.actors)
    target.recipients = dedupe(target.recipients + m.recipients)
    target.location = target.location or m.location
    target.agreement = target.agreement or m.agreement
    for what, rules in m.why.items():
        if what != "date" or target.date is None:
            for r in rules:
                target.note(what, r)
    for tp in m.topics:
        if tp not in target.topics:
            target.topics.append(tp)


def _absorb_sides(meeting: EventMention, act: EventMention) -> None:
    """Absorb an act done at a meeting whose sides are already set ("the two leaders" of a visitor and his
    host): a state the meeting holds on one side is not added to the other."""
    ours, theirs = countries_of(meeting.actors), countries_of(meeting.recipients)
    act.actors = [e for e in act.actors if not e.country or e.country not in theirs]
    act.recipients = [e for e in act.recipients if not e.country or e.country not in ours]
    absorb(meeting, act)
