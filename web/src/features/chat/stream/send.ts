import { authorizedFetch } from '../../../api/client';
import { problemOf } from '../../../api/problem';
import { frameOf, type ConversationStream } from './conversationStream';
import { SseParser } from './sse';

export interface Started {
  messageId: string;
  userMessageId: string;
}

/**
 * Starts a reply (a send or a regenerate) with the stream answer, reads it up to its `start`
 * event and lets go: the conversation's subscription carries the reply from there (the server
 * generates it whatever the connection does), so there is one reader per reply and a refusal
 * (409 generation-in-progress, quota-exceeded, ...) still comes back as a problem.
 */
export async function startReply(stream: ConversationStream, path: string, body: unknown): Promise<Started> {
  const response = await authorizedFetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await problemOf(response);
  if (!response.body) throw new Error('no stream');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let started: Started | null = null;
  const parser = new SseParser((event) => {
    const frame = frameOf(event.id, event.data);
    if (!frame) return;
    stream.apply(frame);
    if (frame.event.type === 'start' && !started) {
      started = { messageId: frame.event.data.message_id, userMessageId: frame.event.data.user_message_id };
    }
  });
  try {
    while (!started) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  // The subscription may sit in its backoff: the reply is running now, follow it at once.
  stream.retryNow();
  if (!started) throw new Error('the stream ended before its start');
  return started;
}
