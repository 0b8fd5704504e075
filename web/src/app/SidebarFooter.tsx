import { CustomerServiceOutlined, LogoutOutlined, RobotOutlined, SettingOutlined, ToolOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logout, useSession } from '../api/auth';
import { type Language, LANGUAGES, setLanguage } from '../i18n';
import { useIsStaff } from '../features/support/RequireAgent';
import { useUnseenCount } from '../features/support/live/badge';
import { useIsAdmin } from './guards';
import { setThemeChoice, type ThemeChoice, useThemeChoice } from './theme';

/** Navigation below the conversation list: pages, language, theme and the account. */
export function SidebarFooter() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const admin = useIsAdmin();
  const staff = useIsStaff();
  const unseen = useUnseenCount();
  const navigate = useNavigate();
  const themeChoice = useThemeChoice();
  return (
    <Flex vertical gap={4} style={{ padding: 8 }}>
      {staff && (
        <Link to="/support">
          <Button type="text" block icon={<CustomerServiceOutlined />} style={{ justifyContent: 'flex-start' }} data-testid="nav-support">
            {t('nav.support')}
            {unseen > 0 && <Badge count={unseen} size="small" style={{ marginInlineStart: 6 }} title={t('nav.supportWaiting', { count: unseen })} />}
          </Button>
        </Link>
      )}
      <Link to="/agents">
        <Button type="text" block icon={<RobotOutlined />} style={{ justifyContent: 'flex-start' }}>
          {t('nav.agents')}
        </Button>
      </Link>
      <Link to="/settings">
        <Button type="text" block icon={<SettingOutlined />} style={{ justifyContent: 'flex-start' }}>
          {t('nav.settings')}
        </Button>
      </Link>
      {admin && (
        <Link to="/admin">
          <Button type="text" block icon={<ToolOutlined />} style={{ justifyContent: 'flex-start' }} data-testid="nav-admin">
            {t('nav.admin')}
          </Button>
        </Link>
      )}
      <Flex gap={4}>
        <Select<Language>
          size="small"
          style={{ flex: 1 }}
          aria-label={t('language.label')}
          value={i18n.language as Language}
          onChange={setLanguage}
          options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
          data-testid="language-select"
        />
        <Select<ThemeChoice>
          size="small"
          style={{ flex: 1 }}
          aria-label={t('theme.label')}
          value={themeChoice}
          onChange={setThemeChoice}
          options={(['system', 'light', 'dark'] as const).map((value) => ({ value, label: t(`theme.${value}`) }))}
          data-testid="theme-select"
        />
      </Flex>
      <Flex align="center" justify="space-between" gap={4} style={{ paddingLeft: 8 }}>
        <Typography.Text ellipsis title={session?.user.email} style={{ flex: 1 }}>
          {session?.user.display_name || session?.user.email}
        </Typography.Text>
        <Button
          type="text"
          icon={<LogoutOutlined />}
          aria-label={t('nav.logout')}
          title={t('nav.logout')}
          onClick={() => void logout().finally(() => navigate('/login'))}
          data-testid="logout"
        />
      </Flex>
    </Flex>
  );
}
