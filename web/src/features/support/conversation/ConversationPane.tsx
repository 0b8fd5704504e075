import { Alert, Button, Empty, Flex, Result, Spin, theme, Typography } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import { supportApi } from '../api';
import { SupportComposer } from '../composer/SupportComposer';
import { contactName } from '../list/ConversationRow';
import { markRead } from '../live/seen';
import { useTyping } from '../live/typing';
import { TypingSender } from '../live/typingSender';
import { supportProblemText } from '../problems';
import { timelineEntries, useSupportConversation, useTimeline } from '../queries';
import { useConversationActions } from './actions';
import { ConversationHeader } from './ConversationHeader';
import { TimelineItem } from './TimelineItem';

function TypingLine({ conversationId, name }: { conversationId: string; name: string }) {
  const { t } = useTranslation('support');
  const typing = useTyping(conversationId, 'customer');
  return (
    <div role="status" aria-live="polite" style={{ minHeight: 20, padding: '0 16px' }}>
      {typing && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="customer-typing">
          <span className="parley-typing-dots" aria-hidden="true" /> {t('conversation.typing', { name })}
        </Typography.Text>
      )}
    </div>
  );
}

interface Props {
  conversationId: string;
  contactOpen: boolean;
  onToggleContact: () => void;
  onBack?: () => void;
}

/** The open conversation: its header, the timeline (older pages on scroll up) and the composer. */
export function ConversationPane({ conversationId, contactOpen, onToggleContact, onBack }: Props) {
  const { t } = useTranslation('support');
  const { token } = theme.useToken();
  const conversation = useSupportConversation(conversationId);
  const timeline = useTimeline(conversationId);
  const actions = useConversationActions(conversationId);
  const entries = useMemo(() => timelineEntries(timeline.data), [timeline.data]);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const typing = useMemo(() => new TypingSender((on) => void supportApi.typing(conversationId, on).catch(() => undefined)), [conversationId]);
  useEffect(() => () => typing.stop(), [typing]);

  const data = conversation.data;
  const lastAt = data?.last_message?.created_at;
  useEffect(() => {
    if (lastAt) markRead(conversationId, lastAt);
  }, [conversationId, lastAt]);
  useEffect(() => {
    stick.current = true;
  }, [conversationId]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && stick.current) element.scrollTop = element.scrollHeight;
  });
  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    stick.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
    if (element.scrollTop < 120 && timeline.hasNextPage && !timeline.isFetchingNextPage) {
      const before = element.scrollHeight;
      void timeline.fetchNextPage().then(() =>
        requestAnimationFrame(() => {
          if (scroller.current) scroller.current.scrollTop += scroller.current.scrollHeight - before;
        }),
      );
    }
  };

  if (conversation.error instanceof ApiError && conversation.error.status === 404) {
    return <Result status="404" title={t('conversation.notFound')} extra={onBack && <Button onClick={onBack}>{t('conversation.back')}</Button>} />;
  }
  if (conversation.error) return <Alert type="error" showIcon title={supportProblemText(conversation.error)} style={{ margin: 16 }} />;
  if (!data) {
    return (
      <Flex justify="center" align="center" style={{ height: '100%' }}>
        <Spin aria-label={t('common:states.loading')} />
      </Flex>
    );
  }
  const name = contactName(data, t('contact.anonymous'));
  return (
    <Flex vertical style={{ height: '100%', minWidth: 0 }}>
      <ConversationHeader conversation={data} contactOpen={contactOpen} onToggleContact={onToggleContact} onBack={onBack} />
      <div
        ref={scroller}
        onScroll={onScroll}
        style={{ flex: 1, overflow: 'auto', padding: '12px 16px', background: token.colorBgLayout }}
        role="log"
        aria-label={t('timeline.label')}
        data-testid="support-timeline"
      >
        {timeline.hasNextPage && (
          <Flex justify="center" style={{ marginBottom: 8 }}>
            <Button size="small" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
              {t('timeline.older')}
            </Button>
          </Flex>
        )}
        {timeline.isLoading && (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin aria-label={t('common:states.loading')} />
          </Flex>
        )}
        {timeline.error && <Alert type="error" showIcon title={supportProblemText(timeline.error)} />}
        {!timeline.isLoading && entries.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />}
        {entries.map((entry) => (
          <TimelineItem key={entry.id} entry={entry} contactName={name} />
        ))}
      </div>
      <TypingLine conversationId={conversationId} name={name} />
      <SupportComposer
        onSend={(mode, text) => {
          stick.current = true;
          if (mode === 'reply') typing.stop();
          return actions.send(mode, text);
        }}
        onInput={() => typing.input()}
        onIdle={() => typing.stop()}
      />
    </Flex>
  );
}
