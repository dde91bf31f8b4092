"""Agreement stages read from the words of a report (pactwatch.link.build_agreements).

The sentences are written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import record, stages

DEAL = {"kind": "agreement", "name": None}


def test_the_conclusion_of_an_agreement_named_as_a_noun_waits_for_the_signing() -> None:
    r = record("e1", "SUPPORT", {"d1": "the two premiers hailed the conclusion of a long-awaited polar fisheries "
                                       "agreement, which will open new grounds to both fleets"}, agreement=DEAL)
    assert stages(r) == [("to_be_signed", ["d1"])]


def test_a_concluded_agreement_also_told_signed_is_signed() -> None:
    r = record("e1", "SUPPORT", {"d1": "after the completion of the fisheries treaty the ministers signed it "
                                       "in Valparaiso"}, agreement=DEAL)
    assert stages(r) == [("signed", ["d1"])]


def test_what_the_parties_will_do_under_an_agreement_tells_it_settled_but_not_signed() -> None:
    r = record("e1", "AGREE", {"d1": "Under the polar data accord, the two agencies will pool their satellite "
                                     "imagery and train each other's analysts"},
               agreement={"kind": "accord", "name": None})
    assert stages(r) == [("to_be_signed", ["d1"])]
    signed = record("e2", "AGREE", {"d1": "Under the polar data accord signed on Monday, the two agencies will "
                                          "pool their satellite imagery"}, agreement={"kind": "accord", "name": None})
    assert stages(signed) == [("signed", ["d1"])]
    plain = record("e3", "AGREE", {"d1": "the two agencies will pool their satellite imagery in a new accord"},
                   agreement={"kind": "accord", "name": None})
    assert stages(plain) == [("proposed", ["d1"])]


def test_talks_on_an_agreement_put_it_under_negotiation_unless_it_was_signed_before() -> None:
    talks = record("t1", "AGREE", {"d1": "the premier agreed to open negotiations with Chile on a salmon farming "
                                         "agreement"}, kind="meeting")
    assert stages(talks) == [("negotiating", ["d1"])]
    review = record("t2", "CONSULT", {"d1": "the ministers will meet in Oslo to resume talks on the salmon "
                                            "farming agreement the two countries signed in March"}, kind="meeting",
                    aux="future")
    assert stages(review) == []


def test_the_agreement_the_talks_are_on_may_follow_the_coder_s_span() -> None:
    from pactwatch.crossdoc.agreements import build_agreements
    talks = record("t1", "AGREE", {"d1": "the premier agreed to open negotiations with Chile on"}, kind="meeting")
    assert [(s["stage"], s["documents"]) for a in build_agreements([talks], {"t1": "a salmon farming agreement"})
            for s in a["stages"]] == [("negotiating", ["d1"])]
    assert stages(talks) == []


def test_the_agreement_a_plan_is_for_put_before_it_is_proposed() -> None:
    from pactwatch.crossdoc.agreements import build_agreements
    from pactwatch.crossdoc.commitments import clause_purpose
    from pactwatch.model import Sentence
    text = "The ministry said that to build a polar research alliance, the premier plans to open a lab in Punta Arenas."
    span = "the premier plans to open a lab in Punta Arenas"
    plan = record("p1", "AGREE", {"d1": span})
    plan["evidence"][0].update(start=text.index(span), end=text.index(span) + len(span))
    purpose = clause_purpose(plan, [Sentence("d1", 0, 0, len(text), text)])
    assert purpose["text"] == "to build a polar research alliance"
    assert text[purpose["start"]:purpose["end"]] == purpose["text"]
    got = [(a["kind"], s["stage"]) for a in build_agreements([plan], {}, {"p1": purpose}) for s in a["stages"]]
    assert got == [("alliance", "proposed")]
    known = dict(purpose, text="to deepen the research alliance")
    assert build_agreements([plan], {}, {"p1": known}) == []


def test_negotiations_launched_on_an_agreement_are_not_its_launch() -> None:
    r = record("e1", "AGREE", {"d1": "Norway and Chile launched negotiations on a salmon farming agreement in "
                                     "March"}, agreement=DEAL)
    assert stages(r) == [("negotiating", ["d1"])]
    launched = record("e2", "SUPPORT", {"d1": "Norway and Chile launched a salmon farming partnership in March"},
                      agreement={"kind": "partnership", "name": None})
    assert stages(launched) == [("signed", ["d1"])]
