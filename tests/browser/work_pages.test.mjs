// work_pages.test.mjs — Mitt arbete in pages through a real browser: the first page shows 50
// duties and a "Visa fler" link, which leads to the next 50 with a way back; both pages without
// accessibility violations (the page links are a labelled navigation landmark).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, login } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer({ persons: 300, seed: 5 }); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.stop(); });

test('the officer pages through Mitt arbete with Visa fler and back', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'handlaggare');
  const mine = page.locator('table').last().locator('tbody tr');
  assert.equal(await mine.count(), 50);
  const nav = page.getByRole('navigation', { name: 'Sidor i Mina frister' });
  await assert.doesNotReject(nav.getByText('Visar 1–50').waitFor());
  await page.checkA11y('Mitt arbete, page 1');
  const first = await mine.first().innerText();
  await nav.getByRole('link', { name: 'Visa fler' }).click();
  await page.waitForURL(/\?sida=2$/);
  await assert.doesNotReject(page.getByText('Visar 51–100').waitFor());
  assert.notEqual(await page.locator('table').last().locator('tbody tr').first().innerText(), first);
  await page.checkA11y('Mitt arbete, page 2');
  await page.getByRole('link', { name: 'Föregående sida' }).click();
  await page.waitForURL(/\?sida=1$/);
  assert.equal(await page.locator('table').last().locator('tbody tr').first().innerText(), first);
  assert.deepEqual(page.violations, []);
});
