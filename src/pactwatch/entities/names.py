"""The words and token tests the actor resolver reads names with: bodies of government and organisation
words, title stops, portfolios, nouns of people and of bodies (``data/portfolios.txt``, ``event_rules.json``),
and whether a state is named as an embassy's owner or as the object of an act."""
from __future__ import annotations

import functools
import re

from .. import lexicon
from .doc_actors import Mention

_NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})     # PLOVER's non-state codes

GOV_BODY = re.compile(r"\b(ministry|department|office|agency|administration|commission|council|cabinet|government|"
                      r"authorities|bureau|secretariat|presidency|court|tribunal|parliament|senate|judiciary)\b", re.I)
NOT_A_NAME = re.compile(r"\b(Meeting|Ministerial|Summit|Conference|Forum|Council|Committee|Agency|Ministry|"
                        r"Office|Department|Deal|Agreement|Treaty|Accord|Initiative|Day|AI|City|Province|Prefecture)\b")
ORG_WORD = re.compile(r"\b(agency|company|corporation|corp|inc|ltd|group|university|institute|party|union|"
                      r"association|federation|foundation|bank|fund|front|movement|army|force|forces|police|"
                      r"court|parliament|assembly|congress|senate|committee|organi[sz]ation|alliance|league|"
                      r"brigade|council|tribunal|service|services|network|center|centre|laboratory|lab|labs|"
                      r"academy|society|news|times|post|press|television|radio|board|authority|consortium|"
                      r"electronics|motors|systems|technologies|industries|holdings|airlines|"
                      r"guard|militia|rebels|tigers|brotherhood|coalition|commission)\b", re.I)
TITLE_STOP_POS = {"VERB", "AUX", "ADP", "DET", "PUNCT", "CCONJ", "SCONJ", "PRON", "NUM", "SPACE", "PART"}


@functools.lru_cache(maxsize=1)
def _portfolios() -> frozenset:
    lines = lexicon.read_lines("portfolios.txt")  # the built-in list, then those of $PACTWATCH_DATA
    return frozenset(l.strip().lower() for l in lines if l.strip() and not l.startswith("#"))


_SPACE_HYPHEN_RUN = re.compile(r"[\s\-]+")


def _canon_person_key(name: str) -> str:
    return _SPACE_HYPHEN_RUN.sub(" ", name.lower()).strip()


@functools.lru_cache(maxsize=1)
def meeting_verbs() -> frozenset:
    """Verbs by which one official meets or calls on another (``people_meeting_verbs``)."""
    return frozenset(w.lower() for w in lexicon.read_json("event_rules.json").get("people_meeting_verbs", []))


@functools.lru_cache(maxsize=1)
def foreign_official_words() -> tuple[frozenset, frozenset]:
    """(envoy roles, trip nouns) of ``foreign_officials``."""
    spec = lexicon.read_json("event_rules.json").get("foreign_officials", {})
    return (frozenset(w.lower() for w in spec.get("envoy_roles", [])),
            frozenset(w.lower() for w in spec.get("trip_nouns", [])))


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset:
    return frozenset(w.lower() for w in lexicon.read_json("event_rules.json").get("person_description_nouns", []))


@functools.lru_cache(maxsize=1)
def world_wires() -> frozenset:
    """News agencies that file from everywhere (event_rules.json world_wires): their dateline says nothing of
    whose officials the report speaks."""
    return frozenset(w.lower() for w in lexicon.read_json("event_rules.json").get("world_wires", []))


@functools.lru_cache(maxsize=1)
def _body_name_heads() -> frozenset:
    return frozenset(w.lower() for w in lexicon.read_json("event_rules.json").get("body_name_heads", []))


def _named_after_firm(name: str, inner: list[Mention]) -> bool:
    """An organisation's name that starts with a firm's name and ends in a word of a body of its own
    (event_rules.json:body_name_heads: "the Apple Growers Union", "the Shell Fund"): the body is named
    after a word that is also the firm's name, no part of the firm."""
    words = name.split()
    firm = [m for m in inner if m.kind == "org" and m.entity.sector_code == "BUS"]
    return len(words) >= 2 and bool(firm) and words[-1].lower() in _body_name_heads() and \
        name.startswith(firm[0].entity.raw_text) and len(firm[0].entity.raw_text.split()) < len(words)


_TARGET_PREPS = frozenset({"against", "with", "to", "toward", "towards", "on", "at", "by", "over", "from", "into"})


# nouns of a state's presence abroad: "a spokeswoman for the U.S. embassy" names no state of the place
_ABROAD_NOUNS = frozenset({"embassy", "embassies", "consulate", "consulates", "ambassador", "ambassadors", "envoy",
                           "envoys", "legation", "chancery"})


def _abroad(tok) -> bool:
    """A state named as the owner of an embassy, consulate or envoy ("the U.S. embassy", "the embassy of
    France")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("compound", "amod", "poss", "nmod") and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.i != cur.head.i:
            cur = cur.head.head
        else:
            break
        if cur.lower_ in _ABROAD_NOUNS:
            return True
    return False


def _acted_on(tok) -> bool:
    """A state named as the object of a verb or of a preposition of the other side ("against Russia",
    "visited Chile"), also as the possessor or modifier of such an object ("Russia's forces"); the
    caller asks only of a state named itself, not of a demonym ("against 28 Chilean officials")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("dobj", "dative", "iobj"):
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ in _TARGET_PREPS:
            return True
        if cur.dep_ in ("poss", "compound", "amod", "nmod", "conj", "appos") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return False
    return False
