// assistance.test.mjs — personal assistance in operation through a real browser, with axe-core
// on every page: the unit manager opens the shared staff follow-up, follows the
// link to a person's assistance page, records a trip notified too late (refused with R-072 at
// the field, the typed note kept) and then with the shorter notice accepted; the officer opens a
// draft report to IVO and decides a partly granted temporary increase, whose letter
// carries the appeal instructions.
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

test('R-068/R-031: a partly granted temporary increase and its letter', async () => {
  const person = srv.sql("SELECT c.person_id FROM decision d JOIN lss_case c ON c.id = d.case_id "
    + "JOIN app_user u ON u.id = c.officer_id WHERE u.username = 'handlaggare' "
    + "AND d.insats = 'personlig_assistans' AND d.outcome = 'granted' ORDER BY d.id LIMIT 1");
  assert.ok(person, 'the officer has a personal-assistance decision in the demo');
  const page = await newPage(browser);
  await login(page, srv.base, 'handlaggare');
  await page.goto(`${srv.base}/person/${person}/assistans`);
  await page.getByRole('heading', { level: 1, name: /Assistans och uppdrag/ }).waitFor();
  const form = page.locator('form[action$="/assistans/utokning"]');
  await form.getByLabel('Från och med').fill('2026-12-01');
  await form.getByLabel('Till och med', { exact: true }).fill('2026-12-31');
  await form.getByLabel('Utökning, timmar per vecka', { exact: true }).fill('5');
  await form.getByLabel('Ansökt utökning, timmar per vecka').fill('10');
  await form.getByLabel('Skäl').fill('Efter operation, i avvaktan på ny utredning');
  await form.getByRole('button', { name: 'Besluta utökningen' }).click();
  await page.getByRole('status').waitFor();
  await page.locator('#utokning-lista').getByRole('link', { name: 'Delvis beviljad' }).first().click();
  await page.getByRole('heading', { level: 1, name: /Beslut om tillfällig utökning/ }).waitFor();
  assert.match(await page.locator('article.letter').innerText(), /Ansökan beviljas delvis/);
  await page.getByRole('heading', { name: 'Hur man överklagar' }).waitFor();
  await page.checkA11y('increase letter');
  assert.deepEqual(page.violations, []);
});
