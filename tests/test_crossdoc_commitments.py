"""Commitments resolved by later reports (pactwatch.link.build_commitments) on records written for
these tests."""
from __future__ import annotations

from test_crossdoc_stages import record

from pactwatch import link


def status(*records, as_of="2031-09-01") -> dict[str, tuple[str, str | None]]:
    return {c["event_id"]: (c["status"], c["resolved_by"])
            for c in link.build_commitments(list(records), as_of, link.LinkConfig())}


def test_an_undated_report_of_the_meeting_in_the_named_city_fulfils_the_plan() -> None:
    plan = record("p1", "AGREE", {"d1": "Norway and Chile will co-host a polar research summit in Tromso in June"},
                  kind="meeting", date="2031-06", reported="2031-03-01", place="Tromso")
    held = record("h1", "CONSULT", {"d2": "delegates gathered for the polar research summit at Tromso"},
                  kind="meeting", date=None, reported="2031-06-12", countries=("NOR",))
    assert status(plan, held)["p1"] == ("fulfilled", "h1")


def test_a_meeting_reported_months_after_it_was_due_does_not_fulfil_it() -> None:
    plan = record("p1", "AGREE", {"d1": "Norway and Chile will co-host a polar research summit in Tromso in June"},
                  kind="meeting", date="2031-06", reported="2031-03-01", place="Tromso")
    later = record("h1", "CONSULT", {"d2": "delegates gathered for another polar research summit at Tromso"},
                   kind="meeting", date=None, reported="2032-02-12", countries=("NOR",))
    assert status(plan, later, as_of="2032-03-01")["p1"] == ("overdue", None)


def test_a_signing_for_today_is_fulfilled_by_another_article_of_the_same_day() -> None:
    memo = {"kind": "memorandum of understanding", "name": None}
    plan = record("p1", "AGREE", {"d1": "a memorandum on fjord monitoring to be signed by the two envoys today"},
                  kind="accord", agreement=memo, date="2031-04-02")
    signed = record("s1", "SUPPORT", {"d2": "the two envoys signed a memorandum on fjord monitoring this afternoon"},
                    kind="accord", agreement=memo, date="2031-04-02")
    assert status(plan, signed)["p1"] == ("fulfilled", "s1")
    # the same article's report of that day's signing is not the act its promise is waiting for
    same_doc = dict(signed, documents=["d1"], evidence=[dict(signed["evidence"][0], doc_id="d1")])
    assert status(plan, same_doc)["p1"][0] != "fulfilled"


def test_of_near_equal_acts_on_one_day_the_closest_fulfils() -> None:
    plan = record("p1", "AGREE", {"d1": "Norway and Chile will co-host a polar research summit in Tromso in June"},
                  kind="meeting", date="2031-06", reported="2031-03-01", place="Tromso")
    vague = record("a1", "CONSULT", {"d2": "the summit in Tromso closed"}, kind="meeting", date=None,
                   reported="2031-06-12", countries=("NOR",))
    close = record("b1", "CONSULT", {"d2": "leaders attended the polar research summit hosted in Tromso"},
                   kind="meeting", date=None, reported="2031-06-12", countries=("NOR",))
    assert status(plan, vague, close)["p1"] == ("fulfilled", "b1")


def test_a_meeting_still_to_come_is_a_commitment_but_a_possible_one_is_not() -> None:
    call = record("m1", "CONSULT", {"d1": "the envoys would also call on the Chilean foreign minister in Santiago"},
                  kind="meeting", aux="hypothetical", date="2031-04-03", reported="2031-04-01")
    maybe = record("m2", "CONSULT", {"d1": "the envoys could perhaps see the Chilean foreign minister later"},
                   kind="meeting", aux="hypothetical", date="2031-04-03", reported="2031-04-01")
    assert status(call, maybe) == {"m1": ("overdue", None)}


def test_a_summit_postponed_at_its_place_is_withdrawn_but_one_guest_s_cancelled_trip_is_not() -> None:
    plan = record("p1", "AGREE", {"d1": "the leaders were to gather for the June 3 summit, the premier said"},
                  kind="meeting", date="2031-06-03", reported="2031-05-20", place="Tromso", countries=("NOR",))
    trip = record("t1", "REJECT", {"d2": "the premier cancelled his trip to Tromso"}, date="2031-05-21",
                  reported="2031-05-21", countries=("NOR",))
    assert status(plan, trip)["p1"][0] != "withdrawn"
    off = record("x1", "REJECT", {"d2": "the Arctic summit due in Tromso next month will be postponed"},
                 date="2031-05-21", reported="2031-05-21", countries=("IGO",))
    assert status(plan, trip, off)["p1"] == ("withdrawn", "x1")


def test_later_this_year_is_due_by_the_end_of_the_year() -> None:
    dinner = record("p1", "AGREE", {"d1": "the Chilean president is expected to attend a gala in Oslo later this year"},
                    kind="meeting", date=None, reported="2031-04-02")
    assert [(c["due"], c["status"]) for c in link.build_commitments([dinner], "2031-11-30", link.LinkConfig())] \
        == [("2031", "open")]
    assert link.build_commitments([dinner], "2032-01-05", link.LinkConfig())[0]["status"] == "overdue"


def test_an_open_ended_pledge_is_not_kept_by_a_report_of_the_same_day() -> None:
    pledge = record("p1", "AGREE", {"d1": "Norway and Chile promised to deepen their polar science work"},
                    date="2031-04-02")
    report = record("c1", "COOPERATE", {"d2": "Norway and Chile deepened their polar science work"},
                    date="2031-04-02")
    assert status(pledge, report)["p1"] == ("open", None)


def test_a_meeting_held_at_another_place_instead_does_not_fulfil_the_plan() -> None:
    plan = record("p1", "AGREE", {"d1": "the premiers were to gather for a fisheries summit in Tromso on June 3"},
                  kind="meeting", date="2031-06-03", reported="2031-05-20", place="Tromso")
    elsewhere = record("h1", "CONSULT", {"d2": "the premiers met in Valparaiso rather than at the Tromso summit"},
                       kind="meeting", date="2031-06-01", reported="2031-06-01", place="Valparaiso")
    assert status(plan, elsewhere, as_of="2031-07-01")["p1"] == ("overdue", None)


def test_a_meeting_set_for_a_day_is_not_one_its_own_words_date_earlier() -> None:
    plan = dict(record("p1", "AGREE", {"d1": "on Thursday the envoy will hold talks with the Chilean minister"},
                       kind="meeting", date="2031-04-10", reported="2031-04-07"),
                why={"date": ["date.attached_by_parse", "date.read_ahead_for_plans"]})
    before = dict(record("h1", "CONSULT", {"d2": "on Wednesday the envoy held talks with the Chilean minister"},
                         kind="meeting", date="2031-04-09", reported="2031-04-11"),
                  why={"date": ["date.attached_by_parse"]})
    assert status(plan, before)["p1"][0] != "fulfilled"
    # a date the report only borrowed (from its setting) does not say the talks were held that day
    borrowed = dict(before, why={"date": ["date.from_setting"]})
    assert status(plan, borrowed)["p1"] == ("fulfilled", "h1")


def test_the_promise_s_own_article_does_not_report_the_meeting_done() -> None:
    plan = record("p1", "AGREE", {"d1": "the envoy will not attend the June 3 forum on polar fisheries"},
                  kind="meeting", date="2031-06-03", reported="2031-05-20")
    ahead = record("h1", "CONSULT", {"d1": "the June 3 forum on polar fisheries that the envoy was to attend"},
                   kind="meeting", date="2031-06-03", reported="2031-05-20")
    assert status(plan, ahead, as_of="2031-07-01")["p1"] == ("overdue", None)


def test_a_pledge_by_the_end_of_this_year_or_told_for_this_month_is_due_then() -> None:
    year = record("p1", "AGREE", {"d1": "Chile pledged to open the joint observatory by the end of this year"},
                  date=None, reported="2031-04-02")
    month = record("p2", "AGREE", {"d1": "the two ministries would also pledge new grants at a forum this month"},
                   date=None, reported="2031-04-02")
    when = record("p3", "AGREE", {"d1": "the two ministries agreed this month to share ice core samples"},
                  date=None, reported="2031-04-02")
    got = {c["event_id"]: c["due"] for c in link.build_commitments([year, month, when], "2031-04-03",
                                                                    link.LinkConfig())}
    assert got == {"p1": "2031", "p2": "2031-04", "p3": None}


def test_a_proposal_dated_in_the_past_is_not_due_a_year_later() -> None:
    offer = dict(record("p1", "AGREE", {"d1": "after the Chilean proposal in August to host an ocean data forum"},
                        date="2030-08", reported="2031-04-02"), why={"date": ["date.attached_by_parse"]})
    assert [(c["due"], c["status"]) for c in link.build_commitments([offer], "2032-01-05", link.LinkConfig())] \
        == [(None, "open")]


def test_an_open_ended_pledge_with_a_borrowed_date_is_not_due_then_but_a_signing_is() -> None:
    borrowed = {"date": ["date.inherited"]}
    pledge = dict(record("p1", "AGREE", {"d1": "the two agencies will deepen their glacier survey work"},
                         date="2031-04-03", reported="2031-04-02"), why=borrowed)
    signing = dict(record("p2", "AGREE", {"d1": "the envoys plan to sign a memorandum on glacier surveys"},
                          kind="accord", date="2031-04-03", reported="2031-04-02"), why=borrowed)
    got = {c["event_id"]: c["status"] for c in link.build_commitments([pledge, signing], "2031-05-01",
                                                                       link.LinkConfig())}
    assert got == {"p1": "open", "p2": "overdue"}


def test_a_date_only_the_article_s_flow_gave_does_not_make_a_report_the_earliest() -> None:
    plan = record("p1", "AGREE", {"d1": "Norway and Chile will co-host a polar research summit in Tromso in June"},
                  kind="meeting", date="2031-06", reported="2031-03-01", place="Tromso")
    flowed = dict(record("a1", "CONSULT", {"d2": "the research summit in Tromso closed"}, kind="meeting",
                         date="2031-06-11", reported="2031-06-12", countries=("NOR",)),
                  why={"date": ["date.lead_from_next_sentence"]})
    close = record("b1", "CONSULT", {"d2": "leaders attended the polar research summit co-hosted in Tromso"},
                   kind="meeting", date=None, reported="2031-06-12", countries=("NOR",))
    assert status(plan, flowed, close)["p1"] == ("fulfilled", "b1")
    # a date stated for the act still makes it the earliest report of the near-equal ones
    stated = dict(flowed, why={"date": ["date.attached_by_parse"]})
    assert status(plan, stated, close)["p1"] == ("fulfilled", "a1")


def test_a_meeting_for_a_day_is_kept_by_one_of_its_parties_held_that_day_and_speaking_of_it() -> None:
    stated = {"date": ["date.attached_by_parse"]}
    plan = dict(record("p1", "AGREE", {"d1": "On Friday the Norwegian envoy Dahl will attend a glacier workshop"},
                       kind="meeting", date="2031-04-04", reported="2031-04-01", countries=("NOR",)), why=stated)
    plan["actor"].append({"raw_text": "Dahl", "entity_name": "Dahl", "country": "NOR", "sector_code": "GOV",
                          "role": None, "entity_type": "person"})
    held = dict(record("h1", "CONSULT", {"d2": "a lively glacier session with Chilean scientists on Friday"},
                       kind="meeting", date="2031-04-04", reported="2031-04-05"), why=stated)
    assert status(plan, held)["p1"] == ("fulfilled", "h1")
    # not one of another day, nor one that speaks of nothing it promised
    assert status(plan, dict(held, date="2031-04-03"))["p1"][0] != "fulfilled"
    other = dict(held, evidence=[dict(held["evidence"][0], text="a lively session with Chilean scientists")])
    assert status(plan, other)["p1"][0] != "fulfilled"
