"""Parties named by a description rather than a name: a title ("the president"), a pair noun ("the two
jurisdictions").

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch


def _events(text: str, date: str = "2024-03-04"):
    return pactwatch.extract(text, date=date, doc_id="t")


def test_the_president_is_the_last_president_named() -> None:
    text = ("Kenyan President William Ruto hosted Norwegian Prime Minister Jonas Gahr Store in Nairobi on Monday. "
            "The president apologized for the delayed fisheries survey.")
    ev = next(e for e in _events(text) if e.event_type == "CONCEDE")
    assert [e.country for e in ev.actor] == ["KEN"]


def test_a_title_is_not_a_higher_or_lower_office() -> None:
    text = ("Peruvian Vice President Ana Soto met Chilean President Gabriel Boric in Lima on Monday. "
            "The vice president and Mr Boric welcomed the new lithium research pact.")
    ev = next(e for e in _events(text) if e.event_type == "SUPPORT")
    assert {e.country for e in ev.actor} == {"PER", "CHL"}
