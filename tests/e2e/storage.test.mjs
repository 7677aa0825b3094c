// End-to-end: storage failures roll the change back, say so plainly, and keep saved data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

async function create(page, first, email) {
  const dialog = page.getByRole('dialog');
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Create', exact: true }).first().click();
  await dialog.getByLabel('First name').fill(first);
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Save' }).click();
}

test('a full disk rolls back the new contact, says so, and keeps the earlier ones', async () => {
  const { context, page } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await create(page, 'Kept', 'kept@example.com');
    await page.locator('tbody tr', { hasText: 'Kept' }).waitFor();

    // From now on every write fails the way a full disk makes IndexedDB fail.
    await page.evaluate(() => {
      IDBObjectStore.prototype.add = function () { throw new DOMException('quota', 'QuotaExceededError'); };
    });
    await create(page, 'Lost', 'lost@example.com');
    await page.getByRole('dialog').getByRole('alert').filter({ hasText: 'storage is full' }).waitFor();
    await page.locator('tbody tr', { hasText: 'Lost' }).waitFor({ state: 'detached' });
    assert.equal(await page.locator('tbody tr').count(), 1);
    await screenshot(page, 'storage-full');

    await page.reload();
    await ready(page);
    const names = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(names, ['Kept']);
  } finally {
    await context.close();
  }
});
