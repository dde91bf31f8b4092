"""Charts drawn on the server as SVG, so that every page shows them without JavaScript: events per
month stacked by category, a relationship's network, an agreement's stages on a time axis. Every
text that comes from the data is escaped (markupsafe); links are built from checked values only."""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date

from markupsafe import Markup, escape

from ...model import EVENT_TYPES

# one colour per PLOVER category (cooperation in blues and greens, conflict in reds and browns)
COLOURS = dict(zip(EVENT_TYPES, (
    "#1f77b4", "#17becf", "#2ca02c", "#98df8a", "#aec7e8", "#9edae5", "#bcbd22", "#ffbb78",
    "#ff7f0e", "#d62728", "#8c564b", "#e377c2", "#7f7f7f", "#9467bd", "#c5b0d5", "#c49c94")))
STAGE_COLOURS = {"proposed": "#aec7e8", "negotiating": "#ffbb78", "to_be_signed": "#ff7f0e", "signed": "#2ca02c",
                 "in_force": "#1f77b4", "suspended": "#7f7f7f", "withdrawn": "#d62728"}


def _attrs(**kw) -> str:
    return " ".join(f'{k.rstrip("_").replace("_", "-")}="{escape(v)}"' for k, v in kw.items() if v is not None)


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def month_range(months: Iterable[str]) -> list[str]:
    """Every YYYY-MM from the first to the last of `months` (gaps filled)."""
    ms = sorted(set(months))
    if not ms:
        return []
    y, m = map(int, ms[0].split("-"))
    ly, lm = map(int, ms[-1].split("-"))
    out = []
    while (y, m) <= (ly, lm) and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_bars(rows: list[tuple[str, str, int]], href: Callable[[str, str], str] | None = None,
               width: int = 900, height: int = 240, label: str = "events per month by category") -> Markup:
    """Stacked bars: one per month, one colour per category; each bar part links to its events."""
    months = month_range(m for m, _, _ in rows)
    if not months:
        return Markup('<p class="empty">No dated events.</p>')
    by: dict[str, dict[str, int]] = {}
    for m, t, n in rows:
        by.setdefault(m, {})[t] = by.get(m, {}).get(t, 0) + n
    types = [t for t in EVENT_TYPES if any(t in v for v in by.values())]
    top = max(sum(v.values()) for v in by.values()) or 1
    left, bottom, right, head = 40, 28, 10, 10
    plot_w, plot_h = width - left - right, height - bottom - head
    step = plot_w / len(months)
    bar = max(1.0, step * 0.8)
    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height + 22 * (1 + len(types) // 8)}" '
           f'{_attrs(aria_label=label)} xmlns="http://www.w3.org/2000/svg">']
    tick = _nice(top)
    v = 0
    while v <= top:
        y = head + plot_h - v / top * plot_h
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{_num(y)}" y2="{_num(y)}" stroke="#ddd"/>'
                   f'<text x="{left - 4}" y="{_num(y + 4)}" text-anchor="end" font-size="10">{v}</text>')
        v += tick
    every = max(1, math.ceil(len(months) / 12))
    for i, m in enumerate(months):
        x = left + i * step + (step - bar) / 2
        y = head + plot_h
        for t in types:
            n = by.get(m, {}).get(t, 0)
            if not n:
                continue
            h = n / top * plot_h
            y -= h
            rect = (f'<rect class="series series-{t}" x="{_num(x)}" y="{_num(y)}" width="{_num(bar)}" '
                    f'height="{_num(h)}" fill="{COLOURS[t]}"><title>{escape(m)} {t}: {n}</title></rect>')
            out.append(f'<a href="{escape(href(m, t))}">{rect}</a>' if href else rect)
        if i % every == 0:
            out.append(f'<text x="{_num(left + i * step + step / 2)}" y="{height - 10}" text-anchor="middle" '
                       f'font-size="10">{escape(m)}</text>')
    for j, t in enumerate(types):  # legend
        lx, ly = left + (j % 8) * 105, height + 6 + 22 * (j // 8)
        out.append(f'<g class="legend" data-series="{t}"><rect x="{lx}" y="{ly}" width="12" height="12" '
                   f'fill="{COLOURS[t]}"/><text x="{lx + 16}" y="{ly + 10}" font-size="11">{t}</text></g>')
    out.append("</svg>")
    return Markup("".join(out))


def _nice(top: int) -> int:
    raw = max(1, top / 5)
    mag = 10 ** int(math.log10(raw))
    for k in (1, 2, 5, 10):
        if raw <= k * mag:
            return int(k * mag)
    return int(10 * mag)


def network(nodes: dict[str, int], edges: list[tuple[str, str, int]], href_node: Callable[[str], str],
            href_edge: Callable[[str, str], str], names: Callable[[str], str], size: int = 640) -> Markup:
    """Countries on a circle (largest first), linked by the events they share; line width and node
    size grow with the counts. Every node and line links to its page."""
    if not nodes:
        return Markup('<p class="empty">No country takes part in an event in this selection.</p>')
    order = sorted(nodes, key=lambda k: (-nodes[k], k))
    c, r = size / 2, size / 2 - 70
    pos = {k: (c + r * math.cos(2 * math.pi * i / len(order) - math.pi / 2),
               c + r * math.sin(2 * math.pi * i / len(order) - math.pi / 2)) for i, k in enumerate(order)}
    top_e = max((n for _, _, n in edges), default=1)
    top_n = max(nodes.values()) or 1
    out = [f'<svg class="network" role="img" viewBox="0 0 {size} {size}" aria-label="network of countries" '
           f'xmlns="http://www.w3.org/2000/svg">']
    for a, b, n in sorted(edges, key=lambda e: e[2]):
        if a in pos and b in pos:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            out.append(f'<a href="{escape(href_edge(a, b))}"><line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" '
                       f'y2="{_num(y2)}" stroke="#4a78a8" stroke-opacity="0.55" '
                       f'stroke-width="{_num(1 + 7 * n / top_e)}"><title>{escape(names(a))} – {escape(names(b))}: '
                       f'{n} shared event(s)</title></line></a>')
    for k in order:
        x, y = pos[k]
        rad = 6 + 16 * math.sqrt(nodes[k] / top_n)
        anchor = "start" if x >= c else "end"
        dx = rad + 4 if x >= c else -rad - 4
        out.append(f'<a href="{escape(href_node(k))}"><circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(rad)}" '
                   f'fill="#f4a259" stroke="#333"><title>{escape(names(k))}: {nodes[k]} event(s)</title></circle>'
                   f'<text x="{_num(x + dx)}" y="{_num(y + 4)}" text-anchor="{anchor}" font-size="12">{escape(k)}</text></a>')
    out.append("</svg>")
    return Markup("".join(out))


def _day(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-") + ["01", "01"]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def stages_axis(stages: list[dict], lo: str, hi: str, width: int = 620, height: int = 46) -> Markup:
    """An agreement's dated stages as dots on a time axis from `lo` to `hi` (YYYY[-MM[-DD]])."""
    d0, d1 = _day(lo), _day(hi)
    if d0 is None or d1 is None:
        return Markup("")
    span = max(1, (d1 - d0).days)
    pad = 12
    out = [f'<svg class="stages" role="img" viewBox="0 0 {width} {height}" aria-label="stages on a time axis" '
           f'xmlns="http://www.w3.org/2000/svg"><line x1="{pad}" x2="{width - pad}" y1="18" y2="18" stroke="#999"/>',
           f'<text x="{pad}" y="{height - 4}" font-size="10">{escape(lo)}</text>',
           f'<text x="{width - pad}" y="{height - 4}" font-size="10" text-anchor="end">{escape(hi)}</text>']
    for st in stages:
        d = _day(st.get("date"))
        if d is None:
            continue
        x = pad + (width - 2 * pad) * (d - d0).days / span
        colour = STAGE_COLOURS.get(st.get("stage") or "", "#555")
        out.append(f'<circle cx="{_num(x)}" cy="18" r="7" fill="{colour}" stroke="#333">'
                   f'<title>{escape(st.get("date") or "")} {escape(st.get("stage") or "")}</title></circle>')
    out.append("</svg>")
    return Markup("".join(out))
