"""Classes of error found on our own wire-style check set (bench/wire_check2), each fixed by a generic rule and
tested here on sentences written for these tests."""
from __future__ import annotations

import pactwatch


def types(text: str, date: str = "2025-05-01") -> list[str]:
    return [e.event_type for e in pactwatch.extract(text, date=date, doc_id="t")]


def test_a_complaint_or_threat_with_no_party_named_is_not_written() -> None:
    # partner_types: verbal conflict with neither an actor nor a target is a remark, not an event
    assert types("Investors complained that the new permit rule was slowing their projects.") == []
    assert "THREATEN" not in types("Attacks like this threaten our national security, the minister said.")
    # with a party it is an event
    assert types("Chile complained to Peru about the new permit rule on Monday.") == ["ACCUSE"]
