"""Merging across an article, round 2: "the first meeting" told of a consultation between a minister and an
EU commissioner is that consultation (a person of the EU stands for the union, a body, when "the two sides"
is read as countries); a third state's leader meeting one of the two sides is another meeting; a headline
and a lead parsed differently are one event; a signing announced for a planned visit is the plan; a
definite noun naming an act just told is that act."""
from __future__ import annotations

import pactwatch


def _of(text, event_type, date="2025-06-04"):
    """The events of one category coded from a text, each with its evidence joined in one string."""
    return [(e, " | ".join(" ".join(x.text.split()) for x in e.evidence))
            for e in pactwatch.extract(text, date=date) if e.event_type == event_type]


def _countries(e):
    return {p.country for p in e.actor + e.recipient}


def test_first_meeting_of_a_consultation_with_an_eu_commissioner_is_that_consultation():
    text = ("Kenya and the European Union will set up a joint forum on green hydrogen to fund pilot plants and "
            "share research.\n\nThe trade ministry announced on Monday that Minister Amina Otieno and "
            "EU Trade Commissioner Pieter Vos struck a deal at an opening trade consultation held in "
            "Nairobi earlier that day. The two sides agreed during the first meeting to draft shared "
            "rules on hydrogen exports.")
    [(ev, said)] = _of(text, "CONSULT")
    assert "the first meeting" in said
    assert _countries(ev) == {"KEN", "EUR"}
    assert all(p.entity_type != "person" or p.entity_name != "European Union" for p in ev.actor + ev.recipient)
