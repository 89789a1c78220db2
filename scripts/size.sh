#!/usr/bin/env bash
# Prints the gzip (-9) size of what a built bundle ships (wasm, JavaScript and CSS in the folder, and
# wasm-bindgen's snippets), and fails when it is over the budget.
#   bash scripts/size.sh [DIR]    DIR: dist (the standalone page, default) or dist-embed
# The budget is HAMISH_SIZE_BUDGET bytes of gzip, default BUDGET below — lowered as the bundle shrinks.
# (The target is 170,000 bytes; see README, "Size".)
set -euo pipefail
BUDGET=300000
dir="${1:-dist}"
budget="${HAMISH_SIZE_BUDGET:-$BUDGET}"
total=0
while IFS= read -r f; do
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf 'size: %-40s %8d bytes, %7d gzip\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) -type f | sort)
awk -v t="$total" -v b="$budget" 'BEGIN { printf "size: shipped total %d bytes gzip (%.1f KB); budget %d (%.1f KB)\n", t, t / 1000, b, b / 1000 }'
if [ "$total" -gt "$budget" ]; then
  echo "size: OVER BUDGET — $dir ships $total bytes gzip, the budget is $budget (scripts/size.sh)" >&2
  exit 1
fi
