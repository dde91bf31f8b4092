"""The confidence of an event is the learned probability that it is real (bench/calibrate.py --fit), from
what its record and trace show."""
from __future__ import annotations

import json

import pactwatch
from pactwatch import lexicon
from pactwatch.coding.confidence import confidence, features


def test_the_model_file_names_only_known_features() -> None:
    model = lexicon.read_json("confidence.json")
    ev = pactwatch.extract("Chile and Peru signed a fisheries accord in Lima on Monday.", date="2026-03-03")[0]
    known = set(features(ev)) | {f"type_{t}" for t in ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REJECT",
                                                        "REQUEST", "ACCUSE", "THREATEN", "SANCTION", "CONCEDE",
                                                        "RETREAT", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE")}
    assert set(model["weights"]) <= known
    assert model["cv"]["events"] > 100       # learned from the real-news dev set, not made up


def test_a_fully_told_event_is_more_likely_real_than_a_bare_one() -> None:
    full = pactwatch.extract("Chile and Peru signed a fisheries accord in Lima on Monday.", date="2026-03-03")[0]
    bare = pactwatch.extract("They also launched a fund.", date="2026-03-03")
    assert 0.0 < full.confidence < 1.0
    assert full.confidence == confidence(full)
    assert all(b.confidence < full.confidence for b in bare)


def test_stored_and_exported_confidence_is_the_models(tmp_path, run_cli) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(" date 2026-03-03\nChile and Peru signed a fisheries accord in Lima on Monday.\n", encoding="utf-8")
    db = tmp_path / "c.db"
    run_cli("ingest", "--db", db, "-q", doc)
    rec = json.loads(run_cli("export", "--db", db).stdout.splitlines()[0])
    ev = pactwatch.extract(doc.read_text(encoding="utf-8").split("\n", 1)[1], date="2026-03-03")[0]
    assert rec["confidence"] == ev.confidence
