"""Events real news tells inside other sentences (issue: real-news recall): a body of relations named by
the short name the article defines for it.

Every sentence here is written for these tests; none is taken from a news article.
"""
from __future__ import annotations

import pactwatch

DATE = "2026-03-03"     # a Tuesday


def events(text: str, date: str = DATE):
    return pactwatch.extract(text, date=date, doc_id="t")


def countries(ev) -> set[str]:
    return {e.country for e in ev.actor + ev.recipient if e.country}


def test_a_defined_short_name_of_a_council_launched_by_two_leaders() -> None:
    text = ("The Joint Fisheries Council (JFC) met in Lima on Monday. "
            "The JFC was launched by President Boric of Chile and Prime Minister Store of Norway in 2019.")
    found = [e for e in events(text) if e.event_type == "SUPPORT"]
    assert len(found) == 1 and countries(found[0]) == {"CHL", "NOR"}


def test_the_announced_founding_of_a_council_named_by_its_short_name() -> None:
    text = ("The Joint Fisheries Council (JFC) met in Lima on Monday. "
            "The founding of the JFC was announced by President Boric of Chile and Prime Minister Store of Norway "
            "in Oslo in May 2019.")
    # the founding announced tells the council set up (SUPPORT), as "the JFC was launched" does, so that two
    # reports of one founding have one category
    found = [e for e in events(text) if e.event_type == "SUPPORT"]
    assert len(found) == 1 and countries(found[0]) == {"CHL", "NOR"}


def test_an_undefined_short_name_is_no_council() -> None:
    text = "The JFC was launched by President Boric of Chile and Prime Minister Store of Norway in 2019."
    assert [e.event_type for e in events(text)] == []


def test_a_council_taking_place_next_week_is_a_planned_meeting() -> None:
    text = "Chile and Peru will announce a fisheries plan during a Joint Fisheries Council taking place in Lima next week."
    assert any(e.event_type == "AGREE" and "Council" in (e.trigger or "") for e in events(text))


def test_a_council_that_is_only_named_is_no_meeting() -> None:
    assert [e.event_type for e in events("The Joint Fisheries Council has twelve members.")] == []
