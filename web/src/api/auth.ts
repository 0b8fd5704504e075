import { useSyncExternalStore } from 'react';
import { api, sessionFrom } from './client';
import { currentSession, saveSession, type Session, subscribeSession } from './session';
import type { TokenPair, User } from './types';

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, currentSession, () => null);
}

export async function login(email: string, password: string): Promise<Session> {
  const pair = await api<TokenPair>('/api/v1/auth/login', { method: 'POST', body: { email, password }, auth: false });
  const session = sessionFrom(pair);
  saveSession(session);
  return session;
}

export async function register(email: string, password: string, displayName?: string): Promise<User> {
  const body: Record<string, string> = { email, password };
  if (displayName) body.display_name = displayName;
  return api<User>('/api/v1/auth/register', { method: 'POST', body, auth: false });
}

export async function logout(): Promise<void> {
  try {
    await api<void>('/api/v1/auth/logout', { method: 'POST' });
  } finally {
    saveSession(null);
  }
}
