// End-to-end: the filter builder, saved views that survive a reload, bulk edit and CSV
// export of the selection or of the whole view, on the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launch, screenshot, ready, createContact, loadSample } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

const count = (page) => page.getByTestId('record-count').innerText();
const firstCells = (page) => page.locator('tbody tr td:nth-child(2)').allInnerTexts();

async function showColumn(page, label) {
  await page.locator('summary', { hasText: 'Columns' }).click();
  await page.locator('.cairn-records__column-list').getByLabel(label, { exact: true }).check();
  await page.locator('summary', { hasText: 'Columns' }).click();
}

test('a filter built in the UI, a sort and columns saved as a view survive a reload', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await loadSample(page);
    assert.equal(await count(page), '250 contacts');

    await page.getByTestId('filters-toggle').click();
    await page.getByRole('button', { name: 'Add filter group' }).click();
    const condition = page.getByTestId('filter-condition').first();
    await condition.getByLabel('Property').selectOption({ label: 'Lifecycle stage' });
    await condition.getByLabel('Condition', { exact: true }).selectOption({ label: 'is any of' });
    await condition.getByLabel('Customer').check();
    await condition.getByLabel('Lead', { exact: true }).check();
    const afterOne = await count(page);
    assert.notEqual(afterOne, '250 contacts');
    // A second condition in the same group narrows (AND); typing applies on Enter.
    await page.getByRole('button', { name: 'Add condition' }).click();
    const second = page.getByTestId('filter-condition').nth(1);
    await second.getByLabel('Property').selectOption({ label: 'Email' });
    await second.getByLabel('Condition', { exact: true }).selectOption({ label: 'contains' });
    await second.getByLabel('Value').fill('.com');
    await second.getByLabel('Value').press('Enter');
    await page.waitForFunction((before) => document.querySelector('[data-testid=record-count]').innerText !== before, afterOne);
    const filtered = await count(page);
    await screenshot(page, 'views-filter-builder-1280');
    await page.getByRole('button', { name: 'Done' }).click();
    const chips = page.locator('.cairn-chip');
    assert.equal(await chips.count(), 2);
    assert.match(await chips.first().innerText(), /Lifecycle stage is any of Customer, Lead/);

    await page.getByRole('button', { name: 'Last name' }).click();
    await showColumn(page, 'Lifecycle stage');
    await page.getByRole('button', { name: 'Save as new view' }).click();
    await page.getByLabel('View name').fill('Customers and leads');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const tab = page.getByRole('button', { name: 'Customers and leads' });
    await tab.waitFor();
    assert.equal(await tab.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByRole('button', { name: 'Save view' }).count(), 0, 'the view matches the table');
    const rows = await firstCells(page);
    await screenshot(page, 'views-saved-1280');

    // "All" shows everything; the saved tab brings the view back.
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.getByTestId('record-count').filter({ hasText: '250 contacts' }).waitFor();
    await tab.click();
    await page.getByTestId('record-count').filter({ hasText: filtered }).waitFor();

    await page.goto(server.url);
    await ready(page);
    await page.getByTestId('record-count').filter({ hasText: filtered }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Customers and leads' }).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await firstCells(page), rows);
    assert.equal(await page.locator('th', { hasText: 'Last name' }).getAttribute('aria-sort'), 'ascending');
    assert.equal(await page.locator('th', { hasText: 'Lifecycle stage' }).count(), 1);
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'views-saved-375');
    await page.getByTestId('filters-toggle').click();
    await screenshot(page, 'views-filter-builder-375');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await chips.count(), 2);

    // Changing the table offers "Save view"; saving it keeps the change.
    await chips.nth(1).getByRole('button', { name: 'Remove condition' }).click();
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('status').filter({ hasText: 'View saved.' }).waitFor();
    assert.equal(await count(page), afterOne);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('bulk edit sets the lifecycle stage of three contacts in one go, or refuses all', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    // The empty state offers Create, Import (the CSV wizard for this object) and the sample.
    const imports = page.getByRole('link', { name: 'Import', exact: true });
    assert.ok((await imports.count()) >= 1, 'an Import link');
    for (const link of await imports.all()) assert.match(await link.getAttribute('href'), /\/cairn\/import\/contacts$/);
    await screenshot(page, 'views-empty-1280');
    for (const [first, email] of [['Ada', 'ada@example.com'], ['Bea', 'bea@example.com'], ['Cy', 'cy@example.com']]) {
      await createContact(page, { first, email });
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.locator('tbody tr', { hasText: email }).waitFor();
    }
    await showColumn(page, 'Lifecycle stage');
    await page.getByLabel('Select all on this page').check();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Property').selectOption({ label: 'Lifecycle stage' });
    await dialog.getByLabel('Lifecycle stage').selectOption({ label: 'Customer' });
    await screenshot(page, 'views-bulk-edit-1280');
    await dialog.getByRole('button', { name: 'Update records' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Records updated.' }).waitFor();
    const stages = await page.locator('tbody tr td:last-child').allInnerTexts();
    assert.deepEqual(stages, ['Customer', 'Customer', 'Customer']);

    // The same email for all three: two are refused, and nothing changes.
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Edit' }).click();
    await dialog.getByLabel('Property').selectOption({ label: 'Email' });
    await dialog.getByLabel('Email').fill('same@example.com');
    await dialog.getByRole('button', { name: 'Update records' }).click();
    await dialog.getByTestId('bulk-refused').waitFor();
    assert.equal(await dialog.getByTestId('bulk-refused').locator('li').count(), 2);
    await screenshot(page, 'views-bulk-refused-1280');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('tbody tr', { hasText: 'same@example.com' }).count(), 0);

    // One Undo reverts the whole bulk edit.
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Edit' }).click();
    await dialog.getByLabel('Property').selectOption({ label: 'Lifecycle stage' });
    await dialog.getByLabel('Lifecycle stage').selectOption({ label: 'Lead' });
    await dialog.getByRole('button', { name: 'Update records' }).click();
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').filter({ hasText: 'Undone.' }).waitFor();
    assert.deepEqual(await page.locator('tbody tr td:last-child').allInnerTexts(), ['Customer', 'Customer', 'Customer']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('export writes the selection, or the whole filtered view, as CSV', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    for (const [first, email] of [['Ada', 'ada@example.com'], ['=HYPERLINK("x")', 'eve@example.com'], ['Cy', 'cy@other.org']]) {
      await createContact(page, { first, email });
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.locator('tbody tr', { hasText: email }).waitFor();
    }
    await page.locator('tbody tr', { hasText: 'ada@example.com' }).getByLabel('Select this record').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulk-bar').getByRole('button', { name: 'Export' }).click()]);
    assert.match(download.suggestedFilename(), /^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const selection = await readFile(await download.path(), 'utf8');
    const lines = selection.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^First name,Last name,Email/);
    assert.match(lines[1], /^Ada,,ada@example\.com/);

    await page.getByLabel('Search', { exact: true }).fill('example');
    await page.getByTestId('record-count').filter({ hasText: '2 contacts' }).waitFor();
    const [whole] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export view' }).click()]);
    const view = (await readFile(await whole.path(), 'utf8')).trim().split('\r\n');
    assert.equal(view.length, 3, 'the header and the two records the search shows');
    assert.ok(view.some((l) => l.startsWith(`"'=HYPERLINK(""x"")"`)), 'a formula is neutralized');
    assert.ok(!view.some((l) => l.includes('cy@other.org')));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
