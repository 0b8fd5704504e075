import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Agent, Page } from '../../api/types';

/** The agents API (docs/API.md "Agents") as TanStack Query keys and calls. */
export const agentKeys = {
  all: ['agents'] as const,
  list: ['agents', 'list'] as const,
  one: (id: string) => ['agents', 'one', id] as const,
  providers: ['admin', 'providers'] as const,
};

const PAGE_SIZE = 50;

export function useAgentList() {
  return useInfiniteQuery({
    queryKey: agentKeys.list,
    queryFn: ({ pageParam, signal }) =>
      api<Page<Agent>>('/api/v1/agents', { query: { limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useAgent(id: string | undefined) {
  return useQuery({
    queryKey: agentKeys.one(id ?? ''),
    queryFn: ({ signal }) => api<Agent>(`/api/v1/agents/${encodeURIComponent(id!)}`, { signal }),
    enabled: id !== undefined,
  });
}

/** The writable fields of an agent, as sent on create and update. */
export type AgentBody = Partial<Omit<Agent, 'id' | 'owner_id' | 'is_default' | 'created_at' | 'updated_at'>>;

export function createAgent(body: AgentBody): Promise<Agent> {
  return api<Agent>('/api/v1/agents', { method: 'POST', body });
}

export function updateAgent(id: string, body: AgentBody): Promise<Agent> {
  return api<Agent>(`/api/v1/agents/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteAgent(id: string): Promise<void> {
  return api<void>(`/api/v1/agents/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** A provider as the route editor needs it (GET /api/v1/admin/providers; admins only). */
export interface ProviderSummary {
  id: string;
  name: string;
  models: string[];
  enabled: boolean;
  source: string;
}

export function useProviders(enabled: boolean) {
  return useQuery({
    queryKey: agentKeys.providers,
    queryFn: ({ signal }) => api<{ items: ProviderSummary[] }>('/api/v1/admin/providers', { signal }),
    enabled,
    select: (data) => data.items,
  });
}
