"""Time expressions, kept under this name for code that imported them from here: the finder and the
resolver live in the ``pactwatch.timex`` package, one module per job (words, calendar, tense, rules,
finder)."""
from .timex import TimeExpr, count_word, find_time_expressions, resolve, resolve_date, sentence_tense, shift_value
from .timex.finder import _FINDER, _FINDER_GATED, _FINDER_GATES, _find_spans, _keep, _open_gates
from .timex.words import _normalize

__all__ = ["TimeExpr", "resolve_date", "resolve", "sentence_tense", "find_time_expressions", "shift_value",
           "count_word"]
