import { type InfiniteData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../../api/types';
import { type CountsFilter, type ListFilter, supportApi, type SupportConversation, type TimelineEntry } from './api';

/** The support feature's query keys: everything under ['support'], so a reconnect invalidates it all at once. */
export const supportKeys = {
  all: ['support'] as const,
  lists: ['support', 'list'] as const,
  list: (filter: ListFilter) => ['support', 'list', filter] as const,
  countsAll: ['support', 'counts'] as const,
  counts: (filter: CountsFilter) => ['support', 'counts', filter] as const,
  conversation: (id: string) => ['support', 'conversation', id] as const,
  timeline: (id: string) => ['support', 'timeline', id] as const,
  agents: ['support', 'agents'] as const,
  me: ['support', 'me'] as const,
  teams: ['support', 'teams'] as const,
  inboxes: ['support', 'inboxes'] as const,
  canned: (q: string) => ['support', 'canned', q] as const,
  contact: (id: string) => ['support', 'contact', id] as const,
  contactConversations: (id: string) => ['support', 'contact-conversations', id] as const,
};

export type ListData = InfiniteData<Page<SupportConversation>>;
export type TimelineData = InfiniteData<Page<TimelineEntry>>;

/** Drops the filters that are not set, so equal filters make equal keys. */
export function cleanFilter<T extends Partial<ListFilter>>(filter: T): T {
  const clean = {} as T;
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') (clean as Record<string, unknown>)[key] = value;
  }
  return clean;
}

export function useSupportList(filter: ListFilter) {
  return useInfiniteQuery({
    queryKey: supportKeys.list(filter),
    queryFn: ({ pageParam, signal }) => supportApi.conversations(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // The socket keeps it current; a reconnect invalidates it.
    staleTime: 60_000,
  });
}

export function useCounts(filter: CountsFilter) {
  return useQuery({ queryKey: supportKeys.counts(filter), queryFn: ({ signal }) => supportApi.counts(filter, signal), staleTime: 60_000 });
}

export function useSupportConversation(id: string | undefined) {
  return useQuery({
    queryKey: supportKeys.conversation(id ?? ''),
    queryFn: ({ signal }) => supportApi.conversation(id!, signal),
    enabled: !!id,
  });
}

export function useTimeline(id: string | undefined) {
  return useInfiniteQuery({
    queryKey: supportKeys.timeline(id ?? ''),
    queryFn: ({ pageParam, signal }) => supportApi.timeline(id!, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: !!id,
    staleTime: 60_000,
  });
}

/** Oldest first, as the timeline reads; pages come newest first. */
export function timelineEntries(data: TimelineData | undefined): TimelineEntry[] {
  if (!data) return [];
  return data.pages.flatMap((page) => page.items).slice().reverse();
}

export function useAgents() {
  return useQuery({ queryKey: supportKeys.agents, queryFn: ({ signal }) => supportApi.agents(signal), staleTime: 30_000 });
}

export function useMe(enabled = true) {
  return useQuery({ queryKey: supportKeys.me, queryFn: ({ signal }) => supportApi.me(signal), enabled, staleTime: 60_000 });
}

export function useTeams() {
  return useQuery({ queryKey: supportKeys.teams, queryFn: ({ signal }) => supportApi.teams(signal), staleTime: 60_000 });
}

export function useInboxes() {
  return useQuery({ queryKey: supportKeys.inboxes, queryFn: ({ signal }) => supportApi.inboxes(signal), staleTime: 60_000 });
}

export function useCanned(q: string | null) {
  return useQuery({
    queryKey: supportKeys.canned(q ?? ''),
    queryFn: ({ signal }) => supportApi.canned(q ?? '', signal),
    enabled: q !== null,
    staleTime: 30_000,
  });
}

export function useContact(id: string | undefined) {
  return useQuery({ queryKey: supportKeys.contact(id ?? ''), queryFn: ({ signal }) => supportApi.contact(id!, signal), enabled: !!id });
}

export function useContactConversations(id: string | undefined) {
  return useQuery({
    queryKey: supportKeys.contactConversations(id ?? ''),
    queryFn: ({ signal }) => supportApi.contactConversations(id!, signal),
    enabled: !!id,
  });
}
