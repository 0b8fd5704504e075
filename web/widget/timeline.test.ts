import { describe, expect, it } from 'vitest';
import { emptyStreamState, type StreamState } from '../src/features/chat/stream/events';
import { merge } from './timeline';
import type { Item } from './view';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function item(id: string, patch: Partial<Item> = {}): Item {
  return { id, kind: 'message', role: 'user', text: id, state: 'sent', at: '2026-03-01T11:59:00Z', ...patch };
}

function running(id: string): StreamState {
  return {
    ...emptyStreamState,
    running: id,
    replies: {
      [id]: { messageId: id, userMessageId: null, text: 'live text', seq: 4, status: 'streaming', model: null, provider: null, usage: null, error: null, done: false },
    },
  };
}

describe('merge', () => {
  it('takes the stored page, keeping unchanged items as they are', () => {
    const kept = item('a');
    const merged = merge([item('a'), item('b')], [kept], emptyStreamState, NOW);
    expect(merged.map((each) => each.id)).toEqual(['a', 'b']);
    expect(merged[0]).toBe(kept);
    const changed = merge([item('a', { text: 'edited' })], [kept], emptyStreamState, NOW);
    expect(changed[0].text).toBe('edited');
  });

  it('keeps a running reply as the stream has it, ahead of its stored checkpoint', () => {
    const live = item('r', { role: 'assistant', text: 'live text', state: 'streaming' });
    const merged = merge([item('r', { role: 'assistant', text: 'li', state: 'streaming' })], [live], running('r'), NOW);
    expect(merged[0]).toBe(live);
  });

  it('keeps what the server cannot have yet, and drops a placeholder no event ever filled', () => {
    const pending = item('local-1', { state: 'pending', at: '2026-03-01T11:00:00Z' });
    const fresh = item('reply-1', { role: 'assistant', text: '', state: 'streaming', at: '2026-03-01T11:59:50Z' });
    const stale = item('reply-0', { role: 'assistant', text: '', state: 'streaming', at: '2026-03-01T11:58:00Z' });
    const gone = item('x');
    const merged = merge([item('a')], [gone, stale, pending, fresh], emptyStreamState, NOW);
    expect(merged.map((each) => each.id)).toEqual(['a', 'local-1', 'reply-1']);
    expect(merge([], [stale], running('reply-0'), NOW).map((each) => each.id)).toEqual(['reply-0']);
  });
});
