import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Flex, Form, Progress, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { problemText } from '../../i18n/problems';
import { useAgents } from '../chat/queries';
import { cancelExportJob, dataKeys, EXPORT_FORMATS, type ExportFormat, type ExportJob, listExportJobs, listTags, startExportJob } from './api';

interface Values {
  format: ExportFormat;
  dates?: [Dayjs | null, Dayjs | null] | null;
  agent_id?: string;
  tag?: string;
  gzip: boolean;
}

const RUNNING = new Set(['queued', 'running']);

/** Export of all one's conversations as a background job: progress, cancel, a download link that expires. */
export function ExportSection() {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [starting, setStarting] = useState(false);
  const agents = useAgents();
  const tags = useQuery({ queryKey: dataKeys.tags, queryFn: ({ signal }) => listTags(signal) });
  const jobs = useQuery({
    queryKey: dataKeys.exportJobs,
    queryFn: ({ signal }) => listExportJobs(signal),
    // Polled only while a job runs: its progress moves.
    refetchInterval: (query) => (query.state.data?.some((job) => RUNNING.has(job.status)) ? 1500 : false),
  });
  const running = jobs.data?.some((job) => RUNNING.has(job.status)) ?? false;

  const start = async (values: Values) => {
    setStarting(true);
    try {
      await startExportJob({
        format: values.format,
        from: values.dates?.[0]?.startOf('day').toISOString(),
        to: values.dates?.[1]?.endOf('day').toISOString(),
        agent_id: values.agent_id,
        tag: values.tag,
        gzip: values.gzip,
      });
      message.success(t('export.started'));
    } catch (error) {
      message.error(problemText(error));
    } finally {
      setStarting(false);
      await client.invalidateQueries({ queryKey: dataKeys.exportJobs });
    }
  };

  const cancel = async (job: ExportJob) => {
    try {
      await cancelExportJob(job.id);
    } catch (error) {
      message.error(problemText(error));
    } finally {
      await client.invalidateQueries({ queryKey: dataKeys.exportJobs });
    }
  };

  return (
    <section aria-labelledby="parley-export-title">
      <Typography.Title level={4} id="parley-export-title">
        {t('export.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('export.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ format: 'json', gzip: false }} onFinish={(values) => void start(values)} style={{ rowGap: 8 }}>
        <Form.Item name="format" label={t('export.format')}>
          <Select style={{ width: 130 }} options={EXPORT_FORMATS.map((format) => ({ value: format, label: t(`export.formats.${format}`) }))} />
        </Form.Item>
        <Form.Item name="dates" label={t('export.dates')}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="agent_id" label={t('export.agent')}>
          <Select allowClear style={{ width: 160 }} options={(agents.data ?? []).map((agent) => ({ value: agent.id, label: agent.name }))} />
        </Form.Item>
        <Form.Item name="tag" label={t('export.tag')}>
          <Select allowClear style={{ width: 140 }} options={(tags.data ?? []).map((tag) => ({ value: tag.name, label: tag.name }))} />
        </Form.Item>
        <Form.Item name="gzip" valuePropName="checked">
          <Checkbox>{t('export.gzip')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={starting} disabled={running} data-testid="export-start">
            {t('export.start')}
          </Button>
        </Form.Item>
      </Form>
      <Table<ExportJob>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        loading={jobs.isLoading}
        dataSource={jobs.data ?? []}
        pagination={false}
        locale={{ emptyText: t('export.noJobs') }}
        data-testid="export-jobs"
        columns={[
          { title: t('export.created'), dataIndex: 'created_at', render: (value: string) => formatDateTime(value) },
          { title: t('export.format'), key: 'format', render: (_, job) => t(`export.formats.${job.params.format}`, { defaultValue: job.params.format }) },
          {
            title: t('export.status'),
            key: 'status',
            render: (_, job) =>
              RUNNING.has(job.status) ? (
                <Flex vertical style={{ minWidth: 160 }}>
                  <Progress
                    size="small"
                    percent={job.progress.total ? Math.floor((100 * job.progress.done) / job.progress.total) : 0}
                    status="active"
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('export.progress', { done: formatNumber(job.progress.done), total: formatNumber(job.progress.total ?? 0) })}
                  </Typography.Text>
                </Flex>
              ) : (
                <Tag color={job.status === 'succeeded' ? 'green' : job.status === 'failed' ? 'red' : undefined}>
                  {t(`export.statuses.${job.status}`)}
                </Tag>
              ),
          },
          {
            title: t('export.file'),
            key: 'file',
            render: (_, job) =>
              job.download_url ? (
                <Flex vertical>
                  <a href={job.download_url} data-testid="export-download">
                    <DownloadOutlined /> {t('export.download', { size: sizeText(job.file_size) })}
                  </a>
                  {job.expires_at && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('export.expires', { at: formatDateTime(job.expires_at) })}
                    </Typography.Text>
                  )}
                </Flex>
              ) : job.error ? (
                <Typography.Text type="danger">{job.error.detail ?? job.error.code}</Typography.Text>
              ) : null,
          },
          {
            key: 'actions',
            render: (_, job) =>
              RUNNING.has(job.status) ? (
                <Button size="small" icon={<StopOutlined />} onClick={() => void cancel(job)}>
                  {t('export.cancel')}
                </Button>
              ) : null,
          },
        ]}
      />
    </section>
  );
}

function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
