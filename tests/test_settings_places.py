"""Where an event happened, when the parser hangs its place away from the event's verb."""
from __future__ import annotations

import pactwatch


def _one(text: str, date: str = "2023-05-21"):
    evs = pactwatch.extract(text, date=date, doc_id="t")
    assert len(evs) == 1, [(e.event_type, e.trigger) for e in evs]
    return evs[0]


def test_the_place_of_the_setting_the_event_happened_at() -> None:
    ev = _one("The Chilean president on Saturday signed an agreement with her Peruvian counterpart on the sidelines of "
              "a regional leaders' summit in Hiroshima, Japan.")
    assert ev.location is not None and ev.location.country == "JPN"
    assert ev.why["location"] == ["place.of_setting"]


def test_a_place_named_in_a_clause_of_its_own_is_not_the_events() -> None:
    ev = _one("The Chilean president signed an agreement with her Peruvian counterpart, who had spoken on the "
              "sidelines of a forum in Kyoto a week earlier.")
    assert ev.location is None or ev.location.country != "JPN"


def test_a_stated_span_before_the_main_act_dates_the_earlier_act() -> None:
    evs = pactwatch.extract("Chile and Peru agreed on Tuesday to cooperate on lithium, two days after Bolivia "
                            "unveiled new export restrictions on three rare metals.", date="2023-07-05", doc_id="t")
    curbs = [e for e in evs if e.event_type == "SANCTION"]
    assert curbs and curbs[0].date == "2023-07-02" and curbs[0].why["date"] == ["date.span_from_main_clause"]


def test_the_same_year_is_the_last_year_the_article_named() -> None:
    text = ("Ottawa tightened its curbs on chip exports to Chile in March 2019.\n\n"
            "In June the same year, Ottawa removed Chile from its white list of trusted partners.\n")
    evs = pactwatch.extract(text, date="2023-03-16", doc_id="t")
    assert sorted(e.date for e in evs if e.event_type == "SANCTION") == ["2019-03", "2019-06"]


def test_a_meeting_told_as_the_setting_of_a_signing_keeps_its_own_parties() -> None:
    text = ("Chile and Peru met in Lima on Monday.\n\n"
            "The memorandum signed at their meeting in Lima also covers lithium refining.\n")
    meetings = [e for e in pactwatch.extract(text, date="2023-07-05", doc_id="t") if e.event_type == "CONSULT"]
    assert meetings and all({a.country for a in e.actor + e.recipient} >= {"CHL", "PER"} for e in meetings)
