"""Participants in special cases, applied after the plain reading of the parse (``ParticipantRules``): the other
side of a reaction, a refusal or a measure told elsewhere in the article, a body seated abroad, an act received
from someone, an official speaking for his state, and the event a setting frames."""
from __future__ import annotations

from ..model import Entity
from .mention import countries_of, dedupe, entities_of
from .noun_phrases import np_tokens
from .rules import NON_STATE, lemma_of
from .triggers import frame_prep


class ParticipantCases:
    def _they_of_sentence(self, subj, pred, actors) -> list[Entity]:
        """The states a plural pronoun subject of a clause inside the sentence stands for: the nearest subject
        above it naming two or more states ("X and Y adopted a roadmap for the partnership they signed in 2022"
        : they = X and Y). Empty when there is none (the article's context decides)."""
        if subj.lower_ not in self.rules.cfg["plural_pronouns"] or pred.dep_ == "ROOT":
            return []
        frames = self.rules.cfg["frame_nouns"]
        for v in pred.ancestors:
            if v.pos_ not in ("VERB", "AUX"):
                continue
            for c in v.children:
                if c.dep_ == "nsubj" and c.i != subj.i:
                    ents = entities_of(actors.in_tokens(np_tokens(c, False, frames)))
                    if len(countries_of(ents)) >= 2:
                        return ents
        return []

    def _qualifies_topic(self, tok, t) -> bool:
        """Whether a state's token only qualifies a measure or a situation ("Chinese tariffs", "Russia's war", "the
        crisis in X"; event_rules.json:topic_noun_types, situation_nouns) that is not the event's own noun."""
        cfg = self.rules.cfg
        cur = tok
        if cur.dep_ == "pobj" and cur.head.lower_ in ("in", "of") and cur.head.head.i != cur.i:
            cur = cur.head      # "the crisis in X"
        if cur.dep_ not in ("amod", "poss", "compound", "nmod", "prep"):
            return False
        noun = cur.head
        if noun.i == t.i or noun.pos_ != "NOUN":
            return False
        lem = noun.lemma_.lower()
        trig = self.rules.nouns.get(lem) or self.rules.nouns.get(noun.lower_)
        return lem in cfg["situation_nouns"] or (trig is not None and trig.type in cfg["topic_noun_types"])

    def _headline_reaction_target(self, m, t, sdoc, actors) -> None:
        """"Chile protests" over a lead "Peru tightened rules on lithium exports ...", "Peru tightens lithium rules,
        Chile protests": a headline's reaction with no other side is aimed at the state whose measure the headline's
        other clause or the lead's first sentence tells (its subject; event_rules.json:reaction_types and
        measure_types, or an announcing verb of measure_verbs with a measure_nouns object)."""
        cfg = self.rules.cfg
        if m.type not in cfg["reaction_types"] or m.recipients or len(countries_of(m.actors)) != 1:
            return
        from .merging import _headline_and_lead
        head_end, lead_end = _headline_and_lead(actors.document)
        if not head_end or t.idx >= head_end:
            return
        own = countries_of(m.actors)

        def measure(v) -> bool:
            trig = self.rules.verbs.get(lemma_of(v))
            return trig is not None and trig.type in cfg["measure_types"] or lemma_of(v) in cfg["measure_verbs"] and any(
                c.dep_ == "dobj" and c.lemma_.lower() in cfg["measure_nouns"] for c in v.children)

        lead = next((s_ for s_ in sdoc.sents if head_end <= s_.start_char < lead_end), None)
        # the headline's clauses (one sentence, or two when its comma or semicolon split it: nlp._headline_clauses),
        # then the lead's first sentence
        heads = [(s_, [v for v in s_ if v.pos_ == "VERB" and v.i != t.i]) for s_ in sdoc.sents if s_.start_char < head_end]
        for span, verbs in (*heads, (lead, [] if lead is None else [lead.root] + [c for c in lead.root.children
                                                                                  if c.dep_ in ("conj", "xcomp")])):
            for v in verbs:
                if not measure(v):
                    continue
                subj = [c for c in v.children if c.dep_ == "nsubj"] or \
                    ([c for c in span.root.children if c.dep_ == "nsubj"] if v.dep_ == "xcomp" else [])
                found = [x.entity for x in actors.in_tokens([i for c in subj for i in np_tokens(c, False, cfg["frame_nouns"])])]
                if not subj and span is not lead and v.i > span.start and actors.owner.get(v.i - 1) is not None:
                    found = [actors.owner[v.i - 1].entity]     # "Japan tightens seafood checks, ...": headline-ese the
                    #                                             parser reads as one noun phrase
                states = countries_of(found)
                if len(states) == 1 and not states & own and all(e.country not in NON_STATE for e in found):
                    m.recipients = [e for e in found if e.entity_type == "country"][:1] or found[:1]
                    m.note("recipient", "participants.headline_reaction_target")
                    return

    @staticmethod
    def _destination(t, pred) -> str | None:
        """Where a visit says it goes: "" for somewhere (an object, "visited X"; a place after a preposition, "a visit to
        X", "arrived in X"), the state of that place when the gazetteer knows it; None when it says nowhere."""
        from ..places import Gazetteer
        for c in (c for v in (t, pred) for c in v.children):
            if c.dep_ == "dobj":
                return ""
            if c.dep_ not in ("prep", "dative"):
                continue
            for p in c.children:
                if p.dep_ == "pobj" and (p.ent_type_ in ("GPE", "LOC", "FAC") or p.pos_ == "PROPN" and c.lower_ in ("to", "in")):
                    name = " ".join(x.text for x in p.subtree if x.dep_ == "compound" or x.i == p.i)
                    loc = Gazetteer.default().lookup(name)
                    return loc.country if loc is not None and loc.country else ""
        return None

    @staticmethod
    def _latest_doers(m, state, own, types=None) -> list[Entity]:
        """The doers (of another state than `own`) of the latest event the article told before `m` (of one of `types`)."""
        for prior in reversed(state.events):
            if prior is m or types is not None and prior.type not in types:
                continue
            doers = [e for e in prior.actors if e.country and e.country not in own and e.country not in NON_STATE]
            if doers:
                return dedupe(doers)
        return []

    def _rejected_charge(self, m, pred, actors, state, frames) -> None:
        """"China accused Malaysia of ..., a charge Kuala Lumpur rejected": a refusal of a charge (event_rules.json:
        accusation_nouns) with no other side named is aimed at the makers of the article's latest accusation."""
        if m.type != "REJECT" or not m.actors or m.recipients:
            return
        objs = [c for c in pred.children if c.dep_ == "dobj"] + ([pred.head] if pred.dep_ == "relcl" else [])
        if not any(o.lemma_.lower() in self.rules.cfg["accusation_nouns"] and not actors.in_tokens(np_tokens(o, True, frames))
                   for o in objs):
            return
        m.recipients = self._latest_doers(m, state, countries_of(m.actors), {"ACCUSE"})
        if m.recipients:
            m.note("recipient", "participants.rejected_charge")

    def _pronoun_object(self, m, t, pred, state) -> None:
        """"Indonesia announced a ban ..., and the EU filed a complaint against it": "it" or "them" as the object of the
        act's preposition, with no other side named, stands for the doers of the act told just before."""
        if not m.actors or m.recipients:
            return
        heads = [t, pred] + [c for c in pred.children if c.dep_ == "dobj"]     # "filed a complaint against it"
        if not any(c.dep_ == "prep" and c.lower_ in ("against", "with", "on", "to", "from") and any(
                p.dep_ == "pobj" and p.lower_ in ("it", "them") for p in c.children) for v in heads for c in v.children):
            return
        m.recipients = self._latest_doers(m, state, countries_of(m.actors))
        if m.recipients:
            m.note("recipient", "participants.pronoun_object")

    def _conjoined_measure_target(self, m, pred, actors, frames) -> None:
        """"Tokyo imposed export controls on the three materials and removed South Korea from its list": a coercive
        measure aimed at no one named, told beside another measure of the same doer that names its target (a verb of the
        same category, or of event_rules.json:list_measures), is aimed at that target too."""
        cfg = self.rules.cfg
        if m.type not in ("SANCTION", "THREATEN") or not m.actors or m.recipients:
            return
        lists = cfg["list_measures"]
        own = countries_of(m.actors)
        sibs = [c for c in pred.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if pred.dep_ == "conj" and pred.head.pos_ == "VERB":
            sibs.append(pred.head)
        for v in sibs:
            if v is not pred.head and any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
                continue        # another clause with its own subject
            trig = self.rules.verbs.get(lemma_of(v))
            if not (trig is not None and trig.type == m.type or lemma_of(v) in lists["add_verbs"] + lists["remove_verbs"]):
                continue
            found = [x.entity for c in v.children if c.dep_ == "dobj" for x in actors.in_tokens(np_tokens(c, False, frames))
                     if x.kind in ("country", "capital", "demonym") and x.entity.country
                     and x.entity.country not in own and x.entity.country not in NON_STATE]
            if found:
                m.recipients = dedupe(found)
                m.note("recipient", "participants.conjoined_measure_target")
                return

    def _reaction_to_event(self, m, t, pred, actors, state, frames) -> None:
        """"Taiwan's foreign ministry welcomed the visit", "Beijing, which had condemned the planned trip": a reaction
        (event_rules.json:reaction_object_types) whose definite object is an act the article told before, with no other
        side named, is aimed at the doers of that act (else at its other parties)."""
        cfg = self.rules.cfg
        if m.recipients or not m.actors or m.type not in cfg["reaction_object_types"]:
            return
        own = countries_of(m.actors)
        visit = set(cfg["visit_nouns"])
        for obj in (c for v in (t, pred) for c in v.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
            lem = obj.lemma_.lower()
            if actors.in_tokens(np_tokens(obj, True, frames)) or not any(
                    c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "his", "her", "their")
                    for c in obj.children):
                continue
            same = {lem} | (visit if lem in visit else set())
            for prior in reversed(state.events):
                if prior is m:
                    continue
                # an earlier reaction to the same act ("China condemned the planned trip") aims at the same doers
                reacted = prior.type in cfg["reaction_object_types"] and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in same for v in (prior.head, prior.pred) for c in v.children)
                if not reacted and prior.head.lemma_.lower() not in same:
                    continue
                for side in ((prior.recipients,) if reacted else (prior.actors, prior.recipients)):
                    others = [e for e in side if e.country and e.country not in own and e.country not in NON_STATE]
                    if others:
                        m.recipients = dedupe(others)
                        m.note("recipient", "participants.reaction_to_event")
                        return
                return

    def _embassy_host(self, m, subj, actors, frames) -> None:
        """"China's embassy in Prague condemned the trip": a verbal act of a state's body seated abroad
        (event_rules.json:posted_abroad_nouns, host_addressed_types) with no other side named is addressed to the
        state it sits in."""
        cfg = self.rules.cfg
        if m.recipients or m.type not in cfg["host_addressed_types"] or subj is None or \
                subj.lemma_.lower() not in cfg["posted_abroad_nouns"]:
            return
        own = countries_of(m.actors)
        hosts = [x.entity for c in subj.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                 if p.dep_ == "pobj" for x in actors.in_tokens(np_tokens(p, False, frames))
                 if x.kind in ("country", "capital") and x.entity.country and x.entity.country not in own
                 and x.entity.country not in NON_STATE]
        if own and hosts:
            m.recipients = hosts[:1]
            m.note("recipient", "participants.embassy_host")

    def _received_act(self, m, t, actors, frames) -> None:
        """"drawing a protest from Chile", "received an invitation from Peru", "faced Chile's criticism": an act
        named as the object of a verb of drawing or receiving (event_rules.json:receiving_verbs) is done by
        whom its "from", "by" or possessor names, to the verb's subject."""
        if t.pos_ != "NOUN" or t.dep_ != "dobj" or lemma_of(t.head) not in self.rules.cfg["receiving_verbs"]:
            return
        # (the parser may hang the "from" on the verb: "drew condemnation from Beijing")
        doers = [p for c in [*t.children, *t.head.children] if c.dep_ == "prep" and c.lower_ in ("from", "by")
                 for p in c.children if p.dep_ == "pobj"] + [c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        # "Chinese firms face US sanctions": the state named on the act (not "faced strong criticism")
        doers += [c for c in t.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "NORP")]
        found = entities_of(actors.in_tokens([i for d in doers for i in np_tokens(d, False, frames)]))
        if not found:
            return
        names = {e.entity_name for e in found}
        m.recipients = dedupe([e for e in m.actors + m.recipients if e.entity_name not in names])
        m.actors = found
        m.note("actor", "participants.received_act")
        if m.recipients:
            m.note("recipient", "participants.received_act")

    def _warned_party(self, m, t, actors) -> None:
        """"warned that Poland would bear the consequences", "warned that chips assembled in Mexico would face
        tariffs": a warning (``warning_threats``) is to the first party its clause's subject names other than the
        warner's own state ("warned that Beijing would take measures" names the warner's: no one there)."""
        spec = self.rules.cfg["warning_threats"]
        if "event_rules.json:warning_threats" not in m.why.get("event_type", []) or \
                lemma_of(t) not in spec["verbs"] and lemma_of(t) not in spec["say_verbs"]:
            return
        clause = next((c for c in t.children if c.dep_ == "ccomp"), None)
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
        if subj is None:
            return
        named = entities_of(actors.in_tokens([x.i for x in subj.subtree]))
        if not named and subj.lower_ in ("he", "she"):
            # "prompting Wang Yi to warn that he would pay a heavy price": the person named before, not the warner
            mine = {e.entity_name for e in m.actors}
            before = [x.entity for x in actors.mentions if x.kind == "person" and x.end <= subj.idx
                      and x.entity.entity_name not in mine and subj.sent.start_char <= x.start]
            named = before[-1:]
        if lemma_of(clause) in spec["acts"] and named and not (countries_of(m.actors) - countries_of(named)):
            # "a spokesperson warned that Beijing would take measures": Beijing threatens (its spokesperson speaks)
            m.actors = dedupe(m.actors + named) if m.actors else named[:1]
            m.recipients = [e for e in m.recipients if e.country not in countries_of(m.actors)]
            m.note("actor", "participants.warned_party")
            return
        own = countries_of(m.actors)
        named = [e for e in named if e.country and e.country not in own]
        m.recipients = named[:1] or [e for e in m.recipients if e.country not in own]
        m.note("recipient", "participants.warned_party")

    def _call_partner(self, m, t, actors, frames) -> None:
        """"spoke by telephone with X": the one spoken with, whose "with" the parser hung on the telephone, is the
        other side of the call (``conversation_verbs``)."""
        if m.recipients or "event_rules.json:conversation_verbs" not in m.why.get("event_type", []):
            return
        toks = [i for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "on", "over") for g in c.children
                for p in g.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"
                for i in np_tokens(o, False, frames)]
        found = entities_of(actors.in_tokens(toks))
        if found:
            m.recipients = found
            m.note("recipient", "participants.call_partner")

    def _host_receives(self, m, t) -> None:
        """"Lula hosted Modi", "both ministers were received by the premier": the guests are the visit's actors and
        the host its recipient (``host_verbs``), unless the guests are of several states or come for a gathering
        ("hosted five presidents for a summit"), which the host convenes."""
        spec = self.rules.cfg["host_verbs"]
        if t.pos_ != "VERB" or lemma_of(t) not in spec["verbs"] or m.type != "CONSULT" or m.mode != "visit" \
                or not m.actors or not m.recipients:
            return
        if any(c.dep_ == "prep" and c.lower_ == "for" and any(
                g.dep_ == "pobj" and lemma_of(g) in spec["gatherings"] for g in c.children) for c in t.children):
            return
        guests, hosts = m.recipients, m.actors      # the host is the subject, or the agent of the passive
        if len({e.country for e in guests if e.country} - {e.country for e in hosts}) > 1:
            return
        m.actors, m.recipients = list(guests), list(hosts)
        m.note("actor", "participants.host_receives")
        m.note("recipient", "participants.host_receives")

    def _announced_cancellation(self, m, pred, actors, frames) -> None:
        """"X's foreign ministry said the visit to Y had been postponed", "... that a new date would be agreed with Y":
        a meeting called off or agreed in the passive, with no one named who did it, is the act of the side that
        announces it."""
        if m.type not in ("REJECT", "AGREE") or m.actors or pred.pos_ != "VERB" or not any(
                c.dep_ == "auxpass" for c in pred.children) \
                or any(c.dep_ == "agent" for c in pred.children):
            return
        cur = pred
        for _ in range(3):
            if cur.dep_ == "ccomp" and lemma_of(cur.head) in self.rules.cfg["reporting_verbs"]:
                subj = [c for c in cur.head.children if c.dep_ == "nsubj"]
                found = [e for e in entities_of(actors.in_tokens([i for c in subj for i in np_tokens(c, False, frames)]))
                         if e.country and e.country not in countries_of(m.recipients)]
                if found:
                    m.actors = found
                    m.note("actor", "participants.announced_cancellation")
                return
            if cur.head.i == cur.i:
                return
            cur = cur.head

    def _speaker_for_state(self, m, pred, actors) -> None:
        """"The minister added that Chile hopes ...": an official speaking of his own state acts for it."""
        cur = pred
        for _ in range(3):
            if cur.dep_ == "ccomp" and lemma_of(cur.head) in self.rules.cfg["reporting_verbs"]:
                subj = [c for c in cur.head.children if c.dep_ == "nsubj"]
                speakers = [x.entity for x in actors.in_tokens([i for c in subj for i in np_tokens(
                    c, False, self.rules.cfg["frame_nouns"])]) if x.kind == "person"]
                states = {e.country for e in m.actors}
                names = {e.entity_name for e in m.actors}
                m.actors = [e for e in speakers if e.country in states and e.entity_name not in names] + m.actors
                if len(m.actors) > len(names):
                    m.note("actor", "participants.speaker_for_state")
                return
            if cur.head.i == cur.i:
                return
            cur = cur.head

    def _frames(self, mentions, sdoc, actors) -> None:
        """Link each setting ("at their talks in Ottawa", "after talks with X") to the event it frames,
        and give it that event's participants when it names none of its own."""
        cfg = self.rules.cfg
        for m in mentions:
            prep = frame_prep(m.head, None, cfg)
            if prep is None or m.cls != "meeting":
                continue
            m.frame_offset = any(c.dep_ == "npadvmod" for c in prep.children)
            owner = prep.head
            m.frame_of = next((x for x in mentions if x is not m and (owner.i in x.tokens or owner.i == x.pred.i)), None)
            if m.frame_of is not None:
                # "will announce it during a Trade Council taking place in X": a body with no state of its own names
                # no side of the setting either
                bare = bool(m.actors) and not m.recipients and not any(e.country for e in m.actors)
                if (not m.actors or m.described or bare) and (m.frame_of.actors or m.frame_of.recipients) and \
                        (not bare or any(e.country for e in m.frame_of.actors + m.frame_of.recipients)):
                    m.actors = list(m.frame_of.actors)
                    m.described = m.described and not m.actors
                    if bare:
                        m.note("actor", "participants.stateless_setting")
                    names = {e.entity_name for e in m.actors}
                    m.recipients = dedupe([e for e in m.recipients + m.frame_of.recipients if e.entity_name not in names])
                    m.note("actor", "participants.from_framed_event")
            elif not m.actors:
                # "the ministers said after talks in New Delhi": the speakers met
                subj = [c for c in owner.children if c.dep_ in ("nsubj", "nsubjpass")]
                found = actors.in_tokens([i for c in subj for i in np_tokens(c, True, cfg["frame_nouns"])])
                if found:
                    m.actors = entities_of(found)
                    m.note("actor", "participants.speakers_met")
                    names = {e.entity_name for e in m.actors}
                    m.recipients = [e for e in m.recipients if e.entity_name not in names]
