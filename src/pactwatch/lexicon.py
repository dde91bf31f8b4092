"""The one loader of pactwatch's data files (word lists, triggers, rules, gazetteer aliases...).

The built-in files live in ``src/pactwatch/data/``. Folders named in the ``PACTWATCH_DATA``
environment variable (separated like PATH) may hold files of the same names, read after the
built-in one, in order:

* table and list files (``.tsv``, ``.txt``): their rows come after the built-in rows; where a
  reader keys rows by a name, a later row for the same name wins;
* JSON files: merged into the built-in object - objects key by key (recursively), lists
  extended with the new items, other values replaced.

`files(name)` gives the paths in reading order; `read_lines` and `read_json` apply the rules
above. Every module that reads a data file goes through here, so one override folder extends
every part of pactwatch (tested in tests/test_lexicon.py).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

__all__ = ["ENV_VAR", "DATA_DIR", "extra_dirs", "files", "read_lines", "read_json"]

ENV_VAR = "PACTWATCH_DATA"
DATA_DIR = Path(__file__).resolve().parent / "data"


def extra_dirs() -> tuple[Path, ...]:
    """The folders named in $PACTWATCH_DATA, in order (empty entries ignored)."""
    return tuple(Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip())


def files(name: str, extra: tuple[Path, ...] | None = None) -> list[Path]:
    """The built-in data file `name` (it must exist) followed by those of the extra folders
    ($PACTWATCH_DATA unless `extra` is given) that have one."""
    builtin = DATA_DIR / name
    if not builtin.is_file():
        raise FileNotFoundError(f"pactwatch data file {builtin} is missing (a broken install?)")
    return [builtin] + [d / name for d in (extra_dirs() if extra is None else extra) if (d / name).is_file()]


def read_lines(name: str, extra: tuple[Path, ...] | None = None) -> list[str]:
    """All lines of the file and its overrides, in reading order (line ends removed)."""
    out: list[str] = []
    for path in files(name, extra):
        out.extend(path.read_text(encoding="utf-8").splitlines())
    return out


def merge(base: Any, more: Any) -> Any:
    """`more` merged into `base` (see the module docstring)."""
    if isinstance(base, dict) and isinstance(more, dict):
        out = dict(base)
        for k, v in more.items():
            out[k] = merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(more, list):
        return base + [x for x in more if x not in base]
    return more


def read_json(name: str, extra: tuple[Path, ...] | None = None) -> Any:
    """The built-in JSON file with its overrides merged in."""
    paths = files(name, extra)
    value = _load_json(paths[0])
    for path in paths[1:]:
        value = merge(value, _load_json(path))
    return value


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not valid JSON ({e})") from None
