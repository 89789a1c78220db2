// Gives the WebAssembly's imports short names, in the wasm and in wasm-bindgen's glue alike.
// wasm-bindgen names each import after the JavaScript it calls plus a 16-digit hash
// (`__wbg_createTreeWalker_d8b4ce2824fc8d13`), and every name is shipped twice, in the wasm's import
// section and as a key of the glue's imports object: about 250 names that gzip cannot compress.
// Binaryen's `--minify-imports` renames only Emscripten's `env` imports, so this does it: it rewrites
// the import section (names and module; nothing else in the wasm refers to them by name) and the same
// names in the glue, and fails when a name it renames is not found in the glue exactly once.
//   import { shortenImports } from './shorten-imports.mjs'; shortenImports(wasmFile, jsFile)
import fs from 'node:fs';

/// Reads an unsigned LEB128 at `at`; returns [value, next offset].
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, at];
    shift += 7;
  }
}

/// Encodes an unsigned LEB128.
function encodeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/// A length-prefixed UTF-8 string as the wasm binary format writes it.
function encodeName(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([encodeLeb(bytes.length), bytes]);
}

/// Where one import's description ends (it is copied as it is).
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // function: its type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return leb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`shorten-imports: unknown import kind ${kind}`);
  }
}

/// The n-th short identifier: a … z, A … Z, then two letters, and so on.
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/// Renames the imports of `wasmFile` and the matching keys of `jsFile`, in place; returns how many.
export function shortenImports(wasmFile, jsFile) {
  const bytes = fs.readFileSync(wasmFile);
  let js = fs.readFileSync(jsFile, 'utf8');
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    if (id !== 2) {
      at = body + size;
      continue;
    }
    let p = body;
    let count;
    [count, p] = leb(bytes, p);
    const parts = [encodeLeb(count)];
    const modules = new Map();
    for (let i = 0; i < count; i++) {
      let length;
      [length, p] = leb(bytes, p);
      const module = bytes.subarray(p, p + length).toString('utf8');
      p += length;
      [length, p] = leb(bytes, p);
      const name = bytes.subarray(p, p + length).toString('utf8');
      p += length;
      const end = skipDescription(bytes, p);
      if (!modules.has(module)) modules.set(module, shortName(modules.size));
      const short = shortName(i);
      const key = new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, 'g');
      const found = js.match(key)?.length ?? 0;
      if (found !== 1) throw new Error(`shorten-imports: ${name} is in ${jsFile} ${found} times, not once`);
      js = js.replace(key, short);
      parts.push(encodeName(modules.get(module)), encodeName(short), bytes.subarray(p, end));
      p = end;
    }
    if (p !== body + size) throw new Error('shorten-imports: the import section did not parse');
    for (const [module, short] of modules) {
      const quoted = new RegExp(`(["'])${escape(module)}\\1`, 'g');
      const found = js.match(quoted)?.length ?? 0;
      if (found !== 1) throw new Error(`shorten-imports: module ${module} is in ${jsFile} ${found} times, not once`);
      js = js.replace(quoted, `"${short}"`);
    }
    const section = Buffer.concat(parts);
    const out = Buffer.concat([bytes.subarray(0, at), Buffer.from([2]), encodeLeb(section.length), section, bytes.subarray(body + size)]);
    fs.writeFileSync(wasmFile, out);
    fs.writeFileSync(jsFile, js);
    return count;
  }
  return 0;
}
