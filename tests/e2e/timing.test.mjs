// End-to-end: every screen's main operation leaves a User Timing measure (`cairn:*`), so the
// browser's performance panel and the benchmarks read the same figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, ready, createContact, loadSample } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

/** The duration of the latest measure `name`, waiting for it to appear after `since`. */
async function measured(page, name, since) {
  const handle = await page.waitForFunction(([n, t]) => {
    const m = performance.getEntriesByName(n, 'measure').at(-1);
    return m && m.startTime >= t ? m.duration : null;
  }, [name, since]);
  return handle.jsonValue();
}

const clock = (page) => page.evaluate(() => performance.now());

test('search, table query, commit, board, reports and export each record a measure', async () => {
  const { context, page, errors } = await launch();
  try {
    await page.goto(server.url);
    await ready(page);
    await loadSample(page);
    const figures = {};

    let t = await clock(page);
    await page.getByLabel('Search', { exact: true }).fill('a');
    figures.query = await measured(page, 'cairn:query', t);

    t = await clock(page);
    await createContact(page, { first: 'Timed', last: 'Contact', email: 'timed@example.com' });
    figures.commit = await measured(page, 'cairn:commit', t);

    t = await clock(page);
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search all records' }).fill('Timed');
    figures.search = await measured(page, 'cairn:search', t);
    await page.keyboard.press('Escape');

    t = await clock(page);
    await page.getByRole('link', { name: 'Deals' }).click();
    await page.getByTestId('view-board').click();
    await page.getByTestId('board').waitFor();
    figures.board = await measured(page, 'cairn:board', t);

    t = await clock(page);
    await page.getByRole('link', { name: 'Reports' }).click();
    figures.report = await measured(page, 'cairn:report', t);

    t = await clock(page);
    await page.getByRole('link', { name: 'Import & export' }).click();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup' }).click()]);
    figures.export = await measured(page, 'cairn:export', t);

    console.log(`measures (ms): ${JSON.stringify(figures)}`);
    for (const [name, ms] of Object.entries(figures)) assert.ok(ms >= 0 && ms < 60_000, `${name}: ${ms}`);
    // Only the latest measure of a name is kept, however often the table redraws.
    assert.equal(await page.evaluate(() => performance.getEntriesByName('cairn:query', 'measure').length), 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
