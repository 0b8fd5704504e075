import { ArrowUpOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Input, theme, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Sends the text; resolves true when it was accepted (the box is then emptied). */
  onSend: (text: string) => Promise<boolean>;
  onStop?: () => void;
  /** A reply runs: sending waits, Stop shows. */
  running: boolean;
  stopping?: boolean;
  /** Not ready yet (what the send needs is still loading): a message sent meanwhile goes once it is. */
  disabled?: boolean;
}

/** The message box: Enter sends, Shift+Enter is a new line, and nothing sends mid-composition (IME). */
export function Composer({ onSend, onStop, running, stopping, disabled }: Props) {
  const { t } = useTranslation('chat');
  const { token } = theme.useToken();
  // At phone width the key hint does not fit in the box.
  const narrow = Grid.useBreakpoint().sm === false;
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  // Enter pressed before the page was ready: sent as soon as it is, not dropped.
  const [queued, setQueued] = useState(false);
  const blocked = running || sending || !!disabled;

  const submit = async () => {
    const value = text;
    if (!value.trim() || running || sending) return;
    if (disabled) {
      setQueued(true);
      return;
    }
    setSending(true);
    try {
      if (await onSend(value)) setText((now) => (now === value ? '' : now));
    } finally {
      setSending(false);
    }
  };

  useEffect(() => {
    if (!queued || disabled) return;
    setQueued(false);
    void submit();
    // submit reads the text and state of this render.
  }, [queued, disabled]);

  return (
    <div style={{ padding: '8px 16px 16px', maxWidth: 860, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
      <Flex
        gap={8}
        align="flex-end"
        style={{ border: `1px solid ${token.colorBorder}`, borderRadius: 12, padding: 8, background: token.colorBgContainer }}
      >
        <Input.TextArea
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.shiftKey) return;
            // keyCode 229: the key belongs to an IME composition (some browsers end it with Enter).
            if (event.nativeEvent.isComposing || event.keyCode === 229) return;
            event.preventDefault();
            void submit();
          }}
          autoSize={{ minRows: 1, maxRows: 10 }}
          variant="borderless"
          placeholder={t(narrow ? 'composer.placeholderShort' : 'composer.placeholder')}
          aria-label={t('composer.label')}
          aria-describedby={running ? 'parley-composer-reason' : undefined}
          style={{ resize: 'none' }}
          autoFocus
        />
        {running && onStop ? (
          <Button danger icon={<StopOutlined />} onClick={onStop} loading={stopping} aria-label={t('composer.stop')}>
            {t('composer.stop')}
          </Button>
        ) : (
          <Button
            type="primary"
            icon={<ArrowUpOutlined />}
            onClick={() => void submit()}
            disabled={blocked || !text.trim()}
            loading={sending}
            aria-label={t('composer.send')}
          >
            {t('composer.send')}
          </Button>
        )}
      </Flex>
      {running && (
        <Typography.Text type="secondary" id="parley-composer-reason" style={{ fontSize: 12, display: 'block', marginTop: 4 }} role="status">
          {t('composer.running')}
        </Typography.Text>
      )}
    </div>
  );
}
