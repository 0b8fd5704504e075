import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type FrameLocator, type Locator, type Page, test } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminToken, env, screenshot, simModel, simulatedText } from './fixtures';

/**
 * The website chat widget on a customer's page: the page (e2e/widget-host) is served by a small
 * server of this spec on another origin and site than Parley (http://localhost:<port> against
 * Parley's 127.0.0.1), so the postMessage origin checks, third-party framing and storage are
 * the real ones. Inboxes are made through the admin API, answered by an agent on the simulator.
 */
const HOST = join(dirname(fileURLToPath(import.meta.url)), 'widget-host');
const PARLEY = process.env.PARLEY_URL ?? 'http://127.0.0.1:18080';
const MODEL = simModel(30, 60);
const REPLY = simulatedText(30).trim();

let server: Server;
let shop: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/host.css') {
      response.writeHead(200, { 'Content-Type': 'text/css' });
      response.end(readFileSync(join(HOST, 'host.css')));
      return;
    }
    let html = readFileSync(join(HOST, 'index.html'), 'utf8').replaceAll('__PARLEY_URL__', PARLEY);
    for (const [placeholder, param] of [
      ['__INBOX_ID__', 'inbox'],
      ['__IDENTIFIER__', 'identifier'],
      ['__IDENTIFIER_HASH__', 'hash'],
      ['__NAME__', 'name'],
      ['__LOCALE__', 'locale'],
    ]) {
      html = html.replaceAll(placeholder, (url.searchParams.get(param) ?? '').replace(/[^\w@.:-]/g, ''));
    }
    // Another site framing the panel in the name of the shop (whose origin is `host`).
    if (url.pathname === '/evil') {
      const frame = `${PARLEY}/widget/frame.html?${new URLSearchParams({ inbox: url.searchParams.get('inbox') ?? '', host: url.searchParams.get('host') ?? '' })}`;
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>Evil</title><iframe title="framed" src="${frame}" width="400" height="600"></iframe>`);
      return;
    }
    // A page without the widget, to compare globals with.
    if (url.searchParams.has('bare')) html = html.replace(/<script[\s\S]*?<\/script>/, '');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  shop = `http://localhost:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

interface Inbox {
  id: string;
  hmac_secret: string;
}

/** An inbox answered by an agent whose model is the simulator's. */
async function newInbox(request: APIRequestContext, token: string, fields: Record<string, unknown> = {}): Promise<Inbox> {
  const provider = await request.post('/api/v1/admin/providers', {
    headers: auth(token),
    data: { name: unique('widget'), protocol: 'openai', base_url: env.simulatorUrl, api_keys: [env.simulatorKey || 'sk-e2e-widget'], models: [MODEL] },
  });
  expect(provider.status(), await provider.text()).toBe(201);
  const agent = await request.post('/api/v1/agents', {
    headers: auth(token),
    data: { name: unique('Support bot'), visibility: 'public', route: [{ provider_id: ((await provider.json()) as { id: string }).id, model: MODEL }] },
  });
  expect(agent.status(), await agent.text()).toBe(201);
  const inbox = await request.post('/api/v1/admin/support/inboxes', {
    headers: auth(token),
    data: {
      name: 'Acme Support',
      agent_id: ((await agent.json()) as { id: string }).id,
      greeting: 'Hi! Ask us anything about your order.',
      allowed_origins: [shop],
      ...fields,
    },
  });
  expect(inbox.status(), await inbox.text()).toBe(201);
  return (await inbox.json()) as Inbox;
}

function launcher(page: Page): Locator {
  return page.locator('parley-widget').getByRole('button');
}

function panel(page: Page): FrameLocator {
  return page.frameLocator('parley-widget iframe');
}

const composer = (frame: FrameLocator) => frame.getByRole('textbox', { name: 'Your message' });
const userMessages = (frame: FrameLocator) => frame.locator('li[data-role="user"]');
const botReplies = (frame: FrameLocator) => frame.locator('li[data-role="assistant"]:not([data-id="greeting"])');

async function openShop(page: Page, query: Record<string, string>) {
  await page.goto(`${shop}/?${new URLSearchParams(query)}`);
  await expect(launcher(page)).toHaveAccessibleName('Open chat');
}

async function send(frame: FrameLocator, text: string) {
  await composer(frame).fill(text);
  await composer(frame).press('Enter');
}

async function supportConversationOf(request: APIRequestContext, token: string, inboxId: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(async () => {
      const response = await request.get(`/api/v1/support/conversations?status=all&assignee=all&inbox_id=${inboxId}`, { headers: auth(token) });
      id = ((await response.json()) as { items: { id: string }[] }).items[0]?.id;
      return id;
    })
    .toBeTruthy();
  return id!;
}

test('a visitor chats with the bot on a customer site, finds the history after a reload, then talks to a person', async ({ page, request }) => {
  const token = await adminToken(request);
  const inbox = await newInbox(request, token);
  await openShop(page, { inbox: inbox.id });

  // The launcher answers the keyboard; the panel opens with the input focused.
  await launcher(page).focus();
  await page.keyboard.press('Enter');
  await expect(launcher(page)).toHaveAccessibleName('Close chat');
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
  const frame = panel(page);
  await expect(frame.getByRole('heading', { name: 'Acme Support' })).toBeVisible();
  await expect(frame.locator('li[data-id="greeting"]')).toContainText('Hi! Ask us anything about your order.');
  await expect(composer(frame)).toBeFocused();

  await send(frame, 'Where is my order?');
  await expect(userMessages(frame)).toHaveCount(1);
  await expect(userMessages(frame).first()).toContainText('Where is my order?');
  // The bot's reply streams in: a few words first, then all of it.
  const reply = botReplies(frame).last();
  await expect(reply).toHaveAttribute('data-state', 'streaming');
  await expect
    .poll(async () => ((await reply.locator('.bubble').textContent()) ?? '').trim().split(/\s+/).filter(Boolean).length)
    .toBeGreaterThanOrEqual(3);
  await expect(reply).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
  await expect(reply.locator('.bubble')).toHaveText(REPLY);
  await expect(composer(frame)).toHaveValue('');
  const order = () => frame.locator('li[data-role]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.role));
  expect(await order()).toEqual(['assistant', 'user', 'assistant']);
  await screenshot(page, 'widget');

  // A returning visitor (same browser) sees their conversation again.
  await page.reload();
  await launcher(page).click();
  await expect(userMessages(frame)).toHaveCount(1);
  await expect(userMessages(frame).first()).toContainText('Where is my order?');
  await expect(botReplies(frame)).toHaveCount(1);
  await expect(botReplies(frame).first().locator('.bubble')).toHaveText(REPLY);
  expect(await order()).toEqual(['assistant', 'user', 'assistant']);

  // "Talk to a person": an activity line, and the bot stays silent from now on.
  await frame.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(frame.locator('li[data-role="activity"]')).toContainText('You are now talking to a person');
  await expect(frame.getByRole('button', { name: 'Talk to a person' })).toBeHidden();
  const sent = page.waitForResponse((response) => response.url().endsWith('/messages') && response.request().method() === 'POST');
  await send(frame, 'Is anyone there?');
  const answer = await sent;
  expect(answer.status()).toBe(202);
  expect(((await answer.json()) as { reply_id: string | null }).reply_id).toBeNull();
  await expect(userMessages(frame)).toHaveCount(2);
  await page.waitForTimeout(2_000);
  await expect(botReplies(frame)).toHaveCount(1);
});

test("a person's reply arrives live, and counts on the launcher while the panel is closed", async ({ page, request }) => {
  const token = await adminToken(request);
  const inbox = await newInbox(request, token);
  await openShop(page, { inbox: inbox.id });
  await launcher(page).click();
  const frame = panel(page);
  await frame.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(frame.locator('li[data-role="activity"]')).toBeVisible();
  const conversationId = await supportConversationOf(request, token, inbox.id);

  // Escape closes the panel and gives the focus back to the launcher.
  await composer(frame).press('Escape');
  await expect(launcher(page)).toHaveAccessibleName('Open chat');
  await expect(launcher(page)).toBeFocused();

  const replied = await request.post(`/api/v1/support/conversations/${conversationId}/messages`, {
    headers: auth(token),
    data: { content: 'Hello, this is Mia. Your parcel: https://example.com/track?id=42.\nAnything else? <b>no html</b>' },
  });
  expect(replied.status(), await replied.text()).toBe(201);
  await expect(launcher(page)).toHaveAccessibleName('Open chat (1 new)');

  await launcher(page).click();
  await expect(launcher(page)).toHaveAccessibleName('Close chat');
  const human = frame.locator('li[data-role="agent"]');
  await expect(human).toHaveCount(1);
  await expect(human.locator('.who')).toHaveText('Support agent');
  await expect(human.locator('.bubble')).toHaveText('Hello, this is Mia. Your parcel: https://example.com/track?id=42.\nAnything else? <b>no html</b>');
  await expect(human.locator('b')).toHaveCount(0);
  const link = human.getByRole('link', { name: 'https://example.com/track?id=42' });
  await expect(link).toHaveAttribute('href', 'https://example.com/track?id=42');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(link).toHaveAttribute('target', '_blank');
});

test('the widget keeps to itself: one global, no styles from the page, no messages from others', async ({ page, request }) => {
  const token = await adminToken(request);
  const inbox = await newInbox(request, token);
  await page.goto(`${shop}/?bare=1`);
  const before = await page.evaluate(() => Object.getOwnPropertyNames(window));
  await openShop(page, { inbox: inbox.id });
  const after = await page.evaluate(() => Object.getOwnPropertyNames(window));
  expect(after.filter((name) => !before.includes(name))).toEqual(['Parley']);

  // The page's `button { background: ... !important }` does not reach the launcher.
  await expect(launcher(page)).toHaveCSS('background-color', 'rgb(29, 78, 216)');
  await expect(launcher(page).locator('svg')).toBeVisible();

  // A message posted by the page itself (or any window but the frame) is ignored.
  await page.evaluate(() => window.postMessage({ type: 'parley:unread', count: 5 }, '*'));
  await page.waitForTimeout(300);
  await expect(launcher(page)).toHaveAccessibleName('Open chat');

  // The page drives it through window.Parley.
  await page.evaluate(() => (window as unknown as { Parley: { open(): void } }).Parley.open());
  await expect(launcher(page)).toHaveAccessibleName('Close chat');
  await expect(composer(panel(page))).toBeVisible();

  // Offline and back.
  await page.context().setOffline(true);
  await expect(panel(page).getByRole('status')).toContainText('You are offline');
  await page.context().setOffline(false);
  await expect(panel(page).getByRole('status')).toBeHidden();

  await page.evaluate(() => (window as unknown as { Parley: { close(): void } }).Parley.close());
  await expect(launcher(page)).toHaveAccessibleName('Open chat');
});

test('an inbox that requires identity: a guest is told to sign in, a visitor the site vouches for chats (zh-CN)', async ({ page, request }) => {
  const token = await adminToken(request);
  const inbox = await newInbox(request, token, { identity_required: true });

  await openShop(page, { inbox: inbox.id });
  await launcher(page).click();
  const frame = panel(page);
  await expect(frame.getByText('This chat is for signed-in customers.')).toBeVisible();
  await expect(composer(frame)).toBeDisabled();
  await expect(frame.getByRole('button', { name: 'Send' })).toBeDisabled();

  const identifier = unique('customer');
  const hash = createHmac('sha256', inbox.hmac_secret).update(identifier).digest('hex');
  await page.goto(`${shop}/?${new URLSearchParams({ inbox: inbox.id, identifier, hash, name: 'Li_Lei', locale: 'zh-CN' })}`);
  await expect(launcher(page)).toHaveAccessibleName('打开聊天');
  await launcher(page).click();
  const input = frame.getByRole('textbox', { name: '您的消息' });
  await expect(input).toBeEnabled();
  await expect(frame.getByRole('button', { name: '转人工客服' })).toBeVisible();
  await input.fill('你好，我的订单在哪里？');
  await input.press('Enter');
  await expect(userMessages(frame)).toContainText(['你好，我的订单在哪里？']);
  await expect(botReplies(frame).last()).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
  await expect(botReplies(frame).last().locator('.who')).toHaveText('智能助手');
});

test('a reply survives a network outage mid-stream; the panel passes axe (WCAG 2 AA)', async ({ page, request }) => {
  const token = await adminToken(request);
  const inbox = await newInbox(request, token);
  await openShop(page, { inbox: inbox.id });
  await launcher(page).click();
  const frame = panel(page);
  await send(frame, 'Tell me about delivery times');
  const reply = botReplies(frame).last();
  await expect
    .poll(async () => ((await reply.locator('.bubble').textContent()) ?? '').trim().split(/\s+/).filter(Boolean).length)
    .toBeGreaterThanOrEqual(3);
  await page.context().setOffline(true);
  await expect(frame.getByRole('status')).toContainText('You are offline');
  await page.waitForTimeout(1_500);
  await page.context().setOffline(false);
  // Resumed after the last event it had: the whole text once, nothing doubled.
  await expect(reply).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
  await expect(reply.locator('.bubble')).toHaveText(REPLY);
  await expect(botReplies(frame)).toHaveCount(1);
  await expect(userMessages(frame)).toHaveCount(1);
  await expect(frame.getByRole('status')).toBeHidden();

  const results = await new AxeBuilder({ page }).include('parley-widget').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const problems = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(problems).toEqual([]);
  expect(results.passes.map((rule) => rule.id)).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'label']));
});

test('the panel talks only to the page that embeds it: framed by another site in the shop\'s name, it stays idle', async ({ page, request }) => {
  const token = await adminToken(request);
  // An inbox naming no sites may be framed by any: the panel's own origin checks are all there is.
  const inbox = await newInbox(request, token, { allowed_origins: [] });
  const visitors: string[] = [];
  page.on('request', (sent) => {
    if (sent.url().includes('/visitors')) visitors.push(sent.url());
  });
  // The same server, reached as 127.0.0.1: another origin than the shop's localhost.
  const evil = shop.replace('localhost', '127.0.0.1');
  await page.goto(`${evil}/evil?${new URLSearchParams({ inbox: inbox.id, host: shop })}`);
  const frame = page.frameLocator('iframe[title="framed"]');
  await expect(frame.getByRole('heading', { name: 'Acme Support' })).toBeVisible();
  await page.evaluate(() => {
    const target = document.querySelector('iframe')!.contentWindow!;
    target.postMessage({ type: 'parley:init', open: true, identity: { identifier: 'someone-else', identifier_hash: '00' }, token: null }, '*');
    target.postMessage({ type: 'parley:open' }, '*');
  });
  await page.waitForTimeout(1_500);
  expect(visitors).toEqual([]);
  await expect(frame.getByRole('button', { name: 'Close chat' })).toBeHidden();
});

test("an inbox's allowed origins are the only sites that may frame its panel", async ({ page, request }) => {
  const token = await adminToken(request);
  const inbox = await newInbox(request, token);
  const evil = shop.replace('localhost', '127.0.0.1');
  const refused = page.waitForResponse((response) => response.url().includes('/widget/frame.html'));
  await page.goto(`${evil}/evil?${new URLSearchParams({ inbox: inbox.id, host: shop })}`);
  expect((await refused).headers()['content-security-policy']).toContain(`frame-ancestors 'self' ${shop}`);
  await page.waitForTimeout(1_000);
  expect(page.frames().some((frame) => frame.url().startsWith(PARLEY))).toBe(false);
  await expect(page.frameLocator('iframe[title="framed"]').getByRole('heading', { name: 'Acme Support' })).toBeHidden();
});
