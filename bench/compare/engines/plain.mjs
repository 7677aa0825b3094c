// The floor: plain JavaScript arrays scanned linearly, rows kept in IndexedDB.
import { PAGE, fold, haystack, matcher, recentCutoff, byFolded, boardKeys, idbOpen, idbReplace, idbReadAll, idbPut } from './common.mjs';

const STORES = ['contacts', 'companies', 'deals', 'links', 'meta'];
let db;
let data;
let hay;
let byEmail;

function index() {
  hay = data.contacts.map(haystack);
  byEmail = new Map(data.contacts.map((c, i) => [c.email, i]));
}

export const engine = {
  name: 'plain',
  async importData(text) {
    const d = JSON.parse(text);
    data = { contacts: d.contacts, companies: d.companies, deals: d.deals, links: d.contact_company, stages: d.stages };
    index();
    db = await idbOpen('plain', STORES);
    await idbReplace(db, { contacts: data.contacts, companies: data.companies, deals: data.deals, links: data.links, meta: [data.stages] });
    return data.contacts.length + data.companies.length + data.deals.length;
  },
  async open() {
    db = await idbOpen('plain', STORES);
    const all = await idbReadAll(db, STORES);
    data = { ...all, stages: all.meta[0] };
    index();
    return data.contacts.length + data.companies.length + data.deals.length;
  },
  firstPage() {
    return [...data.contacts].sort((a, b) => b.createdate - a.createdate).slice(0, PAGE);
  },
  search(text, limit = PAGE) {
    const match = matcher(text);
    const out = [];
    for (let i = 0; i < hay.length && out.length < limit; i++) if (match(hay[i])) out.push(data.contacts[i].email);
    return out;
  },
  searchCount(text) {
    return { count: this.search(text, Infinity).length, keys: [] };
  },
  filter(nowMs) {
    const cutoff = recentCutoff(nowMs);
    const rows = data.contacts.filter((c) => c.lifecyclestage === 'customer' && c.createdate >= cutoff)
      .map((c) => [fold(c.lastname), c.lastname]);
    rows.sort((a, b) => byFolded(a[0], b[0]));
    return { count: rows.length, keys: rows.slice(0, PAGE).map((r) => r[1]) };
  },
  board() {
    const sums = new Map();
    for (const d of data.deals) {
      const s = sums.get(d.dealstage) ?? { n: 0, amount: 0 };
      s.n += 1;
      s.amount += d.amount;
      sums.set(d.dealstage, s);
    }
    return boardKeys(data.stages, sums);
  },
  companyContacts(domain) {
    const keys = data.links.filter(([, d]) => d === domain).map(([e]) => e).sort();
    return { count: keys.length, keys };
  },
  async edit(email, city) {
    const i = byEmail.get(email);
    data.contacts[i] = { ...data.contacts[i], city };
    await idbPut(db, 'contacts', i, data.contacts[i]);
  },
  exportJson() {
    return JSON.stringify({ contacts: data.contacts, companies: data.companies, deals: data.deals, links: data.links }).length;
  },
  memory() {
    return { wasm: 0 };
  },
};
