"""The event stage's public names, kept for code that imported them from here: the coder itself lives
in the ``pactwatch.coding`` package, one module per concern."""
from .coding import EventCoder, EventMention, Rules, Trigger

__all__ = ["EventCoder", "EventMention", "Rules", "Trigger"]
