// End-to-end: the must-work workflow scenarios, each built through the screens a person uses
// (pipeline editor, owners, create dialogs, associations, workflow builder with the views'
// filter builder), with the page clock moved forward instead of waiting days.
//   1. a quote left 15 days in "Quote sent" gets a follow-up task and an Outbox email; a quote
//      signed on day 10 gets neither;
//   2. a deal entering "Contract signed" is copied to the "Administration" pipeline with its
//      contact and company;
//   3. a new French lead is assigned to an owner and gets a "Call within 2 days" task;
// and a segment as a trigger (a contact entering an active segment).
// The stages "Quote sent", "Quote signed", "Contract signed" and the "Administration"
// pipeline are the user's own: each test creates them in the pipeline editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, ready, createContact, screenshot } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

const nav = (page) => page.getByRole('navigation', { name: 'Main navigation' });

async function open(page) {
  await page.clock.install();
  await page.goto(server.url);
  await ready(page);
}

/** Follows an in-app link to `path` (the test server has no fallback page for deep URLs). */
async function visit(page, path) {
  await page.evaluate((url) => { history.pushState(null, '', url); dispatchEvent(new PopStateEvent('popstate')); }, `${server.url}${path}`);
}

async function addOwner(page, name, email) {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Owners' }).click();
  await page.locator('#new-owner-name').fill(name);
  await page.locator('#new-owner-email').fill(email);
  await page.getByRole('button', { name: 'Add owner' }).click();
  await page.locator('tbody tr', { hasText: name }).waitFor();
}

/** Opens the deal pipeline editor from the board, optionally creating a pipeline first. */
async function pipelineEditor(page, newPipeline) {
  await nav(page).getByRole('link', { name: 'Deals' }).click();
  await page.getByTestId('view-board').click();
  await page.getByRole('link', { name: 'Edit pipelines' }).click();
  await page.getByTestId('pipeline-editor').waitFor();
  if (newPipeline) {
    const form = page.locator('form', { has: page.getByRole('button', { name: 'New pipeline' }) });
    await form.getByLabel('Pipeline name').fill(newPipeline);
    await form.getByRole('button', { name: 'New pipeline' }).click();
    await page.getByTestId('pipeline-editor').locator(`input[value="${newPipeline}"]`).waitFor();
  }
}

async function addStage(page, label) {
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Add stage' }) });
  await form.getByLabel('Stage name').fill(label);
  await form.getByRole('button', { name: 'Add stage' }).click();
  await page.locator('[data-testid="pipeline-stage"] input[type="text"]').and(page.locator(`[value="${label}"]`)).waitFor();
}

/** Creates a deal in the Deals create dialog; the app then opens its record page. */
async function createDeal(page, { name, stage, owner }) {
  await nav(page).getByRole('link', { name: 'Deals' }).click();
  await page.locator('h1', { hasText: 'Deals' }).waitFor();
  await page.getByRole('button', { name: 'Create', exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Deal name', { exact: true }).fill(name);
  await dialog.getByLabel('Deal stage', { exact: true }).fill(stage);
  if (owner) await dialog.getByLabel('Owner', { exact: true }).selectOption({ label: owner });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** On a record page: links an existing record of `object` found by name, or creates one. */
async function associate(page, object, name, { create = false } = {}) {
  const card = page.locator(`.cairn-assoc[data-object="${object}"]`);
  await card.getByRole('button', { name: /^Add/ }).click();
  const dialog = page.getByRole('dialog');
  if (create) {
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByRole('button', { name: 'Create new' }).click();
  } else {
    await dialog.getByLabel('Search by name').fill(name);
    await dialog.locator('.cairn-link__results').getByRole('button', { name }).click();
  }
  await dialog.waitFor({ state: 'detached' });
  await card.locator('.cairn-assoc__item', { hasText: name }).waitFor();
}

async function newWorkflow(page, name, object) {
  await nav(page).getByRole('link', { name: 'Automation' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Object').selectOption(object);
  await page.getByRole('button', { name: 'Create workflow' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const triggerForm = (page) => page.locator('fieldset[data-form="trigger"]');
const stepForm = (page) => page.locator('fieldset[data-form="step"]');

async function addStep(page, kind, fill = {}, choose = {}) {
  const form = stepForm(page);
  await form.getByLabel('Step', { exact: true }).selectOption(kind);
  for (const [label, value] of Object.entries(choose)) await form.getByLabel(label, { exact: true }).selectOption(value);
  for (const [label, value] of Object.entries(fill)) await form.getByLabel(label, { exact: true }).first().fill(value);
  await form.getByRole('button', { name: 'Add step' }).click();
}

async function saveAndTurnOn(page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Workflow saved.' }).waitFor();
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByRole('button', { name: 'Turn off' }).waitFor();
}

/** Moves a deal on the board with its "Move to…" menu. */
async function moveOnBoard(page, deal, stageLabel) {
  await nav(page).getByRole('link', { name: 'Deals' }).click();
  await page.getByTestId('view-board').click();
  const card = page.getByTestId('board-card').filter({ hasText: deal });
  await card.getByRole('combobox', { name: 'Move to…' }).selectOption({ label: stageLabel });
  await page.getByTestId('board-message').filter({ hasText: 'Moved.' }).waitFor();
}

const DAY = 24 * 3600 * 1000;

/** On a record page: the Owner property reads `name`. */
async function ownerIs(page, name) {
  await page.getByRole('button', { name: 'View all properties' }).click();
  await page.locator('[data-property="hubspot_owner_id"] .cairn-props__value').getByText(name).waitFor();
}

test('scenario 1: a quote left 15 days in "Quote sent" gets a task for its owner and an Outbox email; one signed on day 10 gets neither', async () => {
  const { context, page, errors } = await launch();
  try {
    await open(page);
    await addOwner(page, 'Grace Hopper', 'grace@example.com');
    await pipelineEditor(page);
    await addStage(page, 'Quote sent');
    await addStage(page, 'Quote signed');
    await nav(page).getByRole('link', { name: 'Contacts', exact: true }).click();
    await createContact(page, { first: 'Ada', last: 'Lovelace', email: 'ada@example.com' });
    await page.locator('tbody tr', { hasText: 'Lovelace' }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await createContact(page, { first: 'Alan', last: 'Turing', email: 'alan@example.com' });
    await page.locator('tbody tr', { hasText: 'Turing' }).waitFor();

    await newWorkflow(page, 'Stalled quotes', 'deals');
    await triggerForm(page).getByLabel('When').selectOption('time_in_stage');
    await triggerForm(page).getByLabel('Stage', { exact: true }).selectOption({ label: 'Sales Pipeline › Quote sent' });
    await triggerForm(page).getByLabel('Days', { exact: true }).fill('15');
    await triggerForm(page).getByRole('button', { name: 'Add trigger' }).click();
    await addStep(page, 'create_task', { 'Task title': 'Follow up {{deal.dealname}}', 'Due in business days': '1' });
    await addStep(page, 'send_email', { Subject: 'Your quote {{deal.dealname}}', Text: 'Hello {{contact.firstname}}, any questions about the quote?' });
    assert.match(await page.locator('.cairn-flow__triggers').innerText(), /Sales Pipeline › Quote sent: 15/);
    await saveAndTurnOn(page);
    await screenshot(page, 'workflow-scenario-1-editor');

    await createDeal(page, { name: 'Analytical Engine quote', stage: 'Quote sent', owner: 'Grace Hopper' });
    await associate(page, 'contacts', 'Ada Lovelace');
    await createDeal(page, { name: 'Bombe quote', stage: 'Quote sent', owner: 'Grace Hopper' });
    await associate(page, 'contacts', 'Alan Turing');

    await page.clock.fastForward(10 * DAY);
    await moveOnBoard(page, 'Bombe quote', 'Quote signed');
    await page.clock.fastForward(5 * DAY + 2 * 3600 * 1000);

    await nav(page).getByRole('link', { name: 'Outbox' }).click();
    const email = page.locator('.cairn-outbox__email');
    await email.first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1000);
    assert.equal(await email.count(), 1, 'one email: the signed quote gets none');
    assert.equal(await email.locator('.cairn-outbox__subject').innerText(), 'Your quote Analytical Engine quote');
    const href = await email.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
    assert.ok(href.startsWith('mailto:ada@example.com?'), href);
    await screenshot(page, 'workflow-scenario-1-outbox');

    await nav(page).getByRole('link', { name: 'Tasks' }).click();
    const tasks = page.locator('.cairn-tasks__item', { hasText: 'Follow up' });
    await tasks.first().waitFor();
    assert.equal(await tasks.count(), 1);
    assert.match(await tasks.innerText(), /Follow up Analytical Engine quote/);
    // The task belongs to the deal's owner.
    await visit(page, 'objects/tasks');
    await page.locator('tbody tr', { hasText: 'Follow up Analytical Engine quote' }).getByRole('link').first().click();
    await ownerIs(page, 'Grace Hopper');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('scenario 2: a deal entering "Contract signed" is copied to the Administration pipeline with its contact and company', async () => {
  const { context, page, errors } = await launch();
  try {
    await open(page);
    await pipelineEditor(page);
    await addStage(page, 'Contract signed');
    await pipelineEditor(page, 'Administration');
    await addStage(page, 'Onboarding');
    await nav(page).getByRole('link', { name: 'Contacts', exact: true }).click();
    await createContact(page, { first: 'Charles', last: 'Babbage', email: 'charles@example.com' });
    await page.locator('tbody tr', { hasText: 'Babbage' }).waitFor();

    await newWorkflow(page, 'Hand over signed contracts', 'deals');
    await triggerForm(page).getByLabel('When').selectOption('stage_entered');
    await triggerForm(page).getByLabel('Stage', { exact: true }).selectOption({ label: 'Sales Pipeline › Contract signed' });
    await triggerForm(page).getByRole('button', { name: 'Add trigger' }).click();
    await addStep(page, 'copy_to_pipeline', {}, { Pipeline: { label: 'Administration' }, Stage: { label: 'Administration › Onboarding' } });
    assert.match(await page.locator('.cairn-flow__triggers').innerText(), /Sales Pipeline › Contract signed/);
    assert.match(await page.locator('.cairn-flow__step').innerText(), /Administration › Onboarding/);
    await saveAndTurnOn(page);
    await screenshot(page, 'workflow-scenario-2-editor');

    await createDeal(page, { name: 'Difference Engine', stage: 'Contract sent' });
    await associate(page, 'contacts', 'Charles Babbage');
    await associate(page, 'companies', 'Analytical Engines Ltd', { create: true });
    await moveOnBoard(page, 'Difference Engine', 'Contract signed');

    // The copy sits in the Administration pipeline's board.
    await page.getByTestId('board-pipeline').selectOption({ label: 'Administration' });
    const copy = page.getByTestId('board-card').filter({ hasText: 'Difference Engine' });
    await copy.waitFor({ timeout: 10_000 });
    assert.equal(await copy.count(), 1);
    await screenshot(page, 'workflow-scenario-2-board');
    await copy.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Difference Engine' }).waitFor();
    await page.locator('.cairn-assoc[data-object="contacts"] .cairn-assoc__item', { hasText: 'Charles Babbage' }).waitFor();
    await page.locator('.cairn-assoc[data-object="companies"] .cairn-assoc__item', { hasText: 'Analytical Engines Ltd' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('scenario 3: a new French lead is assigned to an owner and gets a "Call within 2 days" task; other leads do not', async () => {
  const { context, page, errors } = await launch();
  try {
    await open(page);
    await addOwner(page, 'Grace Hopper', 'grace@example.com');
    await newWorkflow(page, 'French leads', 'contacts');
    const trigger = triggerForm(page);
    await trigger.getByLabel('When').selectOption('meets_filter');
    // The views' filter builder: lifecycle stage is Lead AND country is France.
    await trigger.getByRole('button', { name: 'Filters' }).click();
    await trigger.getByRole('button', { name: 'Add filter group' }).click();
    await page.locator('#trigger-filter-0-0-property').selectOption('lifecyclestage');
    await page.locator('#trigger-filter-0-0-operator').selectOption('Is');
    await page.locator('#trigger-filter-0-0-value').selectOption({ label: 'Lead' });
    await trigger.getByRole('button', { name: 'Add condition' }).click();
    await page.locator('#trigger-filter-0-1-property').selectOption('country');
    await page.locator('#trigger-filter-0-1-operator').selectOption('Is');
    await page.locator('#trigger-filter-0-1-value').fill('France');
    await page.locator('#trigger-filter-0-1-value').press('Tab');
    await trigger.locator('.cairn-chip', { hasText: 'France' }).waitFor();
    await screenshot(page, 'workflow-scenario-3-filter');
    await trigger.getByRole('button', { name: 'Add trigger' }).click();
    const card = page.locator('.cairn-flow__triggers');
    assert.match(await card.innerText(), /lifecyclestage = lead & country = France/);
    await addStep(page, 'set_property', {}, { Property: 'hubspot_owner_id', Value: { label: 'Grace Hopper' } });
    await addStep(page, 'create_task', { 'Task title': 'Call within 2 days', 'Due in business days': '2' });
    await saveAndTurnOn(page);
    await screenshot(page, 'workflow-scenario-3-editor');

    await nav(page).getByRole('link', { name: 'Contacts', exact: true }).click();
    for (const [first, country] of [['Zoé', 'France'], ['Max', 'Germany']]) {
      await page.getByRole('button', { name: 'Create', exact: true }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('First name', { exact: true }).fill(first);
      await dialog.getByLabel('Email', { exact: true }).fill(`${first.toLowerCase()}@example.com`);
      await dialog.getByLabel('Lifecycle stage', { exact: true }).selectOption({ label: 'Lead' });
      await dialog.getByLabel('Country/Region', { exact: true }).fill(country);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.locator('tbody tr', { hasText: 'Max' }).waitFor();

    await nav(page).getByRole('link', { name: 'Tasks' }).click();
    const tasks = page.locator('.cairn-tasks__item', { hasText: 'Call within 2 days' });
    await tasks.first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    assert.equal(await tasks.count(), 1, 'only the French lead');
    await screenshot(page, 'workflow-scenario-3-tasks');

    // Zoé now belongs to Grace; Max belongs to nobody.
    for (const [name, owner] of [['Zoé', 'Grace Hopper'], ['Max', null]]) {
      await nav(page).getByRole('link', { name: 'Contacts', exact: true }).click();
      await page.locator('tbody tr', { hasText: name }).getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      if (owner) await ownerIs(page, owner);
      else {
        await page.getByRole('button', { name: 'View all properties' }).click();
        assert.doesNotMatch(await page.locator('[data-property="hubspot_owner_id"]').innerText(), /Grace Hopper/);
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a segment as a trigger: a contact who enters an active segment gets a welcome task', async () => {
  const { context, page, errors } = await launch();
  try {
    await open(page);
    // The segment "Acme people": contacts whose email contains acme.test.
    await page.getByTestId('filters-toggle').click();
    await page.getByRole('button', { name: 'Add filter group' }).click();
    const condition = page.getByTestId('filter-condition').first();
    await condition.getByLabel('Property').selectOption({ label: 'Email' });
    await condition.getByLabel('Condition', { exact: true }).selectOption({ label: 'contains' });
    await condition.getByLabel('Value').fill('acme.test');
    await condition.getByLabel('Value').press('Enter');
    await page.getByRole('button', { name: 'Create segment' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Segment name').fill('Acme people');
    await dialog.getByLabel('Active', { exact: true }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await newWorkflow(page, 'Welcome Acme', 'contacts');
    const trigger = triggerForm(page);
    await trigger.getByLabel('When').selectOption('meets_filter');
    await trigger.getByRole('button', { name: 'Filters' }).click();
    await trigger.getByRole('button', { name: 'Add filter group' }).click();
    await page.locator('#trigger-filter-0-0-property').selectOption({ label: 'Segment membership' });
    await page.locator('#trigger-filter-0-0-value').selectOption({ label: 'Acme people' });
    await trigger.locator('.cairn-chip', { hasText: 'Acme people' }).waitFor();
    await trigger.getByRole('button', { name: 'Add trigger' }).click();
    await addStep(page, 'create_task', { 'Task title': 'Welcome {{contact.firstname}}' });
    await saveAndTurnOn(page);

    await nav(page).getByRole('link', { name: 'Contacts', exact: true }).click();
    for (const [first, email] of [['Ada', 'ada@acme.test'], ['Cy', 'cy@other.org']]) {
      await createContact(page, { first, email });
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.locator('tbody tr', { hasText: email }).waitFor();
    }
    await nav(page).getByRole('link', { name: 'Tasks' }).click();
    const tasks = page.locator('.cairn-tasks__item', { hasText: 'Welcome' });
    await tasks.first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    assert.equal(await tasks.count(), 1, 'only the segment member');
    assert.match(await tasks.innerText(), /Welcome Ada/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
