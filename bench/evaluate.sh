#!/usr/bin/env bash
# Score the project with the referees (../shared/eval/score.py, score_crossdoc.py) on the seeds, the PLOVER
# sentences and the real-news dev set (per event, then across documents), then our own check sets.
# Usage: bench/evaluate.sh [--show-missed]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared="${PACTWATCH_SHARED:-$top/../shared}"
pw="${PACTWATCH_BIN:-$top/.venv/bin/pactwatch}"
py="$top/.venv/bin/python"; [ -x "$py" ] || py=python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

code() {   # code NAME DOCS [crossdoc]: ingest DOCS, export $tmp/NAME.jsonl (and the cross-document records)
  "$pw" ingest -q --db "$tmp/$1.db" "$2" >/dev/null
  "$pw" export --db "$tmp/$1.db" --format jsonl -o "$tmp/$1.jsonl" 2>/dev/null
  if [ "${3:-}" = crossdoc ]; then
    for what in canonical commitments agreements; do
      "$pw" export --db "$tmp/$1.db" --what "$what" -o "$tmp/$1.$what.jsonl" 2>/dev/null
    done
  fi
}
score() {  # score NAME DOCS GOLD [options]: the per-event referee
  local name=$1 docs=$2 gold=$3; shift 3
  python3 "$shared/eval/score.py" --gold "$gold" --system "$tmp/$name.jsonl" --docs "$docs" "$@"
}
across() { # across NAME DOCS CROSSDOC_GOLD: the cross-document referee
  python3 "$shared/eval/score_crossdoc.py" "$2" "$3" "$tmp/$1.canonical.jsonl" "$tmp/$1.commitments.jsonl" \
    "$tmp/$1.agreements.jsonl"
}

code seeds "$shared/corpus/seeds"
echo "== seeds"
score seeds "$shared/corpus/seeds" "$shared/gold/seeds.gold.jsonl" "$@"
code gsr "$shared/gold/plover_gsr_dev.docs.jsonl"
echo "== PLOVER sentences (dev)"
score gsr "$shared/gold/plover_gsr_dev.docs.jsonl" "$shared/gold/plover_gsr_dev.gold.jsonl" "$@"
rn="$shared/corpus/realnews_dev"
if [ -d "$rn" ]; then
  code realnews "$rn" crossdoc
  echo "== real news (dev)"
  score realnews "$rn" "$shared/gold/realnews_dev.gold.jsonl" "$@"
  echo "== real news (dev), across documents"
  across realnews "$rn" "$shared/gold/realnews_dev.crossdoc.json"
fi
wire="$top/bench/wire_check"
code wire "$wire/docs"
echo "== own wire-style check (bench/wire_check: our own reports, written after most rules; see its README)"
score wire "$wire/docs" "$wire/gold.jsonl" "$@"
own_check() {  # own_check NAME DIR LABEL: one of our own check sets, per event and across documents
  if [ -d "$2/docs" ]; then
    code "$1" "$2/docs" crossdoc
    echo "== $3"
    score "$1" "$2/docs" "$2/gold.jsonl" "${@:4}"
    echo "== $3, across documents"
    across "$1" "$2/docs" "$2/crossdoc.json"
  fi
}
# bench/wire_check2: written 2026-12-02 before that day's rules; bench/wire_check3, wire_check4 and wire_check5:
# each sealed for one session; wire_check6 and wire_check7 sealed for two; all development data since (see their
# READMEs); wire_check8, sealed for three sessions, is development data since the seventh session of 2026-12-03,
# wire_check9 and wire_check10, sealed for two sessions, since the session of 2026-12-04; wire_check11, sealed for
# two sessions, since the second session of 2026-12-04.
# bench/wire_check12 is sealed: it is scored by hand, as its README says, not here.
own_check wire2 "$top/bench/wire_check2" \
  "own check 2 (bench/wire_check2: our own reports, written before the rules of 2026-12-02; now development data, see its README)" "$@"
own_check wire3 "$top/bench/wire_check3" \
  "own check 3 (bench/wire_check3: our own reports, held out for one session; now development data, see its README)" "$@"
own_check wire4 "$top/bench/wire_check4" \
  "own check 4 (bench/wire_check4: our own reports, held out for one session; now development data, see its README)" "$@"
own_check wire5 "$top/bench/wire_check5" \
  "own check 5 (bench/wire_check5: our own reports, held out for one session; now development data, see its README)" "$@"
own_check wire6 "$top/bench/wire_check6" \
  "own check 6 (bench/wire_check6: our own reports, held out for two sessions; now development data, see its README)" "$@"
own_check wire7 "$top/bench/wire_check7" \
  "own check 7 (bench/wire_check7: our own reports, held out for two sessions; now development data, see its README)" "$@"
own_check wire8 "$top/bench/wire_check8" \
  "own check 8 (bench/wire_check8: our own reports, held out for three sessions; now development data, see its README)" "$@"
own_check wire9 "$top/bench/wire_check9" \
  "own check 9 (bench/wire_check9: our own reports, held out for two sessions; now development data, see its README)" "$@"
own_check wire10 "$top/bench/wire_check10" \
  "own check 10 (bench/wire_check10: our own reports, held out for two sessions; now development data, see its README)" "$@"
own_check wire11 "$top/bench/wire_check11" \
  "own check 11 (bench/wire_check11: our own reports, held out for two sessions; now development data, see its README)" "$@"
echo "== PLOVER categories on sentences of our own (bench/plover_probe)"
"$py" "$top/bench/plover_probe/score.py"
[ -n "${KEEP:-}" ] && cp "$tmp"/*.jsonl "$KEEP"/ || true
