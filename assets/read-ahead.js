// Starts reading the stored workspace from IndexedDB while the app's WebAssembly is still
// downloading and compiling, so the data is waiting when the app starts (src/storage/ahead.rs
// takes it over). Reads only: a database that does not exist yet is not created here, and any
// failure leaves `cairnReadAhead` resolving to null so the app opens the database itself.
//
// The page keeps a connection for the app; the reading itself runs in a worker started from
// this same file, because taking a large value out of an IndexedDB request (decompressing and
// copying it) costs main-thread time the app needs for decoding. Each chunk's bytes are then
// transferred, not copied. Without workers, the page reads by itself.
//
// Must match src/storage/idb.rs: database "cairn", stores "meta", "snapshot" and "log".
(() => {
  'use strict';
  const STORES = ['meta', 'snapshot', 'log'];

  // The database if it exists, else null (its creation is aborted).
  const openExisting = () => new Promise((resolve) => {
    let open;
    try {
      open = self.indexedDB.open('cairn');
    } catch {
      resolve(null);
      return;
    }
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve(null);
    open.onsuccess = () => resolve(open.result);
  });

  const settle = (req) => new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

  // Issues every read in one read-only transaction; resolves once the chunk keys are known.
  const readAll = (db) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORES, 'readonly');
    const meta = tx.objectStore('meta');
    const snapshot = tx.objectStore('snapshot');
    const format = settle(meta.get('format'));
    const device = settle(meta.get('device'));
    const log = settle(tx.objectStore('log').getAll());
    const keys = snapshot.getAllKeys();
    keys.onerror = () => reject(keys.error);
    keys.onsuccess = () => resolve({ format, device, log, chunks: keys.result.map((key) => settle(snapshot.get(key))) });
  });

  // A failed read rejects its own promise; the app reports it when it gets there.
  const quiet = (read) => {
    [read.format, read.device, read.log, ...read.chunks].forEach((p) => p.catch(() => {}));
    return read;
  };

  if (typeof document === 'undefined') {
    // In the worker: read, and post each value as soon as it is out of its request.
    openExisting().then(async (db) => {
      if (!db) return postMessage({ kind: 'none' });
      try {
        const read = quiet(await readAll(db));
        db.close(); // takes effect once the reads are done
        postMessage({ kind: 'keys', count: read.chunks.length, format: await read.format, device: await read.device });
        const post = (kind, i) => (p) => p.then(
          (value) => postMessage({ kind, i, value }, ArrayBuffer.isView(value) ? [value.buffer] : []),
          (error) => postMessage({ kind, i, error: String(error) }),
        );
        read.chunks.forEach((p, i) => post('chunk', i)(p));
        post('log', -1)(read.log);
      } catch {
        db.close();
        postMessage({ kind: 'none' });
      }
    });
    return;
  }

  const workerUrl = document.currentScript?.src;
  const handOver = (read, where) => {
    performance.mark('cairn:read-ahead', { detail: where });
    return read;
  };

  const readHere = (db) => readAll(db).then((read) => handOver({ db, ...quiet(read) }, 'page'), () => {
    db.close();
    return null;
  });

  // Started at once, beside the page's own connection: the worker's reads then begin while
  // the page is still opening its connection. `reads` resolves to the reads, or null if the
  // worker found nothing or failed before the chunk keys were known; `stop` ends the worker.
  const readInWorker = () => {
    let worker;
    try {
      worker = new Worker(workerUrl);
    } catch {
      return { stop: () => {}, reads: Promise.resolve(null) };
    }
    return { stop: () => worker.terminate(), reads: workerReads(worker) };
  };

  const workerReads = (worker) => new Promise((resolve) => {
    const pending = [];
    const deferred = () => {
      const d = {};
      d.promise = new Promise((res, rej) => Object.assign(d, { res, rej }));
      d.promise.catch(() => {});
      pending.push(d);
      return d;
    };
    let chunks = null;
    let log = null;
    let unsettled = 0;
    const fail = (why) => {
      worker.terminate();
      if (!chunks) resolve(null);
      else pending.forEach((d) => d.rej(new Error(why)));
    };
    worker.onerror = () => fail('the reading worker failed');
    worker.onmessage = ({ data }) => {
      if (data.kind === 'none') return fail('nothing to read');
      if (data.kind === 'keys') {
        chunks = Array.from({ length: data.count }, deferred);
        log = deferred();
        unsettled = pending.length;
        const [format, device] = [Promise.resolve(data.format), Promise.resolve(data.device)];
        resolve({ format, device, log: log.promise, chunks: chunks.map((d) => d.promise) });
        return;
      }
      const target = data.kind === 'log' ? log : chunks?.[data.i];
      if (!target) return;
      if ('error' in data) target.rej(new Error(data.error));
      else target.res(data.value);
      if (--unsettled === 0) worker.terminate();
    };
  });

  const started = workerUrl && self.Worker ? readInWorker() : null;
  self.cairnReadAhead = openExisting().then((db) => {
    if (!db) {
      started?.stop();
      return null;
    }
    // Until the app takes the connection over, never stand in the way of an upgrade.
    db.onversionchange = () => db.close();
    if (!started) return readHere(db);
    return started.reads.then((read) => (read ? handOver({ db, stop: started.stop, ...read }, 'worker') : readHere(db)));
  });
})();
