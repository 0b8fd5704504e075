import { FileSearchOutlined, InboxOutlined, MoreOutlined, PushpinFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { App, Button, Dropdown, Empty, Flex, Input, Modal, Select, Spin, Switch, theme, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate } from 'react-router';
import type { Conversation } from '../../../api/types';
import { problemText } from '../../../i18n/problems';
import { dataKeys, listTags } from '../../data/api';
import { deleteConversation, patchConversation, useConversationList } from '../queries';

const ROW = 40;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The conversation list: cursor-paged (pinned first, then most recently active), loaded as the
 * list scrolls and virtualised, so thousands stay smooth; filtered by title on the server.
 */
export function ConversationSidebar() {
  const { t } = useTranslation('chat');
  const { token } = theme.useToken();
  const [filter, setFilter] = useState('');
  const [archived, setArchived] = useState(false);
  const q = useDebounced(filter.trim(), 250);
  const [tag, setTag] = useState<string | undefined>();
  const tags = useQuery({ queryKey: dataKeys.tags, queryFn: ({ signal }) => listTags(signal) });
  const list = useConversationList(archived, q, tag);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const scroller = useRef<HTMLDivElement>(null);
  const match = useMatch('/c/:conversationId');
  const current = match?.params.conversationId;
  const [renaming, setRenaming] = useState<Conversation | null>(null);

  const virtualizer = useVirtualizer({
    count: items.length + (list.hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;
  useEffect(() => {
    if (lastIndex >= items.length - 1 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [lastIndex, items.length, list]);

  return (
    <Flex vertical style={{ height: '100%' }} role="region" aria-label={t('sidebar.label')}>
      <Flex vertical gap={6} style={{ padding: '0 12px 8px' }}>
        <Input.Search
          allowClear
          size="small"
          placeholder={t('sidebar.filter')}
          aria-label={t('sidebar.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        {(tags.data?.length ?? 0) > 0 && (
          <Select
            allowClear
            size="small"
            placeholder={t('sidebar.tagFilter')}
            aria-label={t('sidebar.tagFilter')}
            value={tag}
            onChange={setTag}
            options={(tags.data ?? []).map((item) => ({ value: item.name, label: item.name }))}
            data-testid="sidebar-tag-filter"
          />
        )}
        <Flex align="center" gap={6}>
          <Switch size="small" checked={archived} onChange={setArchived} aria-label={t('sidebar.showArchivedLabel')} id="parley-show-archived" />
          <label htmlFor="parley-show-archived" style={{ fontSize: 12, color: token.colorTextSecondary, cursor: 'pointer' }}>
            <InboxOutlined /> {t('sidebar.showArchived')}
          </label>
          <Link to="/search" style={{ marginLeft: 'auto', fontSize: 12 }} data-testid="open-search">
            <FileSearchOutlined /> {t('sidebar.searchMessages')}
          </Link>
        </Flex>
      </Flex>
      <div ref={scroller} style={{ flex: 1, overflow: 'auto', padding: '0 6px' }}>
        {list.isLoading && (
          <Flex justify="center" style={{ padding: 16 }}>
            <Spin size="small" aria-label={t('common:states.loading')} />
          </Flex>
        )}
        {list.error && (
          <Typography.Text type="danger" style={{ padding: 12, display: 'block' }}>
            {t('sidebar.failed')} {problemText(list.error)}
          </Typography.Text>
        )}
        {!list.isLoading && !list.error && items.length === 0 && (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={q || tag ? t('sidebar.emptyFilter') : archived ? t('sidebar.emptyArchived') : t('sidebar.empty')}
          />
        )}
        {items.length > 0 && (
          <ul style={{ height: virtualizer.getTotalSize(), position: 'relative', listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('sidebar.label')}>
            {virtualItems.map((row) => {
              const conversation = items[row.index];
              return (
                <li
                  key={conversation?.id ?? 'more'}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: ROW, transform: `translateY(${row.start}px)` }}
                >
                  {conversation ? (
                    <Item conversation={conversation} active={conversation.id === current} onRename={() => setRenaming(conversation)} />
                  ) : (
                    <Flex justify="center" align="center" style={{ height: ROW }}>
                      <Spin size="small" aria-label={t('sidebar.loadingMore')} />
                    </Flex>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <RenameModal conversation={renaming} onClose={() => setRenaming(null)} />
    </Flex>
  );
}

function Item({ conversation, active, onRename }: { conversation: Conversation; active: boolean; onRename: () => void }) {
  const { t } = useTranslation('chat');
  const { token } = theme.useToken();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const title = conversation.title || t('untitled');
  const patch = (body: { pinned?: boolean; archived?: boolean }) =>
    void patchConversation(client, conversation.id, body).catch((error) => message.error(problemText(error)));

  return (
    <Flex
      align="center"
      className="parley-conversation-item"
      data-testid="conversation-item"
      data-active={active || undefined}
      style={{
        height: ROW - 4,
        marginTop: 2,
        borderRadius: 8,
        background: active ? token.controlItemBgActive : undefined,
      }}
    >
      <Link
        to={`/c/${conversation.id}`}
        aria-current={active ? 'page' : undefined}
        style={{ flex: 1, minWidth: 0, padding: '0 8px', color: token.colorText, display: 'flex', alignItems: 'center', gap: 6, height: '100%' }}
      >
        {conversation.pinned && <PushpinFilled style={{ color: token.colorPrimary, fontSize: 12 }} aria-label={t('sidebar.pinned')} />}
        <Typography.Text ellipsis style={{ flex: 1, fontWeight: active ? 600 : undefined }}>
          {title}
        </Typography.Text>
      </Link>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'rename', label: t('sidebar.rename'), onClick: onRename },
            { key: 'pin', label: conversation.pinned ? t('sidebar.unpin') : t('sidebar.pin'), onClick: () => patch({ pinned: !conversation.pinned }) },
            {
              key: 'archive',
              label: conversation.archived ? t('sidebar.unarchive') : t('sidebar.archive'),
              onClick: () => patch({ archived: !conversation.archived }),
            },
            { type: 'divider' },
            {
              key: 'delete',
              danger: true,
              label: t('sidebar.delete'),
              onClick: () =>
                void modal.confirm({
                  title: t('sidebar.deleteTitle'),
                  content: t('sidebar.deleteBody', { title }),
                  okText: t('sidebar.delete'),
                  okButtonProps: { danger: true },
                  cancelText: t('common:actions.cancel'),
                  onOk: async () => {
                    try {
                      await deleteConversation(client, conversation.id);
                      if (active) navigate('/', { replace: true });
                    } catch (error) {
                      message.error(problemText(error));
                    }
                  },
                }),
            },
          ],
        }}
      >
        <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('sidebar.menu', { title })} />
      </Dropdown>
    </Flex>
  );
}

function RenameModal({ conversation, onClose }: { conversation: Conversation | null; onClose: () => void }) {
  const { t } = useTranslation('chat');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (conversation) setTitle(conversation.title ?? '');
  }, [conversation]);
  const save = async () => {
    if (!conversation || !title.trim()) return;
    setSaving(true);
    try {
      await patchConversation(client, conversation.id, { title: title.trim() });
      onClose();
    } catch (error) {
      message.error(problemText(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={!!conversation}
      title={t('sidebar.renameTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ disabled: !title.trim(), loading: saving }}
      destroyOnHidden
    >
      <Input
        aria-label={t('sidebar.titleLabel')}
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
        onPressEnter={() => void save()}
        autoFocus
      />
    </Modal>
  );
}
