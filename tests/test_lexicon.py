"""Every data file is read through `pactwatch.lexicon` and can be extended from $PACTWATCH_DATA.

The overrides are read when a module first loads its data, so each check runs in a fresh
Python process with PACTWATCH_DATA set, as a user would run pactwatch.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pactwatch import lexicon

OVERRIDES = {
    "dates.json": json.dumps({"months": {"brumaire": 11}}),
    "topics.tsv": "topic\tpattern\nquantum\tqubit farm\n",
    "agreements.tsv": "kind\tpattern\nletter of intent\tcompact of friendship\n",
    "place_aliases.tsv": "alias\tplace\tcountry\tlat\tlon\tgeonames_id\nZorbatown\tZorbatown\tFIN\t60.0\t25.0\t999999901\n",
    "triggers.tsv": "lemma\tpos\ttype\tmode\tclass\nparley\tV\tCONSULT\t\tevent\n",
    "event_rules.json": json.dumps({"lexicon_test_words": ["zzyzx"]}),
    "portfolios.txt": "# portfolios\nlighthouses and fog signals\n",
    "rule_ids.tsv": "id\tmodule\tdescription\nparticipants.subject\tparticipants\tthe doer, said plainly\n",
    "confidence.json": json.dumps({"bias": 7.5}),
}

CHECK = """
import json, pactwatch
from pactwatch import dates, topics, places, knowledge, actors, coding as events
import pactwatch.coding.confidence
out = {
  "month": dates.resolve_date("in Brumaire", "2025-03-10", sentence="The talks were held in Brumaire."),
  "topic": [t for _, _, t in topics.find_topics("They toured a qubit farm.")],
  "agreement": [a["kind"] for _, _, a in topics.find_agreements("They signed a compact of friendship.")],
  "place": getattr(places.Gazetteer.default().lookup("Zorbatown"), "country", None),
  "country": [c.code for c in [knowledge.load_knowledge().country("Freedonia")] if c],
  "trigger": events.Rules.load().verbs["parley"].type,
  "rules": sorted(events.Rules.load().cfg["lexicon_test_words"]),
  "portfolio": "lighthouses and fog signals" in actors._portfolios(),
  "builtin_trigger": events.Rules.load().verbs["agree"].type,
  "rule_text": events.rules.describe_rule("participants.subject"),
  "bias": events.confidence._model()["bias"],
}
print(json.dumps(out))
"""


def test_files_in_reading_order(tmp_path: Path) -> None:
    (tmp_path / "topics.tsv").write_text("topic\tpattern\n", encoding="utf-8")
    paths = lexicon.files("topics.tsv", extra=(tmp_path, tmp_path / "nothing-here"))
    assert paths == [lexicon.DATA_DIR / "topics.tsv", tmp_path / "topics.tsv"]
    with pytest.raises(FileNotFoundError, match="no-such.tsv"):
        lexicon.files("no-such.tsv")


def test_json_merge() -> None:
    base = {"a": {"x": 1, "y": [1, 2]}, "b": 2}
    assert lexicon.merge(base, {"a": {"y": [2, 3], "z": 0}, "b": 5, "c": 1}) == \
        {"a": {"x": 1, "y": [1, 2, 3], "z": 0}, "b": 5, "c": 1}


def test_every_data_file_can_be_extended(tmp_path: Path) -> None:
    files = dict(OVERRIDES, **{"countries.tsv": "code\tname\taliases\tdemonyms\tcapitals\n"
                                                "FRD\tFreedonia\t\tFreedonian\tFredville\n"})
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = dict(os.environ, PACTWATCH_DATA=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["month"] and got["month"].endswith("-11")
    assert got["topic"] == ["quantum"]
    assert got["agreement"] == ["letter of intent"]
    assert got["place"] == "FIN"
    assert got["country"] == ["FRD"]
    assert got["trigger"] == "CONSULT" and got["builtin_trigger"] == "AGREE"
    assert got["rules"] == ["zzyzx"] and got["portfolio"] is True
    assert got["rule_text"].startswith("the doer, said plainly")
    assert got["bias"] == 7.5


def test_no_module_reads_data_files_around_the_loader() -> None:
    src = Path(lexicon.__file__).parent
    for path in src.rglob("*.py"):
        if path.name == "lexicon.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert 'resources.files("pactwatch")' not in text, path
        assert '/ "data"' not in text, path


def test_every_rule_id_the_coder_records_is_described_or_is_data() -> None:
    """Every rule id written in the coder's code is in data/rule_ids.tsv or names a key of event_rules.json,
    so `show --why` can say what each one does."""
    import json
    import re
    src = Path(lexicon.__file__).parent / "coding"
    catalog = {r.split("\t")[0] for r in lexicon.read_lines("rule_ids.tsv")
               if "\t" in r and not r.startswith("#") and not r.startswith("id\t")}
    cfg = json.loads((Path(lexicon.__file__).parent / "data" / "event_rules.json").read_text(encoding="utf-8"))
    used = set()
    for path in src.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'"((?:participants|modality|recode|date|record|merging|trigger|place)\.[a-z_]+)"', text))
        for key in re.findall(r"event_rules\.json:([a-z_+]+)", text):
            for k in key.split("+"):
                assert k in cfg, (path.name, k)
    assert len(used) > 30
    assert used <= catalog, sorted(used - catalog)
    assert catalog <= used, sorted(catalog - used)     # no description of a rule that no longer exists


def test_rule_descriptions_cover_triggers_lists_and_mechanisms() -> None:
    from pactwatch.coding.rules import describe_rule
    assert "starts an event of category SUPPORT" in describe_rule("triggers.tsv:sign/V")
    assert "to be signed" in describe_rule("modality.to_be_done")
    assert describe_rule("event_rules.json:verb_object_types[hold|talks]").startswith("'hold|talks'")
    assert describe_rule("no.such_rule") == "(no description)"


def test_no_json_data_file_says_a_key_twice() -> None:
    """A key said twice in a JSON data file silently drops the first value (two rules sharing a word list's
    name): every object of every built-in JSON file has its keys once."""
    import json
    data = Path(__file__).resolve().parents[1] / "src" / "pactwatch" / "data"
    twice = []

    def hook(pairs):
        seen = set()
        for k, _ in pairs:
            if k in seen:
                twice.append(k)
            seen.add(k)
        return dict(pairs)

    for f in sorted(data.glob("*.json")):
        json.loads(f.read_text(encoding="utf-8"), object_pairs_hook=hook)
        assert not twice, (f.name, twice)
