#!/usr/bin/env bash
# Set up, then code the bundled sample articles into out/events.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/newsevents extract samples/ -o out/events.jsonl
echo "wrote out/events.jsonl; first event:"
head -n 1 out/events.jsonl
