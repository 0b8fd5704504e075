import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Empty, Flex, Row, Segmented, Skeleton, Statistic, Table, theme, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatNumber } from '../../i18n/format';
import { adminApi, type Totals, type Usage } from './api';
import { EChart } from './EChart';
import { CardTitle, ErrorAlert, isUnavailable, PageTitle, Unavailable } from './shared';
import { dayLabel, ranking, requestsPerDay, share, tokensPerDay, ttftPerDay } from './usageCharts';

const PRESETS = ['7', '30', '90'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today as a UTC day: the report's days are UTC days. */
function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

function minusDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** The period in the address (`?days=30`, or `?from=&to=`), so a reload shows the same report. */
function usePeriod() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && DAY.test(from) && DAY.test(to)) {
    return { preset: 'custom' as const, from, to, setParams };
  }
  const days = PRESETS.includes(params.get('days') as (typeof PRESETS)[number]) ? Number(params.get('days')) : 30;
  const today = utcToday();
  return { preset: String(days) as (typeof PRESETS)[number], from: minusDays(today, days - 1), to: today, setParams };
}

function Stat({ title, value, suffix, note }: { title: string; value: string; suffix?: ReactNode; note?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={value} suffix={suffix} styles={{ content: { fontSize: 22, whiteSpace: 'nowrap' } }} />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

interface Group {
  key: string;
  name: string;
  totals: Totals;
}

function GroupTable({ rows, caption, nameTitle }: { rows: Group[]; caption: string; nameTitle: string }) {
  const { t } = useTranslation('admin');
  return (
    <Table<Group>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      title={() => <Typography.Text type="secondary">{caption}</Typography.Text>}
      locale={{ emptyText: t('usage.noCalls') }}
      columns={[
        { title: nameTitle, dataIndex: 'name', ellipsis: true },
        { title: t('usage.requests'), key: 'requests', align: 'right', render: (_, row) => formatNumber(row.totals.requests) },
        { title: t('usage.totalTokens'), key: 'tokens', align: 'right', render: (_, row) => formatNumber(row.totals.total_tokens) },
        { title: t('usage.errors'), key: 'errors', align: 'right', render: (_, row) => formatNumber(row.totals.errors) },
      ]}
    />
  );
}

function ChartCard({ title, label, chart, children }: { title: string; label: string; chart: ReturnType<typeof tokensPerDay>; children: ReactNode }) {
  return (
    <Card size="small" title={<CardTitle>{title}</CardTitle>} style={{ height: '100%' }}>
      <EChart option={chart} label={label} />
      {children}
    </Card>
  );
}

function DayTable({ usage }: { usage: Usage }) {
  const { t } = useTranslation('admin');
  const { token } = theme.useToken();
  const ms = (value: number | null) => (value === null ? '—' : formatNumber(value));
  return (
    <details style={{ marginTop: 8 }}>
      <summary style={{ cursor: 'pointer', color: token.colorLink }}>{t('usage.showTable')}</summary>
      <Table
        rowKey="day"
        size="small"
        pagination={false}
        dataSource={usage.by_day}
        scroll={{ x: 760 }}
        columns={[
          { title: t('usage.day'), dataIndex: 'day', render: (day: string) => formatDate(`${day}T12:00:00Z`) },
          { title: t('usage.requests'), dataIndex: 'requests', align: 'right', render: formatNumber },
          { title: t('usage.prompt'), dataIndex: 'prompt_tokens', align: 'right', render: formatNumber },
          { title: t('usage.completion'), dataIndex: 'completion_tokens', align: 'right', render: formatNumber },
          { title: t('usage.failovers'), dataIndex: 'failovers', align: 'right', render: formatNumber },
          { title: t('usage.errors'), dataIndex: 'errors', align: 'right', render: formatNumber },
          { title: 'TTFT p50', key: 'p50', align: 'right', render: (_, day) => ms(day.ttft_ms.p50) },
          { title: 'p90', key: 'p90', align: 'right', render: (_, day) => ms(day.ttft_ms.p90) },
          { title: 'p99', key: 'p99', align: 'right', render: (_, day) => ms(day.ttft_ms.p99) },
        ]}
      />
    </details>
  );
}

function Report({ usage, providerNames }: { usage: Usage; providerNames: Map<string, string> }) {
  const { t } = useTranslation('admin');
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const groups = useMemo(() => {
    const unnamed = t('usage.unnamed');
    return {
      users: usage.by_user.map((row) => ({ key: row.user_id, name: row.email ?? row.display_name ?? (row.user_id.startsWith('contact:') ? t('usage.supportContact') : t('usage.deletedUser')), totals: row })),
      agents: usage.by_agent.map((row) => ({
        key: row.agent_id ?? '-',
        name: row.agent_id === null ? t('usage.noAgent') : (row.agent_name ?? t('usage.deletedAgent')),
        totals: row,
      })),
      models: usage.by_model.map((row) => ({ key: row.model, name: row.model || unnamed, totals: row })),
      // Stored providers serve under their id; the console shows their names.
      providers: usage.by_provider.map((row) => ({
        key: row.provider,
        name: providerNames.get(row.provider) ?? (row.provider || unnamed),
        totals: row,
      })),
    };
  }, [usage, providerNames, t]);
  const charts = useMemo(
    () => ({
      tokens: tokensPerDay(usage, translate),
      requests: requestsPerDay(usage, translate),
      ttft: ttftPerDay(usage),
      users: ranking(groups.users, translate),
      agents: share(groups.agents, translate),
      models: ranking(groups.models, translate),
      providers: share(groups.providers, translate),
    }),
    [usage, groups, translate],
  );
  const ms = (value: number | null) => (value === null ? '—' : formatNumber(value));
  const total = usage.total;
  return (
    <Flex vertical gap={16}>
      <section aria-label={t('usage.summary')}>
        <Row gutter={[12, 12]}>
          <Col xs={12} sm={8} xxl={4}>
            <Stat title={t('usage.requests')} value={formatNumber(total.requests)} />
          </Col>
          <Col xs={12} sm={8} xxl={4}>
            <Stat title={t('usage.totalTokens')} value={formatNumber(total.total_tokens)} />
          </Col>
          <Col xs={12} sm={8} xxl={4}>
            <Stat
              title={t('usage.promptCompletion')}
              value={`${formatNumber(total.prompt_tokens)} / ${formatNumber(total.completion_tokens)}`}
            />
          </Col>
          <Col xs={12} sm={8} xxl={4}>
            <Stat title={t('usage.failovers')} value={formatNumber(total.failovers)} />
          </Col>
          <Col xs={12} sm={8} xxl={4}>
            <Stat title={t('usage.errors')} value={formatNumber(total.errors)} />
          </Col>
          <Col xs={12} sm={8} xxl={4}>
            <Stat
              title={t('usage.ttft')}
              value={`${ms(usage.ttft_ms.p50)} / ${ms(usage.ttft_ms.p90)} / ${ms(usage.ttft_ms.p99)}`}
              suffix="ms"
              note={t('usage.ttftCalls', { count: usage.ttft_ms.count, formatted: formatNumber(usage.ttft_ms.count) })}
            />
          </Col>
        </Row>
      </section>
      <ChartCard title={t('usage.tokensPerDay')} label={t('usage.tokensPerDayLabel')} chart={charts.tokens}>
        <DayTable usage={usage} />
      </ChartCard>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard title={t('usage.requestsPerDay')} label={t('usage.requestsPerDayLabel')} chart={charts.requests}>
            <Typography.Text type="secondary">{t('usage.seeDayTable')}</Typography.Text>
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('usage.ttftPerDay')} label={t('usage.ttftPerDayLabel')} chart={charts.ttft}>
            <Typography.Text type="secondary">{t('usage.seeDayTable')}</Typography.Text>
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('usage.topUsers')} label={t('usage.topUsersLabel')} chart={charts.users}>
            <GroupTable rows={groups.users} caption={t('usage.topUsers')} nameTitle={t('usage.user')} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('usage.byAgent')} label={t('usage.byAgentLabel')} chart={charts.agents}>
            <GroupTable rows={groups.agents} caption={t('usage.byAgent')} nameTitle={t('usage.agent')} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('usage.byModel')} label={t('usage.byModelLabel')} chart={charts.models}>
            <GroupTable rows={groups.models} caption={t('usage.byModel')} nameTitle={t('usage.model')} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('usage.byProvider')} label={t('usage.byProviderLabel')} chart={charts.providers}>
            <GroupTable rows={groups.providers} caption={t('usage.byProvider')} nameTitle={t('usage.provider')} />
          </ChartCard>
        </Col>
      </Row>
    </Flex>
  );
}

export function UsagePage() {
  const { t } = useTranslation('admin');
  const period = usePeriod();
  const usage = useQuery({
    queryKey: ['admin', 'usage', period.from, period.to],
    queryFn: () => adminApi.usage(period.from, period.to),
    retry: false,
  });
  const providers = useQuery({ queryKey: ['admin', 'providers'], queryFn: adminApi.providers });
  const providerNames = useMemo(
    () => new Map((providers.data?.items ?? []).map((provider) => [provider.id, provider.name])),
    [providers.data],
  );
  const range: [Dayjs, Dayjs] = [dayjs(period.from), dayjs(period.to)];
  const picker = (
    <Flex gap={8} wrap align="center">
      <Segmented<string>
        aria-label={t('usage.period')}
        value={period.preset}
        onChange={(value) => {
          if (value === 'custom') period.setParams({ from: period.from, to: period.to }, { replace: true });
          else period.setParams({ days: value }, { replace: true });
        }}
        options={[
          ...PRESETS.map((days) => ({ value: days, label: t('usage.lastDays', { count: Number(days) }) })),
          { value: 'custom', label: t('usage.custom') },
        ]}
      />
      <DatePicker.RangePicker
        aria-label={t('usage.range')}
        value={range}
        allowClear={false}
        disabledDate={(date) => date.isAfter(dayjs().add(1, 'day'), 'day')}
        onChange={(dates) => {
          if (!dates?.[0] || !dates[1]) return;
          period.setParams({ from: dates[0].format('YYYY-MM-DD'), to: dates[1].format('YYYY-MM-DD') }, { replace: true });
        }}
      />
    </Flex>
  );
  return (
    <>
      <PageTitle title={t('usage.title')} extra={picker}>
        {t('usage.intro', { from: dayLabel(period.from), to: dayLabel(period.to) })}
      </PageTitle>
      {usage.error && isUnavailable(usage.error) ? (
        <Unavailable />
      ) : usage.error ? (
        <ErrorAlert error={usage.error} onRetry={() => void usage.refetch()} />
      ) : usage.isLoading || !usage.data ? (
        <Skeleton active />
      ) : usage.data.by_day.length === 0 ? (
        <Empty />
      ) : (
        <Report usage={usage.data} providerNames={providerNames} />
      )}
    </>
  );
}
