import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import i18n from 'i18next';
import { formatDateTime } from '../../i18n/format';
import { adminApi, type AuditEntry, useCursorList } from './api';
import { ErrorAlert, LoadMore, PageTitle } from './shared';

/** An actor's e-mail (one cached lookup per actor), or their id while it loads or once they are gone. */
function Actor({ id }: { id: string | null }) {
  const { t } = useTranslation('admin');
  const user = useQuery({
    queryKey: ['admin', 'user', id],
    queryFn: () => adminApi.user(id ?? ''),
    enabled: id !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (id === null) return <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>;
  return <span title={id}>{user.data?.email ?? id}</span>;
}

function Target({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  if (!entry.target_type && !entry.target_id) return <Typography.Text type="secondary">—</Typography.Text>;
  const type = entry.target_type ?? '';
  const label = i18n.exists(`admin:audit.targets.${type}`) ? t(`audit.targets.${type}`) : type;
  const link =
    type === 'conversation' && entry.target_id
      ? `/admin/conversations/${entry.target_id}`
      : type === 'user' && entry.target_id
        ? `/admin/conversations?owner_id=${entry.target_id}`
        : null;
  return (
    <span>
      {label}{' '}
      {entry.target_id &&
        (link && type === 'conversation' ? (
          <Link to={link}>
            <Typography.Text code>{entry.target_id}</Typography.Text>
          </Link>
        ) : type === 'user' ? (
          <Actor id={entry.target_id} />
        ) : (
          <Typography.Text code>{entry.target_id}</Typography.Text>
        ))}
    </span>
  );
}

function actionColor(action: string): string | undefined {
  if (action.endsWith('.delete') || action.endsWith('.disable') || action.endsWith('.clear')) return 'red';
  if (action.endsWith('.create') || action.endsWith('.enable')) return 'green';
  if (action.startsWith('conversation.')) return 'purple';
  return 'blue';
}

export function AuditPage() {
  const { t } = useTranslation('admin');
  const list = useCursorList(['admin', 'audit'], (cursor) => adminApi.auditLog(cursor));
  return (
    <>
      <PageTitle
        title={t('audit.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isRefetching}>
            {t('audit.refresh')}
          </Button>
        }
      >
        {t('audit.intro')}
      </PageTitle>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('audit.empty') }}
        columns={[
          { title: t('audit.time'), dataIndex: 'created_at', width: 180, render: (value: string) => formatDateTime(value) },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 190,
            render: (action: string) => (
              <Tag color={actionColor(action)} title={i18n.exists(`admin:audit.actions.${action}`) ? t(`audit.actions.${action}`) : undefined}>
                {action}
              </Tag>
            ),
          },
          { title: t('audit.actor'), dataIndex: 'actor_id', width: 220, render: (id: string | null) => <Actor id={id} /> },
          { title: t('audit.target'), key: 'target', render: (_, entry) => <Target entry={entry} /> },
          {
            title: t('audit.details'),
            dataIndex: 'details',
            render: (value: AuditEntry['details']) =>
              value === null || value === undefined || value === '' ? (
                '—'
              ) : (
                <Typography.Text style={{ wordBreak: 'break-word' }}>{typeof value === 'string' ? value : JSON.stringify(value)}</Typography.Text>
              ),
          },
        ]}
      />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
    </>
  );
}
