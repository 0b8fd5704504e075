import { describe, expect, it } from 'vitest';
import { quotaPercent, thisMonth, utcDay } from './usage';

describe('the usage period', () => {
  it('is the UTC month so far, whatever the local time zone', () => {
    expect(thisMonth(new Date('2026-03-01T00:30:00Z'))).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(thisMonth(new Date('2026-12-31T23:59:59Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(utcDay(new Date('2026-02-28T23:00:00-05:00'))).toBe('2026-03-01');
  });
});

describe('quotaPercent', () => {
  const quota = { tokens_used_today: 250, tokens_remaining: 750, resets_at: null, requests_per_minute: null };
  it('is the share of today used, capped at 100', () => {
    expect(quotaPercent({ ...quota, tokens_per_day: 1000 })).toBe(25);
    expect(quotaPercent({ ...quota, tokens_per_day: 200 })).toBe(100);
    expect(quotaPercent({ ...quota, tokens_per_day: 3000 })).toBe(8.3);
  });
  it('is null for an unlimited quota', () => {
    expect(quotaPercent({ ...quota, tokens_per_day: null })).toBeNull();
  });
});
