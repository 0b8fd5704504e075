import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import { saveSession } from '../../../api/session';
import { supportConversation } from '../test/fixtures';
import { applySupportEvent } from '../live/cache';
import { supportEventOf } from '../live/events';
import { ConversationList } from './ConversationList';
import { useInboxFilter } from './filter';

function Harness() {
  const [filter, setFilter] = useInboxFilter();
  return <ConversationList filter={filter} onChange={setFilter} />;
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('the inbox list', () => {
  const asked: URL[] = [];
  let client: QueryClient;

  beforeEach(() => {
    asked.length = 0;
    saveSession({
      accessToken: 'token',
      refreshToken: 'refresh',
      accessExpiresAt: Date.now() + 600_000,
      user: {
        id: 'agent-me',
        email: 'ada@example.com',
        display_name: 'Ada',
        role: 'agent',
        status: 'active',
        password_change_required: false,
        created_at: '2026-01-01T00:00:00Z',
        last_login_at: null,
      },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        const url = new URL(input, 'http://localhost');
        asked.push(url);
        if (url.pathname === '/api/v1/support/conversations/counts')
          return json({ mine: 2, unassigned: 5, all: 9, by_status: { open: 2, pending: 1, resolved: 3, snoozed: 0 } });
        if (url.pathname === '/api/v1/support/conversations') {
          const tab = url.searchParams.get('assignee');
          const items =
            tab === 'unassigned'
              ? [
                  supportConversation('u1', {
                    contact: { id: 'c1', name: 'Grace Hopper', email: null },
                    priority: 'urgent',
                    last_message: { role: 'user', content: 'My order never came', created_at: '2026-12-03T10:00:00Z' },
                  }),
                ]
              : [supportConversation('m1', { contact: { id: 'c2', name: 'Alan Turing', email: null }, handler: 'human' })];
          return json({ items, next_cursor: null });
        }
        return json({ items: [] });
      }),
    );
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    saveSession(null);
    localStorage.clear();
  });

  it('shows the tabs with their counts, lists the chosen tab and follows the socket', async () => {
    const user = userEvent.setup();
    render(
      <AntApp>
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={['/support']}>
            <Harness />
          </MemoryRouter>
        </QueryClientProvider>
      </AntApp>,
    );

    await waitFor(() => expect(screen.getByTestId('tab-unassigned').textContent).toBe('Unassigned5'));
    expect(screen.getByTestId('tab-mine').textContent).toBe('Mine2');
    expect(screen.getByTestId('tab-all').textContent).toBe('All9');
    expect(screen.getByRole('tab', { name: 'Mine 2', selected: true })).toBeTruthy();
    expect(await screen.findByText('Alan Turing')).toBeTruthy();
    const first = asked.find((url) => url.pathname === '/api/v1/support/conversations')!;
    expect(first.searchParams.get('assignee')).toBe('mine');
    expect(first.searchParams.get('status')).toBe('open');

    await user.click(screen.getByRole('tab', { name: 'Unassigned 5' }));
    const row = (await screen.findByText('Grace Hopper')).closest('a')!;
    expect(row.getAttribute('href')).toBe('/support/u1?tab=unassigned');
    expect(within(row).getByText('My order never came')).toBeTruthy();
    expect(within(row).getByText('Urgent')).toBeTruthy();
    expect(within(row).getByText('Bot')).toBeTruthy();
    expect(within(row).getByRole('img', { name: 'Unread' })).toBeTruthy();
    expect(asked.filter((url) => url.pathname === '/api/v1/support/conversations').at(-1)!.searchParams.get('assignee')).toBe('unassigned');

    // A visitor starts a conversation: it appears on top and is counted, without reading the list again.
    const reads = asked.length;
    act(() =>
      applySupportEvent(
        client,
        supportEventOf({
          type: 'conversation.created',
          data: {
            conversation: supportConversation('u2', {
              contact: { id: 'c3', name: 'Ada Lovelace', email: null },
              updated_at: '2026-12-03T11:00:00Z',
            }),
          },
        })!,
        'agent-me',
      ),
    );
    await waitFor(() => expect(screen.getByTestId('tab-unassigned').textContent).toBe('Unassigned6'));
    const rows = screen.getAllByTestId('support-row').map((element) => element.textContent);
    expect(rows[0]).toContain('Ada Lovelace');
    expect(rows[1]).toContain('Grace Hopper');
    expect(screen.getByTestId('tab-all').textContent).toBe('All10');
    expect(asked.length).toBe(reads);
  }, 20_000);
});
