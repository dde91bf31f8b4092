"""Attributes of the events found: who takes part, and the like (helper area "attributes").

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch


def _events(text: str, date: str = "2024-06-10"):
    return pactwatch.extract(text, date=date, doc_id="t")


def _parties(e) -> set:
    return {x.country for x in e.actor + e.recipient}


def test_a_meeting_of_a_joint_body_named_by_two_states_has_both_as_parties() -> None:
    evs = _events("The second session of the Chile-Peru Fisheries Commission took place in Quito on Thursday.")
    evs = [e for e in evs if e.event_type in ("CONSULT", "AGREE")]
    assert evs and _parties(evs[0]) == {"CHL", "PER"}
    assert "participants.meeting_of" in evs[0].why.get("actor", [])


def test_a_planned_meeting_of_a_joint_body_abroad_does_not_count_the_host_city_country() -> None:
    evs = _events("The inaugural meeting of the Kenya-Ghana Digital Council will take place in Geneva, "
                  "Switzerland, on Friday.")
    evs = [e for e in evs if e.event_type in ("CONSULT", "AGREE")]
    assert evs and _parties(evs[0]) == {"KEN", "GHA"}


def test_a_meeting_of_ministers_of_two_states_has_both_states() -> None:
    evs = _events("An informal meeting of the trade ministers of Norway and Iceland took place in Bergen last week.")
    evs = [e for e in evs if e.event_type == "CONSULT"]
    assert evs and _parties(evs[0]) == {"NOR", "ISL"}
