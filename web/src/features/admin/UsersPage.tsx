import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/auth';
import type { Role, User } from '../../api/types';
import { formatDateTime } from '../../i18n/format';
import { fieldErrors } from '../../i18n/problems';
import { adminApi, type CreatedUser, ROLES, useCursorList } from './api';
import { ErrorAlert, LoadMore, OneTimePassword, PageTitle } from './shared';

interface CreateForm {
  email: string;
  display_name?: string;
  role: Role;
  password?: string;
}

function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (created: CreatedUser) => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<CreateForm>();
  const [error, setError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (values: CreateForm) =>
      adminApi.createUser({
        email: values.email.trim(),
        role: values.role,
        ...(values.display_name?.trim() ? { display_name: values.display_name.trim() } : {}),
        ...(values.password ? { password: values.password } : {}),
      }),
    onSuccess: (created) => {
      form.resetFields();
      setError(null);
      onCreated(created);
    },
    onError: (failure) => {
      const fields = fieldErrors(failure);
      if (fields.length) form.setFields(fields.map(({ name, errors }) => ({ name: name as keyof CreateForm, errors })));
      setError(fields.length ? null : failure);
    },
  });
  return (
    <Modal
      open={open}
      title={t('users.create')}
      onCancel={onClose}
      okText={tc('actions.create')}
      cancelText={tc('actions.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error != null && <ErrorAlert error={error} />}
      <Form<CreateForm> form={form} layout="vertical" initialValues={{ role: 'user' }} onFinish={(values) => create.mutate(values)}>
        <Form.Item name="email" label={t('users.email')} rules={[{ required: true, type: 'email', message: t('users.emailRequired') }]}>
          <Input autoComplete="off" inputMode="email" />
        </Form.Item>
        <Form.Item name="display_name" label={t('users.displayName')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')}>
          <Select options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHelp')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ email: string; password: string; title: string } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const list = useCursorList(['admin', 'users', q], (cursor) => adminApi.users(q, cursor));

  const refresh = () => client.invalidateQueries({ queryKey: ['admin', 'users'] });
  const update = useMutation({
    mutationFn: ({ user, change }: { user: User; change: { role?: Role; status?: 'active' | 'disabled' } }) =>
      adminApi.updateUser(user.id, change),
    onSuccess: (user, { change }) => {
      setActionError(null);
      void refresh();
      void message.success(
        change.status === 'disabled'
          ? t('users.disabled', { email: user.email })
          : change.status === 'active'
            ? t('users.enabled', { email: user.email })
            : t('users.roleChanged', { email: user.email, role: t(`roles.${user.role}`) }),
      );
    },
    onError: (failure) => setActionError(failure),
  });
  const reset = useMutation({
    mutationFn: (user: User) => adminApi.resetPassword(user.id),
    onSuccess: (result) => {
      setActionError(null);
      void refresh();
      if (result.temporary_password)
        setSecret({ email: result.user.email, password: result.temporary_password, title: t('users.resetDone') });
    },
    onError: (failure) => setActionError(failure),
  });

  return (
    <>
      <PageTitle
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        }
      />
      <Input.Search
        allowClear
        defaultValue={q}
        placeholder={t('users.searchPlaceholder')}
        aria-label={t('users.search')}
        enterButton={tc('actions.search')}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {}, { replace: true })}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      {actionError != null && <ErrorAlert error={actionError} />}
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<User>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 980 }}
        locale={{ emptyText: t('users.empty') }}
        columns={[
          {
            title: t('users.email'),
            dataIndex: 'email',
            ellipsis: true,
            render: (email: string, user) => (
              <Flex vertical>
                <Typography.Text ellipsis={{ tooltip: email }}>{email}</Typography.Text>
                {user.display_name && (
                  <Typography.Text type="secondary" ellipsis>
                    {user.display_name}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('users.role'),
            dataIndex: 'role',
            width: 150,
            render: (role: Role, user) => (
              <Select<Role>
                size="small"
                value={role}
                style={{ width: 130 }}
                aria-label={t('users.roleOf', { email: user.email })}
                disabled={update.isPending}
                onChange={(next) => update.mutate({ user, change: { role: next } })}
                options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
              />
            ),
          },
          {
            title: t('users.status'),
            dataIndex: 'status',
            width: 150,
            render: (status: User['status'], user) => (
              <Space size={4} wrap>
                <Tag color={status === 'active' ? 'green' : 'red'}>{t(`status.${status}`)}</Tag>
                {user.password_change_required && <Tag>{t('users.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('users.lastLogin'),
            dataIndex: 'last_login_at',
            width: 190,
            render: (value: string | null, user) => (
              <Flex vertical>
                <span>{value ? formatDateTime(value) : t('users.never')}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('users.createdAt', { time: formatDateTime(user.created_at) })}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('actionsColumn'),
            key: 'actions',
            width: 250,
            render: (_, user) => {
              const self = user.id === session?.user.id;
              return (
                <Space size={0} wrap>
                  {user.status === 'active' ? (
                    <Popconfirm
                      title={t('users.disableConfirm', { email: user.email })}
                      okText={t('users.disable')}
                      cancelText={tc('actions.cancel')}
                      onConfirm={() => update.mutate({ user, change: { status: 'disabled' } })}
                    >
                      <Button type="link" danger size="small" aria-label={t('users.disableOf', { email: user.email })}>
                        {t('users.disable')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      type="link"
                      size="small"
                      aria-label={t('users.enableOf', { email: user.email })}
                      onClick={() => update.mutate({ user, change: { status: 'active' } })}
                    >
                      {t('users.enable')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('users.resetConfirm', { email: user.email })}
                    description={self ? t('users.resetSelf') : t('users.resetEffect')}
                    okText={t('users.reset')}
                    cancelText={tc('actions.cancel')}
                    onConfirm={() => reset.mutate(user)}
                  >
                    <Button type="link" size="small" aria-label={t('users.resetOf', { email: user.email })}>
                      {t('users.reset')}
                    </Button>
                  </Popconfirm>
                  <Link to={`/admin/conversations?owner_id=${user.id}`} aria-label={t('users.conversationsOf', { email: user.email })}>
                    <Button type="link" size="small" tabIndex={-1}>
                      {t('users.conversations')}
                    </Button>
                  </Link>
                </Space>
              );
            },
          },
        ]}
      />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void refresh();
          if (created.temporary_password)
            setSecret({ email: created.user.email, password: created.temporary_password, title: t('users.createdDone', { email: created.user.email }) });
          else void message.success(t('users.createdDone', { email: created.user.email }));
        }}
      />
      <Modal
        open={secret !== null}
        title={secret?.title}
        onCancel={() => setSecret(null)}
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {t('oneTime.done')}
          </Button>
        }
        maskClosable={false}
      >
        {secret && <OneTimePassword email={secret.email} password={secret.password} />}
      </Modal>
    </>
  );
}
