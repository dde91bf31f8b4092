"""Error classes found on the check sets after wire_check5 was unsealed, read through the reports the cross-document
layer failed to link: "the country" joined with a named party, a state's ministry named with a possessive, "the
kingdom" among several states, and an invitation dated by the occasion it names.

Every sentence here is written for these tests; none is taken from a news article or a check set.
"""
from __future__ import annotations

from test_realnews_rules import events, one
from test_unseen_news_rules import side


def test_the_country_joined_with_a_named_party_is_a_doer() -> None:
    text = ("LIMA, March 3 (Reuters) - Peru has banned exports of raw copper concentrate, the minister said. "
            "China on Friday urged Lima to honour its supply contracts. Peru is already wooing Japanese buyers. "
            "The country and Japan signed a partnership on smelting in May 2024 at a forum in Bangkok, Thailand.")
    ev = one(text, "SUPPORT", date="2025-03-03")
    assert side(ev.actor) == {"PER", "JPN"}
    assert side(ev.recipient) == set()       # Thailand is where the forum was


def test_the_country_stays_unresolved_without_a_subject_to_point_to() -> None:
    text = ("China on Friday urged Peru to honour its supply contracts. "
            "The country and Japan signed a partnership on smelting in May 2024.")
    ev = one(text, "SUPPORT", date="2025-03-03")
    assert side(ev.actor) == {"JPN"}


def test_a_ministry_named_with_a_states_possessive_is_that_states() -> None:
    ev = one("ACCRA, June 2 (Reuters) - China's commerce ministry on Monday urged Ghana to reopen its bauxite mines.",
             "REQUEST", date="2025-06-02")
    assert side(ev.actor) == {"CHN"} and side(ev.recipient) == {"GHA"}


def test_the_kingdom_is_the_monarchy_among_the_states_in_view() -> None:
    text = ("Jordan and Peru agree on desalination research; Chile urges care\n\n"
            "Jordan's water ministry said on Tuesday that the kingdom and Peru had agreed to cooperate on "
            "desalination research.")
    found = [e for e in events(text, "2025-06-03") if e.event_type == "AGREE"]
    assert found and all(side(e.actor) | side(e.recipient) == {"JOR", "PER"} for e in found)


def test_an_invitation_is_dated_by_the_occasion_it_names() -> None:
    ev = one("Ghana's mines minister invited his Peruvian counterpart to the mining congress in Accra next March, "
             "the statement added.", "AGREE", date="2025-06-02")
    assert ev.date == "2026-03"


def test_a_past_visit_is_not_dated_after_its_report() -> None:
    evs = events("The minister visited the congress in Accra next March.", "2025-06-02")
    assert all(e.date != "2026-03" for e in evs)


def test_a_finite_verb_joined_low_to_a_modal_clause_is_an_act_of_its_own() -> None:
    ev = one("Peru's embassy in Accra said it hoped the dispute would be settled soon and urged Ghana to reopen "
             "the mine.", "REQUEST", date="2025-06-02")
    assert side(ev.actor) == {"PER"} and side(ev.recipient) == {"GHA"}
    assert ev.aux_mode is None
    assert ev.evidence[0].text.startswith("urged Ghana")


def test_verbs_joined_under_one_modal_share_it() -> None:
    ev = one("Peru said it would review the contract and sign a memorandum with Ghana.", "AGREE", date="2025-06-02")
    assert side(ev.actor) | side(ev.recipient) == {"PER", "GHA"}


def test_a_time_closing_a_plans_clause_dates_the_plan() -> None:
    ev = one("Norway is still due to deliver the three research buoys paid for by the spring grant in May next year, "
             "a Norwegian embassy official said.", "AGREE", date="2025-11-24")
    assert ev.date == "2026-05"


def test_a_promise_recalled_to_say_what_a_thing_is_takes_no_date_from_the_flow() -> None:
    text = ("The committee met in Lima on Monday. Engineers discussed the satellite camera that Japan offered to "
            "build for Peru.")
    ev = one(text, "AGREE", date="2025-10-15")
    assert ev.date is None


def test_a_sources_request_not_to_be_named_is_no_event() -> None:
    assert events('"The plant will open in May," a senior Ghanaian mines official said, asking not to be named.',
                  "2025-06-02") == []


def test_asking_a_state_to_name_its_envoy_stays_a_request() -> None:
    ev = one("Ghana asked Peru to name a new ambassador.", "REQUEST", date="2025-06-02")
    assert side(ev.recipient) == {"PER"}


def test_calling_for_something_to_be_done_is_a_request_not_a_phone_call() -> None:
    evs = events("Ghana called for the contract with Peru to be published in full.", "2025-06-02")
    assert [e.event_type for e in evs] == ["REQUEST"]
