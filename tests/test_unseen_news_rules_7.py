"""Error classes read on bench/wire_check6 once it was unsealed (2026-12-03, fifth session): bulleted lists of
commitments under a lead-in line, a body whose first meeting is told in a relative clause, an accord named after
a part of it or by an earlier year, a passive signing, a court striking a deal down, a "when" clause describing
a year, a traveller flying on for talks, a speaker who "said ... and urged", "their ministers".

Every sentence here is written for these tests; none is taken from a news article or a check set.
"""
from __future__ import annotations

import pytest

from test_realnews_rules import events
from test_unseen_news_rules import side

LIST = ("Ghana and Chile signed a lithium accord in Accra on Monday.\n\n"
        "Under the accord, the two governments {lead}:\n\n"
        "- {m}open a joint battery laboratory in Kumasi by the end of 2026;\n"
        "- {m}set up a steering committee, which will hold its first meeting in Santiago in March;\n"
        "- {m}train 200 mining inspectors in Accra.")


@pytest.mark.parametrize("lead,modal", [("will", ""), ("", "will ")], ids=["modal-in-lead", "modal-in-items"])
def test_each_item_of_a_list_is_a_commitment_of_the_lead_ins_subject(lead, modal) -> None:
    text = LIST.format(lead=lead, m=modal).replace("governments :", "governments:")
    found = [e for e in events(text, "2025-11-04") if e.event_type == "AGREE"]
    firsts = {e.evidence[0].text.split()[modal.count(" ")] for e in found}
    assert {"open", "set", "train"} <= firsts, [e.evidence[0].text for e in found]
    for e in found:
        assert side(e.actor) | side(e.recipient) == {"GHA", "CHL"}, e.evidence[0].text
    lab = next(e for e in found if "laboratory" in e.evidence[0].text)
    assert lab.date == "2026"
    assert any("participants.list_lead_subject" in e.why.get("actor", ()) or
               "participants.description" in e.why.get("actor", ()) for e in found)


def test_the_first_meeting_of_a_body_set_up_is_part_of_the_commitment() -> None:
    text = LIST.format(lead="will", m="")
    committee = [e for e in events(text, "2025-11-04") if "committee" in " ".join(x.text for x in e.evidence)]
    assert len(committee) == 1
    ev = committee[0]
    assert ev.event_type == "AGREE" and ev.date == "2026-03"
    assert ev.location is not None and ev.location.country == "CHL"
    assert side(ev.recipient) <= {"GHA", "CHL"}       # the place of the meeting is no party
    assert "merging.meeting_of_body_made" in ev.why["merged"]


def test_an_item_with_a_subject_of_its_own_keeps_it() -> None:
    text = ("Ghana and Chile signed a lithium accord on Monday. Main points of the accord:\n"
            "- Chile will pay 12 million dollars a year into joint research;\n"
            "- Ghana will host the first joint laboratory.")
    found = [e for e in events(text, "2025-11-04") if e.event_type in ("AGREE", "AID")]
    pay = next(e for e in found if "pay" in e.evidence[0].text)
    assert side(pay.actor) == {"CHL"}


def test_an_accord_named_after_its_annex_is_no_event_of_its_own() -> None:
    found = events("The data annex to the Ghana-Chile Digital Trade Agreement was signed in Accra on Thursday by "
                   "the trade ministers of the two countries.", "2031-10-10")
    assert [e.event_type for e in found] == ["SUPPORT"]


def test_a_passive_signing_of_an_accord_is_one_event() -> None:
    found = events("A memorandum on mining research was signed by Ghana and Chile on Monday.", "2031-03-05")
    assert [(e.event_type, e.date) for e in found] == [("SUPPORT", "2031-03-03")]


def test_a_when_clause_describing_a_year_is_dated_by_it() -> None:
    found = events("Ghana and Chile signed a lithium accord on Tuesday. Their cooperation dates back to May 2019, when "
                   "a memorandum on mining research was signed by the two countries.", "2031-03-05")
    old = [e for e in found if "memorandum" in " ".join(x.text for x in e.evidence)]
    assert [(e.event_type, e.date) for e in old] == [("SUPPORT", "2019-05")]
    assert "date.when_of_a_time" in old[0].why["date"]


def test_an_accord_named_by_an_earlier_year_is_not_the_signing_told_with_it() -> None:
    found = events("Ghana, Chile sign customs protocol\n\nACCRA (Reuters) - A customs protocol was signed by the two "
                   "countries' trade ministers in the presence of the presidents, along with a second protocol that "
                   "updates their 2012 free trade agreement, the presidency said.", "2031-03-05")
    signing = [e for e in found if e.event_type == "SUPPORT" and "was signed" in " ".join(x.text for x in e.evidence)]
    assert signing and all(e.date != "2012" for e in signing)
    # the accord of 2012 is a signing recalled of its own (realnews conventions 15), not merged with this one
    assert all("2012" not in " ".join(x.text for x in e.evidence) for e in signing)


@pytest.mark.parametrize("verb", ["struck down", "annulled", "quashed"])
def test_a_court_striking_down_an_accord_rejects_it(verb) -> None:
    found = events(f"A court in Accra {verb} the mining accord with Chile on Monday.", "2031-03-05")
    assert [(e.event_type, side(e.recipient)) for e in found] == [("REJECT", {"CHL"})]


def test_a_habit_told_with_rarely_is_no_event() -> None:
    assert events("Courts in Ghana have rarely overturned such decisions by Chile.", "2031-03-05") == []


def test_a_traveller_flying_on_for_talks_holds_them() -> None:
    found = events("Chilean President Gabriel Torres flies on to Lagos on Saturday for talks with Nigerian "
                   "President Bola Tinubu.", "2031-10-09")
    talks = next(e for e in found if "Lagos" in e.evidence[0].text)
    assert side(talks.actor) == {"CHL"} and side(talks.recipient) == {"NGA"}


def test_a_speaker_who_said_and_urged_urged_on_the_day_of_the_statement() -> None:
    found = events("On Friday, a State Department spokesperson said the United States was worried about the port, "
                   "and urged Accra to keep control of its customs data.", "2031-11-15")
    urge = next(e for e in found if e.event_type == "REQUEST")
    assert side(urge.actor) == {"USA"} and side(urge.recipient) == {"GHA"}
    assert urge.date == "2031-11-14"


def test_their_ministers_are_the_two_sides() -> None:
    found = events("Ghana and Chile signed a customs annex on Thursday, four months after their ministers had "
                   "agreed on its text by video call.", "2031-10-10")
    agreed = next(e for e in found if e.event_type == "AGREE")
    assert side(agreed.actor) | side(agreed.recipient) == {"GHA", "CHL"}
    assert agreed.date == "2031-06"


def test_a_relationship_lifted_to_a_rank_is_an_upgrade() -> None:
    found = events("Ghana and Chile lifted their relationship to the rank of strategic partners in 2013.", "2031-10-10")
    assert [(e.event_type, e.date) for e in found] == [("SUPPORT", "2013")]


def test_a_person_somewhere_is_not_that_place_s_party() -> None:
    found = events("Chilean President Ana Rojas, also in Accra for the summit, is due to meet Nigerian President "
                   "Bola Tinubu on Saturday.", "2031-10-09")
    meet = next(e for e in found if e.event_type == "AGREE")
    assert side(meet.actor) == {"CHL"} and side(meet.recipient) == {"NGA"}


def test_the_warning_a_commander_gave_is_no_gift() -> None:
    found = events("The senators echoed the warnings that the head of Chile's navy gave lawmakers in March.",
                   "2031-10-09")
    assert "AID" not in {e.event_type for e in found}


def test_a_funding_call_under_a_facility_is_no_telephone_call() -> None:
    found = events("Ghana and Chile will jointly apply to the World Bank for funding in the next call under its "
                   "Climate Facility.", "2031-10-09")
    assert [e.event_type for e in found] == ["AGREE"]


@pytest.mark.parametrize("text", [
    "Calls to the Chilean mining company's office in Accra went unanswered on Tuesday.",
    "Calls to the Chilean embassy in Accra were not returned.",
])
def test_a_newsroom_call_unanswered_is_no_telephone_call(text) -> None:
    assert events(text, "2031-05-20") == []


def test_insisting_on_a_fact_is_no_demand_but_insisting_that_a_party_must_act_is() -> None:
    assert events("The Chilean embassy insisted that no ore left Ghana without the consent of its authorities.",
                  "2031-05-20") == []
    ask = events("Ghana insisted that Chile must hand over the survey data.", "2031-05-20")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in ask] == [("REQUEST", {"GHA"}, {"CHL"})]


def test_a_meeting_also_held_with_another_person_is_another_meeting() -> None:
    found = events("Chilean President Gabriel Torres held talks with Ghanaian President John Mahama in Accra on Tuesday "
                   "during a two-day state visit. Torres, who also met Vice President Jane Opoku on Wednesday, "
                   "invited Mahama to Santiago.", "2031-02-26")
    dated = sorted(e.date for e in found if e.event_type == "CONSULT" and e.date)
    assert "2031-02-26" in dated and "2031-02-25" in dated


def test_relations_upgraded_in_the_passive_are_the_pair_s_act() -> None:
    found = events("Ghana and Chile signed a lithium memorandum on Friday. Relations between the two countries were "
                   "upgraded to the level of a strategic partnership in 2017.", "2031-06-14")
    up = [e for e in found if e.date == "2017"]
    assert [(e.event_type, side(e.actor) | side(e.recipient)) for e in up] == [("SUPPORT", {"GHA", "CHL"})]


def test_a_charge_and_a_demand_made_by_a_dated_statement_take_its_day() -> None:
    found = events("Ghana on Wednesday blocked the sale of a mine to a Chilean firm. At a briefing in Santiago on "
                   "Thursday, a foreign ministry spokesperson said Chile firmly opposed what he called the "
                   "politicisation of trade and urged Ghana to treat Chilean companies fairly.", "2031-03-20")
    said = {e.event_type: e.date for e in found if e.event_type in ("REJECT", "ACCUSE", "REQUEST")}
    assert said and set(said.values()) == {"2031-03-20"}, said
    earlier = events("A spokesperson said on Thursday that Chile had accused Ghana of dumping copper.", "2031-03-20")
    assert all(e.date != "2031-03-20" for e in earlier)


def test_doers_named_by_an_apposition_of_the_pair_are_that_pair() -> None:
    found = events("Ghana and Chile agreed on Tuesday to build a satellite. Ghanasat and Chilesat, the state satellite "
                   "operators of the two countries, signed a framework contract on the satellite.", "2031-04-09")
    signed = next(e for e in found if e.event_type == "SUPPORT")
    assert {"GHA", "CHL"} <= side(signed.actor) | side(signed.recipient)


def test_two_presidents_opening_a_port_cooperate() -> None:
    found = events("Ghana and Chile opened the Chilean-built port of Takoradi on Thursday.", "2031-11-15")
    assert [(e.event_type, side(e.actor) | side(e.recipient)) for e in found] == [("COOPERATE", {"GHA", "CHL"})]


@pytest.mark.parametrize("text", ["The Ghanaian government said it would appeal.",
                                  "Ghana will appeal the ruling of the High Court against the Chilean firm."])
def test_an_appeal_to_a_court_is_no_request(text) -> None:
    assert events(text, "2031-05-20") == []


def test_an_appeal_to_a_party_is_a_request() -> None:
    found = events("Ghana appealed to Chile for help with the lithium plant.", "2031-05-20")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("REQUEST", {"GHA"}, {"CHL"})]


def test_giving_a_rival_an_opening_is_no_aid() -> None:
    assert events("The dispute has given Chile an opening in Ghana.", "2031-05-20") == []


def test_an_order_to_sell_a_share_of_a_plant_is_a_forced_divestment() -> None:
    found = events("The Ghanaian government has ordered Andes Mining, the Chilean firm, to sell at least 60 percent of "
                   "the Tarkwa lithium plant on national security grounds.", "2031-11-17")
    assert [(e.event_type, side(e.actor)) for e in found] == [("SANCTION", {"GHA"})]


def test_a_finite_verb_hung_on_a_noun_goes_on_its_clause() -> None:
    found = events("Chile's foreign ministry spokesperson told reporters on Thursday that Chile was strongly "
                   "dissatisfied with the decision, accused Accra of stretching national security to cover ordinary "
                   "business, and called on Ghana to uphold a fair business environment.", "2031-11-17")
    accuse = next(e for e in found if e.event_type == "ACCUSE")
    assert side(accuse.actor) == {"CHL"} and side(accuse.recipient) == {"GHA"}


def test_brussels_acting_is_the_european_union() -> None:
    found = events("Brussels and Accra agreed on Monday to train 50 Ghanaian technicians.", "2031-10-15")
    assert [(e.event_type, side(e.actor) | side(e.recipient)) for e in found] == [("AGREE", {"EUR", "GHA"})]


def test_withdrawing_a_trade_complaint_is_a_concession() -> None:
    found = events("Ghana withdrew its WTO complaint against Chile on Monday.", "2031-09-24")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("CONCEDE", {"GHA"}, {"CHL"})]


def test_a_court_setting_a_contract_aside_rejects_it_but_money_set_aside_is_no_event() -> None:
    found = events("A court in Accra set aside the mining contract with Chile on Monday.", "2031-02-24")
    assert [(e.event_type, side(e.recipient)) for e in found] == [("REJECT", {"CHL"})]
    assert events("Ghana set aside 20 million dollars for the joint laboratory with Chile.", "2031-02-24") == []


def test_calls_tagged_as_a_verb_that_went_unanswered_are_no_call() -> None:
    text = ("The committee is expected to report within 90 days.\n\n"
            "Calls to Andes Mining's office in Accra went unanswered on Tuesday.")
    assert events(text, "2031-05-20") == []


@pytest.mark.parametrize("body", ["Ghana's Parliament", "the Ghanaian Congress"])
def test_a_states_own_legislature_is_that_states(body) -> None:
    found = events(f"The lithium accord with Chile was ratified by {body} in April.", "2031-05-20")
    assert [(e.event_type, side(e.actor)) for e in found] == [("SUPPORT", {"GHA"})]


def test_a_definite_act_noun_refers_back_only_to_an_act_of_its_word() -> None:
    text = ("Chile has called off the economic dialogue with Ghana that had been scheduled for June 26, the Ghanaian "
            "ministry said on Tuesday, citing Accra's decision in March to block a Chilean takeover of a mine.\n\n"
            "The veto on March 19 ended the purchase of the mine by Andes Mining, a Chilean state firm.")
    found = events(text, "2031-06-18")
    off = [e for e in found if any("called off" in x.text for x in e.evidence)]
    assert len(off) == 1 and not any("veto" in x.text for x in off[0].evidence)


def test_firms_of_two_states_are_no_pair_of_governments() -> None:
    text = ("Ghana's High Court on Monday suspended a data memorandum that Ghana signed with Chile in July. The deal "
            "built on commitments made in May 2024, when Microsoft and G42 announced a data centre in Accra. The two "
            "governments had also agreed to open a joint AI skills centre in Accra in November.")
    found = events(text, "2031-10-21")
    skills = next(e for e in found if any("skills centre" in x.text for x in e.evidence))
    assert side(skills.actor) | side(skills.recipient) == {"GHA", "CHL"}


def test_a_court_with_no_state_named_is_the_dateline_s() -> None:
    found = events("ACCRA, Oct 21 (Reuters) - The High Court on Monday suspended a mining memorandum with Chile.",
                   "2031-10-21")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("SANCTION", {"GHA"}, {"CHL"})]


def test_pressing_a_button_is_no_request_but_pressing_a_party_is() -> None:
    assert events("Presidents Ana Torres and John Mahama pressed a button together on a screen at the palace.",
                  "2031-11-15") == []
    found = events("The Chilean minister pressed his Ghanaian counterpart on the data issue.", "2031-11-15")
    assert [(e.event_type, side(e.actor), side(e.recipient)) for e in found] == [("REQUEST", {"CHL"}, {"GHA"})]
