import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../chat/messages/copy';
import { type Inbox, supportAdminApi } from './api';
import { BusinessHoursField } from './BusinessHoursField';
import { NS } from './i18n';
import { SupportErrorAlert, supportAdminProblemText } from './problems';
import { bodyOf, type InboxValues, placeErrors, valuesOf } from './inboxForm';
import { staffOptions, useBotAgents, useStaff } from './shared';

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = ['UTC'];
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

/** The inbox's secret for identity verification and its widget snippet, each with a copy button. */
function WidgetSection({ inbox, onRotated }: { inbox: Inbox; onRotated: (inbox: Inbox) => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const rotate = useMutation({
    mutationFn: () => supportAdminApi.rotateSecret(inbox.id),
    onSuccess: (rotated) => {
      onRotated(rotated);
      void message.success(t('inboxes.rotated'));
    },
    onError: (error) => void message.error(supportAdminProblemText(error)),
  });
  const copy = (text: string) => void copyText(text).then(() => message.success(t('copied')));
  return (
    <>
      <Form.Item label={t('inboxes.secret')} extra={t('inboxes.secretHelp')}>
        <Space.Compact style={{ width: '100%' }}>
          <Input.Password readOnly value={inbox.hmac_secret} aria-label={t('inboxes.secret')} data-testid="inbox-secret" />
          <Button icon={<CopyOutlined />} onClick={() => copy(inbox.hmac_secret)} aria-label={t('inboxes.copySecret')} />
          <Popconfirm
            title={t('inboxes.rotateConfirm')}
            description={t('inboxes.rotateEffect')}
            okText={t('inboxes.rotate')}
            cancelText={t('common:actions.cancel')}
            onConfirm={() => rotate.mutateAsync().catch(() => undefined)}
          >
            <Button icon={<ReloadOutlined />} loading={rotate.isPending}>
              {t('inboxes.rotate')}
            </Button>
          </Popconfirm>
        </Space.Compact>
      </Form.Item>
      <Form.Item label={t('inboxes.snippet')} extra={t('inboxes.snippetHelp')}>
        <div style={{ position: 'relative' }}>
          <pre
            data-testid="widget-snippet"
            style={{ margin: 0, padding: '10px 44px 10px 12px', borderRadius: 8, background: 'var(--parley-code-bg)', whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}
          >
            {inbox.widget_snippet}
          </pre>
          <Button
            size="small"
            icon={<CopyOutlined />}
            onClick={() => copy(inbox.widget_snippet)}
            aria-label={t('inboxes.copySnippet')}
            style={{ position: 'absolute', top: 6, right: 6 }}
          />
        </div>
      </Form.Item>
    </>
  );
}

/**
 * Create or edit an inbox: every setting of the contract. A new inbox stays open after it is
 * created, now with its secret and its widget snippet to copy.
 */
export function InboxForm({ open, editing, onClose }: { open: boolean; editing: Inbox | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<InboxValues>();
  const [current, setCurrent] = useState<Inbox | null>(editing);
  const [leftovers, setLeftovers] = useState<string[]>([]);
  const staff = useStaff();
  const bots = useBotAgents();
  const zones = useMemo(() => timeZones(current?.time_zone ?? valuesOf(null).time_zone), [current]);
  const save = useMutation({
    mutationFn: (values: InboxValues) =>
      current ? supportAdminApi.updateInbox(current.id, bodyOf(values, current)) : supportAdminApi.createInbox(bodyOf(values, null)),
    onSuccess: (saved) => {
      const created = !current;
      setCurrent(saved);
      setLeftovers([]);
      void client.invalidateQueries({ queryKey: ['admin', 'support', 'inboxes'] });
      void client.invalidateQueries({ queryKey: ['support', 'inboxes'] });
      void message.success(created ? t('inboxes.created', { name: saved.name }) : t('inboxes.saved', { name: saved.name }));
      if (!created) onClose();
    },
    onError: (failure) => {
      const { fields, rest } = placeErrors(failure);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setLeftovers(rest);
    },
  });
  const onFields = save.error && placeErrors(save.error).fields.length > 0 && leftovers.length === 0;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={current ? t('inboxes.edit', { name: current.name }) : t('inboxes.create')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{current && !editing ? tc('actions.close') : tc('actions.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="inbox-save">
            {current ? tc('actions.save') : t('inboxes.createOk')}
          </Button>
        </Space>
      }
    >
      {save.error && !onFields && leftovers.length === 0 && <SupportErrorAlert error={save.error} />}
      {leftovers.length > 0 && <Alert type="error" title={leftovers.join('; ')} style={{ marginBottom: 16 }} />}
      <Form<InboxValues> form={form} layout="vertical" initialValues={valuesOf(editing)} onFinish={(values) => save.mutate(values)} scrollToFirstError>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('inboxes.name')} rules={[{ required: true, whitespace: true, max: 100, message: t('inboxes.nameRequired') }]}>
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="agent_id" label={t('inboxes.bot')} extra={t('inboxes.botHelp')}>
              <Select
                allowClear
                placeholder={t('inboxes.defaultBot')}
                aria-label={t('inboxes.bot')}
                data-testid="inbox-bot"
                loading={bots.isLoading}
                showSearch={{ optionFilterProp: 'label' }}
                options={(bots.data ?? []).map((agent) => ({ value: agent.id, label: agent.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="greeting" label={t('inboxes.greeting')} extra={t('inboxes.greetingHelp')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Divider titlePlacement="start">{t('inboxes.handoff')}</Divider>
        <Form.Item name="handoff_message" label={t('inboxes.handoffMessage')} extra={t('inboxes.handoffMessageHelp')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="handoff_keywords" label={t('inboxes.keywords')} extra={t('inboxes.keywordsHelp')}>
          <Select mode="tags" tokenSeparators={[',']} open={false} suffixIcon={null} aria-label={t('inboxes.keywords')} data-testid="inbox-keywords" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="handoff_after_failures" label={t('inboxes.afterFailures')} extra={t('inboxes.afterFailuresHelp')}>
              <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="auto_assign" label={t('inboxes.autoAssign')} valuePropName="checked" extra={t('inboxes.autoAssignHelp')}>
              <Switch aria-label={t('inboxes.autoAssign')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="agent_capacity" label={t('inboxes.capacity')} extra={t('inboxes.capacityHelp')}>
              <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="member_ids" label={t('inboxes.members')} extra={t('inboxes.membersHelp')}>
          <Select
            mode="multiple"
            loading={staff.isLoading}
            placeholder={t('inboxes.membersPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={staffOptions(staff.data)}
            aria-label={t('inboxes.members')}
            data-testid="inbox-members"
          />
        </Form.Item>
        <Divider titlePlacement="start">{t('inboxes.businessHours')}</Divider>
        <Form.Item name="time_zone" label={t('inboxes.timeZone')} rules={[{ required: true }]}>
          <Select showSearch options={zones.map((zone) => ({ value: zone, label: zone }))} aria-label={t('inboxes.timeZone')} />
        </Form.Item>
        <BusinessHoursField />
        <Divider titlePlacement="start">{t('inboxes.identity')}</Divider>
        <Form.Item name="identity_required" label={t('inboxes.identityRequired')} valuePropName="checked" extra={t('inboxes.identityRequiredHelp')}>
          <Switch aria-label={t('inboxes.identityRequired')} data-testid="inbox-identity" />
        </Form.Item>
        <Form.Item name="allowed_origins" label={t('inboxes.origins')} extra={t('inboxes.originsHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} aria-label={t('inboxes.origins')} placeholder="https://shop.example.com" />
        </Form.Item>
        {current ? (
          <WidgetSection inbox={current} onRotated={(rotated) => setCurrent(rotated)} />
        ) : (
          <Flex>
            <Typography.Text type="secondary">{t('inboxes.secretAfterCreate')}</Typography.Text>
          </Flex>
        )}
      </Form>
    </Drawer>
  );
}
