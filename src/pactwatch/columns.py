"""Token attributes of a parsed document as plain Python lists, read once per document.

spaCy makes a new ``Token`` object each time one is asked for (``doc[i]``, ``t.head``, each child of
``t.children``) and looks its strings up anew on every read (``t.pos_`` or ``t.tag_`` cost a few hundred
nanoseconds each). The coder's hottest loops read the same attributes of the same tokens many times,
so `columns` reads them for the whole document in one ``Doc.to_array`` call and keeps them on the
document (``user_data``): ``cols.pos[i] == doc[i].pos_`` and so on, for every token index ``i``.
Nothing here changes what is read, only how often spaCy is asked for it.

The columns themselves are built column by column (a string looked up once per distinct hash, then
every token's string by one ``map``), not token by token: a document has a few hundred tokens but a
few dozen distinct tags and dependencies.
"""
from __future__ import annotations

_KEY = "pactwatch_columns"

_STRINGS: dict[int, str] = {}
"""String of each hash seen (a hash is the string's own 64-bit hash, the same in every vocabulary)."""

_LOWERED: dict[str, str] = {}
"""Each lemma string seen, lower-cased."""


def _known(strings, *cols: list[int]) -> None:
    """Put the string of every hash of `cols` not seen yet in `_STRINGS`."""
    known = _STRINGS
    if len(known) > 500_000:
        known.clear()
    for h in set().union(*cols).difference(known):
        known[h] = strings[h]


class Columns:
    """One list per attribute, indexed by token index: ``lower`` (``Token.lower_``), ``pos``, ``tag``, ``dep``
    (the ``_`` strings), ``head`` (``Token.head.i``), ``kids`` (the indices of ``Token.children``, in the same order)
    and ``lemma`` (``rules.lemma_of`` of the token)."""

    __slots__ = ("lower", "pos", "tag", "dep", "head", "kids", "lemma")

    def __init__(self, sdoc):
        import numpy as np
        from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, TAG    # (spaCy is imported only where documents are parsed)
        from spacy.parts_of_speech import NAMES as pos_names
        from .coding.rules import inflections
        n = len(sdoc)
        if not n:
            self.lower, self.pos, self.tag, self.dep, self.head, self.kids, self.lemma = [], [], [], [], [], [], []
            return
        arr = sdoc.to_array([LOWER, POS, TAG, DEP, HEAD, LEMMA])
        lower_h, pos_i, tag_h, dep_h, _, lemma_h = arr.T.tolist()
        _known(sdoc.vocab.strings, lower_h, tag_h, dep_h, lemma_h)
        get = _STRINGS.__getitem__
        self.lower = list(map(get, lower_h))
        self.pos = list(map(pos_names.__getitem__, pos_i))
        self.tag = list(map(get, tag_h))
        self.dep = list(map(get, dep_h))
        # HEAD is stored as an offset from the token (an unsigned 64-bit number when negative): as signed, plus i
        self.head = (arr[:, 4].astype(np.int64) + np.arange(n, dtype=np.int64)).tolist()
        # spaCy gives a token's left children, then its right ones, each in text order: all in text order
        self.kids: list[list[int]] = [[] for _ in range(n)]
        kids = self.kids
        for i, h in enumerate(self.head):
            if h != i:
                kids[h].append(i)
        # `rules.lemma_from` of each token: the lemma lower-cased, a verb's repaired from its own form
        lemmas = list(map(get, lemma_h))
        lowered = _LOWERED
        if len(lowered) > 500_000:
            lowered.clear()
        for s in set(lemmas).difference(lowered):
            lowered[s] = s.lower()
        self.lemma = list(map(lowered.__getitem__, lemmas))
        fixes = inflections()
        for i in [i for i, low in enumerate(self.lower) if low in fixes]:     # (a few words of a document)
            fixed = fixes[self.lower[i]]
            if fixed and (self.pos[i] in ("VERB", "AUX") or self.tag[i].startswith("VB")):
                self.lemma[i] = fixed


LAST: tuple = (None, None)
"""(document, its columns) of the latest `columns` call: the coder asks for one document's columns hundreds of
thousands of times in a row (one tuple, replaced whole, so that a thread never reads a document with another's
columns)."""


def columns(sdoc) -> Columns:
    """The columns of a parsed document, read on first use and kept on it."""
    global LAST
    last = LAST
    if last[0] is sdoc:
        return last[1]
    cols = sdoc.user_data.get(_KEY)
    if cols is None:
        cols = sdoc.user_data[_KEY] = Columns(sdoc)
    LAST = (sdoc, cols)
    return cols
