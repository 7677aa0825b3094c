// The SQLite engines seen from the page: every call goes to the worker and back, as an app
// using SQLite wasm with OPFS would do it.
export function sqliteEngine(fts) {
  const worker = new Worker(`./sqlite-worker.mjs?fts=${fts ? 1 : 0}`, { type: 'module' });
  const pending = new Map();
  let next = 0;
  const ready = new Promise((resolve, reject) => {
    // A worker whose module fails to load never answers: fail instead of waiting forever.
    worker.addEventListener('error', (e) => reject(new Error(`the SQLite worker failed to start: ${e.message ?? 'load error'}`)));
    worker.addEventListener('message', ({ data }) => {
      if (data.ready) return resolve();
      const { resolve: ok, reject } = pending.get(data.id);
      pending.delete(data.id);
      if ('error' in data) reject(new Error(data.error));
      else ok(data.value);
    });
  });
  const call = (op) => async (...args) => {
    await ready;
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  };
  const ops = ['importData', 'open', 'firstPage', 'search', 'searchCount', 'filter', 'board', 'companyContacts', 'edit', 'exportJson', 'memory'];
  return { name: fts ? 'sqlite-fts' : 'sqlite', ...Object.fromEntries(ops.map((op) => [op, call(op)])) };
}
