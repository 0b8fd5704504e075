import { Alert, Input, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { adminApi, type AdminConversation, useCursorList } from './api';
import { ErrorAlert, isUnavailable, LoadMore, PageTitle, Unavailable } from './shared';

/** Every user's conversations, read-only; the server audits each search and each view. */
export function ConversationsPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const ownerId = params.get('owner_id') ?? undefined;
  const list = useCursorList(['admin', 'conversations', q, ownerId], (cursor) => adminApi.conversations(q, ownerId, cursor));
  const owner = list.items[0]?.owner;

  const setQuery = (next: { q?: string; owner_id?: string }) => {
    const entries = Object.entries(next).filter(([, value]) => value) as [string, string][];
    setParams(Object.fromEntries(entries), { replace: true });
  };

  return (
    <>
      <PageTitle title={t('conversations.title')} />
      <Alert type="info" showIcon title={t('conversations.audited')} style={{ marginBottom: 16 }} data-testid="audited-notice" />
      {list.error && isUnavailable(list.error) ? (
        <Unavailable />
      ) : (
        <>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('conversations.searchPlaceholder')}
            aria-label={t('conversations.search')}
            enterButton={tc('actions.search')}
            onSearch={(value) => setQuery({ q: value.trim(), owner_id: ownerId })}
            style={{ maxWidth: 420, marginBottom: 12 }}
          />
          {ownerId && (
            <div style={{ marginBottom: 12 }}>
              <Tag closable onClose={() => setQuery({ q })} closeIcon={<span aria-label={t('conversations.clearOwner')}>×</span>}>
                {t('conversations.ownerFilter', { owner: owner?.email ?? ownerId })}
              </Tag>
            </div>
          )}
          {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
          <Table<AdminConversation>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.items}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: t('conversations.empty') }}
            onRow={(conversation) => ({ onDoubleClick: () => navigate(`/admin/conversations/${conversation.id}`) })}
            columns={[
              {
                title: t('conversations.titleColumn'),
                dataIndex: 'title',
                render: (title: string | null, conversation) => (
                  <Link to={`/admin/conversations/${conversation.id}`}>{title || t('conversations.untitled')}</Link>
                ),
              },
              {
                title: t('conversations.owner'),
                dataIndex: 'owner',
                render: (value: AdminConversation['owner']) =>
                  value.email ? (
                    <Typography.Text>{value.email}</Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">{t('conversations.ownerGone')}</Typography.Text>
                  ),
              },
              {
                title: t('conversations.status'),
                dataIndex: 'status',
                width: 110,
                render: (status: AdminConversation['status'], conversation) => (
                  <>
                    <Tag color={status === 'active' ? 'green' : status === 'idle' ? 'blue' : undefined}>{t(`conversationStatus.${status}`)}</Tag>
                    {conversation.archived && <Tag>{t('conversations.archived')}</Tag>}
                  </>
                ),
              },
              {
                title: t('conversations.lastActive'),
                dataIndex: 'last_active_at',
                width: 180,
                render: (value: string | null) => formatDateTime(value),
              },
              { title: t('conversations.created'), dataIndex: 'created_at', width: 180, render: (value: string) => formatDateTime(value) },
            ]}
          />
          <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
