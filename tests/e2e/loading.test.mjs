// End-to-end: a large workspace shows the contacts table before the rest of it has loaded,
// the rest follows behind the table, and a change made right away is kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

const markAt = (page, name) => page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null, name);

test('the contacts table shows before the rest of a large workspace has loaded, and nothing is lost', async () => {
  const { context, page, errors } = await launch();
  try {
    // 20,000 contacts come with 2,000 companies, 4,000 deals and 10,000 activities (src/ui/bench.rs).
    await page.goto(`${server.url}?bench-seed=20000`);
    await page.waitForFunction(() => performance.getEntriesByName('cairn:seeded').length > 0, null, { timeout: 300_000 });
    await ready(page);

    // A cold start: the table is painted, then the last chunk of the snapshot is applied.
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('cairn:cold-start', 'measure').length > 0, null, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Create', exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Early');
    await dialog.getByLabel('Email').fill('early@example.com');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('tbody tr', { hasText: 'Early' }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('cairn:decoded', 'mark').length > 0, null, { timeout: 60_000 });
    const [first, applied] = [await markAt(page, 'cairn:first-table'), await markAt(page, 'cairn:decoded')];
    assert.ok(first !== null && first < applied, `table at ${first} ms, everything applied at ${applied} ms`);
    assert.equal(await page.getByTestId('record-count').innerText(), '20,001 contacts');

    // Everything else arrived behind the table.
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.locator('h1', { hasText: 'Companies' }).waitFor();
    await ready(page);
    assert.equal(await page.getByTestId('record-count').innerText(), '2,000 records');
    await screenshot(page, 'loading-companies-after-contacts');

    // The contact saved while the rest was loading is stored.
    await page.goto(server.url);
    await ready(page);
    assert.equal(await page.getByTestId('record-count').innerText(), '20,001 contacts');
    await page.locator('#quick-search').fill('early@example.com');
    await page.locator('tbody tr', { hasText: 'Early' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
