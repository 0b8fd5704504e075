import { Alert, Button, Form, Input } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import { problemText } from '../../i18n/problems';
import { passwordRuleText } from './passwordRules';

interface PasswordValues {
  current_password: string;
  new_password: string;
  confirm: string;
}

interface Props {
  /** After the server changed the password (it ended the user's other sessions). */
  onChanged: () => void | Promise<void>;
  autoFocus?: boolean;
  block?: boolean;
  style?: CSSProperties;
}

/**
 * The current and the new password, twice, sent to POST /api/v1/users/me/password; the
 * server's broken rules are shown on the field they concern. Used by the forced change after
 * a generated password and by the settings.
 */
export function PasswordChangeForm({ onChanged, autoFocus, block, style }: Props) {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: PasswordValues) => {
    setBusy(true);
    setError(null);
    try {
      await api<void>('/api/v1/users/me/password', {
        method: 'POST',
        body: { current_password: values.current_password, new_password: values.new_password },
      });
      form.resetFields();
      await onChanged();
    } catch (failure) {
      if (failure instanceof ApiError && failure.errors.length > 0) {
        const byField = new Map<keyof PasswordValues, string[]>();
        for (const field of failure.errors) {
          const name = field.field === 'current_password' ? 'current_password' : 'new_password';
          byField.set(name, [...(byField.get(name) ?? []), passwordRuleText(field.message)]);
        }
        form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      } else {
        setError(problemText(failure));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" data-testid="auth-error" />}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} style={style}>
        <Form.Item name="current_password" label={t('password.current')} rules={[{ required: true, message: t('validation.current') }]}>
          <Input.Password autoComplete="current-password" autoFocus={autoFocus} />
        </Form.Item>
        <Form.Item
          name="new_password"
          label={t('password.new')}
          extra={t('register.passwordHint')}
          rules={[
            { required: true, message: t('validation.newPassword') },
            { min: 10, message: t('rules.minChars', { count: 10 }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['new_password']}
          rules={[
            { required: true, message: t('validation.confirm') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('new_password') === value ? Promise.resolve() : Promise.reject(new Error(t('validation.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block={block} loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </>
  );
}
