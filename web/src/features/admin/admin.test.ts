import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import type { Message } from '../../api/types';
import type { Provider, Usage } from './api';
import { storedMessage } from '../../../test/messages';
import { branchLabels } from './ConversationView';
import { bodyOf, type FormValues, placeErrors } from './ProviderForm';
import { fieldOf, valueOf } from './QuotasPage';
import { ranking, tokensPerDay } from './usageCharts';

function message(id: string, parent: string | null, role: Message['role']): Message {
  return storedMessage(id, parent, role, '2026-12-03T10:00:00Z');
}

describe('branchLabels', () => {
  it('numbers the alternatives under one parent in creation order, and leaves single messages alone', () => {
    const labels = branchLabels([
      message('01', null, 'user'),
      message('03', '01', 'assistant'),
      message('02', '01', 'assistant'),
      message('04', '03', 'user'),
    ]);
    expect(labels.get('02')).toBe('1/2');
    expect(labels.get('03')).toBe('2/2');
    expect(labels.has('01')).toBe(false);
    expect(labels.has('04')).toBe(false);
  });
});

describe('quota limits', () => {
  it('reads null as inherit, 0 as unlimited, a number as a limit, and writes them back', () => {
    expect(fieldOf(null)).toEqual({ mode: 'inherit', value: null });
    expect(fieldOf(0)).toEqual({ mode: 'unlimited', value: null });
    expect(fieldOf(5000)).toEqual({ mode: 'limit', value: 5000 });
    expect(valueOf({ mode: 'inherit', value: 7 })).toBeNull();
    expect(valueOf({ mode: 'unlimited' })).toBe(0);
    expect(valueOf({ mode: 'limit', value: 7 })).toBe(7);
  });
});

const stored: Provider = {
  id: 'p1',
  name: 'main',
  protocol: 'openai',
  base_url: 'https://api.example.com/v1',
  api_version: '2024-10-01',
  models: ['a', 'b'],
  connect_timeout_ms: 10000,
  first_token_timeout_ms: 60000,
  idle_timeout_ms: 60000,
  request_timeout_ms: 300000,
  max_concurrency: 8,
  stream_usage: true,
  enabled: true,
  api_keys: [{ hint: '...a1b2', status: 'ok', rejected_reason: null, rejected_at: null }],
  source: 'database',
  read_only: false,
  created_at: null,
  updated_at: null,
};

const values = (change: Partial<FormValues>): FormValues => ({
  name: ' main ',
  protocol: 'openai',
  base_url: 'https://api.example.com/v1 ',
  api_version: '2024-10-01',
  replace_keys: false,
  api_keys: [],
  models: ['a', ' b '],
  connect_timeout_ms: 10000,
  first_token_timeout_ms: 60000,
  idle_timeout_ms: 60000,
  request_timeout_ms: 300000,
  max_concurrency: 8,
  stream_usage: true,
  enabled: true,
  ...change,
});

describe('provider form', () => {
  it('never sends keys on an edit unless they are replaced', () => {
    const body = bodyOf(values({ api_keys: [{ key: 'sk-new' }] }), stored);
    expect(body).not.toHaveProperty('api_keys');
    expect(body.name).toBe('main');
    expect(body.models).toEqual(['a', 'b']);
  });

  it('replaces the keys with the new list (empty: a keyless server), clears the version and the concurrency', () => {
    const body = bodyOf(values({ replace_keys: true, api_keys: [{ key: ' sk-1 ' }, { key: '' }], api_version: '', max_concurrency: null }), stored);
    expect(body.api_keys).toEqual(['sk-1']);
    expect(body.api_version).toBe('');
    expect(body.max_concurrency).toBe(0);
    expect(bodyOf(values({ replace_keys: true, api_keys: [] }), stored).api_keys).toEqual([]);
  });

  it('sends the keys of a new provider and leaves out what was not set', () => {
    const body = bodyOf(values({ replace_keys: true, api_keys: [{ key: 'sk-1' }], api_version: '', max_concurrency: null }), null);
    expect(body.api_keys).toEqual(['sk-1']);
    expect(body).not.toHaveProperty('api_version');
    expect(body).not.toHaveProperty('max_concurrency');
  });

  it("puts the server's field errors on the fields, and keeps the others for an alert", () => {
    const error = new ApiError({
      status: 400,
      slug: 'invalid-request',
      title: 'Invalid request',
      errors: [
        { field: 'base_url', message: 'may not be used' },
        { field: 'api_keys[1]', message: 'has whitespace' },
        { field: 'models[0]', message: 'too long' },
        { field: 'something', message: 'odd' },
      ],
    });
    expect(placeErrors(error)).toEqual({
      fields: [
        { name: ['base_url'], errors: ['may not be used'] },
        { name: ['api_keys', 1, 'key'], errors: ['has whitespace'] },
        { name: ['models'], errors: ['too long'] },
      ],
      rest: ['something: odd'],
    });
  });
});

describe('usage charts', () => {
  const zero = { requests: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, failovers: 0, errors: 0 };
  const usage: Usage = {
    from: '2026-12-01',
    to: '2026-12-02',
    total: { ...zero, prompt_tokens: 30, completion_tokens: 12, total_tokens: 42 },
    by_day: [
      { ...zero, day: '2026-12-01', prompt_tokens: 10, completion_tokens: 2, total_tokens: 12, ttft_ms: { p50: null, p90: null, p99: null } },
      { ...zero, day: '2026-12-02', prompt_tokens: 20, completion_tokens: 10, total_tokens: 30, ttft_ms: { p50: 100, p90: 200, p99: 300 } },
    ],
    by_user: [],
    by_agent: [],
    by_model: [],
    by_provider: [],
    ttft_ms: { p50: 100, p90: 200, p99: 300, count: 1 },
  };
  const t = (key: string) => key;

  it('stacks prompt and completion tokens per day', () => {
    const option = tokensPerDay(usage, t) as { series: { stack: string; data: number[] }[]; xAxis: { data: string[] } };
    expect(option.series.map((series) => series.data)).toEqual([
      [10, 20],
      [2, 10],
    ]);
    expect(new Set(option.series.map((series) => series.stack))).toEqual(new Set(['tokens']));
    expect(option.xAxis.data).toHaveLength(2);
  });

  it('draws a ranking with the largest group on top', () => {
    const option = ranking(
      [
        { name: 'big', totals: { ...zero, prompt_tokens: 9, total_tokens: 9 } },
        { name: 'small', totals: { ...zero, prompt_tokens: 1, total_tokens: 1 } },
      ],
      t,
    ) as { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['small', 'big']);
  });
});
