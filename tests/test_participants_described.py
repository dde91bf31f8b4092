"""Parties named by a description rather than a name: a title ("the president"), a pair noun ("the two
jurisdictions").

Sentences are made up for these tests."""
from __future__ import annotations

import pactwatch
from pactwatch.actors import ActorResolver
from pactwatch.model import Document
from pactwatch.nlp import parse


def _mentions(text: str, date: str = "2024-03-01"):
    doc = Document(id="t", text=text, date=date)
    return ActorResolver().resolve(doc, parse(doc)).mentions


def _events(text: str, date: str = "2024-03-04"):
    return pactwatch.extract(text, date=date, doc_id="t")


def test_the_president_is_the_last_president_named() -> None:
    text = ("Kenyan President William Ruto hosted Norwegian Prime Minister Jonas Gahr Store in Nairobi on Monday. "
            "The president apologized for the delayed fisheries survey.")
    ev = next(e for e in _events(text) if e.event_type == "CONCEDE")
    assert [e.country for e in ev.actor] == ["KEN"]


def test_a_title_is_not_a_higher_or_lower_office() -> None:
    text = ("Peruvian Vice President Ana Soto met Chilean President Gabriel Boric in Lima on Monday. "
            "The vice president and Mr Boric welcomed the new lithium research pact.")
    ev = next(e for e in _events(text) if e.event_type == "SUPPORT")
    assert {e.country for e in ev.actor} == {"PER", "CHL"}


def test_the_two_jurisdictions_are_the_pair_a_sentence_with_no_paired_event_named() -> None:
    text = ("Chile and Norway will publish their findings on ocean warming, officials said at the fourth meeting "
            "of the polar research forum on Friday. The two jurisdictions will also be sharing their data, a "
            "Chilean official said.")
    ev = next(e for e in _events(text) if "jurisdictions" in e.evidence[0].text)
    assert {e.country for e in ev.actor} == {"CHL", "NOR"}


def test_home_country_of_an_article_whose_sentences_run_together() -> None:
    text = ("Chile will open a research station in Antarctica next year.The science ministry said on Friday that "
            "Minister Aurelio Soto met Norwegian officials in Santiago.The station will host scientists from "
            "Chile and Norway.")
    people = [m for m in _mentions(text) if m.kind == "person"]
    assert [(m.entity.entity_name, m.entity.country) for m in people] == [("Aurelio Soto", "CHL")]



def test_a_pronoun_in_an_opening_phrase_is_the_subject_that_follows() -> None:
    text = ("Peruvian President Ana Soto met Chilean officials on Monday. During her trip to Oslo in May, "
            "Norwegian Prime Minister Jonas Gahr Store announced a polar research fund.")
    ev = next(e for e in _events(text) if "her trip" in " ".join(x.text for x in e.evidence))
    assert "NOR" in {e.country for e in ev.actor}
    assert "PER" not in {e.country for e in ev.actor + ev.recipient}


def test_the_possessor_of_an_event_noun_made_it() -> None:
    text = "The new fund came following Kenya's proposal in March at the African Union summit."
    ev = next(e for e in _events(text) if e.event_type == "AGREE")
    assert [e.country for e in ev.actor] == ["KEN"]
    assert not ev.recipient


def test_a_companion_along_with_the_visitor_is_the_other_side() -> None:
    text = "Kenyan President William Ruto also visited a solar plant along with the Spanish king."
    ev = next(e for e in _events(text) if e.event_type == "CONSULT")
    assert [e.country for e in ev.actor] == ["KEN"]
    assert [e.country for e in ev.recipient] == ["ESP"]
