"""Size limits that mean what they say: a document over spaCy's max_length, a very long article
and a huge run-on sentence are each processed within bounds (or rejected with their own reason),
and one bad document never fails the others of its batch.

The sizes here are small (the piece size, spaCy's max_length and the sentence cap are lowered
for the test), so that the behaviour of a multi-megabyte input is tested in seconds;
``bench/bigdoc.py`` runs the real worst cases."""
from __future__ import annotations

import json

import pytest

from pactwatch import nlp
from pactwatch.model import DocResult, Document, Failure
from pactwatch.pipeline import extract_document, extract_many

# Paragraphs written for these tests: each names its people in full and says who met whom,
# so that it can be coded on its own.
PARAGRAPHS = [
    "Indian Science Minister Arjun Mehta and Japanese Foreign Minister Keiko Tanaka signed an agreement "
    "on quantum computing research in New Delhi on Tuesday. The two countries will open a joint laboratory "
    "next year, officials said.",
    "Brazilian President Lucia Andrade met Canadian Prime Minister Owen Fraser in Ottawa on March 3 to "
    "discuss cooperation on critical minerals. Brazil pledged $40 million for a joint battery research fund.",
    "Kenya and Germany agreed on Friday to cooperate on clean energy research, the German Foreign Office "
    "said in a statement. German Economy Minister Petra Vogel will visit Nairobi in June.",
    "Australian Industry Minister Liam Carter criticized China over new export controls on gallium, "
    "saying the rules would hurt semiconductor makers. Beijing rejected the criticism on Thursday.",
    "South Korea and France signed a memorandum of understanding on space cooperation in Paris on "
    "Wednesday. French Research Minister Claire Dubois said the accord would fund twenty joint projects.",
]
DATE = "2025-08-05"

# (country, demonym, capital) for `article`'s stories; every pair of them is a different story
COUNTRIES = [("India", "Indian", "New Delhi"), ("Japan", "Japanese", "Tokyo"), ("Brazil", "Brazilian", "Brasilia"),
             ("Canada", "Canadian", "Ottawa"), ("Kenya", "Kenyan", "Nairobi"), ("Germany", "German", "Berlin"),
             ("France", "French", "Paris"), ("Australia", "Australian", "Canberra"), ("Chile", "Chilean", "Santiago"),
             ("Norway", "Norwegian", "Oslo"), ("Vietnam", "Vietnamese", "Hanoi"), ("Egypt", "Egyptian", "Cairo")]
GIVEN = "Arjun Keiko Lucia Owen Petra Liam Claire Tomas Ines Mateo Anna Rafael".split()
FAMILY = "Mehta Tanaka Andrade Fraser Vogel Carter Dubois Lindqvist Novak Ishikawa Varga Okafor".split()
MONTHS = "January February March April May June July September October November".split()
TECH = ["quantum computing", "battery", "semiconductor", "clean energy", "space", "vaccine"]
STORY = ("{ad} Science Minister {p1} and {bd} Foreign Minister {p2} signed an agreement on {tech} research in "
         "{bc} on {month} {day}. {a} pledged ${n} million for a joint laboratory in {ac}, officials said.")


def stories():
    """Paragraphs, each a different story with its own countries, people and date."""
    i = 0
    for x, (a, ad, ac) in enumerate(COUNTRIES):
        for b, bd, bc in COUNTRIES[x + 1:]:
            yield STORY.format(ad=ad, bd=bd, a=a, ac=ac, bc=bc, tech=TECH[i % len(TECH)],
                               p1=f"{GIVEN[i % 12]} {FAMILY[(i // 12) % 12]}",
                               p2=f"{GIVEN[(i + 5) % 12]} {FAMILY[(i // 12 + 7) % 12]}",
                               month=MONTHS[i % len(MONTHS)], day=1 + i % 27, n=10 + i)
            i += 1


def article(n_chars: int, sep: str = "\n\n") -> str:
    """Different stories, one paragraph each, until the text has at least `n_chars` characters."""
    out, size = [], 0
    for p in stories():
        if size >= n_chars:
            break
        out.append(p)
        size += len(p) + len(sep)
    assert size >= n_chars, "not enough stories for that size"
    return sep.join(out) + "\n"


def ok(item: DocResult | Failure) -> DocResult:
    assert isinstance(item, DocResult), f"expected a result, got {item}"
    return item


def assert_offsets_exact(res: DocResult) -> None:
    text = res.document.text
    for s in res.sentences:
        assert text[s.start:s.end] == s.text
    assert [s.index for s in res.sentences] == list(range(len(res.sentences)))
    assert all(a.end <= b.start for a, b in zip(res.sentences, res.sentences[1:]))
    for e in res.entities:
        assert 0 <= e.start < e.end <= len(text)
    for ev in res.events:
        for x in ev.evidence:
            assert x.doc_id == res.document.id
            assert text[x.start:x.end] == x.text
    assert len({ev.id for ev in res.events}) == len(res.events)


def signature(res: DocResult) -> list[tuple]:
    return [(ev.id, ev.event_type, [(x.start, x.end) for x in ev.evidence],
             sorted(e.entity_name for e in ev.actor), sorted(e.entity_name for e in ev.recipient), ev.date)
            for ev in res.events]


@pytest.fixture
def small_max_length(monkeypatch):
    """spaCy's max_length lowered to 6,000 characters for one test."""
    monkeypatch.setattr(nlp.load_nlp(), "max_length", 6_000)


def test_a_document_over_max_length_does_not_fail_its_batch(small_max_length) -> None:
    normal = [Document(id=f"n{i}", text=PARAGRAPHS[i], date=DATE) for i in range(3)]
    long = Document(id="long", text=article(12_000), date=DATE)
    assert len(long.text) > nlp.load_nlp().max_length
    alone = [ok(r) for r in extract_many(normal)]
    out = list(extract_many([normal[0], long, normal[1], normal[2]]))
    assert all("StopIteration" not in str(r) for r in out)
    got = [ok(r) for r in out]
    # the normal documents get exactly the events they get on their own
    assert [signature(r) for r in (got[0], got[2], got[3])] == [signature(r) for r in alone]
    # the long one is processed in pieces under max_length, every paragraph coded
    assert len(got[1].events) >= long.text.count("\n\n")
    assert_offsets_exact(got[1])


def test_a_document_spacy_fails_on_fails_alone(monkeypatch) -> None:
    """A pipeline error on one document (here a component that raises on it) fails that document
    with its own reason; the others of the batch are processed."""
    from spacy.language import Language

    name = "pactwatch_test_refuse"
    if not Language.has_factory(name):
        @Language.component(name)
        def refuse(doc):
            if "Kenya" in doc.text:
                raise ValueError("refused for the test")
            return doc
    sp = nlp.load_nlp()
    sp.add_pipe(name, last=True)
    try:
        docs = [Document(id=f"d{i}", text=p, date=DATE) for i, p in enumerate(PARAGRAPHS)]
        out = list(extract_many(docs))
    finally:
        sp.remove_pipe(name)
    assert [type(r).__name__ for r in out] == ["DocResult", "DocResult", "Failure", "DocResult", "DocResult"]
    assert out[2].doc_id == "d2" and "refused for the test" in out[2].reason
    assert all(ok(r).events for i, r in enumerate(out) if i != 2)


def test_long_multiline_document_is_parsed_in_pieces_with_exact_offsets() -> None:
    text = "date 2025-08-05\n" + article(8_000)
    doc = Document(id="big", text=text, date=DATE, body_start=len("date 2025-08-05\n"))
    whole = extract_document(doc)
    pieces = extract_document(doc, piece_chars=2_500)
    assert_offsets_exact(whole)
    assert_offsets_exact(pieces)
    # self-contained paragraphs cut at blank lines: the same events, ids and offsets as in one parse
    assert signature(pieces) == signature(whole)
    assert [(s.start, s.end) for s in pieces.sentences] == [(s.start, s.end) for s in whole.sentences]


def test_pieces_cover_the_text_exactly() -> None:
    text = "one two three\n\nfour five six seven\neight nine " + "x" * 50 + " ten\n"
    for size in (5, 12, 20, 40, 1000):
        cuts = nlp.pieces(text, size)
        assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
        assert all(0 < e - s <= size for s, e in cuts)
    # cut after a blank line when there is one, else after a line break, else after a space
    assert nlp.pieces(text, 30)[0] == (0, 15)
    assert nlp.pieces("aaaa bbbb\ncccc dddd", 12)[0] == (0, 10)
    assert nlp.pieces("aaaa bbbb cccc dddd", 12)[0] == (0, 10)


def test_a_huge_run_on_sentence_is_not_coded_and_says_so() -> None:
    words = ("the minister met the ambassador and signed an agreement on research cooperation "
             "with the delegation ").split()
    run_on = " ".join(words[i % len(words)] for i in range(3_000))
    text = PARAGRAPHS[0] + "\n\n" + run_on + "\n\n" + PARAGRAPHS[1] + "\n"
    res = extract_document(Document(id="runon", text=text, date=DATE))
    warned = [w for w in res.document.warnings if "not coded for events" in w]
    assert warned, res.document.warnings
    assert f"longer than {nlp.MAX_SENTENCE_TOKENS} tokens" in warned[0]
    start = text.index(run_on)
    end = start + len(run_on)
    assert res.events and not any(start <= x.start < end for ev in res.events for x in ev.evidence)
    # the sentences around it are coded as usual
    assert any(x.start < start for ev in res.events for x in ev.evidence)
    assert any(x.start >= end for ev in res.events for x in ev.evidence)
    assert_offsets_exact(res)


def test_a_document_over_max_chars_is_rejected_with_its_reason(tmp_path) -> None:
    from pactwatch.io.ingest import DEFAULT_LIMITS, Limits, iter_documents

    assert DEFAULT_LIMITS.max_chars <= 1_000_000
    limits = Limits(max_chars=3_000)
    (tmp_path / "big.txt").write_text("date 2025-08-05\n" + article(4_000), encoding="utf-8")
    (tmp_path / "small.txt").write_text("date 2025-08-05\n" + PARAGRAPHS[0], encoding="utf-8")
    rows = [{"id": "a", "text": PARAGRAPHS[1]}, {"id": "b", "text": article(3_500)}, {"id": "c", "text": PARAGRAPHS[2]}]
    (tmp_path / "more.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = {(x.doc_id if isinstance(x, Failure) else x.id): x for x in iter_documents([tmp_path], limits)}
    assert isinstance(got["big"], Failure) and isinstance(got["b"], Failure)
    assert got["big"].reason.startswith("document too long (") and "> limit 3000" in got["big"].reason
    assert got["b"].line == 2 and got["b"].reason.startswith("line 2: document too long (")
    assert all(isinstance(got[k], Document) for k in ("small", "a", "c"))
