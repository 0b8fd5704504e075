/**
 * Reply events of Parley's stream (docs/API.md "The stream") and their application to the
 * replies a page shows: a pure function, so that what a resume, a duplicate or a gap does is
 * tested without a network.
 */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens?: number;
}

export type ReplyEvent =
  | {
      type: 'start';
      data: { message_id: string; conversation_id: string; user_message_id: string; model: string | null; provider: string | null };
    }
  | { type: 'chunk'; data: { content: string } }
  | {
      type: 'end';
      data: {
        message_id: string;
        full_text: string;
        usage: Usage | null;
        finish_reason: string | null;
        status: 'complete' | 'stopped';
        model: string | null;
        provider: string | null;
        cached: boolean;
      };
    }
  | {
      type: 'error';
      data: { code: string; message: string; message_id: string; status: 'interrupted' | 'failed' | 'streaming'; partial_text: string | null };
    };

/** A stream frame: `id: <message id>:<sequence>` (or `<message id>:end`) and its event. */
export interface StreamFrame {
  id: string;
  event: ReplyEvent;
}

export type ReplyStatus = 'streaming' | 'complete' | 'stopped' | 'interrupted' | 'failed';

export interface LiveReply {
  messageId: string;
  userMessageId: string | null;
  text: string;
  /** The sequence of the last event applied; -1 before any. */
  seq: number;
  status: ReplyStatus;
  model: string | null;
  provider: string | null;
  usage: Usage | null;
  error: { code: string; message: string } | null;
  /** True once a terminal event (end, error) was applied: its text is the stored truth. */
  done: boolean;
}

export interface StreamState {
  replies: Record<string, LiveReply>;
  /** The id of the last event applied in order: what a resume sends as Last-Event-ID. */
  lastEventId: string | null;
  /** The reply running now (its start seen, no terminal yet), if any. */
  running: string | null;
}

export const emptyStreamState: StreamState = { replies: {}, lastEventId: null, running: null };

export const END_SEQ = Number.MAX_SAFE_INTEGER;

export function parseEventId(id: string): { messageId: string; seq: number } | null {
  const at = id.lastIndexOf(':');
  if (at <= 0) return null;
  const messageId = id.slice(0, at);
  const tail = id.slice(at + 1);
  if (tail === 'end') return { messageId, seq: END_SEQ };
  if (!/^\d+$/.test(tail)) return null;
  return { messageId, seq: Number(tail) };
}

export type Outcome =
  /** Applied (or ignored as a duplicate): carry on. */
  | { kind: 'ok' }
  /** A sequence jump: events are missing; resubscribe after `lastEventId` (or refetch the message). */
  | { kind: 'gap'; messageId: string; expected: number; got: number };

function blankReply(messageId: string): LiveReply {
  return {
    messageId,
    userMessageId: null,
    text: '',
    seq: -1,
    status: 'streaming',
    model: null,
    provider: null,
    usage: null,
    error: null,
    done: false,
  };
}

/**
 * Applies one frame. Events are keyed by message id and sequence: one already applied (a
 * duplicate after a resume) changes nothing; one after a missing sequence is not applied and
 * reported as a gap. A terminal event always wins, whatever its sequence (an `end` rebuilt from
 * the database has the id `<message id>:end`): its `full_text` / `partial_text` replaces what the
 * chunks built.
 */
export function applyFrame(state: StreamState, frame: StreamFrame): { state: StreamState; outcome: Outcome } {
  const parsed = parseEventId(frame.id);
  if (!parsed) return { state, outcome: { kind: 'ok' } };
  const { messageId, seq } = parsed;
  const event = frame.event;
  const current = state.replies[messageId];
  const terminal = event.type === 'end' || event.type === 'error';

  if (current?.done) return { state, outcome: { kind: 'ok' } };
  if (!terminal && current && seq <= current.seq) return { state, outcome: { kind: 'ok' } };
  if (!terminal) {
    const expected = current ? current.seq + 1 : 0;
    if (seq !== expected) return { state, outcome: { kind: 'gap', messageId, expected, got: seq } };
  }

  let reply: LiveReply = current ?? blankReply(messageId);
  switch (event.type) {
    case 'start':
      reply = {
        ...reply,
        seq,
        userMessageId: event.data.user_message_id,
        model: event.data.model,
        provider: event.data.provider,
        status: 'streaming',
      };
      break;
    case 'chunk':
      reply = { ...reply, seq, text: reply.text + event.data.content };
      break;
    case 'end':
      reply = {
        ...reply,
        seq: Math.max(reply.seq, seq),
        text: event.data.full_text ?? reply.text,
        status: event.data.status,
        model: event.data.model ?? reply.model,
        provider: event.data.provider ?? reply.provider,
        usage: event.data.usage,
        done: true,
      };
      break;
    case 'error': {
      // `streaming`: this instance cannot follow the reply right now (stream_unavailable): not
      // an end; the reply is read again later.
      if (event.data.status === 'streaming') {
        const kept = { ...reply, error: { code: event.data.code, message: event.data.message } };
        // Its id (`<message id>:end`) is no position to resume from: the reply goes on.
        return { state: { ...state, replies: { ...state.replies, [messageId]: kept } }, outcome: { kind: 'ok' } };
      }
      reply = {
        ...reply,
        seq: Math.max(reply.seq, seq),
        text: event.data.partial_text ?? reply.text,
        status: event.data.status,
        error: { code: event.data.code, message: event.data.message },
        done: true,
      };
      break;
    }
  }
  const running = reply.done ? (state.running === messageId ? null : state.running) : messageId;
  return {
    state: { replies: { ...state.replies, [messageId]: reply }, lastEventId: frame.id, running },
    outcome: { kind: 'ok' },
  };
}

/** Applies frames in order; stops at the first gap (the rest must come again after a resubscribe). */
export function applyFrames(state: StreamState, frames: StreamFrame[]): { state: StreamState; outcome: Outcome } {
  let now = state;
  for (const frame of frames) {
    const result = applyFrame(now, frame);
    now = result.state;
    if (result.outcome.kind === 'gap') return { state: now, outcome: result.outcome };
  }
  return { state: now, outcome: { kind: 'ok' } };
}
