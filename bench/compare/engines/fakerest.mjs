// marmelab's FakeRest, queried the way Atomic CRM's demo queries it (filters with `q` for
// full-text, `_gte` suffixes, sort and range), rows kept in IndexedDB.
import { Database } from '/vendor/fakerest/fakerest.js';
import { PAGE, fold, recentCutoff, boardKeys, idbOpen, idbReplace, idbReadAll, idbPut } from './common.mjs';

const STORES = ['contacts', 'companies', 'deals', 'links', 'meta'];
let idb;
let rest;
let stages;

function build(all) {
  stages = all.stages;
  // FakeRest sorts raw values; a folded copy of the last name sorts as the other engines do.
  const contacts = all.contacts.map((c, id) => ({ id, ...c, lastname_fold: fold(c.lastname) }));
  rest = new Database({
    data: {
      contacts,
      companies: all.companies.map((c, id) => ({ id, ...c })),
      deals: all.deals.map((d, id) => ({ id, ...d })),
      links: all.links.map(([email, domain], id) => ({ id, email, domain })),
    },
  });
}

export const engine = {
  name: 'fakerest',
  async importData(text) {
    const d = JSON.parse(text);
    const all = { contacts: d.contacts, companies: d.companies, deals: d.deals, links: d.contact_company, stages: d.stages };
    build(all);
    idb = await idbOpen('fakerest', STORES);
    await idbReplace(idb, { contacts: all.contacts, companies: all.companies, deals: all.deals, links: all.links, meta: [all.stages] });
    return all.contacts.length + all.companies.length + all.deals.length;
  },
  async open() {
    idb = await idbOpen('fakerest', STORES);
    const all = await idbReadAll(idb, STORES);
    build({ ...all, stages: all.meta[0] });
    return all.contacts.length + all.companies.length + all.deals.length;
  },
  firstPage() {
    return rest.getAll('contacts', { sort: ['createdate', 'DESC'], range: [0, PAGE - 1] });
  },
  search(text) {
    return rest.getAll('contacts', { filter: { q: text }, range: [0, PAGE - 1] }).map((c) => c.email);
  },
  searchCount(text) {
    return { count: rest.getCount('contacts', { filter: { q: text } }), keys: [] };
  },
  filter(nowMs) {
    const filter = { lifecyclestage: 'customer', createdate_gte: recentCutoff(nowMs) };
    const page = rest.getAll('contacts', { filter, sort: ['lastname_fold', 'ASC'], range: [0, PAGE - 1] });
    return { count: rest.getCount('contacts', { filter }), keys: page.map((c) => c.lastname) };
  },
  board() {
    const sums = new Map();
    for (const [stage] of stages) {
      const deals = rest.getAll('deals', { filter: { dealstage: stage } });
      sums.set(stage, { n: deals.length, amount: deals.reduce((s, d) => s + d.amount, 0) });
    }
    return boardKeys(stages, sums);
  },
  companyContacts(domain) {
    const keys = rest.getAll('links', { filter: { domain } }).map((l) => l.email).sort();
    return { count: keys.length, keys };
  },
  async edit(email, city) {
    const [contact] = rest.getAll('contacts', { filter: { email } });
    const updated = rest.updateOne('contacts', contact.id, { city });
    const { id, lastname_fold, ...row } = updated;
    await idbPut(idb, 'contacts', id, row);
  },
  exportJson() {
    const names = ['contacts', 'companies', 'deals', 'links'];
    return JSON.stringify(Object.fromEntries(names.map((n) => [n, rest.getAll(n)]))).length;
  },
  memory() {
    return { wasm: 0 };
  },
};
