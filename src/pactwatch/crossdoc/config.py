"""The cross-document layer's settings: the thresholds of `LinkConfig`, the word cues of
data/link_words.json (compiled once), and the word lists (`STOP`, `MEETING_WORDS`) its modules read."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import lexicon

MEETING_WORDS = {"meet", "met", "meets", "meeting", "talks", "talk", "summit", "visit", "visited", "visits",
                 "visiting", "trip", "host", "hosted", "session", "conference", "dialogue", "consultations",
                 "negotiations", "held", "hold", "call", "called", "travel", "arrive", "arrived", "convene"}
STOP = set("""a an the and or of to in on at for with by from as is are was were be been being will would shall
should can could may might must has have had do does did it its their his her they them he she we our this that
these those there here said says say told tell added add also than then but not no new other more most such
two both first second last next week month year years day days today yesterday monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november december
minister ministers president prime official officials government governments country countries side sides
which who whom what when where while after before during about over under into up out its ministry
statement according reporters agency news spokesperson plan plans planned still""".split())


def _cue(pattern: str) -> re.Pattern:
    """A word-cue regex of link_words.json: whole words, ignoring case."""
    return re.compile(r"(?<![A-Za-z])(?:" + pattern + r")(?![A-Za-z])", re.I)


@functools.lru_cache(maxsize=1)
def _cues() -> dict:
    """The word cues of data/link_words.json (stage cues, cancellations, agreement kinds), compiled."""
    raw = lexicon.read_json("link_words.json")
    return {"stage": {k: _cue(v) for k, v in raw["stage_cues"].items()},
            "cancel": _cue(raw["cancel"]), "done_nouns": _cue(raw["done_nouns"]), "announced": _cue(raw["announced"]), "meeting_act": _cue(raw["meeting_act"]), "spellings": raw.get("spellings", {}),
            "refers_back": re.compile(raw["refers_back"], re.I), "aim": _cue(raw["aim_of_talks"]), "aim_types": raw["aim_types"],
            "kinds": [(k, _cue(v)) for k, v in raw["agreement_kinds"].items()],
            "occasions": raw["occasions"], "occasion_kinds": raw["occasion_kinds"],
            "plan_rules": raw.get("plan_rules", []), "borrowed_date_rules": raw.get("borrowed_date_rules", []),
            "flow_date_rules": raw.get("flow_date_rules", []), "meeting_modes_apart": raw.get("meeting_modes_apart", []),
            "flow_date_window_days": int(raw.get("flow_date_window_days", 3)),
            "stem_letters": int(raw.get("stem_letters", 6)),
            "trigger_endings": raw.get("trigger_endings", []),
            "part_of_month_days": raw.get("part_of_month_days", {}),
            "same_day_words": int(raw.get("same_day_words", 2)),
            "background_window_days": int(raw.get("background_window_days", 365)),
            "coarse_date_window_days": int(raw.get("coarse_date_window_days", 0)),
            "fulfil_window_days": int(raw.get("fulfil_window_days", 1095)),
            "split_representatives": int(raw.get("split_representatives", 8))}


@dataclass
class LinkConfig:
    """Thresholds of the same-event test and of commitment matching."""
    date_window_days: int = 2          # reports of one event: dated at most this far apart
    undated_window_days: int = 10      # when one report gives no date: its document within this window
    min_country_jaccard: float = 0.5   # participant countries must overlap this much
    min_text_similarity: float = 0.34  # for generic promises, whose category alone says little
    bonus_similarity: float = 0.5      # near-copies: this similar merges despite missing details
    retold_overlap: float = 0.75       # a promise told again: this share of the shorter report's words in the other
    retold_min_words: int = 5          # ... when the shorter report has at least this many words besides names
    fulfil_min_overlap: float = 0.5    # share of the commitment's words in the event that carries it out
    withdraw_min_overlap: float = 0.4  # the same, for a report that calls it off (its wording says so)
    due_slack_days: int = 0            # overdue once the as-of date is past due + slack
    meeting_other_countries: int = 1   # two meeting reports: one may name at most this many countries the other does not
    late_meeting_days: int = 92        # a promised gathering held this long after it was due can still keep it
    recall_min_days: int = 30          # a past act recalled: its own date ends this long before both articles
    # a report dated only by its article's flow and another dated report: at most this many days apart
    # (link_words.json flow_date_window_days)
    flow_date_window_days: int = field(default_factory=lambda: _cues()["flow_date_window_days"])
    # a report with no date of its own and another report: their articles at most this many days apart
    # (link_words.json background_window_days); what bounds the reports a background mention is compared with
    background_window_days: int = field(default_factory=lambda: _cues()["background_window_days"])
    # two reports dated by their own words, neither to a day (a month, a year): at most this many days between
    # their spans (link_words.json coarse_date_window_days); "in 2025" and "in 2026" are two years
    coarse_date_window_days: int = field(default_factory=lambda: _cues()["coarse_date_window_days"])
    # a promise and a later report that carries it out or calls it off: first reported at most this many
    # days after it was made (link_words.json fulfil_window_days)
    fulfil_window_days: int = field(default_factory=lambda: _cues()["fulfil_window_days"])
    # a report joins the part of a split canonical event it matches best among each part's first this
    # many reports (link_words.json split_representatives)
    split_representatives: int = field(default_factory=lambda: _cues()["split_representatives"])
