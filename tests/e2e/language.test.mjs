// End-to-end: the interface follows the browser's language and the user's choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

test('a Polish browser gets Polish, and a chosen language is remembered', async () => {
  const { context, page } = await launch({ locale: 'pl-PL' });
  try {
    await page.goto(server.url);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'pl');
    assert.equal(await page.getByRole('button', { name: 'Zapisz' }).count(), 1);

    await page.getByLabel('Język').selectOption('zh');
    await page.getByRole('button', { name: '保存' }).waitFor();
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh');
    await page.getByLabel('名').fill('小明');
    await page.getByLabel('姓').fill('王');
    await page.getByLabel('电子邮件').fill('wang@example.cn');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('tbody tr', { hasText: '小明' }).waitFor();
    assert.equal(await page.getByTestId('record-count').innerText(), '1 个联系人');
    await screenshot(page, 'contacts-zh');
  } finally {
    await context.close();
  }
});
