import { Flex, Select, Typography } from 'antd';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Conversation } from '../../api/types';
import { problemText } from '../../i18n/problems';
import { Greetings, SuggestedQuestions } from './Bubbles';
import { Composer } from './Composer';
import { keys, useAgents, useContexts } from './queries';

/**
 * A new chat: pick an agent (the default one, or `?agent=<id>`) and a saved context (the user's
 * default); the first send creates the conversation, moves to its address and sends there.
 */
export function NewChat() {
  const { t } = useTranslation('chat');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const agents = useAgents();
  const contexts = useContexts();
  const [agentId, setAgentId] = useState<string | undefined>(params.get('agent') ?? undefined);
  const [contextId, setContextId] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    if (agentId || !agents.data?.length) return;
    setAgentId((agents.data.find((agent) => agent.is_default) ?? agents.data[0]).id);
  }, [agents.data, agentId]);
  useEffect(() => {
    if (contextId !== undefined || !contexts.data) return;
    setContextId(contexts.data.find((context) => context.is_default)?.id ?? null);
  }, [contexts.data, contextId]);

  const agent = useMemo(() => agents.data?.find((a) => a.id === agentId), [agents.data, agentId]);

  const start = async (text: string): Promise<boolean> => {
    try {
      const body: Record<string, string> = {};
      if (agentId) body.agent_id = agentId;
      if (contextId) body.context_id = contextId;
      const conversation = await api<Conversation>('/api/v1/conversations', { method: 'POST', body });
      client.setQueryData(keys.conversation(conversation.id), conversation);
      void client.invalidateQueries({ queryKey: keys.conversations });
      navigate(`/c/${conversation.id}`, { replace: true, state: { send: text } });
      return true;
    } catch (error) {
      message.error(problemText(error));
      return false;
    }
  };

  return (
    <Flex vertical style={{ height: '100%' }}>
      <div style={{ flex: 1, overflow: 'auto' }}>
        <div style={{ maxWidth: 860, margin: '0 auto', padding: '24px 16px' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('newChatPage.title')}
          </Typography.Title>
          <Flex gap={12} wrap style={{ marginBottom: 24 }}>
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, flex: '1 1 220px' }}>
              <Typography.Text type="secondary">{t('newChatPage.agent')}</Typography.Text>
              <Select
                aria-label={t('newChatPage.agent')}
                loading={agents.isLoading}
                value={agentId}
                onChange={setAgentId}
                showSearch={{ optionFilterProp: 'label' }}
                options={(agents.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
                data-testid="agent-select"
              />
            </label>
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, flex: '1 1 220px' }}>
              <Typography.Text type="secondary">{t('newChatPage.context')}</Typography.Text>
              <Select
                aria-label={t('newChatPage.context')}
                loading={contexts.isLoading}
                value={contextId ?? ''}
                onChange={(value) => setContextId(value || null)}
                options={[
                  { value: '', label: t('newChatPage.noContext') },
                  ...(contexts.data ?? []).map((c) => ({ value: c.id, label: c.is_default ? `${c.name} (${t('newChatPage.default')})` : c.name })),
                ]}
              />
            </label>
          </Flex>
          {agent?.description && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
              {agent.description}
            </Typography.Paragraph>
          )}
          <Greetings greetings={agent?.greetings ?? []} />
          <SuggestedQuestions questions={agent?.suggested_questions ?? []} onAsk={(q) => void start(q)} />
        </div>
      </div>
      <Composer onSend={start} running={false} disabled={agents.isLoading} />
    </Flex>
  );
}
