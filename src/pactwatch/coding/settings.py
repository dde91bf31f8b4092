"""Settings: where and when an event happened, and which agreement it concerns. Time is ``times.py``'s
job, place ``locations.py``'s; this module adds the agreement an event names and joins the three for the
coder."""
from __future__ import annotations

import re

from ..topics import find_agreements
from .locations import LocationRules
from .rules import KIND_RANK, lemma_of
from .times import TimeRules

def _pick_agreement(found) -> dict | None:
    """Of the agreements a text names, the name of a named one and the most specific kind."""
    if not found:
        return None
    named = [a for _, _, a in found if a.get("name")]
    typed = sorted((a for _, _, a in found), key=lambda a: -KIND_RANK.get(a.get("kind") or "", 2))
    return {"name": named[0]["name"] if named else None, "kind": typed[0].get("kind")}


# "negotiations on", "the text of" just before an agreement named
_TALKS_ON_LEAD = re.compile(r"\b(?:negotiat\w*|talks|text|terms|draft)\s+(?:\w+\s+){0,4}?"                                                     r"(?:on|of|over|for)\s+(?:\w+\s+){0,4}$", re.I)


class SettingRules(TimeRules, LocationRules):
    """The EventCoder steps of settings: dates of the events of a sentence, inherited dates, places and
    agreements named."""

    def _agreement(self, sent, t, folded, sdoc) -> dict | None:
        return _pick_agreement(find_agreements(sent.text))

    @staticmethod
    def _clause_agreement(m, pred, folded, sdoc) -> dict | None:
        """The agreement named in the event's own clause that it signs, promises to sign or negotiates:
        "would sign a green hydrogen partnership", "met to work on the text of a partnership"."""
        words = {lemma_of(sdoc[i]) for i in folded} | {lemma_of(pred)}
        if m.type != "CONSULT" and not words & {"sign", "signing", "ratify", "conclude"}:
            return None
        other = set()
        for c in pred.children:
            if c.dep_ in ("conj", "advcl", "ccomp", "parataxis", "relcl", "cc") and not (
                    c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
                other.update(x.i for x in c.subtree)     # other clauses; not a purpose ("met to work on")
        text = " ".join(x.text for x in pred.subtree if x.i not in other)
        found = find_agreements(text)
        if m.type == "CONSULT":
            # only what the talks were about: "negotiations on a memorandum", "the text of a partnership"
            found = [f for f in found if _TALKS_ON_LEAD.search(text[:f[0]])]
        return _pick_agreement(found)
