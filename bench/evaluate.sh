#!/usr/bin/env bash
# Score the project with the referee (../shared/eval/score.py) on the seeds and the PLOVER sentences.
# Usage: bench/evaluate.sh [--show-missed]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared="${PACTWATCH_SHARED:-$top/../shared}"
pw="${PACTWATCH_BIN:-$top/.venv/bin/pactwatch}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$pw" ingest -q --db "$tmp/seeds.db" "$shared/corpus/seeds" >/dev/null
"$pw" export --db "$tmp/seeds.db" --format jsonl -o "$tmp/seeds.jsonl" 2>/dev/null
echo "== seeds"
python3 "$shared/eval/score.py" --gold "$shared/gold/seeds.gold.jsonl" --system "$tmp/seeds.jsonl" --docs "$shared/corpus/seeds" "$@"
"$pw" ingest -q --db "$tmp/gsr.db" "$shared/gold/plover_gsr_dev.docs.jsonl" >/dev/null
"$pw" export --db "$tmp/gsr.db" --format jsonl -o "$tmp/gsr.jsonl" 2>/dev/null
echo "== PLOVER sentences (dev)"
python3 "$shared/eval/score.py" --gold "$shared/gold/plover_gsr_dev.gold.jsonl" --system "$tmp/gsr.jsonl" --docs "$shared/gold/plover_gsr_dev.docs.jsonl" "$@"
[ -n "${KEEP:-}" ] && cp "$tmp"/*.jsonl "$KEEP"/ || true
