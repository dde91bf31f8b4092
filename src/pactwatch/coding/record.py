"""The event record: one group of merged mentions becomes one ``Event`` with its evidence, confidence
and trace."""
from __future__ import annotations

import functools
import hashlib
import re

from ..knowledge import load_knowledge
from ..model import Document, Entity, Event, Evidence, Location
from .confidence import confidence
from .mention import EventMention, dedupe, drop_redundant_countries
from .rules import KIND_RANK, LOCATED_TYPES, NON_STATE

# categories whose acts, when no target is named, are aimed at the actors' own state
DOMESTIC_TYPES = {"PROTEST", "COERCE", "ASSAULT"}
# categories whose target may be the actors' own state named in other words ("Tunisia is investigating
# abuses by Tunisian guards")
OWN_TARGET_TYPES = DOMESTIC_TYPES | {"ACCUSE"}
# categories whose doer, when none is named, is of the country where the act happens
UNNAMED_DOER_TYPES = {"PROTEST", "ASSAULT"}


class RecordBuilder:
    def _finish(self, document: Document, g: list[EventMention], offset: int = 0) -> Event:
        first = g[0]
        typ = first.type
        actors, recips = [], []
        for m in g:
            actors.extend(m.actors)
            recips.extend(m.recipients)
        # a party that a mention with both sides names as the other side stays there, although another
        # mention (a headline, "they held discussions") counts it among the actors
        directed = {e.country or e.entity_name for m in g if m.actors and m.recipients for e in m.recipients} - {
            e.country or e.entity_name for m in g if m.actors and m.recipients for e in m.actors}
        moved = [e for e in actors if (e.country or e.entity_name) in directed]
        actors = dedupe([e for e in actors if (e.country or e.entity_name) not in directed])
        recips = [e for e in dedupe(recips + moved) if e.entity_name not in {a.entity_name for a in actors}]
        actors, recips = drop_redundant_countries(actors), drop_redundant_countries(recips)
        why = _trace(g)
        kb = load_knowledge()
        states = {e.country for e in actors + recips if e.country and e.country not in NON_STATE}
        named_group = {e.entity_name for e in actors + recips if set(kb.members_of(e.entity_name) or ("-",)) <= states}
        if named_group:
            # "the leaders of A, B, C and D, known as the Quad": a grouping whose members are all named is
            # named by them (organizations.tsv members)
            actors = [e for e in actors if e.entity_name not in named_group]
            recips = [e for e in recips if e.entity_name not in named_group]
            why["actor"] = why.get("actor", []) + ["record.group_of_named_members"]
        if typ in OWN_TARGET_TYPES and not recips:
            # "the British government outlawed a group in Northern Ireland", "Tunisia is investigating abuses
            # by Tunisian guards": a mention naming the actors' own state, in other words, as the target
            own_named = [e for m in g for e in m.recipients if any(e.entity_name == a.entity_name for a in m.actors)
                         and all((e.raw_text or "") != (a.raw_text or "") for a in m.actors)]
            if own_named:
                recips = dedupe(own_named)[:1]
                why["recipient"] = why.get("recipient", []) + ["record.own_state_named_as_target"]
        loc = next((m.location for m in g if m.location is not None), None)
        kb = load_knowledge()

        def seated(e: Entity) -> bool:
            return loc is not None and bool(loc.country) and loc.country in kb.seat_of(e.entity_name, e.country)
        if loc is not None and loc.country and any(seated(e) for e in actors + recips):
            # "the EU-India meeting in Brussels, Belgium": the state is named as the body's seat, not as a party
            text = " ".join(m.sent.text for m in g)

            def venue_only(e: Entity) -> bool:
                return e.entity_type == "country" and e.country == loc.country and (e.raw_text == loc.name or re.search(
                    re.escape(loc.name) + r",\s*" + re.escape(e.raw_text or ""), text) is not None)
            if any(venue_only(e) for e in actors + recips):
                actors = [e for e in actors if not venue_only(e)]
                recips = [e for e in recips if not venue_only(e)]
                why["recipient"] = why.get("recipient", []) + ["record.seat_is_no_party"]
        if loc is not None and loc.country and not recips and typ in LOCATED_TYPES and loc.country not in {
                e.country for e in actors}:
            name = load_knowledge().country_name(loc.country) or loc.country
            recips = [Entity(raw_text=loc.name, entity_name=name, country=loc.country, sector_code=None,
                             entity_type="country")]
            why["recipient"] = ["record.place_is_target"]
        if loc is not None and loc.country and loc.country not in NON_STATE and not recips and typ == "AGREE" and \
                any(m.cls == "meeting" for m in g) and len({e.country for e in actors}) == 1 and \
                loc.country not in {e.country for e in actors} \
                and not any(loc.country in kb.seat_of(e.entity_name, e.country) for e in actors):
            # "will fly to Santiago next week", "to tour lithium mines in the Atacama on Wednesday": a planned visit's
            # host is the state it is to take place in (realnews conventions 13: visitor actor, host recipient); a
            # joint body of two states meeting abroad has no host among its parties
            name = kb.country_name(loc.country) or loc.country
            recips = [Entity(raw_text=loc.name, entity_name=name, country=loc.country, sector_code="GOV",
                             entity_type="country")]
            why["recipient"] = why.get("recipient", []) + ["record.planned_visit_host"]
        if loc is not None and loc.country and loc.country not in NON_STATE and not recips and typ == "REJECT" and \
                any(_called_off_meeting_at(m, loc) for m in g) and actors and loc.country not in {e.country for e in actors} \
                and not any(loc.country in kb.seat_of(e.entity_name, e.country) for e in actors):
            # "X cancelled a trip to Sydney", "postponed the summit in Lima": the parties of the meeting called
            # off, its host among them
            name = kb.country_name(loc.country) or loc.country
            recips = [Entity(raw_text=loc.name, entity_name=name, country=loc.country, sector_code="GOV",
                             entity_type="country")]
            why["recipient"] = why.get("recipient", []) + ["record.called_off_meeting_host"]
        if typ in UNNAMED_DOER_TYPES and not actors and loc is not None and loc.country and \
                loc.country not in NON_STATE:
            # "a roadside bombing near Samarra killed ...", "a rally in Lagos": with no doer named, the
            # attack or protest is by people of the place (PLOVER's unidentified actors of the country)
            name = load_knowledge().country_name(loc.country) or loc.country
            actors = [Entity(raw_text=loc.name, entity_name=name, country=loc.country, sector_code="UNK",
                             entity_type="country")]
            why["actor"] = why.get("actor", []) + ["record.place_is_actor"]
        if typ in DOMESTIC_TYPES and not recips:
            # "police dispersed the crowd", "opposition parties organized a strike": protest and
            # repression with no stated target are aimed at the actors' own state (PLOVER)
            own = {e.country for e in actors if e.country and e.country not in NON_STATE}
            if len(own) == 1:
                code = own.pop()
                name = load_knowledge().country_name(code) or code
                recips = [Entity(raw_text=name, entity_name=name, country=code, sector_code="GOV",
                                 entity_type="country")]
                why["recipient"] = ["record.domestic_target"]
        mode = [first.mode] if first.mode else []
        if typ == "CONSULT" or (typ == "AGREE" and first.cls == "meeting"):
            allp = dedupe(actors + recips)
            text = " ".join(m.sent.text for m in g)
            if typ == "CONSULT" and _cue(self.rules.cfg["multilateral_cues"]).search(text):
                mode = ["multilateral"]
                why["mode"] = ["event_rules.json:multilateral_cues"]
            # a body meeting at its seat hosts ("talks with the EU in Brussels")
            hosts = [e for e in allp if loc is not None and (e.country == loc.country or seated(e))]
            guests = [e for e in allp if loc is not None and e.country and e.country != loc.country
                      and not seated(e)]
            if typ in ("CONSULT", "AGREE") and first.mode == "visit" and loc is not None and loc.country and guests \
                    and not hosts and not any(e.country for e in recips):
                # "her visit in Manila": a visit made in a country is made to it (also when the other side named is
                # a body of no known state: "arrived in Accra to a reception held by the governing party")
                name = load_knowledge().country_name(loc.country) or loc.country
                hosts = [Entity(raw_text=loc.name, entity_name=name, country=loc.country, sector_code="GOV",
                                entity_type="country")]
                allp = allp + hosts
                if typ == "AGREE":
                    recips = [e for e in recips if e.country] + hosts     # "will travel to Xville": the planned visit's host
                why["recipient"] = ["record.visit_place_is_host"]
            two_states = len({e.country for e in allp if e.country and e.country not in NON_STATE}) == 2 and all(
                e.country and e.country not in NON_STATE for e in allp)
            # a place read only from the dateline does not turn round a call whose sides the sentence names ("SEOUL -
            # ... the Korean ambassador called on the Philippine secretary": the caller is the guest, wherever)
            weak_place = why.get("location") == ["place.dateline"] and any(
                r.startswith("event_rules.json:courtesy_calls") for r in why.get("event_type", []))
            if weak_place and hosts and guests:
                why["actor"] = why.get("actor", []) + ["record.dateline_call"]
            if hosts and guests and typ == "CONSULT" and mode != ["multilateral"] and not weak_place:
                actors, recips = guests, hosts
                mode = ["visit"]
                why["recipient"] = why.get("recipient", []) + ["record.guest_and_host"]
                why["actor"] = why["mode"] = ["record.guest_and_host"]
            elif hosts and guests and typ == "CONSULT" and two_states and not (first.actors and first.recipients):
                # "met the US vice president in San Francisco on the sidelines of the summit": a meeting of two
                # states on a summit's sidelines in one of them still has a guest and a host
                actors, recips = guests, hosts
                why["recipient"] = why.get("recipient", []) + ["record.sidelines_guest_and_host"]
                why["actor"] = why.get("actor", []) + ["record.sidelines_guest_and_host"]
            elif typ == "CONSULT" and first.mode != "visit" and not (first.actors and first.recipients):
                actors, recips = allp, []     # "X held talks with Y" keeps its sides; a meeting of several has none
                why["actor"] = why.get("actor", []) + why.pop("recipient", []) + ["record.meeting_has_no_sides"]
            if not recips:
                host = self._cohost_place(g, loc)
                if host is not None and host.country not in NON_STATE and host.country not in {
                        e.country for e in actors} and not any(host.country in kb.seat_of(e.entity_name, e.country)
                                                               for e in actors):
                    # "a summit in Lisbon co-hosted by Ghana": the other host is the state the summit meets in
                    name = kb.country_name(host.country) or host.country
                    actors = actors + [Entity(raw_text=host.name, entity_name=name, country=host.country,
                                              sector_code="GOV", entity_type="country")]
                    why["actor"] = why.get("actor", []) + ["record.summit_host"]
                elif loc is not None and loc.country and loc.country not in {e.country for e in actors} and any(
                        loc.country in kb.members_of(e.entity_name) for e in actors):
                    # "the G7 summit in Hiroshima": a grouping meeting in one of its member states is hosted by it
                    name = kb.country_name(loc.country) or loc.country
                    actors = actors + [Entity(raw_text=loc.name, entity_name=name, country=loc.country,
                                              sector_code="GOV", entity_type="country")]
                    why["actor"] = why.get("actor", []) + ["record.group_meets_at_member"]
        date = next((m.date for m in g if m.date is not None and m.date.value), None)
        topics = []
        for m in g:
            for tp in m.topics:
                if tp not in topics:
                    topics.append(tp)
        if len(topics) > 1 and "science_research" in topics:
            topics.remove("science_research")
        agreement = None
        for m in g:
            if m.agreement:
                if agreement is None:
                    agreement = dict(m.agreement)
                else:
                    agreement["name"] = agreement.get("name") or m.agreement.get("name")
                    if KIND_RANK.get(m.agreement.get("kind") or "", 2) > KIND_RANK.get(agreement.get("kind") or "", 2):
                        agreement["kind"] = m.agreement["kind"]
        aux = first.aux_mode
        context = []
        if topics:
            context.append("technology")
        if typ in ("CONSULT", "AGREE", "SUPPORT", "REJECT", "ACCUSE", "REQUEST") and any(
                e.sector_code in ("GOV", None) for e in actors + recips):
            context.append("diplomatic")
        if any(e.sector_code == "MIL" for e in actors + recips) or typ in ("MOBILIZE", "ASSAULT"):
            context.append("military")
        if _cue(self.rules.cfg["economic_cues"], ignore_case=False).search(" ".join(m.sent.text for m in g)):
            context.append("economic")
        spans = []
        for m in sorted(g, key=lambda m: m.span):
            a, b = m.span
            if spans and a < spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], b))
            else:
                spans.append((a, b))
        evidence = [Evidence(document.id, a, b, document.text[a:b]) for a, b in spans]
        trigger = first.head.text
        ev = Event(doc_id=document.id, event_type=typ, mode=mode, context=context, aux_mode=aux,
                   actor=actors, recipient=recips,
                   date=date.value if date else None, date_precision=date.precision if date else None,
                   date_text=date.text if date else None, location=loc, topics=topics, agreement=agreement,
                   evidence=evidence, trigger=trigger, why={k: v for k, v in why.items() if v}, kind=first.cls)
        ev.confidence = confidence(ev)
        key = f"{document.id}|{typ}|{first.sent.start + offset}|{first.head.idx + offset}|{trigger}"
        ev.id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        return ev

    def _cohost_place(self, g: list[EventMention], loc) -> Location | None:
        """Where a co-hosted meeting of a group meets, when one of its sentences says the meeting is co-hosted
        ("a summit in Lisbon co-hosted by Ghana", "will be held in Lisbon, co-hosted by ..."): the event's place,
        else a place in 'in'/'at' hung on the meeting noun or on the verb holding it in that sentence."""
        for m in g:
            sent = m.head.sent
            if not _COHOST.search(sent.text):
                continue
            if loc is not None and loc.country:
                return loc
            nouns = {t.i for t in sent if t.i in m.tokens or t.lemma_.lower() in _MEETING_NOUNS}
            heads = nouns | {t.head.i for t in sent if t.i in nouns and t.dep_ == "nsubjpass"
                             and t.head.lemma_.lower() in ("hold", "take")}
            for t in sent:
                if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ("in", "at") \
                        and t.head.head.i in heads and t.pos_ == "PROPN":
                    name = " ".join(x.text for x in t.subtree if x.pos_ == "PROPN" or x.i == t.i)
                    place = self.gaz.lookup(name) if hasattr(self, "gaz") else None
                    if place is not None and place.country:
                        return place
        return None


# "co-hosted by", "co-host nation", "jointly hosted": a host besides the one named
_COHOST = re.compile(r"\bco\s?-?\s?host(?:s|ed|ing)?\b|\bjointly\s+host(?:s|ed|ing)?\b", re.I)
_MEETING_NOUNS = {"summit", "meeting", "conference", "forum", "talks", "session", "gathering"}

def _called_off_meeting_at(m: EventMention, loc: Location) -> bool:
    """Whether the meeting a refusal calls off ("cancelled a trip to Sydney", "the summit in Lima will be
    postponed"), folded into it as its object or passive subject, names the place."""
    if "CONSULT" not in m.folded_types:
        return False
    sdoc = m.head.doc
    for i in m.tokens:
        tok = sdoc[i]
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "nsubj") and tok.head.i == m.pred.i \
                and loc.name in " ".join(x.text for x in tok.subtree):
            return True
    # "a trip to Sydney that Biden had planned but was forced to cancel": a meeting noun folded into the refusal that
    # names the place in a prepositional phrase of its own
    for i in m.tokens:
        tok = sdoc[i]
        if i != m.pred.i and tok.pos_ == "NOUN" and any(
                c.dep_ == "prep" and any(x.text == loc.name for x in c.subtree) for c in tok.children):
            return True
    return False


def _trace(g: list[EventMention]) -> dict:
    """The rule ids behind a group's fields: those of all its mentions; the date's from the mention whose
    date the record takes."""
    why: dict[str, list[str]] = {}
    for m in g:
        for what, rules in m.why.items():
            if what != "date":
                why.setdefault(what, []).extend(r for r in rules if r not in why.get(what, []))
    dated = next((m for m in g if m.date is not None and m.date.value), None)
    if dated is not None:
        why["date"] = list(dated.why.get("date", []))
    placed = next((m for m in g if m.location is not None), None)
    if placed is not None:
        why["location"] = list(placed.why.get("location", []))
    return why


@functools.lru_cache(maxsize=None)
def _cue_re(words: tuple, flags: int) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", flags)


def _cue(words, ignore_case: bool = True) -> re.Pattern:
    """A regular expression matching any of these words or phrases as whole words."""
    return _cue_re(tuple(sorted(words)), re.I if ignore_case else 0)
