"""Rules against events that are not events, the error classes real news shows (issue 9): purpose and
content clauses, communication coded as material acts, idioms, plans, and the direction of measures.

Every sentence here is written for these tests; none is taken from a news article.
"""
from __future__ import annotations

import pytest

import pactwatch

DATE = "2026-03-03"     # a Tuesday


def events(text: str, date: str = DATE):
    return pactwatch.extract(text, date=date, doc_id="t")


def types(text: str, date: str = DATE) -> list[str]:
    return sorted(e.event_type for e in events(text, date))


def one(text: str, event_type: str, date: str = DATE):
    found = [e for e in events(text, date) if e.event_type == event_type]
    assert len(found) == 1, f"expected one {event_type}: {[(e.event_type, e.trigger) for e in events(text, date)]}"
    return found[0]


def countries(ev) -> set[str]:
    return {e.country for e in ev.actor + ev.recipient if e.country}


# ------------------------------------------------------------------ 1. purpose, goal and content clauses
@pytest.mark.parametrize("text", [
    "The aim is to deepen scientific cooperation between Chile and Norway.",
    "Chile and Norway are aiming to curb exports of rare metals to third countries.",
])
def test_aims_and_goals_are_no_events(text) -> None:
    assert types(text) == []


def test_what_an_agreement_will_do_is_no_event() -> None:
    text = ("Brazil and Kenya signed a memorandum on solar research on Monday. "
            "The memorandum will deepen cooperation between the two countries' universities.")
    assert types(text) == ["SUPPORT"]


def test_what_an_agreement_allows_is_no_event() -> None:
    text = "The new accord would allow Chilean and Peruvian universities to share data from their telescopes."
    assert [e.trigger for e in events(text) if e.trigger in ("share", "allow")] == []


# ------------------------------------------------------------------ 2. communication is no material act
@pytest.mark.parametrize("text", [
    "The Norwegian embassy released a statement on the talks. Chile released a roadmap for its space programme.",
    "The ministry provided the details on social media on Friday.",
    "Peru's foreign minister did not respond to requests for comment from reporters.",
    "Given the rising costs of research, the two agencies are reviewing their budgets.",
])
def test_documents_details_and_comment_are_no_aid_release_or_request(text) -> None:
    assert not set(types(text)) & {"AID", "RETREAT", "REQUEST"}


def test_a_statement_released_after_a_meeting_is_no_release() -> None:
    assert "RETREAT" not in types("In a statement released after the meeting, Chile and Norway praised the project.")


def test_free_from_coercion_is_a_state_not_a_release() -> None:
    assert types("All countries must be free from coercion, the leaders of Chile and Norway said.") == []


def test_a_threat_described_is_no_threat_made() -> None:
    assert "THREATEN" not in types("Rising seas are a threat to the very existence of island states, the Chilean minister said.")


# ------------------------------------------------------------------ 3. idioms
def test_declaring_an_alliance_is_support_not_martial_law() -> None:
    ev = one("Leaders of Chile and Norway declared the establishment of a quantum alliance on Monday.", "SUPPORT")
    assert countries(ev) == {"CHL", "NOR"}
    assert "COERCE" not in types("Leaders of Chile and Norway declared the establishment of a quantum alliance.")


def test_declaring_a_state_of_emergency_is_still_coerce() -> None:
    ev = one("Chile declared a state of emergency in the north on Monday.", "COERCE")
    assert ev.mode == ["martial-law"]


def test_lifting_a_partner_to_a_higher_status_is_no_concession() -> None:
    assert "CONCEDE" not in types("Argentina lifted Chile to its highest diplomatic status on Monday.")


# ------------------------------------------------------------------ 4. plans are promises
def test_calling_on_a_leader_is_a_planned_visit_not_a_request() -> None:
    ev = one("The Peruvian ministers will also call on the Chilean president during the trip.", "AGREE")
    assert countries(ev) == {"PER", "CHL"}
    assert "REQUEST" not in types("The Peruvian ministers will also call on the Chilean president during the trip.")


def test_calling_on_a_state_to_act_is_still_a_request() -> None:
    one("Peru called on Chile to release the detained scientists.", "REQUEST")


def test_a_meeting_taking_place_on_a_later_day_is_agree() -> None:
    ev = one("Science ministers of Chile and Norway are meeting in Oslo on March 10.", "AGREE")
    assert ev.date == "2026-03-10"
    assert "CONSULT" not in types("Science ministers of Chile and Norway are meeting in Oslo on March 10.")


def test_readiness_to_collaborate_is_agree() -> None:
    ev = one("Peru has expressed its readiness to collaborate with Chile on satellite research.", "AGREE")
    assert countries(ev) == {"PER", "CHL"}
    assert "COOPERATE" not in types("Peru has expressed its readiness to collaborate with Chile on satellite research.")


# ------------------------------------------------------------------ 5. direction of measures
def test_deciding_to_lift_ones_own_curbs_is_a_concession() -> None:
    ev = one("Chile decided on Monday to lift its export curbs on lithium to Argentina.", "CONCEDE")
    assert ev.date == "2026-03-02"
    assert "AGREE" not in types("Chile decided on Monday to lift its export curbs on lithium to Argentina.")


def test_a_ban_with_immediate_effect_is_a_sanction_not_a_threat() -> None:
    ev = one("Chile will ban exports of lithium to Argentina with immediate effect, the ministry said.", "SANCTION")
    assert countries(ev) == {"CHL", "ARG"}


def test_a_ban_announced_for_later_is_still_a_threat() -> None:
    one("Chile will ban exports of lithium to Argentina if the dispute continues, the ministry said.", "THREATEN")


# ------------------------------------------------------------------ more of classes 1, 2 and 5
def test_the_condition_of_a_promise_is_no_event() -> None:
    text = "Chile will lift its export curbs on copper if Peru withdraws its complaint at the WTO, officials said."
    assert "RETREAT" not in types(text)


def test_a_pledge_to_coordinate_export_controls_is_no_threat() -> None:
    text = "Chile and Peru would also pledge to act together to coordinate export controls on copper, officials said."
    assert "THREATEN" not in types(text)
    one(text, "AGREE")


def test_a_pledge_to_impose_sanctions_is_still_a_threat() -> None:
    one("Chile pledged to impose sanctions on Peru.", "THREATEN")


def test_the_threat_of_war_is_a_danger_not_a_threat_made() -> None:
    assert types("The threat of a trade war has made Chilean officials nervous.") == []


def test_a_deployment_alongside_a_partner_is_a_joint_plan() -> None:
    text = "A Chilean navy frigate will deploy to the Pacific next year, working alongside the Peruvian navy."
    assert "THREATEN" not in types(text)
    one(text, "AGREE")


def test_what_exchanges_do_is_no_event() -> None:
    assert types("Such exchanges strengthen our partnership with Peru, the Chilean minister said.") == []


def test_reducing_cooperation_is_a_sanction() -> None:
    one("During his term, the president sharply reduced cooperation with Peru.", "SANCTION")


def test_a_crackdown_on_an_industry_is_a_sanction_not_coercion() -> None:
    text = "Canada on Monday launched its second crackdown on Chile's battery industry, curbing exports to 30 firms."
    ev = one(text, "SANCTION")
    assert countries(ev) == {"CAN", "CHL"}
    assert "COERCE" not in types(text)


def test_questions_from_reporters_are_no_investigation() -> None:
    assert "ACCUSE" not in types("Peruvian officials were questioned by reporters about the plan.")


def test_a_crackdown_placed_on_the_verb_is_still_a_sanction() -> None:
    text = "Canada on Monday launched a new crackdown, the second this decade, on Chile's battery industry."
    ev = one(text, "SANCTION")
    assert countries(ev) == {"CAN", "CHL"}


def test_a_promise_to_lift_ones_own_curbs_is_a_concession() -> None:
    ev = one("Chile will lift its export curbs on copper to Peru next month.", "CONCEDE")
    assert ev.date == "2026-04"
    assert countries(ev) == {"CHL", "PER"}
    one("Chile vowed to lift its export curbs on copper to Peru.", "CONCEDE")


def test_what_a_passive_content_subject_is_expected_to_do_is_no_event() -> None:
    assert types("The reviews are expected to finish by late autumn.") == []


def test_an_agreement_expected_to_be_signed_is_still_a_promise() -> None:
    ev = one("The agreement between Chile and Peru is expected to be signed next month.", "AGREE")
    assert countries(ev) == {"CHL", "PER"}


# ------------------------------------------------------------------ duplicates
def test_a_lead_repeated_under_a_standfirst_is_one_event() -> None:
    text = ("Chile and Peru agreed to expand cooperation on lithium research, officials said.\n"
            "(Newswire) — Chile and Peru agreed to expand cooperation on lithium research, officials said.")
    ev = one(text, "AGREE")
    assert len(ev.evidence) == 2
    assert countries(ev) == {"CHL", "PER"}


def test_the_same_promise_at_two_times_stays_two_events() -> None:
    text = ("Chile and Peru agreed on Monday to expand cooperation on lithium research.\n"
            "In 2024, Chile and Peru had agreed to expand cooperation on lithium research.")
    assert types(text).count("AGREE") == 2


def test_reaffirming_a_shared_vision_is_no_event() -> None:
    assert types("The Chilean and Peruvian presidents reaffirmed their shared vision of an open Pacific.") == []


def test_reaffirming_a_commitment_to_a_partner_is_still_agree() -> None:
    ev = one("Chile reaffirmed its commitment to Peru.", "AGREE")
    assert countries(ev) == {"CHL", "PER"}


# ------------------------------------------------------------------ a summit as the venue (conventions 14)
def test_a_multilateral_summit_named_as_the_time_of_a_signing_is_no_event() -> None:
    text = "Chile and Peru signed a lithium pact on Friday ahead of the G7 summit."
    assert types(text) == ["SUPPORT"]


def test_a_bilateral_summit_named_as_the_setting_is_still_an_event() -> None:
    text = "Chile and Peru signed a lithium pact on Friday during their summit in Lima."
    ev = one(text, "CONSULT")
    assert countries(ev) == {"CHL", "PER"}


# ------------------------------------------------------------------ possibilities, aims, export-control lists
@pytest.mark.parametrize("text", [
    "The new council can promote trusted research links between Peru and Ghana.",
    "Peru might sign the fisheries accord with Ghana in the coming months.",
    "Ghana is seeking to deepen its research ties with Peru.",
])
def test_possibilities_and_aims_are_no_events(text) -> None:
    assert types(text) == []


def test_a_negated_possibility_is_still_a_refusal() -> None:
    assert types("Peru cannot accept the fisheries proposal made by Ghana, its minister said.") == ["REJECT"]


@pytest.mark.parametrize("text,event_type", [
    ("Canberra added 12 Iranian drone makers to its entity list on Monday.", "SANCTION"),
    ("Ottawa removed Chile from its list of trusted trading partners on Monday.", "SANCTION"),
    ("Ottawa moved Chile down to Group B of its export control order on Monday.", "SANCTION"),
    ("Ottawa restored Chile to the white list of its export regime on Monday.", "CONCEDE"),
    ("Canberra took two Iranian firms off its entity list on Monday.", "CONCEDE"),
])
def test_export_control_lists_by_direction(text, event_type) -> None:
    ev = one(text, event_type)
    assert len(countries(ev)) == 2
    assert "event_rules.json:list_measures" in ev.why["event_type"]


def test_a_past_agreement_is_dated_by_its_own_verb() -> None:
    # "agreed on Monday to build": the agreeing was on Monday (2026-03-02), not next Monday
    ev = one("Peru and Ghana agreed on Monday to build a joint marine research station.", "AGREE")
    assert ev.date == "2026-03-02"


def test_a_lead_takes_the_date_of_the_next_sentence() -> None:
    ev = one("Peru and Ghana signed a fisheries accord. Their presidents met in Lima on Friday, Feb. 27, on the "
             "sidelines of a regional forum.", "SUPPORT")
    assert ev.date == "2026-02-27" and ev.why["date"] == ["date.lead_from_next_sentence"]


# ------------------------------------------------------------------ deals, bodies of relations, plans told with "would"
@pytest.mark.parametrize("text,event_type", [
    ("Chile and Peru struck a deal on fisheries on Monday.", "SUPPORT"),     # finalised (PLOVER.md SUPPORT)
    ("Chile and Peru clinched a trade pact on Monday.", "SUPPORT"),
    ("Chile and Peru sealed an accord on fisheries on Monday.", "SUPPORT"),     # sealed like inked: signed
    ("Chile and Peru inked a fisheries pact on Monday.", "SUPPORT"),
    ("Chile and Peru launched a joint council on ocean science on Monday.", "SUPPORT"),
    ("Chile and Peru launched a fund for ocean science on Monday.", "COOPERATE"),
    ("Chile and Peru raised their relationship to a strategic partnership on Monday.", "SUPPORT"),
    ("Chile and Peru elevated ties to a comprehensive strategic partnership on Monday.", "SUPPORT"),
    ("Chile and Peru will announce closer cooperation on ocean science next week.", "AGREE"),
    ("Chile and Peru were exploring ways to build patrol boats together.", "AGREE"),
])
def test_deals_bodies_and_announced_cooperation(text, event_type) -> None:
    assert types(text) == [event_type]
    assert countries(one(text, event_type)) == {"CHL", "PER"}


def test_a_body_launched_in_the_past_is_an_event_and_a_standing_meeting_is_not() -> None:
    ev = one("The council, launched in 2021 by Chile and Peru, meets twice a year.", "SUPPORT")
    assert ev.date == "2021" and [e.country for e in ev.actor] == ["CHL", "PER"]
    assert types("The council, launched in 2021 by Chile and Peru, meets twice a year.") == ["SUPPORT"]


def test_cooperation_announced_by_a_signing_is_the_signing() -> None:
    # the cooperation announced and the accord inked as its means are one act (realnews dev gold quotes both
    # as one SUPPORT)
    assert types("Chile and Peru announced closer cooperation on space by inking an accord for a radar "
                 "satellite.") == ["SUPPORT"]


def test_would_without_a_condition_tells_a_plan() -> None:
    ev = one("Later, the Chilean minister would meet the Peruvian president in Lima.", "AGREE")
    assert ev.aux_mode is None and "modality.plan_told_with_would" in ev.why["aux_mode"]


def test_a_conjoined_verb_shares_its_heads_modal() -> None:
    assert "THREATEN" not in types("The curbs cover chips that can help build drones or otherwise threaten "
                                   "Chilean security.")


def test_the_lead_retelling_the_headline_is_one_event() -> None:
    text = ("Chile bans lithium exports to Peru\n\n"
            "Chile will ban exports of refined lithium and two related metals to Peru with immediate effect, its "
            "trade ministry said on Tuesday.\n\n"
            "The measure follows months of talks on a new mining treaty.\n")
    evs = [e for e in events(text) if e.event_type == "SANCTION"]
    assert len(evs) == 1 and len(evs[0].evidence) == 2
    assert {"merging.headline_and_lead", "merging.same_act_same_sides"} & set(evs[0].why["merged"])


def test_a_visit_with_only_its_visitor_named_is_made_to_the_host_country() -> None:
    ev = one("Chilean Foreign Minister Rosa Ibarra began a three-day visit in Lima on Monday.", "CONSULT")
    assert [e.country for e in ev.actor] == ["CHL"] and [e.country for e in ev.recipient] == ["PER"]
    assert ev.why["recipient"][-1] == "record.guest_and_host"


def test_attending_is_a_meeting_and_a_plan_to_attend_a_promise() -> None:
    assert types("Leaders of Chile and Peru attended the fisheries summit in Quito on Monday.") == ["CONSULT"]
    ev = one("The Chilean president will attend a state dinner in Lima later this year.", "AGREE")
    assert {e.country for e in ev.actor} == {"CHL"}


def test_an_act_told_as_the_time_of_another_is_an_event() -> None:
    assert types("Ottawa removed Chile from its white list last year after imposing curbs on exports of two "
                 "chip materials to Chile.") == ["SANCTION", "SANCTION"]


def test_being_on_a_visit_is_the_visit() -> None:
    # the visit is one CONSULT; the tour of a site during it is one more (realnews conventions 13,
    # merging.site_tour_apart)
    evs = [e for e in events("Chilean President Rosa Ibarra, who is on a three-day official trip to Peru, toured a "
                             "copper mine on Tuesday.", DATE) if e.event_type == "CONSULT"]
    assert sorted(e.trigger for e in evs) == ["toured", "trip"]
    ev = next(e for e in evs if e.trigger == "trip")
    assert [e.country for e in ev.actor] == ["CHL"] and [e.country for e in ev.recipient] == ["PER"]


def test_announcing_the_launch_of_talks_or_a_partnership_is_a_promise() -> None:
    ev = one("The Chilean president on Monday unveiled the start of discussions with Peru on a nuclear accord.", "AGREE")
    assert "event_rules.json:announce_verbs" in ev.why["aux_mode"]
    assert countries(ev) == {"CHL", "PER"}
    assert types("Next week Chile and Peru intend to unveil the formation of a copper partnership.") == ["AGREE"]


def test_an_effort_to_cooperate_is_an_aim_but_an_attempted_attack_is_an_event() -> None:
    assert types("Peru has been trying to deepen its research partnerships with Chile and Ghana.") == []
    assert "ASSAULT" in types("Rebels in Peru said they tried to storm an army barracks near Cusco on Monday.")


def test_a_meeting_described_by_a_copula_is_no_new_event() -> None:
    assert types("The Lima meeting of Chile and Peru was a rather dull affair, aides said.") == []


def test_one_act_told_twice_in_an_article_is_one_event() -> None:
    text = ("Chile said on Monday it would lift its curbs on exports of lithium to Peru.\n\n"
            "The trade ministry in Santiago added that Chile would remove the export restrictions on Peru "
            "within weeks.\n")
    evs = [e for e in events(text) if e.event_type == "CONCEDE"]
    assert len(evs) == 1 and len(evs[0].evidence) == 2
    assert "merging.same_act_same_sides" in evs[0].why["merged"]


def test_two_acts_in_one_sentence_stay_two() -> None:
    assert types("Ottawa removed Chile from its white list last year after imposing curbs on exports of two "
                 "chip materials to Chile.") == ["SANCTION", "SANCTION"]


def test_the_lead_below_a_byline_still_retells_the_headline() -> None:
    text = ("Chile bans lithium exports to Peru\n\nBy A. Writer\n\nUpdated 2 March 2026\n\n"
            "Chile will ban exports of refined lithium and two related metals to Peru with immediate effect, its "
            "trade ministry said on Tuesday.\n")
    assert len([e for e in events(text) if e.event_type == "SANCTION"]) == 1


def test_a_time_no_event_takes_dates_the_events_that_follow() -> None:
    text = ("Fisheries experts gather in Lima next week (9 and 10 March) for the annual squid forum.\n\n"
            "Chile and Peru are expected to sign a pact on squid quotas there.\n")
    ev = one(text, "AGREE")
    assert ev.date == "2026-03-09" and ev.why["date"] == ["date.inherited"]


def test_a_reply_in_the_lead_is_not_merged_with_the_headline_measure() -> None:
    text = ("Chile bans lithium exports to Peru\n\n"
            "Chile will ban exports of refined lithium to Peru with immediate effect, its trade minister told reporters on "
            "Tuesday, in answer to Lima's latest crackdown on Chile's mining sector.\n")
    bans = [e for e in events(text) if e.event_type == "SANCTION"]
    chile_on_peru = [e for e in bans if [a.country for a in e.actor] == ["CHL"]]
    assert len(chile_on_peru) == 1 and [r.country for r in chile_on_peru[0].recipient] == ["PER"]


def test_talks_with_a_named_partner_keep_their_sides_when_retold() -> None:
    text = ("Chilean President Rosa Ibarra held talks with Peruvian President Hugo Salas in Lima on Monday. "
            "They held long discussions on fisheries, mining and ocean science.")
    ev = one(text, "CONSULT")
    assert [e.country for e in ev.actor] == ["CHL"] and [e.country for e in ev.recipient] == ["PER"]


def test_a_bilateral_meeting_on_the_sidelines_of_a_summit_is_its_own() -> None:
    text = ("The Pacific forum opened its yearly summit in Quito on Monday with leaders from twelve nations.\n\n"
            "Chilean President Rosa Ibarra told reporters on Tuesday that she met Peruvian President Hugo Salas on "
            "the sidelines of the summit.\n")
    meetings = [e for e in events(text) if e.event_type == "CONSULT"]
    assert any({a.country for a in e.actor} == {"CHL"} and {r.country for r in e.recipient} == {"PER"}
               for e in meetings), [(e.actor, e.recipient) for e in meetings]


def test_a_headline_infinitive_is_a_plan() -> None:
    ev = one("Chile to host ocean science summit with Peru in May", "AGREE")
    assert "modality.headline_infinitive" in ev.why["aux_mode"]


def test_refusing_to_accept_is_a_rejection_but_a_prohibition_is_not() -> None:
    ev = one("Peru said on Monday that it would not accept fishing boats from Chile this season.", "REJECT")
    assert ev.aux_mode is None and "event_rules.json:refusal_verbs" in ev.why["event_type"]
    assert "REJECT" not in types("Exports of lithium to Peru shall not be permitted, the Chilean ministry said.")


def test_two_mentions_of_one_named_summit_are_one_event() -> None:
    text = ("Leaders of twelve nations attended the virtual Pacific Ocean Summit on Monday.\n\n"
            "Chile and Peru co-chaired the Pacific Ocean Summit, which closed with a joint statement on "
            "fisheries.\n")
    summits = [e for e in events(text) if e.event_type == "CONSULT"]
    assert len(summits) == 1 and len(summits[0].evidence) == 2
