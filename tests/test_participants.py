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


def test_talks_keep_who_held_them_with_whom() -> None:
    text = "Kenya's foreign minister held talks with Brazil's trade minister on Tuesday about satellite data."
    ev = next(e for e in pactwatch.extract(text, date="2024-03-05", doc_id="t") if e.event_type == "CONSULT")
    assert {e.country for e in ev.actor} == {"KEN"}
    assert {e.country for e in ev.recipient} == {"BRA"}


def test_known_person_the_tagger_missed_is_found_in_the_people_table() -> None:
    for text in ("Kenya's trade minister will meet EVP Dombrovskis in Nairobi next week.",
                 "Chile's science minister met EVP Dombrovskis on Monday."):
        people = [m for m in _mentions(text) if m.kind == "person"]
        assert [(m.entity.entity_name, m.entity.country) for m in people] == [("Valdis Dombrovskis", "EUR")], text


def test_the_two_nations_are_the_two_named_before_in_the_sentence() -> None:
    text = "Chile celebrates seven decades of partnership with Norway this year, since the two nations established formal relations in 1954."
    ev = next(e for e in pactwatch.extract(text, date="2024-03-04", doc_id="t") if e.event_type == "SUPPORT")
    assert _countries(ev) == {"CHL", "NOR"}


def test_the_two_sides_resolve_when_between_names_no_party() -> None:
    text = ("Kenya and Peru agreed on a fisheries plan on Monday. "
            "Under the plan, the two sides will expand cooperation between their research agencies.")
    events = [e for e in pactwatch.extract(text, date="2024-03-04", doc_id="t") if e.event_type == "AGREE"]
    second = next(e for e in events if any("two sides" in x.text for x in e.evidence))
    assert _countries(second) == {"KEN", "PER"}


def test_ragged_tagger_span_round_a_known_body_keeps_the_body() -> None:
    # (Brussels, the seat of the EU's institutions, is also read as the EU: "Brussels and Accra agreed ...")
    for text, want in (("Finance ministers of the Group of Seven(G7) nations met in Rome on Friday.", ["Group of Seven"]),
                       ("Thank European Commission staff for a warm welcome in Brussels today.",
                        ["European Commission", "European Union"])):
        orgs = [m.entity for m in _mentions(text) if m.kind == "org"]
        assert [e.entity_name for e in orgs] == want, text
