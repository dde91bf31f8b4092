#!/usr/bin/env bash
# Score the project with the referees (../shared/eval/score.py, score_crossdoc.py) on the seeds, the PLOVER
# sentences and the real-news dev set (per event, then across documents), then our own wire-style check set.
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
rn="$shared/corpus/realnews_dev"
if [ -d "$rn" ]; then
  "$pw" ingest -q --db "$tmp/rn.db" "$rn" >/dev/null
  "$pw" export --db "$tmp/rn.db" --format jsonl -o "$tmp/realnews.jsonl" 2>/dev/null
  echo "== real news (dev)"
  python3 "$shared/eval/score.py" --gold "$shared/gold/realnews_dev.gold.jsonl" --system "$tmp/realnews.jsonl" --docs "$rn" "$@"
  for what in canonical commitments agreements; do
    "$pw" export --db "$tmp/rn.db" --what "$what" -o "$tmp/realnews.$what.jsonl" 2>/dev/null
  done
  echo "== real news (dev), across documents"
  python3 "$shared/eval/score_crossdoc.py" "$rn" "$shared/gold/realnews_dev.crossdoc.json" \
    "$tmp/realnews.canonical.jsonl" "$tmp/realnews.commitments.jsonl" "$tmp/realnews.agreements.jsonl"
fi
wire="$top/bench/wire_check"
"$pw" ingest -q --db "$tmp/wire.db" "$wire/docs" >/dev/null
"$pw" export --db "$tmp/wire.db" --format jsonl -o "$tmp/wire.jsonl" 2>/dev/null
echo "== own wire-style check (bench/wire_check: our own reports, written after most rules; see its README)"
python3 "$shared/eval/score.py" --gold "$wire/gold.jsonl" --system "$tmp/wire.jsonl" --docs "$wire/docs" "$@"
# --- own check 2 (bench/wire_check2): written 2026-12-02 before that day's rules; development data since (see its README).
wire2="$top/bench/wire_check2"
if [ -d "$wire2/docs" ]; then
  "$pw" ingest -q --db "$tmp/wire2.db" "$wire2/docs" >/dev/null
  "$pw" export --db "$tmp/wire2.db" --format jsonl -o "$tmp/wire2.jsonl" 2>/dev/null
  for what in canonical commitments agreements; do
    "$pw" export --db "$tmp/wire2.db" --what "$what" -o "$tmp/wire2.$what.jsonl" 2>/dev/null
  done
  echo "== own check 2 (bench/wire_check2: our own reports, written before the rules of 2026-12-02; now development data, see its README)"
  python3 "$shared/eval/score.py" --gold "$wire2/gold.jsonl" --system "$tmp/wire2.jsonl" --docs "$wire2/docs" "$@"
  echo "== own check 2 (bench/wire_check2), across documents"
  python3 "$shared/eval/score_crossdoc.py" "$wire2/docs" "$wire2/crossdoc.json" \
    "$tmp/wire2.canonical.jsonl" "$tmp/wire2.commitments.jsonl" "$tmp/wire2.agreements.jsonl"
fi
echo "== PLOVER categories on sentences of our own (bench/plover_probe)"
"$(dirname "$pw")/python" "$top/bench/plover_probe/score.py" 2>/dev/null || python3 "$top/bench/plover_probe/score.py"
[ -n "${KEEP:-}" ] && cp "$tmp"/*.jsonl "$KEEP"/ || true
