// When the widget cannot run in the page (issue 9): a host whose Content Security Policy refuses
// WebAssembly gets the widget in a frame (config, events, deep links, share links and height all
// as in the page); a clinic can ask for the frame; a browser without WebAssembly gets the
// clinic's booking link and phone, and nothing from the config can inject markup there.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from '../lib/harness.mjs';
import { openPage, waitForWidgets } from '../lib/browser.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

/** The browser's own report of the refused compile: expected on a page that refuses WebAssembly. */
const refusal = (p) => /Refused to compile or instantiate WebAssembly|wasm-unsafe-eval/.test(p);

describe("a host whose policy refuses WebAssembly ('wasm-unsafe-eval' missing)", () => {
  it('gets the widget in a frame that behaves as in the page', async () => {
    const { page, context, problems } = await openPage(h.browser, { width: 1100, height: 900 });
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() => window === window.top && document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    const events = [];
    await page.exposeFunction('reportEvent', (e) => events.push(e));
    await page.addInitScript(() => {
      if (window !== window.top) return; // init scripts run in frames too: only the page's events
      for (const name of ['ready', 'estimate', 'book', 'error']) {
        document.addEventListener(`treatment-widget:${name}`, (e) => window.reportEvent({ id: e.target.id, name, detail: e.detail }));
      }
    });
    await page.goto(`${h.site}/fixtures/no-wasm-csp.html#fetched=treatment/botox`);
    await waitForWidgets(page, 2);

    for (const id of ['inline', 'fetched']) {
      assert.equal(await page.locator(`#${id}`).getAttribute('data-tw-mode'), 'iframe', id);
    }
    assert.deepEqual(events.filter((e) => e.name === 'ready').map((e) => e.id).sort(), ['fetched', 'inline'], 'ready once per element, on the element');
    // The only violations are the refused compile itself: nothing in frame mode breaks the policy.
    assert.ok(violations.length > 0 && violations.every((v) => /^script-src wasm-eval$/.test(v)), violations.join('\n'));
    assert.deepEqual(problems.filter((p) => !refusal(p)), []);

    // Its config, read by the page: the clinic's name and its phone beside the booking button.
    const inline = page.locator('#inline').frameLocator('iframe');
    await inline.getByText('Frame Clinic').first().waitFor();
    // The fetched config (clinic-b.json, read by the page's loader) and the deep link to Botox.
    const fetched = page.locator('#fetched').frameLocator('iframe');
    await fetched.getByRole('heading', { name: 'Botox', level: 3 }).waitFor();

    // The frame takes the height of what it shows.
    const frameHeight = async () => Number(await page.locator('#inline iframe').getAttribute('height'));
    const contentHeight = () => inline.locator('html').evaluate((el) => el.scrollHeight);
    await page.waitForFunction(() => Number(document.querySelector('#inline').shadowRoot.querySelector('iframe').getAttribute('height')) > 300);
    assert.ok(Math.abs((await frameHeight()) - (await contentHeight())) <= 2, `${await frameHeight()} against ${await contentHeight()}`);

    // Navigating inside the frame puts its view in the page's URL, under the element's key.
    await inline.getByRole('button', { name: /^Questions/ }).click();
    await inline.getByRole('heading', { name: 'Questions and answers', level: 3 }).waitFor();
    await page.waitForFunction(() => location.hash.includes('inline=faq'));
    assert.match(page.url(), /#fetched=treatment\/botox&inline=faq$/);
    await page.waitForFunction(() => Number(document.querySelector('#inline').shadowRoot.querySelector('iframe').getAttribute('height')) > 1000);
    assert.ok(Math.abs((await frameHeight()) - (await contentHeight())) <= 2, 'the height follows a longer view');

    // The estimate: its event reaches the page, and its share link points at the page, not the frame.
    await inline.getByRole('button', { name: /Guide home/ }).click();
    await inline.getByRole('button', { name: /Estimate the cost of a course/ }).click();
    await page.waitForFunction(() => location.hash.includes('inline=estimate'));
    await page.waitForTimeout(900);
    const estimate = events.find((e) => e.name === 'estimate' && e.id === 'inline');
    assert.equal(estimate?.detail.treatment, 'botox');
    assert.deepEqual(estimate?.detail.totalMinor, { low: 30000, high: 30000 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
    await inline.getByRole('button', { name: /Share this estimate/ }).click();
    const link = await inline.getByLabel('Link to this estimate').inputValue();
    assert.ok(link.startsWith(`${h.site}/fixtures/no-wasm-csp.html#inline=estimate/`), link);

    // The booking link leaves the frame for the clinic's page.
    assert.equal(await inline.locator('base').getAttribute('target'), '_top');
    await context.close();
  });

  it('Back walks back through the framed views', async () => {
    const { page, context } = await openPage(h.browser, { width: 1100, height: 900 });
    await page.goto(`${h.site}/fixtures/no-wasm-csp.html`);
    await waitForWidgets(page, 2);
    const inline = page.locator('#inline').frameLocator('iframe');
    await inline.getByRole('button', { name: /^Myths and facts/ }).click();
    await inline.getByRole('heading', { name: 'Myths and facts', level: 3 }).waitFor();
    await page.waitForFunction(() => location.hash === '#inline=myths');
    await page.goBack();
    await inline.getByRole('heading', { name: 'Guide contents', level: 3 }).waitFor();
    await page.waitForFunction(() => location.hash === '');
    await context.close();
  });

  it('takes messages only from its own frame', async () => {
    const { page, context } = await openPage(h.browser, { width: 1100, height: 900 });
    const events = [];
    await page.exposeFunction('reportEvent', (e) => events.push(e));
    await page.addInitScript(() => window === window.top && document.addEventListener('treatment-widget:book', (e) => window.reportEvent(e.detail)));
    await page.goto(`${h.site}/fixtures/no-wasm-csp.html`);
    await waitForWidgets(page, 2);
    const before = await page.locator('#inline iframe').getAttribute('height');
    // A script on the page (or another frame) pretends to be the widget's frame.
    await page.evaluate(() => {
      window.postMessage({ tw: 'height', height: 5 }, '*');
      window.postMessage({ tw: 'event', name: 'book', detail: { treatment: 'forged' } }, '*');
      window.postMessage({ tw: 'route', value: 'faq' }, '*');
    });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#inline iframe').getAttribute('height'), before);
    assert.deepEqual(events, []);
    assert.equal(page.url().includes('faq'), false);
    await context.close();
  });
});

describe('mode="iframe"', () => {
  it('a clinic can ask for the frame on any page', async () => {
    const { page, context, problems } = await openPage(h.browser, { width: 800, height: 900 });
    await page.goto(`${h.site}/fixtures/empty.html#tw=myths`);
    await page.evaluate(() => {
      const el = document.createElement('treatment-widget');
      el.setAttribute('mode', 'iframe');
      document.querySelector('#slot').append(el);
    });
    await waitForWidgets(page, 1);
    assert.equal(await page.locator('treatment-widget').getAttribute('data-tw-mode'), 'iframe');
    await page.locator('treatment-widget').frameLocator('iframe').getByRole('heading', { name: 'Myths and facts', level: 3 }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('a browser without WebAssembly', () => {
  async function noWasm(config) {
    const opened = await openPage(h.browser, { width: 400, height: 800 });
    const dialogs = [];
    opened.page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await opened.page.addInitScript(() => { delete globalThis.WebAssembly; });
    await opened.page.goto(`${h.site}/fixtures/empty.html`);
    await opened.page.evaluate((json) => {
      const el = document.createElement('treatment-widget');
      if (json) {
        const s = document.createElement('script');
        s.type = 'application/json';
        s.textContent = json;
        el.append(s);
      }
      document.querySelector('#slot').append(el);
    }, config ? JSON.stringify(config) : null);
    const notice = opened.page.locator('treatment-widget .tw-no-wasm');
    await notice.waitFor();
    return { ...opened, notice, dialogs };
  }

  it("shows the clinic's booking link and phone", async () => {
    const { notice, context, problems } = await noWasm({ version: 1, clinicName: 'Rose Skin Clinic', booking: { url: 'https://rose.example/book', phone: '+1 (555) 010-0199' } });
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.match(await notice.textContent(), /needs a browser feature \(WebAssembly\).*To ask Rose Skin Clinic about treatments and prices/);
    assert.equal(await notice.getByRole('link', { name: 'Book a consultation' }).getAttribute('href'), 'https://rose.example/book');
    assert.equal(await notice.getByRole('link', { name: '+1 (555) 010-0199' }).getAttribute('href'), 'tel:+15550100199');
    assert.deepEqual(problems, ["error: [treatment-widget] this browser cannot run WebAssembly; showing the clinic's contact details instead."]);
    await context.close();
  });

  it('in Spanish for a Spanish clinic', async () => {
    const { notice, context } = await noWasm({ version: 1, clinicName: 'Clínica Sol', language: 'es', booking: { url: 'https://sol.example/reservar' } });
    assert.match(await notice.textContent(), /Para consultar a Clínica Sol/);
    assert.equal(await notice.getByRole('link', { name: 'Reservar una consulta' }).getAttribute('href'), 'https://sol.example/reservar');
    await context.close();
  });

  it('takes nothing from the config that could run or inject markup', async () => {
    const { notice, context, dialogs, page } = await noWasm({
      version: 1,
      clinicName: '<img src=x onerror=alert(1)>',
      booking: { url: 'javascript:alert(2)', phone: '<b>5550100199</b>' },
    });
    assert.equal(await notice.locator('a').count(), 0, 'no link from a javascript: URL, no phone from markup');
    assert.equal(await notice.locator('img, b').count(), 0);
    assert.match(await notice.textContent(), /Please contact the clinic directly/);
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  it('without a config says to contact the clinic', async () => {
    const { notice, context } = await noWasm(null);
    assert.equal(await notice.textContent(), 'Please contact the clinic directly.');
    await context.close();
  });
});
