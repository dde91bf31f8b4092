"""Use of force by class (ASSAULT with its weapon or target mode) and police raids (COERCE)."""
from __future__ import annotations

from test_triggers_concessions import wrong_codings

EXPECTED = {
    "Masked men gunned down a Mexican mayor outside his home.": ("ASSAULT", "firearms"),
    "Pirates hijacked a Thai tanker off the Malaysian coast.": ("ASSAULT", "abduct"),
    "Russian guns bombarded the Georgian villages for hours.": ("ASSAULT", "heavy-weapons"),
    "Riot squads in Caracas fired tear gas at the marchers.": ("ASSAULT", "crowd-control"),
    "Militiamen executed the hostages near the Liberian border.": ("ASSAULT", "targeted"),
    "Sudanese and Chadian patrols skirmished near the wells.": ("ASSAULT", ""),
}


def test_force_classes():
    assert not wrong_codings(EXPECTED)
