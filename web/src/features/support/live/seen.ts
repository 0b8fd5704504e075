import { useSyncExternalStore } from 'react';
import type { SupportConversation } from '../api';

/**
 * When this browser last showed each conversation to the agent (localStorage, bounded): a
 * conversation whose customer wrote since then has an unread dot.
 */
const KEY = 'parley.support.seen';
const MAX = 500;
const listeners = new Set<() => void>();
let cache: Record<string, string> | null = null;
let version = 0;

function read(): Record<string, string> {
  if (cache) return cache;
  try {
    cache = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, string>;
  } catch {
    cache = {};
  }
  return cache;
}

export function markRead(conversationId: string, at: string = new Date().toISOString()) {
  const all = { ...read() };
  if (all[conversationId] && all[conversationId] >= at) return;
  all[conversationId] = at;
  const ids = Object.keys(all);
  if (ids.length > MAX) {
    for (const id of ids.sort((a, b) => all[a].localeCompare(all[b])).slice(0, ids.length - MAX)) delete all[id];
  }
  cache = all;
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // storage full or unavailable: the dots are a convenience
  }
  version += 1;
  for (const listener of listeners) listener();
}

/** Unread: the newest message is the customer's and came after the agent last saw the conversation. */
export function isUnread(conversation: SupportConversation, seenAt: string | undefined): boolean {
  const last = conversation.last_message;
  if (!last || last.role !== 'user') return false;
  return !seenAt || last.created_at > seenAt;
}

export function useSeen(): Record<string, string> {
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
  return read();
}
