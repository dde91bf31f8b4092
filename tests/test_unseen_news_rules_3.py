"""Error classes found on a check set written after the rules (bench/wire_check5, read once it was unsealed):
a government blocking a foreign takeover, ordering a divestment, halting shipments, an order that does a
refusal, and a one-sided charge or refusal aimed at the other side of the article's pair.

Every sentence here is written for these tests; none is taken from a news article or a check set.
"""
from __future__ import annotations

import pytest
from test_realnews_rules import events, one, types
from test_unseen_news_rules import side


@pytest.mark.parametrize("text", [
    "Spain's cabinet blocked the sale of a drone maker in Seville to a Russian investment group on Friday.",
    "Spain vetoes Russian takeover of Seville drone maker",
    "Madrid has blocked the acquisition of a Basque chip designer by a Russian fund.",
], ids=["sale", "headline-veto", "acquisition"])
def test_blocking_a_foreign_takeover_is_a_sanction(text) -> None:
    ev = one(text, "SANCTION")
    assert side(ev.actor) == {"ESP"} and ev.mode == ["discontinue"]


def test_blocking_a_road_stays_a_protest() -> None:
    assert types("Farmers blocked a road near Seville on Friday.") == ["PROTEST"]


@pytest.mark.parametrize("text", [
    "Ottawa ordered a Russian-controlled fund to sell its stake in a Quebec battery maker on Monday.",
    "In 2021 Canada told two Russian companies to divest their holdings in Yukon copper mines.",
    "The government ordered the Russian company's Canadian unit to be wound up last week.",
], ids=["sell-stake", "divest", "wound-up"])
def test_an_ordered_divestment_is_a_sanction(text) -> None:
    ev = one(text, "SANCTION")
    assert ev.mode == ["discontinue"]


def test_an_order_to_do_something_else_is_no_sanction() -> None:
    assert "SANCTION" not in types("Ottawa ordered the regulator to review the battery contract with Russia.")


@pytest.mark.parametrize("text", [
    "In 2012 Norway halted shipments of drone parts to Russia for six months.",
    "Norway suspended deliveries of turbine parts to Russia on Monday.",
], ids=["halt", "suspend"])
def test_halting_shipments_to_a_state_is_a_sanction(text) -> None:
    ev = one(text, "SANCTION")
    assert side(ev.actor) == {"NOR"} and side(ev.recipient) == {"RUS"}


def test_an_order_that_puts_off_a_signing_is_the_refusal() -> None:
    ev = one("Peru's top court on Monday ordered the state oil firm to put off the signing of a contract with Ghana.",
             "REJECT")
    assert side(ev.actor) == {"PER"}


def test_urging_a_state_to_put_off_a_signing_stays_a_request() -> None:
    assert types("Ghana urged Peru to halt the signing of the contract.") == ["REQUEST"]


@pytest.mark.parametrize("text", [
    "Chile will invest 5 million euros in the joint call with Ghana.",
    "The first funding call for Chilean and Ghanaian research groups opens in May.",
], ids=["joint", "funding"])
def test_a_call_for_proposals_is_no_telephone_call(text) -> None:
    assert "CONSULT" not in types(text)


def test_a_phone_call_between_leaders_stays_talks() -> None:
    assert types("Chile's president and Ghana's president held a phone call on Monday.") == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "Chile will put 40 million dollars into a lithium institute in Accra.",
    "Chile will pay 12 million dollars a year into the joint research programmes with Ghana.",
], ids=["put-into", "pay-into"])
def test_money_still_to_be_put_into_a_purpose_is_a_promise(text) -> None:
    assert side(one(text, "AGREE").actor) == {"CHL"}


def test_money_spent_by_visitors_is_no_aid() -> None:
    assert types("Tourists from Chile spent 2 million dollars in Accra last year.") == []


def test_a_place_inside_what_the_money_is_for_is_not_where_it_was_promised() -> None:
    ev = one("Chile will provide 40 million dollars for a lithium institute near Accra.", "AGREE")
    assert ev.location is None


def test_a_meeting_for_the_first_time_keeps_its_place() -> None:
    ev = one("The Chile-Ghana committee met for the first time on Monday in Accra.", "CONSULT")
    assert ev.location is not None and ev.location.country == "GHA"


def test_a_list_item_with_its_own_subject_stands_alone() -> None:
    text = ("Chile and Ghana signed a lithium accord in Accra on Monday.\n\nMain points of the accord:\n"
            "- Chile will pay 12 million dollars a year into the joint research programmes;\n"
            "- Ghanaian students may apply for Chilean grants.")
    ev = one(text, "AGREE")
    assert side(ev.actor) == {"CHL"} and side(ev.recipient) == {"GHA"}


def test_a_list_item_that_goes_on_from_the_line_above_keeps_its_subject() -> None:
    text = ("Chile and Ghana signed a lithium accord in Accra on Monday. Under it Santiago and Accra:\n"
            "- will set up a steering committee that is to meet in Accra in May;\n"
            "- agreed to exchange researchers.")
    agreed = [e for e in events(text) if e.event_type == "AGREE"]
    assert agreed and all(side(e.actor) | side(e.recipient) == {"CHL", "GHA"} for e in agreed)


@pytest.mark.parametrize("headline", [
    "Chile and Ghana agree on lithium research, Peru urges caution",
    "Chile and Ghana agree on lithium research; Peru urges caution",
], ids=["comma", "semicolon"])
def test_two_clauses_of_a_headline_are_two_events(headline) -> None:
    got = types(headline + "\n\nACCRA, May 3 - Officials of the two countries met on Monday.")
    assert "AGREE" in got and "REQUEST" in got


def test_a_headline_list_of_names_stays_one_clause() -> None:
    ev = one("Chile, Ghana to sign lithium research memorandum\n\nACCRA, May 3 - Officials met on Monday.", "AGREE")
    assert ev.evidence[0].text.startswith("Chile, Ghana to sign")


@pytest.mark.parametrize("headline,category", [
    ("Peruvian court halts signing of Ghana cocoa contract", "REJECT"),
    ("Spain blocks Russian takeover of drone maker", "SANCTION"),
], ids=["halts", "blocks"])
def test_a_headline_verb_taken_for_a_noun_is_read_as_a_verb(headline, category) -> None:
    assert category in types(headline + "\n\nLIMA, May 3 - Officials met on Monday.")


def test_technologies_banned_from_export_are_a_sanction() -> None:
    ev = one("Lithium refining technologies were banned from export by Ottawa on Thursday.", "SANCTION")
    assert side(ev.actor) == {"CAN"}


@pytest.mark.parametrize("subject", ["Each side", "Either country"])
def test_each_side_of_the_pair_is_both_of_them(subject) -> None:
    text = ("Chile and Ghana signed a lithium accord in Accra on Monday.\n\n"
            f"{subject} will put 5 million dollars into the joint research programme.")
    ev = one(text, "AGREE")
    assert side(ev.actor) | side(ev.recipient) == {"CHL", "GHA"}


@pytest.mark.parametrize("text", [
    "Ghana has blocked the appointment of new judges to the tribunal since 2021.",
    "Ghana blocked the accession of Peru to the cocoa council on Monday.",
], ids=["appointment", "accession"])
def test_blocking_an_appointment_or_accession_is_a_refusal(text) -> None:
    assert types(text) == ["REJECT"]


def test_sitting_down_with_a_leader_is_talks() -> None:
    assert types("Boric sat down with Mahama in Accra in November.") == ["CONSULT"]


def test_sitting_down_alone_is_no_talks() -> None:
    assert types("The Chilean president sat down after the speech in Accra.") == []


@pytest.mark.parametrize("text", [
    "Peru walked away from the talks with Ghana in May 2021.",
    "The Peruvian delegation walked out of the meeting with Ghana on Monday.",
], ids=["walk-away", "walk-out"])
def test_walking_away_from_talks_is_a_refusal(text) -> None:
    assert types(text) == ["REJECT"]


def test_workers_walking_out_stay_a_strike() -> None:
    assert types("Dock workers in Lima walked out of the port on Monday.") == ["PROTEST"]


@pytest.mark.parametrize("subject", ["The two space agencies", "Both ministries"])
def test_the_pairs_agencies_are_the_pair(subject) -> None:
    text = ("Chile and Ghana signed a lithium accord in Accra on Monday.\n\n"
            f"{subject} agreed to create a joint steering committee for the project.")
    ev = one(text, "AGREE")
    assert side(ev.actor) | side(ev.recipient) == {"CHL", "GHA"}
