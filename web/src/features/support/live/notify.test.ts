import { describe, expect, it } from 'vitest';
import type { Me } from '../api';
import { supportConversation } from '../test/fixtures';
import { supportEventOf } from './events';
import { notificationFor } from './SupportLive';

const me = (change: Partial<Me> = {}): Me => ({ id: 'me', name: 'Me', availability: 'online', team_ids: ['t1'], inbox_ids: [], ...change });
const notification = (data: Record<string, unknown>) => supportEventOf({ type: 'notification', data: { conversation_id: 'c', reason: 'handoff', ...data } })!;
const handoff = (assignee: { id: string; name: string } | null) =>
  supportEventOf({ type: 'conversation.bot_handoff', data: { conversation: supportConversation('c', { handler: 'human', assignee }) } })!;

describe('which events notify the agent', () => {
  it('tells an agent of what is given to them or to their team', () => {
    expect(notificationFor(notification({ reason: 'assigned', to_user_id: 'me' }), me())).toBe(true);
    expect(notificationFor(notification({ reason: 'assigned', to_user_id: 'other' }), me())).toBe(false);
    expect(notificationFor(notification({ to_team_id: 't1' }), me())).toBe(true);
    expect(notificationFor(notification({ to_team_id: 't2' }), me())).toBe(false);
    expect(notificationFor(notification({ to_team_id: 't1' }), me({ availability: 'offline' }))).toBe(false);
  });

  it('tells everyone not offline of a handoff nobody took, and online agents of a bot handoff', () => {
    expect(notificationFor(notification({}), me({ availability: 'busy' }))).toBe(true);
    expect(notificationFor(notification({}), me({ availability: 'offline' }))).toBe(false);
    expect(notificationFor(handoff(null), me())).toBe(true);
    expect(notificationFor(handoff(null), me({ availability: 'busy' }))).toBe(false);
    expect(notificationFor(handoff({ id: 'me', name: 'Me' }), me())).toBe(false);
    expect(notificationFor(handoff(null), undefined)).toBe(false);
  });
});
