import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout, useSession } from '../../api/auth';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import { updateUser } from '../../api/session';
import type { User } from '../../api/types';
import { problemText } from '../../i18n/problems';
import { AuthFrame } from './AuthFrame';
import { passwordRuleText } from './passwordRules';

interface PasswordForm {
  current_password: string;
  new_password: string;
  confirm: string;
}

/** Changing one's password; the first administrator (and anyone given a one-time password) lands here first. */
export function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forced = session?.user.password_change_required ?? false;

  const submit = async (values: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      await api<void>('/api/v1/users/me/password', {
        method: 'POST',
        body: { current_password: values.current_password, new_password: values.new_password },
      });
      updateUser(await api<User>('/api/v1/users/me'));
      navigate('/', { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError && failure.errors.length > 0) {
        form.setFields(
          failure.errors.map((field) => ({
            name: field.field === 'current_password' ? 'current_password' : 'new_password',
            errors: [passwordRuleText(field.message)],
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
    <AuthFrame title={t('password.title')}>
      {forced && <Alert type="info" title={t('password.forced')} showIcon style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" data-testid="auth-error" />}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="current_password" label={t('password.current')} rules={[{ required: true, message: t('validation.password') }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item name="new_password" label={t('password.new')} extra={t('register.passwordHint')} rules={[{ required: true, message: t('validation.password') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('fields.confirmPassword')}
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
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {forced ? (
          <Typography.Link onClick={() => void logout().finally(() => navigate('/login'))}>{t('password.logout')}</Typography.Link>
        ) : (
          <Typography.Link onClick={() => navigate(-1)}>{t('password.back')}</Typography.Link>
        )}
      </Typography.Paragraph>
    </AuthFrame>
  );
}
