import { CheckOutlined, ContactsOutlined, LeftOutlined, RobotOutlined, SlidersOutlined, UndoOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Grid, Select, Space, Tag, theme, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { type Availability, type Priority, PRIORITIES, STATUSES, type SupportConversation, type SupportStatus } from '../api';
import { contactName, HandlerTag, PRIORITY_COLOR } from '../list/ConversationRow';
import { useAgents, useMe, useTeams } from '../queries';
import { useConversationActions } from './actions';
import { SnoozeControl } from './SnoozeControl';

const DOT: Record<Availability, 'success' | 'warning' | 'default'> = { online: 'success', busy: 'warning', offline: 'default' };
const UNASSIGNED = '__none__';

interface Props {
  conversation: SupportConversation;
  contactOpen: boolean;
  onToggleContact: () => void;
  onBack?: () => void;
}

/** Who the conversation is with, and everything an agent decides about it. */
export function ConversationHeader({ conversation, contactOpen, onToggleContact, onBack }: Props) {
  const { t } = useTranslation('support');
  const { token } = theme.useToken();
  const agents = useAgents();
  const teams = useTeams();
  const me = useMe().data;
  const actions = useConversationActions(conversation.id);
  const name = contactName(conversation, t('contact.anonymous'));
  const resolved = conversation.status === 'resolved';
  // On a phone the selectors wait behind a button, so the timeline keeps the screen.
  const compact = Grid.useBreakpoint().md === false;
  const [details, setDetails] = useState(false);

  return (
    <Flex vertical gap={8} style={{ padding: '8px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
      <Flex align="center" gap={8} wrap>
        {onBack && <Button type="text" icon={<LeftOutlined />} onClick={onBack} aria-label={t('conversation.back')} />}
        <Flex vertical style={{ flex: 1, minWidth: 160 }}>
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <Typography.Title level={5} style={{ margin: 0, minWidth: 0 }} ellipsis data-testid="support-contact-name">
              {name}
            </Typography.Title>
            <HandlerTag handler={conversation.handler} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {conversation.inbox_name}
            {conversation.contact.email && conversation.contact.name ? ` · ${conversation.contact.email}` : ''}
            {conversation.status === 'snoozed' && conversation.snoozed_until
              ? ` · ${t('snooze.until', { time: formatDateTime(conversation.snoozed_until) })}`
              : ''}
          </Typography.Text>
        </Flex>
        <Space size={6} wrap>
          {conversation.handler === 'bot' ? (
            <Button
              type="primary"
              size="small"
              icon={<UserSwitchOutlined />}
              onClick={() => void actions.handoff('human')}
              loading={actions.pending}
              data-testid="take-over"
            >
              {t('conversation.takeOver')}
            </Button>
          ) : (
            <Button size="small" icon={<RobotOutlined />} onClick={() => void actions.handoff('bot')} disabled={actions.pending} data-testid="return-to-bot">
              {t('conversation.returnToBot')}
            </Button>
          )}
          {resolved ? (
            <Button
              size="small"
              icon={<UndoOutlined />}
              // Pending is the bot's open.
              onClick={() => void actions.patch({ status: conversation.handler === 'bot' ? 'pending' : 'open' })}
              disabled={actions.pending}
            >
              {t('conversation.reopen')}
            </Button>
          ) : (
            <Button
              size="small"
              icon={<CheckOutlined />}
              onClick={() => void actions.patch({ status: 'resolved' })}
              disabled={actions.pending}
              data-testid="resolve"
            >
              {t('conversation.resolve')}
            </Button>
          )}
          <SnoozeControl disabled={actions.pending} onSnooze={(until) => void actions.patch({ status: 'snoozed', snoozed_until: until.toISOString() })} />
          {compact && (
            <Button
              size="small"
              type={details ? 'default' : 'text'}
              icon={<SlidersOutlined />}
              onClick={() => setDetails((open) => !open)}
              aria-label={t('conversation.details')}
              aria-expanded={details}
            />
          )}
          <Tooltip title={contactOpen ? t('contact.hide') : t('contact.show')}>
            <Button
              size="small"
              type={contactOpen ? 'default' : 'text'}
              icon={<ContactsOutlined />}
              onClick={onToggleContact}
              aria-label={contactOpen ? t('contact.hide') : t('contact.show')}
              aria-pressed={contactOpen}
            />
          </Tooltip>
        </Space>
      </Flex>
      {(!compact || details) && (
        <Flex gap={6} wrap align="center">
          <Select<SupportStatus>
            size="small"
            style={{ width: 120 }}
            aria-label={t('conversation.status')}
            value={conversation.status}
            onChange={(status) => void actions.patch({ status })}
            // Pending means the bot answers and open that people do: "Take over" and "Return to bot" change those.
            options={STATUSES.map((status) => ({
              value: status,
              label: t(`status.${status}`),
              disabled:
                status === 'snoozed' || (status === 'pending' && conversation.handler === 'human') || (status === 'open' && conversation.handler === 'bot'),
            }))}
            data-testid="status-select"
          />
          <Select<Priority>
            size="small"
            style={{ width: 110 }}
            aria-label={t('conversation.priority')}
            value={conversation.priority}
            onChange={(priority) => void actions.patch({ priority })}
            options={PRIORITIES.map((priority) => ({
              value: priority,
              label: <Tag color={PRIORITY_COLOR[priority]} style={{ marginInlineEnd: 0 }}>{t(`priority.${priority}`)}</Tag>,
            }))}
          />
          <Select<string>
            size="small"
            style={{ width: 200 }}
            showSearch={{ optionFilterProp: 'title' }}
            aria-label={t('conversation.assignee')}
            value={conversation.assignee?.id ?? UNASSIGNED}
            loading={agents.isLoading}
            onChange={(value) => void actions.assign(value === UNASSIGNED ? null : value, conversation.team?.id ?? null)}
            options={[
              { value: UNASSIGNED, title: t('conversation.unassigned'), label: t('conversation.unassigned') },
              // The assignee stays shown even when the agents list does not hold them.
              ...(conversation.assignee && !agents.data?.some((agent) => agent.id === conversation.assignee?.id)
                ? [{ value: conversation.assignee.id, title: conversation.assignee.name, label: conversation.assignee.name }]
                : []),
              ...(agents.data ?? []).map((agent) => ({
                value: agent.id,
                title: agent.name,
                label: (
                  <Badge status={DOT[agent.availability]} text={agent.id === me?.id ? t('conversation.me', { name: agent.name }) : agent.name} />
                ),
              })),
            ]}
            data-testid="assignee-select"
          />
          <Select<string>
            size="small"
            style={{ width: 140 }}
            allowClear
            placeholder={t('conversation.noTeam')}
            aria-label={t('conversation.team')}
            value={conversation.team?.id}
            loading={teams.isLoading}
            onChange={(value) => void actions.assign(conversation.assignee?.id ?? null, value ?? null)}
            options={[
              ...(conversation.team && !teams.data?.some((team) => team.id === conversation.team?.id)
                ? [{ value: conversation.team.id, label: conversation.team.name }]
                : []),
              ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
            ]}
          />
          <Select<string[]>
            size="small"
            mode="tags"
            style={{ flex: 1, minWidth: 160 }}
            placeholder={t('conversation.addLabels')}
            aria-label={t('conversation.labels')}
            value={conversation.labels}
            tokenSeparators={[',']}
            onChange={(labels) => void actions.patch({ labels: [...new Set(labels.map((label) => label.trim()).filter(Boolean))] })}
            options={conversation.labels.map((label) => ({ value: label }))}
            data-testid="labels-select"
          />
        </Flex>
      )}
    </Flex>
  );
}
