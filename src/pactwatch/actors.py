"""Actor stage: who is mentioned, resolved to canonical entities.

Input: a Document and its spaCy parse. Output: `DocActors`, the actor
mentions of the document, each with token extent and a resolved `Entity`
(canonical name, country code, PLOVER sector, role, type).

How a mention is resolved:
- countries, demonyms, capitals and seats of government, and known
  organisations come from the knowledge files (`knowledge.py`);
- people are spaCy PERSON entities; their titles ("Science Minister",
  "US President", "OpenAI CEO") and appositions (", director of the White
  House Office of ...") give role, sector and country;
- an unqualified national title ("President Lee", "the science ministry") in
  an article belongs to the article's home country (its dateline, else the
  country it mentions most), the convention of wire copy;
- later short mentions ("Bae") resolve to the full name seen earlier;
- descriptions ("the two countries", "the two officials", "the ministry",
  "it", "his") are resolved by `DocActors.resolve_description` against what
  was mentioned before.
"""
from __future__ import annotations

import functools
import itertools
from bisect import bisect_left

import re
from dataclasses import dataclass, field

from . import lexicon
from .knowledge import Knowledge, load_knowledge
from .model import Document, Entity

_NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})     # PLOVER's non-state codes

GOV_BODY = re.compile(r"\b(ministry|department|office|agency|administration|commission|council|cabinet|government|"
                      r"authorities|bureau|secretariat|presidency)\b", re.I)
NOT_A_NAME = re.compile(r"\b(Meeting|Ministerial|Summit|Conference|Forum|Council|Committee|Agency|Ministry|"
                        r"Office|Department|Deal|Agreement|Treaty|Accord|Initiative|Day|AI|City|Province|Prefecture)\b")
ORG_WORD = re.compile(r"\b(agency|company|corporation|corp|inc|ltd|group|university|institute|party|union|"
                      r"association|federation|foundation|bank|fund|front|movement|army|force|forces|police|"
                      r"court|parliament|assembly|congress|senate|committee|organi[sz]ation|alliance|league|"
                      r"brigade|council|tribunal|service|services|network|center|centre|laboratory|lab|labs|"
                      r"academy|society|news|times|post|press|television|radio|board|authority|consortium|"
                      r"electronics|motors|systems|technologies|industries|holdings|airlines|"
                      r"guard|militia|rebels|tigers|brotherhood|coalition|commission)\b", re.I)
PLURAL_PAIR = re.compile(
    r"^(?:the\s+)?(?:two|both)\s+(?:\w+\s+)?(countries|nations|sides|allies|governments|states|partners|"
    r"jurisdictions|economies|neighbou?rs|democracies|administrations|"
    r"leaders|officials|ministers|diplomats|presidents|heads of state|delegations|men|women|chiefs)$", re.I)
PAIR_DESC = re.compile(r"^(?:the\s+)?(?:(?:chief|top|senior)\s+)?(allies|diplomats|leaders|ministers|officials|"
                       r"negotiators|envoys|sides|partners)$", re.I)
PERSON_WORDS = {"leaders", "officials", "ministers", "diplomats", "presidents", "heads of state", "delegations",
                "men", "women", "chiefs", "negotiators", "envoys"}
TITLE_STOP_POS = {"VERB", "AUX", "ADP", "DET", "PUNCT", "CCONJ", "SCONJ", "PRON", "NUM", "SPACE", "PART"}


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


@functools.lru_cache(maxsize=1)
def _portfolios() -> frozenset:
    lines = lexicon.read_lines("portfolios.txt")  # the built-in list, then those of $PACTWATCH_DATA
    return frozenset(l.strip().lower() for l in lines if l.strip() and not l.startswith("#"))


def _canon_person_key(name: str) -> str:
    return re.sub(r"[\s\-]+", " ", name.lower()).strip()


class ActorResolver:
    def __init__(self, knowledge: Knowledge | None = None):
        self.kb = knowledge or load_knowledge()

    # -- entities from the knowledge files ---------------------------------------------------------
    def _country_entity(self, raw: str, code: str, kind: str, sector: str | None = None) -> Entity:
        name = self.kb.country_name(code) or raw
        etype = "country"
        return Entity(raw_text=raw, entity_name=name, country=code, sector_code=sector or "GOV", role=None,
                      entity_type=etype)

    def _org_entity(self, raw: str, org) -> Entity:
        return Entity(raw_text=raw, entity_name=org.name, country=org.country, sector_code=org.sector, role=None,
                      entity_type="group" if org.type == "group" else "organization")

    def resolve(self, document: Document, sdoc) -> DocActors:
        text = document.text
        acts = DocActors(document=document)
        char_to_tok = {}
        for t in sdoc:
            for c in range(t.idx, t.idx + len(t.text)):
                char_to_tok[c] = t.i
        sent_of = {}
        for si, s in enumerate(sdoc.sents):
            for t in s:
                sent_of[t.i] = si

        def toks(s: int, e: int) -> tuple[int, int] | None:
            a = char_to_tok.get(s)
            b = char_to_tok.get(e - 1)
            if a is None or b is None:
                return None
            return a, b + 1

        def head_of(a: int, b: int) -> int:
            for i in range(a, b):
                h = sdoc[i].head.i
                if not (a <= h < b) or h == i:
                    return i
            return b - 1

        found = self.kb.find(text[: len(text)] if not document.body_start else " " * document.body_start
                             + text[document.body_start:])
        taken: list[tuple[int, int]] = []
        raw_mentions: list[Mention] = []
        # 1. knowledge-file matches (countries, demonyms, capitals, organisations)
        for s, e, kind, obj in found:
            span = toks(s, e)
            if span is None:
                continue
            raw = text[s:e]
            if kind == "org":
                ent = self._org_entity(raw, obj)
                mkind = "org"
            else:
                ent = self._country_entity(raw, obj.code, kind)
                mkind = {"country": "country", "demonym": "demonym", "capital": "capital"}.get(kind, "country")
            raw_mentions.append(Mention(s, e, span[0], span[1], ent, mkind, head_of(*span)))
            taken.append((s, e))

        def overlaps_taken(s, e):
            return any(s < b and a < e for a, b in taken)

        # 2. spaCy PERSON and ORG entities
        for ent in sdoc.ents:
            s, e = ent.start_char, ent.end_char
            if e <= document.body_start:
                continue
            if ent.label_ == "PERSON":
                # a knowledge match inside a person name ("Jordan") loses to the person name when the
                # name has two or more words
                inner = [m for m in raw_mentions if s <= m.start and m.end <= e]
                if inner and (len(ent) < 2 or any(m.kind in ("demonym", "org") for m in inner)):
                    continue        # "Jordan", "Bosnian Serbs", "Hezbollah": the knowledge files know better
                for m in inner:
                    raw_mentions.remove(m)
                name = re.sub(r"'s$|’s$", "", text[s:e]).strip()
                name = self._complete_name(text, s, name)
                span = toks(s, s + len(name))
                if span is None or not re.search(r"[A-Z]", name) or NOT_A_NAME.search(name):
                    continue
                for m in [m for m in raw_mentions if s <= m.start and m.end <= s + len(name)]:
                    raw_mentions.remove(m)      # "Leyen" tagged a place inside the completed name
                pe = Entity(raw_text=name, entity_name=name, entity_type="person")
                raw_mentions.append(Mention(s, s + len(name), span[0], span[1], pe, "person", head_of(*span)))
                taken.append((s, max(e, s + len(name))))
            elif ent.label_ in ("ORG", "NORP") and not overlaps_taken(s, e):
                name = re.sub(r"^(the|The)\s+", "", text[s:e])
                name = re.sub(r"'s$|’s$", "", name).strip()
                if not name or not (GOV_BODY.search(name) or ORG_WORD.search(name)):
                    continue        # the small model's ORG label alone is too noisy to make an actor
                s2 = e - len(text[s:e]) + text[s:e].find(name)
                span = toks(s2, s2 + len(name))
                if span is None:
                    continue
                oe = Entity(raw_text=name, entity_name=name, entity_type="organization")
                raw_mentions.append(Mention(s2, s2 + len(name), span[0], span[1], oe, "org", head_of(*span)))
                taken.append((s, e))
            elif ent.label_ == "ORG":
                # an organisation whose name contains a country or capital: "the White House Office of ...",
                # "Washington's Office of ...": the organisation owns the inner mention and takes its country
                inner = [m for m in raw_mentions if s <= m.start and m.end <= e and m.kind != "person"]
                if not inner or any(m.kind == "org" and m.start == s for m in inner):
                    continue
                if len(inner) == 1 and inner[0].end - inner[0].start >= (e - s) - 4:
                    continue
                if len({m.entity.country for m in inner if m.entity.country}) >= 2:
                    continue    # "the Peru-Chile joint commission": a body named for its parties stands for them
                name = re.sub(r"^(the|The)\s+", "", text[s:e])
                name = re.sub(r"'s$|’s$", "", name).strip()
                if not (GOV_BODY.search(name) or ORG_WORD.search(name)) and not any(m.kind == "org" for m in inner):
                    continue
                s2 = s + text[s:e].find(name)
                span = toks(s2, s2 + len(name))
                if span is None:
                    continue
                if any(m.kind == "org" for m in inner) and (
                        name.count("(") != name.count(")") or sdoc[span[0]].pos_ in ("VERB", "INTJ")):
                    continue    # "Thank European Commission", "Group of Seven(G7": a ragged span round a known body
                after_firm = _named_after_firm(name, inner)
                if after_firm:
                    inner = [m for m in inner if m.kind != "org"]     # "the Apple Growers Union" is not Apple's
                country = next((m.entity.country for m in inner if m.entity.country), None)
                sector = next((m.entity.sector_code for m in inner if m.kind == "org" and m.entity.sector_code),
                              None)
                oe = Entity(raw_text=name, entity_name=name, country=country,
                            sector_code=sector or (None if after_firm else "GOV"), entity_type="organization")
                for m in inner:
                    raw_mentions.remove(m)
                raw_mentions.append(Mention(s2, s2 + len(name), span[0], span[1], oe, "org", head_of(*span)))

        # 2b. well-known people the tagger did not label ("Willem-Alexander", "EVP Dombrovskis")
        raw_mentions.extend(self._known_people(sdoc, text, document.body_start, taken, raw_mentions, toks, head_of))
        # 2c. names the tagger missed that an office or description stands beside ("Chile's envoy Ana Ruiz",
        # "Ana Ruiz, the Chilean envoy for trade")
        raw_mentions.extend(self._described_names(sdoc, text, document.body_start, raw_mentions, head_of))
        raw_mentions.sort(key=lambda m: m.start)
        acts.home_country, (dl_start, dl_end) = self._home_country(document, raw_mentions)
        acts.filed_in = acts.home_country if dl_end else None
        # the dateline ("SEOUL, Aug 5 --", on top or below the headline) says where the report was filed,
        # it names no actor
        raw_mentions = [m for m in raw_mentions if not (dl_start <= m.start < dl_end)]

        # 3. people: titles, appositions, registry of full names
        registry: dict[str, Entity] = {}
        people = [m for m in raw_mentions if m.kind == "person"]
        for m in people:
            self._attach_title(m, sdoc, raw_mentions)
        # full names first, so that "Bae" finds "Bae Kyung-hoon"
        for m in sorted(people, key=lambda m: -len(m.entity.entity_name.split())):
            key = _canon_person_key(m.entity.entity_name)
            hit = registry.get(key) or self._short_name_match(key, registry)
            if hit is None:
                registry[key] = m.entity
                continue
            # merge what this mention knows into the registry entity, then share it
            for attr in ("country", "sector_code", "role"):
                if getattr(hit, attr) is None and getattr(m.entity, attr) is not None:
                    setattr(hit, attr, getattr(m.entity, attr))
            m.entity = Entity(raw_text=m.entity.raw_text, entity_name=hit.entity_name, country=hit.country,
                              sector_code=hit.sector_code, role=hit.role, entity_type="person")
        # well-known public figures (people.tsv): country and office in the year of the article
        year = int(document.date[:4]) if document.date else None
        for key, ent in registry.items():
            if ent.country is None:
                known = self.kb.person(ent.entity_name, year)
                if known is not None:
                    ent.entity_name = known.name
                    ent.country = known.country
                    ent.role = ent.role or known.role
                    ent.sector_code = ent.sector_code or known.sector
        # second pass: every mention takes the registry's final view; national titles default to home
        explicit = [(m, m.entity.country) for m in people if m.entity.country]
        for m in people:
            key = _canon_person_key(m.entity.entity_name)
            reg = registry.get(key) or self._short_name_match(key, registry)
            if reg is not None:
                m.entity.entity_name = reg.entity_name
                for attr in ("country", "sector_code", "role"):
                    if getattr(m.entity, attr) is None:
                        setattr(m.entity, attr, getattr(reg, attr))
            if m.entity.country is None and m.entity.role and acts.home_country and m.entity.sector_code in (
                    "GOV", "LEG", "MIL", "JUD", "COP", "SPY"):
                m.entity.country = self._counterpart_country(m, explicit, acts.home_country, raw_mentions, sdoc,
                                                             sent_of) or acts.home_country
                if reg is not None and reg.country is None:
                    reg.country = acts.home_country
            if m.entity.country is None and m.entity.role and acts.home_country is None and m.entity.sector_code in (
                    "GOV", "LEG", "MIL", "JUD", "COP", "SPY", "ELI"):
                # "President X declared a state of siege in Haiti": an office-holder of no known state, in
                # a clause naming one state and no other, holds office there; a state the clause acts on
                # ("threatened action against Russia") or one named by the source of the report ("a
                # spokeswoman for the U.S. embassy said") is not his
                si = sent_of.get(m.head)
                named = {x.entity.country for x in raw_mentions if x.kind != "person" and x.entity.country
                         and len(x.entity.country) == 3 and x.entity.country not in _NON_STATE
                         and sent_of.get(x.head) == si and not _abroad(sdoc[x.head])
                         and not (x.kind in ("country", "capital") and _acted_on(sdoc[x.head]))}
                if len(named) == 1:
                    m.entity.country = named.pop()
                    if reg is not None and reg.country is None:
                        reg.country = m.entity.country
        # organisations with no country: government bodies belong to the home country
        for m in raw_mentions:
            if m.kind == "org" and m.entity.country is None:
                org = self.kb.org(m.entity.entity_name)
                named = next((x for x in raw_mentions if x.kind in ("country", "demonym") and x.tok_end == m.tok_start
                              and sdoc[x.head].dep_ in ("compound", "amod") and
                              m.tok_start <= sdoc[x.head].head.i < m.tok_end), None)
                # "the Commission" after "the European Commission": the short name of a body named before
                longer = next((x for x in reversed(raw_mentions) if x.kind == "org" and x.start < m.start
                               and x.entity.country and x.entity.entity_name.lower().endswith(
                                   " " + m.entity.entity_name.lower())), None)
                if org is not None:
                    m.entity = self._org_entity(m.entity.raw_text, org)
                elif longer is not None:
                    m.entity = Entity(raw_text=m.entity.raw_text, entity_name=longer.entity.entity_name,
                                      country=longer.entity.country, sector_code=longer.entity.sector_code,
                                      role=longer.entity.role, entity_type=longer.entity.entity_type)
                elif named is not None and named.entity.country:
                    # "the UK Carrier Strike Group": a body of no known country with a state named just before
                    # it is that state's
                    m.entity.country = named.entity.country
                elif GOV_BODY.search(m.entity.entity_name) and acts.home_country and (dl_end or not self._home_tied(raw_mentions)):
                    m.entity.country = acts.home_country
                    m.entity.sector_code = m.entity.sector_code or "GOV"
        # demonym + role noun: "Israeli soldiers", "Swiss doctors" are groups with that sector
        for m in raw_mentions:
            if m.kind == "demonym":
                self._demonym_group(m, sdoc)
        # "the Chilean envoy", after "Chile's envoy Ana Ruiz": a definite unnamed official of a state is the last
        # person of that state named with that office (never one of another state)
        for m in raw_mentions:
            if m.kind == "demonym" and m.entity.entity_type == "person" and m.entity.role and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this") for c in sdoc[m.head].head.children) and not any(
                    p.kind == "person" and p.tok_start <= m.head < p.tok_end for p in raw_mentions):
                who = office_holder(raw_mentions, m.entity.role, m.start, m.entity.country)
                if who is not None:
                    m.entity = Entity(raw_text=m.entity.raw_text, entity_name=who.entity_name, country=who.country,
                                      sector_code=who.sector_code, role=who.role, entity_type="person")
                    m.kind = "person"
        # later short mentions the tagger missed: "Bae" alone, after "Bae Kyung-hoon"
        raw_mentions.extend(self._short_mentions(sdoc, registry, raw_mentions, document.body_start))
        raw_mentions.sort(key=lambda m: m.start)
        # ownership: the widest extent wins, so a person owns the organisation in his title and an
        # organisation owns the country in its name
        for m in sorted(raw_mentions, key=lambda m: -(m.tok_end - m.tok_start)):
            for i in range(m.tok_start, m.tok_end):
                acts.owner.setdefault(i, m)
        for m in raw_mentions:
            m.sent = sent_of.get(m.head, 0)
        acts.mentions = [m for m in raw_mentions if acts.owner.get(m.head) is m or m.kind == "person"]
        return acts

    # -- helpers -------------------------------------------------------------------------------------
    def _known_people(self, sdoc, text, body_start, taken, mentions, toks, head_of) -> list[Mention]:
        """Runs of proper nouns that no mention covers and that name one person of the people table
        (full name or an alias only that person has); the longest such name in a run wins."""
        covered = [(a, b) for a, b in taken] + [(m.start, m.end) for m in mentions]
        out = []
        for run in re.finditer(r"[A-Z][\w'’.]*(?:(?:[ \t]+|-)[A-Z][\w'’.]*){0,4}", text[body_start:]):
            at = body_start + run.start()
            words = [(at + w.start(), at + w.end())
                     for w in re.finditer(r"[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*", run.group(0))]
            i = 0
            while i < len(words):
                hit = None
                for j in range(len(words), i, -1):
                    s, e = words[i][0], words[j - 1][1]
                    if text[e - 1] == ".":
                        e -= 1
                    if any(s < b and a < e for a, b in covered):
                        continue
                    span = toks(s, e)
                    if span is None or any(sdoc[k].pos_ != "PROPN" and not sdoc[k].is_punct
                                           for k in range(*span)):
                        continue
                    if self.kb.person(text[s:e]) is not None:
                        hit = (s, e, span, j)
                        break
                if hit is None:
                    i += 1
                    continue
                s, e, span, i = hit
                pe = Entity(raw_text=text[s:e], entity_name=text[s:e], entity_type="person")
                out.append(Mention(s, e, span[0], span[1], pe, "person", head_of(*span)))
                covered.append((s, e))
        return out

    def _described_names(self, sdoc, text, body_start, mentions, head_of) -> list[Mention]:
        """Runs of two or three capitalised proper nouns no mention covers and the tagger gave no other
        type, in apposition with an office or a description of a person ("Chile's envoy Ana Ruiz", "Ana Ruiz,
        Chile's deputy minister for mining", "his Chilean counterpart Ana Ruiz"): a person."""
        covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}

        def personal(noun) -> bool:
            if noun.pos_ != "NOUN":
                return False
            if noun.lower_ in _person_nouns():
                return True
            words = " ".join(x.text for x in noun.subtree if x.i <= noun.i and x.dep_ in ("compound", "amod")
                             or x.i == noun.i)
            role = self.kb.role(words)
            return role is not None and role.kind == "person"

        out = []
        for t in sdoc:
            if t.idx < body_start or t.pos_ != "PROPN" or t.i in covered:
                continue
            run = [c for c in t.children if c.dep_ == "compound" and c.i < t.i and c.pos_ == "PROPN"] + [t]
            if not 2 <= len(run) <= 3 or run[-1].i - run[0].i != len(run) - 1 or any(
                    x.i in covered or x.pos_ != "PROPN" or not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", x.text)
                    or x.ent_type_ not in ("", "PERSON") for x in run):
                continue
            if not (any(c.dep_ == "appos" and c.i > t.i and personal(c) for c in t.children)
                    or any(c.dep_ == "compound" and c.i == run[0].i - 1 and personal(c) for c in t.children)
                    or t.dep_ == "appos" and t.head.i < run[0].i and personal(t.head)):
                continue
            s, e = run[0].idx, t.idx + len(t.text)
            pe = Entity(raw_text=text[s:e], entity_name=text[s:e], entity_type="person")
            out.append(Mention(s, e, run[0].i, t.i + 1, pe, "person", head_of(run[0].i, t.i + 1)))
            covered.update(x.i for x in run)
        return out

    def _complete_name(self, text: str, s: int, name: str) -> str:
        """A person name the tagger cut short ("Jan van der" of "Jan van der Berg") completed by the next
        one or two words, when the longer name is a known person and the shorter is not."""
        if self.kb.person(name) is not None:
            return name
        words = re.match(r"(?:[ \t]+[A-Z][\w'’.-]*){1,2}", text[s + len(name): s + len(name) + 60])
        if not words:
            return name
        parts = words.group(0).split()
        for k in range(len(parts), 0, -1):
            longer = name + " " + " ".join(parts[:k])
            if self.kb.person(longer) is not None:
                return longer
        return name

    @staticmethod
    def _home_tied(mentions: list[Mention]) -> bool:
        """Whether two sides are named equally often (an article about the two of them: no home country by count);
        the European Union counts as a side."""
        counts: dict[str, int] = {}
        for m in mentions:
            if (m.kind in ("country", "capital", "demonym") or m.entity.country == "EUR") and m.entity.country \
                    and len(m.entity.country) == 3:
                counts[m.entity.country] = counts.get(m.entity.country, 0) + 1
        top = sorted(counts.values(), reverse=True)
        return len(top) >= 2 and top[0] == top[1]

    @staticmethod
    def _counterpart_country(m: Mention, explicit, home: str, mentions: list[Mention], sdoc, sent_of) -> str | None:
        """"Science Minister Lee and Polish Digital Minister Gawkowski reached the deal" in a report filed from
        Poland: an official of no stated state coordinated with one the report marks as of the home state is the
        other side's, the one other state the article's first sentence naming two states names."""
        tok = sdoc[m.head]
        partners = [c for x, c in explicit if x is not m and c == home and (
            sdoc[x.head].dep_ == "conj" and sdoc[x.head].head.i == tok.i or tok.dep_ == "conj" and tok.head.i == x.head)]
        if not partners:
            return None
        by_sent: dict[int, set] = {}
        for x in mentions:
            if x.kind in ("country", "capital", "demonym") and x.entity.country and len(x.entity.country) == 3 \
                    and x.entity.country not in _NON_STATE:
                by_sent.setdefault(sent_of.get(x.head, -1), set()).add(x.entity.country)
        for si in sorted(by_sent):
            if si >= 0 and len(by_sent[si]) >= 2:
                others = by_sent[si] - {home}
                return others.pop() if len(others) == 1 else None
        return None

    def _home_country(self, document: Document, mentions: list[Mention]) -> tuple[str | None, tuple[int, int]]:
        """The article's home country and the span of its dateline ((0, 0) if none)."""
        from .nlp import dateline
        dl = dateline(document, below_headline=True)
        if dl:
            start, end, place = dl
            for m in mentions:
                if m.start == start and m.kind in ("capital", "country") and m.entity.country:
                    return m.entity.country, (start, end)
            c = self.kb.country(place.title())
            if c is not None:
                return c.code, (start, end)
            from .places import Gazetteer
            loc = Gazetteer.default().lookup(place.title())
            if loc is not None and loc.country:
                return loc.country, (start, end)
        counts: dict[str, int] = {}
        for m in mentions:
            if m.kind in ("country", "capital", "demonym") and m.entity.country and len(m.entity.country) == 3:
                counts[m.entity.country] = counts.get(m.entity.country, 0) + 1
        if not counts or len(list(sdoc_sents(document))) < 3:
            return None, (0, 0)      # one sentence is too little to tell whose paper it is
        best = max(counts.values())
        if best < 2:
            return None, (0, 0)
        for m in mentions:  # ties: the first mentioned
            if counts.get(m.entity.country) == best:
                return m.entity.country, (0, 0)
        return None, (0, 0)

    def _attach_title(self, m: Mention, sdoc, mentions: list[Mention]) -> None:
        """Role, sector and country of a person from the words before and the apposition after.
        `mentions`: the document's mentions, sorted by start."""
        a = m.tok_start
        i = a - 1
        while i >= 0 and a - i <= 8:
            t = sdoc[i]
            if t.is_space or t.text == "\n":
                break
            # "Australian Industry and Science Minister", "Economy, Trade and Industry Minister": one title
            joined = t.lower_ in ("and", "&", ",") and i - 1 >= 0 and i + 1 < a and sdoc[i - 1].text[:1].isupper() \
                and sdoc[i + 1].text[:1].isupper() and sdoc[i - 1].lower_ in _portfolios()
            if t.pos_ in TITLE_STOP_POS and not (t.lower_ in ("of", "for") and i - 1 >= 0 and sdoc[i - 1].text[:1].isupper()) \
                    and t.tag_ != "POS" and t.text not in ("-",) and not joined:
                break
            if t.pos_ in ("NOUN", "ADJ") and not t.text[:1].isupper() and t.lower_ not in ("former", "deputy", "acting") \
                    and t.lower_ not in _person_nouns():     # "his Chilean counterpart Ana Ruiz": Chile's
                # lowercase common nouns are fine in titles ("science minister"), stop at others
                if self.kb.role(t.lower_) is None and not self.kb.role(" ".join(x.lower_ for x in sdoc[i:a])):
                    break
            i -= 1
        left_start = i + 1
        # apposition: "Name, director of the X," -> the appos subtree
        right_end = m.tok_end
        head = sdoc[m.head]
        # "with Ruto, Mahama, who ...": a name in apposition is another person, no title
        appos = [c for c in head.children if c.dep_ == "appos" and c.i >= m.tok_end and not (
            c.pos_ == "PROPN" and any(p.kind == "person" and p.tok_start <= c.i < p.tok_end for p in mentions if p is not m))]
        if not appos and m.tok_end + 1 < len(sdoc) and sdoc[m.tok_end].text == ",":
            # "talks between X and Faisal Al Mansouri, the Qatari minister of state": an apposition the parser hung elsewhere,
            # starting right after the name's comma and naming an office
            appos = [k for k in sdoc[m.tok_end + 1: min(len(sdoc), m.tok_end + 8)] if k.dep_ == "appos"
                     and min(x.i for x in k.subtree) == m.tok_end + 1 and (r := self.kb.role(
                         " ".join(x.text for x in k.subtree if x.i <= k.i))) is not None and r.kind == "person"][:1]
        if appos:
            sub = list(appos[0].subtree)
            if min(t.i for t in sub) - m.tok_end <= 2:
                right_end = max(t.i for t in sub) + 1
        title = sdoc[left_start:m.tok_start].text
        app = sdoc[m.tok_end:right_end].text
        desc = (title + " " + app).strip()
        if not desc:
            return
        role = self.kb.role(title) if title else None
        role = role or (self.kb.role(app) if app else None)
        ent = m.entity
        if role is not None:
            ent.role = role.role
            ent.sector_code = role.sector
        # country from the title/apposition: demonym, country, capital, or an organisation with a country
        lo, hi = sdoc[left_start].idx, sdoc[right_end - 1].idx + len(sdoc[right_end - 1].text)
        first = bisect_left(mentions, lo, key=_start)     # mentions are in text order
        inner = [x for x in itertools.takewhile(lambda x: x.start < hi, mentions[first:])
                 if x is not m and x.end <= hi and x.kind != "person"]
        for x in inner:
            if x.entity.country:
                ent.country = x.entity.country
                if x.kind == "org" and x.entity.sector_code and role is None:
                    ent.sector_code = x.entity.sector_code
                elif x.kind == "org" and x.entity.sector_code == "BUS":
                    ent.sector_code = "BUS"
                break
        m.tok_start, m.tok_end = left_start, max(right_end, m.tok_end)

    @staticmethod
    def _short_mentions(sdoc, registry, mentions, body_start) -> list[Mention]:
        """Capitalised words equal to the first or last word of exactly one registered person."""
        index: dict[str, set] = {}
        for key, ent in registry.items():
            words = ent.entity_name.replace("-", " ").split()
            if len(words) < 2:
                continue
            for w in (words[0], words[-1]):
                index.setdefault(w, set()).add(key)
        covered = set()
        for m in mentions:
            covered.update(range(m.start, m.end))
        out = []
        for t in sdoc:
            if t.idx < body_start or t.idx in covered or not t.text[:1].isupper() or t.pos_ != "PROPN":
                continue
            keys = index.get(t.text)
            if not keys or len(keys) != 1:
                continue
            if t.i + 1 < len(sdoc) and sdoc[t.i + 1].pos_ == "PROPN" and sdoc[t.i + 1].text[:1].isupper():
                continue      # part of a longer, different name
            ent = registry[next(iter(keys))]
            e = Entity(raw_text=t.text, entity_name=ent.entity_name, country=ent.country,
                       sector_code=ent.sector_code, role=ent.role, entity_type="person")
            out.append(Mention(t.idx, t.idx + len(t.text), t.i, t.i + 1, e, "person", t.i))
        return out

    @staticmethod
    def _short_name_match(key: str, registry: dict[str, Entity]) -> Entity | None:
        parts = key.split()
        if len(parts) > 2:
            return None
        hits = [e for k, e in registry.items() if len(parts) < len(k.split()) and (
            k.split()[0] == parts[0] or k.split()[-1] == parts[-1] or k.startswith(key + " ") or k.endswith(" " + key))]
        if len(parts) == 1:
            hits = [e for k, e in registry.items() if parts[0] in k.split()]
        return hits[0] if len({h.entity_name for h in hits}) == 1 else None

    def _demonym_group(self, m: Mention, sdoc) -> None:
        head = sdoc[m.head]
        # "Israeli soldiers": the demonym modifies a noun; a role noun makes it a group with that sector
        noun = head.head if head.dep_ in ("amod", "compound", "nmod", "conj") else None
        while noun is not None and noun.dep_ == "conj" and noun.head.i != noun.i and noun.pos_ == "ADJ":
            noun = noun.head
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            return
        role = self.kb.role(noun.lower_) or self.kb.role(noun.lemma_.lower())
        if role is None:
            return
        m.entity.sector_code = role.sector
        if role.kind in ("group", "person"):
            # "the Norwegian foreign minister" is one person; "Israeli soldiers" a group
            named = any(t.ent_type_ == "PERSON" for t in sdoc[noun.i + 1: noun.i + 8])
            m.entity.entity_type = "person" if role.kind == "person" and noun.tag_ in ("NN", "NNP") and not named \
                else "group"
            if m.entity.entity_type == "person":
                m.entity.entity_name = f"{m.entity.entity_name} ({role.role})"   # an unnamed official
            m.entity.role = role.role


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset:
    return frozenset(w.lower() for w in lexicon.read_json("event_rules.json").get("person_description_nouns", []))


@functools.lru_cache(maxsize=1)
def _body_name_heads() -> frozenset:
    return frozenset(w.lower() for w in lexicon.read_json("event_rules.json").get("body_name_heads", []))


def _named_after_firm(name: str, inner: list[Mention]) -> bool:
    """An organisation's name that starts with a firm's name and ends in a word of a body of its own
    (event_rules.json:body_name_heads: "the Apple Growers Union", "the Shell Fund"): the body is named
    after a word that is also the firm's name, no part of the firm."""
    words = name.split()
    firm = [m for m in inner if m.kind == "org" and m.entity.sector_code == "BUS"]
    return len(words) >= 2 and bool(firm) and words[-1].lower() in _body_name_heads() and \
        name.startswith(firm[0].entity.raw_text) and len(firm[0].entity.raw_text.split()) < len(words)


_TARGET_PREPS = frozenset({"against", "with", "to", "toward", "towards", "on", "at", "by", "over", "from", "into"})


# nouns of a state's presence abroad: "a spokeswoman for the U.S. embassy" names no state of the place
_ABROAD_NOUNS = frozenset({"embassy", "embassies", "consulate", "consulates", "ambassador", "ambassadors", "envoy",
                           "envoys", "legation", "chancery"})


def _abroad(tok) -> bool:
    """A state named as the owner of an embassy, consulate or envoy ("the U.S. embassy", "the embassy of
    France")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("compound", "amod", "poss", "nmod") and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.i != cur.head.i:
            cur = cur.head.head
        else:
            break
        if cur.lower_ in _ABROAD_NOUNS:
            return True
    return False


def _acted_on(tok) -> bool:
    """A state named as the object of a verb or of a preposition of the other side ("against Russia",
    "visited Chile"), also as the possessor or modifier of such an object ("Russia's forces"); the
    caller asks only of a state named itself, not of a demonym ("against 28 Chilean officials")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("dobj", "dative", "iobj"):
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ in _TARGET_PREPS:
            return True
        if cur.dep_ in ("poss", "compound", "amod", "nmod", "conj", "appos") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return False
    return False


def sdoc_sents(document: Document):
    """Rough sentence split of the body, enough to tell a one-line item from an article."""
    # also where a sentence runs into the next with no space ("in the sector.The ministry said")
    return [x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])",
                                document.text[document.body_start:].strip()) if x]


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


def office_holder(mentions: list[Mention], office: str, before: int, country: str | None = None) -> Entity | None:
    """The most recent person of `mentions` named before offset `before` who holds `office` (a role of
    roles.tsv: every word of it in the person's role, and no rank word of the person's role missing from
    it), of `country` when given."""
    want = set(re.findall(r"[a-z]+", office.lower()))
    for m in reversed([m for m in mentions if m.kind == "person" and m.end <= before]):
        if country is not None and m.entity.country != country:
            continue
        have = set(re.findall(r"[a-z]+", (m.entity.role or "").lower()))
        if want and want <= have and not (have - want) & RANK_WORDS:
            return m.entity
    return None


def describe_pair(text: str) -> str | None:
    """'the two countries' -> 'countries'; 'the chief diplomats' -> 'diplomats'; else None."""
    t = text.strip()
    mm = PLURAL_PAIR.match(t) or PAIR_DESC.match(t)
    return mm.group(1).lower() if mm else None


def is_person_description(word: str) -> bool:
    return word in PERSON_WORDS
