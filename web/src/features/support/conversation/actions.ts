import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { type ConversationPatch, type Handler, supportApi, type SupportConversation, type TimelineEntry } from '../api';
import { receiveConversation, withEntry } from '../live/cache';
import { supportProblemText } from '../problems';
import { supportKeys, type TimelineData, useMe } from '../queries';

/**
 * What an agent does to a conversation. Each answer is the conversation's new state: it goes into
 * every cached list and count at once (the socket's event for the same change then changes nothing).
 */
export function useConversationActions(id: string) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const me = useMe().data;
  const change = useMutation({
    mutationFn: (call: () => Promise<SupportConversation>) => call(),
    // What the caches hold when the answer comes: the socket may have brought this very change first.
    onSuccess: (after) => receiveConversation(client, after, me?.id),
    onError: (error) => void message.error(supportProblemText(error)),
  });
  const run = (call: () => Promise<SupportConversation>) => change.mutateAsync(call).catch(() => undefined);

  const addEntry = (entry: TimelineEntry) => {
    const timeline = client.getQueryData<TimelineData>(supportKeys.timeline(id));
    if (timeline) client.setQueryData<TimelineData>(supportKeys.timeline(id), withEntry(timeline, entry));
  };

  return {
    pending: change.isPending,
    patch: (body: ConversationPatch) => run(() => supportApi.patch(id, body)),
    assign: (assigneeId: string | null, teamId: string | null) => run(() => supportApi.assign(id, { assignee_id: assigneeId, team_id: teamId })),
    handoff: (to: Handler) => run(() => supportApi.handoff(id, to === 'human' && me ? { to, assignee_id: me.id } : { to })),
    /** A reply or a note; a reply takes the conversation from the bot, so the conversation is read again. */
    send: async (kind: 'reply' | 'note', content: string): Promise<boolean> => {
      try {
        const entry = kind === 'reply' ? await supportApi.reply(id, content) : await supportApi.note(id, content);
        addEntry(entry);
        if (kind === 'reply') {
          const after = await supportApi.conversation(id).catch(() => null);
          if (after) receiveConversation(client, after, me?.id);
        }
        return true;
      } catch (error) {
        void message.error(supportProblemText(error));
        return false;
      }
    },
  };
}
