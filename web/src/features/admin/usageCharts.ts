import i18n from 'i18next';
import type { Totals, Usage } from './api';
import type { ChartOption } from './EChart';

/** The chart options of the usage page, built from the admin usage report (pure, so they are tested). */

type T = (key: string, options?: Record<string, unknown>) => string;

export function compact(value: number): string {
  return new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** "Dec 3" / "12月3日" for a UTC day "2026-12-03". */
export function dayLabel(day: string): string {
  return new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };
const valueAxis = { type: 'value' as const, axisLabel: { formatter: (value: number) => compact(value) } };

export function tokensPerDay(usage: Usage, t: T): ChartOption {
  const days = usage.by_day.map((day) => dayLabel(day.day));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => new Intl.NumberFormat(i18n.language).format(Number(value)) },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: days },
    yAxis: valueAxis,
    series: [
      { name: t('usage.prompt'), type: 'bar', stack: 'tokens', data: usage.by_day.map((day) => day.prompt_tokens) },
      { name: t('usage.completion'), type: 'bar', stack: 'tokens', data: usage.by_day.map((day) => day.completion_tokens) },
    ],
  };
}

export function requestsPerDay(usage: Usage, t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: usage.by_day.map((day) => dayLabel(day.day)) },
    yAxis: { ...valueAxis, minInterval: 1 },
    series: [
      { name: t('usage.requests'), type: 'bar', data: usage.by_day.map((day) => day.requests) },
      { name: t('usage.failovers'), type: 'line', data: usage.by_day.map((day) => day.failovers) },
      { name: t('usage.errors'), type: 'line', data: usage.by_day.map((day) => day.errors) },
    ],
  };
}

export function ttftPerDay(usage: Usage): ChartOption {
  const line = (name: 'p50' | 'p90' | 'p99') => ({
    name,
    type: 'line' as const,
    connectNulls: false,
    data: usage.by_day.map((day) => day.ttft_ms[name]),
  });
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => (value === null || value === undefined ? '—' : `${Number(value)} ms`) },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: usage.by_day.map((day) => dayLabel(day.day)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => `${compact(value)} ms` } },
    series: [line('p50'), line('p90'), line('p99')],
  };
}

/** A horizontal bar of total tokens per group, the largest on top. */
export function ranking(rows: { name: string; totals: Totals }[], t: T): ChartOption {
  const ordered = rows.slice().reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid,
    xAxis: valueAxis,
    yAxis: { type: 'category', data: ordered.map((row) => row.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      { name: t('usage.prompt'), type: 'bar', stack: 'tokens', data: ordered.map((row) => row.totals.prompt_tokens) },
      { name: t('usage.completion'), type: 'bar', stack: 'tokens', data: ordered.map((row) => row.totals.completion_tokens) },
    ],
  };
}

export function share(rows: { name: string; totals: Totals }[], t: T): ChartOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (value) => new Intl.NumberFormat(i18n.language).format(Number(value)) },
    legend: { top: 0, type: 'scroll' },
    series: [
      {
        name: t('usage.totalTokens'),
        type: 'pie',
        radius: ['40%', '70%'],
        top: 30,
        data: rows.map((row) => ({ name: row.name, value: row.totals.total_tokens })),
        label: { formatter: '{b}: {d}%' },
      },
    ],
  };
}
