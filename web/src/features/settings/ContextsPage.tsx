import { DeleteOutlined, EditOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, List, Modal, Skeleton, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { SavedContext } from '../../api/types';
import { problemText } from '../../i18n/problems';
import { serverMessageText } from '../agents/formErrors';

export const contextKeys = { all: ['contexts'] as const };

const NAME_MAX = 100;
const PROMPT_MAX = 32000;

/** Saved contexts: named system prompts, one of them the default for new chats. */
export function ContextsPage() {
  const { t } = useTranslation('settings');
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const contexts = useQuery({
    queryKey: contextKeys.all,
    queryFn: ({ signal }) => api<SavedContext[] | { items: SavedContext[] }>('/api/v1/contexts', { signal }),
    select: (data) => (Array.isArray(data) ? data : data.items),
  });
  const [editing, setEditing] = useState<SavedContext | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: contextKeys.all });

  const makeDefault = async (context: SavedContext) => {
    setError(null);
    try {
      await api<SavedContext>(`/api/v1/contexts/${encodeURIComponent(context.id)}`, { method: 'PATCH', body: { is_default: true } });
      message.success(t('contexts.madeDefault', { name: context.name }));
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      await refresh();
    }
  };

  const remove = (context: SavedContext) =>
    modal.confirm({
      title: t('contexts.deleteTitle', { name: context.name }),
      content: t('contexts.deleteBody'),
      okText: t('common:actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:actions.cancel'),
      onOk: async () => {
        setError(null);
        try {
          await api<void>(`/api/v1/contexts/${encodeURIComponent(context.id)}`, { method: 'DELETE' });
          message.success(t('contexts.deleted', { name: context.name }));
        } catch (failure) {
          if (!(failure instanceof ApiError && failure.status === 404)) setError(problemText(failure));
        } finally {
          await refresh();
        }
      },
    });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('sections.contexts')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('contexts.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('contexts.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} closable onClose={() => setError(null)} style={{ marginBottom: 16 }} />}
      {contexts.isError && <Alert type="error" showIcon role="alert" title={problemText(contexts.error)} style={{ marginBottom: 16 }} />}
      {contexts.isPending ? (
        <Skeleton active />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <List<SavedContext>
            dataSource={contexts.data ?? []}
            locale={{ emptyText: <Empty description={t('contexts.empty')} style={{ padding: 24 }} /> }}
            aria-label={t('sections.contexts')}
            renderItem={(context) => (
              <List.Item
                aria-label={context.name}
                style={{ padding: '12px 16px' }}
                actions={[
                  ...(context.is_default
                    ? []
                    : [
                        <Button key="default" type="text" icon={<StarOutlined />} onClick={() => void makeDefault(context)} aria-label={t('contexts.makeDefaultNamed', { name: context.name })}>
                          {t('contexts.makeDefault')}
                        </Button>,
                      ]),
                  <Button key="edit" type="text" icon={<EditOutlined />} onClick={() => setEditing(context)} aria-label={t('contexts.editNamed', { name: context.name })} />,
                  <Button key="delete" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(context)} aria-label={t('contexts.deleteNamed', { name: context.name })} />,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={6} align="center">
                      <Typography.Text strong>{context.name}</Typography.Text>
                      {context.is_default && <Tag color="gold">{t('contexts.default')}</Tag>}
                    </Flex>
                  }
                  description={
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                      {context.system_prompt}
                    </Typography.Paragraph>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <ContextModal
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        context={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          setEditing(null);
          message.success(created ? t('contexts.created', { name: saved.name }) : t('contexts.saved', { name: saved.name }));
          void refresh();
        }}
      />
    </>
  );
}

interface ContextValues {
  name: string;
  system_prompt: string;
  is_default: boolean;
}

function ContextModal(props: { context: SavedContext | 'new' | null; onClose: () => void; onSaved: (context: SavedContext, created: boolean) => void }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<ContextValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const existing = props.context !== 'new' && props.context !== null ? props.context : null;

  const submit = async (values: ContextValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = { name: values.name.trim(), system_prompt: values.system_prompt, is_default: values.is_default };
      const saved = existing
        ? await api<SavedContext>(`/api/v1/contexts/${encodeURIComponent(existing.id)}`, { method: 'PATCH', body })
        : await api<SavedContext>('/api/v1/contexts', { method: 'POST', body });
      props.onSaved(saved, existing === null);
    } catch (failure) {
      if (failure instanceof ApiError && failure.slug === 'context-name-taken') {
        form.setFields([{ name: 'name', errors: [t('contexts.nameTaken')] }]);
      } else if (failure instanceof ApiError && failure.slug === 'too-many-contexts') {
        setError(t('contexts.tooMany'));
      } else if (failure instanceof ApiError && failure.errors.some((field) => field.field === 'name' || field.field === 'system_prompt')) {
        form.setFields(
          failure.errors
            .filter((field) => field.field === 'name' || field.field === 'system_prompt')
            .map((field) => ({ name: field.field as keyof ContextValues, errors: [serverMessageText(field.message)] })),
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
      open={props.context !== null}
      title={existing ? t('contexts.editTitle', { name: existing.name }) : t('contexts.createTitle')}
      onCancel={props.onClose}
      okText={existing ? t('common:actions.save') : t('common:actions.create')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy, form: 'saved-context' }}
      width={640}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<ContextValues>
        id="saved-context"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ name: existing?.name ?? '', system_prompt: existing?.system_prompt ?? '', is_default: existing?.is_default ?? false }}
      >
        <Form.Item
          name="name"
          label={t('contexts.name')}
          rules={[
            { required: true, whitespace: true, message: t('contexts.nameRequired') },
            { max: NAME_MAX, message: t('validation.max', { count: NAME_MAX }) },
          ]}
        >
          <Input maxLength={NAME_MAX} autoFocus />
        </Form.Item>
        <Form.Item
          name="system_prompt"
          label={t('contexts.prompt')}
          rules={[
            { required: true, whitespace: true, message: t('contexts.promptRequired') },
            { max: PROMPT_MAX, message: t('validation.max', { count: PROMPT_MAX }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
        </Form.Item>
        <Form.Item name="is_default" label={t('contexts.isDefault')} extra={t('contexts.isDefaultHint')} valuePropName="checked" style={{ marginBottom: 0 }}>
          <Switch aria-label={t('contexts.isDefault')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
