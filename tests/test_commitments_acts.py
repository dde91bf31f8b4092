"""A promise listing several acts under one verb of intent is a commitment per act
(pactwatch.link.build_commitments). The sentences are written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import record

from pactwatch import link

MOU = {"kind": "memorandum of understanding", "name": None}


def commitments(*records, as_of="2031-09-01") -> list[tuple[str, str, str | None]]:
    return [(c["what"], c["status"], c["resolved_by"])
            for c in link.build_commitments(list(records), as_of, link.LinkConfig())]


def plan():
    return record("p1", "AGREE", {"d1": "the premier plans to set up a joint council on fisheries, sign a "
                                        "memorandum on port safety and host a business round table"},
                  kind="accord", agreement=MOU, date="2031-05-04", reported="2031-05-01")


def test_each_listed_act_is_a_commitment_kept_or_not_on_its_own() -> None:
    council = record("s1", "SUPPORT", {"d2": "Norway and Chile announced the establishment of a joint fisheries "
                                             "council"}, kind="accord", date="2031-05-05")
    assert commitments(plan(), council) == [
        ("the premier plans to set up a joint council on fisheries", "fulfilled", "s1"),
        ("sign a memorandum on port safety", "overdue", None),
        ("host a business round table", "overdue", None)]


def test_the_listed_act_s_words_are_its_own_span_in_the_article() -> None:
    got = {c["what"]: c["evidence"][0] for c in link.build_commitments([plan()], "2031-04-01", link.LinkConfig())}
    text = plan()["evidence"][0]["text"]
    assert all(text[sp["start"]:sp["end"]] == what for what, sp in got.items())
    assert {c["agreement"]["kind"] if c["agreement"] else None
            for c in link.build_commitments([plan()], "2031-04-01", link.LinkConfig())} == {MOU["kind"], None}


def test_one_act_with_a_list_of_things_stays_one_commitment() -> None:
    one = record("p2", "AGREE", {"d1": "the two ministries will strengthen cooperation in fisheries, ports and "
                                       "polar research"}, date="2031-05-04", reported="2031-05-01")
    assert len(commitments(one)) == 1


def test_a_verb_after_an_aside_is_not_a_second_act() -> None:
    loan = record("p3", "AGREE", {"d1": "the grant will help Fiordo Labs, a Chilean start-up, build a pilot "
                                        "hatchery near Puerto Montt"}, date="2031-05-04", reported="2031-05-01")
    assert len(commitments(loan)) == 1


def test_open_starts_an_act_before_a_determiner_only() -> None:
    fund = record("p4", "AGREE", {"d1": "the two ministers also plan to launch a joint fund for polar science and "
                                        "open a research office in Punta Arenas"}, date="2031-05-04",
                  reported="2031-05-01")
    assert [c[0] for c in commitments(fund)] == [
        "the two ministers also plan to launch a joint fund for polar science", "open a research office in Punta Arenas"]
    order = record("p5", "AGREE", {"d1": "the two navies will defend a free and open sea lane in the south"},
                   date="2031-05-04", reported="2031-05-01")
    assert len(commitments(order)) == 1
