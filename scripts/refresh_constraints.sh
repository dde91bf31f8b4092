#!/usr/bin/env bash
# Re-resolve pactwatch's dependencies in a throwaway virtual environment and write every package
# version a fresh install gets to constraints.txt (which the README's install command and .ci/run
# pass to pip with -c). Run it after changing the dependencies in pyproject.toml, then run the
# tests and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$PY" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet -e ".[test]"
{
  echo "# Every package a fresh install of pactwatch resolves to (pip freeze after"
  echo "# pip install -e '.[test]'); refresh with: bash scripts/refresh_constraints.sh"
  "$tmp/venv/bin/python" -m pip freeze --exclude-editable | grep -v -i '^pactwatch'
} > constraints.txt
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages"
