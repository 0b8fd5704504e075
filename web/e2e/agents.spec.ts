import { expect, type Page, test } from '@playwright/test';
import { adminToken, env, loginInPage, newAccount, screenshot } from './fixtures';

interface AgentJson {
  id: string;
  name: string;
  description: string | null;
  greetings: string[];
  suggested_questions: string[];
  visibility: string;
  visible_roles: string[];
  route: { provider_id: string; model: string; weight: number }[];
  is_default: boolean;
  system_prompt: string | null;
  preset_messages: { role: string; content: string }[];
}

const GREETING = 'Hello! What shall we learn today?';
const QUESTIONS = ['Explain photosynthesis', 'What is a prime number?'];

async function agentNamed(page: Page, token: string, name: string): Promise<AgentJson | undefined> {
  const response = await page.request.get('/api/v1/agents?limit=200', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: AgentJson[] };
  return items.find((agent) => agent.name === name);
}

test('a user creates a private agent, sees it listed, edits it, starts a chat from it and deletes it', async ({ page }) => {
  const account = await newAccount(page.request, 'agents');
  await loginInPage(page, account.email, account.password);
  await page.getByRole('link', { name: 'Agents' }).click();
  await expect(page.getByRole('heading', { name: 'Agents', level: 2 })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Default' })).toBeVisible();

  await page.getByRole('button', { name: 'New agent' }).click();
  await expect(page).toHaveURL(/\/agents\/new$/);
  const name = `Tutor ${Date.now().toString(36)}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Description').fill('Explains things slowly.');
  await page.getByLabel('System prompt').fill('You are a patient tutor.');
  await page.getByRole('button', { name: 'Add a message' }).click();
  await page.getByLabel('Text of message 1').fill('Teach me fractions.');
  await page.getByRole('button', { name: 'Add a message' }).click();
  await page.getByLabel('Text of message 2').fill('Happily: a fraction is a part of a whole.');
  await page.getByRole('button', { name: 'Add a greeting' }).click();
  await page.getByLabel('Greeting 1', { exact: true }).fill(GREETING);
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByLabel('Suggested question 1', { exact: true }).fill(QUESTIONS[0]);
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByLabel('Suggested question 2', { exact: true }).fill(QUESTIONS[1]);
  await page.getByLabel('Temperature (0–2)').fill('0.4');
  // A user (not an administrator) sees no visibility or route settings.
  await expect(page.getByText('Visibility')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a target' })).toHaveCount(0);
  await page.getByText('Prompt', { exact: true }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'agent-editor-en-light');
  await page.getByRole('button', { name: 'Create the agent' }).click();

  await expect(page).toHaveURL(/\/agents$/);
  const card = page.getByRole('listitem', { name });
  await expect(card).toBeVisible();
  await expect(card.getByText('Private', { exact: true })).toBeVisible();
  await expect(card.getByText('Explains things slowly.')).toBeVisible();
  const stored = await agentNamed(page, account.token, name);
  expect(stored).toMatchObject({
    description: 'Explains things slowly.',
    system_prompt: 'You are a patient tutor.',
    preset_messages: [
      { role: 'user', content: 'Teach me fractions.' },
      { role: 'assistant', content: 'Happily: a fraction is a part of a whole.' },
    ],
    greetings: [GREETING],
    suggested_questions: QUESTIONS,
    visibility: 'private',
    route: [],
    is_default: false,
  });
  // Nobody else's agent (the default one) can be edited or deleted by a user.
  await expect(page.getByRole('listitem', { name: 'Default' }).getByRole('button', { name: /^Edit/ })).toHaveCount(0);

  await card.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${stored!.id}$`));
  await expect(page.getByLabel('Greeting 1', { exact: true })).toHaveValue(GREETING);
  await expect(page.getByLabel('Suggested question 2', { exact: true })).toHaveValue(QUESTIONS[1]);
  await page.getByLabel('Description').fill('Explains things very slowly.');
  await page.getByRole('button', { name: 'Remove Suggested question 1' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/\/agents$/);
  await expect(card.getByText('Explains things very slowly.')).toBeVisible();
  expect(await agentNamed(page, account.token, name)).toMatchObject({
    description: 'Explains things very slowly.',
    greetings: [GREETING],
    suggested_questions: [QUESTIONS[1]],
  });

  await card.getByRole('button', { name: `Start a chat with ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?agent=${stored!.id}$`));

  await page.goto('/agents');
  await expect(page.getByRole('listitem', { name })).toBeVisible();
  await screenshot(page, 'agents-en-light');
  await page.getByRole('listitem', { name }).getByRole('button', { name: `Delete ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Delete the agent "${name}"?`);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('listitem', { name })).toHaveCount(0);
  const gone = await page.request.get(`/api/v1/agents/${stored!.id}`, { headers: { Authorization: `Bearer ${account.token}` } });
  expect(gone.status()).toBe(404);
});

test('the server\'s errors are shown on the fields they name', async ({ page }) => {
  const account = await newAccount(page.request, 'agenterr');
  const taken = `Taken ${Date.now().toString(36)}`;
  const created = await page.request.post('/api/v1/agents', { data: { name: taken }, headers: { Authorization: `Bearer ${account.token}` } });
  expect(created.status()).toBe(201);
  await loginInPage(page, account.email, account.password);
  await page.goto('/agents/new');

  // Client-side rules first: nothing is sent.
  await page.getByRole('button', { name: 'Add a greeting' }).click();
  await page.getByRole('button', { name: 'Create the agent' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/Enter a name\./);
  await expect(page.getByLabel('Greeting 1', { exact: true })).toHaveAccessibleDescription(/Fill this in or remove it\./);

  // 409 agent-name-taken lands on the name.
  await page.getByLabel('Name', { exact: true }).fill(taken.toUpperCase());
  await page.getByLabel('Greeting 1', { exact: true }).fill('Hi');
  await page.getByRole('button', { name: 'Create the agent' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/An agent with this name already exists/);
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // A 400 naming greetings[1] (a NUL character, which only the server refuses) lands on the second greeting.
  const name = `Fresh ${Date.now().toString(36)}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Add a greeting' }).click();
  await page.getByLabel('Greeting 2', { exact: true }).fill('bad\u0000text');
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/v1/agents') && response.request().method() === 'POST');
  await page.getByRole('button', { name: 'Create the agent' }).click();
  const refused = await answer;
  expect(refused.status()).toBe(400);
  const problem = (await refused.json()) as { errors: { field: string }[] };
  expect(problem.errors.map((error) => error.field)).toEqual(['greetings[1]']);
  await expect(page.getByLabel('Greeting 2', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Greeting 1', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/agents\/new$/);
  expect(await agentNamed(page, account.token, name)).toBeUndefined();
});

test('an administrator makes a public agent with a route, and the default agent cannot be deleted', async ({ page }) => {
  test.skip(!env.adminPassword, 'no administrator password given');
  const token = await adminToken(page.request);
  await loginInPage(page, env.adminEmail, env.adminPassword);
  await page.goto('/agents/new');
  const name = `Routed ${Date.now().toString(36)}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  const visibility = page.getByRole('radiogroup', { name: 'Visibility' });
  await visibility.getByText('Some roles', { exact: true }).click();
  const providers = (await (await page.request.get('/api/v1/admin/providers', { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    items: { id: string; name: string; models: string[] }[];
  };
  const provider = providers.items[0];
  await page.getByRole('button', { name: 'Add a target' }).click();
  await page.getByLabel('Provider of target 1').click();
  // The select lists the configured providers (GET /api/v1/admin/providers).
  await page.locator('.ant-select-item-option').getByText(provider.name, { exact: true }).click();
  await page.getByLabel('Model of target 1').fill('sim?tokens=3&delay=0');
  await page.getByLabel('Weight of target 1').fill('5');
  await page.getByRole('button', { name: 'Create the agent' }).click();
  await expect(page.getByText('Choose at least one role.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Users' }).check();
  await page.getByRole('button', { name: 'Create the agent' }).click();
  await expect(page).toHaveURL(/\/agents$/);
  const card = page.getByRole('listitem', { name });
  await expect(card.getByText('Some roles', { exact: true })).toBeVisible();
  await expect(card.getByText('Users', { exact: true })).toBeVisible();
  const stored = await agentNamed(page, token, name);
  expect(stored).toMatchObject({
    visibility: 'roles',
    visible_roles: ['user'],
    route: [{ provider_id: provider.id, model: 'sim?tokens=3&delay=0', weight: 5 }],
  });

  // Made public from its editor, the route kept.
  await card.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(page.getByLabel('Model of target 1')).toHaveValue('sim?tokens=3&delay=0');
  await page.getByRole('radiogroup', { name: 'Visibility' }).getByText('Public', { exact: true }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(card.getByText('Public', { exact: true })).toBeVisible();
  expect(await agentNamed(page, token, name)).toMatchObject({ visibility: 'public', visible_roles: [], route: stored!.route });

  await page.getByRole('listitem', { name: 'Default' }).getByRole('button', { name: 'Delete Default' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'default agent' })).toHaveText('The default agent cannot be deleted. You can edit it instead.');
  await expect(page.getByRole('listitem', { name: 'Default' })).toBeVisible();

  await card.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('listitem', { name })).toHaveCount(0);
});

test('a chat started from an agent shows its greeting and suggested questions', async ({ page }) => {
  const account = await newAccount(page.request, 'greet');
  const created = await page.request.post('/api/v1/agents', {
    data: { name: `Greeter ${Date.now().toString(36)}`, greetings: [GREETING], suggested_questions: QUESTIONS },
    headers: { Authorization: `Bearer ${account.token}` },
  });
  const agent = (await created.json()) as AgentJson;
  await loginInPage(page, account.email, account.password);
  await page.goto('/agents');
  await page.getByRole('button', { name: `Start a chat with ${agent.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?agent=${agent.id}$`));
  await expect(page.getByText(GREETING)).toBeVisible();
  for (const question of QUESTIONS) await expect(page.getByRole('button', { name: question })).toBeVisible();
});
