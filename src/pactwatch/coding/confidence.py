"""Confidence: the probability that an event record is a real event, from what the record and its trace
show (participants found and how, a date of its own, how many mentions, the kind of trigger).

A logistic model: ``p = 1 / (1 + exp(-(bias + sum(weight * feature))))``. The weights live in
``data/confidence.json``; ``bench/calibrate.py --fit`` learns them from the real-news dev set (labels: the
referee's judgement of each event), reproducibly, and writes the file with its cross-validated calibration.
"""
from __future__ import annotations

import functools
import math

from .. import lexicon
from ..model import Event

_DESCRIBED = ("participants.description", "participants.pronoun_possessor", "participants.bilateral_word",
              "participants.named_body", "participants.title_beside_name")


def features(ev: Event) -> dict[str, float]:
    """The features of one record (names as in ``data/confidence.json``)."""
    why = ev.why or {}
    said = lambda field, *prefixes: any(r.startswith(prefixes) for r in why.get(field, []))
    countries = {e.country for e in ev.actor + ev.recipient if e.country}
    rule = (why.get("event_type") or [""])[0]
    return {
        "actor": float(bool(ev.actor)),
        "recipient": float(bool(ev.recipient)),
        "two_countries": float(len(countries) >= 2),
        "person": float(any(e.entity_type == "person" for e in ev.actor + ev.recipient)),
        "described": float(said("actor", *_DESCRIBED) or said("recipient", *_DESCRIBED)),
        "own_date": float(bool(ev.date) and not said("date", "date.inherited", "date.lead_from_next_sentence")),
        "inherited_date": float(bool(ev.date) and said("date", "date.inherited", "date.lead_from_next_sentence")),
        "mentions": min(len(ev.evidence) - 1, 3) / 3,
        "noun_trigger": float(rule.endswith("/N")),
        "idiom": float(rule.startswith("event_rules.json:")),
        "recoded": float(len(why.get("event_type", [])) > 1),
        "future": float(ev.event_type == "AGREE" and "aux_mode" in why),
        "place": float(ev.location is not None),
        "type_" + ev.event_type: 1.0,
    }


@functools.lru_cache(maxsize=1)
def _model() -> dict:
    return lexicon.read_json("confidence.json")


def confidence(ev: Event) -> float:
    """The calibrated probability that `ev` is a real event (rounded to 3 places)."""
    model = _model()
    w = model["weights"]
    z = model["bias"] + sum(w.get(k, 0.0) * v for k, v in features(ev).items())
    return round(1 / (1 + math.exp(-z)), 3)
