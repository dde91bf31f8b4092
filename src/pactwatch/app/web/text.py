"""Untrusted article text made into HTML: escaped (markupsafe), control characters, escape
sequences and bidirectional overrides shown as visible escapes (`sanitize.for_terminal`, as the
CLI shows them), and evidence spans marked by offsets. A 100,000-character line wraps (CSS
``overflow-wrap: anywhere``) rather than widening the page."""
from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from ...sanitize import for_terminal


def safe(text: str | None) -> Markup:
    """Text shown as it reads, nothing in it acting: HTML escaped, control characters made visible."""
    return escape(for_terminal("" if text is None else text))


def marked(text: str, spans: list[tuple[int, int, str]], href: Callable[[str], str] | None = None,
           start: int = 0, end: int | None = None) -> Markup:
    """`text[start:end]` with each (start, end, event id) span inside it marked; overlapping spans are
    cut at every boundary, each piece naming every event that covers it (and linking to the first)."""
    end = len(text) if end is None else end
    cuts = {start, end}
    for a, b, _ in spans:
        if b > start and a < end:
            cuts.update((max(a, start), min(b, end)))
    bounds = sorted(cuts)
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        piece = safe(text[a:b])
        ids = [eid for s, e, eid in spans if s < b and e > a]
        if not ids:
            out.append(piece)
            continue
        title = escape("event " + ", ".join(dict.fromkeys(ids)))
        if href:
            out.append(f'<a class="mark" href="{escape(href(ids[0]))}" title="{title}"><mark>{piece}</mark></a>')
        else:
            out.append(f'<mark title="{title}">{piece}</mark>')
    return Markup("".join(out))


def paragraph_bounds(text: str, start: int, end: int, body_start: int = 0) -> tuple[int, int]:
    """The paragraph (between blank lines) around text[start:end], as `show` prints it."""
    ps = text.rfind("\n\n", 0, start)
    ps = body_start if ps < 0 else ps + 2
    ps = max(min(ps, start), body_start if body_start <= start else 0)
    pe = text.find("\n\n", end)
    return ps, (len(text) if pe < 0 else pe)


def safe_url(url: str | None) -> str | None:
    """A document's URL when it is http(s); anything else (javascript:, data:...) is not linked."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
