"""Token and phrase shapes the trigger rules test: a verb among words (with its particle), a generic plural, the
preposition that makes a meeting the setting of another event, a sequel, a phrase's head, a headline's doers, a
venue, a meeting told in passing, a clause's own date, what describes a noun, and a body's noun or acronym."""
from __future__ import annotations

import re

from ..columns import columns
from ..nlp import text_of
from .rules import lemma_of


def lem_in(v, words) -> bool:
    """Whether a verb, with its particle if it has one ("roll out"), is one of the words (read from the document's
    `columns`: the trigger pass asks this of every verb for several word lists)."""
    cols = columns(v.doc)
    lem = cols.lemma[v.i]
    if lem in words:
        return True
    dep, lower = cols.dep, cols.lower
    prt = next((lower[c] for c in cols.kids[v.i] if dep[c] == "prt"), None)
    return prt is not None and f"{lem} {prt}" in words


def lem_in_loose(v, words) -> bool:
    """`lem_in`, also with the particle parsed as a preposition or adverb ("shut Swiss institutions out of ...",
    where the parser took "out" for the head of "out of")."""
    if lem_in(v, words):
        return True
    cols = columns(v.doc)
    dep, lower, lem = cols.dep, cols.lower, cols.lemma[v.i]
    return any(dep[c] in ("prep", "advmod") and f"{lem} {lower[c]}" in words for c in cols.kids[v.i])


def low_conj(v) -> bool:
    """A finite verb the parser joined as a conjunct to a modal or infinitive clause below the verb it goes with
    ("said it hoped the issue would be resolved and urged X to ...": "urged" goes with "hoped"): a clause of its own,
    whose subject and modals are not those of the clause it hangs on."""
    h = v.head
    return v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ") and h.i != v.i and h.tag_ in ("VB", "VBN") and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "TO") for c in h.children)


def generic_plural(tok) -> bool:
    """'previous agreements', 'agreements': plural with no determiner, not a specific one."""
    return tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def frame_prep(t, trig, cfg):
    """The preposition that makes a meeting noun the setting of another event ("at their talks", "after
    talks with X", "five months after their first talks"), or None."""
    if not (t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" or t.tag_ == "VBG" and t.dep_ == "pcomp"):
        return None
    if trig is not None and (t.i not in trig or trig[t.i].cls != "meeting"):
        return None
    p = t.head
    if p.dep_ != "prep" or p.lower_ not in cfg["frame_preps"] or p.head.i == p.i:
        return None
    return p


def sequel_of(t, cfg):
    """The participle of sequence ("followed by", "preceded by": ``sequence_participles``) whose agent a
    noun is ("..., followed by consultations with business leaders"), or None."""
    p = t.head
    if t.dep_ != "pobj" or p.dep_ not in ("agent", "prep") or p.lower_ != "by":
        return None
    v = p.head
    return v if v.tag_ == "VBN" and lemma_of(v) in cfg["sequence_participles"] and v.head.i != v.i else None


def phrase_head(t):
    """The noun a modifier ends in, through the compounds after it ("seal" in "seal fisheries pact": "pact"; "close"
    in "close trade talks": "talks")."""
    cur = t
    while (cur.dep_ in ("compound", "nmod") or cur is t and cur.dep_ == "amod") and cur.head.pos_ == "NOUN" \
            and cur.head.i > cur.i:
        cur = cur.head
    return cur


def headline_doers(t) -> list:
    """The words before a headline verb read as a modifier ("Norway, Kenya ink MoU", "Thai court halts"): its doers,
    however the parser hung them; none unless a name or a nationality is among them."""
    before = [x for x in t.sent if x.i < t.i]
    return [x.i for x in before] if any(x.pos_ == "PROPN" or x.ent_type_ in ("NORP", "GPE") for x in before) else []


def venue(t, cfg) -> bool:
    """A meeting noun named as the time or place of something else: "during the summit", "ahead of a meeting"."""
    if t.dep_ != "pobj":
        return False
    p = t.head
    return p.lower_ in cfg["frame_preps"] or p.lower_ == "of" and p.head.lower_ in ("ahead", "eve")


def _told_in_passing(t, cfg):
    """The participle or past relative clause that reports a noun's event as an earlier fact ("a
    proposal made by X", "the export controls imposed in March", "controls on chips that took effect
    in April"), or None."""
    for c in t.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and lemma_of(c) in cfg["support_verbs"]:
            return c
        if c.dep_ == "relcl" and c.tag_ == "VBD" and _own_date(c):
            return c
        if c.dep_ == "prep":
            for g in c.children:     # "controls on chips that took effect in April"
                if g.dep_ == "pobj":
                    for r in g.children:
                        if r.dep_ == "relcl" and r.tag_ == "VBD" and _own_date(r):
                            return r
    return None


def _own_date(v) -> bool:
    """A verb dated by a time phrase of its own ("took effect in April", "imposed last week"), not by
    one inside its object ("in protest of last week's arrest")."""
    for c in v.children:
        if c.ent_type_ == "DATE" and c.dep_ in ("npadvmod", "tmod"):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children):
            return True
    return False


def _described_after(np) -> list:
    """The participle phrase that follows a noun phrase but that the parser hung higher up ("its list of
    nations given preferential treatment": "given" hung on the main verb): the tokens from a participle
    right after the phrase up to the next punctuation or conjunction; none when the phrase is followed by
    anything else."""
    doc, end = np.doc, max(x.i for x in np.subtree) + 1
    if end >= np.sent.end or doc[end].tag_ not in ("VBN", "VBG") or doc[end].head.i == np.i or \
            doc[end].head.i in {x.i for x in np.subtree}:
        return []
    out = []
    for x in doc[end:np.sent.end]:
        if x.is_punct or x.dep_ in ("cc", "mark"):
            break
        out.append(x)
    return out


def _hyphen_word(tok) -> str:
    """A noun with the words hyphened to it, lowercase: "buy-out" for the "out" of "a buy-out"."""
    i = tok.i
    while i >= 2 and tok.doc[i - 1].tag_ == "HYPH":
        i -= 2
    return "".join(x.lower_ for x in tok.doc[i:tok.i + 1])


def _listed_with(noun) -> list:
    """A noun and the nouns listed with it, however the parser hung the list ("a plan for ports as well as
    more cooperation on fishing": the cooperation may hang on "ports")."""
    out = [noun]
    for x in noun.subtree:
        if x.dep_ == "conj" and x.pos_ == "NOUN" and x.head.i != x.i:
            cur, ok = x.head, True
            while cur.i != noun.i:     # only lists and prepositional phrases in between, no clause
                if cur.dep_ not in ("conj", "pobj", "prep"):
                    ok = False
                    break
                cur = cur.head
            if ok:
                out.append(x)
    return out


def body_acronyms(sdoc, bodies) -> set:
    """Short names the article defines for a body of relations: "the Joint Fisheries Council (JFC)" makes
    "JFC" a council wherever it appears (cached on the document)."""
    key = "pactwatch_body_acronyms"
    found = sdoc.user_data.get(key)
    if found is None:
        found = set()
        for m in _ACRONYM_IN_PARENS.finditer(text_of(sdoc)):
            span = sdoc.char_span(m.start(), m.end())
            if span is None or len(span) != 3 or span.start == 0:
                continue
            if lemma_of(sdoc[span.start - 1]) in bodies:
                found.add(m.group(1))
        sdoc.user_data[key] = found
    return found


_ACRONYM_IN_PARENS = re.compile(r"\(([A-Z]{2,6})\)")


def body_noun(tok, cfg) -> str:
    """The lemma of a noun that names a body of relations ("council"), the defined acronym of one counting as
    a council; otherwise its own lemma."""
    lem = lemma_of(tok)
    if lem not in cfg["relation_bodies"] and tok.pos_ == "PROPN" and tok.text in body_acronyms(tok.doc, cfg["relation_bodies"]):
        return "council"
    return lem


def sequel_verb(tok, verbs):
    """The verb of sequence ("follow", "build on": event_rules.json sequel_verbs) whose subject or object `tok`
    is, else None."""
    h = tok.head
    if tok.dep_ in ("nsubj", "dobj") and h.lemma_.lower() in verbs:
        return h
    if tok.dep_ == "nsubj" and any(c.dep_ == "prep" and f"{h.lemma_.lower()} {c.lower_}" in verbs for c in h.children):
        return h            # the subject of "build on"
    if tok.dep_ == "pobj" and h.dep_ == "prep" and f"{h.head.lemma_.lower()} {h.lower_}" in verbs:
        return h.head       # "the talks build on a meeting in April"
    return None
