"""Merging across an article: a named meeting told by a verb and later by its name; a meeting placed in a
city and told again as held in that city's country. A visit to a country and a meeting in one of its cities
stay two events."""
from __future__ import annotations

import pactwatch


def _types(text, date="2025-03-12"):
    return [e.event_type for e in pactwatch.extract(text, date=date)]


def test_named_summit_attended_then_chaired_is_one_event():
    text = ("Ministers from Chile and Kenya attended the Lisbon Ocean Summit on Tuesday to debate plastic waste. "
            "Officials said the talks were frank. "
            "Portuguese President Marcelo Rebelo de Sousa chaired the Lisbon Ocean Summit.")
    assert _types(text).count("CONSULT") == 1


def test_city_meeting_told_again_in_its_country_is_one_event():
    text = ("Canadian Prime Minister Mark Carney met Mexican President Claudia Sheinbaum in Chicago on Monday. "
            "Trade ministers of both countries also spoke about steel tariffs. "
            "The two leaders held their third meeting in the United States, aides said.")
    assert _types(text).count("CONSULT") == 1


def test_visit_to_a_country_and_meeting_in_its_city_stay_two():
    text = ("Kenyan President William Ruto began an official state visit to Germany on Monday. "
            "Ruto met German Chancellor Friedrich Merz in Berlin on Tuesday.")
    assert _types(text).count("CONSULT") == 2
