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
    assert.equal(await focused(page), 'INPUT ');
    const hint = await face.getAttribute('aria-describedby');
    assert.equal(await w.locator(`#${hint}`).textContent(), 'Each session covers at least one area.');
    await context.close();
  });
});
