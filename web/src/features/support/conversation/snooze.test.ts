import { describe, expect, it } from 'vitest';
import { snoozeUntil } from './snooze';

describe('snooze choices', () => {
  // Thursday 3 December 2026, 16:20 local time.
  const now = new Date(2026, 11, 3, 16, 20);

  it('snoozes for an hour, until tomorrow 9:00 and until next Monday 9:00', () => {
    expect(snoozeUntil('hour', now).getTime() - now.getTime()).toBe(3_600_000);
    expect(snoozeUntil('tomorrow', now)).toEqual(new Date(2026, 11, 4, 9, 0));
    expect(snoozeUntil('nextWeek', now)).toEqual(new Date(2026, 11, 7, 9, 0));
  });

  it('takes a Monday to the Monday after', () => {
    expect(snoozeUntil('nextWeek', new Date(2026, 11, 7, 8, 0))).toEqual(new Date(2026, 11, 14, 9, 0));
    expect(snoozeUntil('nextWeek', new Date(2026, 11, 6, 23, 0))).toEqual(new Date(2026, 11, 7, 9, 0));
  });
});
