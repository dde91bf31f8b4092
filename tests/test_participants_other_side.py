"""The other side of an event, when the sentence implies it: a concession asked of the counterpart, a
companion named by a participle, a unit that belongs to the state named before it.

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch


def _by_type(text: str, typ: str, date: str = "2024-03-11"):
    events = [e for e in pactwatch.extract(text, date=date, doc_id="t") if e.event_type == typ]
    assert len(events) == 1, [(e.event_type, e.evidence[0].text) for e in events]
    return events[0]


def _codes(ents) -> list[str]:
    return sorted({e.country for e in ents if e.country})


def _sides(text: str, typ: str, actor: str, recipient: str, rule: str | None = None, date: str = "2024-03-11"):
    """The one event of this category has these actor and recipient countries (and the recipient's rule)."""
    ev = _by_type(text, typ, date=date)
    assert (_codes(ev.actor), _codes(ev.recipient)) == ([actor], [recipient])
    if rule is not None:
        assert rule in ev.why["recipient"]
    return ev


def test_request_for_a_concession_is_made_of_the_counterpart() -> None:
    text = ("Chile and Peru held trade talks in Lima on Monday. The quarrel began when Peru lodged its complaint "
            "with the trade body in May. Chile has since requested that the case be withdrawn ahead of any "
            "easing of tariffs.")
    _sides(text, "REQUEST", "CHL", "PER", "participants.requested_concession_counterpart")


def test_participle_naming_a_companion_gives_the_other_side() -> None:
    text = ("The minister said the Canadian Coast Guard will patrol the strait next spring, sailing alongside "
            "the Philippine navy.")
    _sides(text, "AGREE", "CAN", "PHL")


def test_unit_named_after_its_state_belongs_to_that_state() -> None:
    text = ("Officials confirmed that the UK Carrier Escort Group will deploy to the Pacific in 2026, working "
            "alongside the Norwegian Coast Guard.")
    ev = _sides(text, "AGREE", "GBR", "NOR")
    assert all(e.country for e in ev.actor), [(e.entity_name, e.country) for e in ev.actor]


def test_trip_called_off_counts_the_host_of_the_trip() -> None:
    text = "Chancellor Olaf Scholz cancelled a trip to Osaka planned for the end of the month, his office said."
    _sides(text, "REJECT", "DEU", "JPN", "record.called_off_meeting_host", date="2023-06-02")


def test_proposal_made_in_a_speech_to_an_international_body_is_addressed_to_it() -> None:
    text = ("The forum stems from Brazilian President Luiz Inacio Lula da Silva's proposal last March, in his "
            "address to the UN General Assembly, to host a global summit on ocean data.")
    _sides(text, "AGREE", "BRA", "UNO", "participants.addressed_body", date="2024-05-02")


def test_body_a_complaint_is_lodged_with_is_no_party_to_its_withdrawal() -> None:
    _sides("Chile dropped its WTO case against Peru on Monday.", "CONCEDE", "CHL", "PER", date="2023-03-16")


def test_counterpart_of_a_withdrawal_is_the_state_not_the_forum_named_beside_it() -> None:
    text = ("Chile withdraws WTO complaint about Peru's import curbs\n\nChile decided on Thursday to drop its "
            "complaint at the World Trade Organization, as Lima promised to ease its curbs on copper imports.")
    _sides(text, "RETREAT", "CHL", "PER", date="2023-03-16")


def test_place_of_a_reason_is_not_the_host_of_the_trip_called_off() -> None:
    text = "Biden had planned a trip but was forced to cancel it due to the budget negotiations in Washington."
    ev = _by_type(text, "REJECT", date="2023-05-17")
    assert ev.recipient == []


def test_grouping_whose_members_are_all_named_is_named_by_them() -> None:
    text = "Leaders from India, Australia, the US and Japan met in Rome on Friday for a Quad summit."
    ev = _by_type(text, "CONSULT", date="2024-06-15")
    assert _codes(ev.actor + ev.recipient) == ["AUS", "IND", "JPN", "USA"]


def test_grouping_with_only_some_members_named_keeps_its_slot() -> None:
    text = "Japan and Canada met the other G7 members in Rome on Friday to discuss chip supply chains."
    ev = _by_type(text, "CONSULT", date="2024-06-15")
    assert "IGO" in _codes(ev.actor + ev.recipient)


def test_grouping_meeting_in_a_member_state_counts_its_host() -> None:
    ev = _by_type("G7 leaders met in Naples on Friday to discuss chip supply chains.", "CONSULT", date="2023-05-20")
    assert _codes(ev.actor + ev.recipient) == ["IGO", "ITA"]
    assert "record.group_meets_at_member" in ev.why["actor"]


def test_grouping_meeting_outside_its_members_adds_no_member() -> None:
    ev = _by_type("G7 leaders met in Seoul on Friday to discuss chip supply chains.", "CONSULT", date="2023-05-20")
    assert "record.group_meets_at_member" not in ev.why.get("actor", [])


def test_two_state_meeting_on_the_sidelines_in_one_of_them_has_a_guest_and_a_host() -> None:
    text = ("A meeting between Vice President Kamala Harris and Indonesian President Joko Widodo took place in "
            "Seattle on Thursday, on the sidelines of the APEC summit.")
    ev = _sides(text, "CONSULT", "IDN", "USA", "record.sidelines_guest_and_host", date="2023-11-17")
    assert ev.mode == ["multilateral"]


def test_we_does_not_stand_for_the_partner_named_in_its_own_clause() -> None:
    text = ("Chile and Japan signed a deal on lithium research in Tokyo on Monday. \"We see lithium becoming "
            "central to our exports by 2030, and we are keen to widen this work with Japan over the coming "
            "years,\" he said.")
    ev = _sides(text, "AGREE", "CHL", "JPN", date="2023-11-17")
    assert "participants.description_not_other_side" in ev.why["actor"]


def test_willingness_adjective_reaches_the_partner_of_its_infinitive() -> None:
    text = ("Chile and Japan signed a deal on lithium research in Tokyo on Monday. The two countries would be "
            "glad to extend the project to Peru next year.")
    ev = _by_type(text, "AGREE", date="2023-11-17")
    assert _codes(ev.actor) == ["CHL", "JPN"]
    assert _codes(ev.recipient) == ["PER"]
