import { CopyOutlined, EditOutlined, LeftOutlined, RedoOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Space, Tag, theme, Tooltip, Typography } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../api/types';
import { formatNumber } from '../../../i18n/format';
import { copyText } from './copy';
import { Markdown } from './Markdown';

export interface ShownMessage extends Message {
  /** The stream's error on this reply, shown where it happened. */
  streamError?: { code: string; message: string } | null;
}

interface Props {
  message: ShownMessage;
  index: number;
  count: number;
  running: boolean;
  /** Another reply runs in the conversation: no regenerate or edit meanwhile. */
  busy: boolean;
  onSwitch: (delta: -1 | 1) => void;
  onRegenerate: () => void;
  /** Absent for the first message: the server cannot start a second root yet. */
  onEdit?: (text: string) => Promise<boolean>;
}

export function BranchSwitcher({ index, count, onSwitch }: { index: number; count: number; onSwitch: (delta: -1 | 1) => void }) {
  const { t } = useTranslation('chat');
  if (count < 2) return null;
  return (
    <Space size={0} role="group" aria-label={t('messages.branch', { index, count })} className="parley-branches">
      <Button size="small" type="text" icon={<LeftOutlined />} disabled={index <= 1} onClick={() => onSwitch(-1)} aria-label={t('messages.previousBranch')} />
      <Typography.Text style={{ fontSize: 12, minWidth: 28, textAlign: 'center', display: 'inline-block' }} data-testid="branch-position">
        {index}/{count}
      </Typography.Text>
      <Button size="small" type="text" icon={<RightOutlined />} disabled={index >= count} onClick={() => onSwitch(1)} aria-label={t('messages.nextBranch')} />
    </Space>
  );
}

export const MessageItem = memo(function MessageItem({ message, index, count, running, busy, onSwitch, onRegenerate, onEdit }: Props) {
  const { t } = useTranslation('chat');
  const { token } = theme.useToken();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.content);
  const user = message.role === 'user';
  const copy = (
    <Tooltip title={t('copyMessage')}>
      <Button size="small" type="text" icon={<CopyOutlined />} aria-label={t('copyMessage')} onClick={() => void copyText(message.content)} />
    </Tooltip>
  );
  const switcher = <BranchSwitcher index={index} count={count} onSwitch={onSwitch} />;

  if (user) {
    return (
      <Flex vertical align="flex-end" className="parley-message" data-role="user" data-testid="message-user" style={{ marginBottom: 16 }}>
        {editing ? (
          <Flex vertical gap={8} style={{ width: '100%', maxWidth: 640 }}>
            <Input.TextArea value={draft} onChange={(e) => setDraft(e.target.value)} autoSize={{ minRows: 2, maxRows: 12 }} aria-label={t('messages.editLabel')} autoFocus />
            <Flex gap={8} justify="flex-end">
              <Button onClick={() => setEditing(false)}>{t('common:actions.cancel')}</Button>
              <Button
                type="primary"
                disabled={!draft.trim() || busy}
                onClick={() => void onEdit?.(draft).then((ok) => ok && setEditing(false))}
              >
                {t('messages.saveAndSend')}
              </Button>
            </Flex>
          </Flex>
        ) : (
          <div
            style={{
              background: token.colorPrimaryBg,
              borderRadius: 14,
              padding: '8px 14px',
              maxWidth: '85%',
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
            }}
            aria-label={t('messages.you')}
          >
            {message.content}
          </div>
        )}
        {!editing && (
          <Flex gap={2} align="center" className="parley-message-actions" style={{ marginTop: 2 }}>
            {switcher}
            {copy}
            <Tooltip title={t('messages.edit')}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('messages.edit')}
                disabled={busy || !onEdit}
                onClick={() => {
                  setDraft(message.content);
                  setEditing(true);
                }}
              />
            </Tooltip>
          </Flex>
        )}
      </Flex>
    );
  }

  const statusTag =
    message.status !== 'complete' ? (
      <Tag color={message.status === 'streaming' ? 'processing' : message.status === 'stopped' ? 'default' : 'error'} data-testid="reply-status">
        {t(`messages.status.${message.status}`)}
      </Tag>
    ) : null;
  const showError = (message.status === 'failed' || message.status === 'interrupted') && !running;
  return (
    <Flex vertical className="parley-message" data-role="assistant" data-testid="message-assistant" data-status={message.status} style={{ marginBottom: 20 }}>
      <div data-testid="reply-text" className={running ? 'parley-cursor-host' : undefined} aria-live={running ? 'polite' : undefined} aria-busy={running}>
        {message.content ? <Markdown text={message.content} /> : running ? <Typography.Text type="secondary">…</Typography.Text> : null}
      </div>
      {showError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={t('messages.error', { message: message.streamError?.message ?? t(`messages.status.${message.status}`) })}
          action={
            <Button size="small" onClick={onRegenerate} disabled={busy}>
              {t('messages.retry')}
            </Button>
          }
        />
      )}
      <Flex gap={4} align="center" wrap className="parley-message-actions" style={{ marginTop: 4, fontSize: 12 }}>
        {switcher}
        {copy}
        <Tooltip title={t('messages.regenerate')}>
          <Button size="small" type="text" icon={<RedoOutlined />} aria-label={t('messages.regenerate')} disabled={busy} onClick={onRegenerate} />
        </Tooltip>
        {statusTag}
        {message.model && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="reply-model">
            {t('messages.model', { model: message.model })}
          </Typography.Text>
        )}
        {message.prompt_tokens !== null && message.completion_tokens !== null && !running && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="reply-usage">
            · {t('messages.tokens', { prompt: formatNumber(message.prompt_tokens), completion: formatNumber(message.completion_tokens) })}
          </Typography.Text>
        )}
        {message.cached && <Tag>{t('messages.cached')}</Tag>}
      </Flex>
    </Flex>
  );
});
