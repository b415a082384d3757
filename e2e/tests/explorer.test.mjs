// The treatment explorer (issue 3), end to end against the release dist/: every view, deep links
// and Back, the concern finder, the comparison, the private candidate check, accessibility.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { startHarness } from '../lib/harness.mjs';
import { openPage, waitForWidgets } from '../lib/browser.mjs';
import { VIEWS } from '../lib/views.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

async function open(hash = '', width = 1100) {
  const opened = await openPage(h.browser, { width, height: 900 });
  await opened.page.goto(`${h.site}/fixtures/plain-fluid.html${hash ? `#tw=${hash}` : ''}`);
  await waitForWidgets(opened.page, 1);
  return { ...opened, w: opened.page.locator('treatment-widget') };
}

describe('every view', () => {
  for (const width of [320, 360, 1100]) {
    for (const view of VIEWS) {
      it(`${view.name} at ${width}px: no axe violations (WCAG 2.1 A/AA), no horizontal scroll, the disclaimer`, async () => {
        const { page, w, problems, context } = await open(view.hash, width);
        if (view.act) await view.act(w);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(summary, []);
        const overflow = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - window.innerWidth,
          widget: (() => { const r = document.querySelector('treatment-widget').shadowRoot.querySelector('.tw-root'); return r.scrollWidth - r.clientWidth; })(),
        }));
        assert.deepEqual(overflow, { page: 0, widget: 0 }, 'no horizontal scrolling');
        // Headings in order: the guide's title (h2), the view's (h3), its sections (h4), never a
        // level skipped on the way down.
        const levels = await w.evaluate((el) => [...el.shadowRoot.querySelectorAll('h1, h2, h3, h4, h5, h6')]
          .filter((hd) => hd.getClientRects().length > 0 || hd.closest('.tw-visually-hidden'))
          .map((hd) => Number(hd.tagName[1])));
        assert.equal(levels[0], 2, 'the first heading is the guide\'s title');
        const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1);
        assert.deepEqual(skips, [], `heading levels in order: ${levels.join(' ')}`);
        await w.getByText('Information, not medical advice.').waitFor();
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
});

describe('the opening view', () => {
  it('fits the reserved height at every width from 320 to 1200 px', async () => {
    const { page, context } = await openPage(h.browser, { width: 1200, height: 900 });
    await page.goto(`${h.site}/fixtures/plain-fluid.html`);
    await waitForWidgets(page, 1);
    const misfits = [];
    for (let width = 320; width <= 1200; width += 20) {
      await page.setViewportSize({ width: width + 16, height: 900 });
      const r = await page.locator('treatment-widget').evaluate((el) => {
        const root = el.shadowRoot.querySelector('.tw-root');
        return { height: root.getBoundingClientRect().height, min: parseFloat(getComputedStyle(root).minHeight) };
      });
      if (r.height > r.min + 0.5) misfits.push(`${width}px: ${r.height} > ${r.min}`);
    }
    assert.deepEqual(misfits, []);
    await context.close();
  });
});

describe('deep links and Back', () => {
  it('open a treatment directly, navigate, and come back with the browser', async () => {
    const { page, w, context } = await open('treatment/rf-microneedling');
    await w.getByRole('heading', { name: 'RF microneedling', level: 3 }).waitFor();
    await w.getByRole('button', { name: 'All treatments' }).click();
    await w.getByRole('heading', { name: 'Treatments', level: 3 }).waitFor();
    assert.match(page.url(), /#tw=treatments$/);
    await page.goBack();
    await w.getByRole('heading', { name: 'RF microneedling', level: 3 }).waitFor();
    await page.goForward();
    await w.getByRole('heading', { name: 'Treatments', level: 3 }).waitFor();
    await context.close();
  });

  it('open a comparison directly', async () => {
    const { w, context } = await open('compare/botox,chemical-peel');
    const headers = await w.locator('table thead th').allTextContents();
    assert.deepEqual(headers.map((t) => t.replace('Offered here', '').trim()), ['Botox', 'Chemical peel']);
    await context.close();
  });

  it('an unknown treatment in a link lands on the list', async () => {
    const { w, context } = await open('treatment/no-such-thing');
    await w.getByRole('heading', { name: 'Treatments', level: 3 }).waitFor();
    await context.close();
  });
});

describe('find by concern', () => {
  it('ranks treatments for the picked concerns, with a reason each, and keeps the picks out of the URL', async () => {
    const { page, w, context } = await open('concerns');
    const url = page.url();
    await w.getByRole('checkbox', { name: 'Thinning hair' }).check();
    await w.getByText(/treatments? suits? this concern/).waitFor();
    const first = w.locator('.tw-result').first();
    assert.equal((await first.locator('.tw-result-name').textContent()).trim(), 'Scalp microneedling');
    assert.ok((await first.locator('.tw-result-reason').textContent()).length > 20, 'a one-line reason');
    await w.getByRole('checkbox', { name: 'Stretch marks' }).check();
    await w.getByText(/suit at least one of your 2 concerns/).waitFor();
    assert.equal(page.url(), url, 'concerns are not written to the URL');
    await first.locator('.tw-result-name').click();
    await w.getByRole('heading', { level: 3 }).filter({ hasText: 'microneedling' }).waitFor();
    await context.close();
  });
});

describe('compare', () => {
  it('is a table with column and row headers on wide widgets and stacked cards on narrow ones', async () => {
    const wide = await open('compare/professional-microneedling,at-home-microneedling', 1100);
    assert.equal(await wide.w.locator('table th[scope=col]').count(), 2);
    assert.ok(await wide.w.locator('table th[scope=row]').count() >= 6);
    assert.ok(await wide.w.locator('table').isVisible());
    assert.ok(!(await wide.w.locator('.tw-compare-cards').isVisible()));
    await wide.context.close();
    const narrow = await open('compare/professional-microneedling,at-home-microneedling', 360);
    assert.ok(!(await narrow.w.locator('table').isVisible()));
    assert.equal(await narrow.w.locator('.tw-compare-card').count(), 2);
    for (const card of await narrow.w.locator('.tw-compare-card').all()) assert.ok(await card.isVisible());
    await narrow.context.close();
  });

  it('lets the visitor pick two to four treatments, saying why a control cannot be used yet', async () => {
    const { page, w, context } = await open('compare');
    const button = w.getByRole('button', { name: 'Compare', exact: true });
    const count = w.getByRole('status').filter({ hasText: 'chosen' });
    // Not disabled (still reachable by keyboard), but marked so and pointing at the count.
    assert.equal(await button.getAttribute('aria-disabled'), 'true');
    assert.equal(await count.textContent(), '0 of 4 chosen: choose at least two to compare.');
    assert.equal(await button.getAttribute('aria-describedby'), await count.getAttribute('id'));
    await button.click({ force: true }); // (playwright will not click an aria-disabled button unless told)
    assert.match(page.url(), /#tw=compare$/, 'nothing happens with fewer than two');
    for (const name of ['Botox', 'Chemical peel', 'Laser resurfacing', 'Microdermabrasion']) {
      await w.getByRole('checkbox', { name }).check();
    }
    assert.equal(await count.textContent(), '4 of 4 chosen: untick one to choose another.');
    const fifth = w.getByRole('checkbox', { name: 'RF microneedling' });
    assert.equal(await fifth.getAttribute('aria-disabled'), 'true', 'four is the limit');
    await fifth.click({ force: true });
    assert.equal(await fifth.isChecked(), false, 'a fifth cannot be ticked');
    assert.equal(await button.getAttribute('aria-disabled'), null);
    await button.click();
    await w.locator('table').waitFor();
    assert.match(page.url(), /#tw=compare\/botox,chemical-peel,laser-resurfacing,microdermabrasion$/);
    await context.close();
  });
});

describe('am I a candidate?', () => {
  it('flags treatments with reasons, and the answers never leave the page', async () => {
    const opened = await openPage(h.browser, { width: 1100, height: 900 });
    const { page, context } = opened;
    await page.addInitScript(() => {
      window.__leaks = [];
      for (const store of [localStorage, sessionStorage]) {
        const set = store.setItem.bind(store);
        store.setItem = (k, v) => { window.__leaks.push(`storage ${k}=${v}`); set(k, v); };
      }
      const dispatch = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function (e) {
        if (e.type.startsWith('treatment-widget:')) window.__leaks.push(`event ${e.type} ${JSON.stringify(e.detail)}`);
        return dispatch.call(this, e);
      };
      document.cookie; // (cookies are read below)
    });
    await page.goto(`${h.site}/fixtures/plain-fluid.html#tw=candidate`);
    await waitForWidgets(page, 1);
    const w = page.locator('treatment-widget');
    await page.evaluate(() => { window.__leaks = []; });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = page.url();

    await w.getByText(/your answers stay in this page only/).waitFor();
    await w.getByRole('group', { name: 'Are you pregnant?' }).getByRole('radio', { name: 'Yes' }).check();
    await w.getByRole('group', { name: /keloids/ }).getByRole('radio', { name: 'No' }).check();
    // Pregnancy, from the sources: not while for the nine kinds of microneedling and Botox; check
    // first for peels, laser and microdermabrasion. 19 questions, 2 answered.
    await w.getByText('From your answers: 10 treatments not advised while it applies; 3 treatments to check with a professional first. 17 questions are still unanswered.', { exact: false }).waitFor();
    const flags = await w.locator('.tw-flag').allTextContents();
    assert.ok(flags.some((f) => /Professional microneedling/.test(f) && /pregnan/i.test(f)), flags.join('\n'));

    assert.equal(page.url(), url, 'answers are not in the URL');
    assert.deepEqual(requests, [], 'no request was made');
    assert.deepEqual(await page.evaluate(() => window.__leaks), [], 'no storage write, no event');
    assert.equal(await page.evaluate(() => document.cookie), '');

    // Answering no to everything is not an all-clear: the summary says the list is not complete.
    for (const group of await w.locator('.tw-question').all()) await group.getByRole('radio', { name: 'No' }).check();
    await w.getByText('None of your answers so far is among the cautions listed here. These questions do not cover every reason a treatment may not suit you', { exact: false }).waitFor();
    await w.getByRole('button', { name: 'Clear my answers' }).click();
    await w.getByText(/Answer any of the questions/).waitFor();
    await context.close();
  });
});

describe('keyboard', () => {
  it('reaches a tile, opens it, and lands on the new heading; disclosures report their state', async () => {
    const { page, w, context } = await open();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10; i++) {
      const name = await page.evaluate(() => document.querySelector('treatment-widget').shadowRoot.activeElement?.textContent ?? '');
      if (name.startsWith('Questions')) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.querySelector('treatment-widget').shadowRoot.activeElement?.textContent);
    assert.equal(focused, 'Questions and answers');
    const first = w.locator('.tw-disclosure-button').first();
    assert.equal(await first.getAttribute('aria-expanded'), 'false');
    await first.focus();
    await page.keyboard.press('Space');
    assert.equal(await first.getAttribute('aria-expanded'), 'true');
    assert.ok(await w.locator('.tw-disclosure-panel').first().isVisible());
    await context.close();
  });
});

describe('two widgets on one page', () => {
  it('keep their own part of the URL fragment, and Back walks each one back', async () => {
    const { page, context } = await openPage(h.browser, { width: 1100, height: 900 });
    await page.goto(`${h.site}/fixtures/two.html`);
    await waitForWidgets(page, 2);
    const a = page.locator('#a');
    const b = page.locator('#b');
    await a.getByRole('button', { name: /^Myths and facts/ }).click();
    await a.getByRole('heading', { name: 'Myths and facts', level: 3 }).waitFor();
    await b.getByRole('button', { name: /^Questions/ }).click();
    await b.getByRole('heading', { name: 'Questions and answers', level: 3 }).waitFor();
    assert.match(page.url(), /#a=myths&b=faq$/);
    await page.goBack();
    await b.getByRole('heading', { name: 'Guide contents', level: 3 }).waitFor({ state: 'attached' });
    assert.equal(await a.getByRole('heading', { level: 3 }).first().textContent(), 'Myths and facts', 'a did not move');
    assert.match(page.url(), /#a=myths$/);
    await context.close();
  });
});

describe('downtime at a glance', () => {
  it("each treatment's scale fills as many steps as its level in the catalog, with the level in words beside it", async () => {
    const { readFileSync } = await import('node:fs');
    const catalog = JSON.parse(readFileSync(new URL('../../content/catalog.json', import.meta.url), 'utf8'));
    const steps = { none: 0, 'very-low': 1, low: 2, medium: 3, high: 4 };
    const words = { none: 'None', 'very-low': 'Very low', low: 'Low', medium: 'Medium', high: 'High' };
    const { page, w, context } = await open('treatments');
    for (const tr of catalog.treatments) {
      await page.evaluate((id) => { location.hash = `tw=treatment/${id}`; }, tr.id);
      await w.getByRole('heading', { name: tr.name, level: 3 }).waitFor();
      const scale = await w.locator('.tw-downtime').first().evaluate((el) => ({
        steps: el.dataset.steps,
        filled: el.querySelectorAll('.tw-downtime-on').length,
        all: el.querySelectorAll('.tw-downtime-step').length,
        hidden: el.querySelector('svg').getAttribute('aria-hidden'),
        text: el.textContent.trim(),
      }));
      assert.deepEqual(scale, { steps: String(steps[tr.downtime]), filled: steps[tr.downtime], all: 4, hidden: 'true', text: words[tr.downtime] }, tr.id);
    }
    await context.close();
  });
});

describe('needle depth against the skin', () => {
  // Figures worked from the catalog here, not by the widget: millimetres to the hundredth from
  // micrometres, each needle's place its depth over the axis's end.
  const mm = (hundredths) => `${(hundredths / 100).toFixed(2).replace(/\.?0+$/, '')} mm`;
  const mmRange = (a, b) => (a === b ? mm(a) : `${mm(a).slice(0, -3)}–${mm(b)}`);
  const umRange = (a, b) => mmRange(Math.round(a / 10), Math.round(b / 10));
  const read = (figure) => figure.evaluate((fig) => ({
    role: fig.getAttribute('role'),
    name: fig.getAttribute('aria-label'),
    end: Number(fig.dataset.endUm),
    needles: [...fig.querySelectorAll('.tw-skin-needle')].map((g) => ({
      min: Number(g.dataset.min), max: Number(g.dataset.max), current: g.classList.contains('tw-skin-current'),
      top: parseFloat(g.querySelector('.tw-skin-reach').getAttribute('y1')), bottom: parseFloat(g.querySelector('.tw-skin-reach').getAttribute('y2')),
    })),
    numbers: [...fig.querySelectorAll('.tw-skin-number')].map((n) => n.textContent),
    edges: [...fig.querySelectorAll('.tw-skin-edge')].map((l) => parseFloat(l.getAttribute('y1'))),
    epidermis: parseFloat(fig.querySelector('.tw-skin-epidermis').getAttribute('height')),
    ticks: [...fig.querySelectorAll('.tw-skin-tick')].map((g) => ({ um: Number(g.dataset.um), at: parseFloat(g.querySelector('line').getAttribute('y1')), label: g.querySelector('text').textContent })),
    layers: [...fig.querySelectorAll('.tw-skin-layer-name')].map((n) => n.textContent),
    key: [...fig.parentElement.querySelectorAll('.tw-skin-needles li')].map((li) => li.textContent),
    keyLayers: [...fig.parentElement.querySelectorAll('.tw-skin-layers li')].map((li) => li.textContent),
  }));

  it("each face treatment's page draws its needle beside at home, in a clinic and RF, at the catalog's depths and to scale on the measured skin", async () => {
    const { readFileSync } = await import('node:fs');
    const catalog = JSON.parse(readFileSync(new URL('../../content/catalog.json', import.meta.url), 'utf8'));
    const byId = Object.fromEntries(catalog.treatments.map((t) => [t.id, t]));
    const { face, concerns } = catalog.skin;
    const [epiLo, epiHi] = face.epidermis_um;
    const [derLo, derHi] = face.dermis_um;
    const inDermis = concerns.filter((c) => c.layer === 'dermis').map((c) => catalog.concerns.find((k) => k.id === c.concern).name);
    assert.deepEqual([...inDermis].sort(), ['Acne scars', 'Fine lines and wrinkles', 'Stretch marks'], 'the three concerns the issue names sit in the dermis');
    const { page, w, problems, context } = await open('treatments');
    let drawn = 0;
    for (const tr of catalog.treatments) {
      await page.evaluate((id) => { location.hash = `tw=treatment/${id}`; }, tr.id);
      await w.getByRole('heading', { name: tr.name, level: 3 }).waitFor();
      const figure = w.locator('.tw-skin-figure');
      if (!tr.needle_depth || !tr.areas.includes('face')) {
        // No needles, or skin that is not the face's (scalp, body): no picture of facial skin.
        assert.equal(await figure.count(), 0, `${tr.id} draws no facial skin`);
        continue;
      }
      drawn += 1;
      const others = ['at-home-microneedling', 'professional-microneedling', 'rf-microneedling'].filter((id) => id !== tr.id);
      const shown = [tr, ...others.map((id) => byId[id])];
      const got = await read(figure);
      // The needles are the catalog's, this treatment first and marked.
      assert.deepEqual(got.needles.map((n) => [n.min, n.max, n.current]), shown.map((t, i) => [t.needle_depth.min_hundredths_mm, t.needle_depth.max_hundredths_mm, i === 0]), tr.id);
      assert.deepEqual(got.numbers, shown.map((_, i) => String(i + 1)));
      // The key says the same figures in words.
      const lines = shown.map((t, i) => `${i + 1}. ${t.name}${i === 0 ? ' (this treatment)' : ''}: ${mmRange(t.needle_depth.min_hundredths_mm, t.needle_depth.max_hundredths_mm)}`);
      assert.deepEqual(got.key, lines);
      assert.deepEqual(got.keyLayers, [
        `Epidermis, the outer layer: ${umRange(epiLo, epiHi)} thick`,
        `Dermis, beneath it: ${umRange(derLo, derHi)} thick`,
        'Shaded band: where the dermis ended across the face in one study; yours may differ',
        'Fat: beneath the dermis',
        `In the dermis: ${inDermis.join('; ')}.`,
      ]);
      assert.deepEqual(got.layers, ['Epidermis', 'Dermis', 'Fat']);
      // To scale: a half-millimetre axis just deeper than the deepest mark, each needle and
      // layer edge at its depth's share of it.
      const deepest = Math.max(...shown.map((t) => t.needle_depth.max_hundredths_mm * 10), epiHi + derHi);
      const end = (Math.floor(deepest / 500) + 1) * 500;
      assert.equal(got.end, end);
      assert.deepEqual(got.ticks.map((t) => t.um), Array.from({ length: end / 500 + 1 }, (_, k) => k * 500));
      got.ticks.forEach((t) => { assert.ok(Math.abs(t.at - (t.um / end) * 100) < 0.01); assert.equal(t.label, mmRange(t.um / 10, t.um / 10)); });
      const at = (um) => (um / end) * 100;
      got.needles.forEach((n) => { assert.ok(Math.abs(n.top - at(n.min * 10)) < 0.01 && Math.abs(n.bottom - at(n.max * 10)) < 0.01, `${tr.id}: a needle at its depth`); });
      assert.ok(Math.abs(got.edges[0] - at(epiLo + derLo)) < 0.01 && Math.abs(got.edges[1] - at(epiHi + derHi)) < 0.01, 'the dermis ends in its measured band');
      assert.ok(Math.abs(got.epidermis - at(epiHi)) < 0.01, 'the epidermis as thick as measured');
      // One picture for assistive technology, its name holding every figure the key shows.
      assert.equal(got.role, 'img');
      assert.equal(got.name, `Needle length or depth setting against facial skin, drawn to scale: epidermis ${umRange(epiLo, epiHi)} thick; beneath it, dermis ${umRange(derLo, derHi)} thick; then fat. ${lines.join('; ')}. In the dermis: ${inDermis.join('; ')}.`);
      // Its sources are on the page.
      const sources = await w.locator('.tw-skin-depth .tw-sources-line').textContent();
      for (const id of [face, catalog.skin.note, ...concerns].flatMap((f) => (f.fact ?? f).sources)) {
        assert.ok(sources.includes(catalog.sources.find((s) => s.id === id).title), `${tr.id}: source ${id} named`);
      }
    }
    assert.equal(drawn, 7, 'every microneedling treatment for the face (not the scalp or stretch marks)');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('compare draws the compared treatments that use needles on the face, and only those', async () => {
    const { w, problems, context } = await open('compare/at-home-microneedling,chemical-peel,rf-microneedling,scalp-microneedling');
    const got = await read(w.locator('.tw-skin-figure'));
    assert.deepEqual(got.needles.map((n) => [n.min, n.max, n.current]), [[25, 50, false], [50, 200, false]]);
    assert.deepEqual(got.key, ['1. At-home microneedling (derma rolling): 0.25–0.5 mm', '2. RF microneedling: 0.5–2 mm']);
    // Nothing deeper than 2.032 mm (the dermis's deepest end), so the axis ends at 2.5 mm.
    assert.equal(got.end, 2500);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
