"""The tests of the article-wide merge (``MergeRules._merge``): whether a mention joins a group of mentions told
before (the same act retold, the same occasion, a definite description of it, a plan carried out) or tells
another event (another counterpart, a third party, a new accord or meeting, more attendees)."""
from __future__ import annotations

import re

from .mention import EventMention, countries_of, dedupe, people_of
from .merge_pairs import compatible
from .rules import NON_STATE, lemma_of


def _repeats(a: EventMention, b: EventMention) -> bool:
    """Whether b tells a's event again in the same words, from the trigger to the end of its clause
    (at least five words)."""
    def told(m):
        return " ".join(m.sent.text[m.head.idx - m.sent.start:m.span[1] - m.sent.start].split())
    ta = told(a)
    return a.type == b.type and a.sent.start != b.sent.start and len(ta.split()) >= 5 and ta == told(b)


def _other_counterpart(group: list[EventMention], m: EventMention) -> bool:
    """"The president arrived in Xville ... he had talked with Yland's premier at the forum": a meeting report
    whose other side is a person of a state the group does not hold tells another meeting, though it shares
    the visitor."""
    cg = set().union(*(countries_of(x.actors + x.recipients) for x in group))
    met = countries_of([r for r in m.recipients if r.entity_type == "person"])
    return bool(cg) and bool(met - countries_of(m.actors) - cg - NON_STATE)


def _also_met_another(group: list[EventMention], m: EventMention) -> bool:
    """"Sheikh Tamim held talks with Macron ... The emir, who also met Prime Minister Attal on Wednesday": a meeting
    told with "also" whose other side is a person the group does not hold is another meeting of the visit."""
    if m.mode == "visit" or not any(c.dep_ == "advmod" and c.lower_ == "also" for c in m.pred.children):
        return False        # (a site "also visited along with" the host is a stop of the same trip)
    met = {e.entity_name for e in m.recipients if e.entity_type == "person"}
    held = {e.entity_name for x in group for e in x.actors + x.recipients if e.entity_type == "person"}
    return bool(met) and not (met & held)


def _third_party(group: list[EventMention], m: EventMention) -> bool:
    """"X held talks with Y on Monday ... Zland's president also met Y": a meeting report whose acting side
    is a person of a state that the group's two sides or more do not hold, meeting one of them, tells another
    meeting, though it shares the other side."""
    cg = set().union(*(countries_of(x.actors + x.recipients) for x in group))
    if len(cg - NON_STATE) < 2 or m.described or not m.recipients:
        return False
    by = countries_of([a for a in m.actors if a.entity_type == "person"]) - NON_STATE
    return bool(by - cg) and bool(countries_of(m.recipients) & cg)


def _names_act_just_told(group: list[EventMention], m: EventMention, cfg, types_by_rule: dict) -> bool:
    """"X and Y launched a dialogue on lithium ... The ministers announced the initiative after a meeting": a
    cooperative act (event_rules.json two_sided_types) whose definite object is a word for an act
    (act_anaphor_nouns), done by the acting states of the act the article told last, is that act named again,
    whatever category each was coded with."""
    kinds = cfg["two_sided_types"]
    if m.ref_object not in cfg["act_anaphor_nouns"] or m.type not in kinds or group[0].type not in kinds:
        return False
    if any(x.sent.start == m.sent.start for x in group) or _plan_of(m, types_by_rule):
        return False        # "... will sign the deal later this year": an act still ahead on the thing, not the act told
    obj = next((c for c in m.pred.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ == m.ref_object), None)
    if obj is None or any(c.dep_ not in ("det", "punct") for c in obj.children):
        return False        # "inking the implementing agreement for a satellite": a thing of its own, described
    ma = countries_of(m.actors)
    return bool(ma) and ma <= set().union(*(countries_of(x.actors) for x in group)) \
        and all(compatible(x, m) for x in group)


def _other_actor(group: list[EventMention], m: EventMention) -> bool:
    """"X and Y signed an agreement ... Zland welcomed the agreement": a mention whose acting state is none of
    the group's parties does something of its own to the act the group tells, it does not tell that act."""
    cg = set().union(*(countries_of(x.actors + x.recipients) for x in group))
    return bool(cg) and bool(countries_of(m.actors) - cg - NON_STATE)


def _destinations(m: EventMention) -> list:
    """Where a visit goes: the object of its verb, or what "to"/"of" takes after its noun."""
    t = m.head
    if t.pos_ in ("VERB", "AUX"):
        return [c for c in t.children if c.dep_ == "dobj"]
    return [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "of") for g in c.children
            if g.dep_ == "pobj"]


def _site_tour(m: EventMention, cfg) -> bool:
    """"Toured a nickel processing park", "a trip to the headquarters of a chipmaker", "visited a manufacturing
    facility", "will tour key facilities": a visit whose destination is a site (event_rules.json site_nouns), or
    whatever a touring verb (tour_verbs) takes that is no country or city, is a tour of a site."""
    t = m.head
    if m.cls != "meeting" or (m.mode != "visit" and lemma_of(t) not in cfg["tour_verbs"]):
        return False
    dests = _destinations(m)
    if any(lemma_of(d) in cfg["site_nouns"] or d.lower_ in cfg["site_nouns"] for d in dests):
        return True
    return lemma_of(t) in cfg["tour_verbs"] and t.pos_ == "VERB" and bool(dests) and not any(
        d.ent_type_ in ("GPE", "LOC") for d in dests)


def _sites(m: EventMention, cfg) -> set:
    """The site nouns a tour's destination names ("a cleanroom facility at the headquarters": facility,
    headquarters)."""
    return {lemma_of(x) for d in _destinations(m) for x in d.subtree if lemma_of(x) in cfg["site_nouns"]}


def _tour_apart(group: list[EventMention], m: EventMention, cfg) -> bool:
    """"Is on a state visit to Xland ... a trip to the headquarters of a chipmaker in Yville": a tour of a site
    and a visit to a country or city, or the talks of a visit, are two events (realnews conventions: meetings
    during a state visit are events of their own); two tours of one site may still be one."""
    if m.cls != "meeting":
        return False
    tours = [_site_tour(x, cfg) for x in group if x.cls == "meeting"]
    if not tours:
        return False
    if _site_tour(m, cfg):
        if any(tours) and not m.anaphoric:      # "tour key facilities" ... "visiting a museum": two sites, two tours
            sites = _sites(m, cfg)
            return bool(sites) and all(not (sites & _sites(x, cfg)) for x in group if _site_tour(x, cfg))
        return not any(tours)
    # "the visit", "the visit to the firm" may still name the tour; "his visit to Xland" is the stay
    return all(tours) and (not m.anaphoric or any(r.entity_type == "country" for r in m.recipients))


def _visit_and_talks(group: list[EventMention], m: EventMention, cfg=None) -> bool:
    """"X held talks with the chancellor ... X is on a state visit to Yland": a visit and the
    talks held during it, with their other side named, are two events (a definite "the meeting" may still
    stand for the visit). Talks between two sides ("talks between the two ministers") name their other side;
    a visit told by a verb whose purpose is a visit noun ("arrived on Monday for a working visit") is the stay;
    in one sentence, talks told as one more act ("a visit by X, who also met Y") are one more event. A host
    receiving the visitor ("was received by the president") is such talks."""
    visit_nouns = set(cfg["visit_nouns"]) if cfg else {"visit", "trip"}

    def talks(x):
        # "signed the text after talks lasting an hour", its two signers from two states: both sides named; "was
        # received by the president" (host_verbs): a meeting with the host, during the visit
        hosted = cfg is not None and x.head.pos_ == "VERB" and lemma_of(x.head) in cfg["host_verbs"]["verbs"]
        return (x.mode != "visit" or hosted) and x.cls == "meeting" and not x.anaphoric and (bool(x.recipients) or (
            x.head.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "between" for c in x.head.children))
            or len(countries_of(x.actors) - NON_STATE) >= 2)

    def stay(x):        # the visit as a whole, told by its noun ("a state visit"), not "visited X, where he met Y"
        if x.mode != "visit" or (cfg and _site_tour(x, cfg)):
            return False
        # ("arrived in X on Sunday on a three-day trip", "... for a working visit")
        return x.head.pos_ == "NOUN" or any(c.dep_ == "prep" and c.lower_ in ("for", "on") and any(
            g.dep_ == "pobj" and lemma_of(g) in visit_nouns for g in c.children) for c in x.head.children)
    if any(x.sent.start == m.sent.start for x in group) and not (
            cfg and talks(m) and _told_as_more(m, cfg) and all(stay(x) for x in group)):
        return False
    if stay(m):
        return all(x.mode != "visit" for x in group) and any(talks(x) for x in group)
    return talks(m) and all(stay(x) for x in group)


def _recalled_earlier(group: list[EventMention], m: EventMention, doc_date: str | None) -> bool:
    """"... during her visit to Xland in April last year ... A warm meeting with the envoy": a meeting told
    with no time of its own is of the article's days, not the one it recalled from an earlier year."""
    if m.date is not None and m.date.value or not doc_date:
        return False
    dated = next((x.date.value for x in group if x.date is not None and x.date.value), None)
    return dated is not None and dated[:4] < doc_date[:4]


def _overlap(group: list[EventMention], m: EventMention) -> bool:
    pg = set().union(*(people_of(x.actors + x.recipients) for x in group))
    pm = people_of(m.actors + m.recipients)
    if pg & pm:
        return True
    if not any(x.actors or x.recipients for x in group):
        # "an upcoming summit" first, its parties named later; but "X met Y" with both sides named is a
        # meeting of its own, held on the sidelines of the summit it follows
        return not (m.head.pos_ in ("VERB", "AUX") and m.actors and m.recipients)
    if m.cls == "meeting" and m.location and any(x.location and x.location.name == m.location.name for x in group):
        return True       # "after meeting officials in Adelaide ... Doyle met Pratama ... in Adelaide"
    cg = set().union(*(countries_of(x.actors + x.recipients) for x in group))
    cm = countries_of(m.actors + m.recipients)
    # a report that adds a state the group does not have tells another meeting ("will also call on the
    # Belgian prime minister" after their ministerial talks); bodies and unions may be named later
    return len(cm) >= 2 and cm <= cg or (len(cg) >= 2 and cg <= cm and not (cm - cg) - NON_STATE)


def _occasions(m: EventMention) -> set[str]:
    """The names of the meetings a mention speaks of, by its trigger or a meeting noun folded into it
    ("delegates attended the Lisbon Ocean Summit": the verb's object names the summit)."""
    doc = m.head.doc
    toks = [m.head] + [doc[i] for i in sorted(m.tokens) if i != m.head.i and 0 <= i < len(doc)]
    return {o for o in map(_occasion_of, toks) if o}


def _same_occasion(a: str, b: str) -> bool:
    """One meeting name, or the other's ending when the parse left a word out ("ocean summit" and "lisbon
    ocean summit")."""
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short.split()) >= 2 and long_.endswith(" " + short))


def _occasion_of(t) -> str | None:
    """The name of the meeting a token speaks of, when it names one: "AI Seoul Summit" (a proper noun
    meeting word with its proper-noun compounds)."""
    if t.pos_ != "PROPN" and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children):
        return None
    words = [c for c in t.children if c.dep_ == "compound" and c.i < t.i]
    if not words:
        return None
    return " ".join(x.lower_ for x in sorted(words, key=lambda x: x.i) + [t])


DEFINITE = ("the", "this", "that")
SAME_KIND_FOR_LEAD = ({"CONCEDE", "RETREAT"},)   # a headline "withdraws" told in the lead as "decided to withdraw"


def _lead_kind(a: str, b: str) -> bool:
    """Whether a lead's type tells a headline's event of type a again: the same type, or a yielding told as
    a withdrawal ("Xland withdraws complaint" over "Xland decided to withdraw its complaint")."""
    return a == b or any({a, b} <= kind for kind in SAME_KIND_FOR_LEAD)


def _plan_of(m: EventMention, types_by_rule: dict) -> str | None:
    """The category a mention's act would have if it were done now, when it is AGREE only as the plan of that
    act ("will sign an agreement on Friday": SUPPORT stated in the future, event_rules.json cooperative_types)."""
    rules = m.why.get("event_type", ())
    if m.type != "AGREE" or "event_rules.json:cooperative_types" not in rules:
        return None
    base = next((types_by_rule[r] for r in rules if r in types_by_rule), None)
    return base if base != "AGREE" else None


def _plan_form(a: EventMention, b: EventMention, types_by_rule: dict) -> bool:
    """"Xland, Yland to sign pact" (the headline, read as the act) over "Xland and Yland will sign an agreement
    on Friday" (its plan), or the other way round: one tells the other's act, the other its plan."""
    return a.type != b.type and (_plan_of(a, types_by_rule) == b.type or _plan_of(b, types_by_rule) == a.type)


def _types_by_rule(rules) -> dict:
    """The category each trigger rule starts ("triggers.tsv:sign/V" -> SUPPORT), kept on the rules object."""
    got = getattr(rules, "_merging_types_by_rule", None)
    if got is None:
        got = {tr.rule: tr.type for table in (rules.verbs, rules.phrasal, rules.nouns, rules.noun_phrases)
               for tr in table.values() if getattr(tr, "rule", "")}
        got.update({f"event_rules.json:verb_object_types[{k}]": v[0]     # "hold talks": CONSULT
                    for k, v in rules.cfg.get("verb_object_types", {}).items() if isinstance(v, list) and v})
        rules._merging_types_by_rule = got
    return got


def _describes_definite(m: EventMention) -> bool:
    """A participle with no subject of its own describing a definite noun ("Hosted by Xland and Yland, the
    event drew ...", "the summit, hosted by ..."): it tells something of a thing already spoken of."""
    p = m.pred
    if p.tag_ != "VBN" or p.dep_ not in ("advcl", "acl") or m.head.i != p.i \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in p.children):
        return False
    noun = p.head if p.dep_ == "acl" else next(
        (c for c in p.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return noun is not None and noun.pos_ == "NOUN" and not noun.ent_type_ and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)


def _more_attendees(group: list[EventMention], m: EventMention) -> bool:
    """Whether a mention tells a named multilateral meeting of the group again with more of its attendees:
    a definite meeting noun of no name of its own ("the plenary", "Friday's session") naming three
    parties or more, or the verb that such a noun hangs on."""
    if not any(_occasions(x) for x in group):
        return False
    if any(x.sent.start == m.sent.start and x.pred.i == m.pred.i and x.head.pos_ == "NOUN"
           and "merging.more_attendees" in x.why.get("merged", ()) for x in group):
        return True     # "the session was attended by ...": the verb of the noun that joined
    t = m.head
    if t.pos_ != "NOUN" or _occasions(m) or len(dedupe(m.actors + m.recipients)) < 3:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("between", "with", "among") for c in t.children):
        return False    # "the talks between ...": a meeting of its own parties
    return any(c.dep_ == "det" and c.lower_ in DEFINITE or c.dep_ == "poss" and _time_word(c) for c in t.children)


DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
             "tomorrow", "morning", "afternoon", "evening", "night", "day"}


def _time_word(t) -> bool:
    """"Friday's", "yesterday's", "Tuesday night's": a time owning a noun (a quote mark may cling to it)."""
    return t.ent_type_ in ("DATE", "TIME") or t.lower_.strip("\"'“‘") in DAY_WORDS


def _of_meeting(x: EventMention, meeting_nouns) -> bool:
    """Whether a mention's act is about a meeting: its class, or a meeting noun among its tokens ("called off a
    planned visit")."""
    return x.cls == "meeting" or any(x.head.doc[i].lemma_.lower() in meeting_nouns for i in x.tokens)


def _other_object(x: EventMention, meeting_nouns) -> bool:
    """Whether a mention's verb has a noun object that is no meeting ("rejected a US demand")."""
    return not _of_meeting(x, meeting_nouns) and any(
        c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and c.lemma_.lower() not in meeting_nouns
        for c in x.pred.children)


def _same_act(group: list[EventMention], m: EventMention, meeting_nouns=frozenset()) -> bool:
    """Whether a mention names the same acting countries as a group, and no other target."""
    if any(x.sent.start == m.sent.start for x in group):
        return False        # two clauses of one sentence that were not merged there tell two acts
    if _of_meeting(m, meeting_nouns) and any(_other_object(x, meeting_nouns) for x in group) or \
            _other_object(m, meeting_nouns) and any(_of_meeting(x, meeting_nouns) for x in group):
        return False        # "rejected a US demand" ... "the trip had been cancelled": a meeting called off is another act
    act = set().union(*(countries_of(x.actors) for x in group))
    rec = set().union(*(countries_of(x.recipients) for x in group))
    ma, mr = countries_of(m.actors), countries_of(m.recipients)
    return bool(act) and ma == act and (not mr or not rec or mr == rec)


def _asked_act(m: EventMention) -> str | None:
    """The lemma of the act a verbal mention asks for ("urged Mexico to close gaps": close), or None."""
    return next((lemma_of(c) for c in m.pred.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None)


def _asks_otherwise(group: list[EventMention], m: EventMention, types) -> bool:
    """Whether a mention of a category whose content tells the act apart (``content_told_types``: "pressed Mexico
    to stop the chips", then "urged Mexico to close the gaps") asks for another act than the group: two
    requests, not one told twice."""
    if m.type not in types:
        return False
    mine = _asked_act(m)
    theirs = {a for a in (_asked_act(x) for x in group) if a is not None}
    return mine is not None and bool(theirs) and mine not in theirs


def _same_sides(group: list[EventMention], m: EventMention, passive: bool = False, two_sided=()) -> bool:
    """Whether a mention names the countries of a group (one set inside the other, none empty). `passive`: a
    mention with no actor ("a summit of A, B and C ... will be cancelled") names parties, not a target.
    `two_sided`: categories of acts done together (event_rules.json two_sided_types), whose sides the parse
    may set either way ("Xland, Yland agree ..." over "Xland agreed with Yland ...")."""
    cg = set().union(*(countries_of(x.actors + x.recipients) for x in group))
    cm = countries_of(m.actors + m.recipients)
    ga = set().union(*(countries_of(x.actors) for x in group))
    gr = set().union(*(countries_of(x.recipients) for x in group)) - ga
    opposed = countries_of(m.actors) & gr or countries_of(m.recipients) - countries_of(m.actors) & ga
    if passive and not m.actors or m.type in two_sided and all(x.type in two_sided for x in group):
        opposed = set()
    return bool(cg and cm) and (cg <= cm or cm <= cg) and not opposed    # not "X's crackdown on Y" for Y's ban on X


def _another(m: EventMention, words, nouns_of_class) -> bool:
    """"Another forum in Xland", "one more agreement", "further rounds of talks": a meeting or accord noun
    (the trigger, or one folded into it: "will attend another forum") that says it is one more of its
    kind (event_rules.json other_occasion_words). `nouns_of_class`: the meeting and accord nouns of triggers.tsv."""
    doc = m.head.doc
    nouns = [m.head] + [doc[i] for i in sorted(m.tokens) if i != m.head.i and 0 <= i < len(doc)
                        and lemma_of(doc[i]) in nouns_of_class]
    return any(t.pos_ == "NOUN" and any(c.dep_ in ("det", "amod", "advmod", "nummod") and c.lower_ in words
                                        for c in t.children) for t in nouns)


def _several(m: EventMention, words) -> bool:
    """"Further forums on fisheries": one more of its kind in the plural tells several meetings, none of
    which a single meeting named later ("a forum in Xland") need be."""
    return m.head.tag_ in ("NNS", "NNPS") and any(c.dep_ in ("det", "amod", "advmod", "nummod") and c.lower_ in words
                                                 for c in m.head.children)


def _pronoun_subject(m: EventMention, words) -> bool:
    """"It was endorsed by ...", "It was held in ...": a passive meeting or accord verb whose subject is a
    pronoun standing for a thing (event_rules.json event_pronouns) tells the article's latest one again."""
    p = m.pred
    return m.head.i == p.i and p.pos_ in ("VERB", "AUX") and p.dep_ != "relcl" and any(
        c.dep_ == "nsubjpass" and c.lower_ in words for c in p.children)


def _new_accord(m: EventMention, cfg) -> bool:
    """"Two state firms signed a letter of intent", "the ministers also unveiled a treaty": an accord
    told with an indefinite object (event_rules.json indefinite_determiners) or as one more act (addition_adverbs)
    is another accord, not one already told by the same parties."""
    if m.cls != "accord" or m.anaphoric:
        return False
    p = m.pred
    noun = m.head if m.head.pos_ == "NOUN" else next((c for c in p.children if c.dep_ == "dobj"
                                                     and c.pos_ in ("NOUN", "PROPN")), None)
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")} if noun is not None else set()
    if dets & cfg["indefinite_determiners"] and m.head.pos_ == "VERB":
        return True     # the act of making one ("signed a letter of intent"), not "will have a signed agreement"
    return not dets and _told_as_more(m, cfg)


def _new_meeting(m: EventMention, cfg) -> bool:
    """""Held a productive stakeholder meeting", "will attend a business event organised by ...": a meeting
    noun with an indefinite determiner (event_rules.json indefinite_determiners), itself the act or the object
    of the act's verb, not the setting of another act ("agreed at a meeting in Xville"), introduces a
    meeting of its own."""
    if m.cls != "meeting" or m.anaphoric or lemma_of(m.pred) in cfg["topic_verbs"]:
        return False        # "the two officials also discussed a wide range of issues": a topic, no occasion
    if m.head.pos_ == "VERB" and m.recipients and _told_as_more(m, cfg) and any(
            r.startswith("event_rules.json:courtesy_calls") for r in m.why.get("event_type", [])):
        return True         # "the ministers would also call on the premier": a call of its own
    noun = m.head if m.head.pos_ == "NOUN" else next((c for c in m.pred.children if c.dep_ == "dobj"
                                                     and c.pos_ == "NOUN"), None)
    if noun is None or noun.dep_ == "pobj" or noun.dep_ == "compound" or lemma_of(noun) in cfg["site_nouns"]:
        return False        # "visited a manufacturing facility": the place of a tour, not a meeting noun
    return any(c.dep_ == "det" and c.lower_ in cfg["indefinite_determiners"] for c in noun.children)


def _meeting_nouns(m: EventMention):
    """The meeting nouns of a mention: its trigger when a noun, and the nouns folded into it."""
    doc = m.head.doc
    return [t for t in [m.head] + [doc[i] for i in sorted(m.tokens) if 0 <= i < len(doc)] if t.pos_ == "NOUN"]


def _kind_words(t) -> set:
    return {lemma_of(c) for c in t.children if c.dep_ in ("amod", "compound")}


def _same_noun_told(group: list[EventMention], m: EventMention) -> bool:
    """"Their bilateral summit in Xville ... the two leaders held a bilateral summit at the premier's office": an
    indefinite meeting noun whose words of kind the group's noun of the same word already has tells that
    meeting; "a stakeholder meeting" after "the ministerial meeting" does not."""
    ours = _meeting_nouns(m)
    return any(lemma_of(a) == lemma_of(b) and _kind_words(a) <= _kind_words(b)
               for x in group for b in _meeting_nouns(x) for a in ours)


def _bodies(m: EventMention, bodies) -> set:
    """The lemmas of the nouns of bodies of relations in a mention's clause ("alliance", "council")."""
    return {lemma_of(x) for x in m.pred.subtree if x.pos_ == "NOUN"} & set(bodies)


def _body_set_up_told_again(group: list[EventMention], m: EventMention, bodies) -> bool:
    """"X and Y declared the establishment of a chip alliance ... The two countries will establish a
    semiconductor alliance": a body of relations set up (SUPPORT) and the same sides' promise to set up one of
    the same kind (AGREE, from ``creation_verbs+relation_bodies``) in one article tell one act."""
    promised = "event_rules.json:creation_verbs+relation_bodies"
    for a, b in ((group[0], m), (m, group[0])):
        if a.type == "SUPPORT" and b.type == "AGREE" and promised in b.why.get("event_type", []) and \
                _bodies(a, bodies) & _bodies(b, bodies):
            sides = [countries_of(x.actors + x.recipients) for x in group]
            mine = countries_of(m.actors + m.recipients)
            return len(mine) >= 2 and all(c == mine for c in sides) and all(compatible(x, m) for x in group)
    return False


def _told_as_more(m: EventMention, cfg) -> bool:
    """"The two countries also announced ...": an act told as one more (event_rules.json addition_adverbs)."""
    return any(c.dep_ == "advmod" and c.lower_ in cfg["addition_adverbs"] for c in m.pred.children)


def _about_other_antecedent(group: list[EventMention], m: EventMention, nouns_of_class) -> bool:
    """"... called off the forum in June, which other ministers were due to attend": a mention in a
    relative clause hung on a meeting or accord noun (`nouns_of_class`) tells of that meeting; with no party of
    its own it is no reference back to a group that does not hold that noun."""
    t = m.pred
    while t.dep_ != "relcl" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "relcl" or lemma_of(t.head) not in nouns_of_class:
        return False
    noun = t.head.i
    return not any(noun == x.head.i or noun in x.tokens for x in group)


def object_nouns(m: EventMention, cfg) -> set[str]:
    """The nouns of what an act is done to: its direct object, or the object of one of ``preps`` ("will pay for a
    geothermal training centre" -> {centre, training}), head and compounds, less the generic ones
    (``headline_object_told_below``)."""
    spec = cfg["headline_object_told_below"]
    out = set()
    for c in m.pred.children:
        objs = [c] if c.dep_ in ("dobj", "nsubjpass") else [g for g in c.children if g.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ in spec["preps"] else []
        for o in objs:
            for w in [o] + [x for x in o.children if x.dep_ in ("compound", "amod")]:
                lem = lemma_of(w)
                if w.pos_ == "NOUN" and lem not in spec["generic"]:
                    out.add(lem)
    return out


def word_of(tok) -> re.Pattern:
    """A pattern for the noun `tok` in any of its short inflections ("loan", "loans")."""
    return re.compile(r"\b" + re.escape(lemma_of(tok)) + r"\w{0,2}\b")


def _names_word(group: list[EventMention], word: re.Pattern) -> bool:
    """Whether a mention of the group names a noun (`word_of`) in its evidence ("a loan agreement" names "the
    loan")."""
    return any(word.search(x.sent.text[x.span[0] - x.sent.start:x.span[1] - x.sent.start].lower()) for x in group)
