import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { adminApi, type Limits, type RoleQuota, type UserQuota } from './api';
import { CardTitle, ErrorAlert, isUnavailable, LoadMore, PageTitle, Unavailable } from './shared';

type Mode = 'inherit' | 'unlimited' | 'limit';

interface LimitField {
  mode: Mode;
  value?: number | null;
}

interface EditForm {
  user_id?: string;
  tokens_per_day: LimitField;
  requests_per_minute: LimitField;
}

export function fieldOf(value: number | null): LimitField {
  if (value === null || value === undefined) return { mode: 'inherit', value: null };
  if (value === 0) return { mode: 'unlimited', value: null };
  return { mode: 'limit', value };
}

export function valueOf(field: LimitField): number | null {
  if (field.mode === 'inherit') return null;
  if (field.mode === 'unlimited') return 0;
  return field.value ?? null;
}

/** A limit as the table shows it: a number, "unlimited", or what it inherits. */
export function LimitText({ value, inherited }: { value: number | null; inherited: string }) {
  const { t } = useTranslation('admin');
  if (value === null || value === undefined) return <Typography.Text type="secondary">{inherited}</Typography.Text>;
  if (value === 0) return <>{t('quotas.unlimited')}</>;
  return <>{formatNumber(value)}</>;
}

function LimitInput({ name, label, max }: { name: 'tokens_per_day' | 'requests_per_minute'; label: string; max: number }) {
  const { t } = useTranslation('admin');
  return (
    <Form.Item label={label} required={false}>
      <Space.Compact block>
        <Form.Item name={[name, 'mode']} noStyle>
          <Radio.Group
            optionType="button"
            aria-label={label}
            options={[
              { value: 'inherit', label: t('quotas.inherit') },
              { value: 'unlimited', label: t('quotas.unlimited') },
              { value: 'limit', label: t('quotas.limit') },
            ]}
          />
        </Form.Item>
      </Space.Compact>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue([name, 'mode']) === 'limit' && (
            <Form.Item
              name={[name, 'value']}
              style={{ marginTop: 8, marginBottom: 0 }}
              rules={[{ required: true, message: t('quotas.limitRequired') }]}
            >
              <InputNumber min={1} max={max} precision={0} style={{ width: 220 }} aria-label={t('quotas.limitOf', { label })} />
            </Form.Item>
          )
        }
      </Form.Item>
    </Form.Item>
  );
}

function UserPicker({ value, onChange }: { value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation('admin');
  const [q, setQ] = useState('');
  const users = useQuery({ queryKey: ['admin', 'users', 'pick', q], queryFn: () => adminApi.users(q) });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('quotas.pickUser')}
      aria-label={t('quotas.user')}
      loading={users.isFetching}
      notFoundContent={t('users.empty')}
      options={(users.data?.items ?? []).map((user) => ({
        value: user.id,
        label: user.display_name ? `${user.email} (${user.display_name})` : user.email,
      }))}
    />
  );
}

type Target = { kind: 'role'; role: Role; limits: Limits } | { kind: 'user'; user?: UserQuota };

function EditModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<EditForm>();
  const save = useMutation({
    mutationFn: async (values: EditForm) => {
      const body = { tokens_per_day: valueOf(values.tokens_per_day), requests_per_minute: valueOf(values.requests_per_minute) };
      if (target?.kind === 'role') return adminApi.setRoleQuota(target.role, body);
      const userId = target?.kind === 'user' && target.user ? target.user.user_id : values.user_id;
      return adminApi.setUserQuota(userId ?? '', body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin', 'quotas'] });
      onClose();
    },
  });
  const limits: Limits | undefined = target?.kind === 'role' ? target.limits : target?.user;
  const title =
    target?.kind === 'role'
      ? t('quotas.editRole', { role: t(`roles.${target.role}`) })
      : target?.user
        ? t('quotas.editUser', { email: target.user.email ?? target.user.user_id })
        : t('quotas.addUser');
  return (
    <Modal
      open={target !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.error && <ErrorAlert error={save.error} />}
      <Form<EditForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          tokens_per_day: fieldOf(limits?.tokens_per_day ?? null),
          requests_per_minute: fieldOf(limits?.requests_per_minute ?? null),
        }}
        onFinish={(values) => save.mutate(values)}
      >
        {target?.kind === 'user' && !target.user && (
          <Form.Item name="user_id" label={t('quotas.user')} rules={[{ required: true, message: t('quotas.pickUser') }]}>
            <UserPicker />
          </Form.Item>
        )}
        <LimitInput name="tokens_per_day" label={t('quotas.tokensPerDay')} max={1_000_000_000} />
        <LimitInput name="requests_per_minute" label={t('quotas.requestsPerMinute')} max={1_000_000} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {target?.kind === 'role' ? t('quotas.roleHelp') : t('quotas.userHelp')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}

export function QuotasPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [target, setTargetState] = useState<Target | null>(null);
  const [opened, setOpened] = useState(0);
  const setTarget = (next: Target | null) => {
    if (next) setOpened((count) => count + 1);
    setTargetState(next);
  };
  const quotas = useInfiniteQuery({
    queryKey: ['admin', 'quotas'],
    queryFn: ({ pageParam }) => adminApi.quotas(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    retry: false,
  });
  const clear = useMutation({
    mutationFn: (what: { role?: Role; userId?: string }) =>
      what.role ? adminApi.clearRoleQuota(what.role) : adminApi.clearUserQuota(what.userId ?? ''),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin', 'quotas'] });
      void message.success(t('quotas.cleared'));
    },
  });

  const title = <PageTitle title={t('quotas.title')}>{t('quotas.intro')}</PageTitle>;
  if (quotas.error && isUnavailable(quotas.error))
    return (
      <>
        {title}
        <Unavailable />
      </>
    );
  const first = quotas.data?.pages[0];
  const defaults = first?.defaults;
  const users = quotas.data?.pages.flatMap((page) => page.users) ?? [];
  const defaultText = (value: number | null | undefined) =>
    value === 0 ? t('quotas.unlimited') : value === null || value === undefined ? '—' : formatNumber(value);
  const roleOf = (role: Role): RoleQuota =>
    first?.roles.find((entry) => entry.role === role) ?? { role, tokens_per_day: null, requests_per_minute: null, updated_at: null };

  return (
    <>
      {title}
      {quotas.error && <ErrorAlert error={quotas.error} onRetry={() => void quotas.refetch()} />}
      {clear.error && <ErrorAlert error={clear.error} />}
      <Flex vertical gap={16}>
        <Card title={<CardTitle>{t('quotas.defaults')}</CardTitle>} size="small" loading={quotas.isLoading}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'tokens', label: t('quotas.tokensPerDay'), children: defaultText(defaults?.tokens_per_day) },
              { key: 'rpm', label: t('quotas.requestsPerMinute'), children: defaultText(defaults?.requests_per_minute) },
              ...(defaults?.api_key_requests_per_minute !== undefined
                ? [{ key: 'keys', label: t('quotas.keyRequestsPerMinute'), children: defaultText(defaults.api_key_requests_per_minute) }]
                : []),
            ]}
          />
        </Card>
        <Card title={<CardTitle>{t('quotas.roles')}</CardTitle>} size="small">
          <Table<RoleQuota>
            rowKey="role"
            size="small"
            pagination={false}
            loading={quotas.isLoading}
            dataSource={(['admin', 'agent', 'user'] as Role[]).map(roleOf)}
            scroll={{ x: 640 }}
            columns={[
              { title: t('users.role'), dataIndex: 'role', render: (role: Role) => t(`roles.${role}`) },
              {
                title: t('quotas.tokensPerDay'),
                dataIndex: 'tokens_per_day',
                render: (value: number | null) => (
                  <LimitText value={value} inherited={t('quotas.inheritsDefault', { value: defaultText(defaults?.tokens_per_day) })} />
                ),
              },
              {
                title: t('quotas.requestsPerMinute'),
                dataIndex: 'requests_per_minute',
                render: (value: number | null) => (
                  <LimitText value={value} inherited={t('quotas.inheritsDefault', { value: defaultText(defaults?.requests_per_minute) })} />
                ),
              },
              { title: t('quotas.updated'), dataIndex: 'updated_at', render: (value: string | null) => formatDateTime(value) },
              {
                title: t('actionsColumn'),
                key: 'actions',
                render: (_, entry) => (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      aria-label={t('quotas.editRole', { role: t(`roles.${entry.role}`) })}
                      onClick={() => setTarget({ kind: 'role', role: entry.role, limits: entry })}
                    >
                      {tc('actions.edit')}
                    </Button>
                    {(entry.tokens_per_day !== null || entry.requests_per_minute !== null) && (
                      <Popconfirm
                        title={t('quotas.clearRoleConfirm', { role: t(`roles.${entry.role}`) })}
                        okText={t('quotas.clear')}
                        cancelText={tc('actions.cancel')}
                        onConfirm={() => clear.mutate({ role: entry.role })}
                      >
                        <Button type="link" size="small" danger>
                          {t('quotas.clear')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Card
          title={<CardTitle>{t('quotas.users')}</CardTitle>}
          size="small"
          extra={
            <Button icon={<PlusOutlined />} size="small" onClick={() => setTarget({ kind: 'user' })}>
              {t('quotas.addUser')}
            </Button>
          }
        >
          <Table<UserQuota>
            rowKey="user_id"
            size="small"
            pagination={false}
            loading={quotas.isLoading}
            dataSource={users}
            locale={{ emptyText: t('quotas.noUsers') }}
            scroll={{ x: 640 }}
            columns={[
              {
                title: t('quotas.user'),
                dataIndex: 'email',
                render: (email: string | null, entry) => (
                  <Flex vertical>
                    <span>{email ?? entry.user_id}</span>
                    {entry.display_name && <Typography.Text type="secondary">{entry.display_name}</Typography.Text>}
                  </Flex>
                ),
              },
              {
                title: t('quotas.tokensPerDay'),
                dataIndex: 'tokens_per_day',
                render: (value: number | null) => <LimitText value={value} inherited={t('quotas.inheritsRole')} />,
              },
              {
                title: t('quotas.requestsPerMinute'),
                dataIndex: 'requests_per_minute',
                render: (value: number | null) => <LimitText value={value} inherited={t('quotas.inheritsRole')} />,
              },
              { title: t('quotas.updated'), dataIndex: 'updated_at', render: (value: string | null) => formatDateTime(value) },
              {
                title: t('actionsColumn'),
                key: 'actions',
                render: (_, entry) => (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      aria-label={t('quotas.editUser', { email: entry.email ?? entry.user_id })}
                      onClick={() => setTarget({ kind: 'user', user: entry })}
                    >
                      {tc('actions.edit')}
                    </Button>
                    <Popconfirm
                      title={t('quotas.clearUserConfirm', { email: entry.email ?? entry.user_id })}
                      okText={t('quotas.remove')}
                      cancelText={tc('actions.cancel')}
                      onConfirm={() => clear.mutate({ userId: entry.user_id })}
                    >
                      <Button type="link" size="small" danger>
                        {t('quotas.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
          <LoadMore hasMore={quotas.hasNextPage} loading={quotas.isFetchingNextPage} onMore={() => void quotas.fetchNextPage()} />
        </Card>
      </Flex>
      <EditModal key={opened} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
