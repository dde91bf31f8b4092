"""Find and resolve English time expressions in news text.

Everything here is a pure function of its arguments (standard library only):

* :func:`resolve_date` / :func:`resolve` turn one expression ("last Friday",
  "Sept. 30, 1998", "two months ago", "early next year") into a calendar value
  relative to the article's reference (publication) date: ``'YYYY-MM-DD'``,
  ``'YYYY-MM'`` or ``'YYYY'``, or ``None`` when the text names no definite time
  ("recently", "at an early date") or cannot be read.
* :func:`find_time_expressions` finds every time expression in a text by
  regular expression and resolves each one.
* :func:`sentence_tense` judges a sentence past, future or present; the tense
  decides which way a bare "Friday" or "August" points from the reference date.

How the reference date and tense are used:

* Weekdays ("Friday", "Tuesday morning", "Friday's"): past tense -> the latest
  one on or before the reference date (the same weekday is the reference day);
  future -> the first on or after it; present -> as past (news reports mostly
  look back).  "last"/"next" are strict, "this" is the current Monday-Sunday week.
* Months and month-days without a year ("August", "Dec. 7"): the nearest one,
  distances against the tense counting three times over.  So "August" written
  2025-03-10 is 2024-08 in a past sentence and 2025-08 in a future one, while
  "payable Dec. 7" in a past sentence written Oct. 30 is the coming Dec. 7.
* Weeks ("this week", "last week") have no day: they resolve to their month
  when the Monday-Sunday week lies in one month, else to None.
* Anaphoric forms ("the following year", "that year") use a year named
  earlier in the sentence, or give None.
* The tense comes from marker words near the expression in its sentence
  (see :class:`_TenseIndex`); :func:`sentence_tense` is the whole-sentence form.

Word lists (months, number words, holidays, tense markers) live in
``data/dates.json``.  Values outside years 1..9999 are never produced: such an
expression resolves to ``None`` instead of raising.

The package, one job a module:

* ``words.py``: the word lists of ``data/dates.json``, number words, the
  normalised form of an expression ("Sept. 3rd" -> "sept 3").
* ``calendar.py``: calendar arithmetic that never raises; the weekday, month,
  month-day or holiday nearest the reference date the way the tense points.
* ``tense.py``: tense markers, :func:`sentence_tense`, the tense at one place
  of a text.
* ``rules.py``: the resolution rules, :func:`resolve`, :func:`resolve_date`.
* ``finder.py``: the finder's patterns and gates, :func:`find_time_expressions`.

``pactwatch.dates`` keeps these names for code that imports them from there.
"""
from .calendar import shift_value
from .finder import TimeExpr, find_time_expressions
from .rules import resolve, resolve_date
from .tense import sentence_tense
from .words import count_word

__all__ = ["TimeExpr", "resolve_date", "resolve", "sentence_tense", "find_time_expressions", "shift_value",
           "count_word"]
