"""Domestic acts: protest and repression with no named target are aimed at the actors' own state; an
office-holder of no known state in a sentence naming one state holds office there.

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch


def _events(text: str, date: str = "2024-03-04"):
    return pactwatch.extract(text, date=date, doc_id="t")


def _of(text: str, typ: str):
    return next(e for e in _events(text) if e.event_type == typ)


def test_police_repression_with_no_target_is_aimed_at_their_own_state() -> None:
    ev = _of("Paraguayan police detained dozens of farmers on Tuesday.", "COERCE")
    assert [e.country for e in ev.actor] == ["PRY"]
    assert [e.country for e in ev.recipient] == ["PRY"]
    assert "record.domestic_target" in ev.why["recipient"]


def test_a_protest_with_a_named_target_keeps_it() -> None:
    ev = _of("Bolivian miners protested against Chile outside its consulate on Tuesday.", "PROTEST")
    assert "CHL" in {e.country for e in ev.recipient}
    assert "record.domestic_target" not in ev.why.get("recipient", [])


def test_a_cooperative_act_gets_no_domestic_target() -> None:
    evs = [e for e in _events("Paraguay will sign the fisheries treaty next month.") if e.event_type == "AGREE"]
    assert all(not e.recipient for e in evs)


def test_an_office_holder_of_no_known_state_holds_office_in_the_one_state_named() -> None:
    ev = _of("President Oruno Madekwe imposed a night curfew across Gabon on Sunday.", "COERCE")
    assert [e.country for e in ev.actor] == ["GAB"]


def test_no_state_is_guessed_when_the_sentence_names_two() -> None:
    evs = _events("President Oruno Madekwe criticised Gabon and Cameroon on Sunday.")
    people = [e for ev in evs for e in ev.actor if e.entity_type == "person"]
    assert people and all(e.country is None for e in people)


def test_a_complaint_lodged_with_a_trade_body_is_against_the_other_state() -> None:
    text = ("Last year Canada raised tariffs on steel from Mexico and cut Mexican quotas. "
            "Mexico then lodged a complaint with the WTO about the quarrel.")
    ev = _of(text, "ACCUSE")
    assert [e.country for e in ev.actor] == ["MEX"]
    assert [e.country for e in ev.recipient] == ["CAN"]
    assert "participants.forum_counterpart" in ev.why["recipient"]


def test_the_accused_is_found_past_the_body_the_complaint_was_lodged_with() -> None:
    ev = _of("Ottawa may drop its tariffs if Mexico drops a complaint lodged with the WTO against Canada.", "ACCUSE")
    assert "CAN" in {e.country for e in ev.recipient}
    assert "IGO" not in {e.country for e in ev.recipient}


def test_a_concession_with_no_other_side_is_made_to_the_counterpart() -> None:
    text = ("Last year Canada raised tariffs on steel from Mexico. Mexico filed a complaint against Canada in May. "
            "Mexico decided on Monday to withdraw the complaint.")
    ev = next(e for e in _events(text) if "withdraw" in e.evidence[0].text)
    assert [e.country for e in ev.actor] == ["MEX"]
    assert [e.country for e in ev.recipient] == ["CAN"]


def test_a_body_meeting_at_its_seat_hosts_and_the_seat_state_is_no_party() -> None:
    text = "Chilean Foreign Minister Alberto van Klaveren and the EU held talks in Brussels, Belgium on Monday."
    ev = _of(text, "CONSULT")
    assert {e.country for e in ev.actor} == {"CHL"}
    assert {e.country for e in ev.recipient} == {"EUR"}
    assert "record.guest_and_host" in ev.why["actor"]


def test_an_office_holder_does_not_hold_office_in_the_state_he_acts_against() -> None:
    ev = _of("Senator Halvorsen threatened tough new measures against Cuba.", "THREATEN")
    assert ev.actor and ev.actor[0].country != "CUB"
    assert [e.country for e in ev.recipient] == ["CUB"]


def test_an_embassy_names_no_state_for_an_office_holder() -> None:
    ev = _of("The junta of General Obiku Tandé imposed a curfew in Togo on Monday, a spokesman for the "
             "French embassy said.", "COERCE")
    assert "TGO" in {e.country for e in ev.actor}


def test_a_former_office_holder_of_no_known_state_is_of_the_one_state_named() -> None:
    ev = _of("Some 300 supporters of former President Alassane Kendo blocked roads in Conakry.", "PROTEST")
    assert [e.country for e in ev.actor] == ["GIN"]


def test_the_actors_own_state_named_in_other_words_is_the_target() -> None:
    ev = _of("Tunisia is investigating abuses by Tunisian guards against Libyan migrants.", "ACCUSE")
    assert [e.country for e in ev.actor] == ["TUN"]
    assert [e.country for e in ev.recipient] == ["TUN"]
    assert "record.own_state_named_as_target" in ev.why["recipient"]


def test_an_attack_with_no_doer_named_is_by_people_of_the_place() -> None:
    ev = _of("A car bombing near the city of Mosul killed three Turkish engineers on Friday.", "ASSAULT")
    assert [e.country for e in ev.actor] == ["IRQ"]
    assert [e.country for e in ev.recipient] == ["TUR"]
    assert "record.place_is_actor" in ev.why["actor"]
