"""Merging across an article, what is one event and what is one more: "another summit" and a letter of intent
signed after an agreement are new events; "It was signed by ..." tells the signed accord again; a headline's
cancellation told in the paragraph after a lead about something else is one event; "a summit ... is planned"
is one planned meeting."""
from __future__ import annotations

import pactwatch


def _events(text, date="2025-06-04"):
    return pactwatch.extract(text, date=date)


def _of(text, event_type):
    return [e for e in _events(text) if e.event_type == event_type]


def _evidence(e):
    return " | ".join(" ".join(x.text.split()) for x in e.evidence)


def _countries(e):
    return {p.country for p in e.actor + e.recipient}


def test_another_summit_is_a_second_planned_meeting():
    text = ("Chile and Peru will hold a summit on fisheries in Lima in May, officials said on Tuesday. "
            "Another summit of Chile and Peru is planned for next year.")
    evs = _of(text, "AGREE")
    assert len(evs) == 2
    assert [e for e in evs if _evidence(e).startswith("Another summit of Chile and Peru is planned")]
    assert [e for e in evs if "summit on fisheries in Lima" in _evidence(e) and "Another" not in _evidence(e)]


def test_pronoun_subject_of_a_signing_tells_the_signed_charter_again():
    text = ("Leaders of Norway and Kenya signed the Nairobi Water Charter on Monday. "
            "It was signed by ministers from Brazil, Chile and Indonesia as well.")
    evs = _of(text, "SUPPORT")
    assert len(evs) == 1
    assert _countries(evs[0]) == {"NOR", "KEN", "BRA", "CHL", "IDN"}
    assert "It was signed by ministers" in _evidence(evs[0])


def test_letter_of_intent_signed_later_is_another_accord():
    text = ("Ministers of India and Kenya signed an agreement on solar research in Nairobi on Monday.\n\n"
            "The two sides also discussed drought relief and fisheries at length during the visit.\n\n"
            "Kenya Power and Tata Power signed a letter of intent for a solar plant near Mombasa.")
    evs = _of(text, "SUPPORT")
    assert len(evs) == 2
    assert sorted("letter of intent" in _evidence(e) for e in evs) == [False, True]


LITHIUM = ("Canada and Chile signed a memorandum of understanding covering lithium mining in Ottawa on Tuesday.\n\n"
           "The talks lasted two hours, officials said, and covered trade and fisheries.\n\n")


def test_also_signed_an_agreement_is_another_accord_a_definite_one_is_not():
    def supports(last):
        return _of(LITHIUM + last, "SUPPORT")
    assert len(supports("They also signed an agreement on student exchanges.")) == 2
    assert len(supports("The two countries signed the memorandum after months of negotiation.")) == 1


def test_headline_cancellation_told_below_a_lead_about_something_else_is_one():
    text = ("Norway cancels fisheries summit in Bergen\n\n"
            "Prime Minister Jonas Gahr Store says ministers from Norway, Iceland and Denmark will instead meet "
            "in Oslo later this month.\n\n"
            "A fisheries summit of Norway, Iceland and Denmark scheduled for next week in Bergen will be "
            "cancelled, officials said on Wednesday.")
    evs = _of(text, "REJECT")
    assert len(evs) == 1
    assert _evidence(evs[0]).startswith("Norway cancels fisheries summit in Bergen | A fisheries summit")


def test_summit_that_is_planned_is_one_planned_meeting():
    text = "A summit between Chile and Peru is planned for May in Lima, Chilean officials said."
    evs = _events(text)
    assert [e.event_type for e in evs] == ["AGREE"]
    assert _countries(evs[0]) == {"CHL", "PER"}


def test_act_told_as_one_more_below_the_lead_is_not_the_headline_event():
    text = ("Chile and Peru agree to cooperate on lithium\n\n"
            "The presidents of Chile and Peru met in Lima on Monday for their first talks since the election.\n\n"
            "The two countries also announced a new arrangement on student exchanges.")
    evs = _of(text, "AGREE")
    assert sorted(_evidence(e) for e in evs) == [
        "Chile and Peru agree to cooperate on lithium",
        "The two countries also announced a new arrangement on student exchanges"]


def test_relative_clause_on_another_summit_is_no_reference_back():
    text = ("The leaders of Chile, Peru and Ecuador will meet at the Pacific Forum in Lima on Saturday, "
            "officials said. Ecuador called off the June 20 summit, which several other heads of state were "
            "supposed to attend.")
    assert [_evidence(e) for e in _of(text, "AGREE")] == [
        "The leaders of Chile, Peru and Ecuador will meet at the Pacific Forum in Lima on Saturday"]


def test_talk_with_a_third_state_during_a_visit_is_its_own_meeting_with_its_retelling():
    text = ("Kenyan President William Ruto began a state visit to Germany on Monday. Ruto also said he had "
            "talked with Nigerian President Bola Tinubu at the forum, and that the two discussed fertiliser prices.")
    meetings = sorted((sorted(_countries(e)), _evidence(e)) for e in _of(text, "CONSULT"))
    assert [c for c, _ in meetings] == [["DEU", "KEN"], ["KEN", "NGA"]]
    assert "the two discussed fertiliser prices" in meetings[1][1]


def test_undated_meeting_is_not_the_visit_recalled_from_last_year():
    text = ("The opening ministerial meeting of the Kenya-Germany ocean council took place in Nairobi on Tuesday.\n\n"
            "The council was launched by Ruto and Scholz during Scholz's visit to Kenya in March last year.\n\n"
            "Kenyan and German ministers also held a long and friendly meeting, Kenya's foreign ministry said.")
    visit = [e for e in _of(text, "CONSULT") if "visit to Kenya" in _evidence(e)]
    assert len(visit) == 1 and "friendly meeting" not in _evidence(visit[0])


def test_state_visit_and_talks_held_during_it_are_two_events():
    text = ("Kenyan President William Ruto held talks with German Chancellor Olaf Scholz on Tuesday, the Kenyan "
            "leader's office said. Ruto is on a three-day state visit to Germany.")
    assert sorted(_evidence(e) for e in _of(text, "CONSULT")) == [
        "Kenyan President William Ruto held talks with German Chancellor Olaf Scholz on Tuesday",
        "Ruto is on a three-day state visit to Germany"]


def test_the_meeting_still_stands_for_the_visit():
    text = ("Kenyan President William Ruto arrived in Berlin on Monday for a three-day state visit. "
            "Officials called the meeting in Berlin a success.")
    assert len(_of(text, "CONSULT")) == 1


def test_same_act_dated_years_back_is_not_the_headline_news():
    text = ("Norway imposes sanctions on Iceland\n\n"
            "The fisheries ministry in Oslo gave no reason for the step on Tuesday, which surprised traders.\n\n"
            "Norway imposed sanctions on Iceland in 2019 during an earlier quarrel over quotas.")
    assert sorted(e.date or "" for e in _of(text, "SANCTION")) == ["2019", "2025-06-03"]


def test_visited_a_city_where_he_held_talks_is_one_meeting():
    text = ("Kenyan Trade Minister Lee Kinyanjui visited Berlin last month, where he discussed fertiliser supplies "
            "with German Economy Minister Robert Habeck.")
    assert len(_of(text, "CONSULT")) == 1
