// CSV import benchmark in headless Chromium: 100,000 generated contact rows through the
// wizard, timed by the app's own User Timing measures, then checked after a reload.
//
//   node bench/import.mjs [rows=100000]
//
// Needs a release build in dist/. Reports the time to read and parse the file (upload until
// the preview shows), the dry run (`cairn:import-check`) and the import including the
// IndexedDB write (`cairn:import`), and writes bench/results/import-<rows>.md.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch } from '../tests/e2e/harness.mjs';

const rows = Number(process.argv[2] ?? 100_000);

/** The same rows as `benches/import.rs`: a HubSpot header, 1 in 50 invalid, 1 in 20 repeated. */
function generatedCsv(n) {
  const lines = ['Record ID,First Name,Last Name,Email,Phone Number,Job Title,City,Associated Company'];
  for (let i = 0; i < n; i++) {
    const email = i % 50 === 7 ? `broken-${i}` : (i % 20 === 3 ? `person${i - 1}@example.com` : `person${i}@example.com`);
    lines.push(`,First${i},"Last, ${i}",${email},+1 555 ${String(i).padStart(7, '0')},Engineer,City ${i % 300},`);
  }
  return lines.join('\n') + '\n';
}

const measureOf = (page, name) => page.waitForFunction((n) => {
  const all = performance.getEntriesByName(n, 'measure');
  return all.length ? all[all.length - 1].duration : false;
}, name, { timeout: 600_000 }).then((h) => h.jsonValue());

const file = join(await mkdtemp(join(tmpdir(), 'cairn-import-bench-')), 'contacts.csv');
await writeFile(file, generatedCsv(rows));
const server = await serveDist();
const profile = await mkdtemp(join(tmpdir(), 'cairn-bench-'));
let { context, page } = await launch({ profile });
try {
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  const parseStart = Date.now();
  await page.getByLabel('Choose a CSV file').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor({ timeout: 600_000 });
  const parse = Date.now() - parseStart;
  await page.getByRole('button', { name: '2. Columns' }).click();
  await page.getByRole('button', { name: 'Check the import' }).click();
  await page.locator('[data-step="check"]').waitFor({ timeout: 600_000 });
  const check = await measureOf(page, 'cairn:import-check');
  const clickedAt = Date.now();
  await page.getByRole('button', { name: 'Import now' }).click();
  await page.locator('[data-step="result"]').waitFor({ timeout: 600_000 });
  const imported = await measureOf(page, 'cairn:import');
  const wall = Date.now() - clickedAt;
  const created = (await page.getByTestId('import-created').locator('dd').innerText()).trim();
  await context.close();

  // Queryable and persisted: a new browser on the same profile shows the records.
  ({ context, page } = await launch({ profile }));
  const reopenStart = Date.now();
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, null, { timeout: 600_000 });
  const count = (await page.getByTestId('record-count').innerText()).trim();
  const reopen = Date.now() - reopenStart;
  const report = [
    `# CSV import, ${rows} rows (headless Chromium, release build)`,
    '',
    `Load average at start: ${loadavg()[0].toFixed(2)} (shared machine).`,
    '',
    '| step | time |',
    '| --- | --- |',
    `| read + parse the file (upload → preview) | ${parse} ms |`,
    `| dry run (\`cairn:import-check\`) | ${check.toFixed(0)} ms |`,
    `| import incl. IndexedDB write (\`cairn:import\`) | ${imported.toFixed(0)} ms |`,
    `| import, click → result on screen | ${wall} ms |`,
    `| reopen the app and show the table | ${reopen} ms |`,
    '',
    `Created: ${created}; contacts after reopening: ${count}.`,
    '',
  ].join('\n');
  await writeFile(join('bench', 'results', `import-${rows}.md`), report);
  console.log(report);
} finally {
  await context.close();
  await server.close();
}
