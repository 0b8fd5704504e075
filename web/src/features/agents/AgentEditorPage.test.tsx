import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../i18n';
import { saveSession } from '../../api/session';
import { AgentRoutes } from './AgentRoutes';

function renderEditor() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AntApp>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={['/agents/new']}>
          <Routes>
            <Route path="/agents/*" element={<AgentRoutes />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>,
  );
}

describe('the agent editor', () => {
  const sent: unknown[] = [];

  beforeEach(() => {
    sent.length = 0;
    saveSession({
      accessToken: 'token',
      refreshToken: 'refresh',
      accessExpiresAt: Date.now() + 600_000,
      user: {
        id: 'u1',
        email: 'ada@example.com',
        display_name: 'Ada',
        role: 'user',
        status: 'active',
        password_change_required: false,
        created_at: '2026-01-01T00:00:00Z',
        last_login_at: null,
      },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        sent.push(JSON.parse(String(init.body)));
        return new Response(
          JSON.stringify({
            type: 'https://parley.dev/problems/invalid-text',
            title: 'Invalid text',
            status: 400,
            errors: [{ field: 'greetings[1]', message: 'contains a NUL character' }],
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    saveSession(null);
  });

  it('sends a user\'s agent without the administrators\' fields and puts a server error on the field it names', async () => {
    const user = userEvent.setup();
    renderEditor();
    expect(screen.queryByText('Visibility')).toBeNull();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Tutor' } });
    await user.click(screen.getByText('Add a greeting'));
    fireEvent.change(screen.getByLabelText('Greeting 1'), { target: { value: 'Hello' } });
    await user.click(screen.getByText('Add a greeting'));
    fireEvent.change(screen.getByLabelText('Greeting 2'), { target: { value: 'Hi' } });
    await user.click(screen.getByText('Create the agent'));

    expect(await screen.findByText('Not accepted: contains a NUL character')).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('Greeting 2').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Greeting 1').getAttribute('aria-invalid')).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ name: 'Tutor', greetings: ['Hello', 'Hi'] });
    expect(Object.keys(sent[0] as object)).not.toContain('visibility');
    expect(Object.keys(sent[0] as object)).not.toContain('route');
    // antd's whole form in jsdom takes 15-20 s of this test on a shared 2-core machine; the
    // limit only guards against a hang.
  }, 60_000);
});
