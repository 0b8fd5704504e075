import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Drawer, Form, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { LoadMore } from '../shared';
import { useCursorList } from '../api';
import { type Delivery, supportAdminApi, type Webhook, WEBHOOK_EVENTS } from './api';
import { ConsolePage } from './ConsolePage';
import { type EditorProps, useEditorModal } from './editorModal';
import { FormModal } from './FormModal';
import { NS } from './i18n';
import { ListTable } from './ListTable';
import { useRowMutation } from './mutations';
import { SupportErrorAlert } from './problems';
import { rowActionsColumn } from './RowActions';

interface Values {
  url: string;
  events: string[];
  secret?: string;
  active: boolean;
}

const WEBHOOK_LISTS = [['admin', 'support', 'webhooks']];

/** The server names an error on one event `events[2]`; the form has one field for them all. */
const eventsAsOneField = (name: string) => name.replace(/\[\d+\]$/, '');

function WebhookModal({ editing, ...modal }: EditorProps<Webhook>) {
  const { t } = useTranslation(NS);
  const save = (values: Values) => {
    const body = { url: values.url.trim(), events: values.events, active: values.active, ...(values.secret ? { secret: values.secret } : {}) };
    return editing ? supportAdminApi.updateWebhook(editing.id, body) : supportAdminApi.createWebhook(body);
  };
  return (
    <FormModal<Values>
      {...modal}
      title={editing ? t('webhooks.edit') : t('webhooks.create')}
      width={600}
      initialValues={{ url: editing?.url ?? '', events: editing?.events ?? [...WEBHOOK_EVENTS], active: editing?.active ?? true }}
      save={save}
      invalidates={WEBHOOK_LISTS}
      fieldOf={eventsAsOneField}
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
    </FormModal>
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
  const webhooks = useQuery({ queryKey: ['admin', 'support', 'webhooks'], queryFn: supportAdminApi.webhooks });
  const editor = useEditorModal<Webhook>();
  const [log, setLog] = useState<Webhook | null>(null);
  const toggle = useRowMutation((webhook: Webhook) => supportAdminApi.updateWebhook(webhook.id, { active: !webhook.active }), WEBHOOK_LISTS);
  const remove = useRowMutation((webhook: Webhook) => supportAdminApi.deleteWebhook(webhook.id), WEBHOOK_LISTS);
  return (
    <ConsolePage title={t('webhooks.title')} intro={t('webhooks.intro')} createLabel={t('webhooks.create')} onCreate={() => editor.edit(null)} query={webhooks}>
      <ListTable<Webhook>
        list={webhooks}
        empty={t('webhooks.empty')}
        scroll={{ x: 860 }}
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
          rowActionsColumn<Webhook>({
            title: t('actions'),
            width: 230,
            labels: ({ url }) => ({ edit: t('webhooks.editOf', { url }), delete: t('webhooks.deleteOf', { url }), deleteConfirm: t('webhooks.deleteConfirm', { url }) }),
            onEdit: editor.edit,
            onDelete: remove.mutateAsync,
            before: (webhook) => (
              <Button type="link" size="small" onClick={() => setLog(webhook)} aria-label={t('webhooks.deliveriesOf', { url: webhook.url })}>
                {t('webhooks.deliveries')}
              </Button>
            ),
          }),
        ]}
      />
      <WebhookModal key={editor.key} {...editor.props} />
      <Deliveries webhook={log} onClose={() => setLog(null)} />
    </ConsolePage>
  );
}
