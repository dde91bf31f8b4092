"""An event mention (one report of an event inside one sentence, before merging) and small functions on
the entities of mentions."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import dates as dates_mod
from ..actors import Mention
from ..knowledge import load_knowledge
from ..model import Entity, Location, Sentence
from .rules import NON_STATE


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
    possible: bool = False        # "can promote", "might sign": a possibility, no event unless negated
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
    sequel: object = None         # "..., followed by consultations": the participle of sequence; then the act it follows
    apart_from: object = None     # "call on A as well as B": the mention this one was split off
    follows: object = None        # "the talks follow his visit": the earlier event this one follows, never the same
    ref_object: str | None = None  # "launched the fund": a definite object, pointing back to an earlier mention
    made_time: bool = False       # dated by a time on the promising verb ("promised on Monday to ..."), not the act's
    why: dict = field(default_factory=dict)   # field -> rule ids that set it, in the order they applied

    def set_date(self, te, *rules: str) -> None:
        """Give the mention a time, with the ids of the rules that chose it (they replace earlier ones)."""
        self.date = te
        self.why["date"] = list(rules)

    def note(self, what: str, rule: str) -> None:
        """Record that `rule` (an id in ``data/rule_ids.tsv``, a trigger or a word-list entry) set field `what`
        (event_type, mode, aux_mode, actor, recipient, date, location)."""
        got = self.why.setdefault(what, [])
        if rule not in got:
            got.append(rule)


def entities_of(mentions: list[Mention]) -> list[Entity]:
    return [m.entity for m in mentions]


def dedupe(ents: list[Entity]) -> list[Entity]:
    out, seen = [], set()
    for e in ents:
        k = (e.entity_type, e.entity_name.lower(), e.country)
        if k in seen:
            continue
        seen.add(k)
        out.append(e)
    return out


def drop_redundant_countries(ents: list[Entity]) -> list[Entity]:
    """Keep a bare country only when no person or body of that country is already named."""
    named = {e.country for e in ents if e.entity_type != "country" and e.country}
    return [e for e in ents if not (e.entity_type == "country" and e.country in named)] if named else ents


def countries_as_entities(ents: list[Entity]) -> list[Entity]:
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
                # a person of the EU stands here for the union, a body, not for a person of that name
                kind = "country" if e.country not in NON_STATE else \
                    "organization" if e.entity_type == "person" else e.entity_type
                out.append(Entity(raw_text=e.raw_text, entity_name=name, country=e.country, sector_code="GOV",
                                  entity_type=kind))
    return out


def people_of(ents):
    return {e.entity_name for e in ents if e.entity_type == "person"}


def countries_of(ents):
    return {e.country for e in ents if e.country}
