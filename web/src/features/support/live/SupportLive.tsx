import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import type { Me } from '../api';
import { supportKeys, useMe } from '../queries';
import { markSeen, markUnseen, titleWithCount, useUnseenCount } from './badge';
import { applySupportEvent, knownConversation } from './cache';
import { supportSocket } from './connection';
import { conversationIdOf, type SupportEvent } from './events';
import { setTyping } from './typing';

/**
 * Whether an event should reach this agent as a notification: one for them or their team, one
 * for nobody in particular (a handoff nobody took) while they are not offline, and a handoff from
 * the bot nobody has taken yet while they are online.
 */
export function notificationFor(event: SupportEvent, me: Me | undefined): boolean {
  if (!me) return false;
  if (event.type === 'notification') {
    const { to_user_id: user, to_team_id: team } = event.data;
    if (user) return user === me.id;
    if (team) return me.team_ids.includes(team) && me.availability !== 'offline';
    return me.availability !== 'offline';
  }
  return event.type === 'conversation.bot_handoff' && me.availability === 'online' && !event.data.conversation.assignee;
}

/**
 * The agents' live updates, wherever they are in the app: the support socket's events go into the
 * query caches, a reconnect reads the support data again, and a handoff or an assignment for this
 * agent shows a notification and counts in the page's title until the conversation is opened.
 */
export function SupportLive() {
  const { t } = useTranslation('support');
  const { notification } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const meRef = useRef<Me | undefined>(undefined);
  meRef.current = me.data;
  const open = useMatch('/support/:conversationId')?.params.conversationId;
  const openRef = useRef(open);
  openRef.current = open;
  const unseen = useUnseenCount();

  useEffect(() => {
    const tell = (event: SupportEvent) => {
      const id = conversationIdOf(event);
      if (id === openRef.current) return;
      markUnseen(id);
      const conversation = ('conversation' in event.data ? event.data.conversation : undefined) ?? knownConversation(client, id);
      const who = conversation?.contact.name || conversation?.contact.email || t('contact.anonymous');
      const assigned = event.type === 'notification' && event.data.reason === 'assigned';
      const key = `support-${id}`;
      notification.info({
        key,
        title: assigned ? t('notify.assigned') : t('notify.handoff'),
        description: (event.type === 'notification' && event.data.message) || t('notify.from', { name: who }),
        placement: 'bottomRight',
        duration: 8,
        actions: (
          <Button
            type="primary"
            size="small"
            onClick={() => {
              notification.destroy(key);
              navigate(`/support/${id}`);
            }}
          >
            {t('notify.open')}
          </Button>
        ),
      });
    };
    const off = supportSocket.listen({
      event: (event) => {
        if (event.type === 'typing') {
          setTyping(event.data.conversation_id, event.data.actor, event.data.actor_id, event.data.typing);
          return;
        }
        applySupportEvent(client, event, meRef.current?.id);
        if (notificationFor(event, meRef.current)) tell(event);
      },
      reconnected: () => void client.invalidateQueries({ queryKey: supportKeys.all }),
    });
    supportSocket.start();
    return () => {
      off();
      supportSocket.stop();
    };
  }, [client, navigate, notification, t]);

  useEffect(() => {
    if (open) markSeen(open);
  }, [open, unseen]);

  useEffect(() => {
    document.title = titleWithCount(document.title, unseen);
  }, [unseen]);
  useEffect(() => () => void (document.title = titleWithCount(document.title, 0)), []);

  return null;
}
