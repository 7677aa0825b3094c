// End-to-end: in French and Chinese, the screens added around the pipelines (deal table,
// board, pipeline editor, reports, filter builder, a deal's properties in Settings) show the
// default pipeline, stage and property names translated, never the English defaults or
// internal stage ids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

/** The English defaults that must not show in another language. */
const ENGLISH = [
  'Sales Pipeline', 'Support Pipeline', 'Appointment scheduled', 'Qualified to buy', 'Presentation scheduled',
  'Decision maker bought-in', 'Contract sent', 'Closed won', 'Closed lost', 'Waiting on contact', 'Waiting on us',
  'Deal stage', 'Deal name', 'Close date', 'Amount', 'Deal owner', 'Priority',
];
/** Stage ids the deal table would show if it printed stored values. */
const IDS = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost'];

/** Every visible text and form value in the main area, one entry per element. */
function mainTexts(page) {
  return page.evaluate(() => {
    const out = [];
    for (const e of document.querySelectorAll('main *')) {
      if (e.offsetParent === null && e.tagName !== 'OPTION') continue;
      if (e.tagName === 'INPUT' && e.type === 'text') out.push(e.value.trim());
      else if (e.children.length === 0 || e.tagName === 'OPTION') out.push(e.textContent.trim());
    }
    return out.filter(Boolean);
  });
}

function assertNoEnglish(texts, where) {
  const english = texts.filter((t) => ENGLISH.includes(t) || IDS.includes(t));
  assert.deepEqual([...new Set(english)], [], `${where}: English defaults or stage ids on screen`);
}

async function tap(page, selector) {
  await page.locator(selector).first().click();
  await ready(page);
}

for (const [lang, locale, won] of [['fr', 'fr-FR', 'Conclue gagnée'], ['zh', 'zh-CN', '已成交']]) {
  test(`in ${lang}, the deal table, board, pipeline editor, reports, filters and settings show no English default label`, async () => {
    const { context, page, errors } = await launch({ locale, viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(server.url);
      await ready(page);
      await page.locator('.cairn-records__empty-actions button').nth(1).click();
      await page.locator('tbody tr').first().waitFor();

      await tap(page, 'nav a.cairn-nav__link[href$="/objects/deals"]');
      await page.locator('tbody tr').first().waitFor();
      assertNoEnglish(await mainTexts(page), `${lang} deal table`);
      // The stage column reads as stage names.
      await page.locator('tbody td', { hasText: won }).first().waitFor();

      await page.getByTestId('filters-toggle').click();
      await page.locator('.cairn-filters__actions button').first().click();
      await page.getByTestId('filter-condition').first().waitFor();
      assertNoEnglish(await mainTexts(page), `${lang} filter builder`);

      await tap(page, '[data-testid="view-board"]');
      await page.getByTestId('board').waitFor();
      const titles = await page.locator('.cairn-board__title').allInnerTexts();
      assert.ok(titles.some((t) => t.includes(won)), `${lang} board columns: ${titles.join(' | ')}`);
      assertNoEnglish(await mainTexts(page), `${lang} board`);
      // The "Move to…" menu of a card offers the stages by their names too.
      const moves = await page.locator('.cairn-board__move option').allTextContents();
      assertNoEnglish(moves.map((t) => t.trim()), `${lang} move menu`);
      await screenshot(page, `default-labels-board-${lang}`);

      await tap(page, '.cairn-board__views a[href$="/settings/pipelines"]');
      await page.getByTestId('pipeline-editor').waitFor();
      assertNoEnglish(await mainTexts(page), `${lang} pipeline editor`);
      await screenshot(page, `default-labels-pipelines-${lang}`);

      await tap(page, 'nav a.cairn-nav__link[href$="/reports"]');
      assertNoEnglish(await mainTexts(page), `${lang} reports`);

      await tap(page, 'nav a.cairn-nav__link[href$="/settings"]');
      await tap(page, 'a.cairn-settings__link[href$="/settings/objects"]');
      await tap(page, 'a[href$="/settings/objects/deals"]');
      await page.locator('tr[data-property="dealstage"]').waitFor();
      assertNoEnglish(await mainTexts(page), `${lang} deal properties`);
      await screenshot(page, `default-labels-properties-${lang}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
