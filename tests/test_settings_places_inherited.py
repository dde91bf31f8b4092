"""Where an event told with no place of its own happened: the place of the occasion the article placed at
that time (``place.occasion_of_same_time``); and the time of a planned act told on the planning verb."""
from __future__ import annotations

import pactwatch


def _events(text: str, date: str):
    return pactwatch.extract(text, date=date, doc_id="t")


def _with(evs, words: str):
    found = [e for e in evs if any(words in x.text for x in e.evidence)]
    assert len(found) == 1, [(e.event_type, e.evidence[0].text) for e in evs]
    return found[0]


def test_a_signing_of_the_same_day_takes_the_place_of_the_occasion() -> None:
    text = ("Chilean President Ana Robles on Saturday thanked her Peruvian counterpart for hosting her during the "
            "Pacific leaders' summit in Lima.\n\n"
            "On the same day she held talks with Bolivia's president, and Chile and Ecuador signed a new pact on "
            "lithium research.\n")
    signed = _with(_events(text, "2024-03-09"), "Ecuador signed")
    assert (signed.event_type, signed.date) == ("SUPPORT", "2024-03-09")
    assert signed.location is not None and (signed.location.name, signed.location.country) == ("Lima", "PER")
    assert signed.why["location"] == ["place.occasion_of_same_time"]


def test_a_plan_takes_the_place_of_the_planned_occasion_of_its_day() -> None:
    text = ("The Chile-Peru technology council will hold its opening ministerial session in Lima on June 12.\n\n"
            "On June 12, Chile's trade minister is also set to sign a lithium accord with Ecuador's envoy.\n")
    plan = _with(_events(text, "2024-06-10"), "lithium accord")
    assert (plan.event_type, plan.date) == ("AGREE", "2024-06-12")
    assert plan.location is not None and plan.location.country == "PER"
    assert plan.why["location"] == ["place.occasion_of_same_time"]


def test_a_past_occasion_does_not_place_a_plan() -> None:
    text = ("Chile and Peru signed a lithium accord in Lima on June 3.\n\n"
            "On June 12, Chile's trade minister is set to sign a copper accord with Ecuador's envoy.\n")
    evs = _events(text, "2024-06-10")
    assert _with(evs, "in Lima").location.country == "PER"
    plan = _with(evs, "copper accord")
    assert (plan.event_type, plan.date, plan.location) == ("AGREE", "2024-06-12", None)
    assert plan.why["date"][0] == "date.time_of_planned_act"


def test_no_place_when_the_times_differ_or_two_places_share_the_time() -> None:
    other_day = ("Chile's foreign minister met her Peruvian counterpart in Lima on Monday.\n\n"
                 "On Thursday the two ministers held talks again with Bolivia's envoy.\n")
    assert _with(_events(other_day, "2024-03-09"), "again").location is None
    two_places = ("On Monday Chile's foreign minister met her Peruvian counterpart in Lima.\n\n"
                  "Chile's trade minister met Bolivia's envoy in La Paz on Monday.\n\n"
                  "Also on Monday, Chile's president met the Argentine ambassador.\n")
    evs = _events(two_places, "2024-03-06")
    assert _with(evs, "La Paz").location.country == "BOL"
    assert _with(evs, "ambassador").location is None


def test_a_time_hung_on_a_name_dates_the_verb_above_it() -> None:
    text = ("The creation of the joint fund was announced by Chilean President Ana Robles and Tomas Vidal, "
            "President, the Andean Development Bank in Lima in March, 2021, to finance lithium research.\n")
    evs = _events(text, "2024-06-10")
    assert [e.date for e in evs] == ["2021-03"], [(e.event_type, e.date, e.why.get("date")) for e in evs]


def test_a_summit_in_one_years_time_is_due_that_month() -> None:
    evs = _events("Chile and Peru agreed to hold another summit in Lima in one year\u2019s time.\n", "2023-11-01")
    plan = _with(evs, "summit")
    assert (plan.event_type, plan.date) == ("AGREE", "2024-11")


def test_a_stated_span_counts_from_the_time_the_main_clause_inherits() -> None:
    text = ("Chile's president met Peru's foreign minister in Santiago on Tuesday.\n\n"
            "The two countries agreed to widen their lithium partnership a day after Bolivia unveiled export "
            "restrictions on two rare metals.\n")
    curbs = [e for e in _events(text, "2023-07-05") if e.event_type == "SANCTION"]
    assert [(c.date, c.why["date"]) for c in curbs] == [("2023-07-03", ["date.span_from_main_clause"])]


def test_a_meeting_nouns_own_clause_says_where_it_is_held() -> None:
    ev = _with(_events("Chile and Peru will sign a lithium pact at a regional forum taking place in Quito, Ecuador "
                       "next week.\n", "2024-03-30"), "Quito")
    assert ev.location is not None and (ev.location.name, ev.location.country) == ("Quito", "ECU")
    assert ev.why["location"] == ["event_rules.json:occurrence_verbs"]


def test_a_past_act_does_not_inherit_the_time_of_a_plan() -> None:
    text = ("Chile and Peru signed a lithium research pact in Lima on Monday.\n\n"
            "The two presidents said their governments would hold the next round of talks in Santiago next year.\n\n"
            "Robles invited Peruvian firms to build battery plants in northern Chile.\n")
    evs = _events(text, "2024-10-16")
    invite = _with(evs, "invited")
    assert invite.date == "2024-10-14" and invite.why["date"] == ["date.inherited"]
    assert _with(evs, "next round").date == "2025"


def test_a_place_inside_a_topic_is_not_where_the_talks_were() -> None:
    talks = _events("Chile's president discussed the drought in Bolivia with Peru's foreign minister on Monday.\n",
                    "2024-03-30")
    assert [e.location for e in talks if e.event_type == "CONSULT"] == [None]
    met = _events("Chile's president met the Peruvian envoy in Lima on Monday.\n", "2024-03-30")
    assert [e.location.country for e in met] == ["PER"]


WIRE = ("Chile, Peru sign lithium research pact\n\n"
        "LIMA, March 4 (Reuters) - Chile and Peru on Monday signed an agreement to fund joint research on lithium "
        "refining, the two foreign ministries said.\n\n"
        "Bolivia imposed new curbs on lithium exports to Chile on Monday.\n\n"
        "The two presidents will meet again in Santiago next month.\n")


def test_a_dateline_below_the_headline_is_found_and_blanked_for_the_parser() -> None:
    from pactwatch import nlp
    from pactwatch.model import Document
    doc = Document(id="t", text=WIRE, date="2024-03-05")
    start, end, place = nlp.dateline(doc, below_headline=True)
    assert (WIRE[start:end], place) == ("LIMA, March 4 (Reuters) - ", "LIMA")
    assert nlp.dateline(doc) is None            # the article's home country reads only a dateline on top
    parsed = nlp.parse_text(doc)
    assert parsed.startswith("Chile, Peru sign lithium research pact\n\n") and len(parsed) == len(WIRE)
    assert parsed[start:end].strip() == "" and parsed[end:].startswith("Chile and Peru on Monday")


def test_an_accord_of_the_datelines_day_was_signed_in_its_city_a_sanction_or_a_plan_was_not() -> None:
    evs = _events(WIRE, "2024-03-05")
    signed = _with(evs, "signed an agreement")
    assert (signed.event_type, signed.date) == ("SUPPORT", "2024-03-04")
    assert signed.location is not None and signed.location.name == "Lima"
    assert signed.why["location"] == ["place.dateline"]
    assert _with(evs, "curbs").location is None
    plan = _with(evs, "meet again")
    assert plan.location is not None and plan.location.name == "Santiago"


def test_a_setting_whose_event_was_not_kept_takes_the_articles_time() -> None:
    text = ("Chile and Peru agreed on Wednesday to widen cooperation on copper refining.\n\n"
            "The accord came during talks in Lima between Chile's foreign minister and Peru's trade envoy.\n")
    talks = _with(_events(text, "2025-02-20"), "talks in Lima")
    assert (talks.event_type, talks.date) == ("CONSULT", "2025-02-19")


def test_a_time_hung_on_a_thing_dates_the_act_above_it() -> None:
    evs = _events("Japan lifted its curbs on exports of three chip materials to South Korea in March last year.\n",
                  "2024-07-03")
    lifted = _with(evs, "lifted")
    assert lifted.date == "2023-03" and "date.through_thing" in lifted.why["date"]


def test_the_same_day_is_the_day_the_article_last_gave() -> None:
    text = ("Chile and Peru signed a lithium accord in Lima on June 3.\n\n"
            "On the same day, Chile's trade minister met Ecuador's envoy.\n")
    met = _with(_events(text, "2024-06-10"), "envoy")
    assert (met.event_type, met.date) == ("CONSULT", "2024-06-03")


def test_an_agreement_of_the_day_takes_the_meetings_city_not_the_datelines() -> None:
    text = ("Chile, Peru agree to resume copper talks\n\n"
            "SANTIAGO, July 3 (Reuters) - Chile and Peru agreed on Wednesday to resume talks on copper export "
            "rules, Chile's mining ministry said.\n\n"
            "The two mining ministers reached the agreement at a meeting in Lima.\n\n"
            "Chile's minister also called on Peru to ease its rules on ore shipments.\n")
    evs = _events(text, "2024-07-03")
    agreed = _with(evs, "agreed on Wednesday")
    assert agreed.location is not None and agreed.location.name == "Lima"
    assert agreed.why["location"][0] in ("place.occasion_of_same_time", "event_rules.json:place_preps")
    assert _with(evs, "called on Peru").location is None


def test_a_dateline_below_the_headline_gives_the_articles_home_country() -> None:
    text = ("Chile delays lithium talks with Peru\n\n"
            "SANTIAGO, Sept 22 - Mining Minister Aurora Williams apologised to her Peruvian counterpart in a "
            "phone call on Thursday and proposed new dates for the talks.\n")
    sorry = [e for e in _events(text, "2023-09-22") if e.event_type == "CONCEDE"]
    assert sorry and {a.country for a in sorry[0].actor} == {"CHL"}
    assert {r.country for r in sorry[0].recipient} == {"PER"}
