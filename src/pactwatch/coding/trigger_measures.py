"""Verb-object idioms and measures: what a commitment verb with its object starts (``_commitment_spec``), a
business's backing, a measure made by a verb and its noun, retaliation, and the measures a list names.
``TriggerRules`` (``triggers.py``) inherits these."""
from __future__ import annotations

from ..topics import topics_in
from .rules import Trigger, lemma_of
from .trigger_shapes import _described_after, _hyphen_word, _listed_with, body_noun, lem_in


class MeasureRules:
    """Verb-object idioms and measures of ``TriggerRules``."""

    def _commitment_spec(self, verb: str, obj, trig) -> list | None:
        """Announcing something to be set up is a promise; setting it up is cooperation, and setting up a
        body of relations establishes relations: "announced a joint laboratory" (AGREE), "launched the fund"
        (COOPERATE), "launched a council" (SUPPORT). A promise stated again is a promise: "renewed a
        commitment to widen ties" (AGREE)."""
        cfg = self.rules.cfg
        if verb in cfg["renewal_verbs"] and lemma_of(obj) in cfg["promise_nouns"] and self._promise_content(obj):
            return ["AGREE", "", "event", "event_rules.json:renewal_verbs+promise_nouns"]
        if lemma_of(obj) in cfg["quantity_nouns"]:
            # "unveiled a raft of joint projects": what is unveiled is the projects
            obj = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"), obj)
        if verb in cfg["announce_verbs"] and any(n.i in trig and trig[n.i].type in ("COOPERATE", "AID") and
                                                trig[n.i].pos == "N" for n in _listed_with(obj)):
            return ["AGREE", "", "event", "event_rules.json:announce_verbs"]   # "will announce cooperation"
        if verb in cfg["adoption_verbs"] and lemma_of(obj) in cfg["adopted_texts"]:
            return ["SUPPORT", "", "accord", "event_rules.json:adoption_verbs+adopted_texts"]   # "adopt the Lisbon Declaration"
        created = lemma_of(obj) in cfg["creation_nouns"]
        if created:
            # "announced the launch of a partnership": the partnership is what is announced
            obj = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"), obj)
        noun = obj.lower_ if obj.lower_ in cfg["commitment_objects"] else body_noun(obj, cfg)
        body = noun in cfg["relation_bodies"]
        if noun not in cfg["commitment_objects"] and not body:
            return None
        if obj.i in trig and trig[obj.i].type not in ("AGREE", "COOPERATE") and not body:
            return None
        acronym = body and lemma_of(obj) not in cfg["relation_bodies"]     # "the JFC", defined as a council
        if verb in cfg["announce_verbs"] and not (created and body):
            return ["AGREE", "", "event", "trigger.body_acronym" if acronym else
                    "event_rules.json:announce_verbs+commitment_objects"]
        if (verb in cfg["creation_verbs"] or created) and body:
            # "announced the formation of a council" tells the council formed, as "launched a council" does
            # "launched a joint council", "set up a dialogue channel": relations established (PLOVER SUPPORT)
            return ["SUPPORT", "", "event", "trigger.body_acronym" if acronym else
                    "event_rules.json:creation_verbs+relation_bodies"]
        if verb in cfg["creation_verbs"] and noun not in ("plan", "plans"):
            return ["COOPERATE", "", "event", "event_rules.json:creation_verbs+commitment_objects"]
        return None

    @staticmethod
    def _promise_content(noun) -> bool:
        """Whether a promise noun says what is promised or to whom: an infinitive ("a pledge to fund
        the bridge"), a gerund after "to" ("commitment to widening ties") or a country after "to"
        ("its commitment to Chile"); a commitment to a region or an order alone is no event."""
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VB":
                return True
            if c.dep_ == "prep" and c.lower_ == "to":
                for g in c.children:
                    if g.dep_ == "pcomp" and g.tag_ == "VBG" or g.dep_ == "pobj" and g.ent_type_ == "GPE":
                        return True
        return False

    def _business_backing(self, v) -> bool:
        """Whether a backing verb tells money put into business ("start-ups backed by Korean firms", "backing a
        takeover of a wafer maker"): its object, or the noun its participle describes, is a deal of business
        (``business_objects``), or its agent is a firm or investor (``business_backers``)."""
        cfg = self.rules.cfg
        things = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if v.dep_ == "acl" and v.tag_ == "VBN":
            things.append(v.head)
        if any(_hyphen_word(x) in cfg["business_objects"] or lemma_of(x) in cfg["business_objects"] for x in things):
            return True
        return any(g.dep_ == "pobj" and lemma_of(g) in cfg["business_backers"]
                   for c in v.children if c.dep_ == "agent" for g in c.children)

    def _measure_made(self, v, verb: str, noun):
        """A restrictive measure made public, put in place or eased: a verb of ``measure_verbs`` (SANCTION) or
        ``easing_verbs`` (CONCEDE) whose object, or the noun its participle describes, is a rule noun
        (``measure_nouns``) bearing on trade (``measure_qualifiers`` in its compounds or prepositional phrases:
        "export licence requirements", "curbs on lithium shipments"), on traded goods of a topic of ``measure_topics``
        ("controls on gallium and germanium") or restricting in its own clause
        (``restrictive_verbs``: "rules that cap chip exports"); or None."""
        cfg = self.rules.cfg
        if lemma_of(noun) not in cfg["measure_nouns"] and noun.lower_ not in cfg["measure_nouns"]:
            return None
        if verb in cfg["measure_verbs"] or lem_in(v, cfg["measure_verbs"]):
            typ, mode, rule = "SANCTION", "discontinue", "event_rules.json:measure_verbs+measure_nouns"
        elif verb in cfg["easing_verbs"] or lem_in(v, cfg["easing_verbs"]):
            typ, mode, rule = "CONCEDE", "", "event_rules.json:easing_verbs+measure_nouns"
        else:
            return None
        clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.i != v.i]
        if v.dep_ == "acl" and v.head.i == noun.i:     # "rules announced last week that cap ...": the clause may hang on the verb
            clauses += [c for c in v.subtree if c.dep_ == "relcl"]
        if any(lemma_of(c) in cfg["restrictive_verbs"] for c in clauses):
            return Trigger(v.lemma_.lower(), "V", typ, mode, "event", rule)
        if any(lemma_of(c) in cfg["requiring_verbs"] and {x.lower_ for x in c.subtree} & cfg["measure_qualifiers"]
               for c in clauses):
            return Trigger(v.lemma_.lower(), "V", typ, mode, "event", rule)     # "rules that require licences for chip exports"
        # "rules announced last week that cap chip exports": the parser may read the clause's verb as a noun
        after = noun.doc[noun.i + 1:min(noun.i + 8, noun.sent.end)]
        for x in after:
            if x.lower_ in ("that", "which") and x.i + 1 < noun.sent.end:
                nxt = noun.doc[x.i + 1]
                if nxt.lower_ in cfg["restrictive_verbs"] or nxt.lower_.endswith("s") and nxt.lower_[:-1] in cfg["restrictive_verbs"]:
                    return Trigger(v.lemma_.lower(), "V", typ, mode, "event", rule)
                break
        qualifying = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "prep")]
        if noun.head.i == v.i:     # "unveiled curbs on tin shipments": the parser may hang the "on" on the verb
            qualifying += [c for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "for", "against")]
        words = {x.lower_ for c in qualifying for x in c.subtree} | {lemma_of(x) for c in qualifying for x in c.subtree}
        if words & cfg["measure_qualifiers"] or {_hyphen_word(x) for c in qualifying for x in c.subtree} & cfg["measure_qualifiers"]:
            return Trigger(v.lemma_.lower(), "V", typ, mode, "event", rule)
        goods = [c for c in qualifying if c.dep_ == "prep" and c.lower_ in ("on", "for", "over")]
        if any(set(topics_in(" ".join(x.text for x in c.subtree))) & set(cfg["measure_topics"]) for c in goods):
            return Trigger(v.lemma_.lower(), "V", typ, mode, "event", rule)     # "controls on gallium and germanium"
        if any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
                x.ent_type_ in ("NORP", "GPE") for g in c.children if g.dep_ == "pobj"
                for x in [g, *(k for k in g.children if k.dep_ in ("amod", "compound"))]) for c in qualifying):
            return Trigger(v.lemma_.lower(), "V", typ, mode, "event", rule)     # "duties on Chinese steel"
        return None

    def _eased_restriction(self, noun, trig) -> bool:
        """Whether the object of an easing verb is a restriction (``eased_restrictions``): a SANCTION noun ("its
        tariffs on wine"), or an order of state ("the emergency order"; not a purchase: "its order for 12 jets")."""
        spec = self.rules.cfg["eased_restrictions"]
        if noun.pos_ not in ("NOUN", "PROPN"):
            return False
        if noun.i in trig and trig[noun.i].type == "SANCTION":
            return True
        return lemma_of(noun) in spec["orders"] and not any(
            c.dep_ == "prep" and c.lower_ in spec["purchase_preps"] for c in noun.children)

    def _retaliation(self, v, trig):
        """The measure a verb of striking back names with "with" ("retaliated with curbs on gallium exports",
        "hit back with tariffs"): a SANCTION noun, or a rule noun bearing on trade; or None."""
        cfg = self.rules.cfg
        preps = [c for c in v.children if c.dep_ == "prep" and c.lower_ == "with"] + [
            p for c in v.children if c.dep_ == "prt" for p in c.children if p.dep_ == "prep" and p.lower_ == "with"]
        for p in preps:
            for g in p.children:
                if g.dep_ != "pobj":
                    continue
                if g.i in trig and trig[g.i].type == "SANCTION":
                    return g
                if self._measure_made(v, "impose", g) is not None:
                    return g
        return None

    def _list_tails(self, t) -> list:
        """The tokens of participle phrases describing the list a list measure names (``_described_after``)."""
        lm = self.rules.cfg["list_measures"]
        preps = [c for c in t.children if c.dep_ in ("prep", "dative")] + [
            p for c in t.children if c.dep_ in ("advmod", "prt") for p in c.children if p.dep_ == "prep"]
        return [x for p in preps if p.lower_ in lm["preps"] for g in p.children if g.dep_ == "pobj"
                for x in _described_after(g)]

    def _list_measure(self, t, lem: str | None = None):
        """A trigger for putting a country or firm on, or taking it off, a list of export control
        (``list_measures``; the preposition says which: "to", "on", "as" place, "from", "off" remove): "added 40 firms to its entity list" (SANCTION), "removed Korea from its white
        list" (SANCTION), "put Korea back on its white list" (CONCEDE); None for any other verb."""
        lm = self.rules.cfg["list_measures"]
        if t.pos_ != "VERB":
            return None
        lem = lemma_of(t) if lem is None else lem
        if lem not in lm["add_verbs"] and lem not in lm["remove_verbs"]:
            return None
        # "put Seoul back on its white list": the phrase may hang on the adverb
        preps = [c for c in t.children if c.dep_ in ("prep", "dative")] + [
            p for c in t.children if c.dep_ in ("advmod", "prt") for p in c.children if p.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ not in lm["preps"]:
                continue
            sense = -1 if prep.lower_ in lm["off_preps"] else 1      # taken off the list, or placed on it
            for lst in prep.children:
                words = [x.lower_ for x in lst.subtree]
                if lst.dep_ != "pobj" or not set(words) & set(lm["list_nouns"]) and lemma_of(lst) not in lm["list_nouns"]:
                    continue
                words += [x.lower_ for x in _described_after(lst)]     # "its list of nations given preferential ..."
                text = " " + " ".join(words) + " "
                fav = any(f" {w} " in text for w in lm["favourable"])
                res = any(f" {w} " in text for w in lm["restrictive"])
                if fav == res:
                    continue
                if (sense > 0) == fav:
                    return Trigger(lem, "V", "CONCEDE", "", "event", "event_rules.json:list_measures")
                return Trigger(lem, "V", "SANCTION", "discontinue", "event", "event_rules.json:list_measures")
        return None
