// What the embed benchmarks (Hamish's and the peers') share: the host page they draw on — the
// workload's article as paragraphs, every tenth with a link around its third word, as news pages do —
// the headless Chromium they run in, and the median they report.
import { chromium } from 'playwright-core';

/** Text escaped for HTML. */
export const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The article's paragraphs as `<p>` elements (the workload's text splits them at blank lines). */
export function articleBody(text) {
  return text.split('\n\n').map((p, i) => {
    if (i % 10) return `<p>${escape(p)}</p>`;
    const w = p.split(' ');
    return `<p>${w.slice(0, 2).map(escape).join(' ')} <a href="#">${escape(w[2] || '')}</a> ${w.slice(3).map(escape).join(' ')}</p>`;
  }).join('\n');
}

/** Debian's Chromium, headless, as the end-to-end tests launch it. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The median of some timings. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
