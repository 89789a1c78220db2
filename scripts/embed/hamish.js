// Hamish, embedded: the one module script a news site adds. It stays small: it decides, per article
// marked `data-hamish`, when to fetch Hamish's WebAssembly core (from the same folder, or from the
// public URL the bundle was built with) and mount it — at once when the reader has annotations stored
// for the article, else as `data-hamish-load` says (idle after the page loads, on interaction, eager) —
// and offers `mount(element, options)` for pages that mount it themselves.
// Build it with `make embed` (scripts/build-embed.sh); the README shows the snippet to paste.

const PUBLIC_URL = '__HAMISH_PUBLIC_URL__';
const base = new URL('.', PUBLIC_URL.startsWith('__') || PUBLIC_URL === '' ? import.meta.url : new URL(PUBLIC_URL, document.baseURI));

let started;
/** Resolves once Hamish's WebAssembly is loaded (it is fetched once, on first use). */
export function ready() {
  started ??= import(new URL('hamish-core.js', base).href).then(async (core) => {
    await core.default({ module_or_path: new URL('hamish-core_bg.wasm', base) });
    addEventListener('error', stopped);
    addEventListener('unhandledrejection', stopped);
    return core;
  });
  return started;
}

/** The last resort: if Hamish's WebAssembly ever stops (a trap in its code), the reader is told at
 * once that what was saved is safe and to reload, instead of finding later that nothing was saved. */
function stopped(e) {
  const error = e.error || e.reason;
  if (!(error instanceof WebAssembly.RuntimeError) || !String(error.stack).includes('hamish-core')) return;
  if (document.getElementById('hamish-stopped')) return;
  const ar = /^ar\b/i.test(document.documentElement.lang);
  const alert = document.createElement('p');
  alert.id = 'hamish-stopped';
  alert.setAttribute('role', 'alert');
  alert.lang = ar ? 'ar' : 'en';
  alert.dir = ar ? 'rtl' : 'ltr';
  alert.textContent = ar
    ? 'توقف هامش بسبب خطأ داخلي. ما حُفظ قبل الآن محفوظ؛ أعد تحميل الصفحة لتتابع.'
    : 'Hamish stopped after an internal error. What was saved until now is safe; reload the page to go on.';
  Object.assign(alert.style, {
    position: 'fixed', insetInline: '0', bottom: '0', zIndex: '2147483001', margin: '0', padding: '0.6em 1em',
    background: '#fff1e5', color: '#6b2a00', borderTop: '2px solid #bc4c00', font: '600 16px/1.5 system-ui, sans-serif',
  });
  document.body.append(alert);
}

const handles = new WeakMap();

/** The handle page scripts see: the core's handle, forgotten (and freed) on unmount. */
function wrap(element, core) {
  let live = true;
  // Hamish redraws and saves after the current task: an import settles then, and unmount waits for it.
  let settling = Promise.resolve();
  const settled = () => new Promise((done) => setTimeout(done, 0));
  const alive = () => { if (!live) throw new Error('Hamish: this article was unmounted'); };
  // Hamish leaves by itself when the page removes the article: forget the handle then. When another
  // story took the element (a single-page site), a marked element is mounted again, as that story.
  element.addEventListener('hamish:unmounted', (e) => {
    if (!live) return;
    live = false;
    handles.delete(element);
    core.free();
    if (e.detail?.reason === 'another-article' && element.hasAttribute('data-hamish')) load(element);
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
 * README), fetching the core first if it is not here yet. Resolves to a handle with annotations(),
 * export(format), import(json), settled() and unmount(). Mounting an element again without options
 * gives the same handle; with options, it must be unmounted first.
 */
export function mount(element, options) {
  if (!(element instanceof Element)) return Promise.reject(new TypeError('Hamish: mount needs an element'));
  if (handles.has(element) && options != null) {
    return Promise.reject(new Error('Hamish: this element is already mounted; unmount() it before mounting with new options'));
  }
  if (!handles.has(element)) {
    waiting.get(element)?.();
    const mounting = ready()
      .then((core) => core.mount(element, options ?? null))
      .then((core) => wrap(element, core));
    mounting.catch(() => handles.delete(element));
    handles.set(element, mounting);
  }
  return handles.get(element);
}

/**
 * The handle of an element Hamish is mounted on (or being mounted on), else undefined. A
 * `[data-hamish]` element still waiting for the core is mounted now.
 */
export function handle(element) {
  if (!(element instanceof Element)) return undefined;
  if (!handles.has(element) && waiting.has(element)) load(element);
  return handles.get(element);
}

// ---- Lazy loading: when each `[data-hamish]` element fetches the core (`data-hamish-load`). ----

/** Elements waiting for the core → what stops them waiting (their listeners and launcher). */
const waiting = new Map();

/** Whether the reader has annotations stored for `element` (the core's own id rules, simply). */
function stored(element, several) {
  try {
    const attr = (name) => (element.getAttribute(name) || '').trim();
    const namespace = attr('data-hamish-namespace') || 'hamish';
    let id = attr('data-hamish-id');
    if (!id) {
      if (element.hasAttribute('data-src')) return false; // its id comes from the fetched article
      const canonical = document.querySelector('link[rel~="canonical"][href]')?.href.trim();
      id = canonical || document.URL.split(/[?#]/)[0];
      if (several) {
        if (!element.id.trim()) return false;
        id += `#${element.id.trim()}`;
      }
    }
    return localStorage.getItem(`${namespace}:v1:annotations:${id}`) != null;
  } catch {
    return false; // storage blocked: nothing stored we could show
  }
}

/** A non-empty selection that touches `element`, if any. */
function selectionIn(element) {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return false;
  return selection.getRangeAt(0).intersectsNode(element);
}

/** Elements whose core is on its way → the keys pressed meanwhile (`keys`), and whether the reader
 * selected again since the last (`moved`). */
const early = new Map();

/** Whether two ranges cover the same text. */
function same(a, b) {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;
  } catch {
    return false;
  }
}

/** Mounts a `[data-hamish]` element now; it announces `hamish:ready`, or logs why it could not. */
function load(element) {
  if (!early.has(element)) early.set(element, { keys: [], moved: false });
  const tick = () => new Promise((done) => setTimeout(done, 0));
  const replay = (key) => document.dispatchEvent(new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true }));
  mount(element).then(async (h) => {
    element.dispatchEvent(new CustomEvent('hamish:ready', { bubbles: true, detail: { handle: h } }));
    await tick();
    // The keys pressed meanwhile (`c`, an entity's number, Ctrl+Z), in their order, each on the
    // selection it was pressed on; then the reader's selection as it is now.
    const { keys, moved } = early.get(element) || { keys: [], moved: false };
    early.delete(element);
    const selection = document.getSelection();
    const now = selection?.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0).cloneRange() : null;
    let last = null;
    for (const { range, ...key } of keys) {
      if (range && (range.collapsed || !range.intersectsNode(element))) continue;
      // Keys pressed on one selection in a row act as they would have: the first may use it up.
      if (range && !(last && same(last, range))) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      last = range || last;
      replay(key);
      await tick();
    }
    // The selection as the reader left it: as the keys left it when it is the one they were
    // pressed on, else the one made since.
    if (keys.length && selection && now && (moved || !last || !same(now, last))) {
      selection.removeAllRanges();
      selection.addRange(now);
    }
    // A selection the reader made before the core arrived: let Hamish read it (its toolbar shows).
    if (selectionIn(element)) document.dispatchEvent(new Event('selectionchange'));
  }, (error) => {
    // The page's own shortcuts still get the keys held back for Hamish.
    for (const { range, ...key } of early.get(element)?.keys || []) replay(key);
    early.delete(element);
    console.error(error);
  });
}

/** A key that may act on a selection — one character, no Ctrl, Alt or Meta — or undo or redo
 * (Ctrl or ⌘ with Z or Y), not typed in a field. */
function actionKey(e) {
  const plain = e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.altKey && !e.metaKey;
  const history = (e.ctrlKey || e.metaKey) && !e.altKey && /^[zy]$/i.test(e.key);
  return (plain || history) && !e.isComposing
    && !(e.target instanceof Element && e.target.closest('input, textarea, select, [contenteditable]'));
}

// A key pressed on a selection in an article whose core is not here yet loads it now and is kept
// (at most 8), with that selection, to be acted on once it is: the reader's `c` is not lost to the
// wait, nor given to another selection made since. The page's own listeners get it then, once.
document.addEventListener('keydown', (e) => {
  if (!e.isTrusted || !actionKey(e)) return;
  const plain = !e.ctrlKey && !e.metaKey;
  if (plain) for (const element of [...waiting.keys()]) if (selectionIn(element)) load(element);
  for (const [element, held] of early) {
    if (held.keys.length >= 8 || (plain && !selectionIn(element)) || (!plain && !held.keys.length)) continue;
    const range = plain ? document.getSelection().getRangeAt(0).cloneRange() : null;
    held.keys.push({ key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, range });
    held.moved = false;
    e.preventDefault();
    e.stopImmediatePropagation();
  }
}, true);

// A selection made after a held key is the reader's own: it is given back after the replay.
document.addEventListener('selectionchange', () => {
  for (const held of early.values()) if (held.keys.length) held.moved = true;
});

/** The small button that stands in for Hamish until the reader wants it. */
function launcher(element, index) {
  const button = document.createElement('button');
  const ar = /^ar\b/i.test(element.getAttribute('data-hamish-ui') || element.closest('[lang]')?.lang || '');
  button.type = 'button';
  button.textContent = ar ? 'هامش' : 'Hamish';
  button.setAttribute('aria-label', ar ? 'هامش: حمّل أدوات التعليق على المقال' : 'Hamish: load the annotation tools for this article');
  button.setAttribute('data-hamish-launcher', '');
  const rtl = getComputedStyle(element).direction === 'rtl';
  // Inline and !important, so the host's CSS cannot move or hide it.
  const style = {
    all: 'initial', position: 'fixed', bottom: `${16 + index * 48}px`, [rtl ? 'left' : 'right']: '16px',
    'z-index': '2147483000', display: 'block', padding: '8px 14px', 'border-radius': '999px',
    border: '1px solid #1d4ed8', background: '#1d4ed8', color: '#fff', cursor: 'pointer',
    font: '600 15px/1.3 system-ui, sans-serif', 'box-shadow': '0 2px 8px rgba(0,0,0,.25)',
  };
  for (const [name, value] of Object.entries(style)) button.style.setProperty(name, value, 'important');
  button.addEventListener('click', () => load(element));
  document.body.append(button);
  return button;
}

/** Waits for a selection in the article, or a press of the launcher. */
function onInteraction(element, index) {
  const button = launcher(element, index);
  const check = () => { if (selectionIn(element)) load(element); };
  const events = [[document, 'selectionchange'], [element, 'mouseup'], [element, 'touchend'], [element, 'keyup']];
  for (const [target, type] of events) target.addEventListener(type, check);
  waiting.set(element, () => {
    waiting.delete(element);
    for (const [target, type] of events) target.removeEventListener(type, check);
    button.remove();
  });
}

/** After the page's `load` event, once the browser is idle (or 2 s at the latest). */
function onIdle(then) {
  const idle = () => (window.requestIdleCallback ? requestIdleCallback(then, { timeout: 2000 }) : setTimeout(then, 200));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

// Every `[data-hamish]` element, in document order (the first gets the open panel): at once when
// `data-hamish-load="eager"` or the reader has annotations stored for it; on a selection in it or a
// press of its launcher when `"interaction"`; else (`"idle"`, the default) when the page is idle after loading.
function start() {
  const marked = [...document.querySelectorAll('[data-hamish]')];
  const idle = [];
  let launchers = 0;
  for (const element of marked) {
    if (handles.has(element) || waiting.has(element)) continue;
    const mode = (element.getAttribute('data-hamish-load') || '').trim().toLowerCase();
    if (mode === 'eager' || stored(element, marked.length > 1)) load(element);
    else if (mode === 'interaction') onInteraction(element, launchers++);
    else {
      if (mode && mode !== 'idle') console.error(`Hamish: data-hamish-load “${mode}” is not eager, idle or interaction; loading when idle`);
      idle.push(element);
      waiting.set(element, () => waiting.delete(element));
    }
  }
  if (idle.length) onIdle(() => { for (const element of idle) if (waiting.has(element)) load(element); });
}

window.Hamish = Object.freeze({ mount, handle, ready });
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
