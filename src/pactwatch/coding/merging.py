"""Merging: mentions of one real event, in one sentence or across one article, become one record."""
from __future__ import annotations

import re

from .mention import EventMention, countries_of, dedupe, people_of
from .rules import NON_STATE, lemma_of
from ..places import same_place


def framing(a: EventMention, b: EventMention) -> bool:
    return a.frame_of is b or b.frame_of is a


def own_subject(a: EventMention, b: EventMention) -> bool:
    """"Mokoena held talks in January, and Pembridge visited Cape Town in May": a conjoined clause with a
    subject of its own tells another event."""
    later = b.pred if b.pred.dep_ == "conj" else a.pred
    return later.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in later.children)


def distinct_objects(a: EventMention, b: EventMention) -> bool:
    """Conjoined verbs acting on different things ("rejected the demand and called off the visit") are two events."""
    oa = {lemma_of(c) for c in a.pred.children if c.dep_ in ("dobj", "nsubjpass")}
    ob = {lemma_of(c) for c in b.pred.children if c.dep_ in ("dobj", "nsubjpass")}
    return bool(oa and ob and not oa & ob)


def _same_kind(a: EventMention, b: EventMention, reaching=()) -> bool:
    """Whether b can tell a's event by their categories and classes. `reaching`: verbs of coming to an
    agreement (event_rules.json reaching_verbs)."""
    if a.type == b.type == "SUPPORT" and b.anaphoric and {a.cls, b.cls} == {"accord", "event"}:
        return True     # "signed a deal ... witnessed the signing of the agreement": the act of an accord told again
    if a.type == b.type == "AGREE" and b.cls == "accord" and b.anaphoric and a.cls == "event" \
            and b.head.dep_ == "dobj" and lemma_of(b.head.head) in reaching:
        return True     # "X and Y agreed on Monday to ... The ministers reached the agreement at ...": the act named
    if a.cls != b.cls:
        return False
    if a.type == b.type:
        return a.cls in ("meeting", "accord") or b.anaphoric or b.ref_object is not None
    if a.cls == "accord" and b.anaphoric and {a.type, b.type} <= {"AGREE", "SUPPORT"}:
        return True
    return False


def _share_person(pa: set, pb: set) -> bool:
    """Whether two sets of people's names hold one person: the same name, or a surname, bare or after a title,
    and a full name ending in it ("President Ruto" in a headline above "William Ruto" in the lead, before the
    short name is known)."""
    return bool(pa & pb) or any(len(x.split()) <= 2 and len(y.split()) > 1 and x.split()[-1] == y.split()[-1]
                                and x != y for a, b in ((pa, pb), (pb, pa)) for x in a for y in b)


def compatible(a: EventMention, b: EventMention, attendees: bool = False, retold: bool = False) -> bool:
    """Whether two mentions can tell one event. `attendees`: b names more attendees of a multilateral
    meeting, so that parties of its own do not make it another meeting. `retold`: b is the lead telling the
    headline's event again, so that a visit to a country and a visit placed in one of its cities are one."""
    if (a.aux_mode in ("hypothetical", "negation") or b.aux_mode in ("hypothetical", "negation")) \
            and a.aux_mode != b.aux_mode:
        return False
    pa, pb = people_of(a.actors + a.recipients), people_of(b.actors + b.recipients)
    if pa and pb and not _share_person(pa, pb) and not (a.described or b.described) and not attendees:
        return False
    ca, cb = countries_of(a.actors + a.recipients), countries_of(b.actors + b.recipients)
    if len(ca) >= 2 and len(cb) >= 2 and not (ca & cb) and not attendees:
        return False
    if a.location and b.location and not same_place(a.location, b.location):
        return False
    if a.location and b.location and a.location.name != b.location.name and a.location.geonames_id != b.location.geonames_id \
            and "visit" in (a.mode, b.mode) and not (retold and a.mode == b.mode == "visit"):
        return False        # a visit to a country and a meeting in one of its cities are two events (a meeting at
        #                     a city and the same meeting "in the US", told again, are one)
    if a.date and b.date and a.date.value and b.date.value:
        n = min(len(a.date.value), len(b.date.value))
        if a.date.value[:n] != b.date.value[:n]:
            return False
    if (a.date and a.date.value and b.vague_time) or (b.date and b.date.value and a.vague_time):
        return False
    return True


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


def _visit_and_talks(group: list[EventMention], m: EventMention) -> bool:
    """"X held talks with the chancellor ... X is on a state visit to Yland": a visit and the
    talks held during it, with their other side named, are two events (a definite "the meeting" may still
    stand for the visit)."""
    def talks(x):
        return x.mode != "visit" and x.cls == "meeting" and bool(x.recipients) and not x.anaphoric

    def stay(x):        # the visit as a whole, told by its noun ("a state visit"), not "visited X, where he met Y"
        return x.mode == "visit" and x.head.pos_ == "NOUN"
    if any(x.sent.start == m.sent.start for x in group):
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


LEAD_MIN_WORDS = 12     # a shorter paragraph below the headline is a byline, a dateline or a timestamp


def _headline_and_lead(document) -> tuple[int, int]:
    """Where the headline and the lead paragraph end: the headline is the first line of the body when it
    is short and does not end a sentence; the lead, the paragraph after it. (0, 0) when there is none."""
    text = document.text
    start = document.body_start
    while start < len(text) and text[start].isspace():
        start += 1
    head_end = text.find("\n", start)
    if head_end < 0 or head_end - start > 200 or text[start:head_end].rstrip().endswith((".", "?", "!", '"', "”")):
        return 0, 0
    lead = head_end
    for _ in range(4):      # the lead: the first paragraph of some length (not a byline or a timestamp)
        while lead < len(text) and text[lead].isspace():
            lead += 1
        lead_end = text.find("\n", lead)
        lead_end = len(text) if lead_end < 0 else lead_end
        if len(text[lead:lead_end].split()) >= LEAD_MIN_WORDS:
            break
        lead = lead_end
    return head_end, lead_end


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


def _same_act(group: list[EventMention], m: EventMention) -> bool:
    """Whether a mention names the same acting countries as a group, and no other target."""
    if any(x.sent.start == m.sent.start for x in group):
        return False        # two clauses of one sentence that were not merged there tell two acts
    act = set().union(*(countries_of(x.actors) for x in group))
    rec = set().union(*(countries_of(x.recipients) for x in group))
    ma, mr = countries_of(m.actors), countries_of(m.recipients)
    return bool(act) and ma == act and (not mr or not rec or mr == rec)


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
    if noun is None or noun.dep_ == "pobj" or noun.dep_ == "compound":
        return False
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


def _subject_of(a: EventMention, b: EventMention) -> bool:
    """"A forum is scheduled for June", "talks are set for Monday": one mention's meeting noun is the
    subject of the other's verb, and both tell the one planned meeting."""
    def subj(noun, verb):
        return noun.head.pos_ == "NOUN" and noun.head.dep_ in ("nsubj", "nsubjpass") \
            and noun.head.head.i == verb.head.i and verb.head.pos_ == "VERB" and verb.cls == "event"
    return subj(a, b) or subj(b, a)


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


def absorb(target: EventMention, m: EventMention) -> None:
    target.tokens |= m.tokens | {m.pred.i}
    target.actors = dedupe(target.actors + m.actors)
    target.recipients = dedupe(target.recipients + m.recipients)
    target.location = target.location or m.location
    target.agreement = target.agreement or m.agreement
    for what, rules in m.why.items():
        if what != "date" or target.date is None:
            for r in rules:
                target.note(what, r)
    for tp in m.topics:
        if tp not in target.topics:
            target.topics.append(tp)


def _absorb_sides(meeting: EventMention, act: EventMention) -> None:
    """Absorb an act done at a meeting whose sides are already set ("the two leaders" of a visitor and his
    host): a state the meeting holds on one side is not added to the other."""
    ours, theirs = countries_of(meeting.actors), countries_of(meeting.recipients)
    act.actors = [e for e in act.actors if not e.country or e.country not in theirs]
    act.recipients = [e for e in act.recipients if not e.country or e.country not in ours]
    absorb(meeting, act)


def _retell_end(document, head_end: int, paragraphs: int) -> int:
    """Where the first `paragraphs` paragraphs below the headline end (0 when there is no headline)."""
    if not head_end:
        return 0
    text, end = document.text, head_end
    for _ in range(paragraphs):
        while end < len(text) and text[end].isspace():
            end += 1
        nxt = text.find("\n", end)
        end = len(text) if nxt < 0 else nxt
    return end


def _act_at_planned_meeting(meeting: EventMention, m: EventMention, words) -> bool:
    """"... is set to make a state visit to Xville on Friday, where the two leaders are expected to sign 20
    agreements": a planned act (not a meeting) told in a relative clause of place or time (event_rules.json
    setting_relative_words) hung inside a planned meeting's clause is announced for that meeting, one event
    with it (realnews conventions: a signing announced for a future meeting is not coded twice)."""
    if meeting.cls != "meeting" or m.cls == "meeting" or meeting.type != "AGREE" or m.type != "AGREE":
        return False
    t = m.pred
    while t.dep_ != "relcl" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ in words for c in t.subtree if c.i < m.pred.i):
        return False
    inside = {x.i for x in meeting.pred.subtree} - {x.i for x in t.subtree}
    return t.head.i in inside and meeting.head.i in inside


class MergeRules:
    def _merge_sentence(self, mentions, sdoc, actors) -> list[EventMention]:
        """Mentions of one sentence that tell one event (conjoined verbs: "met ... and discussed"; an
        anaphoric noun) become one; settings are linked to the events they frame first."""
        self._frames(mentions, sdoc, actors)
        merged: list[EventMention] = []
        for m in mentions:
            tgt = next((x for x in merged if x.type == m.type and x.cls == m.cls and not framing(x, m) and (
                (m.head.dep_ == "conj" and m.head.head.i in x.tokens or x.head.dep_ == "conj" and x.head.head.i in m.tokens)
                and (m.cls == "meeting" or not distinct_objects(x, m)) and not own_subject(x, m)
                or (m.anaphoric or x.anaphoric) and compatible(x, m))), None)
            if tgt is not None:
                m.note("merged", "merging.same_sentence")
                absorb(tgt, m)
                continue
            words = self.rules.cfg["setting_relative_words"]
            tgt = next((x for x in merged if _act_at_planned_meeting(x, m, words)
                        or _act_at_planned_meeting(m, x, words)), None)
            if tgt is not None:     # the meeting keeps the record: the act is announced for it
                meeting, act = (tgt, m) if tgt.cls == "meeting" else (m, tgt)
                act.note("merged", "merging.act_at_planned_meeting")
                _absorb_sides(meeting, act)
                if meeting is m:
                    merged[merged.index(tgt)] = m
                continue
            tgt = next((x for x in merged if x.type == m.type and {x.cls, m.cls} == {"meeting", "event"}
                        and not framing(x, m) and _subject_of(x, m) and compatible(x, m)), None)
            if tgt is not None and tgt.cls == "meeting":
                m.note("merged", "merging.subject_of_plan")
                absorb(tgt, m)
            elif tgt is not None:       # the meeting noun keeps the record: it is a meeting, planned
                tgt.note("merged", "merging.subject_of_plan")
                absorb(m, tgt)
                merged[merged.index(tgt)] = m
            else:
                merged.append(m)
        return merged

    def _merge(self, document, mentions: list[EventMention]) -> list[list[EventMention]]:
        cfg = self.rules.cfg
        head_end, lead_end = _headline_and_lead(document)
        retell_end = _retell_end(document, head_end, cfg["headline_retell_paragraphs"])
        occasion_nouns = self.rules.occasion_nouns
        groups: list[list[EventMention]] = []
        recency: list[int] = []
        for m in mentions:
            best = None
            order = sorted(range(len(groups)), key=lambda g: -recency[g])
            another = m.cls in ("meeting", "accord") and _another(m, cfg["other_occasion_words"], occasion_nouns)
            # "in 2019, Xland imposed curbs": a time in a year before the article's is background, not the headline's news
            recalled = bool(m.date and m.date.value and document.date and m.date.value[:4] < document.date[:4])
            if recalled and any(g[0].type == m.type and all(x.sent.start < head_end for x in g) for g in groups):
                m.note("kept_apart", "merging.headline_not_background")
            new_accord = _new_accord(m, cfg)
            # one with no party of its own would not be written alone: it stays a reference back
            new_meeting = m.sent.start >= lead_end and bool(m.actors or m.recipients) and _new_meeting(m, cfg)
            if m.apart_from is not None:
                m.note("kept_apart", "participants.call_on_each")
                order = []      # "would call on the premier as well as the president": one call on each
            for gi in order:
                g = groups[gi]
                if _body_set_up_told_again(g, m, cfg["relation_bodies"]):
                    best = gi       # "declared the establishment of a chip alliance ... will establish a chip alliance"
                    m.note("merged", "merging.body_set_up_told_again")
                    break
                if not _same_kind(g[0], m, cfg["reaching_verbs"]):
                    continue
                if m.sequel is not None and not m.anaphoric and (any(x is m.sequel for x in g) or not _same_noun_told(g, m)):
                    m.note("kept_apart", "merging.programme_sequel")
                    continue    # "will meet X, followed by consultations with ...": the next occasion, not the meeting
                if another and not any(_same_occasion(a, b) for x in g for a in _occasions(x) for b in _occasions(m)):
                    m.note("kept_apart", "merging.another_of_its_kind")
                    continue    # "another forum in Xland" after "a forum in Yland": one more, not the same
                if m.head.tag_ in ("NN", "NNP") and any(_several(x, cfg["other_occasion_words"]) for x in g):
                    m.note("kept_apart", "merging.another_of_its_kind")
                    continue    # "further forums ... a forum in Yland is planned": one of several, not all of them
                if m.cls in ("meeting", "accord") and _pronoun_subject(m, cfg["event_pronouns"]) \
                        and all(compatible(x, m, attendees=True) for x in g):
                    best = gi       # "... adopted the Xville Charter. It was endorsed by envoys of A, B and C as well"
                    m.note("merged", "merging.pronoun_subject")
                    break
                if m.cls == "meeting" and g[0].cls == "meeting" and _more_attendees(g, m) \
                        and all(compatible(x, m, attendees=True) for x in g):
                    best = gi       # "... chaired the Xville Summit" ... "Friday's session was attended by A, B and C"
                    m.note("merged", "merging.more_attendees")
                    break
                if not all(compatible(x, m) for x in g):
                    continue
                if new_accord and m.sent.start >= lead_end and not any(x.sent.start == m.sent.start for x in g):
                    m.note("kept_apart", "merging.new_accord")
                    continue    # "X and Y signed a letter of intent" after the two sides' agreement: another accord
                if new_meeting and not any(x.sent.start == m.sent.start for x in g) and not _same_noun_told(g, m):
                    m.note("kept_apart", "merging.new_meeting")
                    continue    # "... will attend a business event organised by ..." after his bilateral meeting
                # "he met Japan's prime minister": a verb with its other side named is matched by its parties below,
                # not taken for a reference back because its subject is a pronoun
                named_other_side = m.recipients and m.head.pos_ in ("VERB", "AUX")
                no_party = not m.actors and not m.recipients and m.cls in ("meeting", "accord")
                if no_party and _about_other_antecedent(g, m, occasion_nouns):
                    no_party = False
                    m.note("kept_apart", "merging.relative_clause_of_other_occasion")
                if m.cls == "meeting" and not m.anaphoric and m.described and _recalled_earlier(g, m, document.date):
                    m.note("kept_apart", "merging.undated_not_recalled")
                    continue    # "the two leaders also discussed ..." after "his visit to Xville last year"
                if no_party and m.cls == "meeting" and g[0].cls == "meeting" and m.sent.start >= lead_end and \
                        _new_meeting(m, cfg) and _recalled_earlier(g, m, document.date):
                    m.note("kept_apart", "merging.undated_not_recalled")
                    continue
                if no_party and m.cls == "meeting" and g[0].cls == "meeting" and m.sent.start >= lead_end and \
                        _new_meeting(m, cfg) and not _same_noun_told(g, m):
                    # "Held a productive stakeholder meeting along with ..." below the report of the ministerial
                    # meeting: another meeting of the same sides, not the one told
                    m.actors = dedupe([e for x in g for e in x.actors])
                    m.recipients = dedupe([e for x in g for e in x.recipients])
                    m.note("kept_apart", "merging.new_meeting_same_sides")
                    m.note("actor", "merging.new_meeting_same_sides")
                    dated = next((x.date for x in g if x.date is not None and x.date.value), None)
                    if m.date is None and dated is not None:
                        m.set_date(dated, "merging.new_meeting_same_sides")     # of the same days
                    break
                if m.anaphoric or (m.described and m.cls in ("meeting", "accord") and not named_other_side) or no_party:
                    best = gi
                    m.note("merged", "merging.refers_back")
                    break
                if m.cls in ("meeting", "accord") and _describes_definite(m):
                    best = gi       # "Hosted by Xland and Yland, the event drew ...": the event already told
                    m.note("merged", "merging.participle_of_definite")
                    break
                if m.cls == "meeting" and any(_same_occasion(a, b) for x in g for a in _occasions(x) for b in _occasions(m)):
                    best = gi       # "attended the virtual AI Seoul Summit" ... "chaired the AI Seoul Summit"
                    m.note("merged", "merging.same_named_occasion")
                    break
                if m.cls == "meeting" and _other_counterpart(g, m):
                    m.note("kept_apart", "merging.other_counterpart")
                    continue
                if m.cls == "meeting" and not m.anaphoric and _third_party(g, m):
                    m.note("kept_apart", "merging.third_party")
                    continue
                if m.cls == "meeting" and not m.anaphoric and _visit_and_talks(g, m):
                    m.note("kept_apart", "merging.visit_and_its_talks")
                    continue
                if m.cls == "meeting" and not m.anaphoric and _recalled_earlier(g, m, document.date):
                    m.note("kept_apart", "merging.undated_not_recalled")
                    continue
                if m.cls in ("meeting", "accord") and _overlap(g, m):
                    best = gi
                    m.note("merged", "merging.same_meeting_or_accord")
                    break
                if m.ref_object and any(re.search(r"\b" + re.escape(m.ref_object) + r"\b",
                                                  x.sent.text[x.span[0] - x.sent.start:x.span[1] - x.sent.start].lower())
                                        for x in g):
                    if _other_actor(g, m):
                        m.note("kept_apart", "merging.other_actor_on_the_act")
                        continue    # "X and Y signed an agreement ... Zland welcomed the agreement": Zland's own act
                    best = gi       # "launched a research fund ... launched the fund at the university"
                    m.note("merged", "merging.definite_object")
                    break
            if best is None and order and _names_act_just_told(groups[order[0]], m, cfg, _types_by_rule(self.rules)):
                best = order[0]     # "X and Y launched a dialogue ... the ministers announced the initiative after ..."
                m.note("merged", "merging.act_named_again")
            if best is None and m.cls == "accord" and m.ref_object and not countries_of(m.actors) and not another:
                # "The pair inked the deal in Osaka" after "X signed an agreement with Y": a definite accord
                # with no party of its own names the article's latest accord of that category in other words
                best = next((gi for gi in order if groups[gi][0].type == m.type and groups[gi][0].cls == "accord"
                             and all(compatible(x, m) for x in groups[gi])), None)
                if best is not None:
                    m.note("merged", "merging.definite_accord")
                    # naming no party, it adds none: a country it got only from a place ("in Osaka, Japan") is not one
                    sides = set().union(*(countries_of(x.actors + x.recipients) for x in groups[best]))
                    m.recipients = [r for r in m.recipients if r.country in sides]
            if best is None:
                # a passage told twice (a standfirst repeating the lead): the same words, the same event
                best = next((gi for gi in order if any(_repeats(x, m) for x in groups[gi])
                             and all(compatible(x, m) for x in groups[gi])), None)
                if best is not None:
                    m.note("merged", "merging.repeated_passage")
            if best is None and m.type in self.rules.cfg["repeated_act_types"]:
                # "Japan decided to lift its curbs on Korea ... Tokyo will lift the restrictions": one act of
                # one state on another, told twice in an article
                best = next((gi for gi in order if groups[gi][0].type == m.type and _same_act(groups[gi], m)
                             and all(compatible(x, m) for x in groups[gi])
                             and not (recalled and all(x.sent.start < head_end for x in groups[gi]))), None)
                if best is not None:
                    m.note("merged", "merging.same_act_same_sides")
            if best is None and m.sent.start < lead_end:
                # the lead tells the headline's event again: "China bans chip exports to US" then "China
                # will ban exports of ... to the US with immediate effect"
                by_rule = _types_by_rule(self.rules)
                best = next((gi for gi in order if (_lead_kind(groups[gi][0].type, m.type)
                                                    or _plan_form(groups[gi][0], m, by_rule))
                             and groups[gi][0].sent.start < head_end
                             and all(compatible(x, m, retold=True) for x in groups[gi])
                             and _same_sides(groups[gi], m, two_sided=cfg["two_sided_types"])), None)
                if best is not None:
                    m.note("merged", "merging.headline_and_lead")
                    if _plan_form(groups[best][0], m, by_rule):
                        for x in groups[best]:      # the lead says whether the act is done or planned
                            x.type = m.type
                            x.note("event_type", "merging.headline_plan_form")
            if best is None and lead_end <= m.sent.start < retell_end and not new_accord and not _told_as_more(m, cfg) \
                    and not recalled:
                # a lead about something else, and the headline's event told in the next paragraph: "Xland calls off
                # Yville forum" ... "the forum of A, B and C, due in Yville next month, will not take place"
                best = next((gi for gi in order if groups[gi][0].type == m.type and groups[gi][0].cls == m.cls and all(
                    x.sent.start < head_end for x in groups[gi]) and not any(
                    x.type == m.type and head_end <= x.sent.start for g in groups for x in g)
                    and all(compatible(x, m) for x in groups[gi]) and _same_sides(groups[gi], m, passive=True)), None)
                if best is not None:
                    m.note("merged", "merging.headline_told_below")
            if best is None:
                if m.anaphoric and not m.actors and not m.recipients:
                    continue      # "the meeting" with nothing to refer to
                groups.append([m])
                recency.append(len(recency))
            else:
                groups[best].append(m)
                recency[best] = max(recency) + 1
        return groups
