import { useEffect, useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'parley.theme';
const listeners = new Set<() => void>();
const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;

function choice(): ThemeChoice {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  query?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    query?.removeEventListener('change', listener);
  };
}

export function setThemeChoice(value: ThemeChoice) {
  if (value === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, value);
  for (const listener of listeners) listener();
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, choice, () => 'system');
}

/** Whether the page is dark now: the user's choice, or the system's when they chose none. */
export function useDarkMode(): boolean {
  const selected = useThemeChoice();
  const systemDark = useSyncExternalStore(subscribe, () => query?.matches ?? false, () => false);
  const dark = selected === 'dark' || (selected === 'system' && systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
  return dark;
}

const reducedMotionQuery =
  typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : undefined;

function subscribeReducedMotion(listener: () => void) {
  reducedMotionQuery?.addEventListener('change', listener);
  return () => reducedMotionQuery?.removeEventListener('change', listener);
}

/** Whether the user asked their system for less motion: the app then animates nothing. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribeReducedMotion, () => reducedMotionQuery?.matches ?? false, () => false);
}
