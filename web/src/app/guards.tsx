import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/auth';
import { NotFound } from './NotFound';

/** Signed-in routes: without a session, the login page, which comes back here afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  return <Outlet />;
}

/** A user whose password was generated changes it before anything else. */
export function RequirePasswordChanged() {
  const session = useSession();
  if (session?.user.password_change_required) return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

/** The admin console exists only for administrators: anyone else gets the not-found page. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session?.user.role !== 'admin') return <NotFound />;
  return <>{children}</>;
}

export function useIsAdmin(): boolean {
  return useSession()?.user.role === 'admin';
}
