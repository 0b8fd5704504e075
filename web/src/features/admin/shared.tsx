import { Alert, Button, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import { ApiError } from '../../api/problem';
import { problemText } from '../../i18n/problems';

/** The text for a failed admin call: this console's own wording for its problems, else the common one. */
export function adminProblemText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `admin:problems.${error.slug}`;
    if (i18n.exists(key)) return i18n.t(key, { detail: error.detail ?? error.title });
  }
  return problemText(error);
}

/** A 404 from a list endpoint: this server does not offer that API (yet). */
export function isUnavailable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 405) && error.slug !== 'user-not-found';
}

export function PageTitle({ title, extra, children }: { title: string; extra?: ReactNode; children?: ReactNode }) {
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children && <Typography.Text type="secondary">{children}</Typography.Text>}
    </Flex>
  );
}

export function ErrorAlert({
  error,
  onRetry,
  describe = adminProblemText,
}: {
  error: unknown;
  onRetry?: () => void;
  /** What the alert says of the error (a feature may name its own problems). */
  describe?: (error: unknown) => string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={describe(error)}
      style={{ marginBottom: 16 }}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        )
      }
    />
  );
}

/** The state shown when the server answers 404 for an API this page needs. */
export function Unavailable() {
  const { t } = useTranslation('admin');
  return <Empty description={t('unavailable')} data-testid="admin-unavailable" style={{ padding: 48 }} />;
}

export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Flex justify="center" style={{ marginTop: 12 }}>
      <Button onClick={onMore} loading={loading}>
        {t('actions.loadMore')}
      </Button>
    </Flex>
  );
}

/** A one-time password, shown once with a copy button. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  const { t } = useTranslation('admin');
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('oneTime.body', { email })}</Typography.Paragraph>
      <Typography.Text
        code
        copyable={{ text: password, tooltips: [t('oneTime.copy'), t('oneTime.copied')] }}
        style={{ fontSize: 16 }}
        data-testid="one-time-password"
      >
        {password}
      </Typography.Text>
      <Alert type="warning" showIcon title={t('oneTime.warning')} />
    </Flex>
  );
}

/** A card's title as a heading, for screen readers' heading navigation. */
export function CardTitle({ children }: { children: ReactNode }) {
  return <h3 style={{ margin: 0, fontSize: 15, fontWeight: 600 }}>{children}</h3>;
}
