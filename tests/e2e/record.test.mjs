// End-to-end: the record page (properties, timeline, associations, merge) and the tasks page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready, createContact as createInDialog } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

/** Creates a contact through the Contacts page's Create dialog and returns its record id. */
async function createContact(page, { first, last, email }) {
  await page.goto(server.url);
  await ready(page);
  await createInDialog(page, { first, last, email });
  const row = page.locator('tbody tr', { hasText: last });
  await row.waitFor();
  return row.getAttribute('data-id');
}

/**
 * Loads the app at its base, then follows an in-app link to `path`: the test server, like a
 * plain static host, has no fallback page for deep URLs.
 */
async function visit(page, path) {
  await page.goto(server.url);
  await ready(page);
  await page.evaluate((url) => {
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `${server.url}${path}`);
  await ready(page);
}

const openRecord = (page, id) => visit(page, `objects/contacts/${id}`);

async function noSideScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
}

test('a refused property value shows an error next to the field; the valid one is kept with its history', async () => {
  const { context, page, errors } = await launch();
  try {
    const id = await createContact(page, { first: 'Ada', last: 'Lovelace', email: 'ada@example.com' });
    await openRecord(page, id);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('h1').innerText(), 'Ada Lovelace');
    const row = page.locator('[data-property="email"]');
    await row.getByRole('button', { name: 'Edit Email' }).click();
    await page.locator('#prop-email').fill('nope@');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.locator('#prop-email-error').filter({ hasText: 'valid email' }).waitFor();
    assert.equal(await page.locator('#prop-email').getAttribute('aria-invalid'), 'true');
    await page.locator('#prop-email').fill('ada@lovelace.org');
    await row.getByRole('button', { name: 'Save' }).click();
    const link = row.getByRole('link', { name: 'ada@lovelace.org' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), 'mailto:ada@lovelace.org');

    await openRecord(page, id);
    await row.getByText('History').click();
    const history = await row.locator('ol li').allInnerTexts();
    assert.equal(history.length, 2);
    assert.match(history[0], /ada@lovelace\.org .* By a user/);
    assert.match(history[1], /ada@example\.com/);

    await page.getByRole('button', { name: 'View all properties' }).click();
    await page.locator('[data-property="city"]').waitFor();
    await screenshot(page, 'record-1280');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a note added from the timeline is listed under All and Notes', async () => {
  const { context, page, errors } = await launch();
  try {
    const id = await createContact(page, { first: 'Grace', last: 'Hopper', email: 'grace@navy.mil' });
    await openRecord(page, id);
    await page.getByRole('button', { name: 'Create note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create note' });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    // Focus starts inside the dialog and Escape closes it.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'activity-body');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Create note' }).click();
    await dialog.getByLabel('Details').fill('Met at the <b>conference</b>');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const entry = page.locator('.cairn-timeline__entry');
    await entry.waitFor();
    assert.match(await entry.innerText(), /^Note · [\s\S]*Met at the <b>conference<\/b>/);
    await page.getByRole('tab', { name: 'Calls' }).click();
    await page.getByText('No activity yet.').waitFor();
    await page.getByRole('tab', { name: 'Notes' }).click();
    await entry.waitFor();

    await openRecord(page, id);
    await page.locator('.cairn-timeline__entry', { hasText: 'conference' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a company is created, associated with the Primary label, relabelled and removed', async () => {
  const { context, page, errors } = await launch();
  try {
    const id = await createContact(page, { first: 'Charles', last: 'Babbage', email: 'charles@example.com' });
    await openRecord(page, id);
    const card = page.locator('.cairn-assoc[data-object="companies"]');
    await card.getByRole('button', { name: /^Add/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Primary').check();
    await dialog.getByLabel('Name', { exact: true }).fill('Analytical Engines');
    await dialog.getByRole('button', { name: 'Create new' }).click();
    await dialog.waitFor({ state: 'detached' });
    const item = card.locator('.cairn-assoc__item', { hasText: 'Analytical Engines' });
    await item.waitFor();
    assert.equal(await item.locator('.cairn-assoc__labels').innerText(), 'Primary');

    await openRecord(page, id);
    await item.locator('.cairn-assoc__labels', { hasText: 'Primary' }).waitFor();
    await screenshot(page, 'record-associations-1280');
    await item.getByRole('button', { name: 'Edit labels: Analytical Engines' }).click();
    await dialog.getByLabel('Primary').uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('.cairn-assoc[data-object="companies"] .cairn-assoc__labels')?.textContent === '');

    // The company links back to the contact from its own page.
    await item.getByRole('link', { name: 'Analytical Engines' }).click();
    await page.locator('h1', { hasText: 'Analytical Engines' }).waitFor();
    await page.locator('.cairn-assoc[data-object="contacts"] .cairn-assoc__item', { hasText: 'Charles Babbage' }).waitFor();
    await page.goBack();
    await ready(page);
    await item.getByRole('button', { name: 'Remove: Analytical Engines' }).click();
    await item.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a task created on a record is overdue on the tasks page and completed in one click', async () => {
  const { context, page, errors } = await launch();
  try {
    const id = await createContact(page, { first: 'Alan', last: 'Turing', email: 'alan@example.com' });
    await openRecord(page, id);
    await page.getByRole('button', { name: 'Create task' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create task' });
    await dialog.getByLabel('Task title').fill('Send the paper');
    await dialog.getByLabel('Date and time').fill('2020-01-06T09:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.cairn-timeline__entry', { hasText: 'Send the paper' }).waitFor();

    await visit(page, 'tasks');
    const overdue = page.locator('[data-group="overdue"]');
    await overdue.getByText('Send the paper').waitFor();
    assert.match(await overdue.locator('h2').innerText(), /Overdue \(1\)/);
    await screenshot(page, 'tasks-1280');
    await page.getByRole('button', { name: 'Mark as complete: Send the paper' }).click();
    await overdue.getByText('Send the paper').waitFor({ state: 'detached' });
    await visit(page, 'tasks');
    assert.match(await overdue.locator('h2').innerText(), /Overdue \(0\)/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('two contacts are merged after a preview of the merged record', async () => {
  const { context, page, errors } = await launch();
  try {
    const keep = await createContact(page, { first: 'Ada', last: 'Byron', email: 'ada@byron.org' });
    const other = await createContact(page, { first: 'Augusta', last: 'King', email: 'augusta@king.org' });
    await openRecord(page, other);
    const row = page.locator('[data-property="phone"]');
    await row.getByRole('button', { name: 'Edit Phone number' }).click();
    await page.locator('#prop-phone').fill('+44 20 7946 0000');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('link', { name: '+44 20 7946 0000' }).waitFor();

    await openRecord(page, keep);
    await page.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge' });
    await dialog.getByLabel('Record to merge with').fill('King');
    await dialog.getByRole('button', { name: 'Augusta King' }).click();
    await dialog.getByLabel('Ada Byron').check();
    const preview = dialog.getByTestId('merge-preview');
    await preview.getByText('+44 20 7946 0000').waitFor();
    assert.match(await preview.innerText(), /Ada Byron[\s\S]*Phone number/);
    await screenshot(page, 'record-merge-1280');
    await dialog.getByRole('button', { name: 'Merge records' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-property="phone"]').getByRole('link', { name: '+44 20 7946 0000' }).waitFor();

    // The merged-away id now opens the merged record.
    await openRecord(page, other);
    assert.equal(await page.locator('h1').innerText(), 'Ada Byron');
    await page.goto(server.url);
    await ready(page);
    await page.locator('tbody tr', { hasText: 'Byron' }).waitFor();
    assert.equal(await page.locator('tbody tr').count(), 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('deleting a record asks first, then returns to the list without it', async () => {
  const { context, page, errors } = await launch();
  try {
    const id = await createContact(page, { first: 'Temp', last: 'Orary', email: 'temp@example.com' });
    await openRecord(page, id);
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete' });
    await dialog.getByText('recycle bin').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.locator('h1').innerText(), 'Temp Orary');
    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('record-count').filter({ hasText: '0 contacts' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the record and tasks pages fit a phone screen', async () => {
  const { context, page, errors } = await launch({ viewport: { width: 375, height: 812 } });
  try {
    const id = await createContact(page, { first: 'Zoë', last: 'Müller', email: 'zoe@example.de' });
    await openRecord(page, id);
    await page.getByRole('heading', { name: 'Activity' }).waitFor();
    await noSideScroll(page);
    await screenshot(page, 'record-375');
    await page.getByRole('button', { name: 'Merge' }).click();
    await noSideScroll(page);
    await screenshot(page, 'record-merge-375');
    await page.keyboard.press('Escape');
    await visit(page, 'tasks');
    await noSideScroll(page);
    await screenshot(page, 'tasks-375');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
