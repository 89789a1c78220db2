# Hamish — the two commands: `make serve` (set up, build and serve the page) and `make test` (every test).
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: bootstrap serve build embed example test test-host test-browser test-e2e size bench

bootstrap:
	bash scripts/bootstrap.sh

serve: bootstrap
	. scripts/release-env.sh && trunk serve --release

build: bootstrap
	. scripts/release-env.sh && trunk build --release
	bash scripts/size.sh dist

# The embeddable bundle in dist-embed/ (stable names). HAMISH_PUBLIC_URL=https://cdn.example/hamish/
# sets where it will be served from (default: beside hamish.js).
embed: bootstrap
	bash scripts/build-embed.sh

# The example news site with Hamish embedded: http://127.0.0.1:8081/examples/news-site/
example: embed
	node tests/e2e/serve.mjs dist 8081

test:
	bash scripts/test.sh

test-host:
	cargo test

test-browser:
	cargo test --target wasm32-unknown-unknown --test browser --test browser_host

test-e2e: build embed
	npx playwright test

size:
	bash scripts/size.sh dist

# Benchmarks on the shared workload (../shared/bench/workload.mjs): native, then in headless Chromium;
# scripts/bench-peers.mjs puts Hamish's anchoring beside Hypothesis's on the same judge (takes minutes);
# scripts/bench-long.mjs opens the workload's article on the standalone page (dist/) by ?src=.
bench: build embed
	node ../shared/bench/workload.mjs ../shared/seed/article.ar.txt target/workload.json
	node scripts/bench-size.mjs
	node scripts/bench-long.mjs target/workload.json
	node scripts/bench-embed.mjs target/workload.json
	node scripts/bench-peer-paint.mjs target/workload.json
	cargo bench --bench anchoring -- target/workload.json | tee target/bench-anchoring.txt
	node scripts/bench-peers.mjs target/workload.json target/bench-anchoring.txt
	cargo bench --bench mentions -- target/workload.json
	cargo bench --bench history -- target/workload.json
	HAMISH_WORKLOAD=$(CURDIR)/target/workload.json cargo test --release --features bench-browser \
		--target wasm32-unknown-unknown --test bench_browser -- --nocapture 2>&1 | grep -E "^bench:|test result"
