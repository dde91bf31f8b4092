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
