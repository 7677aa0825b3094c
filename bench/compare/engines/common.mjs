// What every peer engine shares: Cairn's folding and word rules (so that all engines answer
// the same question), the filter's cut-off, and IndexedDB helpers for the engines that keep
// their rows there.

export const PAGE = 50;
export const DAY = 86_400_000;
const RECENT_DAYS = 365;

// Letters that are not an accented base letter, spelled as Cairn's core folds them.
const SPECIAL = { 'ł': 'l', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ĳ': 'ij', 'ŀ': 'l', 'ı': 'i', 'ħ': 'h', 'ŧ': 't', 'ŋ': 'n', 'ĸ': 'k', 'ſ': 's' };
const APOSTROPHES = /['\u2019\u02BC]/g;

/** Lower case without diacritics, as `core::fold::fold`. */
export function fold(text) {
  let out = '';
  for (const ch of text.toLowerCase()) {
    if (ch < '\u0080') out += ch;
    else out += SPECIAL[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return out;
}

/** The folded words of a text, as `core::fold::words` ("D'Angelo" gives "angelo" and "dangelo"). */
export function words(text) {
  const out = [];
  for (const raw of fold(text).split(/[^\p{L}\p{N}'\u2019\u02BC]+/u)) {
    const joined = raw.replace(APOSTROPHES, '');
    if (!joined) continue;
    for (const part of raw.split(APOSTROPHES).slice(1)) if (part && part !== joined) out.push(part);
    out.push(joined);
  }
  return out;
}

/** The searchable words of a contact, space-separated and space-framed: " jan kowalski … ". */
export function haystack(c) {
  return ` ${[c.firstname, c.lastname, c.email, c.company].flatMap(words).join(' ')} `;
}

/** Word-prefix match of every query word, the semantics of Cairn's search. */
export function matcher(query) {
  const needles = words(query).map((w) => ` ${w}`);
  return (hay) => needles.length > 0 && needles.every((n) => hay.includes(n));
}

/** The first instant "created in the last year" keeps: the day after the cut-off day, UTC. */
export function recentCutoff(nowMs) {
  return (Math.floor((nowMs - RECENT_DAYS * DAY) / DAY) + 1) * DAY;
}

export const byFolded = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Board figures from per-stage sums; probabilities are in percent, rounded as Cairn rounds. */
export function boardKeys(stages, sums) {
  let count = 0;
  const keys = stages.map(([stage, p]) => {
    const { n = 0, amount = 0 } = sums.get(stage) ?? {};
    count += n;
    return `${stage}:${n}:${amount}:${Math.round((amount * p) / 100)}`;
  });
  return { count, keys };
}

// ---- IndexedDB: one object store per collection, strict durability for writes. ----

const done = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error ?? new Error('aborted'));
});
const result = (req) => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});

export async function idbOpen(name, stores) {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => { for (const s of stores) req.result.createObjectStore(s); };
  return result(req);
}

/** Replaces every store's content in one transaction. */
export async function idbReplace(db, collections) {
  const tx = db.transaction(Object.keys(collections), 'readwrite', { durability: 'strict' });
  for (const [name, rows] of Object.entries(collections)) {
    const store = tx.objectStore(name);
    store.clear();
    rows.forEach((row, i) => store.put(row, i));
  }
  return done(tx);
}

export async function idbReadAll(db, names) {
  const tx = db.transaction(names, 'readonly');
  const reads = names.map((n) => result(tx.objectStore(n).getAll()));
  const values = await Promise.all(reads);
  return Object.fromEntries(names.map((n, i) => [n, values[i]]));
}

export async function idbPut(db, name, key, row) {
  const tx = db.transaction([name], 'readwrite', { durability: 'strict' });
  tx.objectStore(name).put(row, key);
  return done(tx);
}
