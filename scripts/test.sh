#!/usr/bin/env bash
# Set up, then run the linter and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The dashboard's browser tests (tests/browser) drive chromium with playwright-core,
# and check the committed build against frontend/: install both from their lock files.
if command -v npm > /dev/null; then
  for dir in tests/browser frontend; do
    [ -d "$dir/node_modules" ] || npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error > /dev/null
  done
fi
.venv/bin/ruff check src tests benchmarks
.venv/bin/python -m pytest -q "$@"
