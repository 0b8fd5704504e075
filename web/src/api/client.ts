import { ApiError, networkError, problemOf } from './problem';
import { currentSession, reloadSession, saveSession, type Session, withTabLock } from './session';
import type { TokenPair } from './types';

/** Refresh this long before the access token runs out, so a call never starts with a dead token. */
const REFRESH_MARGIN_MS = 30_000;

export interface CallOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** false for register, login and refresh. */
  auth?: boolean;
}

export function sessionFrom(pair: TokenPair): Session {
  return {
    accessToken: pair.access_token,
    refreshToken: pair.refresh_token,
    accessExpiresAt: Date.now() + pair.expires_in * 1000,
    user: pair.user,
  };
}

let refreshing: Promise<Session | null> | null = null;

/**
 * A new token pair for the stored session: one refresh at a time across every tab. A tab that
 * waited for the lock and finds the pair already renewed by another one uses that pair.
 */
export function refreshSession(stale: Session): Promise<Session | null> {
  refreshing ??= withTabLock('parley.refresh', async () => {
    const now = reloadSession();
    if (!now) return null;
    if (now.refreshToken !== stale.refreshToken) return now;
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refresh_token: now.refreshToken }),
    }).catch(() => null);
    if (response === null) return now; // offline: keep the session, try again later
    if (!response.ok) {
      if (response.status === 401) saveSession(null);
      return response.status === 401 ? null : now;
    }
    const session = sessionFrom((await response.json()) as TokenPair);
    saveSession(session);
    return session;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** The session with an access token that is good for a while, refreshed if needed. */
export async function freshSession(): Promise<Session | null> {
  const session = currentSession();
  if (!session) return null;
  if (session.accessExpiresAt - Date.now() > REFRESH_MARGIN_MS) return session;
  return refreshSession(session);
}

function urlOf(path: string, query?: CallOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * fetch with the session's bearer token; a 401 refreshes the session once and retries. The
 * response is returned as it is (streams read it themselves).
 */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const attempt = async (session: Session | null) => {
    const headers = new Headers(init.headers);
    if (session) headers.set('Authorization', `Bearer ${session.accessToken}`);
    try {
      return await fetch(path, { ...init, headers });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      throw networkError(cause);
    }
  };
  const session = await freshSession();
  const response = await attempt(session);
  if (response.status !== 401 || !session) return response;
  const renewed = await refreshSession(session);
  return renewed ? attempt(renewed) : response;
}

/** A JSON call to Parley's API; a failure is thrown as an ApiError. */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method: options.method ?? 'GET', headers, signal: options.signal };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const url = urlOf(path, options.query);
  let response: Response;
  if (options.auth === false) {
    try {
      response = await fetch(url, init);
    } catch (cause) {
      throw networkError(cause);
    }
  } else {
    response = await authorizedFetch(url, init);
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export { ApiError };
