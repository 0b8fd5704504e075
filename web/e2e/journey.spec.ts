import { expect, type Page, test } from '@playwright/test';
import { adminToken, env, loginInPage, newAccount, simulatedText } from './fixtures';

/**
 * The whole way through, across features: an administrator adds a provider and a public agent
 * routed to it; a user starts a chat from that agent in the picker, sees its greeting and
 * suggested questions, asks one and gets the streamed answer; the administrator then sees
 * those very tokens in the usage report, under the agent, its model and its provider.
 */
test.skip(!env.adminPassword, 'no administrator password given');

/** Chooses an option of one of antd's selects (its options are a virtual list, not plain roles). */
async function pick(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('a provider and a public agent made by an administrator serve a user, and the usage shows it', async ({ browser, request }) => {
  const suffix = Date.now().toString(36);
  const admin = { Authorization: `Bearer ${await adminToken(request)}` };
  const providerName = `journey-${suffix}`;
  const provider = await request.post('/api/v1/admin/providers', {
    headers: admin,
    data: { name: providerName, protocol: 'openai', base_url: env.simulatorUrl, api_keys: [env.simulatorKey || 'sk-journey'], models: ['sim?tokens=9&delay=40'] },
  });
  expect(provider.status(), await provider.text()).toBe(201);
  const providerId = ((await provider.json()) as { id: string }).id;
  const agentName = `Travel guide ${suffix}`;
  const agent = await request.post('/api/v1/agents', {
    headers: admin,
    data: {
      name: agentName,
      visibility: 'public',
      route: [{ provider_id: providerId, model: 'sim?tokens=9&delay=40' }],
      greetings: ['Where would you like to go?'],
      suggested_questions: ['Plan a weekend in Hangzhou', 'What should I pack?'],
    },
  });
  expect(agent.status(), await agent.text()).toBe(201);

  const userContext = await browser.newContext();
  const page = await userContext.newPage();
  const user = await newAccount(request, 'traveller');
  await loginInPage(page, user.email, user.password);
  await pick(page, 'agent-select', agentName);
  await expect(page.getByTestId('greetings')).toContainText('Where would you like to go?');
  await expect(page.getByRole('button', { name: 'What should I pack?' })).toBeVisible();
  await page.getByRole('button', { name: 'Plan a weekend in Hangzhou' }).click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const reply = page.getByTestId('message-assistant').last();
  await expect(reply).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  await expect(reply.getByTestId('reply-text')).toHaveText(simulatedText(9).trim());
  await expect(reply).toContainText('sim?tokens=9&delay=40');
  const conversationId = page.url().split('/c/')[1];
  const messages = (await (
    await request.get(`/api/v1/conversations/${conversationId}/messages`, { headers: { Authorization: `Bearer ${user.token}` } })
  ).json()) as { items: { role: string; provider: string; prompt_tokens: number; completion_tokens: number }[] };
  const answer = messages.items.find((m) => m.role === 'assistant')!;
  expect(answer.provider).toBe(providerId);
  const spent = answer.prompt_tokens + answer.completion_tokens;
  await userContext.close();

  const adminContext = await browser.newContext();
  const console = await adminContext.newPage();
  await loginInPage(console, env.adminEmail, env.adminPassword);
  await console.goto('/admin/usage?days=7');
  const tokens = new Intl.NumberFormat('en').format(spent);
  // (The report's top ten users are the suite's big spenders; this agent and provider are this test's alone.)
  await expect(console.getByRole('row', { name: new RegExp(agentName) })).toContainText(tokens);
  await expect(console.getByRole('row', { name: new RegExp(providerName) })).toContainText(tokens);
  await adminContext.close();
});
