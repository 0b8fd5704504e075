import i18n from 'i18next';

/** The server states each broken password rule in English; these are the ones it knows. */
const RULES: [RegExp, string][] = [
  [/^must be at least (\d+) characters$/, 'auth:rules.minChars'],
  [/^must be at most (\d+) bytes/, 'auth:rules.maxBytes'],
  [/^must mix at least two of/, 'auth:rules.mix'],
  [/^is a well-known password$/, 'auth:rules.common'],
  [/^must not contain your e-mail address$/, 'auth:rules.email'],
  [/^is wrong$/, 'auth:rules.wrongCurrent'],
];

export function passwordRuleText(message: string): string {
  for (const [pattern, key] of RULES) {
    const match = pattern.exec(message);
    if (match) return i18n.t(key, { count: Number(match[1] ?? 0) });
  }
  return message;
}
