import { CloseOutlined, EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Empty, Flex, Select, Skeleton, Tag, theme, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatRelative } from '../../../i18n/format';
import { type Contact, supportApi } from '../api';
import { supportProblemText } from '../problems';
import { supportKeys, useContact, useContactConversations } from '../queries';
import { ContactEditor } from './ContactEditor';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function label(contact: Pick<Contact, 'name' | 'display_name' | 'email' | 'identifier' | 'id'>): string {
  const main = contact.name || contact.email || contact.identifier || contact.display_name || contact.id.slice(0, 8);
  return contact.name && contact.email ? `${main} <${contact.email}>` : main;
}

/** Merging another contact into this one: the other is found by a search, then confirmed. */
function MergeContact({ contact }: { contact: Contact }) {
  const { t } = useTranslation('support');
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const found = useQuery({
    queryKey: ['support', 'contact-search', search],
    queryFn: ({ signal }) => supportApi.contacts(search, undefined, signal).then((page) => page.items),
    enabled: search.length > 0,
  });
  const merge = useMutation({
    mutationFn: (from: string) => supportApi.mergeContact(contact.id, from),
    onSuccess: (merged) => {
      client.setQueryData(supportKeys.contact(contact.id), merged);
      void client.invalidateQueries({ queryKey: supportKeys.contactConversations(contact.id) });
      void client.invalidateQueries({ queryKey: supportKeys.lists });
      void message.success(t('contact.merged'));
      setQ('');
    },
    onError: (error) => void message.error(supportProblemText(error)),
  });
  const options = (found.data ?? []).filter((other) => other.id !== contact.id).map((other) => ({ value: other.id, label: label(other) }));
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={null}
      placeholder={t('contact.mergePlaceholder')}
      aria-label={t('contact.merge')}
      suffixIcon={<MergeCellsOutlined />}
      style={{ width: '100%' }}
      loading={found.isFetching || merge.isPending}
      notFoundContent={search ? t('contact.noMatch') : t('contact.typeToSearch')}
      options={options}
      onSelect={(id: string) => {
        const other = options.find((option) => option.value === id);
        modal.confirm({
          title: t('contact.mergeConfirmTitle'),
          content: t('contact.mergeConfirm', { other: other?.label ?? id, contact: label(contact) }),
          okText: t('contact.mergeOk'),
          cancelText: t('common:actions.cancel'),
          onOk: () => merge.mutateAsync(id).catch(() => undefined),
        });
      }}
    />
  );
}

function Attribute({ value }: { value: unknown }) {
  return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>;
}

/** The right column: who the customer is, what else they wrote about, and editing or merging them. */
export function ContactPanel({ contactId, conversationId, onClose }: { contactId: string; conversationId: string; onClose: () => void }) {
  const { t } = useTranslation('support');
  const { token } = theme.useToken();
  const { search } = useLocation();
  const contact = useContact(contactId);
  const others = useContactConversations(contactId);
  const [editing, setEditing] = useState(false);
  const data = contact.data;
  const attributes = Object.entries(data?.attributes ?? {});
  const other = (others.data ?? []).filter((item) => item.id !== conversationId);

  return (
    <Flex vertical gap={12} style={{ padding: 16, height: '100%', overflow: 'auto', boxSizing: 'border-box' }} role="complementary" aria-label={t('contact.label')}>
      <Flex align="center" justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('contact.title')}
        </Typography.Title>
        <Flex gap={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!data} aria-label={t('contact.edit')}>
            {t('common:actions.edit')}
          </Button>
          <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t('contact.hide')} />
        </Flex>
      </Flex>
      {contact.isLoading && <Skeleton active paragraph={{ rows: 3 }} />}
      {contact.error && <Typography.Text type="danger">{supportProblemText(contact.error)}</Typography.Text>}
      {data && (
        <>
          <Descriptions
            size="small"
            column={1}
            colon={false}
            styles={{ label: { color: token.colorTextSecondary, width: 80 } }}
            items={[
              { key: 'name', label: t('contact.name'), children: data.name || '—' },
              { key: 'email', label: t('contact.email'), children: data.email ? <a href={`mailto:${data.email}`}>{data.email}</a> : '—' },
              { key: 'phone', label: t('contact.phone'), children: data.phone || '—' },
              ...(data.identifier ? [{ key: 'identifier', label: t('contact.identifier'), children: <Typography.Text code>{data.identifier}</Typography.Text> }] : []),
            ]}
          />
          <div>
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
              {t('contact.attributes')}
            </Typography.Text>
            {attributes.length === 0 ? (
              <Typography.Text type="secondary">{t('contact.noAttributes')}</Typography.Text>
            ) : (
              <Descriptions
                size="small"
                column={1}
                colon={false}
                styles={{ label: { color: token.colorTextSecondary, width: 80 } }}
                items={attributes.map(([key, value]) => ({ key, label: key, children: <Attribute value={value} /> }))}
              />
            )}
          </div>
          <ContactEditor contact={data} open={editing} onClose={() => setEditing(false)} />
        </>
      )}
      <div>
        <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
          {t('contact.otherConversations')}
        </Typography.Text>
        {others.isLoading ? (
          <Skeleton active paragraph={{ rows: 2 }} title={false} />
        ) : other.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contact.noOthers')} style={{ margin: '8px 0' }} />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {other.map((item) => (
              <li key={item.id} style={{ padding: '6px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
                <Link to={`/support/${item.id}${search}`}>
                  <Flex align="center" gap={6}>
                    <Tag style={{ marginInlineEnd: 0 }}>{t(`status.${item.status}`)}</Tag>
                    <Typography.Text ellipsis style={{ flex: 1 }}>
                      {item.last_message?.content ?? item.inbox_name}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatRelative(item.updated_at)}
                    </Typography.Text>
                  </Flex>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      {data && (
        <div>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {t('contact.merge')}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
            {t('contact.mergeHelp')}
          </Typography.Paragraph>
          <MergeContact contact={data} />
        </div>
      )}
    </Flex>
  );
}
