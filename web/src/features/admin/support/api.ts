import { api } from '../../../api/client';
import type { Page } from '../../../api/types';

/** The customer-service part of the admin API (/api/v1/admin/support, docs/API.md). */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Per weekday, its opening ranges as ["09:00", "18:00"] pairs; null: always open. */
export type BusinessHours = Partial<Record<Weekday, [string, string][]>> | null;

export interface Inbox {
  id: string;
  name: string;
  agent_id: string | null;
  greeting: string | null;
  handoff_message: string | null;
  handoff_keywords: string[];
  handoff_after_failures: number;
  business_hours: BusinessHours;
  time_zone: string;
  identity_required: boolean;
  hmac_secret: string;
  auto_assign: boolean;
  agent_capacity: number;
  allowed_origins: string[];
  member_ids: string[];
  widget_snippet: string;
  created_at: string;
  updated_at: string;
}

/**
 * An inbox to create or the fields to change; an absent field stays as it is, so the bot and the
 * business hours are cleared with `clear_agent` and `clear_business_hours`, a text with "".
 */
export type InboxWrite = Partial<Omit<Inbox, 'id' | 'hmac_secret' | 'widget_snippet' | 'created_at' | 'updated_at' | 'greeting' | 'handoff_message'>> & {
  greeting?: string;
  handoff_message?: string;
  clear_agent?: boolean;
  clear_business_hours?: boolean;
};

export interface AdminTeam {
  id: string;
  name: string;
  member_ids: string[];
}

export interface ReportRow {
  key: string;
  label: string;
  conversations: number;
  handed_off: number;
  bot_resolved: number;
  resolved: number;
  handoff_rate: number | null;
  bot_resolved_rate: number | null;
  first_response_seconds_avg: number | null;
  first_response_seconds_p50: number | null;
  resolution_seconds_avg: number | null;
}

export type GroupBy = 'inbox' | 'agent' | 'day';

export interface Report {
  items: ReportRow[];
  totals: Omit<ReportRow, 'key' | 'label'> & Partial<Pick<ReportRow, 'key' | 'label'>>;
}

/** The events a webhook may ask for (the server's SupportEvent.TYPES). */
export const WEBHOOK_EVENTS = [
  'conversation.created',
  'conversation.status_changed',
  'conversation.updated',
  'assignee.changed',
  'message.created',
  'message.updated',
  'conversation.bot_handoff',
] as const;

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  /** Write-only on the server: shown, when at all, only once. */
  secret?: string | null;
  created_at?: string;
  updated_at?: string;
}

export interface Delivery {
  id: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}

const base = '/api/v1/admin/support';
const id = (value: string) => encodeURIComponent(value);

export const supportAdminApi = {
  inboxes: () => api<{ items: Inbox[] }>(`${base}/inboxes`).then((body) => body.items),
  inbox: (inboxId: string) => api<Inbox>(`${base}/inboxes/${id(inboxId)}`),
  createInbox: (body: InboxWrite) => api<Inbox>(`${base}/inboxes`, { method: 'POST', body }),
  updateInbox: (inboxId: string, body: InboxWrite) => api<Inbox>(`${base}/inboxes/${id(inboxId)}`, { method: 'PATCH', body }),
  deleteInbox: (inboxId: string) => api<void>(`${base}/inboxes/${id(inboxId)}`, { method: 'DELETE' }),
  rotateSecret: (inboxId: string) => api<Inbox>(`${base}/inboxes/${id(inboxId)}/secret`, { method: 'POST' }),
  teams: () => api<{ items: AdminTeam[] }>(`${base}/teams`).then((body) => body.items),
  createTeam: (body: { name: string; member_ids: string[] }) => api<AdminTeam>(`${base}/teams`, { method: 'POST', body }),
  updateTeam: (teamId: string, body: { name?: string; member_ids?: string[] }) =>
    api<AdminTeam>(`${base}/teams/${id(teamId)}`, { method: 'PATCH', body }),
  deleteTeam: (teamId: string) => api<void>(`${base}/teams/${id(teamId)}`, { method: 'DELETE' }),
  report: (from: string, to: string, groupBy: GroupBy) => api<Report>(`${base}/reports`, { query: { from, to, group_by: groupBy } }),
  webhooks: () => api<{ items: Webhook[] }>(`${base}/webhooks`).then((body) => body.items),
  createWebhook: (body: { url: string; events: string[]; secret?: string; active: boolean }) =>
    api<Webhook>(`${base}/webhooks`, { method: 'POST', body }),
  updateWebhook: (webhookId: string, body: { url?: string; events?: string[]; secret?: string; active?: boolean }) =>
    api<Webhook>(`${base}/webhooks/${id(webhookId)}`, { method: 'PATCH', body }),
  deleteWebhook: (webhookId: string) => api<void>(`${base}/webhooks/${id(webhookId)}`, { method: 'DELETE' }),
  deliveries: (webhookId: string, cursor?: string) =>
    api<Page<Delivery>>(`${base}/webhooks/${id(webhookId)}/deliveries`, { query: { cursor, limit: 50 } }),
};
