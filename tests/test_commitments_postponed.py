"""A report that puts a promised act off withdraws the promise and leaves the agreement to be signed
(pactwatch.link.build_commitments, build_agreements). The sentences are written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import record, stages

from pactwatch import link

MEMO = {"kind": "memorandum of understanding", "name": None}


def status(*records, as_of="2031-09-01") -> dict[str, tuple[str, str | None]]:
    return {c["event_id"]: (c["status"], c["resolved_by"])
            for c in link.build_commitments(list(records), as_of, link.LinkConfig())}


def plan():
    return record("p1", "AGREE", {"d1": "Ghana and Kenya will sign a memorandum on fintech cooperation in June"},
                  kind="accord", agreement=MEMO, date="2031-06", reported="2031-05-04", countries=("GHA", "KEN"))


def test_a_signing_put_off_withdraws_the_promise_even_when_coded_as_a_signing() -> None:
    delayed = record("x1", "SUPPORT", {"d2": "Ghana has delayed the signing of a fintech memorandum with Kenya"},
                     kind="accord", agreement=MEMO, date="2031-06-20", countries=("GHA", "KEN"))
    assert status(plan(), delayed)["p1"] == ("withdrawn", "x1")
    assert stages(delayed) == [("to_be_signed", ["d2"])]


def test_a_signing_done_after_a_delay_fulfils_it() -> None:
    done = record("s1", "SUPPORT", {"d2": "after months of delays Ghana and Kenya signed a fintech memorandum"},
                  kind="accord", agreement=MEMO, date="2031-06-20", countries=("GHA", "KEN"))
    assert status(plan(), done)["p1"] == ("fulfilled", "s1")


def test_a_meeting_held_after_it_was_put_off_fulfils_its_plan() -> None:
    talks = record("p2", "AGREE", {"d1": "Ghana and Kenya will hold talks on fintech rules in Accra in June"},
                   kind="meeting", date="2031-06", reported="2031-05-04", countries=("GHA", "KEN"), place="Accra")
    held = record("h1", "CONSULT", {"d2": "the talks on fintech rules, postponed twice, were held in Accra on "
                                          "Monday"}, kind="meeting", date="2031-06-23", countries=("GHA", "KEN"),
                  place="Accra")
    assert status(talks, held)["p2"] == ("fulfilled", "h1")
