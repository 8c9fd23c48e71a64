import { NativeSelect } from '@mantine/core';
import { useLocale } from '../i18n/locale-provider';
import { isLocale, localeInfo, locales } from '../i18n/locales';
import { useT } from '../i18n/use-t';

/** The interface language, remembered for the next visit. Each language is named in itself. */
export function LocaleSwitcher() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <NativeSelect
      label={t('locale.label')}
      size="xs"
      value={locale}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        if (isLocale(chosen)) setLocale(chosen);
      }}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: '0.5rem' } }}
    >
      {locales.map((value) => (
        <option key={value} value={value} lang={value}>
          {localeInfo[value].label}
        </option>
      ))}
    </NativeSelect>
  );
}
