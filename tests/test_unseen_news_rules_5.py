"""Error classes read on the check sets wire_check4 and wire_check5 (2026-12-03): a talk of two leaders the
named-entity tagger did not type, negotiations closed in other words than "concluded", a party shut out of a
programme, a company chosen for a role, a ship boarded; and the welcome of a conclusion told as the conclusion.

Every sentence here is written for these tests; none is taken from a news article or a check set.
"""
from __future__ import annotations

from test_realnews_rules import events, one
from test_unseen_news_rules import side


def test_two_leaders_sitting_down_together_is_a_meeting_not_cooperation() -> None:
    ev = one("Ruto and Lula last sat down together in March in Nairobi, officials said.", "CONSULT", date="2025-06-02")
    assert side(ev.actor) | side(ev.recipient) == {"KEN", "BRA"}
    assert not [e for e in events("Ruto and Lula last sat down together in March in Nairobi.", "2025-06-02")
                if e.event_type == "COOPERATE"]


def test_closing_talks_is_the_conclusion_of_negotiations() -> None:
    for verb in ("completed", "wrapped up", "finished", "closed"):
        ev = one(f"Chile and Vietnam {verb} negotiations on a trade pact on Friday.", "SUPPORT", date="2025-06-06")
        assert side(ev.actor) | side(ev.recipient) == {"CHL", "VNM"} and ev.date == "2025-06-06"


def test_welcoming_the_conclusion_is_the_conclusion_told_again() -> None:
    text = ("Chile and Vietnam completed negotiations on a trade pact on Friday. "
            "The two presidents welcomed the conclusion of the agreement.")
    found = [e for e in events(text, "2025-06-06") if e.event_type == "SUPPORT"]
    assert len(found) == 1 and len(found[0].evidence) == 2


def test_shutting_a_party_out_of_a_programme_is_a_sanction() -> None:
    ev = one("In 2022 the EU shut Norwegian universities out of its space research programme.", "SANCTION",
             date="2025-06-02")
    assert side(ev.recipient) == {"NOR"} and ev.date == "2022"
    ev = one("Canada excluded Chinese firms from the tender for its 5G network on Monday.", "SANCTION",
             date="2025-06-03")
    assert side(ev.actor) == {"CAN"} and side(ev.recipient) == {"CHN"}


def test_excluding_a_thing_is_no_sanction() -> None:
    assert not [e for e in events("The accord excludes military technology from the joint research programme.",
                                  "2025-06-02") if e.event_type == "SANCTION"]


def test_choosing_a_party_for_a_role_is_support() -> None:
    ev = one("Slovakia picked Framatome as its preferred bidder for the reactor in April.", "SUPPORT", date="2025-06-02")
    assert side(ev.actor) == {"SVK"} and side(ev.recipient) == {"FRA"}
    ev = one("Ghana selected a Japanese consortium to build the port on Tuesday.", "SUPPORT", date="2025-06-04")
    assert side(ev.actor) == {"GHA"} and side(ev.recipient) == {"JPN"}


def test_choosing_without_a_party_or_role_is_nothing() -> None:
    assert not events("The minister chose her words carefully at the forum.", "2025-06-02")


def test_boarding_a_ship_is_a_seizure_and_boarding_a_plane_is_not() -> None:
    ev = one("The Indonesian navy boarded the Vietnamese trawler off Natuna on Sunday.", "COERCE", date="2025-06-02")
    assert ev.mode == ["seize"] and side(ev.actor) == {"IDN"} and side(ev.recipient) == {"VNM"}
    assert not events("The Indonesian minister boarded a plane to Hanoi on Sunday.", "2025-06-02")


def test_settling_on_a_choice_is_an_agreement() -> None:
    text = ("Kenya and Japan signed a loan deal for the port in 2019. "
            "In May the two governments settled on the yen as the currency of repayment.")
    ev = one(text, "AGREE", date="2025-06-02")
    assert side(ev.actor) == {"KEN", "JPN"} and ev.date == "2025-05"


def test_what_an_accord_or_step_would_do_is_no_event() -> None:
    assert not events("The pact would give farmers in southern Chile a way to sell more fruit.", "2025-06-02")
    text = ("Chile and Vietnam signed a fruit agreement on Tuesday, a step that officials of both countries said "
            "would give farmers in southern Chile a way to sell more fruit.")
    assert [e.event_type for e in events(text, "2025-06-03")] == ["SUPPORT"]


def test_every_restrictive_verb_on_trade_flows_is_a_sanction() -> None:
    for verb, flow in (("curbed", "exports"), ("outlawed", "sales"), ("halted", "shipments"), ("suspended", "sales")):
        ev = one(f"Peru {verb} {flow} of copper concentrate to China on Monday.", "SANCTION", date="2025-06-02")
        assert side(ev.actor) == {"PER"} and ev.date == "2025-06-02"


def test_a_promise_with_no_time_of_its_own_is_dated_by_its_statement() -> None:
    ev = one("LIMA - Peru will contribute 20 million dollars towards a copper research centre in Cusco, the mines "
             "minister said on Tuesday after talks with his Chilean counterpart.", "AGREE", date="2025-06-05")
    assert ev.date == "2025-06-03"


def test_a_promise_with_a_vague_time_of_its_own_is_not_dated_by_its_statement() -> None:
    evs = [e for e in events("The leaders of Peru and Chile will instead meet at the regional summit this weekend, "
                             "the minister said on Tuesday.", "2025-06-05") if e.event_type == "AGREE"]
    assert evs and all(e.date != "2025-06-03" for e in evs)


def test_a_day_counted_from_the_day_in_view() -> None:
    text = ("Japan and Peru signed a fisheries deal in Lima on Monday, May 5. "
            "The next day, the Japanese minister visited a port in Callao.")
    ev = one(text, "CONSULT", date="2025-05-08")
    assert ev.date == "2025-05-06"


def test_a_one_sided_ratification_or_call_is_addressed_to_the_other_side_of_the_pair() -> None:
    text = ("Ghana and Kenya signed a digital trade accord in Accra on Monday. "
            "Kenyan lawmakers ratified the accord on Thursday.")
    ratified = [e for e in events(text, "2025-06-06") if "ratified" in e.evidence[0].text]
    assert ratified and side(ratified[0].actor) == {"KEN"} and side(ratified[0].recipient) == {"GHA"}
    text = ("Ghana and Kenya signed a digital trade accord in Accra on Monday. "
            "Kenyan President William Ruto held a phone call on Tuesday in which the two leaders discussed it.")
    call = one(text, "CONSULT", date="2025-06-06")
    assert side(call.actor) | side(call.recipient) == {"KEN", "GHA"}


def test_a_meeting_that_is_no_visit_or_call_gets_no_implied_side() -> None:
    text = ("Ghana and Kenya signed a digital trade accord in Accra on Monday. "
            "Kenyan officials attended a conference of African regulators in Geneva on Tuesday.")
    assert all(side(e.recipient) != {"GHA"} for e in events(text, "2025-06-06") if e.event_type == "CONSULT")


def test_a_long_portfolio_title_gives_the_minister_its_state() -> None:
    ev = one("Kenyan Electronics and Information Technology Minister Amos Wekesa arrived in Tokyo on Monday for "
             "talks on chips.", "CONSULT", date="2025-06-02")
    assert [(a.entity_name, a.country) for a in ev.actor] == [("Amos Wekesa", "KEN")]


def test_an_unplaced_doer_gets_no_implied_other_side() -> None:
    text = ("Ghana and Kenya signed a digital trade accord in Accra on Monday. "
            "The accord was signed by Mensah and Kenyan Trade Secretary Rebecca Miano.")
    ev = one(text, "SUPPORT", date="2025-06-03")     # Mensah, of no known state, may well be Ghana's signatory
    assert side(ev.actor) == {"GHA", "KEN"} and side(ev.recipient) == set()


def test_a_headline_closing_talks_is_the_conclusion_even_when_tagged_an_adjective() -> None:
    text = "Chile and Vietnam close trade talks after six years\n\nSANTIAGO - Officials gave no details on Friday.\n"
    ev = one(text, "SUPPORT", date="2025-06-06")
    assert side(ev.actor) == {"CHL", "VNM"}
    assert not [e for e in events(text, "2025-06-06") if e.event_type == "CONSULT"]


def test_a_close_partner_in_a_headline_is_no_verb() -> None:
    text = "Chile and Vietnam deepen close ties\n\nSANTIAGO - Officials gave no details on Friday.\n"
    assert not [e for e in events(text, "2025-06-06") if e.event_type == "SUPPORT"]


def test_coming_out_in_support_or_throwing_weight_behind_is_support() -> None:
    for said in ("Lima came out in support of the Chilean plan in March 2022.",
                 "Peru threw its weight behind the Chilean plan in March 2022."):
        ev = one(said, "SUPPORT", date="2025-06-02")
        assert side(ev.actor) == {"PER"} and ev.date == "2022-03"


def test_a_future_act_of_both_parties_is_their_commitment() -> None:
    lead = "Japan and Iceland signed a fisheries accord on Monday. "
    for said in ("The two sides will also run a shared database of acoustic survey results.",
                 "Both agencies will form a joint team to map the spawning grounds.",
                 "Japan and Iceland will also run a shared database of acoustic survey results."):
        ev = one(lead + said, "AGREE", date="2024-06-11")
        assert side(ev.actor) == {"JPN", "ISL"}


def test_being_going_or_facing_is_no_commitment() -> None:
    for said in ("The two countries will face a tough winter.", "Both Japan and Iceland will go to the polls next year.",
                 "The two sides will not run the database."):
        evs = events("Japan and Iceland signed a fisheries accord on Monday. " + said, "2024-06-11")
        assert [e.event_type for e in evs] == ["SUPPORT"], said


def test_what_both_parties_will_do_as_a_topic_discussed_is_no_commitment() -> None:
    evs = events("The ministers of Japan and Iceland discussed on Monday how the two countries will certify green hydrogen.",
                 "2024-06-11")
    assert not [e for e in evs if e.event_type == "AGREE"]
