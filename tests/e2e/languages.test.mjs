// End-to-end: every main screen in each of the five languages on a 375 px phone: no
// untranslated key, interface text that is not left in English, and no button that spills
// out of its container or the screen. Then the record page in French and Chinese, full width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

const LANGUAGES = [['en', 'en-US'], ['fr', 'fr-FR'], ['it', 'it-IT'], ['pl', 'pl-PL'], ['zh', 'zh-CN']];
const PHONE = { width: 375, height: 800 };

/** Opens the app in a browser speaking `locale` and fills it with the demo sample. */
async function openWithSample(locale, viewport) {
  const browser = await launch({ locale, viewport });
  const { page } = browser;
  await page.goto(server.url);
  await ready(page);
  // The empty contacts page offers the sample as its second action, in any language.
  await page.locator('.cairn-records__empty-actions button').nth(1).click();
  await page.locator('tbody tr').first().waitFor();
  return browser;
}

/** Follows the navigation link whose address ends with `path`, as a person taps it. */
async function tapNav(page, path) {
  await page.locator(`nav a.cairn-nav__link[href$="${path}"]`).click();
  await ready(page);
}

/** Opens the record of the first row of the contacts table. */
async function openFirstContact(page) {
  await tapNav(page, '/objects/contacts');
  await page.locator('tbody tr').first().getByRole('link').first().click();
  await page.locator('.cairn-props').first().waitFor();
  await ready(page);
}

/** The interface's own words on screen: controls, headings, labels, table headers. */
function chromeTexts(page) {
  return page.evaluate(() => {
    const picked = document.querySelectorAll('main button, main label, main h2, main h3, main th, main dt, main summary, main legend, nav a');
    const texts = [...picked].filter((e) => e.offsetParent !== null).map((e) => e.innerText.trim().replace(/\s+/g, ' '));
    return texts.filter((t) => t.length > 1 && /\p{L}/u.test(t));
  });
}

/** Text that looks like a message key rather than words: `IdxCreate`, `ErrEmail`, `nav.contacts`. */
const KEY_LIKE = /^(?:[A-Z][a-z]+){2,}$|^[a-z]+(?:\.[a-z_]+)+$|\{n\}/;

/** Buttons cut off inside (text wider than the button) or spilling out of their parent or the screen. */
function overflowingButtons(page) {
  return page.evaluate(() => {
    const scrolls = (e) => {
      for (let p = e.parentElement; p; p = p.parentElement) {
        const { overflowX } = getComputedStyle(p);
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    // How many lines an element's text takes: Chinese squeezed into a narrow box stacks.
    const lines = (e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
    };
    const problems = [];
    for (const link of document.querySelectorAll('nav a')) {
      if (link.offsetParent !== null && lines(link) > 1) problems.push(`${link.innerText}: navigation link broken over ${lines(link)} lines`);
    }
    for (const b of document.querySelectorAll('button, summary.cairn-button, a.cairn-button')) {
      if (b.offsetParent === null) continue;
      const r = b.getBoundingClientRect();
      const name = b.innerText.trim() || b.getAttribute('aria-label') || b.className;
      if (b.scrollWidth > b.clientWidth + 1) problems.push(`${name}: text wider than the button`);
      if (lines(b) > 1) problems.push(`${name}: text broken over ${lines(b)} lines`);
      // Inside a scrolling strip (the nav, a wide table) a button may sit beyond the edge.
      if (scrolls(b)) continue;
      if (r.right > window.innerWidth + 0.5 || r.left < -0.5) problems.push(`${name}: outside the screen`);
      const parent = b.parentElement.getBoundingClientRect();
      if (r.right > parent.right + 1 || r.left < parent.left - 1) problems.push(`${name}: outside its container`);
    }
    return problems;
  });
}

const SCREENS = [
  ['contacts', (page) => tapNav(page, '/objects/contacts')],
  ['record', openFirstContact],
  ['tasks', (page) => tapNav(page, '/tasks')],
  ['data', (page) => tapNav(page, '/data')],
  ['settings', (page) => tapNav(page, '/settings')],
];

/** The English words of each screen, to compare the other languages with. */
const english = new Map();

for (const [lang, locale] of LANGUAGES) {
  test(`every main screen in ${lang} at 375 px: translated, nothing overflows`, async () => {
    const { context, page, errors } = await openWithSample(locale, PHONE);
    try {
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      for (const [screen, open] of SCREENS) {
        await open(page);
        const texts = await chromeTexts(page);
        assert.ok(texts.length > 0, `${lang} ${screen}: no interface text found`);
        const keys = texts.filter((t) => KEY_LIKE.test(t));
        assert.deepEqual(keys, [], `${lang} ${screen}: untranslated keys`);
        if (lang === 'en') {
          english.set(screen, new Set(texts));
        } else if (english.has(screen)) {
          // Some words are the same in both languages ("Contacts", "Tickets"), most are not.
          const same = texts.filter((t) => english.get(screen).has(t));
          assert.ok(same.length <= texts.length * 0.3, `${lang} ${screen}: left in English: ${same.join(' | ')}`);
          if (lang === 'zh') {
            // Language names and product names (Excel, UTF-8, CSV) are written the same in Chinese.
            const latin = texts.filter((t) => /[a-z]{3,}/.test(t.replace(/Excel|UTF-8/g, '')) && !/^(Cairn|English|Français|Italiano|Polski)$/.test(t));
            assert.deepEqual(latin, [], `zh ${screen}: English words`);
          }
        }
        assert.deepEqual(await overflowingButtons(page), [], `${lang} ${screen}: overflowing buttons`);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(sideways <= 0, `${lang} ${screen}: the page scrolls sideways by ${sideways}px`);
        if (screen === 'record' || screen === 'contacts') await screenshot(page, `languages-${screen}-${lang}-375`);
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the record page in French and Chinese shows labels, options, amounts and dates the local way', async () => {
  for (const [lang, locale, stage, created] of [['fr', 'fr-FR', 'Phase du cycle de vie', /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/], ['zh', 'zh-CN', '生命周期阶段', /\d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}/]]) {
    const { context, page } = await openWithSample(locale, { width: 1280, height: 900 });
    try {
      // The deals table shows amounts in the locale's format.
      await tapNav(page, '/objects/deals');
      const amounts = await page.locator('tbody td').allInnerTexts();
      const money = lang === 'fr' ? /^\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€$/ : /^€\d{1,3}(,\d{3})*\.\d{2}$/;
      assert.ok(amounts.some((t) => money.test(t)), `${lang}: no amount like ${money} in ${amounts.slice(0, 12).join(' | ')}`);

      await openFirstContact(page);
      await page.getByRole('button', { name: lang === 'fr' ? 'Voir toutes les propriétés' : '查看所有属性' }).click();
      await page.locator('dt', { hasText: stage }).waitFor();
      // The timeline names an activity by its object's singular and dates it the local way.
      const meta = await page.locator('.cairn-timeline__meta').first().innerText();
      assert.match(meta, created);
      assert.match(meta, lang === 'fr' ? /^(Tâche|Note|Appel|E-mail|Réunion) · / : /^(任务|笔记|通话|电子邮件|会议) · /);
      await screenshot(page, `languages-record-${lang}`);
    } finally {
      await context.close();
    }
  }
});

test('a French user types amounts with a decimal comma, in the create dialog and inline', async () => {
  const { context, page, errors } = await launch({ locale: 'fr-FR' });
  try {
    await page.goto(server.url);
    await ready(page);
    await tapNav(page, '/objects/deals');
    await page.getByRole('button', { name: 'Créer', exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom de la transaction').fill('Contrat Lyon');
    await dialog.getByLabel('Montant', { exact: true }).fill('1 234,5');
    await dialog.getByLabel('Probabilité de la transaction').fill('0,25');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    // A created deal opens on its record page.
    await page.getByRole('button', { name: 'Voir toutes les propriétés' }).click();
    const amount = page.locator('[data-property="amount"]');
    await amount.locator('.cairn-props__value .cairn-props__text').filter({ hasText: '1\u202f234,50\u00a0€' }).waitFor();
    const probability = page.locator('[data-property="hs_deal_stage_probability"] .cairn-props__value .cairn-props__text');
    assert.equal(await probability.innerText(), '0,25');
    // The weighted amount is calculated from both and written the French way too.
    assert.equal(await page.locator('[data-property="hs_projected_amount"] .cairn-props__value .cairn-props__text').innerText(), '308,63\u00a0€');

    await amount.getByRole('button', { name: 'Modifier Montant' }).click();
    assert.equal(await page.locator('#prop-amount').inputValue(), '1234,50');
    await page.locator('#prop-amount').fill('99,9');
    await amount.getByRole('button', { name: 'Enregistrer' }).click();
    await amount.locator('.cairn-props__value .cairn-props__text').filter({ hasText: '99,90\u00a0€' }).waitFor();
    await screenshot(page, 'languages-deal-fr');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
