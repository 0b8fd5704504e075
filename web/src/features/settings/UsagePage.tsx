import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Progress, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { problemText } from '../../i18n/problems';
import { type Quota, quotaPercent, thisMonth, type Tokens, type Usage } from './usage';

const UsageDayChart = lazy(() => import('./UsageDayChart'));

const missing = (error: unknown) => error instanceof ApiError && error.status === 404;

/** The user's own usage: today's tokens against the quota, this month's per agent and model. */
export function UsagePage() {
  const { t } = useTranslation('settings');
  const month = thisMonth();
  const quota = useQuery({
    queryKey: ['usage', 'quota'],
    queryFn: ({ signal }) => api<Quota>('/api/v1/users/me/quota', { signal }),
    retry: false,
  });
  const usage = useQuery({
    queryKey: ['usage', 'month', month.from, month.to],
    queryFn: ({ signal }) => api<Usage>('/api/v1/users/me/usage', { query: month, signal }),
    retry: false,
  });

  const title = (
    <Typography.Title level={3} style={{ marginTop: 0 }}>
      {t('sections.usage')}
    </Typography.Title>
  );
  if (missing(quota.error) && missing(usage.error)) {
    // The server has no usage API (yet): one empty state, not two.
    return (
      <>
        {title}
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('usage.unavailable')} />
        </Card>
      </>
    );
  }

  return (
    <>
      {title}
      <Card title={t('usage.today')} style={{ marginBottom: 16 }}>
        {quota.isPending ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : quota.isError ? (
          missing(quota.error) ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('usage.unavailable')} />
          ) : (
            <Alert type="error" showIcon role="alert" title={problemText(quota.error)} />
          )
        ) : (
          <QuotaView quota={quota.data} />
        )}
      </Card>
      <Card title={t('usage.month', { from: month.from, to: month.to })}>
        {usage.isPending ? (
          <Skeleton active />
        ) : usage.isError ? (
          missing(usage.error) ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('usage.unavailable')} />
          ) : (
            <Alert type="error" showIcon role="alert" title={problemText(usage.error)} />
          )
        ) : (
          <MonthView usage={usage.data} />
        )}
      </Card>
    </>
  );
}

function QuotaView({ quota }: { quota: Quota }) {
  const { t } = useTranslation('settings');
  const percent = quotaPercent(quota);
  return (
    <>
      {percent === null ? (
        <Typography.Paragraph data-testid="quota-today">
          {t('usage.usedUnlimited', { used: formatNumber(quota.tokens_used_today) })}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph data-testid="quota-today" style={{ marginBottom: 4 }}>
            {t('usage.usedOf', { used: formatNumber(quota.tokens_used_today), limit: formatNumber(quota.tokens_per_day) })}
          </Typography.Paragraph>
          <Progress
            percent={percent}
            status={percent >= 100 ? 'exception' : percent >= 80 ? 'active' : 'normal'}
            aria-label={t('usage.quotaBar')}
            format={(value) => `${value}%`}
          />
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {quota.tokens_remaining !== null && `${t('usage.remaining', { value: formatNumber(quota.tokens_remaining) })} · `}
        {quota.resets_at && `${t('usage.resets', { at: formatDateTime(quota.resets_at) })} · `}
        {quota.requests_per_minute === null
          ? t('usage.rpmUnlimited')
          : t('usage.rpm', { value: formatNumber(quota.requests_per_minute) })}
      </Typography.Paragraph>
    </>
  );
}

function tokenColumns(t: (key: string) => string) {
  return [
    { key: 'requests', title: t('usage.requests'), dataIndex: 'requests', align: 'right' as const, render: formatNumber },
    { key: 'prompt', title: t('usage.prompt'), dataIndex: 'prompt_tokens', align: 'right' as const, render: formatNumber },
    { key: 'completion', title: t('usage.completion'), dataIndex: 'completion_tokens', align: 'right' as const, render: formatNumber },
    { key: 'total', title: t('usage.total'), dataIndex: 'total_tokens', align: 'right' as const, render: formatNumber },
  ];
}

function MonthView({ usage }: { usage: Usage }) {
  const { t } = useTranslation('settings');
  const columns = tokenColumns(t);
  const sorted = <T extends Tokens>(rows: T[]) => [...rows].sort((a, b) => b.total_tokens - a.total_tokens);
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('usage.total')} value={usage.total.total_tokens} formatter={(value) => formatNumber(Number(value))} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('usage.prompt')} value={usage.total.prompt_tokens} formatter={(value) => formatNumber(Number(value))} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('usage.completion')} value={usage.total.completion_tokens} formatter={(value) => formatNumber(Number(value))} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('usage.requests')} value={usage.total.requests} formatter={(value) => formatNumber(Number(value))} />
        </Col>
      </Row>
      {usage.by_day.length > 0 && (
        <>
          <Typography.Title level={5}>{t('usage.perDay')}</Typography.Title>
          <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 260 }} />}>
            <UsageDayChart days={usage.by_day} />
          </Suspense>
        </>
      )}
      <Typography.Title level={5}>{t('usage.byAgent')}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 560 }}
        rowKey={(row) => row.agent_id ?? 'none'}
        dataSource={sorted(usage.by_agent)}
        aria-label={t('usage.byAgent')}
        locale={{ emptyText: t('usage.none') }}
        columns={[
          { key: 'agent', title: t('usage.agent'), render: (_, row) => row.agent_name ?? t('usage.noAgent') },
          ...columns,
        ]}
        style={{ marginBottom: 16 }}
      />
      <Typography.Title level={5}>{t('usage.byModel')}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 560 }}
        rowKey="model"
        dataSource={sorted(usage.by_model)}
        aria-label={t('usage.byModel')}
        locale={{ emptyText: t('usage.none') }}
        columns={[{ key: 'model', title: t('usage.model'), dataIndex: 'model', render: (model: string) => <Typography.Text code>{model}</Typography.Text> }, ...columns]}
        style={{ marginBottom: 16 }}
      />
      {usage.by_source.length > 0 && (
        <>
          <Typography.Title level={5}>{t('usage.bySource')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            scroll={{ x: 560 }}
            rowKey="source"
            dataSource={sorted(usage.by_source)}
            aria-label={t('usage.bySource')}
            columns={[
              { key: 'source', title: t('usage.source'), dataIndex: 'source', render: (source: string) => t(`usage.sources.${source}`, { defaultValue: source }) },
              ...columns,
            ]}
          />
        </>
      )}
    </>
  );
}
