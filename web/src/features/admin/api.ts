import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Conversation, Message, Page, Role, User } from '../../api/types';

/** The admin API (docs/API.md, "Administration", "Providers", "Usage"); every call is audited by the server. */

export const ROLES: Role[] = ['admin', 'agent', 'user'];

export interface CreatedUser {
  user: User;
  temporary_password?: string;
}

export interface AuditEntry {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string | null;
  created_at: string;
}

export interface Limits {
  tokens_per_day: number | null;
  requests_per_minute: number | null;
}

export interface RoleQuota extends Limits {
  role: Role;
  updated_at: string | null;
}

export interface UserQuota extends Limits {
  user_id: string;
  email: string | null;
  display_name: string | null;
  updated_at: string | null;
}

export interface Quotas {
  defaults: Limits & { api_key_requests_per_minute?: number | null };
  roles: RoleQuota[];
  users: UserQuota[];
  next_cursor?: string | null;
}

export interface Owner {
  id: string;
  email: string | null;
  display_name: string | null;
}

export type AdminConversation = Conversation & { owner: Owner };

export type KeyStatus = 'ok' | 'rejected' | 'unreadable';

export interface ProviderKey {
  hint: string;
  status: KeyStatus;
  rejected_reason: string | null;
  rejected_at: string | null;
}

export interface Provider {
  id: string;
  name: string;
  protocol: 'openai' | 'anthropic';
  base_url: string;
  api_version: string | null;
  models: string[];
  connect_timeout_ms: number;
  first_token_timeout_ms: number;
  idle_timeout_ms: number;
  request_timeout_ms: number;
  max_concurrency: number | null;
  stream_usage: boolean;
  enabled: boolean;
  api_keys: ProviderKey[];
  source: string;
  read_only: boolean;
  created_at: string | null;
  updated_at: string | null;
}

export interface ProviderWrite {
  name?: string;
  protocol?: 'openai' | 'anthropic';
  base_url?: string;
  api_version?: string;
  api_keys?: string[];
  models?: string[];
  connect_timeout_ms?: number;
  first_token_timeout_ms?: number;
  idle_timeout_ms?: number;
  request_timeout_ms?: number;
  max_concurrency?: number;
  stream_usage?: boolean;
  enabled?: boolean;
}

export interface ConnectionTest {
  ok: boolean;
  latency_ms: number | null;
  model: string | null;
  error: { code: string; message: string; http_status: number | null } | null;
}

export interface Breaker {
  target: string;
  state: 'CLOSED' | 'OPEN' | 'HALF_OPEN';
  failure_rate_percent: number | null;
  recent_calls: number;
  recent_failures: number;
  refused_calls: number;
  last_failure: { at: string; code: string; http_status: number | null; detail: string | null } | null;
}

export interface Totals {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  failovers: number;
  errors: number;
}

export interface Percentiles {
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

export interface Usage {
  from: string;
  to: string;
  total: Totals;
  by_day: (Totals & { day: string; ttft_ms: Percentiles })[];
  by_user: (Totals & { user_id: string; email: string | null; display_name: string | null })[];
  by_agent: (Totals & { agent_id: string | null; agent_name: string | null })[];
  by_model: (Totals & { model: string })[];
  by_provider: (Totals & { provider: string })[];
  ttft_ms: Percentiles & { count: number };
}

export const adminApi = {
  users: (q: string, cursor?: string) =>
    api<Page<User>>('/api/v1/admin/users', { query: { q, cursor, limit: 50 } }),
  user: (id: string) => api<User>(`/api/v1/admin/users/${encodeURIComponent(id)}`),
  createUser: (body: { email: string; display_name?: string; role?: Role; password?: string }) =>
    api<CreatedUser>('/api/v1/admin/users', { method: 'POST', body }),
  updateUser: (id: string, body: { role?: Role; status?: 'active' | 'disabled' }) =>
    api<User>(`/api/v1/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  resetPassword: (id: string) =>
    api<CreatedUser>(`/api/v1/admin/users/${encodeURIComponent(id)}/password-reset`, { method: 'POST' }),
  auditLog: (cursor?: string) => api<Page<AuditEntry>>('/api/v1/admin/audit-log', { query: { cursor, limit: 50 } }),
  quotas: (cursor?: string) => api<Quotas>('/api/v1/admin/quotas', { query: { cursor } }),
  setRoleQuota: (role: Role, body: Limits) =>
    api<RoleQuota>(`/api/v1/admin/quotas/roles/${role}`, { method: 'PUT', body }),
  clearRoleQuota: (role: Role) => api<void>(`/api/v1/admin/quotas/roles/${role}`, { method: 'DELETE' }),
  setUserQuota: (userId: string, body: Limits) =>
    api<UserQuota>(`/api/v1/admin/quotas/users/${encodeURIComponent(userId)}`, { method: 'PUT', body }),
  clearUserQuota: (userId: string) =>
    api<void>(`/api/v1/admin/quotas/users/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  conversations: (q: string, ownerId: string | undefined, cursor?: string) =>
    api<Page<AdminConversation>>('/api/v1/admin/conversations', { query: { q, owner_id: ownerId, cursor, limit: 20 } }),
  conversation: (id: string) => api<AdminConversation>(`/api/v1/admin/conversations/${encodeURIComponent(id)}`),
  conversationMessages: (id: string, before?: string) =>
    api<Page<Message>>(`/api/v1/admin/conversations/${encodeURIComponent(id)}/messages`, {
      query: { before, limit: 200 },
    }),
  providers: () => api<{ items: Provider[] }>('/api/v1/admin/providers'),
  createProvider: (body: ProviderWrite) => api<Provider>('/api/v1/admin/providers', { method: 'POST', body }),
  updateProvider: (id: string, body: ProviderWrite) =>
    api<Provider>(`/api/v1/admin/providers/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  deleteProvider: (id: string) => api<void>(`/api/v1/admin/providers/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  testProvider: (id: string) =>
    api<ConnectionTest>(`/api/v1/admin/providers/${encodeURIComponent(id)}/test`, { method: 'POST' }),
  breakers: () => api<Breaker[]>('/api/v1/admin/routing/breakers'),
  usage: (from: string, to: string) => api<Usage>('/api/v1/admin/usage', { query: { from, to, limit: 10 } }),
};

/** A cursor-paged list as one growing array with "load more". */
export function useCursorList<T>(key: unknown[], load: (cursor?: string) => Promise<Page<T>>, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => load(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}
