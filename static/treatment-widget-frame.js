// treatment-widget-frame.js: the script of frame.html, the page that runs one widget inside an
// iframe when the host page cannot run it itself (see treatment-widget-fallback.js). It waits for
// the host's loader to send the config, then runs the widget exactly as on a page, and reports
// back its height, its events and its view. It listens only to its parent window, and after the
// first message only to that message's origin, and posts only to that origin.
import './treatment-widget.js';

const EVENTS = ['ready', 'estimate', 'book', 'error'];
let parentOrigin = null;
let element = null;

const post = (message) => { if (parentOrigin) window.parent.postMessage(message, parentOrigin); };
const routeValue = () => {
  const pair = location.hash.replace(/^#/, '').split('&').find((p) => p.startsWith('tw='));
  return pair ? pair.slice(3) : '';
};

function start({ config, pageLink }) {
  element?.remove();
  element = document.createElement('treatment-widget');
  element.setAttribute('loading', 'eager'); // the host page already decided when to show this frame
  if (typeof config === 'string') {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = config;
    element.append(script);
  }
  if (typeof pageLink === 'string' && /^https?:\/\//.test(pageLink)) element.setAttribute('data-tw-page-link', pageLink);
  for (const name of EVENTS) {
    element.addEventListener(`treatment-widget:${name}`, (e) => post({ tw: 'event', name, detail: JSON.parse(JSON.stringify(e.detail ?? {})) }));
  }
  document.body.append(element);
}

window.addEventListener('message', (e) => {
  if (e.source !== window.parent || !e.data || typeof e.data !== 'object') return;
  if (parentOrigin === null && e.data.tw === 'config') parentOrigin = e.origin;
  if (e.origin !== parentOrigin) return;
  if (e.data.tw === 'config') start(e.data);
  if (e.data.tw === 'route' && typeof e.data.value === 'string' && e.data.value !== routeValue()) {
    location.hash = e.data.value ? `tw=${e.data.value}` : '';
  }
});

// The view, after the widget changes it (its own history entries stay in the frame's history,
// which the browser's Back button walks through).
const report = () => post({ tw: 'route', value: routeValue() });
window.addEventListener('hashchange', report);
window.addEventListener('popstate', report);
const { pushState, replaceState } = history;
history.pushState = function (...args) { pushState.apply(this, args); report(); };
history.replaceState = function (...args) { replaceState.apply(this, args); report(); };

new ResizeObserver(() => post({ tw: 'height', height: document.documentElement.scrollHeight })).observe(document.body);

// Ask for the config. Nothing in this message is private; the answer is checked as above.
window.parent.postMessage({ tw: 'hello' }, '*');
