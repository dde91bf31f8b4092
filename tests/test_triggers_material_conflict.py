"""Material conflict short of force, by class: arrest, seizure, eviction and censorship (COERCE),
troop and police moves (MOBILIZE), strikes, vandalism and barricades (PROTEST)."""
from __future__ import annotations

import pytest

from pactwatch import extract

CASES = [
    ("Moroccan gendarmes rounded up forty migrants at the port.", "COERCE", "arrest"),
    ("Guards at the frontier apprehended two Afghan couriers.", "COERCE", "arrest"),
    ("The Bolivian state expropriated a Spanish power utility.", "COERCE", "seize"),
    ("Harbour officials in Senegal impounded a trawler flying a foreign flag.", "COERCE", "seize"),
    ("Cambodian officers evicted three hundred families from the lakeside.", "COERCE", "deport"),
    ("The Burmese government jammed radio broadcasts from abroad.", "COERCE", "censor"),
    ("The Belarusian ministry closed down a weekly opposition newspaper.", "COERCE", "censor"),
    ("Armenia stationed extra soldiers along the frontier with Azerbaijan.", "MOBILIZE", "troops"),
    ("Chile reinforced its garrison at the northern pass.", "MOBILIZE", "troops"),
    ("Mongolian police patrolled the central square overnight.", "MOBILIZE", "police"),
    ("Kenya tightened security at the airports after the warning.", "MOBILIZE", "police"),
    ("Dockers at the Greek ports walked out on Thursday.", "PROTEST", "strike"),
    ("A mob ransacked the offices of the Albanian ruling party.", "PROTEST", "vandalize"),
    ("Peruvian farmers barricaded the highway to the copper mine.", "PROTEST", "obstruct"),
]


@pytest.mark.parametrize("text,typ,mode", CASES)
def test_material_conflict_class(text, typ, mode):
    events = extract(text, date="2006-05-10", doc_id="t")
    assert any(e.event_type == typ and mode in e.mode for e in events), [(e.event_type, e.mode) for e in events]
