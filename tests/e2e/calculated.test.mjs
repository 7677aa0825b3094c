// End-to-end: calculated properties created in Settings › Data model — a formula over a
// deal's amount (with a typo refused first) and a rollup counting a company's contacts —
// show their values on the record pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready, loadSample } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
  await ready(page);
}

async function objectProperties(page, plural) {
  await nav(page, 'Settings');
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Data model' }).click();
  await page.getByRole('link', { name: plural, exact: true }).last().click();
  await page.locator('h1', { hasText: `${plural} · Properties` }).waitFor();
}

/** Opens the first record of an index page whose row shows `hasText`, with all its properties. */
async function openFirstWith(page, plural, hasText) {
  await nav(page, plural);
  await page.locator('tbody tr', { hasText }).first().getByRole('link').first().click();
  await page.getByRole('button', { name: 'View all properties' }).click();
}

test('a formula property doubles each deal\'s amount and a rollup counts a company\'s contacts', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await loadSample(page);

    await objectProperties(page, 'Deals');
    await page.getByRole('button', { name: 'Create property' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Property label').fill('Double amount');
    await dialog.getByLabel('Field type').selectOption('calculated');
    await dialog.getByLabel('Calculated from').selectOption('formula');
    // A text property cannot take part in a formula: the editor says which one.
    await dialog.getByLabel('Formula').fill('dealname * 2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByTestId('calculation-problem').filter({ hasText: 'dealname' }).waitFor();
    await dialog.getByLabel('Formula').fill('amount * 2');
    await screenshot(page, 'calculated-formula-dialog-1280');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.match(await page.locator('tr[data-property="double_amount"]').innerText(), /Double amount\s+double_amount\s+Calculation\s+Maintained by Cairn\s+[1-9]\d*/);

    await openFirstWith(page, 'Deals', '€');
    const amount = await page.locator('[data-property="amount"] .cairn-props__value .cairn-props__text').innerText();
    const doubled = page.locator('[data-property="double_amount"] .cairn-props__value');
    await doubled.waitFor();
    const euros = (text) => Number(text.replace(/[^0-9.]/g, ''));
    assert.ok(euros(amount) > 0, `the deal has an amount: ${amount}`);
    assert.equal(euros(await doubled.innerText()), euros(amount) * 2);
    await screenshot(page, 'calculated-deal-1280');

    await objectProperties(page, 'Companies');
    await page.getByRole('button', { name: 'Create property' }).click();
    await dialog.getByLabel('Property label').fill('Contact count');
    await dialog.getByLabel('Field type').selectOption('calculated');
    await dialog.getByLabel('Calculated from').selectOption('rollup');
    await dialog.getByLabel('Associated object').selectOption({ label: 'Contacts' });
    await dialog.getByLabel('Function').selectOption('count');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await nav(page, 'Companies');
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.getByRole('button', { name: 'View all properties' }).click();
    const count = page.locator('[data-property="contact_count"] .cairn-props__value');
    await count.waitFor();
    assert.match(await count.innerText(), /^\d+$/, 'a count of contacts');
    await screenshot(page, 'calculated-company-1280');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
