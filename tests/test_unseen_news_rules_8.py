"""Error classes read on bench/wire_check7 once it was unsealed (2026-12-03, sixth session): the items of a list
of undertakings with subjects of their own, a joint body's meeting, "before December is out", a deadline that is
no time the article goes on talking about, a headline's second act told further down, "the loan" that names
another act than the one just told, a signed document that is no side, a promise told by "would guarantee".

Every sentence here is written for these tests; none is taken from a news article or a check set.
"""
from __future__ import annotations

from test_realnews_rules import events
from test_unseen_news_rules import side

STEPS = ("Ghana, Chile sign lithium loan; Santiago to fund battery laboratory\n\n"
         "Ghana and Chile signed a loan agreement worth 90 million dollars in Accra on Tuesday, during the first "
         "visit to Ghana by a Chilean foreign minister.\n\n"
         "The document was put to paper by the two finance ministers, with the foreign ministers looking on.\n\n"
         "Lithium exports from Ghana began in 2024 and doubled last year, customs figures show.\n\n"
         "In a joint statement issued afterwards, the two governments set out further steps:\n"
         "- Chile will pay for a battery laboratory at Kumasi, and the first 40 chemists are to start work there "
         "in March 2027;\n"
         "- a joint steering committee on the lithium project is to meet in Santiago by the end of May;\n"
         "- Ghana will open mining licences at Ejisu to bids from Chilean firms.\n\n"
         "The loan will be disbursed in three tranches.")


def _texts(e) -> str:
    return " ".join(x.text for x in e.evidence)


def test_each_item_of_a_list_of_steps_is_a_commitment_with_its_own_subject() -> None:
    found = events(STEPS, "2025-11-05")
    agree = [e for e in found if e.event_type == "AGREE"]
    licences = next(e for e in agree if "mining licences" in _texts(e))
    assert side(licences.actor) == {"GHA"} and side(licences.recipient) == {"CHL"}
    assert "event_rules.json:list_commitments" in licences.why["event_type"]
    # dated when the steps were set out: not by a time of another item ("in March 2027")
    assert licences.date == "2025-11-04"
    # the "loan" to be disbursed names the loan agreement, not the licences just told
    assert "disbursed" not in _texts(licences)


def test_a_joint_bodys_meeting_in_a_list_is_the_two_sides_commitment() -> None:
    found = events(STEPS, "2025-11-05")
    committee = next(e for e in found if "steering committee" in _texts(e))
    assert committee.event_type == "AGREE" and committee.date == "2026-05"
    assert side(committee.actor) | side(committee.recipient) == {"GHA", "CHL"}


def test_the_headlines_second_act_is_the_item_told_further_down() -> None:
    found = events(STEPS, "2025-11-05")
    lab = [e for e in found if "laboratory" in _texts(e)]
    assert len(lab) == 1, [_texts(e) for e in lab]
    assert "to fund battery laboratory" in _texts(lab[0]) and "will pay for a battery laboratory" in _texts(lab[0])
    assert "merging.headline_object_told_below" in lab[0].why["merged"]


def test_a_list_under_a_line_that_names_no_undertaking_makes_no_commitments() -> None:
    text = ("Ghana and Chile held talks in Accra on Tuesday. Reporters asked about three things:\n"
            "- whether Chile will open mining licences to Ghanaian firms;\n"
            "- Ghana will hold elections next year.")
    assert not [e for e in events(text, "2025-11-05") if e.why["event_type"] == ["event_rules.json:list_commitments"]]


def test_before_the_month_is_out_is_a_bound_of_that_month() -> None:
    found = events("Ghana and Chile will hold talks on lithium in Santiago before December is out.", "2025-08-11")
    assert [(e.event_type, e.date) for e in found] == [("AGREE", "2025-12")]
    assert "date.before_period_is_out" in found[0].why["date"]


def test_a_deadline_is_no_time_the_article_goes_on_talking_about() -> None:
    text = ("Ghana and Chile signed a memorandum on battery research in Accra on Monday. The two leaders also "
            "agreed to lift bilateral trade to 5 billion dollars by 2030.\n\nUnder the memorandum:\n"
            "- Chile will help set up chemistry courses at Ghanaian universities.")
    courses = next(e for e in events(text, "2025-08-12") if "courses" in _texts(e))
    assert courses.event_type == "AGREE" and courses.date == "2025-08-11"


def test_a_signed_document_is_no_side_of_the_signing() -> None:
    found = events("ACCRA - A financing arrangement for Ghana's first lithium refinery was signed in Accra on "
                   "Monday by Chilean Mining Minister Aurora Williams and Ghanaian Finance Minister Cassiel Ato "
                   "Forson.", "2025-05-13")
    signing = next(e for e in found if e.event_type == "SUPPORT")
    assert side(signing.actor) == {"CHL", "GHA"} and not signing.recipient


def test_a_guarantee_told_ahead_is_a_promise_but_a_guarantee_in_force_is_not() -> None:
    found = events("Williams said Chile would guarantee lithium supplies for the Ghanaian refinery for ten years.",
                   "2025-05-13")
    assert [(e.event_type, side(e.actor)) for e in found] == [("AGREE", {"CHL"})]
    assert not events("The Ghanaian constitution guarantees the freedom of the press in Ghana.", "2025-05-13")


def test_a_past_meeting_does_not_take_a_time_ahead_told_before_it() -> None:
    text = ("A lithium accord was signed in Accra on Monday by the ministers of Ghana and Chile, clearing the way "
            "for contracts to be awarded next year.\n\nWilliams also met President John Mahama. \"This is a great "
            "day,\" Mahama said after the meeting.")
    met = next(e for e in events(text, "2025-05-13") if e.event_type == "CONSULT")
    assert met.date != "2026"


def test_meeting_a_demand_or_a_deadline_is_no_meeting() -> None:
    assert not events("Ghana's grid has struggled to meet demand during the dry season, and the ministry missed "
                      "its chance to meet the deadline set by Chile.", "2025-09-25")


def test_a_tranche_released_is_aid_and_a_summary_released_is_nothing() -> None:
    found = events("JICA released a first tranche of 6 billion yen to Ghana in July.", "2025-09-02")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("AID", {"JPN"}, {"GHA"})]
    assert not [e for e in events("According to a summary the ministry released, Ghana will sell lithium to Chile.",
                                  "2025-06-20") if e.event_type == "RETREAT"]


def test_a_gathering_attended_where_a_meeting_was_held_is_its_venue() -> None:
    found = events("He met Chilean President Gabriel Boric in November 2024 in Lima, where both were attending "
                   "the APEC gathering.", "2025-07-20")
    assert [(e.event_type, e.date) for e in found] == [("CONSULT", "2024-11")]


def test_a_visit_put_off_is_one_refusal_and_a_delay_caused_by_a_thing_is_none() -> None:
    found = events("Chile had also delayed a ministerial visit to Ghana planned for June.", "2025-07-03")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("REJECT", {"CHL"}, {"GHA"})]
    assert not [e for e in events("The session, which had been delayed by the flooding in the north, took place "
                                  "in Accra.", "2025-07-03") if e.event_type == "REJECT"]


def test_a_hearing_summoned_at_home_is_no_protest_but_a_summoned_envoy_is() -> None:
    assert not events("Ghana's parliamentary energy committee has summoned the managing director of the state "
                      "power firm to explain the delays.", "2025-07-03")
    found = events("Ghana summoned the Chilean ambassador on Friday.", "2025-07-03")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("ACCUSE", {"GHA"}, {"CHL"})]


def test_officials_blaming_delays_accuse_nobody() -> None:
    assert not events("Ghanaian officials blamed delays in the environmental licence for the slow work.",
                      "2025-07-03")
    found = events("Ghana blamed the delays on Chile.", "2025-07-03")
    assert [(e.event_type, side(e.recipient)) for e in found] == [("ACCUSE", {"CHL"})]


def test_a_visit_named_again_in_apposition_is_the_same_visit() -> None:
    found = events("The foreign ministry said on Friday that President John Mahama will pay a state visit to Chile "
                   "from August 10 to 13 at the invitation of President Gabriel Boric, his first trip to Santiago "
                   "since taking office.", "2025-08-08")
    visits = [e for e in found if "visit" in _texts(e) or "trip" in _texts(e)]
    assert len(visits) == 1 and visits[0].event_type == "AGREE"
    assert "merging.visit_in_apposition" in visits[0].why["merged"]


def test_assembling_phones_is_no_joint_act() -> None:
    assert not events("Accra is where Chilean phones are put together.", "2025-08-11")


def test_a_lunch_with_a_leader_is_a_meeting_and_taking_part_in_a_conference_is_attending_it() -> None:
    found = events("Mahama had lunch with President Gabriel Boric at La Moneda in June.", "2025-09-17")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("CONSULT", {"GHA"}, {"CHL"})]
    found = events("Mahama took part in the third Santiago Conference on Lithium in Valparaiso from Aug. 20 to 22.",
                   "2025-09-17")
    assert [(e.event_type, e.date) for e in found] == [("CONSULT", "2025-08-20")]
    assert "event_rules.json:attendance_verbs" in found[0].why["event_type"]


def test_stern_representations_are_a_protest_and_money_paid_out_is_aid() -> None:
    found = events("Ghana's foreign ministry said it had lodged stern representations with Chile.", "2025-09-17")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("ACCUSE", {"GHA"}, {"CHL"})]
    found = events("Santiago paid out the first 200 million dollars of budget support to Ghana in December 2024.",
                   "2025-09-17")
    assert [(e.event_type, side(e.actor), side(e.recipient), e.date) for e in found] == [
        ("AID", {"CHL"}, {"GHA"}, "2024-12")]


def test_an_invitation_accepted_is_the_other_sides_agreement() -> None:
    found = events("Boric invited Mahama to visit Chile in 2026, and Mahama accepted.", "2025-09-17")
    assert sorted((e.event_type, tuple(sorted(side(e.actor)))) for e in found) == [
        ("AGREE", ("CHL",)), ("AGREE", ("GHA",))]
    assert not [e for e in events("Mahama did not accept the invitation.", "2025-09-17")
                if e.why["event_type"] == ["event_rules.json:acceptances"]]


def test_the_first_meeting_of_a_body_a_pledge_sets_up_is_part_of_the_pledge() -> None:
    found = events("Ghana and Chile on Tuesday inked a memorandum on lithium, with both sides pledging to set up a "
                   "joint working group that will meet for the first time before the end of June.", "2025-03-18")
    group = [e for e in found if "working group" in _texts(e)]
    assert len(group) == 1 and group[0].event_type == "AGREE"
    assert "merging.meeting_of_body_made" in group[0].why["merged"]


def test_an_answer_to_remarks_or_a_listing_is_addressed_to_whoever_made_them() -> None:
    found = events("Chile's foreign ministry on Tuesday accused Accra of breaking the fisheries accord. Ghana's "
                   "foreign ministry dismissed the remarks on Wednesday.", "2025-05-15")
    reject = next(e for e in found if e.event_type == "REJECT")
    assert side(reject.actor) == {"GHA"} and side(reject.recipient) == {"CHL"}
    assert "participants.answer_to_act" in reject.why["recipient"]
    # a person summoned is no act answered
    assert not [e for e in events("Chile's foreign ministry on Tuesday accused Accra of breaking the accord. "
                                  "Ghana's energy committee summoned the director of the state firm.", "2025-05-15")
                if "summoned" in _texts(e)]


def test_a_state_asking_another_to_help_it_is_not_its_own_recipient() -> None:
    found = events("Mahama asked Chile to help Ghana build a second lithium refinery.", "2025-05-15")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("REQUEST", {"GHA"}, {"CHL"})]


def test_an_open_question_is_no_event_but_a_plan_is() -> None:
    assert not events("Ghana's embassy in Santiago declined to say whether Mahama would also meet President "
                      "Gabriel Boric during his stay.", "2025-03-10")
    assert [e.event_type for e in events("Mahama will meet Boric in Santiago.", "2025-03-10")] == ["AGREE"]


def test_a_delegation_due_in_a_capital_is_a_planned_visit_but_a_ruling_due_is_not() -> None:
    found = events("A Ghanaian delegation led by Finance Minister Cassiel Ato Forson is due in Santiago in October.",
                   "2025-09-17")
    assert [(e.event_type, side(e.actor), side(e.recipient), e.date) for e in found] == [
        ("AGREE", {"GHA"}, {"CHL"}, "2025-10")]
    assert not events("A ruling by the court in Accra is expected in the autumn.", "2025-09-17")


def test_a_governments_request_with_no_other_side_named_is_made_to_the_other_side_of_the_pair() -> None:
    text = ("Chile and Ghana signed a lithium accord in Accra on Monday.\n\n"
            "Chile will pay for a battery laboratory at Kumasi, answering the request President Mahama made in "
            "December.")
    request = next(e for e in events(text, "2025-07-11") if e.event_type == "REQUEST")
    assert side(request.actor) == {"GHA"} and side(request.recipient) == {"CHL"}
    assert "event_rules.json:implied_counterpart_types" in request.why["recipient"]


def test_a_first_meeting_before_a_time_is_dated_by_it() -> None:
    found = events("Ghana and Chile signed a lithium accord in Accra on Tuesday.\n\nThe two ministers agreed to set "
                   "up a joint technical working group that will meet for the first time before the end of August.",
                   "2024-05-22")
    group = next(e for e in found if "working group" in _texts(e))
    assert group.event_type == "AGREE" and group.date == "2024-08"
