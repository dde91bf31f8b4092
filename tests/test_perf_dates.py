"""The cheap gates of the time-expression finder (``dates._FINDER_GATES``) only skip patterns that cannot
match: the spans found are those every pattern run on every text finds."""
from pathlib import Path

import pytest

from pactwatch import dates

EXAMPLES = [
    "The accord was signed on 2024-03-05 in Seoul.",
    "They met on Monday, Oct. 26, and again on 7 August 2025.",
    "The talks ended last Oct. 23 after the 4-5 April round.",
    "Exports fell in July 1997 and again in late November.",
    "February this year was cold; so was May of last year.",
    "Theresa May met the minister in May.",
    "The ministers will meet on Thursday and Friday morning.",
    "He left early today and returns tomorrow evening; yesterday he was in Oslo. Tonight he speaks.",
    "This morning the envoy spoke; last night and overnight there were talks.",
    "Later in the day, the same day, the day after tomorrow, the day before yesterday.",
    "This week, earlier this month, early next year, the end of the month, year-end, year's end.",
    "Earlier in the week, later this year, the start of the year, the weekend, next weekend.",
    "That year, the following year, a year earlier, the fiscal year, the whole year, the current calendar year.",
    "Two weeks ago, about three days earlier, in three days, within a fortnight, a decade from now.",
    "In 1998, fiscal 1989, mid-1996, nineteen ninety-six, the year two thousand, twenty twenty-four.",
    "On Christmas Eve, Easter Monday, New Years Day, Valentine\u2019s Day, the Fourth of July, Halloween 2023.",
    "Good Friday, Thanksgiving, Martin Luther King Jr. Day, Presidents' Day, Labor Day.",
    "Recently, soon, in the near future, in the past, in recent years, in the coming weeks, shortly, lately.",
    "At an early date, at a later date, at some point.",
    "2000 people attended; No. 1999 was shown at 3.2015 and $2020 was paid.",
    "MONDAY, JANUARY 5: the TODAY show; NEXT WEEK; IN THE COMING MONTHS.",
    "Nothing here is a time at all, only words and names.",
    "",
]


def _corpus_texts():
    out = list(EXAMPLES)
    demo = Path(dates.__file__).resolve().parent / "data" / "demo" / "corpus"
    for p in sorted(demo.glob("*.txt")):
        out += [line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def _all_spans(text):
    """The finder without gates: every pattern run on the text."""
    cands = []
    for kind, rx in dates._FINDER:
        for m in rx.finditer(text):
            if m.end() > m.start() and dates._keep(text, kind, m.start(), m.end()):
                cands.append((m.start(), m.end()))
    cands.sort(key=lambda se: (-(se[1] - se[0]), se[0]))
    taken = bytearray(len(text))
    chosen = []
    for s, e in cands:
        if not any(taken[s:e]):
            taken[s:e] = b"\x01" * (e - s)
            chosen.append((s, e))
    return sorted(chosen)


def test_gates_cover_every_pattern():
    assert len(dates._FINDER_GATES) == len(dates._FINDER)


@pytest.mark.parametrize("text", _corpus_texts())
def test_gated_finder_finds_what_every_pattern_finds(text):
    assert dates._find_spans(text) == _all_spans(text)


def test_a_pattern_that_matches_passes_its_gate():
    for text in _corpus_texts():
        gates = dates._open_gates(text)
        for kind, rx, gate in dates._FINDER_GATED:
            if rx.search(text):
                assert gates[gate], (kind, text)


def test_normalize_is_cached_and_pure():
    assert dates._normalize("Sept. 3rd") == dates._normalize("Sept. 3rd") == "sept 3"
