"""Reductions of relations (SANCTION) and legal or verbal rebukes (ACCUSE), by class."""
from __future__ import annotations

import pytest

from pactwatch import extract

CASES = [
    ("Hungary recalled its envoy from Vienna in the row over the dam.", "SANCTION", "withdraw"),
    ("Ecuador froze relations with Colombia after the border raid.", "SANCTION", "discontinue"),
    ("The Swiss government froze bank accounts held by the deposed Haitian ruler.", "SANCTION", "discontinue"),
    ("Norway shut its consulate in the Sri Lankan port city.", "SANCTION", "discontinue"),
    ("Malaysia cancelled the accreditation of two Singaporean reporters.", "SANCTION", "discontinue"),
    ("Dutch prosecutors indicted a Liberian timber trader for arms smuggling.", "ACCUSE", "allege"),
    ("The Romanian opposition pressed charges against the mayor of the capital.", "ACCUSE", "allege"),
    ("The Czech senate censured the cabinet over the privatisation.", "ACCUSE", "disapprove"),
    ("Denmark reprimanded Iceland over the whaling quota.", "ACCUSE", "disapprove"),
    ("Portugal ordered an inquiry into the sinking of the Angolan ferry.", "ACCUSE", "investigate"),
]


@pytest.mark.parametrize("text,typ,mode", CASES)
def test_relations_cut_class(text, typ, mode):
    events = extract(text, date="2006-05-10", doc_id="t")
    assert any(e.event_type == typ and mode in e.mode for e in events), [(e.event_type, e.mode) for e in events]
