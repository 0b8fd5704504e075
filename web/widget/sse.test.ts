import { describe, expect, it } from 'vitest';
import type { SseEvent } from '../src/features/chat/stream/sse';
import { SseDecoder, widgetEvent } from './sse';

const encoder = new TextEncoder();

function decodeAll(chunks: Uint8Array[]): { events: SseEvent[]; comments: string[] } {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const decoder = new SseDecoder(
    (event) => events.push(event),
    (comment) => comments.push(comment),
  );
  for (const chunk of chunks) decoder.feed(chunk);
  decoder.finish();
  return { events, comments };
}

/** The bytes cut at every given offset. */
function cut(bytes: Uint8Array, ...offsets: number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const at of offsets) {
    pieces.push(bytes.slice(from, at));
    from = at;
  }
  pieces.push(bytes.slice(from));
  return pieces;
}

describe('SseDecoder', () => {
  const stream =
    'retry: 2000\n\n' +
    'id: m1:0\ndata: {"type":"start","data":{"message_id":"m1"}}\n\n' +
    ': heartbeat\n\n' +
    'id: m1:1\ndata: {"type":"chunk","data":{"content":"你好 👋"}}\n\n' +
    'data: {"type":"typing","data":{"actor":"agent","typing":true}}\n\n';

  it('reads events, ids and heartbeats from one piece', () => {
    const { events, comments } = decodeAll([encoder.encode(stream)]);
    expect(events.map((event) => event.id)).toEqual(['m1:0', 'm1:1', 'm1:1']);
    expect(JSON.parse(events[1].data).data.content).toBe('你好 👋');
    expect(comments).toEqual(['heartbeat']);
  });

  it('reads the same events whatever the chunks, a character cut in the middle included', () => {
    const bytes = encoder.encode(stream);
    const whole = decodeAll([bytes]).events;
    // Every single cut, and byte by byte.
    for (let at = 1; at < bytes.length; at++) expect(decodeAll(cut(bytes, at)).events).toEqual(whole);
    expect(decodeAll(Array.from(bytes, (byte) => Uint8Array.of(byte))).events).toEqual(whole);
    // The first byte of 你 (3 bytes) and of 👋 (4 bytes) on their own.
    const text = stream.indexOf('你好');
    const at = encoder.encode(stream.slice(0, text)).length;
    const parts = decodeAll(cut(bytes, at + 1, at + 2, at + 4)).events;
    expect(JSON.parse(parts[1].data).data.content).toBe('你好 👋');
  });

  it('takes CRLF and CR line ends, a CRLF cut between its two halves too', () => {
    const crlf = encoder.encode('id: m2:0\r\ndata: {"type":"start","data":{}}\r\n\r\nid: m2:1\rdata: {"type":"chunk","data":{"content":"a"}}\r\r\n');
    const whole = decodeAll([crlf]).events;
    expect(whole.map((event) => event.id)).toEqual(['m2:0', 'm2:1']);
    const cr = [...crlf].indexOf(13);
    expect(decodeAll(cut(crlf, cr + 1)).events).toEqual(whole);
  });

  it('drops an event the stream ended in the middle of', () => {
    expect(decodeAll([encoder.encode('data: {"type":"chunk"')]).events).toEqual([]);
  });
});

describe('widgetEvent', () => {
  it('sorts bot reply events (with their ids) from support events', () => {
    expect(widgetEvent({ id: 'm1:3', event: 'message', data: '{"type":"chunk","data":{"content":"x"}}' })).toEqual({
      kind: 'reply',
      frame: { id: 'm1:3', event: { type: 'chunk', data: { content: 'x' } } },
    });
    expect(widgetEvent({ id: 'm1:end', event: 'message', data: '{"type":"end","data":{"full_text":"x"}}' })?.kind).toBe('reply');
    // A support event after a reply event carries the reply's id along (EventSource's rule).
    expect(widgetEvent({ id: 'm1:3', event: 'message', data: '{"type":"message.created","data":{"id":"e1"}}' })).toEqual({
      kind: 'support',
      event: { type: 'message.created', data: { id: 'e1' } },
    });
  });

  it('ignores what it cannot read', () => {
    expect(widgetEvent({ id: null, event: 'message', data: 'not json' })).toBeNull();
    expect(widgetEvent({ id: null, event: 'message', data: '{"type":"chunk","data":{"content":"x"}}' })).toBeNull();
    expect(widgetEvent({ id: 'nonsense', event: 'message', data: '{"type":"chunk","data":{"content":"x"}}' })).toBeNull();
    expect(widgetEvent({ id: null, event: 'message', data: '{"type":"typing"}' })).toBeNull();
    expect(widgetEvent({ id: null, event: 'message', data: '[1,2]' })).toBeNull();
  });
});
