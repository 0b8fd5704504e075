import { expect, type Page, test } from '@playwright/test';
import { type Account, loginInPage, newAccount, screenshot } from './fixtures';

/**
 * Export, import, search and tags as a user meets them: a ChatGPT export uploaded on the data page
 * (its branch kept), found again by a Chinese substring with the match marked, tagged from the
 * conversation's header and filtered by that tag, then exported in the background and downloaded.
 */

const auth = (account: Account) => ({ Authorization: `Bearer ${account.token}` });

/** A ChatGPT conversations.json with one conversation whose first reply was regenerated (two branches). */
function chatGptExport(marker: string): string {
  const node = (id: string, parent: string | null, children: string[], role: string | null, text: string | null, time: number) => ({
    id,
    parent,
    children,
    message:
      role === null
        ? null
        : { id, author: { role }, create_time: time, content: { content_type: 'text', parts: [text] }, metadata: {} },
  });
  return JSON.stringify([
    {
      title: `清除上下文管理 ${marker}`,
      create_time: 1717000000.5,
      update_time: 1717000100.25,
      conversation_id: `conv-${marker}`,
      id: `conv-${marker}`,
      current_node: 'a2',
      mapping: {
        root: node('root', null, ['u1'], null, null, 0),
        u1: node('u1', 'root', ['a1', 'a2'], 'user', `怎样清除上下文？${marker}`, 1717000001),
        a1: node('a1', 'u1', [], 'assistant', '第一个回答：调用 DELETE 接口。', 1717000002),
        a2: node('a2', 'u1', [], 'assistant', '第二个回答：上下文清除后历史仍然保留。', 1717000003),
      },
    },
  ]);
}

async function importInPage(page: Page, marker: string) {
  await page.goto('/settings/data');
  await expect(page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible();
  await page
    .getByTestId('import-upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'conversations.json', mimeType: 'application/json', buffer: Buffer.from(chatGptExport(marker)) });
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('1 imported, 0 skipped');
  await expect(report.getByRole('link', { name: new RegExp(marker) })).toBeVisible();
}

test('a ChatGPT export is imported once, found by search, tagged, filtered and exported', async ({ page }) => {
  const account = await newAccount(page.request, 'data');
  await loginInPage(page, account.email, account.password);
  const marker = `m${Date.now().toString(36)}`;
  await importInPage(page, marker);
  await screenshot(page, 'data-import');

  // The same file again changes nothing.
  await page
    .getByTestId('import-upload')
    .locator('input[type=file]')
    .setInputFiles({ name: 'conversations.json', mimeType: 'application/json', buffer: Buffer.from(chatGptExport(marker)) });
  await expect(page.getByTestId('import-report')).toContainText('0 imported, 1 skipped');
  await expect(page.getByTestId('import-report')).toContainText('Already imported');

  // Search by a Chinese substring: the match is marked in the snippet.
  await page.getByTestId('open-search').click();
  await expect(page).toHaveURL(/\/search$/);
  await page.getByTestId('search-input').locator('input').fill('上下文清除');
  await page.getByTestId('search-input').locator('input').press('Enter');
  const hit = page.getByTestId('search-hit').first();
  await expect(hit).toContainText('第二个回答');
  await expect(hit.locator('mark')).toHaveText('上下文清除');
  await screenshot(page, 'data-search');

  // Open the conversation from the hit; both branches came in (the reply shows its 2 versions).
  await hit.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('conversation-title')).toContainText(marker);
  const reply = page.getByTestId('message-assistant').last();
  await expect(reply.getByTestId('reply-text')).toContainText('第二个回答');
  await expect(reply.getByTestId('branch-position')).toHaveText('2/2');

  // Tag it from the header, then filter the sidebar by the tag.
  const tags = page.getByTestId('conversation-tags');
  await tags.click();
  await page.keyboard.type('客服');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(tags).toContainText('客服');
  await page.getByTestId('sidebar-tag-filter').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '客服' }).click();
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);

  // Export everything as a background job, then download it through its link.
  await page.goto('/settings/data');
  await page.getByTestId('export-start').click();
  const link = page.getByTestId('export-download');
  await expect(link).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'data-export');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  const fs = await import('node:fs/promises');
  const exported = JSON.parse(await fs.readFile(path, 'utf8')) as { format: string; conversations: { title: string; tags: string[]; messages: unknown[] }[] };
  expect(exported.format).toBe('parley.export');
  const mine = exported.conversations.find((conversation) => conversation.title.includes(marker));
  expect(mine?.messages).toHaveLength(3);
  expect(mine?.tags).toEqual(['客服']);

  // One conversation as Markdown from its header.
  const list = await page.request.get('/api/v1/conversations?limit=5', { headers: auth(account) });
  const id = ((await list.json()) as { items: { id: string }[] }).items[0].id;
  await page.goto(`/c/${id}`);
  await page.getByTestId('conversation-export').click();
  const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Markdown' }).click()]);
  expect(await fs.readFile(await markdown.path(), 'utf8')).toContain('第二个回答');
});
