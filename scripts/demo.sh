#!/usr/bin/env bash
# Set up, code the bundled sample articles into out/events.jsonl, and store them
# (with their stories) in out/events.duckdb, ready for `newsevents serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/newsevents extract samples/ -o out/events.jsonl
echo "wrote out/events.jsonl; first event:"
head -n 1 out/events.jsonl
.venv/bin/newsevents ingest samples/ --db out/events.duckdb
echo "see them: .venv/bin/newsevents serve --db out/events.duckdb  (then open http://127.0.0.1:8000/)"
