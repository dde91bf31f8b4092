"""Reports that the same-event test keeps apart or joins by the coder's own fields (mode, the rule that
dated the event, trigger): records written for these tests, not taken from any article."""
from __future__ import annotations

from pactwatch import link
from pactwatch.model import Event

CFG = link.LinkConfig()


def state(code: str) -> dict:
    return {"raw_text": code, "entity_name": code, "country": code, "entity_type": "country"}


def person(name: str, code: str) -> dict:
    return {"raw_text": name, "entity_name": name, "country": code, "entity_type": "person"}


def report(i: str, doc: str, event_type: str, text: str, *, trigger: str, actor=(), recipient=(), mode=(),
           date=None, date_text=None, date_rules=(), kind=None, place=None, agreement=None) -> Event:
    e = Event.from_dict({"id": i, "doc_id": doc, "event_type": event_type, "kind": kind, "mode": list(mode),
                         "actor": list(actor), "recipient": list(recipient), "date": date, "date_text": date_text,
                         "why": {"date": list(date_rules)} if date_rules else {},
                         "location": {"name": place, "country": None} if place else None, "agreement": agreement,
                         "evidence": [{"doc_id": doc, "start": 0, "end": len(text), "text": text}]})
    e.trigger = trigger
    return e


# --- a pair's meeting on the sidelines of a group's summit (coded mode visit / multilateral) ---------------

def test_two_leaders_meeting_beside_a_group_summit_are_not_the_group_s_meeting() -> None:
    days = {"p1": "2031-06-08", "g1": "2031-06-08", "g2": "2031-06-09"}
    pair = report("p", "p1", "CONSULT", "while meeting Herrera, who praised the new ocean compact with him",
                  trigger="meeting", mode=["visit"], kind="meeting", place="Geneva",
                  actor=[person("Ana Ribeiro", "BRA"), person("Tomas Herrera", "ARG")], recipient=[state("CHE")],
                  date="2031-06-07", date_rules=["date.setting_of_dated_event"])
    group = report("g", "g1", "CONSULT", "the leaders of Brazil, Argentina, Switzerland and Peru held a meeting",
                   trigger="held", mode=["multilateral"], kind="meeting", place="Geneva",
                   actor=[state("BRA"), state("CHE"), state("PER"), person("Tomas Herrera", "ARG")],
                   date="2031-06-07", date_text="Saturday", date_rules=["date.attached_by_parse"])
    assert link.same_event(pair, group, days, CFG) is None
    assert link._facts_conflict(pair, group, CFG, days)
    # the group's meeting told again, coded multilateral too, is still one event with it
    again = report("g2", "g2", "CONSULT", "four leaders held a meeting in Geneva on Saturday, chaired by Herrera",
                   trigger="held", mode=["multilateral"], kind="meeting", place="Geneva",
                   actor=[state("BRA"), state("CHE"), state("PER"), person("Tomas Herrera", "ARG")],
                   date="2031-06-07", date_text="Saturday", date_rules=["date.attached_by_parse"])
    assert link.same_event(group, again, days, CFG) is not None
    assert not link._facts_conflict(group, again, CFG, days)


# --- a date only the article's flow gave is still a date ---------------------------------------------------

def test_a_flow_dated_plan_of_another_year_is_another_plan() -> None:
    days = {"d1": "2031-03-18", "d2": "2031-09-24"}
    tour = report("t", "d1", "AGREE", "is due to tour a copper smelter on the coast on Wednesday", trigger="tour",
                  kind="meeting", actor=[person("Lars Holm", "SWE")], date="2031-03-19", date_text="Wednesday",
                  date_rules=["date.attached_by_parse", "date.read_ahead_for_plans"])
    next_round = report("n", "d2", "AGREE", "is expected to attend that session", trigger="attend",
                        kind="meeting", actor=[person("Lars Holm", "SWE")], date="2032",
                        date_rules=["date.inherited"])
    assert link.same_event(tour, next_round, days, CFG) is None
    # dated by the flow to the same days: nothing keeps them apart
    near = report("n2", "d2", "AGREE", "is expected to tour that smelter", trigger="tour", kind="meeting",
                  actor=[person("Lars Holm", "SWE")], date="2031-03-19", date_rules=["date.inherited"])
    assert link.same_event(tour, near, days, CFG) is not None


def test_two_signings_promised_for_days_far_apart_by_the_flow_are_two_promises() -> None:
    def signing(i, doc, text, date, date_text=None, rules=("date.inherited",)):
        return report(i, doc, "AGREE", text, trigger="sign", kind="accord", actor=[state("CZE"), state("TWN")],
                      date=date, date_text=date_text, date_rules=rules,
                      agreement={"name": None, "kind": "agreement"})
    days = {"d1": "2031-03-05", "d2": "2031-04-03"}
    first = signing("a", "d1", "to sign an agreement on training chip engineers", "2031-04-08")
    later = signing("b", "d2", "the two sides would sign the training agreement at some later point", "2031-04-01")
    assert link.same_event(first, later, days, CFG) is None
    # a promise dated by the day it was made, as another report of it is dated by its schedule, still joins
    made = signing("c", "d1", "to sign an agreement on training chip engineers", "2031-03-05")
    sched = signing("d", "d2", "will sign the agreement on training chip engineers on Monday", "2031-04-06",
                    "Monday", ("date.attached_by_parse", "date.read_ahead_for_plans"))
    assert link.same_event(made, sched, {"d1": "2031-03-05", "d2": "2031-03-06"}, CFG) is not None


# --- one act of one doer told again in the same verb, soon after --------------------------------------------

def test_an_act_told_again_in_the_same_verb_is_one_event() -> None:
    days = {"d1": "2031-03-04", "d2": "2031-04-02"}
    first = report("a", "d1", "ACCUSE", "Peru's embassy protested against the fishing fleet on Monday",
                   trigger="protested", actor=[state("PER")], recipient=[state("ECU")], date="2031-03-03",
                   date_text="Monday", date_rules=["date.attached_by_parse"])
    again = report("b", "d2", "ACCUSE", "which had protested last month", trigger="protested",
                   actor=[state("PER")], date="2031-03", date_text="last month", date_rules=["date.attached_by_parse"])
    why = link.same_event(first, again, days, CFG)
    assert why is not None and why["retold_act"] == "protested"
    # another verb, another target, or another month: nothing says it is the same act
    other_verb = report("c", "d2", "ACCUSE", "which had condemned the plan last month", trigger="condemned",
                        actor=[state("PER")], date="2031-03", date_text="last month",
                        date_rules=["date.attached_by_parse"])
    assert link.same_event(first, other_verb, days, CFG) is None
    other_target = report("d", "d2", "ACCUSE", "which had protested to Bolivia last month", trigger="protested",
                          actor=[state("PER")], recipient=[state("BOL")], date="2031-03", date_text="last month",
                          date_rules=["date.attached_by_parse"])
    assert link.same_event(first, other_target, days, CFG) is None
    other_month = report("e", "d2", "ACCUSE", "which had protested in January", trigger="protested",
                         actor=[state("PER")], date="2031-01", date_text="January",
                         date_rules=["date.attached_by_parse"])
    assert link.same_event(first, other_month, days, CFG) is None


def test_the_article_s_own_day_given_by_the_flow_does_not_date_a_past_act() -> None:
    days = {"d1": "2031-03-05", "d2": "2031-03-16"}
    recalled = report("a", "d1", "ACCUSE", "Chile filed its complaint with the trade body in September 2029",
                      trigger="complaint", actor=[state("CHL")], recipient=[state("PER")], date="2029-09",
                      date_text="September 2029", date_rules=["date.attached_by_parse"])
    retold = report("b", "d2", "ACCUSE", "Chile filed a complaint with the trade body over the quarrel",
                    trigger="complaint", actor=[state("CHL")], recipient=[state("PER")], date="2031-03-16",
                    date_rules=["date.inherited"])
    assert link.same_event(recalled, retold, days, CFG) is not None


# --- a report that matches two reports of one article joins the one it shares more with -----------------------

def test_a_split_puts_a_report_with_the_part_it_matches_best() -> None:
    from pactwatch.crossdoc.splits import _split
    days = {"a": "2031-05-12", "b": "2031-05-13"}
    chile, peru = state("CHL"), state("PER")
    visit = report("a1", "a", "CONSULT", "President Rosa Ibarra began a state visit to Peru on Monday",
                   trigger="visit", mode=["visit"], kind="meeting", actor=[chile], recipient=[peru],
                   date="2031-05-12", date_text="Monday", date_rules=["date.attached_by_parse"])
    tour = report("a0", "a", "CONSULT", "Ibarra toured a copper smelter near Arequipa on Monday",
                  trigger="toured", mode=["visit"], kind="meeting", actor=[chile], recipient=[peru],
                  date="2031-05-12", date_text="Monday", date_rules=["date.attached_by_parse"])
    again = report("b1", "b", "CONSULT", "Chilean President Rosa Ibarra began a state visit to Peru on Monday",
                   trigger="visit", mode=["visit"], kind="meeting", actor=[chile], recipient=[peru],
                   date="2031-05-12", date_text="Monday", date_rules=["date.attached_by_parse"])
    match = lambda x, y: link.same_event(x, y, days, CFG)    # noqa: E731
    match.doc_dates = days
    parts = _split([visit, tour, again], match, CFG)
    assert sorted(map(sorted, parts)) == [["a0"], ["a1", "b1"]]     # the tour comes first, the visit wins


# --- one act told in another form of its verb ------------------------------------------------------------------

def test_a_signing_recalled_with_another_form_of_the_verb_is_the_same_signing() -> None:
    days = {"d1": "2031-02-20", "d2": "2031-09-30"}
    first = report("a", "d1", "SUPPORT", "Kenya and Japan sign a 40 billion yen geothermal loan", trigger="sign",
                   kind="accord", actor=[state("JPN")], recipient=[state("KEN")], date="2031-02-20",
                   date_text="Thursday", date_rules=["date.attached_by_parse"])
    recalled = report("b", "d2", "SUPPORT", "the loan was signed in Nairobi in February", trigger="signed",
                      kind="accord", actor=[state("JPN"), state("KEN")], date="2031-02", date_text="in February",
                      date_rules=["date.attached_by_parse"])
    why = link.same_event(first, recalled, days, CFG)
    assert why is not None and why["same_trigger"] == "sign"
    # another verb is no such evidence
    other = report("c", "d2", "SUPPORT", "the loan was welcomed in Nairobi in February", trigger="welcomed",
                   kind="accord", actor=[state("JPN"), state("KEN")], date="2031-02", date_text="in February",
                   date_rules=["date.attached_by_parse"])
    assert "same_trigger" not in (link.same_event(first, other, days, CFG) or {})


def test_a_promise_due_in_early_november_is_overdue_once_the_tenth_has_passed() -> None:
    from pactwatch.crossdoc.commitments import _past
    assert _past("2031-11", "2031-11-26", 0, "early November")
    assert not _past("2031-11", "2031-11-26", 0, "in November")
    assert not _past("2031-11", "2031-11-08", 0, "early November")
    assert _past("2031-03", "2031-03-21", 0, "by mid-March")
