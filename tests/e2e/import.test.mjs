// End-to-end: the CSV import wizard, CSV export and passphrase-encrypted backups.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, screenshot, ready, createContact } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

// A spreadsheet export as French Excel writes it: byte order mark, semicolons, HubSpot
// headers, a quoted line break, an email that appears twice and one that is invalid.
const CSV = '\ufeffFirst Name;Last Name;Email;Associated Company;Shoe size\r\n'
  + 'Ada;Lovelace;ADA@example.com;Analytical Engines;38\r\n'
  + 'Grace;"Hopper\nNavy";grace@example.com;acme.com;39\r\n'
  + 'Grace again;Hopper;grace@example.com;;40\r\n'
  + 'Bad;Row;not-an-email;;41\r\n'
  + 'Linus;Torvalds;linus@example.com;Initech;44\r\n';

async function tempFile(name, text) {
  const file = join(await mkdtemp(join(tmpdir(), 'cairn-import-')), name);
  await writeFile(file, text);
  return file;
}

async function openDataPage(page) {
  await page.getByRole('link', { name: 'Import & export' }).click();
  await page.getByRole('heading', { name: 'Import and export' }).waitFor();
}

async function figure(page, id) {
  return (await page.getByTestId(`import-${id}`).locator('dd').innerText()).trim();
}

async function tableNames(page) {
  return (await page.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((t) => t.trim()).sort();
}

test('a HubSpot-style CSV goes through the wizard: mapping, check, import, refused rows', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await createContact(page, { first: 'Augusta', email: 'ada@example.com' });
    await page.locator('tbody tr', { hasText: 'Augusta' }).waitFor();

    // Step 1: the index page's Import button opens the wizard for contacts.
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import records from a CSV file' }).waitFor();
    assert.equal(await page.locator('#cairn-import-object').inputValue(), 'contacts');
    await page.getByLabel('Choose a CSV file').setInputFiles(await tempFile('hubspot.csv', CSV));
    await page.getByTestId('import-preview').waitFor();
    assert.equal((await page.getByTestId('import-row-count').innerText()).trim(), '5');
    const headers = await page.getByTestId('import-preview').locator('th').allTextContents();
    assert.deepEqual(headers.map((h) => h.trim()), ['First Name', 'Last Name', 'Email', 'Associated Company', 'Shoe size']);
    assert.match(await page.getByTestId('import-preview').innerText(), /Hopper\s+Navy/);
    await screenshot(page, 'import-1-file');

    // Step 2: the HubSpot headers are mapped automatically; the unknown one becomes a property.
    await page.getByRole('button', { name: '2. Columns' }).click();
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    const target = (column) => mapping.locator(`select[data-column="${column}"]`).inputValue();
    assert.equal(await target('First Name'), 'property:firstname');
    assert.equal(await target('Last Name'), 'property:lastname');
    assert.equal(await target('Email'), 'property:email');
    assert.equal(await target('Associated Company'), 'associate:companies');
    assert.equal(await target('Shoe size'), 'skip');
    await mapping.locator('select[data-column="Shoe size"]').selectOption('new');
    assert.equal(await page.getByLabel('Update them with the file’s values').isChecked(), true);
    await screenshot(page, 'import-2-columns');

    // Step 3: the dry run says what will happen, without doing it.
    await page.getByRole('button', { name: 'Check the import' }).click();
    await page.locator('[data-step="check"]').waitFor();
    assert.equal(await figure(page, 'created'), '2');
    assert.equal(await figure(page, 'updated'), '2');
    assert.equal(await figure(page, 'problems'), '1');
    const problem = page.getByTestId('import-problems').locator('tbody tr');
    assert.deepEqual((await problem.locator('td').allInnerTexts()).map((t) => t.trim()), ['6', 'Email', 'not-an-email', await problem.locator('td').nth(3).innerText()]);
    assert.match(await problem.locator('td').nth(3).innerText(), /email/i);
    await screenshot(page, 'import-3-check');

    // Step 4: the import, then the refused row as a file to fix.
    await page.getByRole('button', { name: 'Import now' }).click();
    await page.locator('[data-step="result"]').waitFor();
    await page.getByText('The import is finished.').waitFor();
    assert.equal(await figure(page, 'created'), '2');
    assert.equal(await figure(page, 'updated'), '2');
    await screenshot(page, 'import-4-result');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download rows with errors' }).click()]);
    const refused = await readFile(await download.path(), 'utf8');
    assert.equal(refused.split('\r\n')[0], 'First Name,Last Name,Email,Associated Company,Shoe size,Reason');
    assert.match(refused.split("\r\n")[1], /^Bad,Row,not-an-email,,41,"Email: Enter a valid email/);
    assert.equal(refused.trim().split('\r\n').length, 2);

    // The records are there, and stored: the existing contact was updated, not duplicated.
    await page.getByRole('link', { name: 'Contacts' }).last().click();
    await page.reload();
    await ready(page);
    assert.deepEqual(await tableNames(page), ['Ada', 'Grace again', 'Linus']);
    await page.goto(`${server.url}`);
    await ready(page);
    await page.getByRole('link', { name: 'Companies' }).first().click();
    await page.locator('tbody tr', { hasText: 'Initech' }).waitFor();
    assert.equal(await page.locator('tbody tr').count(), 3);

    // CSV export of the contacts, headed by internal names.
    await openDataPage(page);
    await page.getByLabel('Internal names').check();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.match(csv.suggestedFilename(), /^cairn-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = await readFile(await csv.path(), 'utf8');
    const header = exported.split('\r\n')[0].split(',');
    assert.ok(header.includes('email') && header.includes('firstname') && header.includes('shoe_size'), header.join(','));
    assert.match(exported, /grace@example\.com/);
    assert.match(exported, /linus@example\.com/);
    assert.equal(exported.trim().split('\r\n').length, 4, exported);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an encrypted backup opens in a fresh browser with the right passphrase only', async () => {
  const a = await launch();
  const fresh = await launch();
  try {
    await a.page.goto(server.url);
    await ready(a.page);
    await createContact(a.page, { first: 'Ada', email: 'ada@example.com' });
    await a.page.locator('tbody tr', { hasText: 'Ada' }).waitFor();
    await openDataPage(a.page);
    await a.page.getByLabel('Passphrase (optional)').fill('correct horse battery');
    await a.page.getByLabel('Confirm the passphrase').fill('correct horse');
    await a.page.getByRole('button', { name: 'Export a backup' }).click();
    await a.page.getByText('The two passphrases are different.').waitFor();
    await a.page.getByLabel('Confirm the passphrase').fill('correct horse battery');
    await screenshot(a.page, 'import-encrypted-export');
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Export a backup' }).click()]);
    const text = await readFile(await download.path(), 'utf8');
    const envelope = JSON.parse(text);
    assert.equal(envelope.format, 'cairn-backup-encrypted');
    assert.equal(envelope.kdf.iterations, 600000);
    assert.ok(!text.includes('ada@example.com'));

    const page = fresh.page;
    await page.goto(server.url);
    await ready(page);
    await openDataPage(page);
    await page.getByLabel('Restore or merge a backup file').setInputFiles(await tempFile('backup.json', text));
    await page.getByText('This file is encrypted. Enter its passphrase to open it.').waitFor();
    await page.locator('#cairn-backup-unlock').fill('wrong guess');
    await page.getByRole('button', { name: 'Open the file' }).click();
    await page.getByTestId('unlock-error').getByText('Wrong passphrase: the file was not opened and nothing changed.').waitFor();
    await screenshot(page, 'import-encrypted-wrong');
    await page.locator('#cairn-backup-unlock').fill('correct horse battery');
    await page.getByRole('button', { name: 'Open the file' }).click();
    await page.getByTestId('data-outcome').getByText('Saved').waitFor();
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.locator('tbody tr', { hasText: 'Ada' }).waitFor();
    assert.deepEqual(await tableNames(page), ['Ada']);
  } finally {
    await a.context.close();
    await fresh.context.close();
  }
});

test('a file dropped on the wizard is read like a chosen one, and a binary file is refused', async () => {
  const { context, page } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await page.getByRole('link', { name: 'Import & export' }).click();
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import records from a CSV file' }).waitFor();
    const drop = async (name, bytes) => {
      const transfer = await page.evaluateHandle(([n, b]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(b)], n, { type: 'text/csv' }));
        return dt;
      }, [name, bytes]);
      await page.locator('.cairn-import__drop').dispatchEvent('drop', { dataTransfer: transfer });
    };
    await drop('binary.csv', [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]);
    await page.getByTestId('import-error').waitFor();
    assert.equal(await page.getByRole('button', { name: '2. Columns' }).isDisabled(), true);
    await drop('tabs.csv', [...Buffer.from('Company name\tCompany Domain Name\nInitech\tinitech.com\n')]);
    await page.getByTestId('import-preview').waitFor();
    assert.equal((await page.getByTestId('import-row-count').innerText()).trim(), '1');
    assert.equal(await page.getByTestId('import-error').count(), 0);
  } finally {
    await context.close();
  }
});
