"""The other side of an event, when the sentence implies it: a concession asked of the counterpart, a
companion named by a participle, a unit that belongs to the state named before it.

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch


def _by_type(text: str, typ: str, date: str = "2024-03-11"):
    events = [e for e in pactwatch.extract(text, date=date, doc_id="t") if e.event_type == typ]
    assert len(events) == 1, [(e.event_type, e.evidence[0].text) for e in events]
    return events[0]


def _codes(ents) -> list[str]:
    return sorted({e.country for e in ents if e.country})


def test_request_for_a_concession_is_made_of_the_counterpart() -> None:
    text = ("Chile and Peru held trade talks in Lima on Monday. The quarrel began when Peru lodged its complaint "
            "with the trade body in May. Chile has since requested that the case be withdrawn ahead of any "
            "easing of tariffs.")
    ev = _by_type(text, "REQUEST")
    assert _codes(ev.actor) == ["CHL"]
    assert _codes(ev.recipient) == ["PER"]
    assert "participants.requested_concession_counterpart" in ev.why["recipient"]


def test_participle_naming_a_companion_gives_the_other_side() -> None:
    text = ("The minister said the Canadian Coast Guard will patrol the strait next spring, sailing alongside "
            "the Philippine navy.")
    ev = _by_type(text, "AGREE")
    assert _codes(ev.actor) == ["CAN"]
    assert _codes(ev.recipient) == ["PHL"]


def test_unit_named_after_its_state_belongs_to_that_state() -> None:
    text = ("Officials confirmed that the UK Carrier Escort Group will deploy to the Pacific in 2026, working "
            "alongside the Norwegian Coast Guard.")
    ev = _by_type(text, "AGREE")
    assert all(e.country for e in ev.actor), [(e.entity_name, e.country) for e in ev.actor]
    assert _codes(ev.actor) == ["GBR"]
    assert _codes(ev.recipient) == ["NOR"]
