"""Modality: future, hypothetical and negated events, and PLOVER's coding rules that depend on them
(cooperation stated in the future is AGREE, a future coercive act a THREATEN, a refusal a REJECT)."""
from __future__ import annotations

from .list_items import lead_infinitive, lead_modals, lead_of_verb
from .rules import CONFLICT, lemma_of
from .trigger_shapes import low_conj


def promise_words(pred) -> bool:
    """A modal or an infinitive in the event's own clause ("agreed to sign", "said they would"), not in
    its subject ("the laboratory, which was to focus on ..., was announced") nor in a relative clause ("signed a
    memorandum under which the institute will help")."""
    skip = set()
    for c in pred.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            skip.update(x.i for x in c.subtree)
    for x in pred.subtree:
        if x.dep_ == "relcl" and x.i not in skip:
            # nor in a relative clause on a noun of its own ("signed a memorandum under which the institute will help")
            skip.update(y.i for y in x.subtree)
    return any(x.i not in skip and (x.lower_ in ("would", "will", "shall", "'ll") or
                                    x.lower_ == "to" and x.dep_ == "aux") for x in pred.subtree)


def _headline_clause(v) -> bool:
    """Whether an infinitive is a headline's predicate that the parser hung on the names before it ("Spain,
    Morocco to sign hydrogen memorandum": "sign" a clause on "Spain"): a line with no final stop whose root is
    a name or a noun the infinitive's clause follows."""
    root = v.head
    last = v.sent[-1]
    return v.dep_ in ("relcl", "acl") and root.dep_ == "ROOT" and root.pos_ in ("PROPN", "NOUN") and \
        root.i < v.i and not (last.is_punct and last.text in ".?!")


def _is_year(tok, spec) -> bool:
    return tok.is_digit and len(tok.text) == 4 and spec["first_year"] <= int(tok.text) <= spec["last_year"]


def _dated_accord(t, spec) -> bool:
    """Whether an accord noun is named with the year it was made ("a 2016 agreement", "the Partnership of 2019") or
    with the participle of its making and a time ("the memorandum signed in Hanoi in February"): ``dated_accords``."""
    if any(x.i < t.i and x.dep_ in ("nummod", "compound", "amod", "npadvmod", "nmod") and _is_year(x, spec)
           for x in t.subtree):
        return True     # ("a 2016 technology safeguards agreement": the year may hang on a compound)
    for c in t.children:
        if c.dep_ == "poss" and any(_is_year(g, spec) for g in c.children if g.dep_ in ("nummod", "compound")):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _is_year(g, spec) for g in c.children):
            return True
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in spec["made_verbs"] and any(
                x.ent_type_ == "DATE" for x in c.subtree):
            return True
    return False


class ModalityRules:
    """The EventCoder steps of modality: `_modality` (future, possible, hypothetical, negated) and `_recode`
    (PLOVER's recoding rules that depend on them)."""

    def _modality(self, m, t, pred, folded, sdoc):
        cfg = self.rules.cfg
        if "event_rules.json:due_at_place" in m.why.get("event_type", []) and t.tag_ in ("VBZ", "VBP"):
            m.future = True     # "a team is due in Manila next week": a visit ahead
            m.note("aux_mode", "event_rules.json:due_at_place")
        chain = [pred]
        cur = pred
        for _ in range(3):       # the event verb and the verbs it hangs on (xcomp/ccomp chains)
            if cur.dep_ in ("xcomp", "ccomp", "conj", "advcl") and cur.head.i != cur.i:
                cur = cur.head
                chain.append(cur)
            else:
                break
        for v in [pred] + ([t] if t is not pred else []):
            kids = list(v.children)
            if v.dep_ == "conj" and v.pos_ == "VERB" and not low_conj(v) and not any(
                    c.dep_ in ("aux", "nsubj", "nsubjpass") for c in kids):
                # "can help advance ... or otherwise threaten": a conjoined verb shares its head's modals
                up = v.head
                for _ in range(3):      # through "help build ... or threaten": the modal of the verb chain
                    kids += [c for c in up.children if c.dep_ in ("aux", "neg")]
                    if up.dep_ != "xcomp" or up.head.i == up.i:
                        break
                    up = up.head
            # "the two sides will:" / "- set up a committee": will set up
            lead = lead_of_verb(v) if not any(c.dep_ in ("aux", "auxpass") for c in kids) else None
            shared = {w for c in (lead_modals(lead) if lead is not None else []) for w in (lemma_of(c), c.lower_)}
            if lead is not None and lead_infinitive(lead):
                shared.add("will")      # "they undertook to:" / "- train 150 regulators": still ahead
            if shared:
                m.note("aux_mode", "modality.list_lead_modal")
            aux = {lemma_of(c) for c in kids if c.dep_ in ("aux", "auxpass")} | {c.lower_ for c in kids if c.dep_ == "aux"} | shared
            if aux & cfg["future_aux"]:
                m.future = True
                m.note("aux_mode", "event_rules.json:future_aux")
            if "to" in aux and "be" in aux and v.tag_ == "VBN" and v.dep_ in ("acl", "relcl", "xcomp"):
                m.future = True   # "to be signed"
                m.note("aux_mode", "modality.to_be_done")
            if v.dep_ in ("xcomp",) and "to" in aux and lemma_of(v.head) in ("be",):
                m.future = True   # "is to visit"
                m.note("aux_mode", "modality.is_to")
            if "to" in aux and v.tag_ == "VB" and (v.dep_ == "ROOT" or _headline_clause(v)):
                m.future = True   # a headline's "Korea to hold AI summit with UK": will hold
                m.note("aux_mode", "modality.headline_infinitive")
            if v is pred and m.type == "COOPERATE" and v.tag_ == "VB" and "to" in aux and \
                    v.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp"):
                m.future = True   # "readiness to collaborate", "plans to jointly develop": not yet done
                m.note("aux_mode", "modality.infinitive_cooperation")
            if aux & cfg["possibility_aux"]:
                m.possible = True
            if "would" in aux and m.report and v.dep_ == "ccomp" and lemma_of(v.head) in cfg["prediction_verbs"]:
                m.aux_mode = "hypothetical"     # "predicted that rivals would offer better terms": a prediction
                m.note("aux_mode", "event_rules.json:prediction_verbs")
            elif "would" in aux and m.report:
                m.future = True
                m.note("aux_mode", "modality.reported_would")
            elif aux & (cfg["hypothetical_aux"] - {"would"}) and not m.future:
                m.aux_mode = "hypothetical"
                m.note("aux_mode", "event_rules.json:hypothetical_aux")
            elif "would" in aux and not m.report:
                # "the ministers would also call on the prime minister": news tells a plan in the past of the
                # future; a condition ("would sign if ...") is dropped as one, a possibility is hypothetical
                m.future = True
                m.note("aux_mode", "modality.plan_told_with_would")
            if any(c.dep_ == "neg" or c.lower_ in ("never", "rarely", "seldom") for c in kids):
                m.aux_mode = "negation"
                m.note("aux_mode", "modality.negation")
            if any(c.dep_ == "mark" and c.lower_ in cfg["hypothetical_marks"] for c in kids):
                m.aux_mode = "hypothetical"
                m.note("aux_mode", "event_rules.json:hypothetical_marks")
        for v in chain[1:]:
            lem = lemma_of(v)
            if lem in cfg["plan_verbs"] and v.tag_ in (
                    "VBZ", "VBP", "VBN") and (v.tag_ != "VBN" or any(c.lower_ in ("is", "are", "be", "was", "were")
                                                                   for c in v.children)):
                m.future = True
                m.note("aux_mode", "event_rules.json:plan_verbs")
            if lem in cfg["due_words"] and v.pos_ == "ADJ" and t.dep_ in ("xcomp",) or \
                    lem in cfg["due_words"] - {"poised"} and v.pos_ == "ADJ" and pred.dep_ == "xcomp":
                m.future = True    # "had been due to meet": planned, whatever became of it
                m.note("aux_mode", "event_rules.json:due_words")
            kids = list(v.children)
            aux = {c.lower_ for c in kids if c.dep_ == "aux"}
            if aux & cfg["future_aux"] and m.type != "AGREE" and not (pred.tag_ == "VBD" and pred.dep_ == "advcl"):
                # "the forum will be put off after Chile withdrew": a clause in the past keeps its own tense
                m.future = True
                m.note("aux_mode", "event_rules.json:future_aux")
            if lem in cfg["arranged_participles"] and v.tag_ == "VBN" and pred.dep_ == "xcomp" and pred.head.i == v.i:
                m.future = True    # "the summit Boric had been meant to attend": planned, whatever became of it
                m.note("aux_mode", "event_rules.json:arranged_participles")
            if lem in cfg["negating_verbs"]:
                m.aux_mode = "negation"
                m.note("aux_mode", "event_rules.json:negating_verbs")
        if pred.dep_ == "advcl" and pred.tag_ in ("VBP", "VBZ") and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in cfg["generic_marks"] for c in pred.children) and not any(
                c.dep_ == "aux" or c.ent_type_ in ("DATE", "TIME") for c in pred.subtree) and self._generic_main(pred):
            # "when we set ourselves a date we can build anything": a condition that holds whenever, no act told
            m.possible = True
            m.note("aux_mode", "event_rules.json:generic_marks")
        if any(c.dep_ == "neg" for c in t.children) or any(c.lower_ == "no" and c.dep_ == "det" for c in t.children) or (
                t.pos_ == "VERB" and any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                                         for c in t.children)):     # "gave no figure": nothing given
            m.aux_mode = "negation"
            m.note("aux_mode", "modality.negation")
        if m.aux_mode == "negation":
            m.future = m.future and False

    def _scheduled_effect(self, pred, m) -> bool:
        """Whether a measure is told with the date it takes effect: a preposition of ``scheduled_effect_preps`` on
        its verb with a date ("from December 1", "starting next month"), or a cue of ``scheduled_effect_cues`` in its
        sentence ("the curbs will take effect on March 1")."""
        cfg = self.rules.cfg
        for c in pred.children:
            if c.dep_ in ("prep", "advmod", "advcl", "acl") and (c.lower_ in cfg["scheduled_effect_preps"] or lemma_of(c) in (
                    "start", "begin")) and any(x.ent_type_ == "DATE" for x in c.subtree):
                return True
            if c.dep_ == "prep" and c.lower_ == "as" and any(g.lower_ == "of" for g in c.children) and any(
                    x.ent_type_ == "DATE" for x in c.subtree):
                return True     # "as of March 1"
        text = m.sent.text.lower()
        return any(cue in text for cue in cfg["scheduled_effect_cues"])

    def _conditional_coercion(self, m, pred) -> bool:
        """Whether a coercive act is put ahead by a modal under a condition (``conditional_threats``): "could exclude
        Chinese vendors if the listing was not reversed"."""
        spec = self.rules.cfg["conditional_threats"]
        return m.type in ("SANCTION", "COERCE", "ASSAULT", "MOBILIZE") and any(
            c.dep_ == "aux" and c.lower_ in spec["modals"] for c in pred.children) and any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in spec["marks"] for g in c.children)
            for c in pred.children)

    def _recode(self, m, t, pred, sdoc, actors, state):
        """PLOVER's coding rules that depend on modality and participants."""
        cfg = self.rules.cfg
        if self._conditional_coercion(m, pred):
            m.type, m.mode, m.aux_mode, m.future = "THREATEN", "", None, False   # "could exclude X if ...": a threat
            m.note("event_type", "event_rules.json:conditional_threats")
            return
        if m.cls == "accord" and m.type == "AGREE" and t.pos_ == "NOUN" and not m.future and m.aux_mode is None \
                and _dated_accord(t, cfg["dated_accords"]):
            m.type, m.mode = "SUPPORT", ""      # "a 2016 safeguards agreement with Washington": a signing recalled
            m.note("event_type", "event_rules.json:dated_accords")
            return
        conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("unless", "if") for g in c.children)
                          for c in pred.children)
        if m.type == "PROTEST" and self._diplomatic_protest(m, t, pred):
            m.type, m.mode = "ACCUSE", "disapprove"     # "Manila's protest to Beijing": a diplomatic protest
            m.note("event_type", "event_rules.json:diplomatic_protest")
        if m.aux_mode == "negation" and "event_rules.json:refusal_verbs" in m.why.get("event_type", []):
            m.aux_mode, m.future = None, False      # "will not accept": the negation is the refusal itself
            return
        # a refusal: "will not accept", "failed to reach agreement" (negated agreement or support)
        if m.aux_mode == "negation" and pred.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in pred.children) and \
                not any(c.dep_ == "agent" for c in pred.children) and \
                "event_rules.json:refusal_verbs" not in m.why.get("event_type", []):
            return      # "the assessment had not been properly approved": a state of things, no one's refusal
        if m.aux_mode == "negation" and lemma_of(pred) in cfg["unoffered_verbs"] and not (
                "event_rules.json:refusal_verbs" in m.why.get("event_type", [])):
            return      # "he did not offer X an exemption": an act not done, no refusal (dropped as a negation)
        if m.aux_mode == "negation" and m.type in ("AGREE", "SUPPORT") and not m.future:
            m.type, m.mode, m.aux_mode = "REJECT", "", None
            m.note("event_type", "recode.negated_agreement_is_reject")
            return
        if m.aux_mode == "negation" and m.type in ("AGREE", "SUPPORT", "COOPERATE", "CONSULT") and m.future:
            m.type, m.mode, m.aux_mode, m.future = "REJECT", "", None, False
            m.note("event_type", "recode.negated_agreement_is_reject")
            return
        eased = lemma_of(pred) == "agree" and any(c.dep_ == "xcomp" and lemma_of(c) in cfg["agreed_easing"]
                                                  for c in pred.children)
        if m.type == "AGREE" and m.governs and (lemma_of(pred) in cfg["decision_verbs"] or eased) and \
                m.folded_types & {"CONCEDE", "RETREAT"}:
            m.type, m.mode, m.future = "CONCEDE", "", False     # "decided to lift its curbs": a concession
            m.note("event_type", "event_rules.json:agreed_easing" if eased and lemma_of(pred) not in cfg["decision_verbs"]
                   else "event_rules.json:decision_verbs")
            return
        if m.type == "REQUEST" and m.governs and lemma_of(pred) in cfg["ordered_acts"]["verbs"] and \
                m.folded_types & set(cfg["ordered_acts"]["types"]) and len(m.folded_types) == 1:
            # "the court ordered the railway to put off the signing": an authority's order that does the act
            m.type = next(iter(m.folded_types))
            m.mode = cfg["ordered_acts"]["types"][m.type]
            m.note("event_type", "event_rules.json:ordered_acts")
            return
        if m.future and m.type in ("SANCTION", "COERCE") and any(c in m.sent.text.lower() for c in cfg["immediate_cues"]):
            m.future = False       # "will ban exports with immediate effect": done, not threatened
            m.note("aux_mode", "event_rules.json:immediate_cues")
        if m.future and m.type in ("SANCTION", "COERCE") and not conditional and self._scheduled_effect(pred, m):
            m.future = False       # "will require export licences from December 1": a measure decided, not threatened
            m.note("aux_mode", "event_rules.json:scheduled_effect_preps")
        if m.type == "AGREE" and m.governs and lemma_of(pred) == "decide" and not m.future and \
                m.folded_types & {"SANCTION"} and not conditional:
            m.type, m.mode = "SANCTION", ""      # "decided on Oct. 9 to require export licences": the measure taken
            m.note("event_type", "recode.decided_measure_is_sanction")      # (realnews conventions 6)
            return
        if m.type == "AGREE" and m.governs and m.folded_types & {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}:
            m.type, m.mode = "THREATEN", ""      # "vowed to retaliate", "pledged to impose sanctions"
            m.note("event_type", "recode.promised_coercion_is_threaten")
            return
        if m.future and m.type == "MOBILIZE" and any(c in m.sent.text.lower() for c in cfg["alongside_cues"]):
            m.type, m.mode = "AGREE", ""     # "will deploy to the region, working alongside its navy": a joint plan
            m.note("event_type", "event_rules.json:alongside_cues")
        if m.future and (m.type in CONFLICT - {"REQUEST", "ACCUSE", "REJECT", "THREATEN"} or
                         (conditional and m.type in ("RETREAT", "SANCTION", "REJECT"))):
            # announcing a future coercive act is a threat: "will impose", "would boycott", "will withdraw unless"
            m.mode = {"SANCTION": "restrict", "ASSAULT": "violence", "COERCE": "restrict",
                      "PROTEST": "", "MOBILIZE": "violence"}.get(m.type, "")
            m.type, m.aux_mode = "THREATEN", None
            m.note("event_type", "recode.future_coercion_is_threaten")
            return
        if m.type == "COOPERATE" and self._own_exercise(m, t, m.tokens):
            m.type, m.mode = "MOBILIZE", "troops"   # "the navy conducted live-fire drills near Taiwan": one side's
            m.note("event_type", "event_rules.json:exercise_nouns")
        if m.type == "ASSAULT" and self._cyber_target(t, pred):
            m.type, m.mode = "COERCE", "cyber"      # "hackers attacked the computer networks of the power grid"
            m.note("event_type", "event_rules.json:cyber_objects")
        if m.type in cfg["cooperative_types"] and m.future and m.aux_mode in (None, "future"):
            if m.type != "AGREE":
                m.note("event_type", "event_rules.json:cooperative_types")
            m.type = "AGREE"
            m.aux_mode = None
        elif m.future and m.aux_mode is None:
            m.aux_mode = "future"

    def _own_exercise(self, m, t, folded) -> bool:
        """Whether an exercise (``exercise_nouns``) is one side's own: no recipient, one acting state, and no word of
        a joint one ("joint", "combined", "with"). PLOVER.md: joint exercises are COOPERATE, a single country's
        exercise is MOBILIZE."""
        spec = self.rules.cfg["exercise_nouns"]
        doc = t.doc
        nouns = [doc[i] for i in sorted(folded | {t.i}) if doc[i].lower_ in spec["nouns"]]
        if not nouns or m.recipients or len({e.country for e in m.actors if e.country}) != 1:
            return False
        near = {x.lower_ for n in nouns for x in n.subtree} | {x.lower_ for x in t.children} | {
            x.lower_ for x in t.head.children}
        return not near & set(spec["joint_words"])

    def _cyber_target(self, t, pred) -> bool:
        """Whether an attack is on computers (``cyber_objects``: "attacked the computer networks of the grid"):
        COERCE with mode cyber, not ASSAULT."""
        words = self.rules.cfg["cyber_objects"]
        objs = [c for v in {t, pred} for c in v.children if c.dep_ in ("dobj", "pobj", "nsubjpass")]
        objs += [g for v in {t, pred} for c in v.children if c.dep_ == "prep" and c.lower_ == "on"
                 for g in c.children if g.dep_ == "pobj"]
        return any(o.lower_ in words or any(x.dep_ == "compound" and x.lower_ in words for x in o.children)
                   for o in objs)

    def _generic_main(self, clause) -> bool:
        """Whether the main clause of a "when" clause says what can be or is done whenever: the clause's head,
        or the first verb after the clause (where the parser hung it elsewhere), has a modal of possibility
        or is in the simple present."""
        cfg = self.rules.cfg
        after = next((x for x in clause.doc[clause.right_edge.i + 1:clause.sent.end] if x.pos_ in ("VERB", "AUX")), None)
        for v in (clause.head, after):
            if v is None or v.pos_ not in ("VERB", "AUX"):
                continue
            aux = [c for c in v.children if c.dep_ == "aux"]
            if v.pos_ == "AUX" and v.lower_ in cfg["possibility_aux"] or any(c.lower_ in cfg["possibility_aux"] for c in aux):
                return True
            if v is clause.head and v.tag_ in ("VBP", "VBZ") and not aux:
                return True
        return False

    def _abstract_commitment(self, t, folded) -> bool:
        """Whether a promise's only object is an abstract order or vision (``abstract_objects``) or an aim
        (``aim_objects``: "restating the forum's goals of jointly settling quotas"); the triggers folded into
        it lie in that object or are the promise's own adjective ("are committed")."""
        objs = [c for c in t.children if c.dep_ in ("dobj", "attr")]
        own = {t.i}
        for c in t.children:
            if c.dep_ == "acomp":      # "are committed to the rule of law"
                own.add(c.i)
                objs.extend(g for p_ in c.children if p_.dep_ == "prep" and p_.lower_ == "to"
                            for g in p_.children if g.dep_ == "pobj")
            if c.dep_ == "prep" and c.lower_ == "to":
                objs.extend(g for g in c.children if g.dep_ == "pobj")
        cfg = self.rules.cfg
        nouns = self.rules.nouns
        accords = [nouns.get(lemma_of(g)) or nouns.get(g.lower_) for c in t.children if c.dep_ == "prep" and c.lower_ != "to"
                   for g in c.children if g.dep_ == "pobj"]
        if any(a is not None and a.cls == "accord" for a in accords):
            return False    # "agreed to a warning system in a memorandum": a commitment written into an accord
        inside = own | {x.i for o in objs for x in o.subtree}
        return bool(objs) and set(folded) <= inside and all(
            lemma_of(o) in cfg["abstract_objects"] or lemma_of(o) in cfg["aim_objects"] for o in objs)

    @staticmethod
    def _habitual_present(pred, sent) -> bool:
        """Whether a verb tells a standing state in the simple present of an article's body ("Russia supplies a
        quarter of the uranium", "the two countries deepen ties"): present tense, no auxiliary, no time
        expression in its clause, in a sentence with a final stop (a headline's present tells a news event)."""
        return pred.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in pred.children) and \
            sent.text.rstrip().endswith(".") and not any(x.ent_type_ in ("DATE", "TIME") for x in pred.subtree)

    def _pending_obligation(self, pred) -> bool:
        """Whether the event is a step still required (``pending_obligations``): a passive infinitive under a
        verb of obligation ("the package still has to be approved", "needs to be ratified") or a passive
        with a modal of it ("must be approved by parliament")."""
        spec = self.rules.cfg["pending_obligations"]
        aux = {c.lower_ for c in pred.children if c.dep_ in ("aux", "auxpass")}
        if pred.tag_ != "VBN" or "be" not in aux:
            return False
        return bool(aux & set(spec["modals"])) or "to" in aux and pred.dep_ == "xcomp" and \
            lemma_of(pred.head) in spec["verbs"]

    def _diplomatic_protest(self, m, t, pred) -> bool:
        """Whether a protest is a state's (``diplomatic_protest``): made by governments ("China protested the
        visit", "Manila's protest": every actor a state or a government body), or lodged to or with a state ("a
        protest to Beijing"). PLOVER.md: a diplomatic protest is ACCUSE; PROTEST is collective civilian action."""
        spec = self.rules.cfg["diplomatic_protest"]
        if lemma_of(t) not in spec["words"]:
            return False
        if m.actors and all(e.entity_type == "country" or e.sector_code == "GOV" for e in m.actors):
            return True
        return any(c.dep_ == "prep" and c.lower_ in spec["preps"] and any(
            g.dep_ == "pobj" and g.ent_type_ == "GPE" for g in c.children) for w in {t, pred} for c in w.children)

    def _content_subject(self, pred, folded) -> bool:
        """Whether the clause's subject is an agreement, a measure or a document (``content_subjects``):
        such a clause tells what the thing says, does or aims at; the deal's signing is the event."""
        cfg = self.rules.cfg
        cur = pred
        active = not any(c.dep_ == "auxpass" for c in pred.children)
        if not active and pred.dep_ == "xcomp" and lemma_of(pred.head) == "be":
            return False    # "the agreement is to be signed by ...": the agreement is what is signed
        for _ in range(6):
            # "the surveys are expected to conclude": the subject of the verb the event hangs on
            subj = next((c for c in cur.children if c.dep_ == "nsubj" or
                         c.dep_ == "nsubjpass" and cur is not pred and active), None)
            if subj is not None:
                near = None
                if subj.lower_ in ("which", "that") and cur.dep_ == "relcl":
                    # "a tribunal's ruling that told firms to pay", the clause hung on an earlier noun: the noun before
                    # the pronoun is what it describes too
                    near = subj.doc[subj.i - 1] if subj.i > 0 and subj.doc[subj.i - 1].pos_ == "NOUN" else None
                    subj = cur.head
                    if near is not None and near.dep_ == "pobj" and near.head.lower_ == "of" and near.head.head.pos_ == "NOUN":
                        near = near.head.head     # "a memorandum of understanding that ...": the memorandum
                elif subj.lower_ in ("which", "that") and cur.dep_ == "ccomp" and cur.head.dep_ == "relcl" \
                        and cur.head.head.i != cur.head.i:
                    subj = cur.head.head    # "a step that officials said would give industry a way": the step
                if subj.i not in folded and lemma_of(subj) in cfg["content_subjects"]:
                    return True
                if near is not None and near.i not in folded and lemma_of(near) in cfg["content_subjects"]:
                    return True
                if cur.dep_ in ("ccomp", "xcomp") and lemma_of(cur.head) in cfg["enabling_verbs"]:
                    cur = cur.head      # "the memorandum would allow the agencies to share data"
                    continue
                return False
            if cur.dep_ == "relcl" and cur.head.i != cur.i:
                return False
            if cur.dep_ in ("xcomp", "conj", "pcomp") and cur.head.i != cur.i and (
                    cur.head.pos_ in ("VERB", "AUX") or cur.head.dep_ == "relcl"):   # a relative verb mis-tagged a noun
                cur = cur.head
                continue
            if cur.dep_ in ("acl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) or \
                    cur.dep_ == "pcomp":
                # "an MoU that stresses creating a registry to avert shortfalls", "creating a registry for
                # pooling data": what the thing is for, told by the verb above it
                up = next((a for a in cur.ancestors if a.pos_ in ("VERB", "AUX") or a.dep_ == "relcl"), None)
                if up is not None and up.i not in folded:
                    cur = up
                    continue
            return False
        return False
