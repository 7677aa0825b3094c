// End-to-end: two tabs of one browser profile see each other's changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, ready, createContact } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

test('a contact created in one tab shows in the other within a second', async () => {
  const { context, page: first } = await launch();
  try {
    await first.goto(server.url);
    await ready(first);
    const second = await context.newPage();
    await second.goto(server.url);
    await ready(second);

    await createContact(first, { first: 'Shared', email: 'shared@example.com' });
    await first.locator('tbody tr', { hasText: 'Shared' }).waitFor();
    await second.locator('tbody tr', { hasText: 'Shared' }).waitFor({ timeout: 1000 });

    await createContact(second, { first: 'Back', email: 'back@example.com' });
    await first.locator('tbody tr', { hasText: 'Back' }).waitFor({ timeout: 1000 });
    assert.equal(await first.locator('tbody tr').count(), 2);
    assert.equal(await second.locator('tbody tr').count(), 2);
  } finally {
    await context.close();
  }
});

test('an old tab steps aside when a newer version upgrades the database', async () => {
  const { context, page: old } = await launch();
  try {
    await old.goto(server.url);
    await ready(old);
    const newer = await context.newPage();
    await newer.goto(server.url);
    await ready(newer);
    // What a newer build does when it changes the database's layout.
    const outcome = await newer.evaluate(() => new Promise((resolve) => {
      const req = indexedDB.open('cairn', 2);
      req.onsuccess = () => { req.result.close(); resolve('upgraded'); };
      req.onblocked = () => resolve('blocked');
      req.onerror = () => resolve(`error: ${req.error}`);
    }));
    assert.equal(outcome, 'upgraded');
    const banner = old.getByTestId('storage-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /newer version of Cairn/);
  } finally {
    await context.close();
  }
});
