"""Where an event happened, when the parser hangs its place away from the event's verb."""
from __future__ import annotations

import pactwatch


def _one(text: str, date: str = "2023-05-21"):
    evs = pactwatch.extract(text, date=date, doc_id="t")
    assert len(evs) == 1, [(e.event_type, e.trigger) for e in evs]
    return evs[0]


def test_the_place_of_the_setting_the_event_happened_at() -> None:
    ev = _one("The Chilean president on Saturday signed an agreement with her Peruvian counterpart on the sidelines of "
              "a regional leaders' summit in Hiroshima, Japan.")
    assert ev.location is not None and ev.location.country == "JPN"
    assert ev.why["location"] == ["place.of_setting"]


def test_a_place_named_in_a_clause_of_its_own_is_not_the_events() -> None:
    ev = _one("The Chilean president signed an agreement with her Peruvian counterpart, who had spoken on the "
              "sidelines of a forum in Kyoto a week earlier.")
    assert ev.location is None or ev.location.country != "JPN"
