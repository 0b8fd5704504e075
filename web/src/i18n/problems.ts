import i18n from 'i18next';
import { ApiError } from '../api/problem';

/**
 * The text to show for a failed call: the translation of its problem slug when there is one
 * (`common:problems.<slug>`, with the wait time for a throttle), else the server's detail.
 */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const key = `common:problems.${error.slug}`;
  if (i18n.exists(key)) {
    return i18n.t(key, { seconds: error.retryAfter ?? 0, detail: error.detail ?? error.title });
  }
  return error.detail ?? error.title;
}

/** Field errors of a 400 by field name, for antd Form.setFields. */
export function fieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.errors) {
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
