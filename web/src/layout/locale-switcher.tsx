import { NativeSelect } from '@mantine/core';
import { useSession } from '../accounts/use-session';
import { accountWrites } from '../api/accounts';
import { useLocale } from '../i18n/locale-provider';
import { isLocale, localeInfo, locales } from '../i18n/locales';
import { useT } from '../i18n/use-t';

/** One option per interface language, each named in itself (and marked as written in it). */
export function LocaleOptions() {
  return locales.map((value) => (
    <option key={value} value={value} lang={value}>
      {localeInfo[value].label}
    </option>
  ));
}

/**
 * The interface language, remembered for the next visit. Each language is named in itself. A signed-in
 * person's choice is also recorded on their account, so that the mails to them follow it (a failure is
 * left silent: signing in records it again).
 */
export function LocaleSwitcher() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { user } = useSession();
  return (
    <NativeSelect
      label={t('locale.label')}
      size="xs"
      value={locale}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        if (!isLocale(chosen)) return;
        setLocale(chosen);
        if (user) void accountWrites.setLanguage({ language: chosen }).catch(() => undefined);
      }}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: '0.5rem' } }}
    >
      <LocaleOptions />
    </NativeSelect>
  );
}
