import { DeleteOutlined, EditOutlined, MessageOutlined, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../api/auth';
import { ApiError } from '../../api/problem';
import type { Agent } from '../../api/types';
import { problemText } from '../../i18n/problems';
import { AgentAvatar } from './AgentAvatar';
import { agentKeys, deleteAgent, useAgentList } from './api';

/** Why a delete failed, in the user's words: the default agent's refusal named as such. */
function deleteErrorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError && error.slug === 'default-agent-undeletable') return t('list.defaultUndeletable');
  if (error instanceof ApiError && error.slug === 'agent-not-found') return t('list.goneAlready');
  return problemText(error);
}

/** The agents the user may see, each with "Start a chat", and edit and delete where allowed. */
export function AgentListPage() {
  const { t } = useTranslation('agents');
  const session = useSession();
  const admin = session?.user.role === 'admin';
  const me = session?.user.id;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const list = useAgentList();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const agents = list.data?.pages.flatMap((page) => page.items) ?? [];

  const canEdit = (agent: Agent) => admin || (agent.owner_id !== null && agent.owner_id === me);

  const confirmDelete = (agent: Agent) => {
    setDeleteError(null);
    modal.confirm({
      title: t('list.deleteTitle', { name: agent.name }),
      content: t('list.deleteBody'),
      okText: t('common:actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:actions.cancel'),
      onOk: async () => {
        try {
          await deleteAgent(agent.id);
          message.success(t('list.deleted', { name: agent.name }));
        } catch (error) {
          setDeleteError(deleteErrorText(error, t));
        } finally {
          await queryClient.invalidateQueries({ queryKey: agentKeys.all });
        }
      },
    });
  };

  return (
    <div style={{ padding: 24, maxWidth: 1200, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Space wrap>
          <Link to="/settings/contexts">
            <Button icon={<ProfileOutlined />}>{t('list.contexts')}</Button>
          </Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/agents/new')}>
            {t('list.new')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      {deleteError && (
        <Alert type="error" showIcon title={deleteError} role="alert" closable onClose={() => setDeleteError(null)} style={{ marginBottom: 16 }} />
      )}
      {list.isError && <Alert type="error" showIcon title={problemText(list.error)} role="alert" style={{ marginBottom: 16 }} />}
      {list.isPending && <Skeleton active />}
      {list.isSuccess && agents.length === 0 && <Empty description={t('list.empty')} />}
      <Row gutter={[16, 16]} role="list" aria-label={t('list.title')}>
        {agents.map((agent) => (
          <Col key={agent.id} xs={24} sm={12} xl={8} role="listitem" aria-label={agent.name}>
            <Card
              style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
              styles={{ body: { flex: 1 } }}
              actions={[
                <Flex key="actions" justify="space-between" align="center" style={{ padding: '0 12px' }}>
                  <Button
                    type="link"
                    icon={<MessageOutlined />}
                    onClick={() => navigate(`/?agent=${encodeURIComponent(agent.id)}`)}
                    aria-label={t('list.startChatWith', { name: agent.name })}
                    style={{ paddingInline: 4 }}
                  >
                    {t('list.startChat')}
                  </Button>
                  {canEdit(agent) && (
                    <Space size={0}>
                      <Button
                        type="text"
                        icon={<EditOutlined />}
                        onClick={() => navigate(`/agents/${encodeURIComponent(agent.id)}`)}
                        aria-label={t('list.editNamed', { name: agent.name })}
                        title={t('list.editNamed', { name: agent.name })}
                      />
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => confirmDelete(agent)}
                        aria-label={t('list.deleteNamed', { name: agent.name })}
                        title={t('list.deleteNamed', { name: agent.name })}
                      />
                    </Space>
                  )}
                </Flex>,
              ]}
            >
              <Card.Meta
                avatar={<AgentAvatar name={agent.name} url={agent.avatar_url} />}
                title={
                  <Flex gap={6} align="center" wrap>
                    <Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>
                      {agent.name}
                    </Typography.Text>
                    {agent.is_default && <Tag color="gold">{t('list.default')}</Tag>}
                  </Flex>
                }
                description={
                  <>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 8, minHeight: 44 }}>
                      {agent.description || t('list.noDescription')}
                    </Typography.Paragraph>
                    <Space size={4} wrap>
                      <Tag color={agent.visibility === 'public' ? 'green' : agent.visibility === 'roles' ? 'blue' : 'default'}>
                        {t(`visibility.${agent.visibility}`)}
                      </Tag>
                      {agent.visibility === 'roles' &&
                        agent.visible_roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>)}
                      {agent.owner_id !== null && agent.owner_id === me && <Tag>{t('list.yours')}</Tag>}
                    </Space>
                  </>
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common:actions.loadMore')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
