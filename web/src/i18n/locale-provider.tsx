import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { defaultLocale, formattingTag, isLocale, localeInfo, negotiateLocale, type Locale } from './locales';
import { loadMessages, type Messages } from './messages';

const storageKey = 'pobratim.locale';

interface LocaleContextValue {
  locale: Locale;
  /** The language to ask the API for names and labels in (`lang`). */
  apiLanguage: string;
  /** The tag Intl formats dates and numbers with. */
  intlTag: string;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue | undefined>(undefined);

function readStoredLocale(): Locale | undefined {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : undefined;
  } catch {
    return undefined; // storage may be disabled; the browser's languages still apply
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Remembering the choice is a convenience; the page works without it.
  }
}

/** The locale of a first visit: a remembered choice, else the browser's preferred languages. */
export function initialLocale(): Locale {
  return readStoredLocale() ?? negotiateLocale(navigator.languages ?? [navigator.language ?? defaultLocale]);
}

interface Loaded {
  locale: Locale;
  messages: Messages;
}

/**
 * Provides the interface language: loads its catalogue, sets `<html lang>`, remembers a switch in
 * localStorage, and renders nothing until the first catalogue has arrived (a few kilobytes).
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [wanted, setWanted] = useState<Locale>(initialLocale);

  useEffect(() => {
    let isCurrent = true;
    const load = async (): Promise<Loaded> => {
      try {
        return { locale: wanted, messages: await loadMessages(wanted) };
      } catch (error) {
        // A catalogue that cannot be fetched (offline, an old tab after an update) falls back to English.
        if (wanted === defaultLocale) throw error;
        return { locale: defaultLocale, messages: await loadMessages(defaultLocale) };
      }
    };
    void load().then((result) => {
      if (isCurrent) setLoaded(result);
    });
    return () => {
      isCurrent = false;
    };
  }, [wanted]);

  useEffect(() => {
    if (loaded) document.documentElement.lang = loaded.locale;
  }, [loaded]);

  const setLocale = useCallback((locale: Locale) => {
    storeLocale(locale);
    setWanted(locale);
  }, []);

  const value = useMemo<LocaleContextValue | undefined>(
    () =>
      loaded && {
        locale: loaded.locale,
        apiLanguage: localeInfo[loaded.locale].apiLanguage,
        intlTag: formattingTag(loaded.locale),
        setLocale,
      },
    [loaded, setLocale],
  );

  if (!loaded || !value) return null;
  return (
    <LocaleContext value={value}>
      <IntlProvider locale={value.intlTag} defaultLocale={defaultLocale} messages={loaded.messages}>
        {children}
      </IntlProvider>
    </LocaleContext>
  );
}

/** The reader's locale and the switch to change it. */
export function useLocale(): LocaleContextValue {
  const value = use(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside LocaleProvider.');
  return value;
}
