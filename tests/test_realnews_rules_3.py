"""Events real news tells inside other sentences (issue: real-news recall): a promise stated again
("renewed a commitment to ...", "reiterated its pledge to ...") is a promise (AGREE), when it says what
is promised or to which country; a commitment to a region or an order alone is no event.

Every sentence here is written for these tests; none is taken from a news article.
"""
from __future__ import annotations

from test_realnews_rules_2 import countries, events


def test_a_renewed_commitment_with_an_infinitive_is_a_promise() -> None:
    text = "Chile and Norway have renewed a commitment to widen their salmon farming links."
    found = events(text)
    assert [e.event_type for e in found] == ["AGREE"]
    assert countries(found[0]) == {"CHL", "NOR"}


def test_a_reiterated_commitment_with_a_gerund_is_a_promise() -> None:
    text = "Ghana and Kenya reiterated their commitment to expanding rail freight between their capitals."
    found = events(text)
    assert [e.event_type for e in found] == ["AGREE"]
    assert countries(found[0]) == {"GHA", "KEN"}


def test_a_restated_pledge_to_a_country_names_it_as_recipient() -> None:
    text = "Portugal restated its pledge to Angola to finance two water plants."
    found = [e for e in events(text) if e.event_type == "AGREE"]
    assert len(found) == 1
    assert {e.country for e in found[0].actor} == {"PRT"}
    assert {e.country for e in found[0].recipient} == {"AGO"}


def test_a_commitment_to_a_region_alone_is_no_event() -> None:
    text = "Ghana and Kenya reiterated their commitment to the wider Sahel region."
    assert [e.event_type for e in events(text)] == []
