/** The quota and usage APIs (GET /api/v1/users/me/quota and /usage). */
export interface Quota {
  tokens_per_day: number | null;
  tokens_used_today: number;
  tokens_remaining: number | null;
  resets_at: string | null;
  requests_per_minute: number | null;
}

export interface Tokens {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface Usage {
  from: string;
  to: string;
  total: Tokens;
  by_day: (Tokens & { day: string })[];
  by_agent: (Tokens & { agent_id: string | null; agent_name: string | null })[];
  by_model: (Tokens & { model: string })[];
  by_source: (Tokens & { source: string })[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function utcDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** This UTC month so far: from its first day to today (quotas count UTC days). */
export function thisMonth(now: Date = new Date()): { from: string; to: string } {
  return { from: `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-01`, to: utcDay(now) };
}

/** The share of today's quota used, 0-100; null when the quota is unlimited. */
export function quotaPercent(quota: Quota): number | null {
  if (quota.tokens_per_day === null || quota.tokens_per_day <= 0) return null;
  return Math.min(100, Math.round((quota.tokens_used_today / quota.tokens_per_day) * 1000) / 10);
}
