// End-to-end: the interface follows the browser's language and the user's choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot, ready, createContact } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

test('a Polish browser gets Polish, and a chosen language is remembered', async () => {
  const { context, page } = await launch({ locale: 'pl-PL' });
  try {
    await page.goto(server.url);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'pl');
    assert.equal(await page.locator('h1').innerText(), 'Kontakty');

    await page.getByLabel('Język').selectOption('zh');
    await page.getByRole('heading', { name: '联系人', level: 1 }).waitFor();
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh');
    await createContact(page, { first: '小明', last: '王', email: 'wang@example.cn' }, { create: '创建', save: '保存', first: '名', last: '姓', email: '电子邮件' });
    await page.locator('tbody tr', { hasText: '小明' }).waitFor();
    assert.equal(await page.getByTestId('record-count').innerText(), '1 个联系人');
    await screenshot(page, 'contacts-zh');
  } finally {
    await context.close();
  }
});
