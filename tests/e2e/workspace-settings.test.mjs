// End-to-end: the workspace currency chosen in Settings › General shows on every amount and
// survives a reload; "I am" makes the "Mine" tab show that owner's records; a saved view is
// renamed and deleted from its tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready, createContact, loadSample } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

async function home(page) {
  await page.goto(server.url);
  await ready(page);
}

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
  await ready(page);
}

async function settings(page, section) {
  await nav(page, 'Settings');
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: section }).click();
  await page.locator('h1', { hasText: section }).waitFor();
}

const amountCells = (page) => page.locator('tbody td').allInnerTexts();

test('switching the workspace currency to US dollars shows "$" on deals, the board and a deal, after a reload too', async () => {
  const { context, page, errors } = await launch();
  try {
    await home(page);
    await loadSample(page);
    await nav(page, 'Deals');
    await page.locator('tbody tr').first().waitFor();
    assert.ok((await amountCells(page)).some((t) => /^€\d/.test(t)), 'amounts start in euros');

    await settings(page, 'General');
    assert.equal(await page.getByLabel('Currency').inputValue(), 'EUR');
    await page.getByLabel('Currency').selectOption({ label: 'USD ($)' });
    await page.getByRole('status').filter({ hasText: 'Currency saved.' }).waitFor();
    await screenshot(page, 'settings-currency-1280');

    await nav(page, 'Deals');
    await page.locator('tbody tr').first().waitFor();
    const cells = await amountCells(page);
    assert.ok(cells.some((t) => /^\$\d{1,3}(,\d{3})*\.\d{2}$/.test(t)), `no dollar amount in ${cells.slice(0, 12).join(' | ')}`);
    assert.ok(!cells.some((t) => t.includes('€')), 'no euro left');

    await page.getByTestId('view-board').click();
    await page.getByTestId('board').waitFor();
    const total = await page.getByTestId('column-total').first().innerText();
    assert.match(total, /^\$\d/);
    assert.match(await page.locator('.cairn-board__amount').first().innerText(), /^\$\d/);

    // The choice is part of the workspace: it survives a reload.
    await home(page);
    await nav(page, 'Deals');
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.getByRole('button', { name: 'View all properties' }).click();
    await page.locator('[data-property="amount"] .cairn-props__value .cairn-props__text').filter({ hasText: /^\$/ }).waitFor();
    await screenshot(page, 'deal-in-dollars-1280');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('"I am" in Settings makes the Mine tab show only that owner\'s records', async () => {
  const { context, page, errors } = await launch();
  try {
    await home(page);
    await createContact(page, { first: 'Grace', last: 'Hopper', email: 'grace@example.com' });
    await home(page);
    await createContact(page, { first: 'Alan', last: 'Turing', email: 'alan@example.com' });
    await home(page);
    await page.locator('tbody tr', { hasText: 'Turing' }).waitFor();
    // No owner chosen yet: no Mine tab.
    assert.equal(await page.getByRole('button', { name: 'Mine', exact: true }).count(), 0);

    await settings(page, 'Owners');
    await page.locator('#new-owner-name').fill('Rosalind Franklin');
    await page.locator('#new-owner-email').fill('rosalind@example.com');
    await page.getByRole('button', { name: 'Add owner' }).click();
    await page.locator('tbody tr', { hasText: 'Rosalind Franklin' }).waitFor();

    await nav(page, 'Contacts');
    await page.locator('tbody tr', { hasText: 'Hopper' }).getByRole('link').first().click();
    await page.getByRole('button', { name: 'View all properties' }).click();
    const owner = page.locator('[data-property="hubspot_owner_id"]');
    await owner.getByRole('button', { name: 'Edit Owner' }).click();
    await page.locator('#prop-hubspot_owner_id').selectOption({ label: 'Rosalind Franklin' });
    await owner.getByRole('button', { name: 'Save' }).click();
    await owner.locator('.cairn-props__value').getByText('Rosalind Franklin').waitFor();

    await settings(page, 'General');
    await page.getByLabel('I am').selectOption({ label: 'Rosalind Franklin' });
    await screenshot(page, 'settings-i-am-1280');

    await nav(page, 'Contacts');
    await page.getByTestId('record-count').filter({ hasText: '2 contacts' }).waitFor();
    await page.getByRole('button', { name: 'Mine', exact: true }).click();
    await page.getByTestId('record-count').filter({ hasText: '1 contact' }).waitFor();
    assert.deepEqual(await page.locator('tbody tr td', { hasText: 'Hopper' }).count() > 0, true);
    assert.equal(await page.locator('tbody tr', { hasText: 'Turing' }).count(), 0);

    // Kept on this device: after a reload the Mine tab is still there, and clearing the
    // choice removes it.
    await home(page);
    assert.equal(await page.getByRole('button', { name: 'Mine', exact: true }).getAttribute('aria-pressed'), 'true');
    await settings(page, 'General');
    assert.equal(await page.getByLabel('I am').inputValue() !== '', true);
    await page.getByLabel('I am').selectOption({ label: 'Not chosen' });
    await nav(page, 'Contacts');
    await page.locator('tbody tr').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Mine', exact: true }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a saved view is renamed from its tab, keeps the new name after a reload, and is deleted', async () => {
  const { context, page, errors } = await launch();
  try {
    await home(page);
    await loadSample(page);
    await page.getByRole('button', { name: 'Last name' }).click();
    await page.getByRole('button', { name: 'Save as new view' }).click();
    await page.getByLabel('View name').fill('By name');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'By name', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Rename view' }).click();
    assert.equal(await page.getByLabel('View name').inputValue(), 'By name');
    await page.getByLabel('View name').fill('Surnames A–Z');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const renamed = page.getByRole('button', { name: 'Surnames A–Z', exact: true });
    await renamed.waitFor();
    assert.equal(await page.getByRole('button', { name: 'By name', exact: true }).count(), 0);
    assert.equal(await renamed.getAttribute('aria-pressed'), 'true');
    await screenshot(page, 'views-renamed-1280');

    // An empty name is refused next to the input.
    await page.getByRole('button', { name: 'Rename view' }).click();
    await page.getByLabel('View name').fill('  ');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('#view-name-error').filter({ hasText: /\S/ }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await home(page);
    await renamed.waitFor();
    await renamed.click();
    await page.getByRole('button', { name: 'Delete view' }).click();
    await page.getByRole('button', { name: 'All', exact: true }).and(page.locator('[aria-pressed="true"]')).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Surnames A–Z', exact: true }).count(), 0);
    await home(page);
    await page.locator('tbody tr').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Surnames A–Z', exact: true }).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
