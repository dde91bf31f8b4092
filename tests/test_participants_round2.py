"""Participants, round 2: states that only qualify what is talked over are no party; a described person
with a country word is that country's named person; bodies named after a region or a firm are not that
state or firm.

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch


def _events(text: str, typ: str, date: str = "2025-03-06"):
    return [e for e in pactwatch.extract(text, date=date, doc_id="t") if e.event_type == typ]


def _one(text: str, typ: str, date: str = "2025-03-06"):
    events = _events(text, typ, date)
    assert len(events) == 1, [(e.event_type, e.evidence[0].text) for e in events]
    return events[0]


def _codes(ents) -> list[str]:
    return sorted({e.country for e in ents if e.country})


def _sides(text: str, typ: str) -> tuple[list[str], list[str]]:
    """Actor and recipient states of the one event of this category."""
    ev = _one(text, typ)
    return _codes(ev.actor), _codes(ev.recipient)


def _names(ents) -> list[str]:
    return [e.entity_name for e in ents]


# --- what is talked over is no party ----------------------------------------------------------------------

def test_state_in_the_topic_of_a_call_is_no_party() -> None:
    ev = _one("Mexico's economy minister and the U.S. trade representative held a call on Tuesday to discuss "
              "Canadian tariffs on steel.", "CONSULT")
    assert _codes(ev.actor) == ["MEX", "USA"]
    assert _codes(ev.recipient) == []


def test_state_where_the_discussed_crisis_is_is_no_party() -> None:
    text = ("Ghana's foreign minister met his Kenyan counterpart in Accra on Monday. The two ministers "
            "discussed the famine in Somalia and the situation in Sudan.")
    events = _events(text, "CONSULT")
    countries = {c for e in events for c in _codes(e.actor) + _codes(e.recipient)}
    assert "SOM" not in countries and "SDN" not in countries
    assert {"GHA", "KEN"} <= countries


def test_with_inside_the_topic_still_names_the_other_side() -> None:
    ev = _one("Norway's trade minister discussed fishing quotas with Iceland on Thursday.", "CONSULT")
    assert _codes(ev.actor) == ["NOR"]
    assert _codes(ev.recipient) == ["ISL"]


# --- a described person with a state word ------------------------------------------------------------------

_MET = "Peru's Foreign Minister Javier Montoya met Chile's envoy Carolina Benitez in Lima on Wednesday. "


def test_state_word_description_is_that_states_named_person() -> None:
    ev = _one(_MET + "The Chilean envoy will visit a copper smelter near Arequipa on Friday.", "AGREE")
    assert _names(ev.actor) == ["Carolina Benitez"]
    assert _codes(ev.actor) == ["CHL"]


def test_state_word_description_never_takes_a_person_of_another_state() -> None:
    ev = _one(_MET + "The Chilean minister will visit a copper smelter near Arequipa on Friday.", "AGREE")
    assert "Javier Montoya" not in _names(ev.actor)
    assert _codes(ev.actor) == ["CHL"]


def test_state_word_description_as_object_is_the_named_person() -> None:
    ev = _one(_MET + "Montoya will meet the Chilean envoy again in Cusco on Friday.", "AGREE")
    assert _names(ev.recipient) == ["Carolina Benitez"]


# --- bodies named after a word that is also a firm's name ---------------------------------------------------

def test_fund_named_like_a_firm_is_not_that_firms_state() -> None:
    ev = _one("Norway pledged $40 million to the Shell Fund on Monday to curb forest clearing.", "AGREE")
    assert _codes(ev.actor) == ["NOR"]
    assert _codes(ev.recipient) == []


def test_growers_union_named_like_a_firm_is_no_us_party() -> None:
    ev = _one("The Apple Growers Union welcomed the fruit trade pact between Chile and Peru on Monday.", "SUPPORT")
    assert "USA" not in _codes(ev.actor) + _codes(ev.recipient)


def test_firm_with_a_name_of_its_own_keeps_its_state() -> None:
    ev = _one("Samsung Electronics signed a chip supply deal with Vietnam on Monday.", "SUPPORT")
    assert _codes(ev.actor) == ["KOR"]


# --- a name beside an office or a description of a person --------------------------------------------------

def test_name_after_a_states_envoy_is_that_states_person() -> None:
    ev = _one("Peru's Foreign Minister Luis Soto met Chile's envoy Ana Ruiz in Cusco on Monday.", "CONSULT")
    assert ("Ana Ruiz", "CHL") in [(e.entity_name, e.country) for e in ev.actor + ev.recipient]


def test_name_with_a_possessive_office_apposition_is_that_states_person() -> None:
    ev = _one("Ana Ruiz, Chile's deputy minister for mining, signed a lithium accord with Bolivia on Monday.",
              "SUPPORT")
    assert [(e.entity_name, e.country) for e in ev.actor] == [("Ana Ruiz", "CHL")]
    assert _codes(ev.recipient) == ["BOL"]


def test_name_with_an_adjectival_office_apposition_is_that_states_person() -> None:
    ev = _one("Ana Ruiz, the Chilean envoy for trade, met Bolivia's economy minister in La Paz on Monday.", "CONSULT")
    assert ("Ana Ruiz", "CHL") in [(e.entity_name, e.country) for e in ev.actor + ev.recipient]


def test_counterpart_with_a_state_word_is_that_states_person() -> None:
    ev = _one("Peru's Foreign Minister Luis Soto met his Chilean counterpart Ana Ruiz in Cusco on Monday.", "CONSULT")
    assert [(e.entity_name, e.country) for e in ev.recipient] == [("Ana Ruiz", "CHL")]


# --- an act drawn or received -------------------------------------------------------------------------------

def test_protest_drawn_from_a_state_is_that_states_act() -> None:
    text = "Peru tightened its rules on lithium exports on Tuesday, drawing an angry protest from Chile's government."
    assert _sides(text, "ACCUSE") == (["CHL"], ["PER"])


def test_protest_sparked_from_a_state_is_that_states_act() -> None:
    text = "Ecuador's border closure sparked a formal protest from Colombia on Friday."
    assert _sides(text, "ACCUSE") == (["COL"], ["ECU"])


# --- a headline's reaction and the lead's measure -----------------------------------------------------------

def test_headline_protest_is_aimed_at_the_author_of_the_leads_measure() -> None:
    text = ("Chile protests\n\nSANTIAGO, March 4 (Reuters) - Peru tightened its rules on lithium exports on "
            "Tuesday, obliging foreign buyers to refine half of the metal inside the country.")
    assert _sides(text, "ACCUSE") == (["CHL"], ["PER"])


def test_headline_protest_takes_no_side_from_a_lead_of_its_own_state() -> None:
    text = ("Chile protests\n\nSANTIAGO, March 4 (Reuters) - Chile banned sales of raw copper ore to foreign "
            "smelters on Tuesday, its mining ministry said in a statement.")
    assert _sides(text, "ACCUSE") == (["CHL"], [])


# --- "the bloc" after a deal of the bloc and a state ---------------------------------------------------------

def test_the_bloc_is_the_body_not_its_earlier_partner() -> None:
    text = ("The European Union and Uruguay signed a beef and dairy trade accord in Montevideo on Monday. The bloc "
            "said it would open similar negotiations with Paraguay next year.")
    assert _sides(text, "AGREE") == (["EUR"], ["PRY"])


def test_the_country_with_two_states_just_named_is_not_guessed() -> None:
    text = ("Kenya and Tanzania signed a railway accord in Arusha on Monday. The country will open similar "
            "negotiations with Uganda next year.")
    events = _events(text, "AGREE")
    assert all(not ({"KEN", "TZA"} <= set(_codes(e.actor))) for e in events)


# --- a visit whose other side is a body of no known state ----------------------------------------------------

def test_visit_received_by_a_body_of_no_known_state_is_made_to_the_place() -> None:
    text = ("Kenya's President William Ruto arrived in Accra on Monday to a reception organised by the ruling "
            "National Democratic Party.")
    assert _sides(text, "CONSULT") == (["KEN"], ["GHA"])


def test_visit_here_after_two_names_is_the_nearer_names_visit_to_the_home_state() -> None:
    text = ("NAIROBI, March 7 (Reuters) - Kenya and Ghana will open a joint cocoa research centre next year.\n\n"
            "Speaking after a dinner with Ruto, Mahama, who is here on a three-day state visit, said the centre would "
            "train farmers from both countries.")
    ev = _one(text, "CONSULT", date="2025-03-08")
    assert (_codes(ev.actor), _codes(ev.recipient)) == (["GHA"], ["KEN"])


def test_planner_of_a_trip_told_in_a_relative_clause_cancels_it() -> None:
    text = ("The NATO meeting came in place of a tour of Norway that Canada's prime minister had originally planned "
            "but was subsequently forced to cancel due to a budget vote in Ottawa.")
    ev = _one(text, "REJECT")
    assert _codes(ev.actor) == ["CAN"]


def test_state_qualifying_a_measure_inside_a_joint_response_is_no_party() -> None:
    text = "Japan and India agreed on Tuesday to coordinate their response to Chinese tariffs on solar panels."
    assert _sides(text, "AGREE") == (["IND", "JPN"], [])


def test_named_partner_inside_a_cooperation_object_stays() -> None:
    text = "Japan and India agreed on Tuesday to expand naval cooperation with Vietnam."
    assert _sides(text, "AGREE") == (["IND", "JPN"], ["VNM"])


def test_headline_protest_after_the_headlines_own_measure_clause() -> None:
    text = ("Japan tightens seafood import checks, South Korea protests\n\nSEOUL, Oct 2 (Reuters) - Fishermen in Busan "
            "said on Thursday they feared losing their biggest buyer as prices fell for a third week.")
    assert _sides(text, "ACCUSE") == (["KOR"], ["JPN"])


def test_headline_protest_over_a_lead_announcing_a_measure() -> None:
    text = ("Seoul protests\n\nSEOUL, Oct 2 (Reuters) - The Japanese government on Thursday announced new licence "
            "requirements for exports of fluorinated polyimide to its neighbour.")
    assert _sides(text, "ACCUSE") == (["KOR"], ["JPN"])


# --- a body's short name ------------------------------------------------------------------------------------

def test_short_name_of_a_body_named_before_is_that_body() -> None:
    text = ("The European Commission and Chile concluded talks on a raw materials pact on Monday. The Commission "
            "said it would open similar negotiations with Argentina next month.")
    events = [e for e in _events(text, "AGREE") if "ARG" in _codes(e.recipient)]
    assert [_codes(e.actor) for e in events] == [["EUR"]]


def test_apposition_the_parser_hung_elsewhere_still_gives_the_state() -> None:
    text = ("The agreement came during talks in Nairobi between Trade Minister Rebecca Miano and Faisal Al Mansouri, "
            "the Qatari minister of state for foreign trade.")
    ev = _one(text, "CONSULT")
    assert ("Faisal Al Mansouri", "QAT") in [(e.entity_name, e.country) for e in ev.actor + ev.recipient]


# --- a planned trip to a city ------------------------------------------------------------------------------

def test_planned_trip_to_a_city_abroad_is_made_to_its_state() -> None:
    text = "The Kenyan president will travel to Entebbe on Friday to meet airline executives."
    assert _sides(text, "AGREE") == (["KEN"], ["UGA"])


def test_city_named_after_a_person_is_no_person() -> None:
    ev = _one("On Thursday, the French president will travel on to Ho Chi Minh City to meet shipping executives.",
              "AGREE")
    assert all(not e.entity_name.endswith("City") for e in ev.actor + ev.recipient)
