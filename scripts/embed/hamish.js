// Hamish, embedded: the one module script a news site adds. It loads Hamish's WebAssembly from the
// same folder (or from the public URL the bundle was built with), mounts Hamish on every element
// marked `data-hamish`, and offers `mount(element, options)` for pages that mount it themselves.
// Build it with `make embed` (scripts/build-embed.sh); the README shows the snippet to paste.

const PUBLIC_URL = '__HAMISH_PUBLIC_URL__';
const base = new URL('.', PUBLIC_URL.startsWith('__') || PUBLIC_URL === '' ? import.meta.url : new URL(PUBLIC_URL, document.baseURI));

let started;
/** Resolves once Hamish's WebAssembly is loaded (it is fetched once, on first use). */
export function ready() {
  started ??= import(new URL('hamish-core.js', base).href).then(async (core) => {
    await core.default({ module_or_path: new URL('hamish-core_bg.wasm', base) });
    return core;
  });
  return started;
}

const handles = new WeakMap();

/** The handle page scripts see: the core's handle, forgotten (and freed) on unmount. */
function wrap(element, core) {
  let live = true;
  // Hamish redraws and saves after the current task: an import settles then, and unmount waits for it.
  let settling = Promise.resolve();
  const settled = () => new Promise((done) => setTimeout(done, 0));
  const alive = () => { if (!live) throw new Error('Hamish: this article was unmounted'); };
  // Hamish leaves by itself when the page removes the article: forget the handle then.
  element.addEventListener('hamish:unmounted', () => {
    if (!live) return;
    live = false;
    handles.delete(element);
    core.free();
  }, { once: true });
  return Object.freeze({
    get id() { alive(); return core.id; },
    element,
    annotations() { alive(); return core.annotations(); },
    /** The annotations as a file's text: 'w3c', 'claimreview', 'arafacts-csv', 'checkthat-tsv' or 'jsonl'. */
    export(format) { alive(); return core.export(String(format)); },
    /** Imports W3C annotations; returns the report at once, and they are saved by the next task. */
    import(json) {
      alive();
      const report = core.import(json);
      settling = settled();
      return report;
    },
    /** Resolves once everything imported or changed so far is drawn and saved. */
    settled() { return settling; },
    unmount() {
      if (!live) return settling;
      live = false;
      handles.delete(element);
      return settling.then(() => { core.unmount(); core.free(); });
    },
  });
}

/**
 * Mounts Hamish on `element` (options: id, ui, entities, namespace, readOnly, panel, src — see the
 * README). Resolves to a handle with annotations(), export(format), import(json), settled() and unmount(). Mounting an
 * element again without options gives the same handle; with options, it must be unmounted first.
 */
export function mount(element, options) {
  if (!(element instanceof Element)) return Promise.reject(new TypeError('Hamish: mount needs an element'));
  if (handles.has(element) && options != null) {
    return Promise.reject(new Error('Hamish: this element is already mounted; unmount() it before mounting with new options'));
  }
  if (!handles.has(element)) {
    const mounting = ready()
      .then((core) => core.mount(element, options ?? null))
      .then((core) => wrap(element, core));
    mounting.catch(() => handles.delete(element));
    handles.set(element, mounting);
  }
  return handles.get(element);
}

/** The handle of an element Hamish is mounted on (or being mounted on), else undefined. */
export function handle(element) {
  return element instanceof Element ? handles.get(element) : undefined;
}

// Every `[data-hamish]` element, in document order (so default ids are stable across reloads); each
// announces `hamish:ready` with its handle, or logs why it could not be mounted.
async function mountMarked() {
  for (const element of document.querySelectorAll('[data-hamish]')) {
    try {
      const h = await mount(element);
      element.dispatchEvent(new CustomEvent('hamish:ready', { bubbles: true, detail: { handle: h } }));
    } catch (error) {
      console.error(error);
    }
  }
}

window.Hamish = Object.freeze({ mount, handle, ready });
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', mountMarked, { once: true });
} else {
  mountMarked();
}
