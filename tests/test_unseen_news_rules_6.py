"""Error classes read on realnews_dev's cross-document misses (2026-12-03, fourth session): a programme's next day
told after its first, an occasion chaired by two ministers, a visit to a country named by a description, and a
report of a visit placed with a tour made during it before the other report of the visit came.

Every sentence and record here is written for these tests; none is taken from a news article or a check set.
"""
from __future__ import annotations

from articles import store_of
from test_crossdoc_kept_apart import person, report, state
from test_realnews_rules import events
from test_unseen_news_rules import side

from pactwatch import link
from pactwatch.crossdoc.forest import _Matcher
from pactwatch.crossdoc.splits import _split

FORUM = ("Brazil and Chile will hold a two-day forum on lithium in Santiago on June 3 and 4. "
         "On the first day, ministers will hold talks with mining firms. "
         "The next day, a ministerial meeting will be held in Santiago, {verb} by Brazilian Trade Minister Ana Souza "
         "and her Chilean counterpart Pablo Rojas.")


def test_the_next_day_of_a_programme_is_an_occasion_of_its_own() -> None:
    for verb in ("co-hosted",):
        found = events(FORUM.format(verb=verb), "2025-04-12")
        plans = sorted((e.date, tuple(sorted(side(e.actor) | side(e.recipient)))) for e in found)
        assert plans == [("2025-06-03", ("BRA", "CHL")), ("2025-06-04", ("BRA", "CHL"))], (verb, plans)
        nxt = next(e for e in found if e.date == "2025-06-04")
        assert any("The next day" in x.text for x in nxt.evidence)
        assert "merging.relative_day" in nxt.why["kept_apart"]


def test_who_chaired_or_hosted_an_occasion_held_is_no_occasion_of_its_own() -> None:
    # who chaired or hosted an occasion held describes it: no second occasion
    for verb in ("chaired", "hosted"):
        found = events("On Saturday, the leaders of Brazil, Argentina and Peru held a three-way meeting in Geneva, "
                       f"which Argentine President Tomas Herrera {verb}.", "2031-06-09")
        assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == \
            [("CONSULT", {"BRA", "ARG", "PER"}, set())], verb


def test_a_visit_to_a_country_named_by_a_description_is_placed_there() -> None:
    text = ("President Lula will make a state visit to the Netherlands from Monday. Lula and his wife are "
            "travelling to the European country at the invitation of the king, the presidency said on Sunday.")
    travel = [e for e in events(text, "2023-12-10") if any("travelling" in x.text for x in e.evidence)]
    assert len(travel) == 1 and travel[0].location.country == "NLD"
    assert "place.described_destination" in travel[0].why["location"]
    # a description naming no state the article told of gives no place
    alone = events("Lula and his wife are travelling to the European country this week.", "2023-12-10")
    assert all(e.location is None for e in alone)


def test_a_report_of_a_visit_moves_to_the_other_report_of_the_visit() -> None:
    """A state visit told in two articles, one of which also tells a tour made during it: the visit report
    with no day of its own, placed first with the tour (the one dated report), moves to the other visit report
    of the tour's article once that is placed, since it shares more with it (place, trigger, words)."""
    days = {"d19": "2031-12-12", "d20": "2031-12-14"}
    park = person("Min-ho Park", "KOR")
    tour = report("a1", "d19", "CONSULT", "during a trip to the headquarters of chipmaker Orvex in Eindburg",
                  trigger="trip", kind="meeting", actor=[park], recipient=[state("NLD")], date="2031-12-12",
                  date_text="Tuesday", date_rules=["date.attached_by_parse"])
    visit20 = report("b2", "d20", "CONSULT", "during Park's five-day state visit to the Netherlands", trigger="visit",
                     kind="meeting", actor=[park], recipient=[state("NLD")], date="2031-12", place="The Netherlands",
                     date_rules=["date.setting_of_dated_event"])
    visit19 = report("c3", "d19", "CONSULT", "who is on a four-day state visit to the Netherlands", trigger="visit",
                     kind="meeting", actor=[park], recipient=[state("NLD")], date="2031-12-12",
                     place="The Netherlands", date_rules=["date.lead_from_next_sentence"])
    match = _Matcher(days, link.LinkConfig())
    assert match(visit20, tour) is not None and match(visit20, visit19) is not None
    assert _split([tour, visit20, visit19], match, link.LinkConfig()) == [["a1"], ["b2", "c3"]]


def test_a_measure_recalled_in_a_relative_clause_is_named_and_joins_its_news(tmp_path) -> None:
    """"limits on exports of the metals that Lima announced last year": the relative clause hangs on the nearest
    noun, but what was announced is the measure; named so, the recall joins the article that told it as news."""
    found = events("Officials said the move would tighten the current limits on exports of two rare metals that Lima "
                   "announced early last year.", "2024-12-03")
    assert [(e.event_type, e.date) for e in found] == [("SANCTION", "2023")]
    assert found[0].evidence[0].text.startswith("the current limits on exports")
    s = store_of(tmp_path,
                 news=" date 2023-07-04 Peru curbed the exports of indium and bismuth on Monday, "
                     "the trade ministry said in a statement.",
                 recall=" date 2024-12-03 Peru banned sales of indium to Chile on Tuesday. Officials said "
                       "the move would tighten the current limits on exports of two rare metals that Lima "
                       "announced in July last year.")
    joined = [r["documents"] for r in link.canonical_events(s) if r["event_type"] == "SANCTION"]
    assert ["news", "recall"] in joined, joined


def test_one_act_of_one_day_told_in_other_words_is_one_event(tmp_path) -> None:
    """"Peru is restricting the exports of copper and zinc, the ministry said on July 3" / "a day after Peru unveiled
    export restrictions on two metals": one doer, one day, the act's words shared in other forms; another act of that
    doer on that day, told in other words, stays apart."""
    s = store_of(tmp_path,
                 a=" date 2031-07-04 Peru is restricting the exports of copper and zinc, two metals used "
                  "in cables, its trade ministry said in a statement late on July 3.",
                 b=" date 2031-07-05 Chile and Japan agreed on Friday to share data on cable supply, "
                  "a day after Peru unveiled export restrictions on two metals crucial to cable makers.",
                 c=" date 2031-07-04 Peru expelled two Bolivian diplomats on July 3, the foreign "
                  "ministry said.")
    canon = link.canonical_events(s)
    assert sorted(r["documents"] for r in canon if r["event_type"] == "SANCTION") == [["a", "b"], ["c"]], canon
    joined = next(r for r in canon if r["documents"] == ["a", "b"])
    assert any("same_act_same_day" in why for why in joined["merge_reasons"])


def test_a_state_lifted_to_a_status_is_an_upgrade_of_relations() -> None:
    found = events("President Lula on Sunday signed deals with Peru on lithium and copper as the Andean nation lifted "
                   "Brasilia to its highest diplomatic status alongside China.", "2025-03-10")
    lifted = [e for e in found if any("lifted Brasilia" in x.text for x in e.evidence)]
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in lifted] == [("SUPPORT", {"PER"}, {"BRA"})]
    # the deals are told by their own clause, not the whole sentence
    assert not any("lifted" in x.text for e in found if e not in lifted for x in e.evidence)
    assert not [e for e in events("The vote lifted Chile to the top of the ranking.", "2025-03-10")]


def test_two_parties_announcing_joint_undertakings_agree() -> None:
    text = ("Chile and Peru held talks in Lima on Friday. Against this backdrop, Chile and Peru announced a series of "
            "coordination efforts on Friday, such as a dialogue between their space agencies and a three-year "
            "extension of a data-sharing arrangement.")
    found = events(text, "2025-03-08")
    assert sorted((e.event_type, e.date) for e in found) == [("AGREE", "2025-03-07"), ("CONSULT", "2025-03-07")]
    agreed = next(e for e in found if e.event_type == "AGREE")
    assert side(agreed.actor) | side(agreed.recipient) == {"CHL", "PER"}
    assert "event_rules.json:joint_announcements" in agreed.why["event_type"]
    # the dialogue announced is not the talks held
    talks = next(e for e in found if e.event_type == "CONSULT")
    assert not any("dialogue" in x.text for x in talks.evidence)
    # one side announcing its own steps is no agreement
    assert not [e for e in events("Chile announced new steps to curb inflation on Friday.", "2025-03-08")
                if e.event_type == "AGREE"]


def test_an_extension_announced_jointly_is_a_concluded_agreement(tmp_path) -> None:
    s = store_of(tmp_path,
                 a=" date 2025-03-08 Chile and Peru held talks in Lima on Friday. Against this backdrop, "
                  "Chile and Peru announced a series of coordination efforts on Friday, such as a "
                  "three-year extension to their data-sharing arrangements.")
    stages = [(sorted(a["parties"]), st["stage"]) for a in link.build_agreements(link.canonical_events(s))
              for st in a["stages"]]
    assert (["CHL", "PER"], "signed") in stages, stages


def test_a_joint_press_conference_is_part_of_a_meeting_not_one_of_its_own() -> None:
    found = events("Norway's Stenberg and Iceland's Olafsdottir held talks in Oslo on Monday and gave a joint news "
                   "conference afterwards.", "2025-04-09")
    assert [e.event_type for e in found] == ["CONSULT"]     # nor is giving one a gift (AID)
    assert not events("Fedorova spoke at a press conference with Lindqvist on Monday.", "2025-04-09")


def test_brushing_off_a_claim_is_a_rejection() -> None:
    found = events("Oslo shrugged off the criticism from Moscow on Monday.", "2025-06-06")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("REJECT", {"NOR"}, {"RUS"})]
    found = events("Athens brushed off the statement as legally baseless.", "2025-06-06")
    assert [(e.event_type, side(e.actor)) for e in found] == [("REJECT", {"GRC"})]


def test_a_measure_announced_told_as_a_noun_is_a_sanction() -> None:
    found = events("Peru's announcement of new controls on gallium and germanium is the latest reminder of risks in "
                   "the supply chain.", "2025-10-10")
    assert [(e.event_type, side(e.actor)) for e in found] == [("SANCTION", {"PER"})]
    assert "event_rules.json:measure_act_nouns+measure_nouns" in found[0].why["event_type"]
    # the announcement of an occasion is no measure
    assert not [e for e in events("Peru's announcement of the summit was welcomed.", "2025-10-10")
                if e.event_type == "SANCTION"]


def test_curbs_on_traded_goods_of_a_technology_are_a_sanction() -> None:
    found = events("Tokyo imposed new restrictions on advanced chips on Friday.", "2025-10-13")
    assert [(e.event_type, side(e.actor), e.date) for e in found] == [("SANCTION", {"JPN"}, "2025-10-10")]



def test_a_visit_made_keeps_the_promise_to_visit_though_a_document_was_not_ready(tmp_path) -> None:
    s = store_of(tmp_path,
                 a=" date 2031-03-10 German Research Minister Petra Lindauer promised on Monday to visit "
                  "Lima in June to take the cooperation with Peru further.",
                 b=" date 2031-07-20 German Research Minister Petra Lindauer visited Lima in June, but "
                  "the joint roadmap was not ready, Peruvian officials said on Monday.")
    made = [c for c in link.build_commitments(link.canonical_events(s), "2031-09-30", link.LinkConfig())
            if c["kind"] == "meeting"]
    assert [c["status"] for c in made] == ["fulfilled"], made


def test_a_promise_is_dated_by_what_it_promises_not_by_the_day_it_was_made() -> None:
    found = events("German Research Minister Petra Lindauer promised on Monday to visit Lima in June.", "2031-03-10")
    assert [(e.event_type, e.date) for e in found] == [("AGREE", "2031-06")]
    assert "date.scheduled_time_of_promise" in found[0].why["date"]
    # a promise with no time of its own keeps the day it was made
    found = events("Chile agreed on Tuesday to set up a working group on lithium with Peru.", "2031-03-10")
    assert [(e.event_type, e.date) for e in found] == [("AGREE", "2031-03-04")]


def test_a_deal_struck_or_clinched_is_an_agreement_finalised() -> None:
    for verb in ("struck", "clinched", "sealed"):
        found = events(f"Argentina and Canada {verb} a deal to share satellite imagery of salt flats in October.",
                       "2025-03-10")
        assert [(e.event_type, e.date) for e in found] == [("SUPPORT", "2024-10")], verb
    # one still to be struck is a promise
    found = events("Argentina and Canada hope to strike a deal on satellite imagery by October.", "2025-03-10")
    assert [e.event_type for e in found] == ["AGREE"]


def test_a_government_s_denial_or_charge_answers_the_other_side_of_the_article_s_pair() -> None:
    found = events("Estonia and Russia have clashed over cyber attacks for years. Moscow denied involvement on "
                   "Monday.", "2024-05-10")
    denied = [e for e in found if e.event_type == "REJECT"]
    assert [(side(e.actor), side(e.recipient)) for e in denied] == [({"RUS"}, {"EST"})]
    assert "event_rules.json:implied_counterpart_types" in denied[0].why["recipient"]
    # lawmakers accusing their own government address nobody abroad: no charge between parties is written
    # (event_rules.json:target_types)
    found = events("Chile and Peru signed a lithium accord on Monday. Chilean opposition lawmakers accused the "
                   "government of selling out on Tuesday.", "2024-05-10")
    assert [side(e.recipient) for e in found if e.event_type == "ACCUSE"] == []
