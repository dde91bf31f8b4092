"""What the article has been talking about (``Discourse``): the events told so far and the pair of countries
in view, against which descriptions ("the two countries", "the bloc") and pronouns are resolved."""
from __future__ import annotations

import re

from ..actors import DocActors, describe_pair, is_person_description, person_by_title
from ..model import Entity
from .mention import EventMention, countries_as_entities, dedupe
from .noun_phrases import _in_span
from .rules import NON_STATE, Rules

FIRM_SECTORS = frozenset({"BUS"})    # PLOVER's business sector: companies act for themselves

BODY_CODES = {"IGO", "UNO", "EUR"}


def _of_kind(e: Entity, kind: str) -> bool:
    """Whether a party is of the kind a description names (event_rules.json:kind_descriptions): "body", an
    international body; "state", a state."""
    if kind == "body":
        return e.entity_type == "organization" and e.country in BODY_CODES
    return kind == "state" and e.entity_type == "country"


_THE_TWO = re.compile(r"(?:the\s+)?two|both")  # "the two", "both"
_WHITESPACE_RUN = re.compile(r"\s+")


class Discourse:
    """What the article has been talking about: for descriptions and pronouns."""

    def __init__(self, actors: DocActors):
        self.actors = actors
        self.events: list[EventMention] = []
        self.pair_countries: list[Entity] = []
        self.bodies: dict[str, list[Entity]] = {}     # "committee" -> the countries that make it up

    def note(self, m: EventMention) -> None:
        self.events.append(m)
        # the states of an act between firms ("Microsoft and the Abu Dhabi firm G42 announced a data centre") are
        # no pair of governments the article talks about
        ctry = countries_as_entities([e for e in m.actors + m.recipients if e.sector_code not in FIRM_SECTORS])
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
        # the noun phrase itself, without an apposition the parser hung on it ("The ministers further
        # agreed to ..., the first of its kind between the two countries")
        # (nor a phrase the parser hung before it: "Under the accord, the two governments:" read as one noun phrase)
        skip = {x.i for c in tok.children if c.dep_ == "appos" or c.i < tok.i and c.dep_ in ("prep", "punct")
                for x in c.subtree}
        phrase = " ".join(x.text for x in tok.subtree if x.dep_ != "punct" and x.i not in skip).strip()
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
                    # "China's embassy in Bangkok said it ...": the embassy's, not the city it is in
                    where = {x.i for c in rsubj[0].children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                             for x in c.subtree}
                    ents = [x.entity for x in self.actors.in_tokens([x.i for x in rsubj[0].subtree if x.i not in where])]
                    if ents:
                        return ents
                    ents = self.resolve(rsubj[0], sdoc)
                    if ents:
                        return ents
        if low in ("it", "they", "we") and tok.dep_ == "nsubj" and tok.head.dep_ == "relcl":
            # "Norway and Kenya issued a statement in which they undertook to ...": the main clause's subject
            noun = tok.head.head
            verb = noun.head if noun.dep_ in ("dobj", "pobj", "attr") and noun.head.pos_ in ("VERB", "AUX") else None
            msubj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
            if msubj is not None and msubj.i != tok.i:
                ents = [x.entity for x in self.actors.in_tokens([x.i for x in msubj.subtree])]
                if ents:
                    return ents
        if low in ("it", "its", "they", "their", "we", "them"):
            for m in reversed(self.events):
                if m.actors and m.head.i < tok.i or m.sent.start < tok.idx and m.actors:
                    return list(m.actors)
            return []
        if tok.pos_ == "PRON":
            return []
        cfg = Rules.load().cfg
        bodies = cfg["joint_bodies"]
        bare = low in cfg["bare_pair_nouns"] and not any(c.dep_ in ("det", "poss", "amod", "compound", "nmod")
                                                          for c in tok.children)
        # ("the two governments' foreign secretaries": a possessive describing the pair is "their")
        their = any(c.lower_ == "their" or c.dep_ == "poss" and describe_pair(
            " ".join(x.text for x in c.subtree if x.tag_ != "POS").lower()) for c in tok.children)
        if their and low in cfg["pair_member_nouns"] or bare or \
                tok.pos_ == "NOUN" and tok.lemma_.lower() in bodies["nouns"] and any(
                    c.dep_ in ("amod", "compound") and c.lower_ in bodies["cues"] for c in tok.children):
            # "their ministers", "a joint committee on the project", "negotiators": the two sides
            for m in reversed(self.events):
                cs = countries_as_entities(m.actors + m.recipients)
                if len(cs) >= 2:
                    return cs
            return list(self.pair_countries)
        inner = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of") for g in c.children
                 if g.dep_ == "pobj" and describe_pair(" ".join(x.text for x in g.subtree).lower())]
        if inner and tok.pos_ == "NOUN":
            return self.resolve(inner[0], sdoc, prefer_type)    # "officials from both countries": the two countries
        if _THE_TWO.fullmatch(phrase.lower()):
            # "The two agreed to reschedule the visit": the two sides of the latest event that had two ("the two
            # talked about ..." refers back to a meeting told: the merge step finds which)
            for m in reversed(self.events if prefer_type != "CONSULT" else ()):
                sides = dedupe(m.actors + m.recipients)
                if m.sent.start < tok.idx and len(sides) == 2:
                    return sides
            return []
        kind = describe_pair(phrase) or describe_pair(_WHITESPACE_RUN.sub(" ", phrase.lower()))
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
        cfg = Rules.load().cfg
        of_kind = cfg["kind_descriptions"].get(low)
        if of_kind and tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            # "the bloc said it would start similar talks with X": the one party of that kind the article was
            # talking about (of two states, the one last named as a subject); "the kingdom": a kingdom
            only = cfg["description_countries"].get(low)
            for m in reversed(self.events):
                fits = [e for e in dedupe(m.actors + m.recipients) if _of_kind(e, of_kind)
                        and (only is None or e.country in only)]
                if len(fits) == 1:
                    return fits
                if fits:
                    # two of that kind: the one the article was last talking about as a subject
                    return self._salient(tok, fits, m.sent.end) if of_kind == "state" else []
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

    def _salient(self, tok, fits: list[Entity], after: int) -> list[Entity]:
        """Of two states of the latest event, the one "the country" refers to: the state named as (or as the
        owner of) the subject of a sentence between that event's and this one ("China urged Namibia to ...
        Namibia is courting buyers. The country and the EU signed ..."), else none."""
        codes = {e.country for e in fits}
        for x in reversed([x for x in self.actors.mentions if after <= x.start and x.end <= tok.sent.start_char]):
            if x.entity.country not in codes or x.kind not in ("country", "capital", "demonym"):
                continue
            h = tok.doc[x.head]
            while h.dep_ in ("compound", "poss", "amod") and h.head.i != h.i:
                h = h.head
            if h.dep_ in ("nsubj", "nsubjpass"):
                return [e for e in fits if e.country == x.entity.country][:1]
        return []

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
