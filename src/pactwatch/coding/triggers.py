"""Triggers: which words start an event (``triggers.tsv``; verb + object idioms in ``event_rules.json``), which
trigger takes over another ("agreed to cooperate" is one AGREE event), and when a noun is an event."""
from __future__ import annotations

import re

from .rules import TRIGGER_POS, Trigger, lemma_of


def lem_in(v, words) -> bool:
    """Whether a verb, with its particle if it has one ("roll out"), is one of the words."""
    prt = next((c.lower_ for c in v.children if c.dep_ == "prt"), None)
    return lemma_of(v) in words or prt is not None and f"{lemma_of(v)} {prt}" in words


def generic_plural(tok) -> bool:
    """'previous agreements', 'agreements': plural with no determiner, not a specific one."""
    return tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def frame_prep(t, trig, cfg):
    """The preposition that makes a meeting noun the setting of another event ("at their talks", "after
    talks with X", "five months after their first talks"), or None."""
    if not (t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" or t.tag_ == "VBG" and t.dep_ == "pcomp"):
        return None
    if trig is not None and (t.i not in trig or trig[t.i].cls != "meeting"):
        return None
    p = t.head
    if p.dep_ != "prep" or p.lower_ not in cfg["frame_preps"] or p.head.i == p.i:
        return None
    return p


def sequel_of(t, cfg):
    """The participle of sequence ("followed by", "preceded by": ``sequence_participles``) whose agent a
    noun is ("..., followed by consultations with business leaders"), or None."""
    p = t.head
    if t.dep_ != "pobj" or p.dep_ not in ("agent", "prep") or p.lower_ != "by":
        return None
    v = p.head
    return v if v.tag_ == "VBN" and lemma_of(v) in cfg["sequence_participles"] and v.head.i != v.i else None


def phrase_head(t):
    """The noun a modifier ends in, through the compounds after it ("seal" in "seal fisheries pact": "pact")."""
    cur = t
    while cur.dep_ in ("compound", "nmod") and cur.head.pos_ == "NOUN" and cur.head.i > cur.i:
        cur = cur.head
    return cur


def headline_doers(t) -> list:
    """The words before a headline verb read as a modifier ("Norway, Kenya ink fertiliser MoU"): its doers,
    however the parser hung them; none unless a name is among them."""
    before = [x for x in t.sent if x.i < t.i]
    return [x.i for x in before] if any(x.pos_ == "PROPN" for x in before) else []


def venue(t, cfg) -> bool:
    """A meeting noun named as the time or place of something else: "during the summit", "ahead of a meeting"."""
    if t.dep_ != "pobj":
        return False
    p = t.head
    return p.lower_ in cfg["frame_preps"] or p.lower_ == "of" and p.head.lower_ in ("ahead", "eve")


def _told_in_passing(t, cfg):
    """The participle or past relative clause that reports a noun's event as an earlier fact ("a
    proposal made by X", "the export controls imposed in March", "controls on chips that took effect
    in April"), or None."""
    for c in t.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and lemma_of(c) in cfg["support_verbs"]:
            return c
        if c.dep_ == "relcl" and c.tag_ == "VBD" and _own_date(c):
            return c
        if c.dep_ == "prep":
            for g in c.children:     # "controls on chips that took effect in April"
                if g.dep_ == "pobj":
                    for r in g.children:
                        if r.dep_ == "relcl" and r.tag_ == "VBD" and _own_date(r):
                            return r
    return None


def _own_date(v) -> bool:
    """A verb dated by a time phrase of its own ("took effect in April", "imposed last week"), not by
    one inside its object ("in protest of last week's arrest")."""
    for c in v.children:
        if c.ent_type_ == "DATE" and c.dep_ in ("npadvmod", "tmod"):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children):
            return True
    return False


def _described_after(np) -> list:
    """The participle phrase that follows a noun phrase but that the parser hung higher up ("its list of
    nations given preferential treatment": "given" hung on the main verb): the tokens from a participle
    right after the phrase up to the next punctuation or conjunction; none when the phrase is followed by
    anything else."""
    doc, end = np.doc, max(x.i for x in np.subtree) + 1
    if end >= np.sent.end or doc[end].tag_ not in ("VBN", "VBG") or doc[end].head.i == np.i or \
            doc[end].head.i in {x.i for x in np.subtree}:
        return []
    out = []
    for x in doc[end:np.sent.end]:
        if x.is_punct or x.dep_ in ("cc", "mark"):
            break
        out.append(x)
    return out


def _hyphen_word(tok) -> str:
    """A noun with the words hyphened to it, lowercase: "buy-out" for the "out" of "a buy-out"."""
    i = tok.i
    while i >= 2 and tok.doc[i - 1].tag_ == "HYPH":
        i -= 2
    return "".join(x.lower_ for x in tok.doc[i:tok.i + 1])


def _listed_with(noun) -> list:
    """A noun and the nouns listed with it, however the parser hung the list ("a plan for ports as well as
    more cooperation on fishing": the cooperation may hang on "ports")."""
    out = [noun]
    for x in noun.subtree:
        if x.dep_ == "conj" and x.pos_ == "NOUN" and x.head.i != x.i:
            cur, ok = x.head, True
            while cur.i != noun.i:     # only lists and prepositional phrases in between, no clause
                if cur.dep_ not in ("conj", "pobj", "prep"):
                    ok = False
                    break
                cur = cur.head
            if ok:
                out.append(x)
    return out


def body_acronyms(sdoc, bodies) -> set:
    """Short names the article defines for a body of relations: "the Joint Fisheries Council (JFC)" makes
    "JFC" a council wherever it appears (cached on the document)."""
    key = "pactwatch_body_acronyms"
    found = sdoc.user_data.get(key)
    if found is None:
        found = set()
        for m in _ACRONYM_IN_PARENS.finditer(sdoc.text):
            span = sdoc.char_span(m.start(), m.end())
            if span is None or len(span) != 3 or span.start == 0:
                continue
            if lemma_of(sdoc[span.start - 1]) in bodies:
                found.add(m.group(1))
        sdoc.user_data[key] = found
    return found


_ACRONYM_IN_PARENS = re.compile(r"\(([A-Z]{2,6})\)")


def body_noun(tok, cfg) -> str:
    """The lemma of a noun that names a body of relations ("council"), the defined acronym of one counting as
    a council; otherwise its own lemma."""
    lem = lemma_of(tok)
    if lem not in cfg["relation_bodies"] and tok.pos_ == "PROPN" and tok.text in body_acronyms(tok.doc, cfg["relation_bodies"]):
        return "council"
    return lem


class TriggerRules:
    """The EventCoder steps of triggers: which tokens start events (`_find_triggers`), which trigger takes
    over another (`_fold`, `_governor`) and whether an event noun reports an event (`_noun_is_event`)."""

    def _trigger(self, t, lem: str | None = None):
        """The trigger a token starts, or None (`lem`: its `lemma_of`, when the caller has it)."""
        r = self.rules
        if lem is None:
            lem = lemma_of(t)
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and t.dep_ in ("acomp",)) or t.tag_.startswith("VB"):
            if t.pos_ == "AUX" and lem not in ("be",):
                return None
            if t.dep_ in ("amod", "compound") and t.tag_ in ("VBN", "VBG"):
                return None     # "a shared ecosystem", "the growing importance"
            if t.dep_ == "prep":
                return None     # "Given the risks", "Following the talks": a verb used as a preposition
            # phrasal verbs and verb + object idioms
            for c in (t.children if lem in r.phrasal_heads else ()):
                dep = c.dep_
                if dep not in ("prt", "prep", "dobj", "acomp", "advmod"):
                    continue
                cl = lemma_of(c)
                for key in ((lem, cl), (lem, c.lower_)):
                    if key in r.phrasal:
                        if f"{key[0]} {key[1]}" in r.cfg["courtesy_calls"] and not any(
                                x.dep_ == "aux" and x.lower_ == "to" for x in t.subtree):
                            return Trigger(lem, "V", "CONSULT", "visit", "meeting",   # "will call on the king"
                                           f"event_rules.json:courtesy_calls[{key[0]} {key[1]}]")
                        return r.phrasal[key]
                if lem == "be" and dep == "acomp" and ("be", cl) in r.phrasal:
                    return r.phrasal[("be", cl)]
                if lem == "be" and dep == "acomp" and cl in r.cfg["willingness_adjectives"] and any(
                        g.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children)
                        for g in c.children):
                    # "is happy to build the port with X": willingness to act, a promise
                    return Trigger(f"be {cl}", "V", "AGREE", "", "governs", "event_rules.json:willingness_adjectives")
            if lem == "be":
                return None
            if t.pos_ == "ADJ" and not t.tag_.startswith("VB"):
                return None     # "free from coercion" is a state, not a release
            tr = r.verbs.get(lem)
            if tr is not None and lem in ("call", "phone", "telephone") and any(
                    c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in t.children):
                return None     # "called the memorandum a practical agreement"
            if tr is None and t.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together")
                                                       for c in t.children):
                return Trigger(lem, "V", "COOPERATE", "", "event", "trigger.jointly")   # "will jointly develop frameworks"
            return tr
        if t.pos_ in ("NOUN", "PROPN"):
            low = t.lower_
            lem = low if low in r.nouns or low in ("talks", "negotiations") else lem
            if lem in r.cfg["relation_bodies"] or t.pos_ == "PROPN" and body_noun(t, r.cfg) in r.cfg["relation_bodies"]:
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
                for phrase in (f"{comp[0].lower_} {t.lower_}", f"{comp[0].lower_} {lem}"):
                    if phrase in r.noun_phrases:
                        found = r.noun_phrases[phrase]
                        return None if found.cls == "none" else found     # "a press release"
            if t.pos_ == "PROPN" and lem not in ("deal", "agreement", "accord", "treaty", "pact", "summit"):
                return None
            if lem == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
                return None     # "a call for proposals" is no telephone call
            if lem == "call" and any(c.dep_ == "prep" and c.lower_ in r.cfg["call_on_preps"] and any(
                    g.dep_ == "pobj" for g in c.children) for c in t.children):
                return Trigger(lem, "N", "CONSULT", "visit", "meeting", "event_rules.json:call_on_preps")   # "paid a courtesy call on X"
            if lem == "memorandum" or t.lower_ == "mou":
                return r.nouns.get("memorandum")
            tr = r.nouns.get(lem)
            if tr is not None and tr.type == "THREATEN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) \
                    and not any(c.dep_ == "poss" for c in t.children):
                return None     # "the threat of war": a danger described, not a threat someone made
            if tr is not None and tr.type == "COERCE" and any(
                    c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
                        g.dep_ == "pobj" and lemma_of(g) in r.cfg["economic_targets"] for g in c.children)
                    for c in list(t.children) + (list(t.head.children) if t.dep_ == "dobj" else [])):
                return Trigger(lem, "N", "SANCTION", "discontinue", "event",   # "a crackdown on its chip industry"
                               "event_rules.json:economic_targets")
            if tr is not None and tr.type in ("REQUEST", "AID") and any(
                    c.dep_ == "prep" and c.lower_ == "for" and any(
                        g.dep_ == "pobj" and lemma_of(g) in r.cfg["non_material_objects"] for g in c.children)
                    for c in t.children):
                return None     # "requests for comment": asking a newsroom question is no diplomatic request
            return tr
        return None

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
                    if ht.cls == "purpose" and tt is not None and tt.type in cfg["attempted_types"] and not purpose_clause:
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
            if cur.dep_ in ("conj", "appos") and cur.head.pos_ in ("NOUN", "PROPN"):
                cur = cur.head
                continue
            if cur.dep_ == "pobj" and cur.head.lower_ == "of" and lemma_of(cur.head.head) in self.rules.cfg["creation_nouns"]:
                cur = cur.head.head     # "announced the launch of talks": what is launched hangs on "announced"
                continue
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

    def _noun_is_event(self, t, pred, tr, actors, m) -> bool:
        cfg = self.rules.cfg
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
        if tr.type == "COOPERATE":
            support = pred is not t and lemma_of(pred) in cfg["cooperation_support_verbs"]
            if not (has_between and poss_actor or support or has_between and pred is not t):
                return False
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.pos_ == "NOUN" and tr.cls == "meeting":
            m.future = True     # "the conditions for Ostrowski's visit", "a date for the summit": still ahead
            m.note("aux_mode", "trigger.date_for_a_meeting")
        if mods & cfg["future_words"] or (t.head.lemma_.lower() in cfg["future_frames"]) or any(
                lemma_of(a) in cfg["future_frames"] for a in list(t.ancestors)[:3]):
            m.future = True
            m.note("aux_mode", "event_rules.json:future_words")
        if definite and not has_between and not poss_actor:
            m.anaphoric = True
        if t.lower_.endswith("s") and tr.cls == "accord" and not definite and not has_between and not support:
            return False        # "previous agreements": generic plural
        if t.dep_ == "nsubj" and tr.cls != "accord" and lemma_of(pred) == "be" and any(
                c.dep_ in ("attr", "acomp") for c in pred.children):
            return False        # "the meeting is likely to be the last", "the partnership is part of a push": a description
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
        if t.lower_ not in cfg["headline_verbs"] or t.dep_ not in ("nmod", "compound") or t.head.pos_ != "NOUN" or \
                t.head.i < t.i or t.sent[-1].is_punct and t.sent[-1].text in ".?!":
            return None
        if not headline_doers(t):
            return None
        verb = cfg["headline_verbs"][t.lower_]
        key = f"{verb}|{lemma_of(phrase_head(t))}"
        spec = cfg["verb_object_types"].get(key)
        if spec is not None:
            return None if spec[2] == "none" else Trigger(verb, "V", *spec, f"event_rules.json:verb_object_types[{key}]")
        tr = self.rules.verbs.get(verb)
        return None if tr is None else Trigger(verb, "V", tr.type, tr.mode, tr.cls, "trigger.headline_verb")

    def _act_ahead(self, act) -> bool:
        """Whether a verb tells an act still ahead: a future auxiliary ("will sign"), or an infinitive of a
        headline, of a passive ("is to be signed") or under a plan or a due word ("plans to meet")."""
        cfg = self.rules.cfg
        aux = {c.lower_ for c in act.children if c.dep_ in ("aux", "auxpass")}
        return bool(aux & cfg["future_aux"]) or "to" in aux and (
            act.dep_ == "ROOT" or "be" in aux and act.tag_ == "VBN" or
            act.dep_ == "xcomp" and lemma_of(act.head) in cfg["plan_verbs"] | cfg["due_words"])

    def _find_triggers(self, span, sdoc) -> tuple[dict, dict]:
        """The triggers of a sentence by token index, with verb + object idioms ("hold talks", "lift
        sanctions") made one trigger on the verb; and, for each such verb, the object noun it absorbed."""
        r = self.rules
        cfg = r.cfg
        trig = {}
        absorbed_noun: dict[int, int] = {}     # verb -> its object noun ("held" -> "talks")
        # one walk over the sentence: the passes below look at verbs only, in the same order
        verbs = []          # (token, its lemma), tokens tagged VERB or AUX or with a verb tag
        for t in span:
            pos = t.pos_
            lem = None
            if pos in ("VERB", "AUX") or t.tag_.startswith("VB"):
                lem = lemma_of(t)
                verbs.append((t, lem))
            elif pos not in TRIGGER_POS:
                continue
            tr = self._trigger(t, lem)
            if tr is None:
                continue
            trig[t.i] = tr
        for t in span:
            found = self._headline_verb(t)
            if found is not None:
                # a headline's "Chile and Peru ink historic partnership": the tagger took the verb for a noun
                trig[t.i] = found
                absorbed_noun[t.i] = phrase_head(t).i
                trig.pop(phrase_head(t).i, None)
        for t, lem in verbs:
            if t.i in trig and self._press_refusal(t, trig[t.i]):
                # "declined to comment", "refused to give the cost of the plant": an answer withheld from the
                # press, no refusal between parties
                trig.pop(t.i)
                for c in t.children:
                    if c.dep_ == "xcomp":
                        trig.pop(c.i, None)
        # verb + object idioms: "hold talks", "lift sanctions", "send troops"
        for t, lem in verbs:
            obj = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "attr")), None)
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
            if thing is not None and t.i in trig and trig[t.i].type in ("RETREAT", "AID") and (
                    lemma_of(thing) in cfg["non_material_objects"] or lemma_of(thing) in cfg["speech_nouns"]):
                trig.pop(t.i)     # "released a roadmap", "a statement released after", "gave details", "gave a long speech"
                continue
            if obj is None and thing is not None and body_noun(thing, cfg) in cfg["relation_bodies"]:
                obj = thing       # "the council, launched in 2021 by Chile and Peru": the council was launched
            prt = next((c.lower_ for c in t.children if c.dep_ == "prt"), None)
            verb = f"{lem} {prt}" if prt else lem     # "called off a visit" is not "call"
            measure = obj if obj is not None else thing
            rel = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("which", "that")), None)
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
            if obj is None:
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
            if verb in cfg["creation_verbs"] and lemma_of(obj) in cfg["launched_frameworks"] and self._two_sided(t):
                # "the initiative was launched by the two leaders": relations set up, like a council launched
                trig[t.i] = Trigger(lem, "V", "SUPPORT", "", "event", "event_rules.json:creation_verbs+launched_frameworks")
                absorbed_noun[t.i] = obj.i
                trig.pop(obj.i, None)
                continue
            key = f"{verb}|{lemma_of(obj)}"
            alt = f"{verb}|{obj.lower_}"
            vo = key if key in cfg["verb_object_types"] else alt
            spec = cfg["verb_object_types"].get(vo)
            spec = spec + [f"event_rules.json:verb_object_types[{vo}]"] if spec else self._commitment_spec(verb, obj, trig)
            if spec:
                typ, mode, cls, rule = spec
                if cls == "none":
                    trig.pop(t.i, None)
                    trig.pop(obj.i, None)
                    continue
                trig[t.i] = Trigger(lem, "V", typ, mode, cls, rule)
                absorbed_noun[t.i] = obj.i
                trig.pop(obj.i, None)

        full_verbs = [(t, lem) for t, lem in verbs if t.pos_ == "VERB"]
        for t, lem in full_verbs:
            if t.i not in trig and lem_in(t, cfg["retaliation_verbs"]):
                found = self._retaliation(t, trig)
                if found is not None:
                    # "retaliated with curbs on gallium exports": the measure taken
                    trig[t.i] = Trigger(lem, "V", "SANCTION", "discontinue", "event", "event_rules.json:retaliation_verbs")
                    absorbed_noun[t.i] = found.i
                    trig.pop(found.i, None)
                    continue
            left_open = self._left_open(t, trig) if t.i in trig else None
            if left_open is not None:
                # "has not yet decided whether to join", "has yet to sign": no act done, and none it governs
                trig[t.i] = Trigger(lem, "V", trig[t.i].type, trig[t.i].mode, "purpose", left_open)
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
        # "Russia said Sudan must return the helicopter": a demand reported as a statement
        for t, lem in full_verbs:
            if t.dep_ == "ccomp" and lemma_of(t.head) in cfg["request_frames"] and any(
                    c.dep_ == "aux" and c.lower_ in cfg["request_modals"] for c in t.children):
                trig[t.i] = Trigger(lem, "V", "REQUEST", "", "reported_request", "event_rules.json:request_frames")
        return trig, absorbed_noun

    def _press_refusal(self, t, tr) -> bool:
        """A refusal whose complement is an answer to the press ("declined to comment", "refused to give the cost
        of the satellite"): event_rules.json press_answer_verbs, or a giving verb with one of press_answer_objects."""
        cfg = self.rules.cfg
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
            # "the Deal, to be signed by X": the signing is the event, the deal its object
            # "agreed to a warning system in a memorandum to be signed by X": the memorandum is the planned signing's,
            # not the agreement's
            if tr.pos == "V" and t.dep_ in ("acl", "relcl") and h.i in trig and trig[h.i].pos == "N" \
                    and trig[h.i].cls in ("accord", "meeting") and (h.i not in parent or h.dep_ == "pobj" and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in t.children)):
                parent[h.i] = i
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
                    c.dep_ == "aux" for c in t.children):
                parent[i] = -1
            # a plan told in a relative clause together with its cancellation ("the visit that he had planned but
            # was forced to cancel") is the cancelled plan: the cancellation tells it
            if tr.pos == "V" and tr.type == "AGREE" and t.dep_ in ("relcl", "acl") and lemma_of(t) in cfg["plan_verbs"] \
                    and self._cancelled_in_conjunct(t, trig) is not None:
                parent[i] = self._cancelled_in_conjunct(t, trig)
        return parent

    def _measure_made(self, v, verb: str, noun):
        """A restrictive measure made public, put in place or eased: a verb of ``measure_verbs`` (SANCTION) or
        ``easing_verbs`` (CONCEDE) whose object, or the noun its participle describes, is a rule noun
        (``measure_nouns``) bearing on trade (``measure_qualifiers`` in its compounds or prepositional phrases:
        "export licence requirements", "curbs on lithium shipments") or restricting in its own clause
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
        if any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
                x.ent_type_ in ("NORP", "GPE") for g in c.children if g.dep_ == "pobj"
                for x in [g, *(k for k in g.children if k.dep_ in ("amod", "compound"))]) for c in qualifying):
            return Trigger(v.lemma_.lower(), "V", typ, mode, "event", rule)     # "duties on Chinese steel"
        return None

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
