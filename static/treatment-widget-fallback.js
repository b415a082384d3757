// treatment-widget-fallback.js: loaded by treatment-widget.js only when the widget cannot run in
// the page itself, so an ordinary page never downloads it.
//
// - Frame mode: the page's Content Security Policy refuses WebAssembly (no 'wasm-unsafe-eval'),
//   or the clinic asks for it with <treatment-widget mode="iframe">. The widget runs in
//   frame.html (next to this file, with its own strict policy) inside an iframe that takes the
//   height of its content. The config, the events, the deep link in the page's URL fragment and
//   the share link all work as in the page. Messages are accepted only from that iframe, from its
//   origin, and sent only to it.
// - No WebAssembly at all (turned off, a locked-down or very old browser): a notice with the
//   clinic's booking link and phone from the config, so the visitor still has a way forward.

const FRAME_URL = new URL('frame.html', import.meta.url);
const EVENTS = ['ready', 'estimate', 'book', 'error'];
const MAX_CONFIG_BYTES = 256 * 1024;

const validKey = (key) => /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(key);

/** The element's key in the page's fragment, as the widget itself would choose it. */
function keyFor(el) {
  if (validKey(el.id)) return el.id;
  if (validKey(el.getAttribute('data-tw-key') ?? '')) return el.getAttribute('data-tw-key');
  const all = [...el.ownerDocument.querySelectorAll('treatment-widget')];
  let position = 0;
  const taken = new Set();
  let before = true;
  for (const other of all) {
    if (other === el) { before = false; continue; }
    if (validKey(other.id)) { taken.add(other.id); continue; }
    if (before) position += 1;
    const k = other.getAttribute('data-tw-key');
    if (k) taken.add(k);
  }
  const name = (n) => (n === 0 ? 'tw' : `tw${n + 1}`);
  let n = position;
  while (taken.has(name(n))) n += 1;
  el.setAttribute('data-tw-key', name(n));
  return name(n);
}

/** This key's raw (still encoded) value in a fragment, or null. */
function rawValue(hash, key) {
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const at = pair.indexOf('=');
    if (at > 0 && decodeURIComponent(pair.slice(0, at)) === key) return pair.slice(at + 1);
  }
  return null;
}

/** The fragment with this key's pair set to a raw value (or removed for ''), others kept. */
function withRawValue(hash, key, raw) {
  const pairs = hash.replace(/^#/, '').split('&').filter((p) => p && p.includes('=') && validKey(decodeURIComponent(p.slice(0, p.indexOf('=')))));
  const out = [];
  let placed = false;
  for (const pair of pairs) {
    if (decodeURIComponent(pair.slice(0, pair.indexOf('='))) === key) {
      if (raw && !placed) { out.push(`${key}=${raw}`); placed = true; }
    } else out.push(pair);
  }
  if (raw && !placed) out.push(`${key}=${raw}`);
  return out.join('&');
}

/** The config's text, as the widget would read it: the inline JSON, else the `config` URL, else
 *  null (the demo clinic). A URL that fails gives '' (read as unreadable: no clinic, no prices). */
async function configText(el) {
  const inline = el.querySelector(':scope > script[type="application/json"]');
  if (inline) return inline.textContent;
  const url = el.getAttribute('config');
  if (!url) return null;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const response = await fetch(new URL(url, el.ownerDocument.baseURI), { signal: controller.signal, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_CONFIG_BYTES) throw new Error('more than 256 KB');
    return text;
  } catch (e) {
    console.error('[treatment-widget] the clinic config at', url, 'could not be read:', e.message);
    return '';
  } finally {
    clearTimeout(timer);
  }
}

export async function startFrame(el, root, { reason }) {
  const key = keyFor(el);
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  const frame = doc.createElement('iframe');
  frame.className = 'tw-frame';
  frame.setAttribute('title', el.getAttribute('title') || 'Treatment guide');
  frame.setAttribute('data-loading', '');
  const start = rawValue(view.location.hash, key);
  const src = new URL(FRAME_URL);
  if (start) src.hash = `tw=${start}`;
  frame.src = src.href;
  root.append(frame);
  if (reason) console.info(`[treatment-widget] ${reason}; showing the widget in a frame (${FRAME_URL.origin}).`);

  let mirrored = start ?? '';
  let config = configText(el); // a promise: the frame may ask before it is read
  const post = (message) => frame.contentWindow?.postMessage(message, FRAME_URL.origin);
  const pageLink = () => `${view.location.href.split('#')[0]}#${key}=`;
  const onMessage = (e) => {
    if (e.source !== frame.contentWindow || e.origin !== FRAME_URL.origin) return;
    const m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.tw === 'hello') {
      config.then((text) => post({ tw: 'config', config: text, pageLink: pageLink() }));
    } else if (m.tw === 'height' && Number.isFinite(m.height) && m.height > 0) {
      frame.setAttribute('height', String(Math.min(Math.ceil(m.height), 20_000)));
    } else if (m.tw === 'event' && EVENTS.includes(m.name)) {
      if (m.name === 'ready') {
        frame.removeAttribute('data-loading');
        root.querySelector('.tw-placeholder')?.remove();
        el.setAttribute('data-ready', '');
        el.setAttribute('data-tw-mode', 'iframe');
      }
      el.dispatchEvent(new CustomEvent(`treatment-widget:${m.name}`, { detail: m.detail ?? {}, bubbles: true, composed: true }));
    } else if (m.tw === 'route' && typeof m.value === 'string' && m.value.length <= 2000) {
      // The frame added its own history entry (Back walks it back); the page's URL follows along
      // without another one.
      mirrored = m.value;
      const next = withRawValue(view.location.hash, key, m.value);
      if (next !== view.location.hash.replace(/^#/, '')) {
        const url = `${view.location.href.split('#')[0]}${next ? `#${next}` : ''}`;
        view.history.replaceState(view.history.state, '', url);
      }
    }
  };
  const onHashChange = () => {
    const value = rawValue(view.location.hash, key) ?? '';
    if (value !== mirrored) {
      mirrored = value;
      post({ tw: 'route', value });
    }
  };
  view.addEventListener('message', onMessage);
  view.addEventListener('hashchange', onHashChange);
  el._frameRecord = {
    configChanged() {
      config = configText(el);
      config.then((text) => post({ tw: 'config', config: text, pageLink: pageLink() }));
    },
    destroy() {
      view.removeEventListener('message', onMessage);
      view.removeEventListener('hashchange', onHashChange);
    },
  };
}

// The notice a visitor sees when their browser cannot run WebAssembly at all.
const NO_WASM = {
  en: {
    text: (clinic) => `This treatment guide needs a browser feature (WebAssembly) that is turned off or missing here. To ask ${clinic} about treatments and prices:`,
    unnamed: 'the clinic',
    book: 'Book a consultation',
    call: 'Or call:',
    none: 'Please contact the clinic directly.',
  },
  es: {
    text: (clinic) => `Esta guía de tratamientos necesita una función del navegador (WebAssembly) que aquí está desactivada o no existe. Para consultar a ${clinic} sobre tratamientos y precios:`,
    unnamed: 'la clínica',
    book: 'Reservar una consulta',
    call: 'O llame al:',
    none: 'Póngase en contacto directamente con la clínica.',
  },
};

/** What the notice may show from a config: only a name that is plain text, an https booking link
 *  and a phone number made of digits, so nothing in the config can inject markup or script. */
export function noticeFacts(text) {
  let config = null;
  try { config = text ? JSON.parse(text) : null; } catch { config = null; }
  if (!config || typeof config !== 'object') return { lang: 'en' };
  const name = typeof config.clinicName === 'string' && config.clinicName.trim().length <= 80 ? config.clinicName.trim() : null;
  const raw = config.booking?.url;
  let booking = null;
  if (typeof raw === 'string') {
    try {
      const url = new URL(raw.trim());
      if (url.protocol === 'https:' && url.hostname && !url.username) booking = url.href;
    } catch { booking = null; }
  }
  const phone = typeof config.booking?.phone === 'string' && /^\+?[0-9 ().-]{4,29}$/.test(config.booking.phone.trim())
    && (config.booking.phone.match(/\d/g) ?? []).length >= 5 ? config.booking.phone.trim() : null;
  const lang = config.language === 'es' || (!config.language && /^es\b/i.test(config.locale ?? '')) ? 'es' : 'en';
  return { lang, name, booking, phone, newTab: config.booking?.openInNewTab === true };
}

export async function showNoWasm(el, root) {
  console.error('[treatment-widget] this browser cannot run WebAssembly; showing the clinic\'s contact details instead.');
  const facts = noticeFacts(await configText(el));
  const words = NO_WASM[facts.lang];
  const doc = el.ownerDocument;
  const box = doc.createElement('div');
  box.className = 'tw-placeholder tw-no-wasm';
  box.setAttribute('role', 'alert');
  const p = doc.createElement('p');
  p.textContent = facts.booking || facts.phone ? words.text(facts.name ?? words.unnamed) : words.none;
  box.append(p);
  if (facts.booking) {
    const a = doc.createElement('a');
    a.className = 'tw-no-wasm-book';
    a.href = facts.booking;
    a.textContent = words.book;
    a.rel = 'noopener noreferrer';
    if (facts.newTab) a.target = '_blank';
    box.append(a);
  }
  if (facts.phone) {
    const line = doc.createElement('p');
    const tel = doc.createElement('a');
    tel.href = `tel:${facts.phone.startsWith('+') ? '+' : ''}${facts.phone.replace(/\D/g, '')}`;
    tel.textContent = facts.phone;
    line.append(`${words.call} `, tel);
    box.append(line);
  }
  root.replaceChildren(box);
}
