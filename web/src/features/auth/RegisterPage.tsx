import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { login, register, useSession } from '../../api/auth';
import { ApiError } from '../../api/problem';
import { problemText } from '../../i18n/problems';
import { AuthFrame } from './AuthFrame';
import { passwordRuleText } from './passwordRules';

interface RegisterForm {
  email: string;
  display_name?: string;
  password: string;
  confirm: string;
}

export function RegisterPage() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session && !busy) return <Navigate to="/" replace />;

  const submit = async (values: RegisterForm) => {
    setBusy(true);
    setError(null);
    try {
      await register(values.email.trim(), values.password, values.display_name?.trim() || undefined);
      await login(values.email.trim(), values.password);
      navigate('/', { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError && failure.slug === 'weak-password' && failure.errors.length > 0) {
        form.setFields([{ name: 'password', errors: failure.errors.map((rule) => passwordRuleText(rule.message)) }]);
      } else {
        setError(problemText(failure));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('register.title')}>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" data-testid="auth-error" />}
      <Form<RegisterForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="email" label={t('fields.email')} rules={[{ required: true, type: 'email', message: t('validation.email') }]}>
          <Input autoComplete="username" autoFocus inputMode="email" />
        </Form.Item>
        <Form.Item name="display_name" label={t('fields.displayName')} rules={[{ max: 100 }]}>
          <Input autoComplete="nickname" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          extra={t('register.passwordHint')}
          rules={[{ required: true, message: t('validation.password') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('fields.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('validation.confirm') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('validation.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('register.haveAccount')} <Link to="/login">{t('login.link')}</Link>
      </Typography.Paragraph>
    </AuthFrame>
  );
}
