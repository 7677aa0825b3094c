// Shared setup for the end-to-end tests: serves dist/ under a sub-path (as a static host
// would) on a free loopback port, and launches Debian's headless Chromium.
import { createServer } from 'node:http';
import { readFile, mkdir, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(root, 'dist');
export const ARTIFACTS = join(root, 'artifacts');
/** The sub-path the app is served under, to prove it works away from the domain root. */
export const BASE = '/cairn/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A static file server for dist/ at BASE; plain hosts have no SPA fallback, nor does this. */
export async function serveDist() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `./x build` first');
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(BASE)) {
      res.writeHead(404).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(BASE.length)) || 'index.html';
    rel = normalize(rel).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(DIST, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${BASE}`, close: () => new Promise((r) => server.close(r)) };
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A browser with its own fresh profile folder, so storage persists across reloads only. */
export async function launch({ viewport = { width: 1280, height: 800 }, locale = 'en-US', profile } = {}) {
  profile ??= await mkdtemp(join(tmpdir(), 'cairn-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The URL makes a failed request's message say which file it was.
  page.on('console', (m) => m.type() === 'error' && errors.push(m.location()?.url ? `${m.text()} (${m.location().url})` : m.text()));
  return { context, page, errors };
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits until the workspace has loaded from storage. */
export async function ready(page) {
  await page.waitForSelector('h1');
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

/** Fills the empty workspace with the sample data, from the index page's empty state. */
export async function loadSample(page) {
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('status').filter({ hasText: 'Sample data loaded.' }).waitFor();
}

/**
 * Creates a contact through the index page's Create dialog. `labels` carries the words of the
 * interface's language (English by default).
 */
export async function createContact(page, { first = '', last = '', email = '' }, labels = {}) {
  const l = { create: 'Create', first: 'First name', last: 'Last name', email: 'Email', save: 'Save', ...labels };
  const dialog = page.getByRole('dialog');
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: l.create, exact: true }).first().click();
  if (first) await dialog.getByLabel(l.first, { exact: true }).fill(first);
  if (last) await dialog.getByLabel(l.last, { exact: true }).fill(last);
  if (email) await dialog.getByLabel(l.email, { exact: true }).fill(email);
  await dialog.getByRole('button', { name: l.save }).click();
}
