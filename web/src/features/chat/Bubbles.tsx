import { Button, Flex, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Markdown } from './messages/Markdown';

/** An agent's greetings: shown as the first assistant bubble, never sent, never stored. */
export function Greetings({ greetings }: { greetings: string[] }) {
  const { t } = useTranslation('chat');
  const { token } = theme.useToken();
  if (greetings.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 20 }} data-testid="greetings">
      {greetings.map((greeting, i) => (
        <div
          key={i}
          aria-label={t('messages.greeting')}
          style={{ background: token.colorFillQuaternary, borderRadius: 14, padding: '10px 14px', maxWidth: '85%', alignSelf: 'flex-start' }}
        >
          <Markdown text={greeting} />
        </div>
      ))}
    </Flex>
  );
}

/** Suggested questions: each button sends itself. */
export function SuggestedQuestions({ questions, onAsk, disabled }: { questions: string[]; onAsk: (q: string) => void; disabled?: boolean }) {
  const { t } = useTranslation('chat');
  if (questions.length === 0) return null;
  return (
    <Flex vertical gap={6} align="flex-start" role="group" aria-label={t('messages.suggested')} style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('messages.suggested')}
      </Typography.Text>
      <Flex gap={8} wrap>
        {questions.map((question) => (
          <Button key={question} onClick={() => onAsk(question)} disabled={disabled} style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}>
            {question}
          </Button>
        ))}
      </Flex>
    </Flex>
  );
}
