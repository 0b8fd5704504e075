import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingSender } from './typingSender';

describe('the agent typing sender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells "typing" once for a burst of keys, renews it while typing goes on, and ends it when the keys stop', () => {
    const sent: boolean[] = [];
    const sender = new TypingSender((typing) => sent.push(typing), 3_000, 5_000, () => Date.now());
    sender.input();
    vi.advanceTimersByTime(1_000);
    sender.input();
    sender.input();
    expect(sent).toEqual([true]);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(1_000);
      sender.input();
    }
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(3_000);
    expect(sent).toEqual([true, true, false]);
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([true, true, false]);
  });

  it('ends at once on send, and only once', () => {
    const sent: boolean[] = [];
    const sender = new TypingSender((typing) => sent.push(typing));
    sender.stop();
    expect(sent).toEqual([]);
    sender.input();
    sender.stop();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([true, false]);
  });
});
