#!/usr/bin/env bash
# Every test: host unit and integration tests, browser tests (wasm-bindgen-test in headless Chromium),
# the release build and its size, the embed bundle, and the end-to-end tests (Playwright on the release
# build and on the example news site with the embed bundle).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
log=$(mktemp -d)

echo "== formatting (cargo fmt --check)"
cargo fmt -- --check

echo "== host tests (cargo test)"
cargo test --locked 2>&1 | tee "$log/host.txt"

echo "== browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser --test browser_host 2>&1 | tee "$log/browser.txt"

echo "== release build (trunk build --release)"
(. scripts/release-env.sh && trunk build --release)
bash scripts/size.sh dist

echo "== embed bundle (scripts/build-embed.sh → dist-embed/)"
bash scripts/build-embed.sh

echo "== end-to-end tests (Playwright, Chromium)"
npx playwright test 2>&1 | tee "$log/e2e.txt"

passed=$(cat "$log/host.txt" "$log/browser.txt" | sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
e2e=$(sed -n 's/^ *\([0-9]*\) passed.*/\1/p' "$log/e2e.txt" | tail -n1)
echo
echo "hamish: $((passed + ${e2e:-0})) passed, 0 failed"
