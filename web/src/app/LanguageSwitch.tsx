import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(v) => void i18n.changeLanguage(v)}
      data={[
        { value: 'vi', label: <span lang="vi" title={t('language.vi')}>VI</span> },
        { value: 'en', label: <span lang="en" title={t('language.en')}>EN</span> },
      ]}
    />
  );
}
