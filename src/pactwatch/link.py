"""The cross-document stage's names, kept for code that imported them from here: the stage itself
lives in the ``pactwatch.crossdoc`` package, one module per job (see its docstring)."""
from .crossdoc import (AGREEMENT_TYPES, CANCEL_TYPES, FULFILS, REBUILD_BATCH, STAGES, LinkConfig, LinkReport,
                       actor_registry, agreement_of, build_agreements, build_commitments, canonical_events,
                       current_roles, rebuild, refresh_derived, same_event, timeline, update)
from .crossdoc.config import MEETING_WORDS, STOP
from .crossdoc.features import content_words, countries, jaccard, kind, people
# and the private helpers the tests call directly
from .crossdoc.canonical import _canonical
from .crossdoc.features import _kind
from .crossdoc.splits import _facts_conflict

__all__ = ["AGREEMENT_TYPES", "CANCEL_TYPES", "FULFILS", "MEETING_WORDS", "REBUILD_BATCH", "STAGES", "STOP",
           "LinkConfig", "LinkReport", "actor_registry", "agreement_of", "build_agreements", "build_commitments",
           "canonical_events", "content_words", "countries", "current_roles", "jaccard", "kind", "people", "rebuild",
           "refresh_derived", "same_event", "timeline", "update"]
