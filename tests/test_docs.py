"""The manual and the parser are tested like code (as sqlite-utils' test_docs.py does).

1. Every subcommand of the parser runs, with each of its options, on the seed articles and on the
   demo database, without a traceback and with the exit status it documents (cli's docstring:
   0 done, 1 failed / problems / nothing found, 2 bad usage). A subcommand or an option that no
   row of COMMANDS exercises fails `test_every_subcommand_and_option_is_exercised`.
2. Every `$ pactwatch ...` (and `$ python ...`) line of the README runs, in order, in a sandbox laid
   out as the README assumes (the checkout beside ../shared, the bad/ folder below), exits 0, and
   prints every line the README shows for it (lines with "..." or "…" are elisions).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import REPO, SEED_AUG, cli_in_process
from pactwatch import cli

# ------------------------------------------------------------------------------------ 1. subcommands
# {seeds}: a database of the seed articles; {demo}: the demo database; {tmp}: a scratch folder;
# {corpus}: the seed articles; {event}: an event id of the seeds database. Each row: argv, status.
COMMANDS: dict[str, list[tuple[str, int]]] = {
    "ingest": [
        ("ingest --db {tmp}/new.db -q {corpus}", 0),
        ("ingest --db {tmp}/new.db --processes 1 --max-bytes 5000000 --max-line-chars 200000 "
         "--max-chars 1000000 {corpus}", 0),
        ("ingest --db {tmp}/new.db -j 1 --quiet {tmp}/missing.txt", 1),          # every input rejected
        ("ingest --db {tmp}/new.db --max-bytes 0 {corpus}", 2),
        ("ingest --db {tmp}/new.db --engine local -j 1 {corpus}", 0),
        ("ingest --db {tmp}/ray.db --engine ray --address 127.0.0.1:1 {corpus}", 1),  # no Ray listens there
        ("ingest --db {tmp}/new.db --address auto {corpus}", 2),                      # --address needs ray
    ],
    "events": [
        ("events --db {seeds}", 0),
        ("events --db {seeds} --country kor --pair KOR USA --type consult --topic AI --from 2025-08 "
         "--to 2025-08-31 --text Bae --doc " + SEED_AUG + " --limit 5", 0),
        ("events --db {demo} --topic comms --limit 3 --min-confidence 0.7", 0),
        ("events --db {demo} --min-confidence 1.5", 2),
        ("events --db {seeds} --from 2025-13", 2),
        ("events --db {seeds} --from 2025-02-30", 2),
        ("events --db {seeds} --topic nonsense", 2),
        ("events --db {seeds} --country Korea", 2),
        ("events --db {tmp}/typo.db", 1),
    ],
    "show": [
        ("show {event} --db {seeds}", 0),
        ("show {event} --db {seeds} --why", 0),
        ("show no-such-event --db {seeds}", 1),
    ],
    "explain": [
        ("explain 'Japan and India agreed on Monday to build a joint chip laboratory.' --date 2025-03-05", 0),
        ("explain --file {tmp}/explain.txt --date 2025-03-05", 0),
        ("explain 'Nothing happened.'", 1),
        ("explain --file {tmp}/missing.txt", 1),
        ("explain 'Japan met India.' --date 2025-13-01", 2),
        ("explain", 2),
    ],
    "export": [
        ("export --db {seeds} --format jsonl", 0),
        ("export --db {seeds} --format csv -o {tmp}/e.csv --pair KOR USA --country USA --type agree "
         "--topic quantum --from 2025 --to 2025-12 --text sign --doc " + SEED_AUG, 0),
        ("export --db {demo} --what canonical --output {tmp}/c.jsonl", 0),
        ("export --db {seeds} --min-confidence 0.75", 0),
        ("export --db {demo} --what agreements", 0),
        ("export --db {demo} --what commitments", 0),
        ("export --db {demo} --what actors", 0),
        ("export --db {demo} --format parquet --out {tmp}/pq", 0),
        ("export --db {demo} --format parquet --what commitments -o {tmp}/pq", 0),
        ("export --db {demo} --format parquet", 2),                      # a folder is needed
        ("export --db {demo} --what actors --format csv", 2),
        ("export --db {seeds} -o {tmp}/no/such/folder/x.jsonl", 1),
    ],
    "failures": [("failures --db {seeds}", 0)],
    "check": [("check --db {seeds}", 0), ("check --db {demo}", 0), ("check --db {tmp}/typo.db", 1)],
    "link": [("link --db {tmp}/linkable.db", 0), ("link --db {tmp}/linkable.db --rebuild", 0),
             ("link --db {tmp}/linkable.db --rebuild -j 2", 0), ("link --db {tmp}/linkable.db --processes 0", 2)],
    "actors": [("actors --db {demo}", 0), ("actors Tanaka --db {demo} --limit 2", 0)],
    "agreements": [("agreements --db {demo}", 0), ("agreements quantum --db {demo}", 0)],
    "commitments": [("commitments --db {demo}", 0),
                    ("commitments --db {demo} --status fulfilled --country KOR", 0),
                    ("commitments --db {seeds} --status bogus", 2)],
    "timeline": [("timeline --db {demo} --pair KOR USA", 0),
                 ("timeline --db {demo} --pair IND GBR --topic AI", 0),
                 ("timeline --db {demo}", 2)],
    # `serve` itself runs until stopped: test_web.py starts it; here it checks the database and exits
    "serve": [("serve --db {demo} --host 127.0.0.1 --port 8765 --check", 0),
              ("serve --db {tmp}/typo.db --check", 1),
              ("serve --db {demo} --port 70000", 2)],
    "demo": [("demo --db {tmp}/d.db --quiet --limit 3 --processes 1", 0),
             ("demo --db {tmp}/not-ours.db -q", 1)],
}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@dataclass
class Dbs:
    seeds: Path
    demo: Path
    tmp: Path
    corpus: Path
    event: str
    runs: dict[str, object] = field(default_factory=dict)


@pytest.fixture(scope="module")
def dbs(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Dbs:
    tmp = tmp_path_factory.mktemp("docs")
    seeds, demo = tmp / "seeds.db", tmp / "demo.db"
    cli_in_process("ingest", "--db", seeds, "-q", seeds_dir)
    cli_in_process("demo", "--db", demo, "-q")
    cli_in_process("ingest", "--db", tmp / "linkable.db", "-q", seeds_dir)
    (tmp / "not-ours.db").write_text("a file of someone else's\n", encoding="utf-8")
    (tmp / "explain.txt").write_text("The French and Korean science ministers met in Paris on Monday.\n", encoding="utf-8")
    first = json.loads(cli_in_process("export", "--db", seeds).stdout.splitlines()[0])
    return Dbs(seeds, demo, tmp, seeds_dir, first["id"])


def test_every_subcommand_and_option_is_exercised() -> None:
    parsers = subcommands()
    assert set(COMMANDS) == set(parsers), "a subcommand has no row in COMMANDS (or a row names none)"
    for name, sp in parsers.items():
        words = {w for argv, _ in COMMANDS[name] for w in shlex.split(argv)}
        for action in sp._actions:
            if action.option_strings and "-h" not in action.option_strings:
                assert words & set(action.option_strings), f"{name}: option {action.option_strings} never run"


@pytest.mark.parametrize("name,argv,status", [(n, a, s) for n, rows in COMMANDS.items() for a, s in rows],
                         ids=[f"{n}:{i}" for n, rows in COMMANDS.items() for i in range(len(rows))])
def test_subcommand_runs_with_documented_status(dbs: Dbs, name: str, argv: str, status: int) -> None:
    args = shlex.split(argv.format(seeds=dbs.seeds, demo=dbs.demo, tmp=dbs.tmp, corpus=dbs.corpus, event=dbs.event))
    proc = cli_in_process(*args, check=False)  # an exception escaping main() fails the test here
    assert proc.returncode == status, f"pactwatch {argv}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stdout + proc.stderr
    if status == 1:  # an error is one line naming the database or file and the reason
        errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("pactwatch:") or "failed:" in ln]
        assert errors, proc.stderr
    if status == 2:
        assert "error:" in proc.stderr or "pactwatch:" in proc.stderr


def test_read_commands_create_nothing(dbs: Dbs) -> None:
    folder = dbs.tmp / "nothing-here"
    for argv in (["events"], ["check"], ["export"], ["failures"], ["commitments"], ["actors"], ["agreements"],
                 ["timeline", "--pair", "KOR", "USA"], ["show", "x"], ["link"], ["serve", "--check"]):
        proc = cli_in_process(*argv, "--db", folder / "typo.db", check=False)
        assert proc.returncode == 1 and "no such database" in proc.stderr, (argv, proc.stderr)
    assert not folder.exists()


def test_help_of_every_subcommand() -> None:
    for name in subcommands():
        proc = cli_in_process(name, "--help", check=False)
        assert proc.returncode == 0 and "usage: pactwatch " + name in proc.stdout


# ------------------------------------------------------------------------------------ 2. the README
@dataclass
class Example:
    line: int
    command: str
    shown: list[str]
    status: int = 0  # "# exits N" after the command says it exits N


def readme_examples(text: str) -> list[Example]:
    """`$ ...` lines of the README's code blocks, each with the output shown under it."""
    out: list[Example] = []
    in_block = False
    current: Example | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("```"):
            in_block, current = not in_block, None
            continue
        if not in_block:
            continue
        if raw.startswith("$ "):
            status = re.search(r"#\s*exits (\d+)", raw)
            current = Example(n, re.sub(r"\s+#.*$", "", raw[2:]).strip(), [], int(status.group(1)) if status else 0)
            out.append(current)
        elif current is not None and raw.strip():
            current.shown.append(raw)
    return out


BAD_FILES = {
    # what the README's bad-input example reads (tests/test_docs.py lays it out)
    "blob.txt": b"date 2025-08-05 \x00\x01\x02 not text",
    "empty.txt": b"",
    "noise.txt": bytes(range(128, 256)) * 4,
    "latin1.txt": ("date 2025-08-05 The Spanish science minister met her Chilean counterpart in "
                   "Santiago on Tuesday to discuss an astronomy partnership, the ministry said. "
                   "The two ministers signed an agreement on observatory data for the caf\u00e9 "
                   "district's new science centre.\n").encode("cp1252"),
    "feed.jsonl": (json.dumps({"id": "feed-1", "date": "2025-08-06", "text": "Japan and Australia signed a "
                               "memorandum on critical minerals in Canberra on Wednesday."}) + "\n"
                   + '{"id": "feed-2", "date": "2025-08-06", "text": }\n'
                   + json.dumps({"id": "feed-3", "date": "2025-02-30", "text": "Canada proposed joint "
                                 "research on quantum sensing with Germany."}) + "\n").encode(),
    "pact.html": ("<!doctype html><html><head><title>Pact</title>"
                  '<meta property="article:published_time" content="2025-08-07T09:00:00Z"></head><body>'
                  "<article><p>India and France agreed on Thursday to open a joint laboratory for space "
                  "research in Bengaluru next year, officials in New Delhi said.</p><p>The laboratory "
                  "will study satellite navigation and earth observation.</p></article></body></html>").encode(),
}


def lay_out_sandbox(root: Path, shared: Path) -> Path:
    """root/shared -> the shared material; root/work is the checkout the README speaks from."""
    (root / "shared").symlink_to(shared, target_is_directory=True)
    work = root / "work"
    (work / "bad").mkdir(parents=True)
    for name, data in BAD_FILES.items():
        (work / "bad" / name).write_bytes(data)
    return work


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_readme_examples_run_as_shown(shared_dir: Path, tmp_path: Path) -> None:
    examples = readme_examples((REPO / "README.md").read_text(encoding="utf-8"))
    assert len(examples) >= 15, "the README lost its examples"
    work = lay_out_sandbox(tmp_path, shared_dir)
    problems: list[str] = []
    for ex in examples:
        words = shlex.split(ex.command)
        if words[:2] == ["pactwatch", "serve"] and "--check" not in words:
            proc, shown = serve_example(words[1:], work), [ln.replace(":8000/", ":PORT/") for ln in ex.shown]
            ex = Example(ex.line, ex.command, shown, ex.status)
        elif words[0] == "pactwatch":
            proc = cli_in_process(*words[1:], check=False, cwd=work)
        elif words[0] == "python":
            proc = subprocess.run([sys.executable, *words[1:]], cwd=work, capture_output=True, text=True,
                                  timeout=300)
        else:
            problems.append(f"README line {ex.line}: not a pactwatch or python command: {ex.command}")
            continue
        both = proc.stdout + proc.stderr
        if proc.returncode != ex.status or "Traceback" in both:
            problems.append(f"README line {ex.line}: `{ex.command}` exited {proc.returncode}:\n{both[-2000:]}")
            continue
        printed = {_norm(ln) for ln in both.splitlines()}
        for shown in ex.shown:
            if "..." in shown or "…" in shown or shown.startswith("$"):
                continue
            if _norm(shown) not in printed:
                problems.append(f"README line {ex.line}: `{ex.command}` did not print {shown.strip()!r}")
    assert not problems, "\n".join(problems)


def serve_example(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """`pactwatch serve ...` runs until stopped: start it on a free port, wait until it listens, read
    its overview, stop it; what it printed, with the port written as PORT."""
    import shutil
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = shutil.which("pactwatch", path=str(Path(sys.executable).parent)) or "pactwatch"
    proc = subprocess.Popen([exe, *args, "--port", str(port)], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            lines.append(proc.stdout.readline())
            if "Uvicorn running" in lines[-1]:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as r:
                    status = 0 if r.status == 200 else r.status
                break
        else:
            status = 1
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    out = "".join(lines).replace(f":{port}/", ":PORT/").replace(f":{port} ", ":PORT ")
    return subprocess.CompletedProcess(args, status, out, "")


def test_readme_names_every_subcommand() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    for name in subcommands():
        assert f"pactwatch {name}" in text, f"the README never shows `pactwatch {name}`"
