"""Agreements: agreement objects from the canonical events that name or type one, with dated,
cited stages (proposed, negotiating, to_be_signed, signed, in_force, suspended, withdrawn)."""
from __future__ import annotations

import re

from .canonical import _participant_countries
from .config import _cues
from .features import norm_name
from .fulfilment import _more_cues

STAGES = ("proposed", "negotiating", "to_be_signed", "signed", "in_force", "suspended", "withdrawn")


def _stage(text: str, t: str, aux: str | None) -> str | None:
    """The stage a report's text gives an agreement: suspended, withdrawn or in force by their words;
    a signing, adoption or launch still to come (or negotiations completed) is to_be_signed; a past
    act that concludes it ("signed", "inked", "reached", "launched", "declared") is signed;
    otherwise a promise proposes it and talks negotiate it."""
    cue = _cues()["stage"]
    if cue["suspended"].search(text):
        return "suspended"
    if t in ("REJECT", "RETREAT", "SANCTION") and cue["withdrawn"].search(text):
        return "withdrawn"
    if cue["in_force"].search(text):
        return "in_force"
    text = cue["not_yet"].sub(" ", text)       # "has not yet been signed" says nothing was
    if _more_cues()["postponed"].search(text) and not cue["signed"].search(text):
        return "to_be_signed"                   # "has delayed the signing": still to come
    # the end of talks, or an agreement's conclusion named as a noun ("welcomed the conclusion of the
    # fisheries agreement": link_words.json concluded_agreement), waits for the signing
    done = _more_cues()["concluded_agreement"]
    scheduled = cue["scheduled"].search(text)
    concluded = cue["concluded_talks"].search(text) or done.search(text)
    rest = done.sub(" ", cue["concluded_talks"].sub(" ", cue["scheduled"].sub(" ", text)))
    # negotiations launched or opened ("launched talks on a supply agreement": link_words.json
    # negotiation_opened) are not the agreement launched
    opened = _more_cues()["negotiation_opened"].search(rest)
    rest = _more_cues()["negotiation_opened"].sub(" ", rest)
    # what the parties will do under an agreement ("under the new accord, the two sides will ...":
    # link_words.json terms_of_agreement), promised, tells its terms settled: it waits for its signing
    settled = _more_cues()["terms_of_agreement"].search(text) and not cue["signed"].search(text)
    if aux in ("future", "hypothetical"):
        return "to_be_signed" if scheduled or settled or re.search(r"\bsign", text, re.I) else "proposed"
    if aux != "negation" and cue["signed"].search(rest):
        return "signed"
    if concluded or scheduled:
        return "to_be_signed"
    if opened:
        return "negotiating"
    if t == "SUPPORT":
        return "signed"
    if t == "AGREE":
        return "to_be_signed" if settled or re.search(r"\bsign", text, re.I) else "proposed"
    if t == "CONSULT" or cue["negotiating"].search(text):
        return "negotiating"
    return None


def _stages(r: dict) -> list[tuple[str, list[str]]]:
    """(stage, documents) of a canonical record, each report read on its own: a later report of an
    event may say more (or less) than the first."""
    by_doc: dict[str, list[str]] = {}
    for sp in r["evidence"]:
        by_doc.setdefault(sp["doc_id"], []).append(sp["text"])
    out: dict[str, list[str]] = {}
    for doc in sorted(by_doc):
        st = _stage(" ".join(by_doc[doc]), r["event_type"], r.get("aux_mode"))
        if st:
            out.setdefault(st, []).append(doc)
    return sorted(out.items(), key=lambda x: STAGES.index(x[0]))


AGREEMENT_TYPES = ("AGREE", "SUPPORT")     # records that may type an agreement by its words alone


def agreement_of(r: dict) -> dict | None:
    """The agreement a canonical record names or types: its own, else the first agreement word in its
    first report's clause ("a new partnership", "a chip alliance") of a promise or a signing between
    named countries (not of a meeting: talks on a partnership are not the partnership)."""
    if r["agreement"]:
        return r["agreement"]
    if not r["evidence"] or not _participant_countries(r):
        return None
    if r["event_type"] == "CONSULT":
        return _concluded_at_meeting(r)
    if r["event_type"] not in AGREEMENT_TYPES or r["kind"] == "meeting":
        return None
    return _first_agreement(r["evidence"][0]["text"])


def _concluded_at_meeting(r: dict) -> dict | None:
    found = _meeting_concluded(r)
    return found[0] if found else None


def _meeting_concluded(r: dict) -> tuple[dict, dict] | None:
    """(agreement, span) that a past meeting's report tells concluded there, in a clause folded
    into the meeting after its first ("announced ... a three-year extension to administrative
    arrangements"), or that a past joint announcement tells in its own span: the agreement word in a later
    span that also holds a word of the signed stage
    (link_words.json stage_cues.signed, done_nouns), with that span; talks on a
    partnership are not the partnership, so the first span, the meeting's own, types nothing."""
    cue = _cues()["stage"]
    if r["event_type"] not in ("CONSULT", "AGREE") or r.get("aux_mode") is not None or (r["agreement"] or {}).get("kind"):
        return None
    # or a past announcement of both parties' undertakings, which lists what was concluded in its own span
    spans = r["evidence"][1:] if r["event_type"] == "CONSULT" else [
        sp for sp in r["evidence"][:1] if _cues()["announced"].search(sp["text"])]
    for sp in spans:
        text = cue["not_yet"].sub(" ", sp["text"])
        if (cue["signed"].search(text) or _cues()["done_nouns"].search(text)) and not cue["scheduled"].search(text):
            found = _first_agreement(text)
            if found:
                return found, sp
    return None


def _first_agreement(text: str) -> dict | None:
    """The first agreement a clause names or types, not one it speaks of as already known."""
    from ..topics import find_agreements
    found = [(s, {"name": a.get("name"), "kind": a["kind"]}) for s, _, a in find_agreements(text)]
    found += [(m.start(), {"name": None, "kind": k}) for k, rx in _cues()["kinds"] for m in rx.finditer(text)]
    # "building on the agreement", "under that deal": an unnamed agreement the article already spoke of
    # and "building on previous agreements", "Seoul's partnership with OpenAI": earlier ones
    found = [f for f in found if f[1]["name"] or not re.search(
        r"(?:\b(?:the|that|this|its|their|previous|earlier|past|existing|former)|\w['\u2019]s)\s+$", text[:f[0]], re.I)]
    return min(found, key=lambda x: x[0])[1] if found else None


def _talks_on(r: dict, rest: str = "") -> tuple[dict, dict] | None:
    """(agreement, span) that negotiations are told to be about ("launched talks with Chile on a fisheries
    agreement": link_words.json negotiation_opened, then on/over/about/for; talks alone may be on an
    agreement in force): the agreement word after
    them in the meeting's first clause, or in the rest of that clause after the coder's span (`rest`),
    not told signed there; that agreement is under negotiation."""
    if r["kind"] != "meeting" or not r["evidence"] or r.get("aux_mode") == "negation":
        return None
    sp = r["evidence"][0]
    text = sp["text"] + (" " + rest if rest else "")
    talks = _more_cues()["negotiation_opened"].search(text)
    about = re.search(r"\b(?:on|over|about|for)\s", text[talks.end():]) if talks else None
    topic = text[talks.end() + about.start():] if about else ""
    if _cues()["stage"]["signed"].search(_cues()["stage"]["not_yet"].sub(" ", topic)):
        return None         # talks on an agreement signed before ("the partnership they signed in May")
    found = _first_agreement(topic) if topic else None
    return (found, sp) if found else None


def _purpose_views(canon: list[dict], purpose: dict[str, dict]) -> list[tuple[dict, dict]]:
    """(view, agreement) for the promises whose fronted purpose names a new agreement ("to forge a
    research alliance, the premier plans to ...": `purpose`, record id -> that purpose's span): the
    agreement the plan is for is proposed by it."""
    out = []
    for r in canon:
        sp = purpose.get(r["id"])
        # a new one ("a research alliance"), not one the parties have ("to deepen their alliance")
        ag = _first_agreement(sp["text"]) if sp and not re.search(
            r"\b(?:the|that|this|its|their|our|existing)\b|\w['\u2019]s\b", sp["text"], re.I) else None
        if ag:
            out.append((dict(r, agreement=ag, evidence=[sp], event_type="AGREE", aux_mode=None, kind="other",
                             documents=[sp["doc_id"]], _group=r["id"] + "-purpose"), ag))
    return out


def build_agreements(canon: list[dict], rest: dict[str, str] | None = None,
                     purpose: dict[str, dict] | None = None) -> list[dict]:
    """Agreement records from canonical events: mentions of one name with compatible parties (one
    set inside the other, or none named) are one agreement, so the United States' agreements of
    one name with two different countries stay two; an unnamed mention joins a named agreement of
    compatible parties (sharing one) and the same kind."""
    groups: dict[tuple, dict] = {}
    named: dict[str, list[tuple]] = {}   # normalised name -> keys of its agreements
    talked = {r["id"]: t for r in canon if not agreement_of(r) for t in [_talks_on(r, (rest or {}).get(r["id"], ""))] if t}
    typed = {r["id"]: agreement_of(r) or (talked[r["id"]][0] if r["id"] in talked else None) for r in canon}
    items = sorted([(r, typed[r["id"]]) for r in canon if typed[r["id"]]] + _purpose_views(canon, purpose or {}),
                   key=lambda x: (x[0]["date"] or x[0]["first_reported"] or "", x[0].get("_group", x[0]["id"])))
    gatherings = _gatherings(canon)
    for r, ag in items:
        parties = tuple(sorted(_bodies_as_one(_participant_countries(r) | _signed_at(r, gatherings))))
        name = ag.get("name")
        if name:
            key = next((k for k in named.get(norm_name(name), ()) if _compatible(groups[k]["parties"], parties)),
                       ("name", norm_name(name), len(named.get(norm_name(name), ()))))
        else:
            key = next((k for ks in named.values() for k in ks if set(groups[k]["parties"]) & set(parties)
                        and _compatible(groups[k]["parties"], parties) and groups[k]["kind"] in (ag.get("kind"), None, "agreement", "deal")
                        and (set(groups[k]["topics"]) & set(r["topics"]) or not r["topics"])), None)
            topic = (r["topics"] or [""])[0]
            # an unnamed mention of the same kind and topic whose parties hold, or are held by, an earlier
            # unnamed one's (a report that missed one party of the deal) is that agreement
            key = key or next((k for k, g in groups.items() if k[0] == "typed" and k[1] == ag.get("kind")
                               and k[3] == topic and set(g["parties"]) & set(parties)
                               and _compatible(g["parties"], parties)), None)
            key = key or ("typed", ag.get("kind"), parties, topic)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"id": "a-" + r.get("_group", r["id"]), "name": name, "kind": ag.get("kind"), "parties": list(parties),
                               "signatories": [], "topics": [], "stages": [], "countries": list(parties)}
            if name:
                named.setdefault(norm_name(name), []).append(key)
        g["name"] = g["name"] or name
        if ag.get("kind") and (g["kind"] in (None, "agreement", "deal")):
            g["kind"] = ag.get("kind")
        g["parties"] = sorted(set(g["parties"]) | set(parties))
        g["countries"] = g["parties"]
        g["topics"] += [t for t in r["topics"] if t not in g["topics"]]
        met = _meeting_concluded(r)
        if r["id"] in talked and "_group" not in r:       # talks on an agreement: it is under negotiation
            met = (None, talked[r["id"]][1], "negotiating")
        elif met:
            met = (*met, "signed")
        for st, docs in ([(met[2], [met[1]["doc_id"]])] if met else _stages(r)):
            g["stages"].append({"stage": st, "date": r["date"] or r["first_reported"], "event_id": r["id"],
                                "documents": docs, "evidence": [met[1]] if met else
                                [sp for sp in r["evidence"] if sp["doc_id"] in docs][:1]})
            if st == "signed":
                for x in r["actor"] + r["recipient"]:
                    if x["entity_type"] == "person" and x["entity_name"] not in g["signatories"]:
                        g["signatories"].append(x["entity_name"])
    _in_force_told_after(canon, typed, groups)
    for g in groups.values():
        g["stages"].sort(key=lambda s: (s["date"] or "", STAGES.index(s["stage"])))
        g["status"] = g["stages"][-1]["stage"] if g["stages"] else None
    return sorted(groups.values(), key=lambda g: g["id"])


def agreement_sources(canon: list[dict], rest: dict[str, str] | None = None,
                      purpose: dict[str, dict] | None = None) -> set[str]:
    """The ids of the records `build_agreements` reads anything of: those naming or typing an agreement
    (`agreement_of`), talks on one (`_talks_on`), a plan for one (`_purpose_views`), a gathering a
    declaration may be adopted at (`_gatherings`), and a report putting one in force by referring back
    (`_in_force_told_after`). Agreements built from these alone are those built from all the records."""
    cue = _cues()
    out = set()
    for r in canon:
        first = r["evidence"][0]["text"] if r["evidence"] else ""
        if agreement_of(r) or _talks_on(r, (rest or {}).get(r["id"], "")) \
                or _purpose_views([r], purpose or {}) \
                or (r["event_type"] == "CONSULT" and r.get("aux_mode") is None and len(_participant_countries(r)) >= 3) \
                or (r["aux_mode"] is None and cue["refers_back"].match(first) and cue["stage"]["in_force"].search(first)):
            out.add(r["id"])
    return out


def _gatherings(canon: list[dict]) -> dict[str, list[dict]]:
    """document -> the past meetings it reports with three parties or more (a summit, a session)."""
    out: dict[str, list[dict]] = {}
    for r in canon:
        if r["event_type"] == "CONSULT" and r.get("aux_mode") is None and len(_participant_countries(r)) >= 3:
            for d in r["documents"]:
                out.setdefault(d, []).append(r)
    return out


def _signed_at(r: dict, gatherings: dict[str, list[dict]]) -> set[str]:
    """The parties of the gathering a declaration was adopted at by signatories its report only counts
    ("numerous countries adopted the declaration", "leaders from 30 nations signed": link_words.json
    collective_signatories): the largest past meeting of three parties or more in the same article,
    on the signing's day (or either undated), that holds every party the signing names."""
    if r["event_type"] not in AGREEMENT_TYPES or r.get("aux_mode") is not None or not r["evidence"] \
            or not _more_cues()["collective_signatories"].search(r["evidence"][0]["text"]):
        return set()
    mine, doc = _participant_countries(r), r["evidence"][0]["doc_id"]
    fits = [g for g in gatherings.get(doc, ()) if mine <= _participant_countries(g)
            and (not r["date"] or not g["date"] or r["date"][:10] == g["date"][:10])]
    return _participant_countries(max(fits, key=lambda g: (len(_participant_countries(g)), g["id"]))) if fits else set()


def _bodies_as_one(parties: set[str]) -> set[str]:
    """Several international bodies among the parties of an agreement that states sign too (a group, the
    UN, the EU: link_words.json bodies_as_one) are one party, IGO; a single one keeps its code, and so do
    the bodies of an agreement between bodies alone."""
    bodies = parties & set(_more_cues()["bodies_as_one"])
    return parties - bodies | {"IGO"} if len(bodies) > 1 and parties - bodies else parties


def _in_force_told_after(canon: list[dict], typed: dict, groups: dict) -> None:
    """A report that names no agreement but refers back to one the sentence before told ("..., under which
    they have been cooperating to identify supply-chain disruptions": link_words.json refers_back) and
    says it is in force (stage_cues.in_force) puts the agreement of its parties that its article cited
    last before it in force."""
    cue = _cues()
    for r in canon:
        if typed[r["id"]] or not r["evidence"] or r["aux_mode"] is not None:
            continue
        sp = r["evidence"][0]
        if not cue["refers_back"].match(sp["text"]) or not cue["stage"]["in_force"].search(sp["text"]):
            continue
        parties = _participant_countries(r)
        before = [(st["evidence"][0]["end"], g) for g in groups.values() if parties and parties <= set(g["parties"])
                  for st in g["stages"] if st["evidence"] and st["evidence"][0]["doc_id"] == sp["doc_id"]
                  and st["evidence"][0]["end"] <= sp["start"]]
        if before:
            g = max(before, key=lambda x: x[0])[1]
            g["stages"].append({"stage": "in_force", "date": r["date"] or r["first_reported"], "event_id": r["id"],
                                "documents": [sp["doc_id"]], "evidence": [sp]})


def _compatible(a, b) -> bool:
    """Two party sets that may be one agreement's: either is empty, or one holds the other."""
    a, b = set(a), set(b)
    return not a or not b or a <= b or b <= a
