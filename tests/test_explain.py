"""`pactwatch explain` and `pactwatch show --why`: every field of an event comes with the ids of the rules
that set it, and each id says what it does."""
from __future__ import annotations

import json

from conftest import cli_in_process

import pactwatch

# own writing: a past agreement dated by its weekday, a promise inside it, a reporting verb around it
TEXT = ("Canada and Japan agreed on Tuesday to set up a joint research centre for quantum sensing, "
        "Tokyo's science ministry said.")


def test_explain_prints_each_field_with_its_rules() -> None:
    out = cli_in_process("explain", TEXT, "--date", "2025-08-07").stdout
    assert "event 1 of 1   AGREE" in out
    assert "actor      Canada [CAN], Japan [JPN]" in out
    # the agreeing happened on Tuesday: the date is not read forward because of what was agreed
    assert "date       2025-08-05 [day] from 'Tuesday'" in out
    assert "event_type triggers.tsv:agree/V - 'agree' (verb) starts an event of category AGREE" in out
    assert "participants.subject - the subject of the event's verb" in out
    assert "date.attached_by_parse - the time expression hangs on the event" in out
    assert "(no description)" not in out


def test_a_plan_reads_its_weekday_forward_and_says_so() -> None:
    out = cli_in_process("explain", "The Canadian and Chilean foreign ministers will meet in Ottawa on Friday.",
                         "--date", "2025-08-07").stdout
    assert "2025-08-08 [day] from 'Friday'" in out
    assert "aux_mode   event_rules.json:future_aux" in out
    assert "event_rules.json:cooperative_types" in out        # a meeting ahead is AGREE (PLOVER)
    assert "location   event_rules.json:place_preps" in out


def test_trace_is_kept_in_the_record_and_shown_by_show_why(tmp_path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(" date 2025-08-07\n" + TEXT + "\n", encoding="utf-8")
    db = tmp_path / "t.db"
    cli_in_process("ingest", "--db", db, "-q", doc)
    record = json.loads(cli_in_process("export", "--db", db).stdout.splitlines()[0])
    assert "why" not in record       # the export is SCHEMA.md's record; the store keeps the trace
    out = cli_in_process("show", record["id"], "--db", db, "--why").stdout
    assert "event_type triggers.tsv:agree/V" in out and "date       date.attached_by_parse" in out
    assert "why        (field: rule id - what the rule does)" in out
    assert "participants.subject - " in out
    plain = cli_in_process("show", record["id"], "--db", db).stdout
    assert "why " not in plain


def test_python_api_events_carry_the_trace() -> None:
    ev = pactwatch.extract(TEXT, date="2025-08-07")[0]
    assert set(ev.why) >= {"event_type", "actor", "date"}
    assert ev.to_dict(extended=True)["why"] == ev.why and "why" not in ev.to_dict()


def test_explain_reads_standard_input(run_cli_process) -> None:
    proc = run_cli_process("explain", "-", "--date", "2025-08-07", input=TEXT)
    assert proc.returncode == 0 and "AGREE" in proc.stdout


def test_explain_prints_hostile_text_inert(run_cli_process) -> None:
    text = "Chile and Peru signed a \x1b]0;pwned\x07fisheries accord in Lima on Monday.\u202e"
    proc = run_cli_process("explain", "-", "--date", "2025-08-07", input=text, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\u202e" not in proc.stdout and "\x07" not in proc.stdout
    assert "SUPPORT" in proc.stdout


def test_explain_rejects_an_impossible_day() -> None:
    proc = cli_in_process("explain", "Chile met Peru.", "--date", "2025-02-30", check=False)
    assert proc.returncode == 2 and "is not a day" in proc.stderr
