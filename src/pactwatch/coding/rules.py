"""The coder's data: triggers (``data/triggers.tsv``) and word lists (``data/event_rules.json``), read through
the one loader (``pactwatch.lexicon``, so ``PACTWATCH_DATA`` extends them); category constants."""
from __future__ import annotations

from dataclasses import dataclass
import csv
import functools
import re

from .. import lexicon


OTHER_TIME = re.compile(r"\b(earlier|previously|before|ago|once|formerly|in the past)\b|\bhad\s+(?:been\s+)?\w+(?:ed|en)\b"
                        r"|\blast\s+(?:week|month|year|decade|spring|summer|autumn|fall|winter|\w+day)\b")


VERBAL_TYPES = {"AGREE", "SUPPORT", "REJECT", "ACCUSE", "REQUEST", "THREATEN", "CONCEDE"}


LOCATED_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "CONCEDE", "RETREAT", "SANCTION"}


MAYBE_TIME = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b|"
    r"\b(?:today|tonight|yesterday|tomorrow|day|week|weekend|month|year|decade|century|ago|earlier|later|"
    r"last|next|this|coming|past|recent|recently|soon|early|late|mid|end|beginning|christmas|easter|"
    r"thanksgiving|eve|morning|afternoon|evening|night|dawn|noon|midnight|fiscal|quarter|season|spring|"
    r"summer|autumn|fall|winter|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|nineteen|now|then|once|date|time|times)\b", re.I)


TRIGGER_POS = {"VERB", "AUX", "NOUN", "PROPN", "ADJ"}


NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


KIND_RANK = {"memorandum of understanding": 5, "treaty": 5, "trade deal": 4, "accord": 3, "pact": 3, "partnership": 2,
             "agreement": 1, "deal": 1}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str
    cls: str


@dataclass
class Rules:
    verbs: dict
    phrasal: dict          # (verb lemma, particle/object lemma) -> Trigger
    nouns: dict
    noun_phrases: dict     # "export controls" -> Trigger
    cfg: dict

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> "Rules":
        verbs, phrasal, nouns, noun_phrases = {}, {}, {}, {}
        rows = []
        for path in lexicon.files("triggers.tsv"):  # the built-in table, then those of $PACTWATCH_DATA
            with path.open(encoding="utf-8") as f:
                rows += [r for r in csv.reader((l for l in f if l.strip() and not l.startswith("#")), delimiter="\t")
                         if r and r[0].strip().lower() != "lemma"]  # each file may start with the header
        for r in rows:
            r = (r + ["", "", "", "", ""])[:5]
            t = Trigger(r[0].strip().lower(), r[1].strip(), r[2].strip(), r[3].strip(), r[4].strip() or "event")
            words = t.lemma.split()
            if t.pos == "V":
                if len(words) == 1:
                    verbs[t.lemma] = t
                else:
                    phrasal[(words[0], words[-1])] = t
            else:
                if len(words) == 1:
                    nouns[t.lemma] = t
                else:
                    noun_phrases[t.lemma] = t
        cfg = lexicon.read_json("event_rules.json")
        for k, v in list(cfg.items()):
            if isinstance(v, list):
                cfg[k] = set(v)
        inflections = {}
        for lemma in list(verbs) + [k[0] for k in phrasal]:
            for form in _inflect(lemma):
                inflections.setdefault(form, lemma)
        cfg["inflections"] = inflections
        return cls(verbs, phrasal, nouns, noun_phrases, cfg)


def _inflect(lemma: str) -> set[str]:
    """Regular English forms of a verb, to repair the small model's lemmatiser ("hopes" -> "hop")."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", lemma) and len(lemma) <= 5:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_INFLECTIONS: dict[str, str] = {}


def lemma_of(t) -> str:
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        if not _INFLECTIONS:
            _INFLECTIONS.update(Rules.load().cfg["inflections"])
        fixed = _INFLECTIONS.get(t.lower_)
        if fixed:
            return fixed
    return t.lemma_.lower()
