// End-to-end: moving data between devices with the JSON backup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, screenshot, ready, createContact } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

async function create(page, first, email) {
  await page.goto(server.url);
  await ready(page);
  await createContact(page, { first, email });
  await page.locator('tbody tr', { hasText: first }).waitFor();
}

/** Opens the app at its root and follows the navigation, as a person does. */
async function openDataPage(page) {
  await page.goto(server.url);
  await ready(page);
  await page.getByRole('link', { name: 'Import & export' }).click();
  await page.getByRole('heading', { name: 'Import and export' }).waitFor();
}

async function exportBackup(page) {
  await openDataPage(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup' }).click()]);
  assert.match(download.suggestedFilename(), /^cairn-backup-\d{4}-\d{2}-\d{2}\.json$/);
  return readFile(await download.path(), 'utf8');
}

async function importBackup(page, text) {
  const file = join(await mkdtemp(join(tmpdir(), 'cairn-backup-')), 'backup.json');
  await writeFile(file, text);
  await openDataPage(page);
  await page.getByLabel('Restore or merge a backup file').setInputFiles(file);
}

async function names(page) {
  await page.goto(server.url);
  await ready(page);
  return (await page.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((t) => t.trim()).sort();
}

test('two devices exchange backups and both end with every contact', async () => {
  const a = await launch();
  const b = await launch();
  try {
    await create(a.page, 'Ada', 'ada@example.com');
    await create(b.page, 'Grace', 'grace@example.com');

    await importBackup(b.page, await exportBackup(a.page));
    const outcome = b.page.getByTestId('data-outcome');
    await outcome.getByText('Backup merged.').waitFor();
    assert.match(await outcome.innerText(), /Created\s*1/);
    await screenshot(b.page, 'data-merged');
    assert.deepEqual(await names(b.page), ['Ada', 'Grace']);

    await importBackup(a.page, await exportBackup(b.page));
    await a.page.getByTestId('data-outcome').getByText('Backup merged.').waitFor();
    assert.deepEqual(await names(a.page), ['Ada', 'Grace']);
    // Merged data is stored, not just shown.
    await a.page.reload();
    assert.deepEqual(await names(a.page), ['Ada', 'Grace']);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('a backup restores into a fresh browser, and a file that is not a backup changes nothing', async () => {
  const a = await launch();
  const fresh = await launch();
  try {
    await create(a.page, 'Ada', 'ada@example.com');
    const text = await exportBackup(a.page);
    await importBackup(fresh.page, text);
    await fresh.page.getByTestId('data-outcome').getByText('Saved').waitFor();
    assert.deepEqual(await names(fresh.page), ['Ada']);
    // The restored browser exports the very same document.
    assert.equal((await exportBackup(fresh.page)).replace(/"exported_at":[^,]*,/, ''), text.replace(/"exported_at":[^,]*,/, ''));

    await importBackup(fresh.page, '{"not": "a backup"');
    await fresh.page.getByTestId('data-outcome').locator('.cairn-data__error').waitFor();
    assert.deepEqual(await names(fresh.page), ['Ada']);
  } finally {
    await a.context.close();
    await fresh.context.close();
  }
});
