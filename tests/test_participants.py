"""Who takes part in an event: sources, bodies named for their parties, people known by name.

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch
from pactwatch.actors import ActorResolver
from pactwatch.model import Document
from pactwatch.nlp import parse


def _countries(ev) -> set[str]:
    return {e.country for e in ev.actor + ev.recipient if e.country}


def _mentions(text: str, date: str = "2024-03-01"):
    doc = Document(id="t", text=text, date=date)
    return ActorResolver().resolve(doc, parse(doc)).mentions


def test_news_agency_in_the_dateline_is_not_a_party() -> None:
    text = "March 4 (AFP) -- Canadian Prime Minister Justin Trudeau on Monday signed a space research pact with Norway."
    events = pactwatch.extract(text, date="2024-03-04", doc_id="t")
    assert events
    for ev in events:
        assert "Agence France-Presse" not in {e.entity_name for e in ev.actor + ev.recipient}
        assert _countries(ev) == {"CAN", "NOR"}


def test_body_named_for_its_two_parties_stands_for_both() -> None:
    text = "The second session of the Chile-Sweden Science Council was held in Lima on Tuesday."
    found = {m.entity.country for m in _mentions(text)}
    assert {"CHL", "SWE"} <= found
    assert not any(m.kind == "org" and "Council" in m.entity.entity_name for m in _mentions(text))


def test_person_name_cut_short_by_the_tagger_is_completed_from_the_people_table() -> None:
    text = "Fishing quotas were discussed when Ursula von der Leyen travelled to Oslo in June."
    people = [m for m in _mentions(text) if m.kind == "person"]
    assert [m.entity.entity_name for m in people] == ["Ursula von der Leyen"]
    assert people[0].entity.country == "EUR"


def test_ministers_known_by_name_take_their_country() -> None:
    text = ("The forum will be co-chaired by Science Minister Lee Jong-ho and Michelle Donelan, "
            "the officials said.")
    by_name = {m.entity.entity_name: m.entity.country for m in _mentions(text, "2023-11-20")
               if m.kind == "person"}
    assert by_name.get("Lee Jong-ho") == "KOR"
    assert by_name.get("Michelle Donelan") == "GBR"
