// End-to-end: Settings — data model (custom object, properties, options, refused type
// change), owners, association labels, storage and the language picker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready, createContact } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

/** Opens the app at its base (the test server has no fallback for deep URLs). */
async function home(page) {
  await page.goto(server.url);
  await ready(page);
}

/** Opens a settings section through the navigation and the settings menu. */
async function settings(page, section) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: section }).click();
  await page.locator('h1', { hasText: section }).waitFor();
}

/** Creates a contact from the Contacts page and returns its record id. */
async function newContact(page, person) {
  await home(page);
  await createContact(page, person);
  const row = page.locator('tbody tr', { hasText: person.last });
  await row.waitFor();
  return row.getAttribute('data-id');
}

async function noSideScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
}

test('a custom object "Roast batch" is created, appears in the navigation, gets a record linked to a contact, and survives a reload', async () => {
  const { context, page, errors } = await launch();
  try {
    await newContact(page, { first: 'Ada', last: 'Lovelace', email: 'ada@example.com' });
    await settings(page, 'Data model');
    await page.locator('tr[data-object="contacts"] td', { hasText: '1' }).first().waitFor();
    await page.getByRole('button', { name: 'Create custom object' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Singular label').fill('Roast batch');
    await dialog.getByLabel('Plural label').fill('Roast batches');
    assert.equal(await dialog.locator('#object-name').inputValue(), 'roast_batches');
    await dialog.getByLabel('Primary display property').fill('Batch code');
    assert.equal(await dialog.locator('#object-primary-name').inputValue(), 'batch_code');
    const props = [
      ['Roast date', 'date', { required: true }],
      ['Green lot number', 'single_line_text', { searchable: true }],
      ['Quality score', 'number', {}],
    ];
    for (const [i, [label, type, flags]] of props.entries()) {
      await dialog.getByRole('button', { name: 'Add property' }).click();
      await dialog.locator(`#draft-${i}-label`).fill(label);
      await dialog.locator(`#draft-${i}-type`).selectOption(type);
      if (flags.required) await dialog.locator(`#draft-${i}-required`).check();
      if (flags.searchable) await dialog.locator(`#draft-${i}-searchable`).check();
    }
    assert.equal(await dialog.locator('#draft-1-name').inputValue(), 'green_lot_number');
    await dialog.getByLabel('Contacts', { exact: true }).check();
    await screenshot(page, 'settings-create-object-1280');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('tr[data-object="roast_batches"]');
    await row.waitFor();
    assert.match(await row.innerText(), /Roast batches\s+Custom\s+0\s+\d+\s+On/);
    await screenshot(page, 'settings-objects-1280');

    // The new object is in the navigation; a record of it is created there.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Roast batches' }).click();
    await page.locator('h1', { hasText: 'Roast batches' }).waitFor();
    await page.getByRole('button', { name: 'Create', exact: true }).first().click();
    const create = page.getByRole('dialog');
    await create.getByLabel('Batch code', { exact: true }).fill('RB-0412');
    await create.getByLabel('Green lot number', { exact: true }).fill('ETH-YIR-77');
    await create.getByLabel('Quality score', { exact: true }).fill('86.5');
    await create.getByRole('button', { name: 'Save' }).click();
    await create.locator('.cairn-field__error', { hasText: /required/i }).first().waitFor();
    await create.getByLabel(/Roast date/).fill('2026-11-02');
    await create.getByRole('button', { name: 'Save' }).click();
    await page.locator('h1', { hasText: 'RB-0412' }).waitFor();

    // Linked to the contact from the record page.
    const card = page.locator('.cairn-assoc[data-object="contacts"]');
    await card.getByRole('button', { name: /^Add/ }).click();
    const link = page.getByRole('dialog');
    await link.getByLabel('Search by name').fill('Ada');
    await link.getByRole('button', { name: 'Ada Lovelace' }).click();
    await card.locator('.cairn-assoc__item', { hasText: 'Ada Lovelace' }).waitFor();

    // Reload: object, record and link are still there.
    await home(page);
    await nav.getByRole('link', { name: 'Roast batches' }).click();
    await page.getByRole('link', { name: 'RB-0412' }).click();
    await page.locator('.cairn-assoc[data-object="contacts"] .cairn-assoc__item', { hasText: 'Ada Lovelace' }).waitFor();
    await settings(page, 'Data model');
    assert.match(await page.locator('tr[data-object="roast_batches"]').innerText(), /Roast batches\s+Custom\s+1\s+/);
    await page.getByRole('link', { name: 'Roast batches' }).last().click();
    await page.locator('tr[data-property="quality_score"]').waitFor();
    assert.match(await page.locator('tr[data-property="roast_date"]').innerText(), /Roast date\s+roast_date\s+Date\s+Required\s+1/);
    await screenshot(page, 'settings-properties-1280');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a dropdown property added to contacts is set on a contact; a change that would lose its value is refused, naming the contact', async () => {
  const { context, page, errors } = await launch();
  try {
    const id = await newContact(page, { first: 'Grace', last: 'Hopper', email: 'grace@example.com' });
    await settings(page, 'Data model');
    await page.getByRole('link', { name: 'Contacts', exact: true }).last().click();
    await page.locator('h1', { hasText: 'Contacts · Properties' }).waitFor();
    await page.getByRole('button', { name: 'Create property' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Property label').fill('Roast preference');
    assert.equal(await dialog.locator('#new-prop-name').inputValue(), 'roast_preference');
    await dialog.getByLabel('Field type').selectOption('dropdown');
    for (const option of ['Light', 'Dark roast']) {
      await dialog.getByRole('button', { name: 'Add option' }).click();
      await dialog.locator('.cairn-options__row').last().locator('input').first().fill(option);
    }
    assert.equal(await dialog.locator('.cairn-options__row').last().locator('input').nth(1).inputValue(), 'dark_roast');
    await dialog.getByRole('button', { name: 'Move up · 2' }).click();
    await screenshot(page, 'settings-property-dialog-1280');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.match(await page.locator('tr[data-property="roast_preference"]').innerText(), /Roast preference\s+roast_preference\s+Dropdown select\s+0/);

    // Set it on the contact from the record page.
    await page.evaluate((url) => { history.pushState(null, '', url); dispatchEvent(new PopStateEvent('popstate')); }, `${server.url}objects/contacts/${id}`);
    await page.getByRole('button', { name: 'View all properties' }).click();
    const prop = page.locator('[data-property="roast_preference"]');
    await prop.getByRole('button', { name: 'Edit Roast preference' }).click();
    await page.locator('#prop-roast_preference').selectOption({ label: 'Dark roast' });
    await prop.getByRole('button', { name: 'Save' }).click();
    await prop.locator('.cairn-props__value').getByText('Dark roast').waitFor();

    // Back in settings: the fill count shows it, and a lossy type change is refused.
    await settings(page, 'Data model');
    await page.getByRole('link', { name: 'Contacts', exact: true }).last().click();
    const row = page.locator('tr[data-property="roast_preference"]');
    assert.match(await row.innerText(), /Dropdown select\s+1/);
    await row.getByRole('button', { name: 'Edit · Roast preference' }).click();
    const edit = page.getByRole('dialog');
    const options = await edit.locator('.cairn-options__row input[id$="-label"]').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(options, ['Dark roast', 'Light']);
    await edit.getByLabel('Field type').selectOption('number');
    await edit.getByRole('button', { name: 'Save' }).click();
    const problem = edit.locator('#edit-prop-problem');
    await problem.getByText('1 record has a value the new settings would refuse.').waitFor();
    const named = problem.getByRole('link', { name: 'Grace Hopper' });
    assert.ok((await named.getAttribute('href')).endsWith(`/objects/contacts/${id}`));
    await screenshot(page, 'settings-refused-1280');

    // Removing the option in use is refused the same way.
    await edit.getByLabel('Field type').selectOption('dropdown');
    await edit.getByRole('button', { name: 'Remove · 1' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await problem.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    await edit.getByRole('button', { name: 'Cancel' }).click();
    assert.match(await row.innerText(), /Dropdown/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an owner is added, refused without a name, edited, assigned to a contact, deactivated and reactivated', async () => {
  const { context, page, errors } = await launch();
  try {
    const id = await newContact(page, { first: 'Alan', last: 'Turing', email: 'alan@example.com' });
    await settings(page, 'Owners');
    await page.locator('#new-owner-email').fill('rosalind@example.com');
    await page.getByRole('button', { name: 'Add owner' }).click();
    await page.locator('#new-owner-name-error', { hasText: 'name' }).waitFor();
    await page.locator('#new-owner-name').fill('Rosalind Franklin');
    await page.locator('#new-owner-team').fill('Roastery');
    await page.getByRole('button', { name: 'Add owner' }).click();
    const row = page.locator('tbody tr', { hasText: 'Rosalind Franklin' });
    assert.match(await row.innerText(), /rosalind@example\.com\s+Roastery\s+Active/);
    assert.equal(await page.locator('#new-owner-name').inputValue(), '');

    await row.getByRole('button', { name: 'Edit · Rosalind Franklin' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Team').fill('Green coffee');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Green coffee').waitFor();
    await screenshot(page, 'settings-owners-1280');

    await page.evaluate((url) => { history.pushState(null, '', url); dispatchEvent(new PopStateEvent('popstate')); }, `${server.url}objects/contacts/${id}`);
    await page.getByRole('button', { name: 'View all properties' }).click();
    const owner = page.locator('[data-property="hubspot_owner_id"]');
    await owner.getByRole('button', { name: 'Edit Owner' }).click();
    await page.locator('#prop-hubspot_owner_id').selectOption({ label: 'Rosalind Franklin' });
    await owner.getByRole('button', { name: 'Save' }).click();
    await owner.locator('.cairn-props__value').getByText('Rosalind Franklin').waitFor();

    await settings(page, 'Owners');
    await row.getByRole('button', { name: 'Deactivate · Rosalind Franklin' }).click();
    await row.getByText('Deactivated').waitFor();
    await row.getByRole('button', { name: 'Reactivate · Rosalind Franklin' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('association labels: a paired label with a limit is added to contacts and companies', async () => {
  const { context, page, errors } = await launch();
  try {
    await home(page);
    await settings(page, 'Associations');
    const card = page.locator('[data-pair="assoc-contacts-companies"]');
    await card.locator('summary').click();
    await card.getByLabel('Label · Contacts').fill('Billing contact at');
    await card.getByLabel('Limit · Contacts').fill('1');
    await card.getByLabel('Label · Companies').fill('Billing contact');
    await card.getByRole('button', { name: 'Add label' }).click();
    const label = card.locator('tbody tr', { hasText: 'Billing contact at' });
    await label.waitFor();
    assert.match(await label.innerText(), /Billing contact at \(≤ 1\)\s+Billing contact/);
    await card.getByLabel('Limit · Contacts').first().fill('0');
    await card.locator('.cairn-field__error', { hasText: 'number' }).first().waitFor();
    await screenshot(page, 'settings-associations-1280');
    // The card stays open after a save redraws the list.
    assert.equal(await card.evaluate((d) => d.open), true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('storage shows the usage figure and the persistence state; general shows the language picker', async () => {
  const { context, page, errors } = await launch();
  try {
    await newContact(page, { first: 'Marie', last: 'Curie', email: 'marie@example.com' });
    await settings(page, 'Storage');
    const usage = page.locator('[data-figure="usage"]');
    await usage.waitFor();
    assert.match(await usage.innerText(), /^\d+(\.\d+)?\s(B|kB|MB|GB)$/);
    assert.match(await page.locator('[data-figure="share"]').innerText(), /^\d+%$/);
    const state = page.locator('[data-persistence]');
    await state.filter({ hasText: /device|space/ }).waitFor();
    if (await page.getByRole('button', { name: 'Keep data on this device' }).isVisible()) {
      await page.getByRole('button', { name: 'Keep data on this device' }).click();
      await state.filter({ hasText: /kept on this device|did not allow/ }).waitFor();
    }
    await screenshot(page, 'settings-storage-1280');

    await settings(page, 'General');
    await page.locator('#settings-language').selectOption('fr');
    await page.locator('h1', { hasText: 'Général' }).waitFor();
    await page.getByRole('navigation', { name: 'Sections des paramètres' }).getByRole('link', { name: 'Stockage' }).click();
    assert.match(await page.locator('[data-figure="usage"]').innerText(), /^\d+(,\d+)?\s(o|ko|Mo|Go)$/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('every settings page fits a 375 px screen', async () => {
  const { context, page, errors } = await launch({ viewport: { width: 375, height: 812 } });
  try {
    await home(page);
    for (const [section, name] of [['Data model', 'objects'], ['Owners', 'owners'], ['Associations', 'associations'], ['Storage', 'storage'], ['General', 'general']]) {
      await settings(page, section);
      await screenshot(page, `settings-${name}-375`);
      await noSideScroll(page);
    }
    await settings(page, 'Data model');
    await page.getByRole('link', { name: 'Contacts', exact: true }).last().click();
    await page.locator('tr[data-property="email"]').waitFor();
    await screenshot(page, 'settings-properties-375');
    await noSideScroll(page);
    await page.getByRole('button', { name: 'Create custom object' }).count();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
