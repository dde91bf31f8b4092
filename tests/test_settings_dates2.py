"""Dates attached through the parse: a statement's medium, a scheduled complement, a closing day hung on a
modifier."""
from pactwatch import extract


def _dates(text, date):
    return [(e.event_type, e.date) for e in extract(text, date=date, doc_id="t")]


def test_time_of_a_statement_dates_the_measure_it_announces():
    got = _dates("Brazil is restricting shipments of soybeans to Chile, its trade ministry said in a notice "
                 "late on March 9.", "2031-03-10")
    assert ("SANCTION", "2031-03-09") in got


def test_scheduled_complement_takes_the_day():
    got = _dates("A summit between Chile and Norway is scheduled to be held in Oslo from October 8-9.", "2031-09-20")
    assert any(d == "2031-10-08" for _, d in got)


def test_day_closing_the_sentence_dates_the_main_clause():
    got = _dates("Chile and Norway signed an accord on fisheries aimed at protecting stocks during their "
                 "talks in Oslo on Thursday.", "2031-06-13")
    assert ("SUPPORT", "2031-06-12") in got
    assert ("CONSULT", "2031-06-12") in got      # the talks: the time the article is talking about
