// End-to-end: index pages (create dialog, sample data, sort, search, paging, delete + undo,
// recycle bin) and the global search dialog, on the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready, loadSample } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

const count = (page) => page.getByTestId('record-count').innerText();

async function openCreate(page) {
  await page.getByRole('button', { name: 'Create', exact: true }).first().click();
  await page.getByRole('dialog').waitFor();
}

test('the create dialog shows a validation error and links a duplicate email to its record', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await openCreate(page);
    const dialog = page.getByRole('dialog');
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    // Focus starts inside the dialog and Escape closes it.
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('[role=dialog]')), true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await openCreate(page);
    await page.getByRole('dialog').getByLabel('First name').fill('Ada');
    await page.getByRole('dialog').getByLabel('Email').fill('ada@');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.locator('#create-email-error').filter({ hasText: 'valid email' }).waitFor();
    assert.equal(await page.getByRole('dialog').getByLabel('Email').getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'create-invalid-1280');
    await page.getByRole('dialog').getByLabel('Email').fill('ada@example.com');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('tbody tr', { hasText: 'ada@example.com' });
    await row.waitFor();
    const id = await row.getAttribute('data-id');

    await openCreate(page);
    await page.getByRole('dialog').getByLabel('First name').fill('Ada again');
    await page.getByRole('dialog').getByLabel('Email').fill(' ADA@example.com ');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    const error = page.locator('#create-email-error');
    await error.filter({ hasText: 'already exists' }).waitFor();
    const link = error.getByRole('link', { name: 'open it' });
    assert.match(await link.getAttribute('href'), new RegExp(`/cairn/objects/contacts/${id}$`));
    await screenshot(page, 'create-duplicate-1280');
    await page.keyboard.press('Escape');
    assert.equal(await count(page), '1 contact');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('sample data loads in one go; the table sorts, searches and pages', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.locator('h1', { hasText: 'Companies' }).waitFor();
    assert.equal(await page.locator('h1').innerText(), 'Companies');
    await screenshot(page, 'index-empty-1280');
    await loadSample(page);
    assert.equal(await count(page), '40 records');
    await page.goto(server.url);
    await ready(page);
    assert.equal(await count(page), '250 contacts');
    assert.equal(await page.locator('tbody tr').count(), 50);
    assert.equal(await page.getByTestId('page-status').innerText(), 'Page 1 / 5');
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByTestId('page-status').filter({ hasText: 'Page 2 / 5' }).waitFor();

    await page.getByRole('button', { name: 'Last name' }).click();
    const header = page.locator('th', { hasText: 'Last name' });
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    assert.equal(await page.getByTestId('page-status').innerText(), 'Page 1 / 5');
    const names = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    // Ascending by initial (accents folded, as the core's sort folds them).
    const initials = names.map((n) => n.trim().slice(0, 1));
    for (let i = 1; i < initials.length; i++) {
      assert.ok(initials[i - 1].localeCompare(initials[i], 'en', { sensitivity: 'base' }) <= 0, `${names[i - 1]} before ${names[i]}`);
    }
    await page.getByRole('button', { name: 'Last name' }).click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');

    const first = (await page.locator('tbody tr td:nth-child(2)').first().innerText()).trim();
    await page.getByLabel('Search', { exact: true }).fill(first);
    await page.waitForFunction((n) => [...document.querySelectorAll('tbody tr td:nth-child(2)')].every((td) => td.innerText.includes(n)), first);
    assert.ok((await page.locator('tbody tr').count()) >= 1);
    await page.getByLabel('Search', { exact: true }).fill('zzzzqqq');
    await page.getByText('No records match.').waitFor();
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.locator('tbody tr').first().waitFor();

    // The primary cell opens the record.
    const link = page.locator('tbody tr td:nth-child(2) a').first();
    assert.match(await link.getAttribute('href'), /\/cairn\/objects\/contacts\/[0-9A-Z]+$/);
    await screenshot(page, 'index-1280');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('deleting selected records can be undone from the toast', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await loadSample(page);
    const rows = page.locator('tbody tr');
    const ids = [await rows.nth(0).getAttribute('data-id'), await rows.nth(1).getAttribute('data-id')];
    await rows.nth(0).getByRole('checkbox', { name: 'Select this record' }).check();
    await rows.nth(1).getByRole('checkbox', { name: 'Select this record' }).check();
    await page.getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('recycle bin').waitFor();
    await screenshot(page, 'delete-confirm-1280');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').filter({ hasText: 'Moved to the recycle bin.' }).waitFor();
    assert.equal(await count(page), '248 contacts');
    assert.equal(await page.locator(`tbody tr[data-id="${ids[0]}"]`).count(), 0);
    await screenshot(page, 'delete-toast-1280');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').filter({ hasText: 'Undone.' }).waitFor();
    assert.equal(await count(page), '250 contacts');
    await page.reload();
    await ready(page);
    assert.equal(await count(page), '250 contacts');
    await page.locator(`tbody tr[data-id="${ids[1]}"]`).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a deleted record is restored from the recycle bin and stays restored', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await openCreate(page);
    await page.getByRole('dialog').getByLabel('First name').fill('Grace');
    await page.getByRole('dialog').getByLabel('Email').fill('grace@navy.mil');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    const row = page.locator('tbody tr', { hasText: 'Grace' });
    await row.waitFor();
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Nothing here yet').waitFor();
    assert.equal(await count(page), '0 contacts');

    await page.getByRole('button', { name: 'Recycle bin' }).click();
    const bin = page.getByRole('dialog');
    const binned = bin.locator('tbody tr', { hasText: 'Grace' });
    await binned.waitFor();
    await screenshot(page, 'bin-1280');
    await binned.getByRole('button', { name: 'Restore' }).click();
    await bin.getByText('The recycle bin is empty.').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('tbody tr', { hasText: 'Grace' }).waitFor();
    await page.reload();
    await ready(page);
    await page.locator('tbody tr', { hasText: 'grace@navy.mil' }).waitFor();
    assert.equal(await count(page), '1 contact');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('global search finds records of every object and opens one with the keyboard', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.locator('h1', { hasText: 'Companies' }).waitFor();
    await loadSample(page);
    const company = (await page.locator('tbody tr td:nth-child(2)').first().innerText()).trim();
    const word = company.split(/\s+/)[0];
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Search all records' });
    await input.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'global-search');
    await input.fill(word);
    await page.getByRole('group', { name: 'Companies' }).waitFor();
    await screenshot(page, 'search-1280');
    const options = page.getByRole('dialog').getByRole('option');
    assert.ok((await options.count()) >= 1);
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    if ((await options.count()) > 1) {
      await input.press('ArrowDown');
      assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
      await input.press('ArrowUp');
    }
    const href = await options.first().getByRole('link').getAttribute('href');
    await input.press('Enter');
    await page.waitForURL((url) => url.href.endsWith(href));
    assert.equal(await page.getByRole('dialog').count(), 0);

    // `/` opens it too, except while typing in a field.
    await page.goto(server.url);
    await ready(page);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: 'Search all records' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('Search', { exact: true }).focus();
    await page.keyboard.press('/');
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('index page, dialogs and search fit a phone screen', async () => {
  const { context, page, errors } = await launch({ viewport: { width: 375, height: 812 } });
  try {
    await page.goto(server.url);
    await ready(page);
    await screenshot(page, 'index-empty-375');
    await loadSample(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, 'index page scrolls sideways');
    await screenshot(page, 'index-375');
    await openCreate(page);
    assert.ok((await overflow()) <= 0, 'create dialog scrolls sideways');
    await screenshot(page, 'create-375');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Recycle bin' }).click();
    await screenshot(page, 'bin-375');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search all records' }).fill('a');
    await screenshot(page, 'search-375');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
