import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Drawer, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { fieldErrors } from '../../../i18n/problems';
import { isUnavailable, LoadMore, PageTitle, Unavailable } from '../shared';
import { useCursorList } from '../api';
import { type Delivery, supportAdminApi, type Webhook, WEBHOOK_EVENTS } from './api';
import { NS } from './i18n';
import { SupportErrorAlert, supportAdminProblemText } from './problems';

interface Values {
  url: string;
  events: string[];
  secret?: string;
  active: boolean;
}

function WebhookModal({ open, editing, onClose }: { open: boolean; editing: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = { url: values.url.trim(), events: values.events, active: values.active, ...(values.secret ? { secret: values.secret } : {}) };
      return editing ? supportAdminApi.updateWebhook(editing.id, body) : supportAdminApi.createWebhook(body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin', 'support', 'webhooks'] });
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      if (fields.length) form.setFields(fields.map(({ name, errors }) => ({ name: name.replace(/\[\d+\]$/, '') as keyof Values, errors })));
    },
  });
  return (
    <Modal
      open={open}
      title={editing ? t('webhooks.edit') : t('webhooks.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={save.isPending}
      width={600}
      destroyOnHidden
    >
      {save.error && fieldErrors(save.error).length === 0 && <SupportErrorAlert error={save.error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ url: editing?.url ?? '', events: editing?.events ?? [...WEBHOOK_EVENTS], active: editing?.active ?? true }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, type: 'url', message: t('webhooks.urlRequired') }]}>
          <Input autoComplete="off" inputMode="url" placeholder="https://example.com/parley-hook" />
        </Form.Item>
        <Form.Item name="events" label={t('webhooks.events')} rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.eventsRequired') }]}>
          <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4 }}>
            {WEBHOOK_EVENTS.map((event) => (
              <Checkbox key={event} value={event}>
                <Typography.Text code>{event}</Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="secret" label={editing ? t('webhooks.newSecret') : t('webhooks.secret')} extra={t('webhooks.secretHelp')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="active" label={t('webhooks.active')} valuePropName="checked">
          <Switch aria-label={t('webhooks.active')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const STATUS_COLOR: Record<Delivery['status'], string> = { pending: 'blue', delivered: 'green', failed: 'red' };

function Deliveries({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const list = useCursorList(['admin', 'support', 'deliveries', webhook?.id ?? ''], (cursor) => supportAdminApi.deliveries(webhook!.id, cursor), !!webhook);
  return (
    <Drawer
      open={!!webhook}
      onClose={onClose}
      size={900}
      title={t('webhooks.deliveriesOf', { url: webhook?.url ?? '' })}
      extra={<Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching} aria-label={t('webhooks.refresh')} />}
      destroyOnHidden
    >
      {list.error && <SupportErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: t('webhooks.noDeliveries') }}
        columns={[
          { title: t('webhooks.time'), dataIndex: 'created_at', width: 170, render: (value: string) => formatDateTime(value) },
          { title: t('webhooks.event'), dataIndex: 'event', render: (event: string) => <Typography.Text code>{event}</Typography.Text> },
          { title: t('webhooks.status'), dataIndex: 'status', width: 110, render: (status: Delivery['status']) => <Tag color={STATUS_COLOR[status]}>{t(`webhooks.statuses.${status}`)}</Tag> },
          { title: t('webhooks.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
          { title: t('webhooks.lastCode'), dataIndex: 'last_status_code', width: 90, render: (code: number | null) => code ?? '—' },
          {
            title: t('webhooks.lastError'),
            dataIndex: 'last_error',
            ellipsis: true,
            render: (error: string | null) => (error ? <Typography.Text type="danger" ellipsis={{ tooltip: error }}>{error}</Typography.Text> : '—'),
          },
          {
            title: t('webhooks.next'),
            key: 'next',
            width: 170,
            render: (_, delivery) =>
              delivery.delivered_at ? t('webhooks.deliveredAt', { time: formatDateTime(delivery.delivered_at) }) : delivery.next_attempt_at ? formatDateTime(delivery.next_attempt_at) : '—',
          },
        ]}
      />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
    </Drawer>
  );
}

/** Webhooks: Parley posts each chosen support event to a URL, signed, with retries; the log shows every delivery. */
export function WebhooksPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const webhooks = useQuery({ queryKey: ['admin', 'support', 'webhooks'], queryFn: supportAdminApi.webhooks });
  const [modal, setModal] = useState<{ open: boolean; editing: Webhook | null; key: number }>({ open: false, editing: null, key: 0 });
  const [log, setLog] = useState<Webhook | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['admin', 'support', 'webhooks'] });
  const toggle = useMutation({
    mutationFn: (webhook: Webhook) => supportAdminApi.updateWebhook(webhook.id, { active: !webhook.active }),
    onSuccess: () => void refresh(),
    onError: (error) => void message.error(supportAdminProblemText(error)),
  });
  const remove = useMutation({
    mutationFn: (webhook: Webhook) => supportAdminApi.deleteWebhook(webhook.id),
    onSuccess: () => void refresh(),
    onError: (error) => void message.error(supportAdminProblemText(error)),
  });
  const open = (editing: Webhook | null) => setModal((now) => ({ open: true, editing, key: now.key + 1 }));
  if (webhooks.error && isUnavailable(webhooks.error))
    return (
      <>
        <PageTitle title={t('webhooks.title')} />
        <Unavailable />
      </>
    );
  return (
    <>
      <PageTitle
        title={t('webhooks.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>
            {t('webhooks.create')}
          </Button>
        }
      >
        {t('webhooks.intro')}
      </PageTitle>
      {webhooks.error && <SupportErrorAlert error={webhooks.error} onRetry={() => void webhooks.refetch()} />}
      <Table<Webhook>
        rowKey="id"
        size="middle"
        loading={webhooks.isLoading}
        dataSource={webhooks.data ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('webhooks.empty') }}
        columns={[
          { title: t('webhooks.url'), dataIndex: 'url', ellipsis: true, render: (url: string) => <Typography.Text ellipsis={{ tooltip: url }}>{url}</Typography.Text> },
          {
            title: t('webhooks.events'),
            dataIndex: 'events',
            render: (events: string[]) =>
              events.length === WEBHOOK_EVENTS.length ? (
                <Tag>{t('webhooks.allEvents')}</Tag>
              ) : (
                <Space size={4} wrap>
                  {events.map((event) => (
                    <Tag key={event}>{event}</Tag>
                  ))}
                </Space>
              ),
          },
          {
            title: t('webhooks.active'),
            dataIndex: 'active',
            width: 100,
            render: (active: boolean, webhook) => (
              <Switch size="small" checked={active} loading={toggle.isPending && toggle.variables?.id === webhook.id} onChange={() => toggle.mutate(webhook)} aria-label={t('webhooks.activeOf', { url: webhook.url })} />
            ),
          },
          {
            title: t('actions'),
            key: 'actions',
            width: 230,
            render: (_, webhook) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setLog(webhook)} aria-label={t('webhooks.deliveriesOf', { url: webhook.url })}>
                  {t('webhooks.deliveries')}
                </Button>
                <Button type="link" size="small" onClick={() => open(webhook)} aria-label={t('webhooks.editOf', { url: webhook.url })}>
                  {tc('actions.edit')}
                </Button>
                <Popconfirm
                  title={t('webhooks.deleteConfirm', { url: webhook.url })}
                  okText={tc('actions.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={tc('actions.cancel')}
                  onConfirm={() => remove.mutateAsync(webhook).catch(() => undefined)}
                >
                  <Button type="link" danger size="small" aria-label={t('webhooks.deleteOf', { url: webhook.url })}>
                    {tc('actions.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <WebhookModal key={modal.key} open={modal.open} editing={modal.editing} onClose={() => setModal((now) => ({ ...now, open: false }))} />
      <Deliveries webhook={log} onClose={() => setLog(null)} />
    </>
  );
}
