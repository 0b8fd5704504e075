import { api } from '../../api/client';
import type { Page } from '../../api/types';

/** The agents' support API (/api/v1/support, see docs/API.md "Customer service"). */

export const STATUSES = ['open', 'pending', 'resolved', 'snoozed'] as const;
export type SupportStatus = (typeof STATUSES)[number];
export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const AVAILABILITIES = ['online', 'busy', 'offline'] as const;
export type Availability = (typeof AVAILABILITIES)[number];
export type Handler = 'bot' | 'human';
export type AssigneeTab = 'mine' | 'unassigned' | 'all';

export interface Named {
  id: string;
  name: string;
}

export interface SupportConversation {
  id: string;
  inbox_id: string;
  inbox_name: string;
  contact: { id: string; name: string | null; email: string | null };
  status: SupportStatus;
  priority: Priority;
  handler: Handler;
  assignee: Named | null;
  team: Named | null;
  labels: string[];
  waiting_since: string | null;
  first_reply_at: string | null;
  snoozed_until: string | null;
  last_message: { role: string; content: string; created_at: string } | null;
  created_at: string;
  updated_at: string;
}

export interface TimelineEntry {
  id: string;
  kind: 'message' | 'activity' | 'note';
  role?: 'user' | 'assistant' | 'agent' | null;
  content: string;
  status?: string | null;
  event?: string | null;
  actor?: Named | null;
  created_at: string;
}

export interface Counts {
  mine: number;
  unassigned: number;
  all: number;
  by_status: Record<SupportStatus, number>;
}

/** What the list shows: the tab, and the filters beside it. */
export interface ListFilter {
  assignee: AssigneeTab;
  status: SupportStatus | 'all';
  inbox_id?: string;
  team_id?: string;
  label?: string;
  priority?: Priority;
}

/** The counts' filters: the list's; the tab chooses whose conversations the counts by status are of. */
export type CountsFilter = ListFilter;

export interface CannedResponse {
  id: string;
  short_code: string;
  content: string;
}

export interface Contact {
  id: string;
  name: string | null;
  /** The name, else the e-mail, else a made-up one ("Visitor 3f2a"). */
  display_name?: string | null;
  email: string | null;
  phone: string | null;
  identifier: string | null;
  attributes: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface SupportAgent {
  id: string;
  name: string;
  email: string;
  role: string;
  availability: Availability;
  open_conversations?: number;
}

export interface Me {
  id: string;
  name: string;
  availability: Availability;
  team_ids: string[];
  inbox_ids: string[];
}

export interface Team {
  id: string;
  name: string;
  member_ids: string[];
}

export interface ConversationPatch {
  status?: SupportStatus;
  priority?: Priority;
  labels?: string[];
  snoozed_until?: string | null;
}

const base = '/api/v1/support';
const one = (id: string) => `${base}/conversations/${encodeURIComponent(id)}`;

function listQuery(filter: Partial<ListFilter>) {
  return {
    status: filter.status,
    assignee: filter.assignee,
    inbox_id: filter.inbox_id,
    team_id: filter.team_id,
    label: filter.label,
    priority: filter.priority,
  };
}

export const supportApi = {
  conversations: (filter: ListFilter, cursor: string | undefined, signal?: AbortSignal) =>
    api<Page<SupportConversation>>(`${base}/conversations`, { query: { ...listQuery(filter), cursor, limit: 30 }, signal }),
  counts: (filter: CountsFilter, signal?: AbortSignal) =>
    api<Counts>(`${base}/conversations/counts`, { query: listQuery(filter), signal }),
  conversation: (id: string, signal?: AbortSignal) => api<SupportConversation>(one(id), { signal }),
  timeline: (id: string, before: string | undefined, signal?: AbortSignal) =>
    api<Page<TimelineEntry>>(`${one(id)}/timeline`, { query: { before, limit: 50 }, signal }),
  reply: (id: string, content: string) => api<TimelineEntry>(`${one(id)}/messages`, { method: 'POST', body: { content } }),
  note: (id: string, content: string) => api<TimelineEntry>(`${one(id)}/notes`, { method: 'POST', body: { content } }),
  assign: (id: string, body: { assignee_id: string | null; team_id: string | null }) =>
    api<SupportConversation>(`${one(id)}/assign`, { method: 'POST', body }),
  handoff: (id: string, body: { to: Handler; team_id?: string; assignee_id?: string }) =>
    api<SupportConversation>(`${one(id)}/handoff`, { method: 'POST', body }),
  patch: (id: string, body: ConversationPatch) => api<SupportConversation>(one(id), { method: 'PATCH', body }),
  typing: (id: string, typing: boolean) => api<void>(`${one(id)}/typing`, { method: 'POST', body: { typing } }),
  canned: (q: string, signal?: AbortSignal) =>
    api<{ items: CannedResponse[] }>(`${base}/canned-responses`, { query: { q }, signal }).then((body) => body.items),
  createCanned: (body: { short_code: string; content: string }) =>
    api<CannedResponse>(`${base}/canned-responses`, { method: 'POST', body }),
  updateCanned: (id: string, body: { short_code?: string; content?: string }) =>
    api<CannedResponse>(`${base}/canned-responses/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  deleteCanned: (id: string) => api<void>(`${base}/canned-responses/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  contacts: (q: string, cursor?: string, signal?: AbortSignal) =>
    api<Page<Contact>>(`${base}/contacts`, { query: { q, cursor, limit: 20 }, signal }),
  contact: (id: string, signal?: AbortSignal) => api<Contact>(`${base}/contacts/${encodeURIComponent(id)}`, { signal }),
  updateContact: (id: string, body: { name?: string; email?: string; phone?: string; attributes?: Record<string, unknown> }) =>
    api<Contact>(`${base}/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  contactConversations: (id: string, signal?: AbortSignal) =>
    api<Page<SupportConversation> | { items: SupportConversation[] }>(`${base}/contacts/${encodeURIComponent(id)}/conversations`, {
      signal,
    }).then((body) => body.items),
  mergeContact: (id: string, fromContactId: string) =>
    api<Contact>(`${base}/contacts/${encodeURIComponent(id)}/merge`, { method: 'POST', body: { from_contact_id: fromContactId } }),
  agents: (signal?: AbortSignal) => api<{ items: SupportAgent[] }>(`${base}/agents`, { signal }).then((body) => body.items),
  me: (signal?: AbortSignal) => api<Me>(`${base}/agents/me`, { signal }),
  setAvailability: (availability: Availability) =>
    api<{ availability: Availability }>(`${base}/agents/me/availability`, { method: 'PUT', body: { availability } }),
  teams: (signal?: AbortSignal) => api<{ items: Team[] }>(`${base}/teams`, { signal }).then((body) => body.items),
  inboxes: (signal?: AbortSignal) => api<{ items: Named[] }>(`${base}/inboxes`, { signal }).then((body) => body.items),
};
