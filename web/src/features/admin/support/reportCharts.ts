import i18n from 'i18next';
import type { ChartOption } from '../EChart';
import type { GroupBy, ReportRow } from './api';

/** The support report's charts and figures (pure, so they are tested). */

type T = (key: string, options?: Record<string, unknown>) => string;

/** "45 s", "3.5 min", "2.1 h", "1.5 d"; "—" for none. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const number = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value);
  if (seconds < 60) return `${number(Math.round(seconds))} s`;
  if (seconds < 3600) return `${number(seconds / 60)} min`;
  if (seconds < 86_400) return `${number(seconds / 3600)} h`;
  return `${number(seconds / 86_400)} d`;
}

/** A rate (0 to 1) as a percentage; "—" for none. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

function category(rows: ReportRow[], groupBy: GroupBy) {
  return {
    type: 'category' as const,
    data: rows.map((row) => row.label),
    axisLabel: groupBy === 'day' ? undefined : { width: 120, overflow: 'truncate' as const, interval: 0, rotate: rows.length > 6 ? 30 : 0 },
  };
}

/** First response (average and median) and resolution time per group, in minutes: bars, or lines per day. */
export function timesChart(rows: ReportRow[], groupBy: GroupBy, t: T): ChartOption {
  const type = groupBy === 'day' ? ('line' as const) : ('bar' as const);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => (value === null || value === undefined ? '—' : `${Number(value)} min`) },
    legend: { top: 0 },
    grid,
    xAxis: category(rows, groupBy),
    yAxis: { type: 'value', axisLabel: { formatter: '{value} min' } },
    series: [
      { name: t('reports.firstResponseAvg'), type, connectNulls: true, data: rows.map((row) => minutes(row.first_response_seconds_avg)) },
      { name: t('reports.firstResponseP50'), type, connectNulls: true, data: rows.map((row) => minutes(row.first_response_seconds_p50)) },
      { name: t('reports.resolutionAvg'), type, connectNulls: true, data: rows.map((row) => minutes(row.resolution_seconds_avg)) },
    ],
  };
}

/** The handoff rate and the bot-resolved rate per group, in percent. */
export function ratesChart(rows: ReportRow[], groupBy: GroupBy, t: T): ChartOption {
  const type = groupBy === 'day' ? ('line' as const) : ('bar' as const);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => (value === null || value === undefined ? '—' : `${Number(value)} %`) },
    legend: { top: 0 },
    grid,
    xAxis: category(rows, groupBy),
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      { name: t('reports.handoffRate'), type, connectNulls: true, data: rows.map((row) => percent(row.handoff_rate)) },
      { name: t('reports.botResolvedRate'), type, connectNulls: true, data: rows.map((row) => percent(row.bot_resolved_rate)) },
    ],
  };
}
