import { type InfiniteData, type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Agent, Conversation, Message, Page, SavedContext } from '../../api/types';

export const keys = {
  conversations: ['conversations'] as const,
  conversationList: (archived: boolean, q: string, tag?: string) => ['conversations', 'list', { archived, q, tag }] as const,
  conversation: (id: string) => ['conversations', 'one', id] as const,
  messages: (id: string) => ['messages', id] as const,
  agents: ['agents', 'all'] as const,
  contexts: ['contexts'] as const,
};

const PAGE = 50;

export function useConversationList(archived: boolean, q: string, tag?: string) {
  return useInfiniteQuery({
    queryKey: keys.conversationList(archived, q, tag),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Conversation>>('/api/v1/conversations', {
        query: { limit: PAGE, cursor: pageParam ?? undefined, archived, q: q.trim() || undefined, tag },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: keys.conversation(id ?? ''),
    queryFn: ({ signal }) => api<Conversation>(`/api/v1/conversations/${id}`, { signal }),
    enabled: !!id,
  });
}

const MESSAGE_PAGE = 100;
/** Older pages load on scroll up, at most this many (MESSAGE_PAGE each). */
export const MAX_MESSAGE_PAGES = 50;

export function useMessages(id: string | undefined) {
  return useInfiniteQuery({
    queryKey: keys.messages(id ?? ''),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Message>>(`/api/v1/conversations/${id}/messages`, {
        query: { limit: MESSAGE_PAGE, before: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last, pages) => (pages.length >= MAX_MESSAGE_PAGES ? null : last.next_cursor),
    enabled: !!id,
    staleTime: 0,
  });
}

export function allMessages(data: InfiniteData<Page<Message>> | undefined): Message[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}

/** Every agent the user may pick (bounded: the first 200 of them). */
export function useAgents() {
  return useQuery({
    queryKey: keys.agents,
    queryFn: ({ signal }) => api<Page<Agent>>('/api/v1/agents', { query: { limit: 200 }, signal }).then((page) => page.items),
  });
}

export function useContexts() {
  return useQuery({
    queryKey: keys.contexts,
    queryFn: ({ signal }) => api<SavedContext[] | Page<SavedContext>>('/api/v1/contexts', { signal }).then((body) => (Array.isArray(body) ? body : body.items)),
  });
}

export async function patchConversation(client: QueryClient, id: string, body: { title?: string; pinned?: boolean; archived?: boolean }) {
  const updated = await api<Conversation>(`/api/v1/conversations/${id}`, { method: 'PATCH', body });
  client.setQueryData(keys.conversation(id), updated);
  await client.invalidateQueries({ queryKey: keys.conversations });
  return updated;
}

export async function deleteConversation(client: QueryClient, id: string) {
  await api<void>(`/api/v1/conversations/${id}`, { method: 'DELETE' });
  client.removeQueries({ queryKey: keys.conversation(id) });
  client.removeQueries({ queryKey: keys.messages(id) });
  await client.invalidateQueries({ queryKey: keys.conversations });
}
