import { useQuery } from '@tanstack/react-query';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { type Inbox, supportAdminApi } from './api';
import { ConsolePage } from './ConsolePage';
import { useEditorModal } from './editorModal';
import { NS } from './i18n';
import { InboxForm } from './InboxForm';
import { ListTable } from './ListTable';
import { useRowMutation } from './mutations';
import { rowActionsColumn } from './RowActions';

/** The inboxes: each is a website widget with its bot, its hours, its handoff rules and its agents. */
export function InboxesPage() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const inboxes = useQuery({ queryKey: ['admin', 'support', 'inboxes'], queryFn: supportAdminApi.inboxes });
  const editor = useEditorModal<Inbox>();
  const remove = useRowMutation((inbox: Inbox) => supportAdminApi.deleteInbox(inbox.id), [['admin', 'support', 'inboxes']], (inbox) =>
    void message.success(t('inboxes.deleted', { name: inbox.name })),
  );
  return (
    <ConsolePage title={t('inboxes.title')} intro={t('inboxes.intro')} createLabel={t('inboxes.create')} onCreate={() => editor.edit(null)} query={inboxes}>
      <ListTable<Inbox>
        list={inboxes}
        empty={t('inboxes.empty')}
        scroll={{ x: 820 }}
        columns={[
          {
            title: t('inboxes.name'),
            dataIndex: 'name',
            render: (name: string, inbox) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => editor.edit(inbox)} aria-label={t('inboxes.edit', { name })}>
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
          rowActionsColumn<Inbox>({
            title: t('actions'),
            width: 170,
            labels: ({ name }) => ({
              edit: t('inboxes.edit', { name }),
              delete: t('inboxes.deleteOf', { name }),
              deleteConfirm: t('inboxes.deleteConfirm', { name }),
              deleteEffect: t('inboxes.deleteEffect'),
            }),
            onEdit: editor.edit,
            onDelete: remove.mutateAsync,
          }),
        ]}
      />
      <InboxForm key={editor.key} {...editor.props} />
    </ConsolePage>
  );
}
