import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Empty, Flex, Row, Segmented, Skeleton, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../../i18n/format';
import { EChart } from '../EChart';
import { CardTitle, isUnavailable, PageTitle, Unavailable } from '../shared';
import { type GroupBy, type Report, type ReportRow, supportAdminApi } from './api';
import { NS } from './i18n';
import { SupportErrorAlert } from './problems';
import { formatDuration, formatRate, ratesChart, timesChart } from './reportCharts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const GROUPS: GroupBy[] = ['inbox', 'agent', 'day'];

/** The period and grouping in the address, so a reload shows the same report (default: the last 30 days by inbox). */
function useReportParams() {
  const [params, setParams] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : dayjs().subtract(29, 'day').format('YYYY-MM-DD');
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : today;
  const groupBy = GROUPS.includes(params.get('group_by') as GroupBy) ? (params.get('group_by') as GroupBy) : 'inbox';
  const set = (change: Record<string, string>) => setParams({ from, to, group_by: groupBy, ...change }, { replace: true });
  return { from, to, groupBy, set };
}

function Totals({ report }: { report: Report }) {
  const { t } = useTranslation(NS);
  const totals = report.totals;
  const stats = [
    { key: 'conversations', title: t('reports.conversations'), value: formatNumber(totals.conversations) },
    { key: 'handoff', title: t('reports.handoffRate'), value: formatRate(totals.handoff_rate) },
    { key: 'bot', title: t('reports.botResolvedRate'), value: formatRate(totals.bot_resolved_rate) },
    { key: 'first', title: t('reports.firstResponseAvg'), value: formatDuration(totals.first_response_seconds_avg) },
    { key: 'median', title: t('reports.firstResponseP50'), value: formatDuration(totals.first_response_seconds_p50) },
    { key: 'resolution', title: t('reports.resolutionAvg'), value: formatDuration(totals.resolution_seconds_avg) },
  ];
  return (
    <section aria-label={t('reports.totals')}>
      <Row gutter={[12, 12]}>
        {stats.map((stat) => (
          <Col key={stat.key} xs={12} sm={8} xxl={4}>
            <Card size="small" style={{ height: '100%' }}>
              <Statistic title={stat.title} value={stat.value} styles={{ content: { fontSize: 22, whiteSpace: 'nowrap' } }} />
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}

function ReportTable({ rows, groupBy }: { rows: ReportRow[]; groupBy: GroupBy }) {
  const { t } = useTranslation(NS);
  return (
    <Table<ReportRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 980 }}
      columns={[
        { title: t(`reports.groups.${groupBy}`), dataIndex: 'label', ellipsis: true, fixed: 'left', width: 180 },
        { title: t('reports.conversations'), dataIndex: 'conversations', align: 'right', render: formatNumber },
        { title: t('reports.handedOff'), dataIndex: 'handed_off', align: 'right', render: formatNumber },
        { title: t('reports.handoffRate'), dataIndex: 'handoff_rate', align: 'right', render: formatRate },
        { title: t('reports.botResolved'), dataIndex: 'bot_resolved', align: 'right', render: formatNumber },
        { title: t('reports.botResolvedRate'), dataIndex: 'bot_resolved_rate', align: 'right', render: formatRate },
        { title: t('reports.resolved'), dataIndex: 'resolved', align: 'right', render: formatNumber },
        { title: t('reports.firstResponseAvg'), dataIndex: 'first_response_seconds_avg', align: 'right', render: formatDuration },
        { title: t('reports.firstResponseP50'), dataIndex: 'first_response_seconds_p50', align: 'right', render: formatDuration },
        { title: t('reports.resolutionAvg'), dataIndex: 'resolution_seconds_avg', align: 'right', render: formatDuration },
      ]}
    />
  );
}

/** Customer service reports: response and resolution times, handoff and bot-resolved rates, per inbox, agent or day. */
export function ReportsPage() {
  const { t } = useTranslation(NS);
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const { from, to, groupBy, set } = useReportParams();
  const report = useQuery({
    queryKey: ['admin', 'support', 'reports', from, to, groupBy],
    queryFn: () => supportAdminApi.report(from, to, groupBy),
    retry: false,
  });
  const rows = useMemo(() => report.data?.items ?? [], [report.data]);
  const charts = useMemo(() => ({ times: timesChart(rows, groupBy, translate), rates: ratesChart(rows, groupBy, translate) }), [rows, groupBy, translate]);
  const range: [Dayjs, Dayjs] = [dayjs(from), dayjs(to)];
  const controls = (
    <Flex gap={8} wrap align="center">
      <Segmented<GroupBy>
        aria-label={t('reports.groupBy')}
        value={groupBy}
        onChange={(value) => set({ group_by: value })}
        options={GROUPS.map((group) => ({ value: group, label: t(`reports.by.${group}`) }))}
      />
      <DatePicker.RangePicker
        aria-label={t('reports.range')}
        value={range}
        allowClear={false}
        disabledDate={(date) => date.isAfter(dayjs(), 'day')}
        onChange={(dates) => {
          if (dates?.[0] && dates[1]) set({ from: dates[0].format('YYYY-MM-DD'), to: dates[1].format('YYYY-MM-DD') });
        }}
      />
    </Flex>
  );
  return (
    <>
      <PageTitle title={t('reports.title')} extra={controls}>
        {t('reports.intro')}
      </PageTitle>
      {report.error && isUnavailable(report.error) ? (
        <Unavailable />
      ) : report.error ? (
        <SupportErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : report.isLoading || !report.data ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Empty description={t('reports.empty')} />
      ) : (
        <Flex vertical gap={16}>
          <Totals report={report.data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={<CardTitle>{t('reports.times')}</CardTitle>}>
                <EChart option={charts.times} label={t('reports.timesLabel')} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={<CardTitle>{t('reports.rates')}</CardTitle>}>
                <EChart option={charts.rates} label={t('reports.ratesLabel')} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={<CardTitle>{t(`reports.tableTitle.${groupBy}`)}</CardTitle>}>
            <ReportTable rows={rows} groupBy={groupBy} />
          </Card>
        </Flex>
      )}
    </>
  );
}
