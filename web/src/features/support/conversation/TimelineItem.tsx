import { LockOutlined, RobotOutlined, UserOutlined } from '@ant-design/icons';
import { Flex, Tag, theme, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { formatDateTime } from '../../../i18n/format';
import type { TimelineEntry } from '../api';

function Text({ content, markdown }: { content: string; markdown?: boolean }) {
  if (!markdown) return <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{content}</div>;
  return (
    <div className="parley-support-markdown" style={{ overflowWrap: 'anywhere' }}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml>
        {content}
      </Markdown>
    </div>
  );
}

function Time({ at }: { at: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 11 }}>
      <time dateTime={at}>{formatDateTime(at)}</time>
    </Typography.Text>
  );
}

const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g;

/** An activity's text, its instants ("Snoozed until 2026-12-04T03:09:37Z") in the reader's language and zone. */
export function activityText(content: string): string {
  return content.replace(INSTANT, (instant) => formatDateTime(instant));
}

/**
 * One entry of a support conversation: the customer's messages on the left, the bot's and the
 * agents' replies on the right (each styled and labelled as what it is), private notes in yellow
 * with a "private" tag, and activity as a small centred line.
 */
export const TimelineItem = memo(function TimelineItem({ entry, contactName }: { entry: TimelineEntry; contactName: string }) {
  const { t } = useTranslation('support');
  const { token } = theme.useToken();

  if (entry.kind === 'activity') {
    return (
      <Flex justify="center" style={{ margin: '10px 0' }} data-testid="timeline-activity">
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          {(entry.content && activityText(entry.content)) || `${t(`activity.${entry.event ?? 'other'}`, { defaultValue: entry.event ?? '' })}${entry.actor ? ` · ${entry.actor.name}` : ''}`} ·{' '}
          <time dateTime={entry.created_at}>{formatDateTime(entry.created_at)}</time>
        </Typography.Text>
      </Flex>
    );
  }

  const customer = entry.kind === 'message' && entry.role === 'user';
  const note = entry.kind === 'note';
  const bot = entry.kind === 'message' && entry.role === 'assistant';
  const label = customer
    ? contactName
    : note
      ? (entry.actor?.name ?? t('role.agent'))
      : bot
        ? t('role.bot')
        : (entry.actor?.name ?? t('role.agent'));
  const bubble = customer
    ? { background: token.colorFillTertiary, border: `1px solid transparent` }
    : note
      ? { background: token.colorWarningBg, border: `1px dashed ${token.colorWarningBorder}` }
      : bot
        ? { background: token.purple1 ?? token.colorFillSecondary, border: `1px solid ${token.purple3 ?? token.colorBorderSecondary}` }
        : { background: token.colorPrimaryBg, border: `1px solid ${token.colorPrimaryBorder}` };
  const kind = customer ? 'customer' : note ? 'note' : bot ? 'bot' : 'agent';
  const icon = customer ? <UserOutlined /> : note ? <LockOutlined /> : bot ? <RobotOutlined /> : <UserOutlined />;
  return (
    <Flex
      vertical
      align={customer ? 'flex-start' : 'flex-end'}
      style={{ margin: '6px 0 12px' }}
      data-testid={`timeline-${kind}`}
      role="article"
      aria-label={t(`timeline.from.${kind}`, { name: label })}
    >
      <Flex gap={6} align="center" style={{ marginBottom: 2, fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {icon} {label}
        </Typography.Text>
        {bot && (
          <Tag color="purple" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
            {t('role.bot')}
          </Tag>
        )}
        {!customer && !bot && !note && (
          <Tag color="blue" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
            {t('role.agent')}
          </Tag>
        )}
        {note && (
          <Tag color="gold" icon={<LockOutlined />} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
            {t('timeline.private')}
          </Tag>
        )}
      </Flex>
      <div style={{ ...bubble, borderRadius: 12, padding: '8px 12px', maxWidth: '80%', color: token.colorText }}>
        <Text content={entry.content} markdown={bot} />
        {entry.status && entry.status !== 'complete' && (
          <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block' }}>
            {t(`messageStatus.${entry.status}`, { defaultValue: entry.status })}
          </Typography.Text>
        )}
      </div>
      <Time at={entry.created_at} />
    </Flex>
  );
});
