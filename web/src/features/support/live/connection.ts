import { useSyncExternalStore } from 'react';
import { type SocketState, SupportSocket } from './supportSocket';

/** The page's one support socket, shared by the live updates, the inbox's header and its views. */
export const supportSocket = new SupportSocket();

export function useSocketState(): SocketState {
  return useSyncExternalStore(
    (listener) => supportSocket.listen({ state: listener }),
    () => supportSocket.state(),
    () => 'closed' as SocketState,
  );
}
