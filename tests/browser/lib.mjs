// lib.mjs — what the browser tests share: a fresh demo database and a real `insats serve` on a
// free loopback port, Debian's chromium through playwright-core, logging in as a role, and an
// axe-core check of every page visited (violations are collected and asserted at the end).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const bin = process.env.INSATS_BIN || path.join(root, 'insats');
export const TODAY = '2026-11-23';
export const PASSWORD = 'demo-lösenord';
const axeSource = fs.readFileSync(path.join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

async function waitForServer(url, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`insats serve exited with ${child.exitCode}`);
    try { const r = await fetch(url); if (r.status > 0) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('insats serve did not answer');
}

// Starts a demo database and the server; returns { base, db, stop }.
export async function startServer({ persons = 120, seed = 3 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'insats-browser-'));
  const db = path.join(dir, 'demo.db');
  execFileSync(bin, ['demo', '--db', db, '--persons', String(persons), '--seed', String(seed),
    '--today', TODAY, '--quiet'], { stdio: 'ignore' });
  const port = await freePort();
  const child = spawn(bin, ['serve', '--db', db, '--port', String(port), '--today', TODAY],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/login`, child);
  return {
    base, db, dir, log: () => log,
    sql: (q) => execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim(),
    stop: () => new Promise((resolve) => {
      child.once('exit', () => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page whose every navigation is checked with axe-core. The page's own CSP forbids injected
// scripts, so the test context bypasses CSP for axe only (the server's headers are tested by
// the HTTP tests).
export async function newPage(browser) {
  const ctx = await browser.newContext({ bypassCSP: true, locale: 'sv-SE' });
  const page = await ctx.newPage();
  page.violations = [];
  page.checkA11y = async (label) => {
    await page.addScriptTag({ content: axeSource });
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    for (const v of found) page.violations.push(`${label || page.url()}: ${v}`);
  };
  return page;
}

export async function login(page, base, username) {
  await page.goto(`${base}/login`);
  await page.checkA11y('login');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(`${base}/`);
}

export async function logout(page) {
  await page.getByRole('button', { name: 'Logga ut' }).click();
}
