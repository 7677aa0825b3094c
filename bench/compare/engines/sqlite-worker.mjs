// The official SQLite wasm build in a worker, persisted in the origin private file system
// through the "opfs-sahpool" VFS (the build's recommended persistent set-up that needs no
// cross-origin isolation). `?fts=1` adds an FTS5 trigram index for search.
import sqlite3InitModule from '/vendor/sqlite/index.mjs';
import { PAGE, haystack, words, fold, recentCutoff, boardKeys } from './common.mjs';

const fts = new URL(self.location.href).searchParams.get('fts') === '1';
const file = fts ? '/cairn-fts.sqlite3' : '/cairn.sqlite3';
let sqlite3;
let pool;
let db;
let stages;

const all = (sql, bind) => db.exec({ sql, bind, rowMode: 'object', returnValue: 'resultRows' });
const one = (sql, bind) => db.selectValue(sql, bind);

const SCHEMA = `
  CREATE TABLE contacts(id INTEGER PRIMARY KEY, firstname TEXT, lastname TEXT, email TEXT UNIQUE,
    company TEXT, city TEXT, createdate INTEGER, lifecyclestage TEXT, owner TEXT,
    lastname_fold TEXT, search TEXT);
  CREATE INDEX contacts_created ON contacts(createdate);
  CREATE INDEX contacts_stage_created ON contacts(lifecyclestage, createdate);
  CREATE INDEX contacts_lastname ON contacts(lastname_fold);
  CREATE TABLE companies(id INTEGER PRIMARY KEY, name TEXT, domain TEXT UNIQUE, city TEXT);
  CREATE TABLE deals(id INTEGER PRIMARY KEY, dealname TEXT, amount INTEGER, dealstage TEXT, closedate TEXT, company TEXT);
  CREATE INDEX deals_stage ON deals(dealstage);
  CREATE TABLE links(email TEXT, domain TEXT);
  CREATE INDEX links_domain ON links(domain);
  CREATE TABLE stages(position INTEGER PRIMARY KEY, stage TEXT, probability REAL);`;

async function start() {
  sqlite3 ??= await sqlite3InitModule();
  pool ??= await sqlite3.installOpfsSAHPoolVfs({ name: 'cairn-bench' });
}

function loadStages() {
  stages = all('SELECT stage, probability FROM stages ORDER BY position').map((r) => [r.stage, r.probability]);
}

function insertAll(sql, rows, values) {
  const stmt = db.prepare(sql);
  try {
    for (const row of rows) stmt.bind(values(row)).stepReset();
  } finally {
    stmt.finalize();
  }
}

/** Word-prefix search: each query word must start one of the contact's words. */
function searchSql(text, limit) {
  const needles = words(text).map((w) => ` ${w}`);
  if (needles.length === 0) return { sql: 'SELECT email FROM contacts WHERE 0', bind: [] };
  if (fts && needles.every((n) => n.length >= 3)) {
    // The trigram index answers substring MATCH queries of three characters or more.
    const match = needles.map((n) => `"${n.replaceAll('"', '""')}"`).join(' AND ');
    return { sql: `SELECT c.email FROM contacts_fts f JOIN contacts c ON c.id = f.rowid WHERE contacts_fts MATCH ? ORDER BY c.id ${limit}`, bind: [match] };
  }
  const where = needles.map(() => 'instr(search, ?) > 0').join(' AND ');
  return { sql: `SELECT email FROM contacts WHERE ${where} ORDER BY id ${limit}`, bind: needles };
}

const ops = {
  async importData(text) {
    await start();
    pool.unlink?.(file);
    db = new pool.OpfsSAHPoolDb(file);
    const d = JSON.parse(text);
    db.exec('PRAGMA journal_mode=WAL;');
    db.exec(SCHEMA);
    if (fts) db.exec("CREATE VIRTUAL TABLE contacts_fts USING fts5(search, content='contacts', content_rowid='id', tokenize='trigram');");
    db.transaction(() => {
      insertAll('INSERT INTO companies(name, domain, city) VALUES (?, ?, ?)', d.companies, (c) => [c.name, c.domain, c.city]);
      insertAll('INSERT INTO contacts(firstname, lastname, email, company, city, createdate, lifecyclestage, owner, lastname_fold, search) VALUES (?,?,?,?,?,?,?,?,?,?)',
        d.contacts, (c) => [c.firstname, c.lastname, c.email, c.company, c.city, c.createdate, c.lifecyclestage, c.owner, fold(c.lastname), haystack(c)]);
      insertAll('INSERT INTO deals(dealname, amount, dealstage, closedate, company) VALUES (?,?,?,?,?)', d.deals, (x) => [x.dealname, x.amount, x.dealstage, x.closedate, x.company]);
      insertAll('INSERT INTO links(email, domain) VALUES (?, ?)', d.contact_company, (l) => l);
      insertAll('INSERT INTO stages(position, stage, probability) VALUES (?, ?, ?)', d.stages.map((s, i) => [i, ...s]), (s) => s);
      if (fts) db.exec("INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild');");
    });
    loadStages();
    return d.contacts.length + d.companies.length + d.deals.length;
  },
  async open() {
    await start();
    db = new pool.OpfsSAHPoolDb(file);
    loadStages();
    return one('SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM companies) + (SELECT count(*) FROM deals)');
  },
  firstPage() {
    return all(`SELECT firstname, lastname, email, company, city FROM contacts ORDER BY createdate DESC LIMIT ${PAGE}`);
  },
  search(text) {
    const { sql, bind } = searchSql(text, `LIMIT ${PAGE}`);
    return all(sql, bind).map((r) => r.email);
  },
  searchCount(text) {
    const { sql, bind } = searchSql(text, '');
    return { count: all(sql, bind).length, keys: [] };
  },
  filter(nowMs) {
    const bind = [recentCutoff(nowMs)];
    const where = "lifecyclestage = 'customer' AND createdate >= ?";
    const page = all(`SELECT lastname FROM contacts WHERE ${where} ORDER BY lastname_fold, id LIMIT ${PAGE}`, bind);
    return { count: one(`SELECT count(*) FROM contacts WHERE ${where}`, bind), keys: page.map((r) => r.lastname) };
  },
  board() {
    const rows = all('SELECT dealstage, count(*) AS n, sum(amount) AS amount FROM deals GROUP BY dealstage');
    return boardKeys(stages, new Map(rows.map((r) => [r.dealstage, r])));
  },
  companyContacts(domain) {
    const keys = all('SELECT email FROM links WHERE domain = ? ORDER BY email', [domain]).map((r) => r.email);
    return { count: keys.length, keys };
  },
  edit(email, city) {
    db.exec({ sql: 'UPDATE contacts SET city = ? WHERE email = ?', bind: [city, email] });
  },
  exportJson() {
    const tables = ['contacts', 'companies', 'deals', 'links', 'stages'];
    return JSON.stringify(Object.fromEntries(tables.map((t) => [t, all(`SELECT * FROM ${t}`)]))).length;
  },
  memory() {
    return { wasm: sqlite3.wasm.heap8u().byteLength };
  },
};

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    self.postMessage({ id, value: await ops[op](...args) });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
self.postMessage({ ready: true });
