// End-to-end: a workflow built in the editor waits a day (on a fake clock), then creates
// exactly one task, whatever the reloads and however many tabs are open; the outbox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, ready, createContact, screenshot } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

/** Opens the Automation page and creates a contact workflow named `name`; returns on its editor. */
async function newWorkflow(page, name) {
  await page.getByRole('link', { name: 'Automation' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create workflow' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const trigger = page.locator('fieldset[data-form="trigger"]');
  await trigger.getByLabel('When').selectOption('created');
  await trigger.getByRole('button', { name: 'Add trigger' }).click();
}

async function addStep(page, kind, fill = {}) {
  const form = page.locator('fieldset[data-form="step"]');
  await form.getByLabel('Step', { exact: true }).selectOption(kind);
  for (const [label, value] of Object.entries(fill)) await form.getByLabel(label, { exact: true }).first().fill(value);
  await form.getByRole('button', { name: 'Add step' }).click();
}

async function saveAndTurnOn(page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Workflow saved.' }).waitFor();
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByRole('button', { name: 'Turn off' }).waitFor();
}

const callTasks = (page) => page.locator('.cairn-tasks__item', { hasText: 'Call Ada' });

test('a one-day delay falls due while away and its task is created exactly once, with two tabs', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.clock.install();
    await page.goto(server.url);
    await ready(page);
    await newWorkflow(page, 'Call new contacts');
    await addStep(page, 'delay_for', { Amount: '1' });
    await addStep(page, 'create_task', { 'Task title': 'Call {{contact.firstname}}' });
    const steps = page.locator('.cairn-flow__step');
    assert.equal(await steps.count(), 2);
    assert.match(await steps.nth(0).innerText(), /Wait for\s+1d/);
    assert.match(await steps.nth(1).innerText(), /Create a task\s+Call \{\{contact\.firstname\}\}/);
    await saveAndTurnOn(page);
    await screenshot(page, 'workflow-editor');

    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await createContact(page, { first: 'Ada', email: 'ada@example.com' });
    await page.locator('tbody tr', { hasText: 'Ada' }).waitFor();
    await page.getByRole('link', { name: 'Tasks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await callTasks(page).count(), 0, 'nothing before the delay ends');

    // A second tab is open too when the delay falls due: both run the engine.
    const second = await context.newPage();
    await second.goto(server.url);
    await ready(second);
    await second.getByRole('link', { name: 'Tasks' }).click();
    await page.clock.fastForward('25:00:00');
    await callTasks(page).first().waitFor({ timeout: 10_000 });
    await callTasks(second).first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1000);
    assert.equal(await callTasks(page).count(), 1);
    assert.equal(await callTasks(second).count(), 1);

    for (const tab of [page, second]) {
      await tab.reload();
      await ready(tab);
      await tab.getByRole('link', { name: 'Tasks' }).click();
      await callTasks(tab).first().waitFor();
    }
    await page.clock.fastForward('25:00:00');
    await page.waitForTimeout(1000);
    assert.equal(await callTasks(page).count(), 1, 'still one task after reloads');
    assert.equal(await callTasks(second).count(), 1);

    await page.getByRole('link', { name: 'Automation' }).click();
    const row = page.locator('.cairn-flows__row', { hasText: 'Call new contacts' });
    assert.match(await row.innerText(), /On/);
    await row.getByRole('link').click();
    const history = page.locator('.cairn-flow__history');
    await history.getByText('Finished').waitFor();
    assert.equal(await history.locator('.cairn-flow__run').count(), 1);
    await screenshot(page, 'workflow-history');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an email lands in the outbox, opens as mailto: and is logged once marked sent', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await newWorkflow(page, 'Welcome');
    await addStep(page, 'send_email', { Subject: 'Welcome {{contact.firstname}} & co', Text: 'Hi {{contact.firstname}},\nsee you soon.' });
    await saveAndTurnOn(page);
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await createContact(page, { first: 'Zoé', email: 'zoe@example.com' });
    await page.locator('tbody tr', { hasText: 'Zoé' }).waitFor();
    await page.getByRole('link', { name: 'Outbox' }).click();
    const email = page.locator('.cairn-outbox__email');
    await email.waitFor();
    assert.equal(await email.locator('.cairn-outbox__subject').innerText(), 'Welcome Zoé & co');
    const href = await email.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
    assert.equal(href, 'mailto:zoe@example.com?subject=Welcome%20Zo%C3%A9%20%26%20co&body=Hi%20Zo%C3%A9%2C%0D%0Asee%20you%20soon.');
    await screenshot(page, 'workflow-outbox');
    await email.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByText('No emails waiting.').waitFor();
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.locator('tbody tr', { hasText: 'Zoé' }).getByRole('link').first().click();
    await page.locator('.cairn-record__timeline').getByText('Welcome Zoé & co').first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
