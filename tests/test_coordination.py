"""Several acts told in one sentence or one record: coordinated acts with different verbs are separate events,
and each keeps the evidence of its own clause."""
from __future__ import annotations

import pactwatch


def _coded(text, date="2025-06-04"):
    """Each event as (category, evidence text, participant countries, date)."""
    return [(e.event_type, " | ".join(" ".join(x.text.split()) for x in e.evidence),
             {p.country for p in e.actor + e.recipient}, e.date) for e in pactwatch.extract(text, date=date)]


def test_removal_from_a_list_described_by_a_trailing_participle_is_a_second_measure():
    text = ("In 2021, Chile imposed export controls on two chemicals and formally removed Peru from its list "
            "of countries given preferential treatment in trade.")
    evs = [e for e in _coded(text) if e[0] == "SANCTION"]
    assert len(evs) == 2
    first = next(e for e in evs if "export controls on two chemicals" in e[1])
    second = next(e for e in evs if "removed Peru" in e[1])
    assert "removed" not in first[1]
    assert second[2] == {"CHL", "PER"} and second[3] == "2021"


def test_putting_a_state_back_on_a_list_described_by_a_participle_is_a_concession():
    text = "Kenya put Uganda back on its list of partners given preferential access to its fertiliser exports."
    assert [(e[0], e[2]) for e in _coded(text)] == [("CONCEDE", {"KEN", "UGA"})]
