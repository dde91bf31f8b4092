"""The cross-document layer stays bounded and deterministic with many reports of one event.

k reports of one event used to cost k^2/2 comparisons and k^2/2 stored links. Now a canonical
event stores a spanning set of its links (k - 1 when nothing conflicts), and a new report is
compared with a group of linked reports only until one member matches. The records are the same:
one canonical event with every report, merge reasons for its links, the same result however the
reports arrive, and byte-identical exports.

The reports are built directly (no extraction), from sentences written for these tests.
"""
from __future__ import annotations

import json
import random

from pactwatch import link
from pactwatch.model import DocResult, Document, Entity, Event, Evidence, Location, Sentence
from pactwatch.io.store import Store

OPENINGS = ("The foreign ministers of Japan and Australia met in {place} on Tuesday",
            "Japan's and Australia's foreign ministers held talks in {place} on Tuesday",
            "Foreign ministers from Australia and Japan met in {place} on Tuesday")
PURPOSES = ("to discuss critical minerals.", "to discuss critical minerals supply.",
            "to discuss cooperation on critical minerals.")


def report(i: int, day: str = "2026-03-03", place: str = "Canberra", doc_date: str = "2026-03-04") -> DocResult:
    """One short report of a meeting of the Japanese and Australian foreign ministers."""
    doc_id = f"r{i:03d}"
    sentence = OPENINGS[i % 3].format(place=place) + " " + PURPOSES[(i // 3) % 3]
    text = f" date {doc_date} {sentence}"
    start = text.index(sentence)
    doc = Document(id=doc_id, text=text, date=doc_date, body_start=start)
    ev = Event(doc_id=doc_id, event_type="CONSULT", id=f"{doc_id}-e1", mode=["bilateral"], context=["diplomatic"],
               actor=[Entity("Japan", "Japan", "JPN", "GOV", None, "country")],
               recipient=[Entity("Australia", "Australia", "AUS", "GOV", None, "country")],
               date=day, date_precision="day", date_text="Tuesday", location=Location(place, "AUS"),
               topics=["critical_minerals"], evidence=[Evidence(doc_id, start, len(text), sentence)],
               confidence=0.8, trigger="met")
    return DocResult(document=doc, sentences=[Sentence(doc_id, 0, start, len(text), sentence)], events=[ev])


def snapshot(store: Store):
    clusters = store.clusters()
    canon = sorted(sorted(i for i, c in clusters.items() if c == k) for k in set(clusters.values()))
    return canon, sorted((a, b) for a, b, _ in store.links())


def export(store: Store) -> str:
    """`pactwatch export --what canonical`, as one string."""
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in link.canonical_events(store))


def incremental(tmp_path, name: str, results: list[DocResult], batches: int, seed: int) -> Store:
    store = Store(str(tmp_path / f"{name}.db"))
    order = list(results)
    random.Random(seed).shuffle(order)
    size = -(-len(order) // batches)
    for i in range(0, len(order), size):
        batch = order[i:i + size]
        store.save_many(batch)
        link.update(store, [r.document.id for r in batch])
    return store


def rebuilt(tmp_path, name: str, results: list[DocResult]) -> Store:
    store = Store(str(tmp_path / f"{name}.db"))
    store.save_many(results)
    link.rebuild(store)
    return store


def test_k_reports_of_one_event_store_k_minus_one_links(tmp_path) -> None:
    k = 60
    store = Store(str(tmp_path / "k.db"))
    store.save_many([report(i) for i in range(k)])
    rep = link.rebuild(store)
    canon = link.canonical_events(store)
    assert len(canon) == 1, "every report is of one event"
    r = canon[0]
    assert len(r["mentions"]) == k and r["n_documents"] == k and r["id"] == "r000-e1"
    links = store.links()
    assert len(links) == k - 1, f"{len(links)} links stored for {k} reports of one event (a spanning tree is {k - 1})"
    assert rep.comparisons <= 3 * k, f"{rep.comparisons} pairs compared for {k} reports"
    # every link is explained, and together they join all reports
    assert len(r["merge_reasons"]) == k - 1
    for why in r["merge_reasons"]:
        assert why["same_type"] == "CONSULT" and why["shared_countries"] == ["AUS", "JPN"]
        assert why["same_place"] == "Canberra" and why["date_gap_days"] == 0
    joined = {"r000-e1"}
    for why in r["merge_reasons"]:          # sorted by (a, b): each b joins through a smaller a
        assert why["a"] in joined
        joined.add(why["b"])
    assert joined == set(r["mentions"])


def test_one_more_report_adds_one_link(tmp_path) -> None:
    store = Store(str(tmp_path / "one.db"))
    store.save_many([report(i) for i in range(1, 41)])
    link.rebuild(store)
    assert len(store.links()) == 39
    store.save_many([report(41)])
    rep = link.update(store, ["r041"])
    assert rep.new_links == 1 and rep.dropped_links == 0 and rep.comparisons <= 2
    # a report whose id comes first becomes the one the others are linked to: the stored set is
    # the one a rebuild gives, not one that depends on arrival order
    store.save_many([report(0)])
    link.update(store, ["r000"])
    assert len(store.links()) == 41
    assert snapshot(store) == snapshot(rebuilt(tmp_path, "one_full", [report(i) for i in range(42)]))


def test_many_meetings_of_one_pair_cost_one_comparison_per_report(tmp_path) -> None:
    """Ten meetings of the same two ministers a week apart, eight reports each: every report is a
    candidate for every other (same countries, same place), but one comparison places it."""
    import datetime as dt
    results = []
    for i in range(80):
        day = dt.date(2026, 1, 6) + dt.timedelta(days=7 * (i // 8))
        results.append(report(i, day=day.isoformat(), doc_date=(day + dt.timedelta(days=1)).isoformat()))
    store = Store(str(tmp_path / "weeks.db"))
    store.save_many(results)
    rep = link.rebuild(store)
    canon = link.canonical_events(store)
    assert sorted(len(r["mentions"]) for r in canon) == [8] * 10
    assert len(store.links()) == 70 and rep.comparisons <= 80


def spread() -> list[DocResult]:
    """Reports of one meeting, a meeting two days later that chains to it, and one two days later
    again (too far from the first to be one event with it), plus a meeting elsewhere."""
    out = [report(i, day="2026-03-03") for i in range(0, 20)]
    out += [report(i, day="2026-03-05", doc_date="2026-03-06") for i in range(20, 40)]
    out += [report(i, day="2026-03-07", doc_date="2026-03-08") for i in range(40, 60)]
    out += [report(i, day="2026-03-03", place="Tokyo") for i in range(60, 70)]
    return out


def test_incremental_in_any_order_equals_a_rebuild(tmp_path) -> None:
    results = spread()
    full = rebuilt(tmp_path, "full", results)
    canon, links = snapshot(full)
    assert len(canon) >= 3 and len(links) <= 2 * len(results)
    assert max(len(c) for c in canon) >= 20
    for seed, batches in ((1, 3), (2, 7), (3, 70)):
        inc = incremental(tmp_path, f"inc{seed}", results, batches, seed)
        assert snapshot(inc) == (canon, links), f"arrival order {seed} in {batches} batches"
        assert export(inc) == export(full)


def test_canonical_export_is_byte_identical(tmp_path, monkeypatch) -> None:
    """Two rebuilds, incremental updates and documents saved in another order give the same export,
    whatever order the store hands links back in."""
    results = spread()
    first = export(rebuilt(tmp_path, "a", results))
    assert export(rebuilt(tmp_path, "b", list(reversed(results)))) == first
    assert export(incremental(tmp_path, "c", results, 5, 9)) == first
    store = rebuilt(tmp_path, "d", results)
    links = store.links

    def shuffled(ids=None):
        out = links(ids)
        random.Random(len(out)).shuffle(out)
        return out

    monkeypatch.setattr(store, "links", shuffled)
    assert export(store) == first
    canon = json.loads(first.splitlines()[0])
    pairs = [(w["a"], w["b"]) for w in canon["merge_reasons"]]
    assert pairs == sorted(pairs) and canon["mentions"] and canon["evidence"]


def test_a_replaced_hub_report_relinks_the_rest(tmp_path) -> None:
    """The report every other one is linked to is replaced by a report of another meeting: the
    others are compared again and stay one canonical event, as in a rebuild."""
    results = [report(i) for i in range(30)]
    store = Store(str(tmp_path / "hub.db"))
    store.save_many(results)
    link.rebuild(store)
    assert len(store.links()) == 29 and all(a == "r000-e1" for a, _, _ in store.links())
    changed = report(0, day="2026-05-12", place="Tokyo", doc_date="2026-05-12")
    stale = set(store.clusters(store.event_ids(["r000"])).values())
    store.save_many([changed])
    link.update(store, ["r000"], stale_clusters=stale)
    assert snapshot(store) == snapshot(rebuilt(tmp_path, "hub_full", [changed] + results[1:]))
    canon = sorted(len(c) for c in snapshot(store)[0])
    assert canon == [1, 29]


def test_replaced_reports_of_an_event_split_in_parts_relink_as_a_rebuild(tmp_path) -> None:
    """Reports of a chain of meetings (split where they are days apart): the reports the stored
    links go through are replaced one by one; each time the result is what a rebuild gives."""
    results = {r.document.id: r for r in spread()}
    store = Store(str(tmp_path / "parts.db"))
    store.save_many(list(results.values()))
    link.rebuild(store)
    for i, (n, day, place) in enumerate(((0, "2026-04-20", "Tokyo"), (20, "2026-03-04", "Canberra"),
                                         (40, "2026-03-05", "Canberra"), (1, "2026-03-07", "Canberra"))):
        doc = f"r{n:03d}"
        results[doc] = report(n, day=day, place=place, doc_date=day)
        stale = set(store.clusters(store.event_ids([doc])).values())
        store.save_many([results[doc]])
        link.update(store, [doc], stale_clusters=stale)
        assert snapshot(store) == snapshot(rebuilt(tmp_path, f"parts{i}", list(results.values()))), doc


def _agreement_record(rid: str, date: str, countries: list[str], event_type: str, text: str) -> dict:
    ents = [{"entity_name": c, "entity_type": "country", "country": c} for c in countries]
    return {"id": rid, "event_type": event_type, "date": date, "first_reported": date, "actor": ents,
            "recipient": [], "topics": ["nuclear_energy"], "documents": [rid],
            "agreement": {"name": "Peaceful Atom Accord", "kind": "agreement"},
            "evidence": [{"doc_id": rid, "start": 0, "end": len(text), "text": text}]}


def test_one_name_with_different_partners_is_two_agreements() -> None:
    from pactwatch.link import build_agreements

    recs = [_agreement_record("e1", "2024-01-10", ["USA", "FIN"], "AGREE", "Finland and the United States will sign the accord"),
            _agreement_record("e2", "2024-03-02", ["USA", "CHL"], "SUPPORT", "Chile and the United States signed the accord"),
            _agreement_record("e3", "2024-04-05", ["FIN"], "SUPPORT", "Finland signed the accord"),
            _agreement_record("e4", "2024-04-06", [], "SUPPORT", "The accord was signed")]
    got = {tuple(a["parties"]): [s["stage"] for s in a["stages"]] for a in build_agreements(recs)}
    assert got == {("FIN", "USA"): ["to_be_signed", "signed", "signed"], ("CHL", "USA"): ["signed"]}


def test_an_unnamed_deal_of_other_partners_does_not_join_a_named_one() -> None:
    from pactwatch.link import build_agreements

    named = _agreement_record("e1", "2024-01-10", ["USA", "CHL"], "SUPPORT", "Chile and the United States signed the accord")
    other = _agreement_record("e2", "2024-05-02", ["USA", "FIN"], "AGREE", "Finland and the United States will sign a deal")
    other["agreement"] = {"name": None, "kind": "agreement"}
    got = {tuple(a["parties"]): [s["stage"] for s in a["stages"]] for a in build_agreements([named, other])}
    assert got == {("CHL", "USA"): ["signed"], ("FIN", "USA"): ["to_be_signed"]}


# ---- blocking, bounded comparisons and block-parallel linking (issue 11) -------------------------------

def test_two_hundred_reports_of_one_event_store_fewer_than_two_links_per_report(tmp_path) -> None:
    """Links and comparisons grow with the reports, not with their square: by rebuild, and one
    report at a time as an archive grows."""
    k = 200
    full = rebuilt(tmp_path, "many", [report(i) for i in range(k)])
    assert len(link.canonical_events(full)) == 1
    assert len(full.links()) < 2 * k
    store = Store(str(tmp_path / "grown.db"))
    comparisons = 0
    for i in range(k):
        store.save_many([report(i)])
        rep = link.update(store, [f"r{i:03d}"], derived=False)
        comparisons += rep.comparisons
    assert len(store.links()) < 2 * k and comparisons <= 2 * k, (len(store.links()), comparisons)
    assert snapshot(store) == snapshot(full)


def background(i: int, doc_date: str) -> DocResult:
    """A report of the meeting that gives no date of its own (its article's date stands for it)."""
    res = report(i, doc_date=doc_date)
    ev = res.events[0]
    ev.date, ev.date_text, ev.date_precision = doc_date, None, "day"
    return res


def test_a_background_mention_is_linked_only_within_a_year_of_the_report(tmp_path) -> None:
    """A mention with no date of its own is compared with the reports whose articles are within
    background_window_days (link_words.json) of its own: a year later, another meeting of the same
    ministers in the same city is another event."""
    near = rebuilt(tmp_path, "near", [report(1), background(2, "2026-07-01")])
    assert len(link.canonical_events(near)) == 1
    far = rebuilt(tmp_path, "far", [report(1), background(2, "2027-05-01")])
    assert len(link.canonical_events(far)) == 2


def test_the_time_blocks_find_every_pair_that_matches(tmp_path) -> None:
    """Blocking is an index, not a rule of its own: on reports of every sort of date (a day, a month, a
    year, none of their own, promises dated when made) the groups the forest compares a report with
    hold every report it matches when compared with all."""
    from pactwatch.crossdoc.config import LinkConfig
    from pactwatch.crossdoc.forest import _Forest, _Matcher
    from pactwatch.crossdoc.matching import same_event

    rng = random.Random(11)
    events, doc_dates = [], {}
    for i in range(160):
        res = report(i, day="2026-03-03")
        ev, made = res.events[0], f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc_dates[ev.doc_id] = made
        ev.event_type = rng.choice(["CONSULT", "AGREE"])
        shape = rng.randint(0, 4)
        if shape == 0:
            ev.date, ev.date_text = made, None                               # background: no date of its own
        elif shape == 1:
            ev.date = made[:7]                                                # a month
        elif shape == 2:
            ev.date = made[:4]                                                # a year
        else:
            ev.date = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"   # a day of its own
        events.append(ev)
    cfg = LinkConfig()
    match = _Matcher(doc_dates, cfg)
    forest = _Forest(match)
    for e in events:
        forest.add(e)
    pairs = 0
    for a in events:
        reached = {m for r in forest.groups_of(a) for m in forest.members[r]}
        for b in events:
            if a.id < b.id and same_event(a, b, doc_dates, cfg) is not None:
                pairs += 1
                assert b.id in reached and a.id in {m for r in forest.groups_of(b) for m in forest.members[r]}
    assert pairs >= 50       # the test compares something


def _through_pickle(fn, items):
    """A map that sends each item and result as bytes, like a pool or a Ray engine."""
    import pickle
    return [pickle.loads(pickle.dumps(fn(pickle.loads(pickle.dumps(item))))) for item in items]


def test_block_parallel_linking_gives_the_same_layer(tmp_path, monkeypatch) -> None:
    """Categories and canonical events are linked as independent blocks: through any `map_fn` (here one
    that sends them as bytes), or a local pool of two workers, the stored layer is the serial one."""
    from pactwatch.crossdoc import updating

    results = spread()
    serial = export(rebuilt(tmp_path, "serial", results))
    monkeypatch.setattr(updating, "PARALLEL_MIN_EVENTS", 0)    # small work is otherwise kept in this process
    store = Store(str(tmp_path / "mapped.db"))
    store.save_many(results)
    link.rebuild(store, map_fn=_through_pickle)
    assert export(store) == serial
    pooled = Store(str(tmp_path / "pooled.db"))
    pooled.save_many(results[:40])
    link.update(pooled, [r.document.id for r in results[:40]], jobs=2)
    pooled.save_many(results[40:])
    link.update(pooled, [r.document.id for r in results[40:]], jobs=2)
    assert export(pooled) == serial


def test_the_scale_benchmark_fits_exponents_and_rejects_bad_sizes(tmp_path) -> None:
    """bench/scale.py: the growth exponent of a cost that is linear, and of one that is quadratic, and a
    clear message (no traceback) for sizes that are no numbers; its final line has every field."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "bench" / "scale.py"
    import importlib.util
    spec = importlib.util.spec_from_file_location("scale", script)
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    assert round(scale.fit_exponent([(1000, 2.0), (3000, 6.0), (10000, 20.0)]), 2) == 1.0
    assert round(scale.fit_exponent([(1000, 1.0), (10000, 100.0)]), 2) == 2.0
    line = scale.summary([{"docs": 1000, "link_s": 2.0, "extract_s": 10.0, "add100_s": 3.0, "peak_rss_mb": 200.0},
                          {"docs": 10000, "link_s": 20.0, "extract_s": 100.0, "add100_s": 3.3, "peak_rss_mb": 400.0}],
                         {}, {"ray_speedup_2w": 1.8})
    assert line == ("SCALE link_exponent=1.00 extract_exponent=1.00 incr100_ratio_10k_vs_1k=1.10 ray_speedup_2w=1.80 "
                    "query_p95_ms_1m=n/a peak_rss_mb_10k=400")
    bad = subprocess.run([sys.executable, str(script), "--sizes", "1k,3k", "--workdir", str(tmp_path)],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "--sizes takes whole numbers" in bad.stderr and "Traceback" not in bad.stderr


def test_an_update_keeps_the_commitments_it_cannot_change_as_a_rebuild_gives_them(demo_db, tmp_path) -> None:
    """An update recomputes only the promises a touched report can change (made at most
    fulfil_window_days before it, or its own) and keeps the others, brought to the latest document's
    date: with short windows, the demo articles linked a few at a time in the order of their dates
    give the commitments, agreements and canonical events of a rebuild."""
    import shutil
    from pactwatch.crossdoc.config import LinkConfig

    cfg = LinkConfig(fulfil_window_days=30, background_window_days=20)
    full, grown = tmp_path / "full.db", tmp_path / "grown.db"
    shutil.copy(demo_db, full)
    shutil.copy(demo_db, grown)
    a = Store(str(full))
    link.rebuild(a, cfg)
    b = Store(str(grown))
    b.clear_links()
    dates = b.document_dates()
    docs = sorted(dates, key=lambda d: (dates[d] or "", d))
    for i in range(0, len(docs), 4):
        link.update(b, docs[i:i + 4], cfg)
    for kind in ("commitment", "agreement"):
        assert b.derived(kind) == a.derived(kind), kind
    assert export(b) == export(a)
    assert any(c["status"] == "overdue" for c in a.derived("commitment"))


def test_agreements_and_commitments_after_many_updates_in_any_order_equal_a_rebuild(demo_db, tmp_path) -> None:
    """The demo articles linked three at a time, in two orders that are not their dates' (each update
    recomputes only the commitments and agreements its changed canonical events reach): the
    commitments, agreements and canonical events of a rebuild, every field alike."""
    import shutil

    full = tmp_path / "full.db"
    shutil.copy(demo_db, full)
    a = Store(str(full))
    link.rebuild(a)
    assert a.derived("agreement") and a.derived("commitment")
    for seed in (3, 8):
        grown = tmp_path / f"grown{seed}.db"
        shutil.copy(demo_db, grown)
        b = Store(str(grown))
        b.clear_links()
        docs = sorted(b.document_dates())
        random.Random(seed).shuffle(docs)
        for i in range(0, len(docs), 3):
            link.update(b, docs[i:i + 3])
        for kind in ("commitment", "agreement"):
            assert b.derived(kind) == a.derived(kind), (kind, seed)
        assert export(b) == export(a), seed


def pledge(i: int, doc_date: str) -> DocResult:
    """A report of a pledge of the same two countries to meet again, made on its article's day."""
    res = report(i, doc_date=doc_date, day=doc_date)
    ev = res.events[0]
    ev.event_type, ev.aux_mode, ev.trigger = "AGREE", "future", "pledged"
    ev.evidence[0].text = "Japan and Australia pledged to hold further talks on critical minerals"
    return res


def test_an_update_reads_the_reports_of_its_own_years_only(tmp_path, monkeypatch) -> None:
    """Adding a meeting of 2030 to an archive that starts in 2020 reads (as whole reports) only those
    from fulfil_window_days before it on: older pledges cannot be kept by it, and their commitments are
    kept as stored, brought to the latest document's date. The result is a rebuild's."""
    old = [pledge(i, f"2020-{1 + i:02d}-10") for i in range(6)] + [report(10 + i, day=f"2020-{1 + i:02d}-20",
                                                                           doc_date=f"2020-{1 + i:02d}-21") for i in range(3)]
    recent = [pledge(20 + i, f"2029-{1 + i:02d}-10") for i in range(3)]
    new = report(30, day="2030-03-03", doc_date="2030-03-04")
    store = rebuilt(tmp_path, "grown", old + recent)
    read: set[str] = set()
    by_ids = store.events_by_ids

    def counted(ids):
        ids = list(ids)
        read.update(ids)
        return by_ids(ids)

    monkeypatch.setattr(store, "events_by_ids", counted)
    store.save_many([new])
    link.update(store, [new.document.id])
    assert read and not read & {e.id for r in old for e in r.events}, sorted(read)
    assert {e.id for r in recent for e in r.events} <= read
    full = rebuilt(tmp_path, "full", old + recent + [new])
    for kind in ("commitment", "agreement"):
        assert store.derived(kind) == full.derived(kind), kind
    assert {c["as_of"] for c in store.derived("commitment")} == {"2030-03-04"}
    assert export(store) == export(full)
