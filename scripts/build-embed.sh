#!/usr/bin/env bash
# Builds the embeddable bundle into dist-embed/ with stable file names (no content hashes):
#   hamish.js            the module script a site adds (mounts every [data-hamish] element)
#   hamish-core.js       wasm-bindgen's glue, loaded by hamish.js
#   hamish-core_bg.wasm  Hamish itself (optimized by scripts/optimize-wasm.mjs, through minify.mjs)
# HAMISH_PUBLIC_URL (optional) is where the folder will be served from, e.g.
# https://cdn.example.com/hamish/ — needed only when hamish.js itself is served from elsewhere;
# by default the other files are fetched from beside hamish.js.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
out="${HAMISH_EMBED_DIST:-dist-embed}"
public="${HAMISH_PUBLIC_URL:-}"
case "$public" in ""|*/) ;; *) public="$public/" ;; esac

(. scripts/release-env.sh && cargo build --release --locked --target wasm32-unknown-unknown --bin hamish-embed)
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name hamish-core \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/hamish-embed.wasm"
# The public URL goes into hamish.js as a JavaScript string literal (JSON-quoted: any character is safe).
HAMISH_PUBLIC_URL="$public" node -e '
  const fs = require("fs");
  const src = fs.readFileSync("scripts/embed/hamish.js", "utf8");
  fs.writeFileSync(process.argv[1], src.replace("\x27__HAMISH_PUBLIC_URL__\x27", () => JSON.stringify(process.env.HAMISH_PUBLIC_URL)));
' "$out/hamish.js"
node scripts/minify.mjs "$out"
echo "embed: built $out/ (public URL: ${public:-beside hamish.js})"
echo "embed: paste into the article page:"
echo "  <script type=\"module\" src=\"${public:-/hamish/}hamish.js\"></script>"
bash scripts/size.sh "$out"
