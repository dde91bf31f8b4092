"""Event coding: PLOVER events from a parsed document and its resolved actors.

One module per concern, like spaCy's one component per file:

* ``rules``        - the coder's data: triggers (``data/triggers.tsv``) and word lists
                     (``data/event_rules.json``), each with a stable rule id;
* ``triggers``     - which words start an event and which trigger takes over another
                     ("agreed to cooperate" is one AGREE event);
* ``modality``     - future, hypothetical, negated; PLOVER's recoding rules that depend on them;
* ``participants`` - actor and recipient read off the parse; descriptions and pronouns (``Discourse``);
* ``settings``     - place, time expressions attached to their event, agreements named;
* ``merging``      - mentions of one event in one article become one record;
* ``record``       - the exported record, its confidence and its trace (``why``);
* ``coder``        - ``EventCoder``, which runs the steps above sentence by sentence.

Every decision that sets a field appends a rule id to the mention's trace (``EventMention.why``), kept in
the record as ``why`` and printed by ``pactwatch show ID --why`` and ``pactwatch explain``.
"""
from .coder import EventCoder
from .mention import EventMention
from .rules import Rules, Trigger

__all__ = ["EventCoder", "EventMention", "Rules", "Trigger"]
