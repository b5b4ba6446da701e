// finance.test.mjs — issue 5, item 6, as finance works: the ekonom logs in, uploads a
// CSV file of sick-pay invoices (a file with a bad row is refused with the line named and
// nothing imported; the corrected file is imported), opens the riskiest provider, sees its
// reasons with their numbers, opens its riskiest invoice and records a decision (reported to
// IVO, with a note). axe-core checks every page on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, login } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer({ persons: 40, seed: 5 }); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.stop(); });

async function submit(page, label) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: label }).first().click()]);
}

// The file finance picks in the browser's file dialog.
const csvFile = (lines) => ({ name: 'sjuklon.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') });

const HEADER = 'orgnr;personnummer;assistent;fakturanummer;fakturadatum;period_fran;period_till;' +
  'sjuk_fran;sjuk_till;sjukdagar;sjuktimmar;fakturerade_timmar;belopp_kr';

test('finance imports invoices, opens the riskiest provider and records a decision', async (t) => {
  const page = await newPage(browser);
  const a11y = (label) => page.checkA11y(label);
  const pnr = srv.sql('SELECT pnr FROM person ORDER BY id LIMIT 1');
  const row = (no, date) => `559900-0048;${pnr};Kim Sjuksson (demo);${no};${date};2026-10-01;` +
    '2026-10-31;2026-10-05;2026-10-07;3;24;160;10080';
  const before = Number(srv.sql('SELECT count(*) FROM sick_pay_invoice'));

  await t.test('the work list opens from the menu', async () => {
    await login(page, srv.base, 'ekonom');
    await page.getByRole('link', { name: 'Sjuklönefakturor' }).first().click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('h1').textContent(), 'Sjuklönefakturor');
    await a11y('arbetslista');
  });

  await t.test('a file with a bad row is refused, the line named, nothing imported', async () => {
    await page.goto(`${srv.base}/ekonomi/sjuklon/import`);
    await a11y('import');
    await page.locator('[name="file"]').setInputFiles(csvFile([HEADER, row('BR-1', '2026-11-10'), row('BR-2', '2026-11-31')]));
    await submit(page, 'Importera');
    const bad = page.locator('table tbody tr');
    assert.equal(await bad.count(), 1);
    assert.match(await bad.first().textContent(), /^3fakturadatum/);
    assert.match(await page.locator('[role="alert"]').first().textContent(), /inget i filen importerades/);
    assert.equal(Number(srv.sql('SELECT count(*) FROM sick_pay_invoice')), before);
    await a11y('import refused');
  });

  await t.test('the corrected file is imported whole', async () => {
    await page.locator('[name="file"]').setInputFiles(csvFile([HEADER, row('BR-1', '2026-11-10'), row('BR-2', '2026-11-20')]));
    await submit(page, 'Importera');
    assert.match(page.url(), /\/ekonomi\/sjuklon\?klart=sparat/);
    assert.equal(Number(srv.sql('SELECT count(*) FROM sick_pay_invoice')), before + 2);
    await a11y('imported');
  });

  await t.test('the riskiest provider shows its reasons', async () => {
    await page.locator('#utforare-risk tbody tr').first().getByRole('link').click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('h1').textContent(), 'Snabbassistans AB (demo)');
    const permit = page.locator('#indikatorer tr', { hasText: 'IVO-tillstånd' });
    assert.match(await permit.textContent(), /[1-9]\d* av \d+/);
    assert.match(await page.locator('main').textContent(), /Inget IVO-tillstånd är registrerat/);
    assert.match(await page.locator('main').textContent(), /kommunens median/);
    await a11y('utförare');
  });

  await t.test('finance opens the riskiest invoice and reports it to IVO', async () => {
    await page.locator('#fakturor ~ table tbody tr, h2#fakturor + table tbody tr').first().getByRole('link').click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('h1').textContent(), /^Sjuklönefaktura /);
    assert.ok(await page.locator('tr.fired').count() >= 3);
    await a11y('faktura');
    await page.locator('[name="action"]').selectOption('reported_ivo');
    await submit(page, 'Spara åtgärden');
    assert.match(await page.locator('[role="alert"]').first().textContent(), /Skriv varför/);
    await a11y('åtgärd nekad');
    await page.locator('[name="note"]').fill('Utföraren saknar IVO-tillstånd; anmält till IVO.');
    await submit(page, 'Spara åtgärden');
    assert.match(page.url(), /klart=sparat/);
    assert.match(await page.locator('ol.invoice-actions').textContent(), /Anmäld till IVO/);
    assert.equal(srv.sql("SELECT count(*) FROM audit_event WHERE action = 'invoice.reported_ivo'"), '1');
    await a11y('åtgärd sparad');
  });
});
