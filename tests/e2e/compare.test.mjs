// The side-by-side benchmark's peers must answer exactly what Cairn answers, or its figures
// compare different work. Runs the benchmark on a small data set in check mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('every engine of the benchmark gives the same answers as Cairn', () => {
  const script = fileURLToPath(new URL('../../bench/compare/run.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [script, '400', '1', '--check'], { encoding: 'utf8', timeout: 600_000 });
  assert.equal(run.status, 0, run.stderr + run.stdout);
  assert.match(run.stdout, /all engines agree on \d+ answers/);
});
