import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomerTyping } from './typing';

describe('CustomerTyping', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says "typing" once a burst and "stopped" after a pause', () => {
    const told: boolean[] = [];
    const typing = new CustomerTyping((value) => told.push(value));
    for (let key = 0; key < 20; key++) {
      typing.typed(true);
      vi.advanceTimersByTime(200);
    }
    expect(told).toEqual([true]);
    vi.advanceTimersByTime(3_000);
    expect(told).toEqual([true, false]);
    typing.typed(true);
    expect(told).toEqual([true, false, true]);
  });

  it('says "typing" again while a long burst lasts', () => {
    const told: boolean[] = [];
    const typing = new CustomerTyping((value) => told.push(value));
    for (let key = 0; key < 50; key++) {
      typing.typed(true);
      vi.advanceTimersByTime(400);
    }
    expect(told).toEqual([true, true, true]);
  });

  it('stops at once when sent or cleared, and only when it had said "typing"', () => {
    const told: boolean[] = [];
    const typing = new CustomerTyping((value) => told.push(value));
    typing.stop();
    typing.typed(false);
    expect(told).toEqual([]);
    typing.typed(true);
    typing.typed(false);
    vi.advanceTimersByTime(10_000);
    expect(told).toEqual([true, false]);
  });
});
