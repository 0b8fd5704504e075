import { BarChartOutlined, BgColorsOutlined, DatabaseOutlined, KeyOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import { Grid, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { DataPage } from '../data/DataPage';
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
  { key: 'data', icon: <DatabaseOutlined /> },
  { key: 'appearance', icon: <BgColorsOutlined /> },
] as const;

/** The settings under /settings: a menu of sections beside (or, at mobile width, above) the section. */
export function SettingsRoutes() {
  const { t } = useTranslation('settings');
  const location = useLocation();
  const { token } = theme.useToken();
  const mobile = Grid.useBreakpoint().md === false;
  const current = /^\/settings\/([^/]+)/.exec(location.pathname)?.[1] ?? 'profile';

  // Links, not an application menu: each section has its address (reload, open in a new tab).
  const menu = (
    <ul
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'flex',
        flexDirection: mobile ? 'row' : 'column',
        gap: 4,
        overflowX: mobile ? 'auto' : undefined,
      }}
    >
      {SECTIONS.map(({ key, icon }) => {
        const active = key === current;
        return (
          <li key={key} style={{ flexShrink: 0 }}>
            <Link
              to={`/settings/${key}`}
              aria-current={active ? 'page' : undefined}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 10,
                padding: '8px 16px',
                borderRadius: token.borderRadiusLG,
                whiteSpace: 'nowrap',
                color: active ? token.colorPrimary : token.colorText,
                background: active ? token.controlItemBgActive : 'transparent',
                fontWeight: active ? 500 : undefined,
                transition: 'none',
              }}
            >
              {icon}
              {t(`sections.${key}`)}
            </Link>
          </li>
        );
      })}
    </ul>
  );

  return (
    <div style={{ display: 'flex', flexDirection: mobile ? 'column' : 'row', minHeight: '100%' }}>
      <div
        style={{
          width: mobile ? '100%' : 200,
          flexShrink: 0,
          padding: mobile ? '8px 8px 0' : '24px 8px',
          position: mobile ? undefined : 'sticky',
          top: 0,
          alignSelf: 'flex-start',
        }}
      >
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
          <Route path="data" element={<DataPage />} />
          <Route path="appearance" element={<AppearancePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </div>
    </div>
  );
}
