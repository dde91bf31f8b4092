"""The due date of a promise read in the rest of its clause after the coder's span
(pactwatch.crossdoc.commitments.clause_rest, build_commitments). The sentences are written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import record

from pactwatch import link
from pactwatch.crossdoc.commitments import clause_rest
from pactwatch.model import Sentence

SENTENCE = ("Norway and Chile would each commit to closer fjord monitoring at their joint session this month, "
            "officials said.")


def pledge():
    span = "Norway and Chile would each commit to closer fjord monitoring at"
    r = record("p1", "AGREE", {"d1": span}, date="2031-04-02")
    r["why"] = {"date": ["date.inherited"], "aux_mode": ["modality.reported_would"]}
    return r


def test_the_rest_of_the_clause_after_the_span_stops_at_the_comma() -> None:
    assert clause_rest(pledge(), [Sentence("d1", 0, 0, len(SENTENCE), SENTENCE)]) == "their joint session this month"


def test_a_pledge_for_a_meeting_this_month_is_overdue_after_that_month() -> None:
    got = link.build_commitments([pledge()], "2031-06-01", link.LinkConfig(), {"p1": "their joint session this month"})
    assert [(c["due"], c["status"]) for c in got] == [("2031-04", "overdue")]
    # without the rest of its clause nothing says when it is due
    assert link.build_commitments([pledge()], "2031-06-01", link.LinkConfig())[0]["status"] == "open"


def test_a_time_in_another_clause_after_the_span_is_not_its_due_date() -> None:
    text = ("Norway and Chile would each commit to closer fjord monitoring at the polar forum since "
            "they clashed over fishing quotas this spring.")
    assert clause_rest(pledge(), [Sentence("d1", 0, 0, len(text), text)]) == "the polar forum"
