import {
  AuditOutlined,
  BarChartOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  MessageOutlined,
  RobotOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Grid, Menu, theme } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../../app/Loading';
import { NotFound } from '../../app/NotFound';
import { AuditPage } from './AuditPage';
import { ConversationsPage } from './ConversationsPage';
import { ConversationView } from './ConversationView';
import { ProvidersPage } from './ProvidersPage';
import { QuotasPage } from './QuotasPage';
import { UsersPage } from './UsersPage';

// ECharts is fetched only when the usage page opens.
const UsagePage = lazy(() => import('./UsagePage').then((module) => ({ default: module.UsagePage })));

const SECTIONS = ['users', 'quotas', 'conversations', 'providers', 'agents', 'audit', 'usage'] as const;

/** The admin console's frame: its own menu beside (or, when narrow, above) the section. */
function ConsoleLayout() {
  const { t } = useTranslation('admin');
  const screens = Grid.useBreakpoint();
  // Beside the app's sidebar a second column leaves too little room for tables below 1600 px.
  const wide = screens.xxl === true;
  const location = useLocation();
  const { token } = theme.useToken();
  const current = SECTIONS.find((section) => location.pathname.startsWith(`/admin/${section}`)) ?? 'users';
  const icons = {
    users: <TeamOutlined />,
    quotas: <DashboardOutlined />,
    conversations: <MessageOutlined />,
    providers: <CloudServerOutlined />,
    agents: <RobotOutlined />,
    audit: <AuditOutlined />,
    usage: <BarChartOutlined />,
  };
  const items = SECTIONS.map((section) => ({
    key: section,
    icon: icons[section],
    label: <Link to={section === 'agents' ? '/agents' : `/admin/${section}`}>{t(`menu.${section}`)}</Link>,
  }));
  return (
    <div style={{ display: 'flex', flexDirection: wide ? 'row' : 'column', minHeight: '100%' }}>
      <nav
        aria-label={t('menu.label')}
        style={
          wide
            ? { width: 200, flex: 'none', borderRight: `1px solid ${token.colorBorderSecondary}` }
            : { borderBottom: `1px solid ${token.colorBorderSecondary}` }
        }
      >
        {wide && (
          <div style={{ padding: '16px 24px 8px', fontWeight: 600, color: token.colorTextSecondary }}>{t('title')}</div>
        )}
        <Menu
          mode={wide ? 'inline' : 'horizontal'}
          selectedKeys={[current]}
          items={items}
          style={{ borderInlineEnd: 'none', borderBottom: 'none' }}
        />
      </nav>
      <div style={{ flex: 1, minWidth: 0, padding: wide ? 24 : 12 }}>
        <Outlet />
      </div>
    </div>
  );
}

/** The admin console under /admin (loaded only by administrators). */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route element={<ConsoleLayout />}>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="quotas" element={<QuotasPage />} />
        <Route path="conversations" element={<ConversationsPage />} />
        <Route path="conversations/:conversationId" element={<ConversationView />} />
        <Route path="providers" element={<ProvidersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route
          path="usage"
          element={
            <Suspense fallback={<Loading />}>
              <UsagePage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
