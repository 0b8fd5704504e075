import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Agent, Page } from '../../../api/types';
import { supportApi } from '../../support/api';

/** The people who can work in an inbox or a team: support agents and administrators. */
export function useStaff() {
  return useQuery({ queryKey: ['admin', 'support', 'staff'], queryFn: () => supportApi.agents(), staleTime: 30_000 });
}

/** The chat agents an inbox's bot can be (the first 200). */
export function useBotAgents() {
  return useQuery({
    queryKey: ['admin', 'support', 'bot-agents'],
    queryFn: () => api<Page<Agent>>('/api/v1/agents', { query: { limit: 200 } }).then((page) => page.items),
    staleTime: 60_000,
  });
}

export function staffOptions(staff: { id: string; name: string; email: string }[] | undefined) {
  return (staff ?? []).map((person) => ({ value: person.id, label: person.name ? `${person.name} (${person.email})` : person.email }));
}
