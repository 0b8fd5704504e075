import { describe, expect, it } from 'vitest';
import '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { activityText } from './TimelineItem';

describe('activity lines', () => {
  it('show the instants in them as dates of the reader, and leave the rest as it is', () => {
    const instant = '2026-12-04T03:09:37.251Z';
    expect(activityText(`Snoozed until ${instant}`)).toBe(`Snoozed until ${formatDateTime(instant)}`);
    expect(activityText('Assigned to Ada (auto)')).toBe('Assigned to Ada (auto)');
  });
});
