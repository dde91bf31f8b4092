"""Tests of clause shapes the trigger finder asks: quitting a meeting, an act put ahead, a visit's course told,
a question left open, an act of two sides, something made part of relations, a plan called off in a conjunct, a
refusal that only answers the press ("declined to comment").
``TriggerRules`` (``triggers.py``) inherits these."""
from __future__ import annotations

from ..actors import describe_pair
from .list_items import lead_infinitive, lead_modals, lead_of_verb, lead_subject, list_lead
from .rules import lemma_of
from .trigger_shapes import lem_in


def named_party(x, people: bool = True) -> bool:
    """Whether a token names a party: a state, a people or a body; with `people` also a person or a noun a
    state's adjective qualifies ("the Argentine president")."""
    if not people:
        return x.ent_type_ in ("GPE", "NORP", "ORG")
    return x.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or (
        x.pos_ == "NOUN" and any(c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE") for c in x.children))


NOT_PARTY_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "FAC", "LOC", "EVENT",
                  "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE")


def named_or_proper(x, people: bool = True) -> bool:
    """`named_party`, or a proper noun the named-entity tagger left untyped ("Lula and Xi sat down together",
    where the tagger saw no person in "Lula"), but not a date, a sum or a place."""
    return named_party(x, people) or x.tag_ in ("NNP", "NNPS") and x.ent_type_ not in NOT_PARTY_ENTS



_PHRASE_HEADS: dict[int, tuple[list, dict[str, frozenset[str]]]] = {}


def _phrase_heads(phrases: list[str]) -> dict[str, frozenset[str]]:
    """The phrases of a list by each way they can be cut at a space into a verb and what follows ("go live": under
    "go"), computed once for the list."""
    got = _PHRASE_HEADS.get(id(phrases))
    if got is None or got[0] is not phrases:
        heads: dict[str, set[str]] = {}
        for p in phrases:
            for k, ch in enumerate(p):
                if ch == " ":
                    heads.setdefault(p[:k], set()).add(p)
        got = _PHRASE_HEADS[id(phrases)] = (phrases, {h: frozenset(ps) for h, ps in heads.items()})
    return got[1]

class ClauseTests:
    """Clause-shape tests of ``TriggerRules``."""

    def _thing_predicted(self, pred, actors) -> bool:
        """Whether a verb tells what a thing would do (``thing_predictions``): its subject is a common noun that names
        no party, no person and no pair ("the centre would give", "the satellite data would help"), with a modal of
        prediction."""
        spec = self.rules.cfg["thing_predictions"]
        subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "NOUN" or not any(c.dep_ == "aux" and c.lower_ in spec["modals"]
                                                          for c in pred.children):
            return False
        words = [x for x in subj.subtree]
        if actors.in_tokens([x.i for x in words]) or any(named_party(x) for x in words) or \
                lemma_of(subj) in spec["party_nouns"] or subj.lower_ in self.rules.cfg["pair_member_nouns"]:
            return False
        return True

    def _quits_meeting(self, v, trig) -> bool:
        """Whether a withdrawal verb (``meeting_withdrawal_verbs``) gives up a meeting: its "of"/"from" object is a
        meeting ("pulled out of the summit"), or, with no such object, the clause it hangs on cancels or puts off
        one ("cancels the summit after Lula pulls out")."""
        cfg = self.rules.cfg
        if trig[v.i].lemma not in cfg["meeting_withdrawal_verbs"]:
            return False
        # "pulled out of the summit": the "of" may hang on the verb or on its particle
        preps = [c for c in v.children if c.dep_ == "prep"] + [
            p for c in v.children if c.dep_ in ("prt", "prep", "advmod") for p in c.children if p.dep_ == "prep"]
        outs = [g for c in preps if c.lower_ in ("of", "from") for g in c.children if g.dep_ == "pobj"]
        if outs:
            return any(g.i in trig and trig[g.i].cls == "meeting" for g in outs)
        h = v.head
        return v.dep_ == "advcl" and h.i in trig and trig[h.i].type == "REJECT"

    def _act_ahead(self, act) -> bool:
        """Whether a verb tells an act still ahead: a future auxiliary ("will sign"), or an infinitive of a
        headline, of a passive ("is to be signed") or under a plan or a due word ("plans to meet")."""
        cfg = self.rules.cfg
        aux = {c.lower_ for c in act.children if c.dep_ in ("aux", "auxpass")}
        return bool(aux & cfg["future_aux"]) or "to" in aux and (
            act.dep_ == "ROOT" or "be" in aux and act.tag_ == "VBN" or
            act.dep_ == "xcomp" and lemma_of(act.head) in cfg["plan_verbs"] | cfg["due_words"])

    def _visit_course_told(self, t) -> bool:
        """Whether a visit noun is named under a part of its course ("at the end of his visit": ``visit_course_nouns``)
        in a clause told as done, not put ahead ("will sign ... at the start of her visit next week" tells the plan)."""
        cfg = self.rules.cfg
        if not (t.dep_ == "pobj" and t.head.lower_ == "of" and lemma_of(t.head.head) in cfg["visit_course_nouns"]):
            return False
        act = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return act is None or not any(c.dep_ == "aux" and (c.lower_ in cfg["future_aux"] or c.lower_ == "to")
                                      for c in act.children)

    def _left_open(self, v, trig):
        """The rule id when a verb tells an act not done: a governing verb whose complement leaves a choice
        open ("has not decided whether to join": ``open_question_marks``), a negated verb with a pending
        adverb ("has not yet signed": ``pending_words``), or an infinitive after "have"/"be" with one ("has yet
        to ratify"); else None."""
        cfg = self.rules.cfg
        if trig[v.i].cls == "governs" and any(
                c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "mark" and g.lower_ in cfg["open_question_marks"]
                                                    for g in c.children) for c in v.children):
            return "event_rules.json:open_question_marks"
        if any(c.dep_ == "neg" for c in v.children) and lem_in(v, cfg["open_refusals"]):
            return "event_rules.json:open_refusals"     # "has not ruled out joining the pact"
        if any(c.dep_ == "neg" for c in v.children) and any(
                c.dep_ == "advmod" and c.lower_ in cfg["pending_words"] for c in v.children):
            return "event_rules.json:pending_words"
        if v.dep_ == "xcomp" and lemma_of(v.head) in ("have", "be") and any(
                c.dep_ == "advmod" and c.lower_ in cfg["pending_words"] for c in v.head.children):
            return "event_rules.json:pending_words"
        return None

    def _two_sided(self, v) -> bool:
        """Whether a verb is told of two or more sides: its subject or passive agent lists them ("Kenya and
        India", "officials from Kenya and India") or counts them ("the two ministers", "both leaders":
        ``two_sided_words``, ``joint_cues``), or a "with" names a partner, or an adverb says it was done together."""
        cfg = self.rules.cfg
        sides = [c for c in v.children if c.dep_ == "nsubj"] + [
            g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for x in sides:
            if any(c.dep_ == "conj" for c in x.children) or any(
                    c.dep_ in ("amod", "compound") and any(k.dep_ == "conj" for k in c.children) for c in x.children):
                return True     # "Kenya and India", "Kenyan and Indian ministers"
            if any(c.dep_ == "prep" and c.lower_ in ("from", "of") and any(
                    g.dep_ == "pobj" and any(k.dep_ == "conj" for k in g.children) for g in c.children)
                   for c in x.children):
                return True     # "officials from Kenya and India"
            if any(c.dep_ in ("nummod", "det", "amod", "predet") and c.lower_ in cfg["two_sided_words"] | cfg["joint_cues"]
                   for c in x.children):
                return True
            if x.lower_ in cfg["joint_cues"] or " ".join(y.lower_ for y in x.subtree) in {f"the {w}" for w in cfg["joint_cues"]}:
                return True     # "the two sides"
        objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" for g in c.children)
               for x in [v, *objs] for c in x.children):
            return True     # "reviewed progress with India"
        return any(c.dep_ == "advmod" and c.lower_ in cfg["joint_cues"] for c in v.children)

    def _made_part_of_relations(self, v) -> bool:
        """Whether a verb makes something a part of relations: "establish X as a core pillar of the
        partnership", "set up Y as a priority of their partnership" (``relation_parts`` of a relation noun)."""
        cfg = self.rules.cfg
        for p in v.children:
            if p.dep_ == "prep" and p.lower_ == "as":
                for part in p.children:
                    if part.dep_ == "pobj" and lemma_of(part) in cfg["relation_parts"]:
                        whole = [g for q in part.children if q.dep_ == "prep" and q.lower_ == "of"
                                 for g in q.children if g.dep_ == "pobj"]
                        if any(lemma_of(g) in cfg["relation_bodies"] or lemma_of(g) in cfg["relation_nouns"]
                               for g in whole):
                            return True
        return False

    @staticmethod
    def _cancelled_in_conjunct(v, trig):
        """The cancellation (a REJECT trigger) in a conjunct of a verb ("had planned but was forced to cancel"),
        or, where the parser hung the conjunct elsewhere, in the few words after the verb's "but"; or None."""
        for c in v.children:
            if c.dep_ == "conj":
                for x in c.subtree:
                    if x.i in trig and trig[x.i].type == "REJECT" and trig[x.i].pos == "V":
                        return x.i
        but = next((c for c in v.children if c.dep_ == "cc" and c.lower_ == "but"), None)
        if but is not None:
            for x in v.doc[but.i + 1:min(but.i + 7, v.sent.end)]:
                if x.i in trig and trig[x.i].pos == "V":
                    return x.i if trig[x.i].type == "REJECT" else None
        return None

    def _press_refusal(self, t, tr) -> bool:
        """A refusal whose complement is an answer to the press ("declined to comment", "refused to give the cost
        of the satellite"): event_rules.json press_answer_verbs, or a giving verb with one of press_answer_objects;
        or a source's request not to be named (anonymity_requests)."""
        cfg = self.rules.cfg
        anon = cfg["anonymity_requests"]
        if tr.type == "REQUEST" and lemma_of(t) in anon["verbs"] and any(
                c.dep_ == "xcomp" and lemma_of(c) in anon["complements"] and any(g.dep_ == "neg" for g in c.children)
                for c in t.children):
            return True     # "a senior official said, asking not to be named": the source's terms, no request
        if tr.type != "REJECT" or tr.cls != "governs":
            return False
        for c in t.children:
            if c.dep_ != "xcomp":
                continue
            if lemma_of(c) in cfg["press_answer_verbs"]:
                return True
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if lemma_of(c) in cfg["press_giving_verbs"] and obj is not None and lemma_of(obj) in cfg["press_answer_objects"]:
                return True
        return False

    def _participle_description(self, t, tr) -> bool:
        """Whether an act of ``participle_description_types`` is told only by a passive participle with no subject
        or auxiliary of its own, or is the agent of one: "a research centre ..., funded by German development aid",
        "a lab built with Korean help" describe a thing, not an act of the news."""
        if tr.type not in self.rules.cfg["participle_description_types"]:
            return False
        v = t if tr.pos == "V" else (t.head.head if t.dep_ == "pobj" and t.head.dep_ in ("agent", "prep") else None)
        if v is None or v.tag_ != "VBN" or v.dep_ not in ("acl", "advcl"):
            return False
        return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in v.children)

    def _party_aim(self, v, trig) -> bool:
        """Whether an aim verb (``party_aims``) tells a party's plan of a signing or a meeting ("the two sides aim
        to sign the agreement by June"): its subject names a party (a country, a person, a body, "the two
        sides") and its infinitive is a trigger of a signing or meeting category; "the accord aims to deepen
        ties" is what a thing is for, and stays a purpose."""
        spec = self.rules.cfg["party_aims"]
        if lemma_of(v) not in spec["verbs"]:
            return False
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or not (named_party(subj) or subj.lower_ in spec["party_nouns"]):
            return False
        return any(c.dep_ == "xcomp" and c.i in trig and (trig[c.i].type in spec["complement_types"] or
                                                          trig[c.i].cls in ("accord", "meeting")) for c in v.children)

    def _question_frame(self, v) -> bool:
        """Whether a question verb is the frame of a reply ("when asked about the deal, he said ...", "Asked about
        the tariffs, he said ..."): passive, in a clause opened by one of ``question_frame_marks`` or opening the
        sentence, with no asker named."""
        kids = list(v.children)
        opening = v.i == v.sent.start or v.doc[v.i - 1].is_punct and v.i - 1 == v.sent.start   # "Asked about ..., he said"
        return v.tag_ == "VBN" and v.dep_ == "advcl" and not any(c.dep_ in ("agent", "dobj") for c in kids) and (
            opening or any(c.dep_ in ("mark", "advmod") and c.lower_ in self.rules.cfg["question_frame_marks"] for c in kids))

    def _plan_not_told(self, v, trig) -> bool:
        """Whether a plan verb tells no plan of its own: a past perfect of a hope or plan (``unrealised_plans``:
        "both governments had hoped to present the memorandum", a plan the article says came to nothing), or a
        relative clause describing a thing as planned, with no act named ("the data centres that firms have
        planned")."""
        cfg = self.rules.cfg
        lem = lemma_of(v)
        if lem in cfg["unrealised_plans"] and v.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ == "had" for c in v.children):
            return True
        return lem in cfg["plan_verbs"] and v.dep_ == "relcl" and v.head.i not in trig and not any(
            c.dep_ in ("xcomp", "ccomp") for c in v.children)

    @staticmethod
    def _helps_a_party(v) -> bool:
        """Whether a verb of helping has a party as the one helped: its object ("helped Ghana with funds"), or the
        subject of the act it helps with ("will help Nigeria build"), is a named state, people or body."""
        for c in v.children:
            if c.dep_ in ("dobj", "dative") and named_party(c, people=False):
                return True
            if c.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "nsubj" and named_party(g, people=False)
                                                     for g in c.children):
                return True
        return False

    def _speaks_with_a_party(self, v) -> bool:
        """Whether a verb of speaking tells a conversation of parties: "with" a named person, state or body
        ("spoke by telephone with the Argentine president"), or two of them as its subject ("Manalo and Iwaya
        spoke at length", "the two ministers will speak"), or "to" a named person by telephone; "spoke to reporters",
        "spoke at the forum" are none."""
        # ("spoke by telephone with X": the parser may hang the "with" on the telephone)
        preps = [c for c in v.children if c.dep_ == "prep"]
        preps += [p for c in preps if c.lower_ in ("by", "on", "over") for g in c.children for p in g.children
                  if p.dep_ == "prep"]
        if any(c.lower_ == "with" and any(g.dep_ == "pobj" and named_or_proper(g) for g in c.children) for c in preps):
            return True
        words = self.rules.cfg["conversation_verbs"]["phone_words"]
        phone = any(c.lower_ in ("by", "on", "over") and any(g.lower_ in words for g in c.children) for c in preps)
        if phone and any(c.lower_ == "to" and any(g.dep_ == "pobj" and named_or_proper(g) for g in c.children)
                         for c in preps):
            return True     # "spoke to Duale by telephone": a call
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ == "NNS" and any(c.lower_ in ("two", "both", "their") for c in subj.children) \
                and describe_pair(" ".join(x.lower_ for x in subj.subtree)) and not any(c.lower_ in ("to", "at")
                                                                                   for c in preps):
            return True     # "the two ministers will speak by video link": the two sides
        return subj is not None and named_or_proper(subj) and any(c.dep_ == "conj" and named_or_proper(c)
                                                                    for c in subj.children)

    def _shuts_out_a_party(self, v) -> bool:
        """Whether a verb of exclusion (``exclusion_verbs``) shuts a named party out of something: its object (or
        passive subject) is a state, people or body and a "from"/"of" phrase hangs on the verb or its particle
        ("shut Swiss institutions out of parts of Horizon Europe", "were excluded from the tender")."""
        spec = self.rules.cfg["exclusion_verbs"]
        obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None or not named_party(obj):
            return False
        holders = [v] + [c for c in v.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ not in spec["preps"]]
        return any(c.dep_ == "prep" and c.lower_ in spec["preps"] for h in holders for c in h.children)

    def _chooses_a_party(self, v) -> bool:
        """Whether a verb of choosing (``selection_verbs``) chooses a named party for a role or a task: "picked
        KHNP as its preferred bidder" (an "as" phrase naming a role), "selected Westinghouse to build" (a to-clause)."""
        spec = self.rules.cfg["selection_verbs"]
        obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None or not named_or_proper(obj) or obj.ent_type_ == "PERSON":
            return False
        for c in list(v.children) + list(obj.children):
            if c.dep_ == "prep" and c.lower_ == "as" and any(lemma_of(g) in spec["roles"] for g in c.children):
                return True
            if c.dep_ in ("xcomp", "advcl", "relcl") and c.tag_ == "VB" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return True
        return False

    def _joint_commitment(self, v, trig: dict) -> bool:
        """Whether a verb tells a future act of both parties together (``joint_commitments``): "the two sides will
        run a shared database", "Japan and Iceland will run ...": a modal of the future, no negation, and as subject
        the two parties (a quantifier and a party noun, or two named states or bodies joined). Not a prefix ("will
        co-host"), nor a verb whose clause holds a trigger (`trig`: "will work to set up a centre")."""
        spec = self.rules.cfg["joint_commitments"]
        if v.pos_ != "VERB" or lemma_of(v) in spec["excluded_verbs"] or any(c.dep_ == "neg" for c in v.children):
            return False
        if v.i + 1 < len(v.doc) and v.doc[v.i + 1].text == "-" and not v.whitespace_:
            return False
        if any(c.i in trig for c in v.children if c.dep_ in ("xcomp", "conj", "ccomp", "advcl")) or \
                v.dep_ in ("xcomp", "conj", "ccomp") and v.head.i in trig:
            return False
        if any(c.dep_ in ("advmod", "mark") and c.lower_ in spec["question_words"] for c in v.children):
            return False    # "discussed how the two countries will certify hydrogen": a topic, no commitment
        lead = lead_of_verb(v)      # "the two sides will:" / "- run a shared database": the lead-in says who and when
        if not any(c.dep_ == "aux" and c.lower_ in spec["modals"] for c in v.children) and not (
                lead is not None and any(c.lower_ in spec["modals"] for c in lead_modals(lead))):
            return False
        return self._both_parties_subject(v, lead)

    def _both_parties_subject(self, v, lead=None) -> bool:
        """Whether the subject of `v` (or of the lead-in of the list item it opens: `lead`) is the two parties
        (``joint_commitments``): a quantifier and a party noun ("the two sides", "both agencies"), or two named
        states or bodies joined ("Japan and Iceland")."""
        spec = self.rules.cfg["joint_commitments"]
        subj = lead_subject(lead) if lead is not None else next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        if lemma_of(subj) in spec["nouns"] and any(c.lower_ in spec["quantifiers"] for c in subj.children):
            return True
        return named_party(subj, people=False) and any(c.dep_ == "conj" and named_party(c, people=False)
                                                       for c in subj.children)

    def _list_commitment(self, v, trig: dict) -> bool:
        """Whether a verb is the act still ahead of an item in a list of undertakings (``list_commitments``):
        "Under the memorandum:" / "In a joint statement, the two governments set out further steps:" above
        "- Chile will open its tenders to Korean firms;" / "- a joint committee is to meet in Seoul by June."
        The lead-in names an accord, a promise or one of the list's nouns (``lead_words``); the item's own verb
        is its root (or the infinitive of "is to"), still ahead (a future auxiliary, "is to", or the lead-in's
        modal), not negated, not one of ``excluded_verbs``, and governs no trigger of its own."""
        spec = self.rules.cfg["list_commitments"]
        if v.pos_ != "VERB" or lemma_of(v) in spec["excluded_verbs"] or any(c.dep_ == "neg" for c in v.children):
            return False
        be_to = v.dep_ == "xcomp" and v.head.dep_ == "ROOT" and lemma_of(v.head) == "be" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if v.dep_ != "ROOT" and not be_to:
            return False
        lead = list_lead(v.sent)
        if lead is None or not any(lemma_of(t) in spec["lead_words"] or self._commitment_word(t) for t in lead):
            return False
        if not (be_to or self._act_ahead(v) or any(c.lower_ in spec["modals"] for c in lead_modals(lead))
                or lead_infinitive(lead)):
            return False
        if any(c.i in trig for c in v.children if c.dep_ in ("xcomp", "conj", "ccomp", "advcl")):
            return False
        return not any(c.dep_ in ("advmod", "mark") and c.lower_ in spec["question_words"] for c in v.children)

    def _commitment_word(self, t) -> bool:
        """Whether a word of a list's lead-in names an accord ("Under the memorandum:") or a promise ("the two
        sides agreed to:")."""
        tr = self._trigger(t)
        return tr is not None and (tr.cls == "accord" or tr.type == "AGREE" and tr.cls == "governs")

    def _venue_clause(self, t, lem: str, trig: dict) -> bool:
        """Whether an attending verb (``venue_clauses``) is a relative clause of place on where a meeting was held:
        "met Xi in Rio de Janeiro, where both were attending the Group of 20 gathering"."""
        spec = self.rules.cfg["venue_clauses"]
        verb = lem if not any(c.dep_ == "prt" for c in t.children) else \
            f"{lem} {next(c.lower_ for c in t.children if c.dep_ == 'prt')}"
        if verb not in spec["verbs"] or t.dep_ != "relcl" or not any(
                c.dep_ == "advmod" and c.lower_ in spec["words"] for c in t.children):
            return False
        place = t.head
        return place.dep_ == "pobj" and place.head.dep_ == "prep" and place.head.head.i in trig and \
            trig[place.head.head.i].cls == "meeting" and place.head.head.i != t.i

    def _due_at_place(self, t, lem: str) -> bool:
        """Whether "be due/expected in PLACE" tells a planned visit (``due_at_place``): the verb "be" (or the
        participle "expected") with a person, a delegation or a named party as subject and a place after "in"/"at"."""
        spec = self.rules.cfg["due_at_place"]
        word = t if t.lower_ in spec["words"] and t.dep_ == "ROOT" else next(
            (c for c in t.children if c.dep_ == "acomp" and c.lower_ in spec["words"]), None) if lem == "be" else None
        if word is None:
            return False
        holders = [t, word]
        place = next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in spec["preps"]
                      for g in c.children if g.dep_ == "pobj" and self._place_word(g)), None)
        subj = next((c for h in holders for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return place is not None and self._visitor(subj)

    def _visitor(self, subj, proper: bool = False) -> bool:
        """Whether a subject can make a visit: a person, a people, a named party, a visitor noun ("minister",
        "delegation"); with `proper`, any proper noun the tagger did not name ("Mezzour, who is in China")."""
        return subj is not None and (
            subj.ent_type_ in ("PERSON", "NORP") or proper and subj.pos_ == "PROPN" or named_or_proper(subj) or
            lemma_of(subj) in self.rules.cfg["visitor_nouns"] or lemma_of(subj) in self.rules.cfg["due_at_place"]["visitors"])

    def _joint_thing_started(self, t, lem: str):
        """The "between" phrase of the subject of a verb that tells a thing starting to work (``joint_operation``:
        "a data link between X and Y went live"), else None."""
        spec = self.rules.cfg["joint_operation"]
        if lem not in _phrase_heads(spec["phrases"]):
            return None     # (no phrase starts with the verb: none of the words below can be one)
        words = {f"{lem} {c.lower_}" for c in t.children if c.dep_ in ("advmod", "acomp", "prt", "dobj", "xcomp")} | {
            f"{lem} {g.lower_}" for c in t.children if c.dep_ == "xcomp" for g in [c]} | {
            f"{lem} {lemma_of(c)}" for c in t.children if c.dep_ in ("dobj", "xcomp")}
        if not words & _phrase_heads(spec["phrases"])[lem]:
            return None
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        return next((c for c in subj.children if c.dep_ == "prep" and c.lower_ in spec["preps"]), None)

    def _stands_by(self, t, lem: str) -> bool:
        """Whether a verb of standing by (``solidarity_verbs``) has a party as the object of its preposition."""
        spec = self.rules.cfg["solidarity_verbs"]
        return lem in spec["verbs"] and any(
            c.dep_ == "prep" and c.lower_ in spec["preps"] and any(
                g.dep_ == "pobj" and g.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or g.lower_ in ("us", "you", "them")
                for g in c.children) for c in t.children)

    def _warned_consequence(self, t, lem: str, trig: dict):
        """The clause a warning is about (``warning_threats``), else None: under a verb of warning, a clause put
        ahead by a modal whose verb is a consequence ("would bear the consequences", "would take measures") or holds
        a coercive act ("would face tariffs"); or, for a verb of retaliation itself, put ahead under a condition
        ("Moscow would respond if ..."), the verb."""
        spec = self.rules.cfg["warning_threats"]

        def ahead(v) -> bool:
            return any(c.dep_ == "aux" and c.lower_ in spec["modals"] for c in v.children)
        saying = lem in spec["say_verbs"] and any(c.dep_ == "nsubj" and named_party(c) for c in t.children)
        if lem in spec["verbs"] or saying:
            for c in t.children:
                if c.dep_ != "ccomp" or not ahead(c):
                    continue
                suffered = lemma_of(c) in spec["sufferings"] and any(
                    g.dep_ == "dobj" and lemma_of(g) in spec["penalties"] for g in c.children)
                if suffered or not saying and (lemma_of(c) in spec["acts"] or any(
                        x.i in trig and trig[x.i].type in ("SANCTION", "COERCE") for x in c.subtree)):
                    return c    # (a state "said it will ban exports" announces the ban: realnews conventions 6)
            return None
        if lem in spec["retaliations"] and ahead(t) and t.dep_ in ("ccomp", "ROOT") and any(
                c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in spec["condition_marks"] for g in c.children)
                for c in t.children):
            return t
        return None

    def _money_to_come(self, t) -> bool:
        """Whether a verb of coming is put ahead (would, will) with money as its subject (``money_to_come``)."""
        if not any(c.dep_ == "aux" and (c.lower_ in self.rules.cfg["future_aux"] or c.lower_ == "would") for c in t.children):
            return False
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        return subj is not None and (lemma_of(subj) in self.rules.cfg["money_to_come"]["nouns"] or any(
            x.ent_type_ == "MONEY" for x in subj.subtree))

    def _orders_goods(self, t, trig: dict) -> bool:
        """Whether an ordering verb has a thing as its object (no person, people or state; no organisation; no act:
        "ordered the suspension of ...") and no one told to act (no infinitive, no "that" clause): "orders two
        French observation satellites"."""
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        if obj is None or obj.pos_ != "NOUN" or obj.i in trig or obj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or \
                any(lemma_of(x) in self.rules.cfg["visitor_nouns"] or lemma_of(x) in self.rules.cfg["group_nouns"]
                    for x in [obj, *(c for c in obj.children if c.dep_ == "compound")]):
            return False     # ("ordered the envoy home": the parser may make the envoy a compound)
        return not any(c.dep_ in ("xcomp", "ccomp", "oprd") for c in t.children) and not any(
            c.dep_ in ("xcomp", "relcl", "acl") and any(g.lower_ == "to" for g in c.children) for c in obj.children)

    def _takes_over_firm(self, t) -> bool:
        """Whether a verb of taking has "control" of a firm or of its decisions as object (``state_takeovers``)."""
        spec = self.rules.cfg["state_takeovers"]
        obj = next((c for c in t.children if c.dep_ == "dobj" and lemma_of(c) in spec["objects"]), None)
        if obj is None:
            return False
        held = [g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "over") for g in c.children
                if g.dep_ == "pobj"]
        held += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "over") for g in c.children
                 if g.dep_ == "pobj"]
        return any(lemma_of(g) in spec["firms"] or g.ent_type_ == "ORG" for g in held)

    def _stays_in(self, t, lem: str) -> bool:
        """Whether "be in PLACE for a time" tells a stay (``present_stay``): a person, a delegation or a named party
        in a country or a city, with a "for" phrase of time; or a time spent there ("spent four days in China")."""
        spec = self.rules.cfg["present_stay"]
        spent = lem in spec["spend_verbs"] and any(c.dep_ in ("dobj", "npadvmod") and c.ent_type_ == "DATE"
                                                   for c in t.children)     # "spent four days in China"
        if not spent and (lem != "be" or t.tag_ not in ("VBZ", "VBP")):
            return False
        place = next((g for c in t.children if c.dep_ == "prep" and c.lower_ in spec["preps"]
                      for g in c.children if g.dep_ == "pobj" and self._place_word(g)), None)
        span = spent or any(c.dep_ == "prep" and c.lower_ in spec["times"] and any(
            x.ent_type_ == "DATE" for x in c.subtree) for c in t.children)
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("who", "that") and t.dep_ == "relcl":
            subj = t.head
        return place is not None and span and self._visitor(subj, proper=True)

    def _goes_to_place(self, t, lem: str) -> bool:
        """Whether a verb of travel that is no visit by itself (``destination_travel``: "fly", "head") takes a person,
        a delegation or a named party "to" a country or a city."""
        spec = self.rules.cfg["destination_travel"]
        landing = lem in spec["landing_verbs"] or lem_in(t, spec["landing_verbs"])
        if lem not in spec["verbs"] and not landing:
            return False
        if landing and any(c.dep_ == "dobj" for c in t.children):
            return False    # "landed a contract"
        preps = spec["landing_preps"] if landing else spec["preps"]
        place = next((g for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                      for g in c.children if g.dep_ == "pobj" and self._place_word(g)), None)
        arrival = any(c.dep_ in ("prt", "advmod") and c.lower_ in spec["arrival_particles"] for c in t.children)
        if place is None and (landing or arrival):
            # "flew in for the ceremony", "landed for a two-day visit": an arrival for an occasion
            place = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "for"
                          for g in c.children if g.dep_ == "pobj" and lemma_of(g) in spec["occasions"]), None)
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("who", "that") and t.dep_ == "relcl":
            subj = t.head       # "Lim, who had flown in on Sunday"
        # "had flown in on Sunday": flying in is arriving, as "arrived" is
        return (place is not None or arrival and lem in spec["verbs"]) and self._visitor(subj, proper=True)

    def _place_word(self, g) -> bool:
        """Whether a token names a place: tagged as one, or a proper noun the gazetteer knows (the tagger may take
        "Tunis" for a people)."""
        if g.ent_type_ in ("GPE", "LOC"):
            return True
        if g.pos_ != "PROPN" or g.ent_type_ in ("PERSON", "ORG", "DATE", "TIME"):
            return False
        name = " ".join(x.text for x in g.subtree if x.dep_ == "compound" or x.i == g.i)
        return self.gaz.is_place(name)

    def _accepts(self, t, trig: dict) -> bool:
        """Whether an accepting verb takes an invitation, an offer or a proposal (``acceptances``): as its object
        ("accepted the invitation"), or, with none, through the inviting verb it is joined to ("invited Lee to
        visit, and Lee accepted")."""
        spec = self.rules.cfg["acceptances"]
        if any(c.dep_ == "neg" for c in t.children):
            return False
        obj = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None and not (obj.lower_ in ("which", "that") and t.dep_ == "relcl"):
            return lemma_of(obj) in spec["objects"]
        if t.dep_ == "relcl" and lemma_of(t.head) in spec["objects"] and any(c.dep_ == "nsubj" for c in t.children):
            return True     # "an invitation the Vietnamese minister accepted"
        h = t.head
        return t.dep_ == "conj" and h.i in trig and trig[h.i].type == "AGREE" and any(
            c.dep_ == "nsubj" for c in t.children)

    def _meeting_taken_part_in(self, t, lem: str, trig: dict):
        """The meeting a verb of taking part (``attendance_verbs``) names ("took part in the conference"), or None."""
        spec = self.rules.cfg["attendance_verbs"]
        holders = [t]
        if lem == "take":
            part = next((c for c in t.children if c.dep_ == "dobj" and c.lower_ == "part"), None)
            if part is None:
                return None
            holders.append(part)
            lem = "take part"
        if lem not in spec["verbs"]:
            return None
        def meeting(g) -> bool:     # "the talks", or a meeting by its name ("the Tokyo International Conference")
            if g.i in trig:
                return trig[g.i].cls == "meeting"
            tr = self.rules.nouns.get(g.lower_) if g.pos_ == "PROPN" else None
            return tr is not None and tr.cls == "meeting"
        return next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in spec["preps"]
                     for g in c.children if g.dep_ == "pobj" and meeting(g)), None)

    def _joint_announcement(self, v) -> bool:
        """Whether an announcing verb (``announce_verbs``) tells a set of joint undertakings of both parties
        (``joint_announcements``): "the two sides announced a series of coordination efforts", "Chile and Peru
        unveiled new initiatives"; the subject as for `_joint_commitment`, no negation."""
        cfg = self.rules.cfg
        spec = cfg["joint_announcements"]
        if lemma_of(v) not in cfg["announce_verbs"] or any(c.dep_ == "neg" for c in v.children):
            return False
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is not None and lemma_of(obj) in spec["collectives"]:
            obj = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
        return obj is not None and lemma_of(obj) in spec["objects"] and self._both_parties_subject(v)

    def _boards_a_ship(self, v) -> bool:
        """Whether a boarding verb (``boarding``) has a ship as its object ("boarded the vessel")."""
        spec = self.rules.cfg["boarding"]
        obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return obj is not None and lemma_of(obj) in spec["vessels"]


def course_not_taken(t, marks: dict) -> bool:
    """Whether a verb is the alternative set aside ("revoked rather than suspended", "instead of retaliating"): a
    conjunct after the pair's preposition (``alternative_marks``: "rather" + "than"), or the object of "instead of"."""
    def marked(prep) -> bool:
        return any(c.dep_ == "advmod" and marks.get(c.lower_) == prep.lower_ for c in prep.children)
    if t.dep_ == "conj":
        return any(c.dep_ == "cc" and c.i < t.i and marked(c) for c in t.head.children)
    return t.dep_ == "pcomp" and marked(t.head)
