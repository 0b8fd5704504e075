import { MessageOutlined, SearchOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Flex, Input, List, Segmented, Select, Spin, Tag, theme, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { problemText } from '../../i18n/problems';
import { useAgents } from '../chat/queries';
import { dataKeys, listTags, search, type SearchFilter, type SearchHit } from './api';
import { Highlighted } from './Highlighted';

type Archived = 'any' | 'active' | 'archived';

/** Search in one's own conversations and messages: ranked hits with their matches marked. */
export function SearchPage() {
  const { t } = useTranslation('data');
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [tag, setTag] = useState<string | undefined>(params.get('tag') ?? undefined);
  const [agent, setAgent] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [archived, setArchived] = useState<Archived>('any');
  const q = params.get('q') ?? '';
  const tags = useQuery({ queryKey: dataKeys.tags, queryFn: ({ signal }) => listTags(signal) });
  const agents = useAgents();

  const filter: SearchFilter = useMemo(
    () => ({
      q,
      tag,
      agent_id: agent,
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
      archived: archived === 'any' ? undefined : archived === 'archived',
    }),
    [q, tag, agent, range, archived],
  );
  const results = useInfiniteQuery({
    queryKey: dataKeys.search(filter),
    queryFn: ({ pageParam, signal }) => search(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    enabled: q.trim().length > 0,
  });
  const hits = results.data?.pages.flatMap((page) => page.items) ?? [];

  const submit = (value: string) => {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set('q', value.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  };

  return (
    <Flex vertical gap={16} style={{ padding: 24, maxWidth: 960, margin: '0 auto', width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('search.title')}
      </Typography.Title>
      <Input.Search
        size="large"
        allowClear
        autoFocus
        enterButton={<span><SearchOutlined aria-hidden /> {t('search.title')}</span>}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        onSearch={submit}
        data-testid="search-input"
      />
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('search.tag')}
          aria-label={t('search.tag')}
          value={tag}
          onChange={setTag}
          options={(tags.data ?? []).map((item) => ({ value: item.name, label: item.name }))}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('search.agent')}
          aria-label={t('search.agent')}
          value={agent}
          onChange={setAgent}
          options={(agents.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
        />
        <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} aria-label={t('search.dates')} />
        <Segmented<Archived>
          value={archived}
          onChange={setArchived}
          options={[
            { value: 'any', label: t('search.archivedAny') },
            { value: 'active', label: t('search.archivedNo') },
            { value: 'archived', label: t('search.archivedYes') },
          ]}
        />
      </Flex>
      {results.isLoading && <Spin aria-label={t('common:states.loading')} />}
      {results.error && <Typography.Text type="danger">{problemText(results.error)}</Typography.Text>}
      {q && !results.isLoading && !results.error && hits.length === 0 && <Empty description={t('search.none', { q })} />}
      {hits.length > 0 && (
        <List
          data-testid="search-results"
          dataSource={hits}
          renderItem={(hit) => <HitItem hit={hit} />}
          loadMore={
            results.hasNextPage ? (
              <Flex justify="center" style={{ padding: 12 }}>
                <Button onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage}>
                  {t('search.more')}
                </Button>
              </Flex>
            ) : null
          }
        />
      )}
    </Flex>
  );
}

function HitItem({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation('data');
  const { token } = theme.useToken();
  const title = hit.conversation_title || t('search.untitled');
  return (
    <List.Item data-testid="search-hit">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} align="center" wrap>
          <Link to={`/c/${hit.conversation_id}`} style={{ fontWeight: 600 }}>
            {hit.message_id ? title : <Highlighted text={hit.snippet} ranges={hit.highlights} />}
          </Link>
          {hit.role && (
            <Tag icon={<MessageOutlined />} bordered={false}>
              {t(`search.roles.${hit.role}`, { defaultValue: hit.role })}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(hit.created_at)}
          </Typography.Text>
        </Flex>
        {hit.message_id && (
          <Typography.Paragraph style={{ margin: 0, color: token.colorTextSecondary, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3 }}>
            <Highlighted text={hit.snippet} ranges={hit.highlights} />
          </Typography.Paragraph>
        )}
      </Flex>
    </List.Item>
  );
}
