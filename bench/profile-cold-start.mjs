// Where a cold start spends its main-thread time, by function, in headless Chromium.
//
//   node bench/profile-cold-start.mjs [contacts=100000]
//
// Seeds a workspace like `cold-start.mjs`, reopens it once under the V8 sampling profiler and
// prints the functions with the most self time and the most total time until the first table.
// Function names need a wasm build that keeps its name section (`wasm-opt -g`).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch } from '../tests/e2e/harness.mjs';

const contacts = Number(process.argv[2] ?? 100_000);
const server = await serveDist();
const profile = await mkdtemp(join(tmpdir(), 'cairn-profile-'));
const measure = (page, name) => page.waitForFunction((n) => performance.getEntriesByName(n, 'measure')[0]?.duration ?? false, name, { timeout: 600_000 }).then((h) => h.jsonValue());
try {
  let { context, page } = await launch({ profile });
  await page.goto(`${server.url}?bench-seed=${contacts}`);
  await page.waitForFunction(() => performance.getEntriesByName('cairn:seeded').length > 0, null, { timeout: 600_000 });
  await measure(page, 'cairn:cold-start');
  await context.close();
  // One unprofiled start so that the wasm code cache is warm, as for a returning user.
  ({ context, page } = await launch({ profile }));
  await page.goto(server.url);
  await measure(page, 'cairn:cold-start');
  await context.close();

  ({ context, page } = await launch({ profile }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await page.goto(server.url);
  const cold = await measure(page, 'cairn:cold-start');
  const { profile: p } = await cdp.send('Profiler.stop');
  await context.close();

  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'program'})`;
  // Only the samples up to the first table: the profile runs on a little past it.
  let t = 0;
  let counted = 0;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i];
    if (t / 1000 > cold + 50) return;
    counted++;
    const leaf = nodes.get(id);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + 1);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const k = name(nodes.get(n));
      if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + 1); }
    }
  });
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, c]) => `${(100 * c / counted).toFixed(1).padStart(5)}%  ${f.slice(0, 110)}`).join('\n');
  console.log(`cold start ${cold.toFixed(0)} ms, ${counted} samples\n\nself:\n${top(self, 40)}\n\ntotal:\n${top(total, 60)}`);
} finally {
  await server.close();
}
