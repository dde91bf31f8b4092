"""Reports of one event across articles (pactwatch.link), on articles written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch import link
from pactwatch.pipeline import ingest_paths
from pactwatch.io.store import Store

ARTICLES = {
    # one past agreement recalled by two later articles in their own words
    "r1_recall": " date 2031-06-10 OSLO, June 10 -- Norway on Tuesday opened a polar data centre. Norway agreed in "
                 "March 2031 to deepen cooperation with Chile on satellite research, officials noted.",
    "r2_recall": " date 2031-06-12 SANTIAGO, June 12 -- Chile hosted a mining fair on Thursday. In March 2031, "
                 "Norway and Chile agreed to bolster the joint development of next-generation spacecraft and "
                 "affirmed the need for resilient launch supply chains.",
    # the same parties agreed on something else in another month: another event
    "r3_other": " date 2031-06-14 OSLO, June 14 -- In January 2031, Norway and Chile agreed to widen student "
                "exchanges in satellite research, the ministry recalled.",
    # one past export curb, recalled at month precision by one article and at year precision by another
    "k1_month": " date 2031-05-10 SAO PAULO, May 10 -- Brazil said on Monday it would review its mining rules. "
                "In March 2030, the Brazilian authorities tightened their controls on shipments of three "
                "niobium alloys to Argentina.",
    "k2_year": " date 2031-06-02 BUENOS AIRES, June 2 -- Argentina opened a smelter on Tuesday. In 2030, Brasilia "
               "imposed export curbs covering three niobium alloys.",
    # another act of the same doer in that year, told in other words: another event
    "k3_other": " date 2031-06-20 SAO PAULO, June 20 -- In August 2030, Brazil removed Argentina from its list of "
                "trusted trading partners.",
    # both recalled again, the curb dated only by the clause before it
    "k4_both": " date 2031-07-01 BUENOS AIRES, July 1 -- Brazil removed Argentina from its list of trusted trading "
               "partners in 2030 after imposing export curbs on three niobium alloys.",
    # a measure told as news on its day, and recalled months later in other words
    "n1_news": " date 2032-06-11 ACCRA, June 11 -- Ghana has banned the export of raw bauxite with immediate effect, "
               "the mines minister said on Thursday.",
    "n2_recall": " date 2033-02-20 ACCRA, Feb 20 -- Ghana will let miners ship bauxite concentrate from April, the "
                 "ministry said on Tuesday, easing a ban imposed in June last year.",
    # another measure of the same doer that month, in other words: another event
    "n3_other": " date 2033-03-01 ACCRA, March 1 -- In June 2032 Ghana froze the assets of a Togolese trading firm.",
    # a promise, told again months later in other words; another promise of the same parties made that month
    "p1_promise": " date 2032-05-18 LIMA, May 18 -- Peru and Chile agreed on Tuesday to open a joint seismology research "
                  "centre in Arica by the end of this year, the ministry said.",
    "p2_retold": " date 2032-10-14 SANTIAGO, Oct 14 -- Chile and Peru held talks on fisheries on Thursday. The talks "
                 "reviewed the joint seismology research centre that the two countries pledged in May to open in "
                 "Arica by the end of the year.",
    "p3_other": " date 2032-10-20 LIMA, Oct 20 -- Peru and Chile pledged in May to build a fish hatchery in Tacna, "
                "officials recalled on Wednesday.",
    # a plan names the place in its clause; the report of the meeting names only the host country
    "t1_plan": " date 2031-03-01 OTTAWA, March 1 -- Canada and Japan will present their quantum sensing results at a "
               "Joint Science Council (JSC) taking place in Tampere, Finland next week (8 and 9 March).",
    "t2_held": " date 2031-03-10 HELSINKI, March 10 -- The JSC meeting, which took place in Tampere, Finland, on "
               "Saturday and Sunday, ended with a pledge on quantum research.",
    # other parties meeting in that city: not the council
    "t3_other": " date 2031-03-09 LIMA, March 9 -- Brazil and Peru held talks on copper prices in Tampere on "
                "Saturday.",
    # a summit due in a year's time, held some weeks late; another held half a year late
    "s1_plan": " date 2031-03-01 LIMA, March 1 -- The next summit will take place in Chile in one year's time, "
               "the hosts said.",
    "s2_held": " date 2032-05-10 SANTIAGO, May 10 -- Ministers opened an ocean science summit in Santiago on "
               "Monday.",
    "s3_plan": " date 2031-03-02 ACCRA, March 2 -- The next summit will take place in Kenya in one year's time, "
               "the hosts said.",
    # talks for an aim, and the aim reached months later; talks for another aim, and another concession
    "a1_talks": " date 2031-04-02 SANTIAGO, April 2 -- Chile and Argentina intend to keep up talks to put each "
                "other back on their list of trusted suppliers.",
    "a2_done": " date 2031-08-12 SANTIAGO, August 12 -- Chile put Argentina back on its list of trusted suppliers "
               "on Tuesday, ending a quarrel over lithium.",
    "a3_talks": " date 2031-04-03 LIMA, April 3 -- Peru and Bolivia intend to keep up talks to settle a quarrel "
                "over fishing rights.",
    "a4_other": " date 2031-08-13 LIMA, August 13 -- Peru lifted its ban on Bolivian beef imports on Monday.",
    # a bilateral on the sidelines of a summit, and the meeting of a group of four there, told twice
    "g1_pair": " date 2031-06-08 BRASILIA, June 8 -- Brazilian President Ana Ribeiro met Argentine President Tomas "
               "Herrera in Geneva on Saturday, on the sidelines of the climate summit.",
    "g2_group": " date 2031-06-09 LIMA, June 9 -- On Saturday, at the sidelines of the climate summit in Geneva, the "
                "leaders of Brazil, Argentina, Chile and Peru held a four-way meeting, which Argentine President "
                "Tomas Herrera chaired.",
    "g3_group": " date 2031-06-09 SANTIAGO, June 9 -- The leaders of Chile, Peru and Argentina met in Geneva on "
                "Saturday.",
    # one planned summit announced twice in other words, the second time with its co-host and city;
    # a summit of another month
    "p1_plan": " date 2031-01-10 ACCRA, January 10 -- A Ghanaian summit is being planned for July, the foreign "
               "ministry said.",
    "p2_plan": " date 2031-05-02 OSLO, May 2 -- Ghana and Norway will co-host a summit in Accra in July to discuss "
               "marine research funding.",
    "p3_other": " date 2031-05-03 ACCRA, May 3 -- Ghana will host a summit in September.",
    # ministers to meet in a month: a summit there of leaders named by none is not their meeting; one
    # of the ministers holding talks there is
    "m1_plan": " date 2031-08-01 LISBON, August 1 -- Portuguese Science Minister Rui Costa and Spanish Science "
               "Minister Elena Vidal will meet in Lisbon in September.",
    "m2_summit": " date 2031-09-17 LISBON, September 17 -- Leaders of Portugal, Spain and France held a summit in "
                 "Lisbon on Tuesday on ocean research.",
    "m3_plan": " date 2031-08-02 ATHENS, August 2 -- Greek Energy Minister Nikos Pappas and Italian Energy Minister "
               "Giulia Conti will meet in Athens in September.",
    "m4_talks": " date 2031-09-17 ATHENS, September 17 -- Nikos Pappas held talks with his Italian counterpart in "
                "Athens on Tuesday on power grids.",
    # a visit promised to confirm cooperation, kept by the signing of it (spelled the other way); a visit
    # promised for nothing more is not kept by a signing
    "v1_plan": " date 2031-10-01 LISBON, October 1 -- On Friday, Portuguese Prime Minister Ana Sousa will visit a "
               "shipyard in Vigo and confirm new Portugal-Spain defence cooperation, her office said.",
    "v2_signed": " date 2031-10-05 MADRID, October 5 -- Portuguese Prime Minister Ana Sousa signed a new deal on "
                 "defense cooperation with Spain on Saturday.",
    "v3_plan": " date 2031-10-02 ATHENS, October 2 -- On Monday, Greek Prime Minister Eleni Markou will visit Cyprus, "
               "her office said.",
    "v4_signed": " date 2031-10-08 NICOSIA, October 8 -- Greek Prime Minister Eleni Markou signed a solar energy deal "
                 "with Cyprus on Tuesday.",
    # one act of two states told by two articles naming other people; the same act on another topic
    "l1_fund": " date 2031-07-03 WELLINGTON, July 3 -- New Zealand Science Minister Hana Tipene on Tuesday launched "
               "a joint research fund with Fiji on critical minerals, worth 20 million dollars.",
    "l2_recall": " date 2031-07-20 SUVA, July 20 -- Fiji's Energy Minister Josaia Naqara praised the critical "
                 "minerals fund, which New Zealand Prime Minister Ruth Kahu launched with Fiji in July.",
    "l3_other": " date 2031-07-21 SUVA, July 21 -- New Zealand Defence Minister Mark Ellis launched a joint research "
                "fund on space weather with Fiji in July.",
    "s4_held": " date 2032-10-15 NAIROBI, October 15 -- Ministers opened an ocean science summit in Nairobi on "
                "Monday.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    d = tmp_path_factory.mktemp("crossdoc_links")
    (d / "docs").mkdir()
    for name, text in ARTICLES.items():
        (d / "docs" / f"{name}.txt").write_text(text, encoding="utf-8")
    s = Store(str(d / "all.db"))
    ingest_paths([str(d / "docs")], s)
    return s


def test_one_past_agreement_recalled_by_two_articles_is_one_event(store) -> None:
    recalled = [r for r in link.canonical_events(store)
                if r["event_type"] == "AGREE" and {"r1_recall", "r2_recall"} & set(r["documents"])]
    assert [r["documents"] for r in recalled] == [["r1_recall", "r2_recall"]], recalled
    assert recalled[0]["date"] == "2031-03"


def test_an_agreement_of_another_month_stays_apart(store) -> None:
    other = [r for r in link.canonical_events(store) if "r3_other" in r["documents"] and r["event_type"] == "AGREE"]
    assert other and all(r["documents"] == ["r3_other"] for r in other)


def test_a_past_act_recalled_at_month_and_at_year_precision_is_one_event(store) -> None:
    curbs = [r for r in link.canonical_events(store) if r["event_type"] == "SANCTION"]
    joined = [r for r in curbs if "k1_month" in r["documents"]]
    assert [r["documents"] for r in joined] == [["k1_month", "k2_year", "k4_both"]], curbs
    assert joined[0]["date"] == "2030-03"
    assert [m["recalled_past_act"] for m in joined[0]["merge_reasons"]] == [["BRA"], ["BRA"]]
    # another act of the same doer that year, in other words, is another event (recalled twice too)
    assert [r["documents"] for r in curbs if "k3_other" in r["documents"]] == [["k3_other", "k4_both"]], curbs


def test_a_measure_told_as_news_and_recalled_later_is_one_event(store) -> None:
    bans = [r for r in link.canonical_events(store) if r["event_type"] == "SANCTION"
            and {"n1_news", "n2_recall", "n3_other"} & set(r["documents"])]
    assert sorted(r["documents"] for r in bans) == [["n1_news", "n2_recall"], ["n3_other"]], bans
    joined = next(r for r in bans if "n1_news" in r["documents"])
    assert joined["date"] == "2032-06-10"
    assert [m.get("recalled_past_act") for m in joined["merge_reasons"]] == [["GHA"]]


def test_a_promise_told_again_in_other_words_is_one_event(store) -> None:
    promises = [r for r in link.canonical_events(store) if r["event_type"] == "AGREE"
                and {"p1_promise", "p2_retold", "p3_other"} & set(r["documents"])]
    assert sorted(r["documents"] for r in promises) == [["p1_promise", "p2_retold"], ["p3_other"]], promises
    joined = next(r for r in promises if "p2_retold" in r["documents"])
    assert [m.get("retold_promise") for m in joined["merge_reasons"]] == [True]
    # the retold report's evidence names what was pledged
    assert any(e["text"].startswith("the joint seismology research centre that") for e in joined["evidence"])


def commitments_of(store, *docs: str) -> dict[str, dict]:
    """The commitments made in these documents, by document, each with the documents of the canonical
    event that resolved it (`resolved_docs`)."""
    canon = {r["id"]: r for r in link.canonical_events(store)}
    return {c["documents"][0]: dict(c, resolved_docs=canon[c["resolved_by"]]["documents"] if c["resolved_by"] else None)
            for c in store.derived("commitment") if c["documents"][0] in docs}


def test_a_meeting_held_at_the_place_the_plan_names_keeps_it(store) -> None:
    plan = commitments_of(store, "t1_plan")["t1_plan"]
    assert (plan["status"], plan["resolved_docs"]) == ("fulfilled", ["t2_held"]), plan


def test_a_summit_held_weeks_after_it_was_due_keeps_the_plan_but_not_one_half_a_year_late(store) -> None:
    plans = commitments_of(store, "s1_plan", "s3_plan")
    assert (plans["s1_plan"]["status"], plans["s1_plan"]["resolved_docs"]) == ("fulfilled", ["s2_held"]), plans
    assert "days after it was due" in plans["s1_plan"]["status_reason"]
    assert plans["s3_plan"]["status"] == "overdue", plans


def test_talks_for_an_aim_are_carried_out_when_the_aim_is_reached(store) -> None:
    talks = commitments_of(store, "a1_talks", "a3_talks")
    assert (talks["a1_talks"]["status"], talks["a1_talks"]["resolved_docs"]) == ("fulfilled", ["a2_done"]), talks
    assert "aim reached" in talks["a1_talks"]["status_reason"]
    assert talks["a3_talks"]["status"] == "open", talks      # lifting a beef ban settles no fishing quarrel


def test_a_bilateral_on_the_sidelines_is_not_the_group_s_meeting(store) -> None:
    met = [r["documents"] for r in link.canonical_events(store)
           if r["event_type"] == "CONSULT" and {"g1_pair", "g2_group", "g3_group"} & set(r["documents"])]
    assert sorted(met) == [["g1_pair"], ["g2_group", "g3_group"]], met


def test_two_announcements_of_one_planned_summit_are_one_plan(store) -> None:
    plans = [r for r in link.canonical_events(store)
             if r["event_type"] == "AGREE" and {"p1_plan", "p2_plan", "p3_other"} & set(r["documents"])]
    assert sorted(r["documents"] for r in plans) == [["p1_plan", "p2_plan"], ["p3_other"]], plans
    joined = next(r for r in plans if len(r["documents"]) == 2)
    assert [m.get("same_planned_occasion") for m in joined["merge_reasons"]] == ["gathering"]


def test_a_meeting_of_named_people_is_not_kept_by_one_naming_none_of_them(store) -> None:
    plans = commitments_of(store, "m1_plan", "m3_plan")
    assert plans["m1_plan"]["status"] == "overdue", plans
    assert (plans["m3_plan"]["status"], plans["m3_plan"]["resolved_docs"]) == ("fulfilled", ["m4_talks"]), plans


def test_a_visit_promised_for_an_act_is_kept_by_the_report_of_that_act(store) -> None:
    plans = commitments_of(store, "v1_plan", "v3_plan")
    assert (plans["v1_plan"]["status"], plans["v1_plan"]["resolved_docs"]) == ("fulfilled", ["v2_signed"]), plans
    assert "the act the meeting was for" in plans["v1_plan"]["status_reason"]
    assert plans["v3_plan"]["status"] != "fulfilled", plans


def test_one_act_of_two_states_told_with_other_people_named_is_one_event(store) -> None:
    funds = [r for r in link.canonical_events(store)
             if r["event_type"] == "COOPERATE" and {"l1_fund", "l2_recall", "l3_other"} & set(r["documents"])]
    assert sorted(r["documents"] for r in funds) == [["l1_fund", "l2_recall"], ["l3_other"]], funds
    joined = next(r for r in funds if len(r["documents"]) == 2)
    assert [m.get("told_alike") for m in joined["merge_reasons"]] == ["launched"]


def test_a_report_that_tells_a_promise_unfinished_does_not_carry_it_out(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "u1.txt").write_text(" date 2032-03-10 LIMA, March 10 -- Peru and Chile agreed on Tuesday to complete a joint "
                                 "roadmap on lithium refining by the end of June.", encoding="utf-8")
    (docs / "u2.txt").write_text(" date 2032-09-03 SANTIAGO, Sept 3 -- Peru and Chile held talks on Thursday that left the "
                                 "promised lithium refining roadmap unfinished.", encoding="utf-8")
    s = Store(str(tmp_path / "u.db"))
    ingest_paths([str(docs)], s)
    roadmap = commitments_of(s, "u1")["u1"]
    assert roadmap["status"] != "fulfilled" and roadmap["resolved_by"] is None, roadmap
