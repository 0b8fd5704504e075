import { SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Flex, Result, Spin, theme, Typography } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Message } from '../../api/types';
import { problemText } from '../../i18n/problems';
import { ConversationTags } from '../data/ConversationTags';
import { ExportMenu } from '../data/ExportMenu';
import { Greetings, SuggestedQuestions } from './Bubbles';
import { Composer } from './Composer';
import { ContextDrawer } from './ContextDrawer';
import { MessageItem, type ShownMessage } from './messages/MessageItem';
import { allMessages, keys, patchConversation, useConversation, useMessages } from './queries';
import type { LiveReply } from './stream/events';
import { startReply } from './stream/send';
import { useConversationStream } from './stream/useConversationStream';
import { buildTree, choosePath, forkOf, type Picks } from './tree';

/** First messages handed over by the new-chat page, sent once (StrictMode mounts twice). */
const handedOver = new Set<string>();

function liveMessage(conversationId: string, reply: LiveReply, stored: Message | undefined): ShownMessage {
  const base: ShownMessage = stored ?? {
    id: reply.messageId,
    conversation_id: conversationId,
    parent_id: reply.userMessageId,
    role: 'assistant',
    content: '',
    status: 'streaming',
    model: reply.model,
    provider: reply.provider,
    prompt_tokens: null,
    completion_tokens: null,
    finish_reason: null,
    cached: false,
    created_at: new Date().toISOString(),
    updated_at: '',
  };
  // A reply seen ending is the truth; a running one is fresher than the stored checkpoint; a
  // stale partial one (followed before, ended since) gives way to what is stored.
  if (!reply.done && stored && stored.status !== 'streaming') return stored;
  return {
    ...base,
    content: reply.text,
    status: reply.status,
    model: reply.model ?? base.model,
    provider: reply.provider ?? base.provider,
    prompt_tokens: reply.usage?.prompt_tokens ?? base.prompt_tokens,
    completion_tokens: reply.usage?.completion_tokens ?? base.completion_tokens,
    streamError: reply.error,
  };
}

export function ConversationView({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('chat');
  const { message: toast } = App.useApp();
  const { token } = theme.useToken();
  const client = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const conversation = useConversation(conversationId);
  const messages = useMessages(conversationId);
  const { stream, state, connection } = useConversationStream(conversationId);
  const [picks, setPicks] = useState<Picks>({});
  const [pending, setPending] = useState<Record<string, Message>>({});
  const [stopping, setStopping] = useState(false);
  const [contextOpen, setContextOpen] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  const stored = useMemo(() => allMessages(messages.data), [messages.data]);
  const shown = useMemo(() => {
    const byId = new Map<string, ShownMessage>();
    for (const m of Object.values(pending)) byId.set(m.id, m);
    for (const m of stored) byId.set(m.id, m);
    for (const reply of Object.values(state.replies)) byId.set(reply.messageId, liveMessage(conversationId, reply, byId.get(reply.messageId)));
    return [...byId.values()].filter((m) => m.role === 'user' || m.role === 'assistant');
  }, [stored, pending, state.replies, conversationId]);
  const tree = useMemo(() => buildTree(shown), [shown]);
  const path = useMemo(() => choosePath(tree, picks), [tree, picks]);

  // A reply runs when the stream says so, or (before the stream caught it) the stored newest reply is streaming.
  const runningId = useMemo(() => {
    if (state.running) return state.running;
    const newest = stored.find((m) => m.role === 'assistant');
    if (newest?.status === 'streaming' && !state.replies[newest.id]?.done) return newest.id;
    return null;
  }, [state.running, state.replies, stored]);
  const running = runningId !== null;

  const send = useCallback(
    async (content: string, parentId?: string | null): Promise<boolean> => {
      if (!stream) return false;
      const parent = parentId !== undefined ? parentId : (path.at(-1)?.message.id ?? null);
      try {
        const body: Record<string, unknown> = { content };
        if (parent) body.parent_id = parent;
        // Editing the first message: a new first message beside it (a branch at the top).
        else if (parentId === null && path.length > 0) body.root = true;
        const started = await startReply(stream, `/api/v1/conversations/${conversationId}/messages`, body);
        const now = new Date().toISOString();
        setPending((p) => ({
          ...p,
          [started.userMessageId]: {
            id: started.userMessageId,
            conversation_id: conversationId,
            parent_id: parent,
            role: 'user',
            content,
            status: 'complete',
            model: null,
            provider: null,
            prompt_tokens: null,
            completion_tokens: null,
            finish_reason: null,
            cached: false,
            created_at: now,
            updated_at: now,
          },
        }));
        setPicks((p) => {
          const next = { ...p, [parent && tree.byId.has(parent) ? parent : '']: started.userMessageId };
          delete next[started.userMessageId];
          return next;
        });
        stickToBottom.current = true;
        void client.invalidateQueries({ queryKey: keys.messages(conversationId) });
        void client.invalidateQueries({ queryKey: keys.conversations });
        return true;
      } catch (error) {
        toast.error(problemText(error));
        return false;
      }
    },
    [stream, path, conversationId, client, toast, tree],
  );

  const regenerate = useCallback(
    async (target: Message) => {
      if (!stream) return;
      try {
        const started = await startReply(stream, `/api/v1/conversations/${conversationId}/messages/${target.id}/regenerate`, {});
        const fork = target.role === 'assistant' ? forkOf(tree, target) : target.id;
        setPicks((p) => ({ ...p, [fork]: started.messageId }));
        stickToBottom.current = true;
        void client.invalidateQueries({ queryKey: keys.messages(conversationId) });
      } catch (error) {
        toast.error(problemText(error));
      }
    },
    [stream, conversationId, tree, client, toast],
  );

  const stop = useCallback(async () => {
    setStopping(true);
    try {
      await api<Message>(`/api/v1/conversations/${conversationId}/stop`, { method: 'POST' });
    } catch (error) {
      if (!(error instanceof ApiError && error.slug === 'no-generation')) toast.error(problemText(error));
    } finally {
      setStopping(false);
      void client.invalidateQueries({ queryKey: keys.messages(conversationId) });
    }
  }, [conversationId, client, toast]);

  // The first message typed on the new-chat page.
  useEffect(() => {
    const handed = (location.state as { send?: string } | null)?.send;
    if (!handed || !stream || messages.isLoading) return;
    if (handedOver.has(location.key)) return;
    handedOver.add(location.key);
    void send(handed, null).then(() => navigate(location.pathname, { replace: true, state: null }));
  }, [location, stream, messages.isLoading, send, navigate]);

  // Stay at the bottom while the reply grows, unless the reader scrolled up.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  });
  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
    if (element.scrollTop < 200 && messages.hasNextPage && !messages.isFetchingNextPage) {
      const before = element.scrollHeight;
      void messages.fetchNextPage().then(() => {
        requestAnimationFrame(() => {
          if (scroller.current) scroller.current.scrollTop += scroller.current.scrollHeight - before;
        });
      });
    }
  };

  if (conversation.error instanceof ApiError && conversation.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('messages.notFound')}
        extra={
          <Link to="/">
            <Button type="primary">{t('newChat')}</Button>
          </Link>
        }
      />
    );
  }

  const data = conversation.data;
  const contextStart = data?.context_start ?? null;
  const dividerAt = contextStart ? path.findIndex((item) => item.message.created_at >= contextStart) : -1;
  const allLoaded = !messages.hasNextPage;

  return (
    <Flex vertical style={{ height: '100%' }}>
      <Flex
        align="center"
        gap={8}
        style={{ padding: '8px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}`, minHeight: 48, boxSizing: 'border-box' }}
      >
        <Typography.Title
          level={5}
          style={{ margin: 0, flex: 1, minWidth: 0 }}
          ellipsis
          editable={
            data
              ? {
                  text: data.title ?? '',
                  tooltip: t('header.rename'),
                  triggerType: ['icon'],
                  maxLength: 200,
                  onChange: (title) => {
                    if (title.trim() && title !== data.title)
                      void patchConversation(client, conversationId, { title: title.trim() }).catch((e) => toast.error(problemText(e)));
                  },
                }
              : false
          }
          data-testid="conversation-title"
        >
          {data ? data.title || t('untitled') : ''}
        </Typography.Title>
        {data && <ConversationTags conversation={data} />}
        {data && <ExportMenu conversationId={conversationId} />}
        <Button icon={<SettingOutlined />} onClick={() => setContextOpen(true)} aria-label={t('header.contextLabel')} disabled={!data}>
          {t('header.context')}
        </Button>
      </Flex>
      <div ref={scroller} onScroll={onScroll} style={{ flex: 1, overflow: 'auto' }} role="log" aria-label={t('messages.label')}>
        <div style={{ maxWidth: 860, margin: '0 auto', padding: '16px 16px 8px' }}>
          {messages.hasNextPage && (
            <Flex justify="center" style={{ marginBottom: 12 }}>
              <Button size="small" onClick={() => void messages.fetchNextPage()} loading={messages.isFetchingNextPage}>
                {t('messages.loadOlder')}
              </Button>
            </Flex>
          )}
          {messages.isLoading && (
            <Flex justify="center" style={{ padding: 24 }}>
              <Spin aria-label={t('common:states.loading')} />
            </Flex>
          )}
          {messages.error && <Alert type="error" showIcon title={t('messages.failedToLoad')} description={problemText(messages.error)} />}
          {allLoaded && data && <Greetings greetings={data.greetings} />}
          {path.map((item, i) => (
            <div key={item.message.id}>
              {i === dividerAt && (
                <Divider plain data-testid="context-divider">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('messages.contextCleared')}
                  </Typography.Text>
                </Divider>
              )}
              <MessageItem
                message={item.message as ShownMessage}
                index={item.index}
                count={item.count}
                running={item.message.id === runningId}
                busy={running}
                onSwitch={(delta) => {
                  const sibling = item.siblings[item.index - 1 + delta];
                  if (sibling) setPicks((p) => ({ ...p, [forkOf(tree, item.message)]: sibling.id }));
                }}
                onRegenerate={() => void regenerate(item.message)}
                onEdit={(text) => send(text, item.message.parent_id)}
              />
            </div>
          ))}
          {dividerAt === -1 && contextStart && path.length > 0 && (
            <Divider plain data-testid="context-divider">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('messages.contextCleared')}
              </Typography.Text>
            </Divider>
          )}
          {!messages.isLoading && path.length === 0 && data && (
            <SuggestedQuestions questions={data.suggested_questions} onAsk={(q) => void send(q)} disabled={running} />
          )}
        </div>
      </div>
      {running && stream && connection !== 'open' && (
        <Alert type="info" showIcon banner title={t('messages.reconnecting')} role="status" data-testid="stream-reconnecting" />
      )}
      <Composer onSend={(text) => send(text)} onStop={() => void stop()} running={running} stopping={stopping} disabled={!stream} />
      {data && <ContextDrawer open={contextOpen} onClose={() => setContextOpen(false)} conversation={data} />}
    </Flex>
  );
}
