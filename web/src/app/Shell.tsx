import { MenuOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Layout, theme, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useIsStaff } from '../features/support/RequireAgent';
import { SupportLive } from '../features/support/live/SupportLive';
import { SidebarContent } from './SidebarContent';
import { useOnline } from './useOnline';

const SIDEBAR_WIDTH = 288;

/**
 * The signed-in frame: the sidebar (conversations and navigation) beside the page; at mobile
 * width the sidebar is a drawer opened from the header.
 */
export function Shell() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const online = useOnline();
  const { token } = theme.useToken();
  const staff = useIsStaff();

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  return (
    <Layout style={{ height: '100%' }}>
      {/* Support agents hear of handoffs and assignments wherever they are in the app. */}
      {staff && <SupportLive />}
      {!mobile && (
        <Layout.Sider
          width={SIDEBAR_WIDTH}
          theme="light"
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}`, height: '100%' }}
        >
          <nav aria-label={t('nav.mainNavigation')} style={{ height: '100%' }}>
            <SidebarContent />
          </nav>
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={SIDEBAR_WIDTH}
          closeIcon={null}
          styles={{ body: { padding: 0 } }}
          title={null}
        >
          <nav aria-label={t('nav.mainNavigation')} style={{ height: '100%' }}>
            <SidebarContent />
          </nav>
        </Drawer>
      )}
      <Layout style={{ height: '100%', minWidth: 0 }}>
        {mobile && (
          <Layout.Header
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              padding: '0 12px',
              height: 48,
              background: token.colorBgContainer,
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
            }}
          >
            <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={() => setDrawerOpen(true)} />
            <Typography.Text strong>{t('appName')}</Typography.Text>
          </Layout.Header>
        )}
        {!online && <Alert type="warning" banner title={t('states.offline')} role="status" />}
        <Layout.Content style={{ height: '100%', overflow: 'auto', minWidth: 0, background: token.colorBgContainer }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
