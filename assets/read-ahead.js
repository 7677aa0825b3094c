// Starts reading the stored workspace from IndexedDB while the app's WebAssembly is still
// downloading and compiling, so the data is waiting when the app starts (src/storage/ahead.rs
// takes it over). Reads only: a database that does not exist yet is not created here, and any
// failure leaves `cairnReadAhead` null so the app opens the database itself.
//
// Must match src/storage/idb.rs: database "cairn", stores "meta", "snapshot" and "log".
(() => {
  'use strict';
  const settle = (req) => new Promise((resolve, reject) => {
    // Reading `result` here takes the value out of the request while the page is idle.
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  let open;
  try {
    open = self.indexedDB.open('cairn');
  } catch {
    self.cairnReadAhead = null;
    return;
  }
  self.cairnReadAhead = new Promise((resolve) => {
    // No database yet: abort the creation and let the app make it at its own version.
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve(null);
    open.onblocked = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      // Until the app takes the connection over, never stand in the way of an upgrade.
      db.onversionchange = () => db.close();
      try {
        const tx = db.transaction(['meta', 'snapshot', 'log'], 'readonly');
        const meta = tx.objectStore('meta');
        const snapshot = tx.objectStore('snapshot');
        const format = settle(meta.get('format'));
        const device = settle(meta.get('device'));
        const log = settle(tx.objectStore('log').getAll());
        const keys = snapshot.getAllKeys();
        keys.onerror = () => { db.close(); resolve(null); };
        keys.onsuccess = () => {
          const chunks = keys.result.map((key) => settle(snapshot.get(key)));
          // A failed read rejects its own promise; the app reports it when it gets there.
          [format, device, log, ...chunks].forEach((p) => p.catch(() => {}));
          resolve({ db, format, device, log, chunks });
        };
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
})();
