"""Noun-phrase helpers of the participant rules: which tokens of a noun phrase can name a party."""
from __future__ import annotations

from bisect import bisect_left

from ..columns import columns
from .rules import Rules


def _in_span(i: int, span) -> bool:
    """Whether token `i` is in `span` (a sentence): cheaper than comparing ``sdoc[i].sent``, which
    walks the sentence."""
    return span.start <= i < span.end


def _maker_clause_within(tok) -> bool:
    """Whether the tokens from the left to the right edge of `tok`'s subtree hold a past participle clause on a
    noun ("a committee ... set up by Canada"), the only clauses `np_tokens` looks into: most noun phrases hold
    none, and their subtree need not be walked. Those clauses of a document are listed once (cached on it)."""
    sdoc = tok.doc
    found = sdoc.user_data.get(_MAKER_CLAUSES)
    if found is None:
        cols = columns(sdoc)        # (read from the document's columns: no token made for each word)
        pos = cols.pos
        found = sdoc.user_data[_MAKER_CLAUSES] = [i for i, (dep, tag, h) in enumerate(zip(cols.dep, cols.tag, cols.head))
                                                  if dep == "acl" and tag == "VBN" and pos[h] in ("NOUN", "PROPN")]
    if not found:
        return False
    k = bisect_left(found, tok.left_edge.i)
    return k < len(found) and found[k] <= tok.right_edge.i


_MAKER_CLAUSES = "pactwatch_maker_clauses"


_NP_TOKENS = "pactwatch_np_tokens"


def np_tokens(tok, with_of: bool, frames) -> list[int]:
    """Tokens of the noun phrase headed by `tok` that can name participants: the head, its
    conjuncts, modifiers, possessors and appositions, and (optionally) its "of" complements
    ("the top diplomats of South Korea and the US"), the members it lists ("leaders from many countries,
    including X and Y") and the makers of a body ("a committee on quantum
    science set up by Canada and Japan"); not other prepositional phrases or clauses.
    With the rules' own ``frame_nouns`` (every caller's), remembered per token on the document: the
    participant rules ask for the same phrases at each mention of a sentence."""
    if frames is not Rules.load().cfg["frame_nouns"]:
        return _np_tokens(tok, with_of, frames)
    memo = tok.doc.user_data.get(_NP_TOKENS)
    if memo is None:
        memo = tok.doc.user_data[_NP_TOKENS] = {}
    key = (tok.i, with_of)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(_np_tokens(tok, with_of, frames))
    return list(found)


def _np_tokens(tok, with_of: bool, frames) -> list[int]:
    cfg = Rules.load().cfg
    out, stack = [], [tok]
    # "blacklisted part of the Emirati company": the whole names the party
    partitive = tok.lower_ in cfg["partitive_objects"] and tok.dep_ in ("dobj", "nsubjpass")
    if with_of and tok.pos_ in ("NOUN", "PROPN") and _maker_clause_within(tok):
        for d in tok.subtree:
            if d.dep_ == "acl" and d.tag_ == "VBN" and d.head.pos_ in ("NOUN", "PROPN"):
                stack.extend(p for a in d.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj")
    while stack:
        t = stack.pop()
        out.append(t.i)
        for c in t.children:
            if c.dep_ in ("conj", "compound", "amod", "nmod", "poss", "appos", "nummod", "case", "cc", "det",
                          "quantmod", "npadvmod"):
                stack.append(c)
            elif c.dep_ in ("acl", "amod") and c.tag_ in ("VBN", "JJ") and with_of:
                for pp in c.children:
                    if pp.dep_ in ("prep", "dative") and pp.lower_ in ("to", "for", "against"):     # "aid sent to Sudan"
                        stack.extend(p for p in pp.children if p.dep_ == "pobj")
            elif c.dep_ == "prep" and with_of and (t.lower_ not in frames or partitive) and (
                    c.lower_ in ("of", "against", "to") or (t.i == tok.i and c.lower_ in ("from", "in", "for", "by"))
                    or c.lower_ == "including" and t.lemma_.lower() in cfg["group_nouns"]):
                # "leaders from many countries, including X and Y" names X and Y (not "areas including trade")
                if c.lower_ == "in" and (t.lemma_.lower() in cfg["posted_abroad_nouns"] or t.ent_type_ == "PERSON"):
                    continue        # "China's embassy in Prague": where the embassy sits, no party; "Biden, also in
                    #                 Lima for APEC": where the person is
                # "chips of U.S. origin": where goods come from, no party
                stack.extend(p for p in c.children if p.dep_ == "pobj" and not (
                    c.lower_ == "of" and p.lemma_.lower() in cfg["provenance_nouns"]))
    return out
