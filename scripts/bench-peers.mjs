// Side-by-side anchoring benchmark on the shared workload (../shared/bench/workload.mjs): Hamish and
// Hypothesis's quote anchoring re-anchor the workload's 1,000 annotations in its 5%-edited copy, and
// one judge counts the outcome.
//
// Hypothesis: its anchoring as the client does it (src/annotator/anchoring/html.ts and match-quote.ts),
// rewritten here over the same `approx-string-match` package it uses: first the position selector,
// kept when the text there is exactly the quote; otherwise every candidate from an exact search, or
// failing that from `approx-string-match` with up to min(256, quote length / 2) errors, scored
// 50 × quote similarity + 20 × prefix similarity + 20 × suffix similarity + 2 × closeness to the old
// position; the best candidate wins, no candidate means orphaned.
//
// Judge (the same in benches/anchoring.rs): among the annotations whose expected place exists in the
// edited copy (`expectedEdited`), right = found with its start within 2 code points of it, misplaced =
// found elsewhere, orphaned = not found. The workload is all in the BMP, so JavaScript string indices
// are code points.
//
// Usage: node scripts/bench-peers.mjs target/workload.json [HAMISH_BENCH_OUTPUT]
//   HAMISH_BENCH_OUTPUT: a saved `cargo bench --bench anchoring` output (`make bench` passes one);
//   without it, the script runs that bench itself.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import approxSearch from 'approx-string-match';
import { median } from './bench-shared.mjs';

const workload = JSON.parse(fs.readFileSync(process.argv[2] || 'target/workload.json', 'utf8'));
// One run by default: the peer takes minutes on this workload (BENCH_RUNS=3 for a median).
const runs = Number(process.env.BENCH_RUNS || 1);

// Candidates for `pattern` in `text`: every exact occurrence, else the approximate ones.
function candidates(text, pattern, maxErrors) {
  const exact = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length ? exact : approxSearch(text, pattern, maxErrors);
}

// Similarity in [0, 1] of `context` to `around` (1 − edit distance of its best match / its length).
function similarity(around, context) {
  if (!context.length || !around.length) return 0;
  const best = candidates(around, context, context.length)[0];
  return 1 - best.errors / context.length;
}

function hypothesisAnchor(text, ann) {
  const { exact, prefix, suffix, start: hint } = ann;
  if (text.slice(ann.start, ann.end) === exact) return { start: ann.start, end: ann.end };
  if (!exact.length) return null;
  const found = candidates(text, exact, Math.min(256, exact.length / 2));
  let best = null;
  let bestScore = -Infinity;
  for (const c of found) {
    const q = 1 - c.errors / exact.length;
    const p = prefix ? similarity(text.slice(Math.max(0, c.start - prefix.length), c.start), prefix) : 1;
    const s = suffix ? similarity(text.slice(c.end, c.end + suffix.length), suffix) : 1;
    const pos = 1 - Math.abs(c.start - hint) / text.length;
    const score = (50 * q + 20 * p + 20 * s + 2 * pos) / 92;
    if (score > bestScore) { bestScore = score; best = c; }
  }
  return best && { start: best.start, end: best.end };
}

function judge(results) {
  const out = { right: 0, misplaced: 0, orphaned: 0 };
  results.forEach((r, i) => {
    const expected = workload.anns[i].expectedEdited;
    if (expected == null) return;
    if (!r) out.orphaned++;
    else if (Math.abs(r.start - expected) <= 2) out.right++;
    else out.misplaced++;
  });
  return out;
}

// Hypothesis, in this Node process (V8).
const times = [];
let results;
for (let run = 0; run < runs; run++) {
  const t = performance.now();
  results = workload.anns.map((a) => hypothesisAnchor(workload.edited, a));
  times.push(performance.now() - t);
}
const hypo = { ...judge(results), ms: median(times) };

// Hamish, from its native bench (same judge, printed as `judge: hamish right=… ms=…`).
const hamishOutput = process.argv[3]
  ? fs.readFileSync(process.argv[3], 'utf8')
  : execFileSync('cargo', ['bench', '--bench', 'anchoring', '--', process.argv[2] || 'target/workload.json'], { encoding: 'utf8' });
const line = hamishOutput.split('\n').find((l) => l.startsWith('judge: hamish'));
if (!line) throw new Error('no `judge: hamish` line in the anchoring bench output');
const hamish = Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map(([, k, v]) => [k, Number(v)]));

const checkable = workload.anns.filter((a) => a.expectedEdited != null).length;
const pad = (s, n) => String(s).padEnd(n);
console.log(`bench: peers — ${workload.anns.length} annotations re-anchored in the 5%-edited copy (${workload.edited.length} code points); judged on the ${checkable} whose expected place exists (right = start within 2 code points)`);
console.log(`bench: peers | ${pad('', 38)} | ${pad('right', 6)} | ${pad('misplaced', 9)} | ${pad('orphaned', 8)} | time`);
console.log(`bench: peers | ${pad('Hamish (native Rust, cargo bench)', 38)} | ${pad(hamish.right, 6)} | ${pad(hamish.misplaced, 9)} | ${pad(hamish.orphaned, 8)} | ${hamish.ms.toFixed(1)} ms`);
console.log(`bench: peers | ${pad(`Hypothesis match-quote (Node ${process.versions.node})`, 38)} | ${pad(hypo.right, 6)} | ${pad(hypo.misplaced, 9)} | ${pad(hypo.orphaned, 8)} | ${hypo.ms.toFixed(1)} ms (runs: ${times.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`bench: peers | Hamish ÷ Hypothesis: time ${(hamish.ms / hypo.ms).toFixed(3)}×; right ${hamish.right} vs ${hypo.right}, misplaced ${hamish.misplaced} vs ${hypo.misplaced}, orphaned ${hamish.orphaned} vs ${hypo.orphaned}`);
