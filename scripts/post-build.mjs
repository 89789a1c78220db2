// Trunk's post-build hook: minify the page's JavaScript (fixing its integrity hashes), then give the
// page its Content-Security-Policy — in this order, as the policy hashes the final inline script.
await import('./minify.mjs');
await import('./csp.mjs');
