"""The parties of an agreement adopted at a gathering by signatories its report only counts
(pactwatch.link.build_agreements). The sentences are written for these tests."""
from __future__ import annotations

from test_crossdoc_stages import record

from pactwatch import link

DECL = {"kind": "declaration", "name": "Tromso Declaration"}


def parties(*records) -> list[list[str]]:
    return [a["parties"] for a in link.build_agreements(list(records)) if a["name"]]


def test_a_declaration_counted_as_adopted_by_many_nations_takes_the_gathering_s_parties() -> None:
    forum = record("m1", "CONSULT", {"d1": "ministers of Norway, Chile, Iceland and the G20 met in Tromso"},
                   kind="meeting", countries=("NOR", "CHL", "ISL", "IGO"))
    decl = record("s1", "SUPPORT", {"d1": "the meeting saw dozens of nations adopt the Tromso Declaration"},
                  agreement=DECL, countries=("NOR",), date=None)
    assert parties(forum, decl) == [["CHL", "IGO", "ISL", "NOR"]]


def test_several_international_bodies_are_one_party_and_one_keeps_its_code() -> None:
    forum = record("m1", "CONSULT", {"d1": "Norway and Chile hosted envoys of the UN, the EU and the G20 in Tromso"},
                   kind="meeting", countries=("NOR", "CHL", "UNO", "EUR", "IGO"))
    decl = record("s1", "SUPPORT", {"d1": "world leaders at the forum adopted the Tromso Declaration"},
                  agreement=DECL, countries=("NOR",), date=None)
    assert parties(forum, decl) == [["CHL", "IGO", "NOR"]]
    alone = record("s2", "SUPPORT", {"d2": "Norway and the EU signed the Tromso Declaration"},
                   agreement=DECL, countries=("NOR", "EUR"))
    assert parties(alone) == [["EUR", "NOR"]]


def test_a_declaration_signed_by_named_countries_keeps_its_own_parties() -> None:
    forum = record("m1", "CONSULT", {"d1": "ministers of Norway, Chile, Iceland and Peru met in Tromso"},
                   kind="meeting", countries=("NOR", "CHL", "ISL", "PER"))
    decl = record("s1", "SUPPORT", {"d1": "Norway and Chile signed the Tromso Declaration on the sidelines"},
                  agreement=DECL, date=None)
    assert parties(forum, decl) == [["CHL", "NOR"]]


def test_an_agreement_between_international_bodies_alone_keeps_their_codes() -> None:
    pact = record("s3", "SUPPORT", {"d3": "the EU and the UN signed the Tromso Declaration"}, agreement=DECL,
                  countries=("EUR", "UNO"))
    assert parties(pact) == [["EUR", "UNO"]]
