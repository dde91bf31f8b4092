"""Error classes read on the check sets in the session of 2026-12-04 (second): people's countries from offices
named before them after a preposition, datelines with neither date nor agency, datelines below a byline.

Every sentence here is written for these tests; none is taken from a news article or a check set.
"""
from __future__ import annotations

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
