"""The cross-document layer: one record per real-world event, commitments, agreements, actors.

The articles below are written for these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from articles import store_of
from pactwatch import link
from pactwatch.pipeline import ingest_paths
from pactwatch.io.store import Store

ARTICLES = {
    # a meeting, reported by two outlets the same day in different words
    "a1_wire": " date 2027-03-02 OTTAWA, March 2 -- Canadian Science Minister Paul Leduc met Japanese Science "
               "Minister Aiko Tanaka in Ottawa on Tuesday to discuss cooperation on quantum computing. "
               "Leduc said Canada will send a delegation of quantum researchers to Tokyo next month.",
    "a2_copy": " date 2027-03-02 OTTAWA, March 2 -- Japanese Science Minister Aiko Tanaka held talks with "
               "Canadian Science Minister Paul Leduc in Ottawa on Tuesday on quantum computing research.",
    # the same two ministers meet again, another day and city: a different event
    "a3_again": " date 2027-05-20 TOKYO, May 20 -- Japanese Science Minister Aiko Tanaka met Canadian Science "
                "Minister Paul Leduc in Tokyo on Thursday to review their quantum programme.",
    # a promise to sign, then the signing; then a plan that is called off; and an unkept deadline
    "b1_promise": " date 2027-01-12 NEW DELHI, Jan. 12 -- France and India will sign a memorandum of "
                  "understanding on space research in Paris next month, the Indian science ministry said on "
                  "Tuesday. The two countries also agreed to open a joint solar research laboratory in "
                  "Bengaluru by the end of April.",
    "b2_signed": " date 2027-02-16 PARIS, Feb. 16 -- France and India signed a memorandum of understanding on "
                 "space research in Paris on Tuesday, the French research ministry said.",
    "b3_lab": " date 2027-03-10 NEW DELHI, March 10 -- India and France plan to build a joint quantum sensing "
              "laboratory in Pune, officials said on Wednesday.",
    "b4_cancel": " date 2027-06-01 NEW DELHI, June 1 -- India and France cancelled plans for the joint quantum "
                 "sensing laboratory in Pune on Tuesday because of budget cuts, officials said.",
    # a pledged fund; a laboratory launched later is not the fund; the fund launched later is
    "c1_pledge": " date 2027-02-01 SANTIAGO, Feb. 1 -- Chile will contribute 10 million dollars to a new joint "
                 "research fund on lithium with Peru, Chilean Trade Minister Rosa Ibarra said on Monday.",
    "c2_lab": " date 2027-04-06 SANTIAGO, April 6 -- Chile and Peru launched a joint lithium research laboratory "
              "in Antofagasta on Tuesday.",
    "c3_fund": " date 2027-06-08 SANTIAGO, June 8 -- Chile launched the joint research fund on lithium with Peru "
               "on Tuesday, Chilean Trade Minister Rosa Ibarra said.",
}


def write(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in names:
        (folder / f"{n}.txt").write_text(ARTICLES[n], encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> Store:
    d = tmp_path_factory.mktemp("link")
    store = Store(str(d / "all.db"))
    ingest_paths([str(write(d / "docs", ARTICLES))], store)
    return store


def canonical(store: Store, event_type: str) -> list[dict]:
    return [r for r in link.canonical_events(store) if r["event_type"] == event_type]


def test_two_reports_of_one_meeting_are_one_canonical_event(linked) -> None:
    ottawa = [r for r in canonical(linked, "CONSULT") if r["location"] and r["location"]["name"] == "Ottawa"]
    assert len(ottawa) == 1
    r = ottawa[0]
    assert r["documents"] == ["a1_wire", "a2_copy"] and r["n_documents"] == 2
    assert r["date"] == "2027-03-02"
    assert len(r["evidence"]) >= 2
    why = r["merge_reasons"][0]
    assert why["same_type"] == "CONSULT" and set(why["shared_countries"]) == {"CAN", "JPN"}
    assert why["same_place"] == "Ottawa" and why["date_gap_days"] == 0


def test_the_same_people_meeting_again_is_another_event(linked) -> None:
    meetings = canonical(linked, "CONSULT")
    places = sorted(r["location"]["name"] for r in meetings if r["location"])
    assert places == ["Ottawa", "Tokyo"]


def test_promise_and_signing_stay_two_events_and_are_linked(linked) -> None:
    promise = [r for r in canonical(linked, "AGREE") if r["agreement"] and "b1_promise" in r["documents"]]
    signing = [r for r in canonical(linked, "SUPPORT") if "b2_signed" in r["documents"]]
    assert len(promise) == 1 and len(signing) == 1 and promise[0]["id"] != signing[0]["id"]
    c = next(c for c in linked.derived("commitment") if c["event_id"] == promise[0]["id"])
    assert c["status"] == "fulfilled" and c["resolved_by"] == signing[0]["id"]
    assert c["resolved_on"] == "2027-02-16"


def test_a_cancelled_plan_is_withdrawn(linked) -> None:
    plan = next(c for c in linked.derived("commitment") if "b3_lab" in c["documents"])
    assert plan["status"] == "withdrawn"
    assert any(sp["doc_id"] == "b4_cancel" for sp in plan["resolved_evidence"])


def test_a_missed_deadline_is_overdue(linked) -> None:
    lab = next(c for c in linked.derived("commitment") if "Bengaluru" in c["what"])
    assert lab["due"] == "2027-04" and lab["status"] == "overdue" and lab["as_of"] == "2027-06-08"


def test_a_promise_is_kept_by_what_it_promised(linked) -> None:
    fund = next(c for c in linked.derived("commitment") if "c1_pledge" in c["documents"])
    assert fund["status"] == "fulfilled", fund["status_reason"]
    assert [sp["doc_id"] for sp in fund["resolved_evidence"]] == ["c3_fund"], "a laboratory is not the fund"


def test_agreement_lifecycle(linked) -> None:
    ags = [a for a in linked.derived("agreement") if a["kind"] == "memorandum of understanding"]
    assert len(ags) == 1
    stages = [(s["stage"], s["date"]) for s in ags[0]["stages"]]
    assert stages[0][0] == "to_be_signed" and ("signed", "2027-02-16") in stages
    assert ags[0]["status"] == "signed" and set(ags[0]["parties"]) == {"FRA", "IND"}


def test_actor_registry_keeps_roles_with_dates(linked) -> None:
    tanaka = next(r for r in link.actor_registry(linked, "Tanaka"))
    assert tanaka["countries"] == ["JPN"] and tanaka["entity_type"] == "person"
    assert len(tanaka["documents"]) == 3
    assert tanaka["roles"] and sorted(tanaka["roles"][0]["dates"])[0] == "2027-03-02"


def test_timeline_for_a_pair(linked) -> None:
    rows = link.timeline(linked, "IND", "FRA")
    dates = [r["date"] or r["first_reported"] for r in rows]
    assert dates == sorted(dates) and len(rows) >= 3
    assert all(r["evidence"] and r["documents"] for r in rows)


def test_a_pairs_events_are_read_through_the_index(linked) -> None:
    """The timeline's events of a pair: those with a participant of each country, read by one query."""
    both = set(linked.events_by_country("IND")) & set(linked.events_by_country("FRA"))
    assert both and set(linked.events_by_pair("IND", "FRA")) == both
    assert linked.events_by_pair("IND", "XXX") == []


def snapshot(store: Store):
    clusters = store.clusters()
    canon = {frozenset(i for i, c in clusters.items() if c == k) for k in set(clusters.values())}
    strip = lambda rs: sorted(({k: v for k, v in r.items() if k not in ("as_of",)} for r in rs), key=lambda r: r["id"])
    return canon, strip(store.derived("commitment")), strip(store.derived("agreement")), \
        sorted((a, b) for a, b, _ in store.links())


def test_incremental_updates_equal_a_rebuild(tmp_path) -> None:
    names = sorted(ARTICLES)
    inc = Store(str(tmp_path / "inc.db"))
    # three batches, out of date order
    for batch in (names[4:], names[:2], names[2:4]):
        ingest_paths([str(write(tmp_path / f"in{batch[0]}", batch))], inc)
    full = Store(str(tmp_path / "full.db"))
    ingest_paths([str(write(tmp_path / "all", names))], full, link=False)
    link.rebuild(full)
    assert snapshot(inc) == snapshot(full)


def test_a_changed_document_relinks(tmp_path) -> None:
    store = Store(str(tmp_path / "c.db"))
    d = write(tmp_path / "docs", ["a1_wire", "a2_copy"])
    ingest_paths([str(d)], store)
    assert len({c for c in store.clusters().values()}) < len(store.event_ids())
    # the copy now reports a meeting in another city on another day: no longer the same event
    (d / "a2_copy.txt").write_text(ARTICLES["a3_again"], encoding="utf-8")
    ingest_paths([str(d)], store)
    rebuilt = Store(str(tmp_path / "r.db"))
    ingest_paths([str(d)], rebuilt, link=False)
    link.rebuild(rebuilt)
    assert snapshot(store)[0] == snapshot(rebuilt)[0]


ROLE_ARTICLES = {
    "r1_aug": " date 2027-08-05 LIMA, Aug. 5 -- Peruvian Science Minister Hugo Salas met Chilean Science Minister "
              "Rosa Ibarra in Lima on Thursday to discuss lithium research.",
    "r2_oct": " date 2027-10-20 SANTIAGO, Oct. 20 -- Peruvian Deputy Prime Minister Hugo Salas met Chilean Science "
              "Minister Rosa Ibarra in Santiago on Wednesday to discuss a joint research fund.",
    "r3_nov": " date 2027-11-10 LIMA, Nov. 10 -- Salas met Chilean Science Minister Rosa Ibarra in Cusco on "
              "Wednesday to review the lithium research programme, Hugo Salas told reporters.",
}


def test_the_latest_role_codes_the_actor_unless_the_report_is_older(tmp_path) -> None:
    store = store_of(tmp_path, db="roles.db", **ROLE_ARTICLES)
    reg = next(r for r in link.actor_registry(store, "Salas") if r["entity_name"] == "Hugo Salas")
    assert {x["role"] for x in reg["roles"]} >= {"Minister of Science", "Deputy Prime Minister"}, reg["roles"]

    def role_in(doc: str) -> str:
        r = next(r for r in canonical(store, "CONSULT") if r["documents"] == [doc])
        return next(x["role"] for x in r["actor"] + r["recipient"] if x["entity_name"] == "Hugo Salas")

    assert role_in("r1_aug") == "Minister of Science", "a report older than the new role keeps the old one"
    assert role_in("r2_oct") == "Deputy Prime Minister"
    assert role_in("r3_nov") == "Deputy Prime Minister", "an untitled later mention takes the latest role"


def test_the_kind_is_the_coder_s_class_where_it_names_one() -> None:
    from pactwatch.model import Event
    called_off = Event.from_dict({"id": "k1", "doc_id": "d1", "event_type": "REJECT", "kind": "meeting",
                                  "trigger": "scrapped", "evidence": []})
    assert link._kind(called_off) == "meeting"          # "scrapped the trip": the coder saw the trip
    called_off.kind = "event"
    assert link._kind(called_off) == "other"
    # a promise the coder classed as a plain event still tells a meeting by its words ("plan to meet")
    plan = Event.from_dict({"id": "k2", "doc_id": "d1", "event_type": "AGREE", "kind": "event",
                            "trigger": "plan", "evidence": [{"doc_id": "d1", "start": 0, "end": 30,
                                                             "text": "the two envoys plan to meet in Lima"}]})
    assert link._kind(plan) == "meeting"


def test_a_canonical_event_takes_a_date_the_article_s_flow_gave_only_when_none_is_stated() -> None:
    from pactwatch.model import Event

    def report(i, doc, date, rule):
        return Event.from_dict({"id": i, "doc_id": doc, "event_type": "CONSULT", "kind": "meeting",
                                "date": date, "why": {"date": [rule]}, "evidence": []})
    days = {"d1": "2031-04-02", "d2": "2031-04-05"}
    flow = report("e1", "d1", "2031-04-02", "date.inherited")
    setting = report("e2", "d2", "2031-04-03", "date.from_setting")
    assert link._canonical("c", [flow, setting], days, [])["date"] == "2031-04-03"
    # of two dates the flow gave, one more than its report's own day
    ahead = report("e3", "d2", "2031-04-09", "date.lead_from_next_sentence")
    assert link._canonical("c", [flow, ahead], days, [])["date"] == "2031-04-09"
    assert link._canonical("c", [flow], days, [])["date"] == "2031-04-02"


def test_a_visit_and_the_summit_held_during_it_are_two_events() -> None:
    from pactwatch.model import Event

    def report(i, doc, trigger, text):
        side = lambda c: [{"raw_text": c, "entity_name": c, "country": c, "entity_type": "country"}]
        guest = {"raw_text": "Ostrom", "entity_name": "Ostrom", "country": "NOR", "entity_type": "person"}
        e = Event.from_dict({"id": i, "doc_id": doc, "event_type": "CONSULT", "kind": "meeting",
                             "actor": side("NOR") + [guest], "recipient": side("CHL"),
                             "evidence": [{"doc_id": doc, "start": 0, "end": len(text), "text": text}]})
        e.trigger = trigger
        return e
    days = {"d1": "2031-04-02", "d2": "2031-04-03"}
    cfg = link.LinkConfig()
    visit = report("v1", "d1", "visit", "Ostrom is on a three-day state visit to Chile")
    again = report("v2", "d2", "visit", "during Ostrom's state visit to Chile")
    summit = report("s1", "d2", "summit", "Ostrom and his hosts held a summit in the capital")
    assert link.same_event(visit, again, days, cfg) is not None
    assert link.same_event(visit, summit, days, cfg) is None
    assert link._facts_conflict(visit, summit, cfg, days)
    # the verb of a journey is one too; a word of neither kind may go with either
    trip = report("t1", "d1", "traveling", "Ostrom is traveling to Chile")
    assert link._facts_conflict(trip, summit, cfg, days)
    assert not link._facts_conflict(report("h1", "d1", "hosted", "Chile hosted Ostrom"), summit, cfg, days)
