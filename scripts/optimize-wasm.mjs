// The one place the release WebAssembly is optimized (both bundles: Trunk's post-build hook and
// scripts/build-embed.sh reach it through scripts/minify.mjs). binaryen's wasm-opt (npm `binaryen`):
// -Oz, then the control flow flattened and re-built by the relooper (--flatten --rereloop) and -Oz
// again, all to convergence — 1.2 KB gzip smaller than -Oz alone on 2026-12-06 (measured orders,
// gzip -9 of one wasm: -Oz 249,428; flatten first 249,164; this 248,497), for ~15 s more build per
// bundle; one more -Oz after convergence still finds 0.2 KB (2026-12-07: 262,403 → 262,191).
// Single-caller functions above 100 instructions are kept apart (gzip compresses the pieces better
// than one giant body). Traps stay traps (no --traps-never-happen: a panic must stop).
import { execFileSync } from 'node:child_process';

const FLAGS = [
  '-Oz', '--flatten', '--rereloop', '-Oz', '-Oz', '--converge', '--strip-producers', '-Oz',
  '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
  '--one-caller-inline-max-function-size=100',
];

/** Optimizes the wasm file at `file` in place. */
export function optimizeWasm(file) {
  execFileSync('wasm-opt', [...FLAGS, file, '-o', file], { stdio: 'inherit' });
}
