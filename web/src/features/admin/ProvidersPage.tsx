import { ApiOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { adminApi, type Breaker, type ConnectionTest, type Provider } from './api';
import { KeyTag, ProviderForm } from './ProviderForm';
import { CardTitle, ErrorAlert, PageTitle } from './shared';

function TestResult({ result }: { result: ConnectionTest }) {
  const { t } = useTranslation('admin');
  if (result.ok)
    return (
      <Typography.Text type="success" data-testid="provider-test-result">
        {t('providers.testOk', { latency: formatNumber(result.latency_ms), model: result.model ?? '' })}
      </Typography.Text>
    );
  return (
    <Typography.Text type="danger" data-testid="provider-test-result">
      {t('providers.testFailed', {
        code: result.error?.code ?? '',
        message: result.error?.message ?? '',
        status: result.error?.http_status ? ` (HTTP ${result.error.http_status})` : '',
      })}
    </Typography.Text>
  );
}

function BreakerState({ state }: { state: Breaker['state'] }) {
  const { t } = useTranslation('admin');
  const color = state === 'CLOSED' ? 'green' : state === 'OPEN' ? 'red' : 'orange';
  return <Tag color={color}>{t(`breakers.${state}`)}</Tag>;
}

function Breakers() {
  const { t } = useTranslation('admin');
  const breakers = useQuery({ queryKey: ['admin', 'breakers'], queryFn: adminApi.breakers, refetchInterval: 10_000 });
  return (
    <Card
      size="small"
      title={<CardTitle>{t('breakers.title')}</CardTitle>}
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          aria-label={t('breakers.refresh')}
          onClick={() => void breakers.refetch()}
          loading={breakers.isFetching}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('breakers.intro')}</Typography.Paragraph>
      {breakers.error && <ErrorAlert error={breakers.error} onRetry={() => void breakers.refetch()} />}
      <Table<Breaker>
        rowKey="target"
        size="small"
        pagination={false}
        loading={breakers.isLoading}
        dataSource={breakers.data ?? []}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('breakers.empty') }}
        columns={[
          { title: t('breakers.target'), dataIndex: 'target', render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
          { title: t('breakers.state'), dataIndex: 'state', width: 120, render: (state: Breaker['state']) => <BreakerState state={state} /> },
          {
            title: t('breakers.failureRate'),
            dataIndex: 'failure_rate_percent',
            width: 120,
            render: (value: number | null) => (value === null ? '—' : `${formatNumber(Math.round(value * 10) / 10)} %`),
          },
          {
            title: t('breakers.recent'),
            key: 'recent',
            width: 140,
            render: (_, breaker) => t('breakers.recentValue', { failures: formatNumber(breaker.recent_failures), calls: formatNumber(breaker.recent_calls) }),
          },
          { title: t('breakers.refused'), dataIndex: 'refused_calls', width: 100, render: (value: number) => formatNumber(value) },
          {
            title: t('breakers.lastFailure'),
            dataIndex: 'last_failure',
            render: (value: Breaker['last_failure']) =>
              value ? (
                <Flex vertical>
                  <span>
                    {formatDateTime(value.at)} · <Typography.Text code>{value.code}</Typography.Text>
                    {value.http_status ? ` HTTP ${value.http_status}` : ''}
                  </span>
                  {value.detail && (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: value.detail }} style={{ maxWidth: 360 }}>
                      {value.detail}
                    </Typography.Text>
                  )}
                </Flex>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}

export function ProvidersPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const providers = useQuery({ queryKey: ['admin', 'providers'], queryFn: adminApi.providers });
  // A new key per opening: the form starts from this provider's values (or empty), never the last ones.
  const [form, setForm] = useState<{ open: boolean; editing: Provider | null; key: number }>({ open: false, editing: null, key: 0 });
  const [results, setResults] = useState<Record<string, ConnectionTest>>({});
  const [actionError, setActionError] = useState<unknown>(null);
  const test = useMutation({
    mutationFn: (provider: Provider) => adminApi.testProvider(provider.id),
    onSuccess: (result, provider) => {
      setResults((all) => ({ ...all, [provider.id]: result }));
      void client.invalidateQueries({ queryKey: ['admin', 'breakers'] });
    },
    onError: (failure) => setActionError(failure),
  });
  const remove = useMutation({
    mutationFn: (provider: Provider) => adminApi.deleteProvider(provider.id),
    onSuccess: (_, provider) => {
      void client.invalidateQueries({ queryKey: ['admin', 'providers'] });
      void message.success(t('providers.deleted', { name: provider.name }));
    },
    onError: (failure) => setActionError(failure),
  });

  return (
    <>
      <PageTitle
        title={t('providers.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm((now) => ({ open: true, editing: null, key: now.key + 1 }))}>
            {t('providers.create')}
          </Button>
        }
      >
        {t('providers.intro')}
      </PageTitle>
      {providers.error && <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />}
      {actionError != null && <ErrorAlert error={actionError} />}
      <Flex vertical gap={16}>
        <Table<Provider>
          rowKey="id"
          size="middle"
          loading={providers.isLoading}
          dataSource={providers.data?.items ?? []}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('providers.empty') }}
          columns={[
            {
              title: t('providers.name'),
              dataIndex: 'name',
              width: 320,
              render: (name: string, provider) => (
                <Flex vertical gap={2}>
                  <Space size={4} wrap>
                    <Typography.Text strong>{name}</Typography.Text>
                    {provider.read_only && <Tag>{t('providers.environment')}</Tag>}
                    {!provider.enabled && <Tag color="default">{t('providers.disabled')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`providers.${provider.protocol}`)}
                    {provider.api_version ? ` · ${provider.api_version}` : ''}
                  </Typography.Text>
                  <Typography.Text
                    style={{ fontSize: 12, wordBreak: 'break-all' }}
                    copyable={{ text: provider.base_url, tooltips: [tc('actions.copy'), tc('actions.copied')] }}
                  >
                    {provider.base_url}
                  </Typography.Text>
                  {results[provider.id] && <TestResult result={results[provider.id]} />}
                </Flex>
              ),
            },
            {
              title: t('providers.models'),
              dataIndex: 'models',
              render: (models: string[]) => (
                <Space size={4} wrap>
                  {models.slice(0, 6).map((model, index) => (
                    <Tooltip key={model} title={index === 0 ? t('providers.defaultModel') : undefined}>
                      <Tag color={index === 0 ? 'blue' : undefined}>{model}</Tag>
                    </Tooltip>
                  ))}
                  {models.length > 6 && <Tag>{t('providers.moreModels', { count: models.length - 6 })}</Tag>}
                </Space>
              ),
            },
            {
              title: t('providers.keys'),
              dataIndex: 'api_keys',
              width: 190,
              render: (keys: Provider['api_keys']) =>
                keys.length === 0 ? (
                  <Typography.Text type="secondary">{t('providers.noKeys')}</Typography.Text>
                ) : (
                  <Space size={4} wrap>
                    {keys.map((key, index) => (
                      <KeyTag key={index} hint={key.hint} status={key.status} reason={key.rejected_reason} at={key.rejected_at} />
                    ))}
                  </Space>
                ),
            },
            {
              title: t('actionsColumn'),
              key: 'actions',
              width: 200,
              render: (_, provider) => (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    icon={<ApiOutlined />}
                    loading={test.isPending && test.variables?.id === provider.id}
                    aria-label={t('providers.testOf', { name: provider.name })}
                    onClick={() => test.mutate(provider)}
                  >
                    {t('providers.test')}
                  </Button>
                  {!provider.read_only && (
                    <>
                      <Button
                        type="link"
                        size="small"
                        aria-label={t('providers.editOf', { name: provider.name })}
                        onClick={() => setForm((now) => ({ open: true, editing: provider, key: now.key + 1 }))}
                      >
                        {tc('actions.edit')}
                      </Button>
                      <Popconfirm
                        title={t('providers.deleteConfirm', { name: provider.name })}
                        description={t('providers.deleteEffect')}
                        okText={tc('actions.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={tc('actions.cancel')}
                        onConfirm={() => remove.mutate(provider)}
                      >
                        <Button type="link" size="small" danger aria-label={t('providers.deleteOf', { name: provider.name })}>
                          {tc('actions.delete')}
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <Breakers />
      </Flex>
      <ProviderForm key={form.key} open={form.open} editing={form.editing} onClose={() => setForm((now) => ({ ...now, open: false }))} />
    </>
  );
}
