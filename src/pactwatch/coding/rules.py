"""The coder's data: triggers (``data/triggers.tsv``) and word lists (``data/event_rules.json``), read through
the one loader (``pactwatch.lexicon``, so ``PACTWATCH_DATA`` extends them); category constants."""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from .. import lexicon
from .. import columns as _columns
from ..columns import columns

# patterns of this module's functions, compiled once (re.<fn>(PATTERN, ...) looks each one up anew)
# a final consonant doubled before -ed/-ing: "plan" -> "planned"
_CVC_ENDING = re.compile(r".*[^aeiou][aeiou][bdgklmnprt]")
_LIST_RULE_ID = re.compile(r"event_rules\.json:([a-z_+]+)(?:\[(.*)\])?")  # "event_rules.json:KEY[ENTRY]", "...:A+B"
_EXAMPLES_SUFFIX = re.compile(r" \(e\.g\. [^)]*\)$")  # " (e.g. ...)" closing a description


OTHER_TIME = re.compile(r"\b(earlier|previously|before|ago|once|formerly|in the past)\b|\bhad\s+(?:been\s+)?\w+(?:ed|en)\b"
                        r"|\blast\s+(?:week|month|year|decade|spring|summer|autumn|fall|winter|\w+day)\b")


VERBAL_TYPES = {"AGREE", "SUPPORT", "REJECT", "ACCUSE", "REQUEST", "THREATEN", "CONCEDE"}


LOCATED_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "CONCEDE", "RETREAT", "SANCTION"}


def word_trie(words: list[str]) -> str:
    """A regular expression alternation matching exactly the given words, factored by their common
    prefixes ("day|date|decade" -> "d(?:a(?:te|y)|ecade)"): the engine tries one branch per letter at each
    position instead of every word, and the set of strings matched is the same."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict) -> str:
        branches = [re.escape(ch) + alternation(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return alternation(tree)


_MONTH_DAY_STEMS = "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split()
_TIME_WORDS = ("today tonight yesterday tomorrow day week weekend month year decade century ago earlier later "
               "last next this coming past recent recently soon early late mid end beginning christmas easter "
               "thanksgiving eve morning afternoon evening night dawn noon midnight fiscal quarter season spring "
               "summer autumn fall winter one two three four five six seven eight nine ten eleven twelve "
               "twenty thirty forty fifty hundred thousand nineteen now then once date time times").split()
# whether a sentence may hold a time: a digit, a word starting like a month or weekday, or a time word
# (only ever searched; the words are in prefix-factored form, `word_trie`, which is some times faster)
MAYBE_TIME = re.compile(r"\d|\b(?:" + word_trie(_MONTH_DAY_STEMS) + r"[a-z]*\.?\b|" + word_trie(_TIME_WORDS) + r"\b)",
                        re.I)
_DIGIT_RE = re.compile(r"\d")
# MAYBE_TIME's word branch alone, with a lookahead every one of its words implies (it starts with a letter), so
# that the engine skips the positions no word can start at
_MAYBE_TIME_WORD_RE = re.compile(r"\b(?=[a-z])(?:" + word_trie(_MONTH_DAY_STEMS) + r"[a-z]*\.?\b|"
                                 + word_trie(_TIME_WORDS) + r"\b)", re.I)


_MAYBE_TIME_LOWER_RE = re.compile(_MAYBE_TIME_WORD_RE.pattern)     # (its words are lower-case)


def maybe_time(text: str) -> bool:
    """Whether `MAYBE_TIME` is found in the text (the digit and the word branches searched one at a time: the
    same answer, some times faster; an ASCII text's words looked for in it lower-cased, case-sensitively)."""
    if _DIGIT_RE.search(text) is not None:
        return True
    if text.isascii():
        return _MAYBE_TIME_LOWER_RE.search(text.lower()) is not None
    return _MAYBE_TIME_WORD_RE.search(text) is not None


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
    rule: str = ""      # the rule id the trace records: "triggers.tsv:sign/V", "event_rules.json:verb_object_types[...]"


@dataclass
class Rules:
    verbs: dict
    phrasal: dict          # (verb lemma, particle/object lemma) -> Trigger
    nouns: dict
    noun_phrases: dict     # "export controls" -> Trigger
    cfg: dict

    @functools.cached_property
    def phrasal_heads(self) -> frozenset:
        """The verbs of the phrasal triggers: no other verb starts one."""
        return frozenset(k[0] for k in self.phrasal)

    @functools.cached_property
    def meeting_nouns(self) -> frozenset:
        """The noun triggers of meetings ("visit", "trip", "talks")."""
        return frozenset(k for k, tr in self.nouns.items() if tr.cls == "meeting")

    @functools.cached_property
    def occasion_nouns(self) -> frozenset:
        """The noun triggers of meetings and accords."""
        return frozenset(k for k, tr in self.nouns.items() if tr.cls in ("meeting", "accord"))

    @functools.cached_property
    def noun_phrase_ends(self) -> frozenset:
        """What follows a space in a multi-word noun trigger: "A B" is one only if B is in this set."""
        return frozenset(p[i + 1:] for p in self.noun_phrases for i, ch in enumerate(p) if ch == " ")

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
            lem, pos = r[0].strip().lower(), r[1].strip()
            t = Trigger(lem, pos, r[2].strip(), r[3].strip(), r[4].strip() or "event", f"triggers.tsv:{lem}/{pos}")
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
        # the verbs of the triggers, then those of the word lists of verbs ("support_verbs": "relaunched" ->
        # "relaunch", which the small model lemmatises as "relaunche")
        listed = sorted({w for k, v in cfg.items() if k.endswith("_verbs") and isinstance(v, set) for w in v
                         if isinstance(w, str) and w.isalpha()})
        for lemma in list(verbs) + [k[0] for k in phrasal] + listed:
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
    if _CVC_ENDING.fullmatch(lemma) and len(lemma) <= 5:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_INFLECTIONS: dict[str, str] = {}


def lemma_of(t) -> str:
    """The token's lemma, lower-cased, with the small model's verb lemmas repaired ("hopes" -> "hope");
    read from the document's columns (`columns.Columns.lemma`: worked out once per document, since the coder
    asks for the same tokens many times)."""
    doc = t.doc
    last = _columns.LAST     # (the columns of the document asked for last, as `columns` would give them)
    return (last[1] if last[0] is doc else columns(doc)).lemma[t.i]


def inflections() -> dict[str, str]:
    """Regular verb form -> its lemma, for the verbs of the trigger tables (``Rules.cfg["inflections"]``)."""
    if not _INFLECTIONS:
        _INFLECTIONS.update(Rules.load().cfg["inflections"])
    return _INFLECTIONS


def lemma_from(lower: str, lemma: str, pos: str, tag: str) -> str:
    """`lemma_of` of a token with these ``lower_``, ``lemma_``, ``pos_`` and ``tag_`` (what `columns.Columns`
    works out for a whole document at once)."""
    if pos in ("VERB", "AUX") or tag.startswith("VB"):
        fixed = inflections().get(lower)
        if fixed:
            return fixed
    return lemma.lower()


@functools.lru_cache(maxsize=1)
def rule_descriptions() -> dict[str, str]:
    """What each rule id means: the mechanisms of ``data/rule_ids.tsv``, each trigger of ``triggers.tsv`` and
    each word list of ``event_rules.json`` (from its ``_doc``)."""
    out: dict[str, str] = {}
    for line in lexicon.read_lines("rule_ids.tsv"):
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3 or cols[0] == "id":
            continue
        out[cols[0].strip()] = f"{cols[2].strip()} [coding/{cols[1].strip()}.py]"
    r = Rules.load()
    for table in (r.verbs, r.nouns, r.phrasal, r.noun_phrases):
        for t in table.values():
            out[t.rule] = f"{t.lemma!r} ({'verb' if t.pos == 'V' else 'noun'}) starts an event of category {t.type}" + (
                f", mode {t.mode}" if t.mode else "") + f"; class {t.cls}"
    described = r.cfg.get("_describe", {})
    for key, value in r.cfg.items():
        if key.startswith("_") or key == "inflections":
            continue
        words = sorted(value)[:6] if isinstance(value, (set, list)) else sorted(value)[:3] if isinstance(value, dict) else []
        out[f"event_rules.json:{key}"] = described.get(key, f"the word list {key}") + (
            f" (e.g. {', '.join(map(str, words))})" if words else "")
    return out


def describe_rule(rule: str) -> str:
    """The description of a rule id; for ``event_rules.json:KEY[ENTRY]`` and ``A+B`` the lists' descriptions."""
    known = rule_descriptions()
    if rule in known:
        return known[rule]
    m = _LIST_RULE_ID.fullmatch(rule)
    if m:
        parts = [_EXAMPLES_SUFFIX.sub("", known.get(f"event_rules.json:{k}", k)) for k in m.group(1).split("+")]
        return (f"{m.group(2)!r}: " if m.group(2) else "") + "; ".join(parts)
    return "(no description)"
