// Cold-start benchmark in headless Chromium: how long from navigation until the first table
// of a large stored workspace can be used, and how much the browser stores for it.
//
//   node bench/cold-start.mjs [contacts=100000] [runs=3]
//
// Needs a release build in dist/ (`./x build`). Seeds the database once through the app's
// `?bench-seed=N` fixture, then reopens the browser `runs` times on the same profile and reads
// the app's own User Timing measures (`cairn:cold-start` from navigation, `cairn:load` from
// opening the database). The contacts table shows once the settings and the contacts are in,
// while the rest of the workspace loads behind it; each run then clicks a column header at
// once and reads how long that click took to answer (Event Timing: from the input to the next
// paint), to show the table responds while the rest loads. Writes bench/results/cold-start.md.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch } from '../tests/e2e/harness.mjs';

const contacts = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const measureOf = (page, name) => page.waitForFunction((n) => {
  const [m] = performance.getEntriesByName(n, 'measure');
  return m ? m.duration : false;
}, name, { timeout: 120_000 }).then((h) => h.jsonValue());

const server = await serveDist();
const profile = await mkdtemp(join(tmpdir(), 'cairn-bench-'));
try {
  let { context, page } = await launch({ profile });
  const seedStart = Date.now();
  await page.goto(`${server.url}?bench-seed=${contacts}`);
  await page.waitForFunction(() => performance.getEntriesByName('cairn:seeded').length > 0, null, { timeout: 600_000 });
  await measureOf(page, 'cairn:cold-start');
  const seedSeconds = (Date.now() - seedStart) / 1000;
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
  await context.close();

  const cold = [];
  const load = [];
  // Where the load goes: IndexedDB read, decoding and applying the snapshot chunk by chunk,
  // the log; then, after the first table, the indexes built in the background.
  const phases = { boot: [], open: [], read: [], first: [], rest: [] };
  const clicks = [];
  const warm = [];
  const heap = [];
  const readBy = [];
  const markAt = (page, name) => page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? NaN, name);
  for (let i = 0; i < runs; i++) {
    ({ context, page } = await launch({ profile }));
    // Trunk's loader announces the started module; its memory is the wasm heap. Clicks are
    // timed by the browser from the input event to the next paint.
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => { self.cairnWasmMemory = e.detail.wasm.memory; });
      self.cairnClicks = [];
      new PerformanceObserver((list) => self.cairnClicks.push(...list.getEntries().filter((e) => e.name === 'click').map((e) => ({ at: e.startTime, duration: e.duration }))))
        .observe({ type: 'event', durationThreshold: 16, buffered: true });
    });
    await page.goto(server.url);
    cold.push(await measureOf(page, 'cairn:cold-start'));
    await page.click('th .cairn-table__sort');
    await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]'), null, { timeout: 60_000 });
    load.push(await measureOf(page, 'cairn:load'));
    warm.push(await measureOf(page, 'cairn:warm'));
    heap.push(await page.evaluate(() => self.cairnWasmMemory?.buffer.byteLength ?? NaN));
    readBy.push(await page.evaluate(() => performance.getEntriesByName('cairn:read-ahead')[0]?.detail ?? 'the app'));
    const [open, dbOpen, read, first, decoded] = await Promise.all(['cairn:open', 'cairn:db-open', 'cairn:read', 'cairn:first-table', 'cairn:decoded'].map((m) => markAt(page, m)));
    phases.boot.push(open);
    phases.open.push(dbOpen - open);
    phases.read.push(read - dbOpen);
    phases.first.push(first - read);
    phases.rest.push(decoded - first);
    // Event Timing reports events of 16 ms or more; a quicker answer leaves no entry.
    await page.waitForTimeout(200);
    const click = await page.evaluate(() => self.cairnClicks.at(-1) ?? null);
    clicks.push(click ? `${click.duration} ms${click.at < decoded ? ' (during the load)' : ''}` : '< 16 ms');
    await context.close();
  }
  const ms = (x) => `${x.toFixed(0)} ms`;
  const report = [
    `# Cold start, ${contacts.toLocaleString('en')} contacts`,
    '',
    `Sample workspace: ${contacts} contacts, ${contacts / 10} companies, ${contacts / 5} deals, ${contacts / 2} activities and their associations.`,
    `Machine load average while running: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min).`,
    '',
    '| Measure | Median | Runs |',
    '| --- | --- | --- |',
    `| Navigation → first table usable (\`cairn:cold-start\`) | ${ms(median(cold))} | ${cold.map(ms).join(', ')} |`,
    `| Database open → workspace in memory (\`cairn:load\`) | ${ms(median(load))} | ${load.map(ms).join(', ')} |`,
    `| Navigation → app started, database opening (\`cairn:open\`) | ${ms(median(phases.boot))} | ${phases.boot.map(ms).join(', ')} |`,
    `| … database connection ready (→ \`cairn:db-open\`; opened by the read-ahead script while the wasm loaded) | ${ms(median(phases.open))} | ${phases.open.map(ms).join(', ')} |`,
    `| … log applied and the first snapshot chunk arrived (→ \`cairn:read\`) | ${ms(median(phases.read))} | ${phases.read.map(ms).join(', ')} |`,
    `| … settings and contacts decoded and applied, table painted (→ \`cairn:first-table\`) | ${ms(median(phases.first))} | ${phases.first.map(ms).join(', ')} |`,
    `| The rest of the snapshot, applied behind the table (→ \`cairn:decoded\`) | ${ms(median(phases.rest))} | ${phases.rest.map(ms).join(', ')} |`,
    `| A click on a column header right after the first table, input → next paint | | ${clicks.join(', ')} |`,
    `| Search, unique and association indexes, built after the first table (\`cairn:warm\`) | ${ms(median(warm))} | ${warm.map(ms).join(', ')} |`,
    `| Who read the snapshot while the app loaded (read-ahead script) | ${readBy.join(', ')} | |`,
    `| Wasm memory once the indexes are built | ${(median(heap) / 1024 / 1024).toFixed(0)} MB | |`,
    `| Stored size (navigator.storage.estimate) | ${(usage / 1024 / 1024).toFixed(1)} MB | |`,
    `| Seeding the database (generate + write snapshot) | ${seedSeconds.toFixed(1)} s | |`,
    '',
  ].join('\n');
  console.log(report);
  await writeFile(new URL(`./results/cold-start-${contacts}.md`, import.meta.url), report);
} finally {
  await server.close();
}
