"""A plan recalled in the later article that reports it carried out (pactwatch.link.build_commitments),
on records written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import MOU, record

from pactwatch import link


def status(*records, as_of="2031-12-01") -> dict[str, tuple[str, str | None]]:
    return {c["event_id"]: (c["status"], c["resolved_by"])
            for c in link.build_commitments(list(records), as_of, link.LinkConfig())}


def test_a_signing_reported_done_where_the_plan_is_recalled_fulfils_it() -> None:
    # the plan (d1, March) is recalled in the article (d2, August) that reports the memorandum signed:
    # that article's documents are all the plan's, yet it tells the act as done, on its own day
    plan = record("p1", "AGREE", {"d1": "the envoys said they would put their names to a kelp farming memorandum "
                                        "in Punta Arenas in August",
                                  "d2": "as they had announced in the spring"},
                  kind="accord", agreement=MOU, date="2031-08", reported="2031-03-09", place="Punta Arenas")
    signed = record("s1", "SUPPORT", {"d2": "the envoys put their names to a kelp farming memorandum in Punta "
                                            "Arenas on Monday"},
                    kind="accord", agreement=MOU, date="2031-08-11", reported="2031-08-11", place="Punta Arenas")
    assert status(plan, signed)["p1"] == ("fulfilled", "s1")


def test_the_promise_s_own_article_telling_the_act_ahead_still_does_not_fulfil_it() -> None:
    plan = record("p1", "AGREE", {"d1": "the envoys said they would put their names to a kelp farming memorandum "
                                        "in Punta Arenas in August"},
                  kind="accord", agreement=MOU, date="2031-08", reported="2031-03-09", place="Punta Arenas")
    ahead = record("s1", "SUPPORT", {"d1": "the envoys put their names to a kelp farming memorandum in Punta "
                                           "Arenas on August 11, the ministry's schedule shows"},
                   kind="accord", agreement=MOU, date="2031-08-11", reported="2031-03-09", place="Punta Arenas")
    assert status(plan, ahead, as_of="2031-06-01")["p1"][0] != "fulfilled"
