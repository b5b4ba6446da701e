// payment.test.mjs — the payment pages through a real browser with axe-core on each: finance's
// settlement month, a line with its forms, the reconciliation and the higher-rate page (R-073,
// R-142); a refused application keeps what was typed; the unit manager's Ersättningar and
// attendance page; an officer's Försäkringskassan page for a person.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, login } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer({ persons: 60 }); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.stop(); });

test('R-073: finance reads the settlement, a line and the reconciliation without axe violations', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'ekonom');
  await page.getByRole('link', { name: 'Avräkning' }).click();
  await page.getByRole('heading', { level: 1, name: 'Avräkning personlig assistans' }).waitFor();
  await page.checkA11y('settlement month');
  const first = page.locator('#rader tbody a').first();
  if (await first.count()) {
    await first.click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.checkA11y('settlement line');
    await page.goBack();
  }
  await page.getByRole('link', { name: /Avstämning/ }).click();
  await page.checkA11y('reconciliation');
  await page.goto(`${srv.base}/ekonomi/timbelopp?manad=2026-11`);
  await page.getByLabel('Beslutets nummer').fill('1');
  await page.getByLabel('Timbelopp i kronor').fill('9999,00');
  await page.getByLabel('Särskilda skäl').fill('Två assistenter');
  await page.getByRole('button', { name: 'Registrera ansökan' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByLabel('Timbelopp i kronor').inputValue(), '9999,00');
  await page.checkA11y('higher rate refused');
  assert.deepEqual(page.violations, []);
});

test('R-087: the unit manager reads Ersättningar and the attendance page without axe violations', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'enhetschef');
  await page.getByRole('link', { name: 'Ersättningar' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ersättningar' }).waitFor();
  await page.checkA11y('receipts');
  await page.getByRole('link', { name: /Daglig verksamhet/ }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.checkA11y('attendance');
  assert.deepEqual(page.violations, []);
});

test('R-110: an officer opens a person\'s Försäkringskassan page without axe violations', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'handlaggare');
  const person = page.locator('a[href^="/person/"]').first();
  const href = await person.getAttribute('href');
  const id = href.match(/\/person\/(\d+)/)[1];
  await page.goto(`${srv.base}/person/${id}/fk`);
  await page.getByRole('heading', { level: 1, name: 'Försäkringskassan' }).waitFor();
  await page.checkA11y('fk page');
  assert.deepEqual(page.violations, []);
});
