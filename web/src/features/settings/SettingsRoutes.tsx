import { BarChartOutlined, BgColorsOutlined, KeyOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import { Grid, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { ApiKeysPage } from './ApiKeysPage';
import { AppearancePage } from './AppearancePage';
import { ContextsPage } from './ContextsPage';
import { ProfilePage } from './ProfilePage';
import { UsagePage } from './UsagePage';

const SECTIONS = [
  { key: 'profile', icon: <UserOutlined /> },
  { key: 'keys', icon: <KeyOutlined /> },
  { key: 'usage', icon: <BarChartOutlined /> },
  { key: 'contexts', icon: <ProfileOutlined /> },
  { key: 'appearance', icon: <BgColorsOutlined /> },
] as const;

/** The settings under /settings: a menu of sections beside (or, at mobile width, above) the section. */
export function SettingsRoutes() {
  const { t } = useTranslation('settings');
  const location = useLocation();
  const navigate = useNavigate();
  const mobile = Grid.useBreakpoint().md === false;
  const current = /^\/settings\/([^/]+)/.exec(location.pathname)?.[1] ?? 'profile';

  const menu = (
    <Menu
      mode={mobile ? 'horizontal' : 'inline'}
      selectedKeys={[current]}
      onClick={({ key }) => navigate(`/settings/${key}`)}
      items={SECTIONS.map(({ key, icon }) => ({ key, icon, label: t(`sections.${key}`) }))}
      style={{ borderInlineEnd: 'none', background: 'transparent' }}
      aria-label={t('title')}
    />
  );

  return (
    <div style={{ display: 'flex', flexDirection: mobile ? 'column' : 'row', minHeight: '100%' }}>
      <div style={{ width: mobile ? '100%' : 200, flexShrink: 0, padding: mobile ? '8px 8px 0' : '24px 8px' }}>
        {!mobile && (
          <Typography.Title level={3} style={{ padding: '0 16px', marginTop: 0 }}>
            {t('title')}
          </Typography.Title>
        )}
        <nav aria-label={t('title')}>{menu}</nav>
      </div>
      <div style={{ flex: 1, minWidth: 0, padding: mobile ? 16 : 24, maxWidth: 1000 }}>
        <Routes>
          <Route index element={<Navigate to="profile" replace />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="keys" element={<ApiKeysPage />} />
          <Route path="usage" element={<UsagePage />} />
          <Route path="contexts" element={<ContextsPage />} />
          <Route path="appearance" element={<AppearancePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </div>
    </div>
  );
}
