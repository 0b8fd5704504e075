import type { User } from './types';

/**
 * The login session, shared by every tab of the browser through localStorage. A refresh token
 * works once (with a 5 s grace), so tabs must not refresh on their own: one tab refreshes under a
 * Web Lock, writes the new pair, and the others pick it up from storage.
 */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  accessExpiresAt: number;
  user: User;
}

const KEY = 'parley.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function notify() {
  for (const listener of listeners) listener();
}

export function currentSession(): Session | null {
  if (cached === undefined) cached = read();
  return cached;
}

export function saveSession(session: Session | null) {
  cached = session;
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  notify();
}

export function updateUser(user: User) {
  const session = currentSession();
  if (session) saveSession({ ...session, user });
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY && event.key !== null) return;
    cached = read();
    notify();
  });
}

/** Runs `task` while holding the cross-tab lock named `name` (in this tab only without Web Locks). */
export async function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  return locks.request(name, task) as Promise<T>;
}

/** Re-reads storage: another tab may have refreshed while this one waited for the lock. */
export function reloadSession(): Session | null {
  cached = read();
  return cached;
}
