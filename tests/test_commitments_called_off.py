"""A planned meeting withdrawn by a cancellation told in its own article (pactwatch.link.build_commitments).

The sentences are written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import record

from pactwatch import link


def status(*records, as_of="2031-09-01") -> dict[str, tuple[str, str | None]]:
    return {c["event_id"]: (c["status"], c["resolved_by"])
            for c in link.build_commitments(list(records), as_of, link.LinkConfig())}


def test_a_summit_the_leaders_were_due_at_is_withdrawn_by_its_postponement_in_that_article() -> None:
    plan = record("p1", "AGREE", {"d1": "the Chilean president had been due to join the premier at the June 9 "
                                        "summit"},
                  kind="meeting", date="2031-06-09", reported="2031-06-02", countries=("NOR",))
    off = record("x1", "REJECT", {"d1": "a summit of the Arctic states planned in Tromso next week will be postponed"},
                 date="2031-06", reported="2031-06-02", countries=("ISL",), place="Tromso")
    assert status(plan, off)["p1"] == ("withdrawn", "x1")


def test_the_meeting_told_as_the_replacement_is_not_withdrawn() -> None:
    instead = record("p2", "AGREE", {"d1": "the leaders will instead meet at the June 9 summit of the Nordic council"},
                     kind="meeting", date="2031-06-09", reported="2031-06-02", countries=("NOR",))
    off = record("x1", "REJECT", {"d1": "a summit of the Arctic states planned next week will be postponed"},
                 date="2031-06", reported="2031-06-02", countries=("ISL",))
    assert status(instead, off)["p2"] == ("overdue", None)


def test_a_cancelled_trip_in_the_same_article_does_not_withdraw_a_summit() -> None:
    plan = record("p1", "AGREE", {"d1": "the premier had been due at the June 9 summit"},
                  kind="meeting", date="2031-06-09", reported="2031-06-02", countries=("NOR",))
    trip = record("x2", "REJECT", {"d1": "the premier cancelled a trip to Reykjavik on the same tour"},
                  date="2031-06", reported="2031-06-02", countries=("NOR",))
    assert status(plan, trip)["p1"] == ("overdue", None)


def test_a_visit_named_beside_its_cancellation_is_not_withdrawn_by_shared_words_alone() -> None:
    visit = record("p3", "CONSULT", {"d1": "the envoy's visit"}, kind="meeting", aux="future", date=None,
                   reported="2031-06-02", countries=("NOR",))
    off = record("x3", "REJECT", {"d1": "Oslo called off the envoy's visit, the ministry said"},
                 date="2031-06-02", reported="2031-06-02", countries=("NOR",))
    assert status(visit, off)["p3"] == ("open", None)
