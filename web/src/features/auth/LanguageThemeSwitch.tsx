import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { setThemeChoice, type ThemeChoice, useThemeChoice } from '../../app/theme';
import { type Language, LANGUAGES, setLanguage } from '../../i18n';

export function LanguageThemeSwitch() {
  const { t, i18n } = useTranslation();
  const themeChoice = useThemeChoice();
  return (
    <Space>
      <Select<Language>
        aria-label={t('language.label')}
        value={i18n.language as Language}
        onChange={setLanguage}
        options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
        data-testid="language-select"
        style={{ width: 120 }}
      />
      <Select<ThemeChoice>
        aria-label={t('theme.label')}
        value={themeChoice}
        onChange={setThemeChoice}
        options={(['system', 'light', 'dark'] as const).map((value) => ({ value, label: t(`theme.${value}`) }))}
        style={{ width: 120 }}
      />
    </Space>
  );
}
