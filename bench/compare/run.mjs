// Side-by-side benchmark in headless Chromium: Cairn's engine (the real core compiled to
// wasm, persisted in IndexedDB as the app does) against the official SQLite wasm build
// (with and without an FTS5 trigram index, persisted in OPFS), marmelab's FakeRest and
// plain JavaScript arrays (both kept in IndexedDB), on the same generated data.
//
//   node bench/compare/run.mjs [contacts=100000] [runs=3] [--check] [--engines=sqlite,plain]
//   (after `./x build`; `--engines` picks the peers, e.g. at 1,000,000 contacts where
//   FakeRest's import alone takes many minutes)
//
// Every run launches a fresh browser per engine (engines in a rotating order), imports the
// data set, times the operations (median of several calls), then reopens the browser on
// the same profile for the cold start and the memory figure. Answers are compared across
// engines. Writes bench/results/compare-<contacts>.md (and .json); with `--check` it writes
// nothing and fails when an engine's answer differs from Cairn's (FakeRest's substring
// search excepted), which is how the test suite keeps the peers honest.
import { createServer } from 'node:http';
import { readFile, writeFile, mkdtemp, mkdir, readdir, rm } from 'node:fs/promises';
import { join, extname, dirname, normalize } from 'node:path';
import { tmpdir, loadavg, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { launch } from '../../tests/e2e/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const checkOnly = process.argv.includes('--check');
const contacts = Number(args[0] ?? 100_000);
const runs = Number(args[1] ?? 3);
const REPEAT = 7;
/** The moment the data set looks current at (2026-01-01 UTC), so every run agrees. */
const NOW = Date.UTC(2026, 0, 1);
const PEERS = ['sqlite', 'sqlite-fts', 'fakerest', 'plain'];
const chosen = process.argv.find((a) => a.startsWith('--engines='))?.slice('--engines='.length).split(',');
const ENGINES = ['cairn', ...PEERS.filter((e) => !chosen || chosen.includes(e))];
/** The targets for Cairn at 100,000 and at 1,000,000 contacts (ms, bytes). */
const TARGETS = {
  cold: [250, 1000], search: [1.5, 10], filter: [0.3, 3], board: [0.3, 3], company: [0.02, 0.02],
  edit: [1, 1], import: [250, 2000], export: [65, 700], memory: [30 * 2 ** 20, 300 * 2 ** 20],
};
const target = (key) => TARGETS[key]?.[contacts >= 1_000_000 ? 1 : 0];
const KEYSTROKES = ['s', 'sm', 'smi', 'smit'];
/** Characters of the generated data set read from the page per call. */
const SLICE = 16 * 2 ** 20;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
const MOUNTS = [
  ['/app/', join(root, 'dist')],
  ['/engines/', join(here, 'engines')],
  ['/vendor/sqlite/', join(root, 'node_modules/@sqlite.org/sqlite-wasm/dist')],
  ['/vendor/fakerest/', join(root, 'node_modules/fakerest/dist')],
];

function serve(data) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/data.json') return res.writeHead(200, { 'content-type': TYPES['.json'] }).end(data.text);
    const mount = MOUNTS.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return res.writeHead(404).end();
    const rel = normalize(path.slice(mount[0].length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(mount[1], rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

const pageUrl = (base, engine) => (engine === 'cairn' ? `${base}/app/index.html?compare-engine` : `${base}/engines/page.html?engine=${engine}`);

/** Makes `window.engine` on the Cairn page from the wasm exports, and `window.paint` everywhere. */
async function prepare(page, engine) {
  if (engine === 'cairn') {
    await page.waitForFunction(() => window.wasmBindings, null, { timeout: 120_000 });
    await page.evaluate(() => {
      const b = window.wasmBindings;
      const j = JSON.parse;
      window.engine = {
        name: 'cairn',
        importData: (text) => b.compare_import(text),
        open: () => b.compare_open(),
        firstPage: () => j(b.compare_first_page()),
        search: (t) => j(b.compare_search(t)),
        searchCount: (t) => j(b.compare_search_count(t)),
        filter: (now) => j(b.compare_filter(now)),
        board: () => j(b.compare_board()),
        companyContacts: (d) => j(b.compare_company_contacts(d)),
        edit: (email, city) => b.compare_edit(email, city),
        exportJson: () => b.compare_export(),
        memory: () => ({ wasm: b.compare_wasm_memory() }),
      };
    });
  }
  await page.waitForFunction(() => window.engine, null, { timeout: 120_000 });
  await page.evaluate(() => {
    window.paint = async (rows) => {
      const table = document.createElement('table');
      for (const r of rows) {
        const tr = table.insertRow();
        for (const k of ['firstname', 'lastname', 'email', 'company', 'city']) tr.insertCell().textContent = r[k];
      }
      document.body.replaceChildren(table);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    };
  });
}

/**
 * Times `op` in the page REPEAT times and returns the median in ms and the last answer.
 * Chromium coarsens `performance.now()` to 0.1 ms, so a read-only operation is repeated in
 * a batch of at least 20 ms and the batch's mean is one sample. Edits are never batched.
 */
function timed(page, op, args = [], { batch = true, repeat = REPEAT } = {}) {
  return page.evaluate(async ([op, args, repeat, batch]) => {
    const times = [];
    let answer;
    for (let i = 0; i < repeat; i++) {
      const call = () => window.engine[op](...args.map((a) => (a === '$i' ? `Bench ${i}` : a)));
      let calls = 0;
      let elapsed;
      const t0 = performance.now();
      do {
        answer = await call();
        calls += 1;
        elapsed = performance.now() - t0;
      } while (batch && elapsed < 20);
      times.push(elapsed / calls);
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)], answer };
  }, [op, args, repeat, batch]);
}

async function warm(engine, base, profile, domain, email) {
  const { context, page } = await launch({ profile });
  try {
    await page.goto(pageUrl(base, engine));
    await prepare(page, engine);
    const imported = await page.evaluate(async () => {
      const text = await (await fetch('/data.json')).text();
      const t0 = performance.now();
      const records = await window.engine.importData(text);
      return { ms: performance.now() - t0, records };
    });
    const out = { import: imported.ms, records: imported.records, answers: {} };
    let worst = 0;
    for (const term of KEYSTROKES) {
      worst = Math.max(worst, (await timed(page, 'search', [term])).ms);
      out.answers[`search "${term}"`] = await page.evaluate((t) => window.engine.searchCount(t), term);
    }
    out.search = worst;
    for (const [key, op, args] of [['filter', 'filter', [NOW]], ['board', 'board', []], ['company', 'companyContacts', [domain]]]) {
      const { ms, answer } = await timed(page, op, args);
      out[key] = ms;
      out.answers[key] = answer;
    }
    out.edit = (await timed(page, 'edit', [email, '$i'], { batch: false })).ms;
    // A full export takes seconds at a million contacts: three calls give the median there.
    out.export = (await timed(page, 'exportJson', [], { batch: false, repeat: contacts >= 1_000_000 ? 3 : REPEAT })).ms;
    // wasm memory only grows, so after all of the above it is the run's peak.
    out.wasmPeak = await page.evaluate(() => window.engine.memory?.().wasm ?? 0);
    return out;
  } finally {
    await context.close();
  }
}

async function cold(engine, base, profile) {
  const { context, page } = await launch({ profile });
  try {
    await page.goto(pageUrl(base, engine));
    await prepare(page, engine);
    const painted = await page.evaluate(async () => {
      await window.engine.open();
      await window.paint(await window.engine.firstPage());
      return performance.now();
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { wasm } = await page.evaluate(() => window.engine.memory());
    return { cold: painted, memory: usedSize + wasm };
  } finally {
    await context.close();
  }
}

async function brotli(files) {
  let total = 0;
  for (const f of files) total += brotliCompressSync(await readFile(f)).length;
  return total;
}

async function downloadSizes() {
  const dist = join(root, 'dist');
  const app = (await readdir(dist)).filter((f) => /\.(wasm|js|css|html)$/.test(f) && f !== 'sw.js').map((f) => join(dist, f));
  const engines = join(here, 'engines');
  const sqlite = join(root, 'node_modules/@sqlite.org/sqlite-wasm/dist');
  return {
    cairn: await brotli(app),
    sqlite: await brotli([join(sqlite, 'index.mjs'), join(sqlite, 'sqlite3.wasm'), join(engines, 'sqlite-worker.mjs'), join(engines, 'sqlite.mjs')]),
    'sqlite-fts': await brotli([join(sqlite, 'index.mjs'), join(sqlite, 'sqlite3.wasm'), join(engines, 'sqlite-worker.mjs'), join(engines, 'sqlite.mjs')]),
    fakerest: await brotli([join(root, 'node_modules/fakerest/dist/fakerest.min.js'), join(engines, 'fakerest.mjs')]),
    plain: await brotli([join(engines, 'plain.mjs'), join(engines, 'common.mjs')]),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function generate(base) {
  const { context, page } = await launch({});
  try {
    await page.goto(pageUrl(base, 'cairn'));
    await page.waitForFunction(() => window.wasmBindings, null, { timeout: 120_000 });
    const length = await page.evaluate(([n, now]) => {
      window.dataset = window.wasmBindings.compare_dataset(n, now);
      return window.dataset.length;
    }, [contacts, NOW]);
    // Hundreds of MB at a million contacts: one reply that large never arrives, slices do.
    const parts = [];
    for (let at = 0; at < length; at += SLICE) parts.push(await page.evaluate(([a, b]) => window.dataset.slice(a, b), [at, at + SLICE]));
    return parts.join('');
  } finally {
    await context.close();
  }
}

const data = { text: '' };
const { server, url } = await serve(data);
try {
  const started = Date.now();
  data.text = await generate(url);
  const dataset = JSON.parse(data.text);
  // The company with the most contacts, and a contact to edit.
  const counts = new Map();
  for (const [, d] of dataset.contact_company) counts.set(d, (counts.get(d) ?? 0) + 1);
  const domain = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const email = dataset.contacts[Math.floor(dataset.contacts.length / 2)].email;
  const loads = [];
  const results = Object.fromEntries(ENGINES.map((e) => [e, []]));
  for (let run = 0; run < runs; run++) {
    const order = ENGINES.map((_, i) => ENGINES[(i + run) % ENGINES.length]);
    for (const engine of order) {
      const profile = await mkdtemp(join(tmpdir(), `cairn-compare-${engine}-`));
      const w = await warm(engine, url, profile, domain, email);
      const c = await cold(engine, url, profile);
      await rm(profile, { recursive: true, force: true });
      results[engine].push({ ...w, ...c });
      loads.push(loadavg()[0]);
      const peak = w.wasmPeak ? `, wasm memory peak ${(w.wasmPeak / 2 ** 20).toFixed(0)} MB` : '';
      console.error(`run ${run + 1}/${runs} ${engine}: import ${w.import.toFixed(0)} ms, cold ${c.cold.toFixed(0)} ms${peak}`);
    }
  }
  if (checkOnly) {
    const wrong = disagreements(results);
    if (wrong.length > 0) throw new Error(`answers differ from Cairn's: ${wrong.join('; ')}`);
    console.log(`all engines agree on ${Object.keys(results.cairn[0].answers).length} answers`);
  } else {
    await write(results, loads, dataset, (Date.now() - started) / 1000);
  }
} finally {
  server.close();
}

async function write(results, loads, dataset, seconds) {
  const sizes = await downloadSizes();
  const report = render(results, sizes, loads, dataset, seconds);
  console.log(report);
  const out = join(here, '..', 'results');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, `compare-${contacts}.md`), report);
  await writeFile(join(out, `compare-${contacts}.json`), JSON.stringify({ contacts, runs, results, sizes, loads }, null, 1));
}

/** Answers that differ from Cairn's, except FakeRest's search (substring by design). */
function disagreements(results) {
  const reference = results.cairn[0].answers;
  return ENGINES.slice(1).flatMap((e) => Object.keys(reference)
    .filter((key) => !(e === 'fakerest' && key.startsWith('search')))
    .filter((key) => JSON.stringify(results[e][0].answers[key]) !== JSON.stringify(reference[key]))
    .map((key) => `${e} ${key}`));
}

function render(results, sizes, loads, dataset, seconds) {
  const ms = (x) => (x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${(x * 1000).toFixed(0)} µs`);
  const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  const rows = [
    ['1. Cold start → first 50 rows painted', 'cold', ms],
    ['2. Search as you type, worst of s/sm/smi/smit', 'search', ms],
    ['3. Two-condition filter + sort + first 50', 'filter', ms],
    ['4. Board: count, sum, weighted sum per stage', 'board', ms],
    ['5. Contacts of one company', 'company', ms],
    ['6. One edit committed to storage', 'edit', ms],
    ['7. Bulk import, queryable and persisted', 'import', ms],
    ['8. Full JSON export', 'export', ms],
    ['9. Memory after load (JS heap + wasm)', 'memory', mb],
  ];
  const med = (engine, key) => median(results[engine].map((r) => r[key]));
  const lines = [
    `# Cairn against in-browser peers, ${contacts.toLocaleString('en')} contacts`,
    '',
    `Data: ${dataset.contacts.length} contacts, ${dataset.companies.length} companies, ${dataset.deals.length} deals, ${dataset.contact_company.length} contact–company links (Cairn's generator, seed 7).`,
    `Medians of ${REPEAT} calls per run, then the median of ${runs} fresh browser runs per engine; engines in rotating order.`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${mb(totalmem())} RAM; load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}. Total ${seconds.toFixed(0)} s.`,
    '',
    `| Operation | ${ENGINES.join(' | ')} | Cairn ÷ best peer | Cairn's target | Cairn ÷ target |`,
    `| --- | ${ENGINES.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`,
  ];
  for (const [label, key, fmt] of rows) {
    const values = ENGINES.map((e) => med(e, key));
    const best = Math.min(...values.slice(1));
    const goal = target(key);
    lines.push(`| ${label} | ${values.map(fmt).join(' | ')} | ${(values[0] / best).toFixed(2)} | ≤ ${fmt(goal)} | ${(values[0] / goal).toFixed(1)} |`);
  }
  const size = ENGINES.map((e) => sizes[e]);
  const sizeGoal = 300 * 1024;
  lines.push(`| Download (brotli) | ${size.map(kb).join(' | ')} | ${(size[0] / Math.min(...size.slice(1))).toFixed(2)} | ≤ ${kb(sizeGoal)} | ${(size[0] / sizeGoal).toFixed(1)} |`);
  lines.push('', '## Answers compared with Cairn', '', `| Answer | ${ENGINES.slice(1).join(' | ')} |`, `| --- | ${ENGINES.slice(1).map(() => '---').join(' | ')} |`);
  const reference = results.cairn[0].answers;
  for (const key of Object.keys(reference)) {
    const cells = ENGINES.slice(1).map((e) => {
      const a = results[e][0].answers[key];
      return JSON.stringify(a) === JSON.stringify(reference[key]) ? 'same' : `differs (${a?.count ?? '?'} vs ${reference[key].count})`;
    });
    lines.push(`| ${key} | ${cells.join(' | ')} |`);
  }
  const peak = median(results.cairn.map((r) => r.wasmPeak ?? 0));
  if (peak > 0) lines.push('', `Cairn's wasm memory after import, operations and exports (its peak: wasm memory never shrinks): ${mb(peak)} of wasm32's 4096 MB.`);
  const skipped = PEERS.filter((e) => !ENGINES.includes(e));
  if (skipped.includes('fakerest')) lines.push('', 'FakeRest was not run (`--engines=`): at this size its import and each of its operations take minutes.');
  else if (skipped.length > 0) lines.push('', `Not run (\`--engines=\`): ${skipped.join(', ')}.`);
  lines.push('', 'FakeRest\'s `q` filter is a substring match over every field (Atomic CRM\'s search), not a word-prefix match, so its search counts can differ.', '');
  return lines.join('\n');
}
