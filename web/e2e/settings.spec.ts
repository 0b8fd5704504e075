import { expect, test } from '@playwright/test';
import { apiLogin, loginInPage, newAccount, PASSWORD, screenshot } from './fixtures';

test('a user changes the display name, and the sidebar shows it', async ({ page }) => {
  const account = await newAccount(page.request, 'profile');
  await loginInPage(page, account.email, account.password);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByText(account.email, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('main').getByText('User', { exact: true })).toBeVisible();
  await page.getByLabel('Display name').fill('   ');
  await page.getByRole('button', { name: 'Save the name' }).click();
  await expect(page.getByLabel('Display name')).toHaveAccessibleDescription(/Enter a display name\./);
  await page.getByLabel('Display name').fill('Grace Hopper');
  await page.getByRole('button', { name: 'Save the name' }).click();
  const sidebar = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(sidebar.getByText('Grace Hopper', { exact: true })).toBeVisible();
  await page.reload();
  await expect(sidebar.getByText('Grace Hopper', { exact: true })).toBeVisible();
  const me = await page.request.get('/api/v1/users/me', { headers: { Authorization: `Bearer ${account.token}` } });
  expect(((await me.json()) as { display_name: string }).display_name).toBe('Grace Hopper');
});

test('an API key is shown once, works, and stops working when revoked; the theme turns dark', async ({ page }) => {
  const account = await newAccount(page.request, 'keys');
  await loginInPage(page, account.email, account.password);
  await page.goto('/settings/appearance');
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Dark', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page).toHaveURL(/\/settings\/keys$/);
  await expect(page.getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('You have no API keys')).toBeVisible();
  await page.getByRole('button', { name: 'New API key' }).click();
  const form = page.getByRole('dialog', { name: 'New API key' });
  await form.getByLabel('Name').fill('laptop script');
  await form.getByRole('checkbox', { name: /^gateway/ }).uncheck();
  await form.getByLabel('Expiry date (optional)').click();
  await page.getByText('In a week', { exact: true }).click();
  await form.getByRole('button', { name: 'Create the key' }).click();

  const shown = page.getByRole('dialog', { name: 'Your new key "laptop script"' });
  await expect(shown).toContainText('it is shown only this once');
  const key = await shown.getByLabel('New API key').inputValue();
  expect(key).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
  await expect(shown.getByRole('button', { name: 'Copy' })).toBeVisible();
  const me = await page.request.get('/api/v1/users/me', { headers: { Authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { email: string }).email).toBe(account.email);
  await shown.getByRole('button', { name: 'I have copied it' }).click();
  await expect(shown).toBeHidden();

  const row = page.getByRole('row', { name: /laptop script/ });
  await expect(row).toContainText(`${key.slice(0, 10)}…`);
  const listed = (await (await page.request.get('/api/v1/api-keys', { headers: { Authorization: `Bearer ${account.token}` } })).json()) as {
    expires_at: string;
    scopes: string[];
  }[];
  expect(listed).toHaveLength(1);
  // The end of the chosen day, a week from now, in the browser's time zone.
  const expires = new Date(listed[0].expires_at);
  const days = (expires.getTime() - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThan(8);
  expect(listed[0].scopes).toEqual(['chat', 'conversations:read', 'conversations:write', 'agents:read', 'agents:write', 'contexts:read', 'contexts:write']);
  await expect(row).toContainText(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(expires));
  for (const scope of ['chat', 'conversations:read', 'conversations:write', 'agents:read', 'agents:write', 'contexts:read', 'contexts:write']) {
    await expect(row.getByText(scope, { exact: true })).toBeVisible();
  }
  await expect(row.getByText('gateway', { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('row', { name: /laptop script/ })).toBeVisible();
  // The table's loading veil fades out before the picture is taken.
  await expect(page.locator('.ant-spin-blur')).toHaveCount(0);
  await page.waitForFunction(() => [...document.querySelectorAll('.ant-spin-container')].every((element) => getComputedStyle(element).opacity === '1'));
  await screenshot(page, 'settings-keys-en-dark');

  await page.getByRole('button', { name: 'Revoke laptop script' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Revoke the key "laptop script"?');
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('row', { name: /laptop script/ })).toHaveCount(0);
  await expect(page.getByText('You have no API keys')).toBeVisible();
  const after = await page.request.get('/api/v1/users/me', { headers: { Authorization: `Bearer ${key}` } });
  expect(after.status()).toBe(401);
});

test('a user changes the password and logs in with the new one', async ({ page }) => {
  const account = await newAccount(page.request, 'passwd');
  await loginInPage(page, account.email, account.password);
  await page.goto('/settings/profile');
  const newPassword = 'Brighter-Harbour-2027';
  await page.getByLabel('Current password').fill('Not-my-password-1');
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change the password' }).click();
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(/The current password is wrong\./);

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change the password' }).click();
  await expect(page.getByText('Your password was changed. Your other sessions were ended.')).toBeVisible();
  await expect(page.getByLabel('Current password')).toHaveValue('');

  // The session of newAccount's API login has ended; this page's own session goes on.
  const old = await page.request.get('/api/v1/users/me', { headers: { Authorization: `Bearer ${account.token}` } });
  expect(old.status()).toBe(401);
  const refused = await page.request.post('/api/v1/auth/login', { data: { email: account.email, password: PASSWORD } });
  expect(refused.status()).toBe(401);

  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
  await loginInPage(page, account.email, newPassword);
  expect(await apiLogin(page.request, account.email, newPassword)).toBeTruthy();
});

test('the language switches from the settings', async ({ page }) => {
  const account = await newAccount(page.request, 'lang');
  await loginInPage(page, account.email, account.password);
  await page.goto('/settings/appearance');
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '外观' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: '主题' }).getByText('深色', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '外观' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('radiogroup', { name: '语言' }).getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Appearance' })).toBeVisible();
});

test('saved contexts: create, mark default (one at a time), delete', async ({ page }) => {
  const account = await newAccount(page.request, 'contexts');
  await loginInPage(page, account.email, account.password);
  await page.goto('/settings/contexts');
  await expect(page.getByText('No saved contexts yet')).toBeVisible();

  const create = async (name: string, prompt: string, makeDefault: boolean) => {
    await page.getByRole('button', { name: 'New context' }).click();
    const dialog = page.getByRole('dialog', { name: 'New saved context' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('System prompt').fill(prompt);
    if (makeDefault) await dialog.getByRole('switch', { name: 'Default for new chats' }).click();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
  };
  await create('Formal', 'Answer formally.', false);
  await create('Casual', 'Answer casually.', true);
  const formal = page.getByRole('listitem', { name: 'Formal' });
  const casual = page.getByRole('listitem', { name: 'Casual' });
  await expect(casual.getByText('Default', { exact: true })).toBeVisible();
  await expect(formal.getByText('Default', { exact: true })).toHaveCount(0);

  // A second context of the same name is refused on the name.
  await page.getByRole('button', { name: 'New context' }).click();
  const dialog = page.getByRole('dialog', { name: 'New saved context' });
  await dialog.getByLabel('Name').fill('formal');
  await dialog.getByLabel('System prompt').fill('x');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription(/You already have a context with this name\./);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await formal.getByRole('button', { name: 'Make Formal the default' }).click();
  await expect(formal.getByText('Default', { exact: true })).toBeVisible();
  await expect(casual.getByText('Default', { exact: true })).toHaveCount(0);
  const listed = await page.request.get('/api/v1/contexts', { headers: { Authorization: `Bearer ${account.token}` } });
  const contexts = (await listed.json()) as { name: string; is_default: boolean; system_prompt: string }[];
  expect(contexts.map(({ name, is_default, system_prompt }) => ({ name, is_default, system_prompt }))).toEqual([
    { name: 'Formal', is_default: true, system_prompt: 'Answer formally.' },
    { name: 'Casual', is_default: false, system_prompt: 'Answer casually.' },
  ]);

  await casual.getByRole('button', { name: 'Edit Casual' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Casual' });
  await edit.getByLabel('System prompt').fill('Answer very casually.');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(casual).toContainText('Answer very casually.');

  await casual.getByRole('button', { name: 'Delete Casual' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Delete the context "Casual"?');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(casual).toHaveCount(0);
  await expect(formal).toBeVisible();
});

test('the usage page opens (in Chinese)', async ({ page }) => {
  const account = await newAccount(page.request, 'usage');
  await page.addInitScript(() => localStorage.setItem('parley.language', 'zh-CN'));
  await loginInPage(page, account.email, account.password);
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('link', { name: '用量' }).click();
  await expect(page).toHaveURL(/\/settings\/usage$/);
  await expect(page.getByRole('heading', { name: '用量' })).toBeVisible();
  await screenshot(page, 'settings-usage-zh-light');
});

test('the usage page counts the tokens just spent against the quota', async ({ page }) => {
  const account = await newAccount(page.request, 'spent');
  const headers = { Authorization: `Bearer ${account.token}` };
  const conversation = (await (await page.request.post('/api/v1/conversations', { data: {}, headers })).json()) as { id: string };
  const sent = await page.request.post(`/api/v1/conversations/${conversation.id}/messages`, {
    data: { content: 'count these', model: 'sim?tokens=7&delay=0' },
    headers,
  });
  expect(sent.status()).toBe(200);
  const reply = ((await sent.json()) as { assistant_message: { prompt_tokens: number; completion_tokens: number } }).assistant_message;
  const total = reply.prompt_tokens + reply.completion_tokens;
  const quota = (await (await page.request.get('/api/v1/users/me/quota', { headers })).json()) as { tokens_used_today: number };
  expect(quota.tokens_used_today).toBe(total);

  await page.addInitScript(() => localStorage.setItem('parley.language', 'zh-CN'));
  await loginInPage(page, account.email, account.password);
  await page.goto('/settings/usage');
  const digits = new Intl.NumberFormat('zh-CN').format(total);
  await expect(page.getByTestId('quota-today')).toContainText(digits);
  await expect(page.getByRole('table', { name: '按模型' }).getByRole('row', { name: /sim\?tokens=7/ })).toContainText(digits);
  await expect(page.getByRole('table', { name: '按智能体' }).getByRole('row').nth(1)).toContainText(digits);
  await screenshot(page, 'settings-usage-zh-light');
});
