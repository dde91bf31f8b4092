"""Folding triggers into event heads: a verb that governs its complement or its object noun takes the trigger
over (``_governor``, ``_fold``), complements that stay events of their own, the predicate a noun hangs on, and
whether it is under a reporting verb. ``TriggerRules`` (``triggers.py``) inherits these."""
from __future__ import annotations

from .rules import lemma_of
from .trigger_shapes import _told_in_passing, frame_prep, low_conj


class FoldRules:
    """Folding triggers into event heads, for ``TriggerRules``."""

    def _governor(self, t, trig, sdoc):
        """The trigger that takes this one over, if any. Walk up the parse:
        - a verb trigger under a governing verb ("agreed to cooperate", "urged X to withdraw");
        - a noun trigger that is the object, or inside the object, of a trigger ("sign an agreement",
          "discussed coordination on North Korea's threats");
        - anything inside an infinitival purpose clause of a trigger ("met ... to explore ways of
          expanding cooperation", "a meeting at an early date to exchange plans").
        Relative clauses, subjects, conjuncts and reporting verbs stop the walk."""
        cfg = self.rules.cfg
        tt = trig.get(t.i)
        cur = t
        nominal_path = True      # only nominal links so far (noun inside an object)
        infinitival = False
        purpose_clause = False
        if frame_prep(t, trig, cfg) is not None:
            return None     # "at their talks in Ottawa": the setting, an event of its own
        if tt is not None and tt.pos == "N" and _told_in_passing(t, cfg):
            return None     # "discussed the export controls imposed in March": an earlier event, told in passing
        for steps in range(1, 8):
            dep = cur.dep_
            h = cur.head
            if h.i == cur.i:
                return None
            to_inf = cur.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            if dep == "conj" and cur.pos_ == h.pos_:
                if low_conj(cur):
                    return None     # "hoped the issue would be resolved and urged X to ...": a clause of its own
                cur = h          # conjuncts share their head's governor ("agreed to A and B")
                continue
            if to_inf and dep in ("advcl", "acl", "xcomp", "relcl"):
                infinitival = True
                # "aim to move plants onshore to gain resilience and restrict shipments": the purpose of an aim
                purpose_clause = purpose_clause or dep == "advcl" and h.i not in trig
            elif dep in ("conj", "relcl", "advcl", "parataxis", "appos", "nsubj", "nsubjpass", "csubj", "acl"):
                if not (dep == "acl" and cur.tag_ in ("VBG",) and h.pos_ in ("NOUN",)):
                    return None
            if dep not in ("dobj", "pobj", "prep", "compound", "amod", "nmod", "poss", "attr", "oprd", "pcomp"):
                nominal_path = False
            if h.i in trig:
                ht = trig[h.i]
                if ht.pos == "V":
                    if infinitival and tt is not None and tt.lemma in cfg["performed_purposes"] and ht.cls == "meeting":
                        return None     # "telephoned X to apologise": the call does what it is for, an act of its own
                    if ht.cls == "purpose" and tt is not None and tt.type in cfg["attempted_types"] and not purpose_clause \
                            and ht.lemma in cfg["attempt_verbs"]:
                        return None     # "tried to storm the embassy": an attempted act of force is an event
                    if ht.cls in ("governs", "purpose") and dep not in ("nsubj", "nsubjpass"):
                        return h.i
                    if tt is not None and tt.pos == "N" and nominal_path and steps <= 4:
                        return h.i
                    if infinitival:
                        return h.i
                    if tt is not None and tt.pos == "V" and dep == "xcomp" and ht.type == tt.type:
                        return h.i
                    if cur.dep_ == "xcomp" and ht.type in cfg["refusal_complement_types"] and dep not in ("nsubj", "nsubjpass"):
                        return h.i      # "ruled out joining the pact": what is refused is part of the refusal
                    return None
                if ht.pos == "N":
                    if tt is not None and tt.pos == "N" and nominal_path and steps <= 3:
                        return h.i      # "summit talks", "agreement on cooperation"
                    if infinitival or (dep == "acl" and cur.tag_ == "VBG"):
                        return h.i
                    return None
            if lemma_of(h) in cfg["reporting_verbs"] and h.pos_ == "VERB":
                return None
            if dep == "prep" and cur.lower_ in ("on", "about", "over") and tt is not None and tt.pos == "N" \
                    and nominal_path and h.pos_ in ("VERB", "AUX"):
                # "opened negotiations in New Delhi on a memorandum": the subject of the talks
                talks = next((c for c in h.children if c.dep_ in ("dobj", "nsubjpass") and c.i in trig
                              and trig[c.i].cls == "meeting"), None)
                if talks is not None:
                    return talks.i
            cur = h
        return None

    def _split_complements(self, trig: dict, parent: dict, sdoc) -> set:
        """Different acts under one governing verb ("plans to set up a dialogue, sign a memorandum and ..."): the
        first complement stays folded into the governor; each later infinitive with another verb and an object but
        no subject of its own, of a category in ``distinct_complement_types``, is released as an event of its own (its modality
        still read through the governor). One verb with a list of objects stays one event. Changes `parent`;
        returns the released token indices."""
        kinds = self.rules.cfg["distinct_complement_types"]
        released = set()
        for g, gt in trig.items():
            if gt.pos != "V" or gt.cls != "governs" or g in parent:
                continue
            comps = []
            for i in sorted(i for i, p in parent.items() if p == g and trig[i].pos == "V"):
                cur = sdoc[i]
                while cur.dep_ == "conj" and cur.head.i != cur.i:
                    cur = cur.head
                if cur.dep_ in ("xcomp", "ccomp") and cur.head.i == g and sdoc[i].pos_ == "VERB":
                    comps.append(i)
            seen = set()
            for n, i in enumerate(comps):
                lem = lemma_of(sdoc[i])
                kids = [c.dep_ for c in sdoc[i].children]
                if n and lem not in seen and trig[i].type in kinds and sdoc[i].tag_ == "VB" and "dobj" in kids and not {
                        "nsubj", "nsubjpass"} & set(kids):     # a verb with its own subject is no series member
                    del parent[i]
                    released.add(i)
                seen.add(lem)
        return released

    @staticmethod
    def _root(i, parent):
        seen = 0
        while i in parent and seen < 10:
            i = parent[i]
            seen += 1
        return i

    def _predicate_of_noun(self, t):
        """The verb a noun trigger hangs on: "held talks" -> held; "the meeting took place" -> took;
        "a proposal made by X at their talks" -> made."""
        made = _told_in_passing(t, self.rules.cfg)
        if made is not None:
            return made
        cur = t
        for _ in range(3):
            if cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd") and cur.head.pos_ in ("VERB", "AUX"):
                return cur.head
            if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in ("in", "on", "to", "into") \
                    and cur.head.head.pos_ in ("VERB", "AUX") and (lemma_of(cur.head.head) in self.rules.cfg["support_verbs"]
                                                                   or cur.head.lower_ == "on" and lemma_of(cur.head.head) == "be"):
                # "held talks in ...", "is on a state visit to ...": the verb carries the noun's event
                return cur.head.head
            if cur.dep_ == "pobj" and cur.head.lower_ == "for" and cur.head.head.pos_ == "VERB" and \
                    lemma_of(cur.head.head) in self.rules.cfg["travel_verbs"]:
                return cur.head.head    # "flies on to Wellington on Friday for talks": the traveller holds them
            if cur.dep_ == "pobj" and cur.head.lower_ == "for" and lemma_of(cur.head.head) == "be" and \
                    lemma_of(cur) in self.rules.cfg["travel_nouns"]:
                return cur.head.head    # "who was in the country for a two-day visit": the stay is the visit
            if cur.dep_ in ("conj", "appos") and cur.head.pos_ in ("NOUN", "PROPN"):
                cur = cur.head
                continue
            if cur.dep_ == "pobj" and cur.head.lower_ == "of" and (lemma_of(cur.head.head) in self.rules.cfg["creation_nouns"]
                                                                    or lemma_of(cur.head.head) in self.rules.cfg["round_nouns"]):
                cur = cur.head.head     # "announced the launch of talks": what is launched hangs on "announced";
                continue                # "a first round of negotiations is scheduled": the round's verb is the talks'
            break
        return t

    def _under_report(self, pred) -> bool:
        cfg = self.rules.cfg
        cur = pred
        for _ in range(3):
            if cur.head.i == cur.i:
                return False
            if cur.dep_ in ("ccomp", "xcomp") and lemma_of(cur.head) in cfg["reporting_verbs"]:
                return True
            cur = cur.head
        return False

    def _fold(self, trig: dict, sdoc) -> dict:
        """Which trigger takes over which: token index -> the index of its governor (-1: no event at all)."""
        cfg = self.rules.cfg
        parent = {}
        for i, tr in trig.items():
            t = sdoc[i]
            g = self._governor(t, trig, sdoc)
            if g is not None:
                parent[i] = g
        for i, tr in list(trig.items()):
            t = sdoc[i]
            if i in parent:
                continue
            h = t.head
            if tr.pos == "N" and tr.cls == "accord" and t.dep_ == "nsubjpass" and h.i in trig and (
                    lemma_of(h) in cfg["signing_verbs"] or trig[h.i].type == "SUPPORT" and trig[h.i].pos == "V"):
                parent[i] = h.i     # "the memorandum was signed by X", "the deal was ratified": the verb tells the accord
                continue
            if tr.pos == "N" and tr.cls == "meeting" and t.dep_ == "nsubjpass" and h.i in trig and \
                    trig[h.i].type == "REJECT" and trig[h.i].pos == "V":
                parent[i] = h.i     # "the visit to India had been postponed": the refusal tells the meeting called off
                continue
            if tr.pos == "V" and t.dep_ == "relcl" and h.i not in trig and h.dep_ == "pobj" and h.head.lower_ == "of" \
                    and h.head.head.i in trig and trig[h.head.head.i].pos == "N":
                h = h.head.head     # "the memorandum of understanding that X and Y signed": the clause is the memorandum's
            # "the Deal, to be signed by X": the signing is the event, the deal its object
            # "agreed to a warning system in a memorandum to be signed by X": the memorandum is the planned signing's,
            # not the agreement's
            # but a meeting during which something was signed ("his state visit in December, during which he and
            # X signed an agreement") was held: the meeting and the signing are two events (realnews conventions 1
            # and 13: only a signing planned for a meeting ahead is one event with it)
            if tr.pos == "V" and t.dep_ in ("acl", "relcl") and h.i in trig and trig[h.i].pos == "N" \
                    and (trig[h.i].cls in ("accord", "meeting") or lemma_of(t) in cfg["signing_verbs"]) and (h.i not in parent or h.dep_ == "pobj" and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in t.children)) and not (
                    trig[h.i].cls == "meeting" and t.dep_ == "relcl" and t.tag_ == "VBD" and not any(
                        c.dep_ == "aux" for c in t.children)):
                parent[h.i] = i
            # "the warnings that the commander gave lawmakers": the verb only tells who gave them
            elif tr.pos == "V" and t.dep_ == "relcl" and h.i in trig and trig[h.i].pos == "N" and \
                    trig[h.i].cls not in ("accord", "meeting") and lemma_of(t) in cfg["relative_light_verbs"]:
                parent[i] = h.i
            # "held a four-way meeting, which X chaired": who chaired or hosted the occasion held describes it, no
            # occasion of its own
            elif tr.cls == "meeting" and t.dep_ in ("acl", "relcl") and h.i not in trig and \
                    _object_of_occasion(h, trig) is not None:
                parent[i] = -1
            # a gerund under a preposition that nothing takes over ("centers on expanding ties") is no event
            elif tr.pos == "V" and t.tag_ == "VBG" and t.dep_ in ("pcomp", "pobj") and not any(
                    c.dep_ == "nsubj" for c in t.children) and not (     # "with both sides pledging to": a clause
                    tr.cls == "meeting" and t.head.lower_ in cfg["frame_preps"]) and not (
                    t.head.lower_ in cfg["means_preps"] and tr.type == "SUPPORT") and \
                    t.head.lower_ not in cfg["temporal_preps"]:    # "after imposing export controls": an act
                parent[i] = -1      # but "said after meeting officials in Adelaide" reports the meeting, and
                #                     "announced cooperation by signing an agreement" the signing
            # what a courtesy is for ("appreciate his hosting the delegation", "praised Peru's convening the
            # talks") is part of the courtesy, no meeting of its own
            elif tr.pos == "V" and t.tag_ == "VBG" and t.dep_ in ("ccomp", "dobj", "xcomp") and h.i in trig and \
                    lemma_of(h) in cfg["courtesy_verbs"]:
                parent[i] = h.i
            # what a joint thing that started working does ("a data link ... went live, giving X access to Y") is part
            # of its start
            elif tr.pos == "V" and t.tag_ == "VBG" and t.dep_ == "advcl" and h.i in trig and \
                    trig[h.i].rule == "event_rules.json:joint_operation":
                parent[i] = h.i
            # a participle spelling out a measure's effect ("imposed sanctions on three firms, barring suppliers from
            # shipping them goods") is part of the measure
            elif tr.pos == "V" and t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp", "conj") and h.i in trig and \
                    tr.type in cfg["measure_effect_types"] and trig[h.i].type in cfg["measure_effect_types"] and \
                    trig[h.i].type != "REJECT":
                parent[i] = h.i
            # cooperation announced by signing an accord ("announced cooperation in space by inking an agreement")
            # is told by the signing: one act
            elif tr.pos == "V" and tr.type == "AGREE" and tr.rule.startswith("event_rules.json:announce_verbs") and any(
                    p.dep_ == "prep" and p.lower_ in cfg["means_preps"] and any(
                        g.dep_ == "pcomp" and g.i in trig and trig[g.i].type == "SUPPORT" for g in p.children)
                    for p in t.children):
                parent[i] = next(g.i for p in t.children if p.dep_ == "prep" and p.lower_ in cfg["means_preps"]
                                 for g in p.children if g.dep_ == "pcomp" and g.i in trig and trig[g.i].type == "SUPPORT")
            # the clause of a measure's noun that spells out what it restricts ("introduced a rule requiring licences for
            # copper exports") is part of the measure
            elif tr.pos == "V" and t.dep_ in ("acl", "relcl") and tr.type in cfg["measure_effect_types"] and \
                    h.i not in trig and h.dep_ in ("dobj", "nsubjpass") and h.head.i in trig and \
                    trig[h.head.i].type in cfg["measure_effect_types"] and trig[h.head.i].type != "REJECT":
                parent[i] = h.head.i
            # a relative clause in the simple present describes, it does not report ("a list, which bars ...")
            elif tr.pos == "V" and t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP") and tr.cls != "governs" and not any(
                    c.dep_ == "aux" for c in t.children) and tr.rule != "event_rules.json:present_stay":
                parent[i] = -1
            # a plan told in a relative clause together with its cancellation ("the visit that he had planned but
            # was forced to cancel") is the cancelled plan: the cancellation tells it
            if tr.pos == "V" and tr.type == "AGREE" and t.dep_ in ("relcl", "acl") and lemma_of(t) in cfg["plan_verbs"] \
                    and self._cancelled_in_conjunct(t, trig) is not None:
                parent[i] = self._cancelled_in_conjunct(t, trig)
        return parent


def _object_of_occasion(h, trig):
    """The meeting trigger whose object (or passive subject) holds `h`, through a place or a time after it ("held
    a meeting in Geneva, which X chaired"), or None."""
    for _ in range(3):
        if h.dep_ in ("dobj", "nsubjpass") and h.head.i in trig and trig[h.head.i].cls == "meeting":
            return h.head
        if h.dep_ not in ("pobj", "prep") or h.head.i == h.i:
            return None
        h = h.head.head if h.dep_ == "pobj" else h.head
    return None

