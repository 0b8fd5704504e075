import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { env, loginInPage, newAccount } from './fixtures';

/**
 * Every control of the main screens has a name a screen reader can read, and the pages have a
 * language and a title: axe-core's naming rules on each screen, in English and in Chinese.
 */
const NAMING_RULES = [
  'button-name',
  'link-name',
  'label',
  'select-name',
  'input-button-name',
  'aria-command-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'aria-progressbar-name',
  'aria-required-attr',
  'aria-valid-attr',
  'aria-valid-attr-value',
  'image-alt',
  'svg-img-alt',
  'document-title',
  'html-has-lang',
  'html-lang-valid',
];

async function expectNamed(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withRules(NAMING_RULES).analyze();
  const problems = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(problems, `unnamed controls on ${screen}`).toEqual([]);
}

/** The screen has loaded what it shows (a chat keeps its stream open, so the network never idles). */
async function settled(page: Page) {
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
}

const USER_SCREENS = ['/', '/agents', '/agents/new', '/settings', '/settings/keys', '/settings/usage', '/settings/contexts', '/settings/data', '/search?q=question'];
const ADMIN_SCREENS = ['/admin/users', '/admin/quotas', '/admin/conversations', '/admin/providers', '/admin/audit', '/admin/usage'];

test('the sign-in pages name every control', async ({ page }) => {
  for (const path of ['/login', '/register']) {
    await page.goto(path);
    await expect(page.getByRole('button').first()).toBeVisible();
    await expectNamed(page, path);
  }
});

for (const language of ['en', 'zh-CN']) {
  test(`a user's screens name every control (${language})`, async ({ page, request }) => {
    await page.addInitScript((chosen) => localStorage.setItem('parley.language', chosen), language);
    const account = await newAccount(request, 'a11y');
    const headers = { Authorization: `Bearer ${account.token}` };
    const conversation = (await (await request.post('/api/v1/conversations', { headers, data: {} })).json()) as { id: string };
    const sent = await request.post(`/api/v1/conversations/${conversation.id}/messages`, {
      headers,
      data: { content: 'A **short** question', model: 'sim?tokens=6' },
    });
    expect(sent.status()).toBe(200);
    await loginInPage(page, account.email, account.password);
    for (const path of [...USER_SCREENS, `/c/${conversation.id}`]) {
      await page.goto(path);
      await expect(page.getByTestId('new-chat')).toBeVisible();
      await settled(page);
      await expectNamed(page, `${path} (${language})`);
    }
  });
}

test("the admin console's screens name every control", async ({ page }) => {
  test.skip(!env.adminPassword, 'no administrator password given');
  await loginInPage(page, env.adminEmail, env.adminPassword);
  for (const path of ADMIN_SCREENS) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Admin console' })).toBeVisible();
    await settled(page);
    await expectNamed(page, path);
  }
});
