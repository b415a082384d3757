// The configurator (issue 8), end to end: a clinic set up from nothing with the preview following
// each step, exported and pasted into a plain page that then shows the same widget and estimate;
// every example config imported and exported unchanged; a reload keeps the draft; axe at 360 and
// 1200 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { startHarness, ROOT } from '../lib/harness.mjs';
import { openPage, waitForWidgets } from '../lib/browser.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

const CONFIGURATOR = () => `${h.site}/dist/configurator.html`;

async function openConfigurator({ width = 1200, height = 1000 } = {}) {
  const opened = await openPage(h.browser, { width, height });
  await opened.page.goto(CONFIGURATOR());
  await waitForWidgets(opened.page, 1);
  return { ...opened, preview: opened.page.locator('#cf-preview') };
}

const total = async (w) => (await w.locator('.tw-total-figure').first().textContent()).replace(/[\u00a0\u202f]/g, ' ');
const fieldFor = (path) => `#cf-${path.replace(/[^A-Za-z0-9]/g, '-')}`;
/** Config warnings the widget writes are expected while a clinic types; anything else is not. */
const notWarnings = (problems) => problems.filter((p) => !p.startsWith('warning: [treatment-widget]'));

describe('a clinic set up from nothing', () => {
  it('each step shows in the preview; the exported snippet gives the same widget and estimate on a plain page', { timeout: 120_000 }, async () => {
    const { page, preview, context, problems } = await openConfigurator();

    // 1. The name.
    await page.locator('#cf-clinicName').fill('Rose Skin Clinic');
    await preview.locator('.tw-eyebrow', { hasText: 'Rose Skin Clinic' }).waitFor();
    await page.locator('#cf-booking-url').fill('https://rose.example/book');

    // 2. Two treatments, everything else unticked, each with a price.
    const keep = ['professional-microneedling', 'botox'];
    const ticked = () => page.locator('input[id^="cf-offer-"]:checked').evaluateAll((els) => els.map((e) => e.id.replace('cf-offer-', '')));
    // An unticked treatment moves below the ticked ones, so look again after each.
    for (let extra; (extra = (await ticked()).find((id) => !keep.includes(id)));) {
      await page.locator(`#cf-offer-${extra}`).uncheck();
    }
    assert.deepEqual(await ticked(), keep);
    await page.locator(fieldFor('pricing.treatments.professional-microneedling.areas.face')).fill('250-400');
    await page.locator(fieldFor('pricing.treatments.botox.areas.face')).fill('300');
    // The preview's estimator with the prices just typed: a course of 3 at $250–$400 a session.
    await preview.getByRole('button', { name: 'Estimate the cost of a course' }).click();
    await preview.locator('#tw-est-treatment').selectOption('professional-microneedling');
    await preview.locator('.tw-total-figure').first().waitFor();
    assert.equal(await total(preview), '$750.00 – $1,200.00');

    // A price typed so far it is not one yet: kept as typed, explained, and the preview keeps the last good one.
    const mnPrice = page.locator(fieldFor('pricing.treatments.professional-microneedling.areas.face'));
    await mnPrice.fill('250-');
    assert.equal(await mnPrice.getAttribute('aria-invalid'), 'true');
    await page.locator('.cf-summary a', { hasText: 'pricing.treatments.professional-microneedling.areas.face' }).waitFor();
    assert.equal(await total(preview), '$750.00 – $1,200.00', 'the preview still prices the last good range');
    await mnPrice.fill('250-400');
    assert.equal(await mnPrice.getAttribute('aria-invalid'), null);

    // 3. A package of 3 for $650: cheaper than $750 at both ends, so the preview's estimate uses it.
    await page.getByRole('button', { name: 'Add a package' }).click();
    await page.locator(fieldFor('pricing.packages[0].name')).fill('Course of 3');
    await page.locator(fieldFor('pricing.packages[0].treatment')).selectOption('professional-microneedling');
    await page.locator(fieldFor('pricing.packages[0].sessions')).fill('3');
    await page.locator(fieldFor('pricing.packages[0].price')).fill('650');
    await preview.locator('.tw-total-figure', { hasText: '$650.00' }).first().waitFor();

    // 4. A theme colour: the preview's booking button takes it.
    await page.locator('#cf-colour').fill('#6d28d9');
    await page.waitForFunction(() => {
      const b = document.querySelector('#cf-preview').shadowRoot.querySelector('.tw-book');
      return b && getComputedStyle(b).backgroundColor === 'rgb(109, 40, 217)';
    });
    // A colour too light to read is explained beside the field, in the widget's words.
    await page.locator('#cf-colour').fill('#fde047');
    await page.locator('#cf-colour-problem', { hasText: 'below the 4.5:1 WCAG AA needs for text' }).waitFor();
    assert.equal(await page.locator('#cf-colour').getAttribute('aria-invalid'), 'true');
    await page.locator('#cf-colour').fill('#6d28d9');

    // 5. Spanish: the preview's estimator (still open) speaks it.
    await page.locator('#cf-language').selectOption('es');
    await preview.getByText('Calcular el costo de un ciclo').first().waitFor();
    assert.equal(await page.locator('.cf-summary h2').textContent(), 'No problems');

    // Export: the snippet, pasted into a plain page.
    const snippet = await page.locator('#cf-snippet').inputValue();
    assert.match(snippet, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/dist\/treatment-widget\.js"><\/script>\n<treatment-widget>/);
    const exported = JSON.parse(await page.locator('#cf-json').inputValue());
    assert.equal(exported.clinicName, 'Rose Skin Clinic');
    assert.deepEqual(exported.offeredTreatments, keep);
    assert.deepEqual(exported.pricing.packages, [{ id: 'package-1', name: 'Course of 3', treatment: 'professional-microneedling', sessions: 3, price: 650 }]);
    assert.deepEqual(notWarnings(problems), []);

    const pasted = await openPage(h.browser, { width: 1200, height: 1000 });
    await pasted.page.route('**/fixtures/pasted.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body><h1>Rose</h1>\n${snippet}\n</body></html>`,
    }));
    await pasted.page.goto(`${h.site}/fixtures/pasted.html`);
    await waitForWidgets(pasted.page, 1);
    const there = pasted.page.locator('treatment-widget');
    await there.locator('.tw-eyebrow', { hasText: 'Rose Skin Clinic' }).waitFor();
    await there.getByRole('button', { name: 'Calcular el costo de un ciclo' }).click();
    await there.locator('#tw-est-treatment').selectOption('professional-microneedling');
    await there.locator('.tw-total-figure').first().waitFor();
    const b = await total(there);
    assert.equal(b, await total(preview), 'the same estimate in the preview and on the pasted page');
    assert.match(b, /650/);
    assert.deepEqual(pasted.problems, []);
    await pasted.context.close();
    await context.close();
  });

  it('a reload keeps the draft, half-typed prices aside; "Start again" asks first', { timeout: 60_000 }, async () => {
    const { page, context } = await openConfigurator();
    await page.locator('#cf-clinicName').fill('Draft Clinic');
    const botoxFace = page.locator(fieldFor('pricing.treatments.botox.areas.face'));
    await botoxFace.fill('120-180');
    // Then half-typed over: not a price yet, so not what the draft keeps.
    await botoxFace.fill('120-');
    assert.equal(await botoxFace.getAttribute('aria-invalid'), 'true');
    await page.reload();
    await waitForWidgets(page, 1);
    assert.equal(await page.locator('#cf-clinicName').inputValue(), 'Draft Clinic');
    assert.equal(await botoxFace.inputValue(), '120-180', 'the last price that was one');
    assert.equal(await botoxFace.getAttribute('aria-invalid'), null);
    await page.locator('#cf-preview .tw-eyebrow', { hasText: 'Draft Clinic' }).waitFor();

    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    await page.getByRole('button', { name: 'Start again…' }).click();
    assert.equal(await focused(), 'cf-reset-yes', 'focus moves to the question');
    await page.getByRole('button', { name: 'Keep my draft' }).click();
    assert.equal(await focused(), 'cf-reset', 'and back to the button that asked');
    assert.equal(await page.locator('#cf-clinicName').inputValue(), 'Draft Clinic');

    // Unticking a treatment moves its row below the ticked ones; the keyboard focus goes with it.
    await page.locator('#cf-offer-chemical-peel').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.querySelector('#cf-offer-chemical-peel').checked);
    assert.equal(await focused(), 'cf-offer-chemical-peel');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#cf-offer-chemical-peel').checked);
    assert.equal(await focused(), 'cf-offer-chemical-peel');
    // Chemical peel is ticked again at the end of the ticked ones; "up" moves it one place.
    const order = () => page.locator('input[id^="cf-offer-"]').evaluateAll((els) => els.map((e) => e.id.replace('cf-offer-', '')));
    const before = await order();
    const at = before.indexOf('chemical-peel');
    assert.ok(at > 0, `${at}`);
    await page.locator('#cf-up-chemical-peel').focus();
    await page.keyboard.press('Enter');
    const expected = [...before];
    [expected[at - 1], expected[at]] = [expected[at], expected[at - 1]];
    await page.waitForFunction((want) => [...document.querySelectorAll('input[id^="cf-offer-"]')].map((e) => e.id.replace('cf-offer-', '')).join() === want, expected.join());
    assert.deepEqual(await order(), expected);
    assert.equal(await focused(), 'cf-up-chemical-peel', 'a moved row keeps focus on its button');
    await page.getByRole('button', { name: 'Start again…' }).click();
    await page.getByRole('button', { name: 'Yes, start again' }).click();
    assert.equal(await page.locator('#cf-clinicName').inputValue(), '');
    await page.reload();
    await waitForWidgets(page, 1);
    assert.equal(await page.locator('#cf-clinicName').inputValue(), '', 'the cleared draft is what is kept');
    await context.close();
  });

  it('storage that refuses: a clear message, and the configurator still works', { timeout: 60_000 }, async () => {
    const opened = await openPage(h.browser, { width: 1200, height: 1000 });
    await opened.page.addInitScript(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await opened.page.goto(CONFIGURATOR());
    await waitForWidgets(opened.page, 1);
    await opened.page.locator('#cf-clinicName').fill('Quota Clinic');
    await opened.page.getByRole('alert').filter({ hasText: 'could not be kept on this device' }).first().waitFor();
    await opened.page.locator('#cf-preview .tw-eyebrow', { hasText: 'Quota Clinic' }).waitFor();
    await opened.context.close();
  });
});

describe('money beyond session prices, and sections', () => {
  it('a tax rate, a membership and a financing plan reach the preview; a hidden section leaves it', { timeout: 90_000 }, async () => {
    const { page, preview, context, problems } = await openConfigurator();
    const start = { version: 1, clinicName: 'Tax Clinic', offeredTreatments: ['botox'], pricing: { treatments: { botox: { areas: { face: 400 } } } } };
    await page.locator('#cf-import-text').fill(JSON.stringify(start));
    await page.getByRole('button', { name: 'Use this config' }).click();
    await preview.getByRole('button', { name: 'Estimate the cost of a course' }).click();
    await preview.locator('.tw-total-figure').first().waitFor();
    const amount = async () => Number((await total(preview)).replace(/[^0-9.]/g, ''));
    const before = await amount();
    assert.ok(before > 0 && before % 400 === 0, `a whole number of $400 sessions: ${before}`);

    // Tax: 10 % on top of the prices.
    await page.locator(fieldFor('pricing.tax.label')).fill('Sales tax');
    await page.locator(fieldFor('pricing.tax.percent')).fill('10');
    await page.waitForFunction((b) => {
      const t = document.querySelector('#cf-preview').shadowRoot.querySelector('.tw-total-figure');
      return t && Number(t.textContent.replace(/[^0-9.]/g, '')) === Math.round(b * 1.1 * 100) / 100;
    }, before);
    // Said to be included already: the total is the price again.
    await page.locator(fieldFor('pricing.tax.included')).check();
    await page.waitForFunction((b) => Number(document.querySelector('#cf-preview').shadowRoot.querySelector('.tw-total-figure').textContent.replace(/[^0-9.]/g, '')) === b, before);

    // A membership and a financing plan: each shows up in the preview's estimator.
    await page.getByRole('button', { name: 'Add membership' }).click();
    await page.locator(fieldFor('pricing.memberships[0].name')).fill('Glow Club');
    await page.locator(fieldFor('pricing.memberships[0].monthlyFee')).fill('49');
    await page.locator(fieldFor('pricing.memberships[0].percentOff')).fill('15');
    await preview.getByText('Glow Club').first().waitFor();
    await page.getByRole('button', { name: 'Add plan' }).click();
    await page.locator(fieldFor('pricing.financing.plans[0].name')).fill('0% APR for 6 months');
    await page.locator(fieldFor('pricing.financing.plans[0].months')).fill('6');
    await page.locator(fieldFor('pricing.financing.plans[0].apr')).fill('0');
    await page.locator(fieldFor('pricing.financing.lender')).fill('Example Finance, subject to approval');
    await preview.locator('option', { hasText: '0% APR for 6 months' }).waitFor({ state: 'attached' });
    assert.equal(await page.locator('.cf-summary h2').textContent(), 'No problems');

    // The clinic's own name for a treatment, and a language switch for visitors.
    await page.locator(fieldFor('treatmentNames.botox')).fill('Anti-wrinkle injections');
    await preview.locator('#tw-est-treatment option', { hasText: 'Anti-wrinkle injections' }).waitFor({ state: 'attached' });
    await page.locator('#cf-languages').check();
    await preview.locator('#tw-language').waitFor();

    // Hiding "Myths and facts" takes it out of the preview's home view (seen after a reload,
    // which starts the preview at home with the kept draft).
    await page.locator('#cf-section-myths').uncheck();
    await page.reload();
    await waitForWidgets(page, 1);
    await preview.getByRole('button', { name: /^Questions/ }).waitFor();
    assert.equal(await preview.getByRole('button', { name: /^Myths and facts/ }).count(), 0);
    const exported = JSON.parse(await page.locator('#cf-json').inputValue());
    assert.ok(!exported.sections.includes('myths') && exported.sections.includes('faq'));
    assert.deepEqual(exported.pricing.tax, { label: 'Sales tax', percent: 10, included: true });
    assert.deepEqual(notWarnings(problems), []);
    await context.close();
  });
});

describe('the rest of a clinic: its own treatment, areas together, packages off, who a membership covers, locations, price notes', () => {
  it('each reaches the preview and comes out in the export as typed; an import over the draft asks first', { timeout: 120_000 }, async () => {
    const { page, preview, context, problems } = await openConfigurator();
    const money = (n) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);
    const amount = async () => Number((await total(preview)).replace(/[^0-9.]/g, ''));
    const start = { version: 1, clinicName: 'Iris Clinic', booking: { url: 'https://iris.example/book' }, offeredTreatments: ['professional-microneedling'],
      pricing: { treatments: { 'professional-microneedling': { areas: { face: 200, neck: 150 } } } } };
    await page.locator('#cf-import-text').fill(JSON.stringify(start));
    await page.getByRole('button', { name: 'Use this config' }).click(); // a blank draft: no question
    await preview.locator('.tw-eyebrow', { hasText: 'Iris Clinic' }).waitFor();

    // Look: corner roundness and spacing.
    await page.locator(fieldFor('theme.radius')).fill('4');
    await page.locator(fieldFor('theme.density')).selectOption('compact');

    // Face and neck together for $300 a session, less than $200 + $150 apart.
    await page.getByRole('button', { name: /^Add a price for areas done together\s*: Professional microneedling$/ }).click();
    const together = 'pricing.treatments.professional-microneedling.combinations[0]';
    assert.ok(await page.locator(`${fieldFor(`${together}.areas`)}-face`).isChecked());
    assert.ok(await page.locator(`${fieldFor(`${together}.areas`)}-neck`).isChecked());
    await page.locator(fieldFor(`${together}.price`)).fill('300');
    await preview.getByRole('button', { name: 'Estimate the cost of a course' }).click();
    await preview.locator('#tw-est-treatment').selectOption('professional-microneedling');
    await preview.getByRole('checkbox', { name: /^Neck/ }).check();
    const sessions = Number(await preview.locator('#tw-est-sessions').inputValue());
    await preview.locator('.tw-total-figure', { hasText: money(300 * sessions) }).first().waitFor();

    // The clinic's own treatment, priced for the face, for dull skin.
    await page.getByRole('button', { name: 'Add treatment' }).click();
    await page.locator(fieldFor('customTreatments[0].name')).fill('Signature facial');
    await page.locator(fieldFor('customTreatments[0].summary')).fill('A hydrating facial with gentle exfoliation.');
    await page.locator(`${fieldFor('customTreatments[0].areas')}-face`).check();
    await page.locator(fieldFor('pricing.treatments.own-1.areas.face')).fill('90');
    await page.locator(`${fieldFor('customTreatments[0]')}-concern-dull-skin`).selectOption('good');
    await preview.locator('#tw-est-treatment option', { hasText: 'Signature facial' }).waitFor({ state: 'attached' });

    // A membership for the facial only: offered with it, not with microneedling.
    await page.getByRole('button', { name: 'Add membership' }).click();
    await page.locator(fieldFor('pricing.memberships[0].name')).fill('Glow Club');
    await page.locator(fieldFor('pricing.memberships[0].monthlyFee')).fill('49');
    await page.locator(fieldFor('pricing.memberships[0].percentOff')).fill('10');
    await page.locator(`${fieldFor('pricing.memberships[0].treatments')}-own-1`).check();
    await preview.locator('#tw-est-treatment').selectOption('own-1');
    await preview.getByRole('radio', { name: /Glow Club/ }).waitFor();
    await preview.locator('#tw-est-treatment').selectOption('professional-microneedling');
    await preview.getByRole('checkbox', { name: /^Neck/ }).check();
    await preview.locator('.tw-total-figure', { hasText: money(300 * sessions) }).first().waitFor();
    assert.equal(await preview.getByRole('radio', { name: /Glow Club/ }).count(), 0);

    // A package of the usual course at 10% off each session: a way to pay in the preview.
    await page.getByRole('button', { name: 'Add a package' }).click();
    // The clinic's own treatment can have packages too, though offeredTreatments does not list it.
    assert.deepEqual(await page.locator(`${fieldFor('pricing.packages[0].treatment')} option`).allTextContents(), ['Professional microneedling', 'Signature facial']);
    await page.locator(fieldFor('pricing.packages[0].name')).fill('Course, 10% off');
    await page.locator(fieldFor('pricing.packages[0].sessions')).fill(String(sessions));
    await page.locator(`${fieldFor('pricing.packages[0]')}-pricedAs`).selectOption('percent');
    await page.locator(fieldFor('pricing.packages[0].percentOff')).fill('10');
    await preview.getByRole('radio', { name: /Course, 10% off/ }).waitFor();

    // Two locations, the second 10% dearer: the preview asks which, and prices there.
    for (const [i, name] of ['Downtown', 'Harbor'].entries()) {
      await page.getByRole('button', { name: 'Add location' }).click();
      await page.locator(fieldFor(`locations[${i}].name`)).fill(name);
    }
    await page.locator(fieldFor('locations[1].priceAdjustPercent')).fill('10');
    await preview.locator('#tw-est-location').waitFor();
    await preview.locator('#tw-est-location').selectOption('location-1');
    await preview.getByRole('checkbox', { name: /^Neck/ }).check();
    const downtown = await amount();
    await preview.locator('#tw-est-location').selectOption('location-2');
    await page.waitForFunction((d) => {
      const t = document.querySelector('#cf-preview').shadowRoot.querySelector('.tw-total-figure');
      return t && Math.abs(Number(t.textContent.replace(/[^0-9.]/g, '')) - d * 1.1) < 0.011;
    }, downtown);

    // The clinic's own words for the booking button; a placeholder the text does not have is explained beside it.
    await page.locator('#cf-wording-key').selectOption('booking.button');
    await page.getByRole('button', { name: 'Reword this text' }).click();
    const button = page.locator(fieldFor('copy.en["booking.button"]'));
    await page.waitForFunction(() => document.activeElement?.id === 'cf-copy-en--booking-button--');
    assert.equal(await button.inputValue(), 'Book a consultation', "it starts from the widget's words");
    await button.fill('Book your visit');
    await preview.locator('.tw-book', { hasText: 'Book your visit' }).first().waitFor();
    await button.fill('Book at {clnic}');
    await page.locator(`${fieldFor('copy.en["booking.button"]')}-problem`, { hasText: 'uses {clnic}, which this string does not have' }).waitFor();
    await button.fill('Book your visit');

    // Where the prices come from.
    await page.locator(fieldFor('pricing.sourceNote')).fill('Our own prices, December 2026.');
    await page.getByRole('button', { name: 'Add price source' }).click();
    await page.locator(fieldFor('pricing.priceSources[0].item')).fill('Microneedling');
    await page.locator(fieldFor('pricing.priceSources[0].figure')).fill('$200 a session');
    await page.locator(fieldFor('pricing.priceSources[0].source')).fill('Our price list');
    assert.equal(await page.locator('.cf-summary h2').textContent(), 'No problems');

    const exported = JSON.parse(await page.locator('#cf-json').inputValue());
    assert.deepEqual(exported.theme, { radius: 4, density: 'compact' });
    assert.deepEqual(exported.customTreatments, [{ id: 'own-1', name: 'Signature facial', summary: 'A hydrating facial with gentle exfoliation.',
      sessions: { typical: 1 }, areas: ['face'], concerns: [{ concern: 'dull-skin', fit: 'good' }] }]);
    assert.deepEqual(exported.pricing.treatments, {
      'professional-microneedling': { areas: { face: 200, neck: 150 }, combinations: [{ areas: ['face', 'neck'], price: 300 }] },
      'own-1': { areas: { face: 90 } },
    });
    assert.deepEqual(exported.pricing.memberships, [{ id: 'membership-1', name: 'Glow Club', monthlyFee: 49, percentOff: 10, treatments: ['own-1'] }]);
    assert.deepEqual(exported.pricing.packages, [{ id: 'package-1', name: 'Course, 10% off', treatment: 'professional-microneedling', sessions, percentOff: 10 }]);
    assert.deepEqual(exported.locations, [{ id: 'location-1', name: 'Downtown' }, { id: 'location-2', name: 'Harbor', priceAdjustPercent: 10 }]);
    assert.equal(exported.pricing.sourceNote, 'Our own prices, December 2026.');
    assert.deepEqual(exported.pricing.priceSources, [{ item: 'Microneedling', figure: '$200 a session', source: 'Our price list' }]);
    assert.deepEqual(exported.copy, { en: { 'booking.button': 'Book your visit' } });

    // An import over all this asks first; keeping the draft changes nothing.
    await page.locator('#cf-import-text').fill(JSON.stringify({ version: 1, clinicName: 'Other Clinic' }));
    await page.getByRole('button', { name: 'Use this config' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'cf-import-yes');
    await page.getByRole('button', { name: 'Keep my draft' }).click();
    await page.locator('.cf-import [role="status"]', { hasText: 'Not imported' }).waitFor();
    assert.equal(JSON.parse(await page.locator('#cf-json').inputValue()).clinicName, 'Iris Clinic');
    await page.getByRole('button', { name: 'Use this config' }).click();
    await page.getByRole('button', { name: 'Yes, replace my draft' }).click();
    await preview.locator('.tw-eyebrow', { hasText: 'Other Clinic' }).waitFor();

    assert.deepEqual(notWarnings(problems), []);
    await context.close();
  });
});

describe('words in each language, and the sections of a clinic treatment\'s page', () => {
  it('a text written per language gets a field per language; one text can be split; sections added in the form reach the page', { timeout: 90_000 }, async () => {
    const { page, preview, context, problems } = await openConfigurator();
    const start = { version: 1, clinicName: 'Iris Clinic', language: 'es', languages: ['es', 'en'], booking: { url: 'https://iris.example/book' },
      customTreatments: [{ id: 'glow', name: { en: 'Glow facial', es: 'Facial luminoso' }, summary: 'A gentle facial.', sessions: { typical: 1 }, areas: ['face'] }],
      pricing: { treatments: { glow: { areas: { face: 90 } } } } };
    await page.locator('#cf-import-text').fill(JSON.stringify(start));
    await page.getByRole('button', { name: 'Use this config' }).click();
    // The name as imported: a field for each language, each with its own words.
    assert.equal(await page.locator(fieldFor('customTreatments[0].name.en')).inputValue(), 'Glow facial');
    assert.equal(await page.locator(fieldFor('customTreatments[0].name.es')).inputValue(), 'Facial luminoso');
    await page.locator(fieldFor('customTreatments[0].name.es')).fill('Facial radiante');
    // One text for both languages, split: both start from the same words, then Spanish gets its own.
    await page.getByRole('button', { name: 'Write it in each language (What it is, in a sentence or two)' }).click();
    assert.equal(await page.locator(fieldFor('customTreatments[0].summary.es')).inputValue(), 'A gentle facial.');
    await page.locator(fieldFor('customTreatments[0].summary.es')).fill('Un facial suave.');
    // A section on its page.
    await page.getByRole('button', { name: 'Add a section to Glow facial' }).click();
    await page.locator(fieldFor('customTreatments[0].details[0].title')).fill('Cómo es una sesión');
    await page.locator(fieldFor('customTreatments[0].details[0].text')).fill('Dura una hora y no necesita tiempo de recuperación.');
    assert.equal(await page.locator('.cf-summary h2').textContent(), 'No problems');

    // The preview speaks Spanish: the Spanish name, summary and section on the treatment's page.
    await preview.getByRole('button', { name: /^Tratamientos/ }).click();
    await preview.getByRole('button', { name: /^Facial radiante/ }).click();
    await preview.getByRole('heading', { name: 'Facial radiante', level: 3 }).waitFor();
    await preview.getByText('Un facial suave.').first().waitFor();
    await preview.getByRole('heading', { name: 'Cómo es una sesión', level: 4 }).waitFor();
    await preview.getByText('Dura una hora y no necesita tiempo de recuperación.').waitFor();

    const exported = JSON.parse(await page.locator('#cf-json').inputValue());
    assert.deepEqual(exported.customTreatments, [{ id: 'glow', name: { en: 'Glow facial', es: 'Facial radiante' }, summary: { es: 'Un facial suave.', en: 'A gentle facial.' },
      sessions: { typical: 1 }, areas: ['face'], details: [{ title: 'Cómo es una sesión', text: 'Dura una hora y no necesita tiempo de recuperación.' }] }]);

    // Removing the section takes it off the page.
    await page.getByRole('button', { name: 'Remove section 1 (Glow facial)' }).click();
    await preview.getByRole('heading', { name: 'Cómo es una sesión' }).waitFor({ state: 'detached' });
    assert.equal(JSON.parse(await page.locator('#cf-json').inputValue()).customTreatments[0].details, undefined);
    assert.deepEqual(notWarnings(problems), []);
    await context.close();
  });
});

describe("a location's own prices", () => {
  it('start as the clinic\'s, change there only, reach the preview when that location is chosen, and can be given back', { timeout: 90_000 }, async () => {
    const { page, preview, context, problems } = await openConfigurator();
    const money = (n) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);
    const start = { version: 1, clinicName: 'Iris Clinic', booking: { url: 'https://iris.example/book' }, offeredTreatments: ['botox'],
      pricing: { treatments: { botox: { areas: { face: 300 } } } },
      locations: [{ id: 'downtown', name: 'Downtown' }, { id: 'harbor', name: 'Harbor', priceAdjustPercent: 10 }] };
    await page.locator('#cf-import-text').fill(JSON.stringify(start));
    await page.getByRole('button', { name: 'Use this config' }).click();
    await page.getByRole('button', { name: 'Give this location its own prices (Harbor)' }).click();
    const harborFace = fieldFor('locations[1].pricing.treatments.botox.areas.face');
    assert.equal(await page.locator(harborFace).inputValue(), '300', "it starts from the clinic's price");
    assert.equal(await page.locator(fieldFor('locations[1].priceAdjustPercent')).inputValue(), '', 'the percentage goes');
    await page.locator(harborFace).fill('350');
    assert.equal(await page.locator('.cf-summary h2').textContent(), 'No problems');

    // In the preview, each location's price: $300 downtown, $350 at the harbor, a session each.
    await preview.getByRole('button', { name: 'Estimate the cost of a course' }).click();
    await preview.locator('#tw-est-treatment').selectOption('botox');
    const sessions = Number(await preview.locator('#tw-est-sessions').inputValue());
    await preview.locator('#tw-est-location').selectOption('downtown');
    await preview.locator('.tw-total-figure', { hasText: money(300 * sessions) }).first().waitFor();
    await preview.locator('#tw-est-location').selectOption('harbor');
    await preview.locator('.tw-total-figure', { hasText: money(350 * sessions) }).first().waitFor();

    const exported = JSON.parse(await page.locator('#cf-json').inputValue());
    assert.deepEqual(exported.pricing, { treatments: { botox: { areas: { face: 300 } } } });
    assert.deepEqual(exported.locations[1], { id: 'harbor', name: 'Harbor', pricing: { treatments: { botox: { areas: { face: 350 } } } } });

    // Back to the clinic's prices.
    await page.getByRole('button', { name: 'Use your prices here instead (Harbor)' }).click();
    await preview.locator('.tw-total-figure', { hasText: money(300 * sessions) }).first().waitFor();
    assert.deepEqual(JSON.parse(await page.locator('#cf-json').inputValue()).locations[1], { id: 'harbor', name: 'Harbor' });
    assert.deepEqual(notWarnings(problems), []);
    await context.close();
  });
});

describe('the yes/no settings', () => {
  it('typical public ranges are said in the preview; packages and memberships are financed unless unticked, and ticking again writes no default out', { timeout: 60_000 }, async () => {
    const { page, preview, context, problems } = await openConfigurator();
    const start = { version: 1, clinicName: 'Iris Clinic', booking: { url: 'https://iris.example/book' }, offeredTreatments: ['botox'],
      pricing: { treatments: { botox: { areas: { face: 300 } } }, financing: { plans: [{ id: 'p12', name: '12 months', months: 12, apr: 0 }] } } };
    await page.locator('#cf-import-text').fill(JSON.stringify(start));
    await page.getByRole('button', { name: 'Use this config' }).click();
    await preview.getByRole('button', { name: 'Estimate the cost of a course' }).click();
    const typical = preview.getByText("These are typical public price ranges, not this clinic's own.");
    assert.equal(await typical.count(), 0);
    await page.getByLabel('These are typical public price ranges, not our own prices').check();
    await typical.first().waitFor();
    const packages = page.getByLabel('Packages can be financed');
    const memberships = page.getByLabel('Memberships can be financed');
    assert.ok(await packages.isChecked() && await memberships.isChecked(), 'the widget finances both unless told not to');
    await packages.uncheck();
    let exported = JSON.parse(await page.locator('#cf-json').inputValue());
    assert.equal(exported.pricesAreTypicalRanges, true);
    assert.deepEqual([exported.pricing.financing.withPackages, exported.pricing.financing.withMemberships], [false, undefined]);
    await packages.check();
    exported = JSON.parse(await page.locator('#cf-json').inputValue());
    assert.equal('withPackages' in exported.pricing.financing, false);
    assert.deepEqual(notWarnings(problems), []);
    await context.close();
  });
});

describe('import and export', () => {
  const examples = [
    ...readdirSync(resolve(ROOT, 'e2e/fixtures')).filter((f) => f.endsWith('.json')).map((f) => resolve(ROOT, 'e2e/fixtures', f)),
    resolve(ROOT, 'content/demo-clinic.json'),
  ];

  it(`every example config in the repo (${examples.length}) comes back out as it went in`, { timeout: 120_000 }, async () => {
    const { page, context } = await openConfigurator();
    for (const [i, file] of examples.entries()) {
      const text = readFileSync(file, 'utf8');
      await page.locator('#cf-import-text').fill(text);
      await page.getByRole('button', { name: 'Use this config' }).click();
      // After the first, each replaces a draft with work in it: asked first.
      if (i > 0) await page.getByRole('button', { name: 'Yes, replace my draft' }).click();
      await page.locator('.cf-import [role=status] p').waitFor();
      const out = await page.locator('#cf-json').inputValue();
      assert.deepEqual(JSON.parse(out), JSON.parse(text), file);
      // The keys in the clinic's order at every depth (the standard area is the first one listed).
      assert.equal(JSON.stringify(JSON.parse(out)), JSON.stringify(JSON.parse(text)), file);
    }
    await context.close();
  });

  it('what the widget cannot use is listed, linked to its field, and kept', { timeout: 60_000 }, async () => {
    const { page, context } = await openConfigurator();
    const config = { version: 1, clinicName: 'Madrid Clinic', taxRate: 21, booking: { url: 'ftp://nope.example' } };
    await page.locator('#cf-import-text').fill(JSON.stringify(config));
    await page.getByRole('button', { name: 'Use this config' }).click();
    await page.locator('.cf-import [role=status]', { hasText: 'would leave out or change 2 parts' }).waitFor();
    const listed = await page.locator('.cf-summary li').allTextContents();
    assert.equal(listed.length, 2, listed.join('\n'));
    assert.ok(listed.some((l) => l.includes('taxRate')), listed.join('\n'));
    assert.ok(listed.some((l) => l.startsWith('`booking.url`')), listed.join('\n'));
    // The booking problem links to the booking field, and is beside it.
    await page.locator('.cf-summary a', { hasText: 'booking.url' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'cf-booking-url');
    assert.equal(await page.locator('#cf-booking-url').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(JSON.parse(await page.locator('#cf-json').inputValue()), config, 'nothing dropped from the config');

    // The same from a file, then copied out.
    const fromFile = { version: 1, clinicName: 'File Clinic', currency: 'EUR', locale: 'es-ES' };
    await page.locator('.cf-file input[type=file]').setInputFiles({ name: 'clinic.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fromFile)) });
    await page.getByRole('button', { name: 'Yes, replace my draft' }).click();
    await page.locator('.cf-import [role=status]', { hasText: 'The widget can use all of it' }).waitFor();
    assert.deepEqual(JSON.parse(await page.locator('#cf-json').inputValue()), fromFile);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.site });
    await page.getByRole('button', { name: 'Copy the config JSON' }).click();
    await page.locator('.cf-export [role=status]', { hasText: 'Config JSON: Copied.' }).waitFor();
    assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), fromFile);

    await page.locator('#cf-import-text').fill('{"version": 1,');
    await page.getByRole('button', { name: 'Use this config' }).click();
    await page.locator('.cf-import .cf-problem', { hasText: 'not valid JSON' }).waitFor();
    assert.equal(JSON.parse(await page.locator('#cf-json').inputValue()).clinicName, 'File Clinic', 'a failed import changes nothing');
    await context.close();
  });
});

describe('what a visitor downloads', () => {
  it("the widget's page fetches nothing of the configurator, and the widget's wasm holds none of its text", { timeout: 60_000 }, async () => {
    const { page, context } = await openPage(h.browser, { width: 1100, height: 900 });
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${h.site}/dist/index.html`);
    await waitForWidgets(page, 1);
    assert.ok(fetched.includes('/dist/treatment-widget-app_bg.wasm'), fetched.join('\n'));
    assert.deepEqual(fetched.filter((p) => /configurator/.test(p)), []);
    const wasm = (name) => readFileSync(resolve(ROOT, 'dist', name)).toString('latin1');
    const widget = wasm('treatment-widget-app_bg.wasm');
    const configurator = wasm('treatment-widget-configurator_bg.wasm');
    for (const text of ['treatment-widget-configurator:draft', 'Yes, start again', 'Snippet for a hosted config']) {
      assert.equal(widget.includes(text), false, text);
      assert.ok(configurator.includes(text), `the same check finds "${text}" in the configurator's wasm`);
    }
    await context.close();
  });
});

describe('accessibility', () => {
  for (const width of [360, 1200]) {
    it(`no axe violations (WCAG 2.1 A/AA) and no horizontal scroll at ${width} px`, { timeout: 60_000 }, async () => {
      const { page, context } = await openConfigurator({ width, height: 900 });
      await page.getByRole('button', { name: 'Add a package' }).click();
      await page.locator(`${fieldFor('pricing.packages[0]')}-pricedAs`).selectOption('percent');
      for (const name of ['Add treatment', 'Add location', 'Add price source', 'Add membership']) await page.getByRole('button', { name }).click();
      await page.locator(fieldFor('pricing.treatments.professional-microneedling.areas.face')).fill('200');
      await page.locator(fieldFor('pricing.treatments.professional-microneedling.areas.neck')).fill('150');
      await page.getByRole('button', { name: /^Add a price for areas done together\s*: Professional microneedling$/ }).click();
      await page.locator('#cf-booking-url').fill('not a link');
      // The newer parts too: a section on the own treatment's page, a location's own prices.
      await page.getByRole('button', { name: /^Add a section/ }).click();
      await page.getByRole('button', { name: /^Give this location its own prices/ }).click();
      await page.locator(fieldFor('locations[0].pricing.treatments.professional-microneedling.areas.face')).waitFor();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll');
      await context.close();
    });
  }
});
