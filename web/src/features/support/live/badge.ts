import { useSyncExternalStore } from 'react';

/**
 * The handed-off conversations the agent was told about and has not opened yet: their number
 * prefixes the page's title, "(2) Parley", until they are opened.
 */
const unseen = new Set<string>();
const listeners = new Set<() => void>();
let count = 0;

function changed() {
  count = unseen.size;
  for (const listener of listeners) listener();
}

/** "(n) title", or the title alone for 0; an earlier count on the title is replaced. */
export function titleWithCount(title: string, n: number): string {
  const bare = title.replace(/^\(\d+\)\s+/, '');
  return n > 0 ? `(${n}) ${bare}` : bare;
}

export function markUnseen(conversationId: string) {
  if (unseen.has(conversationId)) return;
  unseen.add(conversationId);
  changed();
}

export function markSeen(conversationId: string) {
  if (unseen.delete(conversationId)) changed();
}

export function unseenCount(): number {
  return count;
}

export function clearUnseen() {
  if (unseen.size === 0) return;
  unseen.clear();
  changed();
}

export function subscribeUnseen(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUnseenCount(): number {
  return useSyncExternalStore(subscribeUnseen, unseenCount, () => 0);
}
