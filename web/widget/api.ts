import { ApiError, networkError, problemOf } from '../src/api/problem';
import type { Identity } from './protocol';

/** The visitor API (docs/API.md, "Customer service"): no Parley login, the visitor token in `X-Visitor-Token`. */
export interface InboxConfig {
  id: string;
  name: string;
  greeting: string | null;
  identity_required: boolean;
  online: boolean;
}

export interface Visitor {
  id: string;
  contact_id: string;
  verified: boolean;
}

export interface VisitorSession {
  visitor_token: string;
  visitor: Visitor;
  inbox: InboxConfig;
}

export type Handler = 'bot' | 'human';

export interface Conversation {
  id: string;
  status: string;
  handler: Handler;
  created_at: string;
  updated_at: string;
}

export interface TimelineEntry {
  id: string;
  kind: 'message' | 'activity';
  role?: 'user' | 'assistant' | 'agent';
  content: string;
  status?: string;
  event?: string;
  created_at: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Sent {
  message: TimelineEntry;
  reply_id: string | null;
}

export { ApiError };

const BASE = '/api/v1/widget';

export class VisitorApi {
  token: string | null = null;

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers['X-Visitor-Token'] = this.token;
    let response: Response;
    try {
      response = await fetch(BASE + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (cause) {
      throw networkError(cause);
    }
    if (!response.ok) throw await problemOf(response);
    const text = response.status === 204 ? '' : await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  inbox(inboxId: string) {
    return this.call<InboxConfig>('GET', `/inboxes/${encodeURIComponent(inboxId)}`);
  }

  visitor(inboxId: string, identity: Identity | null) {
    return this.call<VisitorSession>('POST', `/inboxes/${encodeURIComponent(inboxId)}/visitors`, identity ?? {});
  }

  conversations() {
    return this.call<Page<Conversation>>('GET', '/conversations');
  }

  createConversation() {
    return this.call<Conversation>('POST', '/conversations', {});
  }

  timeline(conversationId: string, before?: string | null) {
    const query = new URLSearchParams({ limit: '50' });
    if (before) query.set('before', before);
    return this.call<Page<TimelineEntry>>('GET', `/conversations/${conversationId}/timeline?${query}`);
  }

  send(conversationId: string, content: string) {
    return this.call<Sent>('POST', `/conversations/${conversationId}/messages`, { content });
  }

  handoff(conversationId: string) {
    return this.call<Conversation>('POST', `/conversations/${conversationId}/handoff`, {});
  }

  typing(conversationId: string, typing: boolean) {
    return this.call<void>('POST', `/conversations/${conversationId}/typing`, { typing });
  }

  /** The events URL; the token goes in the header, never in the URL. */
  eventsUrl(conversationId: string): string {
    return `${BASE}/conversations/${conversationId}/events`;
  }
}
