"""Token attributes of a parsed document as plain Python lists, read once per document.

spaCy makes a new ``Token`` object each time one is asked for (``doc[i]``, ``t.head``, each child of
``t.children``) and looks its strings up anew on every read (``t.pos_`` or ``t.tag_`` cost a few hundred
nanoseconds each). The coder's hottest loops read the same attributes of the same tokens many times,
so `columns` reads them for the whole document in one ``Doc.to_array`` call and keeps them on the
document (``user_data``): ``cols.pos[i] == doc[i].pos_`` and so on, for every token index ``i``.
Nothing here changes what is read, only how often spaCy is asked for it.
"""
from __future__ import annotations

_KEY = "pactwatch_columns"

_STRINGS: dict[int, str] = {}
"""String of each hash seen (a hash is the string's own 64-bit hash, the same in every vocabulary)."""


class Columns:
    """One list per attribute, indexed by token index: ``lower`` (``Token.lower_``), ``pos``, ``tag``, ``dep``
    (the ``_`` strings), ``head`` (``Token.head.i``), ``kids`` (the indices of ``Token.children``, in the same order)
    and ``lemma`` (``rules.lemma_of`` of the token)."""

    __slots__ = ("lower", "pos", "tag", "dep", "head", "kids", "lemma")

    def __init__(self, sdoc):
        from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, TAG    # (spaCy is imported only where documents are parsed)
        from spacy.parts_of_speech import NAMES as pos_names
        n = len(sdoc)
        rows = sdoc.to_array([LOWER, POS, TAG, DEP, HEAD, LEMMA]).tolist() if n else []
        strings = sdoc.vocab.strings
        known = _STRINGS

        if len(known) > 500_000:
            known.clear()

        def text(h: int) -> str:
            s = known.get(h)
            if s is None:
                s = known[h] = strings[h]
            return s

        self.lower = [text(r[0]) for r in rows]
        self.pos = [pos_names[r[1]] for r in rows]
        self.tag = [text(r[2]) for r in rows]
        self.dep = [text(r[3]) for r in rows]
        # HEAD is stored as an offset from the token (an unsigned 64-bit number when negative)
        self.head = [i + (r[4] if r[4] < 1 << 63 else r[4] - (1 << 64)) for i, r in enumerate(rows)]
        # spaCy gives a token's left children, then its right ones, each in text order: all in text order
        self.kids: list[list[int]] = [[] for _ in rows]
        for i, h in enumerate(self.head):
            if h != i:
                self.kids[h].append(i)
        from .coding.rules import lemma_from
        self.lemma = [lemma_from(low, text(r[5]), pos, tag)
                      for low, r, pos, tag in zip(self.lower, rows, self.pos, self.tag)]


def columns(sdoc) -> Columns:
    """The columns of a parsed document, read on first use and kept on it."""
    cols = sdoc.user_data.get(_KEY)
    if cols is None:
        cols = sdoc.user_data[_KEY] = Columns(sdoc)
    return cols
