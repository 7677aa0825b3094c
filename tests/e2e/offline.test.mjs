// End-to-end: the app shell works offline after one visit, obeys its CSP, and talks to no
// other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

async function create(page, first, email) {
  await page.getByRole('button', { name: 'Create', exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('First name').fill(first);
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Save' }).click();
}

test('after one visit the app reloads and works with the network off', async () => {
  const { context, page, errors } = await launch();
  const foreign = [];
  context.on('request', (r) => { if (!r.url().startsWith(new URL(server.url).origin)) foreign.push(r.url()); });
  try {
    await page.goto(server.url);
    await ready(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await create(page, 'Offline', 'offline@example.com');
    await page.locator('tbody tr', { hasText: 'Offline' }).waitFor();

    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await page.locator('tbody tr', { hasText: 'Offline' }).waitFor();
    await create(page, 'Still', 'still@example.com');
    await page.locator('tbody tr', { hasText: 'Still' }).waitFor();
    await screenshot(page, 'offline');

    assert.deepEqual(foreign, [], 'requests to another origin');
    assert.deepEqual(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), [], 'page errors or CSP violations');
  } finally {
    await context.close();
  }
});

test('the page carries a Content-Security-Policy and subresource integrity', async () => {
  const { context, page } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /object-src 'none'/);
    const preloads = await page.locator('link[rel="modulepreload"], link[rel="preload"]').evaluateAll((ls) => ls.map((l) => l.integrity));
    assert.ok(preloads.length >= 2 && preloads.every((i) => i.startsWith('sha384-')), JSON.stringify(preloads));
  } finally {
    await context.close();
  }
});
