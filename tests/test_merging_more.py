"""Merging across an article: a participle describing "the event" already told; a later session of a named
multilateral meeting naming more of its attendees; a headline withdrawal told in the lead as a decision to
withdraw. Talks between other parties on the sidelines of a summit and two meetings on different days stay separate."""
from __future__ import annotations

import pactwatch


def _events(text, date="2025-06-04"):
    return pactwatch.extract(text, date=date)


def _types(text, date="2025-06-04"):
    return [e.event_type for e in _events(text, date)]


def test_participle_describing_the_event_refers_back():
    text = ("Ministers attended the Nairobi Water Forum on Tuesday to discuss drought relief. "
            "Hosted by Kenya and Norway amid a worsening regional drought, the forum drew several donors.")
    assert _types(text).count("CONSULT") == 1


def test_later_session_with_more_attendees_is_the_named_meeting():
    text = ("Ministers from Chile and Portugal attended the Valparaiso Fisheries Summit on Monday. "
            "Officials called the talks constructive. "
            "Monday's session was attended by ministers from Peru, Ecuador and Namibia.")
    assert _types(text).count("CONSULT") == 1


def test_headline_withdrawal_and_lead_decision_to_withdraw_are_one():
    text = ("Brazil withdraws trade complaint against Argentina\n\n"
            "Brazil decided on Wednesday to withdraw its case against Argentine import licences at the global "
            "trade body, officials in Brasilia said.\n\n"
            "The two neighbours will hold further talks next month.")
    types = _types(text)
    assert types.count("CONCEDE") + types.count("RETREAT") == 1


def test_talks_between_other_parties_on_the_sidelines_stay_separate():
    text = ("Leaders from Ghana and Senegal attended the Accra Trade Summit on Thursday. "
            "The talks between Togo, Benin and Niger on the sidelines lasted an hour.")
    assert _types(text).count("CONSULT") == 2


def test_two_meetings_on_different_days_stay_separate():
    text = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on 3 March 2025. "
            "Ruto met Hassan again in Mombasa on 9 April 2025.")
    assert _types(text).count("CONSULT") == 2
