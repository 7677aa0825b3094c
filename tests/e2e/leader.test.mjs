// End-to-end: exactly one tab runs background work (Web Locks); when it closes, another
// open tab takes over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, ready } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

const leaderState = (page) => page.locator('.cairn-app').getAttribute('data-leader');
const becomesLeader = (page) => page.waitForSelector('.cairn-app[data-leader="true"]', { timeout: 5000 });

test('one tab leads; when it closes, another takes over', async () => {
  const { context, page: first } = await launch();
  try {
    await first.goto(server.url);
    await ready(first);
    await becomesLeader(first);
    const second = await context.newPage();
    await second.goto(server.url);
    await ready(second);
    const third = await context.newPage();
    await third.goto(server.url);
    await ready(third);
    // Give a wrongly granted lock time to show.
    await second.waitForTimeout(500);
    assert.deepEqual(await Promise.all([first, second, third].map(leaderState)), ['true', 'false', 'false']);

    await first.close();
    // One of the waiting tabs (the first to ask) takes over, and only one.
    await becomesLeader(second);
    await third.waitForTimeout(500);
    assert.deepEqual(await Promise.all([second, third].map(leaderState)), ['true', 'false']);

    await second.reload();
    await ready(second);
    await becomesLeader(third);
    await second.waitForTimeout(500);
    assert.equal(await leaderState(second), 'false', 'a reloaded tab queues behind the new leader');
  } finally {
    await context.close();
  }
});
