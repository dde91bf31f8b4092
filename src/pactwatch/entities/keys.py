"""How names are matched: word tokens, folded (case, accents), the look-up key of a name and of a person's
name, the case constraints of a surface form, and the trie entry of one form (``_Entry``)."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

# ----------------------------------------------------------------------------------------------
# tokens

_TOKEN_RE = re.compile(r"[^\W_]+|&")
# characters that may separate the tokens of one multi-word name ("Guinea-Bissau", "U.S.",
# "People's", "Washington, D.C.", "Trinidad & Tobago")
_GAP_CHARS = frozenset(" \t\u00a0.-\u2010\u2011\u2013'\u2019,/")
# pattern words whose case never matters ("the Hague", "al-Qaeda", "Côte d'Ivoire")
_FREE_WORDS = frozenset({"the", "of", "and", "for", "de", "du", "des", "la", "le", "les", "al", "el",
                         "d", "s", "da", "do", "dos", "y", "et", "und", "in", "on", "at", "to", "an"})

_FOLD_CACHE: dict[str, str] = {}


def _fold(tok: str) -> str:
    """Case- and accent-folded form of one token ("&" reads as "and")."""
    if tok.isascii():
        return "and" if tok == "&" else tok.lower()
    f = _FOLD_CACHE.get(tok)
    if f is None:
        f = "".join(c for c in unicodedata.normalize("NFKD", tok) if not unicodedata.combining(c))
        f = f.casefold().replace("ß", "ss")
        if len(_FOLD_CACHE) < 100_000:
            _FOLD_CACHE[tok] = f
    return f


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _keys(text: str, ms: list[re.Match]) -> list[str]:
    """Folded keys of the tokens `ms` of `text` (fast path for ASCII text)."""
    if text.isascii():
        keys = _TOKEN_RE.findall(text.lower())   # ASCII lower-casing keeps every token intact
        if "&" in text:
            keys = ["and" if k == "&" else k for k in keys]
        return keys
    return [_fold(m.group()) for m in ms]


def _trie_matches(trie: dict, keys: list[str], text: str, ms: list[re.Match], i: int) -> list[tuple[int, Any]]:
    """(last token index, payload) of every trie phrase that starts at token i, shortest first; the
    tokens of a phrase may be separated only by what `_gap_ok` allows."""
    out: list[tuple[int, Any]] = []
    node = trie.get(keys[i])
    j, n = i, len(ms)
    while node is not None:
        payload = node.get("")
        if payload is not None:
            out.append((j, payload))
        j += 1
        if j >= n or not _gap_ok(text[ms[j - 1].end():ms[j].start()], ms[j - 1].group()):
            break
        node = node.get(keys[j])
    return out


def _gap_ok(gap: str, prev_tok: str) -> bool:
    """May `gap` separate two tokens of one name? (No line breaks, no sentence-final periods.)"""
    if gap == " ":
        return True
    if len(gap) > 3:
        return False
    for c in gap:
        if c not in _GAP_CHARS:
            return False
    if "." in gap and len(prev_tok) > 3:
        return False
    return True


def norm_key(text: str) -> tuple[str, ...]:
    """The folded token sequence used as the look-up key of a name."""
    return tuple(_fold(t) for _, _, t in _tokens(text))


# letters that Unicode does not decompose into a base letter plus accents ("Wałęsa", "Đinđić",
# "Yıldırım", "Løkke"); folded for person names, where spellings with and without them alternate
_PERSON_FOLD = str.maketrans({"ł": "l", "đ": "d", "ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d",
                              "þ": "th", "ħ": "h"})
# leading words that are not part of a person's name ("Mr. Putin", "the late King Hussein")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister", "madam", "madame", "dr", "sir", "dame", "lord",
                         "lady", "the", "former", "ex", "late", "onetime", "erstwhile", "then", "new",
                         "s", "h", "e", "his", "her", "excellency", "majesty", "highness", "sheikh",
                         "shaikh", "ayatollah", "mullah", "gen", "general", "col", "colonel", "marshal"})
# the Arabic article, written as its own token ("al-Assad", "el-Sisi"): a second key without it
_ARTICLES = frozenset({"al", "el"})


def _person_key(text: str) -> tuple[str, ...]:
    return tuple(_fold(t).translate(_PERSON_FOLD) for _, _, t in _tokens(text))


# case constraint of one pattern token
_EXACT, _CAP = 1, 2


def _constraints(form: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, str], ...]]:
    """(scan constraints, look-up constraints) for a surface form.

    Scan: capitals inside a token (US, DoD, the U of U.S.) -> exact; capitalised word -> capital
    first letter; lower-case and function words -> free. Look-up: only all-capital tokens of up to
    three letters must be exact.
    """
    scan: list[tuple[int, int, str]] = []
    look: list[tuple[int, str]] = []
    for i, (_, _, t) in enumerate(_tokens(form)):
        if t == "&" or _fold(t) in _FREE_WORDS and not t.isupper():
            continue
        letters = [c for c in t if c.isalpha()]
        if not letters:
            continue
        upper_rest = any(c.isupper() for c in t[1:])
        if upper_rest or (len(t) == 1 and t.isupper()) or (not t[0].isupper() and any(c.isupper() for c in t)):
            scan.append((i, _EXACT, t))
            if t.isupper() and len(letters) <= 3:
                look.append((i, t))
        elif t[0].isupper():
            scan.append((i, _CAP, ""))
    return tuple(scan), tuple(look)


_KIND_PRIORITY = {"name": 0, "demonym": 1, "org": 2, "capital": 3, "block": 9}


class _Entry:
    """One surface form of a country or organisation, as stored in the trie."""
    __slots__ = ("kind", "obj", "scan", "look", "dot", "prio", "seq", "form")

    def __init__(self, kind: str, obj: object, form: str, seq: int):
        self.kind = kind
        self.obj = obj
        self.form = form
        self.scan, self.look = _constraints(form)
        self.dot = form.endswith(".")
        self.prio = _KIND_PRIORITY[kind]
        self.seq = seq
