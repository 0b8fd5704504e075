import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ height: '100%', minHeight: 120 }} role="status">
      <Spin aria-label={t('states.loading')} />
    </Flex>
  );
}
