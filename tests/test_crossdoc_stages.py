"""Agreement stages read from the words of each report (pactwatch.link.build_agreements).

The sentences are written for these tests."""
from __future__ import annotations

from pactwatch import link


def record(rid: str, event_type: str, texts: dict[str, str], countries=("NOR", "CHL"), agreement=None,
           aux=None, kind="other", date="2031-04-02", reported=None, place=None) -> dict:
    """A canonical record as `link.canonical_events` gives it, reduced to what agreements read."""
    actors = [{"raw_text": c, "entity_name": c, "country": c, "sector_code": "GOV", "role": None,
               "entity_type": "country"} for c in countries]
    return {"id": rid, "event_type": event_type, "kind": kind, "aux_mode": aux, "actor": actors, "recipient": [],
            "date": date, "first_reported": reported or date, "topics": ["space"], "agreement": agreement,
            "location": {"name": place} if place else None,
            "documents": sorted(texts),
            "evidence": [{"doc_id": d, "start": 0, "end": len(t), "text": t} for d, t in texts.items()]}


def stages(*records) -> list[tuple[str, list[str]]]:
    return [(s["stage"], s["documents"]) for a in link.build_agreements(list(records)) for s in a["stages"]]


MOU = {"kind": "memorandum of understanding", "name": None}


def test_a_deal_secured_or_inked_is_signed_even_when_coded_as_a_promise() -> None:
    r = record("e1", "AGREE", {"d1": "Norway on Friday inked a memorandum with Chile on polar satellite data"},
               agreement=MOU)
    assert stages(r) == [("signed", ["d1"])]


def test_a_signing_still_to_come_is_to_be_signed() -> None:
    r = record("e1", "AGREE", {"d1": "Norway and Chile are due to sign a memorandum on polar satellite data"},
               agreement=MOU)
    assert stages(r) == [("to_be_signed", ["d1"])]


def test_not_yet_signed_is_not_a_signing() -> None:
    r = record("e1", "REJECT", {"d1": "the memorandum on polar satellite data has still not been signed"},
               agreement=MOU)
    assert stages(r) == []


def test_completed_negotiations_wait_for_the_signing() -> None:
    r = record("e1", "SUPPORT", {"d1": "the two delegations completed their negotiations on a satellite accord"},
               agreement={"kind": "accord", "name": None})
    assert stages(r) == [("to_be_signed", ["d1"])]


def test_each_report_of_one_event_gives_its_own_stage() -> None:
    r = record("e1", "SUPPORT", {"d1": "Norway and Chile signed a memorandum on polar satellite data",
                                 "d2": "the memorandum on polar satellite data, which has been in force since May"},
               agreement=MOU)
    assert stages(r) == [("signed", ["d1"]), ("in_force", ["d2"])]


def test_an_agreement_word_types_a_promise_or_signing_between_countries() -> None:
    signed = record("e1", "AGREE", {"d1": "Norway and Chile declared a space alliance on Monday"})
    ags = link.build_agreements([signed])
    assert [(a["kind"], a["parties"]) for a in ags] == [("alliance", ["CHL", "NOR"])]
    assert ags[0]["status"] == "signed"


def test_no_agreement_from_a_meeting_or_a_record_without_countries() -> None:
    talks = record("e1", "AGREE", {"d1": "Norway will host Chile for talks on the space alliance"}, kind="meeting")
    nobody = record("e2", "AGREE", {"d2": "the alliance was first announced in March"}, countries=())
    assert link.build_agreements([talks, nobody]) == []


def test_an_agreement_the_article_already_spoke_of_makes_no_new_one() -> None:
    from pactwatch.link import agreement_of
    base = {"agreement": None, "event_type": "AGREE", "kind": "event",
            "actor": [{"country": "CHL"}], "recipient": [{"country": "PER"}]}
    for clause in ("Chile hopes to widen research exchanges with Peru, building on previous agreements",
                   "Chile hopes to widen research exchanges with Peru under that agreement",
                   "Chile hopes to widen research exchanges with Peru, like Lima's partnership with a Dutch lab"):
        r = dict(base, evidence=[{"text": clause}])
        assert agreement_of(r) is None, clause
    r = dict(base, evidence=[{"text": "Chile promised Peru a new partnership on ocean research"}])
    assert agreement_of(r)["kind"] == "partnership"


def test_an_arrangement_extended_at_a_meeting_is_signed_and_in_force_by_the_clause_referring_back(tmp_path) -> None:
    from pactwatch.pipeline import ingest_paths
    from pactwatch.io.store import Store
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "m1.txt").write_text(
        " date 2031-05-06 MEXICO CITY, May 6 -- Canadian and Mexican officials spoke at a press conference after "
        "the seventh meeting of the Canada-Mexico Science Council on Monday (May 5). They announced a set of joint "
        "steps on Monday, such as a dialogue between their battery research agencies and a two-year extension to a "
        "\"data-sharing arrangement\", under which they have been trading air quality measurements since 2029.",
        encoding="utf-8")
    store = Store(str(tmp_path / "m.db"))
    ingest_paths([str(tmp_path / "docs")], store)
    got = [(a["kind"], a["parties"], [(s["stage"], s["documents"]) for s in a["stages"]])
           for a in store.derived("agreement")]
    assert got == [("arrangement", ["CAN", "MEX"], [("signed", ["m1"]), ("in_force", ["m1"])])], got
    # talks on an arrangement, with no word of it concluded, type none
    talks = record("e1", "CONSULT", {"d1": "Norway and Chile held talks in Oslo on Monday"}, kind="meeting")
    talks["evidence"].append({"doc_id": "d1", "start": 50, "end": 90, "text": "a new data-sharing arrangement"})
    assert link.build_agreements([talks]) == []


def test_an_unnamed_agreement_told_with_one_party_missing_is_the_same_agreement() -> None:
    ag = {"kind": "agreement", "name": None}
    both = record("e1", "AGREE", {"d2": "the two sides would sign the training agreement at some later point"},
                  agreement=ag, date="2031-04-01")
    one = record("e2", "AGREE", {"d1": "the minister will fly there to sign an agreement on training engineers"},
                 agreement=ag, countries=("NOR",), date="2031-04-08", reported="2031-03-05")
    ags = link.build_agreements([one, both])
    assert [(a["parties"], sorted(d for s in a["stages"] for d in s["documents"])) for a in ags] == [
        (["CHL", "NOR"], ["d1", "d2"])], ags
    # another kind of instrument, or one of other parties, stays another agreement
    other = record("e3", "AGREE", {"d3": "Norway will sign a memorandum with Peru"}, agreement=MOU,
                   countries=("NOR", "PER"))
    assert len(link.build_agreements([one, both, other])) == 2


def test_a_signed_agreement_the_parties_will_have_is_still_to_be_signed() -> None:
    r = record("e1", "AGREE", {"d1": "By the autumn the two agencies will have a signed accord on polar data"},
               agreement=MOU)
    assert stages(r) == [("to_be_signed", ["d1"])]
    done = record("e2", "SUPPORT", {"d2": "The two agencies now have a signed accord on polar data"}, agreement=MOU)
    assert stages(done) == [("signed", ["d2"])]
