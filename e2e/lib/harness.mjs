// Starts what the end-to-end tests need: the release build with test hooks (dist-test/, built by
// `scripts/build --test-hooks`) served under /dist/ next to the fixture pages (origin A), the same
// under /cdn/v1/ on a second origin with CORS (origin B), and
// Debian's Chromium.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { startServer } from './server.mjs';
import { launch } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const DIST = resolve(ROOT, 'dist-test');
/** The production build (scripts/build): what clinics deploy. */
export const PRODUCTION_DIST = resolve(ROOT, 'dist');
const FIXTURES = resolve(here, '../fixtures');
const BOOTSTRAP = resolve(here, '../node_modules/bootstrap/dist/css');
const TAILWIND = resolve(here, '../node_modules/tailwindcss');

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** A policy as many site builders and security plugins send: scripts and frames from the
 *  widget's CDN allowed, WebAssembly not ('wasm-unsafe-eval' missing). */
export const noWasmCsp = (cdn) => `default-src 'self'; script-src 'self' ${cdn}; style-src 'self'; connect-src 'self' ${cdn}; frame-src ${cdn}`;

export async function startHarness() {
  const cdn = await startServer({
    mounts: [{ prefix: '/cdn/v1/', dir: DIST }],
    headers: () => ({ 'access-control-allow-origin': '*' }),
  });
  const site = await startServer({
    mounts: [
      { prefix: '/dist/', dir: DIST },
      { prefix: '/fixtures/', dir: FIXTURES },
      { prefix: '/vendor/', dir: BOOTSTRAP },
      { prefix: '/vendor-tailwind/', dir: TAILWIND },
      // What clinics deploy (minified loader, no test hooks), for the tests that must run it.
      { prefix: '/prod/', dir: PRODUCTION_DIST },
      { prefix: '/', dir: DIST },
    ],
    headers: (path) => {
      if (path === '/fixtures/strict-csp.html') return { 'content-security-policy': STRICT_CSP };
      if (path === '/fixtures/no-wasm-csp.html') return { 'content-security-policy': noWasmCsp(cdn.origin) };
      return {};
    },
    override: (path) => {
      if (path === '/fixtures/garbage-config.json') {
        return { status: 200, type: 'application/json', body: '<!doctype html><title>Oops</title>{"version":' };
      }
      if (path === '/fixtures/slow-body.json') {
        // Headers at once, then a byte of a valid config every 2 s: it would take minutes to finish.
        return {
          handler: (req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            const body = '{"version":1,"clinicName":"Too Slow Clinic"}';
            let i = 0;
            const timer = setInterval(() => { if (i < body.length) res.write(body[i++]); else { clearInterval(timer); res.end(); } }, 2000);
            req.on('close', () => clearInterval(timer));
          },
        };
      }
      if (path === '/fixtures/server-error.json') {
        return { status: 500, type: 'text/plain', body: 'Internal Server Error' };
      }
      if (path === '/fixtures/moved-config.json') {
        // A site moved its config: a redirect to where it is now.
        return { handler: (req, res) => { res.writeHead(302, { location: '/fixtures/clinic-b.json' }); res.end(); } };
      }
      if (path === '/fixtures/silent.json') {
        // Accepts the request and never answers: no headers, no body.
        return { handler: (req) => { req.on('close', () => {}); } };
      }
      if (path === '/fixtures/endless-body.json') {
        // No content-length, and a body that never ends: 16 KB chunks of spaces after a valid start.
        return {
          handler: (req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.write('{"version":1,"clinicName":"Endless Clinic"');
            const chunk = ' '.repeat(16 * 1024);
            const timer = setInterval(() => res.write(chunk), 5);
            req.on('close', () => clearInterval(timer));
          },
        };
      }
      if (path === '/fixtures/cross-origin.html' || path === '/fixtures/no-wasm-csp.html') {
        const html = readFileSync(resolve(FIXTURES, path.slice('/fixtures/'.length)), 'utf8').replaceAll('CDN_ORIGIN', cdn.origin);
        return { status: 200, type: 'text/html; charset=utf-8', body: html };
      }
      return null;
    },
  });
  const browser = await launch();
  return {
    site: site.origin,
    cdn: cdn.origin,
    browser,
    async close() {
      await browser.close();
      await site.close();
      await cdn.close();
    },
  };
}
