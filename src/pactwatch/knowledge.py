"""The actor knowledge base: countries, organisations, role words and well-known people.

Everything here is data-driven: four TSV files in ``pactwatch/data`` (``countries.tsv``,
``organizations.tsv``, ``roles.tsv``, ``people.tsv``) that a user can extend without touching code, either by
passing ``extra_dirs`` to :meth:`Knowledge.load` or by naming folders in the ``PACTWATCH_DATA``
environment variable (colon-separated) for :func:`load_knowledge`. Files of the same names in those
folders are read after the built-in ones and merged into them (see the comment headers of the TSV
files for the exact rules).

Matching works on word tokens, not characters: the text is split into runs of letters and digits
(``U.S.`` is the two tokens ``U`` ``S``, ``Korea's`` is ``Korea`` ``s``), tokens are folded (case,
accents) and looked up in a token trie, so one scan of a sentence costs a dictionary look-up per
word. Case still matters where it separates a name from an ordinary word:

* a pattern token written in capitals (``US``, ``UN``, ``WHO``, ``DoD``, the ``U`` of ``U.S.``) must
  appear exactly so in the text, so "let us", "un-" or "who" never match;
* a capitalised pattern token (``Turkey``, ``Chad``, ``Polish``) needs a capital first letter in the
  text when scanning running text with :meth:`Knowledge.find`, so "turkey" and "polish" do not match;
* the look-ups :meth:`Knowledge.country` and :meth:`Knowledge.org` ignore case except for short
  all-capital forms of up to three letters (``country("us")`` is None, ``country("seoul")`` is KOR).

People (``people.tsv``) are only looked up, never scanned for: :meth:`Knowledge.person` resolves a
name found by the caller ("Putin", "Xi Jinping", "Mr. Zelenskyy") to the office that person held
in a given year, so that a leader named without a country still codes to one.

The code lives in the ``pactwatch.entities`` package, one module per job: ``records.py`` (the records),
``keys.py`` (tokens, folding, keys, case constraints), ``tables.py`` (reading and indexing the tables) and
``lookups.py`` (``Knowledge``'s look-ups, ``load_knowledge``); this module keeps the names.
"""
from __future__ import annotations

__all__ = ["Country", "Org", "Role", "Person", "Knowledge", "load_knowledge", "DATA_DIR", "NON_STATE_CODES"]

from .entities.keys import (_ARTICLES, _CAP, _EXACT, _FOLD_CACHE, _FREE_WORDS, _GAP_CHARS, _HONORIFICS,  # noqa: F401
                            _KIND_PRIORITY, _PERSON_FOLD, _TOKEN_RE, _constraints, _Entry, _fold, _gap_ok, _keys,
                            _person_key, _tokens, _trie_matches, norm_key)
from .entities.lookups import (_DEFAULT, _FIND_KIND, _FORMER_SECTORS, _FORMER_WORDS, _ROLE_KIND_RANK,  # noqa: F401
                               Knowledge, load_knowledge)
from .entities.records import NON_STATE_CODES, Country, Org, Person, Role
from .entities.tables import KnowledgeTables, _plurals, _read_tsv, _split, _year  # noqa: F401
from .lexicon import DATA_DIR  # (one place says where data lives)
