// End-to-end: the Contacts page as a person uses it, on the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

async function createContact(page, { first, last, email }) {
  if (!(await page.getByRole('dialog').isVisible())) {
    await page.getByRole('button', { name: 'Create', exact: true }).first().click();
  }
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('First name').fill(first);
  await dialog.getByLabel('Last name').fill(last);
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Save' }).click();
}

test('a created contact is listed and still there after a reload', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    assert.equal(await page.locator('h1').count(), 1);
    await createContact(page, { first: 'Ada', last: 'Lovelace', email: ' ADA@Example.com ' });
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const row = page.locator('tbody tr', { hasText: 'Lovelace' });
    await row.waitFor();
    assert.match(await row.innerText(), /Ada\s+Lovelace\s+ada@example\.com/);

    // First visit: nothing stored, so nothing was read ahead of the app.
    const readAhead = () => page.evaluate(() => performance.getEntriesByName('cairn:read-ahead')[0]?.detail ?? null);
    assert.equal(await readAhead(), null);

    await page.reload();
    await ready(page);
    await page.locator('tbody tr', { hasText: 'Lovelace' }).waitFor();
    assert.equal(await page.getByTestId('record-count').innerText(), '1 contact');
    // The stored workspace was read by a worker while the app loaded, and handed over.
    assert.equal(await readAhead(), 'worker');
    await createContact(page, { first: 'Grace', last: 'Hopper', email: 'grace@navy.mil' });
    await page.locator('tbody tr', { hasText: 'Hopper' }).waitFor();
    await screenshot(page, 'contacts-1280');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an invalid email shows an error next to the field and stores nothing', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await createContact(page, { first: 'Bad', last: 'Email', email: 'ada@' });
    const error = page.locator('#create-email-error');
    await error.filter({ hasText: 'valid email' }).waitFor();
    assert.equal(await page.getByRole('dialog').getByLabel('Email').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('tbody tr').count(), 0);
    await screenshot(page, 'contacts-invalid-email');

    await page.reload();
    await ready(page);
    assert.equal(await page.locator('tbody tr').count(), 0);
    assert.equal(await page.getByTestId('record-count').innerText(), '0 contacts');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('without IndexedDB a banner says data will not be kept, and the app still works', async () => {
  const { context, page } = await launch();
  try {
    // Private modes and locked-down browsers refuse to open databases.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function () { throw new DOMException('blocked by policy', 'SecurityError'); };
    });
    await page.goto(server.url);
    await page.getByTestId('storage-banner').waitFor();
    assert.match(await page.getByTestId('storage-banner').innerText(), /will not keep your data/);
    await createContact(page, { first: 'Memo', last: 'Only', email: 'memo@example.com' });
    await page.locator('tbody tr', { hasText: 'Only' }).waitFor();
    await screenshot(page, 'contacts-no-storage');
  } finally {
    await context.close();
  }
});

test('the Contacts page fits a phone screen', async () => {
  const { context, page } = await launch({ viewport: { width: 375, height: 812 } });
  try {
    await page.goto(server.url);
    await ready(page);
    await createContact(page, { first: 'Zoë', last: 'Müller', email: 'zoe@example.de' });
    await page.locator('tbody tr', { hasText: 'Müller' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await screenshot(page, 'contacts-375');
  } finally {
    await context.close();
  }
});
