import { describe, expect, it } from 'vitest';
import { applyFrame, applyFrames, emptyStreamState, type StreamFrame } from './events';

const M = '0190a000-0000-7000-8000-000000000001';
const N = '0190a000-0000-7000-8000-000000000002';

function start(id: string, seq = 0): StreamFrame {
  return {
    id: `${id}:${seq}`,
    event: { type: 'start', data: { message_id: id, conversation_id: 'c', user_message_id: 'u', model: 'm', provider: 'p' } },
  };
}
const chunk = (id: string, seq: number, content: string): StreamFrame => ({ id: `${id}:${seq}`, event: { type: 'chunk', data: { content } } });
const end = (id: string, seq: number | 'end', full: string, status: 'complete' | 'stopped' = 'complete'): StreamFrame => ({
  id: `${id}:${seq}`,
  event: {
    type: 'end',
    data: { message_id: id, full_text: full, usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 }, finish_reason: 'stop', status, model: 'm2', provider: 'p2', cached: false },
  },
});

describe('applyFrame', () => {
  it('builds a reply from its chunks and ends it with the stored text', () => {
    const { state } = applyFrames(emptyStreamState, [start(M), chunk(M, 1, 'alpha '), chunk(M, 2, 'beta '), end(M, 3, 'alpha beta ')]);
    const reply = state.replies[M];
    expect(reply.text).toBe('alpha beta ');
    expect(reply.status).toBe('complete');
    expect(reply.done).toBe(true);
    expect(reply.usage?.completion_tokens).toBe(4);
    expect(reply.model).toBe('m2');
    expect(state.lastEventId).toBe(`${M}:3`);
    expect(state.running).toBeNull();
  });

  it('ignores duplicates after a resume', () => {
    let { state } = applyFrames(emptyStreamState, [start(M), chunk(M, 1, 'a '), chunk(M, 2, 'b ')]);
    expect(state.running).toBe(M);
    // The server resumes after :2, but a second reader delivers 0..2 again.
    ({ state } = applyFrames(state, [start(M), chunk(M, 1, 'a '), chunk(M, 2, 'b '), chunk(M, 3, 'c ')]));
    expect(state.replies[M].text).toBe('a b c ');
    expect(state.lastEventId).toBe(`${M}:3`);
  });

  it('reports a gap and keeps the last good id for the resubscription', () => {
    const first = applyFrames(emptyStreamState, [start(M), chunk(M, 1, 'a ')]);
    const jumped = applyFrame(first.state, chunk(M, 3, 'c '));
    expect(jumped.outcome).toEqual({ kind: 'gap', messageId: M, expected: 2, got: 3 });
    expect(jumped.state.replies[M].text).toBe('a ');
    expect(jumped.state.lastEventId).toBe(`${M}:1`);
    // A reply joined in its middle is a gap too (it must be read from its start).
    expect(applyFrame(emptyStreamState, chunk(N, 5, 'x')).outcome.kind).toBe('gap');
  });

  it('lets the end replace the partial text, also an end rebuilt from the database', () => {
    const partial = applyFrames(emptyStreamState, [start(M), chunk(M, 1, 'alpha ')]).state;
    const { state, outcome } = applyFrame(partial, end(M, 'end', 'alpha beta gamma '));
    expect(outcome.kind).toBe('ok');
    expect(state.replies[M].text).toBe('alpha beta gamma ');
    expect(state.lastEventId).toBe(`${M}:end`);
    // Nothing after the terminal event changes the reply.
    const after = applyFrame(state, chunk(M, 2, 'late '));
    expect(after.state.replies[M].text).toBe('alpha beta gamma ');
    // Nor does an end for a reply never seen before need its chunks.
    expect(applyFrame(emptyStreamState, end(N, 'end', 'whole')).state.replies[N].text).toBe('whole');
  });

  it('ends a reply with an error after chunks, keeping the partial text stored', () => {
    const partial = applyFrames(emptyStreamState, [start(M), chunk(M, 1, 'alpha '), chunk(M, 2, 'bet')]).state;
    const { state } = applyFrame(partial, {
      id: `${M}:3`,
      event: { type: 'error', data: { code: 'upstream_stream_cut', message: 'cut', message_id: M, status: 'interrupted', partial_text: 'alpha bet' } },
    });
    expect(state.replies[M]).toMatchObject({ text: 'alpha bet', status: 'interrupted', done: true, error: { code: 'upstream_stream_cut' } });
    expect(state.running).toBeNull();
  });

  it('does not take stream_unavailable for an end, nor its id for a resume position', () => {
    const partial = applyFrames(emptyStreamState, [start(M), chunk(M, 1, 'a ')]).state;
    const { state } = applyFrame(partial, {
      id: `${M}:end`,
      event: { type: 'error', data: { code: 'stream_unavailable', message: 'elsewhere', message_id: M, status: 'streaming', partial_text: null } },
    });
    expect(state.replies[M].done).toBe(false);
    expect(state.lastEventId).toBe(`${M}:1`);
  });

  it('follows two replies in a row', () => {
    const { state } = applyFrames(emptyStreamState, [
      start(M),
      chunk(M, 1, 'one '),
      end(M, 2, 'one '),
      start(N),
      chunk(N, 1, 'two '),
      end(N, 2, 'two ', 'stopped'),
    ]);
    expect(state.replies[M].text).toBe('one ');
    expect(state.replies[N]).toMatchObject({ text: 'two ', status: 'stopped', done: true });
    expect(state.lastEventId).toBe(`${N}:2`);
  });
});
