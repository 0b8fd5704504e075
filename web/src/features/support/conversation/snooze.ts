/** The snooze menu's quick choices, in the agent's local time. */
export type SnoozeChoice = 'hour' | 'tomorrow' | 'nextWeek';

export function snoozeUntil(choice: SnoozeChoice, now: Date = new Date()): Date {
  const at = new Date(now);
  if (choice === 'hour') return new Date(now.getTime() + 3_600_000);
  at.setHours(9, 0, 0, 0);
  if (choice === 'tomorrow') {
    at.setDate(at.getDate() + 1);
    return at;
  }
  // Next week: the coming Monday at 9:00 (a week on when today is Monday).
  const days = ((8 - at.getDay()) % 7) || 7;
  at.setDate(at.getDate() + days);
  return at;
}
