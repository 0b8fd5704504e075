import type { ReactNode } from 'react';
import { useSession } from '../../api/auth';
import { NotFound } from '../../app/NotFound';

/** Whether the signed-in user works in customer service (support agents and administrators). */
export function useIsStaff(): boolean {
  const role = useSession()?.user.role;
  return role === 'agent' || role === 'admin';
}

/** The inbox exists only for support agents and administrators: anyone else gets the not-found page. */
export function RequireAgent({ children }: { children: ReactNode }) {
  return useIsStaff() ? <>{children}</> : <NotFound />;
}
