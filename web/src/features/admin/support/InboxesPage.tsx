import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { isUnavailable, PageTitle, Unavailable } from '../shared';
import { type Inbox, supportAdminApi } from './api';
import { NS } from './i18n';
import { SupportErrorAlert, supportAdminProblemText } from './problems';
import { InboxForm } from './InboxForm';

/** The inboxes: each is a website widget with its bot, its hours, its handoff rules and its agents. */
export function InboxesPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const inboxes = useQuery({ queryKey: ['admin', 'support', 'inboxes'], queryFn: supportAdminApi.inboxes });
  const [form, setForm] = useState<{ open: boolean; editing: Inbox | null; key: number }>({ open: false, editing: null, key: 0 });
  const remove = useMutation({
    mutationFn: (inbox: Inbox) => supportAdminApi.deleteInbox(inbox.id),
    onSuccess: (_, inbox) => {
      void client.invalidateQueries({ queryKey: ['admin', 'support', 'inboxes'] });
      void message.success(t('inboxes.deleted', { name: inbox.name }));
    },
    onError: (error) => void message.error(supportAdminProblemText(error)),
  });
  const openForm = (editing: Inbox | null) => setForm((now) => ({ open: true, editing, key: now.key + 1 }));

  if (inboxes.error && isUnavailable(inboxes.error))
    return (
      <>
        <PageTitle title={t('inboxes.title')} />
        <Unavailable />
      </>
    );
  return (
    <>
      <PageTitle
        title={t('inboxes.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {t('inboxes.create')}
          </Button>
        }
      >
        {t('inboxes.intro')}
      </PageTitle>
      {inboxes.error && <SupportErrorAlert error={inboxes.error} onRetry={() => void inboxes.refetch()} />}
      <Table<Inbox>
        rowKey="id"
        size="middle"
        loading={inboxes.isLoading}
        dataSource={inboxes.data ?? []}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: t('inboxes.empty') }}
        columns={[
          {
            title: t('inboxes.name'),
            dataIndex: 'name',
            render: (name: string, inbox) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => openForm(inbox)} aria-label={t('inboxes.edit', { name })}>
                {name}
              </Button>
            ),
          },
          {
            title: t('inboxes.members'),
            dataIndex: 'member_ids',
            width: 120,
            render: (ids: string[]) => t('inboxes.memberCount', { count: ids?.length ?? 0 }),
          },
          {
            title: t('inboxes.settings'),
            key: 'settings',
            render: (_, inbox) => (
              <Space size={4} wrap>
                {inbox.business_hours ? <Tag>{t('inboxes.hoursSet', { zone: inbox.time_zone })}</Tag> : <Tag color="green">{t('inboxes.alwaysOpen')}</Tag>}
                {inbox.identity_required && <Tag color="blue">{t('inboxes.identityRequired')}</Tag>}
                {inbox.auto_assign && <Tag>{t('inboxes.autoAssign')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('updated'),
            dataIndex: 'updated_at',
            width: 190,
            render: (value: string) => <Typography.Text type="secondary">{formatDateTime(value)}</Typography.Text>,
          },
          {
            title: t('actions'),
            key: 'actions',
            width: 170,
            render: (_, inbox) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => openForm(inbox)} aria-label={t('inboxes.edit', { name: inbox.name })}>
                  {tc('actions.edit')}
                </Button>
                <Popconfirm
                  title={t('inboxes.deleteConfirm', { name: inbox.name })}
                  description={t('inboxes.deleteEffect')}
                  okText={tc('actions.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={tc('actions.cancel')}
                  onConfirm={() => remove.mutateAsync(inbox).catch(() => undefined)}
                >
                  <Button type="link" danger size="small" aria-label={t('inboxes.deleteOf', { name: inbox.name })}>
                    {tc('actions.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <InboxForm key={form.key} open={form.open} editing={form.editing} onClose={() => setForm((now) => ({ ...now, open: false }))} />
    </>
  );
}
