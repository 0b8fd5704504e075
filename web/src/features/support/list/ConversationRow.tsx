import { RobotOutlined, UserOutlined } from '@ant-design/icons';
import { Flex, Tag, theme, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatRelative } from '../../../i18n/format';
import type { Priority, SupportConversation } from '../api';

export const PRIORITY_COLOR: Record<Priority, string | undefined> = { low: undefined, medium: 'blue', high: 'orange', urgent: 'red' };

export function contactName(conversation: Pick<SupportConversation, 'contact'>, anonymous: string): string {
  return conversation.contact.name || conversation.contact.email || anonymous;
}

export function HandlerTag({ handler }: { handler: SupportConversation['handler'] }) {
  const { t } = useTranslation('support');
  return handler === 'bot' ? (
    <Tag color="purple" icon={<RobotOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('handler.bot')}
    </Tag>
  ) : (
    <Tag color="green" icon={<UserOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('handler.human')}
    </Tag>
  );
}

interface Props {
  conversation: SupportConversation;
  active: boolean;
  unread: boolean;
  search: string;
}

/** One row of the inbox: who, the last message, when, and the tags that sort the work. */
export const ConversationRow = memo(function ConversationRow({ conversation, active, unread, search }: Props) {
  const { t } = useTranslation('support');
  const { token } = theme.useToken();
  const name = contactName(conversation, t('contact.anonymous'));
  const last = conversation.last_message;
  const prefix = !last ? '' : last.role === 'assistant' ? `${t('role.bot')}: ` : last.role === 'agent' ? `${t('role.agentShort')}: ` : '';
  const when = last?.created_at ?? conversation.updated_at;
  return (
    <Link
      to={`/support/${conversation.id}${search}`}
      aria-current={active ? 'page' : undefined}
      className="parley-support-row"
      data-testid="support-row"
      data-unread={unread || undefined}
      style={{
        display: 'block',
        padding: '10px 12px',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        borderInlineStart: `3px solid ${active ? token.colorPrimary : 'transparent'}`,
        background: active ? token.controlItemBgActive : undefined,
        color: token.colorText,
      }}
    >
      <Flex align="center" gap={6}>
        {unread && (
          <span
            role="img"
            aria-label={t('list.unread')}
            style={{ width: 8, height: 8, borderRadius: 4, background: token.colorPrimary, flex: 'none' }}
            data-testid="unread-dot"
          />
        )}
        <Typography.Text strong={unread} ellipsis style={{ flex: 1, minWidth: 0 }}>
          {name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
          <time dateTime={when}>{formatRelative(when)}</time>
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 13, marginTop: 2 }}>
        {last ? prefix + last.content : t('list.noMessages')}
      </Typography.Text>
      <Flex gap={4} wrap align="center" style={{ marginTop: 6 }}>
        <Tag color={PRIORITY_COLOR[conversation.priority]} style={{ marginInlineEnd: 0 }}>
          {t(`priority.${conversation.priority}`)}
        </Tag>
        <HandlerTag handler={conversation.handler} />
        {conversation.status !== 'open' && <Tag style={{ marginInlineEnd: 0 }}>{t(`status.${conversation.status}`)}</Tag>}
        {conversation.labels.slice(0, 2).map((label) => (
          <Tag key={label} variant="filled" color="geekblue" style={{ marginInlineEnd: 0 }}>
            {label}
          </Tag>
        ))}
        {conversation.labels.length > 2 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('list.moreLabels', { count: conversation.labels.length - 2 })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, flex: 1, minWidth: 0, textAlign: 'end' }}>
          {conversation.assignee ? conversation.assignee.name : conversation.inbox_name}
        </Typography.Text>
      </Flex>
    </Link>
  );
});
