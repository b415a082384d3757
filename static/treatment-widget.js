// treatment-widget.js: the page-facing loader. Clinics include it with
//   <script type="module" src="https://…/treatment-widget.js"></script>
// and place <treatment-widget></treatment-widget> where the widget should appear.
//
// It defines the custom element, gives each element an open shadow root with a placeholder that
// reserves its space, and starts that element's own WebAssembly instance. Everything else (the
// wasm, its glue and the stylesheet) is found relative to this file's URL, so the folder can be
// served from any path or CDN. No inline scripts or style attributes: it works under a strict CSP.

const TAG = 'treatment-widget';
const asset = (name) => new URL(name, import.meta.url).href;
const GLUE_URL = asset('treatment-widget-app.js');
const WASM_URL = asset('treatment-widget-app_bg.wasm');
const CSS_URL = asset('treatment-widget.css');
// Only when the widget cannot run in the page: frame mode, or no WebAssembly at all.
const fallback = () => import(asset('treatment-widget-fallback.js'));

// Shown until the wasm is ready. It reserves the same minimum height as the widget itself at each
// width (--tw-reserved-height in treatment-widget.css; an end-to-end test checks they agree), so the
// page does not jump when the widget arrives.
const PLACEHOLDER_CSS = `
:host { display: block !important; box-sizing: border-box !important; padding: 0 !important;
  border: 0 !important; container: twhost / inline-size !important; }
:host([hidden]) { display: none !important; }
.tw-placeholder { all: initial; display: block; box-sizing: border-box; min-height: 560px;
  border-radius: 12px; background: #f3f5f6; color: #4b5563; padding: 24px;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
@container twhost (max-width: 899px) { .tw-placeholder { min-height: 760px; } }
@container twhost (max-width: 459px) { .tw-placeholder { min-height: 800px; } }
.tw-placeholder-bar { display: block; height: 14px; border-radius: 7px; background: #e2e6e9; margin: 0 0 14px; }
.tw-placeholder-bar:nth-child(2) { width: 60%; height: 22px; }
.tw-placeholder-bar:nth-child(3) { width: 90%; }
.tw-placeholder-bar:nth-child(4) { width: 80%; }
.tw-placeholder-text { display: block; margin-top: 20px; }
.tw-frame { display: block; width: 100%; border: 0; }
.tw-frame[data-loading] { position: absolute; visibility: hidden; }
.tw-no-wasm { min-height: 0; } .tw-no-wasm a { color: #0f5f59; font-weight: 650; }
`;

const log = (...args) => console.error('[treatment-widget]', ...args);

let placeholderSheet;
let widgetSheet; // Promise<CSSStyleSheet | null>
let compiled; // Promise<WebAssembly.Module>
let instances = 0;

function sheetFrom(text) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}

function loadStyles() {
  widgetSheet ??= fetch(CSS_URL)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((text) => sheetFrom(text))
    .catch((e) => {
      log(`could not load its stylesheet ${CSS_URL} (${e.message}); the widget works but looks plain.`);
      return null;
    });
  return widgetSheet;
}

// The wasm is fetched and compiled once per page; each element instantiates it separately.
function compileWasm() {
  compiled ??= (async () => {
    const response = await fetch(WASM_URL);
    if (!response.ok) throw new Error(`${WASM_URL} answered HTTP ${response.status}`);
    const type = response.headers.get('content-type') || '';
    if (type.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
    // Served with the wrong type: still works, just without streaming compilation.
    console.warn(`[treatment-widget] ${WASM_URL} is served as "${type}"; serve it as application/wasm for faster loading.`);
    return WebAssembly.compile(await response.arrayBuffer());
  })();
  return compiled;
}

// Each element gets its own copy of the glue module (and so its own wasm memory): an internal
// error in one instance cannot freeze the others. Copies whose element was removed cleanly are
// reused, so a page that adds and removes widgets does not grow without bound. The first copy uses
// the plain URL, so a <link rel="modulepreload"> for it is reused.
// Every idle copy is kept: a dynamically imported module stays in the page's module map for good,
// so a dropped copy (and its wasm memory) would never be freed, only lost. The page holds as many
// copies as it ever showed widgets at once.
const idleGlue = [];
function releaseGlue(glue) {
  idleGlue.push(glue);
}
async function takeGlue() {
  const reused = idleGlue.pop();
  if (reused) return reused;
  const n = instances++;
  const [glue, module] = await Promise.all([
    import(n === 0 ? GLUE_URL : `${GLUE_URL}?instance=${n}`),
    compileWasm(),
  ]);
  await glue.default({ module_or_path: module });
  return glue;
}

const running = new WeakMap(); // element -> { app, glue, failed }

class TreatmentWidgetElement extends HTMLElement {
  static observedAttributes = ['config'];

  connectedCallback() {
    if (running.has(this) || this._starting || this._frameRecord) return; // moved within the page: keep the running app
    this._starting = true;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    placeholderSheet ??= sheetFrom(PLACEHOLDER_CSS);
    root.adoptedStyleSheets = [placeholderSheet];
    root.replaceChildren(placeholder(this.ownerDocument));
    if (typeof WebAssembly !== 'object' && this.getAttribute('mode') !== 'iframe') {
      this._fallback('showNoWasm', root);
      return;
    }
    whenNear(this, () => {
      if (!this.isConnected) return;
      if (this.getAttribute('mode') === 'iframe') this._fallback('startFrame', root, {});
      else this._start(root);
    });
  }

  // Frame mode, or the notice for a browser without WebAssembly (in their own module).
  async _fallback(what, root, options) {
    try {
      await (await fallback())[what](this, root, options);
    } catch (e) {
      log('could not start:', e);
      showLoadError(root);
    } finally {
      this._starting = false;
    }
  }

  async _start(root) {
    try {
      const [glue, sheet] = await Promise.all([takeGlue(), loadStyles()]);
      // Instantiating the wasm and mounting the app are each a long stretch of main-thread work on
      // a slow phone; a task boundary between them keeps the page responsive (scripts/bench counts
      // tasks over 50 ms at 4x CPU throttling).
      await new Promise((resume) => setTimeout(resume, 0));
      if (sheet) root.adoptedStyleSheets = [placeholderSheet, sheet];
      if (!this.isConnected) {
        releaseGlue(glue); // removed while loading
        return;
      }
      const record = { app: null, glue, failed: false };
      // The wasm side reports its own internal errors; that copy is never reused.
      this.addEventListener('treatment-widget:error', () => { record.failed = true; }, { once: true });
      // In the next frame, where the browser lays the page out anyway: measuring at once would
      // force a second layout into the same long task as the first render.
      this.addEventListener('treatment-widget:ready', () => requestAnimationFrame(() => {
        if (running.get(this) === record) record.unsettle = settleHeight(this);
      }), { once: true });
      record.app = glue.TreatmentWidget.mount(this, root);
      running.set(this, record);
      // The inline config edited in place (a page builder, the configurator's preview): read it
      // again, only when its text really changed (other changes to the element's children are not
      // a new config, and a hosted config is not fetched again for them).
      const inline = () => this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null;
      let lastInline = inline();
      record.observer = new MutationObserver(() => {
        const now = inline();
        if (now === lastInline || record.failed) return;
        lastInline = now;
        record.app.configChanged();
      });
      record.observer.observe(this, { childList: true, subtree: true, characterData: true });
    } catch (e) {
      // A page whose Content Security Policy refuses WebAssembly ('wasm-unsafe-eval' missing):
      // the widget runs in a frame with its own policy instead.
      if (/Content Security Policy|CSP|unsafe-eval/i.test(String(e?.message))) {
        return this._fallback('startFrame', root, { reason: "this page's Content Security Policy does not allow WebAssembly ('wasm-unsafe-eval')" });
      }
      log('could not start:', e);
      showLoadError(root);
    } finally {
      // Cleared in the same task the start ends in, so a re-insert right after is never lost.
      this._starting = false;
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    const record = running.get(this);
    if (name !== 'config' || oldValue === newValue) return;
    if (record && !record.failed) record.app.configChanged();
    this._frameRecord?.configChanged();
  }

  disconnectedCallback() {
    // A move (remove then insert in the same task) reconnects before this runs.
    queueMicrotask(() => {
      if (this.isConnected) return;
      if (waiting.delete(this)) {
        nearby?.unobserve(this);
        this._starting = false; // never started: a later insert starts afresh
        return;
      }
      this._frameRecord?.destroy();
      this._frameRecord = null;
      const record = running.get(this);
      running.delete(this);
      record?.observer.disconnect();
      record?.unsettle?.(); // its scroll listener on the window would keep the element alive
      // A crashed instance says so in its own shadow root too, in case the page swallowed the
      // error event: never reuse it.
      if (!record || record.failed || this.shadowRoot?.querySelector('.tw-crash')) return;
      try {
        record.app.destroy();
        record.app.free();
        releaseGlue(record.glue);
      } catch (e) {
        log('could not unmount cleanly:', e);
      }
    });
  }
}

// Lazy start: nothing but this loader is fetched until an element comes near the viewport (about
// a phone screen away), so a widget below the fold costs the page no bytes and no main-thread time
// until the visitor scrolls towards it. Started at once: loading="eager", a page link into a
// widget's view (the visitor came for it), and browsers without IntersectionObserver.
const NEAR = '900px 0px';
const waiting = new Map(); // element -> start
let nearby;

function whenNear(el, start) {
  if (el.getAttribute('loading') === 'eager' || linksIntoWidget(el.ownerDocument) || typeof IntersectionObserver !== 'function') {
    start();
    return;
  }
  waiting.set(el, start);
  nearby ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      startWaiting(entry.target);
    }
  }, { rootMargin: NEAR });
  nearby.observe(el);
  listenForLinks(el.ownerDocument.defaultView);
}

function startWaiting(el) {
  const start = waiting.get(el);
  if (!start) return;
  waiting.delete(el);
  nearby.unobserve(el);
  start();
}

// A fragment holding a widget's view (key=value pairs such as #tw=compare%3A…), not a page anchor.
function linksIntoWidget(document) {
  const hash = document.defaultView?.location.hash.replace(/^#/, '') ?? '';
  return hash !== '' && hash.split('&').some((pair) => /^[A-Za-z][\w-]{0,39}=/.test(pair));
}

let listening = false;
function listenForLinks(view) {
  if (listening || !view) return;
  listening = true;
  // A link followed on the page into a widget that has not started yet: start them all, so the
  // one it names can show that view.
  view.addEventListener('hashchange', () => {
    if (linksIntoWidget(view.document)) [...waiting.keys()].forEach(startWaiting);
  });
}

// The space reserved against layout shift fits the fullest opening view; a shorter one (a clinic
// without prices, or with fewer sections) would leave an empty band. Give it back as soon as that
// moves nothing the visitor sees: at once when the box is off screen or its spare space lies
// below the fold, else on the first scroll that makes it so, or on the visitor's first touch or
// key (a shift right after input is the visitor's own).
function settleHeight(el) {
  const root = el.shadowRoot.querySelector('.tw-root');
  if (!root) return null;
  const reserved = root.getBoundingClientRect().height;
  el.setAttribute('data-tw-measuring', ''); // min-height off for one synchronous read: never painted
  const natural = root.getBoundingClientRect().height;
  el.removeAttribute('data-tw-measuring');
  const spare = reserved - natural;
  if (spare <= 0) return null;
  const view = el.ownerDocument.defaultView;
  const unseen = () => {
    const box = el.getBoundingClientRect();
    return box.bottom - spare >= view.innerHeight || box.top >= view.innerHeight || box.bottom <= 0;
  };
  const settle = () => {
    el.setAttribute('data-tw-settled', '');
    view.removeEventListener('scroll', onScroll);
    el.removeEventListener('pointerdown', settle, true);
    el.removeEventListener('keydown', settle, true);
  };
  const onScroll = () => { if (unseen()) settle(); };
  if (unseen()) {
    settle();
    return null;
  }
  view.addEventListener('scroll', onScroll, { passive: true });
  el.addEventListener('pointerdown', settle, true);
  el.addEventListener('keydown', settle, true);
  return () => view.removeEventListener('scroll', onScroll);
}

function placeholder(document) {
  const box = document.createElement('div');
  box.className = 'tw-placeholder';
  box.setAttribute('role', 'status');
  for (let i = 0; i < 4; i++) {
    const bar = document.createElement('span');
    bar.className = 'tw-placeholder-bar';
    bar.setAttribute('aria-hidden', 'true');
    box.append(bar);
  }
  const text = document.createElement('span');
  text.className = 'tw-placeholder-text';
  text.textContent = 'Loading the treatment guide…';
  box.append(text);
  return box;
}

function showLoadError(root) {
  const box = root.querySelector('.tw-placeholder') ?? placeholder(root.ownerDocument);
  box.setAttribute('role', 'alert');
  box.replaceChildren('Sorry, the treatment guide could not load. Please reload the page to try again.');
  if (!box.isConnected) root.replaceChildren(box);
}

if (!customElements.get(TAG)) customElements.define(TAG, TreatmentWidgetElement);
