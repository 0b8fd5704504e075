import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { formatDateTime } from '../../i18n/format';
import { adminApi, type Provider, type ProviderWrite } from './api';
import { ErrorAlert } from './shared';

export interface FormValues {
  name: string;
  protocol: 'openai' | 'anthropic';
  base_url: string;
  api_version?: string;
  replace_keys: boolean;
  api_keys: { key: string }[];
  models: string[];
  connect_timeout_ms?: number | null;
  first_token_timeout_ms?: number | null;
  idle_timeout_ms?: number | null;
  request_timeout_ms?: number | null;
  max_concurrency?: number | null;
  stream_usage: boolean;
  enabled: boolean;
}

const FIELDS = [
  'name',
  'protocol',
  'base_url',
  'api_version',
  'models',
  'connect_timeout_ms',
  'first_token_timeout_ms',
  'idle_timeout_ms',
  'request_timeout_ms',
  'max_concurrency',
  'stream_usage',
  'enabled',
] as const;

/** The server's field errors on the form's fields (`models[1]` on models, `api_keys[0]` on that key). */
export function placeErrors(error: unknown): { fields: { name: (string | number)[]; errors: string[] }[]; rest: string[] } {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { fields, rest };
  for (const { field, message } of error.errors) {
    const match = /^([a-z_]+)(?:\[(\d+)\])?/.exec(field ?? '');
    const base = match?.[1];
    if (base === 'api_keys' && match?.[2] !== undefined) fields.push({ name: ['api_keys', Number(match[2]), 'key'], errors: [message] });
    else if (base && (FIELDS as readonly string[]).includes(base)) fields.push({ name: [base], errors: [message] });
    else rest.push(`${field}: ${message}`);
  }
  return { fields, rest };
}

export function bodyOf(values: FormValues, editing: Provider | null): ProviderWrite {
  const body: ProviderWrite = {
    name: values.name.trim(),
    protocol: values.protocol,
    base_url: values.base_url.trim(),
    models: values.models.map((model) => model.trim()).filter(Boolean),
    stream_usage: values.stream_usage,
    enabled: values.enabled,
  };
  const version = values.api_version?.trim() ?? '';
  if (version || editing?.api_version) body.api_version = version;
  for (const key of ['connect_timeout_ms', 'first_token_timeout_ms', 'idle_timeout_ms', 'request_timeout_ms'] as const) {
    const value = values[key];
    if (value !== null && value !== undefined) body[key] = value;
  }
  if (values.max_concurrency !== null && values.max_concurrency !== undefined) body.max_concurrency = values.max_concurrency;
  else if (editing?.max_concurrency) body.max_concurrency = 0; // 0: back to the default
  if (!editing || values.replace_keys) body.api_keys = values.api_keys.map(({ key }) => key.trim()).filter(Boolean);
  return body;
}

/** Create or edit a stored provider; keys are write-only (a new list replaces all of them). */
export function ProviderForm({ open, editing, onClose }: { open: boolean; editing: Provider | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [leftovers, setLeftovers] = useState<string[]>([]);
  const [onFields, setOnFields] = useState(false);
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      editing ? adminApi.updateProvider(editing.id, bodyOf(values, editing)) : adminApi.createProvider(bodyOf(values, null)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin', 'providers'] });
      setLeftovers([]);
      onClose();
    },
    onError: (failure) => {
      const { fields, rest } = placeErrors(failure);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setLeftovers(rest);
      setOnFields(fields.length > 0 && rest.length === 0);
    },
  });
  const initial: FormValues = editing
    ? {
        name: editing.name,
        protocol: editing.protocol,
        base_url: editing.base_url,
        api_version: editing.api_version ?? '',
        replace_keys: false,
        api_keys: [],
        models: editing.models,
        connect_timeout_ms: editing.connect_timeout_ms,
        first_token_timeout_ms: editing.first_token_timeout_ms,
        idle_timeout_ms: editing.idle_timeout_ms,
        request_timeout_ms: editing.request_timeout_ms,
        max_concurrency: editing.max_concurrency,
        stream_usage: editing.stream_usage,
        enabled: editing.enabled,
      }
    : { name: '', protocol: 'openai', base_url: '', replace_keys: true, api_keys: [{ key: '' }], models: [], stream_usage: true, enabled: true };
  const ms = (name: keyof FormValues, label: string, min: number, max: number, placeholder: number) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={label}>
        <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} placeholder={String(placeholder)} suffix="ms" />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      open={open}
      title={editing ? t('providers.edit', { name: editing.name }) : t('providers.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={save.isPending}
      width={680}
      destroyOnHidden
    >
      {save.error && !onFields && <ErrorAlert error={save.error} />}
      {leftovers.length > 0 && <Alert type="error" title={leftovers.join('; ')} style={{ marginBottom: 16 }} />}
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} preserve={false} onFinish={(values) => save.mutate(values)}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('providers.name')}
              rules={[
                { required: true, message: t('providers.nameRequired') },
                { pattern: /^[A-Za-z0-9._-]{1,100}$/, message: t('providers.namePattern') },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="protocol" label={t('providers.protocol')}>
              <Select
                options={[
                  { value: 'openai', label: t('providers.openai') },
                  { value: 'anthropic', label: t('providers.anthropic') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="base_url" label={t('providers.baseUrl')} rules={[{ required: true, message: t('providers.baseUrlRequired') }]}>
          <Input autoComplete="off" placeholder="https://api.openai.com/v1" inputMode="url" />
        </Form.Item>
        <Form.Item name="api_version" label={t('providers.apiVersion')} extra={t('providers.apiVersionHelp')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="models"
          label={t('providers.models')}
          extra={t('providers.modelsHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('providers.modelsRequired') }]}
        >
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} aria-label={t('providers.models')} />
        </Form.Item>
        <Typography.Text strong>{t('providers.keys')}</Typography.Text>
        {editing && (
          <div style={{ margin: '4px 0 8px' }}>
            {editing.api_keys.length === 0 ? (
              <Typography.Text type="secondary">{t('providers.noKeys')}</Typography.Text>
            ) : (
              <Space size={4} wrap>
                {editing.api_keys.map((key, index) => (
                  <KeyTag key={index} hint={key.hint} status={key.status} reason={key.rejected_reason} at={key.rejected_at} />
                ))}
              </Space>
            )}
            <Form.Item name="replace_keys" valuePropName="checked" style={{ margin: '8px 0 0' }}>
              <Switch aria-label={t('providers.replaceKeys')} checkedChildren={t('providers.replaceKeys')} unCheckedChildren={t('providers.keepKeys')} />
            </Form.Item>
          </div>
        )}
        <Form.Item noStyle shouldUpdate={(a, b) => a.replace_keys !== b.replace_keys}>
          {({ getFieldValue }) =>
            getFieldValue('replace_keys') && (
              <Form.List name="api_keys">
                {(fields, { add, remove }) => (
                  <div style={{ marginTop: 8 }}>
                    {fields.map((field, index) => (
                      <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                        <Form.Item name={[field.name, 'key']} style={{ flex: 1, minWidth: 360, marginBottom: 8 }}>
                          <Input.Password autoComplete="off" aria-label={t('providers.keyNumber', { n: index + 1 })} placeholder={t('providers.keyPlaceholder')} />
                        </Form.Item>
                        <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('providers.removeKey', { n: index + 1 })} onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '' })} disabled={fields.length >= 20}>
                      {t('providers.addKey')}
                    </Button>
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 12px' }}>
                      {editing ? t('providers.keysReplaceHelp') : t('providers.keysHelp')}
                    </Typography.Paragraph>
                  </div>
                )}
              </Form.List>
            )
          }
        </Form.Item>
        <Row gutter={12} style={{ marginTop: 12 }}>
          {ms('connect_timeout_ms', t('providers.connectTimeout'), 100, 120000, 10000)}
          {ms('first_token_timeout_ms', t('providers.firstTokenTimeout'), 100, 600000, 60000)}
          {ms('idle_timeout_ms', t('providers.idleTimeout'), 100, 600000, 60000)}
          {ms('request_timeout_ms', t('providers.requestTimeout'), 100, 3600000, 300000)}
          <Col xs={24} sm={12}>
            <Form.Item name="max_concurrency" label={t('providers.maxConcurrency')} extra={t('providers.maxConcurrencyHelp')}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Space size={24} wrap>
          <Form.Item name="stream_usage" valuePropName="checked" label={t('providers.streamUsage')} tooltip={t('providers.streamUsageHelp')}>
            <Switch aria-label={t('providers.streamUsage')} />
          </Form.Item>
          <Form.Item name="enabled" valuePropName="checked" label={t('providers.enabled')}>
            <Switch aria-label={t('providers.enabled')} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** A stored key as the API shows it: its hint and status, with why and when the upstream refused it. */
export function KeyTag({ hint, status, reason, at }: { hint: string; status: string; reason?: string | null; at?: string | null }) {
  const { t } = useTranslation('admin');
  const color = status === 'ok' ? 'green' : status === 'rejected' ? 'red' : 'orange';
  const why = status === 'rejected' ? t('providers.rejectedAt', { reason: reason ?? '', time: formatDateTime(at) }) : t(`keyStatus.${status}`);
  return (
    <Tooltip title={why}>
      <Tag color={color} tabIndex={0} aria-label={`${hint}: ${why}`}>
        {hint} · {t(`keyStatus.${status}`)}
      </Tag>
    </Tooltip>
  );
}
