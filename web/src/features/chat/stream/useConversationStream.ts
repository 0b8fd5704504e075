import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { keys } from '../queries';
import { acquireStream, type ConversationStream, releaseStream, type StreamConnection } from './conversationStream';
import { emptyStreamState, type StreamState } from './events';

const idle = { snapshot: () => emptyStreamState, subscribe: () => () => {}, connection: (): StreamConnection => 'closed' };

/**
 * The live replies of a conversation while the page shows it. When a reply settles, the stored
 * messages are read again (the terminal event's text is already shown: the refetch brings ids,
 * usage and the branch's user message).
 */
export function useConversationStream(conversationId: string | undefined): { stream: ConversationStream | null; state: StreamState; connection: StreamConnection } {
  const client = useQueryClient();
  const [stream, setStream] = useState<ConversationStream | null>(null);
  useEffect(() => {
    if (!conversationId) return;
    const acquired = acquireStream(conversationId);
    setStream(acquired);
    const off = acquired.onSettled(() => {
      void client.invalidateQueries({ queryKey: keys.messages(conversationId) });
      void client.invalidateQueries({ queryKey: keys.conversations });
    });
    return () => {
      off();
      releaseStream(conversationId);
      setStream(null);
    };
  }, [conversationId, client]);
  const source = stream && stream.conversationId === conversationId ? stream : null;
  const state = useSyncExternalStore(source?.subscribe ?? idle.subscribe, source?.snapshot ?? idle.snapshot);
  const connection = useSyncExternalStore(source?.subscribe ?? idle.subscribe, source?.connectionState ?? idle.connection);
  return { stream: source, state, connection };
}
