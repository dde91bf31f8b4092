"""Participants: actor and recipient read off the parse (subject -> actor; objects and prepositional
objects -> recipient), descriptions and pronouns resolved against what the article was talking about
(``Discourse``, in ``discourse.py``). The special cases applied after this plain reading are in
``participant_cases.py`` and the noun-phrase helpers in ``noun_phrases.py``; their names stay importable from here."""
from __future__ import annotations

import re

from ..actors import describe_pair
from ..knowledge import load_knowledge
from ..model import Entity
from .clause_tests import named_party
from .discourse import BODY_CODES, Discourse, _of_kind
from .list_items import item_lead, lead_subject
from .mention import countries_of, dedupe, entities_of
from .noun_phrases import _in_span, np_tokens
from .participant_cases import ParticipantCases
from .rules import lemma_of
from .trigger_shapes import low_conj, sequel_verb

__all__ = ["ParticipantRules", "Discourse", "np_tokens", "BODY_CODES", "_of_kind", "_in_span"]


# categories whose body addressed with "with" / "to" is a forum, not the other side ("a complaint with the WTO")
FORUM_TYPES = {"ACCUSE"}
FORUM_CODES = {"IGO", "UNO"}
# categories whose unnamed other side is the counterpart the article is talking about ("decided to withdraw
# the complaint"), also when promised
COUNTERPART_TYPES = {"CONCEDE", "RETREAT"}
# categories whose object, an act with a doer ("X's raid on Y", "abuses by X against Y"), is aimed at the doer
DOER_TYPES = {"ACCUSE"}
# categories of verbal acts that, made in a speech to an international body, are addressed to it
ADDRESSED_TYPES = {"AGREE", "REQUEST", "SUPPORT", "COOPERATE"}
# categories of acts done together, whose object says what they are about
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}
# categories of calling off what was planned ("cancelled the trip that X had planned"): the planner acts
COUNTERMAND_TYPES = {"REJECT"}
# word lists (participles of disposition, attitude nouns, nested prepositions, group nouns): event_rules.json


class ParticipantRules(ParticipantCases):
    """The sides of an event read off the parse; the special cases come from ``ParticipantCases``."""

    def _participants(self, m, t, pred, folded, sdoc, actors, state):
        cfg = self.rules.cfg
        preps = set(cfg["participant_preps_by_type"].get(m.type, cfg["participant_preps"]))
        frames = cfg["frame_nouns"]
        actor_toks, recip_toks, signed_toks = [], [], []
        sources = []      # (rule id, tokens): which rule found which participant, for the trace

        def add(side: list, rule: str, toks) -> None:
            toks = list(toks)
            side.extend(toks)
            sources.append((rule, toks, "actor" if side is actor_toks else "recipient" if side is recip_toks else None))
        subj = None

        def np(tok, with_of=True):
            return np_tokens(tok, with_of, frames)

        # subject: of the predicate, else of the verbs it hangs on
        cur = pred
        for _ in range(4):
            s = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
            sp = [c for c in cur.children if c.dep_ == "nsubjpass"]
            # "by X" names the doer only of a passive verb ("called off a visit by X" is China's act)
            agent = [c for c in cur.children if c.dep_ == "agent"] if cur.tag_ == "VBN" else []
            if cur is pred and cur.tag_ != "VBN":
                # the parser hangs "a visit ... by X" on the verb: X is the other side
                add(recip_toks, "participants.by_agent_other_side", (i for a in cur.children if a.dep_ == "agent" for p_ in a.children
                                  if p_.dep_ == "pobj" for i in np(p_)))
            for a in agent:
                for pobj in a.children:
                    add(actor_toks, "participants.passive_agent", np(pobj))
                # "signed by the two countries": the pair described is the doer
                doer = next((p for p in a.children if p.dep_ == "pobj"), None)
                described = cur.dep_ == "acl" or cur.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                            for c in cur.children)
                subj = subj or (doer if doer is not None and not described and describe_pair(
                    " ".join(x.lower_ for x in doer.subtree)) else a)     # (not "the fund, to be financed by ...")
            if s and s[0].i not in folded:
                subj = s[0]
                if s[0].lower_ in ("who", "which", "that") and cur.dep_ == "relcl" and cur.head.i not in folded:
                    subj = cur.head      # "Marchand, who pledged the money": Marchand
                    # "after a dinner with Ruto, Mahama, who is in town for talks": the name just before the pronoun, though the parser
                    # made it an apposition of the one before
                    near = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i < s[0].i
                            and actors.owner.get(c.i) is not None and actors.owner[c.i].kind == "person"
                            and actors.owner[c.i].head == c.i and actors.owner.get(subj.i) is not actors.owner[c.i]]
                    if near:
                        subj = near[-1]
                        add(actor_toks, "participants.relative_clause_nearest_name", [subj.i])
                        break
                    # "fewer to China, which in December banned exports": the name right before ", which", though
                    # the parser hung the clause on a noun further back
                    j = s[0].i - 2
                    named = actors.owner.get(j) if j >= 0 and sdoc[j + 1].text == "," else None
                    if named is not None and named.kind in ("country", "capital", "org") and \
                            actors.owner.get(subj.i) is None and subj.i < j and named.entity.country:
                        add(actor_toks, "participants.relative_clause_nearest_name", [j])
                        break
                toks = np(subj, with_of=subj is s[0])
                if subj is not s[0] and cur.dep_ == "relcl":
                    # "minister X, who arrived on Tuesday for a visit, and minister Y": the relative pronoun stands for
                    # what comes before its clause, not for a conjunct after it
                    end = max(x.i for x in cur.subtree)
                    toks = [i for i in toks if i <= end]
                add(actor_toks, "participants.subject", toks)
                break
            if sp and not agent and cur.lower_ in cfg["disposition_participles"] and sp[0].i not in folded:
                subj = sp[0]      # "X is committed to opening its market": X acts
                add(actor_toks, "participants.disposition_subject", np(sp[0]))
                break
            if sp:
                if sp[0].i not in folded and (cur is pred or agent):
                    # (what was signed names a side only when the signers do not: "A financing arrangement for
                    # Poland's first plant was signed by the US and Polish ministers" adds no Poland)
                    signed = lemma_of(cur) in cfg["signing_verbs"] and not named_party(sp[0])
                    add(signed_toks if signed else recip_toks, "participants.passive_subject", np(sp[0]))
                elif sp[0].i not in folded:
                    subj = sp[0]
                    add(actor_toks, "participants.subject", np(sp[0]))
                break
            if agent and not sp and cur.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in cur.children):
                # "Ramokgopa is to be received by Premier Li": the subject of "is" is the passive's subject
                held = [c for c in cur.head.children if c.dep_ == "nsubj" and c.i not in folded]
                if held:
                    add(recip_toks, "participants.passive_subject", np(held[0]))
            if agent:
                break
            if cur.dep_ == "acomp" and cur.head.i != cur.i:
                cur = cur.head       # "X is determined to resume talks": the subject of the copula
                continue
            ctrl = next((c for c in cur.head.children if c.dep_ == "dobj"), None) if cur.dep_ == "xcomp" and \
                lemma_of(cur.head) in cfg["object_control_verbs"] and cur.head.i != cur.i else None
            if ctrl is not None and ctrl.i not in folded:
                subj = ctrl      # "prompting China's foreign minister to warn": the minister warned
                add(actor_toks, "participants.object_control", np(ctrl))
                break
            if cur.dep_ in ("xcomp", "ccomp", "conj", "advcl", "pcomp") and cur.head.i != cur.i:
                nxt = cur.head.head if cur.head.dep_ == "prep" or low_conj(cur) else cur.head
                if lemma_of(nxt) in cfg["reporting_verbs"] and cur.dep_ not in ("pcomp", "advcl") and not (
                        cur.dep_ == "conj" and nxt.i == cur.head.i and not low_conj(cur)) and not (
                        # "told reporters that ..., accused Accra of ...": a finite verb with no subject nor "that"
                        # of its own, hung by the parser on the saying, is the speaker's
                        cur.dep_ == "ccomp" and cur.tag_ == "VBD" and nxt.i == cur.head.i and not any(
                            c.dep_ in ("nsubj", "nsubjpass", "mark", "expl") for c in cur.children)):
                    break       # "..., Yonhap reported": the reporter is not a participant (but "announced
                    #             cooperation by inking a pact": the announcer inked it; and "the spokesperson said
                    #             ... and urged Lima": the speaker urged)
                cur = nxt
                continue
            if cur.dep_ == "acl" and cur.tag_ == "VBD" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                # "said China was dissatisfied with the decision, accused London of ...": a finite verb the parser
                # hung on a noun goes on the clause that noun is in
                up = next((a for a in cur.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if up is not None:
                    cur = up
                    continue
            if cur.dep_ == "relcl" and cur.head.i != cur.i and cur.head.i not in folded:
                subj = cur.head          # "militants who attacked"
                add(actor_toks, "participants.relative_clause_head", np(cur.head, with_of=False))
            elif cur.dep_ == "acl" and cur.head.dep_ in ("dobj", "attr") and cur.head.head.pos_ == "VERB":
                cur = cur.head.head      # "issued a declaration demanding ...": the issuer
                continue
            break
        if subj is None and not actor_toks and (cur.dep_ == "ROOT" or cur.pos_ == "VERB" and cur.dep_ in ("acl", "xcomp") and
                                                cur.head.dep_ == "ROOT") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cur.sent.root.children):
            lead = item_lead(cur.sent)          # "the two governments will:" / "- set up a committee"
            subj = lead_subject(lead) if lead is not None else None
            if subj is not None:
                add(actor_toks, "participants.list_lead_subject", np(subj))
        # objects and prepositional objects of the predicate, the trigger and folded triggers;
        # then, one level down, of the verbs they govern ("threatened to break relations with Russia",
        # "demanded that the US cancel ...": the US)
        owners = [pred] + [sdoc[i] for i in sorted(folded) if sdoc[i] is not pred]
        between = []
        wide = set(cfg["participant_preps"])

        venue: set[int] = set()     # tokens of states named as where the event is ("signed it in Egypt")

        def prep_objects(c, allowed):
            out = []
            if c.lower_ not in allowed:
                # "lodged with the WTO against Japan": the parser hangs "against" on the WTO
                return [i for p in c.children if p.dep_ == "pobj" for a in p.children if a.dep_ == "prep"
                        and a.lower_ == "against" and a.lower_ in allowed for i in prep_objects(a, allowed)]
            for pobj in c.children:
                if pobj.dep_ != "pobj" or pobj.lower_ in frames:
                    continue
                toks = np(pobj, with_of=c.lower_ not in ("in", "at"))
                if c.lower_ in ("between", "among"):
                    # "talks between officials in Singapore": one place after the sides is where they met
                    at = [g for g in pobj.children if g.dep_ == "prep" and g.lower_ in ("in", "at") and len(
                        [x for x in g.subtree if x.dep_ in ("pobj", "conj")]) == 1]
                    skip = {x.i for g in at for x in g.subtree}
                    if skip and actors.owner.get(pobj.i) is None:
                        venue.update(i for i in skip if actors.owner.get(i) is not None)
                        toks = [i for i in toks if i not in skip]
                if c.lower_ in ("in", "at"):
                    toks = [i for i in toks if actors.owner.get(i) is not None and actors.owner[i].kind == "country"]
                    venue.update(toks)
                out.extend(toks)
            return out

        # "discussed coordination on North Korea": for talks and deals "on" gives the subject, not a party
        obj_preps = {"with", "to", "between"} if m.type in ("CONSULT", "AGREE", "SUPPORT", "COOPERATE") else \
            {"with", "to", "against", "on", "from", "by"}

        # "the talks follow his state visit": what a verb of sequence follows is another event, not a party
        followed = t.dep_ == "nsubj" and sequel_verb(t, cfg["sequel_verbs"]) is not None

        # "asked Mexico to screen Chinese stakes", "demanded that the Polish government halt exchanges with Taipei":
        # a request whose asked party is named asks only that party; what it is asked to do names no more sides
        # (not an order: "ordered the state railway to put off the signing with X" is coded as the act ordered)
        asked = m.type == "REQUEST" and t.pos_ == "VERB" and lemma_of(pred) not in cfg["ordered_acts"]["verbs"] and any(
            actors.in_tokens(np(x)) for c in pred.children
            for x in ([c] if c.dep_ in ("dobj", "dative") else [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                      if c.dep_ == "ccomp" else []))
        if asked:
            m.note("recipient", "participants.asked_party_only")

        def collect(v, allowed, depth):
            for c in v.children:
                if asked and depth > 0 and c.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                if followed and v.i == t.head.i and c.dep_ in ("dobj", "prep"):
                    continue
                if c.dep_ == "dative" and c.pos_ == "ADP":
                    # "granted asylum to four Congolese officers": the parser's dative "to" is a preposition
                    add(recip_toks, "participants.dative_to", prep_objects(c, allowed | {c.lower_}))
                elif c.dep_ in ("dobj", "prep") and v.pos_ in ("VERB", "AUX") and (att := [
                        x for x in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"])
                        if x.lemma_.lower() in cfg["attitude_nouns"] and x.i != t.i]):
                    # "blocked a road to show their disapproval of X", "rallied in defiance of X": the
                    # attitude's complement is the target
                    add(recip_toks, "participants.attitude_target", [
                        i for x in att for pp in x.children if pp.dep_ == "prep" and pp.lower_ in cfg["attitude_preps"]
                        for i in prep_objects(pp, cfg["attitude_preps"])])
                elif c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd") and m.type in DOER_TYPES and c.i != t.i and (
                        doers := [d for d in c.children if d.dep_ == "poss" and d.pos_ != "PRON"] + [
                            p for d in c.children if d.dep_ == "prep" and d.lower_ == "by" for p in d.children
                            if p.dep_ == "pobj"]):
                    # "condemned Israel's raid on Gaza", "investigating abuses by X against Y": the doer of
                    # the act criticised is the accused, not its victims
                    for d in doers:
                        add(recip_toks, "participants.doer_of_criticised_act", np(d, with_of=False))
                elif c.dep_ == "dobj" and c.i != t.i and lemma_of(v) in cfg["topic_verbs"] and not (
                        c.pos_ == "PROPN" and actors.owner.get(c.i) is not None and actors.owner[c.i].kind in ("org", "person")):
                    # "the two ministers discussed the drought in Bolivia", "a call to discuss Canadian tariffs": what
                    # is discussed is the topic, and the states qualifying it no party; only "with" inside it ("discussed
                    # trade with Chile") names the other side
                    if actors.in_tokens(np(c)):
                        m.note("recipient", "participants.topic_object")
                    for cc in c.children:
                        if cc.dep_ == "prep" and cc.lower_ in ("with", "between", "among"):
                            if cc.lower_ == "with":
                                add(recip_toks, "participants.object_preposition", prep_objects(cc, {"with"}))
                            else:
                                add(between, "participants.between", prep_objects(cc, {"between", "among"}))
                elif c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd"):
                    # "rejected an Australian ultimatum": the object's modifiers name the other side; but
                    # "following Yoon's proposal": the possessor of the event noun itself made it
                    own = {i for p_ in c.children if c.i == t.i and p_.dep_ == "poss" for i in np(p_)}
                    add(actor_toks, "participants.noun_modifier", sorted(own))
                    # "withdrew its WTO complaint": the body a complaint is lodged with is the forum, no party
                    forum_mod = {i for i in np(c) if i != c.i and actors.owner.get(i) is not None and
                                 actors.owner[i].entity.country in FORUM_CODES} \
                        if lemma_of(c) in cfg["forum_object_nouns"] else set()
                    if forum_mod:
                        m.note("recipient", "event_rules.json:forum_object_nouns")
                    add(recip_toks, "participants.object", [i for i in np(c) if i != t.i and i not in own
                                                            and i not in forum_mod])
                    nested = set(cfg["nested_preps"].get(m.type, []))
                    inner, level = [c], 0
                    while nested and level < 2:
                        inner = [p for x in inner for pp in x.children if pp.dep_ == "prep" and pp.lower_ == "of"
                                 for p in pp.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
                        level += 1
                        for p in inner:
                            for pp in p.children:
                                if pp.dep_ == "prep" and pp.lower_ in nested:
                                    add(recip_toks, "participants.nested_complement", prep_objects(pp, nested))
                    for cc in c.children:       # "expand exchanges with the US", "action against Russia"
                        if cc.dep_ == "prep":
                            if cc.lower_ in ("between", "among"):
                                add(between, "participants.between", prep_objects(cc, {"between", "among"}))
                            else:
                                add(recip_toks, "participants.object_preposition", prep_objects(cc, obj_preps))
                elif c.dep_ == "prep" and c.lower_ in ("along", "together", "alongside") and "with" in allowed:
                    # "visited the plant along with the king", "working alongside the Japanese navy"
                    for w in [c] if c.lower_ == "alongside" else [x for x in c.children if x.lower_ == "with"]:
                        add(recip_toks, "participants.along_with", prep_objects(w, {w.lower_}))
                elif c.dep_ == "advcl" and c.tag_ == "VBG" and c.i not in folded and "with" in allowed and not any(
                        g.dep_ in ("mark", "aux", "nsubj") for g in c.children):
                    # "will deploy to the region, working alongside the Japanese navy": a participle of the
                    # event naming a companion
                    for pp in c.children:
                        if pp.dep_ == "prep" and pp.lower_ in ("along", "together", "alongside"):
                            for w in [pp] if pp.lower_ == "alongside" else [x for x in pp.children if x.lower_ == "with"]:
                                add(recip_toks, "participants.along_with", prep_objects(w, {w.lower_}))
                elif c.dep_ == "prep" and c.lower_ in ("in", "at") and lemma_of(v) in cfg["topic_verbs"] and any(
                        d.dep_ == "dobj" for d in v.children):
                    # "discussed the famine in Somalia": the parser hangs the topic's place on the verb
                    if actors.in_tokens(prep_objects(c, allowed)):
                        m.note("recipient", "participants.topic_object")
                elif c.dep_ == "prep" and c.lower_ == "of" and v.i == t.i and m.cls == "meeting" and v.pos_ in ("NOUN", "PROPN"):
                    # "the first meeting of the Chile-Peru council", "a meeting of the ministers of X and Y": those the
                    # meeting is of are its parties; two or more states named there are both sides (as "between")
                    toks = [i for p_ in c.children if p_.dep_ == "pobj" for i in np(p_)]
                    if len(countries_of(entities_of(actors.in_tokens(toks)))) >= 2:
                        add(between, "participants.meeting_of", toks)
                    else:
                        add(actor_toks, "participants.meeting_of", toks)
                elif c.dep_ == "prep":
                    if c.lower_ in ("between", "among") and (v.i in folded or v is pred):
                        add(between, "participants.between", prep_objects(c, {"between", "among"}))
                    else:
                        add(recip_toks, "participants.preposition", prep_objects(c, allowed))
                elif (c.dep_ in ("poss", "compound", "nmod", "amod") and v is t or
                      c.dep_ == "poss" and c.pos_ != "PRON" and v.i == t.i) \
                        and v.pos_ in ("NOUN", "PROPN"):
                    # the possessor also when the noun's clause has a verb of its own ("Manila's protest to Beijing
                    # went unanswered": "v" is then a fresh token for the trigger's index)
                    add(actor_toks, "participants.noun_modifier", np(c))
                elif c.dep_ in ("xcomp", "advcl") and depth < 2 and c.i not in folded and \
                        lemma_of(c) in cfg["reporting_verbs"] and any(g.lower_ == "to" for g in c.children):
                    # "to show their disapproval of X": only the attitude speaks of the other side
                    add(recip_toks, "participants.attitude_target", [
                        i for x in c.children if x.dep_ == "dobj" and x.lemma_.lower() in cfg["attitude_nouns"]
                        for pp in x.children if pp.dep_ == "prep" and pp.lower_ in cfg["attitude_preps"]
                        for i in prep_objects(pp, cfg["attitude_preps"])])
                elif c.dep_ in ("xcomp", "ccomp", "advcl") and depth < 2 and c.i not in folded and \
                        lemma_of(c) not in cfg["reporting_verbs"]:
                    marks = {g.lower_ for g in c.children if g.dep_ in ("mark", "aux")}
                    if c.dep_ == "advcl" and not (marks & {"to", "if", "unless", "until"}):
                        continue     # only purpose and condition clauses speak of the other side
                    if c.dep_ == "ccomp" or marks & {"if", "unless", "until"}:
                        for cc in c.children:
                            if cc.dep_ in ("nsubj", "nsubjpass") and cc.i not in folded:
                                add(recip_toks, "participants.clause_subject", np(cc))
                    collect(c, wide, depth + 1)
                elif c.dep_ == "acomp" and depth < 2 and v.i in folded:
                    # "we would be happy to pursue this with the United States": the infinitive of a willingness
                    # adjective speaks of the other side
                    for x in c.children:
                        if x.dep_ == "xcomp" and x.i not in folded and lemma_of(x) not in cfg["reporting_verbs"]:
                            collect(x, wide, depth + 1)
                elif c.dep_ in ("nsubj", "nsubjpass") and v is not pred and v.i in folded and v.pos_ == "VERB" \
                        and c.i not in folded:
                    signed = c.dep_ == "nsubjpass" and lemma_of(v) in cfg["signing_verbs"] and not named_party(c)
                    add(signed_toks if signed else recip_toks, "participants.clause_subject", np(c))      # "demanded that the US cancel": the US

        for v in owners:
            if m.type in DOER_TYPES and v is not pred and v is not t and sdoc[v.i].pos_ in ("NOUN", "PROPN"):
                continue    # "condemned Israel's raid on Gaza": the criticised act's own target is no party
            collect(v, preps if v is pred or v is t else wide, 0 if v is pred or v is t else 1)
        if between and t.pos_ in ("NOUN", "PROPN"):
            acts_m, rec_m = actors.in_tokens(between), []     # "a summit between X and Y": X and Y, not the announcer
        else:
            acts_m = actors.in_tokens(actor_toks)
            signers = countries_of(entities_of(acts_m))
            signed_m = actors.in_tokens(signed_toks)
            if not countries_of(entities_of(signed_m)) <= signers:
                recip_toks = recip_toks + signed_toks
            rec_m = [x for x in actors.in_tokens(recip_toks + between) if all(x is not a for a in acts_m)]
        forum = []
        if m.type in FORUM_TYPES or m.folded_types & FORUM_TYPES:
            # "filed a complaint with the WTO", "complained to the UN": the body is where the complaint
            # was lodged, not the accused
            forum = [x for x in rec_m if x.entity.country in FORUM_CODES and sdoc[x.head].dep_ == "pobj"
                     and sdoc[x.head].head.lower_ in ("with", "to", "before")]
            rec_m = [x for x in rec_m if all(x is not f for f in forum)]
        if m.type in COOPERATIVE_TYPES:
            # "agreed to coordinate their response to Chinese tariffs", "talks on the crisis in X": a state that only
            # qualifies a measure or a situation inside what the parties cooperate on is the topic, no party
            topic = [x for x in rec_m if self._qualifies_topic(sdoc[x.head], t)]
            if topic:
                rec_m = [x for x in rec_m if all(x is not q for q in topic)]
                m.note("recipient", "participants.topic_qualifier")
        placed = [x for x in rec_m if x.head in venue]     # states named as where the event is
        if m.type in COOPERATIVE_TYPES and len(countries_of(entities_of(acts_m))) >= 2:
            # "the EU and Kazakhstan signed a partnership ... at a conference in Egypt": two sides named as the doers
            # of a joint act make it theirs; the state it took place in is the venue, no party
            if placed:
                rec_m = [x for x in rec_m if all(x is not q for q in placed)]
                m.note("recipient", "participants.venue_of_pair")
        m.actors = entities_of(acts_m)
        m.recipients = entities_of(rec_m)
        for rule, toks, meant in sources:
            got = {x.entity.entity_name for x in actors.in_tokens(toks)}
            for what, side in (("actor", m.actors), ("recipient", m.recipients)):
                if meant in (None, what) and got & {e.entity_name for e in side}:
                    m.note(what, rule)
        # a body named with its parties once ("the Canada-Japan joint committee") and later as "the committee"
        if subj is not None and subj.pos_ == "NOUN" and not between:
            body = lemma_of(subj)
            if m.actors and all(e.entity_type == "country" for e in m.actors):
                state.bodies[body] = list(m.actors)
            elif not m.actors and body in state.bodies and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this") or c.dep_ == "poss" for c in subj.children):
                m.actors = list(state.bodies[body])
                m.described = True
                m.note("actor", "participants.named_body")
        # descriptions and pronouns
        if m.actors and subj is not None:
            # "the vice president and President X welcomed": a title beside a name is a party too
            names = {e.entity_name for e in m.actors}
            for c in [subj] + [c for c in subj.children if c.dep_ == "conj"]:
                who = state.titled(c)
                if who is not None and who.entity_name not in names:
                    # "the Chilean envoy will visit": the state word of the description is the named person's own,
                    # no party beside him
                    own = {e.entity_name for x in actors.in_tokens([d.i for d in c.children if d.i < c.i])
                           for e in [x.entity] if x.kind in ("country", "demonym", "capital") and e.country == who.country}
                    if own:
                        m.actors = [e for e in m.actors if e.entity_name not in own]
                        m.note("actor", "participants.described_person")
                    m.actors = [who] + m.actors
                    names.add(who.entity_name)
                    m.note("actor", "participants.title_beside_name")
        if m.actors and subj is not None:
            # "the country and the EU signed": a description joined with a name is a party too
            kinds = cfg["kind_descriptions"]
            for c in [subj] + [c for c in subj.children if c.dep_ == "conj"]:
                if c.lower_ in kinds and actors.owner.get(c.i) is None:
                    got = [e for e in state.resolve(c, sdoc) if e.entity_name not in {x.entity_name for x in m.actors}]
                    if got:
                        m.actors = m.actors + got
                        m.note("actor", "participants.description_beside_name")
                        venues = {x.entity.entity_name for x in placed}
                        if venues and m.type in COOPERATIVE_TYPES and len(countries_of(m.actors)) >= 2:
                            m.recipients = [e for e in m.recipients if e.entity_name not in venues]
                            m.note("recipient", "participants.venue_of_pair")
        if subj is not None:
            # "Turksat and Azercosmos, the state satellite operators of the two countries, signed": the pair the
            # apposition names is the doers' side
            for c in [subj] + [c for c in subj.children if c.dep_ == "conj"]:
                for g in (x for ap in c.children if ap.dep_ == "appos" for p in ap.children
                          if p.dep_ == "prep" and p.lower_ == "of" for x in p.children if x.dep_ == "pobj"):
                    if describe_pair(" ".join(x.lower_ for x in g.subtree)):
                        have = {e.country for e in m.actors}
                        got = [e for e in state.resolve(g, sdoc) if e.country not in have]
                        if got:
                            m.actors = m.actors + got
                            m.note("actor", "participants.apposition_of_pair")
        # descriptions and pronouns
        if not m.actors and subj is not None and not actors.in_tokens(between):
            ents = self._they_of_sentence(subj, pred, actors)
            if ents:
                m.note("actor", "participants.they_of_sentence")
            else:
                ents = state.resolve(subj, sdoc, prefer_type=m.type)
            # "we would be happy to pursue this with the United States": the side the clause names as the other
            # one is not among those the description stands for
            other = {e.country for e in m.recipients if e.country} if m.type in ("AGREE", "CONSULT", "COOPERATE", "SUPPORT") \
                else set()
            if ents and other and any(e.country in other for e in ents) and any(e.country not in other for e in ents):
                ents = [e for e in ents if e.country not in other]
                m.note("actor", "participants.description_not_other_side")
            if ents:
                m.actors = ents
                m.described = True
                m.note("actor", "participants.description")
        self._received_act(m, t, actors, frames)
        self._announced_cancellation(m, pred, actors, frames)
        self._host_receives(m, t)
        self._call_partner(m, t, actors, frames)
        self._warned_party(m, t, actors)
        self._headline_reaction_target(m, t, sdoc, actors)
        self._embassy_host(m, subj, actors, frames)
        self._reaction_to_event(m, t, pred, actors, state, frames)
        self._conjoined_measure_target(m, pred, actors, frames)
        self._rejected_charge(m, pred, actors, state, frames)
        self._pronoun_object(m, t, pred, state)
        if m.type in COUNTERMAND_TYPES and t.pos_ == "VERB":
            # "a tour of Norway that the premier had planned but was then made to call off": the plan folded into the
            # cancellation is told in a relative clause; its subject called it off, whatever the parser hung the
            # cancellation on
            planners = [x.entity for i in sorted(folded) if sdoc[i].dep_ == "relcl" and sdoc[i].pos_ == "VERB"
                        for c in sdoc[i].children if c.dep_ == "nsubj" and c.pos_ != "PRON"
                        for x in actors.in_tokens(np_tokens(c, False, frames))]
            if planners and not ({e.entity_name for e in planners} & {e.entity_name for e in m.actors}):
                names = {e.entity_name for e in planners}
                m.actors = dedupe(planners)
                m.recipients = [e for e in m.recipients if e.entity_name not in names]
                m.note("actor", "participants.planner_cancels")
        here = any(c.dep_ == "advmod" and c.lower_ in cfg["deictic_place_words"] for v in (t, pred) for c in v.children)
        if m.type == "CONSULT" and m.mode == "visit" and m.actors and not m.recipients and actors.home_country and \
                actors.home_country not in countries_of(m.actors) and (here or actors.filed_in == actors.home_country and
                                                                       bool(countries_of(m.actors)) and not m.described
                                                                       and self._destination(t, pred) in (None, actors.home_country)):
            # "Mahama, who is here on a state visit": a visit made "here" is made to the state the report
            # is filed in; so is one with no place of its own in a report with a dateline ("JAKARTA - ... Sweden's
            # minister, who arrived on Monday for a three-day visit")
            code = actors.home_country
            name = load_knowledge().country_name(code) or code
            m.recipients = [Entity(raw_text=name, entity_name=name, country=code, sector_code="GOV", entity_type="country")]
            m.note("recipient", "participants.visit_here" if here else "participants.visit_filed_from")
        if not m.actors and t.pos_ in ("NOUN", "PROPN"):
            for c in t.children:
                if c.dep_ == "poss" and c.pos_ == "PRON":
                    ents = state.resolve(c, sdoc)
                    if ents:
                        m.actors = ents
                        m.described = True
                        m.note("actor", "participants.pronoun_possessor")
                if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                    for cc in c.children:
                        ents = state.resolve(cc, sdoc, prefer_type="CONSULT")
                        if ents:
                            m.actors = ents
                            m.described = True
                            m.note("actor", "participants.description")
        if not m.actors and not m.recipients:
            # "Relations between the two countries were upgraded": the sides named in the passive subject act
            for c in (x for s in pred.children if s.dep_ == "nsubjpass" for x in s.children):
                if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                    for cc in c.children:
                        ents = [x.entity for x in actors.in_tokens(np(cc))] or state.resolve(cc, sdoc, prefer_type="CONSULT")
                        if ents:
                            m.actors = dedupe(ents)
                            m.described = True
                            m.note("actor", "participants.between_of_passive_subject")
        if not m.actors and t.pos_ in ("NOUN", "PROPN") and any(c.lower_ in ("bilateral", "joint") for c in t.children):
            m.actors = state.resolve(next(c for c in t.children if c.lower_ in ("bilateral", "joint")), sdoc)
            m.described = bool(m.actors)
            if m.actors:
                m.note("actor", "participants.bilateral_word")
        if not m.recipients:
            for v in owners:
                for c in v.children:
                    if c.dep_ == "prep" and c.lower_ in ("with", "to"):
                        for cc in c.children:
                            ents = state.resolve(cc, sdoc)
                            if ents:
                                names = {a.entity_name for a in m.actors}
                                m.recipients = [e for e in ents if e.entity_name not in names]
                                m.note("recipient", "participants.description")
                            # "his summit with Lee": the possessor is the other party
                            if t.pos_ in ("NOUN", "PROPN") and not m.actors:
                                for pc in t.children:
                                    if pc.dep_ == "poss":
                                        m.actors = state.resolve(pc, sdoc)
                                        m.note("actor", "participants.pronoun_possessor")
        # "accused the two NATO members of ...": an object that describes the pair is the pair, not the bloc named in it
        for c in pred.children if t.pos_ == "VERB" else []:
            if c.dep_ == "dobj" and describe_pair(" ".join(x.lower_ for x in c.subtree if x.i <= c.i)):
                own = countries_of(m.actors)
                got = [e for e in state.pair_countries if e.country and e.country not in own]
                if len(countries_of(got)) >= 2:
                    m.recipients = got
                    m.note("recipient", "participants.described_pair_object")
        # "Poland's foreign ministry dismissed the remarks", "Pakistan rejected the listing": an answer to an act
        # told before is addressed to whoever did it (the latest such act by another state)
        answer = cfg["answer_to_act"]
        named = next((c for c in pred.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and any(
            d.dep_ == "det" and d.lower_ in answer["determiners"] for d in c.children)), None)
        acts = {typ for typ, nouns in answer["nouns"].items() if named is not None and lemma_of(named) in nouns}
        # ("opposed the listing of Chinese companies": its own firms named in the act are no other side)
        if m.actors and (not m.recipients or countries_of(m.recipients) <= countries_of(m.actors)) and \
                m.type in answer["types"] and acts:
            own = countries_of(m.actors)
            prior = next((x for x in reversed(state.events) if x is not m and x.type in acts and
                          countries_of(x.actors) and not countries_of(x.actors) & own), None)
            if prior is not None:
                m.recipients = [a for a in prior.actors if a.country]
                m.note("recipient", "participants.answer_to_act")
        # one state's act with another named beside its own ("asked Washington to help Poland prepare a plant"):
        # its own state is the beneficiary, not a recipient
        own = countries_of(m.actors)
        if len(own) == 1 and countries_of(m.recipients) - own and countries_of(m.recipients) & own:
            m.recipients = [e for e in m.recipients if e.country not in own]
            m.note("recipient", "participants.own_state_not_recipient")
        # a complaint lodged with a body, or a concession, with no other side named: the other side of
        # what the article is talking about ("withdrew its complaint" against the state it accused)
        # "X has requested that the complaint be withdrawn": a concession asked for is asked of that counterpart
        asked = m.type == "REQUEST" and bool(m.folded_types & COUNTERPART_TYPES)
        if m.actors and not m.recipients and (forum or asked or m.type in COUNTERPART_TYPES or m.type == "AGREE" and m.folded_types & COUNTERPART_TYPES) and \
                len(countries_of(m.actors)) == 1:
            m.recipients = state.counterpart(m.actors)
            if m.recipients:
                m.note("recipient", "participants.forum_counterpart" if forum else
                       "participants.requested_concession_counterpart" if asked else "participants.concession_counterpart")
        # "following his proposal during his speech at the UN General Assembly": a verbal act made in a speech
        # to an international body, with no other side named, is addressed to the body
        if m.actors and not m.recipients and m.type in ADDRESSED_TYPES:
            heads = {t.i, pred.i, *folded}
            for a in t.ancestors:      # "came following his proposal ... during his speech": up to the clause's verb
                heads.add(a.i)
                if a.pos_ in ("VERB", "AUX") and a.dep_ != "prep":
                    break
            for tok in t.sent:
                if tok.dep_ != "pobj" or tok.lemma_.lower() not in cfg["speech_nouns"] or tok.head.head.i not in heads:
                    continue
                bodies = [x.entity for pp in tok.children if pp.dep_ == "prep" and pp.lower_ in cfg["speech_preps"]
                          for p_ in pp.children if p_.dep_ == "pobj" for x in actors.in_tokens(np(p_, with_of=False))
                          if x.entity.country in BODY_CODES]
                if bodies:
                    m.recipients = dedupe(bodies)
                    m.note("recipient", "participants.addressed_body")
                    break
        # a one-sided cooperative act in a bilateral setting is addressed to the counterpart
        implied = m.type in cfg["implied_counterpart_types"] or f"{m.type}/{m.mode}" in cfg["implied_counterpart_types"]
        cooperative = m.type in ("AGREE", "COOPERATE", "SUPPORT", "AID")
        # (an act received by something the article does not tie to a state, "a project that received a loan from
        # X", names no counterpart)
        if m.actors and not m.recipients and (cooperative or implied) and len(countries_of(m.actors)) == 1 and \
                "participants.received_act" not in m.why.get("actor", []):
            text = m.sent.text.lower()
            if cooperative and any(re.search(r"\b" + re.escape(c) + r"\b", text) for c in cfg["joint_cues"]):
                m.recipients = state.counterpart(m.actors)
                if m.recipients:
                    m.note("recipient", "event_rules.json:joint_cues")
            elif implied and countries_of(m.actors) & countries_of(state.pair_countries) and all(
                    a.country for a in m.actors) and (      # a doer of no known state may be of the other side
                    m.type not in cfg["implied_counterpart_official"]["types"] or all(
                        a.sector_code in cfg["implied_counterpart_official"]["sectors"] for a in m.actors)):
                # (a charge, a refusal or a warning is the other side's when a government makes it; lawmakers
                # accusing their own government address nobody abroad)
                # "Japan will supply two boats under the grant", "India also offered a line of credit": a promise
                # by one side of the pair the article is about is made to the other, when there is one other
                # (realnews conventions 12); a third state's promise names nobody of the pair
                other = state.counterpart(m.actors)
                if len(countries_of(other)) == 1:
                    m.recipients = other
                    m.note("recipient", "event_rules.json:implied_counterpart_types")
        # "will visit a base and confirm new Ruritania-Freedonia defence ties": a cooperative act (or a visit) by
        # one state of a hyphen-joined pair of states named in its own clause is addressed to the other of the pair
        if m.actors and not m.recipients and (m.type in ("AGREE", "COOPERATE", "SUPPORT") or m.type == "CONSULT"
                                              and m.mode == "visit") and len(countries_of(m.actors)) == 1:
            own = countries_of(m.actors)
            sent = t.sent
            for tok in t.subtree:
                if tok.text not in ("-", "\u2013") or tok.i == sent.start or tok.i + 1 >= sent.end:
                    continue
                left, right = actors.owner.get(tok.i - 1), actors.owner.get(tok.i + 1)
                if left is None or right is None or left is right or \
                        tok.whitespace_ or sdoc[tok.i - 1].whitespace_:
                    continue
                pair = [left.entity, right.entity]
                if all(e.entity_type == "country" and e.country for e in pair):
                    if pair[0].country in own and pair[1].country not in own:
                        m.recipients = [pair[1]]
                    elif pair[1].country in own and pair[0].country not in own:
                        m.recipients = [pair[0]]
                    if m.recipients:
                        m.note("recipient", "participants.hyphen_pair_other_side")
                        break
        # "a data link between X and Y went live": the two sides the thing is between act together
        if not m.actors and "event_rules.json:joint_operation" in m.why.get("event_type", []):
            between = self._joint_thing_started(pred, lemma_of(pred))
            toks = [i for g in (between.children if between is not None else []) if g.dep_ == "pobj"
                    for x in [g, *(c for c in g.children if c.dep_ == "conj")] for i in np_tokens(x, False, cfg["frame_nouns"])]
            m.actors = dedupe(entities_of(actors.in_tokens(toks)))
            if m.actors:
                m.note("actor", "participants.joint_operation")
        # "a first round of negotiations is scheduled to take place in X in September": one more session of the
        # talks the article is about, with no side named, is between the pair of states in view
        if not m.actors and not m.recipients and m.cls == "meeting" and t.dep_ == "pobj" and t.head.lower_ == "of" \
                and lemma_of(t.head.head) in cfg["round_nouns"] and len(countries_of(state.pair_countries)) == 2:
            m.actors = list(state.pair_countries)
            m.note("actor", "participants.round_of_talks")
        # "the text was finalised in May", "the memorandum was signed on Monday": a signing in the passive with no
        # signer named is by the pair of states in view
        if not m.actors and not m.recipients and m.type == "SUPPORT" and lemma_of(pred) in cfg["signing_verbs"] and \
                pred.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in pred.children) and not any(
                    c.dep_ == "agent" for c in pred.children) and len(countries_of(state.pair_countries)) == 2:
            m.actors = list(state.pair_countries)
            m.note("actor", "participants.agentless_signing")
