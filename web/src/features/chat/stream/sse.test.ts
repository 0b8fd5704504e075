import { describe, expect, it } from 'vitest';
import { type SseEvent, SseParser } from './sse';

describe('SseParser', () => {
  it('parses ids, data, comments and retry across arbitrary splits', () => {
    const events: SseEvent[] = [];
    const comments: string[] = [];
    const retries: number[] = [];
    const parser = new SseParser((e) => events.push(e), (c) => comments.push(c), (r) => retries.push(r));
    const text = 'retry: 2000\n\n: heartbeat\n\nid: m:0\ndata: {"type":"start"}\n\nid: m:1\r\ndata: a\r\ndata: b\r\n\r\n';
    for (const piece of text.split('')) parser.feed(piece);
    expect(retries).toEqual([2000]);
    expect(comments).toEqual(['heartbeat']);
    expect(events).toEqual([
      { id: 'm:0', event: 'message', data: '{"type":"start"}' },
      { id: 'm:1', event: 'message', data: 'a\nb' },
    ]);
  });

  it('keeps an incomplete event until its blank line', () => {
    const events: SseEvent[] = [];
    const parser = new SseParser((e) => events.push(e));
    parser.feed('id: x:1\ndata: hel');
    expect(events).toHaveLength(0);
    parser.feed('lo\n\n');
    expect(events).toEqual([{ id: 'x:1', event: 'message', data: 'hello' }]);
  });
});
