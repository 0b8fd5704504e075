import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type Account, loginInPage, newAccount, screenshot, simModel, simulatedText } from './fixtures';

/**
 * The chat: a streaming reply, stop, regenerate and branches, edit-and-resend, and the stream
 * surviving a reload, a switch of conversation, a closed tab and a network outage, each ending
 * with exactly the simulator's text (the default model: 60 words, 80 ms apart).
 */
const FULL = simulatedText(60);
const SHOWN = FULL.trim();

async function signIn(page: Page, request: APIRequestContext, prefix = 'chat'): Promise<Account> {
  const account = await newAccount(request, prefix);
  await loginInPage(page, account.email, account.password);
  return account;
}

const auth = (account: Account) => ({ Authorization: `Bearer ${account.token}` });

async function createConversation(request: APIRequestContext, account: Account, body: Record<string, unknown> = {}): Promise<string> {
  const response = await request.post('/api/v1/conversations', { data: body, headers: auth(account) });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

interface StoredMessage {
  id: string;
  role: string;
  content: string;
  status: string;
  parent_id: string | null;
}

async function storedMessages(request: APIRequestContext, account: Account, conversationId: string): Promise<StoredMessage[]> {
  const response = await request.get(`/api/v1/conversations/${conversationId}/messages?limit=200`, { headers: auth(account) });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: StoredMessage[] }).items;
}

/** A finished exchange through the API (non-streaming), with a chosen simulator model. */
async function apiSend(request: APIRequestContext, account: Account, conversationId: string, content: string, model: string) {
  const response = await request.post(`/api/v1/conversations/${conversationId}/messages`, { data: { content, model }, headers: auth(account) });
  expect(response.status(), await response.text()).toBe(200);
}

function composer(page: Page) {
  return page.getByRole('textbox', { name: 'Your message' });
}

async function send(page: Page, text: string) {
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

const replies = (page: Page) => page.getByTestId('message-assistant');
const lastReply = (page: Page) => replies(page).last();

/** Waits until the running reply shows at least `words` words (mid-stream), and returns its conversation id. */
async function midStream(page: Page, words = 5): Promise<string> {
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute('data-status', 'streaming');
  await expect
    .poll(async () => ((await reply.getByTestId('reply-text').textContent()) ?? '').trim().split(/\s+/).filter(Boolean).length)
    .toBeGreaterThanOrEqual(words);
  return page.url().split('/c/')[1];
}

async function expectFinished(page: Page, text = SHOWN) {
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  await expect(reply.getByTestId('reply-text')).toHaveText(text);
}

async function expectStoredReply(request: APIRequestContext, account: Account, conversationId: string, text = FULL) {
  const messages = await storedMessages(request, account, conversationId);
  const assistants = messages.filter((m) => m.role === 'assistant');
  expect(assistants[0].content).toBe(text);
  expect(assistants[0].status).toBe('complete');
}

test('chat with a streaming reply: exact text, model and tokens; Enter sends, Shift+Enter is a new line', async ({ page, request }) => {
  const account = await signIn(page, request);
  const box = composer(page);
  await box.fill('line one');
  await box.press('Shift+Enter');
  await box.pressSequentially('line two');
  await expect(box).toHaveValue('line one\nline two');
  await expect(page).toHaveURL(/\/$/);
  await box.press('Enter');
  const id = await midStream(page, 3);
  await expect(page.getByTestId('message-user')).toHaveCount(1);
  await expect(page.getByTestId('message-user').first()).toContainText('line one\nline two');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expectFinished(page);
  await expect(lastReply(page).getByTestId('reply-model')).toHaveText('Model: sim?tokens=60&delay=80');
  await expect(lastReply(page).getByTestId('reply-usage')).toContainText(/\d+ prompt \+ 60 completion tokens/);
  await expect(box).toHaveValue('');
  await expectStoredReply(request, account, id);
  // The sidebar lists it, highlighted.
  await expect(page.locator('[data-testid="conversation-item"][data-active]')).toHaveCount(1);
});

test('stop mid-reply keeps the partial text, also after a reload', async ({ page, request }) => {
  const account = await signIn(page, request);
  await send(page, 'Tell me a long story');
  const id = await midStream(page, 5);
  await page.getByRole('button', { name: 'Stop' }).click();
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute('data-status', 'stopped');
  await expect(reply.getByTestId('reply-status')).toHaveText('Stopped');
  const messages = await storedMessages(request, account, id);
  const stored = messages.find((m) => m.role === 'assistant')!;
  expect(stored.status).toBe('stopped');
  expect(stored.content.length).toBeGreaterThan(0);
  expect(FULL.startsWith(stored.content)).toBe(true);
  expect(stored.content.length).toBeLessThan(FULL.length);
  await expect(reply.getByTestId('reply-text')).toHaveText(stored.content.trim());
  await page.reload();
  await expect(lastReply(page)).toHaveAttribute('data-status', 'stopped');
  await expect(lastReply(page).getByTestId('reply-text')).toHaveText(stored.content.trim());
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('a reply started in one tab shows in another, whose Stop stops it for both', async ({ page, context, request }) => {
  const account = await signIn(page, request);
  await send(page, 'Tell me a long story');
  const id = await midStream(page, 3);
  const other = await context.newPage();
  await other.goto(`/c/${id}`);
  const followed = other.getByTestId('message-assistant').last();
  await expect(followed).toHaveAttribute('data-status', 'streaming');
  await other.getByRole('button', { name: 'Stop' }).click();
  await expect(followed).toHaveAttribute('data-status', 'stopped');
  await expect(lastReply(page)).toHaveAttribute('data-status', 'stopped');
  const stored = (await storedMessages(request, account, id)).find((m) => m.role === 'assistant')!;
  expect(stored.status).toBe('stopped');
  for (const tab of [page, other]) {
    await expect(tab.getByTestId('message-assistant').last().getByTestId('reply-text')).toHaveText(stored.content.trim());
    await expect(tab.getByRole('button', { name: 'Send' })).toBeVisible();
  }
});

test('regenerate makes a sibling and the branch switcher shows the other reply', async ({ page, request }) => {
  const account = await signIn(page, request);
  const id = await createConversation(request, account);
  await apiSend(request, account, id, 'Short answer please', simModel(3));
  await page.goto(`/c/${id}`);
  const short = simulatedText(3).trim();
  await expect(lastReply(page).getByTestId('reply-text')).toHaveText(short);
  await lastReply(page).getByRole('button', { name: 'Regenerate' }).click();
  await expectFinished(page);
  const switcher = lastReply(page).getByRole('group', { name: 'Version 2 of 2' });
  await expect(switcher.getByTestId('branch-position')).toHaveText('2/2');
  await switcher.getByRole('button', { name: 'Previous version' }).click();
  await expect(lastReply(page).getByTestId('branch-position')).toHaveText('1/2');
  await expect(lastReply(page).getByTestId('reply-text')).toHaveText(short);
  await lastReply(page).getByRole('button', { name: 'Next version' }).click();
  await expect(lastReply(page).getByTestId('reply-text')).toHaveText(SHOWN);
  const assistants = (await storedMessages(request, account, id)).filter((m) => m.role === 'assistant');
  expect(assistants).toHaveLength(2);
  expect(assistants[0].parent_id).toBe(assistants[1].parent_id);
});

test('edit a user message and resend it as a branch', async ({ page, request }) => {
  const account = await signIn(page, request);
  const id = await createConversation(request, account);
  await apiSend(request, account, id, 'opening', simModel(2));
  await apiSend(request, account, id, 'first question', simModel(3));
  await page.goto(`/c/${id}`);
  const user = page.getByTestId('message-user').last();
  await expect(user).toContainText('first question');
  await user.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit your message' }).fill('second question');
  await page.getByRole('button', { name: 'Send as a new branch' }).click();
  await expectFinished(page);
  await expect(page.getByTestId('message-user')).toHaveCount(2);
  const edited = page.getByTestId('message-user').last();
  await expect(edited).toContainText('second question');
  await expect(edited.getByTestId('branch-position')).toHaveText('2/2');
  await edited.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByTestId('message-user').last()).toContainText('first question');
  await expect(lastReply(page).getByTestId('reply-text')).toHaveText(simulatedText(3).trim());
  const users = (await storedMessages(request, account, id)).filter((m) => m.role === 'user' && m.content !== 'opening');
  expect(users.map((m) => m.content).sort()).toEqual(['first question', 'second question']);
  expect(users[0].parent_id).toBe(users[1].parent_id);
});

test('edit the first message: a new branch at the top, beside the old one', async ({ page, request }) => {
  const account = await signIn(page, request);
  const id = await createConversation(request, account);
  await apiSend(request, account, id, 'opening', simModel(2));
  await apiSend(request, account, id, 'follow-up', simModel(3));
  await page.goto(`/c/${id}`);
  const first = page.getByTestId('message-user').first();
  await expect(first).toContainText('opening');
  await first.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit your message' }).fill('a better opening');
  await page.getByRole('button', { name: 'Send as a new branch' }).click();
  await expectFinished(page);
  // The new branch holds only the edited message and its reply.
  await expect(page.getByTestId('message-user')).toHaveCount(1);
  const edited = page.getByTestId('message-user').first();
  await expect(edited).toContainText('a better opening');
  await expect(edited.getByTestId('branch-position')).toHaveText('2/2');
  await edited.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByTestId('message-user')).toHaveCount(2);
  await expect(page.getByTestId('message-user').last()).toContainText('follow-up');
  const roots = (await storedMessages(request, account, id)).filter((m) => m.parent_id === null);
  expect(roots.map((m) => m.content).sort()).toEqual(['a better opening', 'opening']);
});

test('reload mid-reply: the reply continues to exactly the right text', async ({ page, request }) => {
  const account = await signIn(page, request);
  await send(page, 'Keep going while I reload');
  const id = await midStream(page, 8);
  await page.reload();
  await expect(lastReply(page)).toHaveAttribute('data-status', 'streaming');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expectFinished(page);
  await expectStoredReply(request, account, id);
});

test('switch to another conversation and back mid-reply: exact text', async ({ page, request }) => {
  const account = await signIn(page, request);
  const other = await createConversation(request, account, { title: 'The other one' });
  await page.reload();
  await send(page, 'Write while I look elsewhere');
  const id = await midStream(page, 5);
  await page.getByRole('link', { name: 'The other one' }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${other}$`));
  await expect(page.getByTestId('conversation-title')).toHaveText('The other one');
  await page.locator(`a[href="/c/${id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/c/${id}$`));
  await expectFinished(page);
  await expectStoredReply(request, account, id);
});

test('close the tab mid-reply and open it again: exact text', async ({ page, context, request }) => {
  const account = await signIn(page, request);
  await send(page, 'Write while the tab is closed');
  const id = await midStream(page, 5);
  await page.close();
  const again = await context.newPage();
  await again.goto(`/c/${id}`);
  await expectFinished(again);
  await expectStoredReply(request, account, id);
});

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await expect(page.getByText('You are offline.', { exact: false })).toBeVisible();
}

test('offline mid-reply and back: it reconnects by itself and ends with exactly the right text', async ({ page, context, request }) => {
  const account = await signIn(page, request);
  await send(page, 'Write through the outage');
  const id = await midStream(page, 5);
  await goOffline(context, page);
  await expect(page.getByTestId('stream-reconnecting')).toBeVisible();
  // The outage lasts while the reply goes on on the server (about 25 of its words).
  await page.waitForTimeout(2000);
  await context.setOffline(false);
  await expectFinished(page);
  await expect(page.getByTestId('stream-reconnecting')).toHaveCount(0);
  await expectStoredReply(request, account, id);
});

/** Clicks an item of the open dropdown menu (closed menus stay in the page, hidden). */
async function menu(page: Page, name: string) {
  await page.getByRole('menuitem', { name, exact: true }).filter({ visible: true }).click();
  // Wait for it to be gone, so that the next menu's items are not confused with its fading ones.
  await expect(page.getByRole('menuitem').filter({ visible: true })).toHaveCount(0);
}

test('sidebar: rename, pin, archive and delete', async ({ page, request }) => {
  const account = await signIn(page, request);
  await createConversation(request, account, { title: 'Alpha talk' });
  await createConversation(request, account, { title: 'Beta talk' });
  await createConversation(request, account, { title: 'Gamma talk' });
  await page.reload();
  const items = page.getByTestId('conversation-item');
  await expect(items).toHaveCount(3);

  await page.getByRole('button', { name: 'Actions for Alpha talk' }).click();
  await menu(page, 'Rename');
  await page.getByRole('textbox', { name: 'Title' }).fill('Renamed talk');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: 'Renamed talk' })).toBeVisible();

  await page.getByRole('button', { name: 'Actions for Renamed talk' }).click();
  await menu(page, 'Pin');
  await expect(items.first()).toContainText('Renamed talk');
  await expect(items.first().getByLabel('Pinned')).toBeVisible();

  await page.getByRole('button', { name: 'Actions for Beta talk' }).click();
  await menu(page, 'Archive');
  await expect(items).toHaveCount(2);
  await page.getByRole('switch', { name: 'Show archived conversations' }).click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Beta talk');
  await page.getByRole('switch', { name: 'Show archived conversations' }).click();

  const gamma = page.getByRole('link', { name: 'Gamma talk' });
  await gamma.click();
  await page.getByRole('button', { name: 'Actions for Gamma talk' }).click();
  await menu(page, 'Delete');
  await expect(page.getByText('“Gamma talk” and all its messages will be deleted.', { exact: false })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(items).toHaveCount(1);
  await expect(page).toHaveURL(/\/$/);
  const list = await request.get('/api/v1/conversations', { headers: auth(account) });
  expect(((await list.json()) as { items: { title: string }[] }).items.map((c) => c.title)).toEqual(['Renamed talk']);
});

test('sidebar: filter by title', async ({ page, request }) => {
  const account = await signIn(page, request);
  await createConversation(request, account, { title: 'Budget for 2027' });
  await createConversation(request, account, { title: 'Holiday plans' });
  await page.reload();
  await expect(page.getByTestId('conversation-item')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Filter by title' }).fill('budget');
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);
  await expect(page.getByTestId('conversation-item').first()).toContainText('Budget for 2027');
});

/** Chooses an option of one of antd's selects (its options are a virtual list, not plain roles). */
async function pick(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

const MARKDOWN_GREETING = [
  'Hello! I answer with **Markdown**:',
  '',
  '| Step | What |',
  '|---|---|',
  '| 1 | Ask |',
  '| 2 | Read |',
  '',
  '```python',
  'def greet(name):',
  '    return f"Hello, {name}"',
  '```',
  '',
  'and math: $e^{i\\pi} + 1 = 0$',
].join('\n');

test('an agent with greetings and suggested questions; screenshots', async ({ page, request }) => {
  const account = await signIn(page, request);
  const agent = await request.post('/api/v1/agents', {
    headers: auth(account),
    data: { name: `Guide ${Date.now()}`, greetings: [MARKDOWN_GREETING], suggested_questions: ['What can you do?'] },
  });
  expect(agent.status(), await agent.text()).toBe(201);
  const agentId = ((await agent.json()) as { id: string }).id;
  await page.goto(`/?agent=${agentId}`);
  await expect(page.getByTestId('greetings')).toContainText('Hello! I answer with Markdown:');
  await expect(page.getByTestId('greetings').locator('table td')).toHaveCount(4);
  await page.getByRole('button', { name: 'What can you do?' }).click();
  const id = await midStream(page, 1);
  await expectFinished(page);
  await expect(page.getByTestId('greetings')).toBeVisible();
  await expect(page.getByTestId('message-user').first()).toContainText('What can you do?');
  // The greeting was never sent nor stored.
  const stored = await storedMessages(request, account, id);
  expect(stored.map((m) => m.role)).toEqual(['assistant', 'user']);

  await pick(page, 'theme-select', 'Light');
  await screenshot(page, 'chat-en-light');
  await pick(page, 'theme-select', 'Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'chat-en-dark');
  await pick(page, 'theme-select', 'Light');
  await pick(page, 'language-select', '中文');
  await expect(page.getByRole('button', { name: '发送' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '你的消息' })).toBeVisible();
  await screenshot(page, 'chat-zh-light');
  await pick(page, 'language-select', 'English');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: 'Open the menu' })).toBeVisible();
  await screenshot(page, 'chat-mobile');
  await page.getByRole('button', { name: 'Open the menu' }).click();
  await expect(page.locator('.ant-drawer').getByTestId('conversation-item')).toHaveCount(1);
  await expect(page.locator('.ant-drawer').getByTestId('new-chat')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('.ant-drawer-mask')).toHaveCSS('opacity', '1');
  await screenshot(page, 'chat-mobile-drawer');
});
