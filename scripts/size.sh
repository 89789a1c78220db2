#!/usr/bin/env bash
# Prints the gzip (-9) size of what the built page ships: wasm, JavaScript and CSS in dist/.
set -euo pipefail
dir="${1:-dist}"
total=0
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -e "$f" ] || continue
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf 'size: %-40s %8d bytes, %7d gzip\n' "$(basename "$f")" "$raw" "$gz"
done
awk -v t="$total" 'BEGIN { printf "size: shipped total %d bytes gzip (%.1f KB)\n", t, t / 1000 }'
