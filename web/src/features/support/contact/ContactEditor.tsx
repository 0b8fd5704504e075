import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../i18n/problems';
import { type Contact, supportApi } from '../api';
import { supportProblemText } from '../problems';
import { supportKeys } from '../queries';

interface Values {
  name?: string;
  email?: string;
  phone?: string;
  attributes: { key: string; value: string }[];
}

/** The attributes as the form's rows: strings as they are, anything else as JSON. */
export function attributeRows(attributes: Record<string, unknown>): { key: string; value: string }[] {
  return Object.entries(attributes ?? {}).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

export function attributesOf(rows: { key: string; value: string }[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const row of rows ?? []) if (row?.key?.trim()) attributes[row.key.trim()] = row.value ?? '';
  return attributes;
}

/** Edits a contact's name, e-mail, phone and attributes. */
export function ContactEditor({ contact, open, onClose }: { contact: Contact; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('support');
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (values: Values) =>
      // An empty text clears the field (an absent one would keep it).
      supportApi.updateContact(contact.id, {
        name: values.name?.trim() ?? '',
        email: values.email?.trim() ?? '',
        phone: values.phone?.trim() ?? '',
        attributes: attributesOf(values.attributes),
      }),
    onSuccess: (saved) => {
      client.setQueryData(supportKeys.contact(contact.id), saved);
      // Lists and conversations show the contact's name.
      void client.invalidateQueries({ queryKey: supportKeys.lists });
      void client.invalidateQueries({ queryKey: ['support', 'conversation'] });
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      if (fields.length) form.setFields(fields.map(({ name, errors }) => ({ name: name as keyof Values, errors })));
    },
  });
  return (
    <Modal
      open={open}
      title={t('contact.editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.error && fieldErrors(save.error).length === 0 && <Alert type="error" showIcon title={supportProblemText(save.error)} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ name: contact.name ?? '', email: contact.email ?? '', phone: contact.phone ?? '', attributes: attributeRows(contact.attributes) }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="name" label={t('contact.name')}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item name="email" label={t('contact.email')} rules={[{ type: 'email', message: t('contact.emailInvalid') }]}>
          <Input autoComplete="off" inputMode="email" maxLength={254} />
        </Form.Item>
        <Form.Item name="phone" label={t('contact.phone')}>
          <Input autoComplete="off" inputMode="tel" maxLength={64} />
        </Form.Item>
        <Form.List name="attributes">
          {(rows, { add, remove }) => (
            <Flex vertical gap={6}>
              {rows.map((row, index) => (
                <Flex key={row.key} gap={6} align="baseline">
                  <Form.Item name={[row.name, 'key']} noStyle rules={[{ required: true, message: t('contact.attributeKeyRequired') }]}>
                    <Input placeholder={t('contact.attributeKey')} aria-label={t('contact.attributeKeyN', { n: index + 1 })} style={{ width: '40%' }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'value']} noStyle>
                    <Input placeholder={t('contact.attributeValue')} aria-label={t('contact.attributeValueN', { n: index + 1 })} style={{ flex: 1 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={t('contact.removeAttribute', { n: index + 1 })} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
                {t('contact.addAttribute')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
