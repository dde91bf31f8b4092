"""Classes of wire news the trigger rules read right (round 2): a restrictive measure on trade that is
announced, unveiled or introduced is a sanction by its announcer, and one eased a concession; a rule
with no bearing on trade is none; a visit told through its end took place; training a partner's people
is aid (a promise of it ahead); a condition still to be met, a choice left open and an act not yet done are
no events; taking stock of progress together is a meeting; a framework launched by two sides sets up
relations; a participle spelling out a measure's effect is part of the measure; a measure struck back with,
told in a relative clause, or announced with its start date is a sanction; a courtesy call paid is a visit;
cooperation announced by signing is the signing; a general remark with 'you' is no event; what a refusal
refuses is part of it."""
from __future__ import annotations

import pytest

from pactwatch import extract


def coded(text: str, date: str = "2025-10-29") -> list[tuple]:
    """Each event as (category, actor countries, recipient countries), sorted."""
    out = []
    for e in extract(text, date=date, doc_id="t"):
        out.append((e.event_type, "+".join(sorted({a.country or "?" for a in e.actor})),
                    "+".join(sorted({a.country or "?" for a in e.recipient}))))
    return sorted(out)


# text -> the exact events it holds
EXACT = {
    # a restrictive measure on trade made public: a sanction by whoever made it
    "Ecuador on Monday announced new export permit requirements for raw cocoa beans.": [("SANCTION", "ECU", "")],
    "Bolivia unveiled tighter curbs on tin shipments to Brazil late on Wednesday.": [("SANCTION", "BOL", "BRA")],
    "Vendors rushed to adapt to the rules announced by Mexico last month that cap steel imports from Asia.":
        [("SANCTION", "MEX", "")],
    # told in a relative clause that the parser hung on a noun inside the measure's phrase
    "The new decree strengthens existing caps on sales of the rare metals that Hanoi announced in early 2023.":
        [("SANCTION", "VNM", "")],
    # a coercive noun put in place by a verb that is no light verb of its own
    "Malaysia on Tuesday slapped new restrictions on bauxite exports to Singapore.": [("SANCTION", "MYS", "SGP")],
    "Mongolia now requires export permits for all coking coal sold abroad.": [("SANCTION", "MNG", "")],
    # duties against dumping, or on goods of a named origin, are a measure
    "Brazil slapped anti-dumping duties on Indian jute bags on Thursday.": [("SANCTION", "BRA", "IND")],
    "The ministry announced new rules on tenant protection for Chilean renters.": [],
    # a measure announced with the date it takes effect is decided, no threat; one under a condition is a threat
    "Ghana will require export permits for raw shea nuts from January 1, its trade ministry said.":
        [("SANCTION", "GHA", "")],
    "Ghana will require export permits for raw shea nuts if Togo keeps its duties, its trade ministry said.":
        [("THREATEN", "GHA", "TGO")],
    # a rule restricting in its own clause is a measure, its clause part of it; an obligation on nothing traded is none
    "Laos unveiled new rules targeting Thai timber traders on Monday.": [("SANCTION", "LAO", "")],
    "Peru introduced a new rule requiring licences for zinc exports.": [("SANCTION", "PER", "")],
    "Peru introduced a new rule requiring mining firms to publish their water use.": [],
    # a ban on trade is a sanction, a ban on gatherings coercion
    "Japan imposed a ban on drone exports to Myanmar.": [("SANCTION", "JPN", "MMR")],
    # striking back with a measure is the measure
    "Vietnam retaliated with duties on Thai rice imports.": [("SANCTION", "VNM", "")],
    # eased, the measure is a concession
    "Thailand relaxed quotas on sugar exports this week, its commerce ministry said.": [("CONCEDE", "THA", "")],
    # a rule that says nothing of trade is no measure against anyone
    "Norway introduced new rules on parental leave on Thursday.": [],
    # a visit told through its end took place
    "Ghana's president wrapped up a four-day visit to Hanoi on Saturday.": [("CONSULT", "GHA", "VNM")],
    "Kenya's foreign minister concluded a week-long tour to Uruguay on Tuesday.": [("CONSULT", "KEN", "URY")],
    "Peru's president kicked off a five-day visit to Morocco on Monday.": [("CONSULT", "PER", "MAR")],
    # a courtesy call paid on someone is a visit, no telephone call
    "Mali's defence minister paid a courtesy call on President Faye in Dakar on Friday.": [("CONSULT", "MLI", "SEN")],
    # a signing planned for a summit is one event; the summit that frames it is not coded again
    "Togo is set to sign the port accord during the summit in Lome next week.": [("AGREE", "TGO", "")],
    # cooperation announced by signing an accord is the signing, one act
    "Ghana and Togo also announced broad cooperation on power grids by inking a memorandum on a shared substation.":
        [("SUPPORT", "GHA+TGO", "")],
    # a general remark with 'you' is no meeting
    '"You cannot hold a regional summit when half the members stay home," Peru\'s president said.': [],
    # a visit told through a part of its course took place
    "At the end of the Kenyan president's visit to Lusaka, Zambian officials said ties were strong.": [("CONSULT", "KEN", "ZMB")],
    # a refusal negated leaves the choice open
    "Uruguay has not ruled out joining the grain alliance.": [],
    # ending talks on a deal is still their conclusion, no visit
    "Iceland and Chile concluded negotiations on a fisheries accord on Friday.": [("SUPPORT", "CHL+ISL", "")],
    # training people of a partner ahead is a promise of aid; training oneself no event
    "Vietnam will also train 40 Laotian geologists over the coming three years.": [("AGREE", "VNM", "LAO")],
    "Kenya's rugby squad will train in Fiji next month.": [],
    # a condition still to be met is no event; the same clause told as a past fact is one
    "Ghana will ratify the treaty once Nigeria's senate endorses it.": [("AGREE", "GHA", "")],
    "Ghana ratified the treaty after Togo endorsed it.": [("SUPPORT", "GHA", ""), ("SUPPORT", "TGO", "")],
    # a choice left open, an act not yet done: no event, neither a refusal nor a decision
    "Uruguay has not yet decided whether to join the grain alliance.": [],
    "Paraguay has yet to decide if it will host the fisheries summit.": [],
    "Ecuador has not yet ratified the maritime accord with Panama.": [],
    # what a refusal refuses is part of it, no promise of its own
    "Bolivia ruled out joining the copper cartel.": [("REJECT", "BOL", "")],
    # a plain negation still is a refusal
    "Ecuador did not ratify the maritime accord with Panama.": [("REJECT", "ECU", "PAN")],
    # taking stock together is a meeting; a review by one side alone is none
    "Officials from Ghana and Togo took stock of the port initiative on Thursday.": [("CONSULT", "GHA+TGO", "")],
    "Senegal reviewed progress with Gambia on the bridge project last week.": [("CONSULT", "SEN", "GMB")],
    "Senegal's treasury reviewed progress on the annual budget.": [],
    # a framework launched by two sides sets up relations; launched by one it stays a project
    "The green shipping initiative was launched by Norway and Chile in 2021 in Oslo.": [("SUPPORT", "CHL+NOR", "")],
    # a participle spelling out a measure's effect is part of the measure
    "Canada imposed sanctions on two Iranian banks, barring Canadian lenders from clearing their payments.":
        [("SANCTION", "CAN", "IRN")],
}


@pytest.mark.parametrize("text", list(EXACT))
def test_exact_events(text):
    assert coded(text) == EXACT[text]
