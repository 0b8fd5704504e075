import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the runner (WebAppIT or e2e/dev-server.sh) tells the tests. */
export const env = {
  adminEmail: process.env.PARLEY_ADMIN_EMAIL ?? 'root@example.com',
  adminPassword: process.env.PARLEY_ADMIN_PASSWORD ?? '',
  /** The simulated provider's OpenAI base URL (http://127.0.0.1:<port>/v1), for providers made in the tests. */
  simulatorUrl: process.env.SIMULATOR_URL ?? 'http://127.0.0.1:19090/v1',
  simulatorKey: process.env.SIMULATOR_KEY ?? '',
};

export const PASSWORD = 'Quiet-River-2026';

/** The simulator's reply of n tokens: "alpha beta gamma ..." each followed by a space. */
const WORDS = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi'.split(' ');
export function simulatedText(tokens: number): string {
  let text = '';
  for (let i = 0; i < tokens; i++) text += `${WORDS[i % WORDS.length]} `;
  return text;
}

/** A model name that makes the simulator answer `tokens` words, one every `delayMs`. */
export function simModel(tokens: number, delayMs = 0): string {
  return `sim?tokens=${tokens}&delay=${delayMs}`;
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

export interface Account {
  email: string;
  password: string;
  token: string;
}

/** Registers a fresh user through the API and logs them in (API only, no page). */
export async function newAccount(request: APIRequestContext, prefix = 'user'): Promise<Account> {
  const email = uniqueEmail(prefix);
  const registered = await request.post('/api/v1/auth/register', { data: { email, password: PASSWORD, display_name: prefix } });
  expect(registered.status(), await registered.text()).toBe(201);
  return { email, password: PASSWORD, token: await apiLogin(request, email, PASSWORD) };
}

export async function apiLogin(request: APIRequestContext, email: string, password: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function adminToken(request: APIRequestContext): Promise<string> {
  return apiLogin(request, env.adminEmail, env.adminPassword);
}

/** Logs in through the login page and waits for the app's frame. */
export async function loginInPage(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel(/e-mail|邮箱/i).fill(email);
  await page.getByLabel(/^password$|^密码$/i).fill(password);
  await page.getByRole('button', { name: /^log in$|^登录$/i }).click();
  await expect(page.getByTestId('new-chat')).toBeVisible();
}

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');

/**
 * Saves a screenshot of the page as docs/screenshots/<name>.png when PARLEY_SCREENSHOTS=1 (the
 * README shows them), so a normal test run leaves the tree untouched.
 */
export async function screenshot(page: Page, name: string) {
  if (process.env.PARLEY_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false, animations: 'disabled' });
}
