import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, Input, Popconfirm, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Conversation, PresetMessage } from '../../api/types';
import { problemText } from '../../i18n/problems';
import { keys } from './queries';

interface Values {
  system_prompt: string;
  preset_messages: PresetMessage[];
}

/** The conversation's system prompt and preset messages, and "clear context". */
export function ContextDrawer({ open, onClose, conversation }: { open: boolean; onClose: () => void; conversation: Conversation }) {
  const { t } = useTranslation('chat');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.setFieldsValue({ system_prompt: conversation.system_prompt ?? '', preset_messages: conversation.preset_messages });
  }, [open, conversation, form]);

  const updated = (next: Conversation) => {
    client.setQueryData(keys.conversation(conversation.id), next);
    void client.invalidateQueries({ queryKey: keys.conversations });
  };

  const save = async (values: Values) => {
    setSaving(true);
    try {
      updated(
        await api<Conversation>(`/api/v1/conversations/${conversation.id}/context`, {
          method: 'PUT',
          body: { system_prompt: values.system_prompt ?? '', preset_messages: values.preset_messages ?? [] },
        }),
      );
      message.success(t('context.saved'));
      onClose();
    } catch (error) {
      message.error(problemText(error));
    } finally {
      setSaving(false);
    }
  };

  const clear = async () => {
    try {
      updated(await api<Conversation>(`/api/v1/conversations/${conversation.id}/context`, { method: 'DELETE' }));
      message.success(t('context.cleared'));
      onClose();
    } catch (error) {
      message.error(problemText(error));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('context.title')}
      size={520}
      closable={{ 'aria-label': t('common:actions.close') }}
      footer={
        <Flex justify="space-between">
          <Popconfirm title={t('context.clearTitle')} description={t('context.clearBody')} onConfirm={() => void clear()} okText={t('context.clear')} cancelText={t('common:actions.cancel')}>
            <Button danger icon={<DeleteOutlined />}>
              {t('context.clear')}
            </Button>
          </Popconfirm>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('common:actions.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="system_prompt" label={t('context.systemPrompt')} extra={t('context.systemPromptHelp')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={32000} />
        </Form.Item>
        <Typography.Text strong>{t('context.presets')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('context.presetsHelp')}
        </Typography.Paragraph>
        <Form.List name="preset_messages">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} style={{ width: 120 }}>
                    <Select
                      aria-label={t('context.role')}
                      options={(['system', 'user', 'assistant'] as const).map((role) => ({ value: role, label: t(`context.roles.${role}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'content']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input.TextArea aria-label={t('context.content')} autoSize={{ minRows: 1, maxRows: 8 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('context.removePreset')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ role: 'user', content: '' })}>
                {t('context.addPreset')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
