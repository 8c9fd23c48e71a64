import { useEffect } from 'react';
import { useT } from '../i18n/use-t';

/** Sets the browser tab's title for a page: `Vienna · Pobratim`; the home page has the name alone. */
export function usePageTitle(title: string | undefined): void {
  const appName = useT()('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
