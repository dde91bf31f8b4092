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

import csv
import datetime as _dt
import functools
import hashlib
import re
from dataclasses import dataclass, field

from . import dates as dates_mod
from . import lexicon
from .actors import DocActors, Mention, describe_pair, is_person_description
from .knowledge import load_knowledge
from .model import Document, Entity, Event, Evidence, Location, Sentence
from .nlp import too_long
from .places import Gazetteer
from .topics import find_agreements, topics_in

OTHER_TIME = re.compile(r"\b(earlier|previously|before|ago|once|formerly|in the past)\b|\bhad\s+(?:been\s+)?\w+(?:ed|en)\b"
                        r"|\blast\s+(?:week|month|year|decade|spring|summer|autumn|fall|winter|\w+day)\b")
VERBAL_TYPES = {"AGREE", "SUPPORT", "REJECT", "ACCUSE", "REQUEST", "THREATEN", "CONCEDE"}
LOCATED_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "CONCEDE", "RETREAT", "SANCTION"}
# a cheap test before the date module's full scan: digits, month and day names, relative words
MAYBE_TIME = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b|"
    r"\b(?:today|tonight|yesterday|tomorrow|day|week|weekend|month|year|decade|century|ago|earlier|later|"
    r"last|next|this|coming|past|recent|recently|soon|early|late|mid|end|beginning|christmas|easter|"
    r"thanksgiving|eve|morning|afternoon|evening|night|dawn|noon|midnight|fiscal|quarter|season|spring|"
    r"summer|autumn|fall|winter|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|nineteen|now|then|once|date|time|times)\b", re.I)
TRIGGER_POS = {"VERB", "AUX", "NOUN", "PROPN", "ADJ"}
_NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
KIND_RANK = {"memorandum of understanding": 5, "treaty": 5, "trade deal": 4, "accord": 3, "pact": 3, "partnership": 2,
             "agreement": 1, "deal": 1}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str
    cls: str


@dataclass
class Rules:
    verbs: dict
    phrasal: dict          # (verb lemma, particle/object lemma) -> Trigger
    nouns: dict
    noun_phrases: dict     # "export controls" -> Trigger
    cfg: dict

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> "Rules":
        verbs, phrasal, nouns, noun_phrases = {}, {}, {}, {}
        rows = []
        for path in lexicon.files("triggers.tsv"):  # the built-in table, then those of $PACTWATCH_DATA
            with path.open(encoding="utf-8") as f:
                rows += [r for r in csv.reader((l for l in f if l.strip() and not l.startswith("#")), delimiter="\t")
                         if r and r[0].strip().lower() != "lemma"]  # each file may start with the header
        for r in rows:
            r = (r + ["", "", "", "", ""])[:5]
            t = Trigger(r[0].strip().lower(), r[1].strip(), r[2].strip(), r[3].strip(), r[4].strip() or "event")
            words = t.lemma.split()
            if t.pos == "V":
                if len(words) == 1:
                    verbs[t.lemma] = t
                else:
                    phrasal[(words[0], words[-1])] = t
            else:
                if len(words) == 1:
                    nouns[t.lemma] = t
                else:
                    noun_phrases[t.lemma] = t
        cfg = lexicon.read_json("event_rules.json")
        for k, v in list(cfg.items()):
            if isinstance(v, list):
                cfg[k] = set(v)
        inflections = {}
        for lemma in list(verbs) + [k[0] for k in phrasal]:
            for form in _inflect(lemma):
                inflections.setdefault(form, lemma)
        cfg["inflections"] = inflections
        return cls(verbs, phrasal, nouns, noun_phrases, cfg)


@dataclass
class EventMention:
    type: str
    mode: str
    cls: str
    head: object                  # spaCy token of the trigger
    pred: object                  # the verb the event hangs on (the trigger itself for verbs)
    sent: Sentence
    tokens: set = field(default_factory=set)      # trigger tokens folded into this event
    actors: list = field(default_factory=list)    # Entities
    recipients: list = field(default_factory=list)
    aux_mode: str | None = None
    future: bool = False
    anaphoric: bool = False
    described: bool = False       # participants came from a description ("the two officials")
    date: dates_mod.TimeExpr | None = None
    vague_time: bool = False
    location: Location | None = None
    topics: list = field(default_factory=list)
    agreement: dict | None = None
    report: bool = False          # under a reporting verb
    folded_types: set = field(default_factory=set)
    governs: bool = False
    span: tuple = (0, 0)          # evidence: character span of the event's clause
    frame_of: object = None       # "proposed it at their talks in February": the talks are the setting of this event
    frame_offset: bool = False    # "five months after their first talks": the setting lies a stated time away
    ref_object: str | None = None  # "launched the fund": a definite object, pointing back to an earlier mention


def _inflect(lemma: str) -> set[str]:
    """Regular English forms of a verb, to repair the small model's lemmatiser ("hopes" -> "hop")."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", lemma) and len(lemma) <= 5:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_INFLECTIONS: dict[str, str] = {}


def _lemma(t) -> str:
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        if not _INFLECTIONS:
            _INFLECTIONS.update(Rules.load().cfg["inflections"])
        fixed = _INFLECTIONS.get(t.lower_)
        if fixed:
            return fixed
    return t.lemma_.lower()


class EventCoder:
    def __init__(self, gazetteer: Gazetteer | None = None):
        self.rules = Rules.load()
        self.gaz = gazetteer or Gazetteer.default()

    # ------------------------------------------------------------------ triggers
    def _trigger(self, t):
        """The trigger a token starts, or None."""
        r = self.rules
        lem = _lemma(t)
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and t.dep_ in ("acomp",)) or t.tag_.startswith("VB"):
            if t.pos_ == "AUX" and lem not in ("be",):
                return None
            if t.dep_ in ("amod", "compound") and t.tag_ in ("VBN", "VBG"):
                return None     # "a shared ecosystem", "the growing importance"
            if t.dep_ == "prep":
                return None     # "Given the risks", "Following the talks": a verb used as a preposition
            # phrasal verbs and verb + object idioms
            for c in t.children:
                cl = _lemma(c)
                if c.dep_ in ("prt", "prep", "dobj", "acomp", "advmod"):
                    for key in ((lem, cl), (lem, c.lower_)):
                        if key in r.phrasal:
                            if f"{key[0]} {key[1]}" in r.cfg["courtesy_calls"] and not any(
                                    x.dep_ == "aux" and x.lower_ == "to" for x in t.subtree):
                                return Trigger(lem, "V", "CONSULT", "visit", "meeting")   # "will call on the king"
                            return r.phrasal[key]
                if lem == "be" and c.dep_ == "acomp" and ("be", cl) in r.phrasal:
                    return r.phrasal[("be", cl)]
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
                return Trigger(lem, "V", "COOPERATE", "", "event")   # "will jointly develop frameworks"
            return tr
        if t.pos_ in ("NOUN", "PROPN"):
            lem = t.lower_ if t.lower_ in r.nouns or t.lower_ in ("talks", "negotiations") else lem
            comp = [c for c in t.children if c.dep_ in ("compound", "amod") and c.i == t.i - 1]
            if comp:
                for phrase in (f"{comp[0].lower_} {t.lower_}", f"{comp[0].lower_} {lem}"):
                    if phrase in r.noun_phrases:
                        found = r.noun_phrases[phrase]
                        return None if found.cls == "none" else found     # "a press release"
            if t.pos_ == "PROPN" and lem not in ("deal", "agreement", "accord", "treaty", "pact", "summit"):
                return None
            if lem == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
                return None     # "a call for proposals" is no telephone call
            if lem == "memorandum" or t.lower_ == "mou":
                return r.nouns.get("memorandum")
            tr = r.nouns.get(lem)
            if tr is not None and tr.type == "THREATEN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) \
                    and not any(c.dep_ == "poss" for c in t.children):
                return None     # "the threat of war": a danger described, not a threat someone made
            if tr is not None and tr.type == "COERCE" and any(
                    c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
                        g.dep_ == "pobj" and _lemma(g) in r.cfg["economic_targets"] for g in c.children)
                    for c in list(t.children) + (list(t.head.children) if t.dep_ == "dobj" else [])):
                return Trigger(lem, "N", "SANCTION", "discontinue", "event")   # "a crackdown on its chip industry"
            if tr is not None and tr.type in ("REQUEST", "AID") and any(
                    c.dep_ == "prep" and c.lower_ == "for" and any(
                        g.dep_ == "pobj" and _lemma(g) in r.cfg["non_material_objects"] for g in c.children)
                    for c in t.children):
                return None     # "requests for comment": asking a newsroom question is no diplomatic request
            return tr
        return None

    # ------------------------------------------------------------------ main entry
    def code(self, document: Document, sdoc, sentences: list[Sentence], actors: DocActors,
             offset: int = 0) -> list[Event]:
        """The events of a document. When `document` is a piece of a longer document starting at
        character `offset` of it, event ids are those of the same events in the whole document.
        Sentences over `nlp.MAX_SENTENCE_TOKENS` tokens are not coded."""
        mentions: list[EventMention] = []
        state = _Discourse(actors)
        sent_spans = list(sdoc.sents)
        for sent, span in zip(_align(sentences, sent_spans), sent_spans):
            if sent is None or too_long(span):
                continue
            ms = self._sentence(document, sdoc, span, sent, actors, state)
            mentions.extend(ms)
            state.after_sentence(ms, span, actors)
        events = self._merge(document, mentions)
        self._inherit_dates(events)
        return [self._finish(document, e, offset) for e in events]

    # ------------------------------------------------------------------ one sentence
    def _sentence(self, document, sdoc, span, sent, actors, state) -> list[EventMention]:
        r = self.rules
        cfg = r.cfg
        trig = {}
        absorbed_noun: dict[int, int] = {}     # verb -> its object noun ("held" -> "talks")
        for t in span:
            if t.pos_ not in TRIGGER_POS and not t.tag_.startswith("VB"):
                continue
            tr = self._trigger(t)
            if tr is None:
                continue
            trig[t.i] = tr
            # verb + object idioms: "hold talks", "lift sanctions", "send troops"
        heads: dict[int, dict] = {}
        for t in span:
            if t.pos_ not in ("VERB", "AUX") and not t.tag_.startswith("VB"):
                continue
            obj = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "attr")), None)
            if obj is not None and obj.lower_ in ("which", "that") and t.dep_ == "relcl":
                obj = t.head      # "the fund, which Australia launched": the fund was launched
                if obj.dep_ == "pobj" and obj.head.head.pos_ == "NOUN" and _lemma(obj) not in cfg["commitment_objects"]:
                    obj = obj.head.head     # "the fund on critical minerals, which ..."
            if obj is not None and _lemma(t) in cfg["receive_verbs"] and t.i in trig and trig[t.i].type == "CONSULT" \
                    and obj.pos_ == "NOUN" \
                    and not obj.ent_type_ and _lemma(obj) not in cfg["visitor_nouns"]:
                trig.pop(t.i)     # "has received 60 applications" is no visit
                continue
            thing = obj if obj is not None else (t.head if t.dep_ == "acl" and t.tag_ == "VBN" else None)
            if thing is not None and t.i in trig and trig[t.i].type in ("RETREAT", "AID") and \
                    _lemma(thing) in cfg["non_material_objects"]:
                trig.pop(t.i)     # "released a roadmap", "a statement released after", "gave details"
                continue
            if obj is None:
                continue
            prt = next((c.lower_ for c in t.children if c.dep_ == "prt"), None)
            verb = f"{_lemma(t)} {prt}" if prt else _lemma(t)     # "called off a visit" is not "call"
            key = f"{verb}|{_lemma(obj)}"
            alt = f"{verb}|{obj.lower_}"
            spec = cfg["verb_object_types"].get(key) or cfg["verb_object_types"].get(alt) or \
                self._commitment_spec(verb, obj, trig)
            if spec:
                typ, mode, cls = spec
                if cls == "none":
                    trig.pop(t.i, None)
                    trig.pop(obj.i, None)
                    continue
                trig[t.i] = Trigger(_lemma(t), "V", typ, mode, cls)
                absorbed_noun[t.i] = obj.i
                trig.pop(obj.i, None)

        # "Russia said Sudan must return the helicopter": a demand reported as a statement
        for t in span:
            if t.pos_ == "VERB" and t.dep_ == "ccomp" and _lemma(t.head) in cfg["request_frames"] and any(
                    c.dep_ == "aux" and c.lower_ in cfg["request_modals"] for c in t.children):
                trig[t.i] = Trigger(_lemma(t), "V", "REQUEST", "", "reported_request")
        # fold triggers into event heads
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
            if tr.pos == "V" and t.dep_ in ("acl", "relcl") and h.i in trig and trig[h.i].pos == "N" \
                    and trig[h.i].cls in ("accord", "meeting") and h.i not in parent:
                parent[h.i] = i
            # a gerund under a preposition that nothing takes over ("centers on expanding ties") is no event
            elif tr.pos == "V" and t.tag_ == "VBG" and t.dep_ in ("pcomp", "pobj") and not (
                    tr.cls == "meeting" and t.head.lower_ in cfg["frame_preps"]):
                parent[i] = -1      # but "said after meeting officials in Adelaide" reports the meeting
            # a relative clause in the simple present describes, it does not report ("a list, which bars ...")
            elif tr.pos == "V" and t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP") and tr.cls != "governs" and not any(
                    c.dep_ == "aux" for c in t.children):
                parent[i] = -1
        mentions = []
        for i, tr in sorted(trig.items()):
            if i in parent or tr.cls == "purpose":
                continue        # "we aim to deepen ties": a purpose, with what it governs, is no event
            t = sdoc[i]
            m = self._make_mention(document, sdoc, span, sent, t, tr, trig, parent, actors, state)
            if m is not None and i in absorbed_noun:
                m.tokens.add(absorbed_noun[i])
            if m is not None:
                mentions.append(m)
                state.note(m)
        # merge same-type mentions of one sentence (conjoined verbs: "met ... and discussed")
        self._frames(mentions, sdoc, actors)
        merged: list[EventMention] = []
        for m in mentions:
            tgt = next((x for x in merged if x.type == m.type and x.cls == m.cls and not _framing(x, m) and (
                (m.head.dep_ == "conj" and m.head.head.i in x.tokens or x.head.dep_ == "conj" and x.head.head.i in m.tokens)
                and (m.cls == "meeting" or not _distinct_objects(x, m)) and not _own_subject(x, m)
                or (m.anaphoric or x.anaphoric) and _compatible(x, m))), None)
            if tgt is not None:
                _absorb(tgt, m)
            else:
                merged.append(m)
        tes = self._time_expressions(document, sent)
        for te in tes:
            self._attach_time(te, merged, sdoc, span, sent)
        for m in merged:
            if m.date is None:
                # "announced the signing when they met in Brasilia in February": at that time
                when = next((x for x in merged if x is not m and x.date is not None and x.date.value and
                             x.pred.dep_ == "advcl" and x.pred.head.i == m.pred.i and any(
                                 c.dep_ == "advmod" and c.lower_ in ("when", "as", "while") for c in x.pred.children)), None)
                if when is not None:
                    m.date = when.date
        for m in merged:
            f = m.frame_of
            if f is not None and f.date is None and m.date is not None and m.date.value and \
                    m.head.head.lower_ in ("at", "during") and not m.frame_offset:
                f.date = m.date      # "proposed it at their talks in Santiago in March": then
            if f is not None and m.date is None and f.date is not None and f.date.value:
                if not m.frame_offset:
                    m.date = f.date
                else:
                    back = _offset_date(m, f.date.value)     # "five months after their first talks"
                    if back:
                        m.date = dates_mod.TimeExpr(f.date.start, f.date.end, None, back[0], back[1])
        for m in merged:
            m.span = _clause_span(m, merged, sdoc, sent)
        return merged

    def _frames(self, mentions, sdoc, actors) -> None:
        """Link each setting ("at their talks in Ottawa", "after talks with X") to the event it frames,
        and give it that event's participants when it names none of its own."""
        cfg = self.rules.cfg
        for m in mentions:
            prep = _frame_prep(m.head, None, cfg)
            if prep is None or m.cls != "meeting":
                continue
            m.frame_offset = any(c.dep_ == "npadvmod" for c in prep.children)
            owner = prep.head
            m.frame_of = next((x for x in mentions if x is not m and (owner.i in x.tokens or owner.i == x.pred.i)), None)
            if m.frame_of is not None:
                if not m.actors or m.described:
                    m.actors = list(m.frame_of.actors)
                    m.described = m.described and not m.actors
                    names = {e.entity_name for e in m.actors}
                    m.recipients = _dedupe([e for e in m.recipients + m.frame_of.recipients if e.entity_name not in names])
            elif not m.actors:
                # "the ministers said after talks in New Delhi": the speakers met
                subj = [c for c in owner.children if c.dep_ in ("nsubj", "nsubjpass")]
                found = actors.in_tokens([i for c in subj for i in _np_tokens(c, True, cfg["frame_nouns"])])
                if found:
                    m.actors = _entities(found)
                    names = {e.entity_name for e in m.actors}
                    m.recipients = [e for e in m.recipients if e.entity_name not in names]

    def _commitment_spec(self, verb: str, obj, trig) -> list | None:
        """Announcing something to be set up is a promise; setting it up is cooperation:
        "announced a joint laboratory" (AGREE), "launched the fund" (COOPERATE)."""
        cfg = self.rules.cfg
        noun = obj.lower_ if obj.lower_ in cfg["commitment_objects"] else _lemma(obj)
        if noun not in cfg["commitment_objects"]:
            return None
        if obj.i in trig and trig[obj.i].type not in ("AGREE", "COOPERATE"):
            return None
        if verb in cfg["announce_verbs"]:
            return ["AGREE", "", "event"]
        if verb in cfg["creation_verbs"] and noun not in ("plan", "plans"):
            return ["COOPERATE", "", "event"]
        return None

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
        if _frame_prep(t, trig, cfg) is not None:
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
            elif dep in ("conj", "relcl", "advcl", "parataxis", "appos", "nsubj", "nsubjpass", "csubj", "acl"):
                if not (dep == "acl" and cur.tag_ in ("VBG",) and h.pos_ in ("NOUN",)):
                    return None
            if dep not in ("dobj", "pobj", "prep", "compound", "amod", "nmod", "poss", "attr", "oprd", "pcomp"):
                nominal_path = False
            if h.i in trig:
                ht = trig[h.i]
                if ht.pos == "V":
                    if ht.cls in ("governs", "purpose") and dep not in ("nsubj", "nsubjpass"):
                        return h.i
                    if tt is not None and tt.pos == "N" and nominal_path and steps <= 4:
                        return h.i
                    if infinitival:
                        return h.i
                    if tt is not None and tt.pos == "V" and dep == "xcomp" and ht.type == tt.type:
                        return h.i
                    return None
                if ht.pos == "N":
                    if tt is not None and tt.pos == "N" and nominal_path and steps <= 3:
                        return h.i      # "summit talks", "agreement on cooperation"
                    if infinitival or (dep == "acl" and cur.tag_ == "VBG"):
                        return h.i
                    return None
            if _lemma(h) in cfg["reporting_verbs"] and h.pos_ == "VERB":
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

    # ------------------------------------------------------------------ build one event mention
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
            if i != t.i and ft.cls in ("accord", "meeting") and direct and not _generic_plural(tok):
                if typ in ("SUPPORT", "AGREE", "CONSULT", "REJECT") and not (typ == "SUPPORT" and ft.cls == "meeting"):
                    cls = ft.cls
        # a coercive noun counts when a trigger takes it ("vowed sanctions", "pledged to impose sanctions"),
        # not under a word that is none ("pledged to coordinate export controls")
        folded_types = {trig[i].type for i in folded if i != t.i and not (
            trig[i].pos == "N" and trig[i].type in CONFLICT and sdoc[i].head.i not in trig)}
        if typ == "SUPPORT" and tr.lemma in ("sign", "ratify", "finalize", "finalise", "conclude") and cls == "event":
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
        if pred.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cfg["hypothetical_marks"] for c in pred.children):
            return None     # "will lift its curbs if Seoul withdraws the complaint": a condition, not an event
        if m.type == "AGREE" and m.governs and folded == {t.i} and self._abstract_commitment(t):
            return None     # "reaffirmed their shared vision", "committed to the rule of law": no partner, no act
        if tr.pos == "V" and self._content_subject(pred, folded):
            return None     # "the accord will deepen ties", "the action aims to ...": what a thing does, no event
        # participants
        self._participants(m, t, pred, folded, sdoc, actors, state)
        if tr.pos == "N" and tr.cls == "meeting" and _venue(t, cfg) and (m.actors or m.recipients) and all(
                e.country in _NON_STATE for e in m.actors + m.recipients):
            return None     # "ahead of the G7 summit", "during the forum's meeting": a venue, not an event
        if m.report and m.actors and m.type in VERBAL_TYPES:
            self._speaker_for_state(m, pred, actors)
        if tr.cls == "reported_request":
            # "Russia said Sudan must return ...": the speaker asks, the clause's subject is asked
            rep_subj = [c for c in t.head.children if c.dep_ == "nsubj"]
            own_subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            asked = actors.in_tokens([i for c in own_subj for i in _np_tokens(c, True, cfg["frame_nouns"])])
            asker = actors.in_tokens([i for c in rep_subj for i in _np_tokens(c, True, cfg["frame_nouns"])])
            if asker:
                m.actors = _entities(asker)
                m.recipients = _dedupe(_entities(asked) + [e for e in m.recipients
                                                           if e.entity_name not in {a.entity_name for a in m.actors}])
        self._recode(m, t, pred, sdoc, actors, state)
        if tr.pos == "N" and tr.cls == "meeting" and any(
                c.dep_ == "amod" and c.lower_ in self.rules.cfg["future_words"] for c in t.children):
            # "did not mention Ostrowski's planned trip": whatever the sentence says of it, a trip was planned
            m.type, m.mode, m.aux_mode, m.future = "AGREE", "", None, True
        # place, topics, agreement
        m.location = self._location(pred, t, folded, sdoc, span, actors)
        m.topics = topics_in(sent.text)
        if m.cls == "accord":
            m.agreement = self._agreement(sent, t, folded, sdoc)
            m.cls = "accord"
        elif m.type in ("AGREE", "SUPPORT", "CONSULT") and m.aux_mode is None:
            m.agreement = self._clause_agreement(m, pred, folded, sdoc)
        return m

    @staticmethod
    def _clause_agreement(m, pred, folded, sdoc) -> dict | None:
        """The agreement named in the event's own clause that it signs, promises to sign or negotiates:
        "would sign a green hydrogen partnership", "met to work on the text of a partnership"."""
        words = {_lemma(sdoc[i]) for i in folded} | {_lemma(pred)}
        if m.type != "CONSULT" and not words & {"sign", "signing", "ratify", "conclude"}:
            return None
        other = set()
        for c in pred.children:
            if c.dep_ in ("conj", "advcl", "ccomp", "parataxis", "relcl", "cc") and not (
                    c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
                other.update(x.i for x in c.subtree)     # other clauses; not a purpose ("met to work on")
        text = " ".join(x.text for x in pred.subtree if x.i not in other)
        found = find_agreements(text)
        if m.type == "CONSULT":
            # only what the talks were about: "negotiations on a memorandum", "the text of a partnership"
            found = [f for f in found if re.search(r"\b(?:negotiat\w*|talks|text|terms|draft)\s+(?:\w+\s+){0,4}?"
                                                    r"(?:on|of|over|for)\s+(?:\w+\s+){0,4}$", text[:f[0]], re.I)]
        return _pick_agreement(found)

    def _abstract_commitment(self, t) -> bool:
        """Whether a promise's only object is an abstract order or vision (``abstract_objects``)."""
        objs = [c for c in t.children if c.dep_ in ("dobj", "attr")]
        for c in t.children:
            if c.dep_ == "acomp":      # "are committed to the rule of law"
                objs.extend(g for p_ in c.children if p_.dep_ == "prep" and p_.lower_ == "to"
                            for g in p_.children if g.dep_ == "pobj")
            if c.dep_ == "prep" and c.lower_ == "to":
                objs.extend(g for g in c.children if g.dep_ == "pobj")
        return bool(objs) and all(_lemma(o) in self.rules.cfg["abstract_objects"] for o in objs)

    def _content_subject(self, pred, folded) -> bool:
        """Whether the clause's subject is an agreement, a measure or a document (``content_subjects``):
        such a clause tells what the thing says, does or aims at; the deal's signing is the event."""
        cfg = self.rules.cfg
        cur = pred
        active = not any(c.dep_ == "auxpass" for c in pred.children)
        for _ in range(3):
            # "the surveys are expected to conclude": the subject of the verb the event hangs on
            subj = next((c for c in cur.children if c.dep_ == "nsubj" or
                         c.dep_ == "nsubjpass" and cur is not pred and active), None)
            if subj is not None:
                if subj.lower_ in ("which", "that") and cur.dep_ == "relcl":
                    subj = cur.head
                if subj.i not in folded and _lemma(subj) in cfg["content_subjects"]:
                    return True
                if cur.dep_ in ("ccomp", "xcomp") and _lemma(cur.head) in cfg["enabling_verbs"]:
                    cur = cur.head      # "the memorandum would allow the agencies to share data"
                    continue
                return False
            if cur.dep_ == "relcl" and cur.head.i != cur.i:
                return False
            if cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
                cur = cur.head
                continue
            return False
        return False

    def _speaker_for_state(self, m, pred, actors) -> None:
        """"Bae added that South Korea hopes ...": an official speaking of his own state acts for it."""
        cur = pred
        for _ in range(3):
            if cur.dep_ == "ccomp" and _lemma(cur.head) in self.rules.cfg["reporting_verbs"]:
                subj = [c for c in cur.head.children if c.dep_ == "nsubj"]
                speakers = [x.entity for x in actors.in_tokens([i for c in subj for i in _np_tokens(
                    c, False, self.rules.cfg["frame_nouns"])]) if x.kind == "person"]
                states = {e.country for e in m.actors}
                names = {e.entity_name for e in m.actors}
                m.actors = [e for e in speakers if e.country in states and e.entity_name not in names] + m.actors
                return
            if cur.head.i == cur.i:
                return
            cur = cur.head

    def _recode(self, m, t, pred, sdoc, actors, state):
        """PLOVER's coding rules that depend on modality and participants."""
        cfg = self.rules.cfg
        conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("unless", "if") for g in c.children)
                          for c in pred.children)
        # a refusal: "will not accept", "failed to reach agreement" (negated agreement or support)
        if m.aux_mode == "negation" and m.type in ("AGREE", "SUPPORT") and not m.future:
            m.type, m.mode, m.aux_mode = "REJECT", "", None
            return
        if m.aux_mode == "negation" and m.type in ("AGREE", "SUPPORT", "COOPERATE", "CONSULT") and m.future:
            m.type, m.mode, m.aux_mode, m.future = "REJECT", "", None, False
            return
        if m.type == "AGREE" and m.governs and _lemma(pred) in cfg["decision_verbs"] and \
                m.folded_types & {"CONCEDE", "RETREAT"}:
            m.type, m.mode, m.future = "CONCEDE", "", False     # "decided to lift its curbs": a concession
            return
        if m.future and m.type in ("SANCTION", "COERCE") and any(c in m.sent.text.lower() for c in cfg["immediate_cues"]):
            m.future = False       # "will ban exports with immediate effect": done, not threatened
        if m.type == "AGREE" and m.governs and m.folded_types & {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}:
            m.type, m.mode = "THREATEN", ""      # "vowed to retaliate", "pledged to impose sanctions"
            return
        if m.future and m.type == "MOBILIZE" and any(c in m.sent.text.lower() for c in cfg["alongside_cues"]):
            m.type, m.mode = "AGREE", ""     # "will deploy to the region, working alongside its navy": a joint plan
        if m.future and (m.type in CONFLICT - {"REQUEST", "ACCUSE", "REJECT", "THREATEN"} or
                         (conditional and m.type in ("RETREAT", "SANCTION", "REJECT"))):
            # announcing a future coercive act is a threat: "will impose", "would boycott", "will withdraw unless"
            m.mode = {"SANCTION": "restrict", "ASSAULT": "violence", "COERCE": "restrict",
                      "PROTEST": "", "MOBILIZE": "violence"}.get(m.type, "")
            m.type, m.aux_mode = "THREATEN", None
            return
        if m.type in cfg["cooperative_types"] and m.future and m.aux_mode in (None, "future"):
            m.type = "AGREE"
            m.aux_mode = None
        elif m.future and m.aux_mode is None:
            m.aux_mode = "future"
        # a protest lodged by a government is a diplomatic protest, which PLOVER codes ACCUSE
        if m.type == "PROTEST" and _lemma(t) == "protest" and m.actors and all(
                e.entity_type == "country" or e.sector_code == "GOV" for e in m.actors):
            m.type, m.mode = "ACCUSE", "disapprove"

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
                    and cur.head.head.pos_ in ("VERB", "AUX") and _lemma(cur.head.head) in self.rules.cfg["support_verbs"]:
                return cur.head.head
            if cur.dep_ in ("conj", "appos") and cur.head.pos_ in ("NOUN", "PROPN"):
                cur = cur.head
                continue
            break
        return t

    def _under_report(self, pred) -> bool:
        cfg = self.rules.cfg
        cur = pred
        for _ in range(3):
            if cur.head.i == cur.i:
                return False
            if cur.dep_ in ("ccomp", "xcomp") and _lemma(cur.head) in cfg["reporting_verbs"]:
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
        support = pred is not t and (_lemma(pred) in cfg["support_verbs"] and t.dep_ != "nsubj" or
                                     _lemma(pred) in ("take", "be", "end", "begin", "open", "close", "conclude"))
        if tr.type == "COOPERATE":
            support = pred is not t and _lemma(pred) in cfg["cooperation_support_verbs"]
            if not (has_between and poss_actor or support or has_between and pred is not t):
                return False
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.pos_ == "NOUN" and tr.cls == "meeting":
            m.future = True     # "the conditions for Ostrowski's visit", "a date for the summit": still ahead
        if mods & cfg["future_words"] or (t.head.lemma_.lower() in cfg["future_frames"]) or any(
                _lemma(a) in cfg["future_frames"] for a in list(t.ancestors)[:3]):
            m.future = True
        if definite and not has_between and not poss_actor:
            m.anaphoric = True
        if t.lower_.endswith("s") and tr.cls == "accord" and not definite and not has_between and not support:
            return False        # "previous agreements": generic plural
        if t.dep_ == "pobj" and t.head.lower_ in ("of",) and t.head.head.lower_ in cfg["frame_nouns"]:
            return False        # "on the sidelines of the gathering": a frame, not the event
        if t.dep_ == "compound" and t.head.lower_ not in cfg["light_head_nouns"]:
            return False
        if tr.type in ("PROTEST", "ASSAULT", "COERCE", "MOBILIZE"):
            return True         # "during demonstrations", "a bombing": such nouns report the act itself
        if tr.cls == "meeting" and _frame_prep(t, None, cfg) is not None:
            return True         # "said after talks in New Delhi": the setting of what is reported
        if _lemma(pred) in cfg["announce_verbs"] and pred is not t and (tr.cls in ("meeting", "accord") or tr.type == "SUPPORT"):
            m.future = True     # "announced the trip", "announced the signing": a plan made public,
            m.anaphoric = False  # an event of its own, not a reference to another promise
        return bool(has_between or poss_actor or support or m.future or m.anaphoric)

    # ------------------------------------------------------------------ modality
    def _modality(self, m, t, pred, folded, sdoc):
        cfg = self.rules.cfg
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
            aux = {_lemma(c) for c in kids if c.dep_ in ("aux", "auxpass")} | {c.lower_ for c in kids if c.dep_ == "aux"}
            if aux & cfg["future_aux"]:
                m.future = True
            if "to" in aux and "be" in aux and v.tag_ == "VBN" and v.dep_ in ("acl", "relcl", "xcomp"):
                m.future = True   # "to be signed"
            if v.dep_ in ("xcomp",) and "to" in aux and _lemma(v.head) in ("be",):
                m.future = True   # "is to visit"
            if v is pred and m.type == "COOPERATE" and v.tag_ == "VB" and "to" in aux and \
                    v.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp"):
                m.future = True   # "readiness to collaborate", "plans to jointly develop": not yet done
            if "would" in aux and m.report:
                m.future = True
            elif aux & (cfg["hypothetical_aux"] - {"would"}) and not m.future:
                m.aux_mode = "hypothetical"
            elif "would" in aux and not m.report:
                m.aux_mode = "hypothetical"
            if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in kids):
                m.aux_mode = "negation"
            if any(c.dep_ == "mark" and c.lower_ in cfg["hypothetical_marks"] for c in kids):
                m.aux_mode = "hypothetical"
        for v in chain[1:]:
            lem = _lemma(v)
            if lem in ("plan", "schedule", "expect", "prepare", "set", "intend", "aim", "hope") and v.tag_ in (
                    "VBZ", "VBP", "VBN") and (v.tag_ != "VBN" or any(c.lower_ in ("is", "are", "be", "was", "were")
                                                                   for c in v.children)):
                m.future = True
            if lem in ("due", "slated", "poised") and v.pos_ == "ADJ" and t.dep_ in ("xcomp",) or \
                    lem in ("due", "slated") and v.pos_ == "ADJ" and pred.dep_ == "xcomp":
                m.future = True    # "had been due to meet": planned, whatever became of it
            kids = list(v.children)
            aux = {c.lower_ for c in kids if c.dep_ == "aux"}
            if aux & cfg["future_aux"] and m.type != "AGREE":
                m.future = True
            if lem in cfg["negating_verbs"]:
                m.aux_mode = "negation"
        if any(c.dep_ == "neg" for c in t.children) or any(c.lower_ == "no" and c.dep_ == "det" for c in t.children):
            m.aux_mode = "negation"
        if m.aux_mode == "negation":
            m.future = m.future and False

    # ------------------------------------------------------------------ participants
    def _participants(self, m, t, pred, folded, sdoc, actors, state):
        cfg = self.rules.cfg
        preps = set(cfg["participant_preps_by_type"].get(m.type, cfg["participant_preps"]))
        frames = cfg["frame_nouns"]
        actor_toks, recip_toks = [], []
        subj = None

        def np(tok, with_of=True):
            return _np_tokens(tok, with_of, frames)

        # subject: of the predicate, else of the verbs it hangs on
        cur = pred
        for _ in range(4):
            s = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
            sp = [c for c in cur.children if c.dep_ == "nsubjpass"]
            # "by X" names the doer only of a passive verb ("called off a visit by X" is China's act)
            agent = [c for c in cur.children if c.dep_ == "agent"] if cur.tag_ == "VBN" else []
            if cur is pred and cur.tag_ != "VBN":
                # the parser hangs "a visit ... by X" on the verb: X is the other side
                recip_toks.extend(i for a in cur.children if a.dep_ == "agent" for p_ in a.children
                                  if p_.dep_ == "pobj" for i in np(p_))
            for a in agent:
                for pobj in a.children:
                    actor_toks.extend(np(pobj))
                subj = subj or a
            if s and s[0].i not in folded:
                subj = s[0]
                if s[0].lower_ in ("who", "which", "that") and cur.dep_ == "relcl" and cur.head.i not in folded:
                    subj = cur.head      # "Marchand, who pledged the money": Marchand
                actor_toks.extend(np(subj, with_of=subj is s[0]))
                break
            if sp:
                if sp[0].i not in folded and (cur is pred or agent):
                    recip_toks.extend(np(sp[0]))
                elif sp[0].i not in folded:
                    subj = sp[0]
                    actor_toks.extend(np(sp[0]))
                break
            if agent:
                break
            if cur.dep_ in ("xcomp", "ccomp", "conj", "advcl", "pcomp") and cur.head.i != cur.i:
                nxt = cur.head.head if cur.head.dep_ == "prep" else cur.head
                if _lemma(nxt) in cfg["reporting_verbs"]:
                    break       # "..., Yonhap reported": the reporter is not a participant
                cur = nxt
                continue
            if cur.dep_ == "relcl" and cur.head.i != cur.i and cur.head.i not in folded:
                subj = cur.head          # "militants who attacked"
                actor_toks.extend(np(cur.head, with_of=False))
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

        def prep_objects(c, allowed):
            out = []
            if c.lower_ not in allowed:
                return out
            for pobj in c.children:
                if pobj.dep_ != "pobj" or pobj.lower_ in frames:
                    continue
                toks = np(pobj, with_of=c.lower_ not in ("in", "at"))
                if c.lower_ in ("in", "at"):
                    toks = [i for i in toks if actors.owner.get(i) is not None and actors.owner[i].kind == "country"]
                out.extend(toks)
            return out

        # "discussed coordination on North Korea": for talks and deals "on" gives the subject, not a party
        obj_preps = {"with", "to", "between"} if m.type in ("CONSULT", "AGREE", "SUPPORT", "COOPERATE") else \
            {"with", "to", "against", "on", "from", "by"}

        def collect(v, allowed, depth):
            for c in v.children:
                if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd"):
                    # "rejected an Australian ultimatum": the object's modifiers name the other side
                    recip_toks.extend(i for i in np(c) if i != t.i)
                    for cc in c.children:       # "expand exchanges with the US", "action against Russia"
                        if cc.dep_ == "prep":
                            if cc.lower_ in ("between", "among"):
                                between.extend(prep_objects(cc, {"between", "among"}))
                            else:
                                recip_toks.extend(prep_objects(cc, obj_preps))
                elif c.dep_ == "prep":
                    if c.lower_ in ("between", "among") and (v.i in folded or v is pred):
                        between.extend(prep_objects(c, {"between", "among"}))
                    else:
                        recip_toks.extend(prep_objects(c, allowed))
                elif c.dep_ in ("poss", "compound", "nmod", "amod") and v is t and v.pos_ in ("NOUN", "PROPN"):
                    actor_toks.extend(np(c))
                elif c.dep_ in ("xcomp", "ccomp", "advcl") and depth < 2 and c.i not in folded and \
                        _lemma(c) not in cfg["reporting_verbs"]:
                    marks = {g.lower_ for g in c.children if g.dep_ in ("mark", "aux")}
                    if c.dep_ == "advcl" and not (marks & {"to", "if", "unless", "until"}):
                        continue     # only purpose and condition clauses speak of the other side
                    if c.dep_ == "ccomp" or marks & {"if", "unless", "until"}:
                        for cc in c.children:
                            if cc.dep_ in ("nsubj", "nsubjpass") and cc.i not in folded:
                                recip_toks.extend(np(cc))
                    collect(c, wide, depth + 1)
                elif c.dep_ in ("nsubj", "nsubjpass") and v is not pred and v.i in folded and v.pos_ == "VERB" \
                        and c.i not in folded:
                    recip_toks.extend(np(c))      # "demanded that the US cancel": the US

        for v in owners:
            collect(v, preps if v is pred or v is t else wide, 0 if v is pred or v is t else 1)
        if between and t.pos_ in ("NOUN", "PROPN"):
            acts_m, rec_m = actors.in_tokens(between), []     # "a summit between X and Y": X and Y, not the announcer
        else:
            acts_m = actors.in_tokens(actor_toks)
            rec_m = [x for x in actors.in_tokens(recip_toks + between) if all(x is not a for a in acts_m)]
        m.actors = _entities(acts_m)
        m.recipients = _entities(rec_m)
        # a body named with its parties once ("the Canada-Japan joint committee") and later as "the committee"
        if subj is not None and subj.pos_ == "NOUN" and not between:
            body = _lemma(subj)
            if m.actors and all(e.entity_type == "country" for e in m.actors):
                state.bodies[body] = list(m.actors)
            elif not m.actors and body in state.bodies and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this") or c.dep_ == "poss" for c in subj.children):
                m.actors = list(state.bodies[body])
                m.described = True
        # descriptions and pronouns
        if not m.actors and subj is not None and not actors.in_tokens(between):
            ents = state.resolve(subj, sdoc, prefer_type=m.type)
            if ents:
                m.actors = ents
                m.described = True
        if not m.actors and t.pos_ in ("NOUN", "PROPN"):
            for c in t.children:
                if c.dep_ == "poss" and c.pos_ == "PRON":
                    ents = state.resolve(c, sdoc)
                    if ents:
                        m.actors = ents
                        m.described = True
                if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                    for cc in c.children:
                        ents = state.resolve(cc, sdoc, prefer_type="CONSULT")
                        if ents:
                            m.actors = ents
                            m.described = True
        if not m.actors and t.pos_ in ("NOUN", "PROPN") and any(c.lower_ in ("bilateral", "joint") for c in t.children):
            m.actors = state.resolve(next(c for c in t.children if c.lower_ in ("bilateral", "joint")), sdoc)
            m.described = bool(m.actors)
        if not m.recipients:
            for v in owners:
                for c in v.children:
                    if c.dep_ == "prep" and c.lower_ in ("with", "to"):
                        for cc in c.children:
                            ents = state.resolve(cc, sdoc)
                            if ents:
                                names = {a.entity_name for a in m.actors}
                                m.recipients = [e for e in ents if e.entity_name not in names]
                            # "his summit with Lee": the possessor is the other party
                            if t.pos_ in ("NOUN", "PROPN") and not m.actors:
                                for pc in t.children:
                                    if pc.dep_ == "poss":
                                        m.actors = state.resolve(pc, sdoc)
        # a one-sided cooperative act in a bilateral setting is addressed to the counterpart
        if m.actors and not m.recipients and m.type in ("AGREE", "COOPERATE", "SUPPORT") and \
                len(_countries(m.actors)) == 1:
            text = m.sent.text.lower()
            if any(re.search(r"\b" + re.escape(c) + r"\b", text) for c in cfg["joint_cues"]):
                m.recipients = state.counterpart(m.actors)

    # ------------------------------------------------------------------ place
    def _location(self, pred, t, folded, sdoc, span, actors) -> Location | None:
        cfg = self.rules.cfg
        cands = []
        roots = [pred] + [sdoc[i] for i in sorted(folded) if sdoc[i] is not pred]
        seen = set()
        frontier = [(r, 0) for r in roots]
        while frontier:
            tok, depth = frontier.pop(0)
            if tok.i in seen or depth > 4:
                continue
            seen.add(tok.i)
            for c in tok.children:
                # places inside clauses, subjects and objects belong to them, not to the event:
                # "discussed the war in Ukraine" did not happen in Ukraine
                if c.dep_ == "dobj" and depth == 0:
                    # "met Holm in Copenhagen": the parser may hang the place on the object; one level only
                    for pp in c.children:
                        if pp.dep_ == "prep" and pp.lower_ in cfg["place_preps"]:
                            cands.extend((depth + 1, p) for p in pp.children if p.dep_ == "pobj")
                    continue
                if c.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "nsubj", "nsubjpass", "dobj", "acl", "xcomp",
                              "conj", "appos"):
                    continue
                if c.dep_ == "prep" and c.lower_ in cfg["place_preps"] or (c.dep_ == "prep" and c.lower_ == "of"
                                                                           and tok.lower_ in ("city", "town", "capital", "port", "village", "province")):
                    for pobj in c.children:
                        if pobj.dep_ == "pobj":
                            cands.append((depth, pobj))
                frontier.append((c, depth + 1))
        for r in roots:
            # "will visit Tokyo", "travelled to Brussels", "arrived in Seoul": where the visit goes
            if _lemma(r) in ("visit", "travel", "arrive", "fly", "go", "come", "return", "tour") or r.lower_ in ("visit", "trip"):
                for c in r.children:
                    if c.dep_ == "dobj":
                        cands.append((-1, c))
                    elif c.dep_ == "prep" and c.lower_ in ("to", "for"):
                        cands.extend((-1, p) for p in c.children if p.dep_ == "pobj")
        cands.sort(key=lambda x: x[0])
        for _, tok in cands:
            loc = self._place_of(tok, sdoc, actors)
            if loc is not None:
                return loc
        return None

    def _place_of(self, tok, sdoc, actors) -> Location | None:
        owner = actors.owner.get(tok.i)
        if owner is not None and owner.kind in ("person",):
            return None
        if owner is not None and owner.kind == "org":
            name = owner.entity.raw_text
            loc = self.gaz.lookup(name)
            if loc is not None and _is_landmark(name, loc):
                loc = Location(name=f"{name}, {loc.name}", country=loc.country, lat=loc.lat, lon=loc.lon,
                               geonames_id=loc.geonames_id)
            return loc
        if tok.lower_ in ("city", "town", "capital", "port", "village", "province", "island"):
            of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            for o in of:
                for p in o.children:
                    loc = self._place_of(p, sdoc, actors)
                    if loc:
                        return loc
            return None
        if tok.pos_ != "PROPN":
            return None
        # the proper-noun phrase: compounds to the left, the token itself
        left = tok.i
        while left - 1 >= 0 and sdoc[left - 1].dep_ in ("compound",) and sdoc[left - 1].head.i in range(left, tok.i + 1):
            left -= 1
        name = sdoc[left:tok.i + 1].text
        loc = self.gaz.lookup(name)
        if loc is None and left != tok.i:
            name = tok.text
            loc = self.gaz.lookup(name)
        if loc is None:
            return None
        if _is_landmark(name, loc):
            loc = Location(name=f"{name}, {loc.name}", country=loc.country, lat=loc.lat, lon=loc.lon,
                           geonames_id=loc.geonames_id)
        if owner is not None and owner.kind in ("country", "capital") and owner.entity.country:
            return loc
        return loc

    # ------------------------------------------------------------------ agreements
    def _agreement(self, sent, t, folded, sdoc) -> dict | None:
        return _pick_agreement(find_agreements(sent.text))

    # ------------------------------------------------------------------ time
    def _time_expressions(self, document, sent):
        self._doc_date = document.date
        if not document.date or not MAYBE_TIME.search(sent.text):
            return []
        try:
            return dates_mod.find_time_expressions(sent.text, document.date)
        except Exception:  # the date module promises not to raise; never let one sentence sink a document
            return []

    def _attach_time(self, te, mentions, sdoc, span, sent):
        """Give a time expression to the event it modifies. Walk up the parse from the expression
        through prepositions and adverbs; stop at a reporting verb ("said Wednesday") or at any other
        verb or noun that is not part of an event ("since the launch ... last month")."""
        if not mentions:
            return
        cfg = self.rules.cfg
        start, end = sent.start + te.start, sent.start + te.end
        inside = [t for t in span if start <= t.idx < end]
        target, blocked = None, False
        if inside:
            cur = next((t for t in inside if not (start <= t.head.idx < end) or t.head.i == t.i), inside[0])
            for _ in range(8):
                hit = next((m for m in mentions if cur.i in m.tokens or cur.i == m.pred.i), None)
                if hit is not None:
                    if hit.type == "REJECT" and cur.pos_ in ("NOUN", "PROPN") and cur.i not in (hit.head.i, hit.pred.i):
                        return      # "called off a visit next month": the time of what was called off
                    target = hit
                    break
                if _lemma(cur) in cfg["reporting_verbs"] and cur.pos_ == "VERB":
                    return          # "said Wednesday": the date of the statement, not of the event
                if not (start <= cur.idx < end) and cur.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
                    # a noun at the root means the parser made a fragment of the sentence: no evidence either way
                    blocked = not (cur.head.i == cur.i and cur.pos_ in ("NOUN", "PROPN"))
                    break
                if cur.head.i == cur.i:
                    break
                cur = cur.head
        if target is None:
            # one event in the sentence and the expression hangs on nothing else: it is the event's
            if blocked or len(mentions) != 1 or te.value is None:
                return
            target = mentions[0]
        if te.value is None:
            if target.date is None:
                target.vague_time = True
            return
        if target.pred.tag_ == "VBD" and not target.future and not _promise_words(target.pred) and self._doc_date and \
                te.value[:10] > self._doc_date[:10] and not self._doc_date.startswith(te.value):
            return      # "called off a visit next month": a past act is not dated after its report
        scheduled = target.pred.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in target.pred.children) or \
            target.pred.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re", "am")
                                              for c in target.pred.children)     # "is taking place on Tuesday"
        past_perfect = re.search(r"\bhad\s+(?:\w+\s+){0,2}\w+(?:ed|en|id|ld)\b", sent.text) is not None
        promised = target.type == "AGREE" and _promise_words(target.pred)
        if (target.future or scheduled or promised) and target.aux_mode != "negation" and not past_perfect:
            # "is scheduled to visit on Wednesday", "when the committee meets again in October": ahead
            again = [x for x in dates_mod.find_time_expressions(sent.text, sent_ref(self, sent), tense="future")
                     if x.start == te.start]
            if again and again[0].value:
                te = dates_mod.TimeExpr(te.start, te.end, te.text, again[0].value, again[0].precision, te.relation)
            if scheduled and target.type in ("CONSULT", "SUPPORT", "COOPERATE") and te.value and \
                    te.value > (self._doc_date or ""):
                target.future = True
                target.type = "AGREE"
        elif target.type == "AGREE" and _lemma(target.pred) in self.rules.cfg["prospective_verbs"] and \
                te.precision in ("month", "season", "quarter") and self._doc_date and not past_perfect:
            # "invited Australia to a summit in July": an invitation points ahead, a pledge may be dated
            # when made ("pledged the money in January"); the nearer reading wins
            ahead = [x for x in dates_mod.find_time_expressions(sent.text, sent_ref(self, sent), tense="future")
                     if x.start == te.start and x.value]
            if ahead and _distance(ahead[0].value, self._doc_date) < _distance(te.value, self._doc_date):
                te = dates_mod.TimeExpr(te.start, te.end, te.text, ahead[0].value, ahead[0].precision, te.relation)
        if target.head.pos_ in ("NOUN", "PROPN") and target.type == "CONSULT" and target.pred is target.head and \
                te.value and self._doc_date and te.value[:10] > self._doc_date[:10] and \
                not self._doc_date.startswith(te.value) and target.aux_mode is None:
            target.type, target.future = "AGREE", True    # "the bilateral summit in Jakarta next month"
        if target.date is None or (target.date.precision != "day" and te.precision == "day"):
            target.date = te
            target.vague_time = False

    # ------------------------------------------------------------------ merging within a document
    def _merge(self, document, mentions: list[EventMention]) -> list[list[EventMention]]:
        groups: list[list[EventMention]] = []
        recency: list[int] = []
        for m in mentions:
            best = None
            order = sorted(range(len(groups)), key=lambda g: -recency[g])
            for gi in order:
                g = groups[gi]
                if not _same_kind(g[0], m):
                    continue
                if not all(_compatible(x, m) for x in g):
                    continue
                if m.anaphoric or (m.described and m.cls in ("meeting", "accord")) or (
                        not m.actors and not m.recipients and m.cls in ("meeting", "accord")):
                    best = gi
                    break
                if m.cls in ("meeting", "accord") and _overlap(g, m):
                    best = gi
                    break
                if m.ref_object and any(re.search(r"\b" + re.escape(m.ref_object) + r"\b",
                                                  x.sent.text[x.span[0] - x.sent.start:x.span[1] - x.sent.start].lower())
                                        for x in g):
                    best = gi       # "launched a research fund ... launched the fund at the university"
                    break
            if best is None:
                # a passage told twice (a standfirst repeating the lead): the same words, the same event
                best = next((gi for gi in order if any(_repeats(x, m) for x in groups[gi])
                             and all(_compatible(x, m) for x in groups[gi])), None)
            if best is None:
                if m.anaphoric and not m.actors and not m.recipients:
                    continue      # "the meeting" with nothing to refer to
                groups.append([m])
                recency.append(len(recency))
            else:
                groups[best].append(m)
                recency[best] = max(recency) + 1
        return groups

    def _inherit_dates(self, groups):
        """An event reported with no time of its own happened at the time the article was last
        talking about: the latest explicitly dated mention before it. Not when its sentence says it
        was another time ("earlier", "previously", "last year") or gave a vague one."""
        dated = sorted((m.span[0], m.date) for g in groups for m in g
                       if m.date is not None and m.date.value and not _background(m))
        for g in groups:
            if any(m.date is not None and m.date.value for m in g):
                continue
            if all(m.frame_of is not None or m.frame_offset for m in g):
                continue      # a setting told in passing has no time of the article's
            if any(m.vague_time for m in g) and g[0].type != "AGREE":
                continue      # a promise is dated when made; a vague time belongs to what was promised
            first = min(m.span[0] for m in g)
            text = " ".join(m.sent.text[m.span[0] - m.sent.start:m.span[1] - m.sent.start] for m in g).lower()
            if OTHER_TIME.search(text):
                continue
            prior = [te for pos, te in dated if pos < first]
            if prior:
                te = prior[-1]
                # inherited: no words of its own say when (date_text stays empty)
                g[0].date = dates_mod.TimeExpr(te.start, te.end, None, te.value, te.precision)

    # ------------------------------------------------------------------ final record
    def _finish(self, document: Document, g: list[EventMention], offset: int = 0) -> Event:
        first = g[0]
        typ = first.type
        actors, recips = [], []
        for m in g:
            actors.extend(m.actors)
            recips.extend(m.recipients)
        actors = _dedupe(actors)
        recips = [e for e in _dedupe(recips) if e.entity_name not in {a.entity_name for a in actors}]
        actors, recips = _drop_redundant_countries(actors), _drop_redundant_countries(recips)
        loc = next((m.location for m in g if m.location is not None), None)
        if loc is not None and loc.country and not recips and typ in LOCATED_TYPES and loc.country not in {
                e.country for e in actors}:
            name = load_knowledge().country_name(loc.country) or loc.country
            recips = [Entity(raw_text=loc.name, entity_name=name, country=loc.country, sector_code=None,
                             entity_type="country")]
        mode = [first.mode] if first.mode else []
        if typ == "CONSULT" or (typ == "AGREE" and first.cls == "meeting"):
            allp = _dedupe(actors + recips)
            text = " ".join(m.sent.text for m in g)
            if re.search(r"\b(sidelines|margins|multilateral|summit of|forum)\b", text, re.I) and typ == "CONSULT":
                mode = ["multilateral"]
            hosts = [e for e in allp if loc is not None and e.country == loc.country]
            guests = [e for e in allp if loc is not None and e.country and e.country != loc.country]
            if hosts and guests and typ == "CONSULT" and mode != ["multilateral"]:
                actors, recips = guests, hosts
                mode = ["visit"]
            elif typ == "CONSULT" and first.mode != "visit" and not (first.actors and first.recipients):
                actors, recips = allp, []     # "X held talks with Y" keeps its sides; a meeting of several has none
        date = next((m.date for m in g if m.date is not None and m.date.value), None)
        topics = []
        for m in g:
            for tp in m.topics:
                if tp not in topics:
                    topics.append(tp)
        if len(topics) > 1 and "science_research" in topics:
            topics.remove("science_research")
        agreement = None
        for m in g:
            if m.agreement:
                if agreement is None:
                    agreement = dict(m.agreement)
                else:
                    agreement["name"] = agreement.get("name") or m.agreement.get("name")
                    if KIND_RANK.get(m.agreement.get("kind") or "", 2) > KIND_RANK.get(agreement.get("kind") or "", 2):
                        agreement["kind"] = m.agreement["kind"]
        aux = first.aux_mode
        context = []
        if topics:
            context.append("technology")
        if typ in ("CONSULT", "AGREE", "SUPPORT", "REJECT", "ACCUSE", "REQUEST") and any(
                e.sector_code in ("GOV", None) for e in actors + recips):
            context.append("diplomatic")
        if any(e.sector_code == "MIL" for e in actors + recips) or typ in ("MOBILIZE", "ASSAULT"):
            context.append("military")
        if re.search(r"\b(trade|tariffs?|exports?|imports?|economic|economy|investment|supply chains?)\b", " ".join(
                m.sent.text for m in g)):
            context.append("economic")
        spans = []
        for m in sorted(g, key=lambda m: m.span):
            a, b = m.span
            if spans and a < spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], b))
            else:
                spans.append((a, b))
        evidence = [Evidence(document.id, a, b, document.text[a:b]) for a, b in spans]
        conf = 0.45 + 0.15 * bool(actors) + 0.1 * bool(recips) + 0.05 * bool(date) + 0.05 * min(len(g) - 1, 3)
        if first.cls == "event" and first.head.pos_ in ("NOUN", "PROPN"):
            conf -= 0.05
        trigger = first.head.text
        ev = Event(doc_id=document.id, event_type=typ, mode=mode, context=context, aux_mode=aux,
                   actor=actors, recipient=recips,
                   date=date.value if date else None, date_precision=date.precision if date else None,
                   date_text=date.text if date else None, location=loc, topics=topics, agreement=agreement,
                   evidence=evidence, confidence=min(conf, 0.95), trigger=trigger)
        key = f"{document.id}|{typ}|{first.sent.start + offset}|{first.head.idx + offset}|{trigger}"
        ev.id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        return ev


# ---------------------------------------------------------------------- discourse state
class _Discourse:
    """What the article has been talking about: for descriptions and pronouns."""

    def __init__(self, actors: DocActors):
        self.actors = actors
        self.events: list[EventMention] = []
        self.pair_countries: list[Entity] = []
        self.bodies: dict[str, list[Entity]] = {}     # "committee" -> the countries that make it up

    def note(self, m: EventMention) -> None:
        self.events.append(m)
        ctry = _countries_as_entities(m.actors + m.recipients)
        if len(ctry) >= 2:
            self.pair_countries = ctry

    def after_sentence(self, mentions, span, actors):
        # countries mentioned together in a sentence with no event also make a pair
        sent_m = actors.starting_in(span.start_char, span.end_char)
        ctry = _countries_as_entities([m.entity for m in sent_m])
        if len(ctry) >= 2 and not mentions:
            self.pair_countries = ctry

    def _last_people(self, n: int, before: int, prefer_type: str | None = None) -> list[Entity]:
        """People of the most recent event with at least n people (preferring one of a type)."""
        for want in ([prefer_type] if prefer_type else []) + [None]:
            for m in reversed(self.events):
                if want and m.type != want:
                    continue
                people = [e for e in _dedupe(m.actors + m.recipients) if e.entity_type == "person"]
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
                cs = _countries_as_entities(m.actors + m.recipients)
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

    def _pair_before(self, tok) -> list[Entity]:
        """The two countries named earlier in the sentence of `tok` ("X will visit Y, the first such trip
        since the two nations ..."), when nothing before made a pair."""
        sent = tok.sent
        ents = [m.entity for m in self.actors.starting_in(sent.start_char, tok.idx)]
        cs = _countries_as_entities(ents)
        return cs if len(cs) == 2 else []

    def counterpart(self, actors: list[Entity]) -> list[Entity]:
        """The other side of the meeting (else of any event) the article is talking about."""
        mine = {e.country for e in actors if e.country}
        for want in ("CONSULT", None):
            for m in reversed(self.events):
                if want and m.type != want:
                    continue
                parts = _dedupe(m.actors + m.recipients)
                cs = {e.country for e in parts if e.country and e.country not in _NON_STATE}
                if mine & cs and cs - mine:
                    others = [e for e in parts if e.country in cs - mine]
                    if others:
                        return others
        return [e for e in self.pair_countries if e.country not in mine]


def _in_span(i: int, span) -> bool:
    """Whether token `i` is in `span` (a sentence): cheaper than comparing ``sdoc[i].sent``, which
    walks the sentence."""
    return span.start <= i < span.end


# ---------------------------------------------------------------------- helpers
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


def _clause_span(m: EventMention, others: list[EventMention], sdoc, sent: Sentence) -> tuple[int, int]:
    """The part of the sentence that reports this event: the clause of its predicate, without the
    clauses of the other events of the sentence, as one contiguous stretch around the trigger."""
    root = m.pred
    other_preds = {o.pred.i for o in others if o is not m} | {o.head.i for o in others if o is not m}
    for _ in range(3):     # "work to establish X": the clause is "work to establish X"
        h = root.head
        if root.dep_ in ("xcomp", "conj") and h.i != root.i and h.pos_ in ("VERB", "AUX") and h.i not in other_preds \
                and h.lemma_.lower() not in Rules.load().cfg["reporting_verbs"]:
            root = h
        else:
            break
    if m.pred.dep_ in ("acl", "relcl") and m.pred.head.i in m.tokens:
        root = m.pred.head       # "The Technology Prosperity Deal, to be signed by ...": name included
    keep = {x.i for x in root.subtree} | {x.i for x in m.head.subtree} | set(m.tokens)
    mine = set(m.tokens) | {m.pred.i, m.head.i, root.i}
    for o in others:
        if o is m:
            continue
        for root in (o.pred, o.head):
            if root.i in keep and root.i not in mine:
                keep -= {x.i for x in root.subtree} - mine
    lo = hi = m.head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while lo < hi and (sdoc[lo].is_punct or sdoc[lo].is_space or sdoc[lo].dep_ in ("cc", "mark")):
        lo += 1
    while hi > lo and (sdoc[hi].is_punct or sdoc[hi].is_space or sdoc[hi].dep_ == "cc") and sdoc[hi].text not in (")", '"', "”"):
        hi -= 1
    a, b = sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text)
    a, b = max(a, sent.start), min(b, sent.end)
    return (a, b) if b > a else (sent.start, sent.end)


def sent_ref(coder: "EventCoder", sent: Sentence) -> str:
    return coder._doc_date


def _is_landmark(name: str, loc: Location) -> bool:
    """A building or seat standing for its city ("the White House" -> Washington): keep both names."""
    n = re.sub(r"^the\s+", "", name.strip(), flags=re.I).lower()
    city = loc.name.lower()
    return bool(n) and n not in city and city not in n and loc.geonames_id is not None and any(
        w in n for w in ("house", "department", "palace", "hall", "kremlin", "pentagon", "street", "hill",
                         "headquarters", "building", "office", "residence", "cheong wa dae", "zhongnanhai",
                         "elysee", "élysée", "quai", "capitol", "ministry", "center", "centre"))


def _np_tokens(tok, with_of: bool, frames) -> list[int]:
    """Tokens of the noun phrase headed by `tok` that can name participants: the head, its
    conjuncts, modifiers, possessors and appositions, and (optionally) its "of" complements
    ("the top diplomats of South Korea and the US") and the makers of a body ("a committee on quantum
    science set up by Canada and Japan"); not other prepositional phrases or clauses."""
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
                    if pp.dep_ in ("prep", "dative") and pp.lower_ in ("to", "for"):     # "aid sent to Sudan"
                        stack.extend(p for p in pp.children if p.dep_ == "pobj")
            elif c.dep_ == "prep" and with_of and t.lower_ not in frames and (
                    c.lower_ in ("of", "against", "to") or (t.i == tok.i and c.lower_ in ("from", "in", "for", "by"))):
                stack.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _generic_plural(tok) -> bool:
    """'previous agreements', 'agreements': plural with no determiner, not a specific one."""
    return tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _in_clause(tok, deps, stop) -> bool:
    """Whether tok sits inside a nested clause (relative, adverbial...) below `stop`."""
    cur = tok
    for _ in range(8):
        if cur.i == stop.i or cur.head.i == cur.i:
            return False
        if cur.dep_ in ("relcl", "advcl", "ccomp", "parataxis"):
            return True
        cur = cur.head
    return False


def _entities(mentions: list[Mention]) -> list[Entity]:
    return [m.entity for m in mentions]


def _dedupe(ents: list[Entity]) -> list[Entity]:
    out, seen = [], set()
    for e in ents:
        k = (e.entity_type, e.entity_name.lower(), e.country)
        if k in seen:
            continue
        seen.add(k)
        out.append(e)
    return out


def _drop_redundant_countries(ents: list[Entity]) -> list[Entity]:
    """Keep a bare country only when no person or body of that country is already named."""
    named = {e.country for e in ents if e.entity_type != "country" and e.country}
    return [e for e in ents if not (e.entity_type == "country" and e.country in named)] if named else ents


def _countries_as_entities(ents: list[Entity]) -> list[Entity]:
    """One country entity per country among these entities ("the two countries")."""
    kb = load_knowledge()
    out, seen = [], set()
    for e in ents:
        if e.country and e.country not in seen:
            seen.add(e.country)
            if e.entity_type == "country":
                out.append(e)
            else:
                name = kb.country_name(e.country) or e.country
                out.append(Entity(raw_text=e.raw_text, entity_name=name, country=e.country, sector_code="GOV",
                                  entity_type="country" if e.country not in _NON_STATE else e.entity_type))
    return out


def _people(ents):
    return {e.entity_name for e in ents if e.entity_type == "person"}


def _countries(ents):
    return {e.country for e in ents if e.country}


def _pick_agreement(found) -> dict | None:
    """Of the agreements a text names, the name of a named one and the most specific kind."""
    if not found:
        return None
    named = [a for _, _, a in found if a.get("name")]
    typed = sorted((a for _, _, a in found), key=lambda a: -KIND_RANK.get(a.get("kind") or "", 2))
    return {"name": named[0]["name"] if named else None, "kind": typed[0].get("kind")}


def _offset_date(m: EventMention, ref: str) -> tuple[str, str] | None:
    """The time of a setting a stated span before/after the framed event: "five months after their
    first talks" on 2027-07-13 -> 2027-02 (month precision); None when the span is not readable."""
    prep = m.head.head
    unit = next((c for c in prep.children if c.dep_ == "npadvmod"), None)
    num = next((c for c in unit.children if c.dep_ in ("nummod", "det", "quantmod")), None) if unit is not None else None
    n = dates_mod.count_word(num.text) if num is not None else None
    if n is None:
        return None
    return dates_mod.shift_value(ref, -n if prep.lower_ in ("after", "following", "since") else n, _lemma(unit))


def _told_in_passing(t, cfg):
    """The participle or past relative clause that reports a noun's event as an earlier fact ("a
    proposal made by X", "the export controls imposed in March", "controls on chips that took effect
    in April"), or None."""
    for c in t.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and _lemma(c) in cfg["support_verbs"]:
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


def _frame_prep(t, trig, cfg):
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


def _venue(t, cfg) -> bool:
    """A meeting noun named as the time or place of something else: "during the summit", "ahead of a meeting"."""
    if t.dep_ != "pobj":
        return False
    p = t.head
    return p.lower_ in cfg["frame_preps"] or p.lower_ == "of" and p.head.lower_ in ("ahead", "eve")


def _framing(a: EventMention, b: EventMention) -> bool:
    return a.frame_of is b or b.frame_of is a


def _background(m: EventMention) -> bool:
    """An event told in a subordinate clause ("Marchand, who pledged the money in January, launched ...",
    "after they met in February"): its time is not the time the article goes on talking about."""
    p = m.pred
    if p.dep_ in ("relcl", "acl") and not m.future:
        return True
    if p.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("after", "before", "when", "since", "as", "while")
                                 for c in p.children):
        return True
    return m.head.pos_ in ("NOUN", "PROPN") and m.head.dep_ == "pobj" and m.head.head.dep_ == "prep" and \
        m.head.head.lower_ in ("after", "before", "since", "following")


def _distance(value: str, ref: str) -> int:
    """Days between the middle of a (partial) ISO date and a reference day; large when unreadable."""
    try:
        r = _dt.date.fromisoformat(ref[:10])
        parts = [int(x) for x in value.split("-")]
        if len(parts) == 1:
            mid = _dt.date(parts[0], 7, 1)
        elif len(parts) == 2:
            mid = _dt.date(parts[0], parts[1], 15)
        else:
            mid = _dt.date(parts[0], parts[1], parts[2])
        return abs((mid - r).days)
    except (ValueError, TypeError):
        return 10 ** 6


def _promise_words(pred) -> bool:
    """A modal or an infinitive in the event's own clause ("agreed to sign", "said they would"), not in
    its subject ("the laboratory, which was to focus on ..., was announced")."""
    skip = set()
    for c in pred.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            skip.update(x.i for x in c.subtree)
    return any(x.i not in skip and (x.lower_ in ("would", "will", "shall", "'ll") or
                                    x.lower_ == "to" and x.dep_ == "aux") for x in pred.subtree)


def _own_subject(a: EventMention, b: EventMention) -> bool:
    """"Mokoena held talks in January, and Pembridge visited Cape Town in May": a conjoined clause with a
    subject of its own tells another event."""
    later = b.pred if b.pred.dep_ == "conj" else a.pred
    return later.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in later.children)


def _distinct_objects(a: EventMention, b: EventMention) -> bool:
    """Conjoined verbs acting on different things ("rejected the demand and called off the visit") are two events."""
    oa = {_lemma(c) for c in a.pred.children if c.dep_ in ("dobj", "nsubjpass")}
    ob = {_lemma(c) for c in b.pred.children if c.dep_ in ("dobj", "nsubjpass")}
    return bool(oa and ob and not oa & ob)


def _same_kind(a: EventMention, b: EventMention) -> bool:
    if a.cls != b.cls:
        return False
    if a.type == b.type:
        return a.cls in ("meeting", "accord") or b.anaphoric or b.ref_object is not None
    if a.cls == "accord" and b.anaphoric and {a.type, b.type} <= {"AGREE", "SUPPORT"}:
        return True
    return False


def _compatible(a: EventMention, b: EventMention) -> bool:
    if (a.aux_mode in ("hypothetical", "negation") or b.aux_mode in ("hypothetical", "negation")) \
            and a.aux_mode != b.aux_mode:
        return False
    pa, pb = _people(a.actors + a.recipients), _people(b.actors + b.recipients)
    if pa and pb and not (pa & pb) and not (a.described or b.described):
        return False
    ca, cb = _countries(a.actors + a.recipients), _countries(b.actors + b.recipients)
    if len(ca) >= 2 and len(cb) >= 2 and not (ca & cb):
        return False
    if a.location and b.location and a.location.geonames_id != b.location.geonames_id and \
            a.location.name != b.location.name and a.location.country != b.location.country or \
            (a.location and b.location and a.location.country == b.location.country and a.location.name != b.location.name
             and a.location.geonames_id != b.location.geonames_id):
        return False
    if a.date and b.date and a.date.value and b.date.value:
        n = min(len(a.date.value), len(b.date.value))
        if a.date.value[:n] != b.date.value[:n]:
            return False
    if (a.date and a.date.value and b.vague_time) or (b.date and b.date.value and a.vague_time):
        return False
    return True


def _repeats(a: EventMention, b: EventMention) -> bool:
    """Whether b tells a's event again in the same words, from the trigger to the end of its clause
    (at least five words)."""
    def told(m):
        return " ".join(m.sent.text[m.head.idx - m.sent.start:m.span[1] - m.sent.start].split())
    ta = told(a)
    return a.type == b.type and a.sent.start != b.sent.start and len(ta.split()) >= 5 and ta == told(b)


def _overlap(group: list[EventMention], m: EventMention) -> bool:
    pg = set().union(*(_people(x.actors + x.recipients) for x in group))
    pm = _people(m.actors + m.recipients)
    if pg & pm:
        return True
    if not any(x.actors or x.recipients for x in group):
        return True       # "an upcoming summit" first, its parties named later
    if m.cls == "meeting" and m.location and any(x.location and x.location.name == m.location.name for x in group):
        return True       # "after meeting officials in Adelaide ... Doyle met Pratama ... in Adelaide"
    cg = set().union(*(_countries(x.actors + x.recipients) for x in group))
    cm = _countries(m.actors + m.recipients)
    return len(cm) >= 2 and cm <= cg or (len(cg) >= 2 and cg <= cm)


def _absorb(target: EventMention, m: EventMention) -> None:
    target.tokens |= m.tokens | {m.pred.i}
    target.actors = _dedupe(target.actors + m.actors)
    target.recipients = _dedupe(target.recipients + m.recipients)
    target.location = target.location or m.location
    target.agreement = target.agreement or m.agreement
    for tp in m.topics:
        if tp not in target.topics:
            target.topics.append(tp)
