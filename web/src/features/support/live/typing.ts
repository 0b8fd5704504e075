import { useSyncExternalStore } from 'react';

/**
 * Who is typing in which conversation, from the socket's `typing` events. A "typing" that is never
 * followed by its end (a closed tab) expires after a while.
 */
const EXPIRE_MS = 8_000;

type Key = string; // `${conversationId}|${actor}|${actorId}`
const active = new Map<Key, ReturnType<typeof setTimeout>>();
const listeners = new Set<() => void>();
let version = 0;

function notify() {
  version += 1;
  for (const listener of listeners) listener();
}

export function setTyping(conversationId: string, actor: 'customer' | 'agent', actorId: string | null | undefined, typing: boolean) {
  const key = `${conversationId}|${actor}|${actorId ?? ''}`;
  clearTimeout(active.get(key));
  if (typing) {
    active.set(
      key,
      setTimeout(() => {
        active.delete(key);
        notify();
      }, EXPIRE_MS),
    );
  } else if (!active.delete(key)) {
    return;
  }
  notify();
}

/** Whether someone of this kind (other than `except`) types in the conversation now. */
export function isTyping(conversationId: string, actor: 'customer' | 'agent', except?: string): boolean {
  for (const key of active.keys()) {
    const [conversation, who, id] = key.split('|');
    if (conversation === conversationId && who === actor && (!except || id !== except)) return true;
  }
  return false;
}

export function useTyping(conversationId: string, actor: 'customer' | 'agent', except?: string): boolean {
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
  return isTyping(conversationId, actor, except);
}
