"""Generic parse rules for actor and recipient: intent participles, copular adjectives, dative 'to',
nested complements of an event noun, and the like.

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch


def _events(text: str, date: str = "2004-06-07"):
    return pactwatch.extract(text, date=date, doc_id="t")


def _of(text: str, typ: str):
    return next(e for e in _events(text) if e.event_type == typ)


def _codes(ents) -> list:
    return [e.country for e in ents]


def test_a_state_committed_to_an_act_is_its_actor_not_a_passive_object() -> None:
    ev = _of("Laos is committed to opening up its markets.", "AGREE")
    assert _codes(ev.actor) == ["LAO"]
    assert "LAO" not in _codes(ev.recipient)
    assert "participants.disposition_subject" in ev.why["actor"]


def test_the_subject_of_a_copular_adjective_acts_in_its_infinitive() -> None:
    ev = _of("Uruguay is determined to resume the border talks with Paraguay.", "CONSULT")
    assert _codes(ev.actor) == ["URY"]
    assert _codes(ev.recipient) == ["PRY"]


def test_a_dative_to_names_the_recipient() -> None:
    ev = _of("Austria granted asylum to three Eritrean air force pilots on Monday.", "AID")
    assert _codes(ev.actor) == ["AUT"]
    assert _codes(ev.recipient) == ["ERI"]
    assert "participants.dative_to" in ev.why["recipient"]


def test_the_other_side_inside_the_complement_of_an_event_object() -> None:
    ev = _of("Japan announced the suspension of direct flights with Myanmar.", "SANCTION")
    assert _codes(ev.actor) == ["JPN"] and _codes(ev.recipient) == ["MMR"]
    assert "participants.nested_complement" in ev.why["recipient"]
    ev = _of("Canada suspended part of a police training programme for Haiti.", "SANCTION")
    assert _codes(ev.recipient) == ["HTI"]


def test_a_withdrawal_of_troops_from_a_state_is_aimed_at_that_state() -> None:
    ev = _of("Germany sped up the withdrawal of its engineering units from Chad on Friday.", "RETREAT")
    assert _codes(ev.actor) == ["DEU"] and _codes(ev.recipient) == ["TCD"]


def test_the_doer_of_a_criticised_act_is_the_accused_not_its_victims() -> None:
    ev = _of("Egypt condemned Israel's raid on Gaza.", "ACCUSE")
    assert _codes(ev.recipient) == ["ISR"]
    ev = _of("The European Union criticised the killing of Kurdish protesters by Iranian police.", "ACCUSE")
    assert _codes(ev.recipient) == ["IRN"]
    assert "participants.doer_of_criticised_act" in ev.why["recipient"]


def test_the_target_of_a_protest_is_the_complement_of_its_attitude() -> None:
    ev = _of("Demonstrators in Quito blocked a highway to show their disapproval of Colombia's border policy.",
             "PROTEST")
    assert _codes(ev.actor) == ["ECU"] and _codes(ev.recipient) == ["COL"]
    assert "participants.attitude_target" in ev.why["recipient"]
    ev = _of("Residents of Dakar marched to voice their anger at France's trade policies.", "PROTEST")
    assert _codes(ev.recipient) == ["FRA"]
