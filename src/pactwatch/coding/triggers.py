"""Triggers: which words start an event (``triggers.tsv``; verb + object idioms in ``event_rules.json``), which
trigger takes over another ("agreed to cooperate" is one AGREE event), and when a noun is an event.

This module looks up one token (``_trigger``), finds the triggers of a sentence (``_find_triggers``) and tells when
a noun is an event; the rest is in modules of their own that ``TriggerRules`` inherits or calls:
``trigger_shapes.py`` (token and phrase shapes), ``trigger_measures.py`` (``MeasureRules``: verb-object idioms and
measures), ``clause_tests.py`` (``ClauseTests``), ``folding.py`` (``FoldRules``: triggers folded into event heads).
Their names stay importable from here."""
from __future__ import annotations

from ..columns import columns
from .rules import CONFLICT, TRIGGER_POS, Trigger, lemma_of
from .trigger_shapes import (_ACRONYM_IN_PARENS, _described_after, _hyphen_word, _listed_with, _own_date,
                             _told_in_passing, body_acronyms, body_noun, frame_prep, generic_plural, headline_doers,
                             lem_in, lem_in_loose, phrase_head, sequel_of, sequel_verb, venue)  # noqa: F401
from .trigger_measures import MeasureRules
from .clause_tests import ClauseTests, named_or_proper, named_party
from .folding import FoldRules
from .list_items import lead_infinitive, lead_of_list, lead_verb



def _unanswered(t, spec) -> bool:
    """Whether a "call" is the subject of "went unanswered" or "were not returned" (``unanswered_calls``)."""
    v = t.head
    if t.dep_ == "nsubj" and lemma_of(v) in spec["verbs"]:
        return any(c.lower_ in spec["states"] for c in v.children)
    return t.dep_ == "nsubjpass" and lemma_of(v) in spec["passives"]


def _done_by_a_thing(t) -> bool:
    """Whether a passive verb names as its doer something that is no party ("had been delayed by the escalation of
    the conflict", "was put off by bad weather")."""
    return any(c.dep_ == "agent" and any(g.dep_ == "pobj" and not named_or_proper(g) for g in c.children)
               for c in t.children)


def _asserts(t) -> bool:
    """Whether a verb's clause is in the indicative with no obligation ("insisted that no data left Peru", "insists
    the port is safe"), not a subjunctive or a "must"/"should" ("insisted that the deal be tabled")."""
    comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return False
    verbs = [comp] + [c for c in comp.children if c.dep_ in ("aux", "auxpass")]
    if any(v.tag_ == "MD" and v.lower_ in ("must", "should", "shall") for v in verbs):
        return False
    return any(v.tag_ in ("VBD", "VBZ", "VBP") for v in verbs)


def _presses_a_thing(t, spec) -> bool:
    """Whether a pressing verb has a thing as its object and nothing pressed for (``party_pressing_verbs``): its
    object is a common noun of no named party, and no clause or preposition of the request hangs on it."""
    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ or any(c.dep_ == "poss" for c in obj.children) or \
            lemma_of(obj) in spec["party_nouns"]:
        return False        # "pressed his counterpart on ...", "pressed the government for ..."
    return not any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in spec["preps"] for c in t.children)

class TriggerRules(FoldRules, MeasureRules, ClauseTests):
    """The EventCoder steps of triggers: which tokens start events (`_find_triggers`), which trigger takes
    over another (`_fold`, `_governor`) and whether an event noun reports an event (`_noun_is_event`)."""

    def _trigger(self, t, lem: str | None = None):
        """The trigger a token starts, or None (`lem`: its `lemma_of`, when the caller has it)."""
        r = self.rules
        cols = columns(t.doc)       # the token's own attributes, read once (`columns`)
        i = t.i
        pos, tag, dep, low = cols.pos[i], cols.tag[i], cols.dep[i], cols.lower[i]
        if lem is None:
            lem = cols.lemma[i]
        if pos in ("VERB", "AUX") or (pos == "ADJ" and dep in ("acomp",)) or tag.startswith("VB"):
            if pos == "AUX" and lem not in ("be",):
                return None
            if dep in ("amod", "compound") and tag in ("VBN", "VBG"):
                return None     # "a shared ecosystem", "the growing importance"
            if dep == "prep":
                return None     # "Given the risks", "Following the talks": a verb used as a preposition
            # phrasal verbs and verb + object idioms
            for c in (t.children if lem in r.phrasal_heads else ()):
                cdep = c.dep_
                if cdep not in ("prt", "prep", "dobj", "acomp", "advmod"):
                    continue
                cl = lemma_of(c)
                for key in ((lem, cl), (lem, c.lower_)):
                    if key in r.phrasal:
                        if f"{key[0]} {key[1]}" in r.cfg["courtesy_calls"] and not any(
                                x.dep_ == "aux" and x.lower_ == "to" and x.head.i != t.i and not (
                                    x.head.dep_ == "conj" and x.head.head.i == t.i) for x in t.subtree):
                            # (the "to" of "is expected to call on the king" is the call's own, that of "and to
                            # tour the institute" another act's)
                            return Trigger(lem, "V", "CONSULT", "visit", "meeting",   # "will call on the king"
                                           f"event_rules.json:courtesy_calls[{key[0]} {key[1]}]")
                        return r.phrasal[key]
                if lem == "be" and cdep == "acomp" and ("be", cl) in r.phrasal:
                    return r.phrasal[("be", cl)]
                if lem == "be" and cdep == "acomp" and cl in r.cfg["willingness_adjectives"] and any(
                        g.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children)
                        for g in c.children):
                    # "is happy to build the port with X": willingness to act, a promise
                    return Trigger(f"be {cl}", "V", "AGREE", "", "governs", "event_rules.json:willingness_adjectives")
            # "called for the contract to be published": the preposition is the mark of the clause it takes
            for c in (t.children if lem in r.phrasal_heads else ()):
                if c.dep_ in ("ccomp", "advcl", "xcomp"):
                    if (lem, "for") in r.phrasal and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children):
                        return r.phrasal[(lem, "for")]
            found = self._stance(t, lem)
            if found is not None:
                return found
            if lem == "be":
                return None
            if pos == "ADJ" and not tag.startswith("VB"):
                return None     # "free from coercion" is a state, not a release
            tr = r.verbs.get(lem)
            if tr is not None and lem in r.cfg["party_pressing_verbs"]["verbs"] and _presses_a_thing(t, r.cfg["party_pressing_verbs"]):
                return None     # "pressing a button together on a screen": a gesture, no request
            if tr is not None and lem in r.cfg["legal_appeal_verbs"]["verbs"] and not any(
                    c.dep_ in ("prep", "xcomp", "ccomp") and (c.dep_ != "prep" or c.lower_ in r.cfg["legal_appeal_verbs"]["preps"])
                    for c in t.children):
                return None     # "said it would appeal", "will appeal the ruling": a case taken to a higher court
            if tr is not None and lem in r.cfg["assertion_or_demand_verbs"] and _asserts(t):
                return None     # "insisted that no data left Peru": a claim, no demand
            if tr is not None and lem == "call" and _unanswered(t, r.cfg["unanswered_calls"]):
                return None     # "Calls to the firm's office went unanswered", "calls" tagged as a verb
            if tr is not None and lem in ("call", "phone", "telephone") and any(
                    c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in t.children):
                return None     # "called the memorandum a practical agreement"
            if tr is None and pos == "VERB" and any(c.dep_ == "advmod" and (c.lower_ == "jointly" or c.lower_ == "together"
                                                                                and lem not in r.cfg["together_idiom_verbs"])
                                                       for c in t.children):
                return Trigger(lem, "V", "COOPERATE", "", "event", "trigger.jointly")   # "will jointly develop frameworks"
            return tr
        if pos in ("NOUN", "PROPN"):
            lem = low if low in r.nouns or low in ("talks", "negotiations") else lem
            if lem in r.cfg["relation_bodies"] or pos == "PROPN" and body_noun(t, r.cfg) in r.cfg["relation_bodies"]:
                for c in t.children:     # "a Joint Fisheries Council taking place in Lima next week": a session of it
                    if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and (lemma_of(c) in r.cfg["session_verbs"] or any(
                            f"{lemma_of(c)} {g.lower_}" in r.cfg["session_verbs"] for g in c.children if g.dep_ == "dobj")):
                        return Trigger(lem, "N", "CONSULT", "", "meeting", "trigger.body_in_session")
            ends = r.noun_phrase_ends
            if (low in ends or lem in ends) and t.i > 0:
                comp = [c for c in t.children if c.dep_ in ("compound", "amod") and c.i == t.i - 1]
            elif lem in r.nouns or lem == "memorandum" or low == "mou":
                comp = None
            else:
                return None     # neither the last word of a noun phrase trigger nor a noun trigger
            if comp:
                for phrase in (f"{comp[0].lower_} {low}", f"{comp[0].lower_} {lem}"):
                    if phrase in r.noun_phrases:
                        found = r.noun_phrases[phrase]
                        return None if found.cls == "none" else found     # "a press release"
            if pos == "PROPN" and lem not in ("deal", "agreement", "accord", "treaty", "pact", "summit"):
                return None
            if lem == "call" and _unanswered(t, r.cfg["unanswered_calls"]):
                return None     # "Calls to the firm's office went unanswered": a newsroom's call, no talks
            if lem == "call" and any(c.dep_ == "prep" and c.lower_ in r.cfg["funding_calls"]["preps"] for c in t.children):
                return None     # "a call for proposals", "the next call under the Facility": no telephone call
            if lem == "call" and any(c.dep_ in ("amod", "compound") and c.lower_ in r.cfg["funding_calls"]["modifiers"]
                                     for c in t.children) and not (
                    dep == "dobj" and lemma_of(t.head) in r.cfg["funding_calls"]["held_by"]):
                return None     # "a joint call for research groups", "the funding call opens in May": no telephone call
            if lem == "call" and any(c.dep_ == "prep" and c.lower_ in r.cfg["call_on_preps"] and any(
                    g.dep_ == "pobj" for g in c.children) for c in t.children):
                return Trigger(lem, "N", "CONSULT", "visit", "meeting", "event_rules.json:call_on_preps")   # "paid a courtesy call on X"
            if lem in r.cfg["press_events"]["heads"] and self._press_event_alone(t):
                return None     # "told a news conference": the press is no party (a joint one with a partner is)
            if lem == "memorandum" or low == "mou":
                return r.nouns.get("memorandum")
            tr = r.nouns.get(lem)
            if tr is not None and tr.type == "THREATEN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) \
                    and not any(c.dep_ == "poss" for c in t.children):
                return None     # "the threat of war": a danger described, not a threat someone made
            if tr is not None and tr.type == "COERCE" and any(
                    c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
                        g.dep_ == "pobj" and lemma_of(g) in r.cfg["economic_targets"] for g in c.children)
                    for c in list(t.children) + (list(t.head.children) if dep == "dobj" else [])):
                return Trigger(lem, "N", "SANCTION", "discontinue", "event",   # "a crackdown on its chip industry"
                               "event_rules.json:economic_targets")
            if tr is not None and tr.type in ("REQUEST", "AID") and any(
                    c.dep_ == "prep" and c.lower_ == "for" and any(
                        g.dep_ == "pobj" and lemma_of(g) in r.cfg["non_material_objects"] for g in c.children)
                    for c in t.children):
                return None     # "requests for comment": asking a newsroom question is no diplomatic request
            return tr
        return None

    def _noun_is_event(self, t, pred, tr, actors, m) -> bool:
        cfg = self.rules.cfg
        craft = cfg["craft_senses"]
        if t.lower_ in craft["nouns"] or lemma_of(t) in craft["nouns"]:
            mods = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod")]
            if any(c.lower_ in craft["modifiers"] or c.pos_ == "PROPN" or any(x.is_digit for x in c.subtree) for c in mods) \
                    or t.dep_ == "pobj" and t.head.lower_ in craft["preps"] and not any(
                        c.dep_ == "prep" and c.lower_ in ("into", "of", "against") for c in t.children) \
                    or t.dep_ == "nsubj" and lemma_of(t.head) in craft["motion_verbs"]:
                return False    # "aboard its Chang'e-6 probe", "the probe landed": a spacecraft
        if t.dep_ == "nsubj" and pred is not t and lemma_of(pred) in cfg["standing_states"]["verbs"] and any(
                " ".join(x.lower_ for x in c.subtree) in cfg["standing_states"]["phrases"]
                for c in pred.children if c.dep_ in ("prep", "acomp", "advmod", "oprd")):
            return False    # "the memorandum with Taiwan remained in force": it stands, nothing is done
        det = [c for c in t.children if c.dep_ in ("det", "poss")]
        definite = any(c.lower_ in ("the", "this", "that", "these", "those", "its", "their", "his", "her")
                       for c in det)
        mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "nmod")}
        has_between = any(c.dep_ == "prep" and c.lower_ in ("between", "with", "among") for c in t.children)
        poss_actor = any(c.dep_ == "poss" and actors.owner.get(c.i) is not None for c in t.children) or any(
            c.dep_ in ("compound", "amod", "nmod") and actors.owner.get(c.i) is not None for c in t.children)
        # a support verb makes its object an event ("made a threat"), not its subject ("the threat of war made ...")
        support = pred is not t and (lemma_of(pred) in cfg["support_verbs"] and t.dep_ != "nsubj" or
                                     lemma_of(pred) in ("take", "be", "end", "begin", "open", "close", "conclude"))
        if not support and pred is not t and t.dep_ == "dobj" and tr.rule == "event_rules.json:call_on_preps":
            support = True      # "paid a courtesy call on the president": the call was paid
        if not support and pred is not t and tr.mode == "visit" and t.dep_ == "dobj" and lem_in(pred, cfg["completion_verbs"]):
            support = True      # "wrapped up a three-day visit to Lima": the visit took place
            m.note("event_type", "event_rules.json:completion_verbs")
        if not support and pred is not t and t.dep_ == "dobj" and lemma_of(pred) in cfg["receiving_verbs"] and any(
                c.dep_ == "prep" and c.lower_ in ("from", "by") and any(
                    g.dep_ == "pobj" and actors.owner.get(g.i) is not None for g in c.children)
                for c in [*t.children, *pred.children]):
            support = True      # "the plan drew criticism from Greenpeace": the act was done, by whom "from" names
            m.note("event_type", "event_rules.json:receiving_verbs")
        if not support and tr.cls == "meeting" and t.dep_ != "nsubj" and sequel_verb(t, cfg["sequel_verbs"]) is not None:
            support = True      # "the talks build on a meeting in Bangkok in April": what they follow took place
            m.note("event_type", "event_rules.json:sequel_verbs")
        if tr.type == "COOPERATE":
            support = pred is not t and lemma_of(pred) in cfg["cooperation_support_verbs"]
            if not (has_between and poss_actor or support or has_between and pred is not t):
                return False
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.pos_ == "NOUN" and tr.cls == "meeting":
            m.future = True     # "the conditions for Ostrowski's visit", "a date for the summit": still ahead
            m.note("aux_mode", "trigger.date_for_a_meeting")
        elif t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.pos_ in ("VERB", "AUX") and tr.cls == "meeting" \
                and tr.mode != "visit" and self._act_ahead(t.head.head):   # (a visit's own verb tells its tense)
            m.future = True     # "will travel on to Xville on Wednesday for talks": talks still ahead
            m.note("aux_mode", "trigger.trip_for_a_meeting")
        if mods & cfg["future_words"] or (t.head.lemma_.lower() in cfg["future_frames"]) or any(
                lemma_of(a) in cfg["future_frames"] for a in list(t.ancestors)[:3]):
            m.future = True
            m.note("aux_mode", "event_rules.json:future_words")
        if definite and not has_between and not poss_actor:
            m.anaphoric = True
        if t.lower_.endswith("s") and tr.cls == "accord" and not definite and not has_between and not support:
            return False        # "previous agreements": generic plural
        if t.dep_ == "nsubj" and tr.cls != "accord" and lemma_of(pred) == "be" and any(
                c.dep_ in ("attr", "acomp") for c in pred.children) and not (
                poss_actor and tr.rule.startswith("event_rules.json:measure_act_nouns")):
            return False        # "the meeting is likely to be the last", "the partnership is part of a push": a description
            #                     (but "Peru's announcement of new curbs is a reminder ...": the curbs were announced)
        if t.dep_ == "nsubj" and tr.cls == "accord" and pred is not t and pred.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ in cfg["prediction_modals"] for c in pred.children):
            m.note("event_type", "event_rules.json:prediction_modals")
            return False        # "the deal would give industry a way to cut emissions": what the accord is to do
        if t.dep_ == "nsubj" and tr.cls == "accord" and pred is not t and pred.pos_ == "VERB" and pred.tag_ == "VB" \
                and any(c.dep_ == "aux" and c.lower_ in ("does", "do") for c in pred.children) and \
                any(c.dep_ == "neg" for c in pred.children):
            return False        # "the memorandum does not oblige firms to buy": what the accord says, no refusal
        frame = t.head.head
        if tr.mode == "visit" and self._visit_course_told(t) and (
                any(c.dep_ == "poss" for c in t.children) or any(c.dep_ == "prep" and c.lower_ in ("to", "of") for c in t.children)):
            m.note("event_type", "event_rules.json:visit_course_nouns")
            return True         # "at the end of his visit to Hanoi": the visit took place
        if t.dep_ == "pobj" and t.head.lower_ in ("of",) and frame.lower_ in cfg["frame_nouns"] and not (
                lemma_of(frame) in cfg["creation_nouns"] and frame.dep_ in ("dobj", "nsubjpass")):   # "announced the launch of talks"
            return False        # "on the sidelines of the gathering": a frame, not the event
        if t.dep_ == "compound" and t.head.lower_ not in cfg["light_head_nouns"]:
            return False
        if tr.cls == "accord" and t.dep_ == "pobj" and t.head.lower_ in ("to", "of", "under") and \
                lemma_of(t.head.head) in cfg["accord_part_nouns"]:
            m.note("event_type", "event_rules.json:accord_part_nouns")
            return False        # "the annex to the Digital Economy Agreement was signed": the annex is
        if tr.type in ("PROTEST", "ASSAULT", "COERCE", "MOBILIZE"):
            return True         # "during demonstrations", "a bombing": such nouns report the act itself
        setting = frame_prep(t, None, cfg) if tr.cls == "meeting" else None
        if setting is not None:
            # the act the setting is of: its verb, through a noun the parser hung the setting on ("to unveil a
            # lithium plan, battery cooperation at the summit")
            act = next((a for a in [setting.head, *setting.head.ancestors] if a.pos_ in ("VERB", "AUX")), setting.head)
            ahead = setting.lower_ != "in" and self._act_ahead(act)
            if ahead and lemma_of(act) in cfg["signing_verbs"]:
                return False    # "a memorandum the ministers are to sign at a meeting on Thursday": the signing planned is the event
            if ahead:
                m.future = True     # "to unveil a plan at the summit": a meeting still ahead
                m.note("aux_mode", "trigger.setting_of_plan")
            return True         # "said after talks in New Delhi": the setting of what is reported
        after = sequel_of(t, cfg) if tr.cls == "meeting" else None
        if after is not None:
            # "will meet X on Monday, followed by consultations with business leaders": the next occasion of the
            # programme, planned when the act it follows is
            act = next((a for a in after.ancestors if a.pos_ in ("VERB", "AUX")), None)
            m.note("event_type", "event_rules.json:sequence_participles")
            m.sequel = after
            if act is not None and self._act_ahead(act):
                m.future = True
                m.note("aux_mode", "event_rules.json:sequence_participles")
            return True
        if lemma_of(pred) in cfg["announce_verbs"] and pred is not t and (tr.cls in ("meeting", "accord") or tr.type == "SUPPORT"):
            m.future = True     # "announced the trip", "announced the signing": a plan made public,
            m.note("aux_mode", "event_rules.json:announce_verbs")
            m.anaphoric = False  # an event of its own, not a reference to another promise
        return bool(has_between or poss_actor or support or m.future or m.anaphoric)

    def _headline_verb(self, t):
        """The trigger of a verb of ``headline_verbs`` that the parser hung as a modifier of the next noun in a
        line with no final stop ("Chile and Peru ink historic partnership"), with the doers hung on it: the verb
        with that noun as its object (a verb + object idiom, or the verb's own row); else None. The names before
        it are its actors (``headline_doers``)."""
        cfg = self.rules.cfg
        if t.lower_ not in cfg["headline_verbs"] or t.head.pos_ != "NOUN" or \
                t.head.i < t.i or t.sent[-1].is_punct and t.sent[-1].text in ".?!":
            return None
        if t.dep_ not in ("nmod", "compound") and not (
                t.dep_ == "amod" and f"{cfg['headline_verbs'][t.lower_]}|{lemma_of(phrase_head(t))}" in cfg["verb_object_types"]):
            return None     # an adjective only where the verb and the noun make an idiom ("EU, Chile close talks")
        if not headline_doers(t):
            return None
        verb = cfg["headline_verbs"][t.lower_]
        key = f"{verb}|{lemma_of(phrase_head(t))}"
        spec = cfg["verb_object_types"].get(key)
        if spec is not None:
            return None if spec[2] == "none" else Trigger(verb, "V", *spec, f"event_rules.json:verb_object_types[{key}]")
        tr = self.rules.verbs.get(verb)
        return None if tr is None else Trigger(verb, "V", tr.type, tr.mode, tr.cls, "trigger.headline_verb")

    def _money_put_into(self, t) -> bool:
        """Whether the verb's object is a sum of money and a preposition says where it goes ("put 5 million euros
        into the joint call", "pay 600 million francs into the programmes"): event_rules.json money_verbs."""
        spec = self.rules.cfg["money_verbs"]
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        if obj is None or not (obj.ent_type_ == "MONEY" or lemma_of(obj) in spec["currencies"]):
            return False
        return any(c.dep_ == "prep" and c.lower_ in spec["preps"] for c in t.children)

    def _no_party_act(self, t) -> bool:
        """A verb whose subject or object is a free relative ("whatever Berlin decides": event_rules.json
        free_relatives), or whose doer is a force of nature ("the earthquake that struck Pisco, killing 500 people",
        natural_forces; the doer of a relative clause is its antecedent, of a participle its head's subject)."""
        cfg = self.rules.cfg
        if any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lower_ in cfg["free_relatives"] for c in t.children):
            return True
        doc = t.doc
        if t.tag_ == "VBG" and t.dep_ == "advcl" and t.i >= 2 and doc[t.i - 1].text == "," and any(
                a.dep_ == "relcl" and a.head.pos_ == "NOUN" and lemma_of(a.head) in cfg["natural_forces"]
                for a in [doc[t.i - 2], *doc[t.i - 2].ancestors]):
            return True     # "the earthquake that struck Pisco, killing 500 people": the parser may hang the
            #                 participle on the main verb
        cur = t
        for _ in range(2):
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in ("that", "which") and cur.dep_ == "relcl":
                subj = cur.head
            if subj is not None:
                return lemma_of(subj) in cfg["natural_forces"] or subj.lower_ in cfg["natural_forces"]
            if cur.dep_ == "relcl" and cur.head.pos_ == "NOUN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                return lemma_of(cur.head) in cfg["natural_forces"]
            if cur.dep_ not in ("advcl", "xcomp", "conj") or cur.tag_ not in ("VBG", "VBN", "VB") and cur.dep_ != "conj":
                return False
            cur = cur.head
        return False

    def _stance(self, t, lem: str):
        """A stance toward another side told by a copular verb (``stance_verbs``): "stood ready to share" (as "be
        ready"), "remained open to Chinese investment"; else None."""
        r = self.rules
        spec = r.cfg["stance_verbs"]
        if lem not in spec["verbs"]:
            return None
        for c in t.children:
            if c.dep_ != "acomp":
                continue
            cl = lemma_of(c)
            if lem != "be" and ("be", cl) in r.phrasal:
                return r.phrasal[("be", cl)]
            # (open to what a named side brings: "Chinese investment", not "foreign capital")
            if cl in spec["open"] and any(g.dep_ == "prep" and g.lower_ in spec["preps"] and any(
                    p.dep_ == "pobj" and p.pos_ == "NOUN" and any(x.ent_type_ in ("NORP", "GPE", "ORG") for x in p.children)
                    for p in g.children) for g in c.children):
                return Trigger(f"be {cl}", "V", "AGREE", "", "event", "event_rules.json:stance_verbs")
        return None

    def _pending_decision(self, t, lem: str) -> bool:
        """A decision still to be taken ("would decide on the size of the plant", "will determine whether to
        extend it"), or one said to be taken whenever it arises ("decides for itself which scientists it works
        with"): event_rules.json pending_decisions."""
        spec = self.rules.cfg["pending_decisions"]
        if lem in spec["verbs"] and t.tag_ in ("VBZ", "VBP") and any(
                c.dep_ == "ccomp" and any(x.tag_ in ("WDT", "WP", "WRB") for x in c.subtree) for c in t.children):
            return True     # "Poland decides for itself which scientists it works with": a rule of conduct, none taken
        if lem not in spec["verbs"] or not any(c.dep_ == "aux" and c.lower_ in spec["aux"] for c in t.children):
            return False
        return any(c.dep_ == "prep" and c.lower_ in spec["preps"] for c in t.children) or any(
            c.dep_ in ("ccomp", "xcomp") and any(g.dep_ in ("mark", "advmod") and g.lower_ in spec["marks"]
                                                 for g in c.children) for c in t.children) or any(
            c.dep_ in ("mark", "advmod") and c.lower_ in spec["marks"] for c in t.children)

    def _gerund_idiom(self, t, verb: str):
        """(the verb_object_types key, the token) of a verb whose object is a gerund ("stopped exporting gallium":
        "stop|export"; "stopped issuing visas": "stop|visas"), or (None, None)."""
        rows = self.rules.cfg["verb_object_types"]
        g = next((c for c in t.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if g is None:
            return None, None
        obj = next((c for c in g.children if c.dep_ == "dobj"), None)
        for key, tok in ((f"{verb}|{lemma_of(g)}", g), (f"{verb}|{obj.lower_}" if obj is not None else "", obj),
                         (f"{verb}|{lemma_of(obj)}" if obj is not None else "", obj)):
            if key in rows:
                return key, tok
        return None, None

    def _prep_idiom(self, t, verb: str):
        """(the verb_object_types key, the prepositional object) of a verb with a prepositional object ("ban|from
        export", "walk away|from talks"), or (None, None)."""
        rows = self.rules.cfg["verb_object_types"]
        # the parser hangs "from" on the particle as often as on the verb ("walked away [from talks]")
        holders = [(verb, t)] + [(f"{lemma_of(t)} {x.lower_}", x) for x in t.children
                                 if x.dep_ in ("prt", "advmod", "prep") and x.lower_ in ("away", "out", "off", "back")]
        return next(((k, p) for v, h in holders for c in h.children if c.dep_ == "prep" for p in c.children
                     if p.dep_ in ("pobj", "pcomp") for k in (f"{v}|{c.lower_} {lemma_of(p)}",) if k in rows), (None, None))

    def _ordered_divestment(self, t, lem: str):
        """The complement of an order verb that tells a sale of holdings ("ordered the fund to sell its stake",
        "told three companies to divest their holdings", "ordered the business to be wound up"), else None
        (event_rules.json forced_divestment)."""
        spec = self.rules.cfg["forced_divestment"]
        for x in t.children:
            if x.dep_ not in ("xcomp", "ccomp") or x.pos_ != "VERB":
                continue
            if lem_in(x, spec["divest_verbs"]):
                return x
            obj = next((c for c in x.children if c.dep_ == "dobj"), None)
            if lem_in(x, spec["sale_verbs"]) and obj is not None and lemma_of(obj) in spec["holdings"]:
                return x
        return None

    def _press_event(self, t) -> bool:
        """Whether a trigger is a conference or briefing of the press (event_rules.json press_events), joint or not."""
        spec = self.rules.cfg["press_events"]
        return lemma_of(t) in spec["heads"] and any(
            c.dep_ in ("compound", "amod", "nmod") and c.lower_ in spec["modifiers"] for c in t.children)

    def _press_event_alone(self, t) -> bool:
        """Whether a press conference or briefing (event_rules.json press_events) is held for the press alone: not
        "joint", no partner "with" or "alongside" it."""
        spec = self.rules.cfg["press_events"]
        mods = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod")]
        if not any(c.lower_ in spec["modifiers"] for c in mods):
            return False
        shared = any(c.lower_ in spec["shared"] for c in mods) or any(
            c.lower_ in spec["shared"] for m in mods for c in m.children)
        partner = any(c.dep_ == "prep" and c.lower_ in spec["partner_preps"] for c in t.children)
        return not shared and not partner

    def _status_raised(self, t, verb: str, obj) -> bool:
        """Whether verb + object raise relations to a status ("elevated ties to a comprehensive strategic
        partnership", "took their relationship to a new level"): event_rules.json relation_status."""
        spec = self.rules.cfg["relation_status"]
        if verb not in spec["verbs"] or lemma_of(obj) not in spec["objects"] and obj.lower_ not in spec["objects"] \
                and obj.ent_type_ not in spec.get("party_entity_types", ()):
            return False    # "lifted Manila to its highest diplomatic status": a party raised is its relations raised
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(lemma_of(g) in spec["statuses"] for g in c.subtree)
                   for c in list(t.children) + list(obj.children))     # the "to" hung on the verb or on its object

    def _find_triggers(self, span, sdoc) -> tuple[dict, dict]:
        """The triggers of a sentence by token index, with verb + object idioms ("hold talks", "lift
        sanctions") made one trigger on the verb; and, for each such verb, the object noun it absorbed."""
        r = self.rules
        cfg = r.cfg
        trig = {}
        absorbed_noun: dict[int, int] = {}     # verb -> its object noun ("held" -> "talks")
        undecided: set[int] = set()     # what a decision still to be taken would decide
        # one walk over the sentence: the passes below look at verbs only, in the same order
        verbs = []          # (token, its lemma), tokens tagged VERB or AUX or with a verb tag
        headline_words = []     # tokens that may be a headline's verb taken for a noun (``headline_verbs``)
        acts = cfg["measure_act_nouns"]
        act_nouns = []          # nouns of a measure made public ("the announcement of new controls")
        cols = columns(sdoc)
        lower, pos_of, tag_of, lemma = cols.lower, cols.pos, cols.tag, cols.lemma
        headline = cfg["headline_verbs"]
        for i in range(span.start, span.end):
            pos = pos_of[i]
            verbal = pos in ("VERB", "AUX") or tag_of[i].startswith("VB")
            if not verbal and pos not in TRIGGER_POS and lower[i] not in headline:
                continue        # (read from the columns: no token made for a word that can start nothing)
            t = sdoc[i]
            if lower[i] in headline:
                headline_words.append(t)
            if pos == "NOUN" and lemma[i] in acts:
                act_nouns.append(t)
            lem = None
            if verbal:
                lem = lemma[i]
                verbs.append((t, lem))
            elif pos not in TRIGGER_POS:
                continue
            tr = self._trigger(t, lem)
            if tr is None:
                continue
            trig[t.i] = tr
        for t in headline_words:
            found = self._headline_verb(t)
            if found is not None:
                # a headline's "Chile and Peru ink historic partnership": the tagger took the verb for a noun
                trig[t.i] = found
                absorbed_noun[t.i] = phrase_head(t).i
                trig.pop(phrase_head(t).i, None)
        for t, lem in verbs:
            if t.i in trig and trig[t.i].pos == "V" and not any(c.dep_ == "dobj" for c in t.children) and any(
                    c.dep_ in ("prep", "prt") and f"{lem} {c.lower_}" in cfg["prepositional_senses_none"] and not any(
                        g.ent_type_ in ("DATE", "TIME") for g in c.children) for c in t.children):
                trig.pop(t.i)     # "a point that critics seized on": another sense of the verb
                continue
            if t.i in trig and trig[t.i].type == "REQUEST" and self._question_frame(t):
                trig.pop(t.i)     # "Asked about the roadmap the two had promised ..., he said": no request; what
                continue          # the question names (the promise) stands on its own
            if t.i in trig and self._no_party_act(t):
                trig.pop(t.i)     # "whatever Berlin decides", "the earthquake that struck Pisco, killing 500 people"
                continue
            if t.i in trig and self._pending_decision(t, lem):
                trig.pop(t.i)     # "it would decide on the size of the plant later": nothing decided yet,
                # nor what "whether" asks ("will decide whether to require licences"): no pass below adds it back
                undecided.update(x.i for c in t.children if c.dep_ in ("xcomp", "ccomp") for x in c.subtree)
                continue
            if t.i in trig and self._press_refusal(t, trig[t.i]):
                # "declined to comment", "refused to give the cost of the plant": an answer withheld from the
                # press, no refusal between parties
                trig.pop(t.i)
                for c in t.children:
                    if c.dep_ == "xcomp":
                        trig.pop(c.i, None)
        # a measure made public told as a noun: "China's announcement of new controls on gallium exports"
        for t in act_nouns:
            if t.i in trig:
                continue
            measure = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"), None)
            if measure is None or measure.i in trig and trig[measure.i].type not in ("SANCTION", "COERCE"):
                continue
            found = self._measure_made(t, acts[lemma_of(t)], measure)
            if found is not None:
                trig[t.i] = Trigger(lemma_of(t), "N", found.type, found.mode, found.cls,
                                    "event_rules.json:measure_act_nouns+measure_nouns")
                absorbed_noun[t.i] = measure.i
        # verb + object idioms: "hold talks", "lift sanctions", "send troops"
        for t, lem in verbs:
            kids = list(t.children)
            obj = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr")), None)
            if obj is None and t.dep_ == "relcl" and t.head.pos_ == "NOUN" and t.head.i not in trig and any(
                    c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in kids):
                # "the duties it had slapped on barley": a relative clause with no pronoun, on a noun that is no event
                # of its own ("an invitation the minister accepted" is told through the invitation)
                obj = t.head
            if obj is not None and obj.lower_ in ("which", "that") and t.dep_ == "relcl":
                obj = t.head      # "the fund, which Australia launched": the fund was launched
                if obj.dep_ == "pobj" and obj.head.head.pos_ == "NOUN" and lemma_of(obj) not in cfg["commitment_objects"]:
                    obj = obj.head.head     # "the fund on critical minerals, which ..."
            if obj is not None and lem in cfg["receive_verbs"] and t.i in trig and trig[t.i].type == "CONSULT" \
                    and obj.pos_ == "NOUN" \
                    and not obj.ent_type_ and lemma_of(obj) not in cfg["visitor_nouns"]:
                trig.pop(t.i)     # "has received 60 applications" is no visit
                continue
            thing = obj if obj is not None else (t.head if t.dep_ == "acl" and t.tag_ == "VBN" else None)
            told = thing if thing is not None else t.head if t.dep_ == "relcl" and not any(
                c.dep_ in ("dobj", "nsubjpass", "attr") for c in kids) else None     # "a summary the ministry released"
            if told is not None and t.i in trig and trig[t.i].type in ("RETREAT", "AID") and (
                    lemma_of(told) in cfg["non_material_objects"] or lemma_of(told) in cfg["speech_nouns"]):
                trig.pop(t.i)     # "released a roadmap", "a statement released after", "gave details", "gave a long speech"
                continue
            if obj is None and thing is not None and body_noun(thing, cfg) in cfg["relation_bodies"]:
                obj = thing       # "the council, launched in 2021 by Chile and Peru": the council was launched
            prt = next((c.lower_ for c in kids if c.dep_ == "prt"), None)
            verb = f"{lem} {prt}" if prt else lem     # "called off a visit" is not "call"
            measure = obj if obj is not None else thing
            rel = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("which", "that")), None)
            if rel is not None and t.dep_ == "relcl":
                # "limits on exports of the minerals that Beijing announced": the parser may hang the clause on a
                # noun inside the measure's phrase
                cur = t.head
                for _ in range(3):
                    if lemma_of(cur) in cfg["measure_nouns"] or cur.dep_ != "pobj":
                        break
                    cur = cur.head.head
                measure = cur
            if measure is not None and (measure.i not in trig or trig[measure.i].type in ("SANCTION", "COERCE") and (
                    t.i not in trig or trig[t.i].type != "SANCTION" or f"{verb}|{lemma_of(measure)}" in cfg["verb_object_types"])):
                # a measure on trade is a sanction even where the idiom alone reads coercion ("imposed a ban on chip exports")
                found = self._measure_made(t, verb, measure)
                if found is not None:
                    # "announced new export licence requirements", "rules announced last week that cap chip exports"
                    trig[t.i] = found
                    absorbed_noun[t.i] = measure.i
                    continue
            if obj is not None and (verb in cfg["easing_verbs"] or lem_in(t, cfg["easing_verbs"])) and \
                    self._eased_restriction(obj, trig):
                # "suspended its tariffs on wine", "suspended the emergency order": a restriction eased, a concession
                trig[t.i] = Trigger(lem, "V", "CONCEDE", "", "event", "event_rules.json:eased_restrictions")
                absorbed_noun[t.i] = obj.i
                trig.pop(obj.i, None)
                continue
            barred, what = self._prep_idiom(t, verb) if obj is not None and any(
                c.dep_ == "prep" and c.lower_ == "from" for c in kids) else (None, None)
            if barred is not None and what.dep_ == "pcomp":
                # "barred the plant from exporting its products": the ban, whoever is barred
                typ, mode, cls = cfg["verb_object_types"][barred]
                trig[t.i] = Trigger(lem, "V", typ, mode, cls, f"event_rules.json:verb_object_types[{barred}]")
                trig.pop(what.i, None)
                continue
            if obj is None:
                # "Bern walked away from the talks": a verb with a prepositional object and no direct one
                pvo, pobj = self._prep_idiom(t, verb)
                if pvo is None:
                    pvo, pobj = self._gerund_idiom(t, verb)
                if pvo is not None:
                    typ, mode, cls = cfg["verb_object_types"][pvo]
                    if cls == "none":
                        trig.pop(t.i, None)     # "returned to office": no act of a party
                    if cls != "none":
                        trig[t.i] = Trigger(lem, "V", typ, mode, cls, f"event_rules.json:verb_object_types[{pvo}]")
                        absorbed_noun[t.i] = pobj.i
                        trig.pop(pobj.i, None)
                continue
            if t.i in trig and lem_in(t, cfg["completion_verbs"]) and obj.i in trig and trig[obj.i].mode == "visit":
                trig.pop(t.i)     # "concluded his tour of Chile": the visit is the event, told through its end
                continue
            if f"{verb}|{lemma_of(obj)}" in cfg["review_objects"] and self._two_sided(t):
                # "the two ministers reviewed progress under the partnership": a meeting of the sides
                trig[t.i] = Trigger(lem, "V", "CONSULT", "", "meeting", "event_rules.json:review_objects")
                absorbed_noun[t.i] = obj.i
                trig.pop(obj.i, None)
                continue
            if verb in cfg["adoption_verbs"] and (lemma_of(obj) in cfg["adopted_plans"] or obj.lower_ in
                                                  cfg["adopted_plans"]) and self._two_sided(t):
                # "the EU and Namibia adopted a roadmap", "leaders of A and B endorsed a declaration": signed up to
                trig[t.i] = Trigger(lem, "V", "SUPPORT", "", "event", "event_rules.json:adoption_verbs+adopted_plans")
                absorbed_noun[t.i] = obj.i
                trig.pop(obj.i, None)
                continue
            if verb in cfg["creation_verbs"] and lemma_of(obj) in cfg["launched_frameworks"] and self._two_sided(t):
                # "the initiative was launched by the two leaders": relations set up, like a council launched
                trig[t.i] = Trigger(lem, "V", "SUPPORT", "", "event", "event_rules.json:creation_verbs+launched_frameworks")
                absorbed_noun[t.i] = obj.i
                trig.pop(obj.i, None)
                continue
            if self._status_raised(t, verb, obj):
                # "raised their relationship to a strategic partnership": relations upgraded (SUPPORT)
                trig[t.i] = Trigger(lem, "V", "SUPPORT", "", "event", "event_rules.json:relation_status")
                absorbed_noun[t.i] = obj.i
                trig.pop(obj.i, None)
                continue
            key = f"{verb}|{lemma_of(obj)}"
            alt = f"{verb}|{obj.lower_}"
            vo = key if key in cfg["verb_object_types"] else alt
            if vo not in cfg["verb_object_types"]:
                # "technologies were banned from export": a verb with a prepositional object ("ban|from export")
                vo = self._prep_idiom(t, verb)[0] or vo
            spec = cfg["verb_object_types"].get(vo)
            spec = spec + [f"event_rules.json:verb_object_types[{vo}]"] if spec else self._commitment_spec(verb, obj, trig)
            if spec:
                typ, mode, cls, rule = spec
                if cls == "none":
                    trig.pop(t.i, None)
                    trig.pop(obj.i, None)
                    continue
                if typ == "REJECT" and _done_by_a_thing(t):
                    continue    # "the session, which had been delayed by the escalation of the conflict": no party
                trig[t.i] = Trigger(lem, "V", typ, mode, cls, rule)
                absorbed_noun[t.i] = obj.i
                trig.pop(obj.i, None)

        full_verbs = [(t, lem) for t, lem in verbs if t.pos_ == "VERB"]
        for t, lem in verbs:    # "be" (an auxiliary to the tagger) as well as full verbs
            if t.i not in trig and self._due_at_place(t, lem):
                # "A Pakistani delegation ... is due in Washington in October": a visit planned there
                trig[t.i] = Trigger(lem, "V", "CONSULT", "visit", "meeting", "event_rules.json:due_at_place")
        for t, lem in verbs:
            if t.i not in trig and self._stands_by(t, lem):
                # "Europe stands with Canada": support for that party
                trig[t.i] = Trigger(lem, "V", "SUPPORT", "", "event", "event_rules.json:solidarity_verbs")
            elif t.i not in trig and self._stays_in(t, lem):
                # "X, who is in China for three days": a visit under way
                trig[t.i] = Trigger(lem, "V", "CONSULT", "visit", "meeting", "event_rules.json:present_stay")
        for t, lem in full_verbs:
            if t.i not in trig and self._joint_thing_started(t, lem) is not None:
                # "a data link between X and Y went live on Sept. 30": their cooperation at work
                trig[t.i] = Trigger(lem, "V", "COOPERATE", "", "event", "event_rules.json:joint_operation")
        for t, lem in full_verbs:
            if t.i not in trig and self._goes_to_place(t, lem):
                # "Habeck will fly to Jakarta on Thursday": a visit there
                trig[t.i] = Trigger(lem, "V", "CONSULT", "visit", "meeting", "event_rules.json:destination_travel")
        for t, lem in full_verbs:
            if t.i not in trig and lem_in(t, cfg["retaliation_verbs"]):
                found = self._retaliation(t, trig)
                if found is not None:
                    # "retaliated with curbs on gallium exports": the measure taken
                    trig[t.i] = Trigger(lem, "V", "SANCTION", "discontinue", "event", "event_rules.json:retaliation_verbs")
                    absorbed_noun[t.i] = found.i
                    trig.pop(found.i, None)
                    continue
            if t.i in trig and trig[t.i].type == "AGREE" and lem in cfg["plan_verbs"] and t.dep_ == "acl" and \
                    t.head.dep_ in ("dobj", "nsubjpass") and t.head.head.i in trig and trig[t.head.head.i].type == "REJECT":
                trig.pop(t.i)     # "delayed a ministerial visit planned for June": the plan is what was put off
                continue
            if t.i in trig and trig[t.i].cls == "meeting" and self._venue_clause(t, lem, trig):
                trig.pop(t.i)     # "met Xi in Rio, where both were attending the G20 gathering": a venue
                continue
            left_open = self._left_open(t, trig) if t.i in trig else None
            if left_open is not None:
                # "has not yet decided whether to join", "has yet to sign": no act done, and none it governs
                trig[t.i] = Trigger(lem, "V", trig[t.i].type, trig[t.i].mode, "purpose", left_open)
                continue
            if (t.i not in trig or trig[t.i].rule == "trigger.jointly") and lem_in(t, cfg["conversation_verbs"]["verbs"]) \
                    and self._speaks_with_a_party(t):
                # "spoke by telephone with the Argentine president", "Manalo and Iwaya spoke at length": talks
                phone = any(c.dep_ == "prep" and c.lower_ in ("by", "over", "on") and any(
                    g.lower_ in cfg["conversation_verbs"]["phone_words"] for g in c.children) for c in t.children)
                trig[t.i] = Trigger(lem, "V", "CONSULT", "phone" if phone else "", "meeting",
                                    "event_rules.json:conversation_verbs")
                continue
            if t.i not in trig and lem_in_loose(t, cfg["exclusion_verbs"]["verbs"]) and self._shuts_out_a_party(t):
                # "shut Swiss institutions out of Horizon Europe": a party shut out, a sanction
                trig[t.i] = Trigger(lem, "V", "SANCTION", "", "event", "event_rules.json:exclusion_verbs")
                continue
            if t.i not in trig and lem in cfg["selection_verbs"]["verbs"] and self._chooses_a_party(t):
                # "picked KHNP as its preferred bidder": support of the one chosen
                trig[t.i] = Trigger(lem, "V", "SUPPORT", "", "event", "event_rules.json:selection_verbs")
                continue
            if t.i not in trig and self._joint_commitment(t, trig):
                # "the two sides will run a shared database": the parties' commitment
                trig[t.i] = Trigger(lem, "V", "AGREE", "", "event", "event_rules.json:joint_commitments")
                continue
            if t.i not in trig and self._list_commitment(t, trig):
                # "Under the memorandum:" / "- Chile will open its tenders to Korean firms": an undertaking
                trig[t.i] = Trigger(lem, "V", "AGREE", "", "event", "event_rules.json:list_commitments")
                continue
            if t.i not in trig and lem in cfg["promise_ahead_verbs"] and not any(c.dep_ == "neg" for c in t.children) \
                    and (self._act_ahead(t) or any(c.dep_ == "aux" and c.lower_ == "would" for c in t.children)):
                # "the United States would guarantee fuel supplies for the plant": a promise
                trig[t.i] = Trigger(lem, "V", "AGREE", "", "event", "event_rules.json:promise_ahead_verbs")
                continue
            if t.i not in trig and lem in cfg["acceptances"]["verbs"] and self._accepts(t, trig):
                # "invited Lee to visit Hanoi, and Lee accepted", "accepted the invitation": the other side agrees
                trig[t.i] = Trigger(lem, "V", "AGREE", "", "event", "event_rules.json:acceptances")
                continue
            met = self._meeting_taken_part_in(t, lem, trig) if t.i not in trig else None
            if met is not None:
                # "Ruto took part in the Tokyo conference on African development": a meeting he attended
                trig[t.i] = Trigger(lem, "V", "CONSULT", "", "meeting", "event_rules.json:attendance_verbs")
                absorbed_noun[t.i] = met.i
                trig.pop(met.i, None)
                continue
            if t.i not in trig and self._joint_announcement(t):
                # "the two sides announced a series of coordination efforts": their agreement
                trig[t.i] = Trigger(lem, "V", "AGREE", "", "event", "event_rules.json:joint_announcements")
                continue
            if t.i not in trig and lem in cfg["boarding"]["verbs"] and self._boards_a_ship(t):
                # "the coast guard boarded the ship": a seizure
                trig[t.i] = Trigger(lem, "V", "COERCE", "seize", "event", "event_rules.json:boarding")
                continue
            if t.i not in trig and lem in cfg["assistance_verbs"] and self._helps_a_party(t):
                # "India will help Nigeria build a payments system": aid to a party
                trig[t.i] = Trigger(lem, "V", "AID", "", "event", "event_rules.json:assistance_verbs")
                continue
            if t.i not in trig and lem in cfg["money_verbs"]["verbs"] and self._money_put_into(t):
                # "will put 150 million dollars into the plant", "will pay 600 million francs a year into the
                # programmes": money handed to a purpose, aid (a promise of it when still to come)
                trig[t.i] = Trigger(lem, "V", "AID", "", "event", "event_rules.json:money_verbs")
                continue
            sale = self._ordered_divestment(t, lem) if lem in cfg["forced_divestment"]["order_verbs"] else None
            if sale is not None:
                # "ordered the fund to sell its stake", "told three firms to divest": a forced divestment, a SANCTION
                trig[t.i] = Trigger(lem, "V", "SANCTION", "discontinue", "event", "event_rules.json:forced_divestment")
                trig.pop(sale.i, None)
                continue
            if t.i in trig and trig[t.i].cls == "governs" and lead_of_list(t.sent) and lead_infinitive(t.sent) and \
                    lead_verb(t.sent).i == t.i:
                trig.pop(t.i)     # "they undertook to:" / "- train 150 regulators": each item is the commitment
                continue
            if t.i in trig and lem in cfg["eased_by_itself"]["verbs"] and not any(
                    c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in t.children) and not any(
                    c.dep_ == "nsubj" and (lemma_of(c) in cfg["measure_nouns"] or c.i in trig and trig[c.i].type == "SANCTION")
                    for c in t.children) and t.dep_ not in ("acl", "relcl", "xcomp", "amod"):
                trig.pop(t.i)     # "pressure from Washington has eased": nothing eased by anyone
                continue
            if t.i in trig and trig[t.i].type == "REQUEST" and lem in cfg["purchase_orders"]["verbs"] and \
                    self._orders_goods(t, trig):
                # "Kazakhstan orders two French satellites": a purchase, not a demand
                trig[t.i] = Trigger(lem, "V", "COOPERATE", "", "event", "event_rules.json:purchase_orders")
                continue
            if lem in cfg["state_takeovers"]["verbs"] and self._takes_over_firm(t):
                # "seizes control of the Chinese-owned chipmaker": a measure against the firm's owners
                trig[t.i] = Trigger(lem, "V", "SANCTION", "discontinue", "event", "event_rules.json:state_takeovers")
                continue
            warned = self._warned_consequence(t, lem, trig) if t.i not in trig else None
            if warned is not None:
                # "warned that Poland would bear the consequences", "said Moscow would respond if ...": a threat
                trig[t.i] = Trigger(lem, "V", "THREATEN", "", "event", "event_rules.json:warning_threats")
                for x in warned.subtree:
                    if x.i in trig and trig[x.i].type in CONFLICT and x.i != t.i:
                        trig.pop(x.i)     # "would face tariffs": the tariffs are what is threatened
                continue
            if t.i in trig and lem in cfg["occasion_uses"]["verbs"] and any(
                    c.dep_ == "dobj" and lemma_of(c) in cfg["occasion_uses"]["objects"] for c in t.children):
                trig.pop(t.i)     # "used the occasion to ask Brussels ...": the asking is the act told, no purpose
                continue
            if t.i in trig and trig[t.i].cls == "purpose" and self._party_aim(t, trig):
                # "the two sides aim to sign the agreement by June": a plan of the parties, not a purpose
                trig[t.i] = Trigger(lem, "V", "AGREE", "", "governs", "event_rules.json:party_aims")
                continue
            if t.i not in trig and lem in cfg["creation_verbs"] and self._made_part_of_relations(t):
                # "will establish green hydrogen as a core pillar of the partnership": the relations widened
                trig[t.i] = Trigger(lem, "V", "COOPERATE", "", "event", "event_rules.json:relation_parts")
                continue
            if t.i in trig and lem in cfg["cognition_verbs"] and any(c.dep_ == "ccomp" for c in t.children):
                trig.pop(t.i)     # "we recognise that pooled efforts pay off": a view held, no recognition of a state
                continue
            if t.i in trig and trig[t.i].type == "AID" and lem in cfg["skill_aid_verbs"] and not any(
                    c.dep_ in ("dobj", "nsubjpass") for c in t.children) and t.dep_ != "acl":
                trig.pop(t.i)     # "the team will train in Japan": nobody trained, no aid
                continue
            if t.i in trig and trig[t.i].type == "AID" and lem in cfg["transitive_aid_verbs"] and not any(
                    c.dep_ in ("dobj", "nsubjpass", "dative") for c in t.children) and t.dep_ not in ("acl", "relcl"):
                trig.pop(t.i)     # "will deliver on its pledges", "the plan delivered": nothing handed over
                continue
            if t.i in trig and trig[t.i].type == "SUPPORT" and lem in cfg["backing_verbs"] and self._business_backing(t):
                trig.pop(t.i)     # "start-ups backed by Korean firms", "backing a takeover": money, no diplomacy
                continue
            if t.i in trig and trig[t.i].type == "RETREAT" and self._quits_meeting(t, trig):
                # "cancels the summit after Lula pulls out", "withdrew from the talks": a planned meeting given up
                trig[t.i] = Trigger(lem, "V", "REJECT", "", "event", "event_rules.json:meeting_withdrawal_verbs")
                continue
            found = self._list_measure(t, lem)
            if found is not None:
                trig[t.i] = found
                for x in self._list_tails(t):
                    trig.pop(x.i, None)     # "given preferential access" describes the list: no act of its own
            elif t.i not in trig and lem in cfg["refusal_verbs"] and any(c.dep_ == "neg" for c in t.children) \
                    and not any(c.dep_ == "auxpass" for c in t.children):    # "exports shall not be permitted": a ban
                # "will not accept any more refugees", "does not recognise the vote": a refusal
                trig[t.i] = Trigger(lem, "V", "REJECT", "", "event", "event_rules.json:refusal_verbs")
        # "said it hoped Sri Lanka would allow ...": a request; "hopes the deal will help it": a wish, no event
        for t, lem in full_verbs:
            if t.i not in trig or lem not in cfg["hoped_acts"]["verbs"]:
                continue
            clause = next((c for c in t.children if c.dep_ == "ccomp"), None)
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
            if subj is None or subj.pos_ == "PRON" or subj.dep_ == "nsubjpass" and not named_party(subj) and not any(
                    c.dep_ == "agent" for c in clause.children):
                continue    # ("hoped the programme could be launched": their own act, a willingness)
            trig.pop(t.i)
            if named_party(subj):
                trig[clause.i] = Trigger(lemma_of(clause), "V", "REQUEST", "", "reported_request",
                                         "event_rules.json:hoped_acts")
        # "Russia said Sudan must return the helicopter": a demand reported as a statement; "the ministry said the
        # firms had colluded with ...": a charge reported as a statement
        for t, lem in full_verbs:
            if t.dep_ == "ccomp" and lemma_of(t.head) in cfg["request_frames"] and lem in cfg["reported_wrongdoing"]["verbs"] \
                    and any(c.dep_ == "nsubj" and named_party(c) for c in t.children) and not any(
                        c.dep_ == "neg" for c in t.children):
                trig[t.i] = Trigger(lem, "V", "ACCUSE", "", "reported_request", "event_rules.json:reported_wrongdoing")
            if t.i not in trig and lem in cfg["money_to_come"]["verbs"] and self._money_to_come(t):
                # "a second tranche of 20 million pounds would follow by March": a promise of aid
                trig[t.i] = Trigger(lem, "V", "AGREE", "", "reported_request", "event_rules.json:money_to_come")

            if t.dep_ == "ccomp" and lemma_of(t.head) in cfg["request_frames"] and any(
                    c.dep_ == "aux" and c.lower_ in cfg["request_modals"] for c in t.children):
                trig[t.i] = Trigger(lem, "V", "REQUEST", "", "reported_request", "event_rules.json:request_frames")
        for i in undecided:
            trig.pop(i, None)
        return trig, absorbed_noun
