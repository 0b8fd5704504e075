import i18n from 'i18next';
import { ApiError } from '../../../api/problem';
import { adminProblemText, ErrorAlert } from '../shared';

/** The text for a failed call of these screens: customer service's wording for its problems, else the console's. */
export function supportAdminProblemText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `support:problems.${error.slug}`;
    if (error.slug !== 'invalid-request' && i18n.exists(key)) return i18n.t(key, { detail: error.detail ?? error.title });
  }
  return adminProblemText(error);
}

/** The console's error alert, with customer service's wording. */
export function SupportErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <ErrorAlert error={error} onRetry={onRetry} describe={supportAdminProblemText} />;
}
