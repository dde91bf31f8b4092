"""A promise of talks carried out by the negotiations' conclusion (pactwatch.link.build_commitments).

The sentences are written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import record

from pactwatch import link


def status(*records, as_of="2031-09-01") -> dict[str, tuple[str, str | None]]:
    return {c["event_id"]: (c["status"], c["resolved_by"])
            for c in link.build_commitments(list(records), as_of, link.LinkConfig())}


def launch():
    r = record("t1", "AGREE", {"d1": "on his trip to Santiago last year the Norwegian premier and his Chilean "
                                     "host agreed to open negotiations on a salmon farming deal"},
               kind="meeting", date="2030-10", reported="2031-04-03")
    r["why"] = {"date": ["date.setting_of_framed_event"]}
    return r


def test_talks_launched_on_a_date_of_their_own_are_kept_by_their_conclusion_told_in_that_article() -> None:
    done = record("s1", "SUPPORT", {"d1": "the two leaders welcomed the conclusion of a salmon farming agreement"},
                  kind="accord", date=None, reported="2031-04-03")
    assert status(launch(), done)["t1"] == ("fulfilled", "s1")
    made = {c["event_id"]: c["made_on"] for c in link.build_commitments([launch(), done], "2031-09-01",
                                                                         link.LinkConfig())}
    assert made["t1"] == "2030-10"


def test_a_conclusion_by_other_parties_or_a_signing_does_not_keep_them() -> None:
    other = record("s2", "SUPPORT", {"d2": "Norway and Peru completed their negotiations on salmon farming"},
                   kind="accord", date="2031-05-02", countries=("NOR", "PER"))
    signed = record("s3", "SUPPORT", {"d2": "Norway and Chile signed a port safety memorandum"},
                    kind="accord", date="2031-05-02")
    assert status(launch(), other, signed)["t1"] == ("open", None)
