import {
  AuditOutlined,
  BarChartOutlined,
  CloudServerOutlined,
  CustomerServiceOutlined,
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
import { CannedPage } from './support/CannedPage';
import { InboxesPage } from './support/InboxesPage';
import { TeamsPage } from './support/TeamsPage';
import { WebhooksPage } from './support/WebhooksPage';
import { UsersPage } from './UsersPage';

// ECharts is fetched only when the usage page opens.
const UsagePage = lazy(() => import('./UsagePage').then((module) => ({ default: module.UsagePage })));
const SupportReportsPage = lazy(() => import('./support/ReportsPage').then((module) => ({ default: module.ReportsPage })));

const SECTIONS = ['users', 'quotas', 'conversations', 'providers', 'agents', 'audit', 'usage'] as const;
/** Customer service's screens, under one entry of the menu. */
const SUPPORT_SECTIONS = ['inboxes', 'teams', 'canned', 'reports', 'webhooks'] as const;

/** The admin console's frame: its own menu beside (or, when narrow, above) the section. */
function ConsoleLayout() {
  const { t } = useTranslation('admin');
  const screens = Grid.useBreakpoint();
  // Beside the app's sidebar a second column leaves too little room for tables below 1600 px.
  const wide = screens.xxl === true;
  const location = useLocation();
  const { token } = theme.useToken();
  const support = SUPPORT_SECTIONS.find((section) => location.pathname.startsWith(`/admin/support/${section}`));
  const current = support ? `support/${support}` : (SECTIONS.find((section) => location.pathname.startsWith(`/admin/${section}`)) ?? 'users');
  const icons = {
    users: <TeamOutlined />,
    quotas: <DashboardOutlined />,
    conversations: <MessageOutlined />,
    providers: <CloudServerOutlined />,
    agents: <RobotOutlined />,
    audit: <AuditOutlined />,
    usage: <BarChartOutlined />,
  };
  const items = [
    ...SECTIONS.map((section) => ({
      key: section,
      icon: icons[section],
      label: <Link to={section === 'agents' ? '/agents' : `/admin/${section}`}>{t(`menu.${section}`)}</Link>,
    })),
    {
      key: 'support',
      icon: <CustomerServiceOutlined />,
      label: t('menu.support'),
      children: SUPPORT_SECTIONS.map((section) => ({
        key: `support/${section}`,
        label: <Link to={`/admin/support/${section}`}>{t(`menu.supportSections.${section}`)}</Link>,
      })),
    },
  ];
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
          defaultOpenKeys={wide && support ? ['support'] : []}
          // A click (or Enter) opens customer service's sections: hovering is no way on touch screens or keyboards.
          triggerSubMenuAction="click"
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
        <Route path="support" element={<Navigate to="inboxes" replace />} />
        <Route path="support/inboxes" element={<InboxesPage />} />
        <Route path="support/teams" element={<TeamsPage />} />
        <Route path="support/canned" element={<CannedPage />} />
        <Route
          path="support/reports"
          element={
            <Suspense fallback={<Loading />}>
              <SupportReportsPage />
            </Suspense>
          }
        />
        <Route path="support/webhooks" element={<WebhooksPage />} />
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
