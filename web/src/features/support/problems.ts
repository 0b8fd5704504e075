import i18n from 'i18next';
import { ApiError } from '../../api/problem';
import { problemText } from '../../i18n/problems';

/** The text for a failed support call: the feature's own wording for its problems, else the common one. */
export function supportProblemText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `support:problems.${error.slug}`;
    if (i18n.exists(key)) return i18n.t(key, { detail: error.detail ?? error.title });
  }
  return problemText(error);
}
