#!/usr/bin/env bash
# Reproduce the vendored web assets of `pactwatch serve` (src/pactwatch/app/web/static/world/):
# the world outline is Natural Earth's 1:110m countries (public domain) as TopoJSON, from the npm
# package world-atlas at a pinned version, with its LICENSE (ISC, the packaging). Needs npm and the
# npm registry; nothing is fetched at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
WORLD_ATLAS=2.0.2
DEST=src/pactwatch/app/web/static/world
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-atlas@$WORLD_ATLAS" >/dev/null && tar xzf "world-atlas-$WORLD_ATLAS.tgz")
mkdir -p "$DEST"
cp "$tmp/package/countries-110m.json" "$DEST/countries-110m.json"
cp "$tmp/package/LICENSE" "$DEST/LICENSE.world-atlas"
printf 'world-atlas %s (npm): countries-110m.json, Natural Earth 1:110m admin 0 countries (public domain);\npackaging (c) Michael Bostock, ISC license (LICENSE.world-atlas).\n' "$WORLD_ATLAS" > "$DEST/README"
echo "vendored world-atlas@$WORLD_ATLAS into $DEST"
