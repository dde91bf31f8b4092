"""Look-ups in the knowledge tables: a country, organisation, role or person by name, the names found in a
running text, and the shared default instance (``load_knowledge``)."""
from __future__ import annotations

import os
import re
from typing import Iterator

from .. import lexicon
from .keys import (_ARTICLES, _EXACT, _HONORIFICS, _PERSON_FOLD, _TOKEN_RE, _Entry, _fold, _keys, _tokens,
                   _trie_matches, norm_key)
from .records import NON_STATE_CODES, Country, Org, Person, Role
from .tables import KnowledgeTables

_FIND_KIND = {"name": "country", "demonym": "demonym", "capital": "capital", "org": "org"}
_ROLE_KIND_RANK = {"person": 0, "group": 1, "organization": 2}
_FORMER_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
_FORMER_WORDS = frozenset({"former", "ex", "late", "onetime", "erstwhile"})
MEMO_SIZE = 100_000     # texts remembered by a look-up's memo before it starts afresh



def _leftmost_longest(trie: dict, text: str, pick):
    """Walk the tokens of `text` left to right: at each token, `pick(candidates, tokens, i)` chooses among the
    trie's matches starting there, as (index of the last token, value) or None; a match chosen consumes its
    tokens. Yields (tokens, first index, last index, value): the leftmost-longest scan of `find` and `roles_in`."""
    ms = list(_TOKEN_RE.finditer(text))
    if not ms:
        return
    keys = _keys(text, ms)
    i, n = 0, len(ms)
    while i < n:
        if keys[i] not in trie:     # no phrase starts with this word (most words): nothing to match here
            i += 1
            continue
        cands = _trie_matches(trie, keys, text, ms, i)
        hit = pick(cands, ms, i) if cands else None
        if hit is None:
            i += 1
            continue
        j, value = hit
        yield ms, i, j, value
        i = j + 1

class Knowledge(KnowledgeTables):
    """Countries, organisations and role words, with fast look-up and scanning."""
    # ------------------------------------------------------------------ look-ups
    @staticmethod
    def _clean(text: str) -> list[tuple[str, ...]]:
        """Candidate keys for a look-up: as given, without a leading "the", without a possessive."""
        toks = _tokens(text)
        if not toks:
            return []
        keys: list[list[tuple[int, int, str]]] = [toks]
        if len(toks) > 1 and toks[-1][2] in ("s", "S") and text[toks[-2][1]:toks[-1][0]] in ("'", "\u2019"):
            keys.append(toks[:-1])
        for t in list(keys):
            if len(t) > 1 and t[0][2].lower() == "the":
                keys.append(t[1:])
        return [tuple(x[2] for x in k) for k in keys]

    def _find_entry(self, text: str, kinds: frozenset[str]) -> _Entry | None:
        if not text:
            return None
        for raw in self._clean(text):
            key = tuple(_fold(t) for t in raw)
            for e in self._lookup.get(key, ()):
                if e.kind in kinds and all(raw[i] == t for i, t in e.look):
                    return e
        return None

    _COUNTRY_KINDS = frozenset({"name", "demonym", "capital"})
    _ORG_KINDS = frozenset({"org"})

    def country(self, text: str) -> Country | None:
        """The country named by `text` (name, alias, demonym, plural demonym, capital or seat)."""
        e = self._find_entry(text, self._COUNTRY_KINDS)
        return e.obj if e else None  # type: ignore[return-value]

    def country_kind(self, text: str) -> str | None:
        """'name', 'demonym' or 'capital' for what :meth:`country` would match, else None."""
        e = self._find_entry(text, self._COUNTRY_KINDS)
        return e.kind if e else None

    def org(self, text: str) -> Org | None:
        """The organisation named by `text` (canonical name or alias); remembered per name, as the
        record builder asks the same names again and again."""
        memo = self._org_memo
        if text not in memo:
            e = self._find_entry(text, self._ORG_KINDS)
            memo[text] = e.obj if e else None
        return memo[text]  # type: ignore[return-value]

    def seat_of(self, name: str | None, code: str | None) -> tuple:
        """The states a body sits in: its own seat, else that of the one body of its code with a seat (the
        European Commission sits where the European Union does); () for states and unknown bodies."""
        org = self.org(name) if name else None
        if org is not None and org.seat:
            return org.seat
        code = (code or (org.country if org else None) or "").upper()
        if code not in NON_STATE_CODES:
            return ()
        seated = {o.seat for o in self._org_list if o.country == code and o.seat}
        return seated.pop() if len(seated) == 1 else ()

    def members_of(self, name: str | None) -> tuple:
        """The member states of a fixed grouping ("the Quad"); () for other bodies and unknown names."""
        org = self.org(name) if name else None
        return org.members if org is not None else ()

    def country_name(self, code: str | None) -> str | None:
        """Canonical English name of an ISO 3166 alpha-3 code or PLOVER non-state code."""
        if not code:
            return None
        code = code.strip().upper()
        c = self._by_code.get(code)
        if c is not None:
            return c.name
        return NON_STATE_CODES.get(code)

    def country_by_code(self, code: str | None) -> Country | None:
        return self._by_code.get((code or "").strip().upper())

    def iter_countries(self) -> Iterator[Country]:
        return iter(self._by_code.values())

    def iter_orgs(self) -> Iterator[Org]:
        return iter(self._org_list)

    # ------------------------------------------------------------------ people
    def person(self, text: str, year: int | None = None) -> Person | None:
        """The well-known person named by `text` (canonical name or alias; case, accents, a
        possessive "'s" and leading titles such as "Mr." or "President" ignored), in the office
        held in `year`: the row whose years cover it (the latest begun if several do), else the
        nearest one; without a year the most recent office. A name or alias shared by several
        people (a bare "Bush" or "Kim") matches nobody unless it is exactly one person's full name.
        """
        pid = self._person_id(text)
        if pid is None:
            return None
        return self._pick_office(self._person_rows[pid], year)

    def iter_people(self) -> Iterator[Person]:
        """Every office of every known person."""
        for rows in self._person_rows:
            yield from rows

    def _person_id(self, text: str) -> int | None:
        """The person `text` names (an index into the people rows), or None; remembered per text, as the
        resolver asks the same names again and again (a surname at each mention)."""
        memo = self._person_memo
        if text not in memo:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[text] = self._find_person_id(text)
        return memo[text]

    def _find_person_id(self, text: str) -> int | None:
        if not text or not self._person_rows:
            return None
        raws = self._clean(text)
        for attempt in range(2):
            if attempt:             # only then drop titles: "Russian President Vladimir Putin"
                raws = self._strip_titles(text)
                if not raws:
                    break
            for index, loose in ((self._person_index, False), (self._person_loose, True)):
                for raw in raws:
                    key = tuple(_fold(t).translate(_PERSON_FOLD) for t in raw)
                    if loose:
                        key = tuple(t for t in key if t not in _ARTICLES)
                    hits = index.get(key)
                    if not hits:
                        continue
                    if len(hits) == 1:
                        return next(iter(hits))
                    named = [pid for pid, canonical in hits.items() if canonical]
                    return named[0] if len(named) == 1 else None
        return None

    def _strip_titles(self, text: str) -> list[tuple[str, ...]]:
        """What is left of `text` after each leading honorific, role word, country, demonym or
        organisation, longest first: "the late King Hussein" -> [late King Hussein, King Hussein,
        Hussein]; "OpenAI CEO Sam Altman" -> [CEO Sam Altman, Sam Altman]. A possessive "'s" at
        the end is dropped."""
        toks = _tokens(text)
        if len(toks) > 1 and toks[-1][2] in ("s", "S") and text[toks[-2][1]:toks[-1][0]] in ("'", "\u2019"):
            toks = toks[:-1]
        skip: dict[int, int] = {}        # character offset where a droppable phrase starts -> its end
        for s, e, _ in self.roles_in(text):
            skip[s] = e
        for s, e, _, _ in self.find(text):
            skip[s] = max(e, skip.get(s, 0))
        out: list[tuple[str, ...]] = []
        i, n = 0, len(toks)
        while i < n - 1:
            s, _, t = toks[i]
            if s in skip:
                j = i
                while j < n and toks[j][0] < skip[s]:
                    j += 1
            elif _fold(t) in _HONORIFICS:
                j = i + 1
            else:
                break
            if j >= n:
                break
            i = j
            out.append(tuple(t for _, _, t in toks[i:]))
        return out

    @staticmethod
    def _pick_office(rows: tuple[Person, ...], year: int | None) -> Person:
        if year is None:
            return max(rows, key=lambda r: (r.end is None, r.end or 0, r.start or 0))
        covering = [r for r in rows if (r.start is None or r.start <= year) and (r.end is None or year <= r.end)]
        if covering:
            return max(covering, key=lambda r: r.start if r.start is not None else -10_000)

        def distance(r: Person) -> int:
            if r.start is not None and year < r.start:
                return r.start - year
            return year - (r.end if r.end is not None else year)
        return min(rows, key=lambda r: (distance(r), -(r.start or 0)))

    # ------------------------------------------------------------------ scanning
    def find(self, text: str) -> list[tuple[int, int, str, object]]:
        """Every non-overlapping, leftmost-longest mention of a country (kind 'country'), demonym
        ('demonym'), capital or seat of government ('capital') or organisation ('org') in `text`,
        as (start, end, kind, Country | Org)."""
        out: list[tuple[int, int, str, object]] = []
        for ms, i, j, e in _leftmost_longest(self._trie, text, self._pick_entry):
            start, end = ms[i].start(), ms[j].end()
            if e.dot and text[end:end + 1] == ".":
                end += 1
            if e.kind == "block":
                continue
            if e.kind != "org" and text[end:end + 1] == "$":   # "US$5 billion" is a currency
                continue
            out.append((start, end, _FIND_KIND[e.kind], e.obj))
        return out

    @classmethod
    def _pick_entry(cls, cands, ms: list[re.Match], i: int):
        """The longest match at token i whose case constraints hold, as (last token, entry); else None. A people's
        name is not matched with accents it has not got ("Germán", a given name, is not "German")."""
        for j, lst in reversed(cands):
            for e in lst:
                if (not e.scan or cls._scan_ok(e, ms, i)) and not (
                        e.kind == "demonym" and e.form.isascii() and not ms[i].group().isascii()):
                    return j, e
        return None

    @staticmethod
    def _scan_ok(e: _Entry, ms: list[re.Match], i: int) -> bool:
        for k, mode, t in e.scan:
            tok = ms[i + k].group()
            if mode == _EXACT:
                if tok != t:
                    return False
            elif not tok[0].isupper():
                return False
        return True

    # ------------------------------------------------------------------ roles
    def roles_in(self, text: str) -> list[tuple[int, int, Role]]:
        """Every non-overlapping, leftmost-longest role word or phrase in `text` (case ignored); remembered
        per text (titles and descriptions recur)."""
        memo = self._roles_memo
        found = memo.get(text)
        if found is None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            found = memo[text] = tuple(
                (ms[i].start(), ms[j].end(), r) for ms, i, j, r in
                _leftmost_longest(self._role_trie, text, lambda cands, ms, i: cands[-1])    # the longest
                if r.role != "-")
        return list(found)

    def role(self, text: str) -> Role | None:
        """The most specific role in a title or description.

        Among the role phrases found, a person role beats a group, which beats an organisation
        ("Foreign Ministry spokesperson" -> Spokesperson); then the longest phrase wins ("vice
        foreign minister" over "minister"), then the last one (the head of an English title).
        A government, military, legislative, judicial or security role preceded by "former" or
        "ex-" becomes an ELI role ("former Prime Minister" -> Former Prime Minister / ELI).
        """
        found = self.roles_in(text)
        if not found:
            return None
        best_i = max(range(len(found)), key=lambda k: (
            -_ROLE_KIND_RANK.get(found[k][2].kind, 3),
            len(norm_key(found[k][2].pattern)),
            found[k][1] - found[k][0],
            k))
        start, _, r = found[best_i]
        if r.kind == "person" and r.sector in _FORMER_SECTORS:
            before = {_fold(t[2]) for t in _tokens(text[:start])}
            if before & _FORMER_WORDS:
                return Role(role=f"Former {r.role}", sector="ELI", kind=r.kind, pattern=r.pattern)
        return r


# ----------------------------------------------------------------------------------------------
# the shared default instance

_DEFAULT: dict[tuple, Knowledge] = {}
_BY_VALUE: dict[str, Knowledge] = {}     # the variable's raw value -> its knowledge base (the coder asks often)


def load_knowledge() -> Knowledge:
    """The default knowledge base: built-in data plus the folders named in $PACTWATCH_DATA
    (colon-separated). Cached per value of the variable."""
    value = os.environ.get(lexicon.ENV_VAR, "")
    kb = _BY_VALUE.get(value)
    if kb is None:
        extra = tuple(str(p) for p in lexicon.extra_dirs())
        kb = _DEFAULT.get(extra)
        if kb is None:
            kb = _DEFAULT[extra] = Knowledge.load(extra_dirs=extra)
        _BY_VALUE[value] = kb
    return kb
