import { Alert, App, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/auth';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import { updateUser } from '../../api/session';
import type { User } from '../../api/types';
import { formatDateTime } from '../../i18n/format';
import { problemText } from '../../i18n/problems';
import { serverMessageText } from '../agents/formErrors';
import { PasswordChangeForm } from '../auth/PasswordChangeForm';

const DISPLAY_NAME_MAX = 100;

/** The profile (display name; e-mail and role shown) and the password. */
export function ProfilePage() {
  const { t } = useTranslation('settings');
  const user = useSession()?.user;
  if (!user) return null;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('sections.profile')}
      </Typography.Title>
      <ProfileCard user={user} />
      <PasswordCard />
    </>
  );
}

function ProfileCard({ user }: { user: User }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ display_name: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ display_name }: { display_name: string }) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await api<User>('/api/v1/users/me', { method: 'PATCH', body: { display_name: display_name.trim() } });
      updateUser(updated);
      form.setFieldsValue({ display_name: updated.display_name ?? '' });
      message.success(t('profile.saved'));
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.errors.find((e) => e.field === 'display_name') : undefined;
      if (field) form.setFields([{ name: 'display_name', errors: [serverMessageText(field.message)] }]);
      else setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('profile.title')} style={{ marginBottom: 16 }}>
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { key: 'email', label: t('profile.email'), children: user.email },
          { key: 'role', label: t('profile.role'), children: <Tag>{t(`profile.roles.${user.role}`)}</Tag> },
          { key: 'since', label: t('profile.since'), children: formatDateTime(user.created_at) },
        ]}
      />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ display_name: user.display_name ?? '' }} onFinish={submit} requiredMark={false}>
        <Form.Item
          name="display_name"
          label={t('profile.displayName')}
          extra={t('profile.displayNameHint')}
          rules={[{ required: true, whitespace: true, message: t('profile.nameRequired') }, { max: DISPLAY_NAME_MAX, message: t('validation.max', { count: DISPLAY_NAME_MAX }) }]}
        >
          <Input maxLength={DISPLAY_NAME_MAX} autoComplete="nickname" style={{ maxWidth: 420 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('profile.save')}
        </Button>
      </Form>
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  return (
    <Card title={t('password.title')}>
      <Typography.Paragraph type="secondary">{t('password.intro')}</Typography.Paragraph>
      <PasswordChangeForm onChanged={() => void message.success(t('password.changed'))} style={{ maxWidth: 420 }} />
    </Card>
  );
}
