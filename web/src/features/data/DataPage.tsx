import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';

/** /settings/data: take everything out, bring conversations in. */
export function DataPage() {
  const { t } = useTranslation('data');
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <ExportSection />
      <ImportSection />
    </>
  );
}
