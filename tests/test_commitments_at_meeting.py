"""An act promised at a gathering, dated by that setting, is kept by the meeting of its parties held when
due (pactwatch.link.build_commitments). The sentences are written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import record

from pactwatch import link


def status(*records, as_of="2031-09-01") -> dict[str, tuple[str, str | None]]:
    return {c["event_id"]: (c["status"], c["resolved_by"])
            for c in link.build_commitments(list(records), as_of, link.LinkConfig())}


def plan(rule="date.setting_of_framed_event"):
    r = record("p1", "AGREE", {"d1": "Norway and Chile will unveil a shared roadmap on polar data during the "
                                     "fisheries council taking place in Bergen"},
               date="2031-04-10", reported="2031-04-02")
    r["why"] = {"date": [rule], "aux_mode": ["event_rules.json:future_aux"]}
    return r


def meeting(rid="m1", date="2031-04-11", countries=("NOR", "CHL")):
    return record(rid, "CONSULT", {"d2": "ministers of the two countries met in Bergen for their fisheries "
                                         "council"}, kind="meeting", date=date, countries=countries)


def test_the_meeting_of_its_parties_held_when_due_keeps_the_act_promised_there() -> None:
    assert status(plan(), meeting()) == {"p1": ("fulfilled", "m1")}


def test_a_meeting_days_later_or_with_other_parties_does_not() -> None:
    assert status(plan(), meeting(date="2031-04-16"))["p1"] == ("overdue", None)
    assert status(plan(), meeting(countries=("NOR", "CHL", "ISL")))["p1"] == ("overdue", None)


def test_a_pledge_that_only_inherited_the_article_s_date_is_not_due_then() -> None:
    assert status(plan("date.inherited"), meeting())["p1"] == ("open", None)
