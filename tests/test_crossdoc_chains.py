"""Chains of reports that no pair of them rules out, where the whole would be one event of years: records
written for these tests, not taken from any article."""
from __future__ import annotations

from pactwatch import link
from pactwatch.crossdoc.forest import _Matcher
from pactwatch.crossdoc.splits import _split
from pactwatch.model import Event

CFG = link.LinkConfig()


def state(code: str) -> dict:
    return {"raw_text": code, "entity_name": code, "country": code, "entity_type": "country"}


def report(i: str, doc: str, text: str, *, date=None, date_text=None) -> Event:
    e = Event.from_dict({"id": i, "doc_id": doc, "event_type": "COOPERATE", "kind": None, "mode": [],
                         "actor": [state("NOR")], "recipient": [state("CHL")], "date": date, "date_text": date_text,
                         "why": {}, "location": None, "agreement": None,
                         "evidence": [{"doc_id": doc, "start": 0, "end": len(text), "text": text}]})
    e.trigger = "launched"
    return e


TEXT = "Norway and Chile launched a joint programme on ocean carbon research"


def test_acts_dated_to_two_years_are_two_events() -> None:
    # "in 2031" and "in 2032" touch at the new year: no window of days joins two years, or two months
    days = {"d1": "2032-02-01", "d2": "2032-02-03"}
    one = report("a", "d1", TEXT, date="2031", date_text="in 2031")
    two = report("b", "d2", TEXT, date="2032", date_text="in 2032")
    assert link.same_event(one, two, days, CFG) is None
    assert link._facts_conflict(one, two, CFG, days)
    same = report("c", "d2", TEXT, date="2031", date_text="last year")
    assert link.same_event(one, same, days, CFG) is not None
    march = report("m", "d1", TEXT, date="2031-03", date_text="in March")
    april = report("p", "d2", TEXT, date="2031-04", date_text="in April")
    assert link.same_event(march, april, days, CFG) is None
    # a day and the next day are still one event (a day told differently)
    assert link.same_event(report("x", "d1", TEXT, date="2031-03-31", date_text="Monday"),
                           report("y", "d2", TEXT, date="2031-04-01", date_text="Tuesday"), days, CFG) is not None


def test_a_chain_of_background_mentions_is_not_one_event_of_years() -> None:
    # three articles about 200 days apart mention the act with no date of their own: each is within the
    # background window of the next, but the first and the last are further apart than it
    days = {"d1": "2031-01-10", "d2": "2031-08-01", "d3": "2032-02-20"}
    a, b, c = (report(i, d, TEXT) for i, d in (("a", "d1"), ("b", "d2"), ("c", "d3")))
    assert link.same_event(a, b, days, CFG) is not None
    assert link.same_event(b, c, days, CFG) is not None
    assert link.same_event(a, c, days, CFG) is None
    assert link._facts_conflict(a, c, CFG, days)
    assert not link._facts_conflict(a, b, CFG, days)
    parts = _split([a, b, c], _Matcher(days, CFG), CFG)
    assert len(parts) == 2 and not any({"a", "c"} <= set(p) for p in parts)
