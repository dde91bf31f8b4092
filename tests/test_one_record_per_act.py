"""One record per act within an article: a tour of a site and the visit it is part of, talks and the visit they
are held during, a meeting recalled from an earlier year and an undated one of the article's days are two
records each (merging.site_tour_apart, merging.visit_and_its_talks, merging.recalled_not_undated); a tour or
talks where a planned visit goes, and a stop on a planned trip, are part of it (merging.act_at_planned_meeting,
merging.stop_on_planned_trip); a tour told twice, and the visit told again, are still one."""
from __future__ import annotations

import pactwatch


def _events(text, date="2025-06-04"):
    return pactwatch.extract(text, date=date)


def _consults(text, date="2025-06-04"):
    return [e for e in _events(text, date) if e.event_type == "CONSULT"]


def _evidence(e):
    return " | ".join(" ".join(x.text.split()) for x in e.evidence)


def _with(evs, words):
    return [e for e in evs if words in _evidence(e)]


def _told_apart(evs, one, other):
    """A record tells `one` and not `other`."""
    got = _with(evs, one)
    assert got, f"no record tells {one!r}: {[_evidence(e) for e in evs]}"
    assert other not in _evidence(got[0])


def test_tour_of_a_plant_is_apart_from_the_state_visit():
    text = ("Chilean President Maria Solano, who is on a three-day state visit to Norway, made a trip to the "
            "headquarters of the battery maker Nordcell in Trondheim on Tuesday. "
            "Solano also visited a recycling plant at the Nordcell headquarters, officials said.")
    evs = _consults(text)
    visit = _with(evs, "state visit to Norway")
    tour = _with(evs, "a trip to the headquarters")
    assert visit and tour and visit[0] is not tour[0]
    assert "state visit" not in _evidence(tour[0])
    assert "recycling plant" not in _evidence(visit[0])


def test_touring_a_site_and_the_visit_to_the_country_are_two():
    text = ("Dutch Trade Minister Pieter Smit, who toured a tin smelter on Bangka during his visit to Indonesia "
            "in March, is expected to attend the next round of talks.")
    _told_apart(_consults(text), "toured a tin smelter", "his visit to")


def test_planned_tour_is_apart_from_a_planned_working_group_meeting():
    text = ("Peru and Ghana agreed on Monday to set up a working group on cocoa that will meet for the first time "
            "before the end of September. "
            "A delegation of 20 Peruvian firms is due to tour cocoa farms near Kumasi on Thursday.")
    _told_apart([e for e in _events(text) if e.event_type == "AGREE"], "to tour cocoa farms",
                "will meet for the first time")


def test_talks_between_two_sides_and_the_visit_are_two():
    text = ("Morocco and Vietnam on Tuesday signed a fisheries accord. "
            "The accord was reached in talks between the two countries' trade ministers. "
            "Moroccan Trade Minister Karim Alaoui is on a four-day visit to Hanoi that began on Monday.")
    _told_apart(_consults(text), "a four-day visit to Hanoi", "talks between")


def test_arrival_for_a_working_visit_is_apart_from_talks_held_during_it():
    text = ("Georgian President Levan Beridze held talks with Chancellor Anna Keller in Vienna. "
            "Beridze, who arrived on Monday for a two-day working visit, is also due to meet bankers.")
    _told_apart(_consults(text), "held talks with Chancellor Anna Keller", "working visit")


def test_a_visit_and_the_leader_also_met_in_its_sentence_are_two():
    text = ("Peru and the EU signed a deal on copper on Monday during a visit by EU trade chief Hanna Berg, who "
            "also met Peruvian President Jorge Salas on Monday.")
    evs = _consults(text)
    assert len(evs) == 2      # the visit, and the meeting with the president during it
    assert [e for e in evs if _evidence(e).startswith("also met") or _evidence(e).startswith("who also met")]


def test_visit_recalled_from_an_earlier_year_is_apart_from_undated_talks():
    text = ("Czech universities have been in negotiation with Chile's science council since last autumn, "
            "Czech officials said on Tuesday. "
            "Czech Senate President Jan Novak visited Chile in August 2021, prompting a protest.")
    evs = _consults(text, date="2025-04-02")
    visit = _with(evs, "visited Chile in August 2021")
    assert visit
    assert "negotiation" not in _evidence(visit[0])
    assert visit[0].date == "2021-08"


def test_the_tour_told_again_is_one_record():
    text = ("Indian Prime Minister Ravi Menon toured a chip factory near Osaka on Friday. "
            "During the tour of the factory, Menon met Japanese engineers.")
    evs = _consults(text)
    assert len(_with(evs, "toured a chip factory")) == 1


def test_a_tour_told_where_a_planned_visit_goes_is_part_of_that_visit():
    text = ("On Friday, Chilean President Rosa Vidal and Peru's president will visit the campus of a solar panel "
            "maker in Arequipa, where the two plan to tour its laboratories and discuss joint research.")
    evs = _events(text)
    assert [e.event_type for e in evs if "laboratories" in _evidence(e)] == ["AGREE"]
    assert len([e for e in evs if "will visit the campus" in _evidence(e)]) == 1


def test_a_stop_on_a_planned_trip_is_part_of_the_trip():
    text = ("Next Tuesday the Chilean president will travel to Lima and hold talks with the Peruvian premier before "
            "visiting a copper refinery outside the city.")
    evs = _events(text)
    trip = _with(evs, "will travel to Lima")
    assert len(trip) == 1 and trip[0].event_type == "AGREE"
    assert not [e for e in evs if e is not trip[0] and "copper refinery" in _evidence(e)]
