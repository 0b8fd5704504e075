import { ExportOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../i18n/problems';
import { downloadExport, EXPORT_FORMATS } from './api';

/** Exports one conversation in the format picked from the menu. */
export function ExportMenu({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: EXPORT_FORMATS.map((format) => ({
          key: format,
          label: t(`export.formats.${format}`),
          onClick: () =>
            void downloadExport(`/api/v1/conversations/${encodeURIComponent(conversationId)}/export`, { format }, `conversation.${format}`).catch(
              (error) => message.error(problemText(error)),
            ),
        })),
      }}
    >
      <Button icon={<ExportOutlined />} aria-label={t('export.conversation')} data-testid="conversation-export">
        {t('export.short')}
      </Button>
    </Dropdown>
  );
}
