"""The records of the knowledge tables: a country, an organisation, a role word, an office a person held; and
the codes that are no state."""
from __future__ import annotations

from dataclasses import dataclass

NON_STATE_CODES = {
    "IGO": "Intergovernmental organization",
    "UNO": "United Nations",
    "EUR": "European Union",
    "NGO": "Non-governmental organization",
    "ISM": "International social movement",
    "IMG": "Transnational armed group",
    "MNC": "Multinational corporation",
}


@dataclass(frozen=True)
class Country:
    code: str
    name: str


@dataclass(frozen=True)
class Org:
    name: str
    country: str | None
    sector: str | None
    type: str
    seat: tuple = ()      # the states it sits in (an international body)
    members: tuple = ()   # the states of a fixed grouping ("the Quad")


@dataclass(frozen=True)
class Role:
    role: str
    sector: str
    kind: str
    pattern: str


@dataclass(frozen=True)
class Person:
    """One office of a well-known person: a person with several offices has several of these."""
    name: str
    country: str | None
    role: str | None
    sector: str | None
    start: int | None
    end: int | None           # None: still in office
