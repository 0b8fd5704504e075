import { expect, test } from '@playwright/test';
import { adminToken, env, loginInPage, PASSWORD, screenshot, uniqueEmail } from './fixtures';

test('a new user registers, lands in the chat, logs out and logs in again', async ({ page }) => {
  const email = uniqueEmail('ada');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await screenshot(page, 'login-en-light');
  await page.getByRole('link', { name: 'Create one' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Display name (optional)').fill('Ada');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Repeat the password').fill('short');
  await page.getByRole('button', { name: 'Create the account' }).click();
  await expect(page.getByText('Must be at least 10 characters.')).toBeVisible();

  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create the account' }).click();
  await expect(page.getByTestId('new-chat')).toBeVisible();

  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('Wrong-password-123');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('auth-error')).toHaveText('Wrong e-mail or password.');
  await loginInPage(page, email, PASSWORD);
});

test('a reload keeps the session and two tabs share it', async ({ page, context }) => {
  const email = uniqueEmail('tabs');
  const registered = await page.request.post('/api/v1/auth/register', { data: { email, password: PASSWORD } });
  expect(registered.status()).toBe(201);
  await loginInPage(page, email, PASSWORD);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByTestId('new-chat')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('new-chat')).toBeVisible();
  await second.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
});

test('two tabs whose access token ran out refresh it once between them and both stay signed in', async ({ page, context }) => {
  const email = uniqueEmail('refresh');
  expect((await page.request.post('/api/v1/auth/register', { data: { email, password: PASSWORD } })).status()).toBe(201);
  await loginInPage(page, email, PASSWORD);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByTestId('new-chat')).toBeVisible();
  const refreshes: string[] = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/api/v1/auth/refresh')) refreshes.push(request.url());
  });
  const before = await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('parley.session')!);
    session.accessExpiresAt = 0;
    localStorage.setItem('parley.session', JSON.stringify(session));
    return session.refreshToken as string;
  });
  // Both tabs start over with the expired token and call the API at once.
  await Promise.all([page.reload(), second.reload()]);
  for (const tab of [page, second]) {
    await expect(tab.getByTestId('new-chat')).toBeVisible();
    await expect(tab.getByRole('searchbox', { name: 'Filter by title' })).toBeVisible();
  }
  await expect.poll(() => refreshes.length).toBe(1);
  const after = await second.evaluate(() => JSON.parse(localStorage.getItem('parley.session')!).refreshToken as string);
  expect(after).not.toBe(before);
  // The renewed pair works in both tabs, and the session was not ended as a reuse.
  for (const tab of [page, second]) {
    await tab.goto('/settings');
    await expect(tab).toHaveURL(/\/settings/);
    await expect(tab.getByTestId('new-chat')).toBeVisible();
  }
  expect(refreshes.length).toBe(1);
});

test('the language follows the switch and stays after a reload', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await page.getByTestId('language-select').click();
  await page.getByTitle('中文').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await screenshot(page, 'login-zh-light');
});

test('an administrator signs in', async ({ page }) => {
  test.skip(!env.adminPassword, 'no administrator password given');
  await loginInPage(page, env.adminEmail, env.adminPassword);
  await expect(page.getByTestId('nav-admin')).toBeVisible();
});

test('a user given a one-time password must choose their own before anything else', async ({ page, request }) => {
  test.skip(!env.adminPassword, 'no administrator password given');
  const email = uniqueEmail('onetime');
  const created = await request.post('/api/v1/admin/users', {
    headers: { Authorization: `Bearer ${await adminToken(request)}` },
    data: { email, display_name: 'One Time' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const temporary = ((await created.json()) as { temporary_password: string }).temporary_password;
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(temporary);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByText('Your password was generated for you.', { exact: false })).toBeVisible();
  // Nothing else opens until then.
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel('Current password').fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat the new password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change the password' }).click();
  await expect(page.getByTestId('new-chat')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});
