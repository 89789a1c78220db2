// Gives the WebAssembly's imports and exports short names, in the wasm and in wasm-bindgen's glue alike.
// wasm-bindgen names each import after the JavaScript it calls plus a 16-digit hash
// (`__wbg_createTreeWalker_d8b4ce2824fc8d13`), and every name is shipped twice, in the wasm's import
// section and as a key of the glue's imports object: about 250 names that gzip cannot compress.
// Binaryen's `--minify-imports` renames only Emscripten's `env` imports, so this does it: it rewrites
// the import section (names and module; nothing else in the wasm refers to them by name) and the same
// names in the glue, and fails when a name it renames is not found in the glue exactly once. Exports
// the glue reads as `wasm.NAME` (malloc, closures' entry points, …) are renamed the same way.
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

/// Renames, in place, the imports of `wasmFile` and the matching keys of `jsFile`, and the exports
/// the glue reads as `wasm.NAME` (others, and `memory`, keep their names); returns how many.
export function shortenImports(wasmFile, jsFile) {
  const bytes = fs.readFileSync(wasmFile);
  let js = fs.readFileSync(jsFile, 'utf8');
  const token = (name) => new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, 'g');
  const count = (pattern) => js.match(pattern)?.length ?? 0;

  /// The import section with every name and module shortened (and the same in `js`).
  function imports(body, end) {
    let [n, p] = leb(bytes, body);
    const parts = [encodeLeb(n)];
    const modules = new Map();
    for (let i = 0; i < n; i++) {
      let length;
      [length, p] = leb(bytes, p);
      const module = bytes.subarray(p, p + length).toString('utf8');
      p += length;
      [length, p] = leb(bytes, p);
      const name = bytes.subarray(p, p + length).toString('utf8');
      p += length;
      const descriptionEnd = skipDescription(bytes, p);
      if (!modules.has(module)) modules.set(module, shortName(modules.size));
      const short = shortName(i);
      const found = count(token(name));
      if (found !== 1) throw new Error(`shorten-imports: ${name} is in ${jsFile} ${found} times, not once`);
      js = js.replace(token(name), short);
      parts.push(encodeName(modules.get(module)), encodeName(short), bytes.subarray(p, descriptionEnd));
      p = descriptionEnd;
    }
    if (p !== end) throw new Error('shorten-imports: the import section did not parse');
    for (const [module, short] of modules) {
      const quoted = new RegExp(`(["'])${escape(module)}\\1`, 'g');
      const found = count(quoted);
      if (found !== 1) throw new Error(`shorten-imports: module ${module} is in ${jsFile} ${found} times, not once`);
      js = js.replace(quoted, `"${short}"`);
    }
    renamed += n;
    return Buffer.concat(parts);
  }

  /// The export section with the names the glue reads as `wasm.NAME` shortened (a glue function of
  /// the same name is the glue's own, which terser renames anyway).
  function exports(body, end) {
    let [n, p] = leb(bytes, body);
    const parts = [encodeLeb(n)];
    for (let i = 0; i < n; i++) {
      let length;
      [length, p] = leb(bytes, p);
      let name = bytes.subarray(p, p + length).toString('utf8');
      p += length;
      const kind = bytes[p];
      const indexEnd = leb(bytes, p + 1)[1];
      const access = new RegExp(`(?<![\\w$])wasm\\.${escape(name)}(?![\\w$])`, 'g');
      if (name !== 'memory' && count(access) > 0) {
        js = js.replace(access, `wasm.${shortName(i)}`);
        name = shortName(i);
        renamed += 1;
      }
      parts.push(encodeName(name), Buffer.from([kind]), bytes.subarray(p + 1, indexEnd));
      p = indexEnd;
    }
    if (p !== end) throw new Error('shorten-imports: the export section did not parse');
    return Buffer.concat(parts);
  }

  let renamed = 0;
  const out = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    const end = body + size;
    const rewrite = id === 2 ? imports : id === 7 ? exports : null;
    if (rewrite) {
      const section = rewrite(body, end);
      out.push(Buffer.from([id]), encodeLeb(section.length), section);
    } else {
      out.push(bytes.subarray(at, end));
    }
    at = end;
  }
  fs.writeFileSync(wasmFile, Buffer.concat(out));
  fs.writeFileSync(jsFile, js);
  return renamed;
}
