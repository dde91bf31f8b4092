"""The document's actors: the mentions of one document (``Mention``) with the entities they resolve to
(``DocActors``), and the look-ups over them that the event coder makes: a definite title's holder ("the
president"), a description of a pair ("the two countries")."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..knowledge import load_knowledge
from ..model import Document, Entity

PLURAL_PAIR = re.compile(
    r"^(?:the\s+)?(?:two|both)\s+(?:\w+\s+)?(countries|nations|sides|allies|governments|states|partners|"
    r"jurisdictions|economies|neighbou?rs|democracies|administrations|"
    r"leaders|officials|ministers|diplomats|presidents|heads of state|delegations|men|women|chiefs|"
    r"agencies|ministries|regulators|capitals|parliaments|militaries|navies|members|member states)$", re.I)
PAIR_DESC = re.compile(r"^(?:the\s+)?(?:(?:chief|top|senior)\s+)?(allies|diplomats|leaders|ministers|officials|"
                       r"negotiators|envoys|sides|partners)$", re.I)
# "each side will put ...", "either country may end the accord": each of the pair, told in the singular
EACH_OF_PAIR = re.compile(r"^(?:each|either)\s+(side|country|nation|government|partner|party|state)$", re.I)
EACH_PLURAL = {"country": "countries", "party": "parties"}
PERSON_WORDS = {"leaders", "officials", "ministers", "diplomats", "presidents", "heads of state", "delegations",
                "men", "women", "chiefs", "negotiators", "envoys"}


@dataclass
class Mention:
    start: int              # char offsets of the name itself
    end: int
    tok_start: int          # token extent including title and apposition (the "owned" tokens)
    tok_end: int
    entity: Entity
    kind: str               # person | org | country | capital | demonym | group
    head: int               # token index of the mention's syntactic head
    sent: int = 0


@dataclass
class DocActors:
    document: Document
    mentions: list[Mention] = field(default_factory=list)
    home_country: str | None = None
    owner: dict[int, Mention] = field(default_factory=dict)  # token index -> mention owning it
    filed_in: str | None = None     # the state of the dateline, when the report has one

    def entities(self) -> list[Entity]:
        return [m.entity for m in self.mentions]

    def in_tokens(self, token_ids) -> list[Mention]:
        """Mentions owning any of these tokens, in text order, each once: the parties they can name.
        A news agency or paper ("(Reuters) --", "Yonhap reported") is the source of a report, never a
        party to what it reports, and is left out."""
        seen, out = set(), []
        for i in sorted(token_ids):
            m = self.owner.get(i)
            if m is not None and id(m) not in seen and m.entity.sector_code != "JRN":
                seen.add(id(m))
                out.append(m)
        return out

    def before(self, char_offset: int) -> list[Mention]:
        return [m for m in self.mentions if m.end <= char_offset]

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """Mentions starting at offsets start..end-1, in text order (`mentions` is sorted by start)."""
        lo = bisect_left(self.mentions, start, key=_start)
        return self.mentions[lo:bisect_left(self.mentions, end, lo=lo, key=_start)]


def _start(m: Mention) -> int:
    return m.start


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


def sdoc_sents(document: Document):
    """Rough sentence split of the body, enough to tell a one-line item from an article."""
    # also where a sentence runs into the next with no space ("in the sector.The ministry said")
    return [x for x in _SENTENCE_BREAK.split(document.text[document.body_start:].strip()) if x]


# words that make a title a different office from the bare one: "the president" is not the vice president
RANK_WORDS = {"vice", "deputy", "prime", "former", "acting", "first", "assistant", "under", "junior", "state"}


def person_by_title(acts: DocActors, title: str, before: int, country: str | None = None) -> Entity | None:
    """The person a definite title refers to ("the president", "the Minister", "the vice president"):
    the most recent person mentioned before offset `before` whose office is that title (every word of
    the title's role in the person's role, and no rank word of the person's role missing from it); with
    `country` ("the Chilean envoy"), only a person of that state."""
    kb = load_knowledge()
    role = kb.role(title)
    if role is None or role.kind != "person":
        return None
    return office_holder(acts.mentions, role.role, before, country)


_ROLE_WORD = re.compile(r"[a-z]+")


def office_holder(mentions: list[Mention], office: str, before: int, country: str | None = None) -> Entity | None:
    """The most recent person of `mentions` named before offset `before` who holds `office` (a role of
    roles.tsv: every word of it in the person's role, and no rank word of the person's role missing from
    it), of `country` when given."""
    want = set(_ROLE_WORD.findall(office.lower()))
    for m in reversed([m for m in mentions if m.kind == "person" and m.end <= before]):
        if country is not None and m.entity.country != country:
            continue
        have = set(_ROLE_WORD.findall((m.entity.role or "").lower()))
        if want and want <= have and not (have - want) & RANK_WORDS:
            return m.entity
    return None


def describe_pair(text: str) -> str | None:
    """'the two countries' -> 'countries'; 'the chief diplomats' -> 'diplomats'; 'each side' -> 'sides'; else None."""
    t = text.strip()
    mm = PLURAL_PAIR.match(t) or PAIR_DESC.match(t)
    if mm:
        return mm.group(1).lower()
    each = EACH_OF_PAIR.match(t)
    if each:
        word = each.group(1).lower()
        return EACH_PLURAL.get(word, word + "s")
    return None


def is_person_description(word: str) -> bool:
    return word in PERSON_WORDS
