import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout, useSession } from '../../api/auth';
import { api } from '../../api/client';
import { updateUser } from '../../api/session';
import type { User } from '../../api/types';
import { AuthFrame } from './AuthFrame';
import { PasswordChangeForm } from './PasswordChangeForm';

/** Changing one's password; the first administrator (and anyone given a one-time password) lands here first. */
export function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const navigate = useNavigate();
  const forced = session?.user.password_change_required ?? false;

  const changed = async () => {
    updateUser(await api<User>('/api/v1/users/me'));
    navigate('/', { replace: true });
  };

  return (
    <AuthFrame title={t('password.title')}>
      {forced && <Alert type="info" title={t('password.forced')} showIcon style={{ marginBottom: 16 }} />}
      <PasswordChangeForm onChanged={changed} autoFocus block />
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
