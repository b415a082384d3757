// The embed and explorer journeys, one test code run in every browser we can test here: Chromium
// (playwright-core) and Firefox ESR (puppeteer-core over WebDriver BiDi), through lib/drivers.mjs.
// What runs where is listed in the README ("What is tested where").
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { startHarness } from '../lib/harness.mjs';
import { BROWSERS, launchDriver } from '../lib/drivers.mjs';
import { pixelChanges } from '../lib/pixels.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

for (const name of BROWSERS) {
  describe(`in ${name}`, () => {
    let driver;
    before(async () => { driver = await launchDriver(name); });
    after(async () => { await driver?.close(); });

    const open = async (path, { hash = '', width = 1100, height = 900, init } = {}) => {
      const page = await driver.newPage({ width, height });
      if (init) await page.init(init);
      await page.goto(`${h.site}/fixtures/${path}${hash ? `#tw=${hash}` : ''}`);
      return page;
    };

    it('the driver hears console errors, warnings and uncaught errors (so "no errors" below means none)', async () => {
      const page = await open('empty.html');
      await page.evaluate(() => {
        console.error('an error');
        console.warn('a warning');
        setTimeout(() => { throw new Error('uncaught'); });
      });
      await page.waitFor(() => new Promise((done) => setTimeout(() => done(true), 50)));
      assert.equal(page.problems.length, 3, page.problems.join('\n'));
      assert.match(page.problems.join('\n'), /an error[\s\S]*a warning[\s\S]*uncaught/);
      await page.close();
    });

    it('the snippet on a plain page: ready once, explore, Back, no console errors', async () => {
      const page = await open('plain.html', {
        init: () => {
          window.__ready = [];
          document.addEventListener('treatment-widget:ready', (e) => window.__ready.push(e.detail));
        },
      });
      await page.waitForWidgets(1);
      assert.deepEqual(await page.evaluate(() => window.__ready), [{ configSource: 'default', usedFallback: false }]);
      assert.deepEqual(await page.texts({ css: '.tw-eyebrow' }), ['Juniper Skin Studio']);
      await page.click({ css: 'button', text: 'Treatments' });
      await page.click({ css: 'button', text: 'Professional microneedling' });
      await page.waitText({ css: 'h3', text: 'Professional microneedling' });
      assert.match(await page.url(), /#tw=treatment\/professional-microneedling$/);
      assert.equal(await page.focused(), 'H3 Professional microneedling', 'the new view takes focus at its heading');
      await page.back();
      await page.waitText({ css: 'h3', text: 'Treatments' });
      // The page's own styles are untouched: one sheet (the fixture's), nothing adopted.
      assert.deepEqual(await page.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length]), [1, 0]);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    it('keyboard only: Tab to a tile, Enter, and focus lands on the new heading', async () => {
      const page = await open('plain.html');
      await page.waitForWidgets(1);
      let presses = 0;
      for (; presses < 15; presses++) {
        await page.press('Tab');
        if ((await page.focused())?.startsWith('BUTTON Questions')) break;
      }
      assert.ok(presses < 15, 'the Questions tile is reachable with Tab');
      await page.press('Enter');
      await page.waitText({ css: 'h3', text: 'Questions and answers' });
      assert.equal(await page.focused(), 'H3 Questions and answers');
      await page.close();
    });

    it('keyboard only, explore → compare → candidate check → estimate → book: focus always on something, the key presses counted', async () => {
      const page = await open('plain-fluid.html', {
        init: () => {
          // Book leaves the page: record where it would go instead of leaving.
          document.addEventListener('click', (e) => {
            const link = e.composedPath()[0].closest?.('a');
            if (link?.href.includes('juniper-skin.example')) { e.preventDefault(); window.__booked = link.href; }
          }, true);
        },
      });
      await page.waitForWidgets(1);
      let presses = 0;
      const key = async (k) => { presses++; await page.press(k); };
      const steps = [];
      const tab = async (pattern) => { const n = await page.tabTo(pattern); presses += n; steps.push(`${n} to ${pattern.source}`); };
      const back = async (pattern) => { const n = await page.tabTo(pattern, { back: true }); presses += n; steps.push(`${n} back to ${pattern.source}`); };
      const lands = async (heading) => {
        await page.waitText({ css: 'h3', text: heading });
        assert.equal(await page.focused(), `H3 ${heading}`, 'focus moves to the new view\'s heading');
      };

      // Explore: a treatment's page from the list.
      await tab(/^BUTTON Treatments/); await key('Enter'); await lands('Treatments');
      await tab(/^BUTTON RF microneedling/); await key('Enter'); await lands('RF microneedling');
      // Compare it with another, picked with Space.
      await tab(/^BUTTON Compare with other treatments/); await key('Enter'); await lands('Compare treatments');
      await tab(/^INPUT Chemical peel/); await key('Space');
      await tab(/^BUTTON Compare/); await key('Enter');
      const headers = await page.waitText({ css: 'table thead th' });
      assert.deepEqual(headers.map((t) => t.replace('Offered here', '').trim()), ['RF microneedling', 'Chemical peel']);
      // The candidate check: one answer, by arrow key within the group.
      await back(/^BUTTON ← Guide home/); await key('Enter');
      await tab(/^BUTTON Am I a candidate/); await key('Enter'); await lands('Am I a candidate?');
      await tab(/^INPUT Are you pregnant\? /); await key('ArrowDown');
      assert.match(await page.focused(), /^INPUT Are you pregnant\? No/);
      await page.waitText({ css: '.tw-live', text: 'None of your answers so far is among the cautions' });
      // The estimate, and book.
      await back(/^BUTTON ← Guide home/); await key('Enter');
      await tab(/^BUTTON Estimate the cost of a course/); await key('Enter'); await lands('Estimate the cost of a course');
      // Past the form's controls to the figures, then Book.
      await tab(/^BUTTON Skip to your estimate/); await key('Enter');
      assert.equal(await page.focused(), 'H4 Your estimate');
      await tab(/^A Book a consultation/); await key('Enter');
      await page.waitFor(() => typeof window.__booked === 'string');
      assert.match(await page.evaluate(() => window.__booked), /^https:\/\/juniper-skin\.example\/book-consultation\?treatment=/);
      console.log(`${driver.name}: explore, compare, candidate check, estimate and book in ${presses} key presses (Tab: ${steps.join(", ")})`);
      assert.ok(presses <= 60, `${presses} key presses`);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    it('a comparison from a link: a table with a column per treatment', async () => {
      const page = await open('plain-fluid.html', { hash: 'compare/botox,chemical-peel' });
      await page.waitForWidgets(1);
      const headers = await page.waitText({ css: 'table thead th' });
      assert.deepEqual(headers.map((t) => t.replace('Offered here', '').trim()), ['Botox', 'Chemical peel']);
      await page.close();
    });

    it('the candidate check: flags with reasons, and the answers never leave the page', async () => {
      const page = await open('plain-fluid.html', {
        hash: 'candidate',
        init: () => {
          window.__leaks = [];
          for (const store of [localStorage, sessionStorage]) {
            const set = store.setItem.bind(store);
            store.setItem = (k, v) => { window.__leaks.push(`storage ${k}=${v}`); set(k, v); };
          }
          for (const type of ['estimate', 'book', 'ready', 'error']) {
            document.addEventListener(`treatment-widget:${type}`, (e) => {
              if (type !== 'ready') window.__leaks.push(`event ${type} ${JSON.stringify(e.detail)}`);
            });
          }
        },
      });
      await page.waitForWidgets(1);
      await page.evaluate(() => { window.__leaks = []; });
      const url = await page.url();
      // The first question is pregnancy; its "Yes" is the first radio.
      await page.waitText({ css: 'legend', text: 'Are you pregnant?' });
      await page.click({ css: 'fieldset:has(legend) label', text: 'Yes' });
      await page.waitText({ css: '.tw-flag' });
      const flags = await page.texts({ css: '.tw-flag' });
      assert.ok(flags.some((f) => /Professional microneedling/.test(f) && /pregnan/i.test(f)), flags.join('\n'));
      assert.ok(flags.some((f) => /Botox/.test(f)), 'Botox is flagged in pregnancy');
      assert.equal(await page.url(), url, 'answers are not in the URL');
      assert.deepEqual(await page.evaluate(() => window.__leaks), [], 'no storage write, no event');
      assert.equal(await page.evaluate(() => document.cookie), '');
      await page.close();
    });

    it('the estimate: a concern, financing, a total and a booking link with the choices', async () => {
      const page = await open('plain-fluid.html');
      await page.waitForWidgets(1);
      await page.click({ css: 'button', text: 'Estimate the cost of a course' });
      await page.select('Your main concern', 'acne-scars');
      await page.select('Spread the cost', 'promo-12');
      // The demo price book: $150-$700 a session, 3 sessions for acne scars; 12 payments at 0 %.
      await page.waitFor(() => document.querySelector('treatment-widget').shadowRoot
        .querySelector('.tw-total-figure')?.textContent.replace(/\u00a0/g, ' ') === '$450.00 – $2,100.00');
      const terms = await page.waitText({ css: '.tw-finance-terms dd' });
      assert.ok(terms.map((t) => t.replace(/\u00a0/g, ' ')).includes('12 monthly payments of $37.50 – $175.00'), terms.join('\n'));
      assert.equal(await page.attribute({ css: 'a', text: 'Book a consultation' }, 'href'),
        'https://juniper-skin.example/book-consultation?treatment=professional-microneedling&areas=face&sessions=3');
      await page.waitFor(() => /#tw=estimate\/t=professional-microneedling;a=face;s=3;f=promo-12/.test(location.hash), undefined, 3000);
      assert.doesNotMatch(await page.url(), /acne/, 'the concern stays out of the link');
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    it('a strict CSP: two widgets, one inline and one fetched, with no policy violations', async () => {
      const page = await open('strict-csp.html', {
        init: () => {
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        },
      });
      await page.waitForWidgets(2);
      assert.deepEqual(await page.texts({ host: '#inline', css: '.tw-eyebrow' }), ['CSP Clinic']);
      assert.deepEqual(await page.texts({ host: '#fetched', css: '.tw-eyebrow' }), ['Clinic B (fetched)']);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    it('two instances keep their own config and their own part of the fragment, and Back walks one back', async () => {
      const page = await open('two.html');
      await page.waitForWidgets(2);
      assert.deepEqual(await page.texts({ host: '#a', css: '.tw-eyebrow' }), ['Clinic A (inline)']);
      assert.deepEqual(await page.texts({ host: '#b', css: '.tw-eyebrow' }), ['Clinic B (fetched)']);
      await page.click({ host: '#a', css: 'button', text: 'Myths and facts' });
      await page.waitText({ host: '#a', css: 'h3', text: 'Myths and facts' });
      await page.click({ host: '#b', css: 'button', text: 'Questions' });
      await page.waitText({ host: '#b', css: 'h3', text: 'Questions and answers' });
      assert.match(await page.url(), /#a=myths&b=faq$/, 'each keeps its own key (its id)');
      await page.back();
      await page.waitText({ host: '#b', css: 'h3', text: 'Guide contents' });
      assert.deepEqual(await page.texts({ host: '#a', css: 'h3' }), ['Myths and facts'], 'Back moved only the second widget');
      assert.match(await page.url(), /#a=myths$/);
      await page.close();
    });

    it("a host whose policy refuses WebAssembly gets the widgets in frames, sized to what they show", async () => {
      const page = await open('no-wasm-csp.html', {
        hash: '',
        init: () => {
          window.__ready = [];
          document.addEventListener('treatment-widget:ready', (e) => window.__ready.push(e.target.id));
        },
      });
      await page.waitForWidgets(2);
      assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('treatment-widget')].map((el) => el.dataset.twMode)), ['iframe', 'iframe']);
      assert.deepEqual(await page.evaluate(() => window.__ready.sort()), ['fetched', 'inline'], 'ready once per element');
      // The frame reports its content's height: more than the placeholder's when the view is shown.
      await page.waitFor(() => [...document.querySelectorAll('treatment-widget')]
        .every((el) => Number(el.shadowRoot.querySelector('iframe')?.getAttribute('height')) > 300));
      await page.close();
    });

    it('a page whose other scripts wrap fetch and addEventListener, extend Array.prototype and patch customElements.define', async () => {
      const page = await open('host-globals.html');
      await page.waitForWidgets(1);
      const seen = await page.evaluate(() => ({ ...window.__seen, banner: document.querySelector('clinic-banner').shadowRoot.textContent }));
      assert.deepEqual(seen.defined, ['clinic-banner', 'treatment-widget'], 'defined through the patched define');
      assert.ok(seen.fetches.some((u) => u.endsWith('clinic-b.json')), 'the config came through the wrapped fetch');
      assert.equal(seen.banner, 'Open on Saturdays', "the page's own element still works");
      assert.deepEqual(await page.texts({ css: '.tw-eyebrow' }), ['Clinic B (fetched)']);
      // The widget works: a view and back, then a priced estimate.
      await page.click({ css: 'button', text: 'Treatments' });
      await page.waitText({ css: 'h3', text: 'Treatments' });
      await page.back();
      await page.waitText({ css: 'h3', text: 'Guide contents' });
      await page.click({ css: 'button', text: 'Estimate the cost of a course' });
      // Clinic B's first treatment, RF microneedling, 4 face sessions at 600–1.200,50 € in its
      // membership (10 % off, 6 months at 49 €), + 19 %: (2.160 + 294) × 1,19 = 2.920,26 € and
      // (4.321,80 + 294) × 1,19 = 5.492,80 €.
      await page.waitFor(() => document.querySelector('treatment-widget').shadowRoot
        .querySelector('.tw-total-figure')?.textContent.replace(/\u00a0/g, ' ') === '2.920,26 € – 5.492,80 €');
      assert.ok(await page.evaluate(() => window.__seen.listeners) > 0, 'listeners were added through the wrapped addEventListener');
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    it('text wraps between words, never inside one, at 320 px: the estimate with a package, compare cards, a treatment', async () => {
      const broken = [];
      // Each link's own view, and its content, is on screen before the words are measured.
      const shown = {
        'estimate/t=professional-microneedling;a=face;s=4': [{ css: 'h3', text: 'Estimate the cost' }, { css: '.tw-glance dd', text: 'Microneedling course of 4' }],
        'compare/professional-microneedling,chemical-peel,laser-resurfacing': [{ css: 'h3', text: 'Compare' }, { css: '.tw-compare-card', text: 'Laser' }],
        'treatment/stretch-mark-microneedling': [{ css: 'h3', text: 'Stretch-mark microneedling' }],
      };
      for (const [hash, expected] of Object.entries(shown)) {
        const page = await open('plain-fluid.html', { hash, width: 320, height: 2400 });
        await page.waitForWidgets(1);
        for (const q of expected) await page.waitText(q);
        broken.push(...(await page.evaluate(() => {
          // Each word as a Range: more than one line box means it was broken across lines. A
          // break after a hyphen or a dash is a break between words ("stretch-|mark", "3–|6").
          const found = [];
          const root = document.querySelector('treatment-widget').shadowRoot;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (const m of n.textContent.matchAll(/\S+/g)) {
              const r = document.createRange();
              r.setStart(n, m.index);
              r.setEnd(n, m.index + m[0].length);
              const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
              if (lines.size > 1 && !/[-–—/]/.test(m[0])) found.push(`${m[0]} (${location.hash})`);
            }
          }
          return found;
        })));
        await page.close();
      }
      assert.deepEqual(broken, []);
    });

    // Host pages that style, flip or darken what is around the widget: it looks as on the plain page.
    for (const [what, path] of [
      ['aggressive CSS (Bootstrap and !important resets)', 'hostile.html'],
      ["Tailwind's preflight and !important resets", 'host-tailwind.html'],
      ['right-to-left', 'host-rtl.html'],
      ['a transformed parent', 'host-transform.html'],
    ]) {
      it(`a host page with ${what} shows the widget as the plain page does`, async () => {
        const shoot = async (p) => {
          const page = await open(p);
          await page.waitForWidgets(1);
          const png = PNG.sync.read(await page.screenshot('treatment-widget'));
          await page.close();
          return png;
        };
        const changes = pixelChanges(await shoot('plain.html'), await shoot(path));
        assert.equal(changes.flat, 0, `${changes.flat} pixels changed away from any edge`);
        assert.ok(changes.share < 0.0005, `${changes.edge} edge pixels changed`);
      });
    }
  });
}
