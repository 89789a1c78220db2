# Sourced by every release build of the bundles (the Makefile's build and serve, scripts/test.sh,
# scripts/build-embed.sh). The standard library is rebuilt with the bundle, with panics as plain
# traps ("immediate-abort"): none of the standard library's panic and formatting machinery is shipped
# (−20.8 KB gzip), and with its smaller implementations where it has two (optimize_for_size, −2 KB).
# A panic was already an abort that nothing shows the reader; the debug builds the tests run keep
# their panic messages. Both settings are unstable, so the stable toolchain is told to
# accept them (RUSTC_BOOTSTRAP=1, for these builds only); they need the rust-src component, which
# scripts/bootstrap.sh installs. See README, "Size".
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
