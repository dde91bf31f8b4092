"""The records that flow through the pipeline.

ingest -> Document; nlp + coding -> DocResult (sentences, entity mentions,
events); store keeps them; export writes Event.to_dict() as SCHEMA.md says.
Plain dataclasses with no behaviour beyond (de)serialisation, so every stage
can be tested on its own.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
AUX_MODES = ("future", "historical", "hypothetical", "negation")
TOPICS = (
    "artificial_intelligence", "quantum", "biotechnology", "pharmaceuticals", "semiconductors",
    "advanced_computing", "communications", "space", "nuclear_energy", "clean_energy",
    "cybersecurity", "advanced_manufacturing", "critical_minerals", "robotics", "science_research",
)


@dataclass
class Document:
    """One input article. `text` is exactly what offsets point into."""
    id: str
    text: str
    date: str | None = None          # publication date, YYYY-MM-DD, or None when unknown
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = None        # where it was read from: "path" or "path:line"
    body_start: int = 0              # offset where the article proper starts (after a date header)
    warnings: list[str] = field(default_factory=list)  # e.g. "no publication date: events get no relative dates"

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        h.update((self.date or "").encode())
        h.update(b"\0")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()


_LINE_PREFIX = re.compile(r"^line \d+:\s*")  # "line 12: " opening a reason; the line is shown with the origin


@dataclass
class Failure:
    """An input that could not be read as a document."""
    origin: str                      # file path
    reason: str
    line: int | None = None          # line number for JSON Lines input
    doc_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line else self.origin
        reason = _LINE_PREFIX.sub("", self.reason) if self.line else self.reason
        return f"{where}: {reason}"


@dataclass
class Entity:
    raw_text: str
    entity_name: str
    country: str | None = None       # ISO 3166-1 alpha-3 or PLOVER non-state code
    sector_code: str | None = None
    role: str | None = None
    entity_type: str = "organization"  # person | organization | country | group
    start: int | None = None         # offsets of the mention in the document (not exported)
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"raw_text": self.raw_text, "entity_name": self.entity_name, "country": self.country,
                "sector_code": self.sector_code, "role": self.role, "entity_type": self.entity_type}

    def key(self) -> tuple:
        return (self.entity_type, self.entity_name, self.country)


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonames_id": self.geonames_id}


@dataclass
class Evidence:
    doc_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass
class Event:
    doc_id: str
    event_type: str
    id: str = ""
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    aux_mode: str | None = None
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Location | None = None
    topics: list[str] = field(default_factory=list)
    agreement: dict[str, Any] | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    trigger: str | None = None       # the word that triggered it (explanation; not in SCHEMA)
    why: dict[str, list[str]] = field(default_factory=dict)   # (ext) field -> ids of the rules that set it
    kind: str | None = None          # (ext) what the coder took it for: "meeting", "accord" or "event"

    def to_dict(self, extended: bool = False) -> dict[str, Any]:
        """The SCHEMA.md record; `extended` adds what the store keeps besides: the trace ``why`` (field ->
        rule ids) and the ``kind`` of event the coder took it for (read by the cross-document layer)."""
        out = {
            "id": self.id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "mode": list(self.mode),
            "context": list(self.context),
            "aux_mode": self.aux_mode,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "topics": list(self.topics),
            "agreement": self.agreement,
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 3),
        }
        if extended:
            out["why"] = {k: list(v) for k, v in self.why.items()}
            out["kind"] = self.kind
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        ents = lambda xs: [Entity(**{k: v for k, v in x.items() if k in Entity.__dataclass_fields__}) for x in xs or []]
        loc = d.get("location")
        return cls(
            id=d.get("id", ""), doc_id=d["doc_id"], event_type=d["event_type"], mode=list(d.get("mode") or []),
            context=list(d.get("context") or []), aux_mode=d.get("aux_mode"), actor=ents(d.get("actor")),
            recipient=ents(d.get("recipient")), date=d.get("date"), date_precision=d.get("date_precision"),
            date_text=d.get("date_text"), location=Location(**loc) if loc else None,
            topics=list(d.get("topics") or []), agreement=d.get("agreement"),
            evidence=[Evidence(**e) for e in d.get("evidence") or []], confidence=float(d.get("confidence", 0.5)),
            why={k: list(v) for k, v in (d.get("why") or {}).items()}, kind=d.get("kind"),
        )

    def countries(self) -> set[str]:
        return {e.country for e in self.actor + self.recipient if e.country}


@dataclass
class DocResult:
    """Everything the pipeline found in one document."""
    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)   # resolved mentions, with offsets
    events: list[Event] = field(default_factory=list)
