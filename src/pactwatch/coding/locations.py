"""Locations: where an event happened. A place in the event's own clause (or where a visit goes), else the
place of the occasion the article placed at its time, of its setting, or of the article's dateline."""
from __future__ import annotations

import re

from .. import dates as dates_mod
from ..knowledge import load_knowledge
from ..model import Location
from ..nlp import dateline
from .mention import EventMention
from .rules import lemma_of
from .times import _background

_LEADING_THE = re.compile(r"^the\s+", re.I)


def _is_landmark(name: str, loc: Location) -> bool:
    """A building or seat standing for its city ("the White House" -> Washington): keep both names."""
    n = _LEADING_THE.sub("", name.strip()).lower()
    city = loc.name.lower()
    return bool(n) and n not in city and city not in n and loc.geonames_id is not None and any(
        w in n for w in ("house", "department", "palace", "hall", "kremlin", "pentagon", "street", "hill",
                         "headquarters", "building", "office", "residence", "cheong wa dae", "zhongnanhai",
                         "elysee", "élysée", "quai", "capitol", "ministry", "center", "centre"))


class LocationRules:
    """The EventCoder steps of place: the place of each mention, then places from the article around it."""

    def _location(self, pred, t, folded, sdoc, span, actors) -> tuple[Location | None, str | None]:
        """Where the event happened, and the id of the rule that found it: a place in a prepositional phrase
        of the event's own clause (``place_preps``), or where a visit goes (``travel_verbs``)."""
        cfg = self.rules.cfg
        cands, occ = [], []
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
                    # "met Holm in Copenhagen": the parser may hang the place on the object; one level only,
                    # and only on a party: "discussed the war in Ukraine" did not happen in Ukraine
                    if c.pos_ != "PROPN" and c.i not in folded and c.i != t.i and \
                            not {f"{lemma_of(tok)}|{lemma_of(c)}", f"{lemma_of(tok)}|{c.lower_}"} & cfg["verb_object_types"].keys() and \
                            not any(actors.owner.get(x.i) is not None for x in c.subtree if x.i <= c.i):
                        continue
                    for pp in c.children:
                        if pp.dep_ == "prep" and pp.lower_ in cfg["place_preps"]:
                            cands.extend((depth + 1, p) for p in pp.children if p.dep_ == "pobj")
                    continue
                if c.dep_ in ("acl", "relcl") and lemma_of(c) in cfg["occurrence_verbs"] and (
                        depth == 0 or tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during")):
                    # "a council taking place in Porto", "at the summit, held in Lima": where it is held
                    occ.extend((depth, p) for pp in c.children if pp.dep_ == "prep" and pp.lower_ in ("in", "at")
                               for p in pp.children if p.dep_ == "pobj")
                    continue
                if c.dep_ == "xcomp" and depth == 0 and lemma_of(c) in cfg["occurrence_verbs"]:
                    frontier.append((c, depth))     # "is scheduled to take place in Riyadh": where it is held
                    continue
                if c.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "nsubj", "nsubjpass", "dobj", "acl", "xcomp",
                              "conj", "appos"):
                    continue
                if c.dep_ == "prep" and c.lower_ in cfg["destination_preps"] and not any(
                        p.dep_ == "pobj" and (p.ent_type_ in ("DATE", "TIME") or lemma_of(p) == "time") for p in c.children):
                    continue    # "will provide $150 million for a plant near Nairobi": where the money goes, not the act
                if c.dep_ == "prep" and c.lower_ in cfg["place_preps"] or (c.dep_ == "prep" and c.lower_ == "of"
                                                                           and tok.lower_ in ("city", "town", "capital", "port", "village", "province")):
                    for pobj in c.children:
                        # "called on Japan", "pressure on China": a state after "on" is a party, not a place
                        if pobj.dep_ == "pobj" and not (c.lower_ == "on" and actors.owner.get(pobj.i) is not None
                                                        and actors.owner[pobj.i].kind == "country"):
                            cands.append((depth, pobj))
                frontier.append((c, depth + 1))
        for r in roots:
            # "will visit Tokyo", "travelled to Brussels", "arrived in Seoul": where the visit goes
            if lemma_of(r) in cfg["travel_verbs"] or r.lower_ in cfg["travel_nouns"]:
                for c in r.children:
                    if c.dep_ == "dobj":
                        cands.append((-1, c))
                        # "will visit the headquarters of a chipmaker in Hsinchu": where what is visited is
                        cands.extend((0, p) for pp in c.subtree if pp.dep_ == "prep" and pp.lower_ in ("in", "at")
                                     for p in pp.children if p.dep_ == "pobj")
                    elif c.dep_ == "prep" and c.lower_ in ("to", "for"):
                        cands.extend((-1, p) for p in c.children if p.dep_ == "pobj")
        # "signed an agreement with X on the sidelines of the summit in Porto": the setting's place,
        # wherever the parser hung the setting inside the clause
        for r in roots[:1]:
            for x in r.subtree:
                if x.lower_ in cfg["setting_nouns"] and not _in_other_clause(x, r):
                    cands.extend((5, p) for pp in x.subtree if pp.dep_ == "prep" and pp.lower_ in ("in", "at")
                                 for p in pp.children if p.dep_ == "pobj")
        cands.sort(key=lambda x: x[0])
        cands += [(6, p) for _, p in sorted(occ, key=lambda x: x[0])]
        for depth, tok in cands:
            loc = self._place_of(tok, sdoc, actors)
            if loc is not None:
                return loc, ("event_rules.json:travel_verbs" if depth < 0 else "place.of_setting" if depth == 5
                             else "event_rules.json:occurrence_verbs" if depth == 6 else "event_rules.json:place_preps")
        return None, None

    def _described_destination(self, pred, folded, sdoc, state) -> Location | None:
        """Where a visit goes when the article names it by a description ("are travelling to the European
        country", "a trip to the Gulf state"): the one state the description refers to (`Discourse.resolve`)."""
        cfg = self.rules.cfg
        for r in [pred] + [sdoc[i] for i in sorted(folded) if sdoc[i] is not pred]:
            if lemma_of(r) not in cfg["travel_verbs"] and r.lower_ not in cfg["travel_nouns"]:
                continue
            for c in r.children:
                dest = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "to" else []
                for p in dest:
                    if p.pos_ != "NOUN" or any(x.pos_ == "PROPN" for x in p.subtree):
                        continue
                    states = {e.country for e in state.resolve(p, sdoc) if e.entity_type == "country" and e.country}
                    name = load_knowledge().country_name(next(iter(states))) if len(states) == 1 else None
                    loc = self.gaz.lookup(name) if name else None
                    if loc is not None and loc.country in states:
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
        if tok.lower_ in ("city", "town", "capital", "port", "village", "province", "island") and not (
                tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)):
            # ("Mexico City", "Kuwait City" are names)
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

    def _inherit_places(self, groups):
        """An event the article tells with no place of its own took place where its setting did ("met
        the host during the summit" -> the summit's city), or, for a meeting or a signing, where the
        occasion of the same time the article placed did ("the summit in Porto on Friday ... this
        historic summit"). A time that does not agree, or two occasions placed differently at that time,
        give no place."""
        placed_of = {}
        for g in groups:
            loc = next((m.location for m in g if m.location is not None), None)
            for m in g:
                placed_of[id(m)] = loc
        for g in groups:
            if any(m.location is not None for m in g):
                continue
            for m in g:
                if m.frame_of is not None and not m.frame_offset and placed_of.get(id(m.frame_of)) is not None:
                    g[0].location = placed_of[id(m.frame_of)]
                    g[0].note("location", "place.setting_of_placed_event")
                    break
        # every placed record counts, a background one too ("when they met in Ottawa in February"): two
        # places at one time leave the event unplaced
        occasions = [(g, next(m.location for m in g if m.location is not None),
                      next((m.date for m in g if m.date is not None and m.date.value), None))
                     for g in groups if any(m.location is not None for m in g)]
        for g in groups:
            if any(m.location is not None for m in g) or (g[0].cls not in ("meeting", "accord") and
                                                          g[0].type not in self.rules.cfg["dateline_place_types"]) \
                    or any(_background(m) or _names_a_place(m) for m in g):
                continue
            te = next((m.date for m in g if m.date is not None and m.date.value), None)
            if g[0].cls not in ("meeting", "accord") and (te is None or te.precision != "day"):
                continue    # an agreement or act that is no meeting: only an occasion of its very day places it
            # a plan takes the place of the planned occasion of its time, a past event the place of a past one
            same = {(loc.name, loc.country): loc for og, loc, ote in reversed(occasions)
                    if og is not g and _planned(og) == _planned(g) and _dates_agree(te, ote)}
            if len(same) == 1:
                g[0].location = next(iter(same.values()))
                g[0].note("location", "place.occasion_of_same_time")
        self._dateline_places(groups)

    def _dateline_places(self, groups):
        """"BERLIN, Oct 14 (Reuters) - Germany and India on Monday signed ...": a meeting, signing or accord
        (``dateline_place_types``) done on the dateline's day (the report's day when the dateline has none)
        with no place of its own took place in the dateline's city. Not a plan, an act told in a relative
        clause, or one whose clause names a place."""
        types = self.rules.cfg["dateline_place_types"]
        cands = [(g, te) for g in groups if g[0].type in types and not any(m.location is not None for m in g)
                 for te in [next((m.date for m in g if m.date is not None and m.date.value), None)]
                 if te is not None and te.precision == "day"]
        document = getattr(self, "_anchor_doc", None)
        if not cands or document is None or not document.date:
            return
        dl = dateline(document, below_headline=True)
        where = self.gaz.lookup(dl[2]) if dl is not None else None
        if where is None:
            return
        day = next((te.value for te in dates_mod.find_time_expressions(document.text[dl[0]:dl[1]], document.date)
                    if te.value and te.precision == "day"), document.date[:10])
        # an act of that day the article places in another city: the dateline is where the report was filed
        if any(m.location is not None and m.location.country != where.country and m.date is not None
               and m.date.value == day and not _planned(g) for g in groups for m in g):
            return
        for g, te in cands:
            if te.value == day and not _planned(g) and not any(
                    m.pred.dep_ in ("relcl", "acl") or _names_a_place(m) for m in g):
                g[0].location = where
                g[0].note("location", "place.dateline")


def _in_other_clause(x, root) -> bool:
    """Whether token x sits in a clause of its own below `root` (relative, adverbial, complement)."""
    cur = x
    for _ in range(12):
        if cur.i == root.i or cur.head.i == cur.i:
            return False
        if cur.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "acl"):
            return True
        cur = cur.head
    return True


def _dates_agree(a, b) -> bool:
    """Whether an event of time `a` may be an occasion of time `b`: `b` is `a` or lies inside it, and `a` is
    a month or a day (an occasion known only to the month does not place an event of a given day)."""
    if a is None or b is None or not a.value or not b.value:
        return False
    return len(a.value) >= 7 and b.value.startswith(a.value)


def _names_a_place(m: EventMention) -> bool:
    """Whether the mention's own words put it somewhere ("in La Paz") that the parse did not attach: then
    the article's occasion is not its place either."""
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") and t.head.lower_ in ("in", "at")
               for t in m.head.sent if m.span[0] <= t.idx < m.span[1])


def _planned(g) -> bool:
    """Whether a record is a plan: every mention told ahead, or a promise not told as made in the past
    ("agreed on Wednesday to resume talks" was agreed; "will cooperate" is ahead)."""
    if all(m.future for m in g):
        return True
    return g[0].type == "AGREE" and not any(m.pred.tag_ == "VBD" and not m.future for m in g)
