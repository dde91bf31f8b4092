"""Technology topics and agreements mentioned in text.

* :func:`find_topics` / :func:`topics_in`: keyword spotting for SCHEMA.md's
  technology topics, driven by ``data/topics.tsv``.
* :func:`find_agreements`: named agreements ("Technology Prosperity Deal",
  "Artemis Accords") found by a capitalised-phrase pattern, and typed ones
  ("memorandum of understanding", "MOU", "free-trade pact") driven by
  ``data/agreements.tsv``.

Both TSV files share one pattern language (see their header comments): a
plain phrase, where spaces and hyphens match any run of spaces or hyphens and
an all-caps phrase (AI, 5G, R&D) is case-sensitive; or a regular expression,
case-insensitive unless it says ``(?-i:...)``, in which an unescaped space
outside a character class also matches any run of spaces or hyphens (write
``\\x20`` for exactly one space). All patterns match whole words; each table
becomes a single compiled regex with longer patterns first, so at one position
the longest pattern wins and matches never overlap. The row label ``-`` marks a
stop phrase: it covers its text and yields nothing ("quantum leap", "a great
deal of").
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pactwatch import lexicon
from pactwatch.model import TOPICS

__all__ = ["find_topics", "topics_in", "find_agreements", "TopicMatcher", "AGREEMENT_KINDS"]

STOP = "-"

_PHRASE = re.compile(r"[\w\s'’&/.-]+")
_GAP = r"[\s\-]+"


_PHRASE_WORD_SEP = re.compile(r"[\s-]+")


def _phrase_to_regex(phrase: str) -> str:
    parts = [re.escape(w) for w in _PHRASE_WORD_SEP.split(phrase.strip()) if w]
    body = _GAP.join(parts)
    if not any(c.islower() for c in phrase):        # acronym: AI, 5G, SMR, R&D
        body = f"(?-i:{body})"
    return body


def _regex_spaces(pattern: str) -> str:
    """Unescaped spaces outside character classes -> any run of spaces/hyphens."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":          # "[]...]": a literal ] first
                out.append("[]")
                i += 2
                continue
        elif c == " ":
            while i + 1 < n and pattern[i + 1] == " ":
                i += 1
            c = _GAP
        out.append(c)
        i += 1
    return "".join(out)


def compile_pattern(pattern: str) -> str:
    """One TSV pattern -> regex source (without the word boundaries)."""
    pattern = pattern.strip()
    if _PHRASE.fullmatch(pattern):
        return _phrase_to_regex(pattern)
    return _regex_spaces(pattern)


def _read_table(path: Path) -> list[tuple[str, str]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            label, sep, pattern = line.partition("\t")
            label, pattern = label.strip(), pattern.strip()
            if lineno == 1 and label in ("topic", "kind") and pattern == "pattern":
                continue
            if not sep or not label or not pattern:
                raise ValueError(f"{path}:{lineno}: expected label<TAB>pattern")
            rows.append((label, pattern))
    return rows


def _scan(src: str, i: int = 0):
    """(index, char, depth after it) for the regex syntax characters of src: escapes and the
    insides of character classes are skipped; depth counts open groups."""
    depth, in_class = 0, False
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            depth += (c == "(") - (c == ")")
            yield i, c, depth
        i += 1


def _matching_paren(src: str, i: int) -> int:
    """Index of the ")" closing the group that opens at src[i]."""
    for j, c, depth in _scan(src, i):
        if c == ")" and depth == 0:
            return j
    raise ValueError(f"unbalanced parentheses in {src!r}")


def _split_alternatives(src: str) -> list[str]:
    parts, start = [], 0
    for j, c, depth in _scan(src):
        if c == "|" and depth == 0:
            parts.append(src[start:j])
            start = j + 1
    parts.append(src[start:])
    return parts


_INLINE_GROUP = re.compile(r"\((?:\?[aiLmsux-]*:)?")
_LOOKBEHIND = re.compile(r"\(\?<[=!]")
_SIMPLE_CLASS = re.compile(r"\[(\w+)\]")


def first_chars(src: str) -> frozenset[str] | None:
    """The lower-cased characters a match of regex `src` can start with, or
    None when that is not easy to tell (then the pattern is tried everywhere)."""
    try:
        while (m := _LOOKBEHIND.match(src)):
            src = src[_matching_paren(src, 0) + 1:]
        if not src:
            return None
        c = src[0]
        if c == "(":
            m = _INLINE_GROUP.match(src)
            if not m or src.startswith("(?P") or src.startswith("(?="):
                return None
            close = _matching_paren(src, 0)
            if src[close + 1:close + 2] in ("?", "*", "{"):
                return None
            out: set[str] = set()
            for alt in _split_alternatives(src[m.end():close]):
                fc = first_chars(alt)
                if fc is None:
                    return None
                out |= fc
            return frozenset(out)
        if c == "[":
            m = _SIMPLE_CLASS.match(src)
            if not m or src[m.end():m.end() + 1] in ("?", "*", "{"):
                return None
            return frozenset(m.group(1).lower())
        if c == "\\" or not c.isalnum():
            return None
        if src[1:2] in ("?", "*", "{"):
            return None
        return frozenset(c.lower())
    except ValueError:
        return None


class TopicMatcher:
    """A table of (label, pattern) rows compiled for fast whole-word matching.

    Patterns are grouped by the character they can start with (see
    :func:`first_chars`; patterns where that is unclear join every group). A
    cheap regex finds the word starts whose first character has a group, and
    only that group's regex (longest pattern first) is tried there.
    """

    def __init__(self, rows: list[tuple[str, str]], valid_labels: tuple[str, ...] | None = None,
                 source: str = "<rows>"):
        compiled: list[tuple[str, str, frozenset[str] | None]] = []
        for label, pattern in rows:
            if valid_labels is not None and label != STOP and label not in valid_labels:
                raise ValueError(f"{source}: unknown label {label!r} for pattern {pattern!r}")
            src = compile_pattern(pattern)
            try:
                re.compile(src, re.I)
            except re.error as e:
                raise ValueError(f"{source}: bad pattern {pattern!r}: {e}") from None
            compiled.append((label, src, first_chars(src)))
        # Longest first, so that at one position the longest alternative wins.
        compiled.sort(key=lambda row: len(row[1]), reverse=True)
        self.rows = compiled
        anywhere = [row for row in compiled if row[2] is None]
        chars = sorted({c for row in compiled if row[2] for c in row[2]})
        self._by_char = {c: self._compile([row for row in compiled if row[2] is None or c in row[2]])
                         for c in chars}
        self._any = self._compile(anywhere)
        if self._any is not None:
            self._starts = re.compile(r"(?<!\w)\w")
        else:
            self._starts = re.compile(r"(?<!\w)[" + "".join(re.escape(c) for c in chars) + "]", re.I)

    @staticmethod
    def _compile(rows):
        if not rows:
            return None
        labels: dict[int, str | None] = {}
        alts, group = [], 1
        for label, src, _ in rows:
            labels[group] = None if label == STOP else label
            alts.append(f"({src})")
            group += 1 + re.compile(src, re.I).groups
        return re.compile("(?:" + "|".join(alts) + r")(?!\w)", re.I).match, labels

    def finditer(self, text: str):
        """(start, end, label) for each match, leftmost first and never
        overlapping; stop phrases cover their text but are not reported."""
        by_char, anywhere = self._by_char, self._any
        last = 0
        for w in self._starts.finditer(text):
            i = w.start()
            if i < last:
                continue
            entry = by_char.get(text[i].lower(), anywhere)
            if entry is None:
                continue
            match, labels = entry
            m = match(text, i)
            if m is None:
                continue
            last = m.end()
            label = labels[m.lastindex]
            if label is not None:
                yield i, last, label


# ------------------------------------------------------------------ topics

# "Office of Science and Technology Policy", "Ministry of Education, Science
# and Technology", "Minister for AI": a capitalised match right after an
# institution word + of/for is part of a name, not a topic.
_ORG_BEFORE = re.compile(
    r"\b(?:Office|Ministry|Ministries|Minister|Ministers|Department|Dept\.?|Secretary|Secretariat|"
    r"Academy|Academies|Institute|Institutes|Council|Committee|Commission|University|College|School|"
    r"Museum|Bureau|Directorate|Agency|Foundation|Society|Association|Corporation|Laboratory|"
    r"Laboratories|Administration)"
    r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*,?\s+(?:(?:and|&)\s+)?)*$")
# "Science Minister", "Science and Technology Committee", "AI Office".
_ORG_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:Minister|Ministers|Ministry|Secretary|Office|Department|Committee|Council|Commission|"
    r"Institute|Academy|University|College|Museum|Bureau|Foundation|Agency|Administration|Authority)\b")
_LOOKBACK = 100


def _in_org_name(text: str, start: int, end: int) -> bool:
    if _ORG_BEFORE.search(text, max(0, start - _LOOKBACK), start):
        return True
    # Only a Title-Case match can head a name ("Science and Technology Minister").
    words = text[start:end].split()
    if all(w[:1].isupper() or w in ("and", "&", "of") for w in words):
        return _ORG_AFTER.match(text, end) is not None
    return False


@lru_cache(maxsize=1)
def _topic_matcher() -> TopicMatcher:
    paths = lexicon.files("topics.tsv")
    return TopicMatcher([row for p in paths for row in _read_table(p)], TOPICS, ", ".join(map(str, paths)))


def find_topics(text: str) -> list[tuple[int, int, str]]:
    """(start, end, topic) for each topic keyword in `text`: non-overlapping,
    in text order. Keywords inside names of institutions do not count."""
    out = []
    for start, end, topic in _topic_matcher().finditer(text):
        if text[start].isupper() and _in_org_name(text, start, end):
            continue
        out.append((start, end, topic))
    return out


def topics_in(text: str) -> list[str]:
    """Distinct topics of `text` in order of first appearance."""
    seen: dict[str, None] = {}
    for _, _, topic in find_topics(text):
        seen.setdefault(topic, None)
    return list(seen)


# ------------------------------------------------------------------ agreements

_HEAD_KIND = {
    "deal": "deal", "agreement": "agreement", "agreements": "agreement", "accord": "accord",
    "accords": "accord", "treaty": "treaty", "treaties": "treaty", "pact": "pact", "pacts": "pact",
    "partnership": "partnership", "initiative": "initiative", "framework": "framework",
    "declaration": "declaration", "charter": "charter", "compact": "compact", "alliance": "alliance",
    "memorandum": "memorandum of understanding", "memorandum of understanding": "memorandum of understanding",
    "mou": "memorandum of understanding", "protocol": "protocol", "convention": "convention",
    "arrangement": "arrangement",
}
AGREEMENT_KINDS = tuple(sorted(set(_HEAD_KIND.values()) | {
    "trade deal", "letter of intent", "joint statement", "joint declaration"}))

_WHEN = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
         r"June|July|August|September|October|November|December)\b")
# A capitalised word ("Korea", "U.S.-Korea", "Korea-U.S.", "K-Chips") or a number.
_CAPW = rf"(?!{_WHEN})(?:[A-Z](?:[\w'’&-]|\.(?=[\w-]))*(?:(?<=\.[A-Z])\.)?|\d[\w-]*)"
_CONN = r"(?:of|on|for|and|the|in|to|&|de|du|des|la|le)"
_CHAIN = rf"{_CAPW}(?:\s+(?:{_CONN}\s+)*{_CAPW})*"
_HEAD = (r"(?:Memorandum\s+of\s+Understanding|Memorandum|MOU|MoU|Deal|Agreements?|Accords?|Treat(?:y|ies)|"
         r"Pacts?|Partnership|Initiative|Framework|Declaration|Charter|Compact|Alliance|Protocol|Convention|"
         r"Arrangement)")
_NAMED = re.compile(
    rf"(?<![\w.])(?=[A-Z\d])(?:(?P<pre>{_CHAIN})\s+)?(?P<head>{_HEAD})(?!\w)"
    # "... on the Non-Proliferation of ...", "... on Science and Technology Cooperation"; not "Deal for Korea"
    rf"(?P<tail>\s+(?:on|for|of|concerning|regarding)\s+"
    rf"(?:the\s+{_CHAIN}|{_CAPW}(?:\s+(?:{_CONN}\s+)*{_CAPW})+))?")

# Words that open a capitalised run without being part of the name
# ("Under the ...", "Korea, US Sign ...").
_LEAD = frozenset("""
The A An This That These Those Its Their Our His Her My Your Any Each Every Such
Under With Without After Before During Through Via Per Upon From To For Of On In At By As And Or But
Also Both Meanwhile However When While Since If Once Despite Amid Against Toward Towards
Sign Signs Signed Signing Reach Reaches Reached Agree Agrees Agreed Seal Seals Sealed Strike Strikes Struck
Ink Inks Inked Announce Announces Announced Launch Launches Launched Unveil Unveils Unveiled Hail Hails
Hailed Renew Renews Renewed Extend Extends Extended Join Joins Joined Finalize Finalise Finalizes Finalises
Finalized Finalised Conclude Concludes Concluded Adopt Adopts Adopted Ratify Ratifies Ratified Back Backs
Landmark Historic Major First Proposed Planned Draft Final Interim Preliminary
""".split())
# A name made only of these words is a typed agreement, not a named one
# ("Free Trade Agreement", "Science and Technology Agreement").
_GENERIC = frozenset("""
free trade joint cooperation cooperative economic bilateral multilateral trilateral security peace nuclear
technology technological science scientific strategic comprehensive investment defense defence tariff
partnership research innovation agreement agreements deal framework understanding of and on for the in
new global international regional mutual basic general implementing
""".split())


_WHITESPACE_RUN = re.compile(r"\s+")
_LETTER_WORD = re.compile(r"[A-Za-z]+")


def _named_kind(name: str, head: str) -> str:
    h = _WHITESPACE_RUN.sub(" ", head).lower()
    kind = _HEAD_KIND.get(h, h)
    words = _LETTER_WORD.findall(name)
    if "Trade" in words and kind in ("agreement", "deal", "pact", "accord", "partnership"):
        return "trade deal"
    if "Economic Partnership" in name and kind in ("agreement", "partnership"):
        return "trade deal"
    if kind == "declaration" and name.startswith("Joint Declaration"):
        return "joint declaration"
    return kind


_HEAD_GATE = re.compile(r"(?<!\w)(?:Memorandum|MOU|MoU|Deal|Agreement|Accord|Treat|Pact|Partnership|Initiative|"
                        r"Framework|Declaration|Charter|Compact|Alliance|Protocol|Convention|Arrangement)")


_NON_SPACE_RUN = re.compile(r"\S+")
_NAME_WORD = re.compile(r"[\w'’&.-]+")  # a word of an agreement name: "Korea's", "R&D", "U.S.", "Indo-Pacific"


def _named_agreements(text: str) -> list[tuple[int, int, dict[str, Any]]]:
    out: list[tuple[int, int, dict[str, Any]]] = []
    if _HEAD_GATE.search(text) is None:      # cheap: most sentences name no agreement
        return out
    for m in _NAMED.finditer(text):
        start = m.start()
        pre = m.group("pre") or ""
        # the name starts after the last word that cannot be part of it
        # ("Under the ...", "Korea, US Sign Landmark ... Deal")
        words = list(_NON_SPACE_RUN.finditer(pre))
        k = len(words)
        while k > 0 and words[k - 1].group() not in _LEAD:
            k -= 1
        while k < len(words) and words[k].group().islower():
            k += 1
        modifiers = [w.group() for w in words[k:]]
        if k < len(words):
            start = m.start("pre") + words[k].start()
        elif pre:
            start = m.start("head")
        tail = m.group("tail")
        if not modifiers and not tail:
            continue
        name = text[start:m.end()]
        if not tail:
            content = [w.lower() for w in _NAME_WORD.findall(name)]
            if all(w in _GENERIC for w in content):
                continue
        out.append((start, m.end(), {"name": " ".join(name.split()), "kind": _named_kind(name, m.group("head"))}))
    return out


@lru_cache(maxsize=1)
def _agreement_matcher() -> TopicMatcher:
    paths = lexicon.files("agreements.tsv")
    return TopicMatcher([row for p in paths for row in _read_table(p)], None, ", ".join(map(str, paths)))


def find_agreements(text: str) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, {"name": str | None, "kind": str}) for each agreement
    mention, in text order, non-overlapping. Named agreements take their
    kind from the head word (Deal -> "deal", Treaty -> "treaty", a name with
    "Trade" -> "trade deal"); typed mentions have name None."""
    named = _named_agreements(text)
    out = list(named)
    for start, end, kind in _agreement_matcher().finditer(text):
        if any(s < end and start < e for s, e, _ in named):
            continue
        out.append((start, end, {"name": None, "kind": kind}))
    out.sort(key=lambda x: x[0])
    return out
