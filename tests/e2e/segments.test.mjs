// End-to-end: segments. An active segment counts new matching records by itself; a static
// segment keeps the records added from the index page or the record page; a segment is a
// filter condition in views.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready, createContact } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

const count = (page) => page.getByTestId('record-count').innerText();

async function add(page, first, email) {
  await createContact(page, { first, email });
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.locator('tbody tr', { hasText: email }).waitFor();
}

async function createSegment(page, name, kind) {
  await page.getByRole('button', { name: 'Create segment' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Segment name').fill(name);
  await dialog.getByLabel(kind, { exact: true }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function segmentCount(page, name) {
  await page.getByRole('link', { name: 'Segments', exact: true }).last().click();
  const row = page.getByTestId('segment-row').filter({ hasText: name });
  await row.waitFor();
  return row.getByTestId('segment-count').innerText();
}

async function backToTable(page) {
  await page.getByRole('link', { name: 'Back to the table' }).click();
  await page.getByTestId('record-count').waitFor();
}

test('an active segment counts a new matching contact by itself', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await add(page, 'Ada', 'ada@acme.test');
    await add(page, 'Bob', 'bob@acme.test');
    await add(page, 'Cy', 'cy@other.org');
    await page.getByTestId('filters-toggle').click();
    await page.getByRole('button', { name: 'Add filter group' }).click();
    const condition = page.getByTestId('filter-condition').first();
    await condition.getByLabel('Property').selectOption({ label: 'Email' });
    await condition.getByLabel('Condition', { exact: true }).selectOption({ label: 'contains' });
    await condition.getByLabel('Value').fill('acme.test');
    await condition.getByLabel('Value').press('Enter');
    await page.getByTestId('record-count').filter({ hasText: '2 contacts' }).waitFor();
    await createSegment(page, 'Acme people', 'Active');
    assert.equal(await segmentCount(page, 'Acme people'), '2');
    await screenshot(page, 'segments-list-1280');

    await backToTable(page);
    await add(page, 'Dee', 'dee@acme.test');
    assert.equal(await segmentCount(page, 'Acme people'), '3');
    await page.getByRole('link', { name: 'Acme people' }).click();
    await page.locator('h1', { hasText: 'Acme people' }).waitFor();
    assert.equal(await count(page), '3 records');
    // One page of members: both pager buttons are there and disabled (no markup leaks as text).
    assert.ok(await page.getByRole('button', { name: 'Next page' }).isDisabled());
    assert.ok(await page.getByRole('button', { name: 'Previous page' }).isDisabled());
    await screenshot(page, 'segments-members-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'segments-members-375');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a static segment takes members from the selection and the record page, and filters views', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await add(page, 'Ada', 'ada@example.com');
    await add(page, 'Bob', 'bob@example.com');
    await add(page, 'Cy', 'cy@example.com');
    await page.locator('tbody tr', { hasText: 'ada@example.com' }).getByLabel('Select this record').check();
    await createSegment(page, 'Picked', 'Static');
    assert.equal(await segmentCount(page, 'Picked'), '1');

    await backToTable(page);
    await page.locator('tbody tr', { hasText: 'bob@example.com' }).getByLabel('Select this record').check();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Add to segment' }).click();
    await page.getByRole('status').filter({ hasText: 'Added to the segment.' }).waitFor();
    await page.getByLabel('Select all on this page').uncheck();

    // "is member of segment" as a view filter.
    await page.getByTestId('filters-toggle').click();
    await page.getByRole('button', { name: 'Add filter group' }).click();
    const condition = page.getByTestId('filter-condition').first();
    await condition.getByLabel('Property').selectOption({ label: 'Segment membership' });
    await condition.getByLabel('Value').selectOption({ label: 'Picked' });
    await page.getByTestId('record-count').filter({ hasText: '2 contacts' }).waitFor();
    await condition.getByLabel('Condition', { exact: true }).selectOption({ label: 'is not member of segment' });
    await page.getByTestId('record-count').filter({ hasText: '1 contact' }).waitFor();
    await page.getByRole('button', { name: 'Clear all filters' }).first().click();
    await page.getByTestId('record-count').filter({ hasText: '3 contacts' }).waitFor();

    // The record page shows the segment and removes the record from it.
    await page.getByRole('link', { name: 'Bob', exact: true }).click();
    const panel = page.getByTestId('record-segments');
    await panel.filter({ hasText: 'Picked' }).waitFor();
    await screenshot(page, 'segments-record-1280');
    await panel.getByRole('button', { name: 'Remove from segment' }).click();
    await panel.filter({ hasText: 'Picked' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Add to segment' }).waitFor();
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    assert.equal(await segmentCount(page, 'Picked'), '1');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
