"""Participants: actor and recipient read off the parse (subject -> actor; objects and prepositional
objects -> recipient), descriptions and pronouns resolved against what the article was talking about
(``Discourse``)."""
from __future__ import annotations

import re

from ..actors import DocActors, describe_pair, is_person_description, person_by_title
from ..knowledge import load_knowledge
from ..model import Entity
from .mention import EventMention, countries_of, countries_as_entities, dedupe, entities_of
from .rules import NON_STATE, Rules, lemma_of
from .triggers import frame_prep


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
BODY_CODES = {"IGO", "UNO", "EUR"}
# categories of acts done together, whose object says what they are about
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}
# categories of calling off what was planned ("cancelled the trip that X had planned"): the planner acts
COUNTERMAND_TYPES = {"REJECT"}
# word lists (participles of disposition, attitude nouns, nested prepositions, group nouns): event_rules.json


class Discourse:
    """What the article has been talking about: for descriptions and pronouns."""

    def __init__(self, actors: DocActors):
        self.actors = actors
        self.events: list[EventMention] = []
        self.pair_countries: list[Entity] = []
        self.bodies: dict[str, list[Entity]] = {}     # "committee" -> the countries that make it up

    def note(self, m: EventMention) -> None:
        self.events.append(m)
        ctry = countries_as_entities(m.actors + m.recipients)
        if len(ctry) >= 2:
            self.pair_countries = ctry

    def after_sentence(self, mentions, span, actors):
        # countries mentioned together in a sentence with no event also make a pair
        # (also in a sentence whose events name no two countries: "X and Y will ..., officials said at
        # the meeting")
        sent_m = actors.starting_in(span.start_char, span.end_char)
        ctry = countries_as_entities([m.entity for m in sent_m if m.entity.sector_code != "JRN"])     # not "as per Reuters"
        if len(ctry) >= 2 and not any(len(countries_as_entities(m.actors + m.recipients)) >= 2 for m in mentions):
            self.pair_countries = ctry

    def _last_people(self, n: int, before: int, prefer_type: str | None = None) -> list[Entity]:
        """People of the most recent event with at least n people (preferring one of a type)."""
        for want in ([prefer_type] if prefer_type else []) + [None]:
            for m in reversed(self.events):
                if want and m.type != want:
                    continue
                people = [e for e in dedupe(m.actors + m.recipients) if e.entity_type == "person"]
                if len(people) >= n:
                    return people[:max(n, 2)] if n >= 2 else people[:1]
        return []

    def resolve(self, tok, sdoc, prefer_type: str | None = None) -> list[Entity]:
        """Entities a description or pronoun at `tok` refers to."""
        phrase = " ".join(x.text for x in tok.subtree if x.dep_ != "punct").strip()
        low = tok.lower_
        if low in ("he", "she", "his", "her", "him"):
            sent = tok.sent
            same = [m for m in self.actors.mentions if m.kind == "person" and m.end <= tok.idx
                    and m.sent == self.actors.owner.get(m.head, m).sent and _in_span(m.head, sent)]
            if same:
                return [same[-1].entity]
            # "During her visit to Manila, Harris announced ...": a pronoun in an opening phrase is the
            # subject of the clause that follows
            root = sent.root
            if tok.i < root.i and tok.dep_ in ("poss", "pobj") and root.pos_ in ("VERB", "AUX"):
                subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i]
                ahead = self.actors.in_tokens([i for c in subj for i in (c.i, *(x.i for x in c.children
                                                                              if x.dep_ == "compound"))])
                if ahead and ahead[0].kind == "person" and not any(
                        a.i < tok.i for a in tok.ancestors if a.dep_ in ("nsubj", "nsubjpass")):
                    return [ahead[0].entity]
            prior = [m for m in self.actors.mentions if m.kind == "person" and m.end <= tok.idx]
            return [prior[-1].entity] if prior else []
        if low in ("it", "they", "we") and tok.dep_ in ("nsubj", "nsubjpass"):
            # "the ministry said Wednesday it will sign": the reporter speaks of itself
            v = tok.head
            if v.dep_ == "ccomp" and v.head.i != v.i:
                rsubj = [c for c in v.head.children if c.dep_ == "nsubj"]
                if rsubj:
                    ents = [x.entity for x in self.actors.in_tokens([x.i for x in rsubj[0].subtree])]
                    if ents:
                        return ents
                    ents = self.resolve(rsubj[0], sdoc)
                    if ents:
                        return ents
        if low in ("it", "its", "they", "their", "we", "them"):
            for m in reversed(self.events):
                if m.actors and m.head.i < tok.i or m.sent.start < tok.idx and m.actors:
                    return list(m.actors)
            return []
        if tok.pos_ == "PRON":
            return []
        if any(c.lower_ == "their" for c in tok.children) and low in (
                "countries", "nations", "leaders", "governments", "presidents", "heads", "delegations"):
            for m in reversed(self.events):
                cs = countries_as_entities(m.actors + m.recipients)
                if len(cs) >= 2:
                    return cs
            return list(self.pair_countries)
        kind = describe_pair(phrase) or describe_pair(re.sub(r"\s+", " ", phrase.lower()))
        if kind is None and low in ("bilateral",):
            kind = "countries"
        if kind is not None:
            if is_person_description(kind):
                people = self._last_people(2, tok.idx, prefer_type)
                if people:
                    return people
            return list(self.pair_countries) or self._pair_before(tok)
        who = self.titled(tok)
        if who is not None:
            return [who]
        of_kind = Rules.load().cfg["kind_descriptions"].get(low)
        if of_kind and tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            # "the bloc said it would start similar talks with X": the one party of that kind the article was
            # talking about (none when the latest event has two)
            for m in reversed(self.events):
                fits = [e for e in dedupe(m.actors + m.recipients) if _of_kind(e, of_kind)]
                if fits:
                    return fits if len(fits) == 1 else []
            return []
        if low in ("ministry", "department", "agency", "government") and any(c.lower_ == "the" for c in tok.children):
            prior = [m for m in self.actors.mentions if m.kind == "org" and low in m.entity.entity_name.lower()
                     and m.start < tok.idx]
            if prior:
                return [prior[-1].entity]
            if self.actors.home_country:
                name = phrase[4:] if phrase.lower().startswith("the ") else phrase
                return [Entity(raw_text=phrase, entity_name=name, country=self.actors.home_country,
                               sector_code="GOV", entity_type="organization")]
        return []

    def titled(self, tok) -> Entity | None:
        """"the president", "the Minister": the last person named with that office."""
        if tok.pos_ not in ("NOUN", "PROPN") or self.actors.owner.get(tok.i) is not None or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            return None
        title = " ".join(x.text for x in tok.children if x.i < tok.i and x.dep_ in ("compound", "amod"))
        # "the Chilean envoy", "Chile's minister": only a person of that state
        states = {x.entity.country for x in self.actors.in_tokens(
            [c.i for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "poss")])
            if x.kind in ("country", "demonym", "capital") and x.entity.country}
        if len(states) > 1:
            return None
        return person_by_title(self.actors, (title + " " + tok.text).strip(), tok.idx, next(iter(states), None))

    def _pair_before(self, tok) -> list[Entity]:
        """The two countries named earlier in the sentence of `tok` ("X will visit Y, the first such trip
        since the two nations ..."), when nothing before made a pair."""
        sent = tok.sent
        ents = [m.entity for m in self.actors.starting_in(sent.start_char, tok.idx)]
        cs = countries_as_entities(ents)
        return cs if len(cs) == 2 else []

    def counterpart(self, actors: list[Entity]) -> list[Entity]:
        """The other side of the meeting (else of any event) the article is talking about."""
        mine = {e.country for e in actors if e.country}
        for want in ("CONSULT", None):
            for m in reversed(self.events):
                if want and m.type != want:
                    continue
                parts = dedupe(m.actors + m.recipients)
                cs = {e.country for e in parts if e.country and e.country not in NON_STATE}
                if mine & cs and cs - mine:
                    others = [e for e in parts if e.country in cs - mine]
                    if others:
                        return others
        # a body named beside the pair ("X withdraws WTO complaint about Y") is no side of it
        others = [e for e in self.pair_countries if e.country not in mine]
        return [e for e in others if e.country not in NON_STATE] or others


def _of_kind(e: Entity, kind: str) -> bool:
    """Whether a party is of the kind a description names (event_rules.json:kind_descriptions): "body", an
    international body; "state", a state."""
    if kind == "body":
        return e.entity_type == "organization" and e.country in BODY_CODES
    return kind == "state" and e.entity_type == "country"


def _in_span(i: int, span) -> bool:
    """Whether token `i` is in `span` (a sentence): cheaper than comparing ``sdoc[i].sent``, which
    walks the sentence."""
    return span.start <= i < span.end


def np_tokens(tok, with_of: bool, frames) -> list[int]:
    """Tokens of the noun phrase headed by `tok` that can name participants: the head, its
    conjuncts, modifiers, possessors and appositions, and (optionally) its "of" complements
    ("the top diplomats of South Korea and the US"), the members it lists ("leaders from many countries,
    including X and Y") and the makers of a body ("a committee on quantum
    science set up by Canada and Japan"); not other prepositional phrases or clauses."""
    cfg = Rules.load().cfg
    out, stack = [], [tok]
    if with_of and tok.pos_ in ("NOUN", "PROPN"):
        for d in tok.subtree:
            if d.dep_ == "acl" and d.tag_ == "VBN" and d.head.pos_ in ("NOUN", "PROPN"):
                stack.extend(p for a in d.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj")
    while stack:
        t = stack.pop()
        out.append(t.i)
        for c in t.children:
            if c.dep_ in ("conj", "compound", "amod", "nmod", "poss", "appos", "nummod", "case", "cc", "det",
                          "quantmod", "npadvmod"):
                stack.append(c)
            elif c.dep_ in ("acl", "amod") and c.tag_ in ("VBN", "JJ") and with_of:
                for pp in c.children:
                    if pp.dep_ in ("prep", "dative") and pp.lower_ in ("to", "for", "against"):     # "aid sent to Sudan"
                        stack.extend(p for p in pp.children if p.dep_ == "pobj")
            elif c.dep_ == "prep" and with_of and t.lower_ not in frames and (
                    c.lower_ in ("of", "against", "to") or (t.i == tok.i and c.lower_ in ("from", "in", "for", "by"))
                    or c.lower_ == "including" and t.lemma_.lower() in cfg["group_nouns"]):
                # "leaders from many countries, including X and Y" names X and Y (not "areas including trade")
                if c.lower_ == "in" and t.lemma_.lower() in cfg["posted_abroad_nouns"]:
                    continue        # "China's embassy in Prague": where the embassy sits, no party
                # "chips of U.S. origin": where goods come from, no party
                stack.extend(p for p in c.children if p.dep_ == "pobj" and not (
                    c.lower_ == "of" and p.lemma_.lower() in cfg["provenance_nouns"]))
    return out


class ParticipantRules:
    def _participants(self, m, t, pred, folded, sdoc, actors, state):
        cfg = self.rules.cfg
        preps = set(cfg["participant_preps_by_type"].get(m.type, cfg["participant_preps"]))
        frames = cfg["frame_nouns"]
        actor_toks, recip_toks = [], []
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
                subj = subj or a
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
                    add(recip_toks, "participants.passive_subject", np(sp[0]))
                elif sp[0].i not in folded:
                    subj = sp[0]
                    add(actor_toks, "participants.subject", np(sp[0]))
                break
            if agent:
                break
            if cur.dep_ == "acomp" and cur.head.i != cur.i:
                cur = cur.head       # "X is determined to resume talks": the subject of the copula
                continue
            if cur.dep_ in ("xcomp", "ccomp", "conj", "advcl", "pcomp") and cur.head.i != cur.i:
                nxt = cur.head.head if cur.head.dep_ == "prep" else cur.head
                if lemma_of(nxt) in cfg["reporting_verbs"] and cur.dep_ not in ("pcomp", "advcl"):
                    break       # "..., Yonhap reported": the reporter is not a participant (but "announced
                    #             cooperation by inking a pact": the announcer inked it)
                cur = nxt
                continue
            if cur.dep_ == "relcl" and cur.head.i != cur.i and cur.head.i not in folded:
                subj = cur.head          # "militants who attacked"
                add(actor_toks, "participants.relative_clause_head", np(cur.head, with_of=False))
            elif cur.dep_ == "acl" and cur.head.dep_ in ("dobj", "attr") and cur.head.head.pos_ == "VERB":
                cur = cur.head.head      # "issued a declaration demanding ...": the issuer
                continue
            break
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
                if c.lower_ in ("in", "at"):
                    toks = [i for i in toks if actors.owner.get(i) is not None and actors.owner[i].kind == "country"]
                    venue.update(toks)
                out.extend(toks)
            return out

        # "discussed coordination on North Korea": for talks and deals "on" gives the subject, not a party
        obj_preps = {"with", "to", "between"} if m.type in ("CONSULT", "AGREE", "SUPPORT", "COOPERATE") else \
            {"with", "to", "against", "on", "from", "by"}

        def collect(v, allowed, depth):
            for c in v.children:
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
                elif c.dep_ in ("poss", "compound", "nmod", "amod") and v is t and v.pos_ in ("NOUN", "PROPN"):
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
                    add(recip_toks, "participants.clause_subject", np(c))      # "demanded that the US cancel": the US

        for v in owners:
            if m.type in DOER_TYPES and v is not pred and v is not t and sdoc[v.i].pos_ in ("NOUN", "PROPN"):
                continue    # "condemned Israel's raid on Gaza": the criticised act's own target is no party
            collect(v, preps if v is pred or v is t else wide, 0 if v is pred or v is t else 1)
        if between and t.pos_ in ("NOUN", "PROPN"):
            acts_m, rec_m = actors.in_tokens(between), []     # "a summit between X and Y": X and Y, not the announcer
        else:
            acts_m = actors.in_tokens(actor_toks)
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
        if m.type in COOPERATIVE_TYPES and len(countries_of(entities_of(acts_m))) >= 2:
            # "the EU and Kazakhstan signed a partnership ... at a conference in Egypt": two sides named as the doers
            # of a joint act make it theirs; the state it took place in is the venue, no party
            placed = [x for x in rec_m if x.head in venue]
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
        # descriptions and pronouns
        if not m.actors and subj is not None and not actors.in_tokens(between):
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
        if m.actors and not m.recipients and m.type in ("AGREE", "COOPERATE", "SUPPORT") and \
                len(countries_of(m.actors)) == 1:
            text = m.sent.text.lower()
            if any(re.search(r"\b" + re.escape(c) + r"\b", text) for c in cfg["joint_cues"]):
                m.recipients = state.counterpart(m.actors)
                if m.recipients:
                    m.note("recipient", "event_rules.json:joint_cues")
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
        for span, verbs in ((t.sent, [v for v in t.sent if v.pos_ == "VERB" and v.i != t.i]),
                            (lead, [] if lead is None else [lead.root] + [c for c in lead.root.children
                                                                          if c.dep_ in ("conj", "xcomp")])):
            for v in verbs:
                if not measure(v):
                    continue
                subj = [c for c in v.children if c.dep_ == "nsubj"] or \
                    ([c for c in span.root.children if c.dep_ == "nsubj"] if v.dep_ == "xcomp" else [])
                found = [x.entity for x in actors.in_tokens([i for c in subj for i in np_tokens(c, False, cfg["frame_nouns"])])]
                if not subj and span.start == t.sent.start and v.i > span.start and actors.owner.get(v.i - 1) is not None:
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
        doers = [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for p in c.children
                 if p.dep_ == "pobj"] + [c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        found = entities_of(actors.in_tokens([i for d in doers for i in np_tokens(d, False, frames)]))
        if not found:
            return
        names = {e.entity_name for e in found}
        m.recipients = dedupe([e for e in m.actors + m.recipients if e.entity_name not in names])
        m.actors = found
        m.note("actor", "participants.received_act")
        if m.recipients:
            m.note("recipient", "participants.received_act")

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
