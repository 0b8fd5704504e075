import type { SupportConversation, TimelineEntry } from '../api';

/** The support events the WebSocket's `support` topic sends (docs/API.md, "WebSocket"). */

export const CONVERSATION_EVENTS = [
  'conversation.created',
  'conversation.status_changed',
  'conversation.updated',
  'assignee.changed',
  'conversation.bot_handoff',
] as const;
export type ConversationEventType = (typeof CONVERSATION_EVENTS)[number];

export type SupportEvent =
  | { type: ConversationEventType; data: { conversation: SupportConversation } & Record<string, unknown> }
  | {
      type: 'message.created' | 'message.updated';
      data: { conversation_id: string; entry: TimelineEntry; conversation?: SupportConversation };
    }
  | { type: 'typing'; data: { conversation_id: string; actor: 'customer' | 'agent'; actor_id?: string | null; typing: boolean } }
  | {
      type: 'notification';
      data: {
        conversation_id: string;
        reason: 'handoff' | 'assigned';
        to_user_id?: string | null;
        to_team_id?: string | null;
        message?: string;
        conversation?: SupportConversation;
      };
    };

const KNOWN = new Set<string>([...CONVERSATION_EVENTS, 'message.created', 'message.updated', 'typing', 'notification']);

/** A server frame as a support event, or null for anything else (answers, errors, unknown kinds). */
export function supportEventOf(frame: unknown): SupportEvent | null {
  if (!frame || typeof frame !== 'object') return null;
  const { type, data } = frame as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !KNOWN.has(type) || !data || typeof data !== 'object') return null;
  const body = data as Record<string, unknown>;
  if ((CONVERSATION_EVENTS as readonly string[]).includes(type)) {
    const conversation = body.conversation as SupportConversation | undefined;
    return conversation && typeof conversation.id === 'string' ? (frame as SupportEvent) : null;
  }
  if (type === 'message.created' || type === 'message.updated') {
    const entry = body.entry as TimelineEntry | undefined;
    return typeof body.conversation_id === 'string' && entry && typeof entry.id === 'string' ? (frame as SupportEvent) : null;
  }
  return typeof body.conversation_id === 'string' ? (frame as SupportEvent) : null;
}

/** The conversation an event is about. */
export function conversationIdOf(event: SupportEvent): string {
  return 'conversation' in event.data && event.data.conversation ? event.data.conversation.id : (event.data as { conversation_id: string }).conversation_id;
}
