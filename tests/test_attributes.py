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


_TWO_SIDED = """Brazil and Mexico will announce closer cooperation on vaccines during a Health Innovation Council taking place in \
Madrid, Spain next month, according to a draft seen by reporters.

Brazil has funded vaccine trials since 2021, the draft says.

Mexico has built two new laboratories for the trials."""


def test_a_council_of_no_state_at_which_two_states_act_is_theirs_in_a_report_about_both() -> None:
    evs = [e for e in _events(_TWO_SIDED) if "Council" in e.evidence[0].text]
    assert evs and _parties(evs[0]) == {"BRA", "MEX"}
    assert "participants.stateless_setting" in evs[0].why.get("actor", [])


def test_a_council_in_a_datelined_report_still_belongs_to_the_home_country() -> None:
    evs = _events("LIMA, May 3 (Reuters) - The Fisheries Council approved new quotas on Tuesday.\n\n"
                  "Peru said the quotas would protect anchovy stocks.\n\nPeru and Chile share the stocks.")
    assert any("PER" in {x.country for x in e.actor} for e in evs)


def test_an_embassy_statement_is_its_states_act_addressed_to_the_state_it_sits_in() -> None:
    evs = [e for e in _events("Russia's embassy in Helsinki condemned the new border rules in a statement on Friday.")
           if e.event_type == "ACCUSE"]
    assert evs
    assert {x.country for x in evs[0].actor} == {"RUS"}
    assert {x.country for x in evs[0].recipient} == {"FIN"}
    assert "participants.embassy_host" in evs[0].why.get("recipient", [])


def test_an_embassy_that_names_its_target_keeps_it() -> None:
    evs = [e for e in _events("The Iranian embassy in Rome accused Israel of sabotage on Tuesday.")
           if e.event_type == "ACCUSE"]
    assert evs and _parties(evs[0]) == {"IRN", "ISR"}


def test_goods_of_a_states_origin_do_not_make_it_a_party() -> None:
    evs = [e for e in _events("Vietnam will require a licence for any export of advanced drones of Israeli origin "
                              "with immediate effect.") if e.event_type == "SANCTION"]
    assert evs and _parties(evs[0]) == {"VNM"}


_FILED_ABROAD = """OSLO, March 4 (Kyodo) -- Japan and Norway agreed on Monday to expand joint research on offshore wind power, \
Tokyo's industry ministry said.

Industry Minister Sato Kenji and Norwegian Energy Minister Ingrid Dahl signed the plan during talks in the Norwegian \
capital.

Sato is set to visit a turbine plant in Bergen on Tuesday."""


def test_an_unmarked_minister_beside_a_home_states_counterpart_is_of_the_other_state() -> None:
    evs = _events(_FILED_ABROAD, date="2025-03-04")
    people = {x.entity_name: x.country for e in evs for x in e.actor + e.recipient if x.entity_type == "person"}
    assert people.get("Ingrid Dahl") == "NOR"
    assert people.get("Sato Kenji") == "JPN"
    visits = [e for e in evs if "turbine plant" in e.evidence[0].text]
    assert visits and {x.country for x in visits[0].actor} == {"JPN"}


def test_a_visit_with_no_place_in_a_datelined_report_is_to_the_state_it_is_filed_from() -> None:
    evs = _events("HANOI, Sept 9 (Reuters) - Vietnam and Finland signed a forestry research pact on Tuesday.\n\n"
                  "The pact was signed by Vietnam's science minister and Finland's trade minister Aino Lehtonen, who "
                  "arrived on Sunday for a four-day visit.", date="2025-09-09")
    visits = [e for e in evs if e.event_type == "CONSULT" and "visit" in e.evidence[0].text]
    assert visits
    assert {x.country for x in visits[0].actor} == {"FIN"}
    assert {x.country for x in visits[0].recipient} == {"VNM"}


def test_a_visit_that_names_its_destination_keeps_it() -> None:
    evs = _events("HANOI, Sept 9 (Reuters) - Vietnam and Finland signed a forestry research pact on Tuesday.\n\n"
                  "Finland's trade minister Aino Lehtonen, who arrived on Sunday, will fly on to Laos for a two-day "
                  "visit to Vientiane.", date="2025-09-09")
    assert all("VNM" not in {x.country for x in e.recipient} for e in evs if "Laos" in e.evidence[0].text)


def test_two_states_signing_in_a_third_state_do_not_make_it_a_party() -> None:
    evs = [e for e in _events("Chile and New Zealand signed a clean energy partnership in March on the margins of "
                              "a climate conference in Morocco.") if e.event_type == "SUPPORT"]
    assert evs and _parties(evs[0]) == {"CHL", "NZL"}
    assert "participants.venue_of_pair" in evs[0].why.get("recipient", [])


def test_a_state_signing_in_another_state_keeps_it_as_the_other_side() -> None:
    evs = [e for e in _events("Chile signed a clean energy partnership in Morocco in March.")
           if e.event_type == "SUPPORT"]
    assert evs and _parties(evs[0]) == {"CHL", "MAR"}


def test_a_welcome_of_a_visit_told_before_is_aimed_at_the_visitor() -> None:
    evs = _events("Peruvian Foreign Minister Ana Ruiz visited Bolivia on Monday to discuss a lithium corridor.\n\n"
                  "Chile's foreign ministry welcomed the visit on Tuesday.", date="2025-06-03")
    welcome = [e for e in evs if e.event_type == "SUPPORT" and "welcomed" in e.evidence[0].text]
    assert welcome
    assert {x.country for x in welcome[0].actor} == {"CHL"}
    assert {x.country for x in welcome[0].recipient} == {"PER"}
    assert "participants.reaction_to_event" in welcome[0].why.get("recipient", [])


def test_a_welcome_of_something_never_told_names_no_other_side() -> None:
    evs = _events("Chile's foreign ministry welcomed the visit on Tuesday.", date="2025-06-03")
    assert all(not e.recipient for e in evs if e.event_type == "SUPPORT")


def test_a_measure_beside_another_naming_its_target_shares_the_target() -> None:
    evs = [e for e in _events("Last year Canada imposed import curbs on the two minerals and removed India from its "
                              "list of preferred trading partners.", date="2025-03-01") if e.event_type == "SANCTION"]
    curbs = [e for e in evs if "import curbs" in e.evidence[0].text]
    assert curbs and {x.country for x in curbs[0].recipient} == {"IND"}
    assert "participants.conjoined_measure_target" in curbs[0].why.get("recipient", [])


def test_a_measure_beside_a_clause_with_its_own_subject_keeps_no_target() -> None:
    evs = [e for e in _events("Canada imposed import curbs on the two minerals, and India removed Canada from its "
                              "list of preferred trading partners.", date="2025-03-01") if e.event_type == "SANCTION"]
    curbs = [e for e in evs if "import curbs" in e.evidence[0].text]
    assert curbs and not curbs[0].recipient


def test_a_trip_called_off_in_a_relative_clause_counts_its_host() -> None:
    evs = [e for e in _events("The video call replaced a trip to Mombasa that Swedish Foreign Minister Lars Lindqvist "
                              "had planned but was then obliged to cancel.", date="2025-02-10")
           if e.event_type == "REJECT"]
    assert evs and _parties(evs[0]) == {"SWE", "KEN"}
    assert "record.called_off_meeting_host" in evs[0].why.get("recipient", [])


def test_european_firms_offered_a_stake_are_the_eus_side() -> None:
    evs = [e for e in _events("Mongolia offered European firms a share in a new copper mine, its mining minister said.",
                              date="2025-04-02") if e.event_type == "AGREE"]
    assert evs and _parties(evs[0]) == {"MNG", "EUR"}


def test_a_european_country_is_not_the_eu() -> None:
    evs = _events("Brazil's president will tour a small European country next month, his office said.",
                  date="2025-04-02")
    assert all("EUR" not in _parties(e) for e in evs)


def test_a_charge_rejected_is_aimed_back_at_its_maker() -> None:
    evs = _events("Turkey's trade ministry on Monday accused Egypt of dumping steel rebar, a charge Cairo denied.",
                  date="2025-05-05")
    rej = [e for e in evs if e.event_type == "REJECT"]
    assert rej and {x.country for x in rej[0].actor} == {"EGY"} and {x.country for x in rej[0].recipient} == {"TUR"}
    assert "participants.rejected_charge" in rej[0].why.get("recipient", [])


def test_it_after_a_complaint_stands_for_the_doer_of_the_act_just_told() -> None:
    evs = _events("Chile imposed a levy on copper concentrate exports in 2022, and Japan lodged a protest against it "
                  "within a week.", date="2025-05-05")
    acc = [e for e in evs if e.event_type == "ACCUSE"]
    assert acc and {x.country for x in acc[0].actor} == {"JPN"} and {x.country for x in acc[0].recipient} == {"CHL"}


def test_a_trip_to_a_named_town_in_a_datelined_report_is_not_to_the_dateline_state() -> None:
    evs = _events("OTTAWA, June 2 -- Canada and Finland will set up a joint Arctic research council, officials said.\n\n"
                  "Aino Virtanen, Finland's science minister, was due to travel to Iqaluit on Thursday to tour a "
                  "research station.", date="2025-06-02")
    trips = [e for e in evs if "Iqaluit" in e.evidence[0].text]
    assert all("CAN" not in {x.country for x in e.recipient} or "participants.visit_filed_from" not in
               e.why.get("recipient", []) for e in trips)


def test_who_after_a_name_stands_for_that_name_not_for_a_conjunct_after_it() -> None:
    evs = _events("The fund was launched in Lagos by British trade minister Jenny Marsh, who arrived on Tuesday for a "
                  "two-day visit, and Ghana's finance minister Kofi Mensah.", date="2025-11-12")
    visits = [e for e in evs if e.event_type == "CONSULT" and "visit" in e.evidence[0].text]
    assert visits and {x.country for x in visits[0].actor} == {"GBR"}
