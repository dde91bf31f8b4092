"""Items of a bulleted list that go on from the line above them.

    Under the accord, the two governments will:
    - set up a joint committee;
    - exchange researchers.

Each item is a sentence of its own (``nlp.py`` starts one at every bullet), so the parser reads the items one
by one instead of as a single run-on clause; an item that opens with a lower-case word has no subject or
modal of its own: it acts through those of its lead-in, the nearest line above the list that ends with a
colon. The functions here are pure: tokens in, tokens out.
"""
from __future__ import annotations

from ..nlp import LIST_MARKS

MAX_ITEMS_UP = 12
"""How many items above an item are passed over to find the list's lead-in."""


def _words(sent) -> list:
    return [t for t in sent if not t.is_space]


def _first_words(sent) -> list:
    """The first two tokens of `_words(sent)` (or fewer): all an item's tests read of the item itself."""
    out = []
    for t in sent:
        if not t.is_space:
            out.append(t)
            if len(out) == 2:
                break
    return out


def item_lead(sent):
    """The lead-in sentence of a list item with no subject of its own ("- will set up a committee"), or None:
    an item opened by a capital ("- Chile will pay ...") or a line that is no list item has none; nor has an
    item whose list is not introduced by a line ending in a colon."""
    words = _first_words(sent)
    if len(words) < 2 or not words[1].text[:1].islower():
        return None
    return list_lead(sent)


def list_lead(sent):
    """The lead-in sentence of any list item, opened by a capital or not ("Under the memorandum:" above
    "- Chile will pay ..."), or None: a line that is no list item has none, nor has an item whose list is not
    introduced by a line ending in a colon."""
    words = _first_words(sent)
    if len(words) < 2 or words[0].text not in LIST_MARKS:
        return None
    doc, i = sent.doc, sent.start - 1
    for _ in range(MAX_ITEMS_UP):
        if i < 0:
            return None
        prev = doc[i].sent
        above = _words(prev)
        if above and above[0].text not in LIST_MARKS:
            return prev if above[-1].text == ":" else None
        i = prev.start - 1
    return None


def _lead_word(lead):
    """The word the lead-in ends on, before its colon: "the two governments will:" -> will."""
    words = _words(lead)
    return words[-2] if len(words) >= 2 else None


def lead_subject(lead):
    """Who the items of the list act through: the subject of the lead-in's last verb or modal ("the two
    governments will:"), or the noun phrase it ends on ("Under the agreement, Lima and Quito:")."""
    w = _lead_word(lead)
    if w is None:
        return None
    if w.pos_ in ("NOUN", "PROPN"):
        while w.dep_ == "conj" and w.head.i != w.i:
            w = w.head          # "Santiago and Accra:": the first of the names
        return w
    if lead_infinitive(lead) and w.dep_ == "prep":
        # "the arrangement commits Xland and Yland to:": who is committed acts
        obj = next((c for c in w.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    verb = w.head if w.dep_ in ("aux", "auxpass", "xcomp", "prep") and lead_infinitive(lead) or w.dep_ in (
        "aux", "auxpass") else w
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def lead_infinitive(lead) -> bool:
    """Whether the lead-in ends on the "to" of the items' infinitives ("they undertook to:", "commits the two
    countries to:", "said they intend to:"): each item is what the lead-in's verb commits to, still ahead."""
    w = _lead_word(lead)
    return w is not None and w.lower_ == "to" and w.head.pos_ == "VERB"


def lead_verb(lead):
    """The verb whose "to" ends the lead-in (`lead_infinitive`), else None."""
    return _lead_word(lead).head if lead_infinitive(lead) else None


def lead_modals(lead) -> list:
    """The modals of the lead-in that the items share ("the two sides will:" -> [will]); none where the
    lead-in ends on a noun phrase."""
    w = _lead_word(lead)
    if w is None:
        return []
    if w.tag_ == "MD":
        return [w]
    return [c for c in w.children if c.dep_ == "aux" and c.tag_ == "MD"]


def lead_of_verb(v):
    """The lead-in of the list item whose own verb is `v` (the item's root, with no subject of its own), or None:
    "- run a shared database" under "the two sides will:"."""
    if v.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    return item_lead(v.sent)


def lead_of_list(sent) -> bool:
    """Whether a sentence is the lead-in of a list: it ends in a colon and the next line is a list item."""
    words = _words(sent)
    if not words or words[-1].text != ":":
        return False
    doc, j = sent.doc, sent.end
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j < len(doc) and doc[j].text in LIST_MARKS
