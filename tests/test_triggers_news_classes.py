"""Classes of real news the trigger and modality rules read right: money put into business is no support
between states, a speech is no aid, the purpose of an aim or of a document's mechanism is no act, a
relative clause describing a ruling is no request, a condition that holds whenever is no promise, aims
and timelines are no commitments; a meeting one was supposed to attend was a plan, an announced vision
listed with cooperation is a promise, adopting a declaration is support, pulling out of a planned meeting
is a refusal, the setting of a planned act is still ahead (or, for a planned signing, no event of its
own); a view held is no recognition, "deliver" with nothing handed over no aid, being happy to act
with a partner a promise, a plan told with its cancellation the cancelled plan, making something a
pillar of relations a cooperation, and what a courtesy is for a part of the courtesy."""
from __future__ import annotations

import pytest

from pactwatch import extract


def types(text: str, date: str = "2025-03-04") -> list[str]:
    return sorted(e.event_type for e in extract(text, date=date, doc_id="t"))


# text -> the exact categories of its events (sorted)
EXACT = {
    # money into business is no support between states; support for a state's candidate is
    "France backed Senegal's candidacy at the African Union.": ["SUPPORT"],
    # a speech is no handing over of aid
    "On Monday the Peruvian trade minister gave a long speech to exporters in Santiago.": [],
    # the purpose of an aim ("aim to move plants onshore to ... restrict shipments") is no sanction
    "Canada and Mexico, like several other capitals, aim to move battery plants onshore "
    "to gain resilience and restrict certain shipments to Russia.": [],
    # what a memorandum's registry is for is no act of coercion
    "Chile's Ortega and Peru's Vargas signed an MoU that stresses creating "
    "a registry for pooling data to prevent lithium shortfalls.": ["SUPPORT"],
    # a relative clause describing a ruling, hung by the parser on an earlier noun, is no request
    "In 2018, Lima imposed export controls on fishmeal, seen as payback for a Chilean "
    "tribunal's ruling that ordered Peruvian trawler owners to pay damages to Chilean fishermen.": ["SANCTION"],
    # a condition that holds whenever is no promise
    '"Our people learned that when we set ourselves a date we can build anything," Boric said in Santiago.': [],
    # orders, aims and timelines are no commitments to a partner
    '"Our two nations stay committed to the rule of law and open trade systems," the Chilean president said.': [],
    "Restating the forum's goals of jointly settling fishing quotas, Boric said Chile and Peru "
    "had signed the accord that morning.": ["SUPPORT"],
    "Boric said Chile would commit to a firm timetable for lithium.": [],
    # a meeting one was supposed to attend was a plan, not a meeting held
    "The Andean summit, which Boric and Lula had been supposed to attend, was cancelled.": ["AGREE", "REJECT"],
    # an announced vision listed with cooperation is a promise
    "Chile and Peru are to announce a common lithium vision as well as more cooperation on batteries.": ["AGREE"],
    # adopting a declaration is support of an accord, like signing it
    "Forty states, Chile and Peru among them, adopted the Lisbon Declaration on ocean data.": ["SUPPORT"],
    # pulling out of a planned meeting is a refusal; out of a place, a retreat
    "Peru calls off Andean summit as Lula pulls out": ["REJECT", "REJECT"],
    "Brazil pulled out of the Andean summit in Lima.": ["REJECT"],
    "Russian troops pulled out of Kherson on Friday.": ["RETREAT"],
    # a clause in the past keeps its tense under a future one: the pull-out is done, no plan
    "The Andean summit due in Lima next month will be postponed after Lula pulled out because of "
    "budget talks in Brasilia.": ["REJECT", "REJECT"],
    # a view held ("we recognise that ...") is no recognition; recognising a state is
    '"We agree on common rules for ocean data, and we recognise that by pooling efforts we can support new '
    'standards," the draft said.': [],
    "Chile recognised Kosovo on Monday.": ["SUPPORT"],
    # "deliver" with nothing handed over is no aid; with a cargo it is
    'Boric says Chile will "set a firm date" and "deliver" on lithium, as the region falls behind.': [],
    "Qatar delivered medicine to the Yemeni port.": ["AID"],
    # being happy to act with a partner is a readiness, a promise
    "Chile would be happy to pursue the project with Peru.": ["AGREE"],
    # a plan told with its cancellation is the cancelled plan, however the parser hung the cancellation
    "Boric regretted the visit to Lima that he had planned but then had to cancel over the strike.": [
        "REJECT"],
    # making something a pillar of relations widens them (a promise when ahead); a part of a city is no relation
    "Chile will establish green hydrogen as a core pillar of its partnership with Peru, Boric said.": ["AGREE"],
    "Chile established the museum as part of the old city.": [],
    # what a courtesy is for is part of it, no meeting of its own
    "Boric wrote that he appreciated their hosting the trade mission in Lima.": ["SUPPORT"],
}

ABSENT_PLANS = {
    "The summit in Quito came instead of a state visit to Bogota that Lula had first planned but was then "
    "forced to cancel because of floods.": {"AGREE"},
}

# text -> categories none of its events may have
ABSENT = {
    "Malaysia pours money into battery start-ups that are backed by Korean and German firms "
    "and is also backing Elnor's takeover of a wafer maker.": {"SUPPORT"},
    # the purpose of a use is no support promised
    "Minister Ortega said the frigates, which Peru will use to support its coast guard, reached Callao.":
        {"AGREE", "SUPPORT"},
    # the headline's summit is still to come: no meeting held
    "Chile, Peru to unveil lithium plan, battery cooperation at Andean summit": {"CONSULT"},
    # the meeting a signing is planned at is told by the signing
    "Chile and Peru settled on a lithium alert scheme, set out in a memorandum that Chilean minister "
    "Ortega and Peruvian minister Vargas are to sign at a Thursday meeting in Lima.": {"CONSULT"},
}


@pytest.mark.parametrize("text", sorted(EXACT))
def test_news_class_is_coded_exactly(text):
    assert types(text) == EXACT[text]


@pytest.mark.parametrize("text", sorted(ABSENT) + sorted(ABSENT_PLANS))
def test_news_class_codes_no_such_event(text):
    assert not set(types(text)) & {**ABSENT, **ABSENT_PLANS}[text]
