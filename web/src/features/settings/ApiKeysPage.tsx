import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Empty, Flex, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import i18n from 'i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import { formatDate, formatDateTime, formatRelative } from '../../i18n/format';
import { problemText } from '../../i18n/problems';
import { serverMessageText } from '../agents/formErrors';

/** The scopes of docs/API.md "API keys", in its order. */
export const SCOPES = [
  'chat',
  'conversations:read',
  'conversations:write',
  'gateway',
  'agents:read',
  'agents:write',
  'contexts:read',
  'contexts:write',
] as const;

/** i18next reads `:` as its namespace separator, so the keys name scopes with `_`. */
function scopeText(scope: string): string {
  return i18n.t(`settings:scopes.${scope.replace(':', '_')}`, { defaultValue: scope });
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  key?: string;
}

const KEYS = ['api-keys'] as const;

/** Read by screen readers, not shown. */
const SR_ONLY = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** Personal API keys: create (the key shown once), list with last use, revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation('settings');
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: KEYS, queryFn: ({ signal }) => api<ApiKey[]>('/api/v1/api-keys', { signal }) });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKey | null>(null);

  const revoke = (key: ApiKey) =>
    modal.confirm({
      title: t('keys.revokeTitle', { name: key.name }),
      content: t('keys.revokeBody'),
      okText: t('keys.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common:actions.cancel'),
      onOk: async () => {
        try {
          await api<void>(`/api/v1/api-keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
          message.success(t('keys.revoked', { name: key.name }));
        } catch (error) {
          if (!(error instanceof ApiError && error.slug === 'api-key-not-found')) message.error(problemText(error));
        } finally {
          await queryClient.invalidateQueries({ queryKey: KEYS });
        }
      },
    });

  const now = Date.now();
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('sections.keys')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('keys.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('keys.intro')}</Typography.Paragraph>
      {keys.isError && <Alert type="error" showIcon role="alert" title={problemText(keys.error)} style={{ marginBottom: 16 }} />}
      <Table<ApiKey>
        rowKey="id"
        loading={keys.isPending}
        dataSource={keys.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('keys.empty')} /> }}
        aria-label={t('sections.keys')}
        columns={[
          {
            key: 'name',
            title: t('keys.name'),
            dataIndex: 'name',
            render: (name: string, key) => (
              <Flex vertical gap={2}>
                <Typography.Text strong>{name}</Typography.Text>
                <Typography.Text code style={{ whiteSpace: 'nowrap', alignSelf: 'flex-start' }} aria-label={t('keys.prefixOf', { prefix: key.prefix })}>
                  {key.prefix}…
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'scopes',
            title: t('keys.scopes'),
            dataIndex: 'scopes',
            width: 220,
            render: (scopes: string[]) =>
              scopes.length === SCOPES.length ? (
                <Tag color="blue">{t('keys.allScopes')}</Tag>
              ) : (
                <Space size={[4, 4]} wrap style={{ maxWidth: 220 }}>
                  {scopes.map((scope) => (
                    <Tag key={scope} title={scopeText(scope)}>
                      {scope}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          { key: 'created', title: t('keys.created'), dataIndex: 'created_at', render: (value: string) => <span title={formatDateTime(value)} style={{ whiteSpace: 'nowrap' }}>{formatDate(value)}</span> },
          {
            key: 'used',
            title: t('keys.lastUsed'),
            dataIndex: 'last_used_at',
            render: (value: string | null) =>
              value ? (
                <span title={formatDateTime(value)} style={{ whiteSpace: 'nowrap' }}>
                  {formatRelative(value)}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('keys.never')}</Typography.Text>
              ),
          },
          {
            key: 'expires',
            title: t('keys.expires'),
            dataIndex: 'expires_at',
            render: (value: string | null) =>
              value === null ? (
                <Typography.Text type="secondary">{t('keys.noExpiry')}</Typography.Text>
              ) : new Date(value).getTime() <= now ? (
                <Tag color="red">{t('keys.expired', { date: formatDateTime(value) })}</Tag>
              ) : (
                <span title={formatDateTime(value)} style={{ whiteSpace: 'nowrap' }}>{formatDate(value)}</span>
              ),
          },
          {
            key: 'actions',
            title: <span style={SR_ONLY}>{t('keys.actions')}</span>,
            align: 'right',
            render: (_, key) => (
              <Button
                danger
                type="text"
                icon={<DeleteOutlined />}
                onClick={() => revoke(key)}
                aria-label={t('keys.revokeNamed', { name: key.name })}
                title={t('keys.revokeNamed', { name: key.name })}
              />
            ),
          },
        ]}
      />
      <CreateKeyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setCreated(key);
          void queryClient.invalidateQueries({ queryKey: KEYS });
        }}
      />
      <ShownOnceModal apiKey={created} onClose={() => setCreated(null)} />
    </>
  );
}

interface CreateValues {
  name: string;
  scopes: string[];
  expires: Dayjs | null;
}

function CreateKeyModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (key: ApiKey) => void }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: CreateValues) => {
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { name: values.name.trim(), scopes: values.scopes };
      if (values.expires) body.expires_at = values.expires.endOf('day').toISOString();
      const key = await api<ApiKey>('/api/v1/api-keys', { method: 'POST', body });
      form.resetFields();
      onCreated(key);
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.errors : [];
      const mapped = fields.filter((field) => ['name', 'scopes', 'expires_at'].includes(field.field));
      if (mapped.length > 0) {
        form.setFields(
          mapped.map((field) => ({
            name: (field.field === 'expires_at' ? 'expires' : field.field) as keyof CreateValues,
            errors: [serverMessageText(field.message)],
          })),
        );
      } else {
        setError(problemText(failure));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('keys.createTitle')}
      onCancel={onClose}
      okText={t('keys.createSubmit')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy, form: 'create-api-key' }}
      destroyOnHidden
      forceRender
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<CreateValues>
        id="create-api-key"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ name: '', scopes: [...SCOPES], expires: null }}
      >
        <Form.Item
          name="name"
          label={t('keys.name')}
          rules={[
            { required: true, whitespace: true, message: t('keys.nameRequired') },
            { max: 100, message: t('validation.max', { count: 100 }) },
          ]}
        >
          <Input maxLength={100} placeholder={t('keys.namePlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('keys.scopes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('keys.scopesRequired') }]}
        >
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope}>
                <Typography.Text code>{scope}</Typography.Text> <Typography.Text type="secondary">{scopeText(scope)}</Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="expires" label={t('keys.expiry')} extra={t('keys.expiryHint')}>
          <DatePicker
            allowClear
            placeholder={t('keys.noExpiry')}
            aria-label={t('keys.expiry')}
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            presets={[
              { label: t('keys.presets.week'), value: dayjs().add(7, 'day') },
              { label: t('keys.presets.month'), value: dayjs().add(30, 'day') },
              { label: t('keys.presets.quarter'), value: dayjs().add(90, 'day') },
              { label: t('keys.presets.year'), value: dayjs().add(1, 'year') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The new key, shown this once, with a copy button. */
function ShownOnceModal({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const [copied, setCopied] = useState<boolean | null>(null);
  const close = () => {
    setCopied(null);
    onClose();
  };
  return (
    <Modal
      open={apiKey !== null}
      title={t('keys.shownTitle', { name: apiKey?.name ?? '' })}
      onCancel={close}
      footer={
        <Button type="primary" onClick={close}>
          {t('keys.done')}
        </Button>
      }
      maskClosable={false}
    >
      <Alert type="warning" showIcon title={t('keys.shownWarning')} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={apiKey?.key ?? ''}
          aria-label={t('keys.theKey')}
          data-testid="new-api-key"
          onFocus={(event) => event.target.select()}
          style={{ fontFamily: 'monospace' }}
        />
        <Button icon={<CopyOutlined />} onClick={() => void copyText(apiKey?.key ?? '').then(setCopied)}>
          {copied ? t('common:actions.copied') : t('common:actions.copy')}
        </Button>
      </Space.Compact>
      {copied === false && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('keys.copyFailed')}</Typography.Paragraph>}
      {copied === true && (
        <Typography.Paragraph type="success" role="status" style={{ marginTop: 8 }}>
          {t('keys.copiedHint')}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
