// assistance.test.mjs — personal assistance in operation through a real browser, with axe-core
// on every page: the unit manager opens the shared staff follow-up, follows the
// link to a person's assistance page, records a trip notified too late (refused with R-072 at
// the field, the typed note kept) and then with the shorter notice accepted; the officer opens a
// draft report to IVO.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, login } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer({ persons: 200 }); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.stop(); });

test('R-070/R-072: the staff follow-up, the assistance page and a refused trip are accessible', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'enhetschef');
  await page.goto(`${srv.base}/enhet/personal`);
  await page.getByRole('heading', { level: 1, name: 'Uppföljning av assistenter och uppdragstagare' }).waitFor();
  const row = page.getByRole('row', { name: /Maria Anhörigsson/ });
  assert.match(await row.innerText(), /Inget uppföljningsbesök registrerat/);
  await page.checkA11y('staff follow-up');
  await row.getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: /Assistans och uppdrag/ }).waitFor();
  await page.checkA11y('assistance page');

  const form = page.locator('form[action$="/assistans/vistelse"]');
  await form.getByLabel('Slag av vistelse').selectOption('travel');
  await form.getByLabel('Från och med').fill('2026-12-01');
  await form.getByLabel('Till och med').fill('2026-12-03');
  await form.getByLabel('Resan meddelades den').fill('2026-11-23');
  await form.getByLabel('Anteckning').fill('Resa till Visby');
  await form.getByRole('button', { name: 'Registrera vistelsen' }).click();
  await page.getByRole('alert').first().waitFor();
  assert.match(await page.getByRole('alert').first().innerText(), /R-072/);
  const refused = page.locator('form[action$="/assistans/vistelse"]');
  assert.equal(await refused.getByLabel('Anteckning').inputValue(), 'Resa till Visby');
  assert.equal(await refused.getByLabel('Resan meddelades den').getAttribute('aria-invalid'), 'true');
  await page.checkA11y('trip refused');

  await refused.getByLabel('Skäl att godta kortare varsel').fill('Begravning');
  await refused.getByRole('button', { name: 'Registrera vistelsen' }).click();
  await page.getByRole('status').waitFor();
  assert.match(await page.locator('#vistelse-lista').innerText(), /kort varsel godtaget: Begravning/);
  assert.deepEqual(page.violations, []);
});

test('R-071: the officer opens the draft report to IVO', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'handlaggare');
  await page.goto(`${srv.base}/utforare/2/ivo`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.checkA11y('provider doubts');
  await page.locator('#ivo-lista a').first().click();
  await page.getByRole('heading', { level: 1, name: /Anmälan till IVO/ }).waitFor();
  assert.match(await page.locator('#anmalan').innerText(), /Grunder:/);
  await page.checkA11y('draft report');
  assert.deepEqual(page.violations, []);
});
