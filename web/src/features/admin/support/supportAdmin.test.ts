import { describe, expect, it } from 'vitest';
import '../../../i18n';
import supportEn from '../../support/locales/en.json';
import supportZh from '../../support/locales/zh-CN.json';
import type { Inbox, ReportRow } from './api';
import { formToHours, hoursToForm, rangesProblem } from './businessHours';
import { bodyOf, valuesOf } from './inboxForm';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import { formatDuration, formatRate, ratesChart, timesChart } from './reportCharts';

function keys(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}
const bare = (list: string[]) => [...new Set(list.map((key) => key.replace(/_(one|other)$/, '')))].sort();

describe('the support strings', () => {
  it('exist in English and in Chinese, key for key', () => {
    expect(bare(keys(zh))).toEqual(bare(keys(en)));
    expect(bare(keys(supportZh))).toEqual(bare(keys(supportEn)));
  });
});

describe('business hours', () => {
  it('reads null as always open, with the office week ready a switch away', () => {
    const form = hoursToForm(null);
    expect(form.always).toBe(true);
    expect(form.days.mon).toEqual({ open: true, ranges: [['09:00', '18:00']] });
    expect(form.days.sun.open).toBe(false);
    expect(formToHours(form)).toBeNull();
  });

  it('writes every weekday back, closed ones empty, and keeps split days', () => {
    const hours = { mon: [['09:00', '12:00'], ['13:00', '18:00']] as [string, string][], sat: [['10:00', '14:00']] as [string, string][] };
    const form = hoursToForm(hours);
    expect(form.always).toBe(false);
    expect(form.days.tue.open).toBe(false);
    expect(formToHours(form)).toEqual({ mon: hours.mon, tue: [], wed: [], thu: [], fri: [], sat: hours.sat, sun: [] });
  });

  it('finds ranges that end before they start or overlap', () => {
    expect(rangesProblem([['09:00', '18:00']])).toBeNull();
    expect(rangesProblem([['18:00', '09:00']])).toBe('order');
    expect(rangesProblem([['13:00', '18:00'], ['09:00', '13:30']])).toBe('overlap');
    expect(rangesProblem([['13:00', '18:00'], ['09:00', '13:00']])).toBeNull();
  });
});

describe('the inbox form', () => {
  it('sends every field, trimmed; a new inbox without a bot or hours leaves them out', () => {
    const values = {
      ...valuesOf(null),
      name: ' Shop ',
      greeting: '  ',
      handoff_message: ' A person will answer. ',
      handoff_keywords: [' human ', 'agent', 'human'],
      allowed_origins: ['https://shop.example.com '],
      member_ids: ['u1'],
      time_zone: 'Asia/Shanghai',
    };
    expect(bodyOf(values, null)).toEqual({
      name: 'Shop',
      greeting: '',
      handoff_message: 'A person will answer.',
      handoff_keywords: ['human', 'agent'],
      handoff_after_failures: 2,
      time_zone: 'Asia/Shanghai',
      identity_required: false,
      auto_assign: true,
      agent_capacity: 5,
      allowed_origins: ['https://shop.example.com'],
      member_ids: ['u1'],
    });
  });

  it('round-trips a stored inbox', () => {
    const inbox: Inbox = {
      id: 'i1',
      name: 'Shop',
      agent_id: 'a1',
      greeting: 'Hi!',
      handoff_message: null,
      handoff_keywords: ['human'],
      handoff_after_failures: 3,
      business_hours: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      time_zone: 'Europe/Paris',
      identity_required: true,
      hmac_secret: 'secret',
      auto_assign: false,
      agent_capacity: 8,
      allowed_origins: [],
      member_ids: ['u1', 'u2'],
      widget_snippet: '<script></script>',
      created_at: '2026-12-03T10:00:00Z',
      updated_at: '2026-12-03T10:00:00Z',
    };
    const { id: _id, hmac_secret: _secret, widget_snippet: _snippet, created_at: _created, updated_at: _updated, ...written } = inbox;
    expect(bodyOf(valuesOf(inbox), inbox)).toEqual({ ...written, handoff_message: '' });
  });

  it('clears the bot, the hours and the texts an administrator emptied', () => {
    const inbox = { ...valuesOf(null), agent_id: 'a1', greeting: 'Hi' };
    const stored = { agent_id: 'a1', business_hours: { mon: [['09:00', '17:00']] }, greeting: 'Hi' } as unknown as Inbox;
    const body = bodyOf({ ...inbox, agent_id: null, greeting: ' ', hours: { ...inbox.hours, always: true } }, stored);
    expect(body).toMatchObject({ clear_agent: true, clear_business_hours: true, greeting: '' });
    expect(body).not.toHaveProperty('agent_id');
    expect(body).not.toHaveProperty('business_hours');
  });
});

describe('the support report', () => {
  const row = (label: string, change: Partial<ReportRow>): ReportRow => ({
    key: label,
    label,
    conversations: 10,
    handed_off: 4,
    bot_resolved: 5,
    resolved: 9,
    handoff_rate: 0.4,
    bot_resolved_rate: 0.5,
    first_response_seconds_avg: 90,
    first_response_seconds_p50: 60,
    resolution_seconds_avg: 7200,
    ...change,
  });
  const t = (key: string) => key;

  it('formats durations and rates for people', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(90)).toBe('1.5 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(172_800)).toBe('2 d');
    expect(formatDuration(null)).toBe('—');
    expect(formatRate(0.125)).toBe('12.5%');
    expect(formatRate(null)).toBe('—');
  });

  it('charts times in minutes and rates in percent, bars per group and lines per day', () => {
    const rows = [row('Shop', {}), row('Docs', { first_response_seconds_avg: null, handoff_rate: null })];
    const times = timesChart(rows, 'inbox', t) as { series: { type: string; data: (number | null)[] }[]; xAxis: { data: string[] } };
    expect(times.xAxis.data).toEqual(['Shop', 'Docs']);
    expect(times.series.map((series) => series.type)).toEqual(['bar', 'bar', 'bar']);
    expect(times.series[0].data).toEqual([1.5, null]);
    expect(times.series[2].data).toEqual([120, 120]);
    const rates = ratesChart(rows, 'day', t) as { series: { type: string; data: (number | null)[] }[] };
    expect(rates.series.map((series) => series.type)).toEqual(['line', 'line']);
    expect(rates.series[0].data).toEqual([40, null]);
    expect(rates.series[1].data).toEqual([50, 50]);
  });
});
