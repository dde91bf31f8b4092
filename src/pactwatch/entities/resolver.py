"""The actor resolver: the mentions of one document (countries, demonyms, capitals and seats of government,
organisations, people) resolved to entities of the knowledge tables, which tokens each one owns, and the
article's home country."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..columns import columns
from ..knowledge import Knowledge, load_knowledge
from ..model import Document, Entity
from .doc_actors import DocActors, Mention, office_holder, sdoc_sents
from .names import (GOV_BODY, foreign_official_words, meeting_verbs, NOT_A_NAME, ORG_WORD, _NON_STATE, _abroad, _acted_on, _canon_person_key, _named_after_firm,
                    _portfolios, world_wires)
from .people import PeopleResolution


class _TokenAt:
    """The index of the token whose text covers a character offset of the document (None between tokens)."""

    def __init__(self, sdoc):
        from spacy.attrs import IDX, LENGTH
        a = sdoc.to_array([IDX, LENGTH]).reshape(-1, 2)
        self.starts, self.ends = a[:, 0].tolist(), (a[:, 0] + a[:, 1]).tolist()

    def __call__(self, c: int) -> int | None:
        i = bisect_right(self.starts, c) - 1
        return i if i >= 0 and c < self.ends[i] else None


"""Verbs of one official meeting another: the two are of two sides."""


_TRAILING_POSSESSIVE = re.compile(r"'s$|’s$")
_UPPERCASE_LETTER = re.compile(r"[A-Z]")
_LEADING_THE = re.compile(r"^(the|The)\s+")
_BRACKETED_AGENCY = re.compile(r"\(([^()]{2,40})\)")  # "(Yonhap)" in a dateline


class ActorResolver(PeopleResolution):
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

    def resolve(self, document: Document, sdoc, sent_spans: list | None = None) -> DocActors:
        """The document's actors (`sent_spans`: ``list(sdoc.sents)``, when the caller has it)."""
        text = document.text
        acts = DocActors(document=document)
        tok_at = _TokenAt(sdoc)
        sent_of = {}
        for si, s in enumerate(sdoc.sents if sent_spans is None else sent_spans):
            sent_of.update(dict.fromkeys(range(s.start, s.end), si))

        def toks(s: int, e: int) -> tuple[int, int] | None:
            a = tok_at(s)
            b = tok_at(e - 1)
            if a is None or b is None:
                return None
            return a, b + 1

        heads = columns(sdoc).head

        def head_of(a: int, b: int) -> int:
            for i in range(a, b):
                h = heads[i]
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
            if ent.label_ == "PERSON" or self._person_tagged_org(ent):
                # a knowledge match inside a person name ("Jordan") loses to the person name when the
                # name has two or more words
                inner = [m for m in raw_mentions if s <= m.start and m.end <= e]
                bare = len(_TRAILING_POSSESSIVE.sub("", text[s:e]).rstrip())
                if inner and (len(ent) < 2 or any(m.kind in ("demonym", "org") for m in inner)
                              or any(m.start == s and m.end >= s + bare for m in inner)):
                    continue        # "Jordan", "Bosnian Serbs", "Hezbollah", "Sri Lanka": the knowledge files know better
                for m in inner:
                    raw_mentions.remove(m)
                name = _TRAILING_POSSESSIVE.sub("", text[s:e]).strip()
                name = self._complete_name(text, s, name)
                span = toks(s, s + len(name))
                if span is None or not _UPPERCASE_LETTER.search(name) or NOT_A_NAME.search(name):
                    continue
                for m in [m for m in raw_mentions if s <= m.start and m.end <= s + len(name)]:
                    raw_mentions.remove(m)      # "Leyen" tagged a place inside the completed name
                pe = Entity(raw_text=name, entity_name=name, entity_type="person")
                raw_mentions.append(Mention(s, s + len(name), span[0], span[1], pe, "person", head_of(*span)))
                taken.append((s, max(e, s + len(name))))
            elif ent.label_ in ("ORG", "NORP") and not overlaps_taken(s, e):
                name = _LEADING_THE.sub("", text[s:e])
                name = _TRAILING_POSSESSIVE.sub("", name).strip()
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
                name = _LEADING_THE.sub("", text[s:e])
                name = _TRAILING_POSSESSIVE.sub("", name).strip()
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
        agency = self._agency_home(document.text[dl_start:dl_end], raw_mentions, dl_end) if dl_end else None
        if agency is not None and agency != acts.home_country:
            # "RIYADH, April 22 (Yonhap) - Science Minister X ...": a national agency's correspondent abroad writes of
            # his own country's officials; the dateline still says where the report was filed
            acts.home_country = agency
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
        defaulted: list[Mention] = []   # officials given the article's home country for want of a stated one
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
                defaulted.append(m)
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
                # "the UK strike group", "China's commerce ministry": a state named just before it
                named = next((x for x in raw_mentions if x.kind in ("country", "demonym") and (
                    x.tok_end == m.tok_start or x.tok_end + 1 == m.tok_start and sdoc[x.tok_end].tag_ == "POS")
                              and sdoc[x.head].dep_ in ("compound", "amod", "poss") and
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
        # "Peru's Congress", "the Peruvian Senate": a legislature or government body of one state named with another
        # state just before it is that state's (the table's "Congress" is the US one)
        for m in raw_mentions:
            if m.kind == "org" and m.entity.country and m.entity.sector_code in ("LEG", "GOV") and \
                    m.entity.entity_type == "organization":
                named = next((x for x in raw_mentions if x.kind in ("country", "demonym") and (
                    x.tok_end == m.tok_start or x.tok_end + 1 == m.tok_start and sdoc[x.tok_end].tag_ == "POS")
                              and sdoc[x.head].dep_ in ("compound", "amod", "poss") and
                              m.tok_start <= sdoc[x.head].head.i < m.tok_end), None)
                if named is not None and named.entity.country and named.entity.country != m.entity.country \
                        and named.entity.country not in _NON_STATE and m.entity.country not in _NON_STATE:
                    m.entity = Entity(raw_text=m.entity.raw_text, entity_name=f"{m.entity.raw_text} ({named.entity.country})",
                                      country=named.entity.country, sector_code=m.entity.sector_code,
                                      role=None, entity_type="organization")
        self._bodies_named_with_state(raw_mentions)
        self._foreign_officials(defaulted, people, raw_mentions, sdoc, acts.home_country, bool(dl_end))
        if not dl_end:      # (a dateline says whose officials the article's untitled ones are: none here)
            self._office_of_named_ministry(defaulted, people, raw_mentions)
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

    def _person_tagged_org(self, ent) -> bool:
        """"Aden Duale, the health cabinet secretary, said": a name the tagger took for an organisation (two or more
        proper nouns, no organisation word) with an office in apposition is a person."""
        if ent.label_ != "ORG" or len(ent) < 2 or not all(t.pos_ == "PROPN" for t in ent) or \
                ORG_WORD.search(ent.text) or GOV_BODY.search(ent.text):
            return False
        for c in ent.root.children:
            if c.dep_ == "appos" and c.i >= ent.end:
                r = self.kb.role(" ".join(x.text for x in c.subtree))
                if r is not None and r.kind == "person":
                    return True
        return False

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
    def _bodies_named_with_state(mentions: list[Mention]) -> None:
        """"The Philippine Department of Energy ... a DOE readout": a national body the article names with a state
        is that state's wherever the article names it again by a name the tables give another state's body."""
        named = {m.entity.raw_text.lower(): m.entity for m in mentions if m.kind == "org" and m.entity.country
                 and m.entity.entity_name.endswith(f"({m.entity.country})")}
        if not named:
            return
        for m in mentions:
            own = named.get(m.entity.entity_name.lower()) if m.kind == "org" else None
            if own is not None and own.country != m.entity.country:
                m.entity = Entity(raw_text=m.entity.raw_text, entity_name=own.entity_name, country=own.country,
                                  sector_code=own.sector_code, role=None, entity_type="organization")

    @staticmethod
    def _foreign_officials(defaulted: list[Mention], people: list[Mention], mentions: list[Mention], sdoc, home,
                           datelined: bool) -> None:
        """Officials given the home country for want of a stated one whom the article shows to be foreign
        (``foreign_officials``): an envoy in a report filed from the home country ("DHAKA - Ambassador Iwama called
        on the foreign adviser") is accredited there; a person who makes a visit to a place of the home country ("a
        visit to Dhaka by State Minister Matsumoto") comes from abroad. Either is of the other state of the two the
        article is about, where there is one."""
        envoys, trips = foreign_official_words()
        counts = _state_counts(mentions, codes_only=True, states_only=True)
        others = [c for c in _two_most_named(counts) if c != home]
        if len(others) != 1 or home not in counts:
            return
        places = {x.head: x.entity.country for x in mentions if x.kind in ("country", "capital") and x.entity.country}
        foreign = set()
        for m in defaulted:
            if m.entity.country != home:
                continue
            # (the name with its title: "by State Minister for Foreign Affairs Hisashi Matsumoto")
            tok = next((t for t in sdoc[m.tok_start:m.tok_end] if not m.tok_start <= t.head.i < m.tok_end), sdoc[m.head])
            envoy = datelined and (m.entity.role or "").lower() in envoys
            # "a visit to Dhaka by State Minister Matsumoto": the name is the agent of a trip to the home country
            trip = tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.lemma_.lower() in trips and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(places.get(g.i) == home for g in c.children)
                for c in tok.head.head.children)
            if envoy or trip:
                foreign.add(m.entity.entity_name)
        for p in people:
            if p.entity.entity_name in foreign:
                p.entity.country = others[0]

    @staticmethod
    def _office_of_named_ministry(defaulted: list[Mention], people: list[Mention], mentions: list[Mention]) -> None:
        """"Energy Secretary Sharon Garin", given the article's home country for want of a stated one in an article
        with no dateline (its home country is only the one it names most), where the article names one state's
        ministry of that portfolio ("the Philippine Department of Energy"), one of the two states it is about: she holds
        office in that state."""
        words = _portfolios()
        pair = set(_two_most_named(_state_counts(mentions)))     # the two states the article is about
        for m in defaulted:
            port = {w for w in (m.entity.role or "").lower().replace(",", " ").split() if w in words}
            if not port:
                continue
            states = {x.entity.country for x in mentions if x.kind == "org" and x.entity.country
                      and x.entity.sector_code == "GOV" and x.entity.country not in _NON_STATE
                      and port & set(x.entity.entity_name.lower().replace(",", " ").split())}
            if len(states) != 1 or m.entity.country in states or not states <= pair:
                continue
            country = states.pop()
            for p in people:
                if p.entity.entity_name == m.entity.entity_name:
                    p.entity.country = country

    @staticmethod
    def _counterpart_country(m: Mention, explicit, home: str, mentions: list[Mention], sdoc, sent_of) -> str | None:
        """"Science Minister Lee and Polish Digital Minister Gawkowski reached the deal" in a report filed from
        Poland, "Ambassador Lee called on Energy Secretary X": an official of no stated state coordinated with, or
        met by, one the report marks as of the home state is the other side's, the one other state the article's
        first sentence naming two states names."""
        tok = sdoc[m.head]

        def verb_of(t):     # the verb a name is the subject or object of ("Ambassador Lee called on Secretary X")
            if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.pos_ == "VERB":
                return t.head
            if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ == "VERB":
                return t.head.head
            return None
        mine = verb_of(tok)
        partners = [c for x, c in explicit if x is not m and c == home and (
            sdoc[x.head].dep_ == "conj" and sdoc[x.head].head.i == tok.i or tok.dep_ == "conj" and tok.head.i == x.head
            # "Ambassador Lee [home] called on Energy Secretary X": the one met is of the other side
            or mine is not None and getattr(verb_of(sdoc[x.head]), "i", -1) == mine.i
            and mine.lemma_.lower() in meeting_verbs()
            and (sdoc[x.head].dep_ in ("nsubj", "nsubjpass")) != (tok.dep_ in ("nsubj", "nsubjpass")))]
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

    def _agency_home(self, dateline: str, mentions: list[Mention], body_from: int) -> str | None:
        """The country of a news agency named in the dateline's brackets ("(Yonhap)", "(Kyodo)") when the article
        names that country in its body too: a national agency reporting from abroad; else None (a world wire
        service, "(Reuters)", writes from where it files)."""
        m = _BRACKETED_AGENCY.search(dateline)
        if m is None:
            return None
        for _, _, kind, obj in self.kb.find(m.group(1)):
            if kind == "org" and obj.name.lower() in world_wires():
                return None
            if kind == "org" and getattr(obj, "sector", None) == "JRN" and obj.country and len(obj.country) == 3 \
                    and any(x.start >= body_from and x.entity.country == obj.country and x.kind in (
                        "country", "capital", "demonym") for x in mentions):
                return obj.country
        return None

    def _home_country(self, document: Document, mentions: list[Mention]) -> tuple[str | None, tuple[int, int]]:
        """The article's home country and the span of its dateline ((0, 0) if none)."""
        from ..nlp import dateline
        dl = dateline(document, below_headline=True)
        if dl:
            start, end, place = dl
            for m in mentions:
                if m.start == start and m.kind in ("capital", "country") and m.entity.country:
                    return m.entity.country, (start, end)
            c = self.kb.country(place.title())
            if c is not None:
                return c.code, (start, end)
            from ..places import Gazetteer
            loc = Gazetteer.default().lookup(place.title())
            if loc is not None and loc.country:
                return loc.country, (start, end)
        counts = _state_counts(mentions, codes_only=True)
        if not counts or len(list(sdoc_sents(document))) < 3:
            return None, (0, 0)      # one sentence is too little to tell whose paper it is
        best = max(counts.values())
        if best < 2:
            return None, (0, 0)
        for m in mentions:  # ties: the first mentioned
            if counts.get(m.entity.country) == best:
                return m.entity.country, (0, 0)
        return None, (0, 0)


def _state_counts(mentions: list[Mention], codes_only: bool = False, states_only: bool = False) -> dict[str, int]:
    """How often the article names each country (by its name, capital or demonym), in text order of first naming;
    `codes_only`: three-letter codes only; `states_only`: no blocs or other non-state codes either."""
    counts: dict[str, int] = {}
    for m in mentions:
        c = m.entity.country
        if m.kind in ("country", "capital", "demonym") and c and (not codes_only or len(c) == 3) and not (
                states_only and c in _NON_STATE):
            counts[c] = counts.get(c, 0) + 1
    return counts


def _two_most_named(counts: dict[str, int]) -> list[str]:
    """The two countries the article names most (ties: the first named)."""
    return sorted(counts, key=lambda c: -counts[c])[:2]
