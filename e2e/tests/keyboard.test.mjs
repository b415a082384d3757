// Keyboard use (issue 9): focus is never dropped to the page's <body> when the control the visitor
// used goes away or reaches a limit; it lands on the heading of where they are now.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from '../lib/harness.mjs';
import { openPage, waitForWidgets } from '../lib/browser.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

async function open(hash) {
  const opened = await openPage(h.browser, { width: 1100, height: 900 });
  await opened.page.goto(`${h.site}/fixtures/plain-fluid.html${hash ? `#tw=${hash}` : ''}`);
  await waitForWidgets(opened.page, 1);
  return { ...opened, w: opened.page.locator('treatment-widget') };
}

/** What has focus, seen through the shadow root: "BODY" when focus was dropped. */
const focused = (page) => page.evaluate(() => {
  const host = document.activeElement;
  if (host?.tagName !== 'TREATMENT-WIDGET') return host?.tagName ?? 'nothing';
  const el = host.shadowRoot.activeElement;
  if (!el) return 'the widget, nothing inside';
  return `${el.tagName} ${el.id ? `#${el.id} ` : ''}${(el.getAttribute('aria-label') ?? el.textContent).trim().slice(0, 40)}`;
});

/** Focuses a control and presses a key on it, as a keyboard user would. */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

describe('focus is never dropped', () => {
  it('Compare, Update the comparison and the way back to the contents', async () => {
    const { page, w, context } = await open('compare');
    for (const name of ['Botox', 'Chemical peel']) await press(w.getByRole('checkbox', { name }), 'Space');
    await press(w.getByRole('button', { name: 'Compare', exact: true }));
    await w.locator('table').waitFor();
    assert.equal(await focused(page), 'H3 #tw-view-title Compare treatments');
    await press(w.getByText('Change the treatments'));
    await press(w.getByRole('checkbox', { name: 'Microdermabrasion' }), 'Space');
    await press(w.getByRole('button', { name: 'Update the comparison' }));
    await w.locator('th', { hasText: 'Microdermabrasion' }).first().waitFor();
    assert.equal(await focused(page), 'H3 #tw-view-title Compare treatments');
    await press(w.getByRole('button', { name: /Guide home/ }));
    await w.getByRole('heading', { name: 'Guide contents' }).waitFor({ state: 'attached' });
    assert.equal(await focused(page), 'H2 Microneedling treatment guide');
    await context.close();
  });

  it('clearing the answers or the concerns', async () => {
    const { page, w, context } = await open('candidate');
    await press(w.getByRole('radio', { name: 'Yes' }).first(), 'Space');
    await press(w.getByRole('button', { name: /Clear my answers/ }));
    assert.equal(await focused(page), 'H3 #tw-view-title Am I a candidate?');
    await context.close();

    const concerns = await open('concerns');
    await press(concerns.w.getByRole('checkbox').first(), 'Space');
    await press(concerns.w.getByRole('button', { name: /Clear my choices/ }));
    assert.equal(await focused(concerns.page), 'H3 #tw-view-title Find treatments by concern');
    await concerns.context.close();
  });

  it('the sessions buttons at their limits stay focused and say they cannot go further', async () => {
    const { page, w, context } = await open('estimate/t=professional-microneedling;s=2');
    const fewer = w.getByRole('button', { name: 'One session fewer' });
    await press(fewer);
    assert.equal(await w.getByLabel('Number of sessions').inputValue(), '1');
    assert.equal(await fewer.getAttribute('aria-disabled'), 'true');
    await page.keyboard.press('Enter');
    assert.equal(await w.getByLabel('Number of sessions').inputValue(), '1', 'no fewer than one');
    assert.equal(await focused(page), 'BUTTON One session fewer');
    const more = w.getByRole('button', { name: 'One session more' });
    const most = Number(await w.getByLabel('Number of sessions').getAttribute('max'));
    await more.focus();
    for (let n = 1; n < most; n++) await page.keyboard.press('Enter');
    assert.equal(await w.getByLabel('Number of sessions').inputValue(), String(most));
    assert.equal(await more.getAttribute('aria-disabled'), 'true');
    assert.equal(await focused(page), 'BUTTON One session more');
    await context.close();
  });

  it('the last area stays focusable, cannot be unticked, and says why', async () => {
    const { page, w, context } = await open('estimate/t=professional-microneedling;a=face');
    const face = w.getByRole('checkbox', { name: /^Face/ });
    assert.equal(await face.getAttribute('aria-disabled'), 'true');
    await press(face, 'Space');
    assert.ok(await face.isChecked());
    assert.ok(await face.evaluate((el) => el.getRootNode().activeElement === el), 'focus stays on the face checkbox');
    const hint = await face.getAttribute('aria-describedby');
    assert.equal(await w.locator(`#${hint}`).textContent(), 'Each session covers at least one area.');
    await context.close();
  });
});

describe('announcements', () => {
  const live = (w) => w.locator('.tw-est-results p[aria-live="polite"]');

  it('the estimate is read out once the visitor settles, not at every option arrowed past', async () => {
    const { page, w, context } = await open('estimate/t=professional-microneedling');
    await page.waitForTimeout(900);
    const first = await live(w).textContent();
    assert.match(first, /^Estimated total .* Professional microneedling/);
    const treatment = w.getByLabel('Treatment', { exact: true });
    await treatment.focus();
    const seen = new Set();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowDown');
      seen.add(await live(w).textContent());
      await page.waitForTimeout(120);
    }
    assert.deepEqual([...seen], [first], 'nothing new is read out while arrowing');
    await page.waitForTimeout(900);
    const chosen = await treatment.evaluate((s) => s.selectedOptions[0].textContent);
    const settled = await live(w).textContent();
    assert.notEqual(settled, first);
    assert.ok(settled.includes(chosen), `${settled} names ${chosen}`);
    await context.close();
  });

  it('status regions are there before their message, so the first message is read out', async () => {
    const { page, w, context } = await open('estimate/t=professional-microneedling');
    // The event answer and the share message: empty regions waiting.
    assert.equal(await w.locator('.tw-event[role="status"]').textContent(), '');
    assert.equal(await w.locator('.tw-share-status[role="status"]').textContent(), '');
    await w.getByRole('button', { name: 'Share this estimate' }).click();
    assert.match(await w.locator('.tw-share-status').textContent(), /^(Link copied|Copy this link)/);
    const event = w.getByLabel('An event to look your best for (optional)');
    await event.fill('2027-09-01');
    await event.dispatchEvent('change');
    assert.match(await w.locator('.tw-event').textContent(), /September 1, 2027|Sep 1, 2027/);
    // Whole courses for a concern, and the year at home against a year in a clinic.
    await w.getByLabel('Price a usual course of each treatment for').selectOption('acne-scars');
    assert.match(await w.locator('#tw-courses-title ~ p[role="status"]').first().textContent(), /^\d+ treatments? priced for this concern\.$/);
    const year = w.locator('p[role="status"]', { hasText: 'A year at home' });
    const before = await year.textContent();
    await w.getByLabel('Home rollers bought in a year').fill('12');
    await w.getByLabel('Home rollers bought in a year').dispatchEvent('change');
    await page.waitForFunction((b) => document.querySelector('treatment-widget').shadowRoot.querySelector('#tw-year-title ~ p[role="status"]')?.textContent !== b, before);
    await context.close();
  });
});

describe('the sticky total', () => {
  for (const [width, height, why] of [[320, 568, 'a small phone'], [360, 640, 'a phone'], [640, 360, 'a 1280 × 720 window at 200 %']]) {
    it(`never covers the focused control: ${why} (${width} × ${height})`, async () => {
      const opened = await openPage(h.browser, { width, height });
      const { page, context } = opened;
      await page.goto(`${h.site}/fixtures/plain-fluid.html#tw=estimate/t=professional-microneedling`);
      await waitForWidgets(page, 1);
      await page.locator('treatment-widget').getByLabel('Treatment', { exact: true }).focus();
      const covered = [];
      let seen = 0;
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const r = await page.evaluate(() => {
          const root = document.querySelector('treatment-widget').shadowRoot;
          const el = root.activeElement;
          if (!el || !el.closest('.tw-est-form')) return null;
          const bar = root.querySelector('.tw-sticky-total');
          const a = el.getBoundingClientRect();
          const b = bar.getBoundingClientRect();
          const stuck = getComputedStyle(bar).position === 'sticky' && getComputedStyle(bar).display !== 'none';
          const overlap = stuck && a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
          return { name: el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30), overlap };
        });
        if (!r) continue;
        seen += 1;
        if (r.overlap) covered.push(r.name);
      }
      assert.ok(seen >= 8, `${seen} form controls reached`);
      assert.deepEqual(covered, []);
      await context.close();
    });
  }
});

describe('motion and forced colours', () => {
  // Everything that moves in every view: with prefers-reduced-motion it does not (no transition,
  // no animation); without, the disclosure chevron turns (so the check is not vacuous).
  const moving = (page) => page.locator('treatment-widget').evaluate((el) => [...el.shadowRoot.querySelectorAll('*')]
    .map((n) => getComputedStyle(n))
    .filter((s) => s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none').length);

  it('prefers-reduced-motion: nothing transitions or animates', async () => {
    for (const [motion, expectMoving] of [['no-preference', true], ['reduce', false]]) {
      const { page, context } = await openPage(h.browser, { width: 1100, height: 900 });
      await page.emulateMedia({ reducedMotion: motion });
      await page.goto(`${h.site}/fixtures/plain-fluid.html#tw=faq`);
      await waitForWidgets(page, 1);
      const count = await moving(page);
      assert.equal(count > 0, expectMoving, `${motion}: ${count} elements with a transition or animation`);
      await context.close();
    }
  });

  // Windows high contrast replaces the page's colours with the system's: backgrounds go, so every
  // control must keep a visible edge (a border, or an underline for a text link) and a focus
  // outline, on every view.
  it('forced colours (Windows high contrast): every control keeps an edge and a focus outline, on every view', async () => {
    const { VIEWS } = await import('../lib/views.mjs');
    const missing = [];
    for (const view of VIEWS) {
      const { page, context } = await openPage(h.browser, { width: 1100, height: 900 });
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${h.site}/fixtures/plain-fluid.html${view.hash ? `#tw=${view.hash}` : ''}`);
      await waitForWidgets(page, 1);
      assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
      const w = page.locator('treatment-widget');
      const controls = await w.evaluate((el) => [...el.shadowRoot.querySelectorAll('button, a[href], select, input:not([type="radio"]):not([type="checkbox"]), summary')]
        .filter((c) => c.checkVisibility({ visibilityProperty: true }) && !c.closest('.tw-visually-hidden') && !c.matches('.tw-skip'))
        .map((c, i) => {
          c.dataset.twProbe = String(i);
          const s = getComputedStyle(c);
          const edge = ['Top', 'Right', 'Bottom', 'Left'].some((side) => s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) > 0);
          const underlined = s.textDecorationLine.includes('underline');
          return { i, name: `${c.tagName} ${(c.getAttribute('aria-label') ?? c.textContent).trim().slice(0, 40)}`, edge: edge || underlined };
        }));
      assert.ok(controls.length > 0);
      for (const c of controls) {
        if (!c.edge) missing.push(`${view.name}: ${c.name} has no edge`);
      }
      // Focus by keyboard on each control: an outline at least 2 px wide.
      for (const c of controls.slice(0, 12)) {
        await page.keyboard.press('Tab'); // keyboard modality, so :focus-visible applies
        const outline = await w.evaluate((el, i) => {
          const target = el.shadowRoot.querySelector(`[data-tw-probe="${i}"]`);
          target.focus();
          const s = getComputedStyle(target);
          return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
        }, c.i);
        if (!outline) missing.push(`${view.name}: ${c.name} has no focus outline`);
      }
      await context.close();
    }
    assert.deepEqual(missing, []);
  });
});
