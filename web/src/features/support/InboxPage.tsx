import { Badge, Drawer, Empty, Flex, Grid, theme, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AvailabilitySwitch } from './AvailabilitySwitch';
import { ContactPanel } from './contact/ContactPanel';
import { ConversationPane } from './conversation/ConversationPane';
import { ConversationList } from './list/ConversationList';
import { useInboxFilter } from './list/filter';
import { useSocketState } from './live/connection';
import { useSupportConversation } from './queries';
import './support.css';

const LIST_WIDTH = 340;
const CONTACT_WIDTH = 300;
const CONTACT_KEY = 'parley.support.contactPanel';

function LiveState() {
  const { t } = useTranslation('support');
  const state = useSocketState();
  const status = state === 'open' ? 'success' : state === 'closed' ? 'default' : 'warning';
  return (
    <Tooltip title={t(`live.${state}Help`)}>
      <span data-testid="live-state" data-state={state}>
        <Badge status={status} text={t(`live.${state}`)} />
      </span>
    </Tooltip>
  );
}

/**
 * The agents' inbox at /support and /support/:conversationId: the conversations (left), the open
 * one (middle) and its contact (right, collapsible; a drawer below 1200 px). Narrow screens show
 * one column at a time.
 */
export function InboxPage() {
  const { t } = useTranslation('support');
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  const { conversationId } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  const [filter, setFilter] = useInboxFilter();
  // Wide screens show the contact as a third column (open or closed as the agent last left it);
  // narrower ones as a drawer, opened when asked for.
  const wideContact = screens.xl !== false;
  const [columnOpen, setColumnOpen] = useState(() => localStorage.getItem(CONTACT_KEY) !== 'closed');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const conversation = useSupportConversation(conversationId);
  useEffect(() => setDrawerOpen(false), [conversationId]);
  const toggleContact = () => {
    if (!wideContact) return setDrawerOpen((open) => !open);
    setColumnOpen((open) => {
      localStorage.setItem(CONTACT_KEY, open ? 'closed' : 'open');
      return !open;
    });
  };
  const showList = !narrow || !conversationId;
  const showPane = !narrow || !!conversationId;
  const contact = conversation.data?.contact.id;
  const contactOpen = wideContact ? columnOpen : drawerOpen;

  return (
    <Flex vertical style={{ height: '100%' }}>
      <Flex
        align="center"
        gap={12}
        wrap
        style={{ padding: '8px 16px', minHeight: 48, boxSizing: 'border-box', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Typography.Title level={4} style={{ margin: 0, flex: '1 1 auto', minWidth: 140, fontSize: 18 }} ellipsis>
          {t('title')}
        </Typography.Title>
        <LiveState />
        <AvailabilitySwitch />
      </Flex>
      <Flex style={{ flex: 1, minHeight: 0 }}>
        {showList && (
          <div style={{ width: narrow ? '100%' : LIST_WIDTH, flex: 'none', borderInlineEnd: `1px solid ${token.colorBorderSecondary}`, minHeight: 0 }}>
            <ConversationList filter={filter} onChange={setFilter} activeId={conversationId} />
          </div>
        )}
        {showPane && (
          <section style={{ flex: 1, minWidth: 0, minHeight: 0 }} aria-label={t('conversation.label')}>
            {conversationId ? (
              <ConversationPane
                key={conversationId}
                conversationId={conversationId}
                contactOpen={contactOpen}
                onToggleContact={toggleContact}
                onBack={narrow ? () => navigate(`/support${search}`) : undefined}
              />
            ) : (
              <Flex align="center" justify="center" style={{ height: '100%' }}>
                <Empty description={t('conversation.none')} />
              </Flex>
            )}
          </section>
        )}
        {wideContact && columnOpen && conversationId && contact && (
          <div style={{ width: CONTACT_WIDTH, flex: 'none', borderInlineStart: `1px solid ${token.colorBorderSecondary}`, minHeight: 0 }}>
            <ContactPanel contactId={contact} conversationId={conversationId} onClose={toggleContact} />
          </div>
        )}
        {!wideContact && conversationId && contact && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="right"
            size={narrow ? '100%' : CONTACT_WIDTH + 40}
            closeIcon={null}
            title={null}
            styles={{ body: { padding: 0 } }}
          >
            <ContactPanel contactId={contact} conversationId={conversationId} onClose={() => setDrawerOpen(false)} />
          </Drawer>
        )}
      </Flex>
    </Flex>
  );
}
