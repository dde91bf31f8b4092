"""Error classes found on a check set written after the rules (bench/wire_check4, read once it was unsealed): a
headline's infinitive hung on the names before it, a plan to put off a meeting, a diplomatic protest, a step
still required, the frame of a reply, a party's aim to sign, a signature put to a text, notes exchanged, and a
standing state told in the present.

Every sentence here is written for these tests; none is taken from a news article or a check set.
"""
from __future__ import annotations

import pytest
from test_realnews_rules import one, types
from test_unseen_news_rules import DATE, side


@pytest.mark.parametrize("text", [
    "Peru, Ghana to sign cocoa research memorandum on April 9",
    "Ghana and Peru to sign cocoa research memorandum next month",
], ids=["comma", "and"])
def test_a_headline_infinitive_after_the_names_is_a_plan(text) -> None:
    ev = one(text, "AGREE")
    assert side(ev.actor) | side(ev.recipient) == {"PER", "GHA"}


def test_a_headline_infinitive_of_a_measure_keeps_its_own_reading() -> None:
    # the body's "will require permits from June 1" is a measure decided; the headline says no date
    assert types("Chile to require permits for lithium exports") == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "Ghana puts off cocoa signing with Peru",
    "Ghana put off Tuesday's talks with Peru after the flooding.",
], ids=["headline", "body"])
def test_putting_off_a_meeting_or_signing_is_a_refusal(text) -> None:
    ev = one(text, "REJECT")
    assert side(ev.actor) == {"GHA"} and side(ev.recipient) == {"PER"}


def test_putting_off_something_else_is_no_refusal() -> None:
    assert "REJECT" not in types("High prices put off buyers in Ghana last year.")


@pytest.mark.parametrize("text", [
    "Accra's protest to Lima in February went unanswered.",
    "Ghana protested the visit on Monday.",
], ids=["noun", "verb"])
def test_a_diplomatic_protest_is_an_accusation(text) -> None:
    assert types(text) == ["ACCUSE"]


def test_a_street_protest_stays_a_protest() -> None:
    assert types("Cocoa farmers protested against the trade deal in Accra on Monday.") == ["PROTEST"]


@pytest.mark.parametrize("text", [
    "The fisheries accord still has to be approved by the Peruvian congress.",
    "The fisheries accord needs to be ratified by the Peruvian congress.",
    "The fisheries accord must be approved by the Peruvian congress.",
], ids=["has-to", "needs-to", "must"])
def test_a_step_still_required_is_no_event(text) -> None:
    assert types(text) == []


def test_a_step_done_is_still_an_event() -> None:
    assert types("The Peruvian congress approved the fisheries accord with Ghana on Monday.") == ["SUPPORT"]


def test_the_frame_of_a_reply_is_no_request() -> None:
    assert "REQUEST" not in types("When asked about the accord, the Ghanaian minister said it would be signed soon.")


def test_a_request_told_in_the_passive_with_an_asker_stays() -> None:
    assert types("Ghana was asked by Peru on Monday to return the cocoa samples.") == ["REQUEST"]


def test_a_partys_aim_to_sign_is_a_plan() -> None:
    text = ("Ghana and Peru concluded talks on a cocoa research pact on Monday. "
            "The two sides aim to sign the agreement in the first half of 2027.")
    ev = one(text, "AGREE")
    assert side(ev.actor) | side(ev.recipient) == {"GHA", "PER"}
    assert ev.date == "2027"


def test_what_an_accord_aims_at_stays_no_event() -> None:
    assert types("The programme aims to deepen ties between Ghana and Peru.") == []


@pytest.mark.parametrize("text", [
    "Ghana's cocoa minister and Peru's farm minister put their signatures to a research memorandum on Monday.",
    "Ghana and Peru exchanged notes on the cocoa research grant in Accra on Monday.",
], ids=["signatures", "notes"])
def test_a_text_signed_in_other_words_is_a_signing(text) -> None:
    ev = one(text, "SUPPORT")
    assert side(ev.actor) | side(ev.recipient) == {"GHA", "PER"}


def test_a_standing_state_in_the_present_is_no_event() -> None:
    assert types("Ghana supplies roughly a third of the cocoa that Peruvian mills process.") == []
    assert types("Ghana signed the grant on Monday as the two countries deepen research ties.") == ["SUPPORT"]


def test_a_supply_with_a_date_in_the_present_stays() -> None:
    assert types("Ghana supplies two cocoa dryers to Peru on Tuesday, the ministry said.") == ["AID"]


def test_a_hosts_gathering_named_as_the_venue_is_no_event() -> None:
    text = ("Ghanaian President John Mahama met Peruvian President Dina Boluarte at the Group of 20 leaders' "
            "summit hosted by Brasilia in November 2024.")
    assert types(text) == ["CONSULT"]
    ev = one(text, "CONSULT")
    assert (side(ev.actor), side(ev.recipient)) == ({"GHA"}, {"PER"})


def test_hosting_a_gathering_stays_an_event() -> None:
    assert types("Ghana hosted a cocoa summit in Accra in May 2025.") == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "Both governments had hoped to present the cocoa memorandum as a model for the region.",
    "The permits could slow the cocoa mills that Peruvian firms have planned in Ghana.",
], ids=["had-hoped", "relative"])
def test_a_plan_verb_that_tells_no_plan_is_no_event(text) -> None:
    assert types(text) == []


def test_an_earlier_agreement_told_in_the_past_perfect_stays() -> None:
    assert types("Ghana and Peru had agreed to meet in May 2025.") == ["AGREE"]


def test_a_coming_summit_that_is_only_a_topic_is_no_plan() -> None:
    text = "Ghana's foreign minister met Peru's president in Lima on Monday, where they discussed cocoa and the coming ASEAN summit."
    assert types(text) == ["CONSULT"]


def test_a_coming_visit_of_a_named_side_under_talk_is_still_told() -> None:
    # the talks and the visit they were about are told together (the visit's own plan is not lost as a topic)
    assert types("Ghana and Peru discussed Ecuador's upcoming visit to Lima on Monday.") == ["CONSULT"]


def test_the_ministers_with_an_apposition_still_stand_for_the_two_named() -> None:
    text = ("Ghanaian Foreign Minister Kwame Asante and Peruvian Foreign Minister Ana Ruiz signed a cocoa grant in "
            "Lima on Monday. Ghana will ship two dryers by March, an official said. The ministers further agreed "
            "to hold a joint cocoa fair in Accra in November, the first of its kind between the two countries.")
    ev = [e for e in __import__("test_realnews_rules").events(text, DATE) if e.event_type == "AGREE" and "fair" in
          e.evidence[0].text]
    assert len(ev) == 1 and side(ev[0].actor) | side(ev[0].recipient) == {"GHA", "PER"}


def test_two_requests_for_different_acts_stay_two() -> None:
    text = ("Peru's trade minister, who has pressed Ghana to stop cocoa from slipping through to Europe, met Ghana's "
            "trade minister in Accra on Monday. At the meeting, the Peruvian minister urged Ghana to close gaps in "
            "its port checks.")
    assert types(text).count("REQUEST") == 2


def test_help_given_to_a_party_is_aid() -> None:
    assert types("Ghana will help Peru build a national cocoa registry.") == ["AGREE"]
    ev = one("Ghana helped Peru with two cocoa dryers in 2024.", "AID")
    assert (side(ev.actor), side(ev.recipient)) == ({"GHA"}, {"PER"})


def test_what_a_charge_says_is_no_event_of_its_own() -> None:
    text = "Ghana on Monday rejected Peruvian claims that Ghanaian firms helped Ecuador obtain cocoa seeds."
    assert types(text) == ["REJECT"]


def test_a_one_sided_promise_is_made_to_the_other_side_of_the_pair() -> None:
    text = ("Ghana and Peru signed a cocoa research grant in Lima on Monday. "
            "Ghana will supply two cocoa dryers by March under the grant, an official said.")
    ev = one(text, "AGREE")
    assert (side(ev.actor), side(ev.recipient)) == ({"GHA"}, {"PER"})


@pytest.mark.parametrize("text, event_type", [
    ("Ghana's protest to Lima in February went unanswered.", "ACCUSE"),
    ("Ghana's trip to Lima in April 2025 ended a long row.", "CONSULT"),
], ids=["protest", "trip"])
def test_the_possessor_of_an_event_noun_acts_also_under_another_verb(text, event_type) -> None:
    ev = one(text, event_type)
    assert (side(ev.actor), side(ev.recipient)) == ({"GHA"}, {"PER"})


@pytest.mark.parametrize("text, mode", [
    ("The Ghanaian president spoke by telephone with the Peruvian president on Thursday.", "phone"),
    ("Ghanaian Foreign Minister Kwame Asante and Peruvian Foreign Minister Ana Ruiz spoke at length in March.", ""),
], ids=["phone", "two-subjects"])
def test_speaking_with_a_party_is_talks(text, mode) -> None:
    ev = one(text, "CONSULT")
    assert side(ev.actor) | side(ev.recipient) == {"GHA", "PER"}
    assert (mode in ev.mode) if mode else True


def test_speaking_to_reporters_is_no_talks() -> None:
    assert types("The Ghanaian minister spoke to reporters in Accra on Monday.") == []


def test_one_sides_drill_is_a_mobilisation_and_a_joint_one_cooperation() -> None:
    assert types("The Ghanaian navy conducted live-fire drills in the Gulf of Guinea on Monday.") == ["MOBILIZE"]
    assert types("Ghana held naval drills with Peru off Takoradi on Monday.") == ["COOPERATE"]


def test_an_attack_on_computer_networks_is_cyber_coercion() -> None:
    ev = one("Hackers linked to the Ghanaian state attacked the computer networks of the Peruvian power grid.", "COERCE")
    assert "cyber" in ev.mode


def test_states_clashing_over_a_topic_is_a_quarrel_not_force() -> None:
    assert types("Accra and Lima have clashed over fishing rights before.") == []
    assert types("Ghanaian and Peruvian troops clashed on the border in June 2024.") == ["ASSAULT"]


def test_exchanging_the_signed_documents_is_a_signing() -> None:
    assert types("Ghana and Peru exchanged the documents in Accra on Tuesday.") == ["SUPPORT"]


def test_a_planned_visits_host_is_the_state_it_takes_place_in() -> None:
    ev = one("Ghana's foreign minister will attend a meeting of cocoa producers in Lima later this month.", "AGREE")
    assert (side(ev.actor), side(ev.recipient)) == ({"GHA"}, {"PER"})
