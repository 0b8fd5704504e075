import { LogoutOutlined, RobotOutlined, SettingOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logout, useSession } from '../api/auth';
import { type Language, LANGUAGES, setLanguage } from '../i18n';
import { useIsAdmin } from './guards';
import { setThemeChoice, type ThemeChoice, useThemeChoice } from './theme';

/** Navigation below the conversation list: pages, language, theme and the account. */
export function SidebarFooter() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const admin = useIsAdmin();
  const navigate = useNavigate();
  const themeChoice = useThemeChoice();
  return (
    <Flex vertical gap={4} style={{ padding: 8 }}>
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
