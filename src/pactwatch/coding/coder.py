"""Event stage: PLOVER events from a parsed document and its resolved actors.

For every sentence:
1. find trigger words (verbs, nouns and phrasal verbs listed in
   ``data/triggers.tsv``);
2. fold triggers into event heads: a verb that governs its complement
   ("agreed to cooperate", "demanded that ... cancel") or its object noun
   ("sign an agreement") makes one event; reporting verbs ("said",
   "announced") are never events themselves;
3. read the participants off the parse (subject -> actor; object, dative and
   prepositional objects -> recipient; passive subjects -> recipient; agents
   -> actor), resolving descriptions ("the two countries") and pronouns;
4. set auxiliary mode (future / hypothetical / negation) and apply PLOVER's
   rule that cooperative events stated in the future are AGREE;
5. attach the time expression, place, topics and agreement of the mention.

Mentions of one real event in one article are merged (same category and
kind, compatible participants, place and date; or an anaphoric "the meeting",
"the agreement"). Undated events inherit the date of the event the article
was last talking about, unless their sentence says the time was another one.
"""
from __future__ import annotations

from dataclasses import replace

from ..actors import DocActors
from ..columns import columns
from ..model import Document, Event, Sentence
from ..nlp import too_long
from ..places import Gazetteer
from ..topics import topics_in
from .clause_tests import course_not_taken, named_party
from .mention import EventMention, countries_of, dedupe, entities_of
from .merging import MergeRules
from .modality import ModalityRules
from .participants import ParticipantRules, Discourse, np_tokens
from .record import RecordBuilder
from .rules import CONFLICT, NON_STATE, VERBAL_TYPES, Rules, lemma_of
from .settings import SettingRules
from .trigger_shapes import low_conj
from .triggers import TriggerRules, generic_plural, headline_doers, phrase_head, sequel_of, venue


def _put_ahead(v, cfg) -> bool:
    """Whether a verb, or a verb it hangs on as a complement, is put ahead by a future auxiliary or an
    infinitive's "to" ("will sign", "plans to sign")."""
    for _ in range(3):
        if any(c.dep_ == "aux" and (c.lower_ in cfg["future_aux"] or c.lower_ == "to") for c in v.children):
            return True
        if v.dep_ not in ("xcomp", "ccomp", "conj") or v.head.i == v.i:
            return False
        v = v.head
    return False


def _hosted_gathering(t, cfg) -> bool:
    """Whether a meeting noun is a gathering named by its host (``host_participles``: "the summit hosted by New
    Delhi"), with no sides of its own ("talks with X", "a meeting between X and Y"): named as the venue of
    something else, it is no event of its own (realnews conventions 14)."""
    hosted = any(c.dep_ == "acl" and c.tag_ == "VBN" and lemma_of(c) in cfg["host_participles"]
                 and any(g.dep_ == "agent" for g in c.children) for c in t.children)
    sides = any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in t.children)
    # "at the Group of 20 leaders' summit": the parser may hang the summit on the group's "of"
    named_as_venue = venue(t, cfg) or t.dep_ == "pobj" and t.head.lower_ == "of" and venue(t.head.head, cfg)
    return hosted and not sides and named_as_venue


def _war_of_words(v, cfg, is_state) -> bool:
    """Whether a verb of a quarrel (``dispute_verbs``) has states as its subject and a topic it is about ("Prague
    and Beijing have clashed over Taiwan"): words, not force."""
    spec = cfg["dispute_verbs"]
    if lemma_of(v) not in spec["verbs"]:
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or not (is_state(subj) or any(c.dep_ == "conj" and is_state(c) for c in subj.children)):
        return False
    return any(c.dep_ == "prep" and c.lower_ in spec["preps"] and not any(
        g.ent_type_ in ("DATE", "TIME") for g in c.subtree) for c in v.children)


def _partyless_topic(t, cfg) -> bool:
    """Whether a meeting noun ahead ("the coming summit": ``future_words``) is only a topic of talk: the object of a
    verb of talking over (``topic_verbs``), or joined to it, with no party of its own (no possessor, no "of",
    "with", "to" or "between" phrase, no state named in it)."""
    if not any(c.dep_ == "amod" and c.lower_ in cfg["future_words"] for c in t.children):
        return False
    cur = t
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "dobj" or lemma_of(cur.head) not in cfg["topic_verbs"]:
        return False
    return not any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "with", "to", "between") or
                   c.ent_type_ in ("GPE", "NORP") for c in t.children)


def _kind_named(noun, spec) -> bool:
    """Whether a noun names a kind, not parties (``generic_heads``): a plural of its nouns, bare or with one of its
    determiners ("countries that ...", "all firms that ...")."""
    return noun.tag_ == "NNS" and lemma_of(noun) in spec["nouns"] and all(
        c.lower_ in spec["determiners"] for c in noun.children if c.dep_ in ("det", "poss", "nummod", "amod", "compound"))


def _condition_mark(v) -> str:
    """The words that open a clause of time: its mark ("once", "when"), or "as soon as" where the parser hung the
    clause on "soon"."""
    mark = next((c.lower_ for c in v.children if c.dep_ == "mark"), "")
    return "as soon as" if mark == "as" and v.head.lower_ == "soon" else mark


def _condition_tense(v) -> bool:
    """Whether a clause of time reads as a condition: in the present or present perfect ("once it is approved",
    "after it has been ratified"), not a past fact ("a day after China unveiled curbs"), with no time of its own."""
    if v.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "was", "were", "did") for c in v.children):
        return False
    return not any(x.ent_type_ in ("DATE", "TIME") for x in v.subtree)


def _align(sentences: list[Sentence], spans) -> list[Sentence | None]:
    """For each spaCy sentence span, the first sentence record that starts in it or covers its
    start. Both lists are in text order and do not overlap, so one pass does it: a record
    that ends before a span starts can match no later span either."""
    out = []
    j = 0
    for sp in spans:
        while j < len(sentences) and sentences[j].end <= sp.start_char and sentences[j].start < sp.start_char:
            j += 1
        s = sentences[j] if j < len(sentences) else None
        hit = s is not None and (sp.start_char <= s.start < sp.end_char or s.start <= sp.start_char < s.end)
        out.append(s if hit else None)
    return out


class _Subtrees:
    """The token indices of the subtree of each token asked for, worked out once per sentence (spaCy walks
    the tree anew each time ``Token.subtree`` is read)."""

    def __init__(self):
        self._of: dict[int, frozenset[int]] = {}

    def __call__(self, tok) -> frozenset[int]:
        got = self._of.get(tok.i)
        if got is None:
            got = self._of[tok.i] = frozenset(x.i for x in tok.subtree)
        return got


def _clause_span(m: EventMention, others: list[EventMention], sdoc, sent: Sentence,
                 subtree: _Subtrees) -> tuple[int, int]:
    """The part of the sentence that reports this event: the clause of its predicate, without the
    clauses of the other events of the sentence, as one contiguous stretch around the trigger
    (`subtree`: the subtrees of the sentence's tokens)."""
    root = m.pred
    other_preds = {o.pred.i for o in others if o is not m} | {o.head.i for o in others if o is not m}
    for _ in range(3):     # "work to establish X": the clause is "work to establish X"
        h = root.head
        if root.dep_ in ("xcomp", "conj") and h.i != root.i and h.pos_ in ("VERB", "AUX") and h.i not in other_preds \
                and not low_conj(root) \
                and h.lemma_.lower() not in Rules.load().cfg["reporting_verbs"]:
            root = h
        else:
            break
    if m.pred.dep_ in ("acl", "relcl") and m.pred.head.i in m.tokens:
        root = m.pred.head       # "The Technology Prosperity Deal, to be signed by ...": name included
    elif m.pred.dep_ == "acl" and m.pred.tag_ == "VBN" and m.pred is m.head and \
            lemma_of(m.pred.head) in Rules.load().cfg["measure_nouns"]:
        root = m.pred.head       # "loosening a ban imposed in June": the measure imposed is named, whoever eases it
    elif m.pred.dep_ == "relcl" and m.pred is m.head and m.pred.head.pos_ in ("NOUN", "PROPN") and m.pred.head.i not in \
            other_preds and any(c.dep_ == "nsubj" for c in m.pred.children) and not any(
                x.dep_ == "dobj" and x.lower_ not in ("that", "which") for x in m.pred.subtree) and not any(
                c.lower_ in ("when", "where", "while", "why") for c in m.pred.children) and \
            m.pred.head.ent_type_ not in ("DATE", "TIME"):
        root = m.pred.head       # "the research centre that the two countries pledged to open": what was pledged
        up = root
        for _ in range(4):      # "limits on exports of the metals that Lima announced": the measure announced
            if up.dep_ not in ("pobj", "prep") or up.head.i == up.i:
                break
            up = up.head
            if up.i in m.tokens:
                root = up
                break
    keep = set(subtree(root)) | subtree(m.head) | set(m.tokens)
    if m.head.dep_ in ("nmod", "compound") and phrase_head(m.head).i in m.tokens:     # "Chile, Peru seal fisheries pact"
        keep |= {i for i in subtree(phrase_head(m.head)) if i <= phrase_head(m.head).i}
    if "trigger.headline_verb" in m.why.get("event_type", []):
        keep |= set(headline_doers(m.head))
    mine = set(m.tokens) | {m.pred.i, m.head.i, root.i} | {x.i for x in root.children if x.dep_ == "det"}
    cols = columns(sdoc)        # (the words' attributes read from the document's columns: no token made for each)
    dep, pos, kids_of = cols.dep, cols.pos, cols.kids
    series = [sdoc[i] for i in sorted(subtree(root)) if dep[i] == "conj" and pos[i] == "VERB" and i not in mine]
    for o in others:
        if o is m:
            continue
        for root in (o.pred, o.head):
            if root.i in keep and root.i not in mine:
                keep -= subtree(root) - mine
        for i in o.tokens:      # "agreed to X in [a memorandum] to be signed by ...": the words folded into another event
            if i in keep and i not in mine and pos[i] == "NOUN" and m.head.i not in subtree(sdoc[i]):
                keep -= subtree(sdoc[i]) - mine
    theirs = {i for o in others if o is not m for i in o.tokens | {o.pred.i, o.head.i}} - mine
    for o in others:
        after = sequel_of(o.head, Rules.load().cfg) if o is not m else None
        if after is not None and after.i not in mine:     # "..., followed by consultations": the next occasion's words
            keep -= subtree(after) - mine
    apart = Rules.load().cfg["clause_marks_apart"]
    for c in [sdoc[i] for i in sorted(keep - mine) if dep[i] == "advcl"]:
        kids = list(c.children)
        if any(k.dep_ == "mark" and k.lower_ in apart for k in kids) and any(k.dep_ in ("nsubj", "nsubjpass") for k in kids):
            keep -= subtree(c) - mine     # "... as Peru raised its ties with Chile": another doer's clause
    for c in series:
        if subtree(c) & theirs:    # "sign a memorandum, and take part in talks": the talks are another's
            keep -= subtree(c) - mine
    changed = True
    while changed:      # "vowed to lift its curbs ahead of [the summit]": no preposition left without its object
        gone = {i for i in keep - mine if dep[i] in ("prep", "agent", "advmod") and pos[i] in ("ADP", "ADV")
                and kids_of[i] and not any(c in keep for c in kids_of[i])}
        keep -= gone
        changed = bool(gone)
    lo = hi = m.head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while lo < hi and (sdoc[lo].is_punct or sdoc[lo].is_space or sdoc[lo].dep_ in ("cc", "mark")):
        lo += 1
    while hi > lo and (sdoc[hi].is_punct or sdoc[hi].is_space or sdoc[hi].dep_ == "cc" or (     # "as well as"
            sdoc[hi].head.dep_ == "cc" and sdoc[hi].head.i > hi)) and sdoc[hi].text not in (")", '"', "”"):
        hi -= 1
    a, b = sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text)
    a, b = max(a, sent.start), min(b, sent.end)
    return (a, b) if b > a else (sent.start, sent.end)


def _stateless_bodies(g: list[EventMention]) -> bool:
    """Whether every party of a group of mentions is an organisation of no known state (and there is one)."""
    parties = [e for m in g for e in m.actors + m.recipients]
    return bool(parties) and all(e.entity_type == "organization" and not e.country for e in parties)


def _follow(m: EventMention, mentions: list[EventMention]) -> None:
    """A sequel ("..., followed by consultations with ...") follows the act whose clause holds its participle:
    it is another occasion of that act's programme, and with no party of its own it has that act's parties."""
    after = m.sequel
    m.sequel = next((o for o in mentions if o is not m and o.sequel is None and after.i in
                     {x.i for x in o.pred.subtree} | {x.i for x in o.head.subtree}), None)
    if m.sequel is not None and not m.actors and not m.recipients:
        m.actors, m.recipients = list(m.sequel.actors), list(m.sequel.recipients)
        m.note("actor", "participants.programme_sequel")
        m.note("recipient", "participants.programme_sequel")


def _calls_on_each(m: EventMention, actors) -> list[EventMention]:
    """A courtesy call on two people of different sides ("would call on the premier as well as the president of
    the commission", ``courtesy_calls``) is one call on each: the second person, coordinated with the first
    (a conjunct of the first, or a phrase after "as well as" on the verb), is split off as a call of its own."""
    if not any(r.startswith("event_rules.json:courtesy_calls") for r in m.why.get("event_type", [])):
        return []
    p = m.pred
    cc = [c.i for c in p.children if c.dep_ == "cc"]
    seconds = [c for c in p.children if c.dep_ in ("conj", "oprd", "dobj", "npadvmod") and any(i < c.i for i in cc)]
    seconds += [k for c in p.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                for k in g.children if k.dep_ == "conj"]
    out = []
    for x in seconds:
        ents = entities_of(actors.in_tokens([y.i for y in x.subtree]))
        theirs = countries_of(ents)
        rest = [r for r in m.recipients if r.country not in theirs]
        if not theirs or not rest:
            continue        # a second person of the same side: one call on both
        call = replace(m, head=x, pred=x, recipients=ents, tokens={x.i}, apart_from=m,
                       why={k: list(v) for k, v in m.why.items()}, topics=list(m.topics))
        call.note("recipient", "participants.call_on_each")
        m.recipients = rest
        out.append(call)
    return out


class EventCoder(TriggerRules, ModalityRules, ParticipantRules, SettingRules, MergeRules, RecordBuilder):
    """Codes a parsed document: each concern is a mixin of its own module (triggers, modality, participants,
    settings, merging, record); this class runs them sentence by sentence and keeps the rules they read."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.rules = Rules.load()
        self.gaz = gazetteer or Gazetteer.default()

    def code(self, document: Document, sdoc, sentences: list[Sentence], actors: DocActors,
             offset: int = 0, sent_spans: list | None = None) -> list[Event]:
        """The events of a document. When `document` is a piece of a longer document starting at
        character `offset` of it, event ids are those of the same events in the whole document.
        Sentences over `nlp.MAX_SENTENCE_TOKENS` tokens are not coded. `sent_spans`: ``list(sdoc.sents)``,
        when the caller has it."""
        mentions: list[EventMention] = []
        state = Discourse(actors)
        if sent_spans is None:
            sent_spans = list(sdoc.sents)
        for sent, span in zip(_align(sentences, sent_spans), sent_spans):
            if sent is None or too_long(span):
                continue
            ms = self._sentence(document, sdoc, span, sent, actors, state)
            mentions.extend(ms)
            state.after_sentence(ms, span, actors)
        events = self._merge(document, mentions)
        # a joint press conference tells the meeting of its parties it is part of: alone, it is no occasion of its own
        events = [g for g in events if not all(m.cls == "meeting" and self._press_event(m.head) for m in g)]
        self._inherit_dates(events)
        self._inherit_places(events)
        # cooperation needs partners: an agreement, meeting or signing with no party found is not written
        # ("partner_types"); a violent or coercive act may be reported without naming who did it
        events = [g for g in events if g[0].type not in self.rules.cfg["partner_types"]
                  or any(m.actors or m.recipients for m in g)]
        # and a dealing between states whose only parties are bodies of no known state is not written either:
        # "Opposition lawmakers from the People's Party called for the contract to be published" tells an analyst
        # of no state's act ("state_party_types")
        events = [g for g in events if g[0].type not in self.rules.cfg["state_party_types"] or not _stateless_bodies(g)]
        # a charge needs someone charged ("target_types": "residents have complained about cracked houses")
        events = [g for g in events if g[0].type not in self.rules.cfg["target_types"] or any(m.recipients for m in g)
                  or any(e.entity_type == "country" or e.sector_code in ("GOV", "MIL") for m in g for e in m.actors)
                  or any(m.mode == "allege" and any(r.startswith("event_rules.json:verb_object_types[")
                                                    for r in m.why.get("event_type", [])) for m in g)]
        # (charges pressed or a suit filed, legal acts told by a verb and its object, are acts of their own)
        return [self._finish(document, e, offset) for e in events]

    def _sentence(self, document, sdoc, span, sent, actors, state) -> list[EventMention]:
        """The event mentions of one sentence: triggers, folded into event heads, each made a mention with
        its modality and participants; mentions of one event merged; time expressions attached."""
        trig, absorbed_noun = self._find_triggers(span, sdoc)
        parent = self._fold(trig, sdoc)
        released = self._split_complements(trig, parent, sdoc)
        mentions = []
        for i, tr in sorted(trig.items()):
            if i in parent or tr.cls == "purpose":
                continue        # "we aim to deepen ties": a purpose, with what it governs, is no event
            t = sdoc[i]
            m = self._make_mention(document, sdoc, span, sent, t, tr, trig, parent, actors, state)
            if m is not None and i in absorbed_noun:
                m.tokens.add(absorbed_noun[i])
            if m is not None and i in released:
                m.note("event_type", "trigger.distinct_complements")
            if m is not None and self._headline_verb(t) is not None:
                m.note("event_type", "trigger.headline_verb")
                if not m.actors:    # "Chile and Peru ink historic partnership": the names the parser hung on the noun
                    m.actors = entities_of(actors.in_tokens(headline_doers(t)))
                    m.note("actor", "participants.headline_doers")
            if m is not None:
                mentions.append(m)
                state.note(m)
        if mentions:
            topics = topics_in(sent.text)     # the sentence's topics are those of each of its mentions
            for m in mentions:
                m.topics = list(topics)
        merged = self._merge_sentence(mentions, sdoc, actors)
        for m in merged:
            if m.sequel is not None:
                _follow(m, merged)
        merged = [x for m in merged for x in [m, *_calls_on_each(m, actors)]]
        self._date_sentence(document, merged, sdoc, span, sent)
        subtrees = _Subtrees()
        for m in merged:
            m.span = _clause_span(m, merged, sdoc, sent, subtrees)
        return merged

    def _make_mention(self, document, sdoc, span, sent, t, tr, trig, parent, actors, state):
        cfg = self.rules.cfg
        folded = {i for i, p in parent.items() if self._root(i, parent) == t.i} | {t.i}
        typ, mode, cls = tr.type, tr.mode, tr.cls
        # the class comes from the most specific folded noun: "sign an agreement" is an accord event
        for i in sorted(folded):
            ft = trig[i]
            tok = sdoc[i]
            direct = tok.dep_ in ("dobj", "nsubjpass", "attr") and (tok.head.i == t.i or tok.head.i in folded)
            direct = direct or (tok.i == t.head.i and t.dep_ in ("acl", "relcl"))
            # "a trip that he had planned but was forced to cancel": the plan folded into the cancellation is told
            # in a clause on the meeting noun, so the cancellation is of that meeting
            direct = direct or (typ == "REJECT" and any(sdoc[j].dep_ in ("acl", "relcl") and sdoc[j].head.i == tok.i
                                                        for j in folded if j != i))
            if i != t.i and ft.cls in ("accord", "meeting") and direct and not generic_plural(tok):
                if typ in ("SUPPORT", "AGREE", "CONSULT", "REJECT") and not (typ == "SUPPORT" and ft.cls == "meeting"):
                    cls = ft.cls
        # a coercive noun counts when a trigger takes it ("vowed sanctions", "pledged to impose sanctions"),
        # not under a word that is none ("pledged to coordinate export controls")
        folded_types = {trig[i].type for i in folded if i != t.i and not (
            trig[i].pos == "N" and trig[i].type in CONFLICT and sdoc[i].head.i not in trig)}
        if typ == "SUPPORT" and tr.lemma in cfg["signing_verbs"] and cls == "event":
            cls = "accord"      # a signing is the signing of something: mentions of it merge
        if cls in ("governs", "reported_request"):
            cls = "event"
        if tr.pos == "N":
            # "launched a mediation effort": the effort is the noun phrase's head
            base = t.head if t.dep_ == "compound" and t.head.lower_ in self.rules.cfg["light_head_nouns"] else t
            pred = self._predicate_of_noun(base)
            if pred is base:
                pred = t
        else:
            pred = t
        m = EventMention(type=typ, mode=mode, cls=cls, head=t, pred=pred, sent=sent, tokens=folded)
        m.note("event_type", tr.rule or f"triggers.tsv:{tr.lemma}/{tr.pos}")
        if mode:
            m.note("mode", tr.rule or f"triggers.tsv:{tr.lemma}/{tr.pos}")
        for i in sorted(folded - {t.i}):
            m.note("folded", trig[i].rule or f"triggers.tsv:{trig[i].lemma}/{trig[i].pos}")
        obj = next((c for c in pred.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"), None)
        if obj is not None and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                                   for c in obj.children):
            m.ref_object = obj.lower_
        m.folded_types = folded_types
        m.governs = tr.cls == "governs"
        m.report = self._under_report(pred)
        # noun triggers need a reason to be events
        if tr.pos == "N":
            if not self._noun_is_event(t, pred, tr, actors, m):
                return None
        # modality
        self._modality(m, t, pred, folded, sdoc)
        if m.cls == "meeting" and any(c.dep_ in ("npadvmod", "advmod", "prep") and " ".join(
                x.lower_ for x in c.subtree) in cfg["habitual_cues"] for c in pred.children):
            return None     # "the council meets twice a year": a standing arrangement, not a meeting held
        if pred.dep_ == "relcl" and _kind_named(pred.head, cfg["generic_heads"]):
            return None     # "suppliers based in countries that have not signed the convention": a kind described
        if course_not_taken(pred, cfg["alternative_marks"]):
            return None     # "should be revoked rather than suspended", "instead of imposing sanctions": not done
        if m.possible and m.aux_mode != "negation" and self._conditional_coercion(m, pred):
            m.possible = False      # "could exclude X if ...": a threat (recoded below), not a mere possibility
        if m.possible and m.aux_mode != "negation":
            return None     # "the council can promote collaboration": a possibility, not an event
        if pred.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cfg["hypothetical_marks"] for c in pred.children):
            return None     # "will lift its curbs if Seoul withdraws the complaint": a condition, not an event
        if any(any(c.dep_ == "nsubj" and c.lower_ in cfg["generic_subjects"] for c in v.children) and any(
                c.dep_ == "aux" and c.lower_ in cfg["generic_modals"] for c in v.children)
               for v in [pred] + ([pred.head] if pred.dep_ in ("dobj", "xcomp") else [])):
            return None     # "you can't have a summit when only three turn up": a general remark, no event
        if pred.dep_ == "advcl" and _condition_mark(pred) in cfg["pending_condition_marks"] and _put_ahead(
                pred.head.head if pred.head.lower_ == "soon" else pred.head, cfg) and _condition_tense(pred):
            return None     # "will sign the deal once it has been approved": a condition still to be met
        if m.type == "AGREE" and m.governs and self._abstract_commitment(t, folded):
            return None     # "reaffirmed their shared vision", "committed to the rule of law": no partner, no act
        if tr.pos == "V" and self._content_subject(pred, folded):
            return None     # "the accord will deepen ties", "the action aims to ...": what a thing does, no event
        if tr.pos == "V" and m.type in cfg["habitual_present_types"] and self._habitual_present(pred, sent):
            return None     # "Russia supplies a quarter of the uranium US plants use": a standing state, no act
        if tr.pos == "V" and self._plan_not_told(t, trig):
            return None     # "had hoped to present the memorandum", "the plants that firms have planned": no plan told
        if pred.dep_ in ("ccomp", "acl") and lemma_of(pred.head) in cfg["accusation_nouns"] and pred.head.pos_ == "NOUN":
            return None     # "rejected claims that its firms helped Russia": what a charge says, not an act told
        if tr.pos == "V" and _war_of_words(t, cfg, lambda x: x.ent_type_ in ("GPE", "NORP") or getattr(
                actors.owner.get(x.i), "kind", None) in ("country", "capital")):
            return None     # "Prague and Beijing have clashed over Taiwan before": a quarrel, not force
        if self._pending_obligation(pred):
            return None     # "the package still has to be approved by parliament": a step still required
        if m.type == "REQUEST" and self._question_frame(pred):
            return None     # "when asked about the deal, he said": the frame of a reply, no request
        if self._participle_description(t, tr):
            return None     # "a centre to be set up ..., funded by German aid": how a thing is paid for, no act
        # participants
        self._participants(m, t, pred, folded, sdoc, actors, state)
        if (tr.pos == "N" and tr.cls == "meeting" or tr.pos == "V" and t.dep_ == "acl") and \
                _hosted_gathering(t if tr.pos == "N" else t.head, cfg):
            return None     # "met Modi at the G20 summit hosted by New Delhi": a host's gathering as the venue
        if tr.pos == "N" and tr.cls == "meeting" and venue(t, cfg) and (m.actors or m.recipients) and all(
                e.country in NON_STATE for e in m.actors + m.recipients):
            return None     # "ahead of the G7 summit", "during the forum's meeting": a venue, not an event
        summoned = next((c for c in t.children if c.dep_ == "dobj"), None) if tr.pos == "V" else None
        if tr.pos == "V" and lemma_of(t) in cfg["summons"]["verbs"] and (not m.recipients or summoned is not None) and (
                summoned is None or lemma_of(summoned) not in cfg["summons"]["envoys"] and not named_party(summoned)):
            return None     # "the Senate committee summoned the managing director of the state firm": a hearing
        if m.type == "ACCUSE" and tr.pos == "V" and lemma_of(t) in cfg["blame_without_party"] and not m.recipients:
            return None     # "officials blamed delays in the licence": a cause named, no charge against a party
        if tr.pos == "V" and not m.actors and tr.rule != "event_rules.json:money_to_come" and \
                self._thing_predicted(pred, actors):
            m.note("event_type", "event_rules.json:thing_predictions")
            return None     # "the centre would give Serbian researchers computing power": what a thing is to do
            #                 (money to come, "a second tranche would follow", is a promise of its giver)
        if tr.pos == "N" and m.type in cfg["partyless_kinds"] and not m.actors and not m.recipients and generic_plural(t):
            m.note("event_type", "event_rules.json:partyless_kinds")
            return None     # "to protect critical infrastructure from ransomware attacks": a kind of act, no event
        if m.report and m.actors and m.type in VERBAL_TYPES:
            self._speaker_for_state(m, pred, actors)
        if tr.cls == "reported_request":
            # "Russia said Sudan must return ...": the speaker asks, the clause's subject is asked
            rep = t.head
            while rep.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in rep.children) and rep.head.i != rep.i:
                rep = rep.head      # "the ministry welcomed ... but repeated that ...": the first verb's speaker
            rep_subj = [c for c in rep.children if c.dep_ == "nsubj"]
            own_subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            asked = actors.in_tokens([i for c in own_subj for i in np_tokens(c, True, cfg["frame_nouns"])])
            asker = actors.in_tokens([i for c in rep_subj for i in np_tokens(c, True, cfg["frame_nouns"])])
            askers = entities_of(asker) or ([e for c in rep_subj if c.pos_ == "PRON" for e in state.resolve(c, sdoc)]
                                            if tr.rule == "event_rules.json:hoped_acts" else [])
            if askers:      # ("said it hoped Sri Lanka would allow ...": "it" is the speaker)
                m.note("actor", "participants.reported_request")
                m.note("recipient", "participants.reported_request")
                m.actors = askers
                m.recipients = dedupe(entities_of(asked) + [e for e in m.recipients
                                                           if e.entity_name not in {a.entity_name for a in m.actors}])
                if tr.rule == "event_rules.json:reported_wrongdoing" and asked:
                    m.recipients = entities_of(asked)   # "had colluded with X": X is part of the charge, not charged
        self._recode(m, t, pred, sdoc, actors, state)
        if tr.pos == "N" and tr.cls == "meeting" and _partyless_topic(t, cfg):
            return None     # "discussed the South China Sea and the coming ASEAN summit": a topic, not a plan of theirs
        if tr.pos == "N" and tr.cls == "meeting" and any(
                c.dep_ == "amod" and c.lower_ in self.rules.cfg["future_words"] for c in t.children):
            # "did not mention Ostrowski's planned trip": whatever the sentence says of it, a trip was planned
            m.type, m.mode, m.aux_mode, m.future = "AGREE", "", None, True
            m.note("event_type", "event_rules.json:future_words")
        if m.aux_mode == "negation" and not cfg["keep_negated"]:
            return None     # "we are not retreating", "a move it did not criticise": what did not happen (PLOVER.md)
        if m.aux_mode == "hypothetical" and not cfg["keep_hypothetical"]:
            return None     # "declined to say whether Abe would meet Stubb": an open question, nothing told as done
        # place, agreement (the topics are the sentence's: `_sentence`)
        m.location, rule = self._location(pred, t, folded, sdoc, span, actors)
        if m.location is None:
            m.location = self._described_destination(pred, folded, sdoc, state)
            rule = "place.described_destination"
        if m.location is not None:
            m.note("location", rule)
        if m.cls == "accord":
            m.agreement = self._agreement(sent, t, folded, sdoc)
            m.cls = "accord"
        elif m.type in ("AGREE", "SUPPORT", "CONSULT") and m.aux_mode is None:
            m.agreement = self._clause_agreement(m, pred, folded, sdoc)
        return m
