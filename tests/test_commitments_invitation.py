"""The invitation a visit was made at is a commitment that the visit carries out
(pactwatch.link.build_commitments). The sentences are written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import record

from pactwatch import link

TEXT = "the Chilean president is travelling to Norway at the invitation of the Norwegian king, with fisheries on the agenda"


def commitments(*records) -> list[tuple[str, str, str | None, str]]:
    return [(c["id"], c["status"], c["resolved_by"], c["what"])
            for c in link.build_commitments(list(records), "2031-09-01", link.LinkConfig())]


def test_a_visit_under_way_at_an_invitation_fulfils_that_invitation() -> None:
    visit = record("v1", "CONSULT", {"d1": TEXT}, kind="meeting", date="2031-04-02")
    assert commitments(visit) == [("c-v1-invitation", "fulfilled", "v1", "at the invitation of the Norwegian king")]
    got = link.build_commitments([visit], "2031-09-01", link.LinkConfig())[0]["evidence"][0]
    assert TEXT[got["start"]:got["end"]] == "at the invitation of the Norwegian king"


def test_a_visit_still_to_come_is_the_commitment_itself() -> None:
    plan = record("v2", "CONSULT", {"d1": TEXT.replace("is travelling", "will travel")}, kind="meeting",
                  aux="future", date="2031-04-20", reported="2031-04-02")
    assert [c[0] for c in commitments(plan)] == ["c-v2"]


def test_a_visit_made_with_no_invitation_named_is_no_commitment() -> None:
    visit = record("v3", "CONSULT", {"d1": "the Chilean president is travelling to Norway this week"},
                   kind="meeting", date="2031-04-02")
    assert commitments(visit) == []


def test_an_invitation_already_made_a_promise_that_the_visit_keeps_is_not_counted_twice() -> None:
    invite = record("i1", "AGREE", {"d0": "the Norwegian king invited the Chilean president to visit Norway in "
                                          "April"}, kind="meeting", date="2031-04", reported="2031-02-01")
    visit = record("v1", "CONSULT", {"d1": TEXT}, kind="meeting", date="2031-04-02", reported="2031-04-02")
    assert commitments(invite, visit) == [("c-i1", "fulfilled", "v1", invite["evidence"][0]["text"])]
