import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pactwatch import lexicon  # noqa: E402
from pactwatch.model import TOPICS  # noqa: E402
from pactwatch.topics import (  # noqa: E402
    TopicMatcher, _read_table, compile_pattern, find_agreements, find_topics, first_chars, topics_in,
)


# ------------------------------------------------------------------ topics

@pytest.mark.parametrize("text,expected", [
    ("They discussed strategic technologies in the biotechnology and next-generation nuclear energy sectors.",
     ["biotechnology", "nuclear_energy"]),
    ("North Korea's advancing nuclear threats worry the region.", []),
    ("The envoy warned about nuclear weapons and nuclear talks.", []),
    ("said", []),
    ("Thai officials said the visit went well.", []),
    ("The office space was rented for the delegation.", []),
    ("Both sides promised to deepen cooperation on AI and quantum computing.", ["artificial_intelligence", "quantum"]),
    ("a plan for artificial intelligence (AI) research", ["artificial_intelligence"]),   # bare "research": none
    ("They agreed on chips, semiconductor supply chains and lithography tools.", ["semiconductors"]),
    ("a new data center and supercomputing capacity", ["advanced_computing"]),
    ("talks on 6G, undersea cables and telecommunications", ["communications"]),
    ("The two space agencies will work on lunar exploration and satellites.", ["space"]),
    ("Small modular reactors (SMRs) and civil nuclear cooperation", ["nuclear_energy"]),
    ("investment in clean energy, hydrogen and EV batteries", ["clean_energy"]),
    ("a joint response to cyberattacks and ransomware", ["cybersecurity"]),
    ("smart factories and shipbuilding", ["advanced_manufacturing"]),
    ("supply chains for critical minerals such as lithium and rare earths", ["critical_minerals"]),
    ("humanoid robots and robotics startups", ["robotics"]),
    ("more R&D money and joint research between universities", ["science_research"]),
    ("a deal on pharmaceuticals and vaccines", ["pharmaceuticals"]),
    ("synthetic biology and bio-manufacturing", ["biotechnology"]),
])
def test_topics_in(text, expected):
    assert topics_in(text) == expected


@pytest.mark.parametrize("text", [
    "The envoy said it marked a quantum leap in relations.",
    "Tariffs were used as bargaining chips in the talks.",
    "Families travelled for the Lunar New Year holiday.",
    "Missile batteries were moved closer to the border.",
    "Former President Moon Jae-in met the delegation.",
    "They test nuclear-powered submarines.",
    "Nobody mentioned any technology at all.",
])
def test_no_topic(text):
    assert find_topics(text) == []


def test_acronyms_are_case_sensitive_whole_words():
    assert [t for _, _, t in find_topics("AI")] == ["artificial_intelligence"]
    assert [t for _, _, t in find_topics("(AI)")] == ["artificial_intelligence"]
    assert [t for _, _, t in find_topics("AI-driven tools")] == ["artificial_intelligence"]
    assert find_topics("ai") == []
    assert find_topics("Aid and maintain; Thai rain; said.") == []
    assert [t for _, _, t in find_topics("5G and 6G")] == ["communications", "communications"]
    assert find_topics("smr") == []


def test_spans_are_offsets_longest_and_sorted():
    text = "Ministers backed next-generation nuclear energy, quantum computing and AI chips."
    hits = find_topics(text)
    assert [text[s:e] for s, e, _ in hits] == [
        "next-generation nuclear energy", "quantum computing", "AI", "chips"]
    assert [t for *_, t in hits] == ["nuclear_energy", "quantum", "artificial_intelligence", "semiconductors"]
    starts = [s for s, _, _ in hits]
    assert starts == sorted(starts)
    assert all(e1 <= s2 for (_, e1, _), (s2, _, _) in zip(hits, hits[1:]))


def test_topics_in_is_distinct_in_order_of_appearance():
    assert topics_in("robots, AI, more robots, quantum and AI again") == [
        "robotics", "artificial_intelligence", "quantum"]


@pytest.mark.parametrize("text", [
    "He met the head of the Office of Science and Technology Policy.",
    "the Ministry of Science and ICT announced a budget",
    "Minister of Science and ICT Bae spoke first.",
    "the Ministry of Education, Science and Technology",
    "Science and Technology Minister Kim arrived.",
    "researchers at the Korea Institute of Science and Technology",
    "an inspection by the International Atomic Energy Agency",
])
def test_institution_names_do_not_give_topics(text):
    assert topics_in(text) == []


def test_topic_outside_the_institution_name_still_counts():
    text = "The Ministry of Science and ICT signed a pact on science and technology and AI."
    assert topics_in(text) == ["science_research", "artificial_intelligence"]
    assert "artificial_intelligence" in topics_in("the Digital and AI Ministerial Meeting")


def test_topics_table_uses_only_schema_topics():
    labels = {label for label, _ in _read_table(lexicon.DATA_DIR / "topics.tsv")}
    assert labels - {"-"} <= set(TOPICS)
    assert labels - {"-"} == set(TOPICS)          # every topic has keywords


def test_find_topics_is_fast():
    text = ("On Tuesday the two ministers signed a memorandum of understanding in Seoul to expand joint research "
            "on artificial intelligence, quantum computing and next-generation nuclear energy, while officials "
            "said the new framework would cover semiconductors and critical minerals for years.")
    find_topics(text)
    n = 300
    t = time.perf_counter()
    for _ in range(n):
        find_topics(text)
    per_call = (time.perf_counter() - t) / n
    assert per_call < 0.002          # ~0.1 ms typical; generous bound for slow CI machines


# ------------------------------------------------------------------ pattern language

def test_phrases_and_regexes():
    m = TopicMatcher([("x", "next generation"), ("y", "AI"), ("z", r"data cent(?:er|re)s?"), ("-", "big deal")])
    got = lambda s: [(s[a:b], t) for a, b, t in m.finditer(s)]
    assert got("next-generation and Next Generation") == [("next-generation", "x"), ("Next Generation", "x")]
    assert got("AI ai Ai") == [("AI", "y")]
    assert got("data-centres and data centers") == [("data-centres", "z"), ("data centers", "z")]
    assert got("no big deal") == []
    assert compile_pattern("AI") == "(?-i:AI)"


def test_first_chars():
    assert first_chars(compile_pattern("quantum")) == {"q"}
    assert first_chars(r"(?:undersea|submarine|subsea) cables?") == {"u", "s"}
    assert first_chars(r"(?-i:(?<=[Tt]he\x20)Moon)") == {"m"}
    assert first_chars(r"\w+ing") is None
    assert first_chars(r"s?mart") is None


def test_bad_table_rows_are_reported():
    with pytest.raises(ValueError):
        TopicMatcher([("not_a_topic", "foo")], TOPICS)
    with pytest.raises(ValueError):
        TopicMatcher([("quantum", "qu(bit")], TOPICS)


# ------------------------------------------------------------------ agreements

def _agreements(text):
    return [(text[s:e], d["name"], d["kind"]) for s, e, d in find_agreements(text)]


def test_named_deal():
    text = "Both leaders praised the Technology Prosperity Deal on Wednesday."
    assert _agreements(text) == [("Technology Prosperity Deal", "Technology Prosperity Deal", "deal")]


def test_mou_with_topic():
    text = "The agencies signed a memorandum of understanding on quantum research."
    assert _agreements(text) == [("memorandum of understanding", None, "memorandum of understanding")]
    assert "quantum" in topics_in(text)


@pytest.mark.parametrize("text,expected", [
    ("They signed an MOU.", [("MOU", None, "memorandum of understanding")]),
    ("They signed two MoUs.", [("MoUs", None, "memorandum of understanding")]),
    ("a letter of intent on batteries", [("letter of intent", None, "letter of intent")]),
    ("a free-trade pact and an FTA", [("free-trade pact", None, "trade deal"), ("FTA", None, "trade deal")]),
    ("a new trade deal", [("trade deal", None, "trade deal")]),
    ("the treaty", [("treaty", None, "treaty")]),
    ("a joint statement", [("joint statement", None, "joint statement")]),
    ("a cooperation agreement", [("agreement", None, "agreement")]),
    ("a deal with Tokyo", [("deal", None, "deal")]),
    ("the accord was ratified", [("accord", None, "accord")]),
])
def test_typed_agreements(text, expected):
    assert _agreements(text) == expected


@pytest.mark.parametrize("text,name,kind", [
    ("They joined the Artemis Accords last year.", "Artemis Accords", "accord"),
    ("under the Paris Agreement", "Paris Agreement", "agreement"),
    ("the Korea-U.S. Free Trade Agreement", "Korea-U.S. Free Trade Agreement", "trade deal"),
    ("the Treaty on the Non-Proliferation of Nuclear Weapons", "Treaty on the Non-Proliferation of Nuclear Weapons",
     "treaty"),
    ("renewed the Agreement on Science and Technology Cooperation on Monday",
     "Agreement on Science and Technology Cooperation", "agreement"),
    ("the Minerals Security Partnership", "Minerals Security Partnership", "partnership"),
    ("signed the Bletchley Declaration", "Bletchley Declaration", "declaration"),
    ("Under the U.S.-Japan Quantum Framework, labs will", "U.S.-Japan Quantum Framework", "framework"),
])
def test_named_agreements(text, name, kind):
    found = [(n, k) for _, n, k in _agreements(text) if n]
    assert found == [(name, kind)]


@pytest.mark.parametrize("text", [
    "It took a great deal of effort.",
    "They will deal with it later.",
    "The two sides are in agreement with each other.",
    "He acted of his own accord.",
    "Lawmakers passed the Inflation Reduction Act.",
    "Nothing was signed.",
])
def test_not_agreements(text):
    assert find_agreements(text) == []


def test_generic_capitalised_phrases_are_typed_not_named():
    assert _agreements("The Free Trade Agreement") == [("Free Trade Agreement", None, "trade deal")]
    assert _agreements("Korea, US Sign Landmark Technology Deal") == [("Deal", None, "deal")]
    assert _agreements("The agreement was signed") == [("agreement", None, "agreement")]


def test_agreements_sorted_and_non_overlapping():
    text = ("Under the Technology Prosperity Deal the two sides signed a memorandum of understanding, "
            "a letter of intent and a trade deal.")
    got = find_agreements(text)
    assert [d["kind"] for _, _, d in got] == ["deal", "memorandum of understanding", "letter of intent", "trade deal"]
    assert all(e1 <= s2 for (_, e1, _), (s2, _, _) in zip(got, got[1:]))


def test_a_hydrogen_compound_is_chemistry_not_clean_energy() -> None:
    from pactwatch.topics import topics_in
    assert topics_in("curbs on etching gases such as hydrogen fluoride used by chipmakers") == ["semiconductors"]
    assert topics_in("a plant making green hydrogen for steel mills") == ["clean_energy"]
