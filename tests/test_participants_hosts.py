"""A meeting of several said to be co-hosted counts the state it meets in among its parties
(record.summit_host); a meeting with two sides keeps them.

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch


def _events(text: str, date: str = "2011-03-14"):
    return pactwatch.extract(text, date=date, doc_id="t")


def _meetings(text: str):
    return [e for e in _events(text) if e.event_type in ("CONSULT", "AGREE")]


def _parties(e) -> set:
    return {x.country for x in e.actor + e.recipient}


def test_a_summit_in_a_city_co_hosted_by_another_state_has_both_hosts() -> None:
    evs = _meetings("On the first day of a water summit in Lisbon co-hosted by Kenya, the Kenyan president said "
                     "funding would rise.")
    hosted = [e for e in evs if "KEN" in _parties(e)]
    assert hosted and any({"KEN", "PRT"} <= _parties(e) for e in hosted)
    assert any("record.summit_host" in e.why.get("actor", []) for e in hosted)


def test_a_meeting_held_in_a_city_and_co_hosted_counts_the_state_it_meets_in() -> None:
    evs = _meetings("A fisheries meeting will be held in Lima next week, co-hosted by Chile.")
    assert any({"CHL", "PER"} <= _parties(e) for e in evs)


def test_a_meeting_hosted_by_a_body_at_its_seat_adds_no_state() -> None:
    evs = _meetings("A summit in Brussels co-hosted by the European Union will open on Monday.")
    assert all("BEL" not in _parties(e) for e in evs)


def test_a_meeting_with_two_sides_keeps_them() -> None:
    evs = _meetings("Kenya held talks with Chile in Lisbon on Thursday at a forum co-hosted by Norway.")
    talks = next(e for e in evs if [x.country for x in e.actor] == ["KEN"])
    assert "CHL" in {x.country for x in talks.recipient}
    assert all("record.summit_host" not in e.why.get("actor", []) for e in evs)


def test_a_meeting_with_no_co_host_stated_is_no_summit_host_case() -> None:
    evs = _meetings("An ocean summit in Lisbon hosted by Kenya opened on Thursday.")
    assert all("record.summit_host" not in e.why.get("actor", []) for e in evs)
