import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { adminToken, env, loginInPage, newAccount, screenshot, simulatedText, uniqueEmail } from './fixtures';

/** The admin console, as root (env.adminEmail) and as a normal user who must never see it. */

test.skip(!env.adminPassword, 'no administrator password given');

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function asAdmin(page: Page) {
  await loginInPage(page, env.adminEmail, env.adminPassword);
}

async function createProvider(request: APIRequestContext, token: string, name: string): Promise<string> {
  const response = await request.post('/api/v1/admin/providers', {
    headers: auth(token),
    data: { name, protocol: 'openai', base_url: env.simulatorUrl, api_keys: [env.simulatorKey || 'sk-e2e-admin'], models: ['sim?tokens=8'] },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

test('an administrator creates a user with a one-time password, disables and enables them', async ({ page, request }) => {
  await asAdmin(page);
  await page.getByTestId('nav-admin').click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('navigation', { name: 'Admin console' })).toBeVisible();

  const email = uniqueEmail('console');
  await page.getByRole('button', { name: 'Create a user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a user' });
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Display name (optional)').fill('Console Made');
  await dialog.getByRole('button', { name: 'Create' }).click();

  const shown = page.getByRole('dialog', { name: `User ${email} created` });
  const password = (await shown.getByTestId('one-time-password').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(10);
  await expect(shown.getByRole('button', { name: 'Copy the password' })).toBeVisible();
  // The password works once, and its owner must change it.
  const login = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(login.status()).toBe(200);
  expect(((await login.json()) as { user: { password_change_required: boolean } }).user.password_change_required).toBe(true);
  await shown.getByRole('button', { name: 'I have copied it' }).click();
  await expect(shown).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(email) })).toBeVisible();
  await screenshot(page, 'admin-users-en-light');

  await page.getByLabel('Search users').fill(email);
  await page.getByLabel('Search users').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(email).replace(/\./g, '\\.')}`));
  const row = page.getByRole('row', { name: new RegExp(email) });
  await expect(page.getByRole('row')).toHaveCount(2); // the header and the one user
  await expect(row.getByText('Must change password')).toBeVisible();

  await row.getByRole('button', { name: `Disable ${email}` }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  const refused = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(refused.status()).toBe(403);

  await row.getByRole('button', { name: `Enable ${email}` }).click();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  expect((await request.post('/api/v1/auth/login', { data: { email, password } })).status()).toBe(200);

  // A password reset shows a new one-time password once.
  await row.getByRole('button', { name: `Reset the password of ${email}` }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Reset password' }).click();
  const reset = page.getByRole('dialog', { name: 'Password reset' });
  const second = (await reset.getByTestId('one-time-password').innerText()).trim();
  expect(second).not.toBe(password);
  expect((await request.post('/api/v1/auth/login', { data: { email, password: second } })).status()).toBe(200);
  await reset.getByRole('button', { name: 'I have copied it' }).click();

  // Changing one's own role is refused by the server, and said so.
  await page.getByLabel('Search users').fill(env.adminEmail);
  await page.getByLabel('Search users').press('Enter');
  const own = page.getByRole('row', { name: new RegExp(env.adminEmail) });
  await own.getByLabel(`Role of ${env.adminEmail}`).click();
  await page.getByTitle('User', { exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'You cannot change your own role' })).toBeVisible();
  await expect(own).toContainText('Administrator');
});

test('an administrator adds a provider pointing at the simulator and tests its connection', async ({ page }) => {
  await asAdmin(page);
  await page.goto('/admin/providers');
  const name = unique('sim');
  await page.getByRole('button', { name: 'Add a provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a provider' });
  await dialog.getByLabel('Name').fill(name);
  // The egress policy refuses cloud metadata addresses: the server's error shows on the field.
  await dialog.getByLabel('Base URL').fill('http://169.254.169.254/v1');
  await dialog.getByLabel('Models').fill('sim?tokens=8');
  await dialog.getByLabel('Models').press('Enter');
  await dialog.getByLabel('API key 1').fill('sk-e2e-admin-key');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByLabel('Base URL')).toHaveAttribute('aria-invalid', 'true');
  const baseUrlItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('Base URL') });
  await expect(baseUrlItem).toContainText('a cloud metadata address');

  await dialog.getByLabel('Base URL').fill(env.simulatorUrl);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row.getByText('sim?tokens=8')).toBeVisible();
  await expect(row.getByText('...-key · OK')).toBeVisible();
  // The environment's provider is listed first, read-only: no edit or delete.
  const first = page.getByRole('row').nth(1);
  await expect(first.getByText('Environment (read-only)')).toBeVisible();
  await expect(first.getByRole('button', { name: /^Edit / })).toHaveCount(0);

  await row.getByRole('button', { name: `Test the connection of ${name}` }).click();
  await expect(row.getByTestId('provider-test-result')).toHaveText(/^Connection OK: [\d,]+ ms \(sim\?tokens=8\)$/);
  await expect(page.getByRole('heading', { name: 'Circuit breakers' })).toBeVisible();
  await screenshot(page, 'admin-providers-en-light');

  // Editing keeps the keys unless they are replaced; then it can be deleted.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(edit.getByText('...-key · OK')).toBeVisible();
  const enabled = edit.getByRole('switch', { name: 'Enabled' });
  await expect(enabled).toBeChecked();
  await enabled.click();
  await expect(enabled).not.toBeChecked();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(row.getByText('...-key · OK')).toBeVisible();
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
});

test('the audit log shows the console actions, newest first', async ({ page, request }) => {
  const token = await adminToken(request);
  const email = uniqueEmail('audited');
  const created = await request.post('/api/v1/admin/users', { headers: auth(token), data: { email } });
  expect(created.status()).toBe(201);
  const userId = ((await created.json()) as { user: { id: string } }).user.id;
  for (const status of ['disabled', 'active']) {
    expect((await request.patch(`/api/v1/admin/users/${userId}`, { headers: auth(token), data: { status } })).status()).toBe(200);
  }
  const providerName = unique('audit');
  const providerId = await createProvider(request, token, providerName);
  const agent = await request.post('/api/v1/agents', {
    headers: auth(token),
    data: { name: unique('Audited agent'), visibility: 'public', route: [{ provider_id: providerId, model: 'sim?tokens=8' }] },
  });
  expect(agent.status(), await agent.text()).toBe(201);
  const agentId = ((await agent.json()) as { id: string }).id;

  await asAdmin(page);
  await page.goto('/admin/audit');
  const rows = page.getByRole('row');
  await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText('agent.create');
  const actions = [];
  for (let i = 1; i <= 5; i++) actions.push(await rows.nth(i).getByRole('cell').nth(1).innerText());
  expect(actions).toEqual(['agent.create', 'provider.create', 'user.enable', 'user.disable', 'user.create']);
  await expect(rows.nth(1)).toContainText(agentId);
  await expect(rows.nth(2)).toContainText(providerId);
  for (let i = 3; i <= 5; i++) await expect(rows.nth(i)).toContainText(email); // the target user, by e-mail
  for (let i = 1; i <= 5; i++) await expect(rows.nth(i).getByRole('cell').nth(2)).toHaveText(env.adminEmail);
});

test('the console links to the agents page, where a public agent made by an administrator is listed', async ({ page, request }) => {
  const token = await adminToken(request);
  const providerId = await createProvider(request, token, unique('agents'));
  const name = unique('Console agent');
  const agent = await request.post('/api/v1/agents', {
    headers: auth(token),
    data: {
      name,
      visibility: 'public',
      route: [{ provider_id: providerId, model: 'sim?tokens=8' }],
      greetings: ['Hello from the console'],
      suggested_questions: ['What can you do?'],
    },
  });
  expect(agent.status(), await agent.text()).toBe(201);

  await asAdmin(page);
  await page.goto('/admin/users');
  await page.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Agents' }).click();
  await expect(page).toHaveURL(/\/agents$/);
  await expect(page.getByText(name)).toBeVisible();
});

test('a normal user never sees the admin console or its code', async ({ page, request }) => {
  const account = await newAccount(request, 'plain');
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  await loginInPage(page, account.email, account.password);
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
  for (const path of ['/admin', '/admin/users', '/admin/usage']) {
    await page.goto(path);
    await expect(page.getByText('Page not found')).toBeVisible();
    await expect(page.getByTestId('nav-admin')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Admin console' })).toHaveCount(0);
  }
  expect(fetched.filter((url) => /AdminRoutes|UsagePage/.test(url))).toEqual([]);
  expect(fetched.filter((url) => url.includes('/api/v1/admin/'))).toEqual([]);
});

interface UsageReport {
  total: { requests: number; prompt_tokens: number; completion_tokens: number; total_tokens: number };
  ttft_ms: { p50: number | null; p90: number | null; p99: number | null; count: number };
}

/** Real replies of two users through two providers' models, so the report has something to draw. */
async function spendTokens(request: APIRequestContext, adminBearer: string) {
  const providerId = await createProvider(request, adminBearer, unique('usage-provider'));
  const agent = await request.post('/api/v1/agents', {
    headers: auth(adminBearer),
    data: { name: unique('Usage agent'), visibility: 'public', route: [{ provider_id: providerId, model: 'sim?tokens=8' }] },
  });
  expect(agent.status(), await agent.text()).toBe(201);
  const agentId = ((await agent.json()) as { id: string }).id;
  for (const [prefix, replies] of [['ada', 3], ['grace', 2]] as const) {
    const account = await newAccount(request, prefix);
    for (let i = 0; i < replies; i++) {
      const conversation = await request.post('/api/v1/conversations', {
        headers: auth(account.token),
        data: i % 2 === 0 ? { agent_id: agentId } : {},
      });
      const id = ((await conversation.json()) as { id: string }).id;
      const sent = await request.post(`/api/v1/conversations/${id}/messages`, {
        headers: auth(account.token),
        data: i % 2 === 0 ? { content: `question ${i}` } : { content: `question ${i}`, model: `sim?tokens=${12 + i}` },
      });
      expect(sent.status(), await sent.text()).toBe(200);
    }
  }
}

test('the usage page draws the stored usage with a period picker, in English and in Chinese dark mode', async ({ page, request }) => {
  const token = await adminToken(request);
  await spendTokens(request, token);
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
  const report = (await (
    await request.get(`/api/v1/admin/usage?from=${from}&to=${today}&limit=10`, { headers: auth(token) })
  ).json()) as UsageReport;
  const number = (value: number) => new Intl.NumberFormat('en').format(value);

  await asAdmin(page);
  await page.goto('/admin/usage?days=7');
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary.getByText(number(report.total.total_tokens), { exact: true })).toBeVisible();
  await expect(summary.getByText(`${number(report.total.prompt_tokens)} / ${number(report.total.completion_tokens)}`)).toBeVisible();
  await expect(page.getByTestId('usage-chart')).toHaveCount(7);
  for (const chart of await page.getByTestId('usage-chart').all()) await expect(chart.locator('svg path').first()).toBeAttached();
  await expect(page.getByRole('img', { name: /^Chart: prompt and completion tokens per day/ })).toBeVisible();
  // Tables beside the charts hold the same numbers as the report.
  await expect(page.getByRole('row', { name: /sim\?tokens=8/ }).first()).toBeVisible();
  await screenshot(page, 'admin-usage-en-light');

  await page.getByText('Last 90 days').click();
  await expect(page).toHaveURL(/days=90/);

  await page.evaluate(() => {
    localStorage.setItem('parley.language', 'zh-CN');
    localStorage.setItem('parley.theme', 'dark');
  });
  await page.goto('/admin/usage?days=7');
  await expect(page.getByRole('heading', { name: '用量', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '汇总' }).getByText(number(report.total.total_tokens), { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('usage-chart')).toHaveCount(7);
  await screenshot(page, 'admin-usage-zh-dark');
  await page.evaluate(() => {
    localStorage.removeItem('parley.language');
    localStorage.removeItem('parley.theme');
  });
});

test('an administrator sees the tokens a user just spent in the usage report', async ({ page, request }) => {
  const account = await newAccount(request, 'spender');
  const conversation = await request.post('/api/v1/conversations', { headers: auth(account.token), data: {} });
  const conversationId = ((await conversation.json()) as { id: string }).id;
  const sent = await request.post(`/api/v1/conversations/${conversationId}/messages`, {
    headers: auth(account.token),
    data: { content: 'count for me', model: 'sim?tokens=8' },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  const reply = ((await sent.json()) as { assistant_message: { content: string; prompt_tokens: number; completion_tokens: number } }).assistant_message;
  expect(reply.content).toBe(simulatedText(8));
  const spent = reply.prompt_tokens + reply.completion_tokens;

  await asAdmin(page);
  await page.goto('/admin/usage?days=7');
  const row = page.getByRole('row', { name: new RegExp(account.email.replace(/\./g, '\\.')) });
  await expect(row.getByRole('cell').nth(1)).toHaveText('1');
  await expect(row.getByRole('cell').nth(2)).toHaveText(new Intl.NumberFormat('en').format(spent));
  await expect(page.getByTestId('usage-chart')).toHaveCount(7);
});

test('quotas: a role limit, a user override and removing it', async ({ page, request }) => {
  const token = await adminToken(request);
  await asAdmin(page);
  const account = await newAccount(request, 'quota');
  await page.goto('/admin/quotas');
  const agentRow = page.getByRole('row', { name: /^Support agent/ });
  await agentRow.getByRole('button', { name: 'Edit the quota of the role Support agent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit the quota of the role Support agent' });
  await dialog.getByRole('radiogroup', { name: 'Tokens per day' }).getByText('Limit', { exact: true }).click();
  await dialog.getByLabel('Tokens per day: the limit').fill('50000');
  await dialog.getByRole('radiogroup', { name: 'Requests per minute' }).getByText('Unlimited', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(agentRow.getByRole('cell').nth(1)).toHaveText('50,000');
  await expect(agentRow.getByRole('cell').nth(2)).toHaveText('Unlimited');

  await page.getByRole('button', { name: 'Add a user override' }).click();
  const add = page.getByRole('dialog', { name: 'Add a user override' });
  await add.getByLabel('User').click();
  await add.getByLabel('User').fill(account.email);
  await page.getByTitle(new RegExp(account.email.replace(/\./g, '\\.'))).click();
  await add.getByRole('radiogroup', { name: 'Requests per minute' }).getByText('Limit', { exact: true }).click();
  await add.getByLabel('Requests per minute: the limit').fill('7');
  await add.getByRole('button', { name: 'Save' }).click();
  const userRow = page.getByRole('row', { name: new RegExp(account.email.replace(/\./g, '\\.')) });
  await expect(userRow.getByRole('cell').nth(1)).toHaveText('From the role');
  await expect(userRow.getByRole('cell').nth(2)).toHaveText('7');
  const quotas = (await (await request.get('/api/v1/admin/quotas', { headers: auth(token) })).json()) as {
    roles: { role: string; tokens_per_day: number | null; requests_per_minute: number | null }[];
  };
  expect(quotas.roles.find((role) => role.role === 'agent')).toMatchObject({ tokens_per_day: 50000, requests_per_minute: 0 });

  await userRow.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Remove' }).click();
  await expect(userRow).toHaveCount(0);
  await agentRow.getByRole('button', { name: 'Reset to default' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Reset to default' }).click();
  await expect(agentRow.getByRole('cell').nth(1)).toHaveText(/^Default/);
});

test('conversations: an administrator finds a user\'s conversation and reads it, audited', async ({ page, request }) => {
  await asAdmin(page);
  const account = await newAccount(request, 'readme');
  const title = unique('Quarterly plan');
  const conversation = await request.post('/api/v1/conversations', { headers: auth(account.token), data: { title } });
  const conversationId = ((await conversation.json()) as { id: string }).id;
  const sent = await request.post(`/api/v1/conversations/${conversationId}/messages`, {
    headers: auth(account.token),
    data: { content: 'Draft **the plan**', model: 'sim?tokens=8' },
  });
  expect(sent.status(), await sent.text()).toBe(200);

  await page.goto('/admin/conversations');
  await expect(page.getByTestId('audited-notice')).toContainText('written to the audit log');
  await page.getByLabel('Search conversations').fill(account.email);
  await page.getByLabel('Search conversations').press('Enter');
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText(account.email);
  await row.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/conversations/${conversationId}$`));
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const messages = page.getByTestId('admin-message');
  await expect(messages).toHaveCount(2);
  await expect(messages.nth(0).locator('strong', { hasText: 'the plan' })).toBeVisible();
  await expect(messages.nth(1)).toContainText(simulatedText(8).trim());
  // Read-only: nothing to send, regenerate, edit or stop.
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /regenerate|edit|stop|send/i })).toHaveCount(0);

  await page.goto('/admin/audit');
  await expect(page.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('conversation.view');
  await expect(page.getByRole('row').nth(1)).toContainText(conversationId);
});
