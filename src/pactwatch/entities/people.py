"""People in the actor resolver: persons of the people table the tagger missed, described names, names
cut short, a person's title and apposition (role, sector, country), later short mentions ("Bae") and
demonym groups. ``ActorResolver`` (``resolver.py``) inherits these."""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from ..columns import columns
from ..model import Entity
from .doc_actors import Mention, _start
from .names import TITLE_STOP_POS, _person_nouns, _portfolios


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.]*(?:(?:[ \t]+|-)[A-Z][\w'’.]*){0,4}")  # up to five capitalised words
_CAPITALISED_WORD = re.compile(r"[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*")  # one word of such a run, hyphenated parts together
_NAME_WORD_SHAPE = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")  # "Ruiz", "Jean-Pierre"
_NEXT_CAPITALISED_WORDS = re.compile(r"(?:[ \t]+[A-Z][\w'’.-]*){1,2}")  # one or two capitalised words following a name


class PeopleResolution:
    """The person rules of ``ActorResolver``; they read ``self.kb``, the knowledge tables."""

    # -- helpers -------------------------------------------------------------------------------------
    def _known_people(self, sdoc, text, body_start, taken, mentions, toks, head_of) -> list[Mention]:
        """Runs of proper nouns that no mention covers and that name one person of the people table
        (full name or an alias only that person has); the longest such name in a run wins."""
        covered = [(a, b) for a, b in taken] + [(m.start, m.end) for m in mentions]
        out = []
        pos = columns(sdoc).pos
        for run in _CAPITALISED_RUN.finditer(text[body_start:]):
            at = body_start + run.start()
            words = [(at + w.start(), at + w.end())
                     for w in _CAPITALISED_WORD.finditer(run.group(0))]
            # the mentions that overlap the run: the only ones a name inside it can overlap
            near = [(a, b) for a, b in covered if a < body_start + run.end() and at < b]
            i = 0
            while i < len(words):
                hit = None
                for j in range(len(words), i, -1):
                    s, e = words[i][0], words[j - 1][1]
                    if text[e - 1] == ".":
                        e -= 1
                    if any(s < b and a < e for a, b in near):
                        continue
                    span = toks(s, e)
                    if span is None or any(pos[k] != "PROPN" and not sdoc[k].is_punct for k in range(*span)):
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
                near.append((s, e))
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

        from spacy.attrs import POS
        from spacy.symbols import PROPN
        out = []
        for t in _tokens_where(sdoc, POS, {PROPN}):
            if t.idx < body_start or t.pos_ != "PROPN" or t.i in covered:
                continue
            run = [c for c in t.children if c.dep_ == "compound" and c.i < t.i and c.pos_ == "PROPN"] + [t]
            if not 2 <= len(run) <= 3 or run[-1].i - run[0].i != len(run) - 1 or any(
                    x.i in covered or x.pos_ != "PROPN" or not _NAME_WORD_SHAPE.fullmatch(x.text)
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
        words = _NEXT_CAPITALISED_WORDS.match(text[s + len(name): s + len(name) + 60])
        if not words:
            return name
        parts = words.group(0).split()
        for k in range(len(parts), 0, -1):
            longer = name + " " + " ".join(parts[:k])
            if self.kb.person(longer) is not None:
                return longer
        return name

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
        if not appos and right_end == m.tok_end:
            # "Ahn Duk-geun, Korea's trade, industry and energy minister, and ...": an office set off by commas
            # after the name, whatever the parser made of it
            right_end = self._office_after(m, sdoc)
        if left_start == a:
            # "... and Chile's mining minister, Aurora Williams, signed": an office set off by a comma before it
            left_start = self._office_before(m, sdoc)
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

    def _is_office(self, span) -> bool:
        r = self.kb.role(span.text)
        # ("China's ambassador to Namibia, Zhao": the host named after "to" stays a party of its own)
        return r is not None and r.kind == "person" and span[-1].pos_ in ("NOUN", "PROPN") and \
            not any(t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON" or t.lower_ in ("to", "in") for t in span)

    def _office_after(self, m: Mention, sdoc) -> int:
        """The end of an office named right after the name's comma and closed by a comma or a stop ("Name, Korea's
        trade minister, ..."); the name's own end when there is none."""
        e = m.tok_end
        if e + 2 >= len(sdoc) or sdoc[e].text != "," or sdoc[e].sent.start != sdoc[m.tok_start].sent.start:
            return e
        for j in range(min(len(sdoc) - 1, e + 10), e + 1, -1):      # the longest office wins
            if sdoc[j].text in (",", ".", ";", ")") and sdoc[j - 1].sent.start == sdoc[e].sent.start and \
                    self._is_office(sdoc[e + 1:j]):
                return j
        return e

    def _office_before(self, m: Mention, sdoc) -> int:
        """The start of an office named right before the name and set off by a comma ("and Chile's mining minister,
        Name,"), opened by the sentence start, "and", a comma, a preposition or a verb; the name's own start when
        there is none."""
        a = m.tok_start
        if a < 3 or sdoc[a - 1].text != ",":
            return a
        sent_start = sdoc[a].sent.start
        for i in range(max(sent_start, a - 9), a - 2):      # the longest office wins
            # (or a preposition or verb before it: "the dialogue with Thailand's Minister of Digital Economy and
            # Society, Prasert Wongsakul")
            if (i == sent_start or sdoc[i - 1].lower_ in ("and", ",", "(") or sdoc[i - 1].pos_ in ("ADP", "VERB")) \
                    and self._is_office(sdoc[i:a - 1]):
                return i
        return a

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
        if not index:
            return []
        covered = set()
        for m in mentions:
            covered.update(range(m.start, m.end))
        from spacy.attrs import ORTH
        out = []
        for t in _tokens_where(sdoc, ORTH, {sdoc.vocab.strings[w] for w, keys in index.items() if len(keys) == 1}):
            keys = index.get(t.text)
            if not keys or len(keys) != 1:
                continue
            if t.idx < body_start or t.idx in covered or not t.text[:1].isupper() or t.pos_ != "PROPN":
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


def _tokens_where(sdoc, attr: int, values: set[int]) -> list:
    """The tokens of a document, in order, whose spaCy attribute `attr` (ORTH, POS...) has one of these ids:
    read from one array of the document, not by making every token (a walk that tests each one finds the
    same tokens)."""
    import numpy as np
    if not values or not len(sdoc):
        return []
    found = sdoc.to_array(attr)
    wanted = np.array(sorted(values), dtype=found.dtype)
    hits = found == wanted[0] if len(wanted) == 1 else np.isin(found, wanted)     # (one value: one comparison)
    return [sdoc[int(i)] for i in np.flatnonzero(hits)]
