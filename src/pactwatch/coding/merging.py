"""Merging: mentions of one real event, in one sentence or across one article, become one record.

This module merges across the article (``MergeRules._merge``; the headline and its lead, ``_headline_and_lead``);
the rest is in modules of their own: ``merge_pairs.py`` (whether two mentions can be one, ``compatible``,
``absorb``), ``merge_groups.py`` (the tests of the article-wide merge) and ``merge_sentence.py``
(``SentenceMerging``, the sentence step ``MergeRules`` inherits). Their names stay importable from here."""
from __future__ import annotations

import re

from .mention import EventMention, countries_of, dedupe
from .rules import lemma_of
from .merge_pairs import (_absorb_sides, named_by_year, _same_kind, _share_person, absorb, compatible, distinct_objects, framing,
                          own_subject)  # noqa: F401
from .merge_groups import (DAY_WORDS, DEFINITE, SAME_KIND_FOR_LEAD, _about_other_antecedent, _also_met_another, _another, _asks_otherwise,
                           _bodies,
                           _body_set_up_told_again, _describes_definite, _kind_words, _lead_kind, _meeting_nouns,
                           _more_attendees, _names_act_just_told, _new_accord, _new_meeting, _occasion_of, _occasions,
                           _other_actor, _other_counterpart, _overlap, _plan_form, _plan_of, _pronoun_subject,
                           _recalled_earlier, _repeats, _same_act, _same_noun_told, _same_occasion, _same_sides,
                           _several, _site_tour, _third_party, _time_word, _told_as_more, _tour_apart, _types_by_rule,
                           _visit_and_talks, _names_word, object_nouns, word_of)  # noqa: F401
from .times import _ended_before, _relative_day
from .merge_sentence import SentenceMerging, _act_at_planned_meeting, _subject_of  # noqa: F401


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


class MergeRules(SentenceMerging):
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
            shifted = bool(_relative_day(m))     # told of another day than the sentences before
            another = m.cls in ("meeting", "accord") and _another(m, cfg["other_occasion_words"], occasion_nouns)
            # "in 2019, Xland imposed curbs", "in January" in an October report: a time that ended weeks before the
            # article's is background, not the news of its headline and lead
            recalled = bool(m.date and m.date.value and document.date and (
                m.date.value[:4] < document.date[:4] or _ended_before(m.date.value, document.date, cfg["recalled_days"])))
            if recalled and any(g[0].type == m.type and all(x.sent.start < head_end for x in g) for g in groups):
                m.note("kept_apart", "merging.headline_not_background")
            new_accord = _new_accord(m, cfg)
            # one with no party of its own would not be written alone: it stays a reference back
            new_meeting = m.sent.start >= lead_end and bool(m.actors or m.recipients) and _new_meeting(m, cfg)
            # "the loan": the word an anaphoric act noun names (merging.anaphor_names_another)
            word = word_of(m.head) if m.anaphoric and m.cls == "event" and m.head.pos_ == "NOUN" else None
            if m.apart_from is not None:
                m.note("kept_apart", "participants.call_on_each")
                order = []      # "would call on the premier as well as the president": one call on each
            if m.follows is not None or any(x.follows is m for g in groups for x in g):
                # "the talks follow his state visit": never in the group of the event it follows or precedes
                order = [gi for gi in order if not any(x is m.follows or x.follows is m for x in groups[gi])]
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
                if shifted and not m.anaphoric and all(x.sent.start < m.sent.start for x in g):
                    m.note("kept_apart", "merging.relative_day")
                    continue    # "On day one, leaders will hold sessions. The next day, a ministerial meeting will be held"
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
                year = named_by_year(m)
                if year and document.date and year < document.date[:4] and \
                        not any(x.date and x.date.value and x.date.value.startswith(year) for x in g):
                    m.note("kept_apart", "merging.accord_named_by_year")
                    continue    # "signed a protocol that upgrades their 2009 free trade agreement": the older accord
                if _tour_apart(g, m, cfg):
                    m.note("kept_apart", "merging.site_tour_apart")
                    continue    # "toured a processing park" ... "his visit to Xland in March": the tour, the visit
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
                if m.anaphoric and m.cls == "event" and m.head.pos_ == "NOUN" and m.type in cfg["named_act_types"] and not any(
                        lemma_of(m.head)[:5] in (lemma_of(x.head)[:5], lemma_of(x.pred)[:5]) for x in g):
                    m.note("kept_apart", "merging.other_act_named")
                    continue    # "China called off the dialogue ... The veto on March 19 ended the purchase": "the veto"
                    #             names an act of its own word, not the one just told
                if word is not None and not _names_word(g, word) and any(
                        _names_word(h, word) for h in groups if h is not g):
                    m.note("kept_apart", "merging.anaphor_names_another")
                    continue    # "signed a loan agreement ... will open its tenders ... The loan will be disbursed": the
                    #             loan is not the act just told but the one that named it
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
                if m.cls == "meeting" and not m.anaphoric and _also_met_another(g, m):
                    m.note("kept_apart", "merging.also_met_another")
                    continue
                if m.cls == "meeting" and not m.anaphoric and _third_party(g, m):
                    m.note("kept_apart", "merging.third_party")
                    continue
                if m.cls == "meeting" and not m.anaphoric and _visit_and_talks(g, m, cfg):
                    m.note("kept_apart", "merging.visit_and_its_talks")
                    continue
                if m.cls == "meeting" and not m.anaphoric and _recalled_earlier(g, m, document.date):
                    m.note("kept_apart", "merging.undated_not_recalled")
                    continue
                if m.cls == "meeting" and not m.anaphoric and not m.described and m.date and m.date.value \
                        and document.date and m.date.value[:4] < document.date[:4] \
                        and not any(x.date and x.date.value for x in g):
                    m.note("kept_apart", "merging.recalled_not_undated")
                    continue    # "under negotiation since last autumn" ... "X visited Yland in August 2020"
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
                best = next((gi for gi in order if groups[gi][0].type == m.type and _same_act(groups[gi], m, self.rules.meeting_nouns)
                             and not _asks_otherwise(groups[gi], m, self.rules.cfg["content_told_types"])
                             and all(compatible(x, m) for x in groups[gi])
                             and not (recalled and all(x.sent.start < lead_end and not (x.date and x.date.value)
                                                       for x in groups[gi]))), None)
                if best is not None:
                    m.note("merged", "merging.same_act_same_sides")
            if best is None and m.sent.start < lead_end and not (named_by_year(m) and document.date
                                                                 and named_by_year(m) < document.date[:4]):
                # the lead tells the headline's event again: "China bans chip exports to US" then "China
                # will ban exports of ... to the US with immediate effect"
                by_rule = _types_by_rule(self.rules)
                best = next((gi for gi in order if (_lead_kind(groups[gi][0].type, m.type)
                                                    or _plan_form(groups[gi][0], m, by_rule))
                             and groups[gi][0].sent.start < head_end and not _tour_apart(groups[gi], m, cfg)
                             # the headline's event is told once in the lead: "X and Y to negotiate pact" is the
                             # lead's "had agreed to open negotiations", not also "after talks on Monday"
                             and not any(head_end <= x.sent.start and x.type != m.type for x in groups[gi])
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
            if best is None and head_end <= m.sent.start and not new_accord and not recalled and head_end:
                # "Tokyo to fund training centre" ... "- Japan will pay for a geothermal training centre": the
                # headline's act told further down, on the same thing
                objs = object_nouns(m, cfg)
                best = next((gi for gi in order if objs and groups[gi][0].type == m.type and all(
                    x.sent.start < head_end for x in groups[gi]) and any(objs & object_nouns(x, cfg) for x in groups[gi])
                    and all(compatible(x, m) for x in groups[gi]) and _same_sides(groups[gi], m, passive=True)), None)
                if best is not None:
                    m.note("merged", "merging.headline_object_told_below")
            if best is None:
                if m.anaphoric and not m.actors and not m.recipients:
                    continue      # "the meeting" with nothing to refer to
                groups.append([m])
                recency.append(len(recency))
            else:
                groups[best].append(m)
                recency[best] = max(recency) + 1
        return groups
