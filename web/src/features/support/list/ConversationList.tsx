import { AutoComplete, Button, Empty, Flex, Select, Spin, Tabs, theme, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { formatNumber } from '../../../i18n/format';
import { problemText } from '../../../i18n/problems';
import { type AssigneeTab, type Counts, type ListFilter, type Priority, PRIORITIES, STATUSES, type SupportStatus } from '../api';
import { isUnread, useSeen } from '../live/seen';
import { useCounts, useInboxes, useSupportList, useTeams } from '../queries';
import { ConversationRow } from './ConversationRow';

const TABS: AssigneeTab[] = ['mine', 'unassigned', 'all'];

function Count({ value }: { value: number | undefined }) {
  const { token } = theme.useToken();
  return (
    <span
      data-testid="tab-count"
      style={{
        display: 'inline-block',
        minWidth: 20,
        padding: '0 6px',
        marginInlineStart: 6,
        borderRadius: 10,
        fontSize: 12,
        lineHeight: '18px',
        textAlign: 'center',
        background: token.colorFillSecondary,
        color: token.colorTextSecondary,
      }}
    >
      {value === undefined ? '…' : formatNumber(value)}
    </span>
  );
}

function Filters({ filter, onChange, counts, labels }: { filter: ListFilter; onChange: (change: Partial<ListFilter>) => void; counts?: Counts; labels: string[] }) {
  const { t } = useTranslation('support');
  const inboxes = useInboxes();
  const teams = useTeams();
  const half = { width: 'calc(50% - 3px)' };
  return (
    <Flex wrap gap={6} style={{ padding: '8px 12px' }}>
      <Select<SupportStatus | 'all'>
        size="small"
        style={half}
        aria-label={t('filters.status')}
        value={filter.status}
        onChange={(status) => onChange({ status })}
        options={[
          ...STATUSES.map((status) => ({
            value: status,
            label: counts ? `${t(`status.${status}`)} (${formatNumber(counts.by_status?.[status] ?? 0)})` : t(`status.${status}`),
          })),
          { value: 'all', label: t('status.all') },
        ]}
        data-testid="filter-status"
      />
      <Select<Priority>
        size="small"
        style={half}
        allowClear
        placeholder={t('filters.anyPriority')}
        aria-label={t('filters.priority')}
        value={filter.priority}
        onChange={(priority) => onChange({ priority })}
        options={PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
      />
      <Select<string>
        size="small"
        style={half}
        allowClear
        placeholder={t('filters.anyInbox')}
        aria-label={t('filters.inbox')}
        value={filter.inbox_id}
        loading={inboxes.isLoading}
        onChange={(inbox_id) => onChange({ inbox_id })}
        options={(inboxes.data ?? []).map((inbox) => ({ value: inbox.id, label: inbox.name }))}
      />
      <Select<string>
        size="small"
        style={half}
        allowClear
        placeholder={t('filters.anyTeam')}
        aria-label={t('filters.team')}
        value={filter.team_id}
        loading={teams.isLoading}
        onChange={(team_id) => onChange({ team_id })}
        options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
      />
      <AutoComplete
        size="small"
        style={{ width: '100%' }}
        allowClear
        placeholder={t('filters.anyLabel')}
        aria-label={t('filters.label')}
        defaultValue={filter.label}
        key={filter.label ?? ''}
        options={labels.map((label) => ({ value: label }))}
        filterOption={(input, option) => String(option?.value ?? '').toLowerCase().startsWith(input.toLowerCase())}
        onSelect={(label: string) => onChange({ label })}
        onClear={() => onChange({ label: undefined })}
        onBlur={(event) => {
          const value = (event.target as HTMLInputElement).value?.trim();
          if ((value || undefined) !== filter.label) onChange({ label: value || undefined });
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange({ label: (event.target as HTMLInputElement).value.trim() || undefined });
        }}
      />
    </Flex>
  );
}

/** The inbox's left column: the tabs with their counts, the filters and the conversations, newest activity first. */
export function ConversationList({ filter, onChange, activeId }: { filter: ListFilter; onChange: (change: Partial<ListFilter>) => void; activeId?: string }) {
  const { t } = useTranslation('support');
  const { search } = useLocation();
  const { assignee } = filter;
  const counts = useCounts(filter);
  const list = useSupportList(filter);
  const seen = useSeen();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const labels = useMemo(() => [...new Set(items.flatMap((item) => item.labels))].sort(), [items]);
  const scroller = useRef<HTMLDivElement>(null);

  const onScroll = () => {
    const element = scroller.current;
    if (!element || !list.hasNextPage || list.isFetchingNextPage) return;
    if (element.scrollHeight - element.scrollTop - element.clientHeight < 200) void list.fetchNextPage();
  };

  return (
    <Flex vertical style={{ height: '100%' }} role="region" aria-label={t('list.label')}>
      <Tabs
        activeKey={assignee}
        onChange={(key) => onChange({ assignee: key as AssigneeTab })}
        size="small"
        tabBarStyle={{ margin: 0, padding: '0 12px' }}
        items={TABS.map((tab) => ({
          key: tab,
          label: (
            <span data-testid={`tab-${tab}`}>
              {t(`tabs.${tab}`)}
              <Count value={counts.data?.[tab]} />
            </span>
          ),
        }))}
      />
      <Filters filter={filter} onChange={onChange} counts={counts.data} labels={labels} />
      <div ref={scroller} onScroll={onScroll} style={{ flex: 1, overflow: 'auto', minHeight: 0 }}>
        {list.isLoading && (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin aria-label={t('common:states.loading')} />
          </Flex>
        )}
        {list.error && (
          <Typography.Text type="danger" role="alert" style={{ display: 'block', padding: 12 }}>
            {t('list.failed')} {problemText(list.error)}
          </Typography.Text>
        )}
        {!list.isLoading && !list.error && items.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`list.empty.${assignee}`)} style={{ marginTop: 32 }} />
        )}
        {items.length > 0 && (
          <ul aria-label={t('list.label')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((conversation) => (
              <li key={conversation.id}>
                <ConversationRow
                  conversation={conversation}
                  active={conversation.id === activeId}
                  unread={conversation.id !== activeId && isUnread(conversation, seen[conversation.id])}
                  search={search}
                />
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <Flex justify="center" style={{ padding: 12 }}>
            <Button size="small" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </div>
    </Flex>
  );
}
