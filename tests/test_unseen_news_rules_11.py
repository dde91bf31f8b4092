"""Error classes read on the check sets in the session of 2026-12-04 (second): people's countries from offices
named before them after a preposition, datelines with neither date nor agency, datelines below a byline.

Every sentence here is written for these tests; none is taken from a news article or a check set.
"""
from __future__ import annotations

import pactwatch

from test_realnews_rules import events
from test_unseen_news_rules import side
from test_unseen_news_rules_10 import _one, _texts


def test_an_office_set_off_by_a_comma_after_a_preposition_gives_the_person_his_state() -> None:
    found = events("Commissioner Anna Berg co-chaired the talks with Peru's Minister of Production and Trade, "
                   "Luis Quispe. Quispe used the occasion to ask the Commission for a fisheries grant.", "2025-03-12")
    ask = _one(found, "to ask the Commission")
    assert ask.event_type == "REQUEST"
    assert side(ask.actor) == {"PER"}
    talks = _one(found, "co-chaired")
    assert side(talks.actor) | side(talks.recipient) == {"PER"}


def test_a_dateline_of_a_place_in_capitals_and_a_dash_names_the_home_country() -> None:
    text = ("Kenya and Ghana agree on seed trade\n\n"
            "ACCRA -- Minister Ama Owusu signed a seed trade memorandum with Kenya on Monday, the agriculture "
            "ministry said. Kenya's Agriculture Secretary Peter Kamau attended the ceremony.")
    found = events(text, "2025-06-04")
    signing = _one(found, "signed a seed trade memorandum")
    assert signing.event_type in ("SUPPORT", "AGREE")
    assert side(signing.actor) == {"GHA"}
    # the dateline is no part of the first sentence: no event names Accra as a party
    assert all("ACCRA" not in _texts(e) for e in found)


def test_a_dateline_below_a_byline_names_the_home_country() -> None:
    # the body names Germany more often than Chile: without the dateline the count would make her German
    text = ("Lithium talks with Germany stall\n\n"
            "By Ana Soto, Energy Correspondent\n\n"
            "SANTIAGO — The lithium talks with Germany have stalled. Mining Minister Carla Rojas said on Tuesday "
            "that she would not travel to Berlin for them. She accused the German government of changing the "
            "terms.")
    found = events(text, "2025-06-04")
    accuse = _one(found, "accused the German government")
    assert accuse.event_type == "ACCUSE"
    assert side(accuse.actor) == {"CHL"} and side(accuse.recipient) == {"DEU"}
    assert all("SANTIAGO" not in _texts(e) for e in found)


def test_officials_of_the_pair_named_by_a_possessive_are_the_pair() -> None:
    found = events("Peru and Korea delayed the signing of a loan on Monday. The two governments' vice ministers met "
                   "in Lima in March for regular consultations.", "2025-05-06")
    met = _one(found, "vice ministers met")
    assert met.event_type == "CONSULT" and met.date == "2025-03"
    assert side(met.actor) | side(met.recipient) == {"PER", "KOR"}


def test_to_call_on_a_leader_is_a_courtesy_call_unless_asked_to_act() -> None:
    found = events("Peruvian Trade Minister Ana Rios is also expected to call on President Lee Jae-myung.",
                   "2025-05-06")
    assert [e.event_type for e in found] == ["AGREE"] and found[0].mode == ["visit"]
    found = events("Peru will call on Korea to lift the ban.", "2025-05-06")
    assert [e.event_type for e in found] == ["REQUEST"]


def test_days_spent_in_a_country_are_a_visit() -> None:
    found = events("Prime Minister Anthony Albanese spent four days in China in November.", "2025-12-10")
    assert [(e.event_type, e.date) for e in found] == [("CONSULT", "2025-11")]
    assert side(found[0].actor) == {"AUS"} and side(found[0].recipient) == {"CHN"}
    # engineers spending weeks at a plant make no visit of a party
    assert events("Korean engineers spent two weeks at the reactor site in 2023.", "2025-12-10") == []


def test_duties_put_slapped_and_scrapped_are_sanctions_and_concessions() -> None:
    found = events("In May 2020 Beijing put tariffs of 80 percent on Australian barley.", "2023-09-01")
    assert [e.event_type for e in found] == ["SANCTION"] and side(found[0].recipient) == {"AUS"}
    found = events("In August 2023, China scrapped the duties it had slapped on Australian wine three years earlier.",
                   "2023-09-01")
    assert sorted((e.event_type, e.date) for e in found) == [("CONCEDE", "2023-08"), ("SANCTION", "2020")]
    slapped = _one(found, "slapped")
    assert side(slapped.actor) == {"CHN"} and side(slapped.recipient) == {"AUS"}


def test_talks_sought_are_a_request() -> None:
    found = events("Canada sought talks with China on the canola tariffs.", "2025-10-02")
    assert [e.event_type for e in found] == ["REQUEST"]
    assert side(found[0].actor) == {"CAN"} and side(found[0].recipient) == {"CHN"}


def test_a_measure_that_should_be_withdrawn_is_a_demand() -> None:
    found = events("Beijing reiterated that the listing itself should be withdrawn by Canberra.", "2025-10-02")
    assert [e.event_type for e in found] == ["REQUEST"] and side(found[0].actor) == {"CHN"}


def test_the_two_ministers_speaking_by_video_link_is_a_call_of_the_pair() -> None:
    found = events("Chile and Japan held talks on Monday. The two ministers spoke to reporters on Tuesday. The two "
                   "ministers will speak again by video link on Friday.", "2025-10-02")
    call = _one(found, "speak again")
    assert call.event_type == "AGREE" and call.date == "2025-10-03"
    assert side(call.actor) | side(call.recipient) == {"CHL", "JPN"}
    assert not any("spoke to reporters" in _texts(e) for e in found)


def test_a_trade_case_suspended_is_a_concession() -> None:
    found = events("Ottawa and Beijing agreed to suspend a World Trade Organization case.", "2025-10-02")
    assert [e.event_type for e in found] == ["CONCEDE"]
    assert side(found[0].actor) | side(found[0].recipient) == {"CAN", "CHN"}


def test_a_past_signing_on_a_weekday_is_read_back_though_its_text_promises_help() -> None:
    # the report is of Wednesday 26 November; the memorandum was signed the day before
    found = events("Chile and Korea signed a memorandum in Seoul on Tuesday under which Korea's space agency will help "
                   "Chile build a ground station.", "2025-11-26")
    signing = _one(found, "signed a memorandum")
    assert signing.event_type == "SUPPORT" and signing.date == "2025-11-25"
    # a time that cannot be read back is not given to a past act
    found = events("Chile called off a visit next month.", "2025-11-26")
    assert [e.date for e in found] == [None]


def test_an_envoy_in_a_report_filed_from_the_home_country_is_the_other_sides() -> None:
    text = ("Korea and Peru delay fisheries pact\n\n"
            "LIMA, May 6 (Reuters) - Peru and Korea have delayed the signing of a fisheries pact. Ambassador Kim "
            "Min-jun called on Foreign Minister Elmer Schialer on Tuesday and apologised for the delay. Peru hopes "
            "to sign the pact with Korea in June.")
    found = events(text, "2025-05-06")
    call = _one(found, "called on Foreign Minister")
    assert call.event_type == "CONSULT"
    assert side(call.actor) == {"KOR"} and side(call.recipient) == {"PER"}


def test_a_visit_to_the_home_country_by_an_official_is_made_from_abroad() -> None:
    text = ("Korea and Peru delay fisheries pact\n\n"
            "LIMA, May 6 (Reuters) - Korea has put off a visit to Lima by Vice Minister Park Sung-ho at which a "
            "fisheries pact with Peru was to have been signed. Peru's foreign ministry said Park would come in June.")
    people = {e.entity_name: e.country for e in pactwatch.extract_result(text, date="2025-05-06", doc_id="t").entities
              if e.entity_type == "person"}
    assert people.get("Park Sung-ho") == "KOR"


def test_a_courtesy_call_coordinated_with_another_plan_is_still_a_call() -> None:
    found = events("Rios is also expected to call on President Lee Jae-myung, who returned to office in June, and to "
                   "tour a shipyard in Ulsan on Friday.", "2025-10-01")
    assert all(e.event_type != "REQUEST" for e in found)
    call = _one(found, "call on President")
    assert call.event_type == "AGREE" and call.mode == ["visit"]
    # a leader returning to office makes no visit
    assert not any(e.date == "2025-06" for e in found)


def test_a_demand_repeated_in_a_second_verb_is_the_first_verbs_speakers() -> None:
    found = events("China's foreign ministry welcomed Canberra's decision but repeated that the listing itself should "
                   "be withdrawn.", "2025-10-01")
    demand = _one(found, "should be withdrawn")
    assert demand.event_type == "REQUEST" and side(demand.actor) == {"CHN"}


def test_attacks_as_a_kind_with_no_party_are_no_event() -> None:
    found = events("The memorandum covers the protection of power grids from ransomware attacks on public agencies.",
                   "2025-07-15")
    assert all(e.event_type != "ASSAULT" for e in found)
    found = events("Russian missiles struck Ukrainian power plants on Monday.", "2025-07-15")
    assert [e.event_type for e in found] == ["ASSAULT"]


def test_a_guest_to_be_received_is_the_subject_of_is() -> None:
    found = events("Chilean Mining Minister Aurora Williams is to be received by Premier Li Qiang on Wednesday.",
                   "2025-03-03")
    assert [(e.event_type, e.date) for e in found] == [("AGREE", "2025-03-05")]
    assert side(found[0].actor) == {"CHL"} and side(found[0].recipient) == {"CHN"}


def test_what_a_thing_would_do_is_a_prediction_not_a_promise() -> None:
    assert events("Prime Minister Ana Brnabic said the centre would give Serbian researchers computing power they "
                  "lacked.", "2025-10-21") == []
    assert events("Officials said the satellite data would help Colombia track deforestation.", "2025-10-21") == []
    # a party's would is its promise, and so is money to come
    found = events("Officials said the Chinese side would help Serbia build the plant.", "2025-10-21")
    assert [e.event_type for e in found] == ["AGREE"] and side(found[0].actor) == {"CHN"}
    found = events("Britain said a second tranche of 20 million pounds for Kenya would follow by March.", "2025-10-21")
    assert [e.event_type for e in found] == ["AGREE"]


def test_a_clause_a_stated_span_after_a_main_clause_that_is_no_event_is_dated_back_from_its_time() -> None:
    found = events("The two countries held their first talks on Tuesday, nine months after Peru and Chile signed an "
                   "agreement on lithium.", "2025-11-24")
    signing = _one(found, "signed an agreement")
    assert signing.date == "2025-02"
    found = events("The working group met on Monday, seven months after Chilean Minister Aurora Williams toured the "
                   "site with Peruvian officials.", "2025-09-17")
    assert [e.date for e in found if "toured" in _texts(e)] == ["2025-02"]


def test_a_few_hours_after_is_the_same_day() -> None:
    found = events("Peru and Chile signed the declaration on Wednesday, a few hours after Chilean Minister Aurora "
                   "Williams landed for a two-day visit.", "2026-02-26")
    assert sorted(e.date for e in found) == ["2026-02-25", "2026-02-25"]


def test_a_name_tagged_as_an_organisation_with_an_office_in_apposition_is_a_person() -> None:
    result = pactwatch.extract_result("Aden Duale, the Kenyan health cabinet secretary, told reporters on Wednesday "
                                      "that he would not travel to London. He accused the British government of "
                                      "going back on a written undertaking.", date="2025-11-13", doc_id="t")
    people = {e.entity_name: e.country for e in result.entities if e.entity_type == "person"}
    assert people.get("Aden Duale") == "KEN"
    accuse = _one(result.events, "accused the British government")
    assert side(accuse.actor) == {"KEN"} and side(accuse.recipient) == {"GBR"}


def test_a_listing_suspended_is_a_concession() -> None:
    found = events("China has suspended for twelve months its listing of two Canadian technology firms on its "
                   "unreliable entity list.", "2025-10-02")
    assert [e.event_type for e in found] == ["CONCEDE"]
    assert side(found[0].actor) == {"CHN"} and side(found[0].recipient) == {"CAN"}


def test_one_place_after_the_sides_of_talks_is_where_they_met_not_a_side() -> None:
    found = events("Beijing and Ottawa agreed on a truce. It followed two rounds of talks between officials in "
                   "Singapore later that month.", "2025-10-02")
    talks = _one(found, "talks between officials")
    assert "SGP" not in side(talks.actor) | side(talks.recipient)
    assert talks.location is not None and talks.location.country == "SGP"
