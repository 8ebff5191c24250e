#!/usr/bin/env bash
# Build the dashboard into src/newsevents/serve/static/ (committed, so installing
# newsevents needs no node). `bash frontend/build.sh --check` builds into a
# temporary folder and fails if the committed files differ.
set -euo pipefail
cd "$(dirname "$0")"
OUT=../src/newsevents/serve/static
if [ "${1:-}" = "--check" ]; then
  OUT=$(mktemp -d)
  trap 'rm -rf "$OUT"' EXIT
fi
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
mkdir -p "$OUT"
npx --no-install esbuild src/main.js --bundle --minify --format=iife --target=es2020 \
  --log-level=warning --outfile="$OUT/app.js"
npx --no-install esbuild style.css --minify --log-level=warning --outfile="$OUT/app.css"
cp index.html "$OUT/index.html"
cp node_modules/world-atlas/countries-110m.json "$OUT/countries-110m.json"
# The bundled libraries' licences (all ISC), next to the bundle that carries them.
for pkg in d3-array d3-color d3-dispatch d3-drag d3-ease d3-force d3-geo d3-interpolate d3-quadtree d3-selection \
    d3-timer d3-transition d3-zoom internmap topojson-client world-atlas; do
  printf '== %s %s ==\n\n' "$pkg" "$(node -p "require('./node_modules/$pkg/package.json').version")"
  cat "node_modules/$pkg/LICENSE"
  printf '\n'
done > "$OUT/THIRD-PARTY-LICENSES.txt"
if [ "${1:-}" = "--check" ]; then
  for f in index.html app.js app.css countries-110m.json THIRD-PARTY-LICENSES.txt; do
    if ! cmp -s "$OUT/$f" "../src/newsevents/serve/static/$f"; then
      echo "src/newsevents/serve/static/$f is not what frontend/ builds: run bash frontend/build.sh" >&2
      exit 1
    fi
  done
  echo "static build is up to date"
fi
