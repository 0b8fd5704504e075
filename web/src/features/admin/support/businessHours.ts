import { type BusinessHours, type Weekday, WEEKDAYS } from './api';

/** The business hours as the inbox form edits them: always open, or per weekday its ranges. */
export interface HoursForm {
  always: boolean;
  days: Record<Weekday, { open: boolean; ranges: [string, string][] }>;
}

const OFFICE: [string, string] = ['09:00', '18:00'];

export function hoursToForm(hours: BusinessHours): HoursForm {
  const days = {} as HoursForm['days'];
  for (const day of WEEKDAYS) {
    const ranges = hours?.[day] ?? [];
    const weekday = day !== 'sat' && day !== 'sun';
    // Always open: the week a switch away is the usual office week.
    days[day] = hours ? { open: ranges.length > 0, ranges: ranges.length ? ranges : [OFFICE] } : { open: weekday, ranges: [OFFICE] };
  }
  return { always: hours === null || hours === undefined, days };
}

/** The API's value: null for always open, else every weekday with its ranges ([] closed), in order. */
export function formToHours(form: HoursForm): BusinessHours {
  if (form.always) return null;
  const hours: NonNullable<BusinessHours> = {};
  for (const day of WEEKDAYS) {
    const entry = form.days?.[day];
    hours[day] = entry?.open ? (entry.ranges ?? []).filter((range) => range?.[0] && range?.[1]).map(([from, to]) => [from, to]) : [];
  }
  return hours;
}

/** The first problem with a day's ranges: an end not after its start, or two ranges that overlap. */
export function rangesProblem(ranges: [string, string][]): 'order' | 'overlap' | null {
  const sorted = ranges.filter((range) => range?.[0] && range?.[1]).slice().sort((a, b) => a[0].localeCompare(b[0]));
  for (const [from, to] of sorted) if (to <= from) return 'order';
  for (let i = 1; i < sorted.length; i++) if (sorted[i][0] < sorted[i - 1][1]) return 'overlap';
  return null;
}
