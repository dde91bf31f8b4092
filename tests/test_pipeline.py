"""The whole pipeline, article in and events out, judged the way a reader would judge them.

Two groups:

* the two seed reports from ../shared (parsed once per session by the `seed_run` fixture);
  skipped when the shared material is missing;
* short articles written for these tests, which always run.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

import pactwatch
from pactwatch.model import EVENT_TYPES, Event

SEED_AUG = "000_91c11504c86257ee"   # the 2025-08-05 report
SEED_OCT = "002_c190c86888b87c20"   # the 2025-10-29 report


# ---------------------------------------------------------------------------------------------- helpers
def norm(name: str) -> str:
    """Names compare as the referee compares them: case, spaces and hyphens do not matter."""
    return " ".join(name.replace("-", " ").lower().split())


def names(ev: Event) -> set[str]:
    return {norm(e.entity_name) for e in ev.actor + ev.recipient}


def countries(ev: Event, side: str | None = None) -> set[str]:
    ents = ev.actor if side == "actor" else ev.recipient if side == "recipient" else ev.actor + ev.recipient
    return {e.country for e in ents if e.country}


def entity(ev: Event, name: str):
    found = [e for e in ev.actor + ev.recipient if norm(e.entity_name) == norm(name)]
    assert found, f"{name} is not among the participants of {describe(ev)}"
    return found[0]


def describe(ev: Event) -> str:
    return (f"{ev.event_type} {sorted(names(ev))} date={ev.date} loc={ev.location and ev.location.name} "
            f"evidence={[x.text[:60] for x in ev.evidence]}")


def only(events: list[Event], what: str) -> Event:
    assert len(events) == 1, f"expected exactly one {what}, got {len(events)}: " + "; ".join(map(describe, events))
    return events[0]


def with_people(events: list[Event], event_type: str, *people: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type and {norm(p) for p in people} <= names(e)]


def assert_grounded(ev: Event, text: str) -> None:
    assert ev.evidence, f"event without evidence: {describe(ev)}"
    for sp in ev.evidence:
        assert 0 <= sp.start < sp.end <= len(text)
        assert text[sp.start:sp.end] == sp.text, f"evidence [{sp.start}:{sp.end}] does not match the document"


# ============================================================================ the seed reports (../shared)
def test_seeds_read_without_failures(seed_run) -> None:
    assert seed_run.failures == []
    assert set(seed_run.results) == {SEED_AUG, SEED_OCT}
    assert seed_run.documents[SEED_AUG].date == "2025-08-05"
    assert seed_run.documents[SEED_OCT].date == "2025-10-29"


def test_bae_kratsios_meeting_is_one_consult(seed_run) -> None:
    ev = only(with_people(seed_run.doc_events(SEED_AUG), "CONSULT", "Bae Kyung-hoon", "Michael Kratsios"),
              "CONSULT for the Bae-Kratsios meeting")
    assert ev.date == "2025-08-05"
    assert ev.date_precision == "day"
    assert ev.location is not None
    assert ev.location.name == "Incheon"
    assert ev.location.country == "KOR"
    assert ev.location.geonames_id == 1843564
    assert "multilateral" in ev.mode
    assert countries(ev) == {"KOR", "USA"}
    assert entity(ev, "Bae Kyung-hoon").country == "KOR"
    assert entity(ev, "Michael Kratsios").country == "USA"
    assert {"artificial_intelligence", "biotechnology", "nuclear_energy"} <= set(ev.topics)
    assert len(ev.evidence) >= 3, "the meeting is reported in several sentences; all of them are evidence"
    assert_grounded(ev, seed_run.documents[SEED_AUG].text)


def test_bae_proposal_of_joint_committee_is_agree(seed_run) -> None:
    cands = [e for e in seed_run.doc_events(SEED_AUG)
             if any("proposed" in sp.text for sp in e.evidence)]
    ev = only(cands, "event citing Bae's proposal")
    assert ev.event_type == "AGREE"
    bae = [a for a in ev.actor if a.entity_name == "Bae Kyung-hoon"]
    assert bae and bae[0].country == "KOR"
    assert countries(ev, "actor") == {"KOR"}
    assert countries(ev, "recipient") == {"USA"}
    assert ev.topics == ["science_research"]
    assert ev.date == "2025-08-05"


def test_planned_lee_trump_summit_is_agree_at_the_white_house(seed_run) -> None:
    ev = only(with_people(seed_run.doc_events(SEED_AUG), "AGREE", "Lee Jae Myung", "Donald Trump"),
              "AGREE for the planned Lee-Trump summit")
    assert countries(ev) == {"KOR", "USA"}
    assert ev.location is not None
    assert "White House" in ev.location.name
    assert ev.location.country == "USA"
    assert not with_people(seed_run.doc_events(SEED_AUG), "CONSULT", "Lee Jae Myung", "Donald Trump"), \
        "a summit that has not happened yet is not a CONSULT"


def test_cho_rubio_talks_are_a_visit(seed_run) -> None:
    ev = only(with_people(seed_run.doc_events(SEED_AUG), "CONSULT", "Cho Hyun", "Marco Rubio"),
              "CONSULT for the Cho-Rubio talks")
    assert ev.mode == ["visit"]
    assert countries(ev, "actor") == {"KOR"}
    assert countries(ev, "recipient") == {"USA"}
    assert [a.entity_name for a in ev.actor] == ["Cho Hyun"]
    assert [r.entity_name for r in ev.recipient] == ["Marco Rubio"]
    assert ev.location is not None
    assert ev.location.name == "Washington"
    assert ev.location.country == "USA"


def test_technology_prosperity_deal_is_one_merged_agree(seed_run) -> None:
    events = seed_run.doc_events(SEED_OCT)
    text = seed_run.documents[SEED_OCT].text
    ev = only([e for e in events if e.agreement and e.agreement.get("name") == "Technology Prosperity Deal"],
              "event for the Technology Prosperity Deal")
    assert ev.event_type == "AGREE"          # "will sign" is a promise: AGREE, not SUPPORT
    assert ev.agreement["kind"] == "memorandum of understanding"
    assert ev.date == "2025-10-29"
    assert ev.date_precision == "day"
    assert ev.location is not None and ev.location.name == "Gyeongju" and ev.location.country == "KOR"
    assert set(ev.topics) == {"artificial_intelligence", "quantum", "biotechnology"}
    assert countries(ev) == {"KOR", "USA"}
    assert_grounded(ev, text)
    # The deal is mentioned four times; all four sentences are evidence of this one event and of no other.
    for phrase in ("will sign an agreement", "to be signed by", "the agreement comes",
                   "The memorandum of understanding"):
        at = text.index(phrase)
        holders = [e for e in events if any(sp.start <= at < sp.end for sp in e.evidence)]
        assert holders == [ev], f"mention {phrase!r} is cited by {[describe(e) for e in holders]}"
    others = [e for e in events if e is not ev and e.agreement
              and e.agreement.get("kind") == "memorandum of understanding"]
    assert others == [], "the memorandum of understanding was split into several events"


def test_agreement_name_is_cited_in_the_evidence(seed_run) -> None:
    ev = only([e for e in seed_run.doc_events(SEED_OCT)
               if e.agreement and e.agreement.get("name") == "Technology Prosperity Deal"],
              "event for the Technology Prosperity Deal")
    assert any("Technology Prosperity Deal" in sp.text for sp in ev.evidence)


def test_lee_altman_meeting_dated_to_the_month(seed_run) -> None:
    ev = only(with_people(seed_run.doc_events(SEED_OCT), "CONSULT", "Lee Jae Myung", "Sam Altman"),
              "CONSULT for the Lee-Altman meeting")
    assert ev.date == "2025-10"
    assert ev.date_precision == "month"
    assert entity(ev, "Sam Altman").country == "USA"
    assert entity(ev, "Lee Jae Myung").country == "KOR"


def test_every_seed_event_is_grounded_and_well_typed(seed_run) -> None:
    assert seed_run.events, "no events from the seed reports"
    for ev in seed_run.events:
        assert ev.evidence, f"event without evidence: {describe(ev)}"
        assert_grounded(ev, seed_run.documents[ev.doc_id].text)
        assert ev.event_type in EVENT_TYPES
        assert ev.aux_mode is None, f"aux_mode {ev.aux_mode!r} on {describe(ev)}"
        assert 0.0 <= ev.confidence <= 1.0
        assert ev.id


def test_no_event_for_north_korean_threats(seed_run) -> None:
    """The report mentions North Korea's threats only as a topic of the talks: no THREATEN, no PRK."""
    assert not [e for e in seed_run.events if e.event_type == "THREATEN"]
    assert not [e for e in seed_run.events if "PRK" in countries(e)]
    text = seed_run.documents[SEED_AUG].text
    at = text.index("North Korea")
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at)) + 1
    end = text.find("\n", at)
    for ev in seed_run.doc_events(SEED_AUG):
        if all(start <= sp.start and sp.end <= end for sp in ev.evidence):
            pytest.fail(f"an event rests only on the North Korea sentence: {describe(ev)}")


def test_referee_scores_the_seeds(seed_run, seeds_gold, seeds_dir, score_script) -> None:
    proc = subprocess.run([sys.executable, str(score_script), "--gold", str(seeds_gold),
                           "--system", str(seed_run.export), "--docs", str(seeds_dir)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("SCORE ")]
    assert line, f"no SCORE line in:\n{proc.stdout}"
    score = dict(kv.split("=", 1) for kv in line[-1].split()[1:])
    assert float(score["full_f1"]) >= 0.85, proc.stdout
    assert float(score["grounded"]) == 1.0, proc.stdout


# ============================================================================ own short articles
def extract(text: str, date: str) -> list[Event]:
    events = pactwatch.extract(text, date=date, doc_id="t")
    for ev in events:
        assert_grounded(ev, text)
        assert ev.event_type in EVENT_TYPES
    return events


FUTURE_VISIT = ("Indian Foreign Minister Ravi Menon will visit Tokyo next week for talks with Japanese "
                "officials on semiconductor supply chains.")


def test_future_visit_is_agree_dated_from_the_article() -> None:
    events = extract(FUTURE_VISIT, "2025-03-10")           # a Monday; next week is 17-23 March
    assert not [e for e in events if e.event_type == "CONSULT"], "a visit that has not happened is not CONSULT"
    ev = only([e for e in events if e.event_type == "AGREE"], "AGREE for the planned visit")
    assert countries(ev) == {"IND", "JPN"}
    assert countries(ev, "actor") == {"IND"}
    assert ev.date is not None, "'next week' resolves against the article date"
    if ev.date_precision == "day":
        assert "2025-03-17" <= ev.date <= "2025-03-23"
    else:
        assert (ev.date, ev.date_precision) == ("2025-03", "month")


def test_future_visit_on_a_weekday_gets_the_day() -> None:
    text = FUTURE_VISIT.replace("next week", "on Thursday")
    ev = only([e for e in extract(text, "2025-03-10") if e.event_type == "AGREE"], "AGREE for the planned visit")
    assert (ev.date, ev.date_precision) == ("2025-03-13", "day")


@pytest.mark.parametrize("text,event_type", [
    (FUTURE_VISIT, "AGREE"),
    ("Indian Foreign Minister Ravi Menon visited Tokyo on Monday for talks with Japanese officials.", "CONSULT"),
], ids=["future-visit", "past-visit"])
def test_visit_is_placed_in_the_visited_city(text: str, event_type: str) -> None:
    ev = only([e for e in extract(text, "2025-03-10") if e.event_type == event_type], event_type)
    assert ev.location is not None
    assert (ev.location.name, ev.location.country) == ("Tokyo", "JPN")


@pytest.mark.parametrize("text", [
    "Brazil did not sign the space cooperation treaty with Argentina on Friday, officials in Brasilia said.",
    "Chile's science minister did not sign the astronomy data agreement with Argentina on Friday, "
    "officials in Santiago said.",
], ids=["country", "minister"])
def test_denied_signing_is_not_a_signing(text: str) -> None:
    events = extract(text, "2025-06-02")
    assert events, "the refusal to sign is an event"
    for ev in events:
        assert not (ev.event_type == "SUPPORT" and ev.aux_mode != "negation"), \
            f"'did not sign' coded as a signing that happened: {describe(ev)}"
    assert any(e.event_type == "REJECT" or e.aux_mode == "negation" for e in events)
    ev = events[0]
    assert "ARG" in countries(ev)


@pytest.mark.parametrize("text", [
    "Washington imposed export controls on Chinese purchases of advanced memory chips on Monday.",
    "The Commerce Department imposed new export controls on China covering high-end graphics chips.",
    pytest.param("The United States on Monday imposed export controls on advanced artificial intelligence "
                 "chips bound for China, the Commerce Department said."),
    pytest.param("The United States imposed export controls on advanced chips sold to China."),
], ids=["on-chinese-purchases", "on-china-covering", "bound-for-china", "sold-to-china"])
def test_export_controls_are_a_sanction_on_the_target(text: str) -> None:
    events = extract(text, "2025-04-15")
    ev = only([e for e in events if e.event_type == "SANCTION"], "SANCTION")
    assert countries(ev, "actor") == {"USA"}
    assert countries(ev, "recipient") == {"CHN"}
    assert "semiconductors" in ev.topics


def test_accusation_is_accuse() -> None:
    text = ("Britain accused Russia on Wednesday of launching cyberattacks against British universities "
            "to steal vaccine research.")
    ev = only(extract(text, "2025-04-17"), "event")
    assert ev.event_type == "ACCUSE"
    assert countries(ev, "actor") == {"GBR"}
    assert countries(ev, "recipient") == {"RUS"}
    assert (ev.date, ev.date_precision) == ("2025-04-16", "day")
    assert "cybersecurity" in ev.topics


@pytest.mark.parametrize("text", [
    "The minister said the economy is strong.",
    "Officials said the weather in the capital was unusually warm for the season.",
], ids=["economy", "weather"])
def test_statement_without_an_event_yields_nothing(text: str) -> None:
    assert extract(text, "2025-04-15") == []


def test_two_meetings_on_different_days_stay_two_events() -> None:
    text = ("French Research Minister Claire Dubois met German Research Minister Jonas Weber in Berlin on "
            "Monday to discuss battery research.\n\nThe two ministers met again in Paris on Thursday to "
            "discuss space cooperation.")
    events = [e for e in extract(text, "2025-05-16") if e.event_type == "CONSULT"]   # a Friday
    assert len(events) == 2, "; ".join(map(describe, events))
    by_date = {e.date: e for e in events}
    assert set(by_date) == {"2025-05-12", "2025-05-15"}
    berlin, paris = by_date["2025-05-12"], by_date["2025-05-15"]
    for ev in events:
        assert countries(ev) == {"FRA", "DEU"}
        assert {norm("Claire Dubois"), norm("Jonas Weber")} <= names(ev)
    assert berlin.location is not None and berlin.location.name == "Berlin"
    assert paris.location is not None and paris.location.name == "Paris"
    assert "space" in paris.topics and "space" not in berlin.topics
    assert berlin.id != paris.id


def test_signing_that_happened_is_support() -> None:
    text = "Kenya and Ethiopia signed a memorandum of understanding on satellite data sharing in Nairobi on Friday."
    ev = only(extract(text, "2024-05-04"), "event")                    # a Saturday
    assert ev.event_type == "SUPPORT"
    assert countries(ev) == {"KEN", "ETH"}
    assert (ev.date, ev.date_precision) == ("2024-05-03", "day")
    assert ev.location is not None and ev.location.name == "Nairobi"
    assert ev.agreement is not None and ev.agreement.get("kind") == "memorandum of understanding"


# ---------------------------------------------------------------------------------------------- background events
def test_the_setting_of_a_proposal_is_a_meeting_of_its_own() -> None:
    text = ("The Chile-Peru fisheries council first met in Lima in June, after Chilean Trade Minister Rosa Ibarra and "
            "Peruvian Trade Minister Hugo Salas proposed it at their talks in Santiago in March.")
    events = extract(text, "2031-09-10")
    talks = [e for e in events if e.event_type == "CONSULT" and e.location and e.location.name == "Santiago"]
    ev = only(talks, "the Santiago talks, told in passing")
    assert ev.date == "2031-03", describe(ev)
    assert {"rosa ibarra", "hugo salas"} <= names(ev)
    lima = only([e for e in events if e.event_type == "CONSULT" and e.location and e.location.name == "Lima"],
                "the council's meeting in Lima")
    assert lima.date == "2031-06"
    assert only([e for e in events if e.event_type == "AGREE"], "the proposal").date == "2031-03"


def test_a_setting_a_stated_span_away_is_dated_by_it() -> None:
    text = ("Chilean Trade Minister Rosa Ibarra met Peruvian Trade Minister Hugo Salas in Lima on Tuesday, "
            "four months after their first talks in Santiago.")
    events = [e for e in extract(text, "2031-07-10") if e.event_type == "CONSULT"]
    first = only([e for e in events if e.location and e.location.name == "Santiago"], "the earlier talks")
    assert first.date == "2031-03", describe(first)
    later = only([e for e in events if e.location and e.location.name == "Lima"], "Tuesday's meeting")
    assert later.date == "2031-07-08"


def test_conjoined_clauses_with_their_own_subjects_are_two_events() -> None:
    text = ("Ibarra held talks with Peruvian Trade Minister Hugo Salas in Santiago in March, and Salas visited "
            "Valparaiso in May.")
    events = [e for e in extract(text, "2031-09-10") if e.event_type == "CONSULT"]
    assert sorted(e.date for e in events) == ["2031-03", "2031-05"], [describe(e) for e in events]


@pytest.mark.parametrize("text,event_type", [
    ("Chile and Peru announced a joint oceanography laboratory in Arica on Monday.", "AGREE"),
    ("Chile and Peru launched a joint oceanography fund in Arica on Monday.", "COOPERATE"),
    ("Chile will open a research office in Lima, the ministry said on Monday.", "AGREE"),
])
def test_things_announced_and_things_set_up(text: str, event_type: str) -> None:
    events = extract(text, "2031-09-10")
    assert [e.event_type for e in events] == [event_type], [describe(e) for e in events]


def test_a_cancelled_visit_is_dated_when_it_was_called_off() -> None:
    text = ("Peru on Monday rejected a Chilean request and called off a planned visit to Lima next month by "
            "Chilean Trade Minister Rosa Ibarra.")
    events = extract(text, "2031-09-09")
    cancel = [e for e in events if e.event_type == "REJECT" and "called off" in e.evidence[0].text]
    ev = only(cancel, "the cancellation, apart from the rejection")
    assert ev.date == "2031-09-08" and countries(ev, "actor") == {"PER"}, describe(ev)


def test_planned_trip_is_a_plan_whatever_the_sentence_says_of_it() -> None:
    text = "The statement did not mention Ibarra's planned trip to Lima in May."
    events = extract(text, "2031-04-02")
    assert [e.event_type for e in events] == ["AGREE"], [describe(e) for e in events]


def test_portfolio_titles_joined_by_and_keep_their_country() -> None:
    text = ("LIMA, April 2 -- The invitation was sent to Chilean Energy and Mining Minister Rosa Ibarra, "
            "Peruvian officials said.")
    res = pactwatch.pipeline.extract_document(pactwatch.model.Document(id="t", text=text, date="2031-04-02"))
    ibarra = [m for m in res.entities if m.entity_name == "Rosa Ibarra"]
    assert ibarra and all(m.country == "CHL" for m in ibarra), [(m.entity_name, m.country) for m in res.entities]
