import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Skeleton,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../api/auth';
import { ApiError } from '../../api/problem';
import type { Agent, Role } from '../../api/types';
import { problemText } from '../../i18n/problems';
import { type AgentFormValues, bodyOf, emptyValues, isHttpUrl, isUuid, LIMITS, valuesOf } from './agentForm';
import { agentKeys, createAgent, type ProviderSummary, updateAgent, useAgent, useProviders } from './api';
import { type NamePath, placeFieldErrors } from './formErrors';

const ROLES: Role[] = ['admin', 'agent', 'user'];

/** `/agents/new` and `/agents/:agentId`: the agent's form. */
export function AgentEditorPage() {
  const { agentId } = useParams();
  const creating = agentId === undefined;
  const { t } = useTranslation('agents');
  const session = useSession();
  const admin = session?.user.role === 'admin';
  const agent = useAgent(agentId);
  const navigate = useNavigate();

  const back = (
    <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/agents')}>
      {t('editor.back')}
    </Button>
  );

  let body;
  if (creating) {
    body = <AgentForm initial={emptyValues()} admin={admin} />;
  } else if (agent.isPending) {
    body = <Skeleton active />;
  } else if (agent.isError) {
    const missing = agent.error instanceof ApiError && agent.error.status === 404;
    body = <Result status={missing ? '404' : 'error'} title={missing ? t('editor.notFound') : problemText(agent.error)} />;
  } else if (!admin && agent.data.owner_id !== session?.user.id) {
    body = <Result status="403" title={t('editor.notYours')} />;
  } else {
    body = <AgentForm key={agent.data.id} agent={agent.data} initial={valuesOf(agent.data)} admin={admin} />;
  }

  return (
    <div style={{ padding: 24, maxWidth: 900, margin: '0 auto' }}>
      {back}
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {creating ? t('editor.createTitle') : t('editor.editTitle', { name: agent.data?.name ?? '' })}
      </Typography.Title>
      {body}
    </div>
  );
}

function registeredNames(form: FormInstance): NamePath[] {
  return form.getFieldsError().map((field) => field.name as NamePath);
}

function AgentForm({ agent, initial, admin }: { agent?: Agent; initial: AgentFormValues; admin: boolean }) {
  const { t } = useTranslation('agents');
  const [form] = Form.useForm<AgentFormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const providers = useProviders(admin);
  const visibility = Form.useWatch('visibility', form);

  const submit = async (values: AgentFormValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = bodyOf(values, admin);
      const saved = agent ? await updateAgent(agent.id, body) : await createAgent(body);
      queryClient.setQueryData(agentKeys.one(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: agentKeys.list });
      message.success(agent ? t('editor.saved', { name: saved.name }) : t('editor.created', { name: saved.name }));
      navigate('/agents');
    } catch (failure) {
      if (failure instanceof ApiError && failure.slug === 'agent-name-taken') {
        form.setFields([{ name: 'name', errors: [t('editor.nameTaken')] }]);
        form.scrollToField('name', { block: 'center' });
      } else if (failure instanceof ApiError && failure.errors.length > 0) {
        const { placed, rest } = placeFieldErrors(registeredNames(form), failure.errors);
        form.setFields(placed as Parameters<typeof form.setFields>[0]);
        if (placed.length > 0) form.scrollToField(placed[0].name, { block: 'center' });
        if (rest.length > 0) setError(rest);
      } else {
        setError([problemText(failure)]);
      }
    } finally {
      setBusy(false);
    }
  };

  const max = (limit: number) => ({ max: limit, message: t('validation.max', { count: limit }) });

  return (
    <Form<AgentFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      scrollToFirstError={{ block: 'center' }}
      requiredMark="optional"
      aria-label={agent ? t('editor.editTitle', { name: agent.name }) : t('editor.createTitle')}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error.length === 1 ? error[0] : t('editor.failed')}
          description={error.length > 1 ? error.map((line) => <div key={line}>{line}</div>) : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card title={t('editor.basics')} style={{ marginBottom: 16 }}>
        <Form.Item
          name="name"
          label={t('fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.nameRequired') },
            max(LIMITS.name),
            { validator: (_, value: string) => (value && isUuid(value) ? Promise.reject(new Error(t('validation.nameUuid'))) : Promise.resolve()) },
          ]}
        >
          <Input maxLength={LIMITS.name} showCount autoFocus={!agent} />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')} rules={[max(LIMITS.description)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={LIMITS.description} showCount />
        </Form.Item>
        <Form.Item
          name="avatar_url"
          label={t('fields.avatarUrl')}
          extra={t('fields.avatarUrlHint')}
          rules={[
            max(LIMITS.avatarUrl),
            { validator: (_, value: string) => (!value || isHttpUrl(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('validation.url')))) },
          ]}
        >
          <Input inputMode="url" placeholder="https://…" />
        </Form.Item>
      </Card>

      <Card title={t('editor.prompt')} style={{ marginBottom: 16 }}>
        <Form.Item name="system_prompt" label={t('fields.systemPrompt')} rules={[max(LIMITS.systemPrompt)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} />
        </Form.Item>
        <PresetList />
      </Card>

      <Card title={t('editor.start')} style={{ marginBottom: 16 }}>
        <TextList
          name="greetings"
          label={t('fields.greetings')}
          hint={t('fields.greetingsHint')}
          itemLabel={(n) => t('fields.greetingN', { n })}
          addLabel={t('editor.addGreeting')}
          limit={LIMITS.greetings}
          itemMax={LIMITS.greeting}
          multiline
        />
        <TextList
          name="suggested_questions"
          label={t('fields.questions')}
          hint={t('fields.questionsHint')}
          itemLabel={(n) => t('fields.questionN', { n })}
          addLabel={t('editor.addQuestion')}
          limit={LIMITS.questions}
          itemMax={LIMITS.question}
        />
      </Card>

      <Card title={t('editor.params')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('editor.paramsHint')}</Typography.Paragraph>
        <Flex gap={16} wrap>
          <Form.Item name={['params', 'temperature']} label={t('fields.temperature')} style={{ minWidth: 160 }}>
            <InputNumber min={0} max={2} step={0.1} style={{ width: '100%' }} placeholder={t('editor.providerDefault')} />
          </Form.Item>
          <Form.Item name={['params', 'top_p']} label={t('fields.topP')} style={{ minWidth: 160 }}>
            <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} placeholder={t('editor.providerDefault')} />
          </Form.Item>
          <Form.Item name={['params', 'max_tokens']} label={t('fields.maxTokens')} style={{ minWidth: 160 }}>
            <InputNumber min={1} max={LIMITS.maxTokens} precision={0} style={{ width: '100%' }} placeholder={t('editor.providerDefault')} />
          </Form.Item>
        </Flex>
        <Form.Item
          name={['params', 'stop']}
          label={t('fields.stop')}
          extra={t('fields.stopHint', { count: LIMITS.stop })}
          rules={[
            {
              validator: (_, value: string[] | undefined) => {
                const words = value ?? [];
                if (words.length > LIMITS.stop) return Promise.reject(new Error(t('validation.stopCount', { count: LIMITS.stop })));
                if (words.some((word) => word.length > LIMITS.stopChars))
                  return Promise.reject(new Error(t('validation.max', { count: LIMITS.stopChars })));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Select mode="tags" open={false} tokenSeparators={[]} suffixIcon={null} aria-label={t('fields.stop')} />
        </Form.Item>
      </Card>

      {admin && (
        <Card title={t('editor.admin')} style={{ marginBottom: 16 }}>
          <Form.Item name="visibility" label={t('fields.visibility')}>
            <Radio.Group
              aria-label={t('fields.visibility')}
              disabled={agent?.is_default}
              options={(['public', 'roles', 'private'] as const).map((value) => ({ value, label: t(`visibility.${value}`) }))}
            />
          </Form.Item>
          {agent?.is_default && <Typography.Paragraph type="secondary">{t('editor.defaultPublic')}</Typography.Paragraph>}
          {visibility === 'roles' && (
            <Form.Item
              name="visible_roles"
              label={t('fields.visibleRoles')}
              rules={[{ required: true, type: 'array', min: 1, message: t('validation.rolesRequired') }]}
            >
              <Checkbox.Group aria-label={t('fields.visibleRoles')} options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
            </Form.Item>
          )}
          <Form.Item name="cache_enabled" label={t('fields.cache')} extra={t('fields.cacheHint')} valuePropName="checked">
            <Switch aria-label={t('fields.cache')} />
          </Form.Item>
          <RouteEditor providers={providers.data ?? []} loading={providers.isPending} error={providers.error} />
        </Card>
      )}

      <Flex gap={8} justify="flex-end" style={{ marginBottom: 32 }}>
        <Button onClick={() => navigate('/agents')}>{t('common:actions.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {agent ? t('common:actions.save') : t('editor.createSubmit')}
        </Button>
      </Flex>
    </Form>
  );
}

/** A list of texts (greetings, suggested questions), each a field of its own. */
function TextList(props: {
  name: string;
  label: string;
  hint: string;
  itemLabel: (n: number) => string;
  addLabel: string;
  limit: number;
  itemMax: number;
  multiline?: boolean;
}) {
  const { t } = useTranslation('agents');
  return (
    <Form.Item label={props.label} extra={props.hint} required={false}>
      <Form.List name={props.name}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={field.name}
                  style={{ flex: 1, marginBottom: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: t('validation.notBlank') },
                    { max: props.itemMax, message: t('validation.max', { count: props.itemMax }) },
                  ]}
                >
                  {props.multiline ? (
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} aria-label={props.itemLabel(index + 1)} />
                  ) : (
                    <Input aria-label={props.itemLabel(index + 1)} />
                  )}
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('editor.removeItem', { item: props.itemLabel(index + 1) })}
                  title={t('editor.removeItem', { item: props.itemLabel(index + 1) })}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add('')}
              disabled={fields.length >= props.limit}
              style={{ alignSelf: 'flex-start' }}
            >
              {fields.length >= props.limit ? t('editor.limitReached', { count: props.limit }) : props.addLabel}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The preset (few-shot) messages: a role and a text each. */
function PresetList() {
  const { t } = useTranslation('agents');
  return (
    <Form.Item label={t('fields.presets')} extra={t('fields.presetsHint')}>
      <Form.List name="preset_messages">
        {(fields, { add, remove, move }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item name={[field.name, 'role']} style={{ width: 130, marginBottom: 0 }}>
                  <Select
                    aria-label={t('fields.presetRoleN', { n: index + 1 })}
                    options={(['system', 'user', 'assistant'] as const).map((role) => ({ value: role, label: t(`presetRoles.${role}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'content']}
                  style={{ flex: 1, minWidth: 200, marginBottom: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: t('validation.notBlank') },
                    { max: LIMITS.presetContent, message: t('validation.max', { count: LIMITS.presetContent }) },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} aria-label={t('fields.presetContentN', { n: index + 1 })} />
                </Form.Item>
                <Space.Compact>
                  <Button onClick={() => move(index, index - 1)} disabled={index === 0} aria-label={t('editor.moveUp', { n: index + 1 })} title={t('editor.moveUp', { n: index + 1 })}>
                    ↑
                  </Button>
                  <Button
                    onClick={() => move(index, index + 1)}
                    disabled={index === fields.length - 1}
                    aria-label={t('editor.moveDown', { n: index + 1 })}
                    title={t('editor.moveDown', { n: index + 1 })}
                  >
                    ↓
                  </Button>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('editor.removeItem', { item: t('fields.presetN', { n: index + 1 }) })}
                    title={t('editor.removeItem', { item: t('fields.presetN', { n: index + 1 }) })}
                  />
                </Space.Compact>
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ role: fields.length % 2 === 0 ? 'user' : 'assistant', content: '' })}
              disabled={fields.length >= LIMITS.presetMessages}
              style={{ alignSelf: 'flex-start' }}
            >
              {fields.length >= LIMITS.presetMessages ? t('editor.limitReached', { count: LIMITS.presetMessages }) : t('editor.addPreset')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Which providers and models serve the agent, and how often each (administrators only). */
function RouteEditor({ providers, loading, error }: { providers: ProviderSummary[]; loading: boolean; error: unknown }) {
  const { t } = useTranslation('agents');
  return (
    <Form.Item label={t('fields.route')} extra={t('fields.routeHint')}>
      {error ? <Alert type="warning" showIcon title={problemText(error)} style={{ marginBottom: 8 }} /> : null}
      <Form.List name="route">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <RouteRow key={field.key} field={field} index={index} providers={providers} loading={loading} onRemove={() => remove(field.name)} />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ provider_id: providers[0]?.id, model: providers[0]?.models[0] ?? '', weight: 1 })}
              disabled={fields.length >= LIMITS.route}
              style={{ alignSelf: 'flex-start' }}
            >
              {fields.length >= LIMITS.route ? t('editor.limitReached', { count: LIMITS.route }) : t('editor.addTarget')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

function RouteRow(props: { field: FormListFieldData; index: number; providers: ProviderSummary[]; loading: boolean; onRemove: () => void }) {
  const { t } = useTranslation('agents');
  const { field, index, providers } = props;
  const providerId = Form.useWatch(['route', field.name, 'provider_id']) as string | undefined;
  const models = providers.find((provider) => provider.id === providerId)?.models ?? [];
  const n = index + 1;
  return (
    <Flex gap={8} align="start" wrap>
      <Form.Item
        name={[field.name, 'provider_id']}
        style={{ flex: 1, minWidth: 180, marginBottom: 0 }}
        rules={[{ required: true, message: t('validation.provider') }]}
      >
        <Select
          aria-label={t('fields.targetProviderN', { n })}
          placeholder={t('fields.provider')}
          loading={props.loading}
          options={providers.map((provider) => ({
            value: provider.id,
            label: provider.enabled ? provider.name : t('editor.providerDisabled', { name: provider.name }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name={[field.name, 'model']}
        style={{ flex: 1, minWidth: 180, marginBottom: 0 }}
        rules={[
          { required: true, whitespace: true, message: t('validation.model') },
          { max: LIMITS.model, message: t('validation.max', { count: LIMITS.model }) },
        ]}
      >
        <AutoComplete
          aria-label={t('fields.targetModelN', { n })}
          placeholder={t('fields.model')}
          options={models.map((model) => ({ value: model }))}
          filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
        />
      </Form.Item>
      <Form.Item name={[field.name, 'weight']} style={{ width: 120, marginBottom: 0 }}>
        <InputNumber min={0} max={LIMITS.weight} precision={0} aria-label={t('fields.targetWeightN', { n })} placeholder={t('fields.weight')} style={{ width: '100%' }} />
      </Form.Item>
      <Button
        icon={<DeleteOutlined />}
        onClick={props.onRemove}
        aria-label={t('editor.removeItem', { item: t('fields.targetN', { n }) })}
        title={t('editor.removeItem', { item: t('fields.targetN', { n }) })}
      />
    </Flex>
  );
}
