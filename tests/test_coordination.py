"""Several acts told in one sentence or one record: coordinated acts with different verbs are separate events,
and each keeps the evidence of its own clause."""
from __future__ import annotations

import pactwatch


def _coded(text, date="2025-06-04"):
    """Each event as (category, evidence text, participant countries, date)."""
    return [(e.event_type, " | ".join(" ".join(x.text.split()) for x in e.evidence),
             {p.country for p in e.actor + e.recipient}, e.date) for e in pactwatch.extract(text, date=date)]


def test_removal_from_a_list_described_by_a_trailing_participle_is_a_second_measure():
    text = ("In 2021, Chile imposed export controls on two chemicals and formally removed Peru from its list "
            "of countries given preferential treatment in trade.")
    evs = [e for e in _coded(text) if e[0] == "SANCTION"]
    assert len(evs) == 2
    first = next(e for e in evs if "export controls on two chemicals" in e[1])
    second = next(e for e in evs if "removed Peru" in e[1])
    assert "removed" not in first[1]
    assert second[2] == {"CHL", "PER"} and second[3] == "2021"


def test_putting_a_state_back_on_a_list_described_by_a_participle_is_a_concession():
    text = "Kenya put Uganda back on its list of partners given preferential access to its fertiliser exports."
    assert [(e[0], e[2]) for e in _coded(text)] == [("CONCEDE", {"KEN", "UGA"})]


def test_different_acts_planned_under_one_verb_are_separate_promises():
    text = "Kenya plans to set up a dialogue mechanism on shipping, sign a letter of intent, and join talks on shared projects."
    evs = pactwatch.extract(text, date="2025-03-02")
    assert [e.event_type for e in evs] == ["AGREE", "AGREE"]
    assert [e.evidence[0].text for e in evs] == ["Kenya plans to set up a dialogue mechanism on shipping",
                                                 "sign a letter of intent"]
    assert "trigger.distinct_complements" in evs[1].why["event_type"]
    assert all({p.country for p in e.actor} == {"KEN"} for e in evs)


def test_a_planned_act_keeps_its_own_clause_without_the_next_act_of_the_series():
    text = ("A government spokesman said on Monday that, to build a fisheries alliance, Chile intends to set up a "
            "joint council on fisheries, sign an accord on port access with Peru, and take part in talks on shared "
            "projects.")
    evs = _coded(text)
    assert [e[0] for e in evs] == ["AGREE", "AGREE", "AGREE"]
    assert evs[0][1] == "Chile intends to set up a joint council on fisheries"
    assert evs[1][1] == "sign an accord on port access with Peru"
    assert evs[2][1] == "take part in talks on shared projects"     # taking part in talks, planned (attendance_verbs)


def test_one_verb_with_a_list_of_areas_stays_one_promise():
    text = "Chile and Peru agreed on Tuesday to expand cooperation in fisheries, port logistics and desalination."
    assert [e[0] for e in _coded(text)] == ["AGREE"]


def test_one_promise_to_act_twice_with_one_verb_stays_one_promise():
    text = "Kenya and Ghana agreed to build a seed bank and to build a training college for agronomists."
    assert [e[0] for e in _coded(text)] == ["AGREE"]


def test_a_planned_meeting_followed_by_consultations_is_two_planned_occasions():
    text = ("Kenya's trade minister will hold a bilateral meeting with Chile's foreign minister in Nairobi on Monday, "
            "followed by consultations with exporters.")
    evs = _coded(text, "2025-03-05")
    assert [e[0] for e in evs] == ["AGREE", "AGREE"]
    assert evs[0][1].endswith("in Nairobi on Monday") and "followed" not in evs[0][1]
    assert evs[1][1] == "consultations with exporters"
    assert evs[1][2] == {"KEN", "CHL"} and evs[1][3] == evs[0][3] == "2025-03-10"


def test_talks_held_followed_by_a_meeting_are_two_meetings():
    text = ("Kenya's trade minister held talks with his Chilean counterpart in Nairobi on Monday, followed by a "
            "meeting with exporters from both countries.")
    evs = _coded(text, "2025-03-05")
    assert [e[0] for e in evs] == ["CONSULT", "CONSULT"]
    assert evs[1][1] == "a meeting with exporters from both countries"
    assert evs[1][3] == "2025-03-03"


def test_a_measure_told_ahead_of_a_summit_does_not_end_on_the_bare_preposition():
    text = "Chile vowed to lift its export curbs on copper against Peru ahead of next week's summit of both presidents in Lima."
    evs = _coded(text, "2025-03-05")
    assert evs[0][0] == "CONCEDE"
    assert evs[0][1] == "Chile vowed to lift its export curbs on copper against Peru"


def test_a_commitment_made_in_a_memorandum_still_to_be_signed_is_two_events():
    text = ("Kenya and Chile held talks on farm trade in Nairobi on Monday. The two sides agreed to a joint "
            "monitoring system for fertiliser shortages in a memorandum of understanding to be signed by Kenyan Trade Minister "
            "Rebecca Miano and Chilean Economy Minister Nicolas Grau.")
    evs = pactwatch.extract(text, date="2025-03-05")
    assert [e.event_type for e in evs] == ["CONSULT", "AGREE", "AGREE"]
    agreed, signing = evs[1], evs[2]
    assert agreed.evidence[0].text == "The two sides agreed to a joint monitoring system for fertiliser shortages"
    assert signing.evidence[0].text.startswith("a memorandum of understanding to be signed by Kenyan")
    assert signing.agreement["kind"] == "memorandum of understanding" and agreed.agreement is None


def test_a_headline_verb_the_parser_hung_on_the_noun_is_the_signing():
    text = ("Japan and Chile ink historic partnership in Kishida visit, with eyes on copper\n\n"
            "The two presidents met in the capital on Sunday.")
    evs = pactwatch.extract(text, date="2025-03-05")
    signed = [e for e in evs if e.event_type == "SUPPORT"]
    assert len(signed) == 1
    assert signed[0].evidence[0].text == "Japan and Chile ink historic partnership"
    assert {p.country for p in signed[0].actor} == {"JPN", "CHL"}
    assert "trigger.headline_verb" in signed[0].why["event_type"]


def test_a_headline_with_its_verb_parsed_as_one_is_unchanged():
    evs = pactwatch.extract("Kenya and Ghana ink historic partnership", date="2025-03-05")
    assert [(e.event_type, e.evidence[0].text) for e in evs] == [("SUPPORT", "Kenya and Ghana ink historic partnership")]
    assert "trigger.headline_verb" not in evs[0].why["event_type"]


def test_a_second_meeting_told_with_other_words_of_kind_is_another_meeting_of_the_same_sides():
    text = ("The inaugural ministerial meeting of the Kenya-Chile Trade Council was held in Nairobi on Monday, where the "
            "two sides discussed fertiliser and copper trade.\n\n"
            "The meeting was chaired on the Kenyan side by Trade Minister Rebecca Miano.\n\n"
            "\"Held a useful investor meeting alongside my colleagues. Good ideas on fertiliser trade,\" Miano wrote "
            "on social media.")
    evs = pactwatch.extract(text, date="2025-03-05")
    assert [e.event_type for e in evs] == ["CONSULT", "CONSULT"]
    assert evs[1].evidence[0].text == "Held a useful investor meeting alongside my colleagues"
    assert {p.country for p in evs[1].actor + evs[1].recipient} == {"KEN", "CHL"}
    assert evs[1].date == evs[0].date == "2025-03-03"
    assert "merging.new_meeting_same_sides" in evs[1].why["kept_apart"]


def test_the_meeting_told_again_with_the_same_noun_stays_one():
    text = ("The inaugural ministerial meeting of the Kenya-Chile Trade Council was held in Nairobi on Monday.\n\n"
            "\"Held an inaugural ministerial meeting alongside my colleagues. Good ideas on fertiliser trade,\" Miano wrote.")
    assert [e.event_type for e in pactwatch.extract(text, date="2025-03-05")] == ["CONSULT"]


def test_courtesy_calls_on_two_leaders_of_different_sides_are_two_planned_calls():
    text = ("Kenya's Trade Minister Rebecca Miano will travel to Santiago on Monday for the first meeting of the "
            "Kenya-Chile Trade Council.\n\n"
            "In addition, the two Kenyan envoys would also call on the Chilean President as well as the "
            "Secretary-General of the United Nations.")
    evs = _coded(text, "2025-03-05")
    assert [e[0] for e in evs] == ["AGREE"] * 3
    assert "call on" not in evs[0][1]
    assert evs[1][1] == "In addition, the two Kenyan envoys would also call on the Chilean President"
    assert evs[1][2] == {"KEN", "CHL"}
    assert evs[2][1] == "the Secretary-General of the United Nations" and evs[2][2] == {"KEN", "UNO"}


def test_a_courtesy_call_on_two_people_of_one_side_stays_one_call():
    text = "The visiting Kenyan minister will call on the Chilean President and the Chilean foreign minister on Friday."
    assert [e[0] for e in _coded(text, "2025-03-05")] == ["AGREE"]


def test_an_alliance_declared_and_promised_again_in_one_article_is_one_act():
    text = ("Chile and Peru declared the establishment of a lithium alliance on Monday. "
            "Both states will establish a battery alliance, the ministers said.")
    evs = _coded(text, "2025-03-05")
    assert [e[0] for e in evs] == ["SUPPORT"]
    assert evs[0][1].endswith("Both states will establish a battery alliance")


def test_a_promise_of_another_kind_of_body_stays_a_promise():
    text = ("Chile and Peru declared the establishment of a lithium alliance on Monday. "
            "Both states will establish a fisheries council next year.")
    assert [e[0] for e in _coded(text, "2025-03-05")] == ["SUPPORT", "AGREE"]


def test_a_headline_listing_its_doers_with_a_comma_keeps_both_and_stops_at_its_object():
    text = ("Norway, Kenya ink fertiliser supply MoU, eye joint research fund\n\n"
            "The two ministers met in the capital on Sunday.")
    signed = [e for e in pactwatch.extract(text, date="2025-03-05") if e.event_type == "SUPPORT"]
    assert [e.evidence[0].text for e in signed] == ["Norway, Kenya ink fertiliser supply MoU"]
    assert {p.country for p in signed[0].actor} == {"NOR", "KEN"}


def test_an_as_clause_with_its_own_doer_is_not_the_signing_evidence():
    text = "Chile signed a fisheries deal with Peru on Monday as Peru raised its ties with Chile to a comprehensive strategic partnership."
    evs = _coded(text, "2025-03-05")
    assert evs[0][0] == "SUPPORT" and evs[0][1] == "Chile signed a fisheries deal with Peru on Monday"
