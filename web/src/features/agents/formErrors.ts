import i18n from 'i18next';
import type { FieldError } from '../../api/problem';

export type NamePath = (string | number)[];

/** `route[0].provider_id` -> `['route', 0, 'provider_id']`, the name path antd forms use. */
export function fieldPath(field: string): NamePath {
  const path: NamePath = [];
  for (const match of field.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    path.push(match[1] !== undefined ? Number(match[1]) : match[2]);
  }
  return path;
}

const key = (path: NamePath) => JSON.stringify(path);

/**
 * Puts each server field error on the form field it names, or on the nearest field above it
 * (`params.stop[1]` on `params.stop` when the stop words are one field); errors that name no
 * field of the form come back in `rest`, for an alert.
 */
export function placeFieldErrors(
  registered: NamePath[],
  errors: FieldError[],
): { placed: { name: NamePath; errors: string[] }[]; rest: string[] } {
  const known = new Set(registered.map(key));
  const placed = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: string[] = [];
  for (const error of errors) {
    let path = fieldPath(error.field);
    while (path.length > 0 && !known.has(key(path))) path = path.slice(0, -1);
    const text = serverMessageText(error.message);
    if (path.length === 0) {
      rest.push(`${error.field}: ${text}`);
      continue;
    }
    const entry = placed.get(key(path)) ?? { name: path, errors: [] };
    entry.errors.push(text);
    placed.set(key(path), entry);
  }
  return { placed: [...placed.values()], rest };
}

/** The server words its field errors in English; these are the common ones, translated. */
const MESSAGES: [RegExp, string][] = [
  [/^must not be blank$/, 'agents:serverErrors.blank'],
  [/^is required/, 'agents:serverErrors.required'],
  [/^size must be between (\d+) and (\d+)$/, 'agents:serverErrors.size'],
  [/^must be an http or https URL$/, 'agents:serverErrors.url'],
  [/^must not be a UUID$/, 'agents:serverErrors.uuid'],
  [/^must be in the future$/, 'agents:serverErrors.future'],
  [/^no provider /, 'agents:serverErrors.provider'],
];

export function serverMessageText(message: string): string {
  for (const [pattern, textKey] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return i18n.t(textKey, { min: match[1], max: match[2] });
  }
  return i18n.t('agents:serverErrors.other', { message });
}
