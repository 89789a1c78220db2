// A static file server for the built page (and the test fixtures), with the right MIME types.
// Usage: node tests/e2e/serve.mjs DIR PORT
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] || 'dist');
// Test fixtures under /fixtures/ (plain text, HTML pages, payloads); the embed bundle (dist-embed/,
// `make embed`) under /hamish/ and the example news site under /examples/.
const mounts = [
  ['/fixtures/', path.resolve('tests/e2e/fixtures')],
  ['/hamish/', path.resolve(process.env.HAMISH_EMBED_DIST || 'dist-embed')],
  ['/examples/', path.resolve('examples')],
];
const port = Number(process.argv[3] || 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8', '.bin': 'application/octet-stream', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const [prefix, base] = mounts.find(([p]) => url.pathname.startsWith(p)) || ['/', root];
  const rel = url.pathname.slice(prefix.length - 1);
  let file = path.join(base, decodeURIComponent(rel));
  if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
