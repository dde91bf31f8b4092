"""Actor stage: who is mentioned, resolved to canonical entities.

Input: a Document and its spaCy parse. Output: `DocActors`, the actor
mentions of the document, each with token extent and a resolved `Entity`
(canonical name, country code, PLOVER sector, role, type).

How a mention is resolved:
- countries, demonyms, capitals and seats of government, and known
  organisations come from the knowledge files (`knowledge.py`);
- people are spaCy PERSON entities; their titles ("Science Minister",
  "US President", "OpenAI CEO") and appositions (", director of the White
  House Office of ...") give role, sector and country;
- an unqualified national title ("President Lee", "the science ministry") in
  an article belongs to the article's home country (its dateline, else the
  country it mentions most), the convention of wire copy;
- later short mentions ("Bae") resolve to the full name seen earlier;
- descriptions ("the two countries", "the two officials", "the ministry",
  "it", "his") are resolved by `DocActors.resolve_description` against what
  was mentioned before.

The code lives in the ``pactwatch.entities`` package, one module per job: ``doc_actors.py`` (the
document's actors, ``Mention`` and ``DocActors``, and the look-ups over them), ``names.py`` (the words
and token tests names are read with), ``people.py`` (people: titles, appositions, short names) and
``resolver.py`` (``ActorResolver``); this module keeps the names for code that imports them from here.
"""

from .entities.doc_actors import (PAIR_DESC, PERSON_WORDS, PLURAL_PAIR, RANK_WORDS, DocActors, Mention, _start,
                                  describe_pair, is_person_description, office_holder, person_by_title, sdoc_sents)
from .entities.names import (GOV_BODY, NOT_A_NAME, ORG_WORD, TITLE_STOP_POS, _ABROAD_NOUNS, _NON_STATE, _TARGET_PREPS,
                             _abroad, _acted_on, _body_name_heads, _canon_person_key, _named_after_firm, _person_nouns,
                             _portfolios)
from .entities.people import PeopleResolution
from .entities.resolver import ActorResolver

__all__ = ["ActorResolver", "DocActors", "Mention", "PeopleResolution", "describe_pair", "is_person_description",
           "office_holder", "person_by_title", "sdoc_sents", "PAIR_DESC", "PERSON_WORDS", "PLURAL_PAIR", "RANK_WORDS",
           "GOV_BODY", "NOT_A_NAME", "ORG_WORD", "TITLE_STOP_POS", "_ABROAD_NOUNS", "_NON_STATE", "_TARGET_PREPS",
           "_abroad", "_acted_on", "_body_name_heads", "_canon_person_key", "_named_after_firm", "_person_nouns",
           "_portfolios", "_start"]
