"""Parties named inside a list of members ("envoys of many nations, including X and Y") or as one side of a
hyphen-joined pair of states ("new Chile-Peru fisheries ties").

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch


def _events(text: str, date: str = "2024-03-04"):
    return pactwatch.extract(text, date=date, doc_id="t")


def test_members_listed_after_including_are_parties() -> None:
    text = "Envoys from 14 nations, including Norway and Kenya, signed a fisheries agreement in Oslo on Monday."
    ev = next(e for e in _events(text) if e.actor)
    assert {e.country for e in ev.actor} >= {"NOR", "KEN"}


def test_topics_listed_after_including_are_no_parties() -> None:
    text = ("Chilean President Gabriel Boric met Peruvian President Dina Boluarte on Monday. They discussed "
            "several fields of cooperation including mining and fisheries near Peru.")
    for ev in _events(text):
        assert not ({e.country for e in ev.actor} & {e.country for e in ev.recipient})


def test_one_side_of_a_hyphen_pair_addresses_the_other() -> None:
    text = "On Friday, Boric will visit a copper mine and confirm new Chile-Peru mining cooperation."
    ev = next(e for e in _events(text) if e.actor)
    assert [e.country for e in ev.actor] == ["CHL"]
    assert [e.country for e in ev.recipient] == ["PER"]
    assert "participants.hyphen_pair_other_side" in ev.why.get("recipient", [])


def test_a_hyphen_pair_outside_the_events_clause_is_no_side() -> None:
    text = ("Boric, currently in Lima for a three-day visit, said a plan to deepen Chile-Peru ties was being prepared "
            "with Peruvian President Dina Boluarte.")
    for ev in _events(text):
        if ev.event_type == "CONSULT" and ev.kind == "meeting":
            assert "participants.hyphen_pair_other_side" not in ev.why.get("recipient", [])
