"""Merging across an article: an accord told again by a definite noun with no party of its own ("the pair
inked the deal"), and the signing of an accord referred back to ("witnessed the signing of the treaty")."""
from __future__ import annotations

import pactwatch


def _events(text, date="2025-06-20"):
    return pactwatch.extract(text, date=date)


def test_definite_deal_without_parties_is_the_earlier_signing():
    text = ("Chilean President Gabriel Boric on Thursday signed a lithium supply agreement with Korean President "
            "Lee Jae-myung. The pair inked the deal at a trade fair in Osaka, Japan, officials said.")
    sup = [e for e in _events(text) if e.event_type == "SUPPORT"]
    assert len(sup) == 1
    assert "JPN" not in {p.country for p in sup[0].actor + sup[0].recipient}


def test_signing_referred_back_is_one_event():
    text = ("Peru and Ecuador signed a border fisheries treaty on Monday. "
            "Peruvian Foreign Minister Elmer Schialer witnessed the signing of the treaty in Lima.")
    assert [e.event_type for e in _events(text)].count("SUPPORT") == 1


def test_two_signings_with_their_own_parties_stay_two():
    text = ("Peru signed a fisheries treaty with Ecuador on Monday. "
            "On Friday Colombia signed a port agreement with Panama.")
    assert [e.event_type for e in _events(text)].count("SUPPORT") == 2
