import type { ReplyEvent, StreamFrame } from '../src/features/chat/stream/events';
import { type SseEvent, SseParser } from '../src/features/chat/stream/sse';

/**
 * The visitor's event stream read from bytes: the app's WHATWG `text/event-stream` parser fed
 * through a streaming UTF-8 decoder, so a character cut between two network chunks arrives
 * whole, and each event sorted into a bot reply frame (with its `id:`) or a support event.
 */
export class SseDecoder {
  private readonly decoder = new TextDecoder();
  private readonly parser: SseParser;

  constructor(onEvent: (event: SseEvent) => void, onComment: (text: string) => void = () => {}) {
    this.parser = new SseParser(onEvent, onComment);
  }

  feed(bytes: Uint8Array) {
    this.parser.feed(this.decoder.decode(bytes, { stream: true }));
  }

  /** The end of the stream: whatever the decoder held back (an incomplete event is dropped). */
  finish() {
    this.parser.feed(this.decoder.decode());
  }
}

export interface SupportEvent {
  type: string;
  data: Record<string, unknown>;
}

export type WidgetEvent = { kind: 'reply'; frame: StreamFrame } | { kind: 'support'; event: SupportEvent };

const REPLY_TYPES = new Set(['start', 'chunk', 'end', 'error']);
const ID_RE = /^.+:(\d+|end)$/;

/**
 * One event of the stream: a bot reply event (`start`, `chunk`, `end`, `error` with an id of
 * `<message id>:<sequence>`), a support event (`message.created`, `conversation.status_changed`,
 * `typing`, ...), or null for anything unreadable.
 */
export function widgetEvent(event: SseEvent): WidgetEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(event.data);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const { type, data } = parsed as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !data || typeof data !== 'object') return null;
  if (REPLY_TYPES.has(type)) {
    // The parser keeps the last id for later events (as EventSource does): a reply event is
    // one whose own id names a reply position.
    if (!event.id || !ID_RE.test(event.id)) return null;
    return { kind: 'reply', frame: { id: event.id, event: { type, data } as ReplyEvent } };
  }
  return { kind: 'support', event: { type, data: data as Record<string, unknown> } };
}
