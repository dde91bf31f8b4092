"""Classes of error found on our own wire-style check set (bench/wire_check2), each fixed by a generic rule and
tested here on sentences written for these tests."""
from __future__ import annotations

import pactwatch


def types(text: str, date: str = "2025-05-01") -> list[str]:
    return [e.event_type for e in pactwatch.extract(text, date=date, doc_id="t")]


def test_a_complaint_or_threat_with_no_party_named_is_not_written() -> None:
    # partner_types: verbal conflict with neither an actor nor a target is a remark, not an event
    assert types("Investors complained that the new permit rule was slowing their projects.") == []
    assert "THREATEN" not in types("Attacks like this threaten our national security, the minister said.")
    # with a party it is an event
    assert types("Chile complained to Peru about the new permit rule on Monday.") == ["ACCUSE"]


def test_a_month_in_a_past_relative_clause_looks_back_although_the_main_clause_is_future() -> None:
    # timex/tense.py: a verb of the expression's own clause, before it, decides over the clauses after a break
    sent = ("Chile's trade minister Tomas Varela, who toured a lithium plant during his visit to Bolivia in March, "
            "is expected to attend the meeting in Lima.")
    assert pactwatch.resolve_date("March", "2025-09-24", sentence=sent) == "2025-03"
    evs = {e.event_type: e for e in pactwatch.extract(sent, date="2025-09-24", doc_id="t")}
    assert (evs["CONSULT"].date, evs["CONSULT"].mode) == ("2025-03", ["visit"])
    # coding/times.py (plan_statement_days): the plan does not take the visit's time, months before the report
    assert evs["AGREE"].date is None
    # without the relative clause's own verb the month still points ahead
    assert pactwatch.resolve_date("March", "2025-09-24", sentence="The minister is expected to visit Bolivia in "
                                  "March.") == "2026-03"


def test_a_plan_still_takes_the_time_it_was_stated_days_before() -> None:
    text = ("LIMA, Sept 26 -- Chile and Peru agreed on Tuesday to deepen cooperation on lithium research. "
            "The two ministers will meet again to review the work.")
    evs = [e for e in pactwatch.extract(text, date="2025-09-26", doc_id="t") if e.event_type == "AGREE"]
    assert [e.date for e in evs] == ["2025-09-23", "2025-09-23"], [(e.date, e.evidence[0].text) for e in evs]


def test_a_memorandum_sealed_is_signed_and_a_site_toured_during_a_visit_is_a_visit() -> None:
    # event_rules.json verb_object_types: sealing a memorandum is its signing (SUPPORT), as inking one is
    assert types("Chile and Canada sealed a memorandum on lithium refining in Ottawa on Tuesday.") == ["SUPPORT"]
    # triggers.tsv: 'tour' as a verb, like 'visit'
    evs = pactwatch.extract("Chilean Mining Minister Aurora Williams toured a copper smelter in Zambia on Monday.",
                            date="2025-05-01", doc_id="t")
    assert [(e.event_type, e.mode, e.date) for e in evs] == [("CONSULT", ["visit"], "2025-04-28")]


def test_an_answer_withheld_from_the_press_is_no_refusal() -> None:
    # event_rules.json press_answer_verbs / press_giving_verbs + press_answer_objects (triggers._press_refusal)
    assert types("A spokesperson for the Chilean energy ministry declined to comment.") == []
    assert types("The Chilean space agency declined to give the cost of the satellite.") == []
    # a refusal between parties stays one
    assert types("Chile declined to join the Peruvian initiative on Monday.") == ["REJECT"]
    assert types("Peru refused to give its consent to the Chilean mining project.") == ["REJECT"]


def test_a_pledge_told_in_an_absolute_clause_is_its_own_promise() -> None:
    # triggers._fold: a gerund under "with" that has a subject of its own is a clause, not a dropped gerund
    evs = pactwatch.extract("Chile and Peru on Tuesday signed a memorandum on lithium refining, with both sides "
                            "pledging to set up a joint working group.", date="2025-03-20", doc_id="t")
    assert sorted((e.event_type, tuple(sorted(x.country for x in e.actor))) for e in evs) == [
        ("AGREE", ("CHL", "PER")), ("SUPPORT", ("CHL", "PER"))]
    # a gerund with no subject of its own under a preposition is still no event of its own
    assert types("Chile criticised Peru for signing the memorandum with Bolivia.") == ["ACCUSE"]


def test_the_formation_of_a_council_announced_is_the_council_formed() -> None:
    # triggers._commitment_spec: "announced the formation of X" tells X set up, as "X was launched" does (SUPPORT),
    # so two reports of one founding have one category
    formed = "The formation of the Joint Fisheries Council (JFC) was announced by Chile and Peru in Lima in April 2022."
    launched = "The Joint Fisheries Council (JFC) was launched by the presidents of Chile and Peru in April 2022."
    assert types(formed) == types(launched) == ["SUPPORT"]
    # announced for later, it is a promise
    assert types("Chile and Peru will announce the formation of a joint fisheries council next week.") == ["AGREE"]


def test_a_trip_planned_in_a_relative_clause_and_called_off_is_a_meeting_given_up() -> None:
    # coding/coder.py: the plan folded into the cancellation is told in a clause on the meeting noun, so the
    # record's kind is a meeting, as for "cancelled a trip to Lima" (the cross-document layer reads that kind)
    told = ("The forum took the place of a trip to Lima that Boric had first planned but was then obliged to cancel "
            "because of budget talks in Santiago.")
    direct = "The Chilean president cancelled a trip to Lima."
    kinds = [[(e.event_type, e.kind) for e in pactwatch.extract(t, date="2025-05-01", doc_id="t")] for t in (told, direct)]
    assert kinds == [[("REJECT", "meeting")], [("REJECT", "meeting")]], kinds


def test_plover_idioms_of_mobilisation_concession_refusal_censorship_handover_and_access() -> None:
    # event_rules.json verb_object_types: verb + object pairs whose category the verb alone does not tell
    cases = {
        "Israel called up 300,000 reservists after the attack on its border posts.": "MOBILIZE",
        "Ethiopia granted amnesty to thousands of Tigrayan fighters on Monday.": "CONCEDE",
        "North Korea ignored Seoul's offer of talks on family reunions.": "REJECT",
        "Iranian authorities blocked access to Instagram and WhatsApp on Tuesday.": "COERCE",
        "The junta in Burkina Faso suspended the broadcasts of French radio stations.": "COERCE",
        "South Africa handed over two wanted fugitives to Zimbabwean police.": "COOPERATE",
        "The Colombian rebels handed over their weapons to United Nations monitors.": "RETREAT",
        "Venezuela allowed Red Cross workers into its prisons on Tuesday.": "RETREAT",
    }
    got = {s: types(s, "2024-05-15") for s in cases}
    assert {s: t for s, t in got.items() if cases[s] not in t} == {}, got
