// smoke.test.mjs — the basics through a real browser: each role logs in and sees Mitt arbete
// without accessibility violations; a wrong password is refused with the reason; logging out
// ends the session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, login, logout } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.stop(); });

for (const user of ['handlaggare', 'enhetschef', 'ekonom', 'revisor', 'admin']) {
  test(`${user} logs in and sees Mitt arbete without axe violations`, async () => {
    const page = await newPage(browser);
    await login(page, srv.base, user);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor());
    await page.checkA11y(`${user}: Mitt arbete`);
    await logout(page);
    await page.waitForURL(/\/login/);
    assert.deepEqual(page.violations, []);
  });
}

test('a wrong password is refused with the reason and the username kept', async () => {
  const page = await newPage(browser);
  await page.goto(`${srv.base}/login`);
  await page.getByLabel('Användarnamn').fill('handlaggare');
  await page.getByLabel('Lösenord').fill('fel lösenord igen');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /Fel användarnamn eller lösenord/);
  assert.equal(await page.getByLabel('Användarnamn').inputValue(), 'handlaggare');
  assert.equal(await page.getByLabel('Lösenord').inputValue(), '');
  await page.checkA11y('login refused');
  assert.deepEqual(page.violations, []);
});

test('after logging out, the work list sends the browser back to the login page', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'handlaggare');
  await logout(page);
  await page.goto(`${srv.base}/`);
  assert.match(page.url(), /\/login$/);
});
