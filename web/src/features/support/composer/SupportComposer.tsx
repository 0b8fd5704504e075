import { LockOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Segmented, Spin, theme, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../api';
import { useCanned } from '../queries';
import { insertCanned, moveHighlight, type SlashWord, slashWordAt } from './slash';

export type ComposerMode = 'reply' | 'note';

interface Props {
  /** Sends the text as a reply or a note; resolves true when accepted (the box is then emptied). */
  onSend: (mode: ComposerMode, text: string) => Promise<boolean>;
  /** Each change of the reply's text (for the typing indicator the customer sees). */
  onInput?: () => void;
  onIdle?: () => void;
  disabled?: boolean;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function Suggestions({
  id,
  items,
  loading,
  highlight,
  onPick,
  onHover,
}: {
  id: string;
  items: CannedResponse[];
  loading: boolean;
  highlight: number;
  onPick: (item: CannedResponse) => void;
  onHover: (index: number) => void;
}) {
  const { t } = useTranslation('support');
  const { token } = theme.useToken();
  return (
    <div
      style={{
        position: 'absolute',
        bottom: '100%',
        left: 0,
        right: 0,
        marginBottom: 4,
        maxHeight: 240,
        overflow: 'auto',
        background: token.colorBgElevated,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: 8,
        boxShadow: token.boxShadowSecondary,
        zIndex: 10,
      }}
      data-testid="canned-suggestions"
    >
      {loading && items.length === 0 ? (
        <Flex justify="center" style={{ padding: 8 }}>
          <Spin size="small" aria-label={t('common:states.loading')} />
        </Flex>
      ) : items.length === 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', padding: '6px 12px' }}>
          {t('composer.noCanned')}
        </Typography.Text>
      ) : (
        <ul role="listbox" id={id} aria-label={t('composer.cannedLabel')} style={{ listStyle: 'none', margin: 0, padding: 4 }}>
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === highlight}
              onMouseDown={(event) => {
                event.preventDefault(); // keep the focus in the box
                onPick(item);
              }}
              onMouseEnter={() => onHover(index)}
              style={{
                padding: '6px 8px',
                borderRadius: 6,
                cursor: 'pointer',
                background: index === highlight ? token.controlItemBgActive : undefined,
              }}
            >
              <Typography.Text strong>/{item.short_code}</Typography.Text>{' '}
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: '100%' }}>
                {item.content}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The agent's box: a reply to the customer or a private note for the team. Enter sends,
 * Shift+Enter is a new line; `/code` opens the canned responses (arrows choose, Enter or Tab
 * inserts, Escape closes).
 */
export function SupportComposer({ onSend, onInput, onIdle, disabled }: Props) {
  const { t } = useTranslation('support');
  const { token } = theme.useToken();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [word, setWord] = useState<SlashWord | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [highlight, setHighlight] = useState(0);
  const box = useRef<TextAreaRef>(null);
  const listId = useId();
  const open = word !== null && dismissed !== word.start;
  const query = useDebounced(open ? word.query : null, 120);
  const canned = useCanned(open ? query : null);
  const items = open ? (canned.data ?? []) : [];
  const note = mode === 'note';

  useEffect(() => setHighlight(0), [query]);

  const caretMoved = (element: HTMLTextAreaElement) => {
    const found = slashWordAt(element.value, element.selectionStart ?? element.value.length);
    setWord(found);
    if (!found) setDismissed(null);
  };

  const pick = (item: CannedResponse) => {
    if (!word) return;
    const next = insertCanned(text, word, item.content);
    setText(next.text);
    setWord(null);
    requestAnimationFrame(() => {
      const element = box.current?.resizableTextArea?.textArea;
      if (element) {
        element.focus();
        element.setSelectionRange(next.caret, next.caret);
      }
    });
  };

  const submit = async () => {
    const value = text;
    if (!value.trim() || sending || disabled) return;
    setSending(true);
    try {
      if (await onSend(mode, value)) {
        setText((now) => (now === value ? '' : now));
        setWord(null);
        onIdle?.();
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <div style={{ padding: '8px 16px 12px', borderTop: `1px solid ${token.colorBorderSecondary}` }}>
      <Flex align="center" justify="space-between" style={{ marginBottom: 6 }}>
        <Segmented<ComposerMode>
          size="small"
          value={mode}
          onChange={(value) => {
            setMode(value);
            if (value === 'note') onIdle?.();
          }}
          options={[
            { value: 'reply', label: t('composer.reply') },
            { value: 'note', label: t('composer.note'), icon: <LockOutlined /> },
          ]}
          aria-label={t('composer.mode')}
          data-testid="composer-mode"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note ? t('composer.noteHint') : t('composer.hint')}
        </Typography.Text>
      </Flex>
      <div style={{ position: 'relative' }}>
        {open && (
          <Suggestions id={listId} items={items} loading={canned.isFetching} highlight={highlight} onPick={pick} onHover={setHighlight} />
        )}
        <Flex
          gap={8}
          align="flex-end"
          style={{
            border: `1px solid ${note ? token.colorWarningBorder : token.colorBorder}`,
            background: note ? token.colorWarningBg : token.colorBgContainer,
            borderRadius: 10,
            padding: 6,
          }}
        >
          <Input.TextArea
            ref={box}
            value={text}
            disabled={disabled}
            onChange={(event) => {
              setText(event.target.value);
              caretMoved(event.target);
              if (!note) {
                if (event.target.value) onInput?.();
                else onIdle?.();
              }
            }}
            onClick={(event) => caretMoved(event.currentTarget)}
            onKeyUp={(event) => {
              if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home' || event.key === 'End') caretMoved(event.currentTarget);
            }}
            onBlur={() => setWord(null)}
            onKeyDown={(event) => {
              if (event.nativeEvent.isComposing || event.keyCode === 229) return;
              if (open && items.length > 0) {
                if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                  event.preventDefault();
                  setHighlight((now) => moveHighlight(now, items.length, event.key as 'ArrowDown' | 'ArrowUp'));
                  return;
                }
                if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
                  event.preventDefault();
                  const item = items[Math.max(0, highlight)];
                  if (item) pick(item);
                  return;
                }
              }
              if (open && event.key === 'Escape') {
                event.preventDefault();
                setDismissed(word.start);
                return;
              }
              if (event.key !== 'Enter' || event.shiftKey) return;
              event.preventDefault();
              void submit();
            }}
            autoSize={{ minRows: 2, maxRows: 10 }}
            variant="borderless"
            placeholder={note ? t('composer.notePlaceholder') : t('composer.placeholder')}
            aria-label={note ? t('composer.noteLabel') : t('composer.label')}
            aria-autocomplete="list"
            aria-controls={open && items.length > 0 ? listId : undefined}
            aria-activedescendant={open && items.length > 0 ? `${listId}-${highlight}` : undefined}
            style={{ resize: 'none', background: 'transparent' }}
            data-testid="support-composer"
          />
          <Button
            type="primary"
            icon={note ? <LockOutlined /> : <SendOutlined />}
            onClick={() => void submit()}
            disabled={disabled || sending || !text.trim()}
            loading={sending}
            style={note && text.trim() && !disabled && !sending ? { background: token.colorWarning, borderColor: token.colorWarning } : undefined}
          >
            {note ? t('composer.addNote') : t('composer.send')}
          </Button>
        </Flex>
      </div>
    </div>
  );
}
