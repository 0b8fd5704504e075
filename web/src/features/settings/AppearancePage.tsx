import { Card, Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { setThemeChoice, type ThemeChoice, useThemeChoice } from '../../app/theme';
import { type Language, LANGUAGES, setLanguage } from '../../i18n';

/** Language and theme, kept in this browser. */
export function AppearancePage() {
  const { t, i18n } = useTranslation('settings');
  const theme = useThemeChoice();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('sections.appearance')}
      </Typography.Title>
      <Card>
        <Form layout="vertical">
          <Form.Item label={t('appearance.language')} extra={t('appearance.languageHint')}>
            <Radio.Group
              aria-label={t('appearance.language')}
              value={i18n.language as Language}
              onChange={(event) => setLanguage(event.target.value as Language)}
              optionType="button"
              options={LANGUAGES.map((language) => ({ value: language, label: t(`common:language.${language}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('appearance.theme')} extra={t('appearance.themeHint')} style={{ marginBottom: 0 }}>
            <Radio.Group
              aria-label={t('appearance.theme')}
              value={theme}
              onChange={(event) => setThemeChoice(event.target.value as ThemeChoice)}
              optionType="button"
              options={(['system', 'light', 'dark'] as const).map((value) => ({ value, label: t(`appearance.themes.${value}`) }))}
            />
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
