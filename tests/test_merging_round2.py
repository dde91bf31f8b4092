"""Merging across an article, round 2: "the first meeting" told of a consultation between a minister and an
EU commissioner is that consultation (a person of the EU stands for the union, a body, when "the two sides"
is read as countries); a third state's leader meeting one of the two sides is another meeting; a headline
and a lead parsed differently are one event; a signing announced for a planned visit is the plan; a
definite noun naming an act just told is that act."""
from __future__ import annotations

import pactwatch


def _of(text, event_type, date="2025-06-04"):
    """The events of one category coded from a text, each with its evidence joined in one string."""
    return [(e, " | ".join(" ".join(x.text.split()) for x in e.evidence))
            for e in pactwatch.extract(text, date=date) if e.event_type == event_type]


def _countries(e):
    return {p.country for p in e.actor + e.recipient}


def test_first_meeting_of_a_consultation_with_an_eu_commissioner_is_that_consultation():
    text = ("Kenya and the European Union will set up a joint forum on green hydrogen to fund pilot plants and "
            "share research.\n\nThe trade ministry announced on Monday that Minister Amina Otieno and "
            "EU Trade Commissioner Pieter Vos struck a deal at an opening trade consultation held in "
            "Nairobi earlier that day. The two sides agreed during the first meeting to draft shared "
            "rules on hydrogen exports.")
    [(ev, said)] = _of(text, "CONSULT")
    assert "the first meeting" in said
    assert _countries(ev) == {"KEN", "EUR"}
    assert all(p.entity_type != "person" or p.entity_name != "European Union" for p in ev.actor + ev.recipient)


def test_a_third_states_leader_meeting_one_side_is_another_meeting():
    text = ("Chile's President Gabriel Boric held talks with Brazil's President Lula on Monday in Brasilia. "
            "China's President Xi Jinping also met Lula on the sidelines of the forum.")
    evs = _of(text, "CONSULT")
    assert sorted(sorted(_countries(e)) for e, _ in evs) == [["BRA", "CHL"], ["BRA", "CHN"]]
    assert [said for e, said in evs if "CHN" in _countries(e)] == ["China's President Xi Jinping also met Lula on the "
                                                                   "sidelines of the forum"]


def test_undated_talks_of_the_two_leaders_do_not_join_a_visit_of_last_year():
    text = ("Peru's President Dina Boluarte arrived in Santiago on Monday. Her host Gabriel Boric thanked her for "
            "receiving him during his visit to Lima last year. The two leaders also discussed the drought in Bolivia.")
    evs = _of(text, "CONSULT")
    [(past, said)] = [(e, said) for e, said in evs if e.date and e.date.startswith("2024")]
    assert "drought" not in said
    assert [e for e, said in evs if "drought" in said and e.date == "2025-06-02"]


def test_headline_agreement_and_a_lead_parsed_with_one_side_as_recipient_are_one():
    text = "Chile, Peru agree to boost lithium research\n\nChile agreed with Peru on Tuesday to boost joint lithium research, officials said."
    [(ev, said)] = _of(text, "AGREE")
    assert said.startswith("Chile, Peru agree to boost lithium research | ")
    assert _countries(ev) == {"CHL", "PER"}


def test_headline_to_sign_and_a_lead_planning_the_signing_are_one_planned_signing():
    planned = ("Ghana, Togo to sign power pact\n\nGhana and Togo will sign an agreement on Friday to link their grids "
               "and trade surplus power, the two energy ministries said.")
    [(ev, said)] = _of(planned, "AGREE")
    assert "to sign power pact | " in said
    assert ev.date == "2025-06-06"
    assert not _of(planned, "SUPPORT")
    done = planned.replace("will sign", "signed").replace("on Friday", "on Tuesday")
    [(ev, said)] = _of(done, "SUPPORT")
    assert "to sign power pact | " in said
    assert not _of(done, "AGREE")


def test_headline_talks_and_a_lead_planning_them_are_one_planned_meeting():
    text = ("Ghana to hold talks with Togo on power trade\n\nGhana's energy minister will hold talks with his Togolese "
            "counterpart in Lome on Friday on cross-border power lines.")
    evs = _of(text, "AGREE")
    assert [(e.date, sorted(_countries(e))) for e, _ in evs] == [("2025-06-06", ["GHA", "TGO"])]
    assert "to hold talks with Togo on power trade | " in evs[0][1] and not _of(text, "CONSULT")


def test_signing_announced_for_a_planned_visit_is_that_planned_visit():
    text = ("President Ruto will visit Accra next week, where he and his host are due to sign a memorandum on "
            "vaccine production.")
    [(ev, said)] = _of(text, "AGREE")
    assert "due to sign a memorandum" in said and "will visit Accra" in said
    assert [p.country for p in ev.actor] == ["KEN"] and [p.country for p in ev.recipient] == ["GHA"]
    assert not _of(text, "SUPPORT")


def test_signing_at_a_visit_already_made_stays_its_own_event():
    text = "President Ruto visited Accra last week, where he and his host signed a memorandum on vaccine production."
    assert len(_of(text, "CONSULT")) == 1
    assert len(_of(text, "SUPPORT")) == 1


def test_reaching_the_agreement_is_the_agreement_just_told():
    text = ("Ghana and Togo agreed on Monday to reopen talks on a shared power grid. The two energy ministers "
            "reached the agreement at a meeting in Lome.")
    [(ev, said)] = _of(text, "AGREE")
    assert "reached the agreement" in said and "agreed on Monday to reopen talks" in said
    assert len(_of(text, "CONSULT")) == 1


def test_a_third_state_welcoming_the_agreement_is_its_own_act():
    text = ("Ghana and Togo signed an agreement on Monday to link their power grids. Benin welcomed the agreement.")
    evs = _of(text, "SUPPORT")
    assert sorted(sorted(_countries(e)) for e, _ in evs) == [["BEN"], ["GHA", "TGO"]]


def test_announcing_the_initiative_names_the_dialogue_just_launched():
    text = ("Ghana and Togo launched a dialogue on power trade on Tuesday. The ministers announced the initiative "
            "after a meeting in Lome.")
    [(ev, said)] = _of(text, "SUPPORT")
    assert "announced the initiative" in said
    assert not _of(text, "AGREE")
    other = text.replace("The ministers announced", "Benin and Togo announced")
    assert len(_of(other, "SUPPORT")) + len(_of(other, "AGREE")) == 2


def test_a_signing_still_ahead_of_the_deal_concluded_is_another_event():
    text = ("Ghana and Togo concluded negotiations on a power trade deal on Wednesday. The two energy ministers "
            "will sign the deal later this year, once parliaments approve it.")
    assert len(_of(text, "AGREE")) == 1


def test_an_indefinite_event_attended_later_in_the_day_is_a_meeting_of_its_own():
    text = ("Kenyan Trade Minister Amina Otieno will hold a bilateral meeting with EU Commissioner Pieter Vos in "
            "Brussels on Monday.\n\nThe talks will cover tariffs on cut flowers.\n\nIn the evening, Otieno will "
            "attend a trade fair organised by the Belgian Chamber of Commerce.")
    [fair] = [(e, said) for e, said in _of(text, "AGREE") if "trade fair" in said]
    assert "bilateral meeting" not in fair[1] and _countries(fair[0]) == {"KEN", "BEL"}
    assert len(_of(text, "AGREE")) == 2


def test_the_same_summit_told_again_with_an_indefinite_noun_is_one_meeting():
    text = ("The leaders of Kenya and Ghana held their bilateral summit in Accra on Monday.\n\nThe two presidents "
            "signed three accords on trade and energy.\n\nBoth presidents held a bilateral summit in the "
            "palace gardens, their second such meeting this year.")
    [(ev, said)] = _of(text, "CONSULT")
    assert "held a bilateral summit in the palace gardens" in said


def test_a_visit_of_last_year_does_not_join_talks_told_with_no_time():
    text = ("Kenya's trade minister held talks with his Ghanaian counterpart in Nairobi.\n\nThe two ministers "
            "toured a solar plant.\n\nThe plant was opened during the Ghanaian president's visit to Kenya in "
            "March last year.")
    evs = _of(text, "CONSULT")
    # the talks, the tour of the plant (a visit of its own, with no time: not the time of last year's visit the
    # next sentence recalls) and last year's visit
    assert sorted(str(e.date) for e, _ in evs) == ["2024-03", "None", "None"]
    assert [said for e, said in evs if e.date == "2024-03"] == ["the Ghanaian president's visit to Kenya"]


def test_the_agreement_said_of_later_stays_with_the_signed_memorandum_not_the_next_promise():
    text = ("Ghana and Togo signed a memorandum on grid links in Accra on Monday. The two ministers also agreed to "
            "meet again in Lome in March. Officials said the agreement would help both utilities trade surplus power.")
    [(signed, said)] = _of(text, "SUPPORT")
    assert said.startswith("Ghana and Togo signed a memorandum")
    # what the agreement would do is told of the signed memorandum: no promise of its own (nor any event)
    assert all("the agreement would help" not in s for _, s in _of(text, "AGREE"))


def test_headline_visit_to_a_country_and_the_lead_arriving_in_its_capital_are_one_visit():
    text = ("Kenyan President Ruto begins state visit to Ghana\n\nACCRA, June 2 (Reuters) - Kenyan President "
            "William Ruto arrived in Accra on Monday for a four-day state visit, the first by a Kenyan leader "
            "since 2015, as Nairobi courts West African markets.")
    [(ev, said)] = _of(text, "CONSULT")
    assert said.startswith("Kenyan President Ruto begins state visit to Ghana | ")


def test_topics_discussed_with_an_indefinite_object_stay_with_the_meeting():
    text = ("Kenya's energy minister Amina Otieno met Ghana's energy minister Kwame Boateng in Accra on Monday.\n\n"
            "The two agreed to study a shared power line.\n\nThe two ministers also discussed a broad list of "
            "other matters, among them fisheries and tourism.")
    meetings = _of(text, "CONSULT")
    assert len(meetings) == 1 and "also discussed a broad list" in meetings[0][1]
