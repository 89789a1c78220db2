# Hamish — the two commands: `make serve` (set up, build and serve the page) and `make test` (every test).
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: bootstrap serve build test test-host test-browser test-e2e size

bootstrap:
	bash scripts/bootstrap.sh

serve: bootstrap
	trunk serve --release

build: bootstrap
	trunk build --release
	bash scripts/size.sh dist

test:
	bash scripts/test.sh

test-host:
	cargo test

test-browser:
	cargo test --target wasm32-unknown-unknown --test browser

test-e2e: build
	npx playwright test

size:
	bash scripts/size.sh dist
