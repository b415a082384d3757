// Hostile strings everywhere a clinic's config, a link or the device's storage can put one (issue
// 9): in every text of the config (names, custom treatments, copy, locations, the price book), in
// the URL fragment and share links, and in stored state. Nothing runs, no markup or attribute is
// injected, no dangerous URL becomes a link, the layout holds at phone width, and the widget keeps
// working (every instance still renders its view).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHarness, ROOT } from '../lib/harness.mjs';
import { openPage, waitForWidgets } from '../lib/browser.mjs';
import { PAYLOADS } from '../lib/xss-payloads.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

const ROSE = JSON.parse(readFileSync(resolve(ROOT, 'e2e/fixtures/rose-clinic.json'), 'utf8'));
const PER_PAGE = 6;
const batches = [];
for (let i = 0; i < PAYLOADS.length; i += PER_PAGE) batches.push(PAYLOADS.slice(i, i + PER_PAGE));

/** The Rose clinic with `p` in every text a clinic writes, its booking link, phone and font. */
function hostile(p) {
  const c = structuredClone(ROSE);
  c.clinicName = p;
  c.booking = { url: p, phone: p };
  c.theme.font = p;
  c.treatmentNames = { 'rf-microneedling': p };
  const own = c.customTreatments[0];
  own.name = { en: p, es: p };
  own.summary = p;
  own.details = [{ title: p, text: p }];
  c.locations[0].name = p;
  c.locations[1].booking = { url: p };
  c.pricing.packages[0].name = p;
  c.pricing.tax.label = p;
  c.pricing.sourceNote = p;
  c.pricing.priceSources = [{ item: p, figure: p, source: p }];
  c.pricing.addOns = [{ id: 'serum', name: p, perSession: 40 }];
  c.pricing.treatments['glow-facial'].addOns = ['serum'];
  c.copy = { en: { 'home.estimate': p, 'booking.button': p, 'estimate.disclaimer': p } };
  return c;
}

/** Everything that must hold on a page after hostile input; returns what does not. */
const audit = (page) => page.evaluate(() => {
  const issues = [];
  if (window.__xss) issues.push('a payload ran (window.__xss)');
  const forbidden = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'BASE', 'LINK', 'META', 'STYLE', 'VIDEO', 'MARQUEE', 'MATH', 'BODY', 'TEXTAREA']);
  // The widget's own pictures are SVG: only these classes at the top, only these shapes inside.
  const ownPictures = new Set(['tw-timeline-svg', 'tw-tl-key', 'tw-downtime-scale', 'tw-qc-svg', 'tw-qc-axis', 'tw-skin-axis', 'tw-skin-axis-plot', 'tw-skin-svg', 'tw-skin-plot']);
  const pictureParts = new Set(['title', 'g', 'rect', 'line', 'circle', 'text', 'tspan']);
  for (const el of document.querySelectorAll('treatment-widget')) {
    const root = el.shadowRoot?.querySelector('.tw-root');
    if (!root) { issues.push(`${el.id}: no widget rendered`); continue; }
    for (const node of el.shadowRoot.querySelectorAll('*')) {
      if (forbidden.has(node.tagName.toUpperCase())) issues.push(`${el.id}: a <${node.tagName.toLowerCase()}> element`);
      if (node.tagName.toLowerCase() === 'svg' && !ownPictures.has(node.getAttribute('class'))) issues.push(`${el.id}: an <svg> that is not one of the widget's pictures`);
      if (node.closest('svg') && node.tagName.toLowerCase() !== 'svg' && !pictureParts.has(node.tagName.toLowerCase())) issues.push(`${el.id}: a <${node.tagName}> inside a picture`);
      for (const a of node.attributes) {
        if (a.name.startsWith('on')) issues.push(`${el.id}: ${node.tagName} has ${a.name}`);
        if (node.tagName === 'FORM' && a.name === 'action') issues.push(`${el.id}: a form with an action`);
        if (a.name === 'style') issues.push(`${el.id}: ${node.tagName} has a style attribute`);
        if (['href', 'src', 'action', 'formaction'].includes(a.name) && !/^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost)[:/]|tel:\+?\d+$|#)/i.test(a.value)) {
          issues.push(`${el.id}: ${node.tagName} ${a.name}="${a.value.slice(0, 60)}"`);
        }
      }
    }
    if (root.scrollWidth > root.clientWidth + 1) issues.push(`${el.id}: ${root.scrollWidth}px wide in ${root.clientWidth}px`);
  }
  return issues;
});

/** A page at phone width with one widget per config, opened at `hash`. */
async function open(configs, hash, { init, initArg } = {}) {
  const opened = await openPage(h.browser, { width: 390, height: 844 });
  const dialogs = [];
  opened.page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  if (init) await opened.page.addInitScript(init, initArg);
  await opened.page.goto(`${h.site}/fixtures/empty.html${hash}`);
  await opened.page.evaluate((list) => {
    const slot = document.querySelector('#slot');
    slot.style.width = '350px';
    slot.style.left = '20px';
    list.forEach((config, i) => {
      const el = document.createElement('treatment-widget');
      el.id = `w${i}`;
      el.setAttribute('loading', 'eager'); // every one is audited, not only those in view
      if (config) {
        const s = document.createElement('script');
        s.type = 'application/json';
        s.textContent = JSON.stringify(config);
        el.append(s);
      }
      slot.append(el);
    });
  }, configs);
  await waitForWidgets(opened.page, configs.length);
  await opened.page.waitForTimeout(100);
  return { ...opened, dialogs };
}

const VIEWS = ['', 'treatments', 'treatment/glow-facial', 'compare/glow-facial,rf-microneedling', 'estimate/t=glow-facial;l=harbor;x=serum', 'sources'];

describe('hostile strings in every text of the config', () => {
  it(`${PAYLOADS.length} payloads, each in every field, on every view: nothing runs, nothing injected, layout holds`, async () => {
    assert.ok(PAYLOADS.length >= 50);
    for (const batch of batches) {
      for (const view of VIEWS) {
        const hash = view ? `#${batch.map((_, i) => `w${i}=${view}`).join('&')}` : '';
        const { page, context, dialogs, problems } = await open(batch.map(hostile), hash);
        const issues = await audit(page);
        assert.deepEqual(issues, [], `view "${view}", payloads ${JSON.stringify(batch.map((p) => p.slice(0, 30)))}`);
        assert.deepEqual(dialogs, []);
        assert.deepEqual(problems.filter((p) => !p.startsWith('warning: [treatment-widget]')), [], 'only the config warnings');
        await context.close();
      }
    }
  });

  it('a name that is plain text is shown exactly as written, as text', async () => {
    const names = ['<b>Rose</b> & "Co"', '&lt;Rose&gt; &amp; Co', 'Clínica مركز 😀', '{clinic} ${x}'];
    const { page, context } = await open(names.map((n) => ({ ...ROSE, clinicName: n })), '');
    for (const [i, name] of names.entries()) {
      assert.equal(await page.locator(`#w${i} .tw-eyebrow`).first().textContent(), name);
    }
    assert.deepEqual(await audit(page), []);
    await context.close();
  });
});

describe('hostile strings in links and storage', () => {
  const forms = [
    (p) => p,
    (p) => `treatment/${p}`,
    (p) => `compare/${p},botox`,
    (p) => `estimate/${p}`,
    (p) => `estimate/t=glow-facial;a=${p};s=${p}`,
    (p) => `estimate/t=glow-facial;x=${p};p=${p};f=${p};d=${p};e=${p}`,
  ];
  it('in the URL fragment and share links: each widget still lands on a working view', async () => {
    for (const [b, batch] of batches.entries()) {
      const hash = `#${batch.map((p, i) => `w${i}=${encodeURIComponent(forms[(i + b) % forms.length](p))}`).join('&')}`;
      const { page, context, dialogs, problems } = await open(batch.map(() => ROSE), hash);
      assert.deepEqual(await audit(page), [], hash.slice(0, 200));
      // Working, not only drawn: each widget answers a click (a tile opens a view with Back, or
      // Back returns to the tiles).
      for (const i of batch.keys()) {
        const w = page.locator(`#w${i}`);
        await w.getByRole('heading', { level: 3 }).first().waitFor();
        if (await w.locator('.tw-back').count()) {
          await w.locator('.tw-back').click();
          await w.locator('.tw-tile').first().waitFor();
        } else {
          await w.locator('.tw-tile').first().click();
          await w.locator('.tw-back').waitFor();
        }
      }
      assert.deepEqual(dialogs, []);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('in stored state: the estimate opens, and the garbage is forgotten', async () => {
    // What a widget with nothing stored opens on and remembers: the garbage must change neither.
    const stored = (page, i) => page.evaluate((k) => localStorage.getItem(k), `treatment-widget:v1:estimate:w${i}`);
    const totalOf = (page, i) => page.locator(`#w${i} .tw-total-figure`).first().textContent();
    const clean = await open([ROSE], '#w0=estimate');
    await clean.page.locator('#w0 .tw-total-figure').first().waitFor();
    await clean.page.waitForFunction(() => localStorage.getItem('treatment-widget:v1:estimate:w0'));
    const cleanStored = await stored(clean.page, 0);
    const cleanTotal = await totalOf(clean.page, 0);
    assert.equal(JSON.parse(cleanStored).v, 1);
    assert.match(cleanTotal, /\$\d/);
    await clean.context.close();
    for (const batch of batches) {
      const { page, context, dialogs, problems } = await open(batch.map(() => ROSE), `#${batch.map((_, i) => `w${i}=estimate`).join('&')}`, {
        init: (list) => {
          list.forEach((p, i) => {
            localStorage.setItem(`treatment-widget:v1:estimate:w${i}`, i % 2 ? p : JSON.stringify({ v: 1, params: p }));
          });
        },
        initArg: batch,
      });
      assert.deepEqual(await audit(page), []);
      for (const i of batch.keys()) {
        await page.locator(`#w${i}`).getByRole('heading', { name: /See what a course costs|Estimate the cost/, level: 3 }).first().waitFor();
        // The estimate is the one a clean device gets, and the garbage was replaced by it.
        assert.equal(await totalOf(page, i), cleanTotal, `w${i}`);
        await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith('{"v":1'), `treatment-widget:v1:estimate:w${i}`);
        assert.equal(await stored(page, i), cleanStored, `w${i}`);
      }
      assert.deepEqual(dialogs, []);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
