// End-to-end: a browser killed in the middle of a 50,000-record bulk write loses nothing saved
// before, and holds either the whole batch or none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist, launch, ready, createContact, screenshot } from './harness.mjs';

const BULK = 50_000;
/** How long after the batch's write begins the browser is killed: while it is being stored. */
const KILL_AFTER_MS = Number(process.env.CRASH_KILL_AFTER_MS ?? 40);

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

/** Chromium started by the test itself, so the test can kill its process outright. */
async function launchKillable(profile) {
  const proc = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--window-size=1280,800', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise((resolve, reject) => {
    let out = '';
    proc.stderr.on('data', (d) => {
      out += d;
      const m = out.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    proc.on('exit', () => reject(new Error(`chromium exited early: ${out}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  return { proc, browser, page };
}

/** The contacts stored in IndexedDB (snapshot chunks of either format, then log batches). */
function storedEmails(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('cairn');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['log'], 'readonly');
      const req = tx.objectStore('log').getAll();
      req.onsuccess = () => {
        const emails = new Set();
        for (const text of req.result) {
          for (const op of JSON.parse(text).ops) {
            const email = op.value?.props?.email;
            if (op.key.kind === 'record' && email) emails.add(email[email.length - 1].v);
          }
        }
        open.result.close();
        resolve([...emails]);
      };
      req.onerror = () => reject(req.error);
    };
  }));
}

test('a browser killed during a 50,000-record write keeps all of the batch or none, and everything before', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'cairn-crash-'));
  const owned = await launchKillable(profile);
  let savedBeforeKill;
  try {
    const { page } = owned;
    await page.goto(server.url);
    await ready(page);
    await createContact(page, { first: 'Ada', last: 'Before', email: 'ada.before@example.com' });
    await page.locator('tbody tr', { hasText: 'Ada' }).waitFor();
    await createContact(page, { first: 'Grace', last: 'Before', email: 'grace.before@example.com' });
    await page.locator('tbody tr', { hasText: 'Grace' }).waitFor();

    await page.goto(`${server.url}?bench-bulk=${BULK}`);
    await page.waitForFunction(() => performance.getEntriesByName('cairn:bulk-writing').length > 0, null, { timeout: 180_000, polling: 10 });
    await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
    savedBeforeKill = await page.evaluate(() => performance.getEntriesByName('cairn:bulk-saved').length > 0);
  } finally {
    owned.proc.kill('SIGKILL');
    await new Promise((r) => (owned.proc.exitCode !== null ? r() : owned.proc.once('exit', r)));
  }

  const { context, page } = await launch({ profile });
  try {
    await page.goto(server.url);
    await ready(page);
    const count = await page.getByTestId('record-count').innerText();
    const emails = await storedEmails(page);
    const bulk = emails.length - 2;
    console.log(`killed ${KILL_AFTER_MS} ms after the batch's write began; saved before the kill: ${savedBeforeKill}; contacts of the batch stored: ${bulk}`);
    assert.ok(emails.includes('ada.before@example.com') && emails.includes('grace.before@example.com'), 'earlier contacts are intact');
    assert.ok(bulk === 0 || bulk === BULK, `all or none of the batch, found ${bulk}`);
    assert.equal(count.replace(/\D/g, ''), String(bulk + 2), `the table counts what is stored: ${count}`);
    if (savedBeforeKill) assert.equal(bulk, BULK, 'a batch reported saved survives the kill');

    // As a person would check: both earlier contacts are found by the quick search.
    await page.getByLabel('Search', { exact: true }).fill('Before');
    await page.getByRole('row', { name: /Ada Before/ }).waitFor();
    await page.getByRole('row', { name: /Grace Before/ }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2);
    await screenshot(page, 'crash-reopened');
  } finally {
    await context.close();
  }
});
