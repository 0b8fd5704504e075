import { ArrowLeftOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Segmented, Skeleton, Space, Tag, theme, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { Link, useParams } from 'react-router';
import remarkGfm from 'remark-gfm';
import type { Message } from '../../api/types';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { adminApi } from './api';
import { ErrorAlert } from './shared';

type View = 'markdown' | 'plain';

/** Which messages are alternatives of each other (edited or regenerated): "2/3" by parent. */
export function branchLabels(messages: Message[]): Map<string, string> {
  const byParent = new Map<string, Message[]>();
  for (const message of messages) {
    const key = `${message.parent_id ?? 'root'}:${message.role === 'user' ? 'user' : 'reply'}`;
    byParent.set(key, [...(byParent.get(key) ?? []), message]);
  }
  const labels = new Map<string, string>();
  for (const siblings of byParent.values()) {
    if (siblings.length < 2) continue;
    siblings
      .sort((a, b) => a.id.localeCompare(b.id))
      .forEach((message, index) => labels.set(message.id, `${index + 1}/${siblings.length}`));
  }
  return labels;
}

/**
 * A message's text, as Markdown (raw HTML skipped, unsafe link protocols dropped by react-markdown)
 * or as plain text; links open nowhere but where they say, and nothing in it can act.
 */
export function MessageContent({ content, view }: { content: string; view: View }) {
  if (view === 'plain') {
    return <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontFamily: 'inherit' }}>{content}</pre>;
  }
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml>
        {content}
      </Markdown>
    </div>
  );
}

function MessageCard({ message, view, branch }: { message: Message; view: View; branch?: string }) {
  const { t } = useTranslation('admin');
  const { token } = theme.useToken();
  const user = message.role === 'user';
  const tokens = (message.prompt_tokens ?? 0) + (message.completion_tokens ?? 0);
  return (
    <article
      aria-label={t('conversationView.messageFrom', { role: t(`messageRole.${message.role}`) })}
      style={{
        alignSelf: user ? 'flex-end' : 'stretch',
        maxWidth: user ? '80%' : '100%',
        background: user ? token.colorFillSecondary : 'transparent',
        border: user ? 'none' : `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding: '8px 12px',
      }}
      data-testid="admin-message"
    >
      <Space size={4} wrap style={{ fontSize: 12, marginBottom: 4 }}>
        <Typography.Text strong>{t(`messageRole.${message.role}`)}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(message.created_at)}</Typography.Text>
        {branch && <Tag>{t('conversationView.branch', { branch })}</Tag>}
        {message.status !== 'complete' && <Tag color="orange">{t(`messageStatus.${message.status}`)}</Tag>}
        {message.model && <Tag>{message.model}</Tag>}
        {tokens > 0 && <Typography.Text type="secondary">{t('conversationView.tokens', { count: tokens, formatted: formatNumber(tokens) })}</Typography.Text>}
      </Space>
      <MessageContent content={message.content} view={view} />
    </article>
  );
}

/** One conversation, read-only: no send, regenerate or edit; opening it is audited. */
export function ConversationView() {
  const { t } = useTranslation('admin');
  const { conversationId = '' } = useParams();
  const [view, setView] = useState<View>('markdown');
  const conversation = useQuery({
    queryKey: ['admin', 'conversation', conversationId],
    queryFn: () => adminApi.conversation(conversationId),
  });
  const messages = useInfiniteQuery({
    queryKey: ['admin', 'conversation', conversationId, 'messages'],
    queryFn: ({ pageParam }) => adminApi.conversationMessages(conversationId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  // Pages come newest first; the view reads oldest first.
  const ordered = useMemo(
    () => (messages.data?.pages.flatMap((page) => page.items) ?? []).slice().sort((a, b) => a.id.localeCompare(b.id)),
    [messages.data],
  );
  const branches = useMemo(() => branchLabels(ordered), [ordered]);
  const data = conversation.data;

  return (
    <>
      <Link to="/admin/conversations">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }} tabIndex={-1}>
          {t('conversationView.back')}
        </Button>
      </Link>
      <Alert type="info" showIcon title={t('conversationView.audited')} style={{ margin: '8px 0 16px' }} />
      {conversation.error && <ErrorAlert error={conversation.error} onRetry={() => void conversation.refetch()} />}
      {conversation.isLoading && <Skeleton active />}
      {data && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
            {data.title || t('conversations.untitled')}
          </Typography.Title>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'owner', label: t('conversations.owner'), children: data.owner.email ?? t('conversations.ownerGone') },
              { key: 'status', label: t('conversations.status'), children: t(`conversationStatus.${data.status}`) },
              { key: 'created', label: t('conversations.created'), children: formatDateTime(data.created_at) },
              { key: 'active', label: t('conversations.lastActive'), children: formatDateTime(data.last_active_at) },
              ...(data.system_prompt
                ? [{ key: 'prompt', label: t('conversationView.systemPrompt'), span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.system_prompt}</Typography.Paragraph> }]
                : []),
              ...(data.preset_messages.length
                ? [{ key: 'presets', label: t('conversationView.presets'), span: 2, children: t('conversationView.presetCount', { count: data.preset_messages.length }) }]
                : []),
            ]}
          />
        </Card>
      )}
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">{t('conversationView.count', { count: ordered.length })}</Typography.Text>
        <Segmented<View>
          aria-label={t('conversationView.format')}
          value={view}
          onChange={setView}
          options={[
            { value: 'markdown', label: t('conversationView.markdown') },
            { value: 'plain', label: t('conversationView.plain') },
          ]}
        />
      </Flex>
      {messages.error && <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />}
      {messages.hasNextPage && (
        <Flex justify="center" style={{ marginBottom: 12 }}>
          <Button onClick={() => void messages.fetchNextPage()} loading={messages.isFetchingNextPage}>
            {t('conversationView.earlier')}
          </Button>
        </Flex>
      )}
      {messages.isLoading && <Skeleton active />}
      {!messages.isLoading && ordered.length === 0 && !messages.error && <Empty description={t('conversationView.empty')} />}
      <Flex vertical gap={12}>
        {ordered.map((message) => (
          <MessageCard key={message.id} message={message} view={view} branch={branches.get(message.id)} />
        ))}
      </Flex>
    </>
  );
}
