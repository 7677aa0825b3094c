// Catch-up benchmark in headless Chromium: how long the workflow runner takes, once the app
// has opened, to run N delayed actions that fell due while the app was closed (target for
// 10,000: at most 2 s).
//
//   node bench/catchup.mjs [actions=10000] [runs=3]
//
// Needs a release build in dist/ (`./x build`). Each run opens a fresh profile with
// `?bench-catchup=N`: the app fills its database with N contacts, each waiting in a
// "created → wait 3 days → create a task" workflow whose delay ended a day ago
// (`core::workflow::fixture`), then loads it; the runner marks `cairn:catchup-start` when it
// finds due work and measures `cairn:catchup` once nothing is due any more, every task
// created and stored in IndexedDB. Writes bench/results/catchup-N.md.
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { serveDist, launch } from '../tests/e2e/harness.mjs';

const actions = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serveDist();
try {
  const times = [];
  let tasks = 0;
  for (let i = 0; i < runs; i++) {
    const { context, page } = await launch();
    try {
      await page.goto(`${server.url}?bench-catchup=${actions}`);
      const handle = await page.waitForFunction(() => {
        const [m] = performance.getEntriesByName('cairn:catchup', 'measure');
        return m ? m.duration : false;
      }, null, { timeout: 600_000, polling: 100 });
      times.push(await handle.jsonValue());
      // Every action ran: the tasks page lists one "Call Contact …" task per contact.
      await page.getByRole('link', { name: 'Tasks' }).click();
      await page.locator('.cairn-tasks__item').first().waitFor();
      tasks = await page.evaluate(() => document.querySelectorAll('.cairn-tasks__item').length);
    } finally {
      await context.close();
    }
  }
  const ms = (x) => `${x.toFixed(0)} ms`;
  const report = [
    `# Workflow catch-up, ${actions.toLocaleString('en')} delayed actions`,
    '',
    `${actions} contacts each waiting in a "created → wait 3 days → create a task" workflow whose delay ended a day before the app opened.`,
    `Machine load average while running: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min).`,
    '',
    '| Measure | Median | Runs |',
    '| --- | --- | --- |',
    `| Runner finds due work → nothing due, all stored (\`cairn:catchup\`) | ${ms(median(times))} | ${times.map(ms).join(', ')} |`,
    `| Tasks listed on the tasks page afterwards (last run) | ${tasks} | |`,
    '',
  ].join('\n');
  console.log(report);
  await writeFile(new URL(`./results/catchup-${actions}.md`, import.meta.url), report);
} finally {
  await server.close();
}
