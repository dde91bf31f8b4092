"""Concessions with material effect (RETREAT), material help (AID), praise (SUPPORT), snubs (REJECT)
and pleas (REQUEST), by class of verb and verb + object."""
from __future__ import annotations

from pactwatch import extract

EXPECTED = {
    "Estonian units retreated from the frontier post at dawn.": ("RETREAT", "withdraw"),
    "The Moldovan defence minister quit on Friday.": ("RETREAT", "resign"),
    "Rebel fighters in Aceh laid down their weapons before the mediators.": ("RETREAT", "disarm"),
    "Both Congolese factions observed the truce over the holiday.": ("RETREAT", "ceasefire"),
    "The Sudanese army suspended its bombardment of the rebel villages.": ("RETREAT", "ceasefire"),
    "Eritrea admitted UN investigators to the detention camps.": ("RETREAT", "access"),
    "Croatia paid damages to the Bosnian farmers for the flooded fields.": ("RETREAT", ""),
    "Finland wrote off the loans owed by Mozambique.": ("AID", ""),
    "Qatar airlifted medicine to the Yemeni port.": ("AID", ""),
    "The Ghanaian leader lauded Togo for the peaceful handover.": ("SUPPORT", ""),
    "Laos voiced backing for Thailand's candidate.": ("SUPPORT", ""),
    "Serbia snubbed the Slovenian mediation offer.": ("REJECT", ""),
    "Bahrain scrapped the fishing accord with Iran.": ("REJECT", ""),
}


def wrong_codings(expected: dict) -> dict:
    """The texts whose events lack the expected (type, mode); an empty mode means any mode."""
    wrong = {}
    for text, (typ, mode) in expected.items():
        got = [(e.event_type, e.mode) for e in extract(text, date="2006-05-10", doc_id="t")]
        if not any(t == typ and (not mode or mode in m) for t, m in got):
            wrong[text] = got
    return wrong


def test_concession_and_help_classes():
    assert not wrong_codings(EXPECTED)
