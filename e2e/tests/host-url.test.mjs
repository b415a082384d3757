// The host page's URL is the page's (issue 9): anchors and hash routes the widget has no part in
// are left alone, the page's history.state survives the widget's history entries, routing="none"
// keeps the widget's view in memory, and unnamed widgets never share a fragment or storage key
// whatever order they are inserted in.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from '../lib/harness.mjs';
import { openPage, waitForWidgets } from '../lib/browser.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

/** The empty clinic page at `hash`, with `count` widgets made by `make` (run in the page). */
async function page(hash, make = () => { document.querySelector('#slot').append(document.createElement('treatment-widget')); }, count = 1) {
  const opened = await openPage(h.browser, { width: 1100, height: 900 });
  await opened.page.goto(`${h.site}/fixtures/empty.html${hash}`);
  await opened.page.evaluate(make);
  await waitForWidgets(opened.page, count);
  return opened;
}

const heading = (w) => w.getByRole('heading', { level: 3 }).first().textContent();
const hash = (p) => p.evaluate(() => location.hash);

describe("the host page's URL", () => {
  it("a page anchor stays while the widget is at home, and comes back with Back", async () => {
    const { page: p, context, problems } = await page('#pricing');
    const w = p.locator('treatment-widget');
    assert.equal(await hash(p), '#pricing', 'mounting does not touch the anchor');
    await w.getByRole('button', { name: /^Myths and facts/ }).click();
    await w.getByRole('heading', { name: 'Myths and facts', level: 3 }).waitFor();
    assert.equal(await hash(p), '#tw=myths', 'a view takes the fragment, as a new history entry');
    await w.getByRole('button', { name: /Guide home/ }).click();
    await w.getByRole('heading', { name: 'Guide contents', level: 3 }).waitFor();
    await p.goBack();
    await p.goBack();
    assert.equal(await hash(p), '#pricing', 'Back returns to the page anchor');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("a hash router's navigation leaves the widget where it is", async () => {
    const { page: p, context } = await page('#/services');
    const w = p.locator('treatment-widget');
    await w.getByRole('button', { name: /^Questions/ }).click();
    await w.getByRole('heading', { name: 'Questions and answers', level: 3 }).waitFor();
    // The page's router moves on; the widget is not part of it.
    await p.evaluate(() => { location.hash = '#/about'; });
    await p.waitForFunction(() => location.hash === '#/about');
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await heading(w), 'Questions and answers');
    // A link to an anchor on the page, too.
    await p.evaluate(() => { location.hash = '#team'; });
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await heading(w), 'Questions and answers');
    await context.close();
  });

  it("the page's history.state is kept in the widget's history entries", async () => {
    const { page: p, context } = await page('', () => {
      history.replaceState({ page: 'pricing', scroll: 120 }, '');
      document.querySelector('#slot').append(document.createElement('treatment-widget'));
    });
    const w = p.locator('treatment-widget');
    await w.getByRole('button', { name: /^Myths and facts/ }).click();
    await w.getByRole('heading', { name: 'Myths and facts', level: 3 }).waitFor();
    assert.equal(await hash(p), '#tw=myths');
    assert.deepEqual(await p.evaluate(() => history.state), { page: 'pricing', scroll: 120 });
    // The estimate rewrites its entry as the visitor types: the state survives that too.
    await w.getByRole('button', { name: /Guide home/ }).click();
    await w.getByRole('button', { name: /Estimate the cost of a course/ }).click();
    await w.getByRole('heading', { name: 'Estimate the cost of a course', level: 3 }).waitFor();
    await w.getByRole('button', { name: 'One session more' }).click();
    await p.waitForFunction(() => location.hash.includes('s='));
    assert.deepEqual(await p.evaluate(() => history.state), { page: 'pricing', scroll: 120 });
    await p.goBack();
    assert.deepEqual(await p.evaluate(() => history.state), { page: 'pricing', scroll: 120 });
    await context.close();
  });

  it('routing="none" keeps the view in memory: the URL never changes and Back leaves the page', async () => {
    const { page: p, context, problems } = await page('#/services', () => {
      const el = document.createElement('treatment-widget');
      el.setAttribute('routing', 'none');
      document.querySelector('#slot').append(el);
    });
    const w = p.locator('treatment-widget');
    const before = await p.evaluate(() => history.length);
    await w.getByRole('button', { name: /^Myths and facts/ }).click();
    await w.getByRole('heading', { name: 'Myths and facts', level: 3 }).waitFor();
    await w.getByRole('button', { name: /Guide home/ }).click();
    await w.getByRole('button', { name: /Estimate the cost of a course/ }).click();
    await w.getByRole('button', { name: 'One session more' }).click();
    await p.waitForTimeout(300);
    assert.equal(await hash(p), '#/services');
    assert.equal(await p.evaluate(() => history.length), before, 'no history entries');
    // Nor is a deep link in the fragment read.
    await p.evaluate(() => { location.hash = '#tw=faq'; });
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await heading(w), 'Estimate the cost of a course');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('an unknown routing value warns once and keeps the fragment', async () => {
    const { page: p, context, problems } = await page('', () => {
      const el = document.createElement('treatment-widget');
      el.setAttribute('routing', 'hash');
      document.querySelector('#slot').append(el);
    });
    assert.deepEqual(problems, ['warning: [treatment-widget] routing="hash" is not "fragment" or "none"; using "fragment"']);
    const w = p.locator('treatment-widget');
    await w.getByRole('button', { name: /^Myths and facts/ }).click();
    await w.getByRole('heading', { name: 'Myths and facts', level: 3 }).waitFor();
    assert.equal(await hash(p), '#tw=myths');
    await context.close();
  });
});

describe('unnamed widgets', () => {
  it('one inserted before another gets its own key: the two never share a fragment entry', async () => {
    const { page: p, context } = await page('');
    const first = p.locator('treatment-widget').first();
    assert.equal(await first.getAttribute('data-tw-key'), 'tw');
    await first.getByRole('button', { name: /^Myths and facts/ }).click();
    await first.getByRole('heading', { name: 'Myths and facts', level: 3 }).waitFor();
    // A page builder inserts a second widget before the first.
    await p.evaluate(() => { document.querySelector('#slot').prepend(document.createElement('treatment-widget')); });
    await waitForWidgets(p, 2);
    const [inserted, existing] = [p.locator('treatment-widget').nth(0), p.locator('treatment-widget').nth(1)];
    const keys = [await inserted.getAttribute('data-tw-key'), await existing.getAttribute('data-tw-key')];
    assert.deepEqual(keys, ['tw2', 'tw']);
    assert.equal(await heading(inserted), 'Guide contents', 'the new one does not take the other\'s view from the fragment');
    await inserted.getByRole('button', { name: /^Questions/ }).click();
    await inserted.getByRole('heading', { name: 'Questions and answers', level: 3 }).waitFor();
    assert.equal(await hash(p), '#tw=myths&tw2=faq');
    assert.equal(await heading(existing), 'Myths and facts');
    await context.close();
  });
});
