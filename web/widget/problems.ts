import { ApiError } from '../src/api/problem';
import { format, type Strings } from './strings';

/** What to tell the visitor about a failed call, plainly: the server's own words where no better ones exist. */
export function problemText(error: unknown, t: Strings): string {
  if (!(error instanceof ApiError)) return t.failed;
  if (error.status === 0) return t.network;
  if (error.status === 429) {
    return error.retryAfter ? format(t.slowDown, { s: Math.max(1, Math.ceil(error.retryAfter)) }) : t.slowDownShort;
  }
  if (error.slug === 'visitor-unverified') return t.unverified;
  if (error.slug === 'conversation-not-found') return t.gone;
  if (error.slug === 'visitor-identity-invalid') return t.identityInvalid;
  if (error.status === 409) return t.busy;
  return error.detail || error.title || t.failed;
}
