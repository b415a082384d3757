// The performance benchmark (issue 10): serves the release dist/ and the Yew floor compressed with
// brotli on 127.0.0.1, as a CDN would, drives headless Chromium and prints one table of figures,
// each as median and p95 over repeated runs, with the floor's figure and our ratio beside it where
// the floor has one. A benchmark, not a test: it prints; nothing fails on a figure.
// Usage (scripts/bench builds first): node scripts/bench.mjs [--runs N] [--no-lighthouse]
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(join(ROOT, 'e2e/package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 15;
const DIST = join(ROOT, 'dist');
const FLOOR = join(ROOT, 'target/bench-floor-dist');
const BOOTSTRAP = join(ROOT, 'e2e/node_modules/bootstrap/dist/css/bootstrap.min.css');
const LIGHTHOUSE = join(ROOT, 'target/bench-tools/node_modules/lighthouse/cli/index.js');

// ---------- a CDN on loopback: brotli, immutable caching, byte counts per request ----------
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html; charset=utf-8' };
const compressed = new Map();
const brotli = (path) => {
  if (!compressed.has(path)) compressed.set(path, brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  return compressed.get(path);
};
let log = []; // { path, bytes } for every response since the last reset
const pages = new Map(); // generated pages: path -> html

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let body;
  let type;
  if (pages.has(path)) {
    body = brotliCompressSync(Buffer.from(pages.get(path)));
    type = TYPES['.html'];
  } else {
    const [dir, rest] = path.startsWith('/floor/') ? [FLOOR, path.slice(7)] : [DIST, path.slice(1)];
    const file = path === '/bootstrap.min.css' ? BOOTSTRAP : join(dir, rest || 'index.html');
    if ((file !== BOOTSTRAP && !file.startsWith(dir)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      log.push({ path, bytes: 0 });
      return;
    }
    body = brotli(file);
    type = TYPES[extname(file)] ?? 'application/octet-stream';
  }
  log.push({ path, bytes: body.length });
  res.writeHead(200, {
    'content-type': type,
    'content-encoding': 'br',
    'content-length': body.length,
    // Versioned folders are immutable on a CDN; the generated pages are not.
    'cache-control': pages.has(path) ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;

// ---------- the pages measured ----------
const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Clinic</title>${head}</head>
<body><h1>Rose Skin Clinic</h1><p>Our treatments and prices.</p>${body}</body></html>`;
const LOADER = '<script type="module" src="/treatment-widget.js"></script>';
const concerns = ['acne-scars', 'fine-lines-wrinkles', 'uneven-texture', 'enlarged-pores', 'hyperpigmentation-sun-damage', 'stretch-marks', 'thinning-hair', 'loss-of-firmness', 'dull-skin', 'surgical-scars'];
const synthetic = {
  version: 1,
  clinicName: 'Synthetic Clinic',
  customTreatments: Array.from({ length: 200 }, (_, i) => ({
    id: `own-${i}`,
    name: `Own treatment ${i}`,
    summary: `A treatment of this clinic, number ${i}.`,
    sessions: { typical: 1 + (i % 6), min: 1, max: 6 },
    weeksBetween: { min: 2, max: 4 },
    downtime: ['none', 'low', 'medium'][i % 3],
    concerns: [{ concern: concerns[i % 10], fit: 'good' }, { concern: concerns[(i + 3) % 10], fit: 'some' }],
    areas: ['face'],
  })),
};
synthetic.offeredTreatments = synthetic.customTreatments.map((t) => t.id);
pages.set('/top.html', page(`${LOADER}<treatment-widget></treatment-widget>`));
pages.set('/top-blocking.html', page('<treatment-widget></treatment-widget>', LOADER.replace('></script>', ' blocking="render"></script>')));
pages.set('/below.html', page(`${LOADER}<div style="height:3000px"></div><treatment-widget></treatment-widget>`));
pages.set('/twenty.html', page(`${LOADER}${'<treatment-widget loading="eager"></treatment-widget>'.repeat(20)}`));
pages.set('/one-of-twenty.html', page(`${LOADER}<treatment-widget loading="eager"></treatment-widget>`));
pages.set('/synthetic.html', page(`${LOADER}<treatment-widget><script type="application/json">${JSON.stringify(synthetic)}</script></treatment-widget>`));
// A Bootstrap clinic page (Lighthouse): a navbar, a hero, three service cards and a few sections
// of text, then the widget in its pricing section, three screens down on a phone.
const clinicPage = (widget) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Rose Skin Clinic</title>
<meta name="description" content="Skin treatments in Springfield."><link rel="stylesheet" href="/bootstrap.min.css">${widget ? LOADER : ''}</head>
<body><nav class="navbar navbar-expand bg-body-tertiary"><div class="container"><a class="navbar-brand" href="#">Rose Skin Clinic</a>
<ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="#services">Services</a></li><li class="nav-item"><a class="nav-link" href="#pricing">Pricing</a></li></ul></div></nav>
<main class="container py-4"><div class="p-4 mb-4 bg-body-tertiary rounded-3"><h1 class="display-5 fw-bold">Healthy skin, explained</h1>
<p class="fs-5">Consultations, microneedling, peels and laser treatments by licensed professionals.</p><a class="btn btn-primary btn-lg" href="#pricing">See prices</a></div>
<div class="row g-4" id="services">${['Microneedling', 'Chemical peels', 'Laser resurfacing'].map((t) => `<div class="col-md-4"><div class="card h-100"><div class="card-body"><h2 class="h5 card-title">${t}</h2><p class="card-text">${'What it is, who it suits and how many sessions a course usually takes. '.repeat(3)}</p></div></div></div>`).join('')}</div>
${Array.from({ length: 6 }, (_, i) => `<section class="my-5"><h2>About us, part ${i + 1}</h2><p>${'Our team has treated skin in Springfield for fifteen years, with care and honest advice about what each treatment can and cannot do. '.repeat(4)}</p></section>`).join('')}
<section id="pricing"><h2>Prices</h2>${widget ? '<treatment-widget></treatment-widget>' : '<p>Ask us for a quote.</p>'}</section></main></body></html>`;
pages.set('/clinic.html', clinicPage(false));
pages.set('/clinic-widget.html', clinicPage(true));

// ---------- statistics ----------
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => { const s = sorted(xs); return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN; };
const median = (xs) => quantile(xs, 0.5);
const p95 = (xs) => quantile(xs, 0.95);

// ---------- the browser ----------
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
});
const fresh = async ({ width = 390, height = 800, throttle = 1 } = {}) => {
  const context = await browser.newContext({ viewport: { width, height } });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await p.addInitScript(() => {
    window.__ready = [];
    window.__longTasks = [];
    window.__shift = 0;
    // Every wasm instance's memory, for the memory figure (the glue keeps it private).
    window.__memories = [];
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = async function (...args) {
        const made = await original.apply(this, args);
        const memory = (made.instance ?? made).exports?.memory;
        if (memory) window.__memories.push(memory);
        return made;
      };
    }
    document.addEventListener('treatment-widget:ready', () => window.__ready.push(performance.now()));
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
    // The floor has no ready event: it is ready when its button is in the page.
    new MutationObserver((_, mo) => {
      if (document.getElementById('floor-ready')) { window.__ready.push(performance.now()); mo.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  return { context, page: p, cdp };
};
const readyCount = (p, n) => p.waitForFunction((k) => window.__ready.length >= k, n, { timeout: 60000 });
const kb = (bytes) => (bytes / 1000).toFixed(1);

// Bytes sent for one cold page load until `n` widgets (or the floor) are ready.
async function coldBytes(path, n = 1) {
  const { context, page: p } = await fresh();
  log = [];
  await p.goto(`${ORIGIN}${path}`);
  await readyCount(p, n);
  const seen = log.filter((e) => !pages.has(e.path));
  await context.close();
  return seen;
}

// Load time (navigation start to ready) over RUNS warm-cache loads in one context.
async function warmReady(path, { throttle = 1, n = 1 } = {}) {
  const { context, page: p, cdp } = await fresh({ throttle: 1 });
  await p.goto(`${ORIGIN}${path}`);
  await readyCount(p, n); // warms the cache (and V8's code cache for the wasm)
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const times = [];
  const longTasks = [];
  for (let i = 0; i < RUNS; i++) {
    await p.goto(`${ORIGIN}${path}`);
    await readyCount(p, n);
    times.push(await p.evaluate((k) => window.__ready[k - 1], n));
    longTasks.push(await p.evaluate(() => window.__longTasks.filter((d) => d >= 50).length));
  }
  await context.close();
  return { times, longTasks };
}

// Runs `count` interactions inside the page, each timed from the event to the DOM change it causes.
async function interactions(p, count, kind) {
  return p.evaluate(async ({ count, kind }) => {
    const root = () => document.querySelector('treatment-widget').shadowRoot;
    const changed = (act) => new Promise((resolve) => {
      const t0 = performance.now();
      // The fallback timer is cleared at once: a pending one would keep this closure alive and
      // count as the widget's memory.
      const giveUp = setTimeout(() => { mo.disconnect(); resolve(NaN); }, 2000);
      const mo = new MutationObserver(() => { mo.disconnect(); clearTimeout(giveUp); resolve(performance.now() - t0); });
      mo.observe(root(), { subtree: true, childList: true, characterData: true, attributes: true });
      act();
    });
    const button = (re) => [...root().querySelectorAll('button, a')].find((b) => re.test(b.textContent.trim()) || re.test(b.getAttribute('aria-label') ?? ''));
    const out = [];
    for (let i = 0; i < count; i++) {
      // Each change in its own task, as a visitor's clicks arrive: without this the whole loop
      // runs in one task (the widget renders synchronously and the observer resolves in a
      // microtask), and the long-task count would measure the loop, not the widget.
      await new Promise((r) => setTimeout(r, 0));
      if (kind === 'estimate') {
        // The sessions stepper, up and down in turn: each step changes every total on the page.
        const plus = button(/^One session more$/);
        const minus = button(/^One session fewer$/);
        out.push(await changed(() => (i % 2 ? minus : plus).click()));
      } else if (kind === 'concern') {
        const boxes = [...root().querySelectorAll('input[type="checkbox"], input[type="radio"]')];
        out.push(await changed(() => boxes[i % boxes.length].click()));
      } else {
        // Views: the list of treatments and back to the guide's home, in turn.
        const to = i % 2 ? button(/Guide home$/) : button(/^Treatments/);
        out.push(await changed(() => to.click()));
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
    }
    return out;
  }, { count, kind });
}

const heapBytes = async (cdp, p) => {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage'); // a second pass frees what the first left for finalizers
  const u = await cdp.send('Runtime.getHeapUsage');
  const wasm = await p.evaluate(() => window.__memories.reduce((a, m) => a + m.buffer.byteLength, 0));
  return { js: u.usedSize, wasm };
};

// ---------- measure ----------
const rows = [];
const row = (figure, value, floor, target) => rows.push({ figure, value, floor, target });
const fmtTimes = (xs) => `${median(xs).toFixed(1)} / ${p95(xs).toFixed(1)} ms`;
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}x` : '');

console.error(`benchmark: ${RUNS} runs per timed figure, ${ORIGIN}`);

// 1. Bytes before interactive, and the same for an English page (no Spanish, no configurator).
const widgetBytes = await coldBytes('/top.html');
const floorBytes = await coldBytes('/floor/index.html');
const sum = (xs) => xs.reduce((a, e) => a + e.bytes, 0);
const wb = sum(widgetBytes);
const fb = sum(floorBytes);
row('bytes before interactive (brotli): ' + widgetBytes.map((e) => `${e.path.slice(1)} ${kb(e.bytes)}`).join(', '), `${kb(wb)} KB`, `${kb(fb)} KB (${ratio(wb, fb)})`, '<= 100 KB, <= 2.0x floor');
const foreign = widgetBytes.filter((e) => /\.es\.|configurator/.test(e.path));
row('Spanish texts or configurator fetched by an English page', `${sum(foreign)} bytes`, '', '0 bytes');

// 2. Before the visitor scrolls to a below-the-fold widget.
{
  const { context, page: p } = await fresh();
  log = [];
  await p.goto(`${ORIGIN}/below.html`);
  await p.waitForTimeout(2000);
  const before = log.filter((e) => !pages.has(e.path));
  await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await readyCount(p, 1);
  row('bytes before the visitor scrolls near a below-the-fold widget: ' + before.map((e) => e.path.slice(1)).join(', '), `${kb(sum(before))} KB`, '', '<= 3 KB');
  await context.close();
}

// 3. Start time, warm cache, loopback; and at 4x CPU throttling; long tasks at 4x.
for (const throttle of [1, 4]) {
  const w = await warmReady('/top.html', { throttle });
  const f = await warmReady('/floor/index.html', { throttle });
  row(`navigation to ready, warm cache${throttle > 1 ? ', 4x CPU throttling' : ''}`, fmtTimes(w.times), `${fmtTimes(f.times)} (${ratio(median(w.times), median(f.times))})`, '<= 1.5x floor');
  if (throttle > 1) row('long tasks (>= 50 ms) during start, 4x CPU throttling, per load', `${median(w.longTasks)} / ${p95(w.longTasks)}`, `${median(f.longTasks)} / ${p95(f.longTasks)}`, '0');
}

// 4. Layout shift while the widget loads, with and without blocking="render".
for (const [label, path] of [['without', '/top.html'], ['with', '/top-blocking.html']]) {
  const shifts = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const { context, page: p } = await fresh();
    await p.goto(`${ORIGIN}${path}`);
    await readyCount(p, 1);
    await p.waitForTimeout(300);
    shifts.push(await p.evaluate(() => window.__shift));
    await context.close();
  }
  row(`cumulative layout shift while loading, ${label} blocking="render"`, `${median(shifts).toFixed(3)} / ${p95(shifts).toFixed(3)}`, '', '0');
}

// 5. Interactions: the estimator (500 changes, also at 4x), views, find by concern over 200.
for (const throttle of [1, 4]) {
  const { context, page: p, cdp } = await fresh({ throttle });
  await p.goto(`${ORIGIN}/top.html#tw=estimate`);
  await readyCount(p, 1);
  // 500 timed changes; at 1x the JS heap and wasm memory are read after the first 100 and again
  // after 1,000 (500 more, untimed).
  await p.evaluate(() => { window.__longTasks = []; }); // from here on: tasks caused by use
  const first = await interactions(p, 100, 'estimate');
  const at100 = throttle === 1 ? await heapBytes(cdp, p) : null;
  const times = [...first, ...await interactions(p, 400, 'estimate')];
  const bad = times.filter((t) => Number.isNaN(t)).length;
  row(`estimator input -> DOM updated, 500 changes${throttle > 1 ? ', 4x CPU' : ''}${bad ? ` (${bad} saw no change)` : ''}`, fmtTimes(times.filter((t) => !Number.isNaN(t))), '', throttle > 1 ? 'p95 <= 16 ms' : 'p95 <= 4 ms');
  if (throttle > 1) {
    const used = await p.evaluate(() => window.__longTasks.filter((d) => d >= 50));
    row('long tasks (>= 50 ms) during use: 500 estimator changes, 4x CPU throttling', `${used.length}${used.length ? ` (longest ${Math.max(...used).toFixed(0)} ms)` : ''}`, '', '0');
  }
  if (at100) {
    await interactions(p, 500, 'estimate');
    const at1000 = await heapBytes(cdp, p);
    const grow = (a, b) => `${(((b - a) / a) * 100).toFixed(1)}%`;
    row(`memory after 1,000 estimator changes vs after 100: JS heap ${kb(at100.js)} -> ${kb(at1000.js)} KB, wasm memory ${kb(at100.wasm)} -> ${kb(at1000.wasm)} KB`, `${grow(at100.js, at1000.js)} / ${grow(at100.wasm, at1000.wasm)}`, '', '< 10%');
  }
  await context.close();
}
{
  const { context, page: p } = await fresh();
  await p.goto(`${ORIGIN}/top.html`);
  await readyCount(p, 1);
  const times = await interactions(p, 200, 'views');
  row('switching views (treatments list <-> home), 200 switches', fmtTimes(times.filter((t) => !Number.isNaN(t))), '', 'p95 <= 16 ms');
  await context.close();
}
{
  const { context, page: p } = await fresh({ width: 1100, height: 900 });
  await p.goto(`${ORIGIN}/synthetic.html#tw=concerns`);
  await readyCount(p, 1);
  const times = await interactions(p, 200, 'concern');
  const ok = times.filter((t) => !Number.isNaN(t));
  // Proof the clinic's 200 treatments were taken: how many distinct ones the last pick listed.
  const listed = await p.evaluate(() => {
    // 200 picks toggle each of the 10 boxes 20 times: all are clear again. Tick one to look.
    document.querySelector('treatment-widget').shadowRoot.querySelector('input[type="checkbox"]').click();
    return new Promise((r) => setTimeout(r, 200));
  }).then(() => p.evaluate(() => new Set(document.querySelector('treatment-widget').shadowRoot.textContent.match(/Own treatment \d+/g) ?? []).size));
  row(`find by concern, 200 custom treatments (${listed} of them listed for one concern), 200 picks${ok.length < times.length ? ` (${times.length - ok.length} saw no change)` : ''}`, ok.length ? fmtTimes(ok) : 'n/a', '', 'p95 <= 16 ms');
  await context.close();
}

// 6. Twenty instances against one.
{
  const one = await warmReady('/one-of-twenty.html', { n: 1 });
  const twenty = await warmReady('/twenty.html', { n: 20 });
  row('20 instances on one page, all ready (warm cache)', fmtTimes(twenty.times), `one: ${fmtTimes(one.times)} (${ratio(median(twenty.times), median(one.times))})`, '<= 3x one instance');
}

// 7. Lighthouse mobile (simulated slow 4G, 4x CPU) on the Bootstrap clinic page, widget below the fold.
if (!args.includes('--no-lighthouse') && existsSync(LIGHTHOUSE)) {
  const run = promisify(execFile);
  const audit = async (path) => {
    const { stdout } = await run(process.execPath, [LIGHTHOUSE, `${ORIGIN}${path}`, '--output=json', '--output-path=stdout', '--only-categories=performance', '--quiet', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    const r = JSON.parse(stdout);
    return { score: r.categories.performance.score * 100, tti: r.audits.interactive.numericValue, bytes: r.audits['total-byte-weight'].numericValue };
  };
  const lhRuns = Math.min(RUNS, 5);
  const without = [];
  const withWidget = [];
  for (let i = 0; i < lhRuns; i++) {
    without.push(await audit('/clinic.html'));
    withWidget.push(await audit('/clinic-widget.html'));
  }
  const m = (xs, k) => median(xs.map((x) => x[k]));
  row(`Lighthouse mobile, Bootstrap clinic page, widget below the fold (median of ${lhRuns}): score / time to interactive / bytes`,
    `${m(withWidget, 'score')} / ${(m(withWidget, 'tti') / 1000).toFixed(2)} s / ${kb(m(withWidget, 'bytes'))} KB`,
    `without the widget: ${m(without, 'score')} / ${(m(without, 'tti') / 1000).toFixed(2)} s / ${kb(m(without, 'bytes'))} KB (TTI ${ratio(m(withWidget, 'tti'), m(without, 'tti'))})`,
    'same score; TTI within 10%');
} else if (!args.includes('--no-lighthouse')) {
  console.error('Lighthouse is not installed (scripts/bench installs it into target/bench-tools): its row is left out');
}

// ---------- print ----------
const when = new Date().toISOString().slice(0, 10);
const chromiumVersion = browser.version();
console.log(`\n${when}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium ${chromiumVersion}, ${RUNS} runs; times are median / p95\n`);
console.log('| figure | widget | Yew floor (ratio) | target |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.figure} | ${r.value} | ${r.floor} | ${r.target} |`);

await browser.close();
server.close();
