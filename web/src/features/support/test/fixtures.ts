// Test data only: imported by the support feature's tests, never by the app.
import type { SupportConversation, TimelineEntry } from '../api';

/** A support conversation as the API answers it, for unit tests; `change` overrides any field. */
export function supportConversation(id: string, change: Partial<SupportConversation> = {}): SupportConversation {
  return {
    id,
    inbox_id: 'inbox-1',
    inbox_name: 'Website',
    contact: { id: `contact-${id}`, name: `Customer ${id}`, email: null },
    status: 'open',
    priority: 'medium',
    handler: 'bot',
    assignee: null,
    team: null,
    labels: [],
    waiting_since: null,
    first_reply_at: null,
    snoozed_until: null,
    last_message: null,
    created_at: '2026-12-03T10:00:00Z',
    updated_at: '2026-12-03T10:00:00Z',
    ...change,
  };
}

export function timelineEntry(id: string, change: Partial<TimelineEntry> = {}): TimelineEntry {
  return { id, kind: 'message', role: 'user', content: id, actor: null, created_at: '2026-12-03T10:00:00Z', ...change };
}
