import { TagsOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../api/types';
import { problemText } from '../../i18n/problems';
import { keys } from '../chat/queries';
import { dataKeys, listTags, setConversationTags } from './api';

/** A conversation's tags in its header: pick existing ones or type a new name. */
export function ConversationTags({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const client = useQueryClient();
  const tags = useQuery({ queryKey: dataKeys.tags, queryFn: ({ signal }) => listTags(signal) });
  const current = (conversation.tags ?? []).map((tag) => tag.name);

  const change = async (names: string[]) => {
    const cleaned = [...new Set(names.map((name) => name.trim()).filter(Boolean))];
    try {
      await setConversationTags(conversation.id, cleaned);
    } catch (error) {
      message.error(problemText(error));
    } finally {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.conversation(conversation.id) }),
        client.invalidateQueries({ queryKey: keys.conversations }),
        client.invalidateQueries({ queryKey: dataKeys.tags }),
      ]);
    }
  };

  return (
    <Select
      mode="tags"
      size="small"
      variant="borderless"
      suffixIcon={<TagsOutlined />}
      style={{ minWidth: 120, maxWidth: 320 }}
      placeholder={t('tags.add')}
      aria-label={t('tags.label')}
      value={current}
      maxCount={20}
      onChange={(names: string[]) => void change(names)}
      options={(tags.data ?? []).map((tag) => ({ value: tag.name, label: tag.name }))}
      data-testid="conversation-tags"
    />
  );
}
