// Starts the configurator's wasm. A module file, not an inline script, so the page works under a
// strict Content Security Policy.
import init from './treatment-widget-configurator.js';

init({ module_or_path: new URL('treatment-widget-configurator_bg.wasm', import.meta.url) }).catch((e) => {
  console.error('[configurator] could not start:', e);
  const root = document.getElementById('configurator');
  if (root) root.textContent = 'The configurator could not start. Please reload the page.';
});
