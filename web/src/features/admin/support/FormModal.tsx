import type { QueryKey } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../i18n/problems';
import { useFormSave } from './mutations';
import { SupportErrorAlert } from './problems';

/**
 * A create-or-edit dialog around a vertical form: Save submits the values to `save`; when that succeeds
 * the `invalidates` queries are refreshed and the dialog closes. The server's field errors show on the
 * fields (named by `fieldOf`), any other failure above the form. The values are dropped when it closes.
 */
export function FormModal<V>({
  open,
  onClose,
  title,
  width,
  initialValues,
  save,
  invalidates,
  fieldOf,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  width?: number;
  initialValues: Partial<V>;
  save: (values: V) => Promise<unknown>;
  invalidates: QueryKey[];
  fieldOf?: (serverName: string) => string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const saving = useFormSave(form, save, { invalidates, onSaved: onClose, fieldOf });
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving.isPending}
      width={width}
      destroyOnHidden
    >
      {saving.error && fieldErrors(saving.error).length === 0 && <SupportErrorAlert error={saving.error} />}
      <Form<V> form={form} layout="vertical" preserve={false} initialValues={initialValues} onFinish={(values) => saving.mutate(values)}>
        {children}
      </Form>
    </Modal>
  );
}
