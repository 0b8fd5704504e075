/**
 * The messages between the loader (on the customer's page) and the frame (on Parley's origin).
 * Each side accepts a message only from the other's origin and window; these guards check the
 * shape too, so nothing else that a page posts is taken for one of them.
 */
export interface Identity {
  identifier?: string;
  identifier_hash?: string;
  name?: string;
  email?: string;
}

export type ToFrame =
  /** `token`: the visitor token the host page keeps for the frame, when the frame cannot keep it itself. */
  | { type: 'parley:init'; open: boolean; identity: Identity | null; token: string | null }
  | { type: 'parley:open' }
  | { type: 'parley:close' }
  | { type: 'parley:identity'; identity: Identity | null };

export type ToHost =
  | { type: 'parley:ready' }
  | { type: 'parley:unread'; count: number }
  | { type: 'parley:close-request' }
  /** The visitor token for the host page to keep (null: forget it), sent only when the frame's own storage is blocked. */
  | { type: 'parley:token'; token: string | null };

const FIELDS = ['identifier', 'identifier_hash', 'name', 'email'] as const;
const MAX_FIELD = 512;

function tokenOf(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD ? value : null;
}

/** The identity fields that are non-empty strings (trimmed, bounded), or null when none is. */
export function cleanIdentity(value: unknown): Identity | null {
  if (!value || typeof value !== 'object') return null;
  const source = value as Record<string, unknown>;
  const identity: Identity = {};
  let any = false;
  for (const field of FIELDS) {
    const raw = source[field];
    if (typeof raw !== 'string') continue;
    const text = raw.trim().slice(0, MAX_FIELD);
    if (!text) continue;
    identity[field] = text;
    any = true;
  }
  return any ? identity : null;
}

function typeOf(data: unknown): string | null {
  return data && typeof data === 'object' && typeof (data as { type?: unknown }).type === 'string' ? (data as { type: string }).type : null;
}

export function toFrame(data: unknown): ToFrame | null {
  const type = typeOf(data);
  const message = data as Record<string, unknown>;
  switch (type) {
    case 'parley:init':
      return { type, open: message.open === true, identity: cleanIdentity(message.identity), token: tokenOf(message.token) };
    case 'parley:identity':
      return { type, identity: cleanIdentity(message.identity) };
    case 'parley:open':
    case 'parley:close':
      return { type };
    default:
      return null;
  }
}

export function toHost(data: unknown): ToHost | null {
  const type = typeOf(data);
  switch (type) {
    case 'parley:unread': {
      const count = (data as { count?: unknown }).count;
      return typeof count === 'number' && Number.isFinite(count) ? { type, count: Math.max(0, Math.floor(count)) } : null;
    }
    case 'parley:token':
      return { type, token: tokenOf((data as { token?: unknown }).token) };
    case 'parley:ready':
    case 'parley:close-request':
      return { type };
    default:
      return null;
  }
}

/**
 * The host page's origin named by the frame's `host` query parameter, when it is a real http(s)
 * origin and, where the browser says who the parent is (`location.ancestorOrigins`), that parent.
 */
export function hostOrigin(param: string | null, ancestors?: ArrayLike<string>): string | null {
  if (!param) return null;
  let origin: string;
  try {
    const url = new URL(param);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    origin = url.origin;
  } catch {
    return null;
  }
  if (origin !== param.replace(/\/$/, '')) return null;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== origin) return null;
  return origin;
}
