import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConversationSidebar } from '../features/chat/sidebar/ConversationSidebar';
import { SidebarFooter } from './SidebarFooter';

export function SidebarContent() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  return (
    <Flex vertical style={{ height: '100%' }}>
      <Flex align="center" justify="space-between" style={{ padding: '12px 12px 8px' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('appName')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/')} data-testid="new-chat">
          {t('nav.newChat')}
        </Button>
      </Flex>
      <div style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>
        <ConversationSidebar />
      </div>
      <div style={{ borderTop: `1px solid ${token.colorBorderSecondary}` }}>
        <SidebarFooter />
      </div>
    </Flex>
  );
}
