"""The event record: one group of merged mentions becomes one ``Event`` with its evidence, confidence
and trace."""
from __future__ import annotations

import hashlib
import re

from ..knowledge import load_knowledge
from ..model import Document, Entity, Event, Evidence
from .mention import EventMention, dedupe, drop_redundant_countries
from .rules import KIND_RANK, LOCATED_TYPES


class RecordBuilder:
    def _finish(self, document: Document, g: list[EventMention], offset: int = 0) -> Event:
        first = g[0]
        typ = first.type
        actors, recips = [], []
        for m in g:
            actors.extend(m.actors)
            recips.extend(m.recipients)
        actors = dedupe(actors)
        recips = [e for e in dedupe(recips) if e.entity_name not in {a.entity_name for a in actors}]
        actors, recips = drop_redundant_countries(actors), drop_redundant_countries(recips)
        loc = next((m.location for m in g if m.location is not None), None)
        if loc is not None and loc.country and not recips and typ in LOCATED_TYPES and loc.country not in {
                e.country for e in actors}:
            name = load_knowledge().country_name(loc.country) or loc.country
            recips = [Entity(raw_text=loc.name, entity_name=name, country=loc.country, sector_code=None,
                             entity_type="country")]
        mode = [first.mode] if first.mode else []
        if typ == "CONSULT" or (typ == "AGREE" and first.cls == "meeting"):
            allp = dedupe(actors + recips)
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
